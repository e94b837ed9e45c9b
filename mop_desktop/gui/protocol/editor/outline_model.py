"""The outline beside the editor: sections with their clauses as children.

Rows show the derived number and the heading or the first words of the clause, as plain text.
Dragging a row asks for a move through ``moveRequested`` (source address, target address); the
page turns that into an undoable edit and resets the model, so the model itself never moves
rows behind the undo stack's back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mop_desktop.domain.document import Block, DocumentText, Section

MIME_TYPE = "application/x-mop-desktop-outline"
PREVIEW_CHARS = 90
ROOT = QModelIndex()

#: A place in the outline: (section, None) for a section, (section, block) for a clause.
Address = tuple[int, int | None]


def section_caption(section: Section, first: bool = False) -> str:
    empty = "(before the first heading)" if first and not section.numbered else "(no heading)"
    heading = section.heading.strip() or empty
    return f"{section.number}  {heading}" if section.number else heading


def block_caption(block: Block) -> str:
    words = " ".join(block.text.split())
    if not words:
        words = "(empty clause)" if block.numbered else "(empty paragraph)"
    if len(words) > PREVIEW_CHARS:
        words = words[: PREVIEW_CHARS - 1].rstrip() + "\u2026"
    indent = "    " if block.level >= 2 else ""
    marker = block.number if block.number else "\u00b6"
    return f"{indent}{marker}  {words}"


class OutlineModel(QAbstractItemModel):
    moveRequested = Signal(object, object)  # (from Address, to Address)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._doc = DocumentText(title="")
        self._editable = True

    # -- the document -------------------------------------------------------------------------
    def set_document(self, doc: DocumentText, editable: bool = True) -> None:
        self.beginResetModel()
        self._doc = doc
        self._editable = editable
        self.endResetModel()

    def document(self) -> DocumentText:
        return self._doc

    def refresh(self, address: Address) -> None:
        """The caption of one row changed (typing), without disturbing the selection."""
        index = self.index_of(address)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    # -- addresses ----------------------------------------------------------------------------
    def index_of(self, address: Address | None) -> QModelIndex:
        if address is None:
            return QModelIndex()
        s, b = address
        if not 0 <= s < len(self._doc.sections):
            return QModelIndex()
        if b is None:
            return self.createIndex(s, 0, 0)
        if not 0 <= b < len(self._doc.sections[s].blocks):
            return QModelIndex()
        return self.createIndex(b, 0, s + 1)

    @staticmethod
    def address_of(index: QModelIndex | QPersistentModelIndex) -> Address | None:
        if not index.isValid():
            return None
        parent_id = int(index.internalId())
        if parent_id == 0:
            return (index.row(), None)
        return (parent_id - 1, index.row())

    # -- QAbstractItemModel -------------------------------------------------------------------
    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = ROOT
    ) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._doc.sections) else QModelIndex()
        if int(parent.internalId()) != 0:
            return QModelIndex()
        section = self._doc.sections[parent.row()]
        if row >= len(section.blocks):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: QModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent_id = int(index.internalId())
        if parent_id == 0:
            return QModelIndex()
        return self.createIndex(parent_id - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self._doc.sections)
        if int(parent.internalId()) == 0 and parent.row() < len(self._doc.sections):
            return len(self._doc.sections[parent.row()].blocks)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        address = self.address_of(index)
        if address is None:
            return None
        s, b = address
        section = self._doc.sections[s]
        block = section.blocks[b] if b is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if block is None:
                return section_caption(section, first=s == 0)
            return block_caption(block)
        if role == Qt.ItemDataRole.FontRole and block is None:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            empty = not section.heading.strip() if block is None else not block.text.strip()
            if empty:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._editable else Qt.ItemFlag.NoItemFlags
        if not self._editable:
            return base
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if int(index.internalId()) == 0:
            base |= Qt.ItemFlag.ItemIsDropEnabled
        return base

    # -- drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        address = self.address_of(indexes[0]) if indexes else None
        if address is not None:
            s, b = address
            payload = f"{s}" if b is None else f"{s},{b}"
            mime.setData(MIME_TYPE, QByteArray(payload.encode("ascii")))
        return mime

    @staticmethod
    def _source(data: QMimeData) -> Address | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        parts = bytes(data.data(MIME_TYPE).data()).decode("ascii").split(",")
        try:
            return (int(parts[0]), int(parts[1]) if len(parts) > 1 else None)
        except ValueError:
            return None

    def drop_target(
        self, source: Address, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> tuple[Address, Address] | None:
        """Where a dragged row lands, as (from, to) with ``to`` counted after the row has been
        taken out; None when the drop means nothing (a section dropped into a section)."""
        s, b = source
        sections = self._doc.sections
        parent_address = self.address_of(parent)
        if b is None:  # a section: only between sections
            if parent_address is not None:
                to = parent_address[0]
            else:
                to = len(sections) if row < 0 else row
            if s < to:
                to -= 1
            return (source, (to, None)) if to != s else None
        if parent_address is None:  # a clause dropped between sections
            if row < 0:
                return None
            if row == 0:
                to_s, to_b = 0, 0
            else:
                to_s = row - 1
                to_b = len(sections[to_s].blocks)
        else:
            to_s = parent_address[0]
            to_b = len(sections[to_s].blocks) if row < 0 else row
        if to_s == s and b < to_b:
            to_b -= 1
        if (to_s, to_b) == (s, b):
            return None
        return (source, (to_s, to_b))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not self._editable or action != Qt.DropAction.MoveAction:
            return False
        source = self._source(data)
        if source is None or self.index_of(source) == QModelIndex():
            return False
        target = self.drop_target(source, row, parent)
        if target is not None:
            self.moveRequested.emit(*target)
        # The move is made by the page as an undoable edit; returning False keeps the view
        # from removing the dragged row itself.
        return False
