"""Importing meetings from .ics: recurring series expanded, bad and hostile files refused
with one line naming the line and event, the store unchanged."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from mop_desktop.services.ics_reader import MAX_OCCURRENCES, IcsError, read_events
from mop_desktop.services.meetings import MeetingError, import_ics, list_meetings
from tests.store.safety_helpers import dump_store

D = dt.date
TODAY = D(2026, 12, 3)


def calendar(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{body}END:VCALENDAR\r\n".encode()


SERIES = """UID:fc-series@council
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/London:20260113T190000
RRULE:FREQ=MONTHLY;BYDAY=2TU
EXDATE;TZID=Europe/London:20270810T190000,20271214T190000
SUMMARY:Full Council"""


def test_a_monthly_full_council_series_becomes_a_meeting_per_month_for_three_years(store, tmp_path):
    path = tmp_path / "council.ics"
    path.write_bytes(calendar(SERIES))
    summary = import_ics(store, path, today=TODAY)
    dates = [m.date for m in list_meetings(store)]
    # second Tuesdays from 8 December 2026 to 3 December 2029, less two exceptions
    assert dates[0] == D(2026, 12, 8)
    assert dates[-1] <= D(2029, 12, 3)
    assert D(2027, 8, 10) not in dates and D(2027, 12, 14) not in dates
    assert D(2027, 9, 14) in dates
    assert len(dates) == 36 - 2 and summary.added == 34
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 for d in dates)
    # importing it again changes nothing
    again = import_ics(store, path, today=TODAY)
    assert (again.added, again.unchanged) == (0, 34)


def test_a_moved_or_cancelled_occurrence_is_followed(tmp_path):
    moved = """UID:fc-series@council
DTSTAMP:20260101T000000Z
RECURRENCE-ID;TZID=Europe/London:20270112T190000
DTSTART;TZID=Europe/London:20270119T190000
SUMMARY:Full Council (moved)"""
    cancelled = """UID:fc-series@council
