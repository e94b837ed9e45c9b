"""A full disk or a read-only folder during a save, a backup, a restore and a passphrase
change: every file stays as it was (compared by hash) and the user gets one clear line."""

from __future__ import annotations

import errno
import os
import zipfile

import pytest

from mop_desktop.domain.document import Block, DocumentText, Section
from mop_desktop.store import atomic
from mop_desktop.store import backup as bk
from mop_desktop.store import db as dbmod
from mop_desktop.store.failures import DISK_FULL, READ_ONLY, explain
from mop_desktop.store.restore import restore_bundle
from tests.store.safety_helpers import dump, file_hashes, make_register, populate

PASSPHRASE = "correct horse battery"


def big_text() -> DocumentText:
    return DocumentText(
        "Protocol", [Section("Long", [Block("x" * 200_000 + str(n)) for n in range(5)])]
    )


def failing(err: int, after: int = 0):
    """A replacement for an os function that fails with ``err`` after ``after`` good calls."""
    calls = {"n": 0}

    def wrap(original):
        def fn(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] > after:
                raise OSError(err, os.strerror(err), str(args[0]) if args else None)
            return original(*args, **kwargs)

        return fn

    return wrap


# -- saving -----------------------------------------------------------------------------------
def _limit_store(monkeypatch, pragma: str) -> None:
    """Every new connection of the policy store gets ``pragma`` (a full disk, read-only)."""
    original = dbmod.set_pragmas

    def with_limit(dbapi_connection, record):
        original(dbapi_connection, record)
        cursor = dbapi_connection.cursor()
        if pragma == "full":
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count = {pages}")
        else:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    monkeypatch.setattr(dbmod, "set_pragmas", with_limit)


@pytest.mark.parametrize("kind, expected", [("full", DISK_FULL), ("readonly", READ_ONLY)])
def test_a_save_on_a_full_or_read_only_disk_changes_nothing(
    kind, expected, app_paths, store, monkeypatch
):
    from mop_desktop.services.workspace import start_from_text

    populate(store)
    store.close()
    with dbmod.open_store(app_paths.policy_db).engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before_rows = dump(app_paths.policy_db)
    _limit_store(monkeypatch, kind)
    limited = dbmod.open_store(app_paths.policy_db)
    before = file_hashes(app_paths.data)
    with pytest.raises(Exception) as err:
        start_from_text(limited, big_text())
    assert explain(err.value) == expected
    assert file_hashes(app_paths.data)["policy.db"] == before["policy.db"]
    limited.close()
    assert dump(app_paths.policy_db) == before_rows


def test_the_command_line_says_the_disk_is_full_in_one_line(app_paths, store, cli, monkeypatch):
    populate(store)
    store.close()
    before_rows = dump(app_paths.policy_db)
    _limit_store(monkeypatch, "full")
    code, _out, err = cli("meetings", "add", "2027-05-05", "--title", "y" * 300_000)
    assert code == 2
    assert err.strip().endswith(DISK_FULL) and len(err.strip().splitlines()) == 1
    assert dump(app_paths.policy_db) == before_rows


# -- backups ----------------------------------------------------------------------------------
INJECTIONS = {
    "fsync ENOSPC": ("os", "fsync", errno.ENOSPC, "No space left on device"),
    "replace EROFS": ("os", "replace", errno.EROFS, "Read-only file system"),
    "mkstemp EROFS": ("tempfile", "mkstemp", errno.EROFS, "Read-only file system"),
    "mkdtemp EROFS": ("tempfile", "mkdtemp", errno.EROFS, "Read-only file system"),
    "zip write ENOSPC": ("zipfile", "write", errno.ENOSPC, "No space left on device"),
}


def _inject(monkeypatch, name: str) -> str:
    module_name, attr, err, words = INJECTIONS[name]
    if module_name == "zipfile":
        monkeypatch.setattr(zipfile.ZipFile, attr, failing(err)(zipfile.ZipFile.write))
    else:
        module = __import__(module_name)
        monkeypatch.setattr(module, attr, failing(err)(getattr(module, attr)))
    return words


@pytest.mark.parametrize("name", list(INJECTIONS))
def test_a_failed_backup_leaves_every_file_as_it_was(name, app_paths, store, tmp_path, monkeypatch):
    populate(store)
    make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    target_dir = tmp_path / "usb"
    target_dir.mkdir()
    bk.write_bundle(app_paths, target_dir / "earlier.zip")
    before_data = file_hashes(app_paths.data)
    before_target = file_hashes(target_dir)
    with monkeypatch.context() as m, pytest.raises(bk.BackupError) as err:
        words = _inject(m, name)
        bk.write_bundle(app_paths, target_dir / "earlier.zip")
    assert words in str(err.value) and "\n" not in str(err.value)
    assert file_hashes(target_dir) == before_target
    assert file_hashes(app_paths.data) == before_data


