"""Setting the register up (passphrase, then the recovery key shown once with its recovery
sheet), and opening it with the recovery key to set a new passphrase.

The slow steps (key derivation, about a second) run through ``run_in_background``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.form_helpers import keep_space, say
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.gui.widgets.passphrase_field import add_passphrase_tools
from mop_desktop.gui.widgets.uiloader import UiForm, load_ui
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.store.documents import get_council
from mop_desktop.store.vault import MIN_PASSPHRASE, VaultError


def user_message(exc: BaseException) -> str:
    """A failure as one line for the user: our own messages, never a statement or its data."""
    from mop_desktop.domain.concerns import ConcernError
    from mop_desktop.services.concerns.reports import ReportError
    from mop_desktop.store.register import RegisterError

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


class SetupDialog:
    """Step 1: the passphrase. Step 2: the recovery key, shown once, and its sheet."""

    def __init__(self, app: AppContext, service: RegisterService, parent: QWidget | None,
                 asks: Asks, on_done: Callable[[], None]) -> None:
        self.app = app
        self.service = service
        self.asks = asks
        self.on_done = on_done
        self.dialog: QDialog = load_ui("register_setup", parent)  # type: ignore[assignment]
        self.ui = UiForm(self.dialog)
        for edit in (self.ui.firstEdit, self.ui.secondEdit):
            add_passphrase_tools(edit)
        keep_space(self.ui.errorLabel, lines=2)  # a message does not move the buttons
        self._key = ""
        self.ui.steps.setCurrentIndex(0)
        self._ok().setText("&Set up the register")  # type: ignore[attr-defined]
        self.ui.buttonBox.accepted.connect(self._next)
        self.ui.buttonBox.rejected.connect(self.dialog.reject)
        self.ui.sheetButton.clicked.connect(self.save_sheet)
        self.ui.printSheetButton.clicked.connect(self.print_sheet)
        self.ui.keptCheck.toggled.connect(self._update_ok)
        self.dialog.finished.connect(self._forget)

    def _ok(self) -> object:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _update_ok(self) -> None:
        if self.ui.steps.currentIndex() == 1:
            self._ok().setEnabled(self.ui.keptCheck.isChecked())  # type: ignore[attr-defined]

    def _next(self) -> None:
        if self.ui.steps.currentIndex() == 1:
            self.dialog.accept()
            return
        first, second = self.ui.firstEdit.text(), self.ui.secondEdit.text()
        problem = check_pair(first, second)
        if problem:
            say(self.ui.errorLabel, problem)
            self.ui.firstEdit.setFocus()
            return
        say(self.ui.errorLabel, "Setting up the register…", error=False)
        self._ok().setEnabled(False)  # type: ignore[attr-defined]
        run_in_background(
            self.dialog, lambda: self.service.init(first), self._created, self._failed,
            "Setting up the encrypted register…",
        )

    def _created(self, recovery_key: str) -> None:
        self.ui.firstEdit.clear()
        self.ui.secondEdit.clear()
        announce(self.app, Change.REGISTER)
        self.show_key(recovery_key)
        self.on_done()

    def show_key(self, recovery_key: str) -> None:
        """Step 2 on its own (also after "Replace recovery key")."""
        self._key = recovery_key
        self.ui.recoveryKeyLabel.setText(recovery_key)
        self.ui.steps.setCurrentIndex(1)
        self._ok().setText("&Done")  # type: ignore[attr-defined]
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setVisible(False)
        self._update_ok()

    def _failed(self, exc: BaseException) -> None:
        self._ok().setEnabled(True)  # type: ignore[attr-defined]
        say(self.ui.errorLabel, user_message(exc))

    def save_sheet(self) -> None:
        path = self.asks.save_path(self.dialog, "Save the recovery sheet", "recovery-sheet.pdf")
        if not path:
            return
        from mop_desktop.services.concerns.reports import recovery_sheet

        with self.app.store.session() as session:
            council = get_council(session).name
        try:
            recovery_sheet(Path(path), self._key, council, dt.date.today())
        except OSError as exc:
            self.ui.sheetLabel.setText(user_message(exc))
            return
        self.ui.sheetLabel.setText(
            f"Saved to {path}. Print it, keep it in the safe, then delete the file."
        )

    def print_sheet(self) -> None:
        """The sheet straight to the printer: written to a private temporary folder, sent, and
        deleted at once (it holds the key)."""
        import tempfile

        from mop_desktop.gui.publishing.pdf_preview import PreviewError, print_with_dialog
        from mop_desktop.services.concerns.reports import recovery_sheet

        with self.app.store.session() as session:
            council = get_council(session).name
        with tempfile.TemporaryDirectory(prefix="mop-desktop-sheet-") as folder:
            path = Path(folder) / "recovery-sheet.pdf"
            try:
                recovery_sheet(path, self._key, council, dt.date.today())
                pages = print_with_dialog(path, self.dialog, keeps_file=False)
            except (OSError, PreviewError) as exc:
                say(self.ui.sheetLabel, user_message(exc) if isinstance(exc, OSError)
                    else messages.full_sentence(str(exc)))
                return
        if pages:
            say(self.ui.sheetLabel, "Sent to the printer. Sign and date it with the chair, and "
                "keep it in the council's safe.", error=False)

    def _forget(self) -> None:
        self._key = ""
        self.ui.recoveryKeyLabel.clear()


class RecoveryDialog:
    """Open the register with the recovery key and set a new passphrase."""

    def __init__(self, service: RegisterService, parent: QWidget | None,
                 on_done: Callable[[], None]) -> None:
        self.service = service
        self.on_done = on_done
        self.dialog: QDialog = load_ui("register_recovery", parent)  # type: ignore[assignment]
        self.ui = UiForm(self.dialog)
        for edit in (self.ui.firstEdit, self.ui.secondEdit):
            add_passphrase_tools(edit)
        keep_space(self.ui.errorLabel, lines=2)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Open the register")
        self.ui.buttonBox.accepted.connect(self._go)
        self.ui.buttonBox.rejected.connect(self.dialog.reject)

    def _go(self) -> None:
        key, first = self.ui.keyEdit.text(), self.ui.firstEdit.text()
        problem = check_pair(first, self.ui.secondEdit.text())
        if problem:
            say(self.ui.errorLabel, problem)
            self.ui.firstEdit.setFocus()
            return
        say(self.ui.errorLabel, "Opening the register…", error=False)

        def work() -> None:
            self.service.unlock_with_recovery_key(key)
            self.service.change_passphrase(first)

        run_in_background(self.dialog, work, self._done, self._failed,
                          "Opening the register with the recovery key…")

    def _done(self, _result: object) -> None:
        for edit in (self.ui.keyEdit, self.ui.firstEdit, self.ui.secondEdit):
            edit.clear()
        self.dialog.accept()
        self.on_done()

    def _failed(self, exc: BaseException) -> None:
        say(self.ui.errorLabel, user_message(exc))
