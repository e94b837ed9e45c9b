"""Slow work off the UI thread, through one helper (PDF export, unlocking, large imports).

``run_in_background(parent, work, on_success, on_failure, label)`` runs ``work()`` on the
thread pool and calls ``on_success(result)`` or ``on_failure(exc)`` back on the UI thread. With
``label`` a busy progress dialog is shown while it runs. ``work`` must not touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # handed to the UI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


_running: set[_Task] = set()


def run_in_background(
    parent: QWidget | None,
    work: Callable[[], Any],
    on_success: Callable[[Any], object],
    on_failure: Callable[[BaseException], None],
    label: str | None = None,
) -> _Task:
    task = _Task(work)
    dialog: QProgressDialog | None = None
    if label:
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setWindowTitle("Please wait")

    def finish() -> None:
        _running.discard(task)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        on_success(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_failure(exc)

    task.signals.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task
