"""Before the window starts on Linux: are the system libraries Qt's X11 (xcb) plugin needs there?

Without them Qt prints a long message about the "xcb" platform plugin and aborts. Checked
before the QApplication is made, ``missing_packages()`` names the Debian/Ubuntu packages to
install instead, and ``problem_line()`` puts them in one line for stderr. No Qt import here.

The list is what ``ldd`` shows for PySide6's ``plugins/platforms/libqxcb.so`` and
``lib/libQt6XcbQpa.so.6`` (PySide6 6.x) on a minimal Debian 12 desktop.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: shared library -> Debian (and Ubuntu) package that ships it
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(env: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will try its X11 plugin: on Linux, asked for by QT_QPA_PLATFORM, or left to
    choose with an X display and no Wayland one."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] | None = None,
) -> list[str]:
    """The packages whose libraries cannot be loaded (empty when all are there, or when Qt
    will not use its X11 plugin)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not uses_xcb(env, platform):
        return []
    loads = _loads if loads is None else loads
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def problem_line(packages: list[str]) -> str:
    """One line for stderr naming what to install."""
    names = " ".join(packages)
    return (
        f"mop-desktop: the window cannot open: the system is missing {names}. "
        f"Install with: sudo apt install {names}"
    )


def check_platform() -> str | None:
    """The line to print when the window cannot open on this system, None when it can."""
    packages = missing_packages()
    return problem_line(packages) if packages else None
