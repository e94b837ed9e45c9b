"""Review-date arithmetic at its edges: month ends, leap years, clear days, bank holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.review import (
    State,
    agenda_deadline,
    bank_holidays,
    easter_sunday,
    meeting_for_review,
    next_review_date,
    report_deadline,
    state_of,
)

D = dt.date


@pytest.mark.parametrize(
    ("adopted", "months", "expected"),
    [
        (D(2026, 3, 23), 12, D(2027, 3, 31)),  # CLI.md's example: "March 2027"
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # a 31st into February
        (D(2027, 1, 31), 1, D(2027, 2, 28)),
        (D(2023, 2, 28), 12, D(2024, 2, 29)),  # into a leap February
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # out of a leap day
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2026, 12, 1), 1, D(2027, 1, 31)),  # across the year end
        (D(2026, 3, 1), 24, D(2028, 3, 31)),
        (D(2021, 12, 16), 60, D(2026, 12, 31)),
    ],
)
def test_next_review_is_the_end_of_the_month(adopted, months, expected):
    assert next_review_date(adopted, months) == expected


def test_interval_must_be_positive():
    with pytest.raises(ValueError):
        next_review_date(D(2026, 3, 1), 0)


def test_states_and_their_edges():
    due = D(2027, 3, 31)
    assert state_of(due, D(2027, 2, 28), 28) == State.UPCOMING  # 31 days ahead
    assert state_of(due, D(2027, 3, 3), 28) == State.DUE  # exactly the lead time
    assert state_of(due, D(2027, 3, 2), 28) == State.UPCOMING  # one day more
    assert state_of(due, due, 28) == State.DUE  # on the day
    assert state_of(due, D(2027, 4, 1), 28) == State.OVERDUE  # the day after


def test_easter_dates():
    assert easter_sunday(2024) == D(2024, 3, 31)
    assert easter_sunday(2025) == D(2025, 4, 20)
    assert easter_sunday(2026) == D(2026, 4, 5)
    assert easter_sunday(2038) == D(2038, 4, 25)  # the latest possible


def test_bank_holidays_2026_with_boxing_day_substitute():
    assert sorted(bank_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    ]


def test_christmas_on_saturday_moves_both_days():
    days = bank_holidays(2027)
    assert D(2027, 12, 27) in days and D(2027, 12, 28) in days
    assert D(2027, 12, 25) not in days


def test_new_year_on_a_sunday_and_one_offs():
    assert D(2023, 1, 2) in bank_holidays(2023)
    assert D(2023, 5, 8) in bank_holidays(2023)  # coronation
    assert D(2020, 5, 8) in bank_holidays(2020) and D(2020, 5, 4) not in bank_holidays(2020)
    assert D(2022, 6, 2) in bank_holidays(2022) and D(2022, 5, 30) not in bank_holidays(2022)


def test_three_clear_days_midweek():
    # Meeting Friday 13 March 2026: Thu, Wed, Tue clear -> issue by Monday 9 March.
    assert agenda_deadline(D(2026, 3, 13)) == D(2026, 3, 9)


def test_clear_days_across_a_weekend():
    # Meeting Tuesday 10 March 2026: Mon 9, (Sun 8 does not count), Sat 7, Fri 6 -> Thu 5.
    assert agenda_deadline(D(2026, 3, 10)) == D(2026, 3, 5)
    # Counting Sundays: Mon 9, Sun 8, Sat 7 clear -> issue Friday 6.
    assert agenda_deadline(D(2026, 3, 10), skip_sundays_and_holidays=False) == D(2026, 3, 6)


def test_clear_days_across_a_bank_holiday():
    # Meeting Thursday 9 April 2026: Wed 8, Tue 7 count; Mon 6 (Easter Monday), Sun 5 do not;
    # Sat 4 counts; the day before is Good Friday, so the summons goes out on Thursday 2 April.
    assert agenda_deadline(D(2026, 4, 9)) == D(2026, 4, 2)
    assert agenda_deadline(D(2026, 4, 9), skip_sundays_and_holidays=False) == D(2026, 4, 5)


def test_deadline_never_lands_on_a_sunday_when_sundays_do_not_count():
    # Meeting Thursday 12 March 2026: Wed, Tue, Mon clear -> Sunday 8 -> moved to Saturday 7.
    assert agenda_deadline(D(2026, 3, 12)) == D(2026, 3, 7)


def test_report_deadline():
    assert report_deadline(D(2026, 3, 9), 7) == D(2026, 3, 2)


def test_last_meeting_on_or_before_the_review_date():
    meetings = [D(2027, 1, 14), D(2027, 3, 11), D(2027, 3, 31), D(2027, 4, 15)]
    choice = meeting_for_review(meetings, D(2027, 3, 31), D(2026, 11, 22))
    assert choice is not None
    assert choice.date == D(2027, 3, 31) and not choice.after_review


def test_meeting_after_the_review_date():
    choice = meeting_for_review([D(2027, 4, 15), D(2027, 5, 20)], D(2027, 3, 31), D(2027, 1, 1))
    assert choice is not None
    assert choice.date == D(2027, 4, 15) and choice.after_review


def test_past_meetings_are_not_proposed():
    meetings = [D(2027, 1, 14), D(2027, 4, 15)]
    choice = meeting_for_review(meetings, D(2027, 3, 31), D(2027, 2, 1))
    assert choice is not None and choice.date == D(2027, 4, 15) and choice.after_review


def test_no_meetings_entered():
    assert meeting_for_review([], D(2027, 3, 31), D(2027, 1, 1)) is None
    assert meeting_for_review([D(2026, 1, 1)], D(2027, 3, 31), D(2027, 1, 1)) is None


def test_a_meeting_long_before_the_review_date_is_not_the_review_meeting():
    # adopted, due for review on 31 December 2027; only a February 2027 meeting entered
    assert meeting_for_review([D(2027, 2, 4)], D(2027, 12, 31), D(2027, 1, 10)) is None
    choice = meeting_for_review([D(2027, 2, 4), D(2027, 12, 9)], D(2027, 12, 31), D(2027, 1, 10))
    assert choice is not None and choice.date == D(2027, 12, 9) and not choice.after_review
    choice = meeting_for_review([D(2027, 10, 1)], D(2027, 12, 31), D(2027, 1, 10))
    assert choice is not None and choice.date == D(2027, 10, 1)  # within three months
    choice = meeting_for_review([D(2027, 2, 4), D(2028, 1, 13)], D(2027, 12, 31), D(2027, 1, 10))
    assert choice is not None and choice.date == D(2028, 1, 13) and choice.after_review
