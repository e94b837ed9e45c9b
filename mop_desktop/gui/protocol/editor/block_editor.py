"""The panel beside the outline: edits the selected section (heading, numbered) or clause
(text, level, numbered, the list below it).

It only shows values and reports what the clerk typed or chose; the page turns each report
into an undoable edit. Loading values never reports them back, and a field that already shows
the value is left alone so the cursor does not jump while typing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from mop_desktop.domain.document import DocumentText, ListItem
from mop_desktop.domain.editing import INDENT, items_to_text, sub_list_style, text_to_items
from mop_desktop.gui.forms.ui_protocol_page import Ui_ProtocolPage
from mop_desktop.gui.protocol.editor.outline_model import Address

LIST_STYLE_ORDER = ("bullet", "lower-alpha", "lower-roman", "decimal")

NOTHING, SECTION, BLOCK = 0, 1, 2
SELECT_SOMETHING = "Select a section or clause in the outline to edit it."
EMPTY_DRAFT = "The draft is empty: Add section or Add clause (Ctrl+Return) starts it again."
LIST_HINT = "One item per line. Start a line with two spaces for a sub-item."
SUB_LIST_TIP = (
    "Style of the sub-lists (lines starting with two spaces); deeper sub-lists keep their own"
)
NO_SUB_LIST_TIP = "Start a line with two spaces to make a sub-list, then choose its style here"


class UndoKeysToStack(QObject):
    """Keeps Ctrl+Z / Ctrl+Y away from a text field's own undo, so they reach the editor's
    undo stack (one history for every edit)."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            if any(event.matches(key) for key in self.KEYS):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.ignore()
                return True
        return False


def item_offset(items: list[ListItem], path: tuple[int, ...]) -> int:
    """Where the item at ``path`` starts in ``items_to_text(items)``."""
    offset = 0

    def walk(entries: list[ListItem], depth: int, prefix: tuple[int, ...]) -> bool:
        nonlocal offset
        for i, item in enumerate(entries):
            here = prefix + (i,)
            if here == path:
                offset += len(INDENT) * depth
                return True
            offset += len(INDENT) * depth + len(item.text) + 1
            if walk(item.items, depth + 1, here):
                return True
        return False

    walk(items, 0, ())
    return offset


