"""The register's PDFs from the window: the case report and the subject-access export, each
written in the background to the file the clerk chose, under a password typed twice in the
export dialog (``export_dialog.py``), which refuses a short one or the register's passphrase.
The writing itself is ``services.concerns.exports``, the same as the command line's; its
steps are shown in the status bar as it goes.

A subject access export first finds the records that name the person (in the background), shows
them with why each matched, and writes only the records the clerk left ticked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.export_dialog import ExportDialog
from mop_desktop.gui.register.setup import user_message
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.exports import (
    SubjectAccessExport,
    export_case,
    export_subject_access,
)
from mop_desktop.services.concerns.subject_access import Candidate, candidates


class Progress(QObject):
    """The export's steps, told from its thread, shown in the status bar on the UI thread."""

    said = Signal(str)

    def __init__(self, app: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self.said.connect(app.statusMessage.emit, Qt.ConnectionType.QueuedConnection)

    def __call__(self, step: str) -> None:
        self.said.emit(step)


def export_case_report(
    app: AppContext,
    service: RegisterService,
    asks: Asks,
    parent: QWidget,
    reference: str,
) -> ExportDialog:
    title = "Case report"

    def write(_chosen: list[str] | None, password: str) -> None:
        path = asks.save_path(parent, title, f"case-{reference}.pdf")
        if not path:
            return
        progress = Progress(app, parent)
        store = app.store

        def work() -> int:
            return export_case(service, store, reference, Path(path), password, progress)

        def done(_pages: int) -> None:
            progress.deleteLater()
            app.statusMessage.emit(f"Case report saved to {path}.")

        def failed(exc: BaseException) -> None:
            progress.deleteLater()
            asks.inform(parent, title, user_message(exc))

        run_in_background(parent, work, done, failed, "Writing the case report…")

    dialog = ExportDialog(service, parent, f"{title} {reference}", write)
    dialog.open()
    return dialog


def subject_access(app: AppContext, service: RegisterService, asks: Asks, parent: QWidget) -> None:
    title = "Subject access export"
    name = asks.text(parent, title, "The records that name this person (their name):")
    if not name:
        return

    def write(chosen: list[str] | None, password: str) -> None:
        path = asks.save_path(parent, title, "subject-access.pdf")
        if not path:
            return
        progress = Progress(app, parent)
        store = app.store

        def work() -> SubjectAccessExport:
            return export_subject_access(
                service, store, name, list(chosen or []), Path(path), password, progress
            )

        def done(written: SubjectAccessExport) -> None:
            progress.deleteLater()
            asks.inform(parent, title, f"{counted(written.records, 'record')} written to {path}.")

        def failed(exc: BaseException) -> None:
            progress.deleteLater()
            asks.inform(parent, title, user_message(exc))

        run_in_background(parent, work, done, failed, "Writing the subject access export…")

    def found(named: list[Candidate]) -> None:
        if not service.unlocked:  # locked meanwhile: show nothing
            return
        ExportDialog(service, parent, title, write, named, name).open()

    run_in_background(
        parent,
        lambda: candidates(service, name),
        found,
        lambda exc: asks.inform(parent, title, user_message(exc)),
        "Finding the records that name this person…",
    )
