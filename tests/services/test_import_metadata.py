"""History and metadata in the forms councils use: adoption lines anywhere, committees,
'last updated' with a version, review intervals in words, Word tables with other headers.
Nothing is invented: a title or version label the document does not state stays empty, and
the import says what is missing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest

from mop_desktop.services.importer import read_protocol


def imp(folder: Path, text: str, name: str = "protocol.txt"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return read_protocol(path)


BODY = "\n\n1. Introduction\n\n1.1 Members and officers work together.\n"


def test_committee_adoption_before_the_title(tmp_path):
    result = imp(
        tmp_path,
        "Approved by the Staffing Committee on 3 May 2023 (minute SC/23/14)\n\n"
        "Member and Officer Protocol" + BODY,
    )
    assert result.text.title == "Member and Officer Protocol"
    assert [(a.adopted_on, a.adopted_by, a.minute_ref, a.version_label)
            for a in result.history] == [
        (dt.date(2023, 5, 3), "Staffing Committee", "SC/23/14", "")
    ]  # fmt: skip
    assert "Approved" not in result.text.plain_words()


@pytest.mark.parametrize("where", ["top", "after title", "end"])
def test_adoption_line_anywhere(tmp_path, where):
    line = "Adopted by Full Council: 16th December 2021"
    parts = {
        "top": f"{line}\n\nProtocol{BODY}",
        "after title": f"Protocol\n\n{line}{BODY}",
        "end": f"Protocol{BODY}\n{line}\n",
    }
    result = imp(tmp_path, parts[where])
    assert [(a.adopted_on, a.adopted_by) for a in result.history] == [
        (dt.date(2021, 12, 16), "Full Council")
    ]
    assert result.text.title == "Protocol"


def test_last_updated_with_a_version_and_no_minute(tmp_path):
    result = imp(tmp_path, "Protocol\n\nLast updated 4 January 2022, version 3" + BODY)
    [row] = result.history
    assert (row.adopted_on, row.version_label, row.minute_ref) == (dt.date(2022, 1, 4), "3", "")
    assert "the latest adoption has no minute reference" in [i.message for i in result.issues]


def test_a_sentence_about_the_policy_dates_it_and_stays_in_the_body(tmp_path):
    sentence = "The policy is overseen by the Full Council and was last updated in January 2023."
    result = imp(tmp_path, f"Protocol\n\n{sentence}{BODY}")
    assert [a.adopted_on for a in result.history] == [dt.date(2023, 1, 31)]
    assert sentence in [b.text for s in result.text.sections for b in s.blocks]


@pytest.mark.parametrize(
    "sentence, months",
    [
        ("This protocol will be reviewed annually.", 12),
        ("The council will review this protocol every two years.", 24),
        ("It is reviewed biennially by Full Council.", 24),
        ("This policy will be reviewed triennially.", 36),
        ("This protocol will be reviewed quadrennially by Full Council.", 48),
        ("The protocol is to be reviewed every 3 years.", 36),
        ("This protocol will be reviewed every eighteen months.", 18),
        ("The council carries out an annual review of its policies.", 12),
    ],
)  # fmt: skip
def test_review_interval_in_words(tmp_path, sentence, months):
    result = imp(tmp_path, f"Protocol{BODY}\n1.2 {sentence}\n")
    assert result.review_interval_months == months


def test_no_review_interval_when_none_is_stated(tmp_path):
    result = imp(tmp_path, "Protocol" + BODY)
    assert result.review_interval_months is None


def test_interval_is_stored_and_shown(cli, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(
        "Protocol\n\nAdopted 3 May 2023"
        + BODY
        + "\n1.2 This protocol will be reviewed every two years.\n",
        "utf-8",
    )
    assert cli("import", str(path))[0] == 0
    data = json.loads(cli("show", "--json")[1])
    assert data["review_interval_months"] == 24
    assert data["history"][0]["version"] == ""  # none stated, none made up


def test_nothing_invented_and_what_is_missing_is_said(tmp_path):
    result = imp(tmp_path, "1.1 A clause with no title, council or adoption above it.\n")
    assert result.text.title == ""
    assert result.history == []
    assert result.missing == [
        "no title found: the document does not state one (set it before saving)",
        "no council named in the document",
        "no adoption date found: it will be imported as the draft",
    ]


def test_title_keeps_its_section_words_and_council_from_a_sentence(tmp_path):
    result = imp(
        tmp_path,
        "Section 5: Member/Officer Protocol\n\n"
        "This protocol applies to Little Snoring Parish Council and its staff.\n\n"
        "1. Introduction\n\n1.1 Text.\n",
    )
    assert result.text.title == "Section 5: Member/Officer Protocol"
    assert result.council_name == "Little Snoring Parish Council"
    assert [s.number for s in result.text.sections if s.number] == ["1"]


def test_part_title_is_kept_whole(tmp_path):
    result = imp(tmp_path, "Part 5 Member and Officer Relations Protocol" + BODY)
    assert result.text.title == "Part 5 Member and Officer Relations Protocol"


def test_title_line_carrying_the_dates(tmp_path):
    result = imp(tmp_path, "DUNSTON PARISH COUNCIL GRIEVANCE POLICY  Accepted October 2021/ "
                           "Review October 2024" + BODY)  # fmt: skip
    assert result.text.title == "DUNSTON PARISH COUNCIL GRIEVANCE POLICY"
    assert [(a.adopted_on, a.review_due) for a in result.history] == [
        (dt.date(2021, 10, 31), dt.date(2024, 10, 31))
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["Rev", "Approved", "Min ref", "Next review", "Owner", "Approved by"],
        ["Issue", "Date", "Resolution", "Review", "By", "Committee"],
        ["Version", "Adopted", "Minute", "Review date", "Author", "Meeting"],
    ],
)
def test_word_version_table_with_other_headers(tmp_path, header):
    document = docx.Document()
    document.add_paragraph("Member/Officer Protocol", style="Title")
    table = document.add_table(rows=3, cols=6)
    rows = [
        header,
        ["1", "17/03/2020", "12/20", "March 2021", "J Smith", "Full Council"],
        ["2", "25 March 2021", "", "", "J Smith", "Staffing Committee"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("1.1 A clause.")
    path = tmp_path / "p.docx"
    document.save(path)
    result = read_protocol(path)
    assert [(a.version_label, a.adopted_on, a.minute_ref, a.review_due, a.reviewer,
             a.adopted_by) for a in result.history] == [
        ("1", dt.date(2020, 3, 17), "12/20", dt.date(2021, 3, 31), "J Smith", "Full Council"),
        ("2", dt.date(2021, 3, 25), "", None, "J Smith", "Staffing Committee"),
    ]  # fmt: skip
    assert result.doubtful == []


def test_committee_adoption_is_stored(cli, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("Protocol\n\nAdopted by the Finance & Personnel Committee on 19 January "
                    "2015" + BODY, "utf-8")  # fmt: skip
    assert cli("import", str(path))[0] == 0
    data = json.loads(cli("show", "--json")[1])
    assert data["status"] == "adopted"
    assert data["history"][0]["body"] == "Finance & Personnel Committee"
