"""Retention review (``ui/register_retention.ui``): closed concerns past their retention
period, each deleted for good only after confirmation, leaving a trace."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidgetItem,
    QWidget,
)

from mop_desktop.domain.dates import format_short
from mop_desktop.gui.forms.ui_register_retention import Ui_RegisterRetentionDialog
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services.concerns import RegisterService, retention
from mop_desktop.services.concerns.council import retention_years


class RetentionDialog(QDialog, Ui_RegisterRetentionDialog):
    def __init__(
        self,
        app: AppContext,
        service: RegisterService,
        parent: QWidget,
        asks: Asks,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setupUi(self)
        self.app = app
        self.service = service
        self.asks = asks
        self.today = today or dt.date.today()
        self.years = retention_years(app.store)
        self.deleteButton.clicked.connect(self.delete_selected)
        self.buttonBox.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        review = retention.review(self.service, self.years, self.today)
        due, traces, undated = review.due, review.traces, review.undated
        intro = (
            f"Closed concerns are kept for {counted(self.years, 'year')}. These have reached "
            "the end of that period: review each and delete it if it is no longer needed."
            if due
            else "No closed concern has reached the end of its retention period "
            f"({counted(self.years, 'year')} after it was closed)."
        )
        if undated:
            intro += (
                f" {counted(len(undated), 'closed concern')} with the closing date "
                "unknown (from your log) "
                + ("is" if len(undated) == 1 else "are")
                + " kept until a closing date is set: "
                + ", ".join(undated[:20])
                + ("…" if len(undated) > 20 else ".")
            )
        self.introLabel.setText(intro)
        self.dueList.clear()
        for item in due:
            row = QListWidgetItem(
                f"{item.reference}  closed {format_short(item.closed_on)}, "
                f"retention ended {format_short(item.retention_ended)}"
            )
            row.setData(Qt.ItemDataRole.UserRole, item.reference)
            self.dueList.addItem(row)
        self.deleteButton.setEnabled(bool(due))
        self.tracesLabel.setText(
            f"{counted(len(traces), 'record')} removed so far; a trace of each is kept."
            if traces
            else ""
        )

    def delete_selected(self) -> None:
        item = self.dueList.currentItem()
        if item is None:
            return
        reference = item.data(Qt.ItemDataRole.UserRole)
        if not self.asks.confirm(
            self,
            "Delete for good",
            f"Delete concern {reference} and its timeline for good? This cannot be undone. "
            "A trace that the record existed, and when it was removed, is kept.",
        ):
            return
        retention.remove(
            self.service, reference, f"retention period of {counted(self.years, 'year')} ended"
        )
        announce(self.app, Change.REGISTER)
        self.app.statusMessage.emit(f"Concern {reference} deleted; a trace is kept.")
        self.refresh()
