"""The document view's blocks made from its lines: all of them at once on loading, or only
the stretch that differs after an edit (numbers are painted, so renumbering changes no block);
with the change marks' formats (the council-pack report's colours).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import (
    QColor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from mop_desktop.gui.protocol.editor.change_marks import BlockMarks
from mop_desktop.gui.protocol.editor.view_lines import Line, changed_run

GHOST = QTextFormat.Property.UserProperty + 1  # text shown for the changes, not the clause's
INSERT_COLOUR = QColor("#0B5CAD")  # the council-pack report's colours
DELETE_COLOUR = QColor("#B3261E")
NOTE_COLOUR = QColor("#6B4E00")
INSERT_TINT = QColor(11, 92, 173, 40)

Formats = Callable[[Line], tuple[QTextBlockFormat, QTextCharFormat]]


def signature(line: Line, mark: BlockMarks | None) -> tuple[object, ...]:
    return (line.entry.kind, line.indent, line.text, repr(mark) if mark else "")


def sync_blocks(
    document: QTextDocument,
    old: list[Line],
    old_marks: dict[int, BlockMarks],
    lines: list[Line],
    marks: dict[int, BlockMarks],
    formats: Formats,
) -> bool:
    """Replace only the stretch of blocks that differs. False when it is better built anew
    (nothing shown yet, the title changed, more than a third differs)."""
    if not old or document.blockCount() != len(old):
        return False
    before = [signature(ln, old_marks.get(i)) for i, ln in enumerate(old)]
    after = [signature(ln, marks.get(i)) for i, ln in enumerate(lines)]
    if before == after:
        return True
    _tag, i1, i2, j1, j2 = changed_run(before, after)
    if i1 == 0 or j1 == 0:
        return False  # the title line is never replaced in place
    if max(i2 - i1, j2 - j1) > len(old) // 3:
        return False
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    prev = document.findBlockByNumber(i1 - 1)
    end_of_prev = prev.position() + prev.length() - 1
    if i2 > i1:
        last = document.findBlockByNumber(i2 - 1)
        cursor.setPosition(end_of_prev)
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    cursor.setPosition(end_of_prev)
    for j in range(j1, j2):
        bf, cf = formats(lines[j])
        cursor.insertBlock(bf, cf)
        insert_line(cursor, lines[j].text, cf, marks.get(j))
    block = document.begin()
    index = 0
    while block.isValid():
        if block.userState() != index:
            block.setUserState(index)
        block = block.next()
        index += 1
    cursor.endEditBlock()
    return True


def build_blocks(
    document: QTextDocument, lines: list[Line], marks: dict[int, BlockMarks], formats: Formats
) -> None:
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for index, line in enumerate(lines):
        bf, cf = formats(line)
        if index == 0:
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
        else:
            cursor.insertBlock(bf, cf)
        cursor.block().setUserState(index)
        insert_line(cursor, line.text, cf, marks.get(index))
    cursor.endEditBlock()


def insert_line(
    cursor: QTextCursor, text: str, cf: QTextCharFormat, mark: BlockMarks | None
) -> None:
    """A line's text at the cursor, with its change marks if it has any."""
    if mark is None:
        cursor.insertText(text, cf)
        return
    if mark.note:
        cursor.insertText(f"[{mark.note}] ", ghost_format(cf, note=True))
    for span in mark.spans:
        if span.kind == "delete":
            cursor.insertText(span.text, ghost_format(cf))
        elif span.kind == "insert":
            cursor.insertText(text[span.start : span.end], insert_format(cf))
        else:
            cursor.insertText(text[span.start : span.end], cf)


def ghost_format(cf: QTextCharFormat, note: bool = False) -> QTextCharFormat:
    """Deleted words (struck through, red) or a note in brackets (italic, brown): shown, not
    part of the clause's text."""
    out = QTextCharFormat(cf)
    out.setProperty(GHOST, True)
    if note:
        font = out.font()
        font.setItalic(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        out.setFont(font)
        out.setForeground(NOTE_COLOUR)
    else:
        out.setFontStrikeOut(True)
        out.setForeground(DELETE_COLOUR)
    return out


def insert_format(cf: QTextCharFormat) -> QTextCharFormat:
    """Inserted words: tinted and underlined (dashed), so they do not look like a link."""
    out = QTextCharFormat(cf)
    out.setBackground(INSERT_TINT)
    out.setForeground(INSERT_COLOUR)
    out.setFontUnderline(True)
    out.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    out.setUnderlineColor(INSERT_COLOUR)
    return out
