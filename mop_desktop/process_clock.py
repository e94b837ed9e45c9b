"""Time since this process started, for ``--smoke-test``'s ``startup-ms``.

On Linux the kernel's start time of the process (``/proc/self/stat``, field 22, in clock ticks
since boot, compared with ``CLOCK_BOOTTIME``): it counts the interpreter's own start and every
import, at the kernel's tick (10 ms). Elsewhere, ``fallback``: a ``time.perf_counter()`` taken
by the caller as early as it can (``mop_desktop.cli`` takes one when it is imported).
"""

from __future__ import annotations

import os
import sys
import time


def _linux_seconds() -> float | None:
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            stat = handle.read()
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(stat.rsplit(")", 1)[1].split()[19]) / ticks  # field 22; fields 3.. follow ")"
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def seconds_since_start(fallback: float) -> float:
    """Seconds since the process started (``fallback``: a perf_counter() taken at its start)."""
    if sys.platform.startswith("linux"):
        seconds = _linux_seconds()
        if seconds is not None and seconds >= 0:
            return seconds
    return time.perf_counter() - fallback
