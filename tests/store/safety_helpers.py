"""Helpers shared by the backup, integrity and failure tests: a store with content, a register,
row-for-row dumps and file hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.store import documents as docs
from mop_desktop.store.models import MeetingRow


def sample_text(tag: str = "") -> DocumentText:
    return DocumentText(
        "Member/Officer Relations Protocol",
        [
            Section("Introduction", [Block(f"Members and officers work together {tag}.")]),
            Section(
                "Expectations",
                [
                    Block(
                        "Councillors can expect from Officers:",
                        numbered=False,
                        list_style="lower-alpha",
                        items=[ListItem("A commitment to the council"), ListItem("Advice")],
                    )
                ],
            ),
        ],
    )


def populate(store, versions: int = 2, meetings: int = 3) -> None:
    """Adopted versions with their history rows, a draft and meetings."""
    with store.session() as s:
        doc = docs.ensure_protocol(s)
        for n in range(versions):
            version = docs.create_version(
                s, doc, sample_text(f"v{n}"), status=VersionStatus.ADOPTED, label=str(2020 + n)
            )
            docs.append_adoption(
                s,
                doc,
                Adoption(
                    version_label=str(2020 + n),
                    adopted_on=dt.date(2020 + n, 3, 23),
                    minute_ref=f"{2020 + n}-101",
                    review_due=dt.date(2021 + n, 3, 31),
                    reviewer="G White",
                    text_sha256=version.text_sha256,
                ),
                version=version,
            )
        docs.create_version(s, doc, sample_text("draft"))
        for n in range(meetings):
            day = dt.date(2027, 1, 10) + dt.timedelta(days=7 * n)
            s.add(MeetingRow(date=day, title=f"Full Council {n}"))


def add_meeting(store, n: int) -> None:
    with store.session() as s:
        s.add(MeetingRow(date=dt.date(2027, 1, 1) + dt.timedelta(days=n), title=f"m{n}"))


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a plain SQLite file, sorted."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def dump_store(store) -> dict[str, list[tuple]]:
    """Every row of every table of an open store, sorted: policy.db or a server database."""
    if not store.is_server:
        return dump(store.path)
    from sqlalchemy import inspect, text

    with store.engine.connect() as con:
        return {
            t: sorted((tuple(r) for r in con.execute(text(f'SELECT * FROM "{t}"'))), key=repr)
            for t in inspect(con).get_table_names()
        }


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_register(paths, concerns: int = 3, monkeypatch: pytest.MonkeyPatch | None = None):
    """An encrypted register with ``concerns`` rows; returns its data key (a bytearray)."""
    pytest.importorskip("sqlcipher3")
    register = pytest.importorskip("mop_desktop.store.register")
    vault = pytest.importorskip("mop_desktop.store.vault")
    if monkeypatch is not None:
        monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    key, _recovery = vault.create_envelope(paths.key_envelope, "correct horse battery")
    reg = register.create_register(paths.register_db, bytearray(key))
    with reg.session() as s:
        for n in range(concerns):
            s.add(
                register.ConcernRow(
                    reference=f"C-2026-{n + 1:03d}",
                    raised_on=dt.date(2026, 1, 1 + n),
                    raised_by_role="officer",
                    summary=f"summary {n}",
                )
            )
    reg.engine.dispose()
    return bytearray(key)


def register_dump(path: Path, key: bytearray) -> dict[str, list[tuple]]:
    from mop_desktop.store.register import keyed_connection

    con = keyed_connection(path, bytearray(key), "ro")
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'concern_fts%'"
            )
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()
