"""The council-pack report: meeting, purpose, recommendation, summary of changes, the draft
marked against the adopted version (each change and nothing else), and the clean draft."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from mop_desktop.domain.diff import DELETE, INSERT, WordOp
from mop_desktop.services.pdf.exports import PdfError, export_pdf, list_exports
from mop_desktop.services.pdf.redline import mark_ops
from mop_desktop.store.models import MeetingRow
from tests.domain.test_diff import adopted, draft_with_four_changes
from tests.services.pdf_support import pdf_text, pdf_words, put_adopted, put_draft, sample_text


@pytest.fixture
def report(store, tmp_path):
    put_adopted(store, adopted(), [], "Example Town Council")
    put_draft(store, draft_with_four_changes())
    with store.session() as session:
        session.add(
            MeetingRow(date=dt.date(2099, 3, 23), body="Full Council", location="The Pavilion")
        )
        session.add(MeetingRow(date=dt.date(2000, 1, 1), body="Full Council"))
    out = tmp_path / "report.pdf"
    info = export_pdf(store, out, redline=True)
    return out, info


def test_report_names_meeting_purpose_and_recommendation(report):
    out, info = report
    text = pdf_text(out)
    assert (info.kind, info.version_label) == ("redline", "2099")
    assert "Report to Full Council" in text
    assert "Meeting: Full Council, 23 March 2099, The Pavilion" in text
    assert "1. Purpose" in text and "last adopted as version 2026 on 23 March 2026" in text
    assert "That the Council adopts version 2099 of the Protocol." in text
    assert "Appendix A" in text and "Appendix B" in text


def test_summary_lists_the_four_changes_and_nothing_else(report):
    out, _info = report
    text = pdf_text(out)
    assert (
        "The draft makes these changes: 1 clause added, 2 clauses reworded, 1 clause moved."
    ) in text
    summary = text.split("2. Summary of changes", 1)[1].split("3. Recommendation", 1)[0]
    rows = re.findall(
        r"(Clause added|Clause removed|Clause reworded|Clause moved|"
        r"List changed|Heading \w+|Renumbered)",
        summary,
    )
    assert sorted(rows) == ["Clause added", "Clause moved", "Clause reworded", "List changed"]
    assert "1 list item removed" in summary
    assert "moved from 1.3" in summary


def test_marked_draft_shows_each_change_once(report):
    out, _info = report
    appendix = pdf_text(out).split("Appendix A", 2)[2].split("Appendix B", 1)[0]
    assert appendix.count("[new clause]") == 1
    assert appendix.count("[moved from 1.3]") == 1
    assert "removed" not in appendix.replace("was removed", "")  # only the legend says it
    assert "[renumbered" not in appendix
    assert "officers continue build and keep this relationship" in appendix
    assert "Respect, dignity and courtesy." in appendix  # the struck list item is shown
    assert "Councillors and officers shall be courteous at meetings." in appendix


def test_clean_draft_holds_every_word_of_the_draft(report):
    out, _info = report
    words = pdf_words(out)
    start = max(i for i, w in enumerate(words[:-1]) if w == "Appendix" and words[i + 1] == "B:")
    text = " ".join(words[start:])
    assert "continue" not in text
    assert "Respect, dignity and courtesy." not in text
    draft = draft_with_four_changes()
    for section in draft.sections:
        for block in section.blocks:
            assert " ".join(block.text.split()) in text


def test_insertions_are_underlined_and_deletions_struck_through():
    markup = mark_ops([WordOp("equal", "a"), WordOp(DELETE, "old <x>"), WordOp(INSERT, "new & y")])
    assert "<strike>" in markup and "old &lt;x&gt;" in markup
    assert "<u>" in markup and "new &amp; y" in markup


def test_report_of_a_sample_with_its_renumbering(store, samples, tmp_path):
    text, history, council = sample_text(samples / "borough-model-protocol.txt")
    put_adopted(store, text, history, council or "Borough Green Town Council")
    draft = text.clone()
    from mop_desktop.domain.document import Block

    draft.sections[0].blocks.insert(0, Block("The Council values courtesy between all."))
    put_draft(store, draft.renumber())
    out = tmp_path / "r.pdf"
    export_pdf(store, out, redline=True, today=dt.date(2027, 1, 5))
    text_out = pdf_text(out)
    assert "1 clause added" in text_out and "renumbered as a result" in text_out
    assert "Meeting: the next meeting of Full Council" in text_out
    assert "Date of report: 5 January 2027" in text_out
    assert [e.kind for e in list_exports(store)] == ["redline"]


def test_no_draft_no_report(store, tmp_path):
    put_adopted(store, adopted(), [], "Example Town Council")
    with pytest.raises(PdfError, match="no draft to report on"):
        export_pdf(store, tmp_path / "r.pdf", redline=True)


def test_report_proposes_a_label_not_yet_taken(store, tmp_path):
    """Adopted as 2026 and reviewed again in 2026: the report asks for 2026v2 (what Adopt
    will suggest), never the label of the version it replaces."""
    put_adopted(store, adopted(), [], "Example Town Council")
    put_draft(store, draft_with_four_changes())
    with store.session() as session:
        session.add(MeetingRow(date=dt.date(2026, 11, 30), body="Full Council"))
    out = tmp_path / "report.pdf"
    info = export_pdf(store, out, redline=True, today=dt.date(2026, 11, 22))
    text = pdf_text(out)
    assert info.version_label == "2026v2"
    assert "That the Council adopts version 2026v2 of the Protocol." in text
    assert "draft version 2026v2 against version 2026" in text


def test_summary_of_a_new_clause_with_a_list_says_added_only():
    from mop_desktop.domain.diff import compare
    from mop_desktop.domain.document import Block, ListItem
    from mop_desktop.services.pdf.redline import summary_sentence

    new = adopted().clone()
    new.sections[1].blocks.append(
        Block("Officers will also:", list_style="bullet", items=[ListItem("Reply promptly.")])
    )
    assert summary_sentence(compare(adopted(), new.renumber())) == (
        "The draft makes these changes: 1 clause added."
    )


def test_summary_of_unnumbered_clauses_says_where_not_the_same_words_twice():
    """An added or removed unnumbered clause is named by its first words in the Clause
    column; the Detail column used to repeat them, and now says which heading it is under."""
    from mop_desktop.domain.diff import compare
    from mop_desktop.domain.document import Block, DocumentText, Section
    from mop_desktop.services.pdf.redline import _summary_rows

    old = DocumentText(
        "P",
        [
            Section(
                "Roles",
                [
                    Block("Councillors set the policy of the council and lead it.", numbered=False),
                    Block("Officers give advice to the council.", numbered=False),
                ],
                numbered=False,
            )
        ],
    ).renumber()
    new = old.clone()
    new.sections[0].blocks.pop(0)
    new.sections[0].blocks.append(Block("Officers keep records.", numbered=False))
    rows = _summary_rows(compare(old, new.renumber()))
    assert rows == [
        (
            "Clause removed",
            "\u201cCouncillors set the policy of the council\u2026\u201d",
            "under \u201cRoles\u201d",
        ),
        ("Clause added", "\u201cOfficers keep records.\u201d", "under \u201cRoles\u201d"),
    ]


@pytest.mark.parametrize(
    "council, title, version, kind, expected",
    [
        (
            "St Mary's: <Oakford> Town Council",
            "Member/Officer Relations Protocol?",
            "2026v2",
            "redline",
            "St Mary's Oakford Town Council - Report on the Member-Officer Relations "
            "Protocol - version 2026v2 - 2026-11-22.pdf",
        ),
        ("", "", "", "protocol", "Protocol - 2026-11-22.pdf"),  # used to be "2026-11-22.pdf"
        ("Example Town Council", "A" * 300, "", "draft", None),
    ],
)
def test_suggested_file_names(council, title, version, kind, expected):
    """Refused characters used to become stray hyphens ("Protocol-", "-Town-"), an untitled
    protocol was named by its date alone, and a long title pushed the date off the end."""
    from mop_desktop.services.pdf.exports import suggested_name

    name = suggested_name(council, title, version, dt.date(2026, 11, 22), kind)
    if expected is not None:
        assert name == expected
    assert name.endswith(" - 2026-11-22.pdf") and len(name) <= 200
    assert not any(c in name for c in '<>:"/\\|?*')
