"""The main window: a navigation list beside the pages, the menus and the status bar.

Layout in ``ui/main_window.ui``. Pages are listed in ``PAGES`` (name -> title, factory,
icon); each factory imports its page's module when the page is first built (the dashboard at
once: it is drawn saying "Loading…" and filled by ``load_data`` once the window is on screen)
and returns the page's widget. A page that fails to build gets a plain page saying so.
``install_extensions`` adds the tray, the PDF, Word and web exports, the register's lock,
backups and help once the window is on screen.

Public API for pages and extensions:

- ``window.app``: the ``AppContext`` (paths, store, signals).
- ``window.menu(name) -> QMenu``: "File", "Edit", "View" and "Help" exist; any other name makes
  a new menu before Help. Add actions to it; File keeps "Quit" last.
- ``window.show_page(name)``: switch to a page ("dashboard", "protocol", "review", "concerns",
  "settings"), creating it if needed.
- ``window.page(name) -> QWidget | None``: the page's widget (created if needed), or None when
  the page is not in this build. Pages are built lazily: the dashboard before the window is
  shown, the others straight after (``preload_pages``), before the window extensions.
- ``window.log_path``: the log file (or None); ``window.started_minimised``: ``--minimised``.

On close (and when the application quits) every page that has a ``flush()`` method is asked to
save what it holds. Window geometry is kept in QSettings; nothing confidential is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mop_desktop import APP_NAME, __version__
from mop_desktop.gui.forms.ui_main_window import Ui_MainWindow
from mop_desktop.gui.forms.ui_placeholder_page import Ui_PlaceholderPage
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.operation import Change
from mop_desktop.paths import resource_path

if TYPE_CHECKING:
    from mop_desktop.gui.shell.tray import TrayController

log = logging.getLogger(__name__)


PageFactory = Callable[[AppContext, "MainWindow"], QWidget]


@dataclass(frozen=True)
class PageSpec:
    title: str
    create: PageFactory
    icon: str


def _dashboard(app: AppContext, window: MainWindow) -> QWidget:
    from mop_desktop.gui.shell import dashboard

    return dashboard.create_page(app, window)


def _protocol(app: AppContext, window: MainWindow) -> QWidget:
    from mop_desktop.gui.protocol import page

    return page.create_page(app, window)


def _review(app: AppContext, window: MainWindow) -> QWidget:
    from mop_desktop.gui.review import page

    return page.create_page(app, window)


def _concerns(app: AppContext, window: MainWindow) -> QWidget:
    from mop_desktop.gui.register import page

    return page.create_page(app, window)


def _settings(app: AppContext, window: MainWindow) -> QWidget:
    from mop_desktop.gui.shell import settings

    return settings.create_page(app, window)


PAGES: dict[str, PageSpec] = {
    "dashboard": PageSpec("Dashboard", _dashboard, "nav-dashboard.svg"),
    "protocol": PageSpec("Protocol", _protocol, "nav-protocol.svg"),
    "review": PageSpec("Review schedule", _review, "nav-review.svg"),
    "concerns": PageSpec("Concerns", _concerns, "nav-concerns.svg"),
    "settings": PageSpec("Settings", _settings, "nav-settings.svg"),
}

STATUS_REFRESH_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, app: AppContext, log_path: Path | None = None) -> None:
        super().__init__()
        self.app = app
        self.log_path = log_path
        self.started_minimised = False
        self.tray: TrayController | None = None  # set by the tray once installed
        self._pages: dict[str, QWidget | None] = {}
        self._slots: dict[str, QWidget] = {}
        self._slot_layouts: dict[str, QVBoxLayout] = {}
        self._extensions_installed = False
        self.ui = ui = Ui_MainWindow()
        ui.setupUi(self)
        self.preferred_size = self.size()  # shrunk to the screen by _restore_geometry

        self.nav: QListWidget = ui.navList
        self.stack: QStackedWidget = ui.pageStack
        self._menus: dict[str, QMenu] = {
            "File": ui.menuFile,
            "Edit": ui.menuEdit,
            "View": ui.menuView,
            "Help": ui.menuHelp,
        }
        self.actionQuit: QAction = ui.actionQuit
        self.actionImport: QAction = ui.actionImport
        self.actionQuit.triggered.connect(self.close)
        self.actionImport.triggered.connect(self.import_protocol)
        ui.actionAbout.triggered.connect(self.show_about)
        ui.actionFolders.triggered.connect(self.show_folders)

        self._build_navigation()
        self._build_status_bar()
        self.app.changed.connect(self._on_changed)
        self.app.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._status_timer = QTimer(self)  # "in N days" stays true for a window left open
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        instance = QApplication.instance()
        if instance is not None:
            instance.aboutToQuit.connect(self.flush_pages)

        self.statusLabel.setText("Loading\u2026")  # filled by ``load_data`` after the first frame
        self._restore_geometry()
        self.show_page("dashboard")

    # -- navigation and pages -----------------------------------------------------------------
    def _build_navigation(self) -> None:
        view = self.menu("View")
        for index, (name, spec) in enumerate(PAGES.items(), start=1):
            icon_file = resource_path("resources", "icons", spec.icon)
            icon = QIcon()
            if icon_file.exists():  # the same drawing when selected, not a faded one
                icon.addFile(str(icon_file), mode=QIcon.Mode.Normal)
                icon.addFile(str(icon_file), mode=QIcon.Mode.Selected)
            item = QListWidgetItem(icon, spec.title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{spec.title} (Ctrl+{index})")
            self.nav.addItem(item)
            slot = QWidget(self.stack)
            slot.setObjectName(f"slot_{name}")
            layout = QVBoxLayout(slot)
            layout.setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(slot)
            self._slots[name] = slot
            self._slot_layouts[name] = layout
            action = QAction(icon, spec.title, self)
            action.setObjectName(f"actionShow_{name}")
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _=False, n=name: self.show_page(n))
            view.addAction(action)
        self.nav.currentRowChanged.connect(self._on_nav_row)

    def _on_nav_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(list(PAGES)[row])

    def show_page(self, name: str) -> None:
        if name not in PAGES:
            raise KeyError(f"no page named {name!r}")
        self._ensure_page(name)
        row = list(PAGES).index(name)
        self.stack.setCurrentWidget(self._slots[name])
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)

    def page(self, name: str) -> QWidget | None:
        if name not in PAGES:
            return None
        return self._ensure_page(name)

    def preload_pages(self, then: Callable[[], None] | None = None) -> None:
        """Build the pages not shown yet (after start-up), so their menu actions and shortcuts
        (Save, Undo, Find...) are there before the clerk first opens them.

        Without ``then`` all are built now. With it, one page is built per turn of the event
        loop, so the window keeps answering clicks and repaints meanwhile, and ``then`` is
        called once the last is built."""
        if then is None:
            for name in PAGES:
                self._ensure_page(name)
            return
        pending = [name for name in PAGES if name not in self._pages]

        def step() -> None:
            if pending:
                self._ensure_page(pending.pop(0))
                QTimer.singleShot(0, step)
            else:
                then()

        step()

    def current_page_name(self) -> str:
        return list(PAGES)[self.stack.currentIndex()]

    def _ensure_page(self, name: str) -> QWidget | None:
        if name in self._pages:
            return self._pages[name]
        spec = PAGES[name]
        widget: QWidget | None
        try:
            widget = spec.create(self.app, self)
            shown = widget
        except Exception:  # a broken page must not take the window down with it
            log.exception("the %s page could not be built", name)
            widget = None
            shown = self._placeholder(
                spec.title,
                f"The {spec.title} page could not be opened. The details are in the log "
                "(Help > Data and log folders).",
            )
        self._slot_layouts[name].addWidget(shown)
        self._pages[name] = widget
        return widget

    def _placeholder(self, title: str, message: str) -> QWidget:
        page = QWidget()
        form = Ui_PlaceholderPage()
        form.setupUi(page)
        form.titleLabel.setText(title)
        form.messageLabel.setText(message)
        return page

    # -- menus ----------------------------------------------------------------------------------
    def menu(self, name: str) -> QMenu:
        key = name.replace("&", "")
        if key not in self._menus:
            menu = QMenu(f"&{key}", self.menuBar())
            menu.setObjectName(f"menu{key.replace(' ', '')}")
            self.menuBar().insertMenu(self._menus["Help"].menuAction(), menu)
            self._menus[key] = menu
        return self._menus[key]

    def add_file_action(self, action: QAction) -> None:
        """Add to the File menu above Quit (which stays last)."""
        self._menus["File"].insertAction(self.actionQuit, action)

    # -- status bar -----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("statusLabel")
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.versionLabel = QLabel(f"{APP_NAME} {__version__}", self)
        self.versionLabel.setObjectName("versionLabel")
        self.versionLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.statusLabel, 1)
        self.statusBar().addPermanentWidget(self.versionLabel)

    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if kinds & {Change.DOCUMENT, Change.SCHEDULE, Change.COUNCIL}:
            self.refresh_status()

    def load_data(self) -> None:
        """Fill what the first frame showed as "Loading…" (the status bar and the dashboard):
        called by the start-up once the window is on screen."""
        from mop_desktop.gui.shell.dashboard import DashboardPage

        self.refresh_status()
        page = self._pages.get("dashboard")
        controller = page.findChild(DashboardPage) if page is not None else None
        if controller is not None:
            controller.load()

    def refresh_status(self) -> None:
        from mop_desktop.services.status import window_status
        from mop_desktop.store.db import StoreError

        try:
            line, council = window_status(self.app.store)
        except StoreError as exc:  # said as it is, in the status bar; never a crash
            log.warning("the status bar could not read the store: %s", exc)
            self.statusLabel.setText(f"The protocol's details could not be read: {exc}.")
            return
        self.statusLabel.setText(line)
        self.setWindowTitle(council or "")

    # -- actions --------------------------------------------------------------------------------
    def import_protocol(self) -> None:
        """File > Import protocol...: pending edits are saved first, so that the import (which
        may replace the draft) is the last word."""
        from mop_desktop.gui.protocol.import_preview import choose_and_import

        self.flush_pages()
        choose_and_import(self.app, self)

    def show_about(self) -> None:
        from mop_desktop.gui.shell.about import show_about

        show_about(self)

    def show_folders(self) -> None:
        from mop_desktop.gui.shell.about import show_folders

        show_folders(self, self.app.paths, self.log_path)

    def bring_to_front(self) -> None:
        """Called when a second start asks for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- extensions -----------------------------------------------------------------------------
    def install_extensions(self) -> None:
        """Add the tray, the export, register, backup and help actions (once)."""
        from mop_desktop.gui.backup import actions as backup_actions
        from mop_desktop.gui.publishing import export_actions, pdf_actions
        from mop_desktop.gui.register import actions as register_actions
        from mop_desktop.gui.shell import help as help_actions
        from mop_desktop.gui.shell import tray

        if self._extensions_installed:
            return
        self._extensions_installed = True
        installs: list[tuple[str, Callable[[AppContext, MainWindow], object]]] = [
            ("tray", tray.install),
            ("PDF actions", pdf_actions.install),
            ("export actions", export_actions.install),
            ("register actions", register_actions.install),
            ("backup actions", backup_actions.install),
            ("help", help_actions.install),
        ]
        for name, install in installs:
            try:
                install(self.app, self)
            except Exception:  # one broken part must not stop the window
                log.exception("the %s could not be installed", name)
                self.app.statusMessage.emit(
                    "Part of the window could not be set up; the details are in the log."
                )

    # -- closing --------------------------------------------------------------------------------
    def flush_pages(self) -> list[str]:
        """Save what every page holds; the names of the pages whose save failed."""
        failed = []
        for name, page in self._pages.items():
            flush = getattr(page, "flush", None)
            if callable(flush) and flush() is False:
                failed.append(name)
        return failed

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        from mop_desktop.gui.widgets import messages

        try:  # quitting always works: a failed last save is said, and the clerk may still go
            failed = [PAGES[name].title if name in PAGES else name for name in self.flush_pages()]
            where = f" on the {', '.join(failed)} page" if failed else ""
            reason = "the log has the reason"
        except Exception as exc:
            log.exception("the last save before closing failed")
            from mop_desktop.store.failures import explain

            failed, where, reason = ["?"], "", explain(exc) or "the log has the reason"
        if failed and not messages.confirm(
            self,
            "Not saved",
            f"The latest changes{where} could not be saved ({reason}). Close anyway? "
            "Those changes will be lost.",
            "Close without saving",
        ):
            event.ignore()
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        QSettings().setValue("window/state", self.saveState())
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        """The remembered size and place if they still fit the screen, else the preferred size
        shrunk to the screen's free area (without the task bar), centred."""
        from mop_desktop.gui.shell.screen_fit import place_window

        settings = QSettings()
        geometry = settings.value("window/geometry")
        place_window(self, self.preferred_size, geometry if geometry is not None else None)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
