"""The case form's timeline (part of ``CaseForm``): a note added with Enter or the button, an
entry edited or deleted (the audit trail keeps that it happened, not the text), and the note
typed but not added, which is saved with the case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QTableView

from mop_desktop.domain.concerns import ConcernError, parse_date_field
from mop_desktop.domain.dates import format_short
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services.concerns.service import TimelineEntry
from mop_desktop.store.register import RegisterError

if TYPE_CHECKING:
    from mop_desktop.gui.register.asks import Asks
    from mop_desktop.gui.register.table_model import TimelineModel
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.services.concerns import RegisterService

    _Form = QDialog  # to the type checker the mixin is the case form it is part of
else:
    _Form = object


class TimelineEditing(_Form):
    """Mixed into ``CaseForm`` (the dialog), which provides ``service``, ``reference``,
    ``asks``, ``app``, ``timeline_model`` and the ``show_*`` and ``_load_history`` methods;
    the widgets below come from its compiled form (``Ui_CaseDialog``)."""

    timelineTable: QTableView
    editEntryButton: QPushButton
    deleteEntryButton: QPushButton
    entryDateEdit: QLineEdit
    entryTextEdit: QLineEdit
    addEntryButton: QPushButton
    errorLabel: QLabel
    service: RegisterService
    reference: str | None
    asks: Asks
    app: AppContext
    timeline_model: TimelineModel

    if TYPE_CHECKING:  # CaseForm's own

        def show_note(self, text: str) -> None: ...

        def show_error(self, exc: ConcernError) -> None: ...

        def show_failure(self, exc: BaseException) -> None: ...

        def _load_history(self) -> None: ...

    def _pending_note(self) -> tuple[dt.date, str] | None:
        """The timeline note typed but not yet added (its date, today if none), or None."""
        text = self.entryTextEdit.text().strip()
        if not text:
            return None
        on = parse_date_field("timeline", self.entryDateEdit.text(), typed=True)
        return on or dt.date.today(), text

    def add_entry(self) -> None:
        if self.reference is None:
            if self.entryTextEdit.text().strip():
                self.show_note("The note is added to the timeline when the concern is first saved.")
            return
        try:
            on = parse_date_field("timeline", self.entryDateEdit.text(), typed=True)
            on = on or dt.date.today()
            if self._editing is not None:  # "Save entry" after "Edit entry"
                self.service.edit_timeline(
                    self.reference, self._editing, on, self.entryTextEdit.text().strip()
                )
                self._stop_editing()
            else:
                self.service.add_timeline(self.reference, on, self.entryTextEdit.text().strip())
        except ConcernError as exc:
            self.show_error(exc)
            return
        except (RegisterError, OSError) as exc:
            self.show_failure(exc)
            return
        self.errorLabel.clear()
        self.entryTextEdit.clear()
        self.entryDateEdit.clear()
        self._load_history()
        announce(self.app, Change.REGISTER)

    # -- timeline: editing and deleting entries ------------------------------------------------
    _editing: int | None = None  # the id of the entry being edited

    def _connect_timeline(self) -> None:
        ui = self
        ui.editEntryButton.clicked.connect(self.edit_entry)
        ui.deleteEntryButton.clicked.connect(self.delete_entry)
        ui.timelineTable.doubleClicked.connect(lambda _index: self.edit_entry())
        ui.timelineTable.selectionModel().selectionChanged.connect(self._update_entry_buttons)
        self.timeline_model.modelReset.connect(self._update_entry_buttons)
        self._update_entry_buttons()

    def _selected_entry(self) -> TimelineEntry | None:
        rows = self.timelineTable.selectionModel().selectedRows()
        entries = self.timeline_model.entries
        return entries[rows[0].row()] if rows and rows[0].row() < len(entries) else None

    def _update_entry_buttons(self) -> None:
        selected = self._selected_entry() is not None
        self.editEntryButton.setEnabled(selected)
        self.deleteEntryButton.setEnabled(selected)

    def edit_entry(self) -> None:
        """The selected entry into the date and text fields; "Save entry" writes it back."""
        entry = self._selected_entry()
        if entry is None or self.reference is None:
            return
        self._editing = entry.id
        self.entryDateEdit.setText(format_short(entry.on))
        self.entryTextEdit.setText(entry.entry)
        self.addEntryButton.setText("S&ave entry")
        self.entryTextEdit.setFocus()

    def _stop_editing(self) -> None:
        self._editing = None
        self.addEntryButton.setText("&Add to timeline")

    def delete_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None or self.reference is None:
            return
        if not self.asks.confirm(
            self,
            "Delete timeline entry",
            f"Delete the entry of {format_short(entry.on)} for good? The audit trail keeps "
            "that an entry was deleted, not what it said.",
        ):
            return
        try:
            self.service.delete_timeline(self.reference, entry.id)
        except ConcernError as exc:
            self.show_error(exc)
            return
        except (RegisterError, OSError) as exc:
            self.show_failure(exc)
            return
        if self._editing == entry.id:
            self._stop_editing()
            self.entryTextEdit.clear()
            self.entryDateEdit.clear()
        self.errorLabel.clear()
        self._load_history()
        announce(self.app, Change.REGISTER)


class EnterAdds(QObject):
    """Enter or Return in a timeline box adds the note (and is not passed on to the dialog,
    whose default button would save and close the whole case)."""

    def __init__(self, add: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._add = add

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add()
            return True
        return False
