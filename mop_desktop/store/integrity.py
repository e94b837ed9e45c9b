"""Integrity checks of the stores, and what happens to a store that fails them.

At opening (``store.db.open_store`` calls ``check_integrity``): ``policy.db`` gets
``quick_check`` and ``foreign_key_check`` through a read-only connection, so a damaged file is
never written to (not even by a WAL checkpoint). A file that fails is copied as it is (with its
``-wal``) into ``kept-aside/`` and ``DamagedStoreError`` is raised: the store is never used as if
sound, never overwritten and never replaced by a new empty one; the caller offers the newest
good backup.

``check_register(path, key)`` runs ``cipher_integrity_check`` and ``quick_check`` on an unlocked
register; ``check_chain(store)`` recomputes the adoption history's hash chain (through
``services.adoption.verify_chain``, imported when it is called) and ``check_anchor`` confirms it
against its anchor in the PC's credential store (``store.anchor``); ``check_all`` runs what can be
run and returns one ``Finding`` per check for ``mop-desktop check`` and the window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mop_desktop.paths import AppPaths
from mop_desktop.store.copies import verified_file_copy
from mop_desktop.store.db import DamagedStoreError, Store, connect_read_only, raise_if_environment

SQLITE_HEADER = b"SQLite format 3\x00"
#: Left beside the stores by a restore until it is complete (``store.restore``).
RESTORE_JOURNAL = "restore-pending.json"


@dataclass(frozen=True)
class Finding:
    """One check: what was checked, whether it passed, and one line about it."""

    name: str
    ok: bool | None  # None: not checked (e.g. the register is locked)
    message: str


def policy_problems(path: Path) -> list[str]:
    """What is wrong with a policy.db file (empty list: sound). Reads only."""
    if not path.exists():
        return [f"{path.name} is missing"]
    size = path.stat().st_size
    if size == 0:
        return [f"{path.name} is empty (zero length)"]
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return [f"{path.name} is not a database (its first bytes are wrong)"]
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise_if_environment(path, exc)  # busy, a full disk, a failing device: not damage
        return [f"{path.name} cannot be opened: {exc}"]
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            more = f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""
            first = " ".join(rows[0].replace("*** in database main ***", "").split())
            return [f"{path.name} fails its integrity check: {first}{more}"]
        orphans = con.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            tables = sorted({str(r[0]) for r in orphans})
            return [
                f"{path.name} has {len(orphans)} row(s) pointing at missing rows "
                f"(table {', '.join(tables)})"
            ]
    except sqlite3.DatabaseError as exc:
        raise_if_environment(path, exc)
        return [f"{path.name} is damaged: {exc}"]
    finally:
        con.close()
    return []


def keep_damaged_aside(path: Path, aside_dir: Path) -> Path:
    """Copy a damaged file (and its -wal/-journal) byte for byte into ``aside_dir``.

    The same damaged content is kept once, however often the app is started on it.
    """
    aside_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    for existing in sorted(aside_dir.glob(f"{path.stem}-damaged-*-{digest}{path.suffix}")):
        if hashlib.sha256(existing.read_bytes()).hexdigest()[:12] == digest:
            return existing
        existing.unlink(missing_ok=True)  # an empty or partial copy (a full disk): not a copy
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = aside_dir / f"{path.stem}-damaged-{stamp}-{digest}{path.suffix}"
    for suffix in ("-wal", "-journal"):  # the sides first: the main file names the copy
        side = path.with_name(path.name + suffix)
        if side.exists():
            verified_file_copy(side, target.with_name(target.name + suffix))
    verified_file_copy(path, target)  # checked before it is named; never an empty copy
    return target


def check_integrity(path: Path, aside_dir: Path) -> None:
    """Raise DamagedStoreError (after keeping the file aside) if ``path`` is not sound.

    A restore that was killed part-way is undone first (``store.restore``).
    """
    if (path.parent / RESTORE_JOURNAL).exists():  # the restore modules load only then
        from mop_desktop.store.copies import BackupError
        from mop_desktop.store.restore import finish_interrupted_restore

        try:
            finish_interrupted_restore(AppPaths(path.parent))
        except BackupError as exc:
            raise DamagedStoreError(str(exc)) from None
    problems = policy_problems(path)
    if not problems:
        return
    try:
        aside = keep_damaged_aside(path, aside_dir)
        kept = f"a copy was kept in {aside}"
    except OSError as exc:
        kept = f"it could not be copied aside ({exc.strerror}); it was left as it is"
    raise DamagedStoreError(
        f"{problems[0]}; {kept}; restore the newest backup (File > Restore from backup, "
        "or mop-desktop restore FILE)"
    )


def check_register(path: Path, key: bytearray) -> list[str]:
    """What is wrong with an unlocked register (empty list: sound). Never prints its text."""
    from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

    from mop_desktop.store.register import _keyed_connection

    if not path.exists() or path.stat().st_size == 0:
        return [f"{path.name} is missing or empty"]
    try:
        con = _keyed_connection(path, key, "rw")  # rw: a hot journal is rolled back
    except dbapi2.DatabaseError:
        return [f"{path.name} cannot be opened with its key: it is damaged"]
    try:
        if con.execute("PRAGMA cipher_integrity_check").fetchone() is not None:
            return [f"{path.name} fails its encryption check: pages have been altered"]
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            return [f"{path.name} fails its integrity check"]
        if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
            return [f"{path.name} has timeline entries without their concern"]
    except dbapi2.DatabaseError:
        return [f"{path.name} is damaged"]
    finally:
        con.close()
    return []


def check_chain(store: Store) -> Finding:
    """The adoption history's hash chain, when the adoption service is installed."""
    try:
        adoption: Any = importlib.import_module("mop_desktop.services.adoption")
    except ModuleNotFoundError:
        return Finding("adoption history", None, "not checked (no adoption service)")
    report = adoption.verify_chain(store)
    return Finding("adoption history", bool(report.ok), str(report.summary()))


