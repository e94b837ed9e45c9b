"""A full disk, a read-only data folder, a restore killed part-way: reads still work, a write
that cannot happen says why in one line and changes nothing, nothing is called damaged that is
not. Portable tests inject the failure; as root on Linux the same runs on real tmpfs mounts."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mop_desktop.store import failures
from tests.conftest import ROOT, SAMPLES
from tests.store.safety_helpers import dump, file_hashes

PASSPHRASE = "correct horse battery"
ENV = {"MOP_PASSPHRASE": PASSPHRASE, "MOP_KDF_PROFILE": "test"}


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    """The key file's cost as the test profile makes it, in this process too."""
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


def _setup(cli, tmp_path: Path) -> None:
    code, _out, err = cli("import", str(SAMPLES / "peacehaven-protocol.txt"))
    assert code == 0, err
    code, _out, err = cli("concerns", "init", env=ENV)
    assert code == 0, err
    log = tmp_path / "log.csv"
    log.write_text("raised_on,raised_by_role,summary\n2026-01-02,officer,First concern\n")
    code, _out, err = cli("concerns", "import", str(log), env=ENV)
    assert code == 0, err


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "more.csv"
    path.write_text("raised_on,raised_by_role,summary\n2026-02-03,officer,Second concern\n")
    return path


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "damaged" not in err and "restore" not in err and "Traceback" not in err
    return lines[0]


# -- portable: the failure injected -----------------------------------------------------------
@pytest.fixture
def disk_full(monkeypatch):
    """Every folder reports no free space (what ``write_trouble`` sees on a full disk)."""
    real = shutil.disk_usage

    def usage(path):
        total, used, _free = real(path)
        return type(real(path))(total, used, 0)

    monkeypatch.setattr(shutil, "disk_usage", usage)


def test_reads_work_and_writes_say_the_disk_is_full(cli, data_dir, tmp_path, monkeypatch, request):
    _setup(cli, tmp_path)
    before = file_hashes(data_dir)
    request.getfixturevalue("disk_full")
    code, out, err = cli("show", "--json")
    assert code == 0, err
    assert json.loads(out)["council"] == "Peacehaven Town Council"
    code, out, err = cli("concerns", "list", env=ENV)
    assert code == 0, err
    assert "First concern" in out
    code, _out, err = cli("meetings", "add", "2027-05-05", "--title", "Full Council")
    assert code == 2
    assert failures.DISK_FULL in _one_line(err)
    code, _out, err = cli(
        "adopt",
        "--date",
        "2026-03-23",
        "--minute",
        "2026-101",
        "--reviewer",
        "G White",
        "--no-changes",
    )
    assert code == 2 and failures.DISK_FULL in _one_line(err)
    after = file_hashes(data_dir)  # (the register's opening was recorded: the disk has room)
    assert after["policy.db"] == before["policy.db"]
    assert not (data_dir / "kept-aside").exists()


def test_sqlite_full_on_a_register_write_says_the_disk_is_full(
    cli, data_dir, tmp_path, monkeypatch
):
    """SQLITE_FULL from the driver itself (the register cannot grow by one page)."""
    _setup(cli, tmp_path)
    from mop_desktop.store import register

    real = register.keyed_connection

    def limited(path, key, mode):
        con = real(path, key, mode)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages}")
        return con

    monkeypatch.setattr(register, "keyed_connection", limited)
    big = tmp_path / "big.csv"
    rows = "".join(f"2026-02-03,officer,{'long text ' * 300} {n}\n" for n in range(40))
    big.write_text("raised_on,raised_by_role,summary\n" + rows)
    code, _out, err = cli("concerns", "import", str(big), env=ENV)
    assert code == 2
    assert "the disk is full: nothing was changed" in _one_line(err)
    monkeypatch.setattr(register, "keyed_connection", real)
    code, out, _err = cli("concerns", "list", env=ENV)
    assert code == 0 and out.count("\n") == 1


