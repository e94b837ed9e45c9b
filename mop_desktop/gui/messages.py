"""Message boxes the shell asks through, so that tests can answer them (monkeypatch
``messages.tell`` / ``messages.confirm``; call them as ``messages.tell(...)``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def tell(parent: QWidget | None, title: str, text: str, critical: bool = False) -> None:
    """A message shown as plain text with an OK button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A yes/cancel question; True when the clerk chose ``yes``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def sentence(text: str) -> str:
    """A service's one-line message ("a draft already exists: ...", written to follow
    "error: " on the command line) as a sentence for the status bar or a label."""
    return text[:1].upper() + text[1:]
