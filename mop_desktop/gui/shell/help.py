"""Help > User guide and shortcuts (F1): the short user guide shipped with the app and the
keyboard shortcuts of this window, in one window. Nothing is fetched: the guide is
``resources/help/user-guide.md`` (the one copy: the README and docs/ link to it), shown with
QTextBrowser's Markdown; links to the web are not followed.

``install(app, window)`` adds the Help menu's action; ``shortcut_rows(window)`` lists the
shortcuts from the window's actual QActions (menus first, then each page's own), so the list
is never out of date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from mop_desktop.gui.shell.context import AppContext

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow
from mop_desktop.paths import resource_path

GUIDE = ("resources", "help", "user-guide.md")


def guide_text() -> str:
    path = resource_path(*GUIDE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return "# User guide\n\nThe user guide is missing from this installation."


def slug(heading: str) -> str:
    """A heading as Markdown links name it: "The review schedule" -> "the-review-schedule"."""
    words = re.sub(r"[^\w\s-]", "", heading.lower()).split()
    return "-".join(words)


def _plain(text: str) -> str:
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    while text.endswith((".", "\u2026")):  # "Print…", "Import protocol..."
        text = text[:-1]
    return text


_PLAIN_KEY = re.compile(r"^(F([1-9]|1[0-2])|Del|Delete|Esc|Return|Enter|Tab|Backspace)$")


def _keys(action: QAction) -> str:
    """The action's shortcuts as typed on a PC keyboard (not the extra keys some platforms
    add, such as F14 or an "Undo" key)."""
    shown = []
    for key in action.shortcuts():
        text = key.toString(QKeySequence.SequenceFormat.NativeText)
        if "+" in text or _PLAIN_KEY.match(text):
            shown.append(text)
    return ", ".join(shown)


def _menu_rows(menu: QMenu, where: str, seen: set[int]) -> list[tuple[str, str, str]]:
    rows = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _menu_rows(sub, f"{where} > {_plain(action.text())}", seen)
            continue
        seen.add(id(action))
        if _keys(action):
            rows.append((where, _plain(action.text()), _keys(action)))
    return rows


def shortcut_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action with a shortcut: the menus', then the pages'."""
    seen: set[int] = set()
    rows: list[tuple[str, str, str]] = []
    menu_bar = window.menuBar()
    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows += _menu_rows(menu, f"{_plain(top.text())} menu", seen)
    from mop_desktop.gui.shell.main_window import PAGES

    for name, spec in PAGES.items():
        title = spec.title
        page = window.page(name)
        if page is None:
            continue
        for action in page.findChildren(QAction):
            if id(action) in seen or not _keys(action) or not action.text():
                continue
            seen.add(id(action))
            rows.append((f"{title} page", _plain(action.text()), _keys(action)))
    return rows


class HelpWindow(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("helpWindow")
        self.setWindowTitle("MOP Desktop help")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        self.guide = QTextBrowser(self)
        self.guide.setObjectName("guideBrowser")
        self.guide.setOpenLinks(False)  # in-page anchors only: nothing is fetched
        self.guide.anchorClicked.connect(self._follow)
        self.guide.setMarkdown(guide_text())
        self.tabs.addTab(self.guide, "User &guide")

        rows = shortcut_rows(window)
        self.shortcuts = QTableWidget(len(rows), 3, self)
        self.shortcuts.setObjectName("shortcutsTable")
        self.shortcuts.setHorizontalHeaderLabels(["Where", "What", "Keys"])
        self.shortcuts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.shortcuts.verticalHeader().setVisible(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.shortcuts.setItem(row, column, QTableWidgetItem(value))
        header = self.shortcuts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tabs.addTab(self.shortcuts, "&Keyboard shortcuts")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        from mop_desktop.gui.shell.screen_fit import available_area, fitted_size

        area = available_area(window)
        self.resize(fitted_size(QSize(760, 640), area))

    def _follow(self, url: QUrl) -> None:
        """An in-guide link ("#the-concern-register") goes to its heading; others are not
        followed (nothing is fetched)."""
        if not url.hasFragment() or url.scheme():
            return
        wanted = url.fragment()
        block = self.guide.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and slug(block.text()) == wanted:
                cursor = QTextCursor(block)
                self.guide.setTextCursor(cursor)
                bar = self.guide.verticalScrollBar()
                bar.setValue(
                    int(self.guide.document().documentLayout().blockBoundingRect(block).top())
                )
                return
            block = block.next()


def show_help(window: MainWindow) -> HelpWindow:
    """The help window (one per main window, which owns it)."""
    existing = window.findChild(HelpWindow)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    help_window = HelpWindow(window)
    help_window.show()
    return help_window


def install(app: AppContext, window: MainWindow) -> QAction:
    action = QAction("&User guide and shortcuts", window)
    action.setObjectName("actionHelp")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    if action.shortcut().isEmpty():
        action.setShortcut(QKeySequence("F1"))
    action.triggered.connect(lambda: show_help(window))
    menu = window.menu("Help")
    first = menu.actions()[0] if menu.actions() else None
    if first is None:
        menu.addAction(action)
    else:
        menu.insertAction(first, action)
        menu.insertSeparator(first)
    return action
