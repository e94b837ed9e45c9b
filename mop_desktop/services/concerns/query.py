"""Finding concerns: FTS5 search over every text field, filters, sorting and paging, so that a
register of 100,000 concerns is never read whole. Also the follow-ups for the reminders."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import CLOSED
from mop_desktop.store.register import ConcernRow

#: Columns a list or table shows, in order (also the sort keys it offers).
LIST_COLUMNS = (
    "reference", "raised_on", "status", "summary", "raised_by", "raised_by_role", "about",
    "about_role", "category", "follow_up_on",
)
_SORTABLE = {name: getattr(ConcernRow, name) for name in LIST_COLUMNS}


@dataclass(frozen=True)
class ConcernQuery:
    text: str = ""
    status: str = ""
    category: str = ""
    role: str = ""  # raised by or about someone in this role
    raised_from: dt.date | None = None
    raised_to: dt.date | None = None
    sort: str = "raised_on"
    descending: bool = True


@dataclass(frozen=True)
class ConcernSummary:
    reference: str
    raised_on: dt.date
    status: str
    summary: str
    raised_by: str
    raised_by_role: str
    about: str
    about_role: str
    category: str
    follow_up_on: dt.date | None


_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_expression(query_text: str) -> str:
    """Words typed -> an FTS5 expression: every word, as a prefix (search as you type)."""
    words = _TOKEN.findall(query_text)
    return " ".join(f'"{w}"*' for w in words)


def _filtered(statement: Select, query: ConcernQuery) -> Select:  # type: ignore[type-arg]
    expression = match_expression(query.text)
    if expression:
        statement = statement.where(
            ConcernRow.id.in_(
                select(text("rowid")).select_from(text("concern_fts")).where(
                    text("concern_fts MATCH :match")
                )
            )
        ).params(match=expression)
    if query.status:
        statement = statement.where(ConcernRow.status == query.status)
    if query.category:
        statement = statement.where(ConcernRow.category == query.category)
    if query.role:
        statement = statement.where(
            or_(ConcernRow.raised_by_role == query.role, ConcernRow.about_role == query.role)
        )
    if query.raised_from:
        statement = statement.where(ConcernRow.raised_on >= query.raised_from)
    if query.raised_to:
        statement = statement.where(ConcernRow.raised_on <= query.raised_to)
    return statement


def count(session: Session, query: ConcernQuery) -> int:
    return int(session.scalar(_filtered(select(func.count(ConcernRow.id)), query)) or 0)


def page(session: Session, query: ConcernQuery, offset: int, limit: int) -> list[ConcernSummary]:
    column = _SORTABLE.get(query.sort, ConcernRow.raised_on)
    order = [column.desc(), ConcernRow.id.desc()] if query.descending else [column, ConcernRow.id]
    statement = _filtered(
        select(*(getattr(ConcernRow, c) for c in LIST_COLUMNS)), query
    ).order_by(*order).offset(offset).limit(limit)
    return [ConcernSummary(*row) for row in session.execute(statement)]


def followups_in(session: Session) -> list[tuple[str, dt.date]]:
    """(reference, follow-up date) of every concern not closed; the reference only."""
    rows = session.execute(
        select(ConcernRow.reference, ConcernRow.follow_up_on)
        .where(ConcernRow.follow_up_on.is_not(None), ConcernRow.status != CLOSED)
        .order_by(ConcernRow.follow_up_on)
    )
    return [(ref, day) for ref, day in rows]
