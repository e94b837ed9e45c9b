"""Backups of a store on a server, restoring a bundle into one, and moving a store between
policy.db and a server, each checked row for row (``store.transfer``).

A backup bundle keeps one format whichever engine the store is on: its ``policy.db`` is an
SQLite file. From a server store that file is made fresh (migrated to this release's schema)
and every row is copied into it through SQLAlchemy, then compared with the server's rows, all
inside one repeatable-read snapshot of the server, so a PC writing at the same moment cannot
make the copy inconsistent. Restoring a bundle into a server copies the bundle's rows back in
ONE server transaction (the old rows deleted in it too): a failure at any point leaves the
server as it was. ``move_store`` copies one store's rows into another the same way.

Only the protocol store moves. The confidential register stays an encrypted file in the
clerk's data folder; nothing here reads or writes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from mop_desktop.store.copies import BackupError, check_policy_copy
from mop_desktop.store.transfer import TransferError, clear, compare_rows, copy_rows, is_empty

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from mop_desktop.paths import AppPaths
    from mop_desktop.store.backup import BundleInfo
    from mop_desktop.store.db import Store


class NotEmptyError(TransferError):
    """The target store already holds a protocol (moving needs ``--replace``)."""


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A read-only connection seeing one consistent state of the store (a repeatable-read
    transaction on PostgreSQL; SQLite's read transaction is a snapshot already)."""
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect() as connection:
        connection = connection.execution_options(**options)
        with connection.begin():
            if engine.dialect.name == "postgresql":
                from sqlalchemy import text

                connection.execute(text("SET TRANSACTION READ ONLY"))
            yield connection


@contextmanager
def writing(store: Store) -> Iterator[Connection]:
    """One transaction on ``store`` holding its writer lock (the server's advisory lock, or
    SQLite's ``BEGIN IMMEDIATE``): every other PC's change waits until it ends."""
    from sqlalchemy import text

    from mop_desktop.store.db import WRITE_OPTION, WRITER_LOCK

    engine = store.engine.execution_options(**{WRITE_OPTION: True})
    with engine.begin() as connection:
        if store.is_server:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
        yield connection


def sqlite_engine(path: Path) -> Engine:
    """An engine on the SQLite file ``path`` (created and migrated when new)."""
    from mop_desktop.store.db import make_engine, upgrade

    engine = make_engine(path)
    upgrade(engine)
    return engine


def server_to_file(store: Store, target: Path) -> dict[str, int]:
    """Write the server store's rows into a new policy.db at ``target`` (for a bundle),
    compared row for row with the server; returns the file's row counts (``check_policy_copy``).
    BackupError with one line when it cannot be done."""
    from sqlalchemy.exc import SQLAlchemyError

    from mop_desktop.store.atomic import fsync_file

    engine = sqlite_engine(target)
    try:
        with snapshot(store.engine) as source, engine.begin() as copy:
            copy_rows(source, copy)
            compare_rows(source, copy)
    except TransferError as exc:
        raise BackupError(f"the copy of {store.name} is not sound: {exc}") from None
    except SQLAlchemyError as exc:
        from mop_desktop.store.db import server_error

        raise BackupError(str(server_error(store.location, exc))) from None
    finally:
        engine.dispose()
    con = sqlite3.connect(str(target))  # one file in the bundle: no write-ahead log beside it
    try:
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()
    fsync_file(target)
    return check_policy_copy(target)


@contextmanager
def server_failures(store: Store) -> Iterator[None]:
    """A database failure on ``store`` as a StoreError of one line (no password in it)."""
    from sqlalchemy.exc import SQLAlchemyError

    from mop_desktop.store.db import StoreError, server_error

    try:
        yield
    except SQLAlchemyError as exc:
        if store.is_server:
            raise server_error(store.location, exc) from None
        detail = " ".join(str(getattr(exc, "orig", None) or exc).split())
        raise StoreError(f"{store.name}: {detail}") from None


def replace_contents(source: Connection, store: Store, *, replace: bool) -> dict[str, int]:
    """Put ``source``'s rows into ``store`` in one transaction, checked row for row; the
    store must be empty unless ``replace`` (its rows are then deleted in the same
    transaction). Returns the rows copied per table."""
    with server_failures(store), writing(store) as target:
        if not is_empty(target):
            if not replace:
                raise NotEmptyError(
                    f"{store.name} already holds a protocol: give --replace to overwrite it "
                    "(a backup of it is taken first)"
                )
            clear(target)
        counts = copy_rows(source, target)
        compare_rows(source, target)
        return counts


def restore_file_into(policy_file: Path, store: Store) -> dict[str, int]:
    """Put a bundle's (extracted, checked) ``policy.db`` into the server ``store``: its old
    rows replaced in one transaction. An older schema in the bundle is upgraded on the
    extracted copy first."""
    engine = sqlite_engine(policy_file)  # upgrades a bundle made by an earlier release
    try:
        with snapshot(engine) as source:
            return replace_contents(source, store, replace=True)
    finally:
        engine.dispose()


