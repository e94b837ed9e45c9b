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
                (
                    c.reference,
                    c.raised_on.isoformat(),
                    c.summary,
                    c.status,
                    c.closed_on.isoformat() if c.closed_on else None,
                )
                for c in session.query(ConcernRow).order_by(ConcernRow.id)
            ]
            timeline = [
                (c.id, t.on.isoformat(), t.entry)
                for c in session.query(ConcernRow).order_by(ConcernRow.id)
                for t in c.timeline
            ]
            found = session.execute(
                __import__("sqlalchemy").text(
                    "SELECT count(*) FROM concern_fts WHERE concern_fts MATCH 'allotments'"
                )
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
    assert concerns == [
        (ref, raised, summary, status, closed)
        for ref, raised, _by, _about, _cat, summary, status, closed in CONCERNS
    ]
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

    real = register_upgrade.run_migrations

    def broken(engine):
        real(engine)  # every revision ran, then something failed
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(register_upgrade, "run_migrations", broken)
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

    def forgetful(engine):  # says it reached the head, did nothing
        register_upgrade.stamp(engine, register_upgrade.head_revision())

    monkeypatch.setattr(register_upgrade, "run_migrations", forgetful)
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
    """ "old" (byte for byte the fixture) or "new" (at the current schema); anything else fails."""
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


# -- the register's migrations are Alembic's --------------------------------------------------
def _alembic_revision(path: Path) -> str | None:
    con = keyed_connection(path, bytearray(REGISTER_KEY), "ro")
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _shape(path: Path) -> dict[str, tuple]:
    """Every table with its columns and every index with its columns (not the FTS shadows)."""
    con = keyed_connection(path, bytearray(REGISTER_KEY), "ro")
    try:
        shape = {}
        for name, kind in con.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'concern_fts%'"
        ).fetchall():
            pragma = "table_info" if kind == "table" else "index_info"
            columns = [
                r[2 if kind == "index" else 1] for r in con.execute(f"PRAGMA {pragma}('{name}')")
            ]
            # a table's columns in any order (ADD COLUMN appends); an index's in its order
            shape[name] = tuple(sorted(columns) if kind == "table" else columns)
        return shape
    finally:
        con.close()


def test_every_register_schema_is_an_alembic_revision_with_a_fixture():
    from mop_desktop.store import register_upgrade as ru
    from mop_desktop.store.register import HEAD_REVISION

    assert ru.known_revisions() == [ru.revision_of(v) for v in REGISTER_SCHEMAS]
    assert HEAD_REVISION == ru.head_revision() == ru.revision_of(SCHEMA_VERSION)
    assert all(register_fixture(v).exists() for v in REGISTER_SCHEMAS)


@pytest.mark.parametrize("version", REGISTER_SCHEMAS)
def test_register_from_before_alembic_is_stamped_with_its_schema(version, tmp_path):
    pytest.importorskip("sqlcipher3")
    path = tmp_path / "register.db"
    shutil.copy(register_fixture(version), path)
    assert _alembic_revision(path) is None
    _register_content(path, REGISTER_KEY)
    assert _alembic_revision(path) == "0004"
    if version == SCHEMA_VERSION:  # only stamped, where it is: no copy was needed
        assert not (tmp_path / "kept-aside").exists()


def test_register_migrated_from_schema_1_has_the_shape_of_a_new_one(tmp_path):
    pytest.importorskip("sqlcipher3")
    from mop_desktop.store.register import create_register

    old = tmp_path / "old" / "register.db"
    old.parent.mkdir()
    shutil.copy(register_fixture(1), old)
    _register_content(old, REGISTER_KEY)
    new = tmp_path / "new" / "register.db"
    create_register(new, bytearray(REGISTER_KEY)).close()
    assert _alembic_revision(new) == _alembic_revision(old) == "0004"
    assert _shape(old) == _shape(new)


def test_register_stamped_4_but_lacking_part_of_schema_4_is_completed(tmp_path):
    """Two releases each wrote part of schema 4; a register of either is brought to the whole."""
    pytest.importorskip("sqlcipher3")
    path = tmp_path / "register.db"
    shutil.copy(register_fixture(4), path)
    con = keyed_connection(path, bytearray(REGISTER_KEY), "rw")
    con.execute("DROP TABLE user_category")  # as the release with attachments but no own log
    con.execute("DROP INDEX ix_concern_import_fingerprint")
    con.execute("ALTER TABLE concern DROP COLUMN import_fingerprint")
    con.commit()
    con.close()
    concerns, _timeline, _found = _register_content(path, REGISTER_KEY)
    assert len(concerns) == len(CONCERNS)
    assert _alembic_revision(path) == "0004"
    shape = _shape(path)
    assert "import_fingerprint" in shape["concern"] and "user_category" in shape
    assert len(list((tmp_path / "kept-aside").glob("register-schema-4-*.db"))) == 1


def test_register_of_a_newer_revision_is_refused_and_untouched(tmp_path):
    pytest.importorskip("sqlcipher3")
    path = tmp_path / "register.db"
    shutil.copy(register_fixture(4), path)
    _register_content(path, REGISTER_KEY)
    con = keyed_connection(path, bytearray(REGISTER_KEY), "rw")
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = _sha(path)
    with pytest.raises(RegisterError, match="newer release"):
        open_register(path, bytearray(REGISTER_KEY))
    assert _sha(path) == before
