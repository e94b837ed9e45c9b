"""Retention review (``ui/register_retention.ui``): closed concerns past their retention
period, each deleted for good only after confirmation, leaving a trace."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from mop_desktop.domain.dates import format_short
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.gui.widgets.uiloader import UiForm, load_ui
from mop_desktop.services.concerns import RegisterService, retention
from mop_desktop.store import settings


class RetentionDialog:
    def __init__(self, app: AppContext, service: RegisterService, parent: QWidget | None,
                 asks: Asks, today: dt.date | None = None) -> None:
        self.app = app
        self.service = service
        self.asks = asks
        self.today = today or dt.date.today()
        self.dialog: QDialog = load_ui("register_retention", parent)  # type: ignore[assignment]
        self.ui = UiForm(self.dialog)
        with app.store.session() as session:
            self.years = settings.get(session, settings.RETENTION_YEARS)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.buttonBox.rejected.connect(self.dialog.reject)
        self.refresh()

    def refresh(self) -> None:
        with self.service.session() as session:
            due = retention.due(session, self.years, self.today)
            traces = retention.traces(session)
            undated = retention.undated(session)
        intro = (
            f"Closed concerns are kept for {counted(self.years, 'year')}. These have reached "
            "the end of that period: review each and delete it if it is no longer needed."
            if due else "No closed concern has reached the end of its retention period "
            f"({counted(self.years, 'year')} after it was closed)."
        )
        if undated:
            intro += (f" {counted(len(undated), 'closed concern')} with the closing date "
                      "unknown (from your log) " + ("is" if len(undated) == 1 else "are")
                      + " kept until a closing date is set: "
                      + ", ".join(undated[:20]) + ("…" if len(undated) > 20 else "."))
        self.ui.introLabel.setText(intro)
        self.ui.dueList.clear()
        for item in due:
            row = QListWidgetItem(
                f"{item.reference}  closed {format_short(item.closed_on)}, "
                f"retention ended {format_short(item.retention_ended)}"
            )
            row.setData(Qt.ItemDataRole.UserRole, item.reference)
            self.ui.dueList.addItem(row)
        self.ui.deleteButton.setEnabled(bool(due))
        self.ui.tracesLabel.setText(
            f"{counted(len(traces), 'record')} removed so far; a trace of each is kept."
            if traces else ""
        )

    def delete_selected(self) -> None:
        item = self.ui.dueList.currentItem()
        if item is None:
            return
        reference = item.data(Qt.ItemDataRole.UserRole)
        if not self.asks.confirm(
            self.dialog, "Delete for good",
            f"Delete concern {reference} and its timeline for good? This cannot be undone. "
            "A trace that the record existed, and when it was removed, is kept.",
        ):
            return
        with self.service.session() as session:
            retention.delete(
                session, reference, f"retention period of {counted(self.years, 'year')} ended"
            )
        announce(self.app, Change.REGISTER)
        self.app.statusMessage.emit(f"Concern {reference} deleted; a trace is kept.")
        self.refresh()
