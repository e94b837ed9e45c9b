"""Compile the layouts in ui/*.ui into typed Python forms in this folder (pyside6-uic).

The layouts stay in ui/ (edit them in Qt Designer); after editing one, run
``python -m mop_desktop.gui.forms.compile`` and commit both. tests/gui/test_ui_files.py checks
that every form here is what its layout compiles to. A dialog is then a QDialog subclass that
calls ``Ui_Name().setupUi(self)``, and each widget is an attribute of the type the layout gives.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "ui"
HERE = Path(__file__).resolve().parent

#: the layouts compiled here: every layout in ui/ (tests/gui/test_compiled_forms.py checks)
COMPILED = (
    "adopt_dialog",
    "welcome_dialog",
    "import_preview",
    "pdf_preview_dialog",
    "about_dialog",
    "folders_dialog",
    "settings_page",
    "review_page",
    "dashboard_page",
    "protocol_page",
    "main_window",
    "placeholder_page",
    "crash_dialog",
    "find_replace_dialog",
    "attachments_panel",
    "case_dialog",
    "recovery_dialog",
    "register_locked",
    "register_recovery",
    "register_retention",
    "register_setup",
    "register_table",
    "restore_dialog",
    "sealed_dialog",
)

HEADER = (
    "# Compiled from ui/{name}.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.\n"
    "# ruff: noqa\n"
    "# mypy: ignore-errors\n"
    "# (the widgets' types are still inferred: ``form.dateEdit`` is a QLineEdit)\n"
    "from __future__ import annotations\n"
)


def uic() -> str:
    found = Path(sys.executable).with_name("pyside6-uic")
    return str(found) if found.exists() else "pyside6-uic"


def compiled(name: str) -> str:
    """The Python form for ui/<name>.ui."""
    source = UI / f"{name}.ui"
    text = subprocess.run(
        [uic(), "--no-autoconnection", str(source)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    root = re.search(r'<widget class="(\w+)" name="(\w+)"', source.read_text("utf-8"))
    assert root is not None, f"{source} has no root widget"
    kind, root_name = root.groups()
    body = text[text.index("from PySide6") :]  # without the banner (it names uic's version)
    for method in ("setupUi", "retranslateUi"):
        body = body.replace(
            f"def {method}(self, {root_name}):",
            f"def {method}(self, {root_name}: {kind}) -> None:",
        )
    return HEADER.format(name=name) + "\n" + body


def target(name: str) -> Path:
    return HERE / f"ui_{name}.py"


def main() -> int:
    for name in COMPILED:
        target(name).write_text(compiled(name), "utf-8")
        print(f"ui/{name}.ui -> {target(name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
