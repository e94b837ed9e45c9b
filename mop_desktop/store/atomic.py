"""Files written so that a crash, a power cut or a full disk leaves either the old or the new one.

The new content goes to a temporary file in the same folder, is flushed and fsynced, then
renamed over the target with ``os.replace`` (atomic on one file system, Windows included), and
the folder itself is fsynced so the rename survives a power cut. Any failure removes the
temporary file and leaves the target exactly as it was.

Every file written here is 0600 on Linux and macOS (set explicitly on the temporary file
before its content is written, whatever the umask): the rename carries that mode to the target.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

COPY_CHUNK = 1024 * 1024
#: The mode of every file written here on POSIX: the user's alone.
FILE_MODE = 0o600


def _private_fd(fd: int) -> None:
    if os.name == "posix":
        os.fchmod(fd, FILE_MODE)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened: Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_path_beside(path: Path, suffix: str = ".tmp") -> Path:
    """A fresh, empty temporary file in ``path``'s folder (for writers that need a path)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=suffix, dir=path.parent)
    try:
        _private_fd(fd)
    finally:
        os.close(fd)
    return Path(name)


def replace(tmp: Path, path: Path) -> None:
    """Rename a finished, synced ``tmp`` over ``path`` and sync the folder."""
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """``with atomic_writer(p) as f: f.write(...)``: ``p`` changes only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        _private_fd(fd)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a synced temporary file."""
    with open(source, "rb") as src, atomic_writer(target) as dst:
        shutil.copyfileobj(src, dst, COPY_CHUNK)


def atomic_produce(path: Path, produce: Callable[[Path], None]) -> None:
    """Let ``produce(tmp)`` write a file at a temporary path; sync it and rename it into place.

    For writers that need a path (SQLite's backup, zipfile). ``path`` is untouched on failure.
    """
    tmp = temp_path_beside(path)
    try:
        produce(tmp)
        fsync_file(tmp)
        if os.name == "posix":  # a writer that replaced the file at tmp must not widen it
            os.chmod(tmp, FILE_MODE)
        replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
