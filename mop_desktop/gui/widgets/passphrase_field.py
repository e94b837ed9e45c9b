"""Every passphrase field gets a "Show" button and a Caps Lock warning.

``add_passphrase_tools(edit) -> PassphraseTools`` puts the field in a row with a checkable
"Show" button (the typed text is shown while it is pressed) and a "Caps Lock is on" warning
(its room kept, so nothing moves when it appears). ``ask_secret(parent, title, label)`` is a
small dialog with such a field (instead of QInputDialog).

Caps Lock: Windows is asked directly (``GetKeyState``); elsewhere it is read from the letters
typed: a capital without Shift, or a small letter with Shift, means Caps Lock is on.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mop_desktop.gui.widgets.form_helpers import error_colour

CAPS_TEXT = "Caps Lock is on"


def windows_caps_lock() -> bool | None:
    """Caps Lock's state on Windows; None elsewhere (or when it cannot be asked)."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        return bool(ctypes.windll.user32.GetKeyState(0x14) & 1)
    except (AttributeError, OSError):
        return None


def caps_from_key(event: QKeyEvent) -> bool | None:
    """What a typed letter says about Caps Lock (None for anything but a letter)."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.upper() == text.lower():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class PassphraseTools(QObject):
    """The Show button and the Caps Lock warning of one passphrase field."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        parent = edit.parentWidget()
        self.row = QWidget(parent)
        self.row.setObjectName(f"{edit.objectName()}Row")
        parent_layout = parent.layout() if parent is not None else None
        if parent_layout is not None:
            parent_layout.replaceWidget(edit, self.row, Qt.FindChildOption.FindChildrenRecursively)
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        self.show_button = QToolButton(self.row)
        self.show_button.setObjectName(f"{edit.objectName()}ShowButton")
        self.show_button.setText("Show")
        self.show_button.setCheckable(True)
        self.show_button.setToolTip("Show the passphrase as it is typed (hide it again after)")
        self.show_button.setAccessibleName("Show passphrase")
        self.show_button.toggled.connect(self._show_text)
        layout.addWidget(self.show_button)
        self.caps_label = QLabel(CAPS_TEXT, self.row)
        self.caps_label.setObjectName(f"{edit.objectName()}CapsLabel")
        self.caps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.caps_label.setStyleSheet(f"color: {error_colour(self.caps_label)};")
        policy = self.caps_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Fixed)
        self.caps_label.setSizePolicy(policy)
        self.caps_label.hide()
        layout.addWidget(self.caps_label)
        self.caps_on = False
        edit.installEventFilter(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)

    def _show_text(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText("Hide" if shown else "Show")

    def set_caps(self, on: bool) -> None:
        self.caps_on = on
        self.caps_label.setVisible(on)
        self.edit.setAccessibleDescription(CAPS_TEXT if on else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.edit:
            kind = event.type()
            if kind == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if event.key() == Qt.Key.Key_CapsLock:
                    asked = windows_caps_lock()
                    self.set_caps(not self.caps_on if asked is None else not asked)
                else:
                    said = caps_from_key(event)
                    if said is not None:
                        self.set_caps(said)
            elif kind == QEvent.Type.FocusIn:
                asked = windows_caps_lock()
                if asked is not None:
                    self.set_caps(asked)
            elif kind == QEvent.Type.FocusOut and self.show_button.isChecked():
                if not self.show_button.hasFocus():
                    self.show_button.setChecked(False)  # not left readable behind the clerk
        return False


def add_passphrase_tools(edit: QLineEdit) -> PassphraseTools:
    tools = PassphraseTools(edit)
    edit.setProperty("passphraseTools", True)
    edit._passphrase_tools = tools  # type: ignore[attr-defined]  # kept with the field
    return tools


class SecretDialog(QDialog):
    """One passphrase or password, asked with the Show button and the Caps Lock warning."""

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.label = QLabel(label, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("secretEdit")
        self.label.setBuddy(self.edit)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        self.tools = add_passphrase_tools(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    dialog = SecretDialog(parent, title, label)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.text()
    finally:
        dialog.edit.clear()
        dialog.deleteLater()
