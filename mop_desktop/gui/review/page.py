"""The Review schedule page (``ui/review_page.ui``): the version table as councils print it,
the next review with its state and days, the meeting proposed for it with the agenda and
report deadlines, the interval and lead times, the council's Full Council meetings (add,
delete, import from .ics, export the dates as a calendar file), and the PDFs exported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from mop_desktop.domain.dates import format_long, format_month, format_weekday_long
from mop_desktop.domain.review import describe_days
from mop_desktop.gui.forms.ui_review_page import Ui_ReviewPage
from mop_desktop.gui.review.models import (
    STATE_WORDS,
    ExportModel,
    MeetingModel,
    VersionTableModel,
)
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.date_field import DateField, day_warning
from mop_desktop.gui.widgets.form_helpers import plural_suffix
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.services import history_edits
from mop_desktop.services import meetings as meeting_service
from mop_desktop.services.adoption import verify_chain
from mop_desktop.services.pdf.exports import list_exports
from mop_desktop.services.protocol_state import adoption_history
from mop_desktop.services.reminders import Schedule, load_schedule
from mop_desktop.services.review_settings import (
    ReviewSettings,
    ReviewSettingsError,
    load_review_settings,
    save_review_settings,
)
from mop_desktop.store.db import Store

CLEAR_DAYS_NOTE = (
    "The summons goes out at least the set number of clear days before the meeting: neither "
    "the day it is issued nor the day of the meeting counts. Sundays and bank holidays "
    "(England and Wales) are not counted either: the usual reading of the Local Government "
    "Act 1972 (Schedule 12) with the Interpretation Act 1978. Untick the box if your council "
    "counts them."
)

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow


@dataclass(frozen=True)
class HistoryRowInfo:
    """What the version table's buttons need to know about a row."""

    row_id: int
    label: str
    has_text: bool
    can_add_minute: bool


def recorded_exports(store: Store) -> list[Any]:
    """The PDFs recorded by the PDF export, newest first."""
    return list(list_exports(store))


