"""Backups of the whole store as one bundle file, and putting one back.

A bundle is a zip holding ``policy.db``, the register (``register.db``, still encrypted) and its
key file ``register.key`` when they exist, and ``manifest.json`` with each file's SHA-256 and
size, the row count of every table and a short summary for the restore preview. It is built in
a staging folder beside its destination:

- ``policy.db`` is copied with SQLite's online backup API inside one read transaction (so a
  writer in another thread or process cannot make it inconsistent), then opened, checked
  (``integrity_check``, ``foreign_key_check``) and its row counts compared with the source's;
- the register, when unlocked (its data key given), is copied the same way between two keyed
  SQLCipher connections and checked with ``cipher_integrity_check``; when locked, its encrypted
  file is copied as it is and the copy's hash compared with the file's before and after;
- the zip is written to a temporary file, synced, read back and every member's hash checked,
  and only then renamed into place.

``describe_bundle`` reads the manifest for the preview, ``verify_bundle`` checks everything. Putting
a bundle back is ``store/restore``; the automatic backups folder and its thinning are in
``store/backup_folder``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mop_desktop.paths import AppPaths
from mop_desktop.store.atomic import atomic_produce, fsync_file

FORMAT = "mop-desktop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
POLICY = "policy.db"
REGISTER = "register.db"
KEY = "register.key"
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


def _tables(con: Any) -> list[str]:
    rows = con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def row_counts(con: Any) -> dict[str, int]:
    """The number of rows of every ordinary table (names are from sqlite_master, quoted)."""
    counts = {}
    for name in _tables(con):
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = int(con.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0])
    return counts


def _os_message(exc: OSError) -> str:
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    return f"{exc.strerror or exc}{where}"


@contextmanager
def _staging(folder: Path) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".mop-staging-", dir=folder))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# -- copying and checking one store -----------------------------------------------------------
def check_policy_copy(path: Path) -> dict[str, int]:
    """Open a copy of policy.db, check it and return its row counts; BackupError if unsound."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
    try:
        src = sqlite3.connect(f"file:{source}?mode=rw", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise BackupError(f"{POLICY} cannot be opened for the backup: {exc}") from None
    try:
        src.execute("PRAGMA busy_timeout = 10000")
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


def _register_connection(path: Path, key: bytearray, mode: str) -> Any:
    from mop_desktop.store.register import _keyed_connection

    return _keyed_connection(path, key, mode)


def check_register_copy(path: Path, key: bytearray) -> dict[str, int]:
    """Open an encrypted register copy with ``key``, check it, return its row counts."""
    from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

    try:
        con = _register_connection(path, key, "ro")
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
        src = _register_connection(source, key, "ro")
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
    """A byte copy of a file that must not change while it is copied (a locked register)."""
    for suffix in SIDE_SUFFIXES[::2]:  # a -wal or -journal beside it means a write in progress
        side = source.with_name(source.name + suffix)
        if side.exists() and side.stat().st_size > 0:
            raise BackupError(
                f"{source.name} is being written (a {suffix[1:]} file is beside it): "
                "try again in a moment"
            )
    before = sha256_file(source)
    shutil.copyfile(source, target)
    fsync_file(target)
    if sha256_file(target) != before or sha256_file(source) != before:
        raise BackupError(f"{source.name} changed while it was copied: try again in a moment")


# -- the summary shown before a restore --------------------------------------------------------
def policy_summary(path: Path) -> dict[str, Any]:
    """Versions, adoptions and the latest adoption recorded in a policy.db copy."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = set(_tables(con))
        summary: dict[str, Any] = {"versions": 0, "adoptions": 0, "latest_version": None,
                                   "latest_adopted_on": None, "draft": False, "council": ""}
        if "version" in tables:
            summary["versions"] = con.execute("SELECT count(*) FROM version").fetchone()[0]
            summary["draft"] = bool(
                con.execute("SELECT count(*) FROM version WHERE status='draft'").fetchone()[0]
            )
        if "adoption" in tables:
            summary["adoptions"] = con.execute("SELECT count(*) FROM adoption").fetchone()[0]
            row = con.execute(
                "SELECT version_label, adopted_on FROM adoption ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row:
                summary["latest_version"], summary["latest_adopted_on"] = row[0], row[1]
        if "council" in tables:
            row = con.execute("SELECT name FROM council ORDER BY id LIMIT 1").fetchone()
            summary["council"] = row[0] if row else ""
        return summary
    finally:
        con.close()


# -- writing a bundle -------------------------------------------------------------------------
@dataclass
class BundleInfo:
    """What a bundle holds, from its manifest (the restore preview)."""

    path: Path
    created: dt.datetime
    app_version: str
    schema: str | None
    files: dict[str, dict[str, Any]]
    counts: dict[str, dict[str, int] | None]
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def has_register(self) -> bool:
        return REGISTER in self.files

    @property
    def concerns(self) -> int | None:
        """Concerns in the backed-up register; None if none or it was locked at the time."""
        register_counts = self.counts.get(REGISTER)
        if not register_counts:
            return None
        return register_counts.get("concern")


def _schema_of(path: Path) -> str | None:
    from mop_desktop.store.db import read_revision

    try:
        return read_revision(path)
    except Exception:  # noqa: BLE001 - the manifest records what it can
        return None


def write_bundle(
    paths: AppPaths,
    target: Path,
    register_key: bytearray | None = None,
    created: dt.datetime | None = None,
) -> Path:
    """Write a verified bundle of the whole store to ``target``; raise BackupError if not.

    ``register_key`` is the data key of an unlocked register (online copy); without it the
    register's encrypted file is copied as it is. ``target`` appears only when complete.
    """
    from mop_desktop import __version__

    if not paths.policy_db.exists():
        raise BackupError(f"there is no store to back up in {paths.data}")
    target = Path(target)
    try:
        with _staging(target.parent) as staging:
            counts: dict[str, dict[str, int] | None] = {}
            counts[POLICY] = copy_policy(paths.policy_db, staging / POLICY)
            if paths.register_db.exists():
                if register_key is not None and any(register_key):
                    counts[REGISTER] = copy_register_unlocked(
                        paths.register_db, staging / REGISTER, register_key
                    )
                else:
                    copy_file_checked(paths.register_db, staging / REGISTER)
                    counts[REGISTER] = None
            if paths.key_envelope.exists():
                copy_file_checked(paths.key_envelope, staging / KEY)
            members = [n for n in (POLICY, REGISTER, KEY) if (staging / n).exists()]
            files = {
                n: {"sha256": sha256_file(staging / n), "size": (staging / n).stat().st_size}
                for n in members
            }
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created": (created or dt.datetime.now()).replace(microsecond=0).isoformat(),
                "app_version": __version__,
                "schema": _schema_of(staging / POLICY),
                "files": files,
                "counts": counts,
                "summary": policy_summary(staging / POLICY),
            }

            def produce(tmp: Path) -> None:
                with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
                    for name in members:
                        archive.write(staging / name, name)
                _verify_archive(tmp, files)

            atomic_produce(target, produce)
    except OSError as exc:
        raise BackupError(f"the backup could not be written: {_os_message(exc)}") from None
    return target


def _verify_archive(path: Path, files: dict[str, dict[str, Any]]) -> None:
    with zipfile.ZipFile(path) as archive:
        for name, meta in files.items():
            digest = hashlib.sha256()
            with archive.open(name) as member:
                for chunk in iter(lambda: member.read(1024 * 1024), b""):
                    digest.update(chunk)
            if digest.hexdigest() != meta["sha256"]:
                raise BackupError(f"{name} in {path.name} does not match what was copied")


# -- reading a bundle -------------------------------------------------------------------------
def describe_bundle(path: Path) -> BundleInfo:
    """The manifest of ``path``, or BackupError naming what is wrong with the file."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            except KeyError:
                raise BackupError(f"{path.name} is not a MOP Desktop backup") from None
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist") from None
    except (zipfile.BadZipFile, EOFError):
        raise BackupError(f"{path.name} is not a MOP Desktop backup or is damaged") from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(f"{path.name}: its manifest is damaged") from None
    except OSError as exc:
        raise BackupError(f"{path.name} cannot be read: {_os_message(exc)}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path.name} is not a MOP Desktop backup")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"{path.name} was made by a newer release of MOP Desktop")
    try:
        files = dict(manifest["files"])
        if POLICY not in files:
            raise KeyError(POLICY)
        return BundleInfo(
            path=path,
            created=dt.datetime.fromisoformat(manifest["created"]),
            app_version=str(manifest.get("app_version", "")),
            schema=manifest.get("schema"),
            files=files,
            counts=dict(manifest.get("counts") or {}),
            summary=dict(manifest.get("summary") or {}),
        )
    except (KeyError, TypeError, ValueError):
        raise BackupError(f"{path.name}: its manifest is incomplete or damaged") from None


