"""The clerk's corrections to an import: each kind of line, numbers kept as the source gave
them, nothing lost, and a correction replayed on the same import."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain import import_corrections as ic
from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption


def imported() -> DocumentText:
    """As an importer might misread a file: the title taken for a heading, a stray footer kept
    as a clause, a list item read as a paragraph."""
    return DocumentText(
        "",
        [
            Section("Member/Officer Protocol", numbered=False),
            Section(
                "Introduction",
                [
                    Block("The relationship matters.", number="1.1", source_number="1.1"),
                    Block(
                        "Councillors can expect:",
                        number="1.2",
                        items=[ListItem("courtesy"), ListItem("information")],
                        list_style="lower-alpha",
                    ),
                    Block("(c) respect", numbered=False),
                    Block("Page 1 of 4", number="1.3", source_number="1.3"),
                ],
                number="1",
                source_number="1",
            ),
            Section("Roles", [Block("Officers advise.", number="2.1")], number="2"),
        ],
    )


def test_lines_and_document_round_trip():
    text = imported()
    again = ic.document_of(text.title, ic.lines_of(text))
    assert again.canonical_json() == text.canonical_json()
    assert [b.number for _s, b in again.iter_blocks()] == ["1.1", "1.2", "", "1.3", "2.1"]


def _index(lines, text):
    return next(i for i, line in enumerate(lines) if line.text == text)


def test_each_kind_of_correction_keeps_the_source_numbers():
    text = imported()
    lines = ic.lines_of(text)
    fixes = ic.Corrections()
    for wanted, kind in (
        ("Member/Officer Protocol", ic.TITLE),
        ("(c) respect", ic.ITEM),
        ("Page 1 of 4", ic.REMOVE),
    ):
        fixes.lines.append(ic.Correction(_index(lines, wanted), wanted, kind))
        ic.apply_line("", lines, fixes.lines[-1])
    result, history, council, skipped = ic.apply(imported(), [], "", fixes)
    assert skipped == 0
    assert result.title == "Member/Officer Protocol"
    assert [s.heading for s in result.sections] == ["Introduction", "Roles"]
    assert [b.number for _s, b in result.iter_blocks()] == ["1.1", "1.2", "2.1"]
    block = result.sections[0].blocks[1]
    assert [i.text for i in block.items] == ["courtesy", "information", "(c) respect"]
    assert "Page" not in result.plain_words()


def test_a_clause_made_a_heading_splits_its_section_and_back():
    text = DocumentText(
        "Protocol",
        [
            Section(
                "",
                [
                    Block("Roles", numbered=False),
                    Block("Officers advise.", number="1"),
                    Block("Councillors decide.", number="2"),
                ],
                numbered=False,
            )
        ],
    )
    lines = ic.lines_of(text)
    fixes = ic.Corrections([ic.Correction(0, "Roles", ic.HEADING)])
    result, *_ = ic.apply(text, [], "", fixes)
    assert [s.heading for s in result.sections] == ["Roles"]
    assert [b.number for b in result.sections[0].blocks] == ["1", "2"]
    back = ic.Corrections([ic.Correction(0, "Roles", ic.PARAGRAPH)])
    again, *_ = ic.apply(result, [], "", back)
    assert [s.heading for s in again.sections] == [""]
    assert [b.text for b in again.sections[0].blocks][0] == "Roles"
    assert lines[0].kind == ic.PARAGRAPH


def test_numbered_line_made_a_paragraph_keeps_its_number_as_text():
    text = imported()
    lines = ic.lines_of(text)
    fixes = ic.Corrections(
        [ic.Correction(_index(lines, "Officers advise."), "Officers advise.", ic.PARAGRAPH)]
    )
    result, *_ = ic.apply(text, [], "", fixes)
    assert result.sections[-1].blocks[0].text == "2.1 Officers advise."
    assert not result.sections[-1].blocks[0].numbered


def test_title_from_a_numbered_heading_keeps_every_word():
    text = DocumentText(
        "",
        [
            Section("Member/Officer Protocol", number="5"),
            Section("Introduction", [Block("Text.", number="5.1")], number="5"),
        ],
    )
    fixes = ic.Corrections([ic.Correction(0, "Member/Officer Protocol", ic.TITLE)])
    result, *_ = ic.apply(text, [], "", fixes)
    assert result.title == "5 Member/Officer Protocol"


def test_stale_correction_is_skipped_not_misapplied():
    fixes = ic.Corrections([ic.Correction(3, "not this line", ic.REMOVE)])
    result, _h, _c, skipped = ic.apply(imported(), [], "", fixes)
    assert skipped == 1
    assert result.canonical_json() == imported().canonical_json()


def test_council_title_and_history_corrections_round_trip_through_json():
    history = [
        Adoption("2024", dt.date(2024, 5, 16), "", dt.date(2025, 5, 31), ""),
        Adoption("2025", dt.date(2025, 5, 15), "FC/25/07", None, "Full Council"),
    ]
    fixes = ic.Corrections(
        [ic.Correction(1, "Introduction", ic.HEADING)],
        council="Oakford Town Council",
        title="Protocol",
        history=history,
    )
    again = ic.Corrections.from_json(fixes.to_json())
    assert again == fixes
    result, rows, council, _ = ic.apply(imported(), [], "", again)
    assert council == "Oakford Town Council" and result.title == "Protocol"
    assert [r.minute_ref for r in rows] == ["", "FC/25/07"]


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"lines": "x"},
        {"lines": [{"index": "a"}]},
        {"lines": [{"index": 1, "text": "t", "kind": "evil"}]},
        {"history": [1, {"adopted_on": "31/02/2026"}]},
    ],
)
def test_stored_corrections_that_make_no_sense_are_ignored(data):
    fixes = ic.Corrections.from_json(data)
    assert fixes.lines == []
