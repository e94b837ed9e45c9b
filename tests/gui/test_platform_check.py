"""Start-up on Linux: a missing X11 library is named as the package to install, in one line."""

from __future__ import annotations

import os
import subprocess
import sys

from mop_desktop.gui.shell import platform_check as pc

ALL = set(pc.XCB_LIBRARIES)


def test_every_library_is_checked_when_qt_uses_x11() -> None:
    env = {"DISPLAY": ":0"}
    missing = pc.missing_packages(
        env, "linux", lambda lib: lib not in {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    )
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert pc.missing_packages(env, "linux", lambda lib: True) == []
    for needed in (
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-image0",
        "libxcb-render-util0",
        "libxkbcommon-x11-0",
        "libxcb-xkb1",
        "libxcb-shape0",
        "libxcb-randr0",
    ):
        assert needed in pc.XCB_LIBRARIES.values()


def test_not_checked_where_qt_will_not_use_x11() -> None:
    never = lambda lib: False  # noqa: E731
    assert pc.missing_packages({"DISPLAY": ":0"}, "win32", never) == []
    assert (
        pc.missing_packages({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", never) == []
    )
    assert (
        pc.missing_packages({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", never) == []
    )
    assert pc.missing_packages({}, "linux", never) == []
    assert pc.missing_packages({"QT_QPA_PLATFORM": "xcb"}, "linux", never)


def test_problem_is_one_line_naming_the_packages() -> None:
    line = pc.problem_line(["libxcb-icccm4", "libxcb-keysyms1"])
    assert "\n" not in line
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in line


def test_window_start_prints_the_line_instead_of_qt_message(tmp_path) -> None:
    """A subprocess where every library "fails to load": one line on stderr, exit 2."""
    code = (
        "import sys; from mop_desktop.gui.shell import platform_check as pc;"
        "pc._loads = lambda lib: lib != 'libxcb-keysyms.so.1';"
        "from mop_desktop import cli; sys.exit(cli.main(['--data-dir', sys.argv[1]]))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=":99")
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "libxcb-keysyms1" in lines[0] and 'xcb" platform plugin' not in lines[0]
