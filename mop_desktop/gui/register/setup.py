"""Setting the register up (passphrase, then the recovery key shown once with its recovery
sheet), and opening it with the recovery key to set a new passphrase.

The slow steps (key derivation, about a second) run through ``run_in_background``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
)

from mop_desktop.gui.forms.ui_register_recovery import Ui_RegisterRecoveryDialog
from mop_desktop.gui.forms.ui_register_setup import Ui_RegisterSetupDialog
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.form_helpers import keep_space, say
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.gui.widgets.passphrase_field import add_passphrase_tools
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.council import council
from mop_desktop.store.vault import MIN_PASSPHRASE, VaultError


def user_message(exc: BaseException) -> str:
    """A failure as one line for the user: our own messages, never a statement or its data."""
    from mop_desktop.domain.concerns import ConcernError
    from mop_desktop.services.concerns.errors import RegisterStoreFailure
    from mop_desktop.services.concerns.reports import ReportError
    from mop_desktop.store.register import RegisterError

    if isinstance(exc, RegisterStoreFailure) and exc.failure is None:
        return "Something went wrong; the register is unchanged. The log has the details."
    # "wrong passphrase" -> "Wrong passphrase."; a PDF password its rules refuse, likewise
    if isinstance(exc, VaultError | RegisterError | ConcernError | ReportError):
        return messages.full_sentence(str(exc))
    if isinstance(exc, OSError):
        return f"The file could not be written: {exc.strerror or 'error'}."
    return "Something went wrong; the register is unchanged. The log has the details."


def check_pair(first: str, second: str) -> str:
    """The problem with a new passphrase typed twice, or ''."""
    if len(first) < MIN_PASSPHRASE:
        return f"Use at least {MIN_PASSPHRASE} characters."
    if first != second:
        return "The two passphrases differ."
    return ""


class SetupDialog(QDialog, Ui_RegisterSetupDialog):
    """Step 1: the passphrase. Step 2: the recovery key, shown once, and its sheet."""

    def __init__(
        self,
        app: AppContext,
        service: RegisterService,
        parent: QWidget,
        asks: Asks,
        on_done: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setupUi(self)
        self.app = app
        self.service = service
        self.asks = asks
        self.on_done = on_done
        for edit in (self.firstEdit, self.secondEdit):
            add_passphrase_tools(edit)
        keep_space(self.errorLabel, lines=2)  # a message does not move the buttons
        self._key = ""
        self.steps.setCurrentIndex(0)
        self._ok().setText("&Set up the register")
        self.buttonBox.accepted.connect(self._next)
        self.buttonBox.rejected.connect(self.reject)
        self.sheetButton.clicked.connect(self.save_sheet)
        self.printSheetButton.clicked.connect(self.print_sheet)
        self.keptCheck.toggled.connect(self._update_ok)
        self.finished.connect(self._forget)

    def _ok(self) -> QPushButton:
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _update_ok(self) -> None:
        if self.steps.currentIndex() == 1:
            self._ok().setEnabled(self.keptCheck.isChecked())

    def _next(self) -> None:
        if self.steps.currentIndex() == 1:
            self.accept()
            return
        first, second = self.firstEdit.text(), self.secondEdit.text()
        problem = check_pair(first, second)
        if problem:
            say(self.errorLabel, problem)
            self.firstEdit.setFocus()
            return
        say(self.errorLabel, "Setting up the register…", error=False)
        self._ok().setEnabled(False)
        run_in_background(
            self,
            lambda: self.service.init(first),
            self._created,
            self._failed,
            "Setting up the encrypted register…",
        )

    def _created(self, recovery_key: str) -> None:
        self.firstEdit.clear()
        self.secondEdit.clear()
        announce(self.app, Change.REGISTER)
        self.show_key(recovery_key)
        self.on_done()

    def show_key(self, recovery_key: str) -> None:
        """Step 2 on its own (also after "Replace recovery key")."""
        self._key = recovery_key
        self.recoveryKeyLabel.setText(recovery_key)
        self.steps.setCurrentIndex(1)
        self._ok().setText("&Done")
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setVisible(False)
        self._update_ok()

    def _failed(self, exc: BaseException) -> None:
        self._ok().setEnabled(True)
        say(self.errorLabel, user_message(exc))

    def save_sheet(self) -> None:
        path = self.asks.save_path(self, "Save the recovery sheet", "recovery-sheet.pdf")
        if not path:
            return
        from mop_desktop.services.concerns.reports import recovery_sheet

        name = council(self.app.store).name
        try:
            recovery_sheet(Path(path), self._key, name, dt.date.today())
        except OSError as exc:
            self.sheetLabel.setText(user_message(exc))
            return
        self.sheetLabel.setText(
            f"Saved to {path}. Print it, keep it in the safe, then delete the file."
        )

    def print_sheet(self) -> None:
        """The sheet straight to the printer: written to a private temporary folder, sent, and
        deleted at once (it holds the key)."""
        import tempfile

        from mop_desktop.gui.publishing.pdf_preview import PreviewError, print_with_dialog
        from mop_desktop.services.concerns.reports import recovery_sheet

        name = council(self.app.store).name
        with tempfile.TemporaryDirectory(prefix="mop-desktop-sheet-") as folder:
            path = Path(folder) / "recovery-sheet.pdf"
            try:
                recovery_sheet(path, self._key, name, dt.date.today())
                pages = print_with_dialog(path, self, keeps_file=False)
            except (OSError, PreviewError) as exc:
                say(
                    self.sheetLabel,
                    user_message(exc)
                    if isinstance(exc, OSError)
                    else messages.full_sentence(str(exc)),
                )
                return
        if pages:
            say(
                self.sheetLabel,
                "Sent to the printer. Sign and date it with the chair, and "
                "keep it in the council's safe.",
                error=False,
            )

    def _forget(self) -> None:
        self._key = ""
        self.recoveryKeyLabel.clear()


class RecoveryDialog(QDialog, Ui_RegisterRecoveryDialog):
    """Open the register with the recovery key and set a new passphrase."""

    def __init__(
        self, service: RegisterService, parent: QWidget, on_done: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setupUi(self)
        self.service = service
        self.on_done = on_done
        for edit in (self.firstEdit, self.secondEdit):
            add_passphrase_tools(edit)
        keep_space(self.errorLabel, lines=2)
        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Open the register")
        self.buttonBox.accepted.connect(self._go)
        self.buttonBox.rejected.connect(self.reject)

    def _go(self) -> None:
        key, first = self.keyEdit.text(), self.firstEdit.text()
        problem = check_pair(first, self.secondEdit.text())
        if problem:
            say(self.errorLabel, problem)
            self.firstEdit.setFocus()
            return
        say(self.errorLabel, "Opening the register…", error=False)

        def work() -> None:
            self.service.unlock_with_recovery_key(key)
            self.service.change_passphrase(first)

        run_in_background(
            self, work, self._done, self._failed, "Opening the register with the recovery key…"
        )

    def _done(self, _result: object) -> None:
        for edit in (self.keyEdit, self.firstEdit, self.secondEdit):
            edit.clear()
        self.accept()
        self.on_done()

    def _failed(self, exc: BaseException) -> None:
        say(self.errorLabel, user_message(exc))
