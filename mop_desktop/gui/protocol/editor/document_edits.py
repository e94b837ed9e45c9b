"""What the document view's keys do to the draft: typing, Enter, Tab, Shift+Tab, Backspace in
an empty clause or item, and "Show changes". Mixed into ``ProtocolPage`` next to
``EditsMixin``; every change is an undoable step made with the page's ``_field_edit`` (typing,
merged per burst of typing in one block) or ``_structural`` (a snapshot before and after).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from mop_desktop.domain import editing as ed
from mop_desktop.domain import item_editing as items_ed
from mop_desktop.domain.change_notes import ChangeNote, note_for, notes_by_entry, set_note
from mop_desktop.domain.diff import compare
from mop_desktop.domain.document import DocumentText
from mop_desktop.gui.protocol.editor.document_view import DocumentView
from mop_desktop.gui.protocol.editor.outline_model import Address
from mop_desktop.gui.protocol.editor.view_lines import BLOCK, HEADING, ITEM, TITLE, Entry
from mop_desktop.services.adopted import adopted_text
from mop_desktop.services.change_notes import load_notes, save_notes

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QToolButton

    from mop_desktop.gui.forms.ui_protocol_page import Ui_ProtocolPage
    from mop_desktop.gui.protocol.editor.page_actions import PageActions
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.services.drafts import CurrentText

CHANGES_DEBOUNCE_MS = 400


def ask_text(parent: QWidget, title: str, label: str, text: str) -> tuple[str, bool]:
    """A one-line question (tests replace this)."""
    return QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)


Key = tuple[str, int, int, int]


class DocumentEditsMixin:
    view: DocumentView
    _doc: DocumentText
    _editable: bool
    _merge_token: int
    undo_stack: QUndoStack
    current: CurrentText | None
    _focus_after: tuple[Key, int | None] | None
    _adopted: DocumentText | None
    _adopted_loaded: bool
    _notes: list[ChangeNote] | None
    _show_changes: bool
    _clause_by_clause: bool
    _view_driving: bool
    changes_timer: QTimer
    app: AppContext
    form: Ui_ProtocolPage
    actions_: PageActions
    show_changes_button: QToolButton

    def _structural(self, label: str, change: Callable[[DocumentText], Address | None]) -> None:
        raise NotImplementedError  # EditsMixin

    def _field_edit(
        self, address: Address | None, field: str, value: Any, merge: bool = True
    ) -> None:
        raise NotImplementedError  # EditsMixin

    def selected(self) -> Address | None:  # the page
        raise NotImplementedError

    def select(self, address: Address | None) -> None:  # the page
        raise NotImplementedError

    # -- typing -----------------------------------------------------------------------------
    def _on_view_text(self, entry: Entry, text: str) -> None:
        if not self._editable:
            return
        if entry.kind == TITLE:
            self._field_edit(None, "title", text)
        elif entry.kind == HEADING:
            self._field_edit((entry.s, None), "heading", text)
        elif entry.kind == BLOCK:
            self._field_edit((entry.s, entry.b), "text", text)
        elif entry.kind == ITEM:
            doc = self._doc.clone()
            items_ed.set_item_text(doc, entry.s, entry.b, entry.flat, text)
            self._field_edit(
                (entry.s, entry.b),
                "items",
                copy.deepcopy(doc.sections[entry.s].blocks[entry.b].items),
            )
        self.schedule_changes()

    def _view_structural(
        self, label: str, change: Callable[[DocumentText], tuple[Key, int | None]]
    ) -> None:
        """A structural edit from the view's keys; the cursor lands where ``change`` says
        (the page reads ``_focus_after`` when the edit is shown, inside the push)."""

        def wrapped(d: DocumentText) -> Address | None:
            key, offset = change(d)
            self._focus_after = (key, offset)
            kind, s, b, _flat = key
            if kind == HEADING:
                return (s, None)
            return (s, b) if kind in (BLOCK, ITEM) else None

        try:
            self._structural(label, wrapped)
        finally:
            self._focus_after = None

    # -- Enter ------------------------------------------------------------------------------
    def _on_view_enter(self, entry: Entry, offset: int) -> None:
        if not self._editable:
            return
        s, b = entry.s, entry.b
        if entry.kind == TITLE:
            self.view.place_cursor(self._first_key(), 0)
            return
        if entry.kind == HEADING:

            def add_first(d: DocumentText) -> tuple[Key, int | None]:
                at = ed.add_block(d, s, 0)
                d.sections[s].blocks[at].level = 1
                return (BLOCK, s, at, -1), 0

            self._view_structural("Add clause", add_first)
        elif entry.kind == BLOCK:
            self._view_structural("Add clause", lambda d: _split_block(d, s, b, offset))
        elif entry.kind == ITEM:
            flat = entry.flat

            def change(d: DocumentText) -> tuple[Key, int | None]:
                entries = items_ed.flat_items(d.sections[s].blocks[b].items)
                depth, item = entries[flat]
                if not item.text.strip() and not item.items:  # an empty item ends the list
                    items_ed.delete_item(d, s, b, flat)
                    level = d.sections[s].blocks[b].level
                    at = ed.add_block(d, s, b + 1, level=level)
                    return (BLOCK, s, at, -1), 0
                before, after = item.text[:offset], item.text[offset:]
                item.text = before.rstrip() if after else before
                new = items_ed.insert_item(d, s, b, flat + 1, depth, after.lstrip())
                return (ITEM, s, b, new), 0

            self._view_structural("Add list item", change)

    def _first_key(self) -> Key:
        for e in self.view.entries():
            if e.kind in (HEADING, BLOCK):
                return e.key
        return (TITLE, -1, -1, -1)

    # -- Tab and Shift+Tab ------------------------------------------------------------------
    def _on_view_shift(self, entry: Entry, step: int) -> None:
        if not self._editable:
            return
        s, b = entry.s, entry.b
        offset = self.view.textCursor().positionInBlock()
        if entry.kind == BLOCK:
            block = self._doc.sections[s].blocks[b]
            if step > 0 and not ed.can_indent(self._doc, s, b):
                return
            if step < 0 and block.level < 2:
                return
            level = 2 if step > 0 else 1

            def change(d: DocumentText) -> tuple[Key, int | None]:
                ed.set_block_level(d, s, b, level)
                return (BLOCK, s, b, -1), offset

            self._view_structural("Indent clause" if step > 0 else "Outdent clause", change)
        elif entry.kind == ITEM:
            flat = entry.flat
            if not items_ed.can_shift_item(self._doc, s, b, flat, step):
                return

            def shift(d: DocumentText) -> tuple[Key, int | None]:
                items_ed.shift_item(d, s, b, flat, step)
                return (ITEM, s, b, flat), offset

            self._view_structural("Indent list item" if step > 0 else "Outdent list item", shift)

    # -- Backspace in an empty block --------------------------------------------------------
    def _on_view_remove_empty(self, entry: Entry) -> None:
        if not self._editable:
            return
        s, b = entry.s, entry.b
        if entry.kind == BLOCK:

            def drop(d: DocumentText) -> tuple[Key, int | None]:
                block = d.sections[s].blocks[b]
                if block.items:
                    return (BLOCK, s, b, -1), 0
                ed.delete_block(d, s, b)
                if b > 0:
                    prev = d.sections[s].blocks[b - 1]
                    if prev.items:
                        last = len(items_ed.flat_items(prev.items)) - 1
                        return (ITEM, s, b - 1, last), None
                    return (BLOCK, s, b - 1, -1), None
                return (HEADING, s, -1, -1), None

            self._view_structural("Delete paragraph", drop)
        elif entry.kind == ITEM:
            flat = entry.flat

            def drop_item(d: DocumentText) -> tuple[Key, int | None]:
                items_ed.delete_item(d, s, b, flat)
                if flat > 0:
                    return (ITEM, s, b, flat - 1), None
                return (BLOCK, s, b, -1), None

            self._view_structural("Delete list item", drop_item)

    # -- following the cursor -----------------------------------------------------------------
    def _on_view_entry(self, entry: Entry) -> None:
        self._merge_token += 1  # typing in another block is another undo step
        address = entry.address
        if address is not None and address != self.selected():
            self._view_driving = True
            try:
                self.select(address)
            finally:
                self._view_driving = False

    # -- showing the document ---------------------------------------------------------------
    def _render_view(self, select: Address | None) -> None:
        """Show the document in the view again, the cursor where the edit left it."""
        self._show_in_view()
        focus = self._focus_after
        if focus is not None:
            self.view.place_cursor(focus[0], focus[1], focus=True)
        elif select is not None:
            self._view_driving = True
            try:
                self.view.show_address(select)
            finally:
                self._view_driving = False

    def _patch_view(self, address: Address | None, field: str, value: Any) -> None:
        """One field changed (typing, or undo of typing): show it in its block."""
        if field == "title":
            self.view.set_text(("title", -1, -1, -1), value)
        elif field == "heading":
            assert address is not None
            if not self.view.set_text(("heading", address[0], -1, -1), value):
                self._render_view(address)
        elif field == "text":
            assert address is not None and address[1] is not None
            self.view.set_text(("block", address[0], int(address[1]), -1), value)
        else:  # a list's items (typing in an item) or style: as text where it can be
            assert address is not None and address[1] is not None
            from mop_desktop.domain.item_editing import flat_items

            s, b = address[0], address[1]
            entries = flat_items(self._doc.sections[s].blocks[b].items)
            shown = [e for e in self.view.entries() if e.kind == ITEM and (e.s, e.b) == (s, b)]
            same_shape = [e.depth for e in shown] == [d for d, _i in entries]
            if field != "items" or not same_shape:
                self._render_view(address)
                return
            for flat, (_depth, item) in enumerate(entries):
                self.view.set_text((ITEM, s, b, flat), item.text)
        self.schedule_changes()

    # -- view options ---------------------------------------------------------------------------
    def clause_by_clause(self) -> bool:
        return self._clause_by_clause

    def set_clause_by_clause(self, on: bool) -> None:
        """The older form for one part at a time instead of the document view."""
        self._clause_by_clause = on
        self.view.setVisible(not on)
        self.form.editorStack.setVisible(on)
        if on:
            self.form.splitter.setSizes([380, 0, 560])
        else:
            self.form.splitter.setSizes([300, 700, 0])

    def show_changes_on(self) -> bool:
        return self._show_changes

    def adopted(self) -> DocumentText | None:
        """The last adopted version's text, read from the store once per version shown."""
        if not self._adopted_loaded:
            self._adopted = adopted_text(self.app.store) if self.current is not None else None
            self._adopted_loaded = True
        return self._adopted

    def set_show_changes(self, on: bool) -> None:
        """Mark the draft against the last adopted version in the document view."""
        self._show_changes = on
        for control in (self.actions_.show_changes, self.show_changes_button):
            if control.isChecked() != on:
                control.setChecked(on)
        if on and self.adopted() is None:
            self.app.statusMessage.emit(
                "There is no adopted version yet: every clause shows as new"
            )
        self._refresh_changes()

    def _refresh_changes(self) -> None:
        self.changes_timer.stop()
        cursor = self.view.textCursor()
        entry = self.view.entry_at_cursor()
        offset = self.view.offset_in_text(cursor) if entry is not None else 0
        scroll = self.view.verticalScrollBar().value()
        had_focus = self.view.hasFocus()
        self._show_in_view()
        if entry is not None:
            self.view.place_cursor(entry.key, offset, focus=had_focus)
        self.view.verticalScrollBar().setValue(scroll)

    # -- numbering --------------------------------------------------------------------------
    def number_whole_document(self, numbered: bool) -> None:
        """Number every section and clause, or take every number off: one undoable step."""
        select = self.selected()

        def change(d: DocumentText) -> Address | None:
            ed.number_document(d, numbered)
            return select

        self._structural(
            "Number the whole document" if numbered else "Take all numbers off", change
        )

    # -- show changes ---------------------------------------------------------------------------
    def schedule_changes(self) -> None:
        if self.show_changes_on():
            self.changes_timer.start(CHANGES_DEBOUNCE_MS)

    def diff_for_view(self) -> Any:
        if not self.show_changes_on() or self.current is None:
            return None
        return compare(self.adopted(), self._doc)

    def _show_in_view(self) -> None:
        diff = self.diff_for_view()
        why = notes_by_entry(diff, self.change_notes()) if diff is not None else None
        self.view.set_document(self._doc, self._editable, diff, why=why)

    # -- why it changed -------------------------------------------------------------------
    def change_notes(self) -> list[ChangeNote]:
        """The draft's why-it-changed notes, read from the store once per version shown."""
        if self._notes is None:
            self._notes = load_notes(self.app.store) if self._editable else []
        return self._notes

    def note_why_changed(self) -> None:
        """Ask for the note of the change at the cursor (the changes are shown first)."""
        if not self._editable or self.current is None:
            return
        if not self.show_changes_on():
            self.set_show_changes(True)
        index = self.view.change_at_cursor()
        diff = self.diff_for_view()
        if diff is None or not 0 <= index < len(diff.entries):
            self.app.statusMessage.emit("Put the cursor in a changed clause to say why it changed")
            return
        change = diff.entries[index]
        if not (change.changed or change.renumbered):
            self.app.statusMessage.emit(
                f"{change.label} is as adopted: there is no change to explain"
            )
            return
        found = note_for(change, self.change_notes())
        text, ok = ask_text(
            self.view,
            "Why it changed",
            f"Why was {change.label} changed? The note is shown beside the "
            "change in the council-pack report.",
            found.note if found else "",
        )
        if not ok:
            return
        notes = set_note(self.change_notes(), change, text)
        try:
            save_notes(self.app.store, notes)
        except Exception as exc:  # shown to the clerk; the note is not kept
            self.app.statusMessage.emit(f"The note could not be saved: {exc}")
            return
        self._notes = notes
        self._refresh_changes()
        self.app.statusMessage.emit("Note saved" if text.strip() else "Note removed")


def _split_block(d: DocumentText, s: int, b: int, offset: int) -> tuple[Key, int | None]:
    """Enter in a clause: the text after the cursor starts the next clause (at the end: a new
    empty clause). Enter at the end of a clause that leads into a list starts a first item."""
    block = d.sections[s].blocks[b]
    text = block.text
    if offset >= len(text.rstrip()) and block.items:
        new = items_ed.insert_item(d, s, b, 0, 0, "")
        return (ITEM, s, b, new), 0
    before, after = text[:offset], text[offset:]
    block.text = before.rstrip() if after.strip() else before
    at = ed.add_block(d, s, b + 1, text=after.lstrip(), level=block.level, numbered=block.numbered)
    if after.strip() and block.items:  # the list follows the text it stood under
        following = d.sections[s].blocks[at]
        following.items, following.list_style = block.items, block.list_style
        block.items, block.list_style = [], None
    return (BLOCK, s, at, -1), 0
