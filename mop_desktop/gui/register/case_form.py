"""The case form (``ui/case_dialog.ui``): a concern's fields, the route guidance from the
protocol, the clauses picked from the adopted protocol, its timeline and audit trail.

Date fields are plain line edits: blank means "no date", so an untouched field is never saved
as a made-up date. Problems are shown in the form, naming the field; nothing is saved until
they are put right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QListWidgetItem,
    QWidget,
)

from mop_desktop.domain.concerns import (
    ROLES,
    STATUSES,
    Concern,
    ConcernError,
    choice_label,
    field_label,
    parse_date_field,
    routes_for,
)
from mop_desktop.domain.dates import format_short
from mop_desktop.gui.forms.ui_case_dialog import Ui_CaseDialog
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.case_timeline import EnterAdds, TimelineEditing
from mop_desktop.gui.register.choices import choose, fill_choices
from mop_desktop.gui.register.setup import user_message
from mop_desktop.gui.register.table_model import TimelineModel
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.date_field import show_full_date
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.clauses import protocol_clauses
from mop_desktop.services.concerns.council import council
from mop_desktop.services.concerns.errors import RegisterStoreFailure
from mop_desktop.store.register import RegisterError

#: field named by a ConcernError -> the widget to put the cursor in (dates: ``_DATE_EDITS``)
_FIELD_WIDGETS = {
    "raised_by": "raisedByEdit",
    "raised_by_role": "raisedByRoleCombo",
    "about": "aboutEdit",
    "about_role": "aboutRoleCombo",
    "category": "categoryCombo",
    "clauses": "clausesList",
    "summary": "summaryEdit",
    "details": "detailsEdit",
    "route": "routeCombo",
    "status": "statusCombo",
    "outcome": "outcomeEdit",
    "timeline": "entryTextEdit",
}
#: the form's message line: red for a problem (as in ``ui/case_dialog.ui``), plain for a note
_ERROR_STYLE = "color: #b00020;"
_DATE_EDITS = {
    "raised_on": "raisedOnEdit",
    "follow_up_on": "followUpOnEdit",
    "closed_on": "closedOnEdit",
}


class CaseForm(TimelineEditing, QDialog, Ui_CaseDialog):
    """One concern, new (``reference`` None) or existing."""

    def __init__(
        self,
        app: AppContext,
        service: RegisterService,
        reference: str | None,
        parent: QWidget,
        asks: Asks,
        export: Callable[[QWidget, str], object] | None = None,
    ) -> None:
        # read first: a case that cannot be read leaves no window behind
        details = council(app.store)
        concern = service.get(reference) if reference is not None else None
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setupUi(self)
        self.app = app
        self.service = service
        self.reference = reference
        self.asks = asks
        self._export = export
        self.council = details
        self.timeline_model = TimelineModel(self)
        self.timelineTable.setModel(self.timeline_model)
        self._fill_choices()
        self._connect()
        self._add_attachments_tab()
        if reference is None:
            self.setWindowTitle("New concern")
            self.referenceLabel.setText("given when saved")
            self.raisedOnEdit.setText(format_short(dt.date.today()))
            self.tabs.setTabEnabled(1, False)
            self.tabs.setTabEnabled(2, False)
            self.exportButton.setEnabled(False)
        elif concern is not None:
            self.load(concern)
        self._update_routes()
        self._unchanged = self._snapshot()
        self._guard = _CloseGuard(self.cancel, self)
        self.installEventFilter(self._guard)
        # Enter in the timeline's boxes adds the note; it never reaches the dialog's Save.
        self._enter = EnterAdds(self.add_entry, self)
        self.entryTextEdit.installEventFilter(self._enter)
        self.entryDateEdit.installEventFilter(self._enter)
        for edit in (*_DATE_EDITS.values(), "entryDateEdit"):
            show_full_date(getattr(self, edit))

    # -- building -----------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self
        fill_choices(ui.raisedByRoleCombo, ROLES)
        fill_choices(ui.aboutRoleCombo, ROLES, first="")
        # the clerk's own categories too; a choice, never a default
        fill_choices(ui.categoryCombo, self.service.categories(), first="")
        fill_choices(ui.statusCombo, STATUSES)
        for number, words in protocol_clauses(self.app.store):
            self._add_clause(number, f"{number}  {words}" if words else number)

    def _add_clause(self, number: str, label: str) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, number)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.clausesList.addItem(item)
        return item

    def _connect(self) -> None:
        ui = self
        ui.raisedByRoleCombo.currentIndexChanged.connect(self._update_routes)
        ui.aboutRoleCombo.currentIndexChanged.connect(self._update_routes)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.cancel)
        ui.addEntryButton.clicked.connect(self.add_entry)
        self._connect_timeline()
        ui.exportButton.clicked.connect(self._export_clicked)

    def _add_attachments_tab(self) -> None:
        """The Attachments tab (last, so the other tabs keep their places); the temporary
        copies opened from it are wiped when the form closes."""
        from mop_desktop.gui.register.attachments_panel import AttachmentsPanel

        self.attachments = AttachmentsPanel(self.service, self.reference, self, self.asks)
        index = self.tabs.addTab(self.attachments, "Attachments")
        self.tabs.setTabEnabled(index, self.reference is not None)
        self.finished.connect(lambda _result: self.attachments.wipe_copies())

    def _update_routes(self) -> None:
        guidance = routes_for(
            self.raisedByRoleCombo.currentData(),
            self.aboutRoleCombo.currentData(),
            self.council,
        )
        combo = self.routeCombo
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([choice_label(option) for option in guidance.options])  # sentence case
        combo.setEditText(current)
        combo.blockSignals(False)
        self.guidanceLabel.setText(guidance.guidance)

    # -- values -------------------------------------------------------------------------------
    def load(self, concern: Concern) -> None:
        ui = self
        self.setWindowTitle(f"Concern {concern.reference}")
        ui.referenceLabel.setText(concern.reference)
        ui.raisedOnEdit.setText(format_short(concern.raised_on))
        ui.raisedByEdit.setText(concern.raised_by)
        choose(ui.raisedByRoleCombo, concern.raised_by_role)
        ui.aboutEdit.setText(concern.about)
        choose(ui.aboutRoleCombo, concern.about_role)
        choose(ui.categoryCombo, concern.category)
        known = {}
        for i in range(ui.clausesList.count()):
            item = ui.clausesList.item(i)
            known[item.data(Qt.ItemDataRole.UserRole)] = item
        for position, number in enumerate(concern.clauses):
            item = known.get(number) or self._add_clause(number, number)
            item.setCheckState(Qt.CheckState.Checked)
            if position == 0:
                ui.clausesList.scrollToItem(item)
        ui.summaryEdit.setText(concern.summary)
        ui.summaryEdit.setCursorPosition(0)  # a long summary shows its beginning
        ui.detailsEdit.setPlainText(concern.details)
        self._update_routes()
        ui.routeCombo.setEditText(concern.route)
        choose(ui.statusCombo, concern.status)
        ui.followUpOnEdit.setText(format_short(concern.follow_up_on))
        ui.outcomeEdit.setPlainText(concern.outcome)
        ui.closedOnEdit.setText(format_short(concern.closed_on))
        self._closing_date_unknown = concern.closing_date_unknown
        if concern.closing_date_unknown:
            ui.closedOnEdit.setPlaceholderText("unknown: type the date when it is known")
        self._load_history()

    def _load_history(self) -> None:
        if self.reference is None:
            return
        self.timeline_model.set_entries(self.service.timeline(self.reference))
        lines = [
            f"{a.local_time()}  {a.actor}  {a.action}"
            + (f": {field_label(a.field)}" if a.field and a.field not in a.action else "")
            for a in self.service.audit_trail(self.reference)
        ]
        self.auditText.setPlainText("\n".join(lines))

    def collect(self) -> Concern:
        """The form's values as a concern; ConcernError names the field at fault."""
        ui = self
        dates = {
            name: parse_date_field(name, getattr(ui, edit).text(), typed=True)
            for name, edit in _DATE_EDITS.items()
        }
        if dates["raised_on"] is None:
            raise ConcernError("raised_on", "the date it was raised is required")
        if not ui.categoryCombo.currentData():
            raise ConcernError("category", "choose the category that fits best")
        clauses = []
        for i in range(ui.clausesList.count()):
            item = ui.clausesList.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                clauses.append(item.data(Qt.ItemDataRole.UserRole))
        return Concern(
            reference=self.reference or "",
            raised_on=dates["raised_on"],
            raised_by=ui.raisedByEdit.text().strip(),
            raised_by_role=ui.raisedByRoleCombo.currentData(),
            about=ui.aboutEdit.text().strip(),
            about_role=ui.aboutRoleCombo.currentData(),
            category=ui.categoryCombo.currentData(),
            clauses=clauses,
            summary=ui.summaryEdit.text().strip(),
            details=ui.detailsEdit.toPlainText().strip(),
            route=ui.routeCombo.currentText().strip(),
            status=ui.statusCombo.currentData(),
            follow_up_on=dates["follow_up_on"],
            outcome=ui.outcomeEdit.toPlainText().strip(),
            closed_on=dates["closed_on"],
            closing_date_unknown=getattr(self, "_closing_date_unknown", False),
        )

    def show_error(self, exc: ConcernError) -> None:
        """The problem above the form, and the cursor put in the field at fault."""
        label = field_label(exc.field)
        self.errorLabel.setStyleSheet(_ERROR_STYLE)
        self.errorLabel.setText(messages.full_sentence(f"{label}: {exc.message}"))
        name = _FIELD_WIDGETS.get(exc.field) or _DATE_EDITS.get(exc.field)
        widget = getattr(self, name, None) if name else None
        if widget is None:
            return
        tabs = self.tabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                tabs.setCurrentIndex(index)
        widget.setFocus()

    # -- actions ------------------------------------------------------------------------------
    def show_failure(self, exc: BaseException) -> None:
        """A register or store failure on saving, in one line (never the statement or data)."""
        if isinstance(exc, RegisterStoreFailure):
            text = exc.not_saved()
        elif isinstance(exc, RegisterError):
            text = user_message(exc)
        else:
            text = messages.not_saved(exc)
        self.errorLabel.setStyleSheet(_ERROR_STYLE)
        self.errorLabel.setText(text)

    def show_note(self, text: str) -> None:
        """A message that is not a problem, in the form's message line (not in red)."""
        self.errorLabel.setStyleSheet("")
        self.errorLabel.setText(text)

    def save(self) -> bool:
        try:
            concern = self.collect()
            note = self._pending_note()
            if self.reference is None and self._seal_new(concern):
                from mop_desktop.services.concerns import sealed

                entries = [] if note is None else [sealed.TimelineEntry(*note)]
                self.reference = sealed.add_sealed(self.service, concern, entries)
                note = None  # sealed with the concern, never written in the clear
            elif self.reference is None:
                self.reference = self.service.add(concern)
            else:
                self.service.update(self.reference, concern)
            if note is not None:  # a note typed but not added is saved with the case
                self.service.add_timeline(self.reference, *note)
        except ConcernError as exc:
            self.show_error(exc)
            return False
        except (RegisterError, OSError) as exc:
            self.show_failure(exc)
            return False
        self.errorLabel.clear()
        announce(self.app, Change.REGISTER)
        added = " with the timeline note" if note is not None else ""
        self.app.statusMessage.emit(f"Concern {self.reference} saved{added}.")
        self.accept()
        return True

    def _seal_new(self, concern: Concern) -> bool:
        """A new concern about the clerk, with the chair's key set up: seal it to the chair?"""
        from mop_desktop.services.concerns import sealed

        if concern.about_role != "clerk" or not sealed.chair_is_set_up(self.service):
            return False
        return self.asks.confirm(
            self,
            "A concern about the clerk",
            "Under the protocol a concern about the clerk goes to the chair of the personnel "
            "committee. Seal it to the chair now? Only the chair's passphrase will open it; "
            "the register will show only that it exists and its dates.",
        )

    def _export_clicked(self) -> None:
        if self._export is not None and self.reference is not None:
            self._export(self, self.reference)

    def _snapshot(self) -> tuple[object, ...]:
        """What the widgets hold, to tell whether anything was typed since the form opened."""
        ui = self
        edits = (
            "raisedOnEdit",
            "raisedByEdit",
            "aboutEdit",
            "summaryEdit",
            "followUpOnEdit",
            "closedOnEdit",
            "entryTextEdit",
        )
        combos = (
            ui.raisedByRoleCombo,
            ui.aboutRoleCombo,
            ui.categoryCombo,
            ui.statusCombo,
            ui.routeCombo,
        )
        clauses = ui.clausesList
        return (
            *(getattr(ui, name).text() for name in edits),
            *(combo.currentText() for combo in combos),
            ui.detailsEdit.toPlainText(),
            ui.outcomeEdit.toPlainText(),
            *(
                clauses.item(i).checkState() == Qt.CheckState.Checked
                for i in range(clauses.count())
            ),
        )

    # -- drafts (the register locking with this form open) ---------------------------------
    _TEXTS = (
        "raisedOnEdit",
        "raisedByEdit",
        "aboutEdit",
        "summaryEdit",
        "followUpOnEdit",
        "closedOnEdit",
        "entryDateEdit",
        "entryTextEdit",
    )
    _PLAIN = ("detailsEdit", "outcomeEdit")
    _COMBOS = ("raisedByRoleCombo", "aboutRoleCombo", "categoryCombo", "statusCombo")

    def has_changes(self) -> bool:
        return self._snapshot() != self._unchanged

    def draft_values(self) -> dict[str, object]:
        """Everything typed, as plain values (kept in the encrypted register on locking)."""
        ui = self
        values: dict[str, object] = {n: getattr(ui, n).text() for n in self._TEXTS}
        values.update({n: getattr(ui, n).toPlainText() for n in self._PLAIN})
        values.update({n: getattr(ui, n).currentData() for n in self._COMBOS})
        values["routeCombo"] = ui.routeCombo.currentText()
        clauses = ui.clausesList
        values["clauses"] = [
            clauses.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(clauses.count())
            if clauses.item(i).checkState() == Qt.CheckState.Checked
        ]
        return values

    def apply_draft(self, values: dict[str, object]) -> None:
        """Put a kept draft back into the form (the saved record stays as it was until the
        clerk saves)."""
        ui = self
        for name in self._TEXTS:
            text = values.get(name)
            if isinstance(text, str):
                getattr(ui, name).setText(text)
        for name in self._PLAIN:
            text = values.get(name)
            if isinstance(text, str):
                getattr(ui, name).setPlainText(text)
        for name in self._COMBOS:
            if name in values:
                value = values[name]  # "" (no such item) selects the first, as anything else
                choose(getattr(ui, name), value if isinstance(value, str) else "")
        self._update_routes()
        route = values.get("routeCombo")
        if isinstance(route, str):
            ui.routeCombo.setEditText(route)
        wanted = values.get("clauses")
        if isinstance(wanted, list):
            known = set()
            for i in range(ui.clausesList.count()):
                item = ui.clausesList.item(i)
                number = item.data(Qt.ItemDataRole.UserRole)
                known.add(number)
                item.setCheckState(
                    Qt.CheckState.Checked if number in wanted else Qt.CheckState.Unchecked
                )
            for number in wanted:
                if isinstance(number, str) and number not in known:
                    self._add_clause(number, number).setCheckState(Qt.CheckState.Checked)

    def cancel(self) -> bool:
        """Cancel, Esc or the window's close button: asks first if something was typed.
        Returns whether the form closed."""
        question = "Close this concern without saving what you have typed?"
        if self.entryTextEdit.text().strip():
            question += " The timeline note you typed has not been added."
        if self._snapshot() != self._unchanged and not self.asks.confirm(
            self,
            "Unsaved changes",
            question,
        ):
            return False
        self.reject()
        return True

    def discard(self) -> None:
        """Close without saving and forget what the widgets held (on locking)."""
        for edit in ("raisedByEdit", "aboutEdit", "summaryEdit", "entryTextEdit"):
            getattr(self, edit).clear()
        self.detailsEdit.clear()
        self.outcomeEdit.clear()
        self.auditText.clear()
        self.timeline_model.set_entries([])
        self.reject()


class _CloseGuard(QObject):
    """Routes Esc and the window's close button through ``cancel`` (which may keep the form
    open); locking closes the form directly with ``reject``, never through here."""

    def __init__(self, cancel: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._cancel = cancel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and not event.modifiers():
                self._cancel()
                return True
        elif event.type() == QEvent.Type.Close and isinstance(watched, QWidget):
            if watched.isVisible() and not self._cancel():
                event.ignore()
                return True
        return False
