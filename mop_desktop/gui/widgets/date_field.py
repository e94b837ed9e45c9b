"""Dates typed into the window: dd/mm/yyyy text, parsed strictly (``domain.dates``).

``show_full_date(edit)``: when the clerk leaves a date box, a date typed with a two-digit year
("2/12/26") is shown in full ("02/12/2026"), so the year that was meant is on screen.

``DateField``: a date box with a calendar button beside it and the date read back in words
under it ("Thursday 21 January 2027"), with a warning for a Sunday or an English bank holiday.
Typing is never overridden: Ctrl+A then typing replaces the text, and an empty or unfinished
box gives no date (never today's date).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QMenu, QToolButton, QWidgetAction

from mop_desktop.domain.dates import (
    DateError,
    format_short,
    format_weekday_long,
    parse_typed_date,
)
from mop_desktop.domain.review import is_bank_holiday


def show_full_date(edit: QLineEdit) -> None:
    """Expand a two-digit year to the full date when the box is left."""

    def expand() -> None:
        text = edit.text().strip()
        try:
            day = parse_typed_date(text)
        except DateError:
            return
        full = format_short(day)
        if text != full and not text.count("-"):  # ISO stays as typed
            edit.setText(full)

    edit.editingFinished.connect(expand)


def day_warning(day: dt.date) -> str:
    """Why a meeting on ``day`` is unusual ('' when it is not)."""
    if day.weekday() == 6:
        return "a Sunday"
    if is_bank_holiday(day):
        return "a bank holiday (England and Wales)"
    return ""


class DateField(QObject):
    """Controls a line edit, a calendar tool button and a label (from the page's .ui)."""

    changed = Signal()

    def __init__(self, edit: QLineEdit, button: QToolButton, words: QLabel) -> None:
        super().__init__(edit)
        self.edit = edit
        self.button = button
        self.words = words
        edit.setPlaceholderText("dd/mm/yyyy")
        words.setTextFormat(Qt.TextFormat.PlainText)
        button.setText("\u2026")
        button.setToolTip("Choose the date on a calendar")
        button.setAccessibleName("Choose the date on a calendar")
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        menu = QMenu(button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self._menu = menu
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        edit.textChanged.connect(self._update_words)
        show_full_date(edit)
        self._update_words()

    def date(self) -> dt.date | None:
        """The date typed, or None when the box is empty or not a date."""
        try:
            return parse_typed_date(self.edit.text())
        except DateError:
            return None

    def problem(self) -> str:
        """Why the text is not a date ('' when it is one)."""
        text = self.edit.text().strip()
        if not text:
            return "Type the date as dd/mm/yyyy, or choose it on the calendar."
        try:
            parse_typed_date(text)
        except DateError as exc:
            return f"{exc}."[:1].upper() + f"{exc}."[1:]
        return ""

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setText(format_short(day))

    def _calendar_to_text(self) -> None:
        day = self.date()
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, chosen: QDate) -> None:
        self.set_date(dt.date(chosen.year(), chosen.month(), chosen.day()))
        self._menu.close()
        self.edit.setFocus()

    def _update_words(self) -> None:
        day = self.date()
        if day is None:
            self.words.setText(self.problem() if self.edit.text().strip() else "")
        else:
            warning = day_warning(day)
            self.words.setText(
                format_weekday_long(day) + (f": that is {warning}." if warning else "")
            )
        self.changed.emit()
