"""Free-text dates in protocols: the forms clerks write, and None rather than a guess."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.textdates import all_dates, find_date, parse_text_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("16th December 2021", dt.date(2021, 12, 16)),
        ("1st March 2020", dt.date(2020, 3, 1)),
        ("22nd of June 2023", dt.date(2023, 6, 22)),
        ("3 Sept 2024", dt.date(2024, 9, 3)),
        ("December 16, 2021", dt.date(2021, 12, 16)),
        ("17.3.2020", dt.date(2020, 3, 17)),
        ("24/3/2022", dt.date(2022, 3, 24)),
        ("05-11-2025", dt.date(2025, 11, 5)),
        ("2026-03-23", dt.date(2026, 3, 23)),
        ("March 2027", dt.date(2027, 3, 31)),
        ("Dec 2026", dt.date(2026, 12, 31)),
        ("Feb. 2024", dt.date(2024, 2, 29)),
        ("February 2025", dt.date(2025, 2, 28)),
        ("  (October 2019).", dt.date(2019, 10, 31)),
    ],
)
def test_dates_clerks_write(text, expected):
    assert parse_text_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "annually", "Spring 2026", "17.3.20", "31.2.2021", "13/13/2021", "2026", "March",
     "March 2021 or so", "32nd May 2021"],
)  # fmt: skip
def test_no_guessing(text):
    assert parse_text_date(text) is None


def test_dates_found_inside_a_line():
    line = "Adopted 16th October 2017. (To be reviewed October 2019)"
    assert [(d, line[s:e]) for d, s, e in all_dates(line)] == [
        (dt.date(2017, 10, 16), "16th October 2017"),
        (dt.date(2019, 10, 31), "October 2019"),
    ]
    assert find_date("no date here") is None
