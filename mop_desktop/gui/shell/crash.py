"""The crash dialog: ``install_excepthook(log_path)`` replaces ``sys.excepthook``.

An unhandled error is written to the log (``mop_desktop.log``) and shown in
``ui/crash_dialog.ui`` with copyable details and the log's location. A full disk, a read-only
folder or a vanished device (``store.failures.explain``) is not a crash: it is logged and told
in one plain message ("the disk is full: nothing was changed ..."). The details are the
traceback of the code with the messages made safe by ``log.safe_traceback``: no SQL, no bound
values, no message raised from the register's code. Without a QApplication the details go to
stderr. An error inside the hook itself never recurses.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from mop_desktop import __version__
from mop_desktop.gui.forms.ui_crash_dialog import Ui_CrashDialog
from mop_desktop.log import safe_traceback

log = logging.getLogger("mop_desktop.crash")

_busy = threading.local()


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The text shown in the dialog and copied to the clipboard."""
    header = f"MOP Desktop {__version__} on Python {sys.version.split()[0]} ({sys.platform})"
    return f"{header}\n\n{safe_traceback(exc_type, exc, tb)}"


class CrashDialog(QDialog):
    """The dialog from ``ui/crash_dialog.ui``, deleted when closed."""

    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = Ui_CrashDialog()
        self.form.setupUi(self)
        self.log_path = log_path
        self.form.detailsEdit.setPlainText(details)
        self.form.logLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.form.logLabel.setText(f"The log is kept in: {log_path}")
        self.form.copyButton.clicked.connect(self.copy)
        self.form.openLogFolderButton.clicked.connect(self.open_log_folder)
        self.form.buttonBox.rejected.connect(self.reject)

    def details(self) -> str:
        return str(self.form.detailsEdit.toPlainText())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


def _parent_window() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.activeWindow()


def show_dialog(dialog: CrashDialog) -> None:
    """Shows the dialog modally. Tests replace this to answer it."""
    dialog.exec()


def show_failure(message: str) -> None:
    """A disk-full or read-only failure, in one plain message. Tests replace this."""
    from mop_desktop.gui.widgets import messages

    messages.tell(_parent_window(), "Not saved", message[:1].upper() + message[1:] + ".")


def _tell_console(line: str) -> None:
    """A line on the original stderr, which a windowed start (pythonw) does not have."""
    if sys.__stderr__ is not None:
        sys.__stderr__.write(line + "\n")


def handle_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_path: Path,
) -> None:
    """What the hook does: log, then show the dialog (or print when there is no window)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if getattr(_busy, "active", False):
        _tell_console(f"error while reporting an error: {exc_type.__name__}")
        return
    _busy.active = True
    try:
        from mop_desktop.store.failures import explain

        failure = explain(exc)
        if failure is not None:  # the machine, not the program: a full disk, a read-only folder
            log.error("a save failed: %s", failure, exc_info=(exc_type, exc, tb))
            if QApplication.instance() is not None:
                show_failure(failure)
            else:
                sys.stderr.write(failure + "\n")
            return
        log.critical("unhandled error", exc_info=(exc_type, exc, tb))
        details = crash_details(exc_type, exc, tb)
        if QApplication.instance() is None:
            sys.stderr.write(details + f"\nThe log is kept in: {log_path}\n")
            return
        show_dialog(CrashDialog(details, log_path, _parent_window()))
    except Exception as inner:  # never let the hook itself raise
        _tell_console(f"error while reporting an error: {type(inner).__name__}")
    finally:
        _busy.active = False


def install_excepthook(log_path: Path) -> Callable[..., None]:
    """Route unhandled errors (main thread and other threads) to the log and the dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        handle_exception(exc_type, exc, tb, log_path)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        # Widgets belong to the UI thread: from other threads the error is logged only.
        log.critical(
            "unhandled error in a background thread",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return hook
