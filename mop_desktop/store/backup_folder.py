"""The backups folder: one bundle per backup, named by its time; automatic ones thinned to a year.

The folder is the ``backup.folder`` setting (a USB stick, say) or ``backups/`` in the data
folder. Bundles are named ``mop-backup-YYYYMMDD-HHMMSS.zip``, or ``...-by-hand.zip`` when the
clerk asked for the backup ("Back up now", ``mop-desktop backup``): those are kept until the
clerk deletes them. Thinning (``domain.retention_plan``) deletes only automatic bundles with
that name pattern, never anything else. ``thin_kept_aside`` keeps the newest few copies of each
kind in kept-aside/.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from mop_desktop.domain.retention_plan import plan
from mop_desktop.paths import AppPaths
from mop_desktop.store.backup import BackupError, BundleInfo, verify_bundle, write_bundle

PREFIX = "mop-backup-"
#: The end of the name of a backup taken by hand ("Back up now", ``backup`` without ``-o``):
#: kept until the clerk deletes it; only automatic backups are thinned.
BY_HAND = "-by-hand"
_NAME = re.compile(r"^mop-backup-(\d{8}-\d{6})(?:-(\d+))?(-by-hand)?\.zip$")
#: kept-aside/ keeps this many copies of each kind (the newest); older ones are deleted.
KEEP_ASIDE_PER_KIND = 3
#: A backup older than this is "not recent": the status bar warns.
RECENT = dt.timedelta(days=2)


def backups_folder(paths: AppPaths, store: object | None = None) -> Path:
    """The configured backups folder (``settings.BACKUP_DIR``), or ``paths.backups``."""
    if store is not None:
        from mop_desktop.store import settings
        from mop_desktop.store.db import Store

        if isinstance(store, Store):
            try:
                with store.session() as session:
                    configured = settings.get(session, settings.BACKUP_DIR)
            except Exception:  # noqa: BLE001 - an unreadable setting falls back to the default
                configured = ""
            if configured.strip():
                return Path(configured).expanduser()
    return paths.backups


def stamp_of(path: Path) -> dt.datetime | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def by_hand(path: Path) -> bool:
    """True for a backup taken by hand (kept until the clerk deletes it)."""
    match = _NAME.match(path.name)
    return bool(match and match.group(3))


def _sequence(path: Path) -> int:
    """1 for ``mop-backup-<time>.zip``, n for ``mop-backup-<time>-n.zip`` (same second)."""
    match = _NAME.match(path.name)
    return int(match.group(2)) if match and match.group(2) else 1


def list_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """Backups in ``folder`` (automatic and taken by hand), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        stamp = stamp_of(path)
        if stamp is not None and path.is_file():
            found.append((stamp, _sequence(path), path))
    return [(stamp, path) for stamp, _n, path in sorted(found, reverse=True)]


def latest_backup(folder: Path) -> tuple[dt.datetime, Path] | None:
    backups = list_backups(folder)
    return backups[0] if backups else None


def next_name(folder: Path, now: dt.datetime, manual: bool = False) -> Path:
    base = f"{PREFIX}{now.strftime('%Y%m%d-%H%M%S')}"
    end = BY_HAND if manual else ""
    target = folder / f"{base}{end}.zip"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}{end}.zip"
    return target


def thin(folder: Path) -> list[Path]:
    """Delete the automatic backups the retention plan drops; returns what was deleted.
    Backups taken by hand are never deleted here."""
    backups = [(stamp, path) for stamp, path in list_backups(folder) if not by_hand(path)]
    by_stamp: dict[dt.datetime, list[Path]] = {}
    for stamp, path in backups:
        by_stamp.setdefault(stamp, []).append(path)
    decided = plan(by_stamp)
    deleted = []
    for stamp in decided.drop:
        for path in by_stamp[stamp]:
            path.unlink(missing_ok=True)
            deleted.append(path)
    # two bundles in the same second: keep the newest name only
    for stamp in decided.keep:
        for path in sorted(by_stamp[stamp], key=_sequence)[:-1]:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def remove_leftovers(folder: Path) -> None:
    """Staging folders and temporary files left by a backup that was killed part-way: a
    staging folder whose lock is free (its process has gone), and the temporary zips that
    earlier releases wrote beside the bundles."""
    from mop_desktop.store.copies import remove_stale_staging

    remove_stale_staging(folder)
    try:
        for path in folder.glob(f".{PREFIX}*.tmp"):
            if path.is_file():
                path.unlink(missing_ok=True)
    except OSError:
        pass  # tried again next time