@pytest.mark.parametrize("name", ["fsync ENOSPC", "replace EROFS", "mkdtemp EROFS"])
def test_a_failed_restore_leaves_the_store_as_it_was(name, app_paths, store, tmp_path, monkeypatch):
    populate(store)
    make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")
    from tests.store.safety_helpers import add_meeting

    add_meeting(store, 5)
    store.close()
    before = file_hashes(app_paths.data)
    with monkeypatch.context() as m, pytest.raises(bk.BackupError) as err:
        _inject(m, name)
        restore_bundle(app_paths, bundle)
    assert "could not be restored" in str(err.value) or "Read-only" in str(err.value)
    after = {k: v for k, v in file_hashes(app_paths.data).items() if not k.startswith("kept-aside")}
    assert after == before


def test_a_restore_failing_half_way_puts_the_first_files_back(
    app_paths, store, tmp_path, monkeypatch
):
    populate(store)
    make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")
    app_paths.key_envelope.write_bytes(app_paths.key_envelope.read_bytes() + b" ")
    store.close()
    before = file_hashes(app_paths.data)
    real_replace = os.replace
    calls = {"n": 0}

    def second_fails(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # the key file went in; the register fails
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real_replace(src, dst)

    with monkeypatch.context() as m, pytest.raises(bk.BackupError):
        m.setattr(os, "replace", second_fails)
        restore_bundle(app_paths, bundle)
    after = {k: v for k, v in file_hashes(app_paths.data).items() if not k.startswith("kept-aside")}
    assert after == before


# -- atomic files -----------------------------------------------------------------------------
@pytest.mark.parametrize("attr, err", [("fsync", errno.ENOSPC), ("replace", errno.EROFS)])
def test_atomic_write_keeps_the_old_file_on_failure(attr, err, tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    atomic.atomic_write_text(path, "old")
    with monkeypatch.context() as m, pytest.raises(OSError) as exc:
        m.setattr(os, attr, failing(err)(getattr(os, attr)))
        atomic.atomic_write_text(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert explain(exc.value) in (
        DISK_FULL + f" ({exc.value.filename})",
        READ_ONLY + f" ({exc.value.filename})",
    )
    atomic.atomic_write_text(path, "new")
    assert path.read_text() == "new"


# -- the passphrase ---------------------------------------------------------------------------
@pytest.mark.parametrize("attr, err", [("fsync", errno.ENOSPC), ("replace", errno.EROFS)])
def test_a_failed_passphrase_change_leaves_the_key_file_as_it_was(
    attr, err, app_paths, store, monkeypatch
):
    vault = pytest.importorskip("mop_desktop.store.vault")
    key = make_register(app_paths, monkeypatch=monkeypatch)
    before = file_hashes(app_paths.data)
    with monkeypatch.context() as m, pytest.raises(OSError) as exc:
        m.setattr(os, attr, failing(err)(getattr(os, attr)))
        vault.set_passphrase(app_paths.key_envelope, key, "a new passphrase")
    assert explain(exc.value) is not None
    assert file_hashes(app_paths.data) == before
    assert vault.verify_passphrase(app_paths.key_envelope, PASSPHRASE)


def test_the_command_line_reports_a_failed_passphrase_change(app_paths, store, cli, monkeypatch):
    pytest.importorskip("mop_desktop.commands.concerns")
    make_register(app_paths, monkeypatch=monkeypatch)
    envelope = app_paths.key_envelope.read_bytes()
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", failing(errno.ENOSPC)(os.fsync))
        code, _out, err = cli(
            "concerns",
            "change-passphrase",
            env={
                "MOP_PASSPHRASE": PASSPHRASE,
                "MOP_NEW_PASSPHRASE": "another passphrase",
                "MOP_KDF_PROFILE": "test",
            },
        )
    assert code == 2
    assert "disk is full" in err and len(err.strip().splitlines()) == 1
    assert app_paths.key_envelope.read_bytes() == envelope


def test_a_restore_that_dies_half_way_is_undone_at_the_next_opening(
    app_paths, store, tmp_path, monkeypatch
):
    populate(store)
    make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")
    from tests.store.safety_helpers import add_meeting

    add_meeting(store, 9)
    app_paths.key_envelope.write_bytes(app_paths.key_envelope.read_bytes() + b" ")
    store.close()
    before = file_hashes(app_paths.data)
    real_replace = os.replace
    calls = {"n": 0}

    class Killed(BaseException):
        pass

    def dies_on_the_second_file(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:  # the journal and the key file are in place; then the process dies
            raise Killed()
        return real_replace(src, dst)

    with monkeypatch.context() as m, pytest.raises(Killed):
        m.setattr(os, "replace", dies_on_the_second_file)
        restore_bundle(app_paths, bundle)
    assert (app_paths.data / "restore-pending.json").exists()
    dbmod.open_store(app_paths.policy_db, app_paths.kept_aside).close()
    after = {
        k: v
        for k, v in file_hashes(app_paths.data).items()
        if not k.startswith("kept-aside") and not k.endswith(("-wal", "-shm"))
    }
    assert after == {k: v for k, v in before.items() if not k.endswith(("-wal", "-shm"))}
