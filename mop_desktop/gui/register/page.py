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
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mop_desktop.domain.concerns import (
    CATEGORIES,
    ROLES,
    STATUSES,
    ConcernError,
    choice_label,
    parse_date_field,
)
from mop_desktop.gui.register import exports, sealed_view
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.case_form import CaseForm
from mop_desktop.gui.register.choices import fill_choices
from mop_desktop.gui.register.export_dialog import ExportDialog
from mop_desktop.gui.register.import_dialog import ImportDialog
from mop_desktop.gui.register.more_actions import MoreActions
from mop_desktop.gui.register.retention import RetentionDialog
from mop_desktop.gui.register.sealed_view import SealedDialog
from mop_desktop.gui.register.setup import RecoveryDialog, SetupDialog, user_message
from mop_desktop.gui.register.sort_arrow import SortArrowStyle
from mop_desktop.gui.register.state import before_locking, lock_register, register_for
from mop_desktop.gui.register.table_model import ConcernTableModel
from mop_desktop.gui.register.views import LockedView, TableView
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.shell.screen_fit import fit_tabs_to_screen
from mop_desktop.gui.widgets.form_helpers import keep_space, say
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.gui.widgets.passphrase_field import add_passphrase_tools
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import sealed
from mop_desktop.services.concerns.attachments import wipe_open_copies
from mop_desktop.services.concerns.query import LIST_COLUMNS, ConcernQuery

SEARCH_DELAY_MS = 250
NAME_WIDTH = 130
#: the widest a column of fixed choices is made (longer labels are elided)
CHOICE_WIDTH = {"status": 150, "category": 180}
#: the columns' order on screen: at 1024 pixels wide, who it is about, the category, the status
#: and the follow-up date are in view before the summary and the details
SHOWN_ORDER = (
    "reference",
    "raised_on",
    "about",
    "category",
    "status",
    "follow_up_on",
    "summary",
    "raised_by",
    "raised_by_role",
    "about_role",
)
ALL = "All"
#: The dialogs that locking closes (every one but the set-up's, and the cases, kept as drafts)
CLOSED_ON_LOCKING = (RetentionDialog, RecoveryDialog, ExportDialog, SealedDialog, ImportDialog)


