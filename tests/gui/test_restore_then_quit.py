"""A restore under a running window, then quitting: every connection to the replaced file is
closed and the store re-opened, so the status refresh and the last save read the restored file,
and quitting always works."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import datetime as dt

from mop_desktop.gui.shell import crash
from mop_desktop.gui.shell import main_window as mw
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.store.backup_folder import backup_now
from tests.gui.shell_helpers import app_context  # noqa: F401 (fixture used by name)
from tests.store.safety_helpers import add_meeting, populate


def test_restore_then_quit(qtbot, app_context, app_paths, store, monkeypatch):
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "tell", lambda p, title, text, **k: told.append((title, text)))
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    failures: list[str] = []
    monkeypatch.setattr(crash, "show_failure", failures.append)
    populate(store)
    bundle = backup_now(app_paths, app_paths.backups, now=dt.datetime(2026, 3, 23, 19, 30))
    add_meeting(store, 7)
    window = mw.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.preload_pages()
    window.install_extensions()
    window.show_page("protocol")
    window.refresh_status()
    engine_before = app_context.store.engine

    import time

    from mop_desktop.gui.backup import restore as restore_dialog
    from mop_desktop.gui.backup.restore import restore_into_app

    real_work = restore_dialog._restore_work
    started: list[bool] = []

    def slow_work(paths, chosen, store=None):
        started.append(True)
        time.sleep(0.6)  # the UI thread keeps using the store meanwhile (autosave, refreshes)
        return real_work(paths, chosen, store)

    monkeypatch.setattr(restore_dialog, "_restore_work", slow_work)
    done: list[bool] = []
    restore_into_app(app_context, window, bundle, done.append)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    n = 20
    while not done:
        n += 1
        try:
            add_meeting(store, n)
        except Exception:
            pass
        window.refresh_status()
        qtbot.wait(30)
    assert done == [True]
    for _ in range(3):  # the refreshes that follow a restore, each reading the restored file
        window.refresh_status()
        announce(app_context, Change.SCHEDULE)
        qtbot.wait(50)
    assert app_context.store.engine is not engine_before  # nothing holds the replaced file
    with store.session() as s:
        from mop_desktop.store.models import MeetingRow

        assert s.query(MeetingRow).count() == 3
    assert "could not be read" not in window.statusLabel.text()
    assert window.close()
    assert not failures, failures
    assert not [t for t in told if "disk" in t[1]], told


def test_a_status_refresh_that_cannot_read_says_so_and_quitting_still_works(
    qtbot, app_context, store, monkeypatch
):
    from mop_desktop.store import protocol_repo
    from mop_desktop.store.db import StoreError

    failures: list[str] = []
    monkeypatch.setattr(crash, "show_failure", failures.append)
    window = mw.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()

    def unreadable(store):
        raise StoreError("policy.db could not be read just now: disk I/O error")

    monkeypatch.setattr(protocol_repo, "read_summary", unreadable)
    window.refresh_status()  # never raises into the error hook
    assert window.statusLabel.text() == (
        "The protocol's details could not be read: policy.db could not be read just now: "
        "disk I/O error."
    )
    assert window.close()
    assert failures == []


def test_a_failed_last_save_is_said_and_the_clerk_may_still_close(qtbot, app_context, monkeypatch):
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        messages, "confirm", lambda parent, title, text, yes: asked.append(text) or answer[0]
    )
    window = mw.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("protocol")
    monkeypatch.setattr(window.page("protocol"), "flush", lambda: False)
    assert not window.close()  # "Cancel": the window stays, with the clerk's text
    assert asked and asked[0].startswith(
        "The latest changes on the Protocol page could not be saved"
    )
    answer[0] = True
    assert window.close()


def test_an_sqlite_input_output_error_is_not_called_a_failing_disk():
    import sqlite3

    from mop_desktop.store.failures import GONE, IO_ERROR, explain

    assert explain(sqlite3.OperationalError("disk I/O error")) == IO_ERROR
    assert "removed, or failing" not in IO_ERROR
    assert explain(OSError(5, "Input/output error")) == GONE  # the system says the disk failed


def test_a_summary_read_error_is_not_called_damage(app_paths, store, monkeypatch):
    import sqlite3

    import pytest
    from sqlalchemy.exc import OperationalError

    from mop_desktop.store import protocol_repo
    from mop_desktop.store.db import DamagedStoreError, StoreError

    def failing(repo):
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(protocol_repo.ProtocolRepository, "summary", failing)
    with pytest.raises(StoreError) as err:
        protocol_repo.read_summary(store)
    assert not isinstance(err.value, DamagedStoreError)
    assert "damaged" not in str(err.value)


def test_the_dashboard_says_when_it_cannot_read_the_store(qtbot, app_context, monkeypatch):
    from mop_desktop.gui.shell import dashboard
    from mop_desktop.store.db import StoreError

    page = dashboard.DashboardPage(app_context, None)
    qtbot.addWidget(page.widget)

    def unreadable(*_args):
        raise StoreError("policy.db could not be read just now: disk I/O error")

    monkeypatch.setattr(dashboard, "schedule_and_reminders", unreadable)
    page.refresh()  # never raises into the error hook
    assert page.form.countsLabel.text() == (
        "The protocol's details could not be read: policy.db could not be read just now: "
        "disk I/O error."
    )


def test_typing_not_yet_saved_is_not_written_over_the_restored_draft(
    qtbot, app_context, app_paths, store, monkeypatch
):
    from mop_desktop.gui.backup.restore import restore_into_app
    from mop_desktop.services import drafts

    monkeypatch.setattr(messages, "tell", lambda *a, **k: None)
    populate(store)
    bundle = backup_now(app_paths, app_paths.backups, now=dt.datetime(2026, 3, 23, 19, 30))
    restored_title = drafts.load_current(store).text.title
    window = mw.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("protocol")
    page = window.page("protocol")
    page.form.titleEdit.selectAll()
    qtbot.keyClicks(page.form.titleEdit, "Typed before the restore")
    assert page._dirty
    done: list[bool] = []
    restore_into_app(app_context, window, bundle, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    qtbot.wait(100)
    window.flush_pages()
    assert drafts.load_current(store).text.title == restored_title
    assert page.form.titleEdit.text() == restored_title
