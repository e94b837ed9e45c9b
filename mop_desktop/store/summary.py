"""A small read-only summary of policy.db through the standard library's ``sqlite3``.

What the first frame of the window needs (the council's name, the protocol's latest adoption,
its draft, the review settings and the meeting dates) without importing SQLAlchemy's ORM, which
costs more than the rest of start-up. ``services.reminders.summary_schedule`` turns it into the
same ``Schedule`` as the ORM path (``load_schedule``); the tests hold the two equal.

It reads only a store at the current schema that ``store.db.open_store`` has already opened
(checked, upgraded): a newer schema is refused as ``open_store`` refuses it, an older or empty
one is reported, a file that is not a sound database raises ``DamagedStoreError``. The
connection is read-only, so nothing is ever written through it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mop_desktop.domain.records import VersionStatus
from mop_desktop.store.db import (
    DamagedStoreError,
    StoreError,
    head_revision,
    read_revision,
    refuse_newer_schema,
)

PROTOCOL = "protocol"  # store.documents.PROTOCOL (that module imports the ORM)


@dataclass(frozen=True)
class LastAdoption:
    """The newest row of the adoption history."""

    id: int
    version_label: str
    adopted_on: dt.date | None
    minute_ref: str
    review_due: dt.date | None


@dataclass(frozen=True)
class ProtocolFacts:
    """The protocol document as the review schedule sees it."""

    document_id: int
    title: str
    interval_months: int
    last_adoption: LastAdoption | None
    adopted_label: str | None  # label of the newest adopted version
    has_draft: bool
    draft_label: str | None


@dataclass(frozen=True)
class PolicySummary:
    council_name: str
    protocol: ProtocolFacts | None  # None: no protocol, or one without any version yet
    settings: dict[str, str]  # key -> stored JSON text (``store.settings.decode`` reads it)
    meetings: tuple[dt.date, ...]  # every Full Council meeting, earliest first


def stored_date(value: object) -> dt.date | None:
    """A Date column as SQLite stores it (ISO text), or None."""
    if value is None or value == "":
        return None
    return dt.date.fromisoformat(str(value)[:10])


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DamagedStoreError(f"{path.name} cannot be opened: {exc}") from None


def check_current(path: Path) -> None:
    """Raise as ``read_summary`` does unless ``path`` is a store at this release's schema:
    ``NewerSchemaError`` for a newer one, ``DamagedStoreError`` for a file that is not a
    sound database, ``StoreError`` for a missing, empty or not yet upgraded one."""
    if not path.exists() or path.stat().st_size == 0:
        raise StoreError(f"no store at {path}")
    revision = read_revision(path)
    refuse_newer_schema(path, revision)
    if revision != head_revision():
        raise StoreError(f"{path.name} has not been upgraded yet (schema {revision})")


def read_summary(path: Path) -> PolicySummary:
    """The summary of the policy store at ``path`` (see the module's docstring)."""
    check_current(path)
    con = _connect(path)
    try:
        return _read(con)
    except sqlite3.OperationalError as exc:  # busy, or an input/output error: not damage
        raise StoreError(f"{path.name} could not be read just now: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise DamagedStoreError(f"{path.name} is damaged or not a database: {exc}") from None
    finally:
        con.close()


def _read(con: sqlite3.Connection) -> PolicySummary:
    row = con.execute("SELECT name FROM council ORDER BY id LIMIT 1").fetchone()
    council = (row[0] or "") if row else ""
    settings = {str(k): str(v) for k, v in con.execute("SELECT key, value FROM setting")}
    meetings = tuple(
        d for (value,) in con.execute("SELECT date FROM meeting ORDER BY date")
        if (d := stored_date(value)) is not None
    )
    return PolicySummary(council, _protocol(con), settings, meetings)


def _protocol(con: sqlite3.Connection) -> ProtocolFacts | None:
    doc = con.execute(
        "SELECT id, title, review_interval_months FROM document WHERE kind = ? "
        "ORDER BY id LIMIT 1",
        (PROTOCOL,),
    ).fetchone()
    if doc is None:
        return None
    doc_id, title, interval = doc

    def newest(status: str) -> tuple[str | None] | None:
        return con.execute(  # type: ignore[no-any-return]
            "SELECT label FROM version WHERE document_id = ? AND status = ? "
            "ORDER BY id DESC LIMIT 1",
            (doc_id, status),
        ).fetchone()

    if con.execute("SELECT 1 FROM version WHERE document_id = ? LIMIT 1", (doc_id,)).fetchone() \
            is None:
        return None
    adopted, draft = newest(VersionStatus.ADOPTED), newest(VersionStatus.DRAFT)
    last = con.execute(
        "SELECT id, version_label, adopted_on, minute_ref, review_due FROM adoption "
        "WHERE document_id = ? ORDER BY id DESC LIMIT 1",
        (doc_id,),
    ).fetchone()
    return ProtocolFacts(
        document_id=int(doc_id),
        title=title,
        interval_months=int(interval or 12),
        last_adoption=LastAdoption(
            int(last[0]), last[1] or "", stored_date(last[2]), last[3] or "", stored_date(last[4])
        )
        if last
        else None,
        adopted_label=adopted[0] if adopted else None,
        has_draft=draft is not None,
        draft_label=draft[0] if draft else None,
    )
