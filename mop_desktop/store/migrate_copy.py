"""policy.db's parts of the one upgrade procedure (``store.upgrade_copy``).

``upgrade_on_copy(path)`` checkpoints the store (so its WAL is empty and the file holds every
commit) and copies it into the staging folder with SQLite's backup API, runs the Alembic
migrations on the copy, checks the copy (``quick_check``, foreign keys, the head revision) and
only then renames it over the original. A migration that fails or a copy that fails its check
leaves the original file exactly as it was and raises ``StoreError``. (``open_store`` also keeps
a copy of the old file in ``kept-aside/`` first.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mop_desktop.store.db import (
    StoreBusyError,
    StoreError,
    head_revision,
    make_engine,
    read_revision,
    upgrade,
)
from mop_desktop.store.integrity import policy_problems
from mop_desktop.store.upgrade_copy import UpgradeFailed, upgrade_through_copy


def copy_for_upgrade(path: Path, target: Path) -> None:
    """Every commit of ``path`` (its WAL checkpointed first) into ``target``, one file."""
    source = sqlite3.connect(str(path))
    try:
        try:
            busy = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.DatabaseError as exc:
            raise UpgradeFailed(f"{path.name} cannot be prepared for its upgrade: {exc}") from None
        if busy and busy[0]:
            raise StoreBusyError(f"{path.name} is in use by another program: try again")
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # no WAL beside the copy
        finally:
            copy.close()
    finally:
        source.close()


def upgrade_copy(target: Path) -> None:
    engine = make_engine(target)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    settle = sqlite3.connect(str(target))  # one self-contained file: no WAL beside it
    try:
        settle.execute("PRAGMA journal_mode = DELETE")
    finally:
        settle.close()


def check_copy(target: Path) -> str | None:
    problems = policy_problems(target)
    if problems:
        return problems[0]
    if read_revision(target) != head_revision():
        return "the schema did not reach the current version"
    return None


def upgrade_on_copy(path: Path) -> None:
    try:
        upgrade_through_copy(
            path,
            copy=copy_for_upgrade,
            upgrade=lambda target: upgrade_copy(target),
            check=lambda target: check_copy(target),
            kept_as="the store",
            passes=(StoreBusyError,),
        )
    except UpgradeFailed as exc:
        raise StoreError(str(exc)) from exc.__cause__
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
