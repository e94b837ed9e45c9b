"""Backups from the window: the menu actions, the indicator, automatic backups, the restore
dialog's preview and the recovery dialog at start-up."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMainWindow

from mop_desktop.gui.backup import actions as backup_actions
from mop_desktop.gui.backup.actions import describe_age
from mop_desktop.gui.register import recovery
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.store import backup as bk
from mop_desktop.store.backup_folder import backup_now, list_backups
from mop_desktop.store.db import DamagedStoreError, open_store
from tests.store.safety_helpers import add_meeting, dump, populate


@pytest.fixture
def told_kinds():
    return []


@pytest.fixture
def told(monkeypatch, told_kinds):
    said = []

    def tell(*a, **k):
        said.append(a[2])
        told_kinds.append(k)

    monkeypatch.setattr(messages, "tell", tell)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    return said


@pytest.fixture
def window(qtbot, app_paths, store, told):
    populate(store)
    app = AppContext(app_paths, store)
    win = QMainWindow()
    qtbot.addWidget(win)
    backup_actions.install(app, win)
    win.show()
    return win


def _action(win, name):
    return next(a for a in win.menuBar().actions() if a.objectName() == name)


def test_back_up_now_writes_a_backup_and_updates_the_indicator(qtbot, window, app_paths):
    actions = window.backup_actions
    # a new install: said plainly, not as a warning (no backup is due yet)
    assert actions.indicator.text() == "No backup yet"
    assert actions.indicator.property("warning") is False
    assert "bold" not in actions.indicator.styleSheet()
    _action(window, "actionBackUpNow").trigger()
    qtbot.waitUntil(
        lambda: not actions.running and bool(list_backups(app_paths.backups)), timeout=20000
    )
    assert actions.indicator.text() == "Backed up just now"
    assert actions.indicator.property("warning") is False
    assert not actions.dirty


def test_changes_are_backed_up_by_the_timer_and_on_closing(qtbot, window, app_paths, store):
    actions = window.backup_actions
    backup_now(app_paths, app_paths.backups, now=dt.datetime.now() - dt.timedelta(hours=1))
    actions.dirty = False
    actions.on_timer()
    assert not actions.running, "nothing changed: no backup"
    add_meeting(store, 1)
    announce(actions.app, Change.SCHEDULE)
    assert actions.dirty
    actions.on_timer()
    qtbot.waitUntil(lambda: not actions.running, timeout=20000)
    after_timer = list_backups(app_paths.backups)[0][1]
    assert bk.describe_bundle(after_timer).counts["policy.db"]["meeting"] == 4
    assert not actions.dirty
    add_meeting(store, 2)
    announce(actions.app, Change.DOCUMENT)
    window.close()  # the backup runs before the window goes
    newest = list_backups(app_paths.backups)[0][1]
    assert bk.describe_bundle(newest).counts["policy.db"]["meeting"] == 5


def test_a_failed_automatic_backup_is_shown_in_the_indicator(qtbot, window, app_paths, told):
    actions = window.backup_actions
    blocker = app_paths.data / "not-a-folder"
    blocker.write_text("x")
    actions.folder = blocker
    from mop_desktop.store import backup_folder

    original = backup_folder.backups_folder
    backup_actions.backups_folder = lambda paths, store=None: blocker
    try:
        actions.back_up()
        qtbot.waitUntil(lambda: not actions.running, timeout=20000)
    finally:
        backup_actions.backups_folder = original
    assert actions.indicator.text().startswith("Backup failed: the backups folder")
    assert told == [], "an automatic backup never pops up a message"


def test_indicator_words():
    assert describe_age(dt.timedelta(minutes=1)) == ("Backed up 1 minute ago", False)
    assert describe_age(dt.timedelta(hours=1)) == ("Backed up 1 hour ago", False)
    assert describe_age(None) == ("No backup yet", False)
    assert describe_age(None, dt.timedelta(minutes=5)) == ("No backup yet", False)
    assert describe_age(None, dt.timedelta(days=3)) == ("No backup yet: back up now", True)
    assert describe_age(dt.timedelta(hours=5)) == ("Backed up 5 hours ago", False)
    text, warning = describe_age(dt.timedelta(days=9))
    assert warning and text == "Last backup 9 days ago: back up now"


def test_restore_dialog_previews_and_restores(qtbot, window, app_paths, store, monkeypatch):
    from mop_desktop.gui.backup import restore as restore_dialog

    backup_now(app_paths, app_paths.backups, now=dt.datetime(2026, 3, 23, 19, 30))
    original = dump(app_paths.policy_db)
    add_meeting(store, 7)

    seen = {}

    def answer(self):
        seen["versions"] = self.versionsValue.text()
        seen["adoptions"] = self.adoptionsValue.text()
        seen["latest"] = self.latestValue.text()
        seen["created"] = self.createdValue.text()
        seen["concerns"] = self.concernsValue.text()
        return self.info

    monkeypatch.setattr(restore_dialog.RestoreDialog, "chosen_backup", answer)
    emitted = []
    window.backup_actions.app.changed.connect(
        lambda kinds: emitted.append(1) if Change.DOCUMENT in kinds else None
    )
    _action(window, "actionRestoreFromBackup").trigger()
    qtbot.waitUntil(lambda: bool(emitted), timeout=20000)
    assert seen == {
        "versions": "3 (including a draft)",
        "adoptions": "2",
        "latest": "version 2021, adopted 23 March 2021",
        "created": "23 March 2026 at 19:30",
        "concerns": "no concern register in this backup",
    }
    assert dump(app_paths.policy_db) == original
    with store.session() as s:  # the window's own store reads the restored file
        from mop_desktop.store.models import MeetingRow

        assert s.query(MeetingRow).count() == 3


def test_restore_dialog_refuses_a_file_that_is_not_a_backup(qtbot, app_paths, tmp_path):
    from PySide6.QtWidgets import QWidget

    from mop_desktop.gui.backup.restore import RestoreDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = RestoreDialog(app_paths.backups, app_paths.kept_aside, parent)
    (tmp_path / "letter.zip").write_bytes(b"<b>not</b> a zip")
    dialog.select(tmp_path / "letter.zip")
    assert dialog.info is None
    assert "is not a MOP Desktop backup" in dialog.noteLabel.text()
    assert not dialog.previewGroup.isEnabled()


# -- the recovery dialog at start-up ----------------------------------------------------------
@pytest.fixture
def damaged(app_paths, store):
    populate(store)
    backup_now(app_paths, app_paths.backups)
    original = dump(app_paths.policy_db)
    store.close()
    for side in ("-wal", "-shm"):
        (app_paths.data / f"policy.db{side}").unlink(missing_ok=True)
    app_paths.policy_db.write_bytes(b"\x00" * 8192)
    with pytest.raises(DamagedStoreError) as err:
        open_store(app_paths.policy_db, app_paths.kept_aside)
    return err.value, original


def test_recovery_restores_the_newest_good_backup(qtbot, app_paths, damaged, monkeypatch):
    error, original = damaged
    seen = {}

    def answer(dialog):
        qtbot.addWidget(dialog)
        seen["problem"] = dialog.problemLabel.text()
        seen["enabled"] = dialog.restoreButton.isEnabled()
        return recovery.RESTORE

    monkeypatch.setattr(recovery, "ask", answer)
    assert recovery.offer_recovery(app_paths, error) is True
    assert "not a database" in seen["problem"] and seen["enabled"]
    assert dump(app_paths.policy_db) == original
    assert list(app_paths.kept_aside.glob("policy-damaged-*"))


def test_recovery_can_be_declined_and_leaves_the_damaged_file(
    qtbot, app_paths, damaged, monkeypatch
):
    error, _ = damaged
    monkeypatch.setattr(recovery, "ask", lambda d: (qtbot.addWidget(d), recovery.QUIT)[1])
    assert recovery.offer_recovery(app_paths, error) is False
    assert app_paths.policy_db.read_bytes() == b"\x00" * 8192


def test_recovery_for_other_errors_only_explains(app_paths, told):
    from mop_desktop.store.db import NewerSchemaError

    assert recovery.offer_recovery(app_paths, NewerSchemaError("policy.db is newer")) is False
    assert told == ["policy.db is newer"]


def test_quitting_without_closing_the_window_backs_up_a_change(qtbot, window, app_paths, store):
    actions = window.backup_actions
    add_meeting(store, 3)
    announce(actions.app, Change.SCHEDULE)
    actions.on_quit()
    newest = list_backups(app_paths.backups)[0][1]
    assert bk.describe_bundle(newest).counts["policy.db"]["meeting"] == 4
    assert not actions.dirty


def test_choosing_the_backups_folder_is_stored_and_used(
    qtbot, window, app_paths, store, tmp_path, monkeypatch, told
):
    from mop_desktop.store import settings

    usb = tmp_path / "usb"
    monkeypatch.setattr(backup_actions, "choose_backups_folder", lambda parent, current: usb)
    _action(window, "actionBackupsFolder").trigger()
    with store.session() as s:
        assert settings.get(s, settings.BACKUP_DIR) == str(usb)
    actions = window.backup_actions
    _action(window, "actionBackUpNow").trigger()
    qtbot.waitUntil(lambda: not actions.running and bool(list_backups(usb)), timeout=20000)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setattr(
        backup_actions, "choose_backups_folder", lambda parent, current: not_a_folder
    )
    _action(window, "actionBackupsFolder").trigger()
    assert told and "cannot be written" in told[-1]
    with store.session() as s:
        assert settings.get(s, settings.BACKUP_DIR) == str(usb)


def test_check_the_data_reports_each_check(qtbot, window, told, told_kinds):
    _action(window, "actionCheckTheData").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    # said as a clerk would, with an information icon (not a warning)
    assert told[-1].startswith("The protocol and its history are readable and complete.")
    assert "adoption history is intact" in told[-1]
    assert "policy.db" not in told[-1] and "sound" not in told[-1]
    assert told_kinds[-1].get("success") is True and not told_kinds[-1].get("critical")


def test_an_unlocked_register_is_backed_up_through_its_key(qtbot, window, app_paths, monkeypatch):
    state = pytest.importorskip("mop_desktop.gui.register.state")
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    actions = window.backup_actions
    service = state.register_for(actions.app)
    service.init("correct horse battery")
    assert service.unlocked
    _action(window, "actionBackUpNow").trigger()
    qtbot.waitUntil(
        lambda: not actions.running and bool(list_backups(app_paths.backups)), timeout=20000
    )
    info = bk.describe_bundle(list_backups(app_paths.backups)[0][1])
    assert info.has_register and info.concerns == 0  # counted: the copy went through the key
    service.lock()
    assert backup_actions._register_key_copy(actions.app) is None


def test_recovery_finds_the_backup_on_the_chosen_usb_stick(
    qtbot, app_paths, store, tmp_path, monkeypatch
):
    from mop_desktop.store import settings

    populate(store)
    usb = tmp_path / "usb"
    usb.mkdir()
    with store.session() as s:
        settings.put(s, settings.BACKUP_DIR, str(usb))
    backup_now(app_paths, app_paths.backups, now=dt.datetime.now() - dt.timedelta(days=3))
    on_stick = backup_now(app_paths, usb)
    original = dump(app_paths.policy_db)
    store.close()
    for side in ("-wal", "-shm"):
        (app_paths.data / f"policy.db{side}").unlink(missing_ok=True)
    data = bytearray(app_paths.policy_db.read_bytes())
    data[4096 * 2 : 4096 * 2 + 400] = b"\xa5" * 400
    app_paths.policy_db.write_bytes(bytes(data))
    with pytest.raises(DamagedStoreError) as err:
        open_store(app_paths.policy_db, app_paths.kept_aside)
    seen = {}

    def answer(dialog):
        qtbot.addWidget(dialog)
        seen["file"] = dialog.fileValue.text()
        return recovery.RESTORE

    monkeypatch.setattr(recovery, "ask", answer)
    assert recovery.offer_recovery(app_paths, err.value) is True
    assert seen["file"] == str(on_stick)
    assert dump(app_paths.policy_db) == original
