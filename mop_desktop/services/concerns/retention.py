"""Retention: closed concerns past their retention period are listed for review; deleting one
removes it for good (secure delete: its pages and its search-index entries are overwritten) and
leaves a trace that a record existed and when it was removed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import CLOSED, due_for_review, retention_ends
from mop_desktop.store.register import ConcernRow, DeletionTraceRow, RegisterError, utcnow

from .service import RegisterService, UnknownConcern, audit


class ConcernNotDue(RegisterError):
    def __init__(self, reference: str) -> None:
        super().__init__(f"{reference} is not closed with a known date: it is not deleted")


@dataclass(frozen=True)
class RetentionItem:
    reference: str
    closed_on: dt.date
    retention_ended: dt.date


@dataclass(frozen=True)
class DeletionTrace:
    reference: str
    removed_on: dt.datetime
    reason: str


def due(session: Session, years: int, today: dt.date) -> list[RetentionItem]:
    """Closed concerns past their retention period. One closed with its closing date unknown
    is never among them: its period cannot be counted until the clerk sets a date."""
    rows = session.execute(
        select(
            ConcernRow.reference,
            ConcernRow.status,
            ConcernRow.closed_on,
            ConcernRow.closing_date_unknown,
        )
        .where(
            ConcernRow.status == CLOSED,
            ConcernRow.closed_on.is_not(None),
            ConcernRow.closing_date_unknown.is_(False),
        )
        .order_by(ConcernRow.closed_on)
    )
    return [
        RetentionItem(ref, closed, retention_ends(closed, years))
        for ref, status, closed, unknown in rows
        if closed is not None and due_for_review(status, closed, years, today, unknown)
    ]


def undated(session: Session) -> list[str]:
    """References of closed concerns whose closing date is unknown (kept until one is set)."""
    return list(
        session.scalars(
            select(ConcernRow.reference)
            .where(ConcernRow.status == CLOSED, ConcernRow.closed_on.is_(None))
            .order_by(ConcernRow.reference)
        )
    )


def delete(session: Session, reference: str, reason: str) -> None:
    """Remove a concern and its timeline; keep a trace (reference, when, why)."""
    row = session.scalars(select(ConcernRow).where(ConcernRow.reference == reference)).first()
    if row is None:
        raise UnknownConcern(reference)
    if row.status != CLOSED or row.closed_on is None or row.closing_date_unknown:
        raise ConcernNotDue(reference)
    session.delete(row)
    from mop_desktop.store.register import DraftRow

    for draft in session.scalars(select(DraftRow).where(DraftRow.reference == reference)):
        session.delete(draft)  # a draft of it goes with it
    session.add(DeletionTraceRow(reference=reference, removed_on=utcnow(), reason=reason))
    audit(session, "deleted", reference)


def traces(session: Session) -> list[DeletionTrace]:
    return [
        DeletionTrace(t.reference, t.removed_on, t.reason)
        for t in session.scalars(select(DeletionTraceRow).order_by(DeletionTraceRow.id))
    ]


@dataclass(frozen=True)
class RetentionReview:
    """What the retention review shows: the concerns due, those kept for want of a closing
    date, and the traces of those removed so far."""

    years: int
    due: list[RetentionItem]
    undated: list[str]
    traces: list[DeletionTrace]


def review(service: RegisterService, years: int, today: dt.date) -> RetentionReview:
    """The retention review of the unlocked register, in one transaction."""
    with service.session() as session:
        return RetentionReview(years, due(session, years, today), undated(session), traces(session))


def remove(service: RegisterService, reference: str, reason: str) -> None:
    """Delete one closed concern past its period for good, keeping a trace, in its own
    transaction (``ConcernNotDue`` when it is not closed with a known date)."""
    with service.session() as session:
        delete(session, reference, reason)
