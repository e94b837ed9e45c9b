"""Dates as they appear in the free text of a protocol: "16th December 2021", "17.3.2020",
"24/3/2022", "2026-03-23", "March 2027", "Dec 2026".

A date given only as a month means the last day of that month (a review "by March 2027").
Anything uncertain (a two-digit year, an impossible day, a season) gives None: the importer
then keeps the text as it is rather than guessing. Plain Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
import re

from mop_desktop.domain.dates import end_of_month

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# Order matters: the fuller forms are tried before a bare "Month YYYY".
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})[./-](?P<mnum>\d{1,2})[./-](?P<year>\d{4})\b")),
    (
        "d-month-y",
        re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+{_MONTH},?[\s-]+{_YEAR}\b", re.I),
    ),
    (
        "month-d-y",
        re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+{_YEAR}\b", re.I),
    ),
    ("month-y", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
]
_TWO_DIGIT_YEAR = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")


def _build(kind: str, match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mnum"):
        month = int(groups["mnum"])
    else:
        month = MONTHS[groups["month"].lower().rstrip(".")]
    if not 1900 <= year <= 2200 or not 1 <= month <= 12:
        return None
    if kind == "month-y":
        return end_of_month(year, month)
    try:
        return dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first date in ``text`` with its span, or None. A string that looks like a date but
    is not a real one (31.2.2021, 17.3.20) stops the search: it is not read past."""
    best: tuple[int, int, str, re.Match[str]] | None = None
    for kind, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        # prefer the earliest match; at the same start the longer one
        key = (match.start(), -(match.end() - match.start()))
        if best is None or key < (best[0], best[1]):
            best = (key[0], key[1], kind, match)
    if best is None:
        return None
    _, _, kind, match = best
    day = _build(kind, match)
    if day is None:
        return None
    return day, match.start(), match.end()


def parse_text_date(text: str) -> dt.date | None:
    """``text`` read as one date (surrounding spaces and punctuation allowed), else None."""
    value = text.strip().strip(".,;:()[]").strip()
    if not value or _TWO_DIGIT_YEAR.fullmatch(value):
        return None
    found = find_date(value)
    if found is None:
        return None
    day, start, end = found
    rest = (value[:start] + value[end:]).strip(" ,.;:()")
    return day if not rest else None


def all_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every date in ``text``, left to right."""
    out: list[tuple[dt.date, int, int]] = []
    offset = 0
    while offset < len(text):
        found = find_date(text[offset:])
        if found is None:
            break
        day, start, end = found
        out.append((day, offset + start, offset + end))
        offset += end
    return out