def extract_verified(path: Path, staging: Path) -> BundleInfo:
    """Extract a bundle's files into ``staging`` and check each against the manifest."""
    info = describe_bundle(path)
    try:
        with zipfile.ZipFile(path) as archive:
            for name, meta in info.files.items():
                if name not in (POLICY, REGISTER, KEY):
                    raise BackupError(f"{path.name} holds an unexpected file: {name}")
                with archive.open(name) as member, open(staging / name, "wb") as out:
                    shutil.copyfileobj(member, out, 1024 * 1024)
                    out.flush()
                    os.fsync(out.fileno())
                if sha256_file(staging / name) != meta.get("sha256"):
                    raise BackupError(f"{name} in {path.name} is damaged (its hash differs)")
    except (zipfile.BadZipFile, EOFError, KeyError):
        raise BackupError(f"{path.name} is damaged: a file in it cannot be read") from None
    counts = check_policy_copy(staging / POLICY)
    if info.counts.get(POLICY) and counts != info.counts[POLICY]:
        raise BackupError(f"{POLICY} in {path.name} does not hold the rows its manifest lists")
    return info


def verify_bundle(path: Path) -> BundleInfo:
    """Full check of a bundle (every hash, the policy copy's integrity); BackupError if not."""
    path = Path(path)
    with _staging(Path(tempfile.gettempdir())) as staging:
        return extract_verified(path, staging)
