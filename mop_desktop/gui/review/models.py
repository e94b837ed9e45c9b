"""Qt table models of the review schedule: reminders, the version table, meetings; and
``followups_for(app)``, the window's concern follow-ups while the register is unlocked.

Each model is a read-only ``QAbstractTableModel`` over a list of plain values that the page
replaces with ``set_rows``; text is shown as plain text by the views.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mop_desktop.domain.dates import format_long, format_month, format_short
from mop_desktop.domain.records import Adoption
from mop_desktop.domain.review import State, describe_days
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.services.reminders import FollowupSource, Reminder, register_followups

if TYPE_CHECKING:  # services.meetings imports the ORM; the dashboard draws without it
    from mop_desktop.services.meetings import Meeting
    from mop_desktop.services.pdf.exports import ExportInfo

T = TypeVar("T")


def followups_for(app: AppContext) -> FollowupSource | None:
    """Follow-ups (by reference) from the window's register when it is unlocked, else None."""
    try:
        from mop_desktop.gui.register.state import unlocked_register
    except ImportError:
        return None
    service = unlocked_register(app)
    if service is None:
        return None
    return register_followups(service)


Index = QModelIndex | QPersistentModelIndex

STATE_WORDS = {State.OVERDUE: "Overdue", State.DUE: "Due", State.UPCOMING: "Coming up"}
#: Background tints that read in light and dark palettes alike.
STATE_TINTS = {
    State.OVERDUE: QColor(220, 53, 69, 70),
    State.DUE: QColor(255, 193, 7, 70),
    State.UPCOMING: QColor(0, 0, 0, 0),
}


class RowsModel(QAbstractTableModel, Generic[T]):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def cell(self, row: T, column: int) -> str:
        raise NotImplementedError

    def background(self, row: T) -> QBrush | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row)
        return None

    def text_rows(self) -> list[list[str]]:
        """What the view shows, row by row (used by tests and copy)."""
        return [[self.cell(r, c) for c in range(len(self.headers))] for r in self.rows]


class ReminderModel(RowsModel[Reminder]):
    headers = ("State", "Date", "What", "When")

    def cell(self, row: Reminder, column: int) -> str:
        values: list[Callable[[Reminder], str]] = [
            lambda r: STATE_WORDS[r.state],
            lambda r: format_long(r.due),
            lambda r: r.title,
            lambda r: describe_days(r.days),
        ]
        return values[column](row)

    def background(self, row: Reminder) -> QBrush | None:
        return QBrush(STATE_TINTS[row.state]) if row.state != State.UPCOMING else None


class VersionTableModel(RowsModel[Adoption]):
    """The version table as councils print it."""

    headers = (
        "Version",
        "Date of Adoption",
        "Minute Reference",
        "Review Date",
        "Originator/Reviewer",
    )

    def cell(self, row: Adoption, column: int) -> str:
        if column == 0:
            return row.version_label + (" (no changes)" if row.no_changes else "")
        if column == 1:
            return format_short(row.adopted_on)
        if column == 2:
            return row.minute_ref
        if column == 3:
            return format_month(row.review_due)
        return row.reviewer


class ExportModel(RowsModel["ExportInfo"]):
    """PDFs the app wrote (``services.pdf.exports.ExportInfo``), newest first."""

    headers = ("Exported", "What", "Version", "File")
    KINDS = {"protocol": "Protocol", "draft": "Draft", "redline": "Council-pack report"}

    def cell(self, row: ExportInfo, column: int) -> str:
        if column == 0:
            return f"{format_short(row.created_at.date())} {row.created_at:%H:%M}"
        if column == 1:
            return self.KINDS.get(row.kind, row.kind)
        if column == 2:
            return row.version_label
        return str(row.path)


class MeetingModel(RowsModel["Meeting"]):
    headers = ("Date", "Meeting", "Entered")

    def cell(self, row: Meeting, column: int) -> str:
        if column == 0:
            return f"{row.date.strftime('%a')} {format_long(row.date)}"
        if column == 1:
            return row.title
        return "from a calendar file" if row.imported else "by hand"
