"""The register's parts of the one upgrade procedure (``store.upgrade_copy``), and its schema steps.

A register written by an older release (``schema_version`` below ``register.SCHEMA_VERSION``) is
first copied, still encrypted, into ``kept-aside/register-schema-<n>-<time>.db``; then
``upgrade_register`` copies it byte for byte into the staging folder while holding a read lock
on it (no other program can commit meanwhile; the copy's SHA-256 is compared with the file's),
runs the register's Alembic migrations on the copy through a keyed connection (one transaction
per revision), checks the copy (``cipher_integrity_check``,
``quick_check``, foreign keys, every table and column of today's schema, the version reached)
and renames it over the register. Failure at any point leaves the register as it was.

The migrations are Alembic's, from their own script folder (``migrations/register``, revisions
0001..0004 = the released register schemas 1..4), run on the keyed SQLCipher connection of the
copy. A register from before Alembic has only ``schema_version``: it is stamped with the revision
of its schema first (``legacy_revision``). ``schema_version`` is still written by every revision:
older releases read it to refuse a register newer than they know. A new schema adds one revision
and one fixture (tests/store/data/make_fixtures.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from mop_desktop.store.atomic import fsync_file
from mop_desktop.store.copies import sha256_file, verified_file_copy
from mop_desktop.store.register import (
    SCHEMA_VERSION,
    RegisterBase,
    RegisterError,
    ensure_additive_tables,
    keyed_connection,
    make_engine,
    refuse_if_environment,
)
from mop_desktop.store.upgrade_copy import UpgradeFailed, upgrade_through_copy

REGISTER_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations" / "register"


def known_revisions() -> list[str]:
    """The register's Alembic revisions, oldest first (four-digit prefixes, one line)."""
    versions = REGISTER_MIGRATIONS_DIR / "versions"
    return sorted(p.name[:4] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


def revision_of(version: int) -> str:
    """The Alembic revision of a released register schema (schema 3 is revision 0003)."""
    return f"{version:04d}"


#: Columns and tables schema 4 brought (two releases each wrote part of it): a register stamped
#: 4 without all of them is brought through revision 0004 again.
SCHEMA_4_PARTS = {
    "concern": {"closing_date_unknown", "import_fingerprint"},
    "timeline": {"updated_at"},
    "user_category": set(),
    "attachment": set(),
    "sealed_concern": set(),
    "chair_key": set(),
}


def legacy_revision(connection: Any, version: int) -> str:
    """The revision to stamp on a register from before Alembic (``schema_version`` only)."""
    if version == 4:
        found = inspect(connection)
        tables = set(found.get_table_names())
        for table, columns in SCHEMA_4_PARTS.items():
            if table not in tables or not columns <= {c["name"] for c in found.get_columns(table)}:
                return revision_of(3)
    return revision_of(version)


def _config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(REGISTER_MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def stamp(engine: Engine, revision: str) -> None:
    """Record ``revision`` as the register's schema (Alembic's ``alembic_version``)."""
    from alembic import command

    with engine.begin() as connection:
        command.stamp(_config(connection), revision)


def run_migrations(engine: Engine) -> None:
    """Alembic's upgrade to the head revision on ``engine`` (a keyed copy of the register)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")


def stamp_in_place(path: Path, key: bytearray, version: int) -> bool:
    """A register from before Alembic at the current schema, complete: stamped where it is (one
    small transaction, nothing else changes). False when it needs an upgrade on a copy."""
    engine = make_engine(path, key)
    try:
        with engine.connect() as connection:
            revision = legacy_revision(connection, version)
        if revision != head_revision():
            return False
        stamp(engine, revision)
        return True
    finally:
        engine.dispose()


def keep_old_register_aside(path: Path, version: int) -> Path:
    """The register as it was (still encrypted), checked, in ``kept-aside/``."""
    aside = path.parent / "kept-aside"
    aside.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return verified_file_copy(path, aside / f"register-schema-{version}-{stamp}.db")


def copy_under_read_lock(path: Path, target: Path, key: bytearray) -> None:
    """A byte copy of the register while a keyed connection holds a read transaction on it:
    no other program can commit until the copy is made and compared with the file."""
    from sqlcipher3 import dbapi2

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


def upgrade_copy(target: Path, key: bytearray, version: int, revision: str | None) -> None:
    """The copy stamped (when it predates Alembic) and taken to the head revision, one
    transaction per revision; then the additive tables."""
    engine = make_engine(target, key)
    try:
        if revision is None:
            with engine.connect() as connection:
                revision = legacy_revision(connection, version)
            stamp(engine, revision)
        run_migrations(engine)
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
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    if reached != SCHEMA_VERSION or stamped != head_revision():
        return "the schema did not reach the current version"
    return None


def upgrade_register(path: Path, key: bytearray, version: int, revision: str | None) -> None:
    """Bring the register at ``path`` (``schema_version`` ``version``, Alembic ``revision`` or
    None before Alembic) to the current schema. A register from before Alembic that is already
    complete is only stamped; otherwise the old register is kept aside and upgraded on a
    checked copy (``upgrade_through_copy``). Raises ``RegisterError`` with the register left
    as it was."""
    if revision == head_revision() and version == SCHEMA_VERSION:
        return
    if revision is None and version == SCHEMA_VERSION and stamp_in_place(path, key, version):
        return
    keep_old_register_aside(path, version)
    try:
        upgrade_through_copy(
            path,
            copy=lambda source, target: copy_under_read_lock(source, target, key),
            upgrade=lambda target: upgrade_copy(target, key, version, revision),
            check=lambda target: schema_problem(target, key),
            kept_as="the register",
            passes=(RegisterError,),
        )
    except UpgradeFailed as exc:
        raise RegisterError(str(exc)) from exc.__cause__
