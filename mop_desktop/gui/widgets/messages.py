"""Message boxes the shell asks through, so that tests can answer them (monkeypatch
``messages.tell`` / ``messages.confirm``; call them as ``messages.tell(...)``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mop_desktop.domain.wording import counted

__all__ = ["confirm", "counted", "full_sentence", "not_saved", "sentence", "tell"]


def tell(
    parent: QWidget | None, title: str, text: str, critical: bool = False, *, success: bool = False
) -> None:
    """A message shown as plain text with an OK button: a warning icon, a critical one with
    ``critical``, an information icon with ``success`` (something went well: "Backup
    restored", "The data is sound" are never shown as a warning)."""
    box = QMessageBox(parent)
    if success:
        box.setIcon(QMessageBox.Icon.Information)
    else:
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


def full_sentence(text: str) -> str:
    """``sentence`` with a full stop at the end, for a message shown on its own in a form."""
    text = sentence(text)
    return text if text[-1:] in (".", "!", "?", "") else text + "."


def not_saved(exc: BaseException) -> str:
    """One line for a store error while saving (nothing was saved): the machine's failure when
    it is one (disk full, read-only folder), otherwise the kind of error and where to look."""
    from mop_desktop.store.failures import explain

    failure = explain(exc)
    if failure is not None:
        return f"Nothing was saved: {failure}."
    return (
        "Nothing was saved: the data store could not be written "
        f"({type(exc).__name__}). Try again; if it keeps failing, see the log."
    )
