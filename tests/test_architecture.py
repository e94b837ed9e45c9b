"""The layers stay visible: nothing below gui/ imports Qt, and the command line starts light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "mop_desktop"
NO_QT = ["domain", "store", "services", "commands"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", NO_QT)
def test_layer_never_imports_qt(layer):
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path))
    ]
    offenders += [
        p for p in ["mop_desktop/cli.py", "mop_desktop/paths.py"]
        if any(n.split(".")[0] == "PySide6" for n in _imports(ROOT / p))
    ]
    assert offenders == []


def test_domain_never_imports_sqlalchemy():
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((PACKAGE / "domain").rglob("*.py"))
        if any(name.split(".")[0] == "sqlalchemy" for name in _imports(path))
    ]
    assert offenders == []


def test_services_and_store_work_with_qt_blocked(tmp_path):
    """Import every module below gui/ with PySide6 made unimportable."""
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for layer in NO_QT
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if path.name != "__init__.py" and "migrations" not in path.parts
    ]
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked below the GUI: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "import mop_desktop.cli\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_command_line_does_not_load_heavy_modules(tmp_path):
    """Building the parser and running a light command imports no Qt, reportlab, docx or alembic."""
    script = (
        "import sys\n"
        "from mop_desktop.cli import build_parser\n"
        "build_parser()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'reportlab', 'docx', 'alembic', 'sqlcipher3', 'icalendar', 'pypdfium2'))\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
