"""Every stored field of a concern as plain JSON values (``concerns list --json``), so that a
register can be checked and moved: the fields, "closing date unknown", the timeline, and when
the record was created and last changed. Dates ISO; times UTC ISO with a "Z"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mop_desktop.store.register import AttachmentRow, ConcernRow, SealedRow

from .service import to_concern


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat() + "Z"
    return value.isoformat()


def record(
    row: ConcernRow, sealed: bool = False, files: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    concern = to_concern(row)
    return {
        "reference": concern.reference,
        "raised_on": _iso(concern.raised_on),
        "raised_by": concern.raised_by,
        "raised_by_role": concern.raised_by_role,
        "about": concern.about,
        "about_role": concern.about_role,
        "category": concern.category,
        "clauses": concern.clauses,
        "summary": concern.summary,
        "details": concern.details,
        "route": concern.route,
        "status": concern.status,
        "follow_up_on": _iso(concern.follow_up_on),
        "outcome": concern.outcome,
        "closed_on": _iso(concern.closed_on),
        "closing_date_unknown": concern.closing_date_unknown,
        "timeline": [
            {
                "date": _iso(t.on),
                "text": t.entry,
                "created": _iso(t.created_at),
                "updated": _iso(t.updated_at),
            }
            for t in row.timeline
        ],
        "created": _iso(row.created_at),
        "updated": _iso(row.updated_at),
        "sealed": sealed,
        "attachments": files or [],
    }


def records(session: Session, references: list[str]) -> list[dict[str, Any]]:
    """The full records of ``references``, in that order."""
    rows = session.scalars(
        select(ConcernRow)
        .where(ConcernRow.reference.in_(references))
        .options(selectinload(ConcernRow.timeline))
    ).all()
    by_reference = {row.reference: row for row in rows}
    ids = [row.id for row in rows]
    sealed = set(session.scalars(select(SealedRow.concern_id).where(SealedRow.concern_id.in_(ids))))
    files: dict[int, list[dict[str, Any]]] = {}
    for concern_id, number, name, size, digest, added, is_sealed in session.execute(
        select(
            AttachmentRow.concern_id,
            AttachmentRow.id,
            AttachmentRow.filename,
            AttachmentRow.size,
            AttachmentRow.sha256,
            AttachmentRow.added_at,
            AttachmentRow.sealed,
        )
        .where(AttachmentRow.concern_id.in_(ids))
        .order_by(AttachmentRow.id)
    ):
        files.setdefault(concern_id, []).append(
            {
                "number": number,
                "name": name,
                "size": size,
                "sha256": digest,
                "added": _iso(added),
                "sealed": bool(is_sealed),
            }
        )
    return [
        record(by_reference[r], by_reference[r].id in sealed, files.get(by_reference[r].id))
        for r in references
        if r in by_reference
    ]
