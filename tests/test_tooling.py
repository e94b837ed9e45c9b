"""The type checker passes over the whole package: strict below the window (domain, store,
services), mypy's default level elsewhere, as pyproject.toml's [tool.mypy] says.

Skipped where mypy is not installed, except when ``MOP_REQUIRE_TOOLS=1`` (set by .ci/run), where
a missing mypy fails rather than skips.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import ROOT

STRICT_LAYERS = {"mop_desktop.domain.*", "mop_desktop.store.*", "mop_desktop.services.*"}


def _require_mypy() -> None:
    if importlib.util.find_spec("mypy") is not None:
        return
    if os.environ.get("MOP_REQUIRE_TOOLS") == "1":
        pytest.fail("mypy is not installed (pip install -c constraints.txt -e '.[test,dev]')")
    pytest.skip("mypy is not installed")


def _mypy_config() -> dict[str, object]:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["tool"]["mypy"]


def test_the_layers_below_the_window_are_checked_strictly():
    config = _mypy_config()
    overrides = config.get("overrides", [])
    strict = {
        module
        for block in overrides
        if block.get("strict")
        for module in ([block["module"]] if isinstance(block["module"], str) else block["module"])
    }
    assert STRICT_LAYERS <= strict
    # nothing of the app's own is silenced: no module's errors ignored, no import waved through
    assert not any(block.get("ignore_errors") for block in overrides)
    assert config.get("ignore_errors") is None
    quiet = [
        module
        for block in overrides
        if block.get("ignore_missing_imports")
        for module in ([block["module"]] if isinstance(block["module"], str) else block["module"])
    ]
    assert quiet and not any(module.startswith("mop_desktop") for module in quiet)


def test_mypy_passes_over_the_package():
    _require_mypy()
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "mop_desktop"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout
