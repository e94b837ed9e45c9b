"""Copying one store and checking the copy: the building blocks of a backup bundle.

``copy_policy`` uses SQLite's online backup API inside one read transaction (a writer elsewhere
cannot make the copy inconsistent), then opens the copy and checks it (``integrity_check``,
``foreign_key_check``, row counts equal to the source's). ``copy_register_unlocked`` does the
same between two keyed SQLCipher connections (the copy stays encrypted) and checks it with
``cipher_integrity_check``; ``copy_file_checked`` copies a locked register's encrypted file as
it is, refusing when a journal shows a write in progress or the file changes while copied.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mop_desktop.store.atomic import fsync_file

POLICY = "policy.db"
REGISTER = "register.db"
KEY = "register.key"
REGISTER_JOURNAL = REGISTER + "-journal"  # with a locked register cut off mid-write
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A backup or restore that could not be done; one line for the user. Nothing changed."""


# -- small helpers ----------------------------------------------------------------------------
def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def table_names(con: Any) -> list[str]:
    """The ordinary tables of an SQLite or SQLCipher file, read from ``sqlite_master`` on a
    DB-API connection (the file itself is the subject: a copy being checked)."""
    rows = con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def row_counts(con: Any) -> dict[str, int]:
    """The number of rows of every ordinary table (names are from sqlite_master, quoted)."""
    counts = {}
    for name in table_names(con):
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = int(con.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0])
    return counts


def os_message(exc: OSError) -> str:
    """One line for the user about an OSError: its reason and, when known, the file."""
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    return f"{exc.strerror or exc}{where}"


STAGING_PREFIX = ".mop-staging-"
_STAGING_LOCK = ".in-use"


def _lock(handle: Any) -> bool:
    """An exclusive, non-blocking OS lock on an open file; False if another process holds it.
    The lock goes with the process: a killed backup leaves its staging folder unlocked."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def staging_folder(folder: Path) -> Iterator[Path]:
    """A fresh staging folder in ``folder``, locked while in use, removed afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(folder)
    handle = None
    for _attempt in range(3):  # another program's clean-up may take it before it is locked
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        try:
            handle = open(staging / _STAGING_LOCK, "wb")
        except FileNotFoundError:
            continue
        if _lock(handle) and _still_there(handle, staging / _STAGING_LOCK):
            break
        handle.close()
        handle = None
    else:
        raise OSError(f"a staging folder could not be made in {folder}")
    try:
        yield staging
    finally:
        if handle is not None:
            handle.close()
        shutil.rmtree(staging, ignore_errors=True)


def _still_there(handle: Any, path: Path) -> bool:
    """The locked file is the one at ``path`` (not removed by a clean-up just before)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def remove_stale_staging(folder: Path, unlocked_for: float = 60.0) -> list[Path]:
    """Staging folders left in ``folder`` by a backup or restore that was killed: those whose
    lock is free (their process has gone), and empty ones (killed before their lock file was
    made). One with files but no lock file is left for ``unlocked_for`` seconds. Returns what
    was removed."""
    import time

    removed: list[Path] = []
    try:
        candidates = [p for p in folder.glob(STAGING_PREFIX + "*") if p.is_dir()]
    except OSError:
        return removed
    for path in candidates:
        lock_file = path / _STAGING_LOCK
        try:
            if lock_file.exists():
                with open(lock_file, "rb+") as handle:
                    if not _lock(handle):
                        continue  # a backup or restore is using it now
            elif any(path.iterdir()) and time.time() - path.stat().st_mtime < unlocked_for:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            removed.append(path)
    return removed


# -- copies kept aside: checked before they are named -----------------------------------------
def verified_file_copy(source: Path, target: Path) -> Path:
    """Copy ``source`` byte for byte to ``target`` through a temporary file that is synced and
    compared with the source (SHA-256) before it is renamed; on any failure nothing named
    ``target`` appears and the temporary file is deleted (a full disk leaves no empty copy)."""
    from mop_desktop.store.atomic import fsync_dir, temp_path_beside

    tmp = temp_path_beside(target)
    try:
        shutil.copyfile(source, tmp)
        fsync_file(tmp)
        if sha256_file(tmp) != sha256_file(source):
            raise OSError(f"the copy of {source.name} differs from the original")
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def verified_sqlite_copy(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite file (its WAL included) through SQLite's backup API,
    checked (``quick_check``, the same row counts as the source) before it is named."""
    from mop_desktop.store.atomic import fsync_dir, temp_path_beside
    from mop_desktop.store.db import connect_read_only

    tmp = temp_path_beside(target)
    try:
        src = connect_read_only(source)
        try:
            src.execute("BEGIN")
            expected = row_counts(src)
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                if [r[0] for r in dst.execute("PRAGMA quick_check")] != ["ok"]:
                    raise OSError(f"the copy of {source.name} fails its check")
                if row_counts(dst) != expected:
                    raise OSError(f"the copy of {source.name} does not hold the same rows")
            finally:
                dst.close()
            src.execute("COMMIT")
        finally:
            src.close()
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        for suffix in ("", *SIDE_SUFFIXES):
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
        raise
    return target