def test_a_copy_kept_aside_on_a_full_disk_is_never_an_empty_file(app_paths, store, monkeypatch):
    from mop_desktop.store import integrity
    from tests.store.safety_helpers import populate
    from tests.store.test_integrity import corrupt_page

    populate(store)
    store.close()
    for side in ("-wal", "-shm"):
        (app_paths.data / f"policy.db{side}").unlink(missing_ok=True)
    blob = corrupt_page(app_paths.policy_db.read_bytes())
    app_paths.policy_db.write_bytes(bytes(blob))
    real = shutil.copyfile

    def full(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"")  # the file is created, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(integrity.DamagedStoreError) as err:
        integrity.check_integrity(app_paths.policy_db, app_paths.kept_aside)
    assert "could not be copied aside" in str(err.value)
    assert [p for p in app_paths.kept_aside.rglob("*") if p.is_file()] == []
    monkeypatch.setattr(shutil, "copyfile", real)
    with pytest.raises(integrity.DamagedStoreError) as err:
        integrity.check_integrity(app_paths.policy_db, app_paths.kept_aside)
    kept = list(app_paths.kept_aside.glob("policy-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(blob)


def test_a_read_only_folder_still_shows_lists_and_backs_up(cli, data_dir, tmp_path, monkeypatch):
    _setup(cli, tmp_path)
    before = file_hashes(data_dir)
    monkeypatch.setattr(
        failures, "write_trouble", lambda folder: errno.EROFS if Path(folder) == data_dir else None
    )
    code, out, err = cli("show")
    assert code == 0, err
    code, out, err = cli("concerns", "list", env=ENV)
    assert code == 0 and "First concern" in out, err
    bundle = tmp_path / "elsewhere" / "b.zip"
    bundle.parent.mkdir()
    code, out, err = cli("backup", "-o", str(bundle), env=ENV)
    assert code == 0, err
    from mop_desktop.store.backup import verify_bundle

    monkeypatch.setenv("MOP_KDF_PROFILE", "test")  # the bundle's key file has the test cost
    assert verify_bundle(bundle).has_register
    code, _out, err = cli("meetings", "add", "2027-05-05", "--title", "Full Council")
    assert code == 2 and failures.READ_ONLY in _one_line(err)
    assert file_hashes(data_dir)["policy.db"] == before["policy.db"]


# -- an interrupted restore -------------------------------------------------------------------
class Killed(BaseException):
    pass


def _killed_restore(paths, bundle, monkeypatch, at: int) -> None:
    """Run a restore that 'dies' at its ``at``-th rename (the journal is the first)."""
    from mop_desktop.store.restore import restore_bundle

    real = os.replace
    calls = {"n": 0}

    def dies(src, dst):
        calls["n"] += 1
        if calls["n"] == at:
            raise Killed()
        return real(src, dst)

    with monkeypatch.context() as m, pytest.raises(Killed):
        m.setattr(os, "replace", dies)
        restore_bundle(paths, bundle)
    assert (paths.data / "restore-pending.json").exists()


def test_a_register_command_after_a_killed_restore_keeps_what_it_imports(
    cli, data_dir, app_paths, tmp_path, monkeypatch
):
    _setup(cli, tmp_path)
    code, _out, err = cli("backup", "-o", str(tmp_path / "b.zip"))
    assert code == 0, err
    policy_before = dump(app_paths.policy_db)
    _killed_restore(app_paths, tmp_path / "b.zip", monkeypatch, at=3)  # key file and register
    code, out, err = cli("concerns", "import", str(_csv(tmp_path)), env=ENV)
    assert code == 0, err
    assert "interrupted restore was undone" in err
    assert not (data_dir / "restore-pending.json").exists()
    # the next command (a restore finishing late would replace the register) keeps it
    code, out, err = cli("concerns", "list", env=ENV)
    assert code == 0 and "Second concern" in out and "First concern" in out
    assert dump(app_paths.policy_db) == policy_before


@pytest.mark.parametrize(
    "command", [["show"], ["remind"], ["concerns", "list"], ["check"], ["backup", "-o", "OUT"]]
)
def test_every_command_first_undoes_a_killed_restore(
    command, cli, data_dir, app_paths, tmp_path, monkeypatch
):
    _setup(cli, tmp_path)
    code, _out, err = cli("backup", "-o", str(tmp_path / "b.zip"))
    assert code == 0, err
    before = {k: v for k, v in file_hashes(data_dir).items() if not k.endswith(("-wal", "-shm"))}
    _killed_restore(app_paths, tmp_path / "b.zip", monkeypatch, at=2)
    argv = [str(tmp_path / "out.zip") if a == "OUT" else a for a in command]
    code, _out, err = cli(*argv, env=ENV)
    assert code == 0, err
    assert not (data_dir / "restore-pending.json").exists()
    after = file_hashes(data_dir)  # (a command that unlocks the register records it)
    assert after["policy.db"] == before["policy.db"]
    assert after["register.key"] == before["register.key"]
    code, out, err = cli("concerns", "list", env=ENV)
    assert code == 0 and "First concern" in out, err


def test_the_window_start_undoes_a_killed_restore(cli, data_dir, app_paths, tmp_path, monkeypatch):
    _setup(cli, tmp_path)
    code, _out, err = cli("backup", "-o", str(tmp_path / "b.zip"))
    assert code == 0, err
    _killed_restore(app_paths, tmp_path / "b.zip", monkeypatch, at=3)
    pytest.importorskip("PySide6")
    from mop_desktop.gui.shell.app import open_store_or_explain

    store = open_store_or_explain(app_paths)
    assert store is not None
    store.close()
    assert not (data_dir / "restore-pending.json").exists()


# -- real mounts (root on Linux) --------------------------------------------------------------
def _can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("mount")


def _run(data_dir: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mop_desktop", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT), **ENV),
    )


@pytest.fixture
def mount_point(tmp_path):
    if not _can_mount():
        pytest.skip("needs root on Linux to mount a tmpfs")
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _fill(folder: Path) -> None:
    try:  # closing the file may fail too, with what was still buffered
        with open(folder / "filler", "wb", buffering=0) as handle:
            while True:
                handle.write(b"\0" * 65536)
    except OSError:
        pass
    small = 0
    while True:  # the last blocks too
        try:
            with open(folder / f"filler-{small}", "wb") as handle:
                handle.write(b"\0" * 4096)
            small += 1
        except OSError:
            break


def test_on_a_real_full_tmpfs(mount_point, tmp_path):
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)], capture_output=True
    ).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    data = mount_point / "data"
    assert _run(data, "import", str(SAMPLES / "peacehaven-protocol.txt")).returncode == 0
    assert _run(data, "concerns", "init").returncode == 0
    log = tmp_path / "log.csv"
    log.write_text("raised_on,raised_by_role,summary\n2026-01-02,officer,First concern\n")
    assert _run(data, "concerns", "import", str(log)).returncode == 0
    _fill(mount_point)
    before = {k: v for k, v in file_hashes(data).items() if not k.endswith(("-wal", "-shm"))}
    shown = _run(data, "show", "--json")
    assert shown.returncode == 0, shown.stderr
    listed = _run(data, "concerns", "list")
    assert listed.returncode == 0 and "First concern" in listed.stdout, listed.stderr
    for argv in (
        ["meetings", "add", "2027-05-05", "--title", "Full Council"],
        ["concerns", "import", str(_csv(tmp_path))],
    ):
        done = _run(data, *argv)
        assert done.returncode == 2
        assert "the disk is full: nothing was changed" in _one_line(done.stderr)
    backed_up = _run(data, "backup", "-o", str(tmp_path / "b.zip"))
    assert backed_up.returncode == 0, backed_up.stderr
    after = {k: v for k, v in file_hashes(data).items() if not k.endswith(("-wal", "-shm"))}
    assert after == before
    assert not (data / "kept-aside").exists()


