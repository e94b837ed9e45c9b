"""packaging/linux: the desktop entry and install.sh, run against a stand-in build folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux install script")


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_desktop_entry_names_the_app_and_its_icon():
    entry = _entry(LINUX / "mop-desktop.desktop")
    assert entry["Name"] == "MOP Desktop"
    assert entry["Icon"] == "mop-desktop"
    assert entry["Exec"] == "mop-desktop"  # the command line takes no file to open
    assert entry["Terminal"] == "false"
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(LINUX / "mop-desktop.desktop")],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_install_and_uninstall_for_the_current_user(tmp_path):
    build = tmp_path / "dist" / "mop-desktop"
    (build / "_internal").mkdir(parents=True)
    program = build / "mop-desktop"
    program.write_text("#!/bin/sh\necho 'MOP Desktop 9.9.9'\n")
    program.chmod(0o755)
    home = tmp_path / "home"
    data = home / ".local" / "share" / "mop-desktop"
    data.mkdir(parents=True)
    (data / "policy.db").write_text("the clerk's data")
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)

    def install(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(LINUX / "install.sh"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    result = install(str(build))
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    app_dir = share / "mop-desktop-app"
    entry = _entry(share / "applications" / "mop-desktop.desktop")
    assert entry["Exec"] == f'"{app_dir / "mop-desktop"}"'
    command = home / ".local" / "bin" / "mop-desktop"
    assert subprocess.run([str(command)], capture_output=True, text=True).stdout.strip() == (
        "MOP Desktop 9.9.9"
    )
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "mop-desktop.png"
        assert (
            icon.read_bytes()
            == (ROOT / "resources" / "icons" / f"mop-desktop-{size}.png").read_bytes()
        )

    result = install("--uninstall")
    assert result.returncode == 0, result.stderr
    assert not app_dir.exists() and not command.exists()
    assert not (share / "applications" / "mop-desktop.desktop").exists()
    assert (data / "policy.db").read_text() == "the clerk's data"
