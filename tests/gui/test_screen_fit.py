"""The window and the welcome open within the screen's free area, whatever its size."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize

from mop_desktop.gui.shell import main_window as mw
from mop_desktop.gui.shell import screen_fit
from tests.gui.shell_helpers import app_context  # noqa: F401 (fixtures used by name)

SMALL = QRect(0, 0, 1024, 740)  # 1024x768 less a task bar


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(screen_fit, "available_area", lambda widget=None: QRect(SMALL))
    QSettings().remove("window")
    yield SMALL
    QSettings().remove("window")


def test_fitted_size_keeps_a_margin() -> None:
    assert screen_fit.fitted_size(QSize(1180, 760), SMALL) == QSize(1024 - 32, 740 - 32)
    assert screen_fit.fitted_size(QSize(800, 600), SMALL) == QSize(800, 600)


def test_window_opens_inside_a_small_screen(qtbot, app_context, small_screen) -> None:
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    geometry = win.geometry()
    assert geometry.width() <= 1024 and geometry.height() <= 740 - screen_fit.TITLE_BAR
    assert small_screen.contains(geometry)
    assert geometry.top() >= screen_fit.TITLE_BAR  # room for the title bar above it


def test_remembered_size_used_only_if_it_fits(qtbot, app_context, small_screen) -> None:
    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.setGeometry(QRect(10, 40, 780, 500))  # (the offscreen screen is 800x600)
    QSettings().setValue("window/geometry", win.saveGeometry())
    again = mw.MainWindow(app_context)
    qtbot.addWidget(again)
    assert again.geometry().size() == QSize(780, 500)

    win.setGeometry(QRect(0, 0, 1600, 1000))  # remembered from a larger screen
    QSettings().setValue("window/geometry", win.saveGeometry())
    third = mw.MainWindow(app_context)
    qtbot.addWidget(third)
    assert small_screen.contains(third.geometry())


def test_welcome_is_centred_on_the_screen(qtbot, app_context, small_screen) -> None:
    from mop_desktop.gui.shell.welcome import show_welcome

    win = mw.MainWindow(app_context)
    qtbot.addWidget(win)
    win.setGeometry(QRect(0, 0, 1600, 1000))  # a window larger than the screen
    welcome = show_welcome(app_context, win)
    dialog = welcome
    assert small_screen.contains(dialog.geometry())
    centre = dialog.geometry().center()
    assert abs(centre.x() - small_screen.center().x()) <= 2
    assert abs(centre.y() - small_screen.center().y()) <= 2
    dialog.reject()


def test_a_dialog_larger_than_the_screen_is_fitted(qtbot, small_screen) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(860, 760)  # the PDF preview as designed
    assert screen_fit.fit_dialog(dialog)
    room = SMALL.adjusted(0, screen_fit.TITLE_BAR, 0, 0)
    assert room.contains(dialog.geometry())
    small = QDialog()
    qtbot.addWidget(small)
    small.resize(400, 300)
    assert not screen_fit.fit_dialog(small) and small.size() == QSize(400, 300)
