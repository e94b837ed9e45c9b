"""The window on a shared store: other people's changes reach its pages without a restart, and
the Protocol page shows who else has the draft open."""

from __future__ import annotations

import datetime as dt

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
        presence.heartbeat(other, presence.new_id(), presence.draft_key(draft.version_id),
                           who="Deputy Clerk")
        page = open_page()
        label = page.presence.label
        qtbot.waitUntil(lambda: label.isVisible(), timeout=10000)
        assert label.text().startswith("Also open by Deputy Clerk")
        assert isinstance(page.window(), QMainWindow)
    finally:
        other.close()
