"""The review schedule and the reminders built from it: one source for the dashboard, the tray,
the status bar, ``remind`` and the calendar file, so they all show the same states and days.

Reminders (CLI.md ``remind --json``): the next review date, the agenda deadline of the meeting
proposed for it (the report is due ``REPORT_LEAD_DAYS`` before that deadline, and the reminder
starts ``REMINDER_LEAD_DAYS`` before the report is due), and concern follow-ups from the
register, by reference only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.review import (
    MeetingChoice,
    State,
    agenda_deadline,
    days_until,
    describe_days,
    report_deadline,
    state_of,
)
from mop_desktop.store import settings

if TYPE_CHECKING:
    from mop_desktop.domain.protocol import Protocol
    from mop_desktop.store.db import Store
    from mop_desktop.store.protocol_repo import StoreSummary

REVIEW = "review"
AGENDA = "agenda-deadline"
FOLLOW_UP = "follow-up"


@dataclass(frozen=True)
class Reminder:
    kind: str
    due: dt.date
    title: str
    state: State
    days: int
    uid: str = ""  # stable identity for the calendar file

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "due": self.due.isoformat(),
            "title": self.title,
            "state": str(self.state),
            "days": self.days,
        }

    def line(self) -> str:
        """One line as the tray and ``remind`` print it."""
        return f"{format_long(self.due)}: {self.title} ({describe_days(self.days)})"


@dataclass(frozen=True)
class Schedule:
    """Where the protocol's review stands on ``today``."""

    today: dt.date
    document_id: int
    title: str
    interval_months: int
    reminder_lead_days: int
    report_lead_days: int
    clear_days: int
    skip_sundays_and_holidays: bool
    current_label: str | None
    adopted_on: dt.date | None
    minute_ref: str
    cycle: int  # id of the adoption the next review follows (0: none)
    review_due: dt.date | None
    meeting: MeetingChoice | None
    agenda_deadline: dt.date | None
    report_deadline: dt.date | None
    has_draft: bool
    draft_label: str | None

    @property
    def review_state(self) -> State | None:
        if self.review_due is None:
            return None
        return state_of(self.review_due, self.today, self.reminder_lead_days)

    @property
    def review_days(self) -> int | None:
        return days_until(self.review_due, self.today) if self.review_due else None


def load_schedule(store: Store, today: dt.date | None = None) -> Schedule | None:
    """The schedule of the protocol, or None when there is no protocol yet (one read through
    ``store.protocol_repo``: the dashboard, the tray, the status bar and the Review page)."""
    from mop_desktop.store.protocol_repo import read_summary

    return summary_schedule(read_summary(store), today)


def summary_schedule(summary: StoreSummary, today: dt.date | None = None) -> Schedule | None:
    """The schedule from a summary already read (``store.protocol_repo.read_summary``)."""
    if summary.protocol is None:
        return None
    return build_schedule(summary.protocol, summary.settings, summary.meeting_dates, today)


_SCHEDULE_SETTINGS: tuple[settings.Setting[Any], ...] = (
    settings.REMINDER_LEAD_DAYS,
    settings.REPORT_LEAD_DAYS,
    settings.CLEAR_DAYS,
    settings.SKIP_SUNDAYS_AND_HOLIDAYS,
)


def build_schedule(
    protocol: Protocol,
    stored: Mapping[str, str],
    meetings: Sequence[dt.date],
    today: dt.date | None = None,
) -> Schedule:
    """The schedule from the protocol, the stored settings (key -> JSON text) and the
    meeting dates; the review date and its meeting are the aggregate's."""
    today = today or dt.date.today()
    lead, report_lead, clear, skip = (
        settings.decode(s, stored.get(s.key)) for s in _SCHEDULE_SETTINGS
    )
    last = protocol.last_adoption
    draft = protocol.draft
    choice = protocol.review_meeting(meetings, today)
    deadline = agenda_deadline(choice.date, clear, skip) if choice else None
    return Schedule(
        today=today,
        document_id=protocol.document_id,
        title=protocol.title,
        interval_months=protocol.interval_months,
        reminder_lead_days=lead,
        report_lead_days=report_lead,
        clear_days=clear,
        skip_sundays_and_holidays=skip,
        current_label=protocol.current_label,
        adopted_on=last.adopted_on if last else None,
        minute_ref=last.minute_ref if last else "",
        cycle=last.id if last else 0,
        review_due=protocol.review_due,
        meeting=choice,
        agenda_deadline=deadline,
        report_deadline=report_deadline(deadline, report_lead) if deadline else None,
        has_draft=draft is not None,
        draft_label=draft.label if draft else None,
    )


