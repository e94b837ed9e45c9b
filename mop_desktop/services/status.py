"""The one-line summary the status bar always shows: version and next review date with its
state, from the same schedule as the dashboard, the tray and ``remind``."""

from __future__ import annotations

import datetime as dt

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.review import State, describe_days
from mop_desktop.services.reminders import Schedule, load_schedule, summary_schedule
from mop_desktop.store.db import Store


def review_phrase(schedule: Schedule) -> str:
    """'next review by 31 March 2027 (in 120 days)' / '... (due, in 10 days)' / overdue."""
    if schedule.review_due is None or schedule.review_days is None:
        return "no review date set"
    days = describe_days(schedule.review_days)
    if schedule.review_state == State.OVERDUE:
        return f"review overdue since {format_long(schedule.review_due)} ({days})"
    marker = "due, " if schedule.review_state == State.DUE else ""
    return f"next review by {format_long(schedule.review_due)} ({marker}{days})"


def status_line(store: Store, today: dt.date | None = None) -> str:
    return status_text(load_schedule(store, today))


def window_status(store: Store, today: dt.date | None = None) -> tuple[str, str]:
    """The status line and the council's name (the window's title), from one read."""
    from mop_desktop.store.protocol_repo import read_summary

    summary = read_summary(store)
    return status_text(summary_schedule(summary, today)), summary.council_name


def status_text(schedule: Schedule | None) -> str:
    """The status line of a schedule (from ``load_schedule``)."""
    if schedule is None:
        return "No protocol yet"
    parts = []
    if schedule.current_label or schedule.adopted_on:
        parts.append(f"Version {schedule.current_label or '(unlabelled)'} adopted")
    if schedule.has_draft:
        parts.append("draft in progress")
    parts.append(review_phrase(schedule))
    line = " \u00b7 ".join(parts)
    return line[:1].upper() + line[1:]
