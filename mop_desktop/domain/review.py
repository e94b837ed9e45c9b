"""Review-date arithmetic: when the next review falls, how near it is, which Full Council meeting
takes it and when that meeting's agenda must go out. Plain Python, no Qt and no SQL.

Assumptions (also in the README and on the Review schedule page):

* A review interval is counted in whole months from the adoption and means the end of that
  month: adopted 23 March 2026, every 12 months -> "March 2027" -> 31 March 2027.
* A date is *overdue* the day after it has passed, *due* from ``lead_days`` before it up to and
  including the day itself, and *upcoming* before that. ``days`` is the number of days from today
  to the date (negative once overdue).
* The summons for a meeting is issued at least ``clear_days`` (three) clear days before it:
  neither the day of issue nor the day of the meeting counts (Local Government Act 1972
  Sch 12 para 10; the usual reading with the Interpretation Act 1978 is that Sundays and bank
  holidays do not count either). With ``skip_sundays_and_holidays`` those days are passed over
  when counting, and the deadline itself is moved back to a day that is neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from mop_desktop.domain.dates import add_months, end_of_month

ONE_DAY = dt.timedelta(days=1)


class State(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"


# -- the review date --------------------------------------------------------------------------
def next_review_date(adopted_on: dt.date, interval_months: int) -> dt.date:
    """The end of the month ``interval_months`` after the adoption."""
    if interval_months < 1:
        raise ValueError("the review interval must be at least one month")
    day = add_months(adopted_on.replace(day=1), interval_months)
    return end_of_month(day.year, day.month)


def days_until(day: dt.date, today: dt.date) -> int:
    return (day - today).days


def state_of(day: dt.date, today: dt.date, lead_days: int) -> State:
    """Overdue after ``day``; due within ``lead_days`` before it (and on it); else upcoming."""
    days = days_until(day, today)
    if days < 0:
        return State.OVERDUE
    if days <= lead_days:
        return State.DUE
    return State.UPCOMING


def describe_days(days: int) -> str:
    """'today', 'in 1 day', 'in 30 days', '5 days overdue'."""
    if days == 0:
        return "today"
    if days > 0:
        return f"in {days} day{'s' if days != 1 else ''}"
    late = -days
    return f"{late} day{'s' if late != 1 else ''} overdue"


# -- meetings ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class MeetingChoice:
    """The meeting proposed for the review. ``after_review`` when no meeting falls between
    today and the review date, so the review will be late."""

    date: dt.date
    after_review: bool


def last_meeting_on_or_before(meetings: Iterable[dt.date], day: dt.date) -> dt.date | None:
    earlier = [m for m in meetings if m <= day]
    return max(earlier) if earlier else None


#: How long before the review date a meeting can still be the review meeting: the review is
#: taken at the last meeting before the review date, not at one many months earlier.
REVIEW_MEETING_WINDOW_MONTHS = 3


def meeting_for_review(
    meetings: Iterable[dt.date], review_due: dt.date, today: dt.date
) -> MeetingChoice | None:
    """The last meeting still to come on or before the review date and no more than
    ``REVIEW_MEETING_WINDOW_MONTHS`` before it; failing that, the first meeting still to come
    after the review date (the review will be late); None when neither is entered (a meeting
    long before the review date is not the review meeting: the later ones are not entered
    yet)."""
    ahead = sorted(m for m in meetings if m >= today)
    if not ahead:
        return None
    window_opens = add_months(review_due, -REVIEW_MEETING_WINDOW_MONTHS)
    before = last_meeting_on_or_before(ahead, review_due)
    if before is not None and before >= window_opens:
        return MeetingChoice(before, after_review=False)
    after = [m for m in ahead if m > review_due]
    if after:
        return MeetingChoice(after[0], after_review=True)
    return None


# -- bank holidays (England and Wales) --------------------------------------------------------
#: Bank holidays proclaimed for one year only; they cannot be computed. Moved holidays are in
#: ``_MOVED`` below.
ONE_OFF_HOLIDAYS: frozenset[dt.date] = frozenset(
    {
        dt.date(1999, 12, 31),  # Millennium
        dt.date(2002, 6, 3),  # Golden Jubilee
        dt.date(2011, 4, 29),  # Royal wedding
        dt.date(2012, 6, 5),  # Diamond Jubilee
        dt.date(2022, 6, 3),  # Platinum Jubilee
        dt.date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        dt.date(2023, 5, 8),  # Coronation of King Charles III
    }
)
#: (year, "early may" | "spring") -> the date the holiday was moved to.
_MOVED: dict[tuple[int, str], dt.date] = {
    (1995, "early may"): dt.date(1995, 5, 8),
    (2020, "early may"): dt.date(2020, 5, 8),
    (2002, "spring"): dt.date(2002, 6, 4),
    (2012, "spring"): dt.date(2012, 6, 4),
    (2022, "spring"): dt.date(2022, 6, 2),
}


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(0 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    day = end_of_month(year, month)
    return day - dt.timedelta(days=day.weekday())


def _substitute(day: dt.date, taken: set[dt.date]) -> dt.date:
    """A holiday on a weekend moves to the next weekday not already a holiday."""
    while day.weekday() >= 5 or day in taken:
        day += ONE_DAY
    return day


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[dt.date]:
    """England and Wales bank holidays of ``year``, with substitute days."""
    days: set[dt.date] = set()
    days.add(_substitute(dt.date(year, 1, 1), days))
    easter = easter_sunday(year)
    days.add(easter - dt.timedelta(days=2))
    days.add(easter + ONE_DAY)
    days.add(_MOVED.get((year, "early may"), _first_monday(year, 5)))
    days.add(_MOVED.get((year, "spring"), _last_monday(year, 5)))
    days.add(_last_monday(year, 8))
    christmas = _substitute(dt.date(year, 12, 25), days)
    days.add(christmas)
    days.add(_substitute(dt.date(year, 12, 26), days))
    days.update(d for d in ONE_OFF_HOLIDAYS if d.year == year)
    return frozenset(days)


def is_bank_holiday(day: dt.date) -> bool:
    return day in bank_holidays(day.year)


def counts_as_clear(day: dt.date, skip_sundays_and_holidays: bool) -> bool:
    if not skip_sundays_and_holidays:
        return True
    return day.weekday() != 6 and not is_bank_holiday(day)


def agenda_deadline(
    meeting: dt.date, clear_days: int = 3, skip_sundays_and_holidays: bool = True
) -> dt.date:
    """The last day the summons can be issued for a meeting on ``meeting``: ``clear_days``
    counted days lie strictly between the day of issue and the meeting."""
    counted = 0
    day = meeting
    while counted < clear_days:
        day -= ONE_DAY
        if counts_as_clear(day, skip_sundays_and_holidays):
            counted += 1
    issue = day - ONE_DAY
    while not counts_as_clear(issue, skip_sundays_and_holidays):
        issue -= ONE_DAY
    return issue


def report_deadline(deadline: dt.date, report_lead_days: int) -> dt.date:
    """When the report for the agenda pack must be written: ``report_lead_days`` before."""
    return deadline - dt.timedelta(days=report_lead_days)
