"""Every released schema of both stores opens, upgrades on a checked copy and keeps its content;
a failed or killed upgrade leaves the store exactly as it was (or wholly upgraded)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from mop_desktop.store.db import head_revision, known_revisions, open_store, read_revision
from mop_desktop.store.register import (
    SCHEMA_VERSION,
    ConcernRow,
    RegisterError,
    keyed_connection,
    open_register,
)
from tests.store.data.make_fixtures import (
    CONCERNS,
    POLICY_REVISIONS,
    REGISTER_KEY,
    REGISTER_SCHEMAS,
    TIMELINE,
    policy_fixture,
    register_fixture,
)

POLICY_TABLES = ["council", "setting", "document", "version", "section", "block", "adoption"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(path: Path, tables: list[str]) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def _texts(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(
            "SELECT v.id, v.status, b.id, b.text FROM version v "
            "JOIN section s ON s.version_id = v.id "
            "JOIN block b ON b.section_id = s.id ORDER BY b.id"
        ).fetchall()
    finally:
        con.close()


def _no_leftovers(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_every_released_policy_schema_has_a_fixture():
    """A new Alembic revision needs its fixture (tests/store/data/make_fixtures.py)."""
    assert known_revisions() == POLICY_REVISIONS
    assert all(policy_fixture(r).exists() for r in POLICY_REVISIONS)


@pytest.mark.parametrize("revision", POLICY_REVISIONS)
def test_policy_store_of_every_schema_upgrades_with_its_content(revision, tmp_path):
    db = tmp_path / "policy.db"
    shutil.copy(policy_fixture(revision), db)
    assert read_revision(db) == revision
    before, texts = _counts(db, POLICY_TABLES), _texts(db)
    store = open_store(db, tmp_path / "aside")
    store.close()
    assert read_revision(db) == head_revision()
    assert _counts(db, POLICY_TABLES) == before
    assert _texts(db) == texts and texts
    kept = list((tmp_path / "aside").glob(f"policy-schema-{revision}-*.db"))
    assert len(kept) == (0 if revision == head_revision() else 1)
    _no_leftovers(tmp_path)


def _register_content(path: Path, key: bytes) -> tuple[list, list, int]:
    register = open_register(path, bytearray(key))
    try:
        with register.session() as session:
            concerns = [
                (c.reference, c.raised_on.isoformat(), c.summary, c.status,
                 c.closed_on.isoformat() if c.closed_on else None)
                for c in session.query(ConcernRow).order_by(ConcernRow.id)
            ]
            timeline = [
                (c.id, t.on.isoformat(), t.entry)
                for c in session.query(ConcernRow).order_by(ConcernRow.id) for t in c.timeline
            ]
            found = session.execute(
                __import__("sqlalchemy").text(
                    "SELECT count(*) FROM concern_fts WHERE concern_fts MATCH 'allotments'")
            ).scalar()
    finally:
        register.close()
    return concerns, timeline, found


def _version(path: Path) -> int:
    con = keyed_connection(path, bytearray(REGISTER_KEY), "ro")
    try:
        return int(con.execute("SELECT max(version) FROM schema_version").fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize("version", REGISTER_SCHEMAS)
def test_register_of_every_schema_upgrades_with_its_content(version, tmp_path):
    pytest.importorskip("sqlcipher3")
    path = tmp_path / "register.db"
    shutil.copy(register_fixture(version), path)
    assert _version(path) == version
    concerns, timeline, found = _register_content(path, REGISTER_KEY)
    assert _version(path) == SCHEMA_VERSION
    assert concerns == [(ref, raised, summary, status, closed)
                        for ref, raised, _by, _about, _cat, summary, status, closed in CONCERNS]
    assert timeline == [(n, on, entry) for n, on, entry in TIMELINE]
    assert found == 1  # the full-text index came through
    kept = list((tmp_path / "kept-aside").glob(f"register-schema-{version}-*.db"))
    assert len(kept) == (0 if version == SCHEMA_VERSION else 1)
    if kept:
        assert _sha(kept[0]) == _sha(register_fixture(version))  # the old file, still encrypted
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    _no_leftovers(tmp_path)


def test_register_upgrade_that_fails_leaves_the_register_as_it_was(tmp_path, monkeypatch):
    pytest.importorskip("sqlcipher3")
    from mop_desktop.store import register_upgrade

    path = tmp_path / "register.db"
    shutil.copy(register_fixture(2), path)
    before = _sha(path)

    def broken(connection):
        connection.exec_driver_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setitem(register_upgrade.STEPS, 3, broken)
    with pytest.raises(RegisterError, match="left as it was"):
        open_register(path, bytearray(REGISTER_KEY))
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept-aside", "register.db"]


def test_register_copy_that_fails_its_check_is_not_swapped_in(tmp_path, monkeypatch):
    pytest.importorskip("sqlcipher3")
    from mop_desktop.store import register_upgrade

    path = tmp_path / "register.db"
    shutil.copy(register_fixture(3), path)
    before = _sha(path)
    monkeypatch.setitem(register_upgrade.STEPS, 3, lambda connection: None)  # does nothing
    with pytest.raises(RegisterError, match="failed its check .*(missing|lacks)"):
        open_register(path, bytearray(REGISTER_KEY))
    assert _sha(path) == before


# -- killed at any moment: the old file or the new one ----------------------------------------
KILL_RUNS = 12


def _upgrade_in_child(store: str, path: Path) -> int:
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            if store == "policy":
                open_store(path, path.parent / "kept-aside").close()
            else:
                open_register(path, bytearray(REGISTER_KEY)).close()
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    return pid


def _state(store: str, path: Path) -> str:
    """"old" (byte for byte the fixture) or "new" (at the current schema); anything else fails."""
    if store == "policy":
        revision = read_revision(path)
        return "new" if revision == head_revision() else revision or "none"
    return "new" if _version(path) == SCHEMA_VERSION else str(_version(path))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
@pytest.mark.parametrize("store", ["policy", "register"])
def test_upgrade_killed_at_any_moment_leaves_the_old_file_or_the_new(store, tmp_path):
    if store == "register":
        pytest.importorskip("sqlcipher3")
    fixture = policy_fixture("0001") if store == "policy" else register_fixture(1)
    name = "policy.db" if store == "policy" else "register.db"
    # how long one whole upgrade takes here, so that the kills fall all through it
    for attempt in range(2):  # the second is timed (the first loads what the child needs)
        timing = tmp_path / f"timing-{attempt}"
        timing.mkdir()
        shutil.copy(fixture, timing / name)
        started = time.monotonic()
        _pid = _upgrade_in_child(store, timing / name)
        assert os.waitpid(_pid, 0)[1] == 0
        whole = time.monotonic() - started
    rng = random.Random(7)
    seen = {"old": 0, "new": 0}
    for run in range(KILL_RUNS):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        path = folder / name
        shutil.copy(fixture, path)
        pid = _upgrade_in_child(store, path)
        time.sleep(rng.uniform(0, whole * 1.3))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if _sha(path) == _sha(fixture):
            seen["old"] += 1
        else:
            assert _state(store, path) == "new", f"run {run}: a mixture"
            seen["new"] += 1
        # opening again finishes the work and removes what the killed upgrade left
        if store == "policy":
            open_store(path, folder / "kept-aside").close()
            assert read_revision(path) == head_revision()
            assert _counts(path, POLICY_TABLES) == _counts(fixture, POLICY_TABLES)
        else:
            concerns, timeline, _found = _register_content(path, REGISTER_KEY)
            assert [c[0] for c in concerns] == [c[0] for c in CONCERNS]
            assert len(timeline) == len(TIMELINE)
        _no_leftovers(folder)
    assert seen["old"] + seen["new"] == KILL_RUNS
