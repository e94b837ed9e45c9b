"""Starting the window: ``run_gui(ctx, smoke_test, minimised, started) -> int`` (called by cli.py).

In order: the QApplication (name, icon, the system's palette, high-DPI defaults), the log and
the crash dialog, one window per data folder (``gui/shell/single_instance``: a second start
brings the
first window to the front and exits 0), the store (a ``StoreError`` is shown as one clear
message and exits 2), the window shown, and only then the slower things: window extensions,
the shared-folder warning and the first-run welcome.

``--smoke-test`` prints ``startup-ms N`` (process start, as ``process_clock`` measures it, to
the window's first frame drawn with the dashboard and status bar filled) and exits 0 without
the slower work. The first frame is drawn before anything is read from the store: the
dashboard and the status bar say "Loading…" and are filled (``MainWindow.load_data``, through
``store.protocol_repo``) straight after it; ``--smoke-test`` prints ``first-frame-ms`` at the
first frame and ``startup-ms`` once the filled window has been drawn. Nothing before the first
frame imports reportlab, alembic (unless the store needs creating or upgrading), python-docx
or SQLAlchemy.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from mop_desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from mop_desktop.commands import CommandError
from mop_desktop.gui.shell.single_instance import SingleInstance
from mop_desktop.gui.widgets import messages
from mop_desktop.paths import AppPaths, resource_path, shared_folder_warning

if TYPE_CHECKING:
    from mop_desktop.commands import Context
    from mop_desktop.gui.shell.main_window import MainWindow
    from mop_desktop.store.db import Store
    from mop_desktop.store.location import StoreLocation

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_STORE = 2


def app_icon() -> QIcon:
    """The application icon from resources/icons (an empty icon if it is not shipped)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = resource_path("resources", "icons", f"mop-desktop-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    if icon.isNull():
        svg = resource_path("resources", "icons", "mop-desktop.svg")
        if svg.exists():
            icon = QIcon(str(svg))
    return icon


def make_application() -> QApplication:
    """The one QApplication, named so QSettings and the log land in the app's folders."""
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    _follow_system_colour_scheme(app)
    return app


def _follow_system_colour_scheme(app: QApplication) -> None:
    """Keep the platform's palette; on Windows the native style ignores dark mode, so Fusion
    (which draws with the system's dark palette) is used when the system is dark."""
    hints = QGuiApplication.styleHints()
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    if sys.platform == "win32" and dark:
        app.setStyle("Fusion")


def _setup_logging(paths: AppPaths) -> Path:
    """The log file and the crash dialog (``mop_desktop.log`` / ``gui.crash``)."""
    from mop_desktop.gui.shell.crash import install_excepthook
    from mop_desktop.log import setup_logging

    log_path = setup_logging(paths)
    install_excepthook(log_path)
    return log_path


def open_store_or_explain(paths: AppPaths, location: StoreLocation | None = None) -> Store | None:
    """The open protocol store (policy.db in the data folder, or the shared store that
    ``location`` names), or None after telling the clerk in one clear message why not."""
    from mop_desktop.store.db import StoreError, open_store

    shared = location is not None and location.is_server
    try:
        paths.ensure()
        if shared:
            assert location is not None
            return open_store(location, paths.kept_aside)
        return open_store(paths.policy_db, paths.kept_aside)
    except (StoreError, OSError) as exc:
        log.error("the store could not be opened: %s", exc)
        if shared:  # nothing on this PC to restore: the server, the network or the login
            messages.tell(None, "MOP Desktop cannot open the shared store", str(exc), critical=True)
            return None
        from mop_desktop.gui.register.recovery import offer_recovery

        if offer_recovery(paths, exc):
            return open_store_or_explain(paths)
        return None


def run_gui(
    ctx: Context, smoke_test: bool = False, minimised: bool = False, started: float | None = None
) -> int:
    started = time.perf_counter() if started is None else started
    paths = ctx.paths
    try:
        location = ctx.location()  # policy.db, or the shared store (--store, Settings)
    except CommandError as exc:
        sys.stderr.write(f"mop-desktop: {exc}\n")
        return exc.code
    if QApplication.instance() is None:
        from mop_desktop.gui.shell.platform_check import check_platform

        problem = check_platform()  # Qt would print a page about "xcb" and abort
        if problem is not None:
            sys.stderr.write(problem + "\n")
            return EXIT_STORE
    app = make_application()
    log_path = _setup_logging(paths)

    instance = SingleInstance(paths)
    try:
        acquired = instance.acquire()
    except OSError as exc:
        messages.tell(None, "MOP Desktop cannot open its data", str(exc), critical=True)
        return EXIT_STORE
    if not acquired:
        return _second_start(instance)

    try:
        store = open_store_or_explain(paths, location)
        if store is None:
            return EXIT_STORE
        try:
            return _run_window(
                app, paths, store, instance, log_path, smoke_test, minimised, started
            )
        finally:
            store.close()
    finally:
        instance.release()


def _second_start(instance: SingleInstance) -> int:
    folder = instance.paths.data
    if instance.notify_running():
        sys.stdout.write(
            f"MOP Desktop is already open on {folder}: its window has been brought to the front.\n"
        )
        return EXIT_OK
    pid = instance.holder_pid()
    owner = f" (process {pid})" if pid else ""
    message = (
        f"MOP Desktop is already open on {folder}{owner} and did not answer. "
        "Close it before starting another window on the same data."
    )
    sys.stderr.write(message + "\n")
    messages.tell(None, "MOP Desktop is already open", message)
    return EXIT_OK


def _run_window(
    app: QApplication,
    paths: AppPaths,
    store: Store,
    instance: SingleInstance,
    log_path: Path | None,
    smoke_test: bool,
    minimised: bool,
    started: float,
) -> int:
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.gui.shell.main_window import MainWindow

    context = AppContext(paths, store)
    from mop_desktop.gui.shell.change_listener import start_listening

    start_listening(context)  # other PCs' changes to a shared store; nothing on policy.db
    window = MainWindow(context, log_path=log_path)
    window.started_minimised = minimised
    instance.activated.connect(window.bring_to_front)
    if minimised:
        window.showMinimized()
    else:
        window.show()
    if smoke_test:
        then: Callable[[], None] = lambda: _finish_smoke_test(app, window, started)  # noqa: E731
    else:
        # Pages are built one per turn of the event loop, then the rest of the start-up work.
        then = lambda: window.preload_pages(then=lambda: _after_shown(window, paths))  # noqa: E731
    if minimised:
        QTimer.singleShot(0, lambda: _load_then(window, then, drawn=False))
    else:
        first = (lambda: _print_ms("first-frame-ms", started)) if smoke_test else None
        AfterFirstFrame(window, lambda: _load_then(window, then, drawn=True, first=first))
    code = app.exec()
    return int(code)


class AfterFirstFrame(QObject):
    """Calls ``then`` once, from the event loop, after ``window`` is first painted (or after
    ``limit_ms`` if it never is), so slow work never delays the first frame."""

    def __init__(self, window: QObject, then: Callable[[], None], limit_ms: int = 2000) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(limit_ms, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def _load_then(
    window: MainWindow,
    then: Callable[[], None],
    *,
    drawn: bool,
    first: Callable[[], None] | None = None,
) -> None:
    """Fill the window from the store, then ``then`` once the filled window is drawn (at
    once for a minimised window, which is not drawn). ``first`` is called before filling."""
    if first is not None:
        first()
    window.load_data()
    if drawn and window.isVisible():
        AfterFirstFrame(window, then)
        window.update()
    else:
        QTimer.singleShot(0, then)


def _print_ms(name: str, started: float) -> None:
    from mop_desktop.process_clock import seconds_since_start

    sys.stdout.write(f"{name} {seconds_since_start(started) * 1000:.0f}\n")
    sys.stdout.flush()


def _finish_smoke_test(app: QApplication, window: MainWindow, started: float) -> None:
    """The filled window is drawn: print the time since the process started and close. The
    pages and extensions built after it (``_after_shown``) are not part of start-up.
    ``first-frame-ms`` (printed before) is the first frame, drawn saying "Loading…"."""
    _print_ms("startup-ms", started)
    window.close()
    app.exit(EXIT_OK)


def _after_shown(window: MainWindow, paths: AppPaths) -> None:
    """The slower start-up work, once the window is on screen."""
    window.preload_pages()
    window.install_extensions()
    warning = shared_folder_warning(paths.data)
    if warning:
        window.app.statusMessage.emit(warning)
        messages.tell(window, "Data folder", warning)
    from mop_desktop.gui.shell.welcome import needs_welcome, show_welcome

    if needs_welcome(window.app.store):
        show_welcome(window.app, window)
