"""The system tray: an icon while the app runs, a notification of what is overdue or due on
start and once a day, a menu (Open, Start with the computer, Quit), and the option to start with
the computer minimised to the tray.

``install(app, window)`` is called by the main window once it is shown. Where the desktop has no
tray the controller still exists (and can be tested) but shows nothing. ``set_autostart`` writes
an XDG autostart ``.desktop`` file on Linux or a value under the HKCU ``Run`` key on Windows
(through QSettings); its folder and platform can be given, so tests use a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from mop_desktop import APP_NAME
from mop_desktop.gui.review.models import followups_for
from mop_desktop.gui.shell.context import AppContext

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.paths import AppPaths, resource_path
from mop_desktop.services.preferences import set_start_with_computer, start_with_computer
from mop_desktop.services.reminders import Reminder, needing_attention, reminders

AUTOSTART_FILE = "mop-desktop.desktop"
RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "MOP Desktop"
CHECK_EVERY_MS = 60 * 60 * 1000  # look once an hour whether the day has changed


# -- starting with the computer ---------------------------------------------------------------
def autostart_command(paths: AppPaths) -> list[str]:
    """The command that starts this app minimised, on the same data folder."""
    if getattr(sys, "frozen", False):
        base = [sys.executable]
    else:
        base = [sys.executable, "-m", "mop_desktop"]
    return [*base, "--data-dir", str(paths.data), "--minimised"]


def _xdg_autostart_dir(config_home: Path | None) -> Path:
    if config_home is None:
        env = os.environ.get("XDG_CONFIG_HOME")
        config_home = Path(env) if env else Path.home() / ".config"
    return config_home / "autostart"


def set_autostart(
    enabled: bool,
    command: list[str],
    *,
    platform: str | None = None,
    config_home: Path | None = None,
    registry: QSettings | None = None,
) -> Path | str | None:
    """Start (or stop starting) with the computer. Returns where it was written: the .desktop
    file on Linux, the registry value on Windows; None where it is not supported."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        reg = registry or QSettings(RUN_KEY, QSettings.Format.NativeFormat)
        if enabled:
            reg.setValue(RUN_VALUE, " ".join(f'"{part}"' for part in command))
        else:
            reg.remove(RUN_VALUE)
        reg.sync()
        return f"{RUN_KEY}\\{RUN_VALUE}"
    if platform.startswith("linux") or "bsd" in platform:
        target = _xdg_autostart_dir(config_home) / AUTOSTART_FILE
        if not enabled:
            target.unlink(missing_ok=True)
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Protocol review reminders, minimised to the tray\n"
            f"Exec={shlex.join(command)}\n"
            "Icon=mop-desktop\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n",
            encoding="utf-8",
        )
        return target
    return None


def autostart_enabled(
    *,
    platform: str | None = None,
    config_home: Path | None = None,
    registry: QSettings | None = None,
) -> bool:
    platform = platform or sys.platform
    if platform.startswith("win"):
        reg = registry or QSettings(RUN_KEY, QSettings.Format.NativeFormat)
        return reg.contains(RUN_VALUE)
    return (_xdg_autostart_dir(config_home) / AUTOSTART_FILE).exists()


# -- the tray ---------------------------------------------------------------------------------
def notification_text(items: list[Reminder]) -> tuple[str, str] | None:
    """(title, body) of the notification, or None when nothing is overdue or due."""
    urgent = needing_attention(items)
    if not urgent:
        return None
    overdue = sum(1 for r in urgent if r.state == "overdue")
    due = len(urgent) - overdue
    parts = []
    if overdue:
        parts.append(f"{overdue} overdue")
    if due:
        parts.append(f"{due} due")
    title = f"{APP_NAME}: {' and '.join(parts)}"
    return title, "\n".join(r.line() for r in urgent)


class TrayController(QObject):
    """The icon, its menu and the daily notification. ``today`` may be replaced by tests."""

    def __init__(
        self,
        app: AppContext,
        window: MainWindow | None,
        today: Callable[[], dt.date] = dt.date.today,
        *,
        show_icon: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.today = today
        self.notified_on: dt.date | None = None
        self.last_message: tuple[str, str] | None = None
        self.items: list[Reminder] = []
        if show_icon is None:
            show_icon = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        self.menu = QMenu(window)
        self.open_action = QAction("Open " + APP_NAME, self.menu)
        self.autostart_action = QAction(
            "Start with the computer (minimised to the tray)", self.menu
        )
        self.autostart_action.setCheckable(True)
        self.autostart_action.setChecked(start_with_computer(app.store))
        self.quit_action = QAction("Quit", self.menu)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.autostart_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.open_window)
        self.autostart_action.toggled.connect(self.set_start_with_computer)
        self.quit_action.triggered.connect(self.quit)
        if show_icon:
            icon_file = resource_path("resources", "icons", "mop-desktop-small.svg")
            self.icon = QSystemTrayIcon(QIcon(str(icon_file)), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app.changed.connect(self._on_changed)
        app.registerLocked.connect(self.refresh)

    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if kinds & {Change.SCHEDULE, Change.DOCUMENT, Change.REGISTER}:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the reminders and the tooltip (no notification)."""
        self.items = reminders(self.app.store, self.today(), followups_for(self.app))
        message = notification_text(self.items)
        tip = message[0] if message else f"{APP_NAME}: nothing overdue or due"
        if self.icon is not None:
            self.icon.setToolTip(tip)

    def check(self) -> tuple[str, str] | None:
        """Notify once a day about what is overdue or due; returns what was shown."""
        today = self.today()
        if self.notified_on == today:
            return None
        self.refresh()
        self.notified_on = today
        message = notification_text(self.items)
        self.last_message = message
        if message and self.icon is not None:
            self.icon.showMessage(
                message[0], message[1], QSystemTrayIcon.MessageIcon.Warning, 15000
            )
        return message

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window()

    def open_window(self) -> None:
        if self.window is None:
            return
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.window.show_page("dashboard")

    def set_start_with_computer(self, enabled: bool) -> None:
        store = self.app.store
        if not (
            Operation(
                self.app,
                self.window,
                lambda: set_start_with_computer(store, enabled),
                title="Start with the computer",
            )
            .failure(lambda message, _error: self.app.statusMessage.emit(message))
            .run_now()
        ):
            return
        where = set_autostart(enabled, autostart_command(self.app.paths))
        if where is None:
            self.app.statusMessage.emit("Starting with the computer is not available here")
        elif enabled:
            self.app.statusMessage.emit(f"{APP_NAME} will start with the computer, in the tray")
        else:
            self.app.statusMessage.emit(f"{APP_NAME} will no longer start with the computer")

    def quit(self) -> None:
        if self.window is not None:
            self.window.close()
        instance = QApplication.instance()
        if instance is not None:
            instance.quit()


def install(app: AppContext, window: MainWindow) -> None:
    controller = TrayController(app, window)
    window.tray = controller
    window.menu("View").addAction(controller.autostart_action)
    if window.started_minimised and controller.icon is not None:
        window.hide()  # minimised to the tray: the icon's Open brings it back
    QTimer.singleShot(0, controller.check)
