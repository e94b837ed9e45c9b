"""The protocol page's menu actions: Undo/Redo (from the undo stack), Find, Find and replace,
Save. They go into the window's Edit and File menus when it has them (``window.menu(name)``)
and stay there on every page (the menus do not change under the clerk), enabled only while the
protocol page is shown, so their shortcuts never act on a page out of sight. Save is enabled
only when there is something to save (``update_actions``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from mop_desktop.gui.pages.protocol import ProtocolPage


@dataclass
class PageActions:
    undo: QAction
    redo: QAction
    find: QAction
    replace: QAction
    save: QAction

    def all(self) -> list[QAction]:
        return [self.undo, self.redo, self.find, self.replace, self.save]


def update_actions(page: ProtocolPage, shown: bool | None = None) -> None:
    """Enable the actions that apply now: none off the page; Undo and Redo as the undo stack
    allows; Save when there are changes not yet saved."""
    if not shiboken6.isValid(page):  # the undo stack signals as the page is destroyed
        return
    actions: PageActions | None = getattr(page, "actions_", None)
    if actions is None:
        return
    shown = page.isVisible() if shown is None else shown
    stack = page.undo_stack
    states = {
        "undo": shown and stack.canUndo(),
        "redo": shown and stack.canRedo(),
        "find": shown,
        "replace": shown,
        "save": shown and page.has_unsaved_changes(),
    }
    for name, enabled in states.items():
        action = getattr(actions, name)
        if shiboken6.isValid(action):  # not while the page is being destroyed
            action.setEnabled(enabled)


class _FollowVisibility(QObject):
    """Enables the actions while the page is shown, disables them while it is hidden."""

    def __init__(self, page: ProtocolPage, actions: PageActions) -> None:
        super().__init__(page)
        self.page = page
        self.actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            update_actions(self.page, shown=event.type() == QEvent.Type.Show)
        return False


TOOLBAR_BUTTONS = (
    "addSectionButton",
    "addClauseButton",
    "insertAboveButton",
    "deleteButton",
    None,
    "moveUpButton",
    "moveDownButton",
    None,
    "indentButton",
    "outdentButton",
    "numberedButton",
)


def outline_menu(page: ProtocolPage) -> QMenu:
    """The outline's right-click menu: the toolbar's buttons, in the same state."""
    menu = QMenu(page.outline)
    for name in TOOLBAR_BUTTONS:
        if name is None:
            menu.addSeparator()
            continue
        button = getattr(page.form, name)
        action = menu.addAction(button.text())
        action.setEnabled(button.isEnabled() and page.is_editable())
        if button.isCheckable():
            action.setCheckable(True)
            action.setChecked(button.isChecked())
        action.triggered.connect(button.click)
    return menu


def install_outline_menu(page: ProtocolPage) -> None:
    outline = page.outline
    outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    outline.customContextMenuRequested.connect(
        lambda pos: outline_menu(page).exec(outline.viewport().mapToGlobal(pos))
    )


def install_actions(page: ProtocolPage, window: Any) -> PageActions:
    stack = page.undo_stack
    undo = stack.createUndoAction(page, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(page, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    find = QAction("&Find\u2026", page)
    find.setShortcut(QKeySequence("Ctrl+F"))
    find.triggered.connect(lambda: page.open_find(replace=False))
    replace = QAction("Find and &replace\u2026", page)
    replace.setShortcut(QKeySequence("Ctrl+H"))
    replace.triggered.connect(lambda: page.open_find(replace=True))
    save = QAction("&Save", page)
    save.setShortcut(QKeySequence.StandardKey.Save)
    save.setStatusTip("Save the draft now (it is also saved as you type)")
    save.triggered.connect(page.save)
    actions = PageActions(undo, redo, find, replace, save)
    # an imported version keeps the numbers its source printed; the clerk may renumber it
    renumber = QAction("Re&number by position", page)
    renumber.setStatusTip("Number every section and clause by its place (one undoable step)")
    renumber.triggered.connect(page.renumber_by_position)
    page.renumber_action = renumber

    menu = getattr(window, "menu", None)
    if callable(menu):
        edit = menu("Edit")
        edit.addActions([undo, redo])
        edit.addSeparator()
        edit.addActions([find, replace])
        edit.addSeparator()
        edit.addAction(renumber)  # Edit, not a menu of its own: Alt+P belongs to the pages
        add_file_action = getattr(window, "add_file_action", None)
        if callable(add_file_action):  # the main window keeps Quit last
            add_file_action(save)
        else:
            menu("File").addAction(save)
    else:  # no menu bar: the shortcuts still work inside the page
        page.addActions(actions.all())
        page.addAction(renumber)
    page.installEventFilter(_FollowVisibility(page, actions))
    install_outline_menu(page)
    # the undo stack enables its actions as it changes, on the page or not: follow it
    for signal in (stack.canUndoChanged, stack.canRedoChanged):
        signal.connect(lambda _v=None: update_actions(page))
    page.actions_ = actions
    update_actions(page)
    return actions
