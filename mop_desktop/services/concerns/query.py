"""Finding concerns: FTS5 search over every text field, filters, sorting and paging, so that a
register of 100,000 concerns is never read whole. Also the follow-ups for the reminders.

Counting and paging avoid reading the wide concern rows. A word found in few concerns is looked
up row by row (the FTS5 hits, by rowid); a common word or a filter alone scans the narrow list
index instead (``ix_concern_list``: date raised, status, category, roles, and the rowid), which
is what ``id + 0`` asks SQLite for; only the page's own rows are then read.

A common word sorted by an indexed column is merged in Python: the FTS5 hits are read once as
a set of rowids (which is also their count), and the list index is walked in the sort order,
keeping the rows in the set until the page is full, where SQLite's ``IN (subquery)`` would
build a temporary b-tree of every hit first (docs/dev/performance.md, the register). Only
rowids are held in memory, never register text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVarTuple

from sqlalchemy import Select, SQLColumnExpression, func, literal_column, or_, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import CLOSED
from mop_desktop.store.register import LIST_INDEX_COLUMNS, ConcernRow

if TYPE_CHECKING:
    from .service import RegisterService

#: Columns a list or table shows, in order (also the sort keys it offers).
LIST_COLUMNS = (
    "reference",
    "raised_on",
    "status",
    "summary",
    "raised_by",
    "raised_by_role",
    "about",
    "about_role",
    "category",
    "follow_up_on",
)
_Ts = TypeVarTuple("_Ts")
_SORTABLE = {name: getattr(ConcernRow, name) for name in LIST_COLUMNS}
#: Sorts the list index can serve without reading rows.
_INDEXED_SORTS = set(LIST_INDEX_COLUMNS) - {"id"}
#: Up to this many FTS hits, reading the hits by rowid beats scanning the list index.
NARROW = 500


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


def _has_filters(query: ConcernQuery) -> bool:
    return bool(
        query.status or query.category or query.role or query.raised_from or query.raised_to
    )


def fts_hits(session: Session, expression: str) -> int:
    """How many concerns the words match (from the FTS5 index alone)."""
    return int(
        session.execute(
            text("SELECT count(*) FROM concern_fts WHERE concern_fts MATCH :match"),
            {"match": expression},
        ).scalar_one()
    )


def _filtered(
    statement: Select[*_Ts], query: ConcernQuery, *, scan_index: bool = False
) -> Select[*_Ts]:
    expression = match_expression(query.text)
    if expression:
        # ``id + 0`` keeps SQLite from looking each hit up by rowid: it scans the list index.
        key = ConcernRow.id + literal_column("0") if scan_index else ConcernRow.id
        statement = statement.where(
            key.in_(
                select(text("rowid"))
                .select_from(text("concern_fts"))
                .where(text("concern_fts MATCH :match"))
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


def _broad(session: Session, query: ConcernQuery) -> bool:
    """True when scanning the list index is the cheaper way (no words, or common words)."""
    expression = match_expression(query.text)
    return not expression or fts_hits(session, expression) > NARROW


def count(session: Session, query: ConcernQuery) -> int:
    expression = match_expression(query.text)
    if expression and not _has_filters(query):
        return fts_hits(session, expression)
    statement = _filtered(
        select(func.count()).select_from(ConcernRow), query, scan_index=_broad(session, query)
    )
    return int(session.scalar(statement) or 0)


_HITS_SQL = "SELECT rowid FROM concern_fts WHERE concern_fts MATCH ?"


def hit_ids(session: Session, expression: str) -> set[int]:
    """The rowids of the concerns the words match (from the FTS5 index alone), read through
    the driver's own cursor: tens of thousands of integers, which SQLAlchemy's row handling
    would take a third longer to hand over. A driver error is raised as SQLAlchemy's
    ``DatabaseError`` (values hidden), as every other register query's is."""
    driver = session.connection().connection.driver_connection
    try:
        if driver is None:  # never: the session's connection is open
            raise RuntimeError("no driver connection")
        return {rowid for (rowid,) in driver.execute(_HITS_SQL, (expression,))}
    except Exception as exc:  # sqlcipher3's own errors: no SQLAlchemy wrapper on this path
        raise DatabaseError(_HITS_SQL, None, exc, hide_parameters=True) from exc