def schedule_reminders(schedule: Schedule) -> list[Reminder]:
    out: list[Reminder] = []
    today, lead = schedule.today, schedule.reminder_lead_days
    if schedule.review_due is not None:
        due = schedule.review_due
        out.append(
            Reminder(
                REVIEW,
                due,
                f"Review of the {schedule.title}",
                state_of(due, today, lead),
                days_until(due, today),
                uid=f"review-{schedule.document_id}-{schedule.cycle}",
            )
        )
    if schedule.agenda_deadline is not None and schedule.meeting is not None:
        due = schedule.agenda_deadline
        late = " (after the review date)" if schedule.meeting.after_review else ""
        report = schedule.report_deadline
        out.append(
            Reminder(
                AGENDA,
                due,
                f"Agenda deadline for the Full Council meeting of "
                f"{format_long(schedule.meeting.date)}{late}; report on the protocol "
                f"by {format_long(report)}",
                state_of(due, today, lead + schedule.report_lead_days),
                days_until(due, today),
                uid=f"agenda-{schedule.document_id}-{schedule.cycle}",
            )
        )
    return out


def followup_reminders(
    followups: list[tuple[str, dt.date]], today: dt.date, lead_days: int
) -> list[Reminder]:
    return [
        Reminder(
            FOLLOW_UP,
            day,
            f"Follow up concern {reference}",
            state_of(day, today, lead_days),
            days_until(day, today),
            uid=f"followup-{reference}",
        )
        for reference, day in followups
    ]


#: Supplies concern follow-ups as (reference, date). The register is encrypted, so only a
#: caller holding the unlocked register can pass one (see ``register_followups``).
FollowupSource = Callable[[dt.date], list[tuple[str, dt.date]]]


def register_followups(register: object | None) -> FollowupSource | None:
    """The seam to the confidential register: a source that calls
    ``mop_desktop.services.concerns.followups(register, today)`` when that function exists
    and an unlocked register is given; otherwise None (no follow-ups are read)."""
    if register is None:
        return None
    try:
        from mop_desktop.services import concerns
    except ImportError:
        return None
    fn = getattr(concerns, "followups", None)
    if fn is None:
        return None

    def source(today: dt.date) -> list[tuple[str, dt.date]]:
        return [(str(ref), day) for ref, day in fn(register, today)]

    return source


def reminders(
    store: Store,
    today: dt.date | None = None,
    followups: FollowupSource | None = None,
) -> list[Reminder]:
    """Every reminder, soonest first (``days`` negative when overdue)."""
    return schedule_and_reminders(store, today, followups)[1]


def schedule_and_reminders(
    store: Store, today: dt.date | None = None, followups: FollowupSource | None = None
) -> tuple[Schedule | None, list[Reminder]]:
    """The schedule and every reminder from one read of the store: what the dashboard, the
    tray and ``remind`` show."""
    from mop_desktop.store.protocol_repo import read_summary

    return summary_reminders(read_summary(store), today, followups)


def summary_reminders(
    summary: StoreSummary, today: dt.date | None = None, followups: FollowupSource | None = None
) -> tuple[Schedule | None, list[Reminder]]:
    """The schedule and every reminder from a summary already read."""
    today = today or dt.date.today()
    schedule = summary_schedule(summary, today)
    lead = settings.decode(
        settings.REMINDER_LEAD_DAYS, summary.settings.get(settings.REMINDER_LEAD_DAYS.key)
    )
    return schedule, _collect(schedule, today, followups, lead)


def _collect(
    schedule: Schedule | None, today: dt.date, followups: FollowupSource | None, lead: int
) -> list[Reminder]:
    out = schedule_reminders(schedule) if schedule else []
    if followups is not None:
        out.extend(followup_reminders(followups(today), today, lead))
    return sorted(out, key=lambda r: (r.due, r.kind))


def needing_attention(items: list[Reminder]) -> list[Reminder]:
    """What the tray notifies about: overdue and due, not merely coming up."""
    return [r for r in items if r.state != State.UPCOMING]


def count_by_state(items: list[Reminder]) -> dict[State, int]:
    counts = {state: 0 for state in State}
    for item in items:
        counts[item.state] += 1
    return counts
