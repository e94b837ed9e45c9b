"""The edits the protocol page makes: structure (add, insert, delete, move, indent, numbering),
typing in a field, and find and replace. Each is one undoable step on the page's undo stack,
made with the operations of ``domain/editing.py`` on a copy of the document.

``EditsMixin`` is mixed into ``ProtocolPage``, which provides the document, the selection and
the undo stack (see the attributes below).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack

from mop_desktop.domain import editing as ed
from mop_desktop.domain.document import DocumentText
from mop_desktop.gui.protocol.editor.block_editor import BlockEditor, item_offset
from mop_desktop.gui.protocol.editor.commands import FieldCommand, SnapshotCommand
from mop_desktop.gui.protocol.editor.outline_model import Address

if TYPE_CHECKING:
    from mop_desktop.gui.protocol.editor.find_replace import FindReplace
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.services.drafts import CurrentText


class EditsMixin:
    app: AppContext
    _doc: DocumentText
    _editable: bool
    _merge_token: int
    undo_stack: QUndoStack
    editor: BlockEditor
    finder: FindReplace
    current: CurrentText | None

    def selected(self) -> Address | None:  # provided by the page
        raise NotImplementedError

    def select(self, address: Address | None) -> None:  # provided by the page
        raise NotImplementedError

    def _update_controls(self) -> None:  # provided by the page
        raise NotImplementedError

    def apply_document(self, doc: DocumentText, select: Address | None) -> None:  # the page
        raise NotImplementedError

    def apply_field(self, address: Address | None, field: str, value: Any) -> None:  # the page
        raise NotImplementedError

    def focus_main_field(self) -> None:  # the page: the document view or the form's field
        raise NotImplementedError

    # -- edits --------------------------------------------------------------------------------
    def _structural(self, label: str, change: Callable[[DocumentText], Address | None]) -> None:
        """Make ``change`` on a copy; push it as one undo step if it changed anything."""
        if not self._editable:
            return
        before = self._doc.clone()
        after = self._doc.clone()
        select = change(after)
        after.renumber()
        if after.canonical_json() == before.canonical_json() and select == self.selected():
            return
        self._merge_token += 1
        self.undo_stack.push(SnapshotCommand(self, label, before, after, self.selected(), select))

    def renumber_by_position(self) -> None:
        """Drop the numbers kept from the imported source and number by position: one undo
        step."""
        select = self.selected()
        self._structural("Renumber", lambda d: (ed.renumber_by_position(d), select)[1])

    def add_section(self) -> None:
        address = self.selected()
        at = address[0] + 1 if address is not None else len(self._doc.sections)
        self._structural("Add section", lambda d: (ed.add_section(d, "", at), None))
        self.focus_main_field()

    def add_clause(self, above: bool = False) -> None:
        address = self.selected()

        def change(d: DocumentText) -> Address:
            if not d.sections:
                ed.add_section(d, "")
            if address is None:
                s, at = (0, 0) if above else (len(d.sections) - 1, None)
            elif address[1] is None:
                s, at = address[0], (0 if above else None)
            else:
                s, at = address[0], address[1] + (0 if above else 1)
            return (s, ed.add_block(d, s, at))

        self._structural("Insert clause above" if above else "Add clause", change)
        self.focus_main_field()

    def insert_clause_above(self) -> None:
        self.add_clause(above=True)

    def delete_selected(self) -> None:
        address = self.selected()
        if address is None:
            return
        s, b = address

        def change(d: DocumentText) -> Address | None:
            if b is None:
                ed.delete_section(d, s)
                return (min(s, len(d.sections) - 1), None) if d.sections else None
            ed.delete_block(d, s, b)
            left = len(d.sections[s].blocks)
            return (s, min(b, left - 1)) if left else (s, None)

        what = self._describe(address)
        self._structural(f"Delete {what}", change)
        self.app.statusMessage.emit(f"Deleted {what}. Undo (Ctrl+Z) brings it back.")

    def move_selected(self, step: int) -> None:
        address = self.selected()
        if address is None:
            return
        s, b = address

        def change(d: DocumentText) -> Address:
            if b is None:
                return (ed.move_section(d, s, max(0, s + step)), None)
            mover = ed.move_block_up if step < 0 else ed.move_block_down
            return mover(d, s, b)

        self._structural(f"Move {self._describe(address)}", change)

    def move_to(self, source: Address, target: Address) -> None:
        """A drag in the outline: ``target`` counted after the source is taken out."""
        s, b = source
        t_s, t_b = target

        def change(d: DocumentText) -> Address:
            if b is None:
                return (ed.move_section(d, s, t_s), None)
            return ed.move_block(d, s, b, t_s, t_b or 0)

        self._structural(f"Move {self._describe(source)}", change)

    def set_level(self, level: int) -> None:
        address = self.selected()
        if address is None or address[1] is None:
            return
        s, b = address[0], address[1]
        label = "Indent clause" if level == 2 else "Outdent clause"
        if level == 2 and not ed.can_indent(self._doc, s, b):
            self.editor.load(self._doc, address, self._editable)  # the level shown stays
            self._update_controls()
            return

        def change(d: DocumentText) -> Address:
            ed.set_block_level(d, s, b, level)
            return (s, b)

        self._structural(label, change)

    def set_numbered(self, numbered: bool) -> None:
        address = self.selected()
        if address is None:
            return
        s, b = address

        def change(d: DocumentText) -> Address:
            if b is None:
                ed.set_section_numbered(d, s, numbered)
            else:
                ed.set_block_numbered(d, s, b, numbered)
            return address

        self._structural("Number" if numbered else "Remove number", change)
        self._update_controls()

    def _on_editor_edit(self, field: str, value: Any) -> None:
        address = self.editor.address
        if address is None or not self._editable:
            return
        s, b = address
        if field == "heading":
            self._field_edit(address, "heading", value)
            return
        if b is None:
            return
        block = self._doc.sections[s].blocks[b]
        if field == "items":
            items = ed.text_to_items(value, like=block.items)
            if items != block.items:
                self._field_edit(address, "items", items)
        elif field == "list_style":
            if value != block.list_style:
                self._field_edit(address, "list_style", value, merge=False)
        elif field == "sub_list_style":
            self.set_sub_list_style(s, b, value)
        else:
            self._field_edit(address, field, value)

    def set_sub_list_style(self, s: int, b: int, style: str) -> None:
        """The style of the clause's sub-lists at the first level, as one undo step."""

        def change(d: DocumentText) -> Address:
            ed.set_sub_list_style(d, s, b, style)
            return (s, b)

        self._structural(f"Sub-list style in {self._describe((s, b))}", change)

    def _field_edit(
        self, address: Address | None, field: str, value: Any, merge: bool = True
    ) -> None:
        if not self._editable:
            return
        if field == "title":
            old: Any = self._doc.title
        elif field == "heading":
            old = self._doc.sections[address[0]].heading  # type: ignore[index]
        else:
            assert address is not None and address[1] is not None
            old = getattr(self._doc.sections[address[0]].blocks[address[1]], field)
        if old == value:
            return
        where = "the title" if address is None else self._describe(address)
        label = {"list_style": "List style"}.get(field, "Typing") + f" in {where}"
        token = self._merge_token if merge else None
        self.undo_stack.push(FieldCommand(self, label, address, field, old, value, token))

    def _describe(self, address: Address) -> str:
        s, b = address
        section = self._doc.sections[s]
        if b is None:
            return f"section {section.number}" if section.number else "section"
        number = section.blocks[b].number
        return f"clause {number}" if number else "paragraph"

    # -- find and replace ---------------------------------------------------------------------
    def open_find(self, replace: bool = False) -> None:
        if self.current is None:
            return
        initial = ""
        for edit in (self.editor.form.textEdit, self.editor.form.listEdit):
            if edit.hasFocus():
                initial = edit.textCursor().selectedText()
        self.finder.open(replace=replace, initial=initial)

    def show_match(self, match: ed.Match) -> None:
        if match.field == "title":
            self.editor.select_range("title", match.start, match.end)
            return
        address: Address = (match.section, None if match.field == "heading" else match.block)
        self.select(address)
        offset = 0
        if match.field == "item":
            block = self._doc.sections[match.section].blocks[match.block]
            offset = item_offset(block.items, match.item)
        self.editor.select_range(match.field, match.start, match.end, offset)

    def replace_match(self, match: ed.Match, replacement: str, needle: str) -> bool:
        if ed.field_text(self._doc, match)[match.start : match.end].casefold() != needle.casefold():
            return False
        if match.field == "title":
            select = self.selected()
        else:
            select = (match.section, None if match.field == "heading" else match.block)

        def change(d: DocumentText) -> Address | None:
            ed.replace_one(d, match, replacement, needle)
            return select

        self._structural("Replace", change)
        return True

    def replace_everywhere(self, needle: str, replacement: str, case_sensitive: bool) -> int:
        count = len(ed.find(self._doc, needle, case_sensitive))
        select = self.selected()

        def change(d: DocumentText) -> Address | None:
            ed.replace_all(d, needle, replacement, case_sensitive)
            return select

        if count:
            self._structural(f"Replace all \u201c{needle}\u201d", change)
        return count
