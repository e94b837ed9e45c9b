"""The document view: the whole protocol in flow, as it will print, edited in place.

One ``QTextEdit`` holds the title, every heading, clause and list item, one ``QTextBlock``
each, in reading order. Each block's user state is the index of its ``Entry`` (what the block
shows: the title, a heading, a clause or a list item), so an edit in a block is known to be an
edit of that clause. Numbers and list markers are not text: they are painted in the margin the
block leaves free on its left (like a code editor's line numbers), from ``Block.number`` and
``Section.number`` as the document gives them; they cannot be typed over.

The view only shows text and reports: typing in a block reports the block's new text
(``textEdited``); Enter, Tab, Shift+Tab and Backspace at the start of an empty block report
what the clerk asked for. The page turns each report into an undoable edit and tells the view
what changed (``set_text`` for typing and undo of typing, ``set_document`` after structural
edits), so the text never changes behind the undo stack's back. Edits that would join or split
blocks other than through those keys (typing over a selection spanning clauses, pasting
several lines) are refused or flattened.

With "Show changes" on, ``set_marks`` overlays the comparison with the adopted version:
inserted words tinted and underlined, deleted words and removed clauses struck through, and
notes in brackets; the deleted words are kept out of the clause text (see ``GHOST``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from mop_desktop.domain.diff import DocumentDiff
from mop_desktop.domain.document import DocumentText
from mop_desktop.gui.protocol.editor.block_editor import UndoKeysToStack
from mop_desktop.gui.protocol.editor.change_marks import BlockMarks
from mop_desktop.gui.protocol.editor.outline_model import Address
from mop_desktop.gui.protocol.editor.view_blocks import (
    DELETE_COLOUR,
    GHOST,
    build_blocks,
    sync_blocks,
)
from mop_desktop.gui.protocol.editor.view_lines import (
    BLOCK,
    HEADING,
    ITEM,
    REMOVED,
    TITLE,
    Entry,
    Line,
    Widths,
    layout,
    with_marks,
)
from mop_desktop.gui.shell.none_refcount import guard

guard()  # this view makes many Qt calls: keep PySide6 6.12 on Python 3.11 from aborting


class DocumentView(QTextEdit):
    textEdited = Signal(object, str)  # Entry, the block's new text
    entryChanged = Signal(object)  # Entry: the cursor moved into another block
    enterPressed = Signal(object, int)  # Entry, cursor offset in its text
    shiftPressed = Signal(object, int)  # Entry, +1 (Tab) or -1 (Shift+Tab)
    removeEmptyPressed = Signal(object)  # Entry: Backspace at the start of an empty block
    structureBroken = Signal()  # blocks joined or split some other way: show the model again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setAccessibleName("Protocol text")
        self.setUndoRedoEnabled(False)  # one history: the page's undo stack
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)
        self.setTabChangesFocus(False)
        self.undo_keys = UndoKeysToStack(self)
        self.installEventFilter(self.undo_keys)
        self.document().setDocumentMargin(18)
        self._lines: list[Line] = []
        self._texts: list[str] = []  # the clause text each block stands for
        self._ghosts: set[int] = set()  # blocks holding change marks that are not text
        self._quiet = False
        self._current: Entry | None = None
        self._format_cache: dict[
            tuple[str, float, str], tuple[QTextBlockFormat, QTextCharFormat]
        ] = {}
        self._marks: dict[int, BlockMarks] = {}
        #: adds to the right-click menu: (menu, document position clicked)
        self.context_menu_hook: Callable[[QMenu, int], None] | None = None
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- building -----------------------------------------------------------------------------
    def _widths(self) -> Widths:
        fm = self.fontMetrics()
        return Widths(
            fm.horizontalAdvance("00.00") + fm.averageCharWidth() * 2,
            fm.horizontalAdvance("00.00.00") + fm.averageCharWidth() * 2,
            fm.horizontalAdvance("viii)") + fm.averageCharWidth() * 2,
        )

    def _formats(self, line: Line) -> tuple[QTextBlockFormat, QTextCharFormat]:
        key = (line.entry.kind, line.indent, self.font().key())
        cached = self._format_cache.get(key)
        if cached is None:
            cached = self._format_cache[key] = self._make_formats(line)
        return cached

    def _make_formats(self, line: Line) -> tuple[QTextBlockFormat, QTextCharFormat]:
        bf = QTextBlockFormat()
        cf = QTextCharFormat()
        font = QFont(self.font())
        kind = line.entry.kind
        bf.setLeftMargin(line.indent)
        if kind == TITLE:
            font.setPointSizeF(font.pointSizeF() * 1.45)
            font.setBold(True)
            bf.setBottomMargin(8)
        elif kind == HEADING:
            font.setPointSizeF(font.pointSizeF() * 1.12)
            font.setBold(True)
            bf.setTopMargin(14)
            bf.setBottomMargin(4)
            bf.setLeftMargin(line.indent)
        elif kind == ITEM:
            bf.setTopMargin(2)
        else:
            bf.setTopMargin(6)
        cf.setFont(font)
        return bf, cf

    def set_document(
        self,
        doc: DocumentText,
        editable: bool,
        diff: DocumentDiff | None = None,
        fresh: bool = False,
        why: dict[int, str] | None = None,
    ) -> None:
        """Show ``doc`` anew (after a structural edit, undo, loading another version); with
        ``diff``, marked against the adopted version. Only the blocks that differ from what
        is shown are replaced, unless ``fresh``."""
        widths = self._widths()
        lines = layout(doc, widths)
        marks: dict[int, BlockMarks] = {}
        if diff is not None:
            lines, marks = with_marks(lines, diff, widths, doc.numbered, why)
        keep = self._current.key if self._current else None
        self.setReadOnly(not editable)
        if fresh or not self._sync(lines, marks):
            self._build(lines, marks)
        self._lines, self._marks = lines, marks
        self._texts = [line.text for line in lines]
        self._ghosts = set(marks)
        self._current = None
        if keep is not None:
            self._current = next((ln.entry for ln in lines if ln.entry.key == keep), None)
        self.viewport().update()

    def _sync(self, lines: list[Line], marks: dict[int, BlockMarks]) -> bool:
        """Change only the blocks that differ from what is shown. False: build anew."""
        self._quiet = True
        try:
            return sync_blocks(
                self.document(), self._lines, self._marks, lines, marks, self._formats
            )
        finally:
            self._quiet = False

    def _build(self, lines: list[Line], marks: dict[int, BlockMarks]) -> None:
        self._quiet = True
        try:
            build_blocks(self.document(), lines, marks, self._formats)
        finally:
            self._quiet = False

    # -- reading the blocks -------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        return [line.entry for line in self._lines]

    def line_texts(self) -> list[tuple[str, str]]:
        """(marker, text) of every block as the clerk reads it (tests, accessibility)."""
        out = []
        block = self.document().begin()
        while block.isValid():
            index = block.userState()
            marker = self._lines[index].marker if 0 <= index < len(self._lines) else ""
            out.append((marker, block.text()))
            block = block.next()
        return out

    def _block_text(self, block: QTextBlock) -> str:
        """The clause's text in a block: without the change marks that are not text."""
        if block.userState() not in self._ghosts:
            return block.text()
        parts = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and not fragment.charFormat().property(GHOST):
                parts.append(fragment.text())
            it += 1
        return "".join(parts)

    def change_at_cursor(self) -> int:
        """With the changes shown: the index in the comparison's entries of the change the
        cursor's line belongs to (a list item's: its clause's); -1 for none."""
        block = self.textCursor().block()
        while block.isValid():
            mark = self._marks.get(block.userState())
            if mark is not None and mark.kind != "item" and mark.entry >= 0:
                return mark.entry
            line = (
                self._lines[block.userState()]
                if 0 <= block.userState() < len(self._lines)
                else None
            )
            if line is None or line.entry.kind not in (ITEM, REMOVED):
                return -1
            block = block.previous()
        return -1

    def entry_at_cursor(self) -> Entry | None:
        index = self.textCursor().block().userState()
        return self._lines[index].entry if 0 <= index < len(self._lines) else None

    def offset_in_text(self, cursor: QTextCursor) -> int:
        """The cursor's place in the clause's text (change marks not counted)."""
        block = cursor.block()
        column = cursor.positionInBlock()
        if block.userState() not in self._ghosts:
            return column
        offset = 0
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            start = fragment.position() - block.position()
            if start >= column:
                break
            if not fragment.charFormat().property(GHOST):
                offset += min(fragment.length(), column - start)
            it += 1
        return offset

    def _block_of(self, key: tuple[str, int, int, int]) -> QTextBlock | None:
        for index, line in enumerate(self._lines):
            if line.entry.key == key:
                return self.document().findBlockByNumber(index)
        return None

    # -- patching and placing the cursor ------------------------------------------------------
    def set_text(self, entry_key: tuple[str, int, int, int], text: str) -> bool:
        """Show ``text`` in one block (undo, redo, typing in the old editor). False when the
        block is not there."""
        block = self._block_of(entry_key)
        if block is None:
            return False
        index = block.userState()
        if self._texts[index] == text and self._block_text(block) == text:
            return True
        self._quiet = True
        try:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText(text, block.charFormat())
            self._texts[index] = text
            self._lines[index].text = text
            self._ghosts.discard(index)
            self._marks.pop(index, None)
        finally:
            self._quiet = False
        return True

    def place_cursor(
        self, key: tuple[str, int, int, int], offset: int | None = 0, focus: bool = False
    ) -> None:
        """Put the cursor in a block (``offset`` None: at its end) and scroll to it."""
        block = self._block_of(key)
        if block is None:
            return
        cursor = QTextCursor(block)
        length = len(block.text())
        column = length if offset is None else min(max(offset, 0), length)
        if block.userState() in self._ghosts and offset is not None:
            column = self._column_for(block, offset)
        cursor.setPosition(block.position() + column)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if focus:
            self.setFocus()

    def _column_for(self, block: QTextBlock, offset: int) -> int:
        it = block.begin()
        left = offset
        while not it.atEnd():
            fragment = it.fragment()
            start = fragment.position() - block.position()
            if not fragment.charFormat().property(GHOST):
                if left <= fragment.length():
                    return start + left
                left -= fragment.length()
            it += 1
        return len(block.text())

    def select_range(self, key: tuple[str, int, int, int], start: int, end: int) -> None:
        """Select ``start``-``end`` of a block's text (a match of Find) and show it."""
        self.place_cursor(key, start, focus=True)
        block = self._block_of(key)
        if block is None:
            return
        cursor = self.textCursor()
        column = end if block.userState() not in self._ghosts else self._column_for(block, end)
        cursor.setPosition(block.position() + column, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def show_address(self, address: Address | None) -> None:
        """Scroll to an outline row's heading or clause and put the cursor there."""
        if address is None:
            return
        s, b = address
        key = (HEADING, s, -1, -1) if b is None else (BLOCK, s, b, -1)
        if self._block_of(key) is None and b is None:  # text before the first heading
            key = (BLOCK, s, 0, -1)
        self.place_cursor(key, 0)
        cursor_rect = self.cursorRect()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + cursor_rect.top() - self.viewport().height() // 4)

    # -- reports ------------------------------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._quiet or not self._lines:
            return
        if self.document().blockCount() != len(self._lines):
            self.structureBroken.emit()
            return
        block = self.document().findBlock(position)
        last = self.document().findBlock(position + added)
        while block.isValid():
            index = block.userState()
            if 0 <= index < len(self._lines):
                text = self._block_text(block)
                if text != self._texts[index] and self._lines[index].entry.kind != REMOVED:
                    self._texts[index] = text
                    self._lines[index].text = text
                    self.textEdited.emit(self._lines[index].entry, text)
            if block == last:
                break
            block = block.next()

    def _on_cursor_moved(self) -> None:
        entry = self.entry_at_cursor()
        if entry is None or self._quiet:
            return
        if self._current is None or entry.key != self._current.key:
            self._current = entry
            self.entryChanged.emit(entry)

    # -- keys ---------------------------------------------------------------------------------
    def _spans_blocks(self) -> bool:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return False
        doc = self.document()
        return doc.findBlock(cursor.selectionStart()) != doc.findBlock(cursor.selectionEnd())

    @staticmethod
    def _edits(event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            return True
        if event.matches(QKeySequence.StandardKey.Cut) or event.matches(
            QKeySequence.StandardKey.Paste
        ):
            return True
        return bool(event.text()) and event.text().isprintable()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        entry = self.entry_at_cursor()
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if entry is None:
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                event.ignore()  # Ctrl+Return and the like are the page's shortcuts
                return
            if not self._spans_blocks():
                self.enterPressed.emit(entry, self.offset_in_text(self.textCursor()))
            return
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            self.shiftPressed.emit(entry, +1)
            return
        if key == Qt.Key.Key_Backtab:
            self.shiftPressed.emit(entry, -1)
            return
        if not self._edits(event):
            super().keyPressEvent(event)
            return
        if entry.kind == REMOVED or self._spans_blocks():
            return  # removed text is shown, not edited; a clause is joined only by deleting
        cursor = self.textCursor()
        if not cursor.hasSelection():
            block = cursor.block()
            if key == Qt.Key.Key_Backspace and cursor.positionInBlock() == 0:
                if not self._block_text(block).strip():
                    self.removeEmptyPressed.emit(entry)
                return
            if key == Qt.Key.Key_Delete and cursor.atBlockEnd():
                return
            if cursor.charFormat().property(GHOST) or block.userState() in self._ghosts:
                self.setCurrentCharFormat(block.charFormat())
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():  # Qt's own undo is off: the page's Edit menu has them
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        if self.context_menu_hook is not None:
            self.context_menu_hook(menu, self.cursorForPosition(event.pos()).position())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        """Pasting: plain text, on one line (a clause is one paragraph)."""
        entry = self.entry_at_cursor()
        if self.isReadOnly() or self._spans_blocks() or entry is None or entry.kind == REMOVED:
            return
        text = " ".join(source.text().split())
        if text:
            self.textCursor().insertText(text, self.textCursor().block().charFormat())

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab indent and outdent: keep them from moving the focus
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not self.isReadOnly():
                self.keyPressEvent(event)
                return True
        return super().event(event)

    # -- the margin -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._lines:
            return
        painter = QPainter(self.viewport())
        dx = self.horizontalScrollBar().value()
        dy = self.verticalScrollBar().value()
        height = self.viewport().height()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        placeholder = self.palette().color(QPalette.ColorRole.PlaceholderText)
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        while block.isValid():
            layout = block.layout()
            top = layout.position().y() - dy
            if top > height:
                break
            index = block.userState()
            line = self._lines[index] if 0 <= index < len(self._lines) else None
            if line is not None and layout.lineCount():
                first = layout.lineAt(0)
                painter.setFont(block.charFormat().font())
                x = layout.position().x() + line.indent - dx
                y = top + first.y()
                if line.marker:
                    removed = line.entry.kind == REMOVED
                    painter.setPen(DELETE_COLOUR if removed else text_colour)
                    rect = QRectF(x - line.hang, y, line.hang, first.height())
                    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, line.marker)
                if not block.text() and not self.isReadOnly():
                    painter.setPen(placeholder)
                    rect = QRectF(x, y, self.viewport().width(), first.height())
                    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, _EMPTY_HINT[line.entry.kind])
            block = block.next()
        painter.end()


_EMPTY_HINT = {
    TITLE: "Title",
    HEADING: "Heading",
    BLOCK: "Type the clause",
    ITEM: "List item",
    REMOVED: "",
}
