"""The import preview (``ui/import_preview.ui``): what was read from the file, before saving.

``choose_and_import(app, parent)`` asks for a file (``ask_open_file``, replaced in tests), reads
it off the UI thread (``gui/widgets/worker.run_in_background``) and opens the preview:
council, title,
adoption, the version history, the outline with numbers, headings, clauses and list items, with
doubtful places highlighted and their reason shown, and the importer's warnings. "Import as
adopted version" (only when the file carries adoption details) or "Import as draft" saves it
with ``services.workspace.save_import``. An ``ImportFailed`` is shown as its one line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QStyle,
    QTreeWidgetItem,
    QWidget,
)

from mop_desktop.domain.dates import format_long, format_short
from mop_desktop.domain.document import Block, ListItem, Section
from mop_desktop.domain.import_corrections import lines_of
from mop_desktop.domain.numbering import list_marker
from mop_desktop.domain.records import Adoption
from mop_desktop.gui.forms.ui_import_preview import Ui_ImportPreviewDialog
from mop_desktop.gui.protocol.import_corrections import (
    LINE_ROLE,
    MARK_BUTTONS,
    Corrector,
    HistoryEditing,
    line_index,
)
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.importer import ImportFailed, ImportResult, read_protocol
from mop_desktop.services.protocol_state import protocol_state
from mop_desktop.services.workspace import save_import

log = logging.getLogger(__name__)

FILE_FILTER = "Protocols (*.docx *.pdf *.txt *.md *.markdown);;All files (*)"
DOUBTFUL_BRUSH = QBrush(QColor(255, 179, 0, 70))  # amber, readable on light and dark palettes

_Index = QModelIndex | QPersistentModelIndex


def ask_open_file(parent: QWidget | None) -> str | None:
    """The file to import, or None if the clerk cancelled (tests replace this)."""
    path, _filter = QFileDialog.getOpenFileName(parent, "Import protocol", "", FILE_FILTER)
    return path or None


class HistoryModel(QAbstractTableModel):
    """The version table as councils print it, over a list of ``Adoption``."""

    HEADERS = (
        "Version",
        "Date of adoption",
        "Minute reference",
        "Review date",
        "Originator/Reviewer",
    )

    def __init__(self, rows: list[Adoption], editing: HistoryEditing | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.editing = editing

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if self.editing is None or not index.isValid():
            return super().flags(index)
        return self.editing.flags()

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if self.editing is None or role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        done = self.editing.set_value(index.row(), index.column(), str(value))
        if done:
            self.dataChanged.emit(index, index)
        return done

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and self.editing is not None and index.isValid():
            return self.editing.edit_text(index.row(), index.column())
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        values = (
            row.version_label,
            format_short(row.adopted_on),
            row.minute_ref,
            format_short(row.review_due),
            row.reviewer,
        )
        return values[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


def describe_adoption(result: ImportResult) -> str:
    if not result.has_adoption:
        return "No adoption details found: the text can only be imported as a draft."
    latest = [a for a in result.history if a.adopted_on][-1]
    text = (
        f"Version {latest.version_label or '(no label)'} adopted {format_long(latest.adopted_on)}"
    )
    if latest.minute_ref:
        text += f" (minute {latest.minute_ref})"
    if latest.review_due:
        text += f"; next review by {format_long(latest.review_due)}"
    return text + "."


def count_doubtful(result: ImportResult) -> int:
    sections = result.text.sections
    return sum(1 for s in sections if s.doubtful) + sum(
        1 for s in sections for b in s.blocks if b.doubtful
    )


class ImportPreview(QDialog):
    """The preview dialog for one import (deleted when closed, or when the file could not be
    read)."""

    def __init__(
        self, app: AppContext, parent: QWidget | None, on_saved: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.app = app
        self.parent_ = parent
        self.on_saved = on_saved
        self.import_result: ImportResult | None = None
        self.saved_as: str | None = None
        self.corrector: Corrector | None = None
        self.file_key: str | None = None
        self.form = Ui_ImportPreviewDialog()
        self.form.setupUi(self)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form.adoptedButton.clicked.connect(lambda: self.save(as_draft=False))
        self.form.draftButton.clicked.connect(lambda: self.save(as_draft=True))
        tree = self.form.outlineTree
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        self.form.previewSplitter.setSizes([440, 200])
        self._connect_corrections()

    # -- reading --------------------------------------------------------------------------------
    def load(self, path: str | Path) -> None:
        """Read ``path`` off the UI thread; the preview opens when it has been read."""
        path = Path(path)

        def work() -> tuple[ImportResult, str]:
            from mop_desktop.services.import_memory import file_key

            return read_protocol(path), file_key(path)

        run_in_background(
            self.parent_,
            work,
            self._read,
            lambda exc: self._failed(path, exc),
            label=f"Reading {path.name}...",
        )

    def _read(self, read: tuple[ImportResult, str]) -> None:
        from mop_desktop.services.import_memory import remembered

        original, self.file_key = read
        corrections = remembered(self.app.store, self.file_key)
        self.corrector = Corrector(original, corrections)
        result, skipped = self.corrector.result()
        self.show_result(result)
        if not corrections.empty:
            self._say(
                "The corrections you made to this file before are applied again"
                + (f" ({skipped} no longer fitted and were left out)." if skipped else ".")
            )
        from mop_desktop.gui.shell.screen_fit import fit_dialog

        fit_dialog(self)
        self.open()

    def _failed(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, ImportFailed):
            message = str(exc)
        else:
            log.error("import of %s failed: %s", path.name, type(exc).__name__, exc_info=exc)
            message = f"{path.name} could not be read ({type(exc).__name__}); see the log."
        messages.tell(self.parent_, "Import protocol", message)
        self.deleteLater()  # never shown

    # -- showing --------------------------------------------------------------------------------
    def show_result(self, result: ImportResult) -> None:
        if self.corrector is None:
            from mop_desktop.domain.import_corrections import Corrections

            self.corrector = Corrector(result, Corrections())
        self.import_result = result
        form = self.form
        form.sourceValue.setText(result.source or "")
        form.councilValue.setText(result.council_name or "")  # placeholder: not named
        form.titleValue.setText(result.text.title or "")  # placeholder: no title found
        form.adoptionValue.setText(describe_adoption(result))
        doubtful = count_doubtful(result)
        contents = result.contents() + "."
        if doubtful == 1:
            contents += " 1 marked place needs checking (highlighted below)."
        elif doubtful:
            contents += f" {doubtful} marked places need checking (highlighted below)."
        form.contentsValue.setText(contents)
        self._fill_outline(result)
        editing = HistoryEditing(list(result.history), self._history_changed, self._history_error)
        form.historyView.setModel(HistoryModel(editing.rows, editing))
        form.historyView.horizontalHeader().setStretchLastSection(True)
        rows = form.historyView.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(form.historyView.fontMetrics().height() + 8)
        form.historyView.resizeColumnsToContents()
        form.historyGroup.setTitle(f"Version history ({len(result.history)})")
        form.warningsList.clear()
        doubtful_lines = [
            (i, line) for i, line in enumerate(lines_of(result.text)) if line.doubtful
        ]
        notes = [
            f"Missing: {m}" for m in getattr(result, "missing", []) if not m.startswith("no title")
        ] + [f"Left out: {i}" for i in getattr(result, "left_out", [])]
        form.warningsList.addItems(
            result.warnings or ([] if doubtful_lines else ["Nothing to check."])
        )
        form.warningsList.addItems(notes)
        for index, line in doubtful_lines:  # each doubtful place, one click from its fix
            words = " ".join(line.text.split()[:8])
            reason = (line.doubtful or "").rstrip(" .")
            entry = QListWidgetItem(
                f"Check “{words}” ({reason}): select it, then say what it is, or Looks right."
            )
            entry.setData(LINE_ROLE, index)
            form.warningsList.addItem(entry)
        form.warningsGroup.setTitle(
            f"Points to check ({len(result.warnings) + len(doubtful_lines)})"
        )
        form.adoptedButton.setVisible(result.has_adoption)
        form.adoptedButton.setDefault(result.has_adoption)
        form.draftButton.setDefault(not result.has_adoption)
        form.noteLabel.setText(self._what_changes())
        form.noteLabel.setVisible(bool(form.noteLabel.text()))

    def _what_changes(self) -> str:
        state = protocol_state(self.app.store)
        notes = []
        if state.has_draft:
            notes.append("Importing as a draft replaces the current draft.")
        result = self.import_result
        if state.has_adopted and result is not None and result.has_adoption:
            notes.append(
                "Importing as the adopted version keeps the current adopted version as superseded."
            )
        return " ".join(notes)

    def _fill_outline(self, result: ImportResult) -> None:
        tree = self.form.outlineTree
        tree.clear()
        self._next_line = 0
        for section in result.text.sections:
            item = self._section_item(section)
            tree.addTopLevelItem(item)
            for block in section.blocks:
                item.addChild(self._block_item(block))
        tree.expandAll()

    def _section_item(self, section: Section) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                section.number,
                section.heading or "(before the first heading)",
                section.doubtful or "",
            ]
        )
        if section.heading.strip():
            self._number_line(item)
        font = QFont(item.font(1))
        font.setBold(bool(section.heading))
        font.setItalic(not section.heading)
        item.setFont(1, font)
        self._mark(item, section.doubtful)
        return item

    def _block_item(self, block: Block) -> QTreeWidgetItem:
        item = QTreeWidgetItem([block.number, block.text, block.doubtful or ""])
        self._number_line(item)
        item.setToolTip(1, block.text)  # the whole clause where the column cuts it short
        self._mark(item, block.doubtful)
        self._add_list(item, block.items, block.list_style)
        return item

    def _add_list(self, parent: QTreeWidgetItem, items: list[ListItem], style: str | None) -> None:
        for index, entry in enumerate(items, start=1):
            child = QTreeWidgetItem([list_marker(style, index), entry.text, ""])
            self._number_line(child)
            child.setToolTip(1, entry.text)
            child.setTextAlignment(0, Qt.AlignmentFlag.AlignRight)
            parent.addChild(child)
            self._add_list(child, entry.items, entry.list_style)

    def _number_line(self, item: QTreeWidgetItem) -> None:
        """The item's place among the lines the corrections speak of (reading order)."""
        item.setData(0, LINE_ROLE, self._next_line)
        self._next_line += 1

    # -- corrections ----------------------------------------------------------------------------
    def _connect_corrections(self) -> None:
        form = self.form
        for name, kind in MARK_BUTTONS.items():
            getattr(form, name).clicked.connect(lambda _=False, k=kind: self.mark_selected(k))
        form.markRightButton.clicked.connect(lambda: self.mark_selected("right"))
        form.undoCorrectionButton.clicked.connect(self.undo_correction)
        form.councilValue.editingFinished.connect(self._council_edited)
        form.titleValue.editingFinished.connect(self._title_edited)
        form.addHistoryButton.clicked.connect(self.add_history_row)
        form.removeHistoryButton.clicked.connect(self.remove_history_row)
        form.warningsList.itemActivated.connect(self._go_to_warning)
        form.outlineTree.currentItemChanged.connect(lambda *_: self._update_mark_buttons())
        self._update_mark_buttons()

    def _say(self, text: str) -> None:
        self.form.correctionLabel.setText(text)

    def _update_mark_buttons(self) -> None:
        chosen = line_index(self.form.outlineTree.currentItem()) is not None
        for name in (*MARK_BUTTONS, "markRightButton"):
            getattr(self.form, name).setEnabled(chosen)
        has = self.corrector is not None and bool(self.corrector.corrections.lines)
        self.form.undoCorrectionButton.setEnabled(has)

    def mark_selected(self, kind: str) -> None:
        """Say what the selected line is; the preview is rebuilt from the corrected import."""
        index = line_index(self.form.outlineTree.currentItem())
        if index is None or self.corrector is None:
            return
        said = self.corrector.mark(index, kind)
        if said:
            self._refresh(said, select=index)

    def undo_correction(self) -> None:
        if self.corrector is not None and self.corrector.undo():
            self._refresh("The last correction was taken back.")

    def _refresh(self, said: str, select: int | None = None) -> None:
        assert self.corrector is not None
        council, title = self.form.councilValue.text(), self.form.titleValue.text()
        result, _skipped = self.corrector.result()
        self.show_result(result)
        if self.corrector.corrections.council is not None:
            self.form.councilValue.setText(council)
        if self.corrector.corrections.title is not None:
            self.form.titleValue.setText(title)
        self._say(said)
        if select is not None:
            self._select_line(select)
        self._update_mark_buttons()

    def _select_line(self, index: int) -> None:
        tree = self.form.outlineTree
        items: list[QTreeWidgetItem] = []
        stack = [tree.topLevelItem(i) for i in reversed(range(tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            items.append(item)
            stack.extend(item.child(c) for c in reversed(range(item.childCount())))
        numbered = [it for it in items if line_index(it) is not None]
        if numbered:
            target = min(numbered, key=lambda it: abs((line_index(it) or 0) - index))
            tree.setCurrentItem(target)
            tree.scrollToItem(target)

    def _go_to_warning(self, item: Any) -> None:
        """A doubtful place in the list: select its line, ready for its one-click fix."""
        index = item.data(LINE_ROLE)
        if index is not None:
            self._select_line(int(index))
            self.form.outlineTree.setFocus()

    def _council_edited(self) -> None:
        if self.corrector is not None:
            self.corrector.set_council(self.form.councilValue.text().strip())

    def _title_edited(self) -> None:
        if self.corrector is not None:
            self.corrector.set_title(self.form.titleValue.text().strip())

    def _history_changed(self, rows: list[Adoption]) -> None:
        if self.corrector is not None:
            self.corrector.set_history(rows)
            self._update_history_caption(rows)

    def _history_error(self, text: str) -> None:
        self.form.historyErrorLabel.setText(text)

    def _update_history_caption(self, rows: list[Adoption]) -> None:
        self.form.historyGroup.setTitle(f"Version history ({len(rows)})")
        if self.import_result is not None:
            self.import_result.history = list(rows)
            self.form.adoptionValue.setText(describe_adoption(self.import_result))
            self.form.adoptedButton.setVisible(self.import_result.has_adoption)

    def add_history_row(self) -> None:
        model = self.form.historyView.model()
        if not isinstance(model, HistoryModel) or model.editing is None:
            return
        model.beginInsertRows(QModelIndex(), len(model.rows), len(model.rows))
        model.rows.append(Adoption("", None))
        model.endInsertRows()
        self._history_changed(model.rows)
        index = model.index(len(model.rows) - 1, 0)
        self.form.historyView.setCurrentIndex(index)
        self.form.historyView.edit(index)

    def remove_history_row(self) -> None:
        model = self.form.historyView.model()
        index = self.form.historyView.currentIndex()
        if not isinstance(model, HistoryModel) or model.editing is None or not index.isValid():
            return
        model.beginRemoveRows(QModelIndex(), index.row(), index.row())
        del model.rows[index.row()]
        model.endRemoveRows()
        self._history_changed(model.rows)

    def _mark(self, item: QTreeWidgetItem, reason: str | None) -> None:
        if not reason:
            return
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        item.setIcon(0, icon)
        for column in range(3):
            item.setBackground(column, DOUBTFUL_BRUSH)
            item.setToolTip(column, f"Check this: {reason}")

    # -- saving ---------------------------------------------------------------------------------
    def save(self, as_draft: bool) -> None:
        """Save in one transaction; if it fails the store is unchanged and the preview stays."""
        from mop_desktop.services.import_memory import remember

        assert self.import_result is not None and self.corrector is not None
        self._council_edited()
        self._title_edited()
        result, _skipped = self.corrector.result()
        self.import_result = result
        store, key, corrections = self.app.store, self.file_key, self.corrector.corrections

        def work() -> str:
            saved_as = save_import(store, result, as_draft=as_draft)
            if key is not None:
                remember(store, key, corrections)
            return saved_as

        def failed(message: str, error: BaseException) -> None:
            if isinstance(error, UnicodeEncodeError):
                message = (
                    "Nothing was saved: the text has a broken character (half of an emoji or "
                    "symbol). Correct it in the file and import it again."
                )
            elif isinstance(error, ValueError):  # text that cannot be stored, named by the guard
                message = f"Nothing was saved: {message}"
            messages.tell(self, "Import protocol", message)

        def saved(saved_as: str) -> None:
            self.saved_as = saved_as
            self.app.statusMessage.emit(f"Protocol imported as the {saved_as} version.")
            self.accept()
            if self.on_saved is not None:
                self.on_saved()

        changes = {Change.DOCUMENT, Change.SCHEDULE} | (
            {Change.COUNCIL} if result.council_name else set()
        )
        Operation(
            self.app, self, work, changes=changes, title="Import protocol", expected=(ValueError,)
        ).success(saved).failure(failed).run_now()


def choose_and_import(
    app: AppContext,
    parent: QWidget | None,
    path: str | Path | None = None,
    on_saved: Callable[[], None] | None = None,
) -> ImportPreview | None:
    """Ask for a file (unless ``path`` is given), read it and open the preview over ``parent``.
    Returns the preview (it opens once the file has been read), or None if no file was chosen."""
    chosen = path if path is not None else ask_open_file(parent)
    if not chosen:
        return None
    preview = ImportPreview(app, parent, on_saved)
    preview.load(chosen)
    return preview
