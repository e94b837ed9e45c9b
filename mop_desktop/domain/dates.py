"""Dates as a clerk writes them: strict parsing and month arithmetic. No Qt."""

from __future__ import annotations

import calendar
import datetime as dt
import re


class DateError(ValueError):
    """A date the user typed that is not a real date (31/02/2026) or not in a known form."""


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_DMY_SHORT = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{2})$")


def parse_user_date(text: str) -> dt.date:
    """ISO (2026-03-23) or British day/month/year (23/03/2026). A two-digit year is refused
    rather than guessed; an impossible date (31/02/2026) is refused."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(value)
        if not match:
            raise DateError(f"'{text}' is not a date: use 23/03/2026 or 2026-03-23")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"'{text}' is not a real date") from None


def parse_typed_date(text: str) -> dt.date:
    """A date typed into the window: as ``parse_user_date``, and also day/month/two-digit year
    ("2/12/26"), read as 20xx. Only that one form: the day comes first, the month second and
    the year last, with the same separator twice ("2/12/26", "2.12.26"), so it cannot be read
    another way; "26-12-02" or "2/12/6" are still refused. The window then shows the full
    date (``format_short``), so the clerk sees which year was meant."""
    match = _DMY_SHORT.match(text.strip())
    if match is None:
        return parse_user_date(text)
    day, month, year = int(match.group(1)), int(match.group(3)), 2000 + int(match.group(4))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"'{text}' is not a real date") from None


def format_weekday_long(day: dt.date | None) -> str:
    """Thursday 21 January 2027."""
    return f"{day.strftime('%A')} {format_long(day)}" if day else ""


def end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def format_long(day: dt.date | None) -> str:
    """23 March 2026."""
    return f"{day.day} {day.strftime('%B')} {day.year}" if day else ""


def format_short(day: dt.date | None) -> str:
    """23/03/2026."""
    return day.strftime("%d/%m/%Y") if day else ""


def format_month(day: dt.date | None) -> str:
    """March 2027."""
    return f"{day.strftime('%B')} {day.year}" if day else ""