class ConcernsPage(MoreActions, QWidget):
    def __init__(self, app: AppContext, window: QMainWindow | None = None) -> None:
        super().__init__(window)
        self.setObjectName("ConcernsPage")
        self.app = app
        self.service = register_for(app)
        self.asks = Asks()
        wipe_open_copies()  # copies of attachments left open by a crash
        self._columns_fitted = False
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.locked = self.locked_view = LockedView(self)
        self.table = self.table_view = TableView(self)
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
        before_locking(app, self.keep_drafts)
        self.show_locked()

    # -- the locked view ----------------------------------------------------------------------
    def _build_locked(self) -> None:
        ui = self.locked
        add_passphrase_tools(ui.passphraseEdit)
        keep_space(ui.errorLabel, lines=2)  # a message does not move what is below it
        ui.unlockButton.clicked.connect(self.unlock)
        ui.passphraseEdit.returnPressed.connect(self.unlock)
        ui.recoveryButton.clicked.connect(self.open_recovery)
        ui.setupButton.clicked.connect(self.open_setup)

    def show_locked(self, message: str = "") -> None:
        exists = self._update_locked_view()
        ui = self.locked
        ui.passphraseEdit.clear()
        say(ui.errorLabel, message)
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
            "passphrase to open it."
            if exists
            else "There is no concern register yet. Set it up to keep a confidential, encrypted "
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
            say(self.locked.errorLabel, "Enter the passphrase.")
            self.locked.passphraseEdit.setFocus()
            return
        self.locked.unlockButton.setEnabled(False)
        say(self.locked.errorLabel, "Opening…", error=False)
        run_in_background(
            self, lambda: self.service.unlock(passphrase), self._unlocked, self._unlock_failed
        )

    def _unlocked(self, _result: object = None) -> None:
        self.locked.unlockButton.setEnabled(True)
        self.locked.errorLabel.clear()
        self.show_table()
        announce(self.app, Change.REGISTER)
        self.reopen_drafts()

    def _unlock_failed(self, exc: BaseException) -> None:
        self.locked.unlockButton.setEnabled(True)
        say(self.locked.errorLabel, user_message(exc))
        self.locked.passphraseEdit.setFocus()

    def open_setup(self) -> None:
        form = SetupDialog(self.app, self.service, self, self.asks, self.show_table)
        if self.service.interrupted_setup():
            form.errorLabel.setText(
                "An earlier set-up was interrupted and left a half-made register; it will be "
                "removed and the register set up afresh."
            )
        form.open()

    def open_recovery(self) -> None:
        RecoveryDialog(self.service, self, self._recovered).open()

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
        ui.clearFiltersButton.clicked.connect(self.clear_filters)
        header = ui.table.horizontalHeader()
        self._header_style = SortArrowStyle(header.style().name())
        header.setStyle(self._header_style)
        for visual, name in enumerate(SHOWN_ORDER):  # who and what first, details after
            header.moveSection(header.visualIndex(LIST_COLUMNS.index(name)), visual)
        ui.newButton.clicked.connect(lambda: self.open_case(None))
        ui.openButton.clicked.connect(self._open_selected)
        ui.exportButton.clicked.connect(self._export_selected)
        ui.lockButton.clicked.connect(lambda: lock_register(self.app))
        menu = QMenu(ui.moreButton)
        for text, slot in (
            ("Import your concerns log…", self.open_import),
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
        self._add_page_shortcuts()
        # Open and Case report act on the selected concern: enabled only while there is one
        ui.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._fit_columns)
        self._update_buttons()
        self._update_filters_button()

    def _add_page_shortcuts(self) -> None:
        """Ctrl+N: new concern; Ctrl+F: the search box (on the register's table only)."""
        ui = self.table
        self.page_actions: list[QAction] = []
        for text, keys, slot in (
            ("New concern\u2026", "Ctrl+N", lambda: self.open_case(None)),
            ("Search the register", "Ctrl+F", self._focus_search),
        ):
            action = QAction(text, self.table_view)
            action.setObjectName("actionNewConcern" if keys == "Ctrl+N" else "actionSearch")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.table_view.addAction(action)
            self.page_actions.append(action)
        ui.newButton.setToolTip("Record a new concern (Ctrl+N)")
        ui.searchEdit.setToolTip("Search every field of every concern (Ctrl+F)")

    def _focus_search(self) -> None:
        self.table.searchEdit.setFocus()
        self.table.searchEdit.selectAll()

    def clear_filters(self) -> None:
        """Every concern again: the search, the dates and the three filters emptied."""
        ui = self.table
        for widget in (ui.statusCombo, ui.categoryCombo, ui.roleCombo):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for edit in (ui.searchEdit, ui.fromEdit, ui.toEdit):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self._search_timer.stop()
        self.apply_filters()
        ui.searchEdit.setFocus()

    def _update_filters_button(self) -> None:
        query = self.model.query
        self.table.clearFiltersButton.setEnabled(
            any(
                (
                    query.text.strip(),
                    query.status,
                    query.category,
                    query.role,
                    query.raised_from,
                    query.raised_to,
                    self.table.fromEdit.text().strip(),
                    self.table.toEdit.text().strip(),
                )
            )
        )

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
        view.setColumnWidth(summary, min(max(view.columnWidth(summary), 200), 320))
        # Columns of fixed choices are as wide as their longest choice (the first rows may all
        # hold "officer"; later ones "councillor"), names at least NAME_WIDTH.
        metrics = view.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        choices = {
            "status": STATUSES,
            "raised_by_role": ROLES,
            "about_role": ROLES,
            "category": CATEGORIES,
        }
        for name, values in choices.items():
            column = LIST_COLUMNS.index(name)
            widest = max(metrics.horizontalAdvance(choice_label(v)) for v in values)
            # a long choice ("Referred to the Monitoring Officer") is elided, not given room
            cap = CHOICE_WIDTH.get(name, 240)
            wanted = min(widest + padding, cap)
            view.setColumnWidth(column, min(max(view.columnWidth(column), wanted), cap))
        for name in ("raised_by", "about"):
            column = LIST_COLUMNS.index(name)
            view.setColumnWidth(column, max(view.columnWidth(column), NAME_WIDTH))

    def show_table(self) -> None:
        if not self.service.unlocked:
            self.show_locked()
            return
        self.stack.setCurrentWidget(self.table_view)
        self._columns_fitted = False
        self._fill_categories()
        self.apply_filters()
        self._fit_columns()
        self.table.searchEdit.setFocus()

    def _fill_categories(self) -> None:
        """The category filter offers the clerk's own categories (from their log) too."""
        combo = self.table.categoryCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        fill_choices(combo, self.service.categories(), first=f"{ALL} categories")
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def current_query(self) -> ConcernQuery:
        ui = self.table
        problems = []
        dates: dict[str, dt.date | None] = {}
        for name, edit in (("raised_from", ui.fromEdit), ("raised_to", ui.toEdit)):
            try:
                dates[name] = parse_date_field(name, edit.text(), typed=True)
            except ConcernError as exc:
                dates[name] = None
                problems.append(f"{'From' if name == 'raised_from' else 'To'}: {exc.message}")
        self._filter_problem = "; ".join(problems)

        return dataclasses.replace(
            self.model.query,
            text=ui.searchEdit.text(),
            status=ui.statusCombo.currentData(),
            category=ui.categoryCombo.currentData(),
            role=ui.roleCombo.currentData(),
            raised_from=dates["raised_from"],
            raised_to=dates["raised_to"],
        )

    def apply_filters(self) -> None:
        if not self.service.unlocked:
            return
        from mop_desktop.services.concerns.errors import RegisterStoreFailure

        try:
            self.model.set_query(self.current_query())
        except RegisterStoreFailure:  # damage; the statement and its values are never shown
            self._unreadable()
            return
        self._show_count()

    def search_typed(self) -> None:
        """The search box and dates, after the typing pauses: counted and first rows read off
        the UI thread; a result overtaken by newer typing is dropped."""
        if self.service.unlocked:
            self.model.search(self.current_query(), self._show_count, self._search_failed)

    def _search_failed(self, exc: BaseException) -> None:
        from mop_desktop.services.concerns.errors import RegisterStoreFailure

        if not isinstance(exc, RegisterStoreFailure):
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
        filtered = any(
            (
                query.text.strip(),
                query.status,
                query.category,
                query.role,
                query.raised_from,
                query.raised_to,
            )
        )
        if shown:
            text = counted(shown, "concern")
        elif filtered:
            text = "No concern matches the search and filters."
        else:
            text = "No concerns recorded yet: New concern… records the first."
        if self._filter_problem:
            text = f"{text.rstrip('.')}. {self._filter_problem}"
        self.table.countLabel.setText(text)
        self._update_filters_button()

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
            sealed_view.open_as_chair(self.service, self.asks, self, reference)
            return None
        form = CaseForm(self.app, self.service, reference, self, self.asks, self.export_case)
        fit_tabs_to_screen(form, form.tabs)  # its tabs scroll on a small screen
        form.finished.connect(self._case_closed)
        form.open()
        return form

    def _case_closed(self) -> None:
        if self.service.unlocked:
            self.model.refresh()
            self.apply_filters()

    def open_forms(self) -> list[CaseForm]:
        """The cases open now (a form closed is on its way to deletion: not counted)."""
        return [form for form in self.findChildren(CaseForm) if form.isVisible()]

    # -- PDFs ---------------------------------------------------------------------------------
    def _export_selected(self) -> None:
        reference = self.selected_reference()
        if reference:
            self.export_case(self, reference)

    def export_case(self, parent: QWidget, reference: str) -> ExportDialog:
        return exports.export_case_report(self.app, self.service, self.asks, parent, reference)

    def subject_access(self) -> None:
        exports.subject_access(self.app, self.service, self.asks, self)

    # -- locking ------------------------------------------------------------------------------
    def keep_drafts(self) -> None:
        """Before locking: what each open case holds that is not saved goes into the
        (encrypted) register as that case's draft, to be put back on unlocking."""
        for form in self.open_forms():
            if form.has_changes():
                self.service.save_draft(form.reference or "", form.draft_values())

    def reopen_drafts(self) -> None:
        """After unlocking: each kept draft reopens its case with what was typed, and the
        clerk is told. The draft leaves the register once it is back in a form (locking
        again keeps it again)."""
        if not self.service.unlocked:  # locked again before this turn of the event loop
            return
        told = []
        for draft_id, reference, values in self.service.drafts():
            try:
                form = self.open_case(reference or None)
            except Exception:  # e.g. the concern was deleted meanwhile: the draft stays
                continue
            if form is None:
                return
            form.apply_draft(values)
            what = f"to {reference}" if reference else "to a new concern"
            note = f"Your unsaved changes {what} were kept as a draft"
            form.show_note(f"{note} while the register was locked: save them, or cancel.")
            self.service.discard_draft(draft_id)
            told.append(note)
        if told:
            self.app.statusMessage.emit("; ".join(told) + ".")

    def on_locked(self) -> None:
        for form in self.open_forms():
            form.discard()
        # The set-up dialog stays: it holds only the recovery key, shown once, and closing it
        # before the clerk has written the key down would lose it. The others close: they
        # show register data, or hold a password or a key.
        wipe_open_copies()
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, CLOSED_ON_LOCKING) and dialog.isVisible():
                dialog.reject()
        self.model.clear()
        self.table.searchEdit.clear()
        self.table.countLabel.clear()
        self.show_locked()


def create_page(app: AppContext, window: QMainWindow) -> QWidget:
    return ConcernsPage(app, window)
