"""For the tests: layouts live in ui/*.ui (Qt Designer). Every one is compiled into a typed
form in ``mop_desktop/gui/forms`` (see ``gui/forms/compile.py``), the one way the app builds
them. Here:
``ui_path(name)``, and ``load_ui(name, parent)``, the widget built from ``ui/<name>.ui`` (the
tests use it to check every layout loads).
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
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