# -- copying and checking one store -----------------------------------------------------------
def check_policy_copy(path: Path) -> dict[str, int]:
    """Open a copy of policy.db, check it and return its row counts; BackupError if unsound."""
    from mop_desktop.store.db import connect_read_only

    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise BackupError(f"the copy of {POLICY} cannot be opened: {exc}") from None
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise BackupError(f"the copy of {POLICY} fails its integrity check: {result[0]}")
        if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupError(f"the copy of {POLICY} has rows pointing at missing rows")
        return row_counts(con)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"the copy of {POLICY} is not readable: {exc}") from None
    finally:
        con.close()


def copy_policy(source: Path, target: Path) -> dict[str, int]:
    """Online backup of policy.db into ``target`` (synced), checked; returns the row counts."""
    from mop_desktop.store.db import connect_read_only

    try:  # read-only: a backup of a store on a read-only folder or a full disk still works
        src = connect_read_only(source)
        src.isolation_level = None
    except sqlite3.Error as exc:
        raise BackupError(f"{POLICY} cannot be opened for the backup: {exc}") from None
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        expected = row_counts(src)
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{POLICY} could not be copied: {exc}") from None
    finally:
        src.close()
    fsync_file(target)
    counts = check_policy_copy(target)
    if counts != expected:
        raise BackupError(f"the copy of {POLICY} does not hold the same rows as the store")
    return counts


def register_connection(path: Path, key: bytearray, mode: str) -> Any:
    """A keyed SQLCipher connection on a register file (``register.keyed_connection``)."""
    from mop_desktop.store.register import keyed_connection

    return keyed_connection(path, key, mode)


def check_register_copy(path: Path, key: bytearray) -> dict[str, int]:
    """Open an encrypted register copy with ``key``, check it, return its row counts."""
    from sqlcipher3 import dbapi2

    try:
        con = register_connection(path, key, "ro")
    except dbapi2.DatabaseError:
        raise BackupError(f"the copy of {REGISTER} cannot be opened with its key") from None
    try:
        problems = [r[0] for r in con.execute("PRAGMA cipher_integrity_check")]
        if problems:
            raise BackupError(f"the copy of {REGISTER} fails its encryption check")
        result = [r[0] for r in con.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise BackupError(f"the copy of {REGISTER} fails its integrity check")
        return row_counts(con)
    except dbapi2.DatabaseError:
        raise BackupError(f"the copy of {REGISTER} is not readable") from None
    finally:
        con.close()


def copy_register_unlocked(source: Path, target: Path, key: bytearray) -> dict[str, int]:
    """Online backup between two keyed SQLCipher connections: the copy stays encrypted."""
    from sqlcipher3 import dbapi2

    try:
        src = register_connection(source, key, "rw")  # rw: a hot journal is rolled back
    except dbapi2.DatabaseError:
        raise BackupError(f"{REGISTER} cannot be opened for the backup") from None
    try:
        src.isolation_level = None
        src.execute("BEGIN")
        expected = row_counts(src)
        dst = dbapi2.connect(str(target))
        try:
            dst.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
            src.backup(dst)
        finally:
            dst.close()
        src.execute("COMMIT")
    except dbapi2.DatabaseError:
        raise BackupError(f"{REGISTER} could not be copied") from None
    finally:
        src.close()
    fsync_file(target)
    counts = check_register_copy(target, key)
    if counts != expected:
        raise BackupError(f"the copy of {REGISTER} does not hold the same rows as the register")
    return counts


def copy_file_checked(source: Path, target: Path) -> None:
    """A byte copy of a file that must not change while it is copied (a locked register).

    A rollback journal beside it (a write cut off by a crash, or one in progress) is copied
    with it: the pair is consistent, and opening the copy rolls the journal back. Nothing may
    change while the pair is copied.
    """
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise BackupError(f"{source.name} is being written: try again in a moment")
    journal = source.with_name(source.name + "-journal")
    pairs = [(source, target)]
    if journal.exists() and journal.stat().st_size > 0:
        pairs.append((journal, target.with_name(target.name + "-journal")))
    try:
        before = [sha256_file(src) for src, _ in pairs]
        for src, dst in pairs:
            shutil.copyfile(src, dst)
            fsync_file(dst)
        unchanged = [sha256_file(src) for src, _ in pairs] == before
        copied = [sha256_file(dst) for _, dst in pairs] == before
    except FileNotFoundError:
        unchanged = copied = False
    if not (unchanged and copied) or (
        len(pairs) == 1 and journal.exists() and journal.stat().st_size > 0
    ):
        raise BackupError(f"{source.name} changed while it was copied: try again in a moment")
