"""The protocol's versions, text, history, council and meetings read from policy.db through the
standard library's ``sqlite3``, and the record of an exported PDF written the same way.

This is the PDF path (``services.pdf``): a whole ``mop-desktop pdf`` never imports SQLAlchemy,
whose import costs more than drawing the PDF. Rows become domain values through
``store.row_values``, the same functions the ORM path (``store.documents``) uses. The store is
checked as ``store.summary`` checks it (a newer schema refused, an un-upgraded one reported, a
file that is not a sound database raising ``DamagedStoreError``), and the connection gets the
pragmas ``store.db`` sets (WAL, synchronous=FULL, foreign keys, busy timeout).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption, Council
from mop_desktop.domain.storable import check_parameters
from mop_desktop.store.db import DamagedStoreError, set_pragmas
from mop_desktop.store.row_values import adoption_from_row, text_from_rows
from mop_desktop.store.summary import (
    PROTOCOL,
    check_current,
    stored_date,
)


class VersionValues(NamedTuple):
    id: int
    label: str | None
    status: str
    title: str


class AdoptionValues(NamedTuple):
    """An ``adoption`` row with the ORM's attribute names and types."""

    id: int
    version_id: int | None
    version_label: str
    adopted_on: dt.date | None
    minute_ref: str
    review_due: dt.date | None
    reviewer: str
    chair: str
    clerk: str
    no_changes: bool
    text_sha256: str
    prev_hash: str
    record_hash: str
    imported: bool = False
    adopted_by: str = ""


class MeetingValues(NamedTuple):
    date: dt.date
    body: str
    title: str
    location: str


@dataclass
class ProtocolRows:
    """The protocol document with its versions and history, oldest first (as the ORM's
    ``DocumentRow.versions`` and ``.adoptions``)."""

    id: int
    title: str
    versions: list[VersionValues] = field(default_factory=list)
    adoptions: list[AdoptionValues] = field(default_factory=list)


