"""Dates typed as dd/mm/yyyy text, parsed strictly: the Review schedule's meeting date (read back
in words, a warning for a Sunday or bank holiday, Ctrl+A then typing replaces the text, a
calendar beside it) and two-digit years shown in full wherever dates are typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mop_desktop.domain.concerns import ConcernError, parse_date_field
from mop_desktop.domain.dates import DateError, parse_typed_date, parse_user_date
from mop_desktop.gui.review.page import ReviewPage
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.services.meetings import list_meetings
from tests.services.review_data import adopted_protocol

D = dt.date


@pytest.fixture
def page(qtbot, app_paths, store):
    adopted_protocol(store, D(2025, 3, 20), minute="FC 25/044")
    ctx = AppContext(app_paths, store)
    page = ReviewPage(ctx, None, lambda: D(2026, 12, 3))
    qtbot.addWidget(page.widget)
    page.widget.show()
    return page


def _type(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def test_a_typed_meeting_date_is_read_back_in_words_and_added_as_typed(page, qtbot, store):
    f = page.form
    f.meetingDateEdit.setText("03/12/2026")
    _type(qtbot, f.meetingDateEdit, "21/01/2027")  # Ctrl+A then typing replaces the text
    assert f.meetingDateEdit.text() == "21/01/2027"
    assert f.meetingDateWords.text() == "Thursday 21 January 2027"
    f.addMeetingButton.click()
    assert [m.date for m in list_meetings(store)] == [D(2027, 1, 21)]
    assert f.meetingMessage.text() == "Meeting on Thursday 21 January 2027 added"


def test_an_empty_or_wrong_date_adds_nothing(page, qtbot, store):
    f = page.form
    f.addMeetingButton.click()  # empty: never today's date
    assert list_meetings(store) == []
    assert "dd/mm/yyyy" in f.meetingMessage.text()
    _type(qtbot, f.meetingDateEdit, "31/02/2027")
    assert "not a real date" in f.meetingDateWords.text()
    f.addMeetingButton.click()
    assert list_meetings(store) == []


def test_a_two_digit_year_is_20xx_and_shown_in_full(page, qtbot, store):
    f = page.form
    _type(qtbot, f.meetingDateEdit, "17/02/27")
    assert f.meetingDateWords.text() == "Wednesday 17 February 2027"
    f.meetingDateEdit.editingFinished.emit()
    assert f.meetingDateEdit.text() == "17/02/2027"
    qtbot.keyClick(f.meetingDateEdit, Qt.Key.Key_Return)
    assert [m.date for m in list_meetings(store)] == [D(2027, 2, 17)]


@pytest.mark.parametrize(
    "typed, warning",
    [
        ("17/01/2027", "Sunday 17 January 2027: that is a Sunday."),
        ("28/12/2026", "Monday 28 December 2026: that is a bank holiday (England and Wales)."),
        ("26/03/2027", "Friday 26 March 2027: that is a bank holiday (England and Wales)."),
    ],
)
def test_a_sunday_or_bank_holiday_is_warned_and_asked(page, qtbot, store, typed, warning):
    f = page.form
    asked = []
    page.confirm_unusual_day = lambda day, why: asked.append(why) or False
    _type(qtbot, f.meetingDateEdit, typed)
    assert f.meetingDateWords.text() == warning
    f.addMeetingButton.click()
    assert asked and list_meetings(store) == []
    page.confirm_unusual_day = lambda day, why: True
    f.addMeetingButton.click()
    assert len(list_meetings(store)) == 1


def test_the_calendar_button_fills_the_box(page, qtbot):
    from PySide6.QtCore import QDate

    page.meeting_date._picked(QDate(2027, 1, 21))
    assert page.form.meetingDateEdit.text() == "21/01/2027"
    assert page.form.meetingCalendarButton.menu() is not None


def test_two_digit_years_in_the_domain():
    assert parse_typed_date("2/12/26") == D(2026, 12, 2)
    assert parse_typed_date("2.12.26") == D(2026, 12, 2)
    assert parse_typed_date("21/01/2027") == D(2027, 1, 21)
    for wrong in ("31/02/26", "2/12/6", "26-12-02", "2/12.26", "2/12/026"):
        with pytest.raises(DateError):
            parse_typed_date(wrong)
    with pytest.raises(DateError):  # files and the command line stay strict
        parse_user_date("2/12/26")
    assert parse_date_field("raised_on", "2/12/26", typed=True) == D(2026, 12, 2)
    with pytest.raises(ConcernError):
        parse_date_field("raised_on", "2/12/26")


def test_the_adopt_dialog_takes_a_two_digit_year_and_shows_it_in_full(qtbot, app_paths, store):
    from mop_desktop.gui.review.adopt import AdoptDialog
    from mop_desktop.store import documents as docs
    from tests.services.review_data import draft_only

    draft_only(store)
    ctx = AppContext(app_paths, store)
    d = AdoptDialog(ctx, None, today=lambda: D(2026, 2, 20))
    qtbot.addWidget(d)
    d.form.dateEdit.setText("19/2/26")
    d.form.dateEdit.editingFinished.emit()
    assert d.form.dateEdit.text() == "19/02/2026"
    d.form.dateEdit.setText("19/2/26")  # adopted as typed, even before the box is left
    d.form.minuteEdit.setText("FC 26/012")
    d.form.reviewerEdit.setText("G White")
    assert d.accept()
    with store.session() as session:
        assert docs.protocol_document(session).adoptions[-1].adopted_on == D(2026, 2, 19)
