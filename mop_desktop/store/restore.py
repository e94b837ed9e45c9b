"""Putting a backup bundle back, so that a failure or a kill at any moment leaves either the old
store or the restored one, never a mixture.

``restore_bundle`` verifies the bundle (nothing is touched if it fails), copies the current
files into ``kept-aside/restore-<time>/``, writes a small journal (``restore-pending.json``,
atomically) naming that folder and the files about to be replaced, renames each file of the
bundle into place and removes the journal. A restore that fails part-way puts the old files back
at once; one that was killed is undone by ``finish_interrupted_restore``, which
``store.integrity.check_integrity`` runs before the store is next opened.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mop_desktop.paths import AppPaths, secure_data_folder
from mop_desktop.store.atomic import atomic_copy, atomic_write_text, fsync_dir, fsync_file
from mop_desktop.store.backup import BundleInfo, extract_verified
from mop_desktop.store.copies import (
    KEY,
    POLICY,
    REGISTER,
    REGISTER_JOURNAL,
    SIDE_SUFFIXES,
    BackupError,
    os_message,
    staging_folder,
)
from mop_desktop.store.integrity import RESTORE_JOURNAL

JOURNAL = RESTORE_JOURNAL


def keep_files_aside(paths: AppPaths, reason: str) -> Path | None:
    """Copy the current store files (with any -wal/-journal) into a new kept-aside folder."""
    present = [
        paths.data / (name + suffix)
        for name in (POLICY, REGISTER, KEY)
        for suffix in ("", *SIDE_SUFFIXES)
        if (paths.data / (name + suffix)).exists()
    ]
    if not present:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = paths.kept_aside / f"{reason}-{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = paths.kept_aside / f"{reason}-{stamp}-{n}"
    folder.mkdir(parents=True)
    for file in present:
        shutil.copy2(file, folder / file.name)
        fsync_file(folder / file.name)
    fsync_dir(folder)
    return folder


@dataclass
class RestoreResult:
    info: BundleInfo
    kept_aside: Path | None
    restored: list[str]


def restore_bundle(paths: AppPaths, bundle: Path, passphrase: str | None = None) -> RestoreResult:
    """Put ``bundle``'s files in place of the current store (which must be closed).

    Every member is checked on a staged copy first (``backup.extract_verified``); if anything
    is wrong nothing changes. ``passphrase``, when it opens the bundle's key file, lets its
    register be opened and checked as well. A register or key file the bundle does not hold
    is left as it is.
    """
    paths.ensure()
    finish_interrupted_restore(paths)
    journal = paths.data / JOURNAL
    try:
        with staging_folder(paths.data) as staging:
            info = extract_verified(Path(bundle), staging, passphrase)
            aside = keep_files_aside(paths, "restore")
            names = [n for n in (KEY, REGISTER, REGISTER_JOURNAL, POLICY) if n in info.files]
            atomic_write_text(
                journal, json.dumps({"aside": str(aside) if aside else None, "names": names})
            )
            try:
                for name in names:  # the key file and the register come together
                    for suffix in SIDE_SUFFIXES:  # a stale WAL would be replayed into the copy
                        (paths.data / (name + suffix)).unlink(missing_ok=True)
                    os.replace(staging / name, paths.data / name)
                fsync_dir(paths.data)
            except OSError:
                if _roll_back(paths, aside, names):
                    journal.unlink(missing_ok=True)  # else it stays: undone at next opening
                raise
            journal.unlink(missing_ok=True)
            fsync_dir(paths.data)
            secure_data_folder(paths)  # extracted members carry the umask's mode: 0600/0700
    except OSError as exc:
        raise BackupError(f"the backup could not be restored: {os_message(exc)}") from None
    try:
        from mop_desktop.store.backup_folder import thin_kept_aside

        thin_kept_aside(paths.kept_aside)
    except OSError:
        pass  # thinned next time
    return RestoreResult(info=info, kept_aside=aside, restored=names)


def _roll_back(paths: AppPaths, aside: Path | None, names: list[str]) -> bool:
    """Put back the files a restore had replaced, from their kept-aside copies. True if all."""
    complete = True
    for name in names:
        for suffix in ("", *SIDE_SUFFIXES):
            current = paths.data / (name + suffix)
            kept = aside / (name + suffix) if aside else None
            try:
                if kept is not None and kept.exists():
                    atomic_copy(kept, current)
                else:  # it did not exist before the restore
                    current.unlink(missing_ok=True)
            except OSError:
                complete = False  # the kept-aside copies remain
    return complete


def finish_interrupted_restore(paths: AppPaths) -> bool:
    """Undo a restore that was killed part-way (its journal is still there). True if one was.

    Raises BackupError when the old files cannot be put back; the journal then stays.
    """
    journal = paths.data / JOURNAL
    if not journal.exists():
        return False
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        aside = Path(data["aside"]) if data.get("aside") else None
        names = [str(n) for n in data["names"] if n in (POLICY, REGISTER, REGISTER_JOURNAL, KEY)]
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupError(
            f"{JOURNAL} in {paths.data} is unreadable: an interrupted restore needs IT support"
        ) from None
    if aside is not None and not aside.is_dir():
        raise BackupError(f"an interrupted restore cannot be undone: {aside} is missing")
    if not _roll_back(paths, aside, names):
        raise BackupError("an interrupted restore could not be undone: try again")
    for leftover in paths.data.glob(".mop-staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    journal.unlink(missing_ok=True)
    fsync_dir(paths.data)
    return True
