"""Version tables and adoption/review lines into an adoption history, oldest first."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.services.importer.history import (
    merge_history,
    read_meta_line,
    read_version_table,
    version_table_columns,
)


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Version", "Date of Adoption", "Minute Reference", "Review Date", "Originator/Reviewer"],
         ["version", "adopted_on", "minute_ref", "review_due", "reviewer"]),
        (["Issue", "Adopted", "Min. Ref", "Next review", "Reviewed by"],
         ["version", "adopted_on", "minute_ref", "review_due", "reviewer"]),
        (["Date approved", "Version No."], ["adopted_on", "version"]),
        (["Version", "Approved by", "Date"], ["version", "body", "adopted_on"]),
        (["Rev", "Approved", "Min ref", "Next review", "Owner"],
         ["version", "adopted_on", "minute_ref", "review_due", "reviewer"]),
        (["Issue", "Date", "Resolution", "Review", "By"],
         ["version", "adopted_on", "minute_ref", "review_due", "reviewer"]),
    ],
)  # fmt: skip
def test_header_rows_in_the_words_councils_use(header, expected):
    columns = version_table_columns(header)
    assert columns is not None
    assert [columns[i] for i in sorted(columns)] == expected


@pytest.mark.parametrize("header", [["Role", "Name"], ["Version", "Notes"], ["", ""]])
def test_other_tables_are_not_version_tables(header):
    assert version_table_columns(header) is None


def test_rows_become_adoptions_and_odd_rows_are_handed_back():
    rows = [
        ["Version", "Adopted", "Minute", "Review", "Changes"],
        ["1", "17.3.2020", "12/20", "March 2021", "First version"],
        ["", "25/3/2021", "", "", ""],
        ["3", "soon", "", "", ""],
        ["", "", "", "", ""],
    ]
    table = read_version_table(rows, version_table_columns(rows[0]))
    assert [a.history_json() for a in table.adoptions] == [
        {"version": "1", "adopted_on": "2020-03-17", "minute_ref": "12/20",
         "review_due": "2021-03-31", "reviewer": ""},
        {"version": "", "adopted_on": "2021-03-25", "minute_ref": "", "review_due": None,
         "reviewer": ""},
    ]  # fmt: skip
    assert table.leftovers == [
        ("Version 1: Changes: First version", "version-table column with no place in the history"),
        ("3 | soon", "version-table row not understood"),
    ]


@pytest.mark.parametrize(
    "line, fields",
    [
        ("Policy adopted: 16th December 2021", {"adopted_on": dt.date(2021, 12, 16)}),
        ("Review Date: December 2026", {"review_due": dt.date(2026, 12, 31)}),
        ("Adopted 16th October 2017. (To be reviewed October 2019)",
         {"adopted_on": dt.date(2017, 10, 16), "review_due": dt.date(2019, 10, 31)}),
        ("Approved by Full Council on 12 May 2022, minute 123/22",
         {"adopted_on": dt.date(2022, 5, 12), "minute_ref": "123/22"}),
        ("Version: 3.1", {"version": "3.1"}),
        ("Reviewed by: G White", {"reviewer": "G White"}),
    ],
)  # fmt: skip
def test_adoption_lines(line, fields):
    meta = read_meta_line(line)
    assert meta is not None
    for name in ("adopted_on", "review_due", "minute_ref", "version", "reviewer"):
        assert getattr(meta, name) == fields.get(
            name, "" if name in ("minute_ref", "version", "reviewer") else None
        )


@pytest.mark.parametrize(
    "line",
    [
        "The council adopted its first protocol on 3 May 2015 after consulting its staff.",
        "This protocol will be reviewed every two years.",
        "Councillors meet in March 2021 and again later.",
        "Version control",
    ],
)
def test_body_sentences_are_not_adoption_lines(line):
    assert read_meta_line(line) is None


def test_lines_complete_the_table_and_add_a_newer_adoption():
    rows = [["Version", "Date of adoption"], ["1", "1/4/2020"], ["2", "1/4/2021"]]
    table = read_version_table(rows, version_table_columns(rows[0]))
    metas = [
        read_meta_line("Review date: April 2022"),
        read_meta_line("Adopted: 16th December 2021"),
        read_meta_line("Minute ref: 45/21"),
    ]
    merged = merge_history(table.adoptions, metas)
    assert [(a.version_label, a.adopted_on, a.review_due, a.minute_ref) for a in
            merged.adoptions] == [
        ("1", dt.date(2020, 4, 1), None, ""),
        ("2", dt.date(2021, 4, 1), None, ""),
        ("", dt.date(2021, 12, 16), dt.date(2022, 4, 30), "45/21"),
    ]  # fmt: skip
    assert merged.used_meta == {0, 1, 2}


def test_a_line_that_contradicts_the_table_is_not_used():
    rows = [["Version", "Adopted", "Review"], ["1", "1/4/2020", "April 2021"]]
    table = read_version_table(rows, version_table_columns(rows[0]))
    merged = merge_history(table.adoptions, [read_meta_line("Review date: June 2021")])
    assert merged.adoptions[0].review_due == dt.date(2021, 4, 30)
    assert merged.used_meta == set()
