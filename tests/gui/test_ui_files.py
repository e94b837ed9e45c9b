"""Every layout under ui/ loads (globbed, so layouts added later are covered too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mop_desktop.paths import resource_path

UI_FILES = sorted(Path(resource_path("ui")).glob("*.ui"))


def test_there_are_layouts() -> None:
    names = {p.stem for p in UI_FILES}
    assert {"main_window", "welcome_dialog", "import_preview", "settings_page"} <= names


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_layout_loads(qtbot, path: Path) -> None:
    from tests.gui.uiloader import load_ui

    widget = load_ui(path.stem)
    qtbot.addWidget(widget)
    assert widget.objectName(), f"{path.name} has no objectName on its root widget"
