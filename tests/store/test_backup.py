"""Backups: bundles, verification, restore, the automatic folder and its thinning."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import zipfile

import pytest

from mop_desktop.domain.retention_plan import plan
from mop_desktop.store import backup as bk
from mop_desktop.store import backup_folder as bf
from mop_desktop.store.db import open_store
from mop_desktop.store.restore import restore_bundle
from tests.store.safety_helpers import (
    add_meeting,
    dump,
    file_hashes,
    make_register,
    populate,
    register_dump,
)


def test_bundle_holds_a_checked_copy_with_its_manifest(app_paths, store, tmp_path):
    populate(store)
    target = bk.write_bundle(app_paths, tmp_path / "out" / "backup.zip")
    with zipfile.ZipFile(target) as archive:
        assert set(archive.namelist()) == {"manifest.json", "policy.db"}
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["counts"]["policy.db"]["version"] == 3
    assert manifest["counts"]["policy.db"]["adoption"] == 2
    info = bk.describe_bundle(target)
    assert info.summary["versions"] == 3
    assert info.summary["adoptions"] == 2
    assert info.summary["latest_version"] == "2021"
    assert info.summary["draft"] is True
    assert info.concerns is None
    assert not list((tmp_path / "out").glob(".*")), "no staging or temporary file is left"


def test_restored_store_matches_the_original_row_for_row(app_paths, store, tmp_path):
    populate(store)
    original = dump(app_paths.policy_db)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")
    add_meeting(store, 99)
    with store.session() as s:
        from mop_desktop.store.models import VersionRow

        s.query(VersionRow).delete()
    store.close()
    assert dump(app_paths.policy_db) != original
    result = restore_bundle(app_paths, bundle)
    assert result.restored == ["policy.db"]
    assert dump(app_paths.policy_db) == original
    # the store before the restore was kept aside, and still opens
    kept = result.kept_aside / "policy.db"
    assert kept.exists()
    reopened = open_store(app_paths.policy_db, app_paths.kept_aside)
    reopened.close()


def test_register_stays_encrypted_and_restores_row_for_row(app_paths, store, tmp_path, monkeypatch):
    populate(store)
    key = make_register(app_paths, concerns=4, monkeypatch=monkeypatch)
    original = register_dump(app_paths.register_db, key)
    envelope = app_paths.key_envelope.read_bytes()
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip", register_key=key)
    info = bk.describe_bundle(bundle)
    assert info.concerns == 4
    with zipfile.ZipFile(bundle) as archive:
        blob = archive.read("register.db")
        assert not blob.startswith(b"SQLite format 3")
        assert b"summary 1" not in blob
        assert archive.read("register.key") == envelope
    store.close()
    app_paths.register_db.write_bytes(b"")  # damaged since
    restore_bundle(app_paths, bundle)
    assert register_dump(app_paths.register_db, key) == original
    assert app_paths.key_envelope.read_bytes() == envelope


def test_locked_register_is_copied_as_its_encrypted_file(app_paths, store, tmp_path, monkeypatch):
    populate(store)
    key = make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")  # no key: locked
    info = bk.describe_bundle(bundle)
    assert info.has_register and info.concerns is None
    with zipfile.ZipFile(bundle) as archive:
        assert archive.read("register.db") == app_paths.register_db.read_bytes()
    original = register_dump(app_paths.register_db, key)
    store.close()
    app_paths.register_db.write_bytes(b"junk")
    restore_bundle(app_paths, bundle)
    assert register_dump(app_paths.register_db, key) == original


def test_backup_while_another_thread_writes_restores_consistently(app_paths, store, tmp_path):
    populate(store)
    stop = threading.Event()
    written = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            add_meeting(store, n)
            written.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        bundles = [bk.write_bundle(app_paths, tmp_path / f"b{i}.zip") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    assert written, "the writer ran during the backups"
    store.close()
    counts = []
    for bundle in bundles:
        info = bk.verify_bundle(bundle)
        restored_dir = tmp_path / f"restored-{bundle.stem}"
        from mop_desktop.paths import AppPaths

        target = AppPaths(restored_dir)
        restore_bundle(target, bundle)
        rows = dump(target.policy_db)
        assert len(rows["meeting"]) == info.counts["policy.db"]["meeting"]
        titles = {r[3] for r in rows["meeting"]}
        # whole transactions only: every meeting written before the last one is there
        numbered = sorted(int(t[1:]) for t in titles if t.startswith("m"))
        assert numbered == list(range(len(numbered)))
        reopened = open_store(target.policy_db)
        reopened.close()
        counts.append(len(numbered))
    assert counts == sorted(counts)


def test_damaged_bundles_are_refused_and_nothing_changes(app_paths, store, tmp_path):
    populate(store)
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")
    store.close()
    before = file_hashes(app_paths.data)
    cases = {
        "empty.zip": b"",
        "random.zip": bytes(range(256)) * 10,
        "truncated.zip": bundle.read_bytes()[: bundle.stat().st_size // 2],
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    # a bundle whose policy.db differs from its manifest's hash
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(tmp_path / "altered.zip", "w") as dst:
        dst.writestr("manifest.json", src.read("manifest.json"))
        data = bytearray(src.read("policy.db"))
        data[5000] ^= 0xFF
        dst.writestr("policy.db", bytes(data))
    for name in [*cases, "altered.zip", "missing.zip"]:
        with pytest.raises(bk.BackupError) as err:
            restore_bundle(app_paths, tmp_path / name)
        assert name in str(err.value) or str(tmp_path) in str(err.value)
        assert "\n" not in str(err.value)
    assert file_hashes(app_paths.data) == before


def test_automatic_backups_are_named_listed_and_thinned(app_paths, store):
    populate(store)
    folder = bf.backups_folder(app_paths, store)
    assert folder == app_paths.backups
    first = bf.backup_now(app_paths, folder, now=dt.datetime(2026, 3, 1, 9, 0, 0))
    assert first.name == "mop-backup-20260301-090000.zip"
    # old, synthetic ones: plain copies renamed with earlier dates
    for days in range(1, 400):
        stamp = dt.datetime(2026, 3, 1, 9, 0, 0) - dt.timedelta(days=days)
        (folder / f"mop-backup-{stamp:%Y%m%d-%H%M%S}.zip").write_bytes(first.read_bytes())
    (folder / "notes.txt").write_text("not a backup")
    bf.backup_now(app_paths, folder, now=dt.datetime(2026, 3, 2, 9, 0, 0))
    left = bf.list_backups(folder)
    assert len(left) == 12 + 10 + 9
    assert (folder / "notes.txt").exists()
    assert left[0][0] == dt.datetime(2026, 3, 2, 9, 0, 0)
    assert bf.latest_backup(folder)[0] == dt.datetime(2026, 3, 2, 9, 0, 0)
    good = bf.newest_good_backup(folder)
    assert good is not None and good.path == left[0][1]


def test_backups_folder_setting_is_used(app_paths, store, tmp_path):
    from mop_desktop.store import settings

    with store.session() as s:
        settings.put(s, settings.BACKUP_DIR, str(tmp_path / "usb"))
    assert bf.backups_folder(app_paths, store) == tmp_path / "usb"


def test_newest_good_backup_skips_a_damaged_one(app_paths, store):
    populate(store)
    folder = app_paths.backups
    good = bf.backup_now(app_paths, folder, now=dt.datetime(2026, 3, 1, 9, 0, 0))
    bad = folder / "mop-backup-20260302-090000.zip"
    bad.write_bytes(good.read_bytes()[:100])
    assert bf.newest_good_backup(folder).path == good


# -- thinning with synthetic dates -------------------------------------------------------------
def test_thinning_daily_backups_over_two_years_keeps_about_a_year():
    now = dt.datetime(2026, 6, 15, 17, 0)
    stamps = [now - dt.timedelta(days=d, hours=h) for d in range(730) for h in (0, 5)]
    decided = plan(stamps)
    assert len(decided.keep) == 12 + 10 + 9
    assert len(decided.keep) + len(decided.drop) == len(stamps)
    assert decided.keep[0] == now
    # 12 daily: the newest of each of the last 12 days
    assert [s.date() for s in decided.keep[:12]] == [
        (now - dt.timedelta(days=d)).date() for d in range(12)
    ]
    # weekly then monthly: no two kept in the same week / month
    weekly = decided.keep[12:22]
    assert len({s.isocalendar()[:2] for s in weekly}) == 10
    monthly = decided.keep[22:]
    assert len({(s.year, s.month) for s in monthly}) == 9
    oldest = decided.keep[-1]
    assert dt.timedelta(days=300) < now - oldest < dt.timedelta(days=400)


def test_thinning_keeps_everything_when_there_is_little():
    now = dt.datetime(2026, 6, 15)
    stamps = [now - dt.timedelta(days=3 * d) for d in range(8)]
    decided = plan(stamps)
    assert decided.drop == []
    assert plan([]).keep == []


def test_thinning_sparse_backups_uses_weeks_and_months():
    now = dt.datetime(2026, 6, 15)
    monthly_only = [now - dt.timedelta(days=30 * d) for d in range(40)]
    decided = plan(monthly_only)
    # each backup is in its own day, so the daily tier alone keeps 12 of them
    assert len(decided.keep) == 12 + 10 + 9
    assert decided.keep == sorted(monthly_only, reverse=True)[:31]


def test_two_backups_in_the_same_second_keep_the_later_one(app_paths, store):
    populate(store)
    moment = dt.datetime(2026, 3, 1, 9, 0, 0)
    bf.backup_now(app_paths, app_paths.backups, now=moment)
    add_meeting(store, 50)
    second = bf.backup_now(app_paths, app_paths.backups, now=moment)
    assert second.name == "mop-backup-20260301-090000-2.zip"
    assert [p for _s, p in bf.list_backups(app_paths.backups)] == [second]
    assert bk.describe_bundle(second).counts["policy.db"]["meeting"] == 4


def test_a_chosen_folder_that_is_not_there_is_not_created(app_paths, store, tmp_path):
    populate(store)
    usb = tmp_path / "media" / "usb"
    with pytest.raises(bk.BackupError) as err:
        bf.backup_now(app_paths, usb)
    assert "not there" in str(err.value)
    assert not usb.exists()
    bf.backup_now(app_paths, app_paths.backups)  # the default folder is made when needed
    assert bf.list_backups(app_paths.backups)


def test_a_locked_register_cut_off_mid_write_is_backed_up_with_its_journal(
    app_paths, store, tmp_path, monkeypatch
):
    import os

    from mop_desktop.paths import AppPaths
    from mop_desktop.store.register import open_register

    populate(store)
    key = make_register(app_paths, concerns=3, monkeypatch=monkeypatch)
    committed = register_dump(app_paths.register_db, key)
    pid = os.fork()
    if pid == 0:  # a writer that dies mid-transaction, after pages reached the file
        try:
            from sqlalchemy import text

            from mop_desktop.store.register import ConcernRow

            register = open_register(app_paths.register_db, bytearray(key))
            with register.session() as s:
                s.execute(text("PRAGMA cache_size = 2"))
                for n in range(300):
                    s.add(
                        ConcernRow(
                            reference=f"C-2026-9{n:03d}",
                            raised_on=dt.date(2026, 1, 1),
                            raised_by_role="officer",
                            summary="x" * 3000,
                        )
                    )
                s.flush()
                os._exit(0)  # dies before the commit
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    journal = app_paths.data / "register.db-journal"
    assert journal.exists() and journal.stat().st_size > 0, "a hot journal was left"
    bundle = bk.write_bundle(app_paths, tmp_path / "b.zip")  # locked: no key
    with zipfile.ZipFile(bundle) as archive:
        assert "register.db-journal" in archive.namelist()
    other = AppPaths(tmp_path / "elsewhere")
    restore_bundle(other, bundle)
    open_register(other.register_db, bytearray(key)).engine.dispose()  # rolls the journal back
    assert register_dump(other.register_db, key) == committed


def test_restore_preview_summary_is_read_from_every_released_schema(tmp_path):
    """The summary reads through SQLAlchemy, and copes with the tables each older schema has."""
    import shutil

    from tests.store.data.make_fixtures import POLICY_REVISIONS, policy_fixture

    for revision in POLICY_REVISIONS:
        copy = tmp_path / f"policy-{revision}.db"
        shutil.copy(policy_fixture(revision), copy)
        summary = bk.policy_summary(copy)
        con = sqlite3.connect(copy)
        latest = con.execute(
            "SELECT version_label, adopted_on FROM adoption ORDER BY id DESC LIMIT 1"
        ).fetchone()
        versions = con.execute("SELECT count(*) FROM version").fetchone()[0]
        con.close()
        assert summary["versions"] == versions > 0
        assert (summary["latest_version"], summary["latest_adopted_on"]) == latest
        assert json.loads(json.dumps(summary)) == summary  # as it goes into the manifest


def test_configured_backups_folder_is_found_in_a_store_that_will_not_open(
    app_paths, store, tmp_path
):
    from mop_desktop.store import settings

    with store.session() as session:
        settings.put(session, settings.BACKUP_DIR, str(tmp_path / "usb"))
    store.close()
    assert bf.configured_folder(app_paths.policy_db) == tmp_path / "usb"
    assert tmp_path / "usb" in bf.recovery_folders(app_paths)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert bf.configured_folder(garbage) is None
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert bf.configured_folder(empty) is None
