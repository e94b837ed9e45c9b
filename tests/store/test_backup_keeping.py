"""Which backups and kept-aside copies stay: backups taken by hand until the clerk deletes
them; automatic ones thinned; kept-aside/ thinned oldest first, never the newest of a kind;
what a killed backup left behind cleaned up by the next one."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from mop_desktop.store import backup_folder as bf
from mop_desktop.store.copies import STAGING_PREFIX, remove_stale_staging
from tests.store.safety_helpers import populate


@pytest.fixture
def content(store):
    populate(store)
    return store


def test_a_backup_by_hand_survives_the_automatic_backups_of_the_same_day(app_paths, content):
    folder = app_paths.backups
    morning = dt.datetime(2026, 3, 23, 9, 0)
    by_hand = bf.backup_now(app_paths, folder, now=morning, manual=True)
    assert by_hand.name == "mop-backup-20260323-090000-by-hand.zip"
    for hour in (10, 11, 12):
        bf.backup_now(app_paths, folder, now=morning.replace(hour=hour))
    names = sorted(p.name for p in folder.glob("*.zip"))
    assert by_hand.name in names
    automatic = [n for n in names if "by-hand" not in n]
    assert automatic == ["mop-backup-20260323-120000.zip"], "one automatic a day"
    assert bf.latest_backup(folder)[1].name == "mop-backup-20260323-120000.zip"


def test_backups_by_hand_outlive_two_years_of_automatic_thinning(app_paths, content):
    folder = app_paths.backups
    start = dt.datetime(2024, 1, 1, 9, 0)
    bf.backup_now(app_paths, folder, now=start, manual=True)
    bf.backup_now(app_paths, folder, now=start + dt.timedelta(days=300, hours=1), manual=True)
    bundle = bf.backup_now(app_paths, folder, now=start + dt.timedelta(hours=2))
    for day in range(1, 730, 3):  # automatic bundles: copies of one file, to be quick
        stamp = start + dt.timedelta(days=day, hours=3)
        (folder / f"mop-backup-{stamp:%Y%m%d-%H%M%S}.zip").write_bytes(bundle.read_bytes())
    bf.thin(folder)
    by_hand = sorted(p.name for p in folder.glob("*-by-hand.zip"))
    assert by_hand == [
        "mop-backup-20240101-090000-by-hand.zip",
        "mop-backup-20241027-100000-by-hand.zip",
    ]
    automatic = [p for p in folder.glob("*.zip") if not bf.by_hand(p)]
    assert len(automatic) <= 12 + 10 + 9 + 1


def test_backup_without_o_is_taken_by_hand(app_paths, content, cli):
    code, out, err = cli("backup")
    assert code == 0, err
    written = Path(out.split()[0])
    assert written.parent == app_paths.backups and written.name.endswith("-by-hand.zip")


def test_the_window_back_up_now_is_taken_by_hand_and_the_timer_is_not(
    app_paths, content, monkeypatch
):
    pytest.importorskip("PySide6")
    from mop_desktop.gui.backup import actions as backup_actions

    seen = []
    monkeypatch.setattr(
        backup_actions,
        "backup_now",
        lambda *a, **k: seen.append(k.get("manual", False)) or Path("x"),
    )

    class Ran:
        def __call__(self, _window, work, succeeded, failed, label=None):
            succeeded(work())

    monkeypatch.setattr(backup_actions, "run_in_background", Ran())
    actions = backup_actions.BackupActions.__new__(backup_actions.BackupActions)
    actions.running = False
    actions.changes = 0
    actions.last_error = None
    actions.window = None

    class App:
        paths = app_paths
        store = content

        class statusMessage:  # noqa: N801 - Qt's signal name
            @staticmethod
            def emit(_text):
                pass

    actions.app = App()
    actions.refresh_indicator = lambda: None
    monkeypatch.setattr(backup_actions, "_register_key_copy", lambda app: None)
    actions.back_up(manual=True)
    actions.back_up()
    assert seen == [True, False]


# -- kept-aside/ ------------------------------------------------------------------------------
def _aside(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name.endswith("/"):
            (folder / name).mkdir()
            (folder / name / "policy.db").write_bytes(b"x")
        else:
            (folder / name).write_bytes(b"x")


def test_kept_aside_keeps_the_newest_of_each_kind(app_paths):
    folder = app_paths.kept_aside
    damaged = [f"policy-damaged-202601{d:02d}-120000-abcdef12345{d}.db" for d in range(1, 7)]
    _aside(folder, damaged + [damaged[0] + "-wal"])
    schema = ["policy-schema-0001-20250101-080000.db"]
    restores = [f"restore-202602{d:02d}-100000/" for d in range(1, 6)]
    registers = [f"register-schema-2-2026030{d}-100000.db" for d in range(1, 5)]
    foreign = ["notes.txt", "my-copy.db"]
    _aside(folder, schema + restores + registers + foreign)
    deleted = bf.thin_kept_aside(folder, keep=3)
    left = sorted(p.name for p in folder.iterdir())
    assert (
        sorted(
            damaged[-3:]
            + schema
            + [r.rstrip("/") for r in restores[-3:]]
            + registers[-3:]
            + foreign
        )
        == left
    )
    assert Path(folder / (damaged[0] + "-wal")) in deleted, "a side file goes with its copy"
    assert bf.thin_kept_aside(folder, keep=0) and all(
        any(n.startswith(kind) for n in os.listdir(folder))
        for kind in ("policy-damaged", "policy-schema-0001", "restore-", "register-schema-2")
    ), "never the newest of a kind"


def test_kept_aside_is_left_alone_while_a_restore_is_unfinished(app_paths):
    folder = app_paths.kept_aside
    _aside(folder, [f"restore-202602{d:02d}-100000/" for d in range(1, 6)])
    (app_paths.data / "restore-pending.json").write_text("{}")
    assert bf.thin_kept_aside(folder, keep=1) == []
    assert len(list(folder.iterdir())) == 5


def test_a_backup_thins_kept_aside(app_paths, content):
    _aside(
        app_paths.kept_aside, [f"policy-damaged-202601{d:02d}-120000-abc.db" for d in range(1, 9)]
    )
    bf.backup_now(app_paths, app_paths.backups)
    assert len(list(app_paths.kept_aside.iterdir())) == bf.KEEP_ASIDE_PER_KIND


# -- what a killed backup leaves --------------------------------------------------------------
def test_leftovers_of_a_killed_backup_are_removed_by_the_next_one(
    app_paths, content, cli, tmp_path
):
    folder = app_paths.backups
    folder.mkdir()
    stale = folder / f"{STAGING_PREFIX}killed"
    stale.mkdir()
    (stale / ".in-use").write_bytes(b"")
    (stale / "policy.db").write_bytes(b"x" * 1000)
    legacy = folder / ".mop-backup-20260323-090000.zip-k1ll3d.tmp"
    legacy.write_bytes(b"PK" + b"x" * 1000)
    in_data = app_paths.data / f"{STAGING_PREFIX}restore"
    in_data.mkdir()
    (in_data / ".in-use").write_bytes(b"")
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / f"{STAGING_PREFIX}x").mkdir()
    (usb / f"{STAGING_PREFIX}x" / ".in-use").write_bytes(b"")
    (usb / ".council.zip-abc123.tmp").write_bytes(b"PK")
    code, _out, err = cli("backup")
    assert code == 0, err
    assert not stale.exists() and not legacy.exists()
    code, _out, err = cli("backup", "-o", str(usb / "council.zip"))
    assert code == 0, err
    assert sorted(p.name for p in usb.iterdir()) == ["council.zip"]
    code, _out, err = cli("restore", str(usb / "council.zip"))
    assert code == 0, err
    assert not in_data.exists()


def test_a_staging_folder_in_use_is_not_removed(tmp_path):
    fcntl = pytest.importorskip("fcntl")

    busy = tmp_path / f"{STAGING_PREFIX}busy"
    busy.mkdir()
    handle = open(busy / ".in-use", "wb")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    new = tmp_path / f"{STAGING_PREFIX}new"  # files but no lock file: left for a minute
    new.mkdir()
    (new / "policy.db").write_bytes(b"x")
    empty = tmp_path / f"{STAGING_PREFIX}empty"  # killed before its lock file was made
    empty.mkdir()
    try:
        assert remove_stale_staging(tmp_path) == [empty]
        assert busy.exists() and new.exists()
    finally:
        handle.close()
    assert remove_stale_staging(tmp_path) == [busy]
    assert remove_stale_staging(tmp_path, unlocked_for=0) == [new]
