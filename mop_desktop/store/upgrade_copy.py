"""The one way a store's schema is upgraded, for policy.db and the register alike: copy it aside,
upgrade the copy, check the copy, swap it in.

``upgrade_through_copy`` makes a staging folder beside the store (``copies.staging_folder``:
locked while in use, removed afterwards, and removed by the next upgrade, backup or restore if
a killed process left it), has the caller copy the store into it consistently, run the
migrations on the copy and check it (integrity and schema), and only then renames the copy over
the store with one ``os.replace`` in the same folder. The original is never written to: a
migration that fails, a copy that fails its check, a full disk or a SIGKILL at any moment leaves
either the old file or the new one at ``path``, never a mixture.

The stores supply their own parts: ``store.migrate_copy`` (policy.db: SQLite's backup API and
Alembic) and ``store.register_upgrade`` (the encrypted register: a byte copy under a read lock
and its schema steps on a keyed connection).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mop_desktop.store.atomic import fsync_dir, fsync_file
from mop_desktop.store.copies import remove_stale_staging, staging_folder


class UpgradeFailed(Exception):
    """An upgrade that did not happen; the store is exactly as it was. One line for the user."""


def remove_killed_upgrades(folder: Path) -> None:
    """What a process killed part-way left in ``folder``, removed when a store is opened: the
    staging folders of an upgrade, backup or restore (never one another process is using) and
    the empty files of a write probe (``failures.write_trouble``; removing another process's
    probe only makes its own removal a no-op)."""
    try:
        remove_stale_staging(folder)
        for probe in folder.glob(".mop-probe-*"):
            if probe.is_file() and probe.stat().st_size == 0:
                probe.unlink(missing_ok=True)
    except OSError:
        pass  # tried again next time


def upgrade_through_copy(
    path: Path,
    *,
    copy: Callable[[Path, Path], None],
    upgrade: Callable[[Path], None],
    check: Callable[[Path], str | None],
    kept_as: str = "it",
    passes: tuple[type[Exception], ...] = (),
) -> None:
    """Upgrade the store at ``path`` on a copy and swap the checked copy in.

    ``copy(path, target)`` writes a consistent copy of the store to ``target``;
    ``upgrade(target)`` runs the migrations on it; ``check(target)`` returns what is wrong with
    the upgraded copy (None: sound, at the current schema). ``kept_as`` names the store in the
    messages ("the store", "the register"). Raises ``UpgradeFailed`` (the store untouched) or
    the OSError of a failing disk.
    """
    name = path.name
    as_they_are: tuple[type[Exception], ...] = (UpgradeFailed, *passes)
    with staging_folder(path.parent) as staging:
        target = staging / name
        try:
            copy(path, target)
        except as_they_are:
            raise
        except Exception as exc:  # noqa: BLE001 - busy, a full disk: the store is untouched
            raise UpgradeFailed(
                f"{name} cannot be prepared for its upgrade: {exc}; {kept_as} was left as it was"
            ) from exc
        try:
            upgrade(target)
        except Exception as exc:  # the migrations, or SQL: the original is untouched
            raise UpgradeFailed(
                f"{name} could not be upgraded ({type(exc).__name__}); {kept_as} was left as it was"
            ) from exc
        problem = check(target)
        if problem:
            raise UpgradeFailed(
                f"the upgraded copy of {name} failed its check ({problem}); "
                f"{kept_as} was left as it was"
            )
        for suffix in ("-wal", "-shm", "-journal"):  # one self-contained file is swapped in
            if target.with_name(target.name + suffix).exists():
                raise UpgradeFailed(
                    f"the upgraded copy of {name} is not one whole file; "
                    f"{kept_as} was left as it was"
                )
        fsync_file(target)
        os.replace(target, path)  # atomic: the old file or the new one, never a mixture
        fsync_dir(path.parent)