def test_on_a_real_read_only_mount(mount_point, tmp_path):
    data = tmp_path / "data"
    assert _run(data, "import", str(SAMPLES / "peacehaven-protocol.txt")).returncode == 0
    assert _run(data, "concerns", "init").returncode == 0
    log = tmp_path / "log.csv"
    log.write_text("raised_on,raised_by_role,summary\n2026-01-02,officer,First concern\n")
    assert _run(data, "concerns", "import", str(log)).returncode == 0
    if (
        subprocess.run(
            ["mount", "--bind", str(data), str(mount_point)], capture_output=True
        ).returncode
        or subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(mount_point)], capture_output=True
        ).returncode
    ):
        pytest.skip("a read-only bind mount cannot be made here")
    assert not os.access(mount_point, os.W_OK)
    shown = _run(mount_point, "show")
    assert shown.returncode == 0, shown.stderr
    listed = _run(mount_point, "concerns", "list")
    assert listed.returncode == 0 and "First concern" in listed.stdout, listed.stderr
    backed_up = _run(mount_point, "backup", "-o", str(tmp_path / "b.zip"))
    assert backed_up.returncode == 0, backed_up.stderr
    refused = _run(mount_point, "meetings", "add", "2027-05-05", "--title", "Full Council")
    assert refused.returncode == 2 and failures.READ_ONLY in _one_line(refused.stderr)
    refused = _run(mount_point, "concerns", "import", str(_csv(tmp_path)))
    assert refused.returncode == 2
    assert "cannot be written to" in _one_line(refused.stderr)
