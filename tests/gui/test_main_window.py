"""The main window: navigation, placeholder pages, menus, the status bar, flushing on close."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from mop_desktop.gui.shell import main_window as mw
from mop_desktop.gui.widgets.operation import Change, announce
from tests.gui.shell_helpers import app_context, make_result  # noqa: F401 (fixtures used by name)


@pytest.fixture
def window(qtbot, app_context):
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.load_data()  # as the start-up does once the first frame is drawn
    return win


def test_navigation_lists_the_five_pages(window) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Dashboard", "Protocol", "Review schedule", "Concerns", "Settings"]
    assert window.current_page_name() == "dashboard"


def test_show_page_and_shortcuts(window) -> None:
    window.show_page("settings")
    assert window.current_page_name() == "settings"
    assert window.nav.currentRow() == 4
    view_actions = {a.text(): a.shortcut().toString() for a in window.menu("View").actions()}
    assert view_actions["Protocol"] == "Ctrl+2"
    assert view_actions["Settings"] == "Ctrl+5"
    window.nav.setCurrentRow(0)
    assert window.current_page_name() == "dashboard"


def test_broken_page_is_reported_not_fatal(qtbot, app_context, monkeypatch, tmp_path) -> None:
    import sys
    import types

    broken = types.ModuleType("mop_desktop_test_broken_page")

    def create_page(app, window):
        raise RuntimeError("boom")

    broken.create_page = create_page
    monkeypatch.setitem(sys.modules, "mop_desktop_test_broken_page", broken)
    pages = dict(mw.PAGES)
    pages["review"] = mw.PageSpec("Review schedule", broken.create_page, "x.svg")
    monkeypatch.setattr(mw, "PAGES", pages)
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.show_page("review")
    shown = " ".join(label.text() for label in win.stack.currentWidget().findChildren(QLabel))
    assert "could not be opened" in shown


def test_menus_exist_and_new_ones_go_before_help(window) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:4] == ["File", "Edit", "View", "Help"]
    tools = window.menu("Tools")
    assert window.menu("Tools") is tools
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Tools", "Help"]
    file_actions = {
        a.text().replace("&", ""): a.shortcut().toString()
        for a in window.menu("File").actions()
        if a.text()
    }
    assert file_actions["Import protocol..."] == "Ctrl+I"
    assert file_actions["Quit"] == "Ctrl+Q"
    help_texts = [a.text().replace("&", "") for a in window.menu("Help").actions() if a.text()]
    assert help_texts == ["Data and log folders", "About MOP Desktop"]


def test_status_bar_with_no_protocol(window) -> None:
    assert window.statusLabel.text() == "No protocol yet"
    assert window.versionLabel.text().startswith("MOP Desktop ")


def test_status_bar_follows_the_store(window, app_context) -> None:
    from mop_desktop.services.workspace import save_import

    save_import(app_context.store, make_result(adopted=True))
    announce(app_context, Change.DOCUMENT)
    text = window.statusLabel.text()
    assert "Version 2026 adopted" in text
    assert "31 March 2027" in text
    assert window.windowTitle() == "Oakford Town Council"


def test_close_flushes_pages(qtbot, app_context, monkeypatch) -> None:
    import sys
    import types

    flushed: list[str] = []

    class Page(QWidget):
        def flush(self) -> None:
            flushed.append("saved")

    module = types.ModuleType("mop_desktop_test_flush_page")
    module.create_page = lambda app, window: Page()
    monkeypatch.setitem(sys.modules, "mop_desktop_test_flush_page", module)
    pages = dict(mw.PAGES)
    pages["protocol"] = mw.PageSpec("Protocol", module.create_page, "x.svg")
    monkeypatch.setattr(mw, "PAGES", pages)
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.show_page("protocol")
    win.show()
    win.close()
    assert flushed == ["saved"]


def test_folders_dialog_shows_both_paths(window, app_context) -> None:
    from mop_desktop.gui.shell.about import AboutDialog, FoldersDialog

    dialog = FoldersDialog(window, app_context.paths, app_context.paths.logs / "x.log")
    form = dialog.form
    assert form.dataFolderEdit.text() == str(app_context.paths.data)
    assert form.logFileEdit.text().endswith("x.log")
    about = AboutDialog(window).form
    from mop_desktop import __version__

    assert about.versionLabel.text() == f"Version {__version__}"


def test_import_action_opens_nothing_when_cancelled(window, monkeypatch, store) -> None:
    from mop_desktop.gui.protocol import import_preview
    from mop_desktop.services.workspace import show

    asked: list[object] = []
    monkeypatch.setattr(import_preview, "ask_open_file", lambda parent: asked.append(parent))
    window.actionImport.trigger()
    assert asked == [window]
    assert show(store) is None


def test_bring_to_front_restores_a_minimised_window(window) -> None:
    window.showMinimized()
    window.bring_to_front()
    assert not window.isMinimized()
    assert window.isVisible()


def test_preload_builds_every_page_once(qtbot, app_context, monkeypatch) -> None:
    import sys
    import types

    built: list[str] = []
    module = types.ModuleType("mop_desktop_test_counted_page")

    def create_page(app, window):
        built.append("review")
        return QWidget()

    module.create_page = create_page
    monkeypatch.setitem(sys.modules, "mop_desktop_test_counted_page", module)
    pages = dict(mw.PAGES)
    pages["review"] = mw.PageSpec("Review schedule", module.create_page, "x.svg")
    monkeypatch.setattr(mw, "PAGES", pages)
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    assert built == []  # only the dashboard is built before the window is shown
    win.preload_pages()
    win.preload_pages()
    assert built == ["review"]
    assert win.current_page_name() == "dashboard"
    assert set(win._pages) == set(mw.PAGES)


def test_window_size_is_remembered(qtbot, app_context) -> None:
    first = mw.MainWindow(app_context)
    qtbot.addWidget(first)
    first.show()
    first.resize(781, 523)  # within the offscreen screen (800 x 600)
    first.close()
    second = mw.MainWindow(app_context)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (781, 523)


def test_pages_can_be_built_one_per_turn_of_the_event_loop(qtbot, app_context) -> None:
    """At start-up the other pages are built one at a time, so the window keeps answering."""
    from PySide6.QtWidgets import QApplication

    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    done = []
    win.preload_pages(then=lambda: done.append(set(win._pages)))
    assert len(win._pages) == 2  # the dashboard, and one more before control goes back
    QApplication.processEvents()
    qtbot.waitUntil(lambda: bool(done))
    assert done == [set(mw.PAGES)]