DTSTAMP:20260101T000000Z
RECURRENCE-ID;TZID=Europe/London:20270209T190000
DTSTART;TZID=Europe/London:20270209T190000
STATUS:CANCELLED
SUMMARY:Full Council"""
    path = tmp_path / "council.ics"
    path.write_bytes(calendar(SERIES, moved, cancelled))
    dates = {e.date: e for e in read_events(path, TODAY)}
    assert D(2027, 1, 12) not in dates and dates[D(2027, 1, 19)].summary.endswith("(moved)")
    assert D(2027, 2, 9) not in dates
    assert dates[D(2027, 1, 19)].uid == dates[D(2027, 3, 9)].uid.replace("2027-03-09", "2027-01-12")


def test_a_series_with_an_end_date_and_count(tmp_path):
    path = tmp_path / "c.ics"
    path.write_bytes(
        calendar(
            "UID:a\r\nDTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;INTERVAL=8;COUNT=4\r\n"
            "SUMMARY:Full Council",
            "UID:b\r\nDTSTART:20270301T180000Z\r\nRRULE:FREQ=YEARLY;UNTIL=20290301T180000Z\r\n"
            "SUMMARY:Annual Meeting",
        )
    )
    events = read_events(path, TODAY)
    assert sorted(e.date for e in events if e.series == "a") == [
        D(2027, 1, 5),
        D(2027, 3, 2),
        D(2027, 4, 27),
        D(2027, 6, 22),
    ]
    assert sorted(e.date for e in events if e.series == "b") == [
        D(2027, 3, 1),
        D(2028, 3, 1),
        D(2029, 3, 1),
    ]


@pytest.mark.parametrize(
    "event, line, says",
    [
        (
            "UID:x\r\nDTSTART:2027-13-45T99\r\nSUMMARY:Full Council",
            11,
            "the start date (DTSTART) is not a valid date",
        ),
        (
            "UID:x\r\nDTSTART;VALUE=DATE:20271345\r\nSUMMARY:Full Council",
            11,
            "the start date (DTSTART) is not a valid date",
        ),
        ("UID:x\r\nSUMMARY:Full Council", 9, "has no start date (DTSTART)"),
        ("UID:x\r\nDTSTART;VALUE=DATE:00010101\r\nSUMMARY:Full Council", 11, "in the year 1"),
        (
            "UID:x\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:Full Council",
            12,
            "repeats secondly",
        ),
        (
            "UID:x\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Full Council",
            12,
            f"repeats more than {MAX_OCCURRENCES} times in the next 3 years",
        ),
        (
            "UID:x\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:INTERVAL=2\r\nSUMMARY:Full Council",
            12,
            "repeat rule (RRULE)",
        ),
        (
            "UID:x\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=MONTHLY\r\nEXDATE:notadate\r\n"
            "SUMMARY:Full Council",
            13,
            "EXDATE",
        ),
    ],
)
def test_a_bad_event_is_refused_by_line_and_number_and_nothing_is_imported(
    event, line, says, store, tmp_path
):
    good = "UID:g\r\nDTSTART;VALUE=DATE:20270114\r\nSUMMARY:Full Council"
    path = tmp_path / "council.ics"
    path.write_bytes(calendar(good, event))
    before = dump_store(store)
    with pytest.raises(MeetingError) as err:
        import_ics(store, path, today=TODAY)
    message = str(err.value)
    assert message.startswith(f"council.ics: line {line}: event 2"), message
    assert says in message and "\n" not in message
    assert dump_store(store) == before


def test_hostile_calendars_are_refused_quickly_in_one_line(tmp_path):
    deep = tmp_path / "deep.ics"
    deep.write_bytes(
        b"BEGIN:VCALENDAR\r\n"
        + b"BEGIN:X\r\n" * 50000
        + b"END:X\r\n" * 50000
        + b"END:VCALENDAR\r\n"
    )
    huge = tmp_path / "huge.ics"
    huge.write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"a" * (11 * 1024 * 1024) + b"\r\n")
    many = tmp_path / "many.ics"
    many.write_bytes(calendar(*["UID:u\r\nDTSTART;VALUE=DATE:20270101"] * 5001))
    daily = tmp_path / "daily.ics"
    daily.write_bytes(
        calendar(
            *[
                f"UID:s{n}\r\nDTSTART;VALUE=DATE:19700101\r\n"
                "RRULE:FREQ=DAILY;INTERVAL=6\r\nSUMMARY:Full Council"
                for n in range(200)
            ]
        )
    )
    nested = tmp_path / "nested.ics"
    nested.write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for path, says in [
        (deep, "line 7: blocks are nested 7 deep"),
        (huge, "11 MB"),
        (many, "more than 5,000 events"),
        (daily, "reach too far back or repeat too often"),
        (nested, "line 3: an event inside another event"),
    ]:
        started = time.perf_counter()
        with pytest.raises(IcsError) as err:
            read_events(path, TODAY)
        assert time.perf_counter() - started < 5
        assert str(err.value).startswith(path.name) and says in str(err.value), str(err.value)
        assert "\n" not in str(err.value)


def test_the_command_line_says_one_line_and_exits_2(cli_process, tmp_path, data_dir):
    path = tmp_path / "council.ics"
    path.write_bytes(calendar("UID:x\r\nDTSTART:20271345T190000\r\nSUMMARY:Full Council"))
    result = cli_process("meetings", "import", str(path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "mop-desktop meetings: council.ics: line 6: event 1: the start date (DTSTART) is "
        "not a valid date"
    ]
    path.write_bytes(calendar(SERIES))
    result = cli_process("meetings", "import", str(path), "--today", "2026-12-03")
    assert result.returncode == 0, result.stderr
    assert "34 added" in result.stdout


def test_a_series_moved_to_another_day_replaces_its_future_meetings(store, tmp_path):
    path = tmp_path / "council.ics"
    path.write_bytes(calendar(SERIES))
    import_ics(store, path, today=TODAY)
    path.write_bytes(calendar(SERIES.replace("BYDAY=2TU", "BYDAY=3TU")))
    summary = import_ics(store, path, today=TODAY)
    dates = [m.date for m in list_meetings(store)]
    assert summary.removed == 34 and summary.describe().endswith("34 removed")
    assert all(d.weekday() == 1 and 15 <= d.day <= 21 for d in dates) and len(dates) == 36


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=WEEKLY;BYDAY=MO;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9",
    ],
)
def test_a_rule_that_can_never_match_gives_no_meetings_at_once(rule, tmp_path):
    """dateutil alone steps to the year 9999 looking for one (13 s for the daily rule)."""
    path = tmp_path / "c.ics"
    path.write_bytes(
        calendar(f"UID:a\r\nDTSTART;VALUE=DATE:19700101\r\nRRULE:{rule}\r\nSUMMARY:Full Council")
    )
    started = time.perf_counter()
    assert read_events(path, TODAY) == []
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "event, says",
    [
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nJo SECRET Bloggs\r\nEND:VCALENDAR\r\n",
            "council.ics: line 3: cannot be read as calendar content",
        ),
        (
            calendar("UID:x\r\nDTSTART;TZID=Europe:20270101T190000\r\nSUMMARY:Jo SECRET Bloggs"),
            "council.ics: ",
        ),
        (
            calendar(
                "UID:x\r\nRECURRENCE-ID:2027012T190000\r\nDTSTART;VALUE=DATE:20270101\r\n"
                "SUMMARY:Jo SECRET Bloggs"
            ),
            "council.ics: line 6: event 1: the changed occurrence",
        ),
    ],
)
def test_unreadable_content_is_named_by_line_without_repeating_it(event, says, tmp_path):
    path = tmp_path / "council.ics"
    path.write_bytes(event)
    with pytest.raises(IcsError) as err:
        read_events(path, TODAY)
    assert str(err.value).startswith(says) and "SECRET" not in str(err.value), str(err.value)


def test_an_extra_date_given_as_a_period_is_taken(tmp_path):
    path = tmp_path / "c.ics"
    path.write_bytes(
        calendar(
            "UID:b\r\nDTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;INTERVAL=8;COUNT=2\r\n"
            "RDATE;VALUE=PERIOD:20270201T180000Z/PT2H\r\nSUMMARY:Full Council"
        )
    )
    assert [e.date for e in read_events(path, TODAY)] == [
        D(2027, 1, 5),
        D(2027, 2, 1),
        D(2027, 3, 2),
    ]
