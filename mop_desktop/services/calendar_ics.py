"""The reminders as an iCalendar file (Outlook, Thunderbird, any calendar).

One all-day VEVENT per reminder (review date, agenda deadline, concern follow-up by reference
only) with a VALARM ahead of it. UIDs are stable: the review and agenda events are named by the
adoption the review follows, follow-ups by their reference, so importing a newer file updates
the events (a higher SEQUENCE) instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mop_desktop.services.reminders import (
    AGENDA,
    FOLLOW_UP,
    FollowupSource,
    Reminder,
    schedule_and_reminders,
)
from mop_desktop.store.db import Store

UID_DOMAIN = "mop-desktop.invalid"
PRODID = "-//MOP Desktop//Review schedule//EN"
_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def event_uid(reminder: Reminder) -> str:
    return f"{reminder.uid}@{UID_DOMAIN}"


def _sequence(now: dt.datetime) -> int:
    """Grows with every export, so calendars take the newer copy of an event."""
    return max(0, int((now - _EPOCH).total_seconds() // 60))


def build_calendar(
    store: Store,
    today: dt.date | None = None,
    followups: FollowupSource | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    from icalendar import Alarm, Calendar, Event

    today = today or dt.date.today()
    now = now or dt.datetime.now(dt.UTC)
    schedule, items = schedule_and_reminders(store, today, followups)
    lead = schedule.reminder_lead_days if schedule else 28
    report_lead = schedule.report_lead_days if schedule else 7

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Protocol review schedule")
    for item in items:
        event = Event()
        event.add("uid", event_uid(item))
        event.add("summary", item.title)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("dtstamp", now)
        event.add("sequence", _sequence(now))
        event.add("transp", "TRANSPARENT")
        event.add("categories", [item.kind])
        if item.kind == AGENDA:
            alarm_days = [lead + report_lead, report_lead]
            event.add(
                "description",
                "The summons and agenda must be issued by this day. Write the report on the "
                f"protocol {report_lead} days before.",
            )
        elif item.kind == FOLLOW_UP:
            alarm_days = [lead]
            event.add("description", "Open MOP Desktop to see this concern.")
        else:
            alarm_days = [lead]
            event.add("description", "The protocol is due for review by the end of this day.")
        for days in alarm_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.title)
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_calendar(
    store: Store,
    path: str | Path,
    today: dt.date | None = None,
    followups: FollowupSource | None = None,
) -> int:
    """Write the calendar to ``path`` (atomically); returns the number of events."""
    from icalendar import Calendar

    data = build_calendar(store, today, followups)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(target)
    return len(Calendar.from_ical(data).walk("VEVENT"))
