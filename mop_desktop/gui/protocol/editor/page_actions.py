"""The protocol page's menu actions: Undo/Redo (from the undo stack), Find, Find and replace,
Save. They go into the window's Edit and File menus when it has them (``window.menu(name)``)
and stay there on every page (the menus do not change under the clerk), enabled only while the
protocol page is shown, so their shortcuts never act on a page out of sight. Save is enabled
only when there is something to save (``update_actions``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from mop_desktop.gui.protocol.page import ProtocolPage
    from mop_desktop.gui.shell.main_window import MainWindow


@dataclass
class PageActions:
    undo: QAction
    redo: QAction
    find: QAction
    replace: QAction
    save: QAction
    show_changes: QAction
    clause_by_clause: QAction
    number_all: QAction
    unnumber_all: QAction
    why_changed: QAction
    spelling: QAction
    renumber: QAction

    def all(self) -> list[QAction]:
        return [
            self.undo,
            self.redo,
            self.find,
            self.replace,
            self.save,
            self.show_changes,
            self.clause_by_clause,
            self.number_all,
            self.unnumber_all,
            self.why_changed,
            self.spelling,
            self.renumber,
        ]


def update_actions(page: ProtocolPage, shown: bool | None = None) -> None:
    """Enable the actions that apply now: none off the page; Undo and Redo as the undo stack
    allows; Save when there are changes not yet saved."""
    if not page.form_alive():  # the undo stack signals as the page is destroyed
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


def install_actions(page: ProtocolPage, window: MainWindow | None) -> PageActions:
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
    # an imported version keeps the numbers its source printed; the clerk may renumber it
    renumber = QAction("Renumber b&y position", page)
    renumber.setStatusTip("Number every section and clause by its place (one undoable step)")
    renumber.triggered.connect(page.renumber_by_position)
    page.renumber_action = renumber
    show_changes = QAction("Show &changes", page)
    show_changes.setCheckable(True)
    show_changes.setShortcut(QKeySequence("Ctrl+Shift+E"))
    show_changes.setStatusTip("Mark the draft against the last adopted version")
    show_changes.toggled.connect(page.set_show_changes)
    clause_by_clause = QAction("Edit clause &by clause", page)
    clause_by_clause.setCheckable(True)
    clause_by_clause.setStatusTip(
        "Edit one section or clause at a time in a form, instead of the whole document"
    )
    clause_by_clause.toggled.connect(page.set_clause_by_clause)
    number_all = QAction("&Number the whole document", page)
    number_all.setStatusTip("Number every section and clause (1, 1.1, 1.1.1) in one step")
    number_all.triggered.connect(lambda: page.number_whole_document(True))
    unnumber_all = QAction("&Take all numbers off", page)
    unnumber_all.setStatusTip("Remove the number of every section and clause in one step")
    unnumber_all.triggered.connect(lambda: page.number_whole_document(False))
    why_changed = QAction("&Why it changed\u2026", page)
    why_changed.setShortcut(QKeySequence("Ctrl+Shift+N"))
    why_changed.setStatusTip(
        "Note why the change at the cursor was made (shown in the council-pack report)"
    )
    why_changed.triggered.connect(page.note_why_changed)
    check_spelling = QAction("Check &spelling", page)
    check_spelling.setCheckable(True)
    check_spelling.setChecked(True)
    check_spelling.setStatusTip(
        "Underline words not in the British English dictionary or the "
        "council's own; right-click one for suggestions"
    )
    check_spelling.toggled.connect(page.spelling.set_enabled)
    actions = PageActions(
        undo,
        redo,
        find,
        replace,
        save,
        show_changes,
        clause_by_clause,
        number_all,
        unnumber_all,
        why_changed,
        check_spelling,
        renumber,
    )

    if window is not None:
        edit = window.menu("Edit")
        edit.addActions([undo, redo])
        edit.addSeparator()
        edit.addActions([find, replace])
        edit.addSeparator()
        edit.addAction(renumber)  # Edit, not a menu of its own: Alt+P belongs to the pages
        edit.addActions([number_all, unnumber_all])
        view = window.menu("View")
        view.addActions([show_changes, clause_by_clause, check_spelling])
        edit.addAction(why_changed)
        window.add_file_action(save)  # the main window keeps Quit last
    else:  # no menu bar: the shortcuts still work inside the page
        page.addActions(actions.all())
    page.installEventFilter(_FollowVisibility(page, actions))
    install_outline_menu(page)
    # the undo stack enables its actions as it changes, on the page or not: follow it
    for signal in (stack.canUndoChanged, stack.canRedoChanged):
        signal.connect(lambda _v=None: update_actions(page))
    page.actions_ = actions
    update_actions(page)
    return actions
