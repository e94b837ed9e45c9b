"""Failures of the machine rather than of the program: a full disk, a read-only folder, a
device that went away. ``explain(exc)`` turns them into one line for the user (or None when the
error is something else), for the command line and the window alike.

Every write is one transaction (``synchronous=FULL``) or a temporary file renamed into place
(``store.atomic``), so when one of these is raised nothing was changed: the messages say so.
"""

from __future__ import annotations

import errno
from pathlib import Path

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ENOMEDIUM", -2)}

DISK_FULL = "the disk is full: nothing was changed; free some space and try again"
READ_ONLY = "the folder cannot be written to (read-only or not allowed): nothing was changed"
GONE = "the disk could not be read or written (removed, or failing): nothing was changed"
BUSY = "busy: another program is writing; try again"
#: Below this much free space a store is opened for reading only (SQLite needs room for its
#: shared-memory and journal files even to read a WAL database).
LOW_SPACE = 256 * 1024

_BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")
#: SQLite's "disk I/O error" does not say that the disk failed (a data file replaced under an
#: open connection gives it too): say what is known.
IO_ERROR = (
    "the data file could not be read or written just now (an input/output error): nothing "
    "was changed; close MOP Desktop and open it again"
)


def _sqlite_text(exc: BaseException) -> str | None:
    """The driver's message for an SQLite error (directly or wrapped by SQLAlchemy)."""
    module = type(exc).__module__ or ""
    orig = getattr(exc, "orig", None)
    if orig is not None and module.startswith("sqlalchemy"):
        exc = orig
        module = type(exc).__module__ or ""
    if module.split(".")[0] in ("sqlite3", "_sqlite3", "sqlcipher3"):
        return str(exc).lower()
    return None


#: A database server (a shared store) that cannot be reached or refuses the connection.
UNREACHABLE = (
    "the database server could not be reached (is it running, and is the address right?): "
    "nothing was changed"
)
REFUSED_LOGIN = (
    "the database server refused the user name or password (keep the password with "
    "`mop-desktop store-password`)"
)
NOT_ALLOWED = "the database server does not allow this user to connect from here"
NO_DATABASE = "the database server has no such database"
#: SQLSTATEs that mean another connection held what this one needed: busy, not damage.
_SERVER_BUSY = {"55P03", "40001", "40P01", "55006"}


def _server_error(exc: BaseException) -> tuple[str | None, bool] | None:
    """(SQLSTATE, is a connection failure) for a psycopg error (directly or wrapped), else
    None."""
    orig = getattr(exc, "orig", None)
    if orig is not None and (type(exc).__module__ or "").startswith("sqlalchemy"):
        exc = orig
    if (type(exc).__module__ or "").split(".")[0] != "psycopg":
        return None
    state = getattr(exc, "sqlstate", None)
    return state, type(exc).__name__ == "OperationalError" and state is None


def _explain_server(exc: BaseException) -> str | None:
    found = _server_error(exc)
    if found is None:
        return None
    state, unreachable = found
    if state in _SERVER_BUSY:
        return BUSY
    if state == "53100":
        return DISK_FULL
    if state == "25006":
        return READ_ONLY
    if state == "28P01":
        return REFUSED_LOGIN
    if state == "28000":
        return NOT_ALLOWED
    if state == "3D000":
        return NO_DATABASE
    if unreachable or (state or "").startswith("08"):
        text = str(getattr(exc, "orig", None) or exc).lower()  # libpq says why in words
        if "password authentication failed" in text or "no password supplied" in text:
            return REFUSED_LOGIN
        if "no pg_hba.conf entry" in text or "not permitted" in text:
            return NOT_ALLOWED
        if "database" in text and "does not exist" in text:
            return NO_DATABASE
        if "too many" in text and "connections" in text:
            return BUSY
        return UNREACHABLE
    return None


def explain(exc: BaseException) -> str | None:
    """One line for a disk-full, read-only or vanished-device failure; None otherwise."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno is not None:
            where = f" ({current.filename})" if current.filename else ""
            if current.errno in _DISK_FULL:
                return DISK_FULL + where
            if current.errno in _READ_ONLY:
                return READ_ONLY + where
            if current.errno in _GONE:
                return GONE + where
        server = _explain_server(current)
        if server is not None:
            return server
        text = _sqlite_text(current)
        if text is not None:
            if any(words in text for words in _BUSY_WORDS):
                return BUSY
            if "database or disk is full" in text:
                return DISK_FULL
            if "readonly" in text or "read-only" in text:
                return READ_ONLY
            if "disk i/o error" in text:
                return IO_ERROR
        current = current.__cause__ or current.__context__
    return None


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) is the database saying another connection holds
    a lock (SQLite's busy, a server's lock timeout, serialisation failure or deadlock)."""
    return explain(exc) == BUSY


class CannotWrite(OSError):
    """A write refused before it was tried: the store was opened for reading only because its
    folder is read-only or its disk is full. ``explain`` turns it into the matching line."""


def write_trouble(folder: Path) -> int | None:
    """Why nothing can be written in ``folder`` (errno.EROFS or errno.ENOSPC), or None.

    A small probe file is created and removed (``os.access`` does not see a read-only mount
    on every system, nor a folder that root may write to but a user may not), and the free
    space is compared with ``LOW_SPACE``.
    """
    import os
    import shutil
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=".mop-probe-", dir=folder)
    except FileNotFoundError:
        return None  # not there yet: it will be created
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            return errno.ENOSPC
        if exc.errno in _READ_ONLY:
            return errno.EROFS
        return None
    os.close(fd)
    try:
        os.unlink(name)
    except OSError:
        pass
    try:
        if shutil.disk_usage(folder).free < LOW_SPACE:
            return errno.ENOSPC
    except OSError:
        pass
    return None


def cannot_write(reason: int, path: Path | None = None) -> CannotWrite:
    words = "No space left on device" if reason == errno.ENOSPC else "Read-only file system"
    return CannotWrite(reason, words, str(path) if path is not None else None)