_ASIDE = re.compile(r"^(?P<kind>.+?)-(?P<stamp>\d{8}-\d{6})(?P<rest>.*)$")
_SIDES = ("-wal", "-shm", "-journal")


def thin_kept_aside(folder: Path, keep: int = KEEP_ASIDE_PER_KIND) -> list[Path]:
    """Delete the oldest copies in kept-aside/ beyond the newest ``keep`` of each kind
    (``policy-damaged``, ``policy-schema-0001``, ``restore`` ...); the newest of each kind is
    never deleted, nor anything while a restore is unfinished (it needs its copy), nor a
    file whose name is not one the app writes. Returns what was deleted."""
    import shutil

    from mop_desktop.store.integrity import RESTORE_JOURNAL

    keep = max(1, keep)
    if not folder.is_dir() or (folder.parent / RESTORE_JOURNAL).exists():
        return []
    kinds: dict[str, list[tuple[str, str, list[Path]]]] = {}
    groups: dict[str, list[Path]] = {}
    for path in folder.iterdir():
        main = path.name
        for side in _SIDES:
            if main.endswith(side):
                main = main[: -len(side)]
        groups.setdefault(main, []).append(path)
    for main, members in groups.items():
        match = _ASIDE.match(main)
        if match is None:
            continue
        kinds.setdefault(match["kind"], []).append((match["stamp"], main, members))
    deleted = []
    for entries in kinds.values():
        entries.sort(reverse=True)  # newest first (the time is in the name)
        for _stamp, _main, members in entries[keep:]:
            for path in members:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
                deleted.append(path)
    return deleted


def backup_now(
    paths: AppPaths,
    folder: Path,
    register_key: bytearray | None = None,
    now: dt.datetime | None = None,
    manual: bool = False,
    source: object | None = None,
) -> Path:
    """Write a new verified bundle into ``folder``, then thin the folder (automatic backups
    only) and kept-aside/. ``manual``: taken by hand, kept until the clerk deletes it.
    ``source``: the open store, when it is on a server (``backup.write_bundle``)."""
    now = now or dt.datetime.now()
    if not folder.is_dir() and folder != paths.backups:
        # a chosen folder that is not there: a USB stick not plugged in, a share not mounted;
        # creating it would put the backups somewhere nobody looks
        raise BackupError(
            f"the backups folder {folder} is not there (is the USB stick plugged in?)"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"the backups folder {folder} cannot be used: {exc.strerror}") from None
    remove_leftovers(folder)
    target = write_bundle(
        paths, next_name(folder, now, manual), register_key, created=now, source=source
    )
    try:
        thin(folder)
        thin_kept_aside(paths.kept_aside)
    except OSError:
        pass  # thinning again next time; the new backup is in place
    return target


def newest_good_backup(*folders: Path) -> BundleInfo | None:
    """The newest backup (automatic or by hand) in ``folders`` that passes a full check."""
    found = sorted(
        (
            (stamp, _sequence(path), path)
            for folder in set(folders)
            for stamp, path in list_backups(folder)
        ),
        reverse=True,
    )
    for _stamp, _n, path in found:
        try:
            return verify_bundle(path)
        except BackupError:
            continue
    return None


def configured_folder(policy_db: Path) -> Path | None:
    """The ``backup.folder`` setting read from ``policy_db`` without opening it as a store
    (read-only, no integrity check, no upgrade), so that it is found even when the store is
    damaged; None if it cannot be read or is unset."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from mop_desktop.store import settings
    from mop_desktop.store.db import make_engine
    from mop_desktop.store.models import SettingRow

    try:
        engine = make_engine(policy_db, read_only=True)
    except (OSError, SQLAlchemyError):
        return None
    try:
        with engine.connect() as connection:
            stored = connection.scalar(
                select(SettingRow.value).where(SettingRow.key == settings.BACKUP_DIR.key)
            )
    except (SQLAlchemyError, ValueError, TypeError):
        return None
    finally:
        engine.dispose()
    value = settings.decode(settings.BACKUP_DIR, stored)
    return Path(value).expanduser() if value.strip() else None


def recovery_folders(paths: AppPaths) -> list[Path]:
    """Where to look for a backup when the store cannot be opened."""
    folders = [paths.backups]
    for source in (paths.policy_db, *sorted(paths.kept_aside.glob("policy-damaged-*.db"))):
        configured = configured_folder(source) if source.exists() else None
        if configured is not None and configured not in folders:
            folders.append(configured)
    return folders


def backup_age(folder: Path, now: dt.datetime | None = None) -> dt.timedelta | None:
    latest = latest_backup(folder)
    if latest is None:
        return None
    return (now or dt.datetime.now()) - latest[0]