class ReviewPage(QObject):
    """Controller of the loaded page widget (``widget``); a child of it."""

    def __init__(
        self,
        app: AppContext,
        window: MainWindow | None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.widget = QWidget()
        self.form = f = Ui_ReviewPage()
        f.setupUi(self.widget)
        super().__init__(self.widget)
        self.app = app
        self.window = window
        self.today = today
        self.schedule: Schedule | None = None
        font = f.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        f.titleLabel.setFont(font)
        f.clearDaysNote.setText(CLEAR_DAYS_NOTE)
        f.clearDaysNote.setMinimumHeight(f.clearDaysNote.fontMetrics().lineSpacing() * 5)
        for spin in (f.intervalSpin, f.reminderLeadSpin, f.reportLeadSpin, f.clearDaysSpin):
            plural_suffix(spin)

        self.versions = VersionTableModel(self.widget)
        f.versionsView.setModel(self.versions)
        f.versionsView.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        f.versionsView.horizontalHeader().setStretchLastSection(True)
        self.meetings = MeetingModel(self.widget)
        f.meetingsView.setModel(self.meetings)
        f.meetingsView.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        f.meetingsView.horizontalHeader().setStretchLastSection(True)
        self.meeting_date = DateField(
            f.meetingDateEdit, f.meetingCalendarButton, f.meetingDateWords
        )
        f.meetingDateEdit.returnPressed.connect(self.add_meeting)
        self.exports = ExportModel(self.widget)
        f.exportsView.setModel(self.exports)
        f.exportsView.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        f.exportsView.horizontalHeader().setStretchLastSection(True)
        for view in (f.versionsView, f.meetingsView, f.exportsView):
            view.setMinimumHeight(160)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        f.pageLayout.setStretch(1, 2)
        f.pageLayout.setStretch(3, 3)

        f.adoptButton.clicked.connect(lambda: self.adopt(no_changes=False))
        f.noChangesButton.clicked.connect(lambda: self.adopt(no_changes=True))
        f.saveSettingsButton.clicked.connect(self.save_settings)
        f.addMeetingButton.clicked.connect(self.add_meeting)
        f.deleteMeetingButton.clicked.connect(self.delete_selected_meeting)
        f.importIcsButton.clicked.connect(self.choose_ics)
        f.exportCalendarButton.clicked.connect(self.choose_calendar_file)
        f.meetingsView.selectionModel().selectionChanged.connect(self._update_buttons)
        self.history_rows: list[HistoryRowInfo] = []
        f.versionsView.selectionModel().selectionChanged.connect(self._update_buttons)
        f.previewVersionButton.clicked.connect(self.preview_version)
        f.exportVersionButton.clicked.connect(self.export_version)
        f.exportVersionOtherButton.clicked.connect(self.export_version_other)
        f.printVersionButton.clicked.connect(self.print_version)
        f.minuteRefButton.clicked.connect(self.add_minute_reference)
        f.exportsView.doubleClicked.connect(lambda index: self.open_export(index.row()))
        f.exportsView.setToolTip("Double-click a PDF, or press Enter, to preview it")
        open_key = QAction("Preview the PDF", f.exportsView)  # the keyboard's double-click
        open_key.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_key.triggered.connect(self._open_current_export)
        f.exportsView.addAction(open_key)

        app.changed.connect(self._on_changed)
        self.widget.installEventFilter(self)  # shown again: "in N days" counts from today
        self._shown_on = self.today()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.widget
            and event.type() == QEvent.Type.Show
            and self.today() != self._shown_on
        ):
            self._shown_on = self.today()
            self.refresh()
        return False

    # -- filling ------------------------------------------------------------------------------
    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if kinds & {Change.DOCUMENT, Change.SCHEDULE, Change.COUNCIL}:
            self.refresh()

    def refresh(self, *_args: object) -> None:
        store = self.app.store
        entries = adoption_history(store)
        history = [entry.adoption for entry in entries]
        self.history_rows = [
            HistoryRowInfo(e.row_id, e.label, e.has_text, e.can_add_minute) for e in entries
        ]
        review = load_review_settings(store)
        self.versions.set_rows(history)
        self.meetings.set_rows(meeting_service.list_meetings(store))
        self.exports.set_rows(recorded_exports(store))
        self.schedule = load_schedule(store, self.today())
        f = self.form
        f.intervalSpin.setValue(review.interval_months)
        f.reminderLeadSpin.setValue(review.reminder_lead_days)
        f.reportLeadSpin.setValue(review.report_lead_days)
        f.clearDaysSpin.setValue(review.clear_days)
        f.skipSundaysCheck.setChecked(review.skip_sundays_and_holidays)
        chain = verify_chain(store)
        summary = chain.summary() if history else "No adoption has been recorded yet."
        added = history_edits.amendments(store)
        if added:
            summary += " " + "; ".join(a.describe() for a in added) + "."
        f.chainLabel.setText(summary)
        f.chainLabel.setStyleSheet(
            "" if chain.ok else "color: #ffffff; background-color: #b02a37; padding: 4px;"
        )
        self._fill_next(self.schedule)
        self._update_buttons()

    def _fill_next(self, s: Schedule | None) -> None:
        f = self.form
        labels = (f.reviewLabel, f.stateLabel, f.meetingLabel, f.agendaLabel, f.reportLabel)
        for label in labels:
            label.setText("")
        if s is None or s.review_due is None:
            f.reviewLabel.setText("Set when the protocol is adopted.")
            return
        f.reviewLabel.setText(f"{format_month(s.review_due)} (by {format_long(s.review_due)})")
        state = STATE_WORDS[s.review_state] if s.review_state else ""
        f.stateLabel.setText(f"{state}: {describe_days(s.review_days or 0)}")
        if s.meeting is None:
            f.meetingLabel.setText(
                "No meeting ahead: add the meeting dates below."
                if not any(m.date >= self.today() for m in self.meetings.rows)
                else "No meeting entered yet for the review: add the Full Council meetings "
                f"up to {format_long(s.review_due)} below."
            )
            return
        note = (
            " \u2014 after the review date: no meeting before it has been entered"
            if s.meeting.after_review
            else " (the last meeting before the review date)"
        )
        f.meetingLabel.setText(f"{format_long(s.meeting.date)}{note}")
        assert s.agenda_deadline is not None and s.report_deadline is not None
        f.agendaLabel.setText(
            f"{format_long(s.agenda_deadline)} ({s.clear_days} clear days; "
            f"{describe_days((s.agenda_deadline - s.today).days)})"
        )
        f.reportLabel.setText(
            f"{format_long(s.report_deadline)} "
            f"({describe_days((s.report_deadline - s.today).days)})"
        )

    def _update_buttons(self, *_args: object) -> None:
        s = self.schedule
        self.form.adoptButton.setEnabled(s is not None and s.has_draft)
        self.form.noChangesButton.setEnabled(s is not None and s.adopted_on is not None)
        self.form.deleteMeetingButton.setEnabled(self._selected_meeting() is not None)
        row = self.selected_history_row()
        has_text = row is not None and row.has_text
        for button in (
            self.form.previewVersionButton,
            self.form.exportVersionButton,
            self.form.exportVersionOtherButton,
            self.form.printVersionButton,
        ):
            button.setEnabled(has_text)
            button.setToolTip(
                ""
                if row is None or has_text
                else f"The text of version {row.label} was not kept (imported as a table row only)"
            )
        self.form.minuteRefButton.setEnabled(row is not None and row.can_add_minute)

    # -- earlier versions ---------------------------------------------------------------------
    def selected_history_row(self) -> HistoryRowInfo | None:
        rows = self.form.versionsView.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.history_rows):
            return None
        return self.history_rows[rows[0].row()]

    def preview_version(self) -> None:
        from mop_desktop.gui.publishing import pdf_actions

        row = self.selected_history_row()
        if row is not None:
            pdf_actions.preview_version(self.app, self.window or self.widget, row.label)

    def export_version(self) -> None:
        from mop_desktop.gui.publishing import pdf_actions

        row = self.selected_history_row()
        if row is not None:
            pdf_actions.export_version(self.app, self.window or self.widget, row.label)

    def export_version_other(self) -> None:
        from mop_desktop.gui.publishing import export_actions

        row = self.selected_history_row()
        if row is not None:
            export_actions.export_web_or_word(self.app, self.window or self.widget, row.label)

    def print_version(self) -> None:
        from mop_desktop.gui.publishing import pdf_actions

        row = self.selected_history_row()
        if row is not None:
            pdf_actions.print_version(self.app, self.window or self.widget, row.label)

    def ask_minute_reference(self, label: str) -> str | None:
        """The minute reference typed by the clerk (None if cancelled); tests replace this."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self.widget,
            "Add minute reference",
            f"Minute reference of the resolution that adopted version {label}, as in the "
            "signed minutes (it cannot be changed afterwards):",
        )
        return text if ok else None

    def add_minute_reference(self) -> None:
        row = self.selected_history_row()
        if row is None or not row.can_add_minute:
            return
        typed = self.ask_minute_reference(row.label)
        if typed is None:
            return
        Operation(
            self.app,
            self.widget,
            lambda: history_edits.add_minute_reference(self.app.store, row.row_id, typed),
            changes={Change.DOCUMENT, Change.SCHEDULE},
            title="Add minute reference",
            expected=(history_edits.HistoryEditError,),
        ).success(lambda amendment: self.app.statusMessage.emit(amendment.describe())).run_now()

    # -- settings -----------------------------------------------------------------------------
    def save_settings(self) -> None:
        f = self.form
        new = ReviewSettings(
            interval_months=f.intervalSpin.value(),
            reminder_lead_days=f.reminderLeadSpin.value(),
            report_lead_days=f.reportLeadSpin.value(),
            clear_days=f.clearDaysSpin.value(),
            skip_sundays_and_holidays=f.skipSundaysCheck.isChecked(),
        )
        Operation(
            self.app,
            self.widget,
            lambda: save_review_settings(self.app.store, new),
            changes={Change.SCHEDULE},
            title="Review settings",
            expected=(ReviewSettingsError,),
        ).success(
            lambda _saved: self.app.statusMessage.emit(
                "Review settings saved (the interval applies from the next adoption)"
            )
        ).failure(lambda message, _error: self.app.statusMessage.emit(message)).run_now()

    # -- meetings -----------------------------------------------------------------------------
    def _message(self, text: str) -> None:
        self.form.meetingMessage.setText(text)
        self.app.statusMessage.emit(text)

    def _selected_meeting(self) -> meeting_service.Meeting | None:
        rows = self.form.meetingsView.selectionModel().selectedRows()
        if not rows:
            return None
        return self.meetings.rows[rows[0].row()]

    def confirm_unusual_day(self, day: dt.date, warning: str) -> bool:
        """A meeting on a Sunday or a bank holiday: asked first. Tests replace this."""
        return messages.confirm(
            self.widget,
            "Add meeting",
            f"{format_weekday_long(day)} is {warning}. Add a meeting on that day?",
            "Add meeting",
        )

    def add_meeting(self) -> None:
        """The date typed (read back in words beside the box) is added; a date that is not a
        real one is refused, a Sunday or a bank holiday is asked about first."""
        day = self.meeting_date.date()
        if day is None:
            self._message(self.meeting_date.problem())
            self.form.meetingDateEdit.setFocus()
            return
        warning = day_warning(day)
        if warning and not self.confirm_unusual_day(day, warning):
            self._message(f"No meeting added: {format_weekday_long(day)} is {warning}")
            return

        def added(outcome: tuple[object, bool]) -> None:
            if outcome[1]:
                self._message(f"Meeting on {format_weekday_long(day)} added")
                self.form.meetingDateEdit.clear()
            else:
                self._message(f"A meeting on {format_long(day)} is already entered")

        Operation(
            self.app,
            self.widget,
            lambda: meeting_service.add_meeting(self.app.store, day),
            changes=lambda outcome: {Change.SCHEDULE} if outcome[1] else set(),
            title="Add meeting",
            expected=(meeting_service.MeetingError,),
        ).success(added).failure(lambda message, _error: self._message(message)).run_now()

    def delete_selected_meeting(self) -> None:
        meeting = self._selected_meeting()
        if meeting is None:
            return
        Operation(
            self.app,
            self.widget,
            lambda: meeting_service.delete_meeting(self.app.store, meeting.date),
            changes={Change.SCHEDULE},
            title="Delete meeting",
            expected=(meeting_service.MeetingError,),
        ).success(
            lambda _r: self._message(f"Meeting on {format_long(meeting.date)} deleted")
        ).failure(lambda message, _error: self._message(message)).run_now()

    def ask_open_path(self) -> str:
        """The .ics file to import ('' if cancelled); tests replace this."""
        from mop_desktop.gui.publishing.pdf_actions import default_folder

        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            "Import meetings",
            str(default_folder()),
            "Calendar files (*.ics);;All files (*)",
        )
        return path

    def ask_save_path(self) -> str:
        """Where to write the calendar file ('' if cancelled); tests replace this."""
        from mop_desktop.gui.publishing.pdf_actions import default_folder

        path, _ = QFileDialog.getSaveFileName(
            self.widget,
            "Export calendar",
            str(default_folder() / "protocol-review.ics"),
            "Calendar files (*.ics)",
        )
        return path

    def choose_ics(self) -> None:
        path = self.ask_open_path()
        if path:
            self.import_ics(Path(path))

    def import_ics(self, path: Path) -> None:
        Operation(
            self.app,
            self.widget,
            lambda: meeting_service.import_ics(self.app.store, path),
            changes={Change.SCHEDULE},
            title="Import meetings",
            expected=(meeting_service.MeetingError,),
        ).success(
            lambda summary: self._message(f"Meetings from {path.name}: {summary.describe()}")
        ).failure(lambda message, _error: self._message(message)).run_now()

    def choose_calendar_file(self) -> None:
        path = self.ask_save_path()
        if path:
            chosen = Path(path)
            if chosen.suffix.lower() != ".ics":  # "review dates" typed without ".ics"
                chosen = chosen.with_name(chosen.name + ".ics")
            self.export_calendar(chosen)

    def export_calendar(self, path: Path) -> None:
        from mop_desktop.services.calendar_ics import write_calendar

        try:
            count = write_calendar(self.app.store, path, self.today())
        except OSError as exc:
            self._message(f"{path}: cannot be written ({exc.strerror or exc})")
            return
        self._message(f"{count} events written to {path.name}: open it in your calendar")

    # -- exports ------------------------------------------------------------------------------
    def _open_current_export(self) -> None:
        index = self.form.exportsView.currentIndex()
        if index.isValid():
            self.open_export(index.row())

    def open_export(self, row: int) -> Any:
        """Preview a PDF listed as exported (the preview when it opens)."""
        from mop_desktop.gui.publishing.pdf_actions import show_preview

        path = Path(self.exports.rows[row].path)
        if not path.is_file():
            self.app.statusMessage.emit(f"{path} is no longer there: it was moved or deleted")
            return None
        return show_preview(self.window or self.widget, path, path.name)

    # -- adoption -----------------------------------------------------------------------------
    def adopt(self, no_changes: bool) -> None:
        from mop_desktop.gui.review.adopt import open_adopt_dialog

        open_adopt_dialog(self.app, self.window, no_changes=no_changes)


def create_page(app: AppContext, window: MainWindow) -> QWidget:
    return ReviewPage(app, window).widget
