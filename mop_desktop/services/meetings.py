"""Full Council meetings: entered by the clerk or imported from an .ics calendar file.

One meeting per date. Importing the same calendar again updates the meetings it brought in
(matched by the event's UID) instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mop_desktop.domain.dates import format_long
from mop_desktop.store.db import Store
from mop_desktop.store.models import MeetingRow


class MeetingError(ValueError):
    """One clear line for the user (names the file and event where there is one)."""


@dataclass(frozen=True)
class Meeting:
    id: int
    date: dt.date
    title: str
    location: str
    imported: bool


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # events that did not match, or a date already entered by hand
    removed: int = 0  # future meetings of a series that the calendar no longer holds

    def describe(self) -> str:
        removed = f", {self.removed} removed" if self.removed else ""
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped{removed}"
        )


def _meeting(row: MeetingRow) -> Meeting:
    return Meeting(row.id, row.date, row.title, row.location, bool(row.source_uid))


def list_meetings(store: Store, since: dt.date | None = None) -> list[Meeting]:
    with store.session() as session:
        query = select(MeetingRow).order_by(MeetingRow.date)
        if since is not None:
            query = query.where(MeetingRow.date >= since)
        return [_meeting(r) for r in session.scalars(query)]


def meeting_dates(store: Store) -> list[dt.date]:
    with store.session() as session:
        return list(session.scalars(select(MeetingRow.date).order_by(MeetingRow.date)))


def add_meeting(
    store: Store, day: dt.date, title: str = "", location: str = ""
) -> tuple[Meeting, bool]:
    """Add a meeting on ``day``; returns (meeting, False) when that date is already entered.
    The write lock is taken before the date is looked up: meetings added at once from several
    places all land, each date once."""
    with store.write_session() as session:
        existing = session.scalars(select(MeetingRow).where(MeetingRow.date == day)).first()
        if existing is not None:
            return _meeting(existing), False
        row = MeetingRow(date=day, title=title.strip() or "Full Council", location=location)
        session.add(row)
        session.flush()
        return _meeting(row), True


def delete_meeting(store: Store, day: dt.date) -> None:
    with store.write_session() as session:
        row = session.scalars(select(MeetingRow).where(MeetingRow.date == day)).first()
        if row is None:
            raise MeetingError(f"there is no meeting on {format_long(day)}")
        session.delete(row)


def read_ics(path: Path, today: dt.date | None = None) -> list[tuple[str, dt.date, str, str]]:
    """(uid, date, summary, location) for each meeting in ``path``, a recurring series
    expanded (``services.ics_reader``); MeetingError with one line if it cannot be read."""
    from mop_desktop.services.ics_reader import IcsError, read_events

    try:
        events = read_events(path, today)
    except IcsError as exc:
        raise MeetingError(str(exc)) from None
    return [(e.uid, e.date, e.summary, e.location) for e in events]


def import_ics(
    store: Store, path: str | Path, match: str = "", today: dt.date | None = None
) -> ImportSummary:
    """Import the events of ``path`` as meetings, all in one transaction (a recurring series
    gives one meeting per occurrence over the coming three years). With ``match`` only
    events whose title contains it (any case) are taken: e.g. "Full Council"."""
    events = read_ics(Path(path), today)
    summary = ImportSummary()
    needle = match.strip().lower()
    with store.write_session() as session:  # read, compare, write: the lock first
        rows = list(session.scalars(select(MeetingRow)))
        by_uid = {r.source_uid: r for r in rows if r.source_uid}
        by_date = {r.date: r for r in rows}
        for uid, day, title, location in events:
            if needle and needle not in title.lower():
                summary.skipped += 1
                continue
            row = by_uid.get(uid) if uid else None
            if row is not None:
                if (row.date, row.title, row.location) == (day, title, location):
                    summary.unchanged += 1
                    continue
                if day != row.date and day in by_date:
                    summary.skipped += 1
                    continue
                del by_date[row.date]
                row.date, row.title, row.location = day, title, location
                by_date[day] = row
                summary.updated += 1
                continue
            if day in by_date:
                summary.skipped += 1
                continue
            row = MeetingRow(
                date=day, title=title or "Full Council", location=location, source_uid=uid
            )
            session.add(row)
            by_date[day] = row
            if uid:
                by_uid[uid] = row
            summary.added += 1
        _drop_stale_occurrences(session, rows, events, needle, today or dt.date.today(), summary)
    return summary


def _drop_stale_occurrences(
    session: Session,
    rows: list[MeetingRow],
    events: list[tuple[str, dt.date, str, str]],
    needle: str,
    today: dt.date,
    summary: ImportSummary,
) -> None:
    """A series imported again: its future meetings that the calendar no longer holds (the
    series moved to another day, or an occurrence was cancelled) are removed."""
    taken = [e for e in events if not needle or needle in e[2].lower()]
    series = {uid.rsplit("#", 1)[0] for uid, *_ in taken if "#" in uid}
    current = {uid for uid, *_ in taken}
    for row in rows:
        base = row.source_uid.rsplit("#", 1)[0] if "#" in row.source_uid else ""
        if base in series and row.source_uid not in current and row.date >= today:
            session.delete(row)
            summary.removed += 1
