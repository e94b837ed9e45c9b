"""Schema upgrades run on a checked copy; a failed upgrade leaves the store as it was."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from mop_desktop.store import db as dbmod
from mop_desktop.store.db import StoreError, head_revision, open_store, read_revision
from tests.store.test_db import FIXTURE_0001


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_swaps_in_a_checked_copy(tmp_path):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0001, db)
    store = open_store(db, tmp_path / "aside")
    store.close()
    assert read_revision(db) == head_revision()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_failing_migration_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0001, db)
    before = _sha(db)

    def broken(engine, target="head"):
        with engine.begin() as con:
            con.exec_driver_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("migration step failed")

    monkeypatch.setattr(dbmod, "upgrade", broken)
    import mop_desktop.store.migrate_copy as mc

    monkeypatch.setattr(mc, "upgrade", broken)
    with pytest.raises(StoreError) as err:
        open_store(db, tmp_path / "aside")
    assert "left as it was" in str(err.value)
    assert _sha(db) == before
    assert read_revision(db) == "0001"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aside", "policy.db"]


def test_an_upgraded_copy_that_fails_its_check_is_not_swapped_in(tmp_path, monkeypatch):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0001, db)
    before = _sha(db)
    import mop_desktop.store.migrate_copy as mc

    monkeypatch.setattr(mc, "policy_problems", lambda path: ["policy.db fails its check"])
    with pytest.raises(StoreError) as err:
        open_store(db, tmp_path / "aside")
    assert "failed its check" in str(err.value)
    assert _sha(db) == before
