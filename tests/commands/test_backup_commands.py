"""``backup``, ``restore`` and ``check`` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mop_desktop.store import backup as bk
from tests.store.safety_helpers import dump, file_hashes, make_register, populate

pytestmark = pytest.mark.pending_on_server(
    reason="backup bundles of a shared store and restoring into one are still to come"
)


def test_backup_into_the_folder_and_to_a_file_then_restore(app_paths, store, cli, tmp_path):
    populate(store)
    original = dump(app_paths.policy_db)
    code, out, err = cli("backup")
    assert code == 0, err
    auto = Path(out.strip())
    assert auto.parent == app_paths.backups and auto.name.startswith("mop-backup-")
    code, out, err = cli("backup", "-o", str(tmp_path / "bundle.zip"))
    assert code == 0, err
    assert Path(out.strip()) == tmp_path / "bundle.zip"
    assert bk.verify_bundle(tmp_path / "bundle.zip").summary["adoptions"] == 2
    with store.session() as s:
        from mop_desktop.store.models import MeetingRow

        s.query(MeetingRow).delete()
    store.close()
    code, out, err = cli("restore", str(tmp_path / "bundle.zip"))
    assert code == 0, err
    assert out.startswith("restored policy.db from the backup of ")
    assert "kept in" in out
    assert dump(app_paths.policy_db) == original


def test_restore_of_a_bad_file_is_one_line_and_changes_nothing(app_paths, store, cli, tmp_path):
    populate(store)
    store.close()
    before = file_hashes(app_paths.data)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not really")
    for name in ("notes.docx", "absent.zip"):
        code, out, err = cli("restore", str(tmp_path / name))
        assert code == 2
        assert len(err.strip().splitlines()) == 1 and name in err
    assert file_hashes(app_paths.data) == before


def test_backup_to_a_folder_name_is_refused(app_paths, store, cli, tmp_path):
    populate(store)
    code, _out, err = cli("backup", "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_backup_with_the_passphrase_checks_the_register(app_paths, store, cli, monkeypatch):
    populate(store)
    make_register(app_paths, concerns=5, monkeypatch=monkeypatch)
    code, out, err = cli("backup", env={"MOP_PASSPHRASE": "correct horse battery"})
    assert code == 0, err
    assert "register checked" in out
    assert bk.describe_bundle(Path(out.split(" (")[0])).concerns == 5
    code, out, err = cli("backup")
    assert code == 0 and "register copied encrypted" in out
    code, out, err = cli("backup", env={"MOP_PASSPHRASE": "wrong one"})
    assert code == 3


def test_exit_codes_in_a_separate_process(app_paths, store, cli_process, tmp_path):
    populate(store)
    store.close()
    result = cli_process("check")
    assert result.returncode == 0, result.stderr
    app_paths.policy_db.write_bytes(b"garbage" * 100)
    for side in ("-wal", "-shm"):
        (app_paths.data / f"policy.db{side}").unlink(missing_ok=True)
    result = cli_process("check")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "not a database" in result.stderr
    result = cli_process("backup")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_restore_refuses_while_the_window_is_open(app_paths, store, cli, tmp_path):
    import subprocess
    import sys

    populate(store)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")
    store.close()
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        app_paths.lock_file.write_text(f"{window.pid}\nmop-desktop\nhost\n")
        before = file_hashes(app_paths.data)
        code, _out, err = cli("restore", str(bundle))
        assert code == 2 and "close it" in err
        assert file_hashes(app_paths.data) == before
    finally:
        window.kill()
        window.wait()
    code, _out, err = cli("restore", str(bundle))  # a lock left by a dead process
    assert code == 0, err


def test_a_backup_of_an_older_schema_restores_and_is_upgraded(app_paths, cli, tmp_path):
    import shutil

    from mop_desktop.store.db import head_revision, read_revision
    from tests.store.test_db import FIXTURE_0001

    shutil.copy(FIXTURE_0001, app_paths.policy_db)
    bundle = bk.write_bundle(app_paths, tmp_path / "old.zip")
    assert bk.describe_bundle(bundle).schema == "0001"
    app_paths.policy_db.unlink()
    code, out, err = cli("restore", str(bundle))
    assert code == 0, err
    assert read_revision(app_paths.policy_db) == head_revision()
    code, out, err = cli("show", "--json")
    assert code == 0 and "2025-110" in out
