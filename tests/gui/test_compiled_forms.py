"""The typed forms in mop_desktop/gui/forms are what their layouts in ui/ compile to, and they
build the same widgets, with the same names and texts, as loading the layout does."""

from __future__ import annotations

import importlib
import shutil

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QMainWindow, QWidget

from mop_desktop.gui.forms import compile as forms


@pytest.mark.parametrize("name", forms.COMPILED)
def test_form_is_current(name: str) -> None:
    if not shutil.which(forms.uic()) and not forms.Path(forms.uic()).exists():
        pytest.skip("pyside6-uic is not installed here")
    assert forms.target(name).read_text("utf-8") == forms.compiled(name), (
        f"ui/{name}.ui changed: run python -m mop_desktop.gui.forms.compile"
    )


def _described(root: QWidget) -> set[tuple[str, str, str]]:
    """(name, class, text) of every named child widget."""
    out = set()
    for child in root.findChildren(QWidget):
        if not child.objectName() or child.objectName().startswith("qt_"):
            continue
        text = ""
        if isinstance(child, (QLabel, QAbstractButton, QLineEdit)):
            text = child.text()
        out.add((child.objectName(), type(child).__name__, text))
    return out


@pytest.mark.parametrize("name", forms.COMPILED)
def test_form_builds_what_the_layout_loads(qtbot, name: str) -> None:
    from tests.gui.uiloader import load_ui

    loaded = load_ui(name)
    qtbot.addWidget(loaded)
    module = importlib.import_module(f"mop_desktop.gui.forms.ui_{name}")
    [form_class] = [v for k, v in vars(module).items() if k.startswith("Ui_")]
    host: QWidget = type(loaded)() if isinstance(loaded, (QDialog, QMainWindow)) else QWidget()
    qtbot.addWidget(host)
    form_class().setupUi(host)
    assert host.objectName() == loaded.objectName()
    assert _described(host) == _described(loaded)
    assert host.windowTitle() == loaded.windowTitle()


def test_every_layout_is_compiled() -> None:
    """One way to build a layout: each one in ui/ has its compiled form (so a widget the code
    uses but the layout lacks is an AttributeError for mypy and the tests, not at run time)."""
    layouts = {path.stem for path in forms.UI.glob("*.ui")}
    assert layouts == set(forms.COMPILED)
    assert all(forms.target(name).exists() for name in layouts)


def test_the_app_builds_no_layout_at_run_time() -> None:
    """Only the tests load a layout (``tests/gui/uiloader.load_ui``, to compare with the
    forms); the app imports no QtUiTools, which the packaged build leaves out."""
    gui = forms.ROOT / "mop_desktop" / "gui"
    loading = [
        str(path.relative_to(gui))
        for path in gui.rglob("*.py")
        if any(word in path.read_text("utf-8") for word in ("QUiLoader", "QtUiTools", "load_ui("))
    ]
    assert loading == []
