"""Qt models over the register: the concern table (paged query results, never the whole
register in memory) and a case's timeline.

``ConcernTableModel`` asks the register for the number of matching concerns, then reads pages
of ``PAGE_SIZE`` rows as the view scrolls to them, keeping a few pages cached. A new search,
filter or sort resets it; locking clears it. Everything is shown as plain text.

``search`` (search as you type) counts and reads the first page off the UI thread, through
``run_in_background``; every query started since (searched, set or cleared) makes its result
stale, and a stale result is dropped: the table never ends on an older query than the last one.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mop_desktop.domain.concerns import choice_label
from mop_desktop.domain.dates import format_short
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.query import (
    LIST_COLUMNS,
    ConcernQuery,
    ConcernSummary,
    read_page,
    search,
)
from mop_desktop.services.concerns.service import TimelineEntry

PAGE_SIZE = 200
CACHED_PAGES = 16

HEADERS = {
    "reference": "Reference",
    "raised_on": "Raised on",
    "raised_by": "Raised by",
    "raised_by_role": "Role",
    "about": "About",
    "about_role": "Their role",
    "category": "Category",
    "status": "Status",
    "follow_up_on": "Follow up",
    "summary": "Summary",
}

#: Columns holding a stored choice, shown by its label ("Member of the public")
CHOICE_COLUMNS = frozenset({"raised_by_role", "about_role", "category", "status"})

_Index = QModelIndex | QPersistentModelIndex


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "year"):
        return format_short(value)
    return str(value)


class ConcernTableModel(QAbstractTableModel):
    def __init__(self, service: RegisterService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.query = ConcernQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[ConcernSummary]] = OrderedDict()
        self._generation = 0  # bumped by every new query: older background results are stale

    # -- loading ------------------------------------------------------------------------------
    def set_query(self, query: ConcernQuery) -> None:
        self._generation += 1
        total, first = 0, list[ConcernSummary]()
        if self.service.unlocked:
            total, first = search(self.service, query, PAGE_SIZE)
        self._show(query, total, first)

    def search(
        self,
        query: ConcernQuery,
        on_done: Callable[[], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Like ``set_query`` with the counting and the first page off the UI thread;
        ``on_done`` runs once the rows are shown, never for a result that went stale."""
        self._generation += 1
        generation = self._generation
        service = self.service
        if not service.unlocked:
            self._show(query, 0, [])
            on_done()
            return

        def work() -> tuple[int, list[ConcernSummary]]:
            return search(service, query, PAGE_SIZE)

        def succeeded(result: tuple[int, list[ConcernSummary]]) -> None:
            if generation != self._generation or not self.service.unlocked:
                return  # a newer query (or locking) came since
            self._show(query, *result)
            on_done()

        def failed(exc: BaseException) -> None:
            if generation == self._generation and self.service.unlocked:
                on_failure(exc)

        run_in_background(None, work, succeeded, failed)

    def _show(self, query: ConcernQuery, total: int, first: list[ConcernSummary]) -> None:
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        self._count = total
        if total:
            self._pages[0] = first
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query)

    def clear(self) -> None:
        """Forget every row (on locking)."""
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._count = 0
        self.endResetModel()

    def _row(self, row: int) -> ConcernSummary | None:
        number = row // PAGE_SIZE
        rows = self._pages.get(number)
        if rows is None:
            if not self.service.unlocked:
                return None
            rows = read_page(self.service, self.query, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = rows
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def reference_at(self, row: int) -> str | None:
        item = self._row(row) if 0 <= row < self._count else None
        return item.reference if item else None

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        item = self._row(index.row())
        if item is None:
            return None
        name = LIST_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and name != "summary":
            return None
        if name in CHOICE_COLUMNS:
            return choice_label(getattr(item, name))
        return _text(getattr(item, name))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[LIST_COLUMNS[section]]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_query(
            dataclasses.replace(
                self.query,
                sort=LIST_COLUMNS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )


class TimelineModel(QAbstractTableModel):
    """A case's dated entries (a handful per case: held as a list)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self.entries[index.row()]
        return format_short(entry.on) if index.column() == 0 else entry.entry

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Date", "Action or contact")[section]
        return None
