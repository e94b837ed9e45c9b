"""A guard against a reference-counting fault of PySide6 6.12 on Python 3.11.

On that pairing every Qt method that returns nothing (``QLabel.setText``,
``QTextCursor.insertText`` ...) hands back ``None`` without taking a reference to it, so each
call takes one reference from ``None``; after some tens of thousands of calls Python aborts
with "Fatal Python error: none_dealloc: deallocating None". Python 3.12 and later make ``None``
immortal (its count is never changed), so the fault cannot bite there.

``guard()`` raises the count of ``None`` far out of reach. ``None`` is a static singleton that
is never freed, so its count is bookkeeping only; raising it changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

FLOOR = 1 << 40  # more void calls than any session makes


def guard() -> None:
    """Make sure ``None`` cannot run out of references (no-op on Python 3.12+)."""
    if sys.version_info >= (3, 12):
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < FLOOR:
        count.value += FLOOR
