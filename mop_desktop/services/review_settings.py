"""The review settings: how often the protocol is reviewed and how far ahead to remind.

One rule for every caller (the Review schedule page, the Settings page that shows the interval,
the command line): ``save_review_settings`` checks each number against its range and refuses
the whole change with one line when one is out of it; an interval that differs from the stored
one is marked as the clerk's choice (``review_interval_stated``). The interval applies from the
next adoption.
"""

from __future__ import annotations

from dataclasses import dataclass

from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.db import Store

DEFAULT_INTERVAL_MONTHS = 12

#: field -> (allowed range, words for the message)
RANGES: dict[str, tuple[range, str]] = {
    "interval_months": (range(1, 121), "The review interval (months)"),
    "reminder_lead_days": (range(0, 366), "The reminder lead time (days)"),
    "report_lead_days": (range(0, 91), "The report lead time (days)"),
    "clear_days": (range(1, 15), "The clear days before the meeting"),
}


class ReviewSettingsError(ValueError):
    """A review setting out of its range; ``field`` names it."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class ReviewSettings:
    interval_months: int
    reminder_lead_days: int
    report_lead_days: int
    clear_days: int
    skip_sundays_and_holidays: bool


def review_interval(store: Store) -> int | None:
    """The protocol's review interval in months; None when there is no protocol yet."""
    with store.session() as session:
        doc = docs.protocol_document(session)
        return (doc.review_interval_months or DEFAULT_INTERVAL_MONTHS) if doc else None


def load_review_settings(store: Store) -> ReviewSettings:
    with store.session() as session:
        doc = docs.protocol_document(session)
        interval = doc.review_interval_months if doc is not None else None
        return ReviewSettings(
            interval_months=interval or DEFAULT_INTERVAL_MONTHS,
            reminder_lead_days=settings.get(session, settings.REMINDER_LEAD_DAYS),
            report_lead_days=settings.get(session, settings.REPORT_LEAD_DAYS),
            clear_days=settings.get(session, settings.CLEAR_DAYS),
            skip_sundays_and_holidays=settings.get(session, settings.SKIP_SUNDAYS_AND_HOLIDAYS),
        )


def check_review_settings(new: ReviewSettings) -> None:
    """ReviewSettingsError for the first number out of its range."""
    for name, (allowed, words) in RANGES.items():
        value = getattr(new, name)
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise ReviewSettingsError(
                name, f"{words} must be from {allowed.start} to {allowed.stop - 1}."
            )


def save_review_settings(store: Store, new: ReviewSettings) -> ReviewSettings:
    """Save ``new`` in one transaction (nothing when a number is out of range); what is stored."""
    check_review_settings(new)
    with store.session() as session:
        doc = docs.protocol_document(session)
        if doc is not None:
            if doc.review_interval_months != new.interval_months:
                doc.review_interval_stated = True  # the clerk chose it
            doc.review_interval_months = new.interval_months
        settings.put(session, settings.REMINDER_LEAD_DAYS, new.reminder_lead_days)
        settings.put(session, settings.REPORT_LEAD_DAYS, new.report_lead_days)
        settings.put(session, settings.CLEAR_DAYS, new.clear_days)
        settings.put(session, settings.SKIP_SUNDAYS_AND_HOLIDAYS, new.skip_sundays_and_holidays)
    return new
