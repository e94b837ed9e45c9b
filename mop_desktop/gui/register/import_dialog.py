"""Import your concerns log: choose the .csv or .xlsx file (and the sheet), check which column
holds which field (guessed from the headers, each one changeable, or left out), see the first
rows, then import. Nothing is saved before Import; all rows or none; rows already in the
register are skipped and counted. A problem is shown in one line naming the line and column,
never the cell's content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mop_desktop.domain.concerns import field_label
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.log_import import (
    FIELDS,
    SKIP,
    ImportResult,
    LogImportError,
    Table,
    add_prepared,
    guess,
    prepare,
    read_table,
    sheet_names,
)
from mop_desktop.services.concerns.log_import.values import cell_text

PREVIEW_ROWS = 5
LEAVE_OUT = "— leave out —"
CHOOSE = "— choose a field —"
FILTERS = "Concerns logs (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"


class ImportDialog(QDialog):
    def __init__(
        self, app: AppContext, service: RegisterService, parent: QWidget, asks: Asks
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.app = app
        self.service = service
        self.asks = asks
        self.path: Path | None = None
        self.table: Table | None = None
        self.result_text = ""
        dialog = self
        dialog.setObjectName("ImportLogDialog")
        dialog.setWindowTitle("Import your concerns log")
        dialog.resize(820, 560)
        layout = QVBoxLayout(dialog)
        intro = QLabel(
            "Bring in the concerns log you keep already (Excel .xlsx or CSV). Check which column "
            "holds what, then Import. Your references and categories are kept as written; rows "
            "already in the register are skipped.",
            dialog,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.fileLabel = QLabel("No file chosen.", dialog)
        self.fileLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.chooseButton = QPushButton("&Choose file…", dialog)
        self.sheetLabel = QLabel("&Sheet:", dialog)
        self.sheetCombo = QComboBox(dialog)
        self.sheetLabel.setBuddy(self.sheetCombo)
        row.addWidget(self.fileLabel, 1)
        row.addWidget(self.sheetLabel)
        row.addWidget(self.sheetCombo)
        row.addWidget(self.chooseButton)
        layout.addLayout(row)
        mapping_label = QLabel("&Which column holds what:", dialog)
        layout.addWidget(mapping_label)
        self.mappingTable = QTableWidget(0, 2, dialog)
        self.mappingTable.setHorizontalHeaderLabels(["Column in your log", "Holds"])
        self.mappingTable.verticalHeader().setVisible(False)
        self.mappingTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        mapping_label.setBuddy(self.mappingTable)
        layout.addWidget(self.mappingTable, 2)
        layout.addWidget(QLabel(f"The first {PREVIEW_ROWS} rows:", dialog))
        self.previewTable = QTableWidget(0, 0, dialog)
        self.previewTable.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.previewTable, 2)
        self.messageLabel = QLabel("", dialog)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.messageLabel)
        self.buttonBox = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
        self.importButton = self.buttonBox.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.importButton.setEnabled(False)
        layout.addWidget(self.buttonBox)
        self.chooseButton.clicked.connect(self.choose_file)
        self.sheetCombo.currentIndexChanged.connect(self._sheet_changed)
        self.importButton.clicked.connect(self.run_import)
        self.buttonBox.rejected.connect(dialog.reject)
        self._show_sheets([])

    # -- the file -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = self.asks.open_path(self, "Import your concerns log", FILTERS)
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read the file's headings and rows off the UI thread (a large workbook takes
        seconds), then show the guessed columns and the first rows."""
        self.path = path
        self.table = None
        self.fileLabel.setText(path.name)
        self.importButton.setEnabled(False)
        self.messageLabel.setText("Reading the file…")
        self._show_sheets([])

        def work() -> tuple[list[str], Table]:
            sheets = sheet_names(path)
            return sheets, read_table(path, sheets[0] if sheets else None)

        def loaded(result: tuple[list[str], Table]) -> None:
            if self.path == path:  # not overtaken by another file chosen meanwhile
                self._show_sheets(result[0])
                self._show_table(result[1])

        run_in_background(self, work, loaded, self._read_failed(path))

    def _read_failed(self, path: Path) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, LogImportError):
                raise exc
            if self.path == path:
                self._problem(str(exc))

        return failed

    def _show_sheets(self, sheets: list[str]) -> None:
        self.sheetCombo.blockSignals(True)
        self.sheetCombo.clear()
        self.sheetCombo.addItems(sheets)
        self.sheetCombo.blockSignals(False)
        self.sheetLabel.setVisible(len(sheets) > 1)
        self.sheetCombo.setVisible(len(sheets) > 1)

    def _sheet_changed(self) -> None:
        if self.path is None:
            return
        path, sheet = self.path, self._sheet()
        self.importButton.setEnabled(False)
        self.messageLabel.setText("Reading the sheet…")

        def shown(table: Table) -> None:
            if self.path == path and self._sheet() == sheet:
                self._show_table(table)

        run_in_background(self, lambda: read_table(path, sheet), shown, self._read_failed(path))

    def _sheet(self) -> str | None:
        return self.sheetCombo.currentText() or None

    def _show_table(self, table: Table) -> None:
        self.table = table
        self._fill_mapping(table)
        self._fill_preview(table)
        self.importButton.setEnabled(True)
        self.messageLabel.setText(self._mapping_note())

    def _problem(self, text: str) -> bool:
        self.table = None
        self.mappingTable.setRowCount(0)
        self.previewTable.setRowCount(0)
        self.previewTable.setColumnCount(0)
        self.importButton.setEnabled(False)
        self.messageLabel.setText(text)
        return False

    # -- the mapping --------------------------------------------------------------------------
    def _fill_mapping(self, table: Table) -> None:
        guessed = guess(table.headers)
        self.mappingTable.setRowCount(len(table.headers))
        for row, (header, target) in enumerate(zip(table.headers, guessed, strict=True)):
            item = QTableWidgetItem(header or "(no heading)")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mappingTable.setItem(row, 0, item)
            combo = QComboBox(self.mappingTable)
            combo.addItem(CHOOSE, "")
            combo.addItem(LEAVE_OUT, SKIP)
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            combo.currentIndexChanged.connect(
                lambda _i: self.messageLabel.setText(self._mapping_note())
            )
            self.mappingTable.setCellWidget(row, 1, combo)

    def mapping(self) -> dict[str, str]:
        """{header: field or SKIP} as chosen (a column still to choose is not in it)."""
        if self.table is None:
            return {}
        chosen = {}
        for row, header in enumerate(self.table.headers):
            combo = self.mappingTable.cellWidget(row, 1)
            value = combo.currentData() if isinstance(combo, QComboBox) else ""
            if header and value:
                chosen[header] = value
        return chosen

    def set_field(self, header: str, field_name: str) -> None:
        """Choose what a column holds (as the clerk would in its drop-down)."""
        assert self.table is not None
        combo = self.mappingTable.cellWidget(self.table.headers.index(header), 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(field_name))

    def _mapping_note(self) -> str:
        if self.table is None:
            return ""
        unknown = [h for h in self.table.headers if h and h not in self.mapping()]
        if unknown:
            return "Choose what these columns hold, or leave them out: " + ", ".join(
                f'"{h}"' for h in unknown
            )
        return f"{len(self.table.rows)} row(s) to import. Nothing is saved until you press Import."

    def _fill_preview(self, table: Table) -> None:
        rows = table.rows[:PREVIEW_ROWS]
        self.previewTable.setColumnCount(len(table.headers))
        self.previewTable.setHorizontalHeaderLabels(table.headers)
        self.previewTable.setRowCount(len(rows))
        self.previewTable.setVerticalHeaderLabels([str(line) for line, _ in rows])
        for r, (_line, cells) in enumerate(rows):
            for c in range(len(table.headers)):
                value = cell_text(cells[c]) if c < len(cells) else ""
                self.previewTable.setItem(r, c, QTableWidgetItem(value))

    # -- importing ----------------------------------------------------------------------------
    def run_import(self) -> None:
        """Check every row and add the new ones, off the UI thread; the outcome (or the one
        problem, by line and column) is shown below the tables."""
        if self.path is None or self.table is None:
            return
        path, columns, sheet = self.path, self.mapping(), self._sheet()
        self.importButton.setEnabled(False)
        self.messageLabel.setText("Importing…")
        run_in_background(
            self,
            lambda: add_prepared(self.service, prepare(path, columns, sheet)),
            self._imported,
            self._import_failed,
            "Importing your concerns log…",
        )

    def _imported(self, result: ImportResult) -> None:
        self.result_text = result.summary()
        self.messageLabel.setText(self.result_text)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        announce(self.app, Change.REGISTER)
        self.app.statusMessage.emit(self.result_text)

    def _import_failed(self, exc: BaseException) -> None:
        from mop_desktop.gui.register.setup import user_message
        from mop_desktop.gui.widgets.messages import not_saved
        from mop_desktop.services.concerns.errors import RegisterStoreFailure
        from mop_desktop.store.register import RegisterError

        self.importButton.setEnabled(self.table is not None)
        if isinstance(exc, LogImportError):
            self.messageLabel.setText(f"Nothing was imported. {exc}")
        elif isinstance(exc, RegisterStoreFailure):
            self.messageLabel.setText(exc.not_saved())
        elif isinstance(exc, RegisterError):
            self.messageLabel.setText(f"Nothing was imported: {user_message(exc)}")
        elif isinstance(exc, OSError):
            self.messageLabel.setText(not_saved(exc))
        else:
            raise exc