class BlockEditor(QObject):
    # field ("heading", "text", "items", "list_style", "sub_list_style"), value
    edited = Signal(str, object)
    numberedToggled = Signal(bool)
    levelChosen = Signal(int)

    def __init__(self, form: Ui_ProtocolPage, root: QWidget) -> None:
        super().__init__(root)
        self.form = form
        self._loading = False
        self.address: Address | None = None
        big = QFont(form.blockNumberLabel.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        form.blockNumberLabel.setFont(big)
        form.sectionNumberLabel.setFont(big)
        self.undo_keys = UndoKeysToStack(self)
        for widget in (form.headingEdit, form.textEdit, form.listEdit, form.titleEdit):
            widget.installEventFilter(self.undo_keys)
        for edit in (form.textEdit, form.listEdit):
            edit.setUndoRedoEnabled(False)
        form.headingEdit.textEdited.connect(lambda t: self._report("heading", t))
        form.textEdit.textChanged.connect(lambda: self._report("text", form.textEdit.toPlainText()))
        form.listEdit.textChanged.connect(
            lambda: self._report("items", form.listEdit.toPlainText())
        )
        form.listStyleCombo.activated.connect(
            lambda i: self._report("list_style", LIST_STYLE_ORDER[i])
        )
        form.subListStyleCombo.activated.connect(
            lambda i: self._report("sub_list_style", LIST_STYLE_ORDER[i])
        )
        form.sectionNumberedCheck.clicked.connect(self._numbered_clicked)
        form.blockNumberedCheck.clicked.connect(self._numbered_clicked)
        form.levelCombo.activated.connect(lambda i: self._emit_level(i + 1))

    # -- reports ------------------------------------------------------------------------------
    def _report(self, field: str, value: object) -> None:
        if not self._loading:
            self.edited.emit(field, value)

    def _numbered_clicked(self, checked: bool) -> None:
        if not self._loading:
            self.numberedToggled.emit(checked)

    def _emit_level(self, level: int) -> None:
        if not self._loading:
            self.levelChosen.emit(level)

    # -- showing ------------------------------------------------------------------------------
    def load(self, doc: DocumentText, address: Address | None, editable: bool) -> None:
        self._loading = True
        try:
            self.address = address
            self._load(doc, address, editable)
        finally:
            self._loading = False

    def _load(self, doc: DocumentText, address: Address | None, editable: bool) -> None:
        f = self.form
        if address is None or address[0] >= len(doc.sections):
            self.address = None
            f.nothingLabel.setText(
                EMPTY_DRAFT if editable and not doc.sections else SELECT_SOMETHING
            )
            f.editorStack.setCurrentIndex(NOTHING)
            return
        s, b = address
        section = doc.sections[s]
        if b is None:
            f.editorStack.setCurrentIndex(SECTION)
            f.sectionNumberLabel.setText(
                f"Section {section.number}" if section.number else "Unnumbered section"
            )
            _set_line(f.headingEdit, section.heading)
            f.headingEdit.setReadOnly(not editable)
            f.sectionNumberedCheck.setChecked(section.numbered)
            f.sectionNumberedCheck.setEnabled(editable)
            return
        block = section.blocks[b]
        f.editorStack.setCurrentIndex(BLOCK)
        if not block.number:
            caption = "Paragraph (unnumbered)"
        elif block.level >= 2:
            caption = f"Sub-clause {block.number}"
        else:
            caption = f"Clause {block.number}"
        f.blockNumberLabel.setText(caption)
        f.levelCombo.setCurrentIndex(1 if block.level >= 2 else 0)
        f.levelCombo.setEnabled(editable)
        f.blockNumberedCheck.setChecked(block.numbered)
        f.blockNumberedCheck.setEnabled(editable)
        _set_plain(f.textEdit, block.text)
        f.textEdit.setReadOnly(not editable)
        style = block.list_style if block.list_style in LIST_STYLE_ORDER else "bullet"
        f.listStyleCombo.setCurrentIndex(LIST_STYLE_ORDER.index(style))
        f.listStyleCombo.setEnabled(editable)
        sub_style = sub_list_style(block.items)
        has_sub_list = any(item.items for item in block.items)
        sub_style = sub_style if sub_style in LIST_STYLE_ORDER else "bullet"
        f.subListStyleCombo.setCurrentIndex(LIST_STYLE_ORDER.index(sub_style))
        f.subListStyleCombo.setEnabled(editable and has_sub_list)
        f.subListStyleCombo.setToolTip(SUB_LIST_TIP if has_sub_list else NO_SUB_LIST_TIP)
        if text_to_items(f.listEdit.toPlainText(), like=block.items) != block.items:
            _set_plain(f.listEdit, items_to_text(block.items))
        f.listEdit.setReadOnly(not editable)
        f.listEdit.setPlaceholderText(LIST_HINT if editable else "")

    def select_range(self, field: str, start: int, end: int, items_offset: int = 0) -> None:
        """Select found text in the field that shows it (after ``load``)."""
        f = self.form
        if field == "title":
            f.titleEdit.setFocus()
            f.titleEdit.setSelection(start, end - start)
        elif field == "heading":
            f.headingEdit.setFocus()
            f.headingEdit.setSelection(start, end - start)
        else:
            edit = f.textEdit if field == "text" else f.listEdit
            cursor = edit.textCursor()
            cursor.setPosition(items_offset + start)
            cursor.setPosition(items_offset + end, QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            edit.setFocus()

    def focus_main_field(self) -> None:
        if self.form.editorStack.currentIndex() == SECTION:
            self.form.headingEdit.setFocus()
        elif self.form.editorStack.currentIndex() == BLOCK:
            self.form.textEdit.setFocus()


def _set_line(edit: QLineEdit, value: str) -> None:
    if edit.text() != value:
        edit.setText(value)


def _set_plain(edit: QPlainTextEdit, value: str) -> None:
    if edit.toPlainText() != value:
        edit.setPlainText(value)
        edit.moveCursor(QTextCursor.MoveOperation.End)  # ready to carry on typing
