"""The register's parts of the one upgrade procedure (``store.upgrade_copy``), and its schema steps.

A register written by an older release (``schema_version`` below ``register.SCHEMA_VERSION``) is
first copied, still encrypted, into ``kept-aside/register-schema-<n>-<time>.db``; then
``upgrade_register`` copies it byte for byte into the staging folder while holding a read lock
on it (no other program can commit meanwhile; the copy's SHA-256 is compared with the file's),
runs each step below on the copy through a keyed connection (one transaction per step, each
recording its version in ``schema_version``), checks the copy (``cipher_integrity_check``,
``quick_check``, foreign keys, every table and column of today's schema, the version reached)
and renames it over the register. Failure at any point leaves the register as it was.

The steps are the released schemas' history and never change once released; a new schema adds
one step and one fixture (tests/store/data/make_fixtures.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from mop_desktop.store.atomic import fsync_file
from mop_desktop.store.copies import sha256_file, verified_file_copy
from mop_desktop.store.register import (
    LIST_INDEX,
    LIST_INDEX_COLUMNS,
    SCHEMA_VERSION,
    AttachmentRow,
    ChairKeyRow,
    RegisterBase,
    RegisterError,
    SealedRow,
    UserCategoryRow,
    ensure_additive_tables,
    keyed_connection,
    make_engine,
    refuse_if_environment,
    utcnow,
)
from mop_desktop.store.upgrade_copy import UpgradeFailed, upgrade_through_copy


def upgrade_1_to_2(connection: Any) -> None:
    """One covering index for the table's filters and sorts replaces four narrow ones (it is
    built by the next step, in its current form)."""
    for name in ("raised_on", "status", "category", "raised_by_role"):
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_concern_{name}")


def upgrade_2_to_3(connection: Any) -> None:
    """The list index with the rowid after the date (its order is the table's order)."""
    connection.exec_driver_sql(f"DROP INDEX IF EXISTS {LIST_INDEX}")
    connection.exec_driver_sql(
        f"CREATE INDEX {LIST_INDEX} ON concern ({', '.join(LIST_INDEX_COLUMNS)})"
    )


def upgrade_3_to_4(connection: Any) -> None:
    """The clerk's own log ("closing date unknown", the import fingerprint, the clerk's own
    categories, when a timeline entry was last edited); attachments, sealed concerns and the
    chair's key."""
    def add_column(table: str, name: str, definition: str) -> None:
        have = {row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")}
        if name not in have:
            connection.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {name} {definition}")

    add_column("concern", "closing_date_unknown", "BOOLEAN NOT NULL DEFAULT 0")
    add_column("concern", "import_fingerprint", "VARCHAR")
    connection.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_concern_import_fingerprint ON concern (import_fingerprint)"
    )
    add_column("timeline", "updated_at", "DATETIME")
    UserCategoryRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]
    tables = [AttachmentRow.__table__, SealedRow.__table__, ChairKeyRow.__table__]
    RegisterBase.metadata.create_all(connection, tables=tables)  # type: ignore[arg-type]


#: The step from each released schema to the next.
STEPS: dict[int, Callable[[Any], None]] = {1: upgrade_1_to_2, 2: upgrade_2_to_3, 3: upgrade_3_to_4}


def keep_old_register_aside(path: Path, version: int) -> Path:
    """The register as it was (still encrypted), checked, in ``kept-aside/``."""
    aside = path.parent / "kept-aside"
    aside.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return verified_file_copy(path, aside / f"register-schema-{version}-{stamp}.db")


def copy_under_read_lock(path: Path, target: Path, key: bytearray) -> None:
    """A byte copy of the register while a keyed connection holds a read transaction on it:
    no other program can commit until the copy is made and compared with the file."""
    from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

    try:
        con = keyed_connection(path, key, "rw")  # rw: a hot journal is rolled back first
    except dbapi2.DatabaseError as exc:
        refuse_if_environment(exc)  # busy, a full disk: said as such
        raise
    try:
        con.isolation_level = None
        con.execute("BEGIN")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read lock
        shutil.copyfile(path, target)
        fsync_file(target)
        if sha256_file(target) != sha256_file(path):
            raise UpgradeFailed(f"the copy of {path.name} differs from the register")
        con.execute("COMMIT")
    except dbapi2.DatabaseError as exc:
        refuse_if_environment(exc)
        raise
    finally:
        con.close()


def run_steps(target: Path, key: bytearray, version: int) -> None:
    """Each step from ``version`` to ``SCHEMA_VERSION`` on the copy, one transaction each."""
    engine = make_engine(target, key)
    try:
        while version < SCHEMA_VERSION:
            with engine.begin() as connection:
                STEPS[version](connection)
                version += 1
                connection.execute(
                    text("INSERT INTO schema_version(version, applied_at) VALUES (:v, :t)"),
                    {"v": version, "t": utcnow()},
                )
        ensure_additive_tables(engine)
    finally:
        engine.dispose()


def schema_problem(target: Path, key: bytearray) -> str | None:
    """What the upgraded copy lacks of today's schema, or fails of its checks (None: sound)."""
    from mop_desktop.store.integrity import check_register

    problems = check_register(target, key)
    if problems:
        return problems[0]
    engine = make_engine(target, key, mode="ro")
    try:
        with engine.connect() as connection:
            found = inspect(connection)
            tables = set(found.get_table_names())
            for table in RegisterBase.metadata.sorted_tables:
                if table.name not in tables:
                    return f"table {table.name} is missing"
                have = {column["name"] for column in found.get_columns(table.name)}
                missing = [c.name for c in table.columns if c.name not in have]
                if missing:
                    return f"{table.name} lacks {', '.join(missing)}"
            reached = connection.execute(text("SELECT max(version) FROM schema_version")).scalar()
    finally:
        engine.dispose()
    if reached != SCHEMA_VERSION:
        return "the schema did not reach the current version"
    return None


def upgrade_register(path: Path, key: bytearray, version: int) -> None:
    """Keep the old register aside, then upgrade it on a checked copy (``upgrade_through_copy``).
    Raises ``RegisterError`` with the register left as it was."""
    keep_old_register_aside(path, version)
    try:
        upgrade_through_copy(
            path,
            copy=lambda source, target: copy_under_read_lock(source, target, key),
            upgrade=lambda target: run_steps(target, key, version),
            check=lambda target: schema_problem(target, key),
            kept_as="the register",
            passes=(RegisterError,),
        )
    except UpgradeFailed as exc:
        raise RegisterError(str(exc)) from exc.__cause__