def _order(query: ConcernQuery) -> list[SQLColumnExpression[object]]:
    column = _SORTABLE.get(query.sort, ConcernRow.raised_on)
    return [column.desc(), ConcernRow.id.desc()] if query.descending else [column, ConcernRow.id]


def _merged_ids(
    session: Session, query: ConcernQuery, hits: set[int], offset: int, limit: int
) -> list[int]:
    """Walk the list index in the sort order (filters applied there), keeping the hits."""
    plain = dataclasses.replace(query, text="")
    statement = _filtered(select(ConcernRow.id), plain, scan_index=True).order_by(*_order(query))
    ids: list[int] = []
    skip = offset
    result = session.connection().execute(statement)
    try:
        for (concern_id,) in result:
            if concern_id not in hits:
                continue
            if skip:
                skip -= 1
                continue
            ids.append(concern_id)
            if len(ids) >= limit:
                break
    finally:
        result.close()
    return ids


def _rows(session: Session, ids: list[int]) -> list[ConcernSummary]:
    if not ids:
        return []
    columns = [getattr(ConcernRow, c) for c in LIST_COLUMNS]
    rows = {
        r[0]: r[1:]
        for r in session.execute(select(ConcernRow.id, *columns).where(ConcernRow.id.in_(ids)))
    }
    return [ConcernSummary(*rows[i]) for i in ids]


def page(
    session: Session,
    query: ConcernQuery,
    offset: int,
    limit: int,
    hits: set[int] | None = None,
) -> list[ConcernSummary]:
    """Rows ``offset`` to ``offset + limit`` in the query's order. ``hits``: the words' rowids
    when the caller has them already (``count_and_page``)."""
    order = _order(query)
    columns = [getattr(ConcernRow, c) for c in LIST_COLUMNS]
    expression = match_expression(query.text)
    if query.sort in _INDEXED_SORTS and expression:
        if hits is None:
            hits = hit_ids(session, expression)
        if len(hits) > NARROW:
            return _rows(session, _merged_ids(session, query, hits, offset, limit))
    if query.sort in _INDEXED_SORTS and not expression:
        return _rows(
            session,
            list(
                session.scalars(
                    _filtered(select(ConcernRow.id), query, scan_index=True)
                    .order_by(*order)
                    .offset(offset)
                    .limit(limit)
                )
            ),
        )
    statement = _filtered(select(*columns), query).order_by(*order).offset(offset).limit(limit)
    return [ConcernSummary(*row) for row in session.execute(statement)]


def count_and_page(
    session: Session, query: ConcernQuery, limit: int
) -> tuple[int, list[ConcernSummary]]:
    """The number of matching concerns and the first page, reading the FTS5 hits only once
    when the words are common (the search-as-you-type path of the table)."""
    expression = match_expression(query.text)
    if expression and query.sort in _INDEXED_SORTS:
        hits = hit_ids(session, expression)
        total = count(session, query) if _has_filters(query) else len(hits)
        return total, page(session, query, 0, limit, hits) if total else []
    total = count(session, query)
    return total, page(session, query, 0, limit) if total else []


def followups_in(session: Session) -> list[tuple[str, dt.date]]:
    """(reference, follow-up date) of every concern not closed; the reference only."""
    rows = [
        (ref, day)
        for ref, day in session.execute(
            select(ConcernRow.reference, ConcernRow.follow_up_on)
            .where(ConcernRow.follow_up_on.is_not(None), ConcernRow.status != CLOSED)
            .order_by(ConcernRow.follow_up_on)
        )
        if day is not None
    ]  # every one has a date (the query): said to the type checker
    return [(ref, day) for ref, day in rows]


# -- the register's own transactions (what the window and the command line ask) --------------
def search(
    service: RegisterService, query: ConcernQuery, limit: int
) -> tuple[int, list[ConcernSummary]]:
    """The number of concerns matching ``query`` and the first ``limit`` of them, in one
    transaction on the unlocked register (``count_and_page``). A locked register:
    ``RegisterLocked``; a statement that fails: ``RegisterStoreFailure``."""
    with service.session() as session:  # one connection for both: each is keyed
        return count_and_page(session, query, limit)


def read_page(
    service: RegisterService, query: ConcernQuery, offset: int, limit: int
) -> list[ConcernSummary]:
    """Rows ``offset`` to ``offset + limit`` of ``query``, in its own transaction."""
    with service.session() as session:
        return page(session, query, offset, limit)
