"""An operating-system lock held across every read-modify-write of the key file
(set-up, passphrase change, recovery key replacement), so that two of them at once (the window
and the command line, or two commands) are done one after the other, each on the file as the
other left it.

Linux and macOS: ``fcntl.flock`` on the folder that holds the key file (not on the key file,
which each change replaces by a rename, and without adding a file to the data folder). Windows:
``msvcrt.locking`` on an empty ``register.key.lock`` beside it, never deleted (deleting it would
let two processes lock two different files). Either way the operating system drops the lock
when the process ends, however it ends, so a killed process never leaves the key file locked.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: How long a change waits for another one to finish before saying the key file is busy.
WAIT_SECONDS = 60.0
_POLL = 0.02


def lock_path_for(key_path: Path) -> Path:
    return key_path.with_name(key_path.name + ".lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def key_file_lock(key_path: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the key file's lock for the block (waits for another holder up to ``wait``)."""
    from mop_desktop.store.key_errors import VaultError

    key_path.parent.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        fd = os.open(lock_path_for(key_path), os.O_RDWR | os.O_CREAT, 0o600)
    else:
        fd = os.open(key_path.parent, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise VaultError(
                    "the key file is busy: another passphrase or recovery key change is "
                    "running; try again when it has finished"
                )
            time.sleep(_POLL)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
