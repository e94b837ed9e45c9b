"""The "Shared store" section of the Settings page: where this PC's protocol store is.

The clerk types the office server's address (a URL such as
``postgresql+psycopg://clerk@officeserver/council``) and the password; "Test connection" tries
them off the UI thread and says in one line what is there (``store.store_choice``). "Use the
shared store" keeps the URL in this PC's data folder and the password in its credential store
(never in a settings file or the log), then asks to restart, since the window opens its store
when it starts. "Use this PC's store" goes back to policy.db.
"""

from __future__ import annotations

import atexit
import subprocess
import sys
import threading

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mop_desktop.gui.shell.context import AppContext

PLACEHOLDER = "postgresql+psycopg://clerk@officeserver/council"
RESTART_TITLE = "Restart MOP Desktop"


class SharedStoreSection(QGroupBox):
    tested = Signal(str)  # the one-line result of "Test connection"

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Shared store", parent)
        self.setObjectName("sharedStoreGroup")
        self.app = app
        layout = QVBoxLayout(self)
        intro = QLabel(
            "An office with several officers can keep the protocol, its history, meetings and "
            "settings on one PostgreSQL server. The confidential register always stays on this "
            "PC, encrypted."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("sharedStoreUrlEdit")
        self.url_edit.setPlaceholderText(PLACEHOLDER)
        self.url_edit.setAccessibleName("Shared store address")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("sharedStorePasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("kept in this PC's credential store")
        self.password_edit.setAccessibleName("Shared store password")
        form.addRow("Server &address:", self.url_edit)
        form.addRow("&Password:", self.password_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.test_button = QPushButton("&Test connection", self)
        self.apply_button = QPushButton("&Use the shared store", self)
        self.local_button = QPushButton("Use this PC's store", self)
        for button in (self.test_button, self.apply_button, self.local_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.result_label = QLabel("", self)
        self.result_label.setObjectName("sharedStoreResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result_label)
        self.test_button.clicked.connect(self.test_connection)
        self.apply_button.clicked.connect(self.apply)
        self.local_button.clicked.connect(self.use_this_pc)
        self.tested.connect(self._show_result)
        self.load()

    def load(self) -> None:
        from mop_desktop.store.store_choice import saved_url

        url = saved_url(self.app.paths.data)
        self.url_edit.setText(url or "")
        self.local_button.setEnabled(url is not None)
        store = self.app.store
        where = (
            f"this window uses {store.name}"
            if store.is_server
            else ("this window uses this PC's store (policy.db)")
        )
        self.result_label.setText(where[:1].upper() + where[1:] + ".")

    # -- Test connection ----------------------------------------------------------------------
    def test_connection(self) -> None:
        """Try the address and password in a worker thread; the answer comes by ``tested``."""
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        if not url:
            self._show_result(f"Type the server's address first, such as {PLACEHOLDER}.")
            return
        self.test_button.setEnabled(False)
        self.result_label.setText("Connecting\u2026")
        emit = self.tested.emit
        alive = self

        def work() -> None:
            from mop_desktop.store.location import LocationError
            from mop_desktop.store.store_choice import test_connection

            try:
                answer = test_connection(url, password or None)
            except LocationError as exc:
                answer = f"Not connected: {exc}"
            except Exception as exc:  # noqa: BLE001 - shown in one line, never a traceback
                answer = f"Not connected: {type(exc).__name__}"
            if shiboken6.isValid(alive):
                emit(answer)

        threading.Thread(target=work, name="mop-test-connection", daemon=True).start()

    def _show_result(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(text)

    # -- applying -------------------------------------------------------------------------------
    def apply(self) -> None:
        from mop_desktop.store.location import LocationError, keep_password
        from mop_desktop.store.store_choice import save_choice

        url, password = self.url_edit.text().strip(), self.password_edit.text()
        if not url:
            self._show_result(f"Type the server's address first, such as {PLACEHOLDER}.")
            return
        try:
            from mop_desktop.store.location import parse_location

            location = parse_location(url, self.app.paths.policy_db)
            if not location.is_server:
                raise LocationError("a shared store's URL starts postgresql+psycopg://")
            secret = password or location.password
            if secret:
                keep_password(location, secret)
            save_choice(self.app.paths.data, url)
        except (LocationError, OSError) as exc:
            self._show_result(f"Nothing was changed: {exc}")
            return
        self.password_edit.clear()
        self.url_edit.setText(location.url or "")
        self.local_button.setEnabled(True)
        self._show_result(f"This PC will use {location.display()} after a restart.")
        ask_restart(self)

    def use_this_pc(self) -> None:
        from mop_desktop.store.store_choice import save_choice

        try:
            save_choice(self.app.paths.data, None)
        except OSError as exc:
            self._show_result(f"Nothing was changed: {exc.strerror or exc}")
            return
        self.url_edit.clear()
        self.local_button.setEnabled(False)
        self._show_result("This PC will use its own store (policy.db) after a restart.")
        ask_restart(self)


def ask_restart(parent: QWidget) -> QMessageBox:
    """Ask (without blocking the event loop) whether to restart now; Yes closes the window and
    starts MOP Desktop again once this process has let go of the data folder."""
    box = QMessageBox(parent)
    box.setObjectName("restartBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(RESTART_TITLE)
    box.setText("MOP Desktop opens its store when it starts. Restart now?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)

    def finished(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            restart(parent.window())

    box.finished.connect(finished)
    box.open()
    return box


def restart(window: QWidget) -> None:
    atexit.register(_start_again)  # after the lock on the data folder is released
    window.close()
    QApplication.quit()


def _start_again() -> None:
    frozen = getattr(sys, "frozen", False)
    argv = (
        [sys.executable, *sys.argv[1:]]
        if frozen
        else [sys.executable, "-m", "mop_desktop", *sys.argv[1:]]
    )
    try:
        subprocess.Popen(argv, start_new_session=True, close_fds=True)
    except OSError:
        pass  # the clerk starts it again by hand


def add_section(page: QWidget, app: AppContext) -> SharedStoreSection:
    """Put the section at the foot of the Settings page's scrolling form (above its spacer)."""
    form = getattr(page, "form", None)
    contents = getattr(form, "scrollContents", None) if form is not None else None
    layout = contents.layout() if contents is not None else page.layout()
    assert layout is not None
    section = SharedStoreSection(app, contents or page)
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(max(layout.count() - 1, 0), section)
    else:
        layout.addWidget(section)
    return section


__all__ = ["SharedStoreSection", "add_section", "ask_restart"]