def check_anchor(store: Store, chain_ok: bool) -> Finding:
    """The history against its anchor in this PC's credential store (``store.anchor``)."""
    from mop_desktop.services.history_check import check_anchor as confirm

    report = confirm(store, chain_ok)
    return Finding("history anchor", report.ok, report.message)


def check_all(
    paths: AppPaths, store: Store | None = None, register_key: bytearray | None = None
) -> list[Finding]:
    """Every check that can be run now. ``store`` must be open for the chain check."""
    findings = []
    if store is not None and store.is_server:  # no file: the server looks after its pages
        problems: list[str] = []
        findings.append(Finding("policy.db", True, f"the shared store {store.name} opens"))
    else:
        problems = policy_problems(paths.policy_db)
        findings.append(
            Finding("policy.db", not problems, problems[0] if problems else "policy.db is sound")
        )
    if store is not None and not problems:
        chain = check_chain(store)
        findings.append(chain)
        if chain.ok is not None:
            findings.append(check_anchor(store, bool(chain.ok)))
    if paths.register_db.exists() or paths.key_envelope.exists():
        findings.extend(_register_findings(paths, register_key))
    return findings


def _register_findings(paths: AppPaths, register_key: bytearray | None) -> list[Finding]:
    from mop_desktop.store import vault

    findings = []
    try:
        vault.read_envelope(paths.key_envelope)
        findings.append(Finding("register.key", True, "the key file is sound"))
    except vault.VaultError as exc:
        findings.append(Finding("register.key", False, f"register.key: {exc}"))
    if register_key is None:
        header_ok = paths.register_db.exists() and paths.register_db.stat().st_size > 0
        if not header_ok:
            findings.append(Finding("register.db", False, "register.db is missing or empty"))
        else:
            findings.append(
                Finding("register.db", None, "register.db not checked: the register is locked")
            )
        return findings
    problems = check_register(paths.register_db, register_key)
    if not problems:
        findings.append(Finding("register.db", True, "register.db is sound"))
        return findings
    message = problems[0]
    if paths.register_db.exists():
        try:
            aside = keep_damaged_aside(paths.register_db, paths.kept_aside)
            message += f"; a copy was kept in {aside}"
        except OSError as exc:
            message += f"; it could not be copied aside ({exc.strerror})"
    findings.append(Finding("register.db", False, message + "; restore the newest backup"))
    return findings
