"""Layouts live in ui/*.ui (Qt Designer). This is the one place that loads them.

``load_ui("main_window", parent)`` returns the widget built from ``ui/main_window.ui``; child
widgets are reached by their objectName with ``widget.findChild(QType, "name")`` or through
``UiForm`` which looks them up by attribute: ``form = UiForm(load_ui("adopt_dialog", self))``
then ``form.minuteEdit``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from mop_desktop.paths import resource_path

_loader: QUiLoader | None = None


def ui_path(name: str) -> str:
    return str(resource_path("ui", f"{name}.ui"))


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    global _loader
    if _loader is None:
        _loader = QUiLoader()
    file = QFile(ui_path(name))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"layout {name}.ui is missing from this installation")
    try:
        widget = _loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"layout {name}.ui could not be loaded: {_loader.errorString()}")
    return widget


class UiForm:
    """Attribute access to the named children of a loaded form."""

    def __init__(self, root: QWidget) -> None:
        self.root = root

    def __getattr__(self, name: str) -> Any:
        child = self.root.findChild(QObject, name)
        if child is None:
            raise AttributeError(f"{name} is not in the layout {self.root.objectName()}")
        return child
