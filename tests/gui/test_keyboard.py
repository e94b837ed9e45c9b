"""The keyboard: no mnemonic on a page shadows a menu's Alt+letter, the menus stay the same on
every page, and the Concerns page's New concern has a shortcut."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from mop_desktop.gui.shell import main_window as mw
from tests.gui.shell_helpers import app_context  # noqa: F401 (fixtures used by name)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.fixture
def window(qtbot, app_context):
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.preload_pages()
    win.install_extensions()
    return win


def test_no_page_mnemonic_shadows_a_menu(window) -> None:
    menu_letters = {mnemonic(a.text()) for a in window.menuBar().actions()} - {None}
    assert {"f", "e", "v", "h"} <= menu_letters
    clashes = []
    for name in mw.PAGES:
        page = window.page(name)
        assert page is not None
        widgets = (
            page.findChildren(QAbstractButton)
            + page.findChildren(QLabel)
            + page.findChildren(QGroupBox)
        )
        for widget in widgets:
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            if mnemonic(text) in menu_letters:
                clashes.append(f"{name}: {text!r} ({widget.objectName()})")
    assert clashes == []


def test_file_menu_is_the_same_on_every_page(window) -> None:
    def entries() -> list[str]:
        return [a.text() for a in window.menu("File").actions() if a.isVisible()]

    window.show()
    seen = set()
    for name in mw.PAGES:
        window.show_page(name)
        seen.add(tuple(entries()))
    assert len(seen) == 1
    assert "&Save" in next(iter(seen))
    save = next(a for a in window.menu("File").actions() if a.text() == "&Save")
    window.show_page("dashboard")
    assert not save.isEnabled()


def test_new_concern_has_a_shortcut(window, qtbot) -> None:
    page = window.page("concerns")
    action = next(a for a in page.page_actions if a.objectName() == "actionNewConcern")
    assert action.shortcut().toString() == "Ctrl+N"
    assert "Ctrl+N" in page.table.newButton.toolTip()
