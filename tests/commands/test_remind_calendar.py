"""``remind --json --today`` and ``calendar -o``: states, days, events, alarms, stable UIDs."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar

from mop_desktop.services.meetings import add_meeting
from tests.services.review_data import adopted_protocol, draft_only

pytestmark = pytest.mark.pending_on_server(
    reason="remind reads through store.summary (sqlite3), being replaced by the SQLAlchemy "
    "repository"
)

D = dt.date


def remind(cli, today: str):
    code, out, err = cli("remind", "--json", "--today", today)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize(
    ("adopted", "interval", "today", "due", "state"),
    [
        (D(2021, 3, 23), 12, D(2026, 11, 22), D(2022, 3, 31), "overdue"),  # years ago
        (D(2025, 12, 2), 12, D(2026, 11, 22), D(2026, 12, 31), "upcoming"),  # next month
        (D(2025, 12, 2), 12, D(2026, 12, 10), D(2026, 12, 31), "due"),  # within 28 days
        (D(2025, 12, 2), 12, D(2026, 12, 31), D(2026, 12, 31), "due"),  # on the day
        (D(2026, 11, 2), 24, D(2026, 11, 22), D(2028, 11, 30), "upcoming"),  # in two years
    ],
)
def test_review_state_and_days(store, cli, adopted, interval, today, due, state):
    adopted_protocol(store, adopted, interval=interval)
    items = remind(cli, today.isoformat())
    assert items == [
        {
            "kind": "review",
            "due": due.isoformat(),
            "title": "Review of the Member/Officer Relations Protocol",
            "state": state,
            "days": (due - today).days,
        }
    ]
    assert (items[0]["days"] < 0) == (state == "overdue")


def test_review_due_next_month_with_its_meeting_and_agenda_deadline(store, cli):
    adopted_protocol(store, D(2026, 12, 10))  # review by 31 December 2027
    add_meeting(store, D(2027, 12, 9))
    add_meeting(store, D(2027, 11, 11))
    add_meeting(store, D(2028, 1, 13))
    items = remind(cli, "2027-11-22")
    assert [(i["kind"], i["due"], i["state"], i["days"]) for i in items] == [
        # Thursday 9 December: Wed 8, Tue 7, Mon 6 clear -> Sunday 5 -> Saturday 4 December
        ("agenda-deadline", "2027-12-04", "due", 12),
        ("review", "2027-12-31", "upcoming", 39),
    ]
    assert "9 December 2027" in items[0]["title"] and "27 November 2027" in items[0]["title"]


def test_no_protocol_and_draft_only_give_no_reminders(store, cli):
    assert remind(cli, "2026-11-22") == []
    draft_only(store)
    assert remind(cli, "2026-11-22") == []


def test_bad_today_is_refused(cli):
    code, _, err = cli("remind", "--today", "2026-02-30")
    assert code == 2 and "--today" in err and "not a real date" in err


def test_plain_text_lines(store, cli):
    adopted_protocol(store, D(2021, 3, 23))
    code, out, _ = cli("remind", "--today", "2026-11-22")
    assert code == 0
    assert out.startswith(
        "OVERDUE   31 March 2022: Review of the Member/Officer Relations Protocol ("
    )


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_events_alarms_and_stable_uids(store, cli, tmp_path):
    adopted_protocol(store, D(2026, 3, 23))
    add_meeting(store, D(2027, 3, 18))
    out = tmp_path / "review.ics"
    code, stdout, err = cli("calendar", "-o", str(out), "--today", "2026-11-22")
    assert code == 0, err
    assert "2 events" in stdout
    first = _events(out)
    assert len(first) == 2
    review = next(e for e in first.values() if "Review of" in str(e["SUMMARY"]))
    agenda = next(e for e in first.values() if "Agenda deadline" in str(e["SUMMARY"]))
    assert review["DTSTART"].dt == D(2027, 3, 31)
    assert agenda["DTSTART"].dt == D(2027, 3, 13)  # Thu 18: Wed, Tue, Mon clear; not Sun 14
    alarms = [a["TRIGGER"].dt for a in review.walk("VALARM")]
    assert alarms == [dt.timedelta(days=-28)]
    assert sorted(a["TRIGGER"].dt for a in agenda.walk("VALARM")) == [
        dt.timedelta(days=-35),
        dt.timedelta(days=-7),
    ]

    # The meeting moves: exporting again keeps the UIDs and moves the deadline.
    from mop_desktop.services.meetings import delete_meeting

    delete_meeting(store, D(2027, 3, 18))
    add_meeting(store, D(2027, 3, 25))
    code, _, _ = cli("calendar", "-o", str(out), "--today", "2026-11-22")
    second = _events(out)
    assert set(second) == set(first)
    assert second[str(agenda["UID"])]["DTSTART"].dt == D(2027, 3, 20)
    assert int(second[str(agenda["UID"])]["SEQUENCE"]) >= int(agenda["SEQUENCE"])


def test_calendar_into_a_missing_folder(store, cli, tmp_path):
    code, _, err = cli("calendar", "-o", str(tmp_path / "nowhere" / "x.ics"))
    assert code == 2 and "does not exist" in err
