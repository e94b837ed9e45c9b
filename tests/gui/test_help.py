"""Help (F1): the user guide shipped with the app, and the shortcuts from the real actions."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mop_desktop.gui.shell import help as help_module
from mop_desktop.gui.shell import main_window as mw
from tests.gui.shell_helpers import app_context  # noqa: F401 (fixtures used by name)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, app_context):
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.preload_pages()
    win.install_extensions()
    return win


def test_the_guide_shipped_is_the_one_in_docs() -> None:
    """The user guide the README and docs/ offer is the very file F1 shows, not a copy."""
    from tests.doc_links import relative_links

    shipped = (ROOT / "resources" / "help" / "user-guide.md").resolve()
    assert help_module.guide_text() == shipped.read_text(encoding="utf-8")
    for page in ("README.md", "docs/user-guide/README.md"):
        targets = {target.resolve() for target, _anchor, _line in relative_links(ROOT / page)}
        assert shipped in targets, f"{page} does not link to the guide F1 shows"
    copies = [p for p in (ROOT / "docs").rglob("*.md") if p.read_bytes() == shipped.read_bytes()]
    assert copies == [], f"a copy of the guide that would go stale: {copies}"


def test_f1_opens_the_guide_and_the_shortcuts(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    action = window.findChild(type(window.actionQuit), "actionHelp")
    assert action is not None and action.shortcut().toString() == "F1"
    assert action in window.menu("Help").actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    help_window = window.findChild(help_module.HelpWindow)
    assert help_window.isVisible()
    text = help_window.guide.toPlainText()
    assert "MOP Desktop" in text and "#" not in text.splitlines()[0]  # Markdown rendered
    table = help_window.shortcuts
    rows = {
        (table.item(r, 0).text(), table.item(r, 1).text()): table.item(r, 2).text()
        for r in range(table.rowCount())
    }
    assert rows[("File menu", "Quit")] == "Ctrl+Q"
    assert rows[("File menu", "Save")] == "Ctrl+S"
    assert rows[("View menu", "Concerns")] == "Ctrl+4"
    assert rows[("Concerns page", "New concern")] == "Ctrl+N"
    assert rows[("Help menu", "User guide and shortcuts")] == "F1"
    help_window.close()


def test_every_shortcut_listed_is_a_real_action(window) -> None:
    from PySide6.QtGui import QAction

    listed = {
        key for _where, _what, keys in help_module.shortcut_rows(window) for key in keys.split(", ")
    }
    actual = {k.toString() for a in window.findChildren(QAction) for k in a.shortcuts()}
    assert listed <= actual
    assert "F14" not in listed


def test_contents_links_go_to_their_headings(window) -> None:
    from PySide6.QtCore import QUrl

    help_window = help_module.HelpWindow(window)
    help_window.resize(700, 400)
    help_window.show()
    bar = help_window.guide.verticalScrollBar()
    assert bar.value() == 0
    help_window._follow(QUrl("#backups-and-checking-the-data"))
    assert bar.value() > 0
    assert help_window.guide.textCursor().block().text() == "Backups and checking the data"
    help_window.close()
