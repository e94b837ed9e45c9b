"""The Concerns page's two faces, built from their layouts with typed widgets: the locked view
(``ui/register_locked.ui``: the passphrase, or "Set up the register") and the table view
(``ui/register_table.ui``: search, filters, the table and its buttons)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from mop_desktop.gui.widgets.typed_ui import load_into


class LockedView(QWidget):
    explainLabel: QLabel
    unlockBox: QWidget
    passphraseEdit: QLineEdit
    unlockButton: QPushButton
    errorLabel: QLabel
    recoveryButton: QPushButton
    setupButton: QPushButton

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        load_into(self, "register_locked")


class TableView(QWidget):
    newButton: QPushButton
    openButton: QPushButton
    exportButton: QPushButton
    moreButton: QToolButton
    lockButton: QPushButton
    searchEdit: QLineEdit
    statusCombo: QComboBox
    categoryCombo: QComboBox
    roleCombo: QComboBox
    fromEdit: QLineEdit
    toEdit: QLineEdit
    table: QTableView
    countLabel: QLabel
    clearFiltersButton: QPushButton

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        load_into(self, "register_table")
