"""The dashboard (``ui/dashboard_page.ui``): what the clerk sees on opening.

The current version and its adoption, drafts in progress, the next review with the Full Council
meeting proposed for it and the agenda and report deadlines, every reminder that is overdue,
due or coming up (the same list as ``remind`` and the tray), a warning when the adoption
history fails its check, and quick actions. It is filled through ``store.protocol_repo`` (one
read, as the tray and ``remind`` read). In the window it is first drawn saying "Loading…" and
filled once the window is on screen (``load``, called by the start-up); the history's check
(which loads the adopted texts) runs once the filled page has been drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.review import State, describe_days
from mop_desktop.gui.forms.ui_dashboard_page import Ui_DashboardPage
from mop_desktop.gui.review.models import STATE_WORDS, ReminderModel, followups_for
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.services.reminders import (
    Reminder,
    Schedule,
    count_by_state,
    schedule_and_reminders,
)
from mop_desktop.services.status import review_phrase

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow
    from mop_desktop.services.adoption import ChainReport

LOADING = "Loading\u2026"
BANNER_STYLE = "color: #ffffff; background-color: #b02a37; padding: 8px; border-radius: 4px;"


def counts_text(items: list[Reminder]) -> str:
    counts = count_by_state(items)
    return (
        f"{counts[State.OVERDUE]} overdue \u00b7 {counts[State.DUE]} due \u00b7 "
        f"{counts[State.UPCOMING]} coming up"
    )


class DashboardPage(QObject):
    """Controller of the loaded page widget (``widget``); a child of it, so it lives as long."""

    def __init__(
        self,
        app: AppContext,
        window: MainWindow | None,
        today: Callable[[], dt.date] = dt.date.today,
        check_when_drawn: bool = False,
        load_later: bool = False,
    ) -> None:
        self.widget = QWidget()
        self.form = Ui_DashboardPage()
        self.form.setupUi(self.widget)
        super().__init__(self.widget)
        self.app = app
        self.window = window
        self.today = today
        self.model = ReminderModel(self.widget)
        self.items: list[Reminder] = []
        self.schedule: Schedule | None = None
        self.chain: ChainReport | None = None
        font = self.form.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.form.titleLabel.setFont(font)
        self.form.chainBanner.setStyleSheet(BANNER_STYLE)

        view = self.form.remindersView
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.form.startReviewButton.clicked.connect(self.start_review)
        self.form.exportPackButton.clicked.connect(self.export_pack)
        self.form.adoptButton.clicked.connect(self.adopt)
        self.form.scheduleButton.clicked.connect(lambda: self._show("review"))
        view.doubleClicked.connect(lambda index: self.open_reminder(index.row()))
        view.activated.connect(lambda index: self.open_reminder(index.row()))
        view.setToolTip("Double-click a reminder (or press Enter) to open what it is about")

        app.changed.connect(self._on_changed)
        app.registerLocked.connect(self._refresh_reminders)
        self.loaded = False
        if load_later:  # the window's start-up calls ``load`` once the first frame is drawn
            self.form.versionLabel.setText(LOADING)
            self.form.countsLabel.setText(LOADING)
            self._update_buttons()
            return
        self.refresh(check_chain=not check_when_drawn)
        if check_when_drawn:
            self.widget.installEventFilter(self)

    def load(self) -> None:
        """Fill the page drawn as "Loading…"; the history's check follows its next drawing."""
        if self.loaded:
            return
        self.refresh(check_chain=False)
        self.widget.installEventFilter(self)
        self.widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The history's check, once the page has been drawn for the first time."""
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self._check_chain_if_shown)
        return False

    def _check_chain_if_shown(self) -> None:
        if self.widget.isVisible():  # not for a window already closed (--smoke-test)
            self._check_chain()

    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if kinds & {Change.DOCUMENT, Change.SCHEDULE, Change.COUNCIL}:
            self.refresh()
        elif Change.REGISTER in kinds:
            self._refresh_reminders()

    def _refresh_reminders(self) -> None:
        self.refresh(check_chain=False)

    # -- filling ------------------------------------------------------------------------------
    def refresh(self, *_args: object, check_chain: bool = True) -> None:
        from mop_desktop.store.db import StoreError

        self.loaded = True
        try:
            self.schedule, self.items = schedule_and_reminders(
                self.app.store, self.today(), followups_for(self.app)
            )
        except StoreError as exc:  # said on the page as it is; never an error box that lies
            self.form.countsLabel.setText(f"The protocol's details could not be read: {exc}.")
            return
        self.model.set_rows(self.items)
        self.form.countsLabel.setText(counts_text(self.items))
        self._fill_summary(self.schedule)
        if check_chain:
            self._check_chain()
        self._update_buttons()

    def _fill_summary(self, s: Schedule | None) -> None:
        f = self.form
        if s is None:
            f.versionLabel.setText("No protocol yet: import one or start from the model.")
            for label in (
                f.adoptedLabel,
                f.draftLabel,
                f.reviewLabel,
                f.meetingLabel,
                f.agendaLabel,
                f.reportLabel,
            ):
                label.setText("")
            return
        f.versionLabel.setText(s.current_label or "Not adopted yet")
        if s.adopted_on:
            minute = f", minute {s.minute_ref}" if s.minute_ref else ""
            f.adoptedLabel.setText(f"{format_long(s.adopted_on)}{minute}")
        else:
            f.adoptedLabel.setText("Not adopted yet")
        if s.has_draft:
            f.draftLabel.setText(
                "A draft is in progress"
                + (f" (proposed version {s.draft_label})" if s.draft_label else "")
            )
        else:
            f.draftLabel.setText("None: the adopted text is current")
        if s.review_due is None:
            f.reviewLabel.setText("No review date yet: it is set when the protocol is adopted.")
        else:
            state = STATE_WORDS[s.review_state] if s.review_state else ""
            f.reviewLabel.setText(
                f"{format_long(s.review_due)}: {state.lower()}, {describe_days(s.review_days or 0)}"
            )
        if s.meeting is None:
            f.meetingLabel.setText(
                f"No meeting entered yet for the review: add the Full Council meetings up to "
                f"{format_long(s.review_due)} on the Review schedule page."
                if s.review_due
                else ""
            )
            f.agendaLabel.setText("")
            f.reportLabel.setText("")
        else:
            late = " (after the review date)" if s.meeting.after_review else ""
            f.meetingLabel.setText(f"{format_long(s.meeting.date)}{late}")
            deadline, report = s.agenda_deadline, s.report_deadline
            assert deadline is not None and report is not None
            f.agendaLabel.setText(
                f"{format_long(deadline)} ({describe_days((deadline - s.today).days)})"
            )
            f.reportLabel.setText(
                f"{format_long(report)} ({describe_days((report - s.today).days)})"
            )

    def _check_chain(self) -> None:
        from mop_desktop.services.adoption import verify_chain

        self.chain = verify_chain(self.app.store)
        banner = self.form.chainBanner
        if self.chain.ok:
            banner.hide()
            return
        banner.setText(
            "Warning: " + self.chain.summary() + ". The version table below may not be what "
            "the council adopted: compare it with the signed minutes and restore a backup."
        )
        banner.show()
        self.app.statusMessage.emit("The adoption history has been altered: see the dashboard")

    def _update_buttons(self) -> None:
        s = self.schedule
        has_draft = s is not None and s.has_draft
        self.form.adoptButton.setEnabled(s is not None)
        if s is not None and not has_draft:
            self.form.adoptButton.setText("Record a review with &no changes...")
            self.form.adoptButton.setToolTip(
                "Full Council reviewed the protocol and kept it as it is: record the meeting"
            )
        else:
            self.form.adoptButton.setText("&Adopt the draft...")
            self.form.adoptButton.setToolTip(
                "Record the adoption of the draft at a minuted meeting"
            )
        self.form.exportPackButton.setEnabled(has_draft)
        self.form.exportPackButton.setToolTip(
            "The report to Full Council showing the draft's changes"
            if has_draft
            else "Start the annual review first: the report shows a draft's changes"
        )
        self.form.startReviewButton.setEnabled(
            s is not None and not s.has_draft and s.adopted_on is not None
        )

    def review_text(self) -> str:
        return review_phrase(self.schedule) if self.schedule else "No protocol yet"

    # -- actions ------------------------------------------------------------------------------
    def _show(self, name: str) -> None:
        if self.window is not None:
            self.window.show_page(name)

    def open_reminder(self, row: int) -> None:
        """A reminder double-clicked: the review and agenda deadlines open the Review
        schedule; a concern's follow-up opens that concern (the register must be unlocked)."""
        if not 0 <= row < len(self.items):
            return
        from mop_desktop.services.reminders import FOLLOW_UP

        item = self.items[row]
        if item.kind != FOLLOW_UP:
            self._show("review")
            return
        self._show("concerns")
        reference = item.uid.removeprefix("followup-")
        from mop_desktop.gui.register.page import ConcernsPage

        page = self.window.page("concerns") if self.window is not None else None
        if isinstance(page, ConcernsPage) and reference:
            page.open_case(reference)

    def start_review(self) -> None:
        from mop_desktop.services.drafts import DraftError, start_new_draft

        def started(_result: object) -> None:
            self.app.statusMessage.emit("A new draft has been started from the adopted text")
            self._show("protocol")

        Operation(
            self.app,
            self.widget,
            lambda: start_new_draft(self.app.store),
            changes={Change.DOCUMENT},
            title="Start the annual review",
            expected=(DraftError, ValueError),
        ).success(started).failure(
            lambda message, _e: self.app.statusMessage.emit(message)
        ).run_now()

    def export_pack(self) -> None:
        from mop_desktop.gui.publishing import pdf_actions

        pdf_actions.export_council_pack(self.app, self.window or self.widget)

    def adopt(self) -> None:
        from mop_desktop.gui.review.adopt import open_adopt_dialog

        s = self.schedule
        open_adopt_dialog(self.app, self.window, no_changes=bool(s and not s.has_draft))


def create_page(app: AppContext, window: MainWindow) -> QWidget:
    return DashboardPage(app, window, check_when_drawn=True, load_later=True).widget
