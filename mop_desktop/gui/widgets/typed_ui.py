"""A layout from ui/*.ui built into a widget of our own class, its named children bound as
typed attributes.

``load_into(self, "case_dialog")`` builds ``ui/case_dialog.ui`` on ``self`` (a QDialog or
QWidget subclass: the layout's window title, size and layout become its own), then binds every
attribute the class declares with a Qt widget type to the child of that objectName::

    class RetentionDialog(QDialog):
        dueList: QListWidget
        deleteButton: QPushButton

A declared widget missing from the layout, or of another type, is an error at once, not an
``AttributeError`` later: the layout and the code cannot drift apart unnoticed.
"""

from __future__ import annotations

import inspect

from PySide6 import QtWidgets
from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from mop_desktop.gui.widgets.uiloader import ui_path


class _IntoLoader(QUiLoader):
    """Builds the layout's top-level widget as ``root`` itself, its children as usual."""

    def __init__(self, root: QWidget) -> None:
        super().__init__()
        self._root: QWidget | None = root

    def createWidget(  # noqa: N802 (Qt's name)
        self, class_name: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if self._root is not None:  # the first widget built is the layout's top-level one
            root, self._root = self._root, None
            return root
        return super().createWidget(class_name, parent, name)


def declared_widgets(cls: type) -> dict[str, type[QWidget]]:
    """The attributes ``cls`` (and its bases) declare with a Qt widget type."""
    found: dict[str, type[QWidget]] = {}
    for klass in reversed(cls.__mro__):
        for name, annotation in inspect.get_annotations(klass).items():
            kind = annotation
            if isinstance(annotation, str):
                kind = getattr(QtWidgets, annotation.strip(), None)
            if isinstance(kind, type) and issubclass(kind, QWidget):
                found[name] = kind
    return found


def bind_widgets(root: QWidget) -> None:
    """Set each declared widget attribute of ``root`` to its child of that objectName."""
    for name, kind in declared_widgets(type(root)).items():
        child = root.findChild(kind, name)
        if child is None:
            raise LookupError(f"{name} ({kind.__name__}) is not in the layout of "
                              f"{type(root).__name__}")
        setattr(root, name, child)


def load_into(root: QWidget, name: str) -> None:
    """Build ``ui/<name>.ui`` on ``root`` and bind its declared widgets."""
    file = QFile(ui_path(name))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"layout {name}.ui is missing from this installation")
    loader = _IntoLoader(root)
    try:
        built = loader.load(file, root.parentWidget())
    finally:
        file.close()
    if built is not root:
        raise RuntimeError(f"layout {name}.ui could not be loaded: {loader.errorString()}")
    bind_widgets(root)
