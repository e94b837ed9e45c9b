"""The version is read from the package's metadata as importlib.metadata reads it."""

from __future__ import annotations

import importlib.metadata
import sys

import mop_desktop


def _metadata_version() -> str:
    try:
        return importlib.metadata.version("mop-desktop")
    except importlib.metadata.PackageNotFoundError:
        return "0.1.0"


def test_version_as_importlib_metadata_finds_it():
    assert mop_desktop.installed_version() == _metadata_version()
    assert mop_desktop.__version__ == mop_desktop.installed_version()


def test_version_from_an_installed_dist_info(tmp_path, monkeypatch):
    info = tmp_path / "mop_desktop-2.3.4.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: mop-desktop\nVersion: 2.3.4\n\nDescription text\n",
        encoding="utf-8",
    )
    (tmp_path / "other_package-9.9.9.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert mop_desktop.installed_version() == "2.3.4"
    assert mop_desktop.installed_version() == _metadata_version()


def test_command_line_prints_the_version(cli):
    code, out, _ = cli("--version")
    assert code == 0
    assert out == f"MOP Desktop {mop_desktop.installed_version()}\n"
