"""The dashboard's review meeting: a meeting long before the review date is not the review
meeting (no report asked for ten months early), and double-clicking a reminder opens what it
is about."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from mop_desktop.domain.review import State
from mop_desktop.gui.register.page import ConcernsPage
from mop_desktop.gui.review.page import ReviewPage
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.shell.dashboard import DashboardPage
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services.meetings import add_meeting
from mop_desktop.services.reminders import AGENDA, FOLLOW_UP, REVIEW, Reminder
from tests.services.review_data import adopted_protocol

D = dt.date
TODAY = D(2027, 1, 10)


class FakeWindow:
    def __init__(self, concerns: object) -> None:
        self.shown: list[str] = []
        self._concerns = concerns

    def show_page(self, name: str) -> None:
        self.shown.append(name)

    def page(self, name: str) -> object:
        return self._concerns if name == "concerns" else None


class FakeConcerns(ConcernsPage):
    """The Concerns page without its register: records the concern asked for."""

    def __init__(self) -> None:
        QWidget.__init__(self)  # not the page's own set-up: there is no register here
        self.opened: list[str] = []

    def open_case(self, reference: str) -> None:
        self.opened.append(reference)


def test_a_meeting_ten_months_early_is_not_the_review_meeting(qtbot, app_paths, store):
    # adopted 31 December 2026 with a 12-month interval: due for review by 31 December 2027
    adopted_protocol(store, D(2026, 12, 15), minute="FC 26/120")
    add_meeting(store, D(2027, 2, 4))
    ctx = AppContext(app_paths, store)
    page = DashboardPage(ctx, None, lambda: TODAY)
    qtbot.addWidget(page.widget)
    assert page.schedule.review_due == D(2027, 12, 31)
    assert page.schedule.meeting is None
    assert not [r for r in page.items if r.kind == AGENDA]  # no "report by 5 February 2027"
    assert page.form.meetingLabel.text().startswith("No meeting entered yet for the review")
    assert page.form.reportLabel.text() == ""
    review = ReviewPage(ctx, None, lambda: TODAY)
    qtbot.addWidget(review.widget)
    assert review.form.meetingLabel.text().startswith("No meeting entered yet for the review")

    add_meeting(store, D(2027, 12, 9))
    announce(ctx, Change.SCHEDULE)
    assert page.schedule.meeting is not None and page.schedule.meeting.date == D(2027, 12, 9)
    assert page.form.meetingLabel.text() == "9 December 2027"


def test_double_clicking_a_reminder_opens_what_it_is_about(qtbot, app_paths, store):
    ctx = AppContext(app_paths, store)
    concerns = FakeConcerns()
    qtbot.addWidget(concerns)
    window = FakeWindow(concerns)
    page = DashboardPage(ctx, window, lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(page.widget)
    page.items = [
        Reminder(REVIEW, D(2027, 3, 31), "Review", State.UPCOMING, 80, uid="review-1-1"),
        Reminder(
            FOLLOW_UP,
            D(2027, 1, 12),
            "Follow up C-2026-004",
            State.DUE,
            2,
            uid="followup-C-2026-004",
        ),
    ]
    page.model.set_rows(page.items)
    view = page.form.remindersView
    view.doubleClicked.emit(page.model.index(0, 0))
    assert window.shown == ["review"]
    view.doubleClicked.emit(page.model.index(1, 0))
    assert window.shown == ["review", "concerns"]
    assert concerns.opened == ["C-2026-004"]