def move_store(source: Store, target: Store, *, replace: bool = False) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` (one transaction, checked row for row);
    the source is left as it was. Carries the history's anchor on this PC to the new place."""
    with server_failures(source), snapshot(source.engine) as rows:
        counts = replace_contents(rows, target, replace=replace)
    carry_anchor(source, target)
    return counts


def carry_anchor(source: Store, target: Store) -> None:
    """Keep this PC's anchor of the adoption history for the store's new place: the anchor is
    kept in the credential store under the store's location, and in the store under a name
    that differs between policy.db and a shared store (``store.anchor``)."""
    from mop_desktop.store import anchor
    from mop_desktop.store.settings import get, put

    try:
        entry = anchor.read_entry(anchor.location_of(source.engine))
        if entry is None:
            return
        with source.session() as session:
            kept = get(session, anchor.anchor_setting(source.is_server, entry.anchor_id))
        if kept.get("id") != entry.anchor_id:
            return
        with target.session() as session:
            put(session, anchor.anchor_setting(target.is_server, entry.anchor_id), kept)
        anchor.write_entry(anchor.location_of(target.engine), entry)
    except (anchor.NoCredentialStore, ValueError, KeyError):
        pass  # nothing anchored here: ``check`` says so, as before


def restore_bundle_into_server(
    paths: AppPaths, store: Store, bundle: Path, passphrase: str | None = None
) -> tuple[Path, BundleInfo]:
    """A bundle's protocol put into the server store ``store`` in one transaction, the
    server's current content first written as a bundle into kept-aside/ (returned with the
    bundle's details). The register stays in the data folder as it is: nothing of it goes
    to the server. Raises BackupError, TransferError, StoreError or OSError; on any of them
    the server is as it was."""
    import datetime as dt
    import tempfile

    from mop_desktop.store.backup import extract_verified, write_bundle
    from mop_desktop.store.copies import POLICY

    paths.ensure()
    with tempfile.TemporaryDirectory(prefix=".mop-restore-", dir=paths.data) as folder:
        staging = Path(folder)
        info = extract_verified(bundle, staging, passphrase)
        paths.kept_aside.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = paths.kept_aside / f"server-before-restore-{stamp}.zip"
        write_bundle(paths, aside, None, source=store)
        restore_file_into(staging / POLICY, store)
    return aside, info


def copy_at_schema(connection: Connection, revision: str, target: Path) -> dict[str, int]:
    """The server's rows, as its schema ``revision`` holds them, in a new policy.db at
    ``target`` migrated to that same revision (so a store about to be upgraded can be kept as
    it was: ``keep_before_upgrade``). Tables and columns are read from the server itself, not
    from this release's models. Returns each table's row count."""
    from sqlalchemy import MetaData, select, text

    from mop_desktop.store.db import make_engine, upgrade

    engine = make_engine(target)
    counts: dict[str, int] = {}
    try:
        upgrade(engine, revision)
        source, copy = MetaData(), MetaData()
        source.reflect(bind=connection)
        copy.reflect(bind=engine)
        with engine.begin() as out:
            out.execute(text("PRAGMA defer_foreign_keys = ON"))
            for table in copy.sorted_tables:
                if table.name == "alembic_version" or table.name not in source.tables:
                    continue
                origin = source.tables[table.name]
                names = [c.name for c in table.columns if c.name in origin.columns]
                order = [origin.c[c.name] for c in origin.primary_key.columns]
                query = select(*[origin.c[n] for n in names]).order_by(*order)
                rows = [dict(r._mapping) for r in connection.execute(query)]
                if rows:
                    out.execute(table.insert(), rows)
                counts[table.name] = len(rows)
    finally:
        engine.dispose()
    with sqlite3.connect(str(target)) as con:  # one file: no write-ahead log beside it
        con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    return counts


def keep_before_upgrade(connection: Connection, revision: str, aside_dir: Path, name: str) -> Path:
    """A verified backup bundle, in ``aside_dir``, of a server store at schema ``revision``
    before it is upgraded: a server has no file to copy aside, so its rows are written into
    a policy.db at the same schema and bundled as any backup is (restorable into either
    engine, where it is upgraded as it opens). Raises BackupError when it cannot be made."""
    import datetime as dt
    import tempfile

    from mop_desktop.paths import AppPaths
    from mop_desktop.store.backup import write_bundle

    aside_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = aside_dir / f"server-{name}-schema-{revision}-{stamp}.zip"
    with tempfile.TemporaryDirectory(prefix=".mop-upgrade-", dir=aside_dir) as folder:
        paths = AppPaths(Path(folder))  # the copy alone: the register stays where it is
        copy_at_schema(connection, revision, paths.policy_db)
        write_bundle(paths, target)
    return target
