"""The Concerns page: the confidential register.

It opens locked (``ui/register_locked.ui``: the passphrase field, or "Set up the register"
when there is none yet). Unlocked, it shows the table (``ui/register_table.ui``) over the whole
register through ``ConcernTableModel`` (paged queries), with search as you type (debounced,
FTS5 over every field), filters (status, category, role, dates raised) and sorting. Locking
(Ctrl+L, the idle lock, the Lock button) clears the table, closes open cases and drops the key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from mop_desktop.domain.concerns import (
    CATEGORIES,
    ROLES,
    STATUSES,
    ConcernError,
    choice_label,
    parse_date_field,
)
from mop_desktop.gui.context import AppContext
from mop_desktop.gui.messages import counted
from mop_desktop.gui.register import exports
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register import sealed_view
from mop_desktop.gui.register.case_form import CaseForm
from mop_desktop.services.concerns import sealed
from mop_desktop.services.concerns.attachments import wipe_open_copies
from mop_desktop.gui.register.choices import fill_choices
from mop_desktop.gui.register.retention import RetentionDialog
from mop_desktop.gui.register.setup import RecoveryDialog, SetupDialog, user_message
from mop_desktop.gui.register.state import lock_register, register_for
from mop_desktop.gui.register.table_model import ConcernTableModel
from mop_desktop.gui.uiloader import UiForm, load_ui
from mop_desktop.gui.worker import run_in_background
from mop_desktop.services.concerns.query import LIST_COLUMNS, ConcernQuery

SEARCH_DELAY_MS = 250
NAME_WIDTH = 130
ALL = "All"


class ConcernsPage(QWidget):
    def __init__(self, app: AppContext, window: QMainWindow | None = None) -> None:
        super().__init__(window)
        self.setObjectName("ConcernsPage")
        self.app = app
        self.service = register_for(app)
        self.asks = Asks()
        wipe_open_copies()  # copies of attachments left open by a crash
        self.forms: list[CaseForm] = []
        self._columns_fitted = False
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.locked_view = load_ui("register_locked", self)
        self.locked = UiForm(self.locked_view)
        self.table_view = load_ui("register_table", self)
        self.table = UiForm(self.table_view)
        self.stack.addWidget(self.locked_view)
        self.stack.addWidget(self.table_view)

        self.model = ConcernTableModel(self.service, self)
        self.table.table.setModel(self.model)
        self.table.table.horizontalHeader().setSortIndicator(
            LIST_COLUMNS.index("raised_on"), Qt.SortOrder.DescendingOrder
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_typed)
        self._build_locked()
        self._build_table()
        app.registerLocked.connect(self.on_locked)
        self.show_locked()

    # -- the locked view ----------------------------------------------------------------------
    def _build_locked(self) -> None:
        ui = self.locked
        ui.unlockButton.clicked.connect(self.unlock)
        ui.passphraseEdit.returnPressed.connect(self.unlock)
        ui.recoveryButton.clicked.connect(self.open_recovery)
        ui.setupButton.clicked.connect(self.open_setup)

    def show_locked(self, message: str = "") -> None:
        exists = self._update_locked_view()
        ui = self.locked
        ui.passphraseEdit.clear()
        ui.errorLabel.setText(message)
        self.stack.setCurrentWidget(self.locked_view)
        if exists:
            ui.passphraseEdit.setFocus()

    def _update_locked_view(self) -> bool:
        """Passphrase or "Set up", by whether the register is there now (it may have been set
        up or restored from the command line or a backup while the window was open)."""
        exists = self.service.exists()
        ui = self.locked
        if exists and ui.setupButton.isVisibleTo(self.locked_view):
            ui.errorLabel.clear()  # a message about the register that was not there
        ui.unlockBox.setVisible(exists)
        ui.recoveryButton.setVisible(exists)
        ui.setupButton.setVisible(not exists)
        ui.explainLabel.setText(
            "The register is locked. It holds personal data and is kept encrypted; enter the "
            "passphrase to open it." if exists else
            "There is no concern register yet. Set it up to keep a confidential, encrypted "
            "record of concerns raised under the protocol."
        )
        return exists

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.stack.currentWidget() is self.locked_view:
            self._update_locked_view()

    def unlock(self) -> None:
        passphrase = self.locked.passphraseEdit.text()
        self.locked.passphraseEdit.clear()
        if not passphrase:
            self.locked.errorLabel.setText("Enter the passphrase.")
            return
        self.locked.unlockButton.setEnabled(False)
        self.locked.errorLabel.setText("Opening…")
        run_in_background(self, lambda: self.service.unlock(passphrase), self._unlocked,
                          self._unlock_failed)

    def _unlocked(self, _result: object = None) -> None:
        self.locked.unlockButton.setEnabled(True)
        self.locked.errorLabel.clear()
        self.show_table()
        self.app.registerChanged.emit()

    def _unlock_failed(self, exc: BaseException) -> None:
        self.locked.unlockButton.setEnabled(True)
        self.locked.errorLabel.setText(user_message(exc))
        self.locked.passphraseEdit.setFocus()

    def open_setup(self) -> None:
        form = SetupDialog(self.app, self.service, self, self.asks, self.show_table)
        self._setup = form
        form.dialog.open()

    def open_recovery(self) -> None:
        form = RecoveryDialog(self.service, self, self._recovered)
        self._recovery = form
        form.dialog.open()

    def _recovered(self) -> None:
        self.app.statusMessage.emit("The register is open and its passphrase is changed.")
        self._unlocked()

    # -- the table ----------------------------------------------------------------------------
    def _build_table(self) -> None:
        ui = self.table
        fill_choices(ui.statusCombo, STATUSES, first=f"{ALL} statuses")
        fill_choices(ui.categoryCombo, CATEGORIES, first=f"{ALL} categories")
        fill_choices(ui.roleCombo, ROLES, first=f"{ALL} roles")
        ui.searchEdit.textChanged.connect(self._search_timer.start)
        ui.fromEdit.textChanged.connect(self._search_timer.start)
        ui.toEdit.textChanged.connect(self._search_timer.start)
        for combo in (ui.statusCombo, ui.categoryCombo, ui.roleCombo):
            combo.currentIndexChanged.connect(self.apply_filters)
        ui.table.activated.connect(self._open_index)  # double-click or Enter
        ui.newButton.clicked.connect(lambda: self.open_case(None))
        ui.openButton.clicked.connect(self._open_selected)
        ui.exportButton.clicked.connect(self._export_selected)
        ui.lockButton.clicked.connect(lambda: lock_register(self.app))
        menu = QMenu(ui.moreButton)
        for text, slot in (
            ("Retention review…", self.open_retention),
            ("Subject access export…", self.subject_access),
            ("Change passphrase…", self.change_passphrase),
            ("Replace recovery key…", self.replace_recovery_key),
            ("Set up the chair's key…", self.set_up_chair),
            ("Seal to the chair of the personnel committee…", self.seal_selected),
        ):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        ui.moreButton.setMenu(menu)
        # Open and Case report act on the selected concern: enabled only while there is one
        ui.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._fit_columns)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = self.selected_reference() is not None
        self.table.openButton.setEnabled(has_selection)
        self.table.exportButton.setEnabled(has_selection)

    def _fit_columns(self) -> None:
        """Columns sized to what they hold, once there are rows to measure (a register opened
        empty would otherwise keep header-wide columns after the first concerns are added)."""
        if self._columns_fitted or self.model.rowCount() == 0:
            return
        self._columns_fitted = True
        view = self.table.table
        view.resizeColumnsToContents()
        summary = LIST_COLUMNS.index("summary")
        view.setColumnWidth(summary, min(max(view.columnWidth(summary), 200), 360))
        # Columns of fixed choices are as wide as their longest choice (the first rows may all
        # hold "officer"; later ones "councillor"), names at least NAME_WIDTH.
        metrics = view.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        choices = {
            "status": STATUSES, "raised_by_role": ROLES, "about_role": ROLES,
            "category": CATEGORIES,
        }
        for name, values in choices.items():
            column = LIST_COLUMNS.index(name)
            widest = max(metrics.horizontalAdvance(choice_label(v)) for v in values)
            wanted = min(widest + padding, 240)
            view.setColumnWidth(column, max(view.columnWidth(column), wanted))
        for name in ("raised_by", "about"):
            column = LIST_COLUMNS.index(name)
            view.setColumnWidth(column, max(view.columnWidth(column), NAME_WIDTH))

    def show_table(self) -> None:
        if not self.service.unlocked:
            self.show_locked()
            return
        self.stack.setCurrentWidget(self.table_view)
        self._columns_fitted = False
        self.apply_filters()
        self._fit_columns()
        self.table.searchEdit.setFocus()

    def current_query(self) -> ConcernQuery:
        ui = self.table
        problems = []
        dates: dict[str, dt.date | None] = {}
        for name, edit in (("raised_from", ui.fromEdit), ("raised_to", ui.toEdit)):
            try:
                dates[name] = parse_date_field(name, edit.text())
            except ConcernError as exc:
                dates[name] = None
                problems.append(f"{'From' if name == 'raised_from' else 'To'}: {exc.message}")
        self._filter_problem = "; ".join(problems)

        return dataclasses.replace(
            self.model.query, text=ui.searchEdit.text(), status=ui.statusCombo.currentData(),
            category=ui.categoryCombo.currentData(), role=ui.roleCombo.currentData(), **dates,
        )

    def apply_filters(self) -> None:
        if not self.service.unlocked:
            return
        from sqlalchemy.exc import DatabaseError

        try:
            self.model.set_query(self.current_query())
        except DatabaseError:  # a damaged page; the statement and its values are never shown
            self._unreadable()
            return
        self._show_count()

    def search_typed(self) -> None:
        """The search box and dates, after the typing pauses: counted and first rows read off
        the UI thread; a result overtaken by newer typing is dropped."""
        if self.service.unlocked:
            self.model.search(self.current_query(), self._show_count, self._search_failed)

    def _search_failed(self, exc: BaseException) -> None:
        from sqlalchemy.exc import DatabaseError

        if not isinstance(exc, DatabaseError):
            raise exc
        self._unreadable()

    def _unreadable(self) -> None:
        self.model.clear()
        self.table.countLabel.setText(
            "The register could not be read: register.db is damaged. Restore it from backup."
        )

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        query = self.model.query
        filtered = any((query.text.strip(), query.status, query.category, query.role,
                        query.raised_from, query.raised_to))
        if shown:
            text = counted(shown, "concern")
        elif filtered:
            text = "No concern matches the search and filters."
        else:
            text = "No concerns recorded yet: New concern… records the first."
        if self._filter_problem:
            text = f"{text.rstrip('.')}. {self._filter_problem}"
        self.table.countLabel.setText(text)

    def selected_reference(self) -> str | None:
        rows = self.table.table.selectionModel().selectedRows()
        return self.model.reference_at(rows[0].row()) if rows else None

    def _open_index(self, index: QModelIndex) -> None:
        reference = self.model.reference_at(index.row())
        if reference:
            self.open_case(reference)

    def _open_selected(self) -> None:
        reference = self.selected_reference()
        if reference:
            self.open_case(reference)

    def open_case(self, reference: str | None) -> CaseForm | None:
        if not self.service.unlocked:
            self.show_locked()
            return None
        if reference is not None and sealed.is_sealed(self.service, reference):
            self._sealed_view = sealed_view.open_as_chair(self.service, self.asks, self, reference)
            return None
        form = CaseForm(self.app, self.service, reference, self, self.asks, self.export_case)
        self.forms.append(form)

        def finished() -> None:
            if form in self.forms:
                self.forms.remove(form)
            if self.service.unlocked:
                self.model.refresh()
                self.apply_filters()

        form.dialog.finished.connect(finished)
        form.dialog.open()
        return form

    # -- PDFs ---------------------------------------------------------------------------------
    def _export_selected(self) -> None:
        reference = self.selected_reference()
        if reference:
            self.export_case(self, reference)

    def export_case(self, parent: QWidget, reference: str) -> None:
        exports.export_case(self.app, self.service, self.asks, parent, reference)

    def subject_access(self) -> None:
        exports.subject_access(self.app, self.service, self.asks, self)

    # -- keys and retention -------------------------------------------------------------------
    def change_passphrase(self) -> None:
        new = self.asks.new_secret(self, "Change passphrase", "New passphrase")
        if not new:
            return
        run_in_background(
            self, lambda: self.service.change_passphrase(new),
            lambda _r: self.app.statusMessage.emit("The passphrase is changed."),
            lambda exc: self.asks.inform(self, "Change passphrase", user_message(exc)),
            "Changing the passphrase…",
        )

    def replace_recovery_key(self) -> None:
        if not self.asks.confirm(
            self, "Replace recovery key",
            "Issue a new recovery key? The old one (in the safe) stops working at once.",
        ):
            return
        try:
            key = self.service.replace_recovery_key()
        except Exception as exc:  # noqa: BLE001 - shown as one line
            self.asks.inform(self, "Replace recovery key", user_message(exc))
            return
        form = SetupDialog(self.app, self.service, self, self.asks, lambda: None)
        form.show_key(key)
        self._setup = form
        form.dialog.open()

    def set_up_chair(self) -> None:
        sealed_view.set_up_chair(self.service, self.asks, self)

    def seal_selected(self) -> None:
        reference = self.selected_reference()
        if reference is None:
            self.asks.inform(self, "Seal to the chair", "Select the concern to seal first.")
            return
        if sealed_view.seal_selected(self.service, self.asks, self, reference):
            self.app.registerChanged.emit()
            self.model.refresh()
            self.apply_filters()

    def open_retention(self) -> None:
        dialog = RetentionDialog(self.app, self.service, self, self.asks)
        self._retention = dialog
        dialog.dialog.finished.connect(self.apply_filters)
        dialog.dialog.open()

    # -- locking ------------------------------------------------------------------------------
    def on_locked(self) -> None:
        for form in list(self.forms):
            form.close()
        self.forms.clear()
        # The set-up dialog stays: it holds only the recovery key, shown once, and closing it
        # before the clerk has written the key down would lose it.
        wipe_open_copies()
        for name in ("_retention", "_recovery", "_sealed_view"):
            holder = getattr(self, name, None)
            if holder is not None:
                holder.dialog.reject()
                setattr(self, name, None)
        self.model.clear()
        self.table.searchEdit.clear()
        self.table.countLabel.clear()
        self.show_locked()


def create_page(app: AppContext, window: QMainWindow) -> QWidget:
    return ConcernsPage(app, window)
