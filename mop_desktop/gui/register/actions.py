"""Locking the register: "Lock register now" (Ctrl+L) and the idle lock.

``install(app, window)`` adds the action to the File menu and an event filter on the
QApplication: any key press, click, wheel or mouse movement restarts the idle timer; when it
runs out (``IDLE_LOCK_MINUTES``, 5 by default; set on the Settings page, a new value applies as
soon as it is saved) an unlocked register is locked: the views are cleared, the key is dropped
and ``app.registerLocked`` is emitted. The register is also locked
when the application quits. Qt reports no screen-lock event on every platform; where the
session locks, the idle timer still runs out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from mop_desktop.gui.register.state import lock_register, register_for
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.operation import Change

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    """Locks the register after ``interval_ms`` without keyboard or mouse activity."""

    def __init__(self, app: AppContext, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, interval_ms))
        self.timer.timeout.connect(self._idle)
        instance = QApplication.instance()
        if instance is not None:
            instance.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def _idle(self) -> None:
        if register_for(self.app).unlocked:
            lock_register(self.app)
            minutes = max(1, round(self.timer.interval() / 60000))
            self.app.statusMessage.emit(
                f"The concern register was locked after {counted(minutes, 'minute')} without use."
            )
        self.timer.start()

    def set_interval(self, interval_ms: int) -> None:
        """Use a new idle time, counted from now."""
        if max(1, interval_ms) != self.timer.interval():
            self.timer.setInterval(max(1, interval_ms))
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        instance = QApplication.instance()
        if instance is not None:
            instance.removeEventFilter(self)


def stored_idle_ms(app: AppContext) -> int:
    """``IDLE_LOCK_MINUTES`` from the store, in milliseconds (at least one minute)."""
    from mop_desktop.services.concerns.council import idle_lock_minutes

    return idle_lock_minutes(app.store) * 60_000


def install(app: AppContext, window: Any, idle_ms: int | None = None) -> IdleLock:
    action = QAction("&Lock register now", window)
    action.setObjectName("actionLockRegister")
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: lock_register(app))
    if hasattr(window, "add_file_action"):
        window.add_file_action(action)
    else:
        window.addAction(action)
    if idle_ms is None:
        idle = IdleLock(app, stored_idle_ms(app), window)
        # the Settings page saves and announces Change.COUNCIL: the new time applies at once
        app.changed.connect(
            lambda kinds: (
                idle.set_interval(stored_idle_ms(app)) if Change.COUNCIL in kinds else None
            )
        )
    else:
        idle = IdleLock(app, idle_ms, window)
    instance = QApplication.instance()
    if instance is not None:
        instance.aboutToQuit.connect(lambda: register_for(app).lock())
    return idle
