"""Meetings entered by hand and imported from .ics, deduplicated by UID and date."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.services.meetings import (
    MeetingError,
    add_meeting,
    delete_meeting,
    import_ics,
    list_meetings,
)

D = dt.date


def ics(*events: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;VALUE=DATE:{day}\r\nSUMMARY:{title}\r\n"
        "DTSTAMP:20260101T000000Z\r\nEND:VEVENT\r\n"
        for uid, day, title in events
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{body}END:VCALENDAR\r\n".encode()


def test_add_list_delete(store):
    assert add_meeting(store, D(2027, 3, 18))[1]
    assert not add_meeting(store, D(2027, 3, 18))[1]  # one meeting per date
    add_meeting(store, D(2027, 1, 14), "Full Council (budget)")
    assert [(m.date, m.title) for m in list_meetings(store)] == [
        (D(2027, 1, 14), "Full Council (budget)"),
        (D(2027, 3, 18), "Full Council"),
    ]
    delete_meeting(store, D(2027, 1, 14))
    assert [m.date for m in list_meetings(store)] == [D(2027, 3, 18)]
    with pytest.raises(MeetingError, match="no meeting on 14 January 2027"):
        delete_meeting(store, D(2027, 1, 14))


def test_import_twice_updates_rather_than_duplicates(store, tmp_path):
    path = tmp_path / "meetings.ics"
    path.write_bytes(
        ics(
            ("a@x", "20270114", "Full Council"),
            ("b@x", "20270318", "Full Council"),
            ("c@x", "20270204", "Planning Committee"),
        )
    )
    first = import_ics(store, path, match="full council")
    assert (first.added, first.skipped) == (2, 1)
    path.write_bytes(ics(("a@x", "20270121", "Full Council"), ("b@x", "20270318", "Full Council")))
    second = import_ics(store, path)
    assert (second.added, second.updated, second.unchanged) == (0, 1, 1)
    assert [m.date for m in list_meetings(store)] == [D(2027, 1, 21), D(2027, 3, 18)]


def test_import_skips_a_date_entered_by_hand(store, tmp_path):
    add_meeting(store, D(2027, 3, 18))
    path = tmp_path / "m.ics"
    path.write_bytes(ics(("b@x", "20270318T190000", "Full Council")))
    summary = import_ics(store, path)
    assert (summary.added, summary.skipped) == (0, 1)
    assert len(list_meetings(store)) == 1


def test_a_file_that_is_not_a_calendar(store, tmp_path):
    path = tmp_path / "notes.ics"
    path.write_text("this is not a calendar\n")
    with pytest.raises(MeetingError, match="notes.ics: not a calendar"):
        import_ics(store, path)
    assert list_meetings(store) == []


@pytest.mark.parametrize(
    "content",
    [
        b"root:x:0:0:root:/root:/bin/bash\n",  # the message used to be icalendar's own words:
        b"PK\x03\x04\x14\x00binary",  # 'Property "ROOT" does not have a parent component'
    ],
)
def test_a_file_that_is_not_a_calendar_is_named_in_a_clerks_words(store, tmp_path, content):
    path = tmp_path / "council.ics"
    path.write_bytes(content)
    with pytest.raises(MeetingError) as caught:
        import_ics(store, path)
    assert str(caught.value) == (
        "council.ics: not a calendar (.ics) file: it does not begin with BEGIN:VCALENDAR"
    )
    assert list_meetings(store) == []


def test_a_calendar_with_a_byte_order_mark_is_read(store, tmp_path):
    path = tmp_path / "outlook.ics"
    path.write_bytes(b"\xef\xbb\xbf" + ics(("u1", "20270311", "Full Council")))
    assert import_ics(store, path).added == 1
