"""The Protocol page when the draft was saved elsewhere since it was loaded: it says so, never
writes over the other save, and offers to reload."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from mop_desktop.services import drafts
from mop_desktop.store.db import open_store
from tests.gui.test_protocol_page import context, open_page, page  # noqa: F401 - fixtures


def _box():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def test_a_save_over_another_pcs_save_is_refused_and_reload_offered(page, app_paths, qtbot):  # noqa: F811
    other = open_store(app_paths.policy_db)
    try:
        theirs = drafts.load_current(other)
        text = theirs.text
        text.sections[0].blocks[0].text = "Purpose as the deputy wrote it"
        drafts.save_draft(other, text, revision=theirs.revision, saver="Deputy Clerk")
    finally:
        other.close()
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, " of mine")
    assert page.flush() is False
    assert page.form.saveStateLabel.text() == "Not saved: changed elsewhere"
    qtbot.waitUntil(lambda: _box() is not None, timeout=5000)
    box = _box()
    assert "saved by Deputy Clerk" in box.informativeText()
    stored = drafts.load_current(open_store(app_paths.policy_db)).text
    assert stored.sections[0].blocks[0].text == "Purpose as the deputy wrote it"
    assert stored.sections[0].blocks[1].text == "Scope"  # mine was not written over theirs
    reload_button = next(b for b in box.buttons() if b.text() == "Reload the draft")
    reload_button.click()
    qtbot.waitUntil(lambda: not page._dirty, timeout=5000)
    assert page.document().sections[0].blocks[0].text == "Purpose as the deputy wrote it"
    # from the reloaded revision the clerk's next save goes through
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, "!")
    assert page.flush() is True
    assert isinstance(page.window(), QMainWindow)
