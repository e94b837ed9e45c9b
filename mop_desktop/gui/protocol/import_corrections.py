"""Corrections in the import preview: the clerk says what a line really is, sets the council
and the title, and edits the version history, before anything is saved.

Each correction is an operation of ``domain/import_corrections.py`` applied to the import as
read, so the preview is rebuilt from (the file as read + the corrections); "Undo" takes the last
correction back. The corrections are remembered for that file (services/import_memory.py) when
it is saved, so importing it again gives the corrected result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from mop_desktop.domain import import_corrections as ic
from mop_desktop.domain.dates import DateError, format_short, parse_user_date
from mop_desktop.domain.records import Adoption
from mop_desktop.domain.textdates import parse_text_date

_Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1

#: button name -> the kind of line it marks
MARK_BUTTONS = {
    "markTitleButton": ic.TITLE,
    "markHeadingButton": ic.HEADING,
    "markClauseButton": ic.CLAUSE,
    "markItemButton": ic.ITEM,
    "markParagraphButton": ic.PARAGRAPH,
    "markRemoveButton": ic.REMOVE,
}


def line_index(item: QTreeWidgetItem | None) -> int | None:
    if item is None:
        return None
    value = item.data(0, LINE_ROLE)
    return None if value is None else int(value)


def parse_cell_date(column: int, text: str) -> dt.date | None:
    """A date typed into the history: 23/03/2026, or for the review date also "March 2027"
    (the end of that month). Empty is no date; anything else raises DateError."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_user_date(text)
    except DateError:
        if column == 3:
            found = parse_text_date(text)
            if found is not None:
                return found
        raise


class HistoryEditing:
    """The editable side of the history table: values typed into cells, rows added and
    removed. ``changed`` is called with the new rows after every change."""

    COLUMNS = ("version_label", "adopted_on", "minute_ref", "review_due", "reviewer")

    def __init__(self, rows: list[Adoption], changed: Any, error: Any) -> None:
        self.rows = rows
        self._changed = changed
        self._error = error

    def flags(self) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def set_value(self, row: int, column: int, value: str) -> bool:
        adoption = self.rows[row]
        name = self.COLUMNS[column]
        if name in ("adopted_on", "review_due"):
            try:
                setattr(adoption, name, parse_cell_date(column, value))
            except DateError as exc:
                self._error(f"Row {row + 1}: {exc}")
                return False
        else:
            setattr(adoption, name, value.strip())
        self._error("")
        self._changed(self.rows)
        return True

    def edit_text(self, row: int, column: int) -> str:
        value = getattr(self.rows[row], self.COLUMNS[column])
        return format_short(value) if isinstance(value, dt.date) else str(value or "")


class Corrector:
    """Holds the import as read and the clerk's corrections; ``apply`` gives the result."""

    def __init__(self, original: Any, corrections: ic.Corrections) -> None:
        self.original = original
        self.corrections = corrections

    def result(self) -> tuple[Any, int]:
        from mop_desktop.services.import_memory import corrected

        return corrected(self.original, self.corrections)

    def lines(self) -> list[ic.Line]:
        result, _skipped = self.result()
        return ic.lines_of(result.text)

    def mark(self, index: int, kind: str) -> str:
        """Say that line ``index`` (of the corrected result) is ``kind``; returns what was done
        in words, or '' when nothing needed doing."""
        lines = self.lines()
        if not 0 <= index < len(lines):
            return ""
        line = lines[index]
        if kind == "right":  # the line is as read: only its doubtful mark goes
            kind = line.kind
        elif kind == line.kind:
            return ""
        self.corrections.lines.append(ic.Correction(index, line.text, kind))
        words = " ".join(line.text.split()[:8])
        if kind == line.kind:
            return f"“{words}” checked: it stays as read."
        return f"“{words}” is now {ic.KIND_LABELS[kind].lower()}."

    def undo(self) -> bool:
        if self.corrections.lines:
            self.corrections.lines.pop()
            return True
        return False

    def set_council(self, name: str) -> None:
        self.corrections.council = None if name == self.original.council_name else name

    def set_title(self, title: str) -> None:
        self.corrections.title = None if title == self._title_without_override() else title

    def _title_without_override(self) -> str:
        saved = self.corrections.title
        self.corrections.title = None
        try:
            return str(self.result()[0].text.title)
        finally:
            self.corrections.title = saved

    def set_history(self, rows: list[Adoption]) -> None:
        self.corrections.history = [
            Adoption(
                a.version_label,
                a.adopted_on,
                a.minute_ref,
                a.review_due,
                a.reviewer,
                adopted_by=a.adopted_by,
            )
            for a in rows
        ]
