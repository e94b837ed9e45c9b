"""Damaged stores: reported, kept aside, never used or overwritten, recoverable from a backup."""

from __future__ import annotations

import random

import pytest

from mop_desktop.services.store_checks import check_all
from mop_desktop.store import backup_folder as bf
from mop_desktop.store.db import DamagedStoreError, open_store
from mop_desktop.store.integrity import policy_problems
from mop_desktop.store.restore import restore_bundle
from tests.store.safety_helpers import dump, make_register, populate, register_dump

PAGE = 4096


def corrupt_page(data: bytes) -> bytes:
    """Overwrite the middle of the second page (a table's b-tree page)."""
    out = bytearray(data)
    for i in range(PAGE + 8, PAGE + 400):
        out[i] = 0xA5
    return bytes(out)


DAMAGE = {
    "corrupted page": corrupt_page,
    "truncated": lambda data: data[: len(data) // 3],
    "zero length": lambda data: b"",
    "random bytes": lambda data: random.Random(7).randbytes(len(data)),
}


@pytest.fixture
def backed_up(app_paths, store):
    """A store with content, checkpointed, and one automatic backup of it."""
    populate(store, versions=3, meetings=40)
    with store.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    bundle = bf.backup_now(app_paths, app_paths.backups)
    original = dump(app_paths.policy_db)
    store.close()
    return bundle, original


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_policy_store_is_refused_kept_aside_and_recoverable(
    kind, app_paths, backed_up, cli
):
    bundle, original = backed_up
    for side in ("-wal", "-shm"):
        (app_paths.data / f"policy.db{side}").unlink(missing_ok=True)
    damaged = DAMAGE[kind](app_paths.policy_db.read_bytes())
    app_paths.policy_db.write_bytes(damaged)

    assert policy_problems(app_paths.policy_db)
    with pytest.raises(DamagedStoreError) as err:
        open_store(app_paths.policy_db, app_paths.kept_aside)
    message = str(err.value)
    assert "\n" not in message and "restore" in message
    # never overwritten, never replaced by an empty store
    assert app_paths.policy_db.read_bytes() == damaged
    kept = list(app_paths.kept_aside.glob("policy-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    # a second attempt keeps no second copy of the same damage
    with pytest.raises(DamagedStoreError):
        open_store(app_paths.policy_db, app_paths.kept_aside)
    assert len(list(app_paths.kept_aside.glob("policy-damaged-*.db"))) == 1

    code, _out, errout = cli("check")
    assert code == 1
    assert "policy.db" in errout and len(errout.strip().splitlines()) == 1
    assert f"newest good backup: {bundle}" in errout
    code, _out, errout = cli("show", "--json")
    assert code == 2 and "Traceback" not in errout

    newest = bf.newest_good_backup(app_paths.backups)
    assert newest is not None and newest.path == bundle
    code, out, errout = cli("restore", str(newest.path))
    assert code == 0, errout
    assert "restored policy.db" in out
    assert dump(app_paths.policy_db) == original
    code, out, _ = cli("check")
    assert code == 0, out


def test_foreign_key_damage_is_reported(app_paths, store):
    import sqlite3

    populate(store)
    store.close()
    con = sqlite3.connect(app_paths.policy_db)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("DELETE FROM document")
    con.commit()
    con.close()
    problems = policy_problems(app_paths.policy_db)
    assert problems and "missing rows" in problems[0]
    with pytest.raises(DamagedStoreError):
        open_store(app_paths.policy_db, app_paths.kept_aside)


def test_altered_adoption_history_fails_the_check(app_paths, store, cli):
    pytest.importorskip("mop_desktop.services.adoption")
    import sqlite3

    populate(store)
    store.close()
    con = sqlite3.connect(app_paths.policy_db)
    con.execute("UPDATE adoption SET minute_ref='9999-1' WHERE id=1")
    con.commit()
    con.close()
    code, out, errout = cli("check")
    assert code == 1
    assert "altered" in errout


def test_sound_store_passes_every_check(app_paths, store, cli, credential_store):
    populate(store)
    findings = check_all(app_paths, store)
    assert all(f.ok for f in findings), findings
    code, out, _ = cli("check")
    assert code == 0 and "policy.db is sound" in out


REGISTER_DAMAGE = {
    "corrupted page": lambda data: data[: PAGE + 100] + bytes(200) + data[PAGE + 300 :],
    "truncated": lambda data: data[: len(data) // 3],
    "zero length": lambda data: b"",
    "random bytes": lambda data: random.Random(9).randbytes(len(data)),
}


@pytest.mark.parametrize("kind", list(REGISTER_DAMAGE))
def test_damaged_register_is_reported_kept_aside_and_recoverable(
    kind, app_paths, store, cli, monkeypatch
):
    populate(store)
    key = make_register(app_paths, concerns=30, monkeypatch=monkeypatch)
    original = register_dump(app_paths.register_db, key)
    bf.backup_now(app_paths, app_paths.backups, register_key=key)
    store.close()
    damaged = REGISTER_DAMAGE[kind](app_paths.register_db.read_bytes())
    app_paths.register_db.write_bytes(damaged)

    findings = {f.name: f for f in check_all(app_paths, None, key)}
    assert findings["register.db"].ok is False
    assert "restore" in findings["register.db"].message
    assert app_paths.register_db.read_bytes() == damaged
    if damaged:
        kept = list(app_paths.kept_aside.glob("register-damaged-*.db"))
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
    code, _out, errout = cli("check", env={"MOP_PASSPHRASE": "correct horse battery"})
    assert code == 1 and "register.db" in errout

    newest = bf.newest_good_backup(app_paths.backups)
    restore_bundle(app_paths, newest.path)
    assert register_dump(app_paths.register_db, key) == original
    code, out, errout = cli("check", env={"MOP_PASSPHRASE": "correct horse battery"})
    assert code == 0, errout
    assert "register.db is sound" in out


def test_wrong_passphrase_for_check_exits_3(app_paths, store, cli, monkeypatch):
    make_register(app_paths, monkeypatch=monkeypatch)
    code, _out, errout = cli("check", env={"MOP_PASSPHRASE": "not the passphrase"})
    assert code == 3 and "passphrase" in errout
