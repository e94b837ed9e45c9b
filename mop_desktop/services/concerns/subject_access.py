"""A subject access request: everything the register holds about a named person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import Concern
from mop_desktop.store.register import ConcernRow, TimelineRow

from .service import TimelineEntry, to_concern


@dataclass(frozen=True)
class CaseFile:
    concern: Concern
    timeline: list[TimelineEntry]


def about_person(session: Session, name: str) -> list[CaseFile]:
    """Every concern that names ``name`` (case-insensitive) in any field or timeline entry."""
    needle = name.strip().lower()
    if not needle:
        return []
    like = f"%{needle}%"
    text_columns = (
        ConcernRow.raised_by, ConcernRow.about, ConcernRow.summary, ConcernRow.details,
        ConcernRow.route, ConcernRow.outcome,
    )
    in_timeline = select(TimelineRow.concern_id).where(func.lower(TimelineRow.entry).like(like))
    rows = session.scalars(
        select(ConcernRow)
        .where(
            or_(*(func.lower(c).like(like) for c in text_columns), ConcernRow.id.in_(in_timeline))
        )
        .order_by(ConcernRow.raised_on, ConcernRow.id)
    )
    return [
        CaseFile(to_concern(r), [TimelineEntry(t.on, t.entry) for t in r.timeline]) for r in rows
    ]
