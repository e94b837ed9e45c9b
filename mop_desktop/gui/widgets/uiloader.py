"""Layouts live in ui/*.ui (Qt Designer). Most are compiled into typed forms in
``gui/forms`` (see ``gui/forms/compile.py``): a dialog calls ``Ui_Name().setupUi(self)``. The
rest are loaded here at run time: ``load_ui("register_setup", parent)`` returns the widget built
from ``ui/register_setup.ui``; ``UiForm`` looks its named children up by attribute.
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