def _stamp(moment: dt.datetime) -> str:
    """A naive UTC time as SQLAlchemy's SQLite ``DateTime`` stores it."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


class LightStore:
    """One connection to policy.db; use as ``with open_light(path) as light: ...``."""

    def __init__(self, path: Path, con: sqlite3.Connection) -> None:
        self.path = path
        self.con = con

    # -- reading ------------------------------------------------------------------------------
    def council(self) -> Council:
        row = self.con.execute(
            "SELECT name, principal_authority, clerk, chair, personnel_chair, address "
            "FROM council ORDER BY id LIMIT 1"
        ).fetchone()
        if row is None:
            return Council()
        fields = ("name", "principal_authority", "clerk", "chair", "personnel_chair", "address")
        return Council(**{f: v if v is not None else "" for f, v in zip(fields, row, strict=True)})

    def logo(self) -> bytes | None:
        row = self.con.execute("SELECT logo FROM council ORDER BY id LIMIT 1").fetchone()
        return bytes(row[0]) if row is not None and row[0] else None

    def setting_text(self, key: str) -> str | None:
        """The stored JSON text of a setting (``store.settings.decode`` reads it)."""
        row = self.con.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def protocol(self) -> ProtocolRows | None:
        doc = self.con.execute(
            "SELECT id, title FROM document WHERE kind = ? ORDER BY id LIMIT 1", (PROTOCOL,)
        ).fetchone()
        if doc is None:
            return None
        rows = ProtocolRows(int(doc[0]), doc[1] or "")
        rows.versions = [
            VersionValues(int(i), label, status, title or "")
            for i, label, status, title in self.con.execute(
                "SELECT id, label, status, title FROM version WHERE document_id = ? "
                "ORDER BY id", (rows.id,))
        ]
        rows.adoptions = [
            AdoptionValues(int(r[0]), r[1], r[2] or "", stored_date(r[3]), r[4] or "",
                           stored_date(r[5]), r[6] or "", r[7] or "", r[8] or "", bool(r[9]),
                           r[10] or "", r[11] or "", r[12] or "", bool(r[13]), r[14] or "")
            for r in self.con.execute(
                "SELECT id, version_id, version_label, adopted_on, minute_ref, review_due, "
                "reviewer, chair, clerk, no_changes, text_sha256, prev_hash, record_hash, "
                "imported, adopted_by "
                "FROM adoption WHERE document_id = ? ORDER BY id", (rows.id,))
        ]
        return rows

    def signatures(self, adoption_id: int) -> dict[str, bytes]:
        """The signature images recorded with an adoption, by role ("chair", "clerk")."""
        return {
            str(role): bytes(image)
            for role, image in self.con.execute(
                "SELECT role, image FROM adoption_signature WHERE adoption_id = ?",
                (adoption_id,))
        }

    def history(self, doc: ProtocolRows) -> list[Adoption]:
        return [adoption_from_row(r) for r in doc.adoptions]

    def text(self, version: VersionValues) -> DocumentText:
        """The version's text (as ``store.documents.load_text`` gives it)."""
        blocks: dict[int, list[tuple[str, bool, int, str | None, str | None, str]]] = {}
        for section_id, text, numbered, level, style, items, source in self.con.execute(
            "SELECT b.section_id, b.text, b.numbered, b.level, b.list_style, b.items_json, "
            "b.source_number "
            "FROM block b JOIN section s ON s.id = b.section_id WHERE s.version_id = ? "
            "ORDER BY b.section_id, b.position", (version.id,)
        ):
            blocks.setdefault(section_id, []).append(
                (text or "", bool(numbered), int(level), style, items, source or ""))
        sections = [
            (heading or "", bool(numbered), blocks.get(sid, []), source or "")
            for sid, heading, numbered, source in self.con.execute(
                "SELECT id, heading, numbered, source_number FROM section WHERE version_id = ? "
                "ORDER BY position", (version.id,))
        ]
        return text_from_rows(version.title, sections)

    def meetings_from(self, day: dt.date) -> list[MeetingValues]:
        """Meetings on or after ``day``, earliest first."""
        return [
            MeetingValues(d, body or "", title or "", location or "")
            for value, body, title, location in self.con.execute(
                "SELECT date, body, title, location FROM meeting WHERE date >= ? "
                "ORDER BY date", (day.isoformat(),))
            if (d := stored_date(value)) is not None
        ]

    def version_status(self, version_id: int) -> str | None:
        row = self.con.execute("SELECT status FROM version WHERE id = ?",
                               (version_id,)).fetchone()
        return None if row is None else str(row[0])

    def exports_with(self, sha256: str, kind: str) -> list[tuple[int | None, str]]:
        """(version id, label) of each recorded export of ``kind`` with this SHA-256."""
        return [(r[0], r[1] or "") for r in self.con.execute(
            "SELECT version_id, version_label FROM export WHERE sha256 = ? AND kind = ? "
            "ORDER BY id", (sha256, kind))]

    # -- writing ------------------------------------------------------------------------------
    def record_export(self, *, version_id: int | None, version_label: str, kind: str,
                      path: str, sha256: str) -> dt.datetime:
        """Add one row to the ``export`` table in its own transaction; returns its
        ``created_at`` (naive UTC, as the ORM stores it)."""
        created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        params = (version_id, version_label, kind, path, sha256, _stamp(created))
        check_parameters(params)
        with self.con:
            self.con.execute(
                "INSERT INTO export (version_id, version_label, kind, path, sha256, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)", params)
        return created


def _connect(path: Path) -> sqlite3.Connection:
    try:
        con = sqlite3.connect(str(path), timeout=10.0)
        set_pragmas(con, None)  # the engine's own (store.db): WAL, FULL, foreign keys, timeout
    except sqlite3.DatabaseError as exc:
        raise DamagedStoreError(f"{path.name} is damaged or not a database: {exc}") from None
    return con


@contextmanager
def open_light(path: Path) -> Iterator[LightStore]:
    """The store at ``path`` (checked as ``store.summary`` checks it) for the block's
    duration. A read or write that finds the file damaged raises ``DamagedStoreError``."""
    check_current(path)
    con = _connect(path)
    try:
        yield LightStore(path, con)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError) or "locked" in str(exc):
            raise
        raise DamagedStoreError(f"{path.name} is damaged or not a database: {exc}") from None
    finally:
        con.close()
