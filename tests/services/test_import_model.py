"""The model protocol: imports cleanly through the importer, numbered, and covers each topic."""

from __future__ import annotations

import re

from mop_desktop.services.importer.model import model_protocol


def _all_text(doc) -> str:
    return " ".join(doc.plain_words())


def test_model_is_numbered_clauses_in_sections():
    doc = model_protocol()
    assert doc.title == "Member/Officer Relations Protocol"
    assert [s.number for s in doc.sections] == [str(n) for n in range(1, len(doc.sections) + 1)]
    clauses = [b for s in doc.sections for b in s.blocks]
    assert 40 <= len(clauses) <= 70
    assert all(b.numbered and re.fullmatch(r"\d+\.\d+", b.number) for b in clauses)
    assert not any(s.doubtful for s in doc.sections)
    assert not any(b.doubtful for b in clauses)


def test_model_covers_each_topic():
    doc = model_protocol()
    headings = [s.heading for s in doc.sections]
    assert headings == [
        "Introduction and purpose",
        "Roles of councillors and officers",
        "What councillors can expect from officers",
        "What officers can expect from councillors",
        "Limitations upon behaviour",
        "Political groups",
        "Access to information",
        "When things go wrong",
    ]
    text = _all_text(doc)
    for phrase in [
        "Proper Officer",
        "Responsible Financial Officer",
        "Close personal relationships",
        "party-political",
        "political group",
        "Informal resolution",
        "grievance procedure",
        "Monitoring Officer",
        "disciplinary procedure",
    ]:
        assert phrase in text, phrase
    lists = [b for s in doc.sections[2:4] for b in s.blocks if b.items]
    assert [b.list_style for b in lists] == ["bullet", "bullet"]


def test_model_is_not_copied_from_the_samples(samples):
    model = _all_text(model_protocol()).lower().split()
    shingles = {" ".join(model[i : i + 8]) for i in range(len(model) - 7)}
    for sample in samples.glob("*.txt"):
        words = sample.read_text(encoding="utf-8").lower().split()
        copied = [" ".join(words[i : i + 8]) for i in range(len(words) - 7)]
        assert not shingles.intersection(copied), sample.name


def test_each_call_gives_a_fresh_copy():
    first = model_protocol()
    first.sections[0].heading = "Changed"
    assert model_protocol().sections[0].heading == "Introduction and purpose"
