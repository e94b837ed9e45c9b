"""The window on a shared store: other people's changes reach its pages without a restart, and
the Protocol page shows who else has the draft open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from mop_desktop.services import drafts, presence
from mop_desktop.services.workspace import start_from_text
from mop_desktop.store.db import open_store
from mop_desktop.store.models import MeetingRow
from tests.gui.test_protocol_page import open_page, protocol_text  # noqa: F401 - a fixture


@pytest.fixture
def context(pg_url, app_paths, qapp):
    """The window's context on a shared store (``open_page`` builds the page on it)."""
    from mop_desktop.gui.shell.context import AppContext

    store = open_store(pg_url)
    start_from_text(store, protocol_text())
    context = AppContext(app_paths, store)
    yield context
    store.close()


def test_other_pcs_changes_are_announced_to_the_window(context, pg_url, qtbot):
    from mop_desktop.gui.shell.change_listener import ChangeListener

    listener = ChangeListener(context)
    heard: list[str] = []
    context.changed.connect(lambda kinds: heard.extend(sorted(k.value for k in kinds)))
    with qtbot.waitSignal(listener.connection, timeout=20000):
        assert listener.start()
    try:
        with context.store.session() as s:  # this window's own change: not echoed
            s.add(MeetingRow(date=dt.date(2027, 3, 3)))
        other = open_store(pg_url)
        try:
            with other.session() as s:
                s.add(MeetingRow(date=dt.date(2027, 4, 4), title="From the deputy's PC"))
        finally:
            other.close()
        qtbot.waitUntil(lambda: heard == ["schedule"], timeout=10000)
        qtbot.wait(1500)
        assert heard == ["schedule"]
    finally:
        listener.stop()


def test_a_listener_on_policy_db_starts_nothing(app_paths, store, qapp):
    from mop_desktop.gui.shell.change_listener import ChangeListener
    from mop_desktop.gui.shell.context import AppContext

    assert ChangeListener(AppContext(app_paths, store)).start() is False


def test_the_editor_shows_who_else_has_the_draft_open(open_page, pg_url, qtbot):  # noqa: F811
    other = open_store(pg_url)
    try:
        draft = drafts.load_current(other)
        presence.heartbeat(
            other, presence.new_id(), presence.draft_key(draft.version_id), who="Deputy Clerk"
        )
        page = open_page()
        label = page.presence.label
        qtbot.waitUntil(lambda: label.isVisible(), timeout=10000)
        assert label.text().startswith("Also open by Deputy Clerk")
        assert isinstance(page.window(), QMainWindow)
    finally:
        other.close()


def test_the_window_opens_a_shared_store(pg_url, tmp_path):
    """``mop-desktop --store URL`` opens the window on the server: it starts, is filled from
    the server and closes (the smoke test), and no policy.db appears in the data folder."""
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOP_KDF_PROFILE": "test"}
    base = [sys.executable, "-m", "mop_desktop", "--data-dir", str(data), "--store", pg_url]
    sample_path = Path(__file__).resolve().parents[2] / "tests/data/samples/peacehaven-protocol.txt"
    assert (
        subprocess.run(
            [*base, "import", str(sample_path)], env=env, capture_output=True, timeout=120
        ).returncode
        == 0
    )
    result = subprocess.run(
        [*base, "--smoke-test"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "startup-ms" in result.stdout
    assert not (data / "policy.db").exists()


def test_a_backup_restored_from_the_window_goes_into_the_server(pg_url, app_paths):
    """The window's restore on a shared store puts the bundle's protocol into the server (its
    previous content kept aside as a bundle) and never writes a policy.db on this PC."""
    from mop_desktop.gui.backup.restore import _restore_work
    from mop_desktop.store.backup_folder import backup_now

    store = open_store(pg_url)
    try:
        start_from_text(store, protocol_text())
        bundle = backup_now(app_paths, app_paths.backups, source=store)
        from mop_desktop.services import meetings

        meetings.add_meeting(store, dt.date(2027, 5, 5), "Added after the backup")
        assert len(meetings.list_meetings(store)) == 1
        kept = _restore_work(app_paths, bundle, store)
        assert "server-before-restore" in kept and Path(kept).exists()
        assert meetings.list_meetings(store) == []  # the meeting added since is gone
        assert drafts.load_current(store) is not None  # the protocol backed up is there
        assert not app_paths.policy_db.exists()
    finally:
        store.close()
