"""Windows and dialogs that fit the screen they open on.

``available_area(widget)`` is the screen's usable rectangle (without the task bar);
``fitted_size(wanted, area)`` shrinks a size to fit inside it with a margin;
``place_window(window, wanted, saved_geometry)`` opens the main window at ``wanted`` or the
remembered geometry, whichever fits, centred on the screen; ``centre_on_screen(widget)`` centres
a dialog on the screen (not on a parent window that may be larger than it).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

#: room left around a window opened at its preferred size (pixels on each side)
MARGIN = 16
#: room kept above the window's client area for the window manager's title bar
TITLE_BAR = 32


def available_area(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen ``widget`` is on (the primary screen otherwise)."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (should not happen): a small laptop's
        return QRect(0, 0, 1024, 768)
    return screen.availableGeometry()


def fitted_size(wanted: QSize, area: QRect, margin: int = MARGIN) -> QSize:
    """``wanted``, made no larger than ``area`` less ``margin`` on each side."""
    return QSize(
        max(1, min(wanted.width(), area.width() - 2 * margin)),
        max(1, min(wanted.height(), area.height() - 2 * margin)),
    )


def centred(size: QSize, area: QRect) -> QRect:
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(area.center())
    return rect


def fits(rect: QRect, area: QRect) -> bool:
    return area.contains(rect)


def place_window(window: QWidget, wanted: QSize, saved: QByteArray | None = None) -> None:
    """Open ``window`` at its remembered geometry when that still fits the screen (a screen may
    have become smaller since), otherwise at ``wanted`` shrunk to the screen, centred."""
    area = available_area(window)
    minimum = window.minimumSize()
    window.setMinimumSize(
        QSize(min(minimum.width(), area.width()), min(minimum.height(), area.height()))
    )
    if saved is not None and not saved.isEmpty() and window.restoreGeometry(saved):
        if window.isMaximized() or fits(window.geometry(), area):
            return
    client_area = area.adjusted(0, TITLE_BAR, 0, 0)
    size = fitted_size(wanted, client_area)
    window.resize(size)
    window.setGeometry(centred(size, client_area))


def centre_on_screen(widget: QWidget) -> None:
    """Shrink ``widget`` to its screen if it is larger and centre it there."""
    area = available_area(widget.parentWidget() or widget)
    hint = widget.sizeHint().expandedTo(widget.size()) if widget.isVisible() else widget.sizeHint()
    size = fitted_size(hint.expandedTo(widget.minimumSizeHint()), area, margin=0)
    widget.resize(size)
    widget.move(centred(size, area).topLeft())


def fit_tabs_to_screen(dialog: QWidget, tabs: QTabWidget) -> bool:
    """A tabbed dialog taller than the screen (a case form at 1024 x 768 with a task bar): each
    tab's page scrolls, so the dialog fits and its buttons stay on screen. True if changed."""
    area = available_area(dialog.parentWidget() or dialog)
    room = area.height() - TITLE_BAR
    if dialog.minimumSizeHint().height() <= room:
        if dialog.height() <= room:
            return False
        dialog.resize(min(dialog.width(), area.width()), room)  # as designed, but too tall
        return True
    current = tabs.currentIndex()
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is None or isinstance(page, QScrollArea):
            continue
        title, enabled = tabs.tabText(index), tabs.isTabEnabled(index)
        tabs.removeTab(index)
        scroll = QScrollArea()
        scroll.setObjectName(f"{page.objectName()}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        tabs.insertTab(index, scroll, title)
        tabs.setTabEnabled(index, enabled)
    tabs.setCurrentIndex(current)
    tabs.updateGeometry()
    layout = dialog.layout()
    if layout is not None:  # the new, smaller least height before resizing
        layout.invalidate()
        layout.activate()
    dialog.resize(min(dialog.width(), area.width()), room)
    return True


def fit_dialog(dialog: QWidget) -> bool:
    """A dialog designed larger than the screen's free area (a preview at 860 x 760) shrunk to
    it, with room for its title bar, and centred on the screen. True if it was changed."""
    area = available_area(dialog.parentWidget() or dialog)
    room = area.adjusted(0, TITLE_BAR, 0, 0)
    size = dialog.size()
    if size.width() <= room.width() and size.height() <= room.height():
        return False
    fitted = fitted_size(size, room, margin=0).expandedTo(dialog.minimumSizeHint())
    dialog.resize(fitted)
    dialog.move(centred(fitted, room).topLeft())
    return True
