"""Every question the register's views put to the user, in one small class so that tests can
answer them (monkeypatch a method) and no test ever waits on a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class Asks:
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = _box(parent, QMessageBox.Icon.Warning, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return bool(box.exec() == QMessageBox.StandardButton.Yes)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        _box(parent, QMessageBox.Icon.Information, title, text).exec()

    def save_path(self, parent: QWidget | None, title: str, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF files (*.pdf)")
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path

    def secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        from mop_desktop.gui.widgets.passphrase_field import ask_secret

        return ask_secret(parent, title, label)  # with Show and the Caps Lock warning

    def text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        value, ok = QInputDialog.getText(parent, title, label)
        return value.strip() if ok and value.strip() else None

    def new_secret(self, parent: QWidget | None, title: str, what: str) -> str | None:
        """Asked twice; None when cancelled or the two differ (the user is told)."""
        first = self.secret(parent, title, f"{what}:")
        if first is None:
            return None
        second = self.secret(parent, title, f"{what} again:")
        if second is None:
            return None
        if first != second:
            self.inform(parent, title, f"The two entries differ: the {what.lower()} is not set.")
            return None
        return first
