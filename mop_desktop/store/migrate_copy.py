"""Schema upgrades on a copy: the store in use is replaced only by a checked, upgraded copy.

``upgrade_on_copy(path)`` checkpoints the store (so its WAL is empty and the file holds every
commit), copies it beside itself with SQLite's backup API, runs the Alembic migrations on the
copy, checks the copy (``quick_check``, foreign keys, the head revision) and only then renames it
over the original. A migration that fails or a copy that fails its check leaves the original
file exactly as it was and raises ``StoreError``. (``open_store`` also keeps a copy of the old
file in ``kept-aside/`` first.)
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from mop_desktop.store.atomic import fsync_dir, fsync_file, temp_path_beside
from mop_desktop.store.db import StoreError, head_revision, make_engine, read_revision, upgrade
from mop_desktop.store.integrity import policy_problems


def _remove_with_sides(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def upgrade_on_copy(path: Path) -> None:
    source = sqlite3.connect(str(path))
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        source.close()
        raise StoreError(f"{path.name} cannot be prepared for its upgrade: {exc}") from None
    tmp = temp_path_beside(path, ".upgrading")
    try:
        target = sqlite3.connect(str(tmp))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        engine = make_engine(tmp)
        try:
            upgrade(engine)
        except Exception as exc:  # Alembic or SQL: the original is untouched
            raise StoreError(
                f"{path.name} could not be upgraded ({type(exc).__name__}); it was left as it was"
            ) from exc
        finally:
            engine.dispose()
        settle = sqlite3.connect(str(tmp))  # one self-contained file: no WAL beside it
        try:
            settle.execute("PRAGMA journal_mode = DELETE")
        finally:
            settle.close()
        problems = policy_problems(tmp)
        if problems or read_revision(tmp) != head_revision():
            detail = problems[0] if problems else "the schema did not reach the current version"
            raise StoreError(
                f"the upgraded copy of {path.name} failed its check ({detail}); "
                "the store was left as it was"
            )
        fsync_file(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
    except BaseException:
        _remove_with_sides(tmp)
        raise
