"""Opening policy.db: pragmas, schema version, upgrades, and sessions.

The schema version is read with the standard library before anything heavy is imported;
Alembic is imported only when the file needs creating or upgrading, and SQLAlchemy only when
the first session (or ``store.engine``) is asked for, so a window can be drawn before the
store is read. Revision ids are the four-digit prefixes of the files in
``migrations/versions`` and form one line.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is imported when the first engine is made
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

    from mop_desktop.store.location import StoreLocation

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A store that cannot be used as it is; the message is one line for the user."""


class NewerSchemaError(StoreError):
    pass


class DamagedStoreError(StoreError):
    pass


class StoreBusyError(StoreError):
    """Another program holds the store's lock for longer than the busy timeout."""


class NotOnServerError(StoreError):
    """Something that needs policy.db's file was asked of a store on a server."""


#: How long a connection waits for another program's write to finish (SQLite's busy timeout).
BUSY_TIMEOUT_S = 10.0


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` for reading without writing anything beside it.

    ``mode=ro`` where the folder can be written (SQLite may create the ``-shm`` it needs to
    read a WAL database); ``immutable=1`` where it cannot (a read-only folder, a full disk)
    and no ``-wal`` holds commits that are not yet in the file: nothing can be writing then.
    """
    from mop_desktop.store.failures import write_trouble

    quoted = urllib.parse.quote(str(path.resolve()))
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if not has_wal and write_trouble(path.parent) is not None:
        return f"file:{quoted}?immutable=1"
    return f"file:{quoted}?mode=ro"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that only reads (see ``read_only_uri``), busy timeout set."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)


def raise_if_environment(path: Path, exc: BaseException) -> None:
    """A busy store, a full disk or a failing device is not damage: say which it is."""
    from mop_desktop.store.failures import BUSY, explain

    message = explain(exc)
    if message == BUSY:
        raise StoreBusyError(f"{path.name} is {message}") from None
    if message is not None:
        raise StoreError(f"{path.name}: {message}") from None


def known_revisions() -> list[str]:
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [n[:4] for n in names]


def head_revision() -> str:
    return known_revisions()[-1]


def read_revision(path: Path) -> str | None:
    """The Alembic revision stamped in ``path``, or None for a file with no schema yet."""
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise_if_environment(path, exc)
        raise DamagedStoreError(f"{path.name} cannot be opened: {exc}") from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise DamagedStoreError(f"{path.name} is not a MOP Desktop store")
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise_if_environment(path, exc)
        raise DamagedStoreError(f"{path.name} is damaged or not a database: {exc}") from None
    finally:
        con.close()


def refuse_newer_schema(path: Path, revision: str | None) -> None:
    """Raise NewerSchemaError when ``revision`` is not one this release knows."""
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            f"{path.name} was written by a newer release of MOP Desktop (schema {revision}); "
            "install that release or newer to open it"
        )


def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


#: Execution option naming a transaction that will write: it starts with ``BEGIN IMMEDIATE``,
#: so it holds the write lock before it reads anything (two writers cannot both read the same
#: state and then both write). On PostgreSQL the services lock rows (``FOR UPDATE``) instead.
WRITE_OPTION = "mop_write"


def _no_driver_autobegin(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself


def _begin(connection: Any) -> None:
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def refuse_unstorable_text(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _many: bool
) -> None:
    from mop_desktop.domain.storable import check_parameters

    check_parameters(parameters)


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on ``path``; ``read_only`` opens it through ``read_only_uri`` and refuses
    every statement that would write before SQLite sees it."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    # The file is named to the driver directly (``creator``), never through a URL: a folder
    # whose name holds "%20", "?" or "#" would otherwise be read as another file.
    target, uri = (read_only_uri(path), True) if read_only else (str(path), False)

    def creator() -> sqlite3.Connection:
        return sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

    engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool, future=True)
    if read_only:
        event.listen(engine, "connect", set_read_only_pragmas)
    else:
        event.listen(engine, "connect", set_pragmas)
    event.listen(engine, "connect", _no_driver_autobegin)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "before_cursor_execute", refuse_unstorable_text)
    return engine


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations on ``engine`` up to ``target``, in one transaction."""
    with engine.begin() as connection:
        upgrade_connection(connection, target)


def upgrade_connection(connection: Any, target: str = "head") -> None:
    """Run Alembic migrations up to ``target`` on ``connection`` (inside its transaction:
    on PostgreSQL an upgrade that fails part-way leaves nothing behind)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, target)


#: The advisory lock every writer to a server store takes for its transaction (the server's
#: ``BEGIN IMMEDIATE``): read-check-write changes by several PCs happen one after another.
WRITER_LOCK = 0x4D4F5001
#: The advisory lock held while a server store's schema is created or upgraded.
UPGRADE_LOCK = 0x4D4F5002


def lock_writers(session: Session) -> None:
    """Take the server store's writer lock for the rest of ``session``'s transaction (once);
    waits up to the lock timeout, then the server's error says busy (``failures.explain``)."""
    if not session.info.get(WRITE_OPTION):
        from sqlalchemy import text

        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
        session.info[WRITE_OPTION] = True


def _lock_writers_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """A plain session on a server store takes the writer lock when it first writes."""
    if session.new or session.dirty or session.deleted:
        lock_writers(session)


def _forget_lock(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the transaction ended: so did its advisory lock
        session.info.pop(WRITE_OPTION, None)


def _server_sessions(bind: Any, *, lock_on_flush: bool) -> sessionmaker[Session]:
    from sqlalchemy import event
    from sqlalchemy.orm import sessionmaker

    factory = sessionmaker(bind, expire_on_commit=False)
    if lock_on_flush:
        event.listen(factory, "before_flush", _lock_writers_before_flush)
    event.listen(factory, "after_transaction_end", _forget_lock)
    return factory


_WRITING = ("insert", "update", "delete", "replace", "create", "drop", "alter")


class Store:
    """An open policy.db: the engine and a session factory, both made when first used.

    ``read_only`` (an errno: EROFS for a folder that cannot be written, ENOSPC for a full
    disk) opens the file for reading only; a statement that would write is then refused with
    ``failures.CannotWrite`` before it runs, so the message names the real cause.
    """

    def __init__(
        self,
        path: Path | None,
        engine: Engine | None = None,
        read_only: int | None = None,
        *,
        location: StoreLocation | None = None,
    ) -> None:
        from mop_desktop.store.location import StoreLocation

        self.location = location or StoreLocation(path=path)
        self._path = path
        self._engine = engine
        self.read_only = read_only
        self._sessions: sessionmaker[Session] | None = None
        self._write_sessions: sessionmaker[Session] | None = None

    @property
    def is_server(self) -> bool:
        """True for a store on a database server (PostgreSQL), False for policy.db."""
        return self.location.is_server

    @property
    def name(self) -> str:
        """The store as named in messages: policy.db, or the server URL without password."""
        return self.location.display()

    @property
    def path(self) -> Path:
        """The SQLite file. A store on a server has none: code that still needs the file
        (an SQLite-only reader) is refused with one line rather than reading the wrong thing."""
        if self._path is None:
            raise NotOnServerError(
                "this is not yet available on a shared store (PostgreSQL); "
                "it works on a policy.db in the data folder"
            )
        return self._path

    @property
    def engine(self) -> Engine:
        if self._engine is None and self.is_server:
            from mop_desktop.store.location import make_server_engine

            self._engine = make_server_engine(self.location)
        if self._engine is None:
            self._engine = make_engine(self.path, read_only=self.read_only is not None)
            if self.read_only is not None:
                from sqlalchemy import event

                event.listen(self._engine, "before_cursor_execute", self._refuse_writes)
        return self._engine

    def _refuse_writes(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().lower().startswith(_WRITING):
            from mop_desktop.store.failures import cannot_write

            assert self.read_only is not None
            raise cannot_write(self.read_only, self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = (
                _server_sessions(self.engine, lock_on_flush=True)
                if self.is_server
                else sessionmaker(self.engine, expire_on_commit=False)
            )
        with self._run(self._sessions) as session:
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A transaction that takes the write lock before it reads (``BEGIN IMMEDIATE`` on
        SQLite; on a server a transaction-level advisory lock that every writer takes),
        waiting up to the busy timeout for another writer; for read-check-write changes."""
        if self.read_only is not None:
            from mop_desktop.store.failures import cannot_write

            raise cannot_write(self.read_only, self.path)
        if self._write_sessions is None:
            from sqlalchemy.orm import sessionmaker

            bind = self.engine.execution_options(**{WRITE_OPTION: True})
            self._write_sessions = (
                _server_sessions(bind, lock_on_flush=False)
                if self.is_server
                else sessionmaker(bind, expire_on_commit=False)
            )
        from sqlalchemy.orm import configure_mappers

        configure_mappers()  # once per process, and before the lock: it is held for less
        with self._run(self._write_sessions) as session:
            if self.is_server:
                lock_writers(session)
            yield session

    @contextmanager
    def _run(self, factory: sessionmaker[Session]) -> Iterator[Session]:
        session = factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._sessions = self._write_sessions = None

    def reopen(self) -> None:
        """Close every connection and forget the engine: the next session opens the file
        that is at ``path`` now (after a restore has replaced it), never the old one."""
        engine, self._engine, self._sessions = self._engine, None, None
        if engine is not None:
            engine.dispose()


def keep_aside(path: Path, aside_dir: Path, reason: str) -> Path:
    """Copy ``path`` (its WAL included) into ``aside_dir`` with the reason and time in the name.

    The copy is written under a temporary name, checked (``quick_check``, the same row counts
    as the original) and only then named; a copy that cannot be written or fails its check is
    deleted and the error raised, so a copy kept aside is never empty or partial.
    """
    from mop_desktop.store.copies import verified_sqlite_copy

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = aside_dir / f"{path.stem}-{reason}-{stamp}{path.suffix}"
    verified_sqlite_copy(path, target)
    return target


def open_store(
    path: Path | StoreLocation | str, aside_dir: Path | None = None, *, create: bool = True
) -> Store:
    """Open (creating or upgrading as needed) the policy store at ``path``: policy.db's path,
    a ``StoreLocation``, or a URL (``store.location``; a server store: ``open_server_store``).

    An older schema is copied aside before it is upgraded; a newer one is refused. A file
    that fails its integrity check is kept aside and refused (``store.integrity``). Where the
    folder cannot be written (read-only, or the disk full) an existing store at the current
    schema is opened for reading only: showing, listing and backing up elsewhere still work.
    """
    from mop_desktop.store.failures import write_trouble

    if isinstance(path, str):
        from mop_desktop.store.location import LocationError, parse_location

        try:
            path = parse_location(path, Path("policy.db"))
        except LocationError as exc:
            raise StoreError(str(exc)) from None
    if not isinstance(path, Path):
        if path.is_server:
            return open_server_store(path, create=create, aside_dir=aside_dir)
        assert path.path is not None
        path = path.path
    trouble = write_trouble(path.parent) if path.parent.exists() else None
    if trouble is None and path.exists():
        from mop_desktop.store.upgrade_copy import remove_killed_upgrades

        remove_killed_upgrades(path.parent)
    if path.exists():
        from mop_desktop.store.integrity import check_integrity

        check_integrity(path, aside_dir or path.parent / "kept-aside")
    exists = path.exists() and path.stat().st_size > 0
    if path.exists() and path.stat().st_size == 0:
        raise DamagedStoreError(f"{path} is empty (zero length): restore it from a backup")
    if not exists and not create:
        raise StoreError(f"no store at {path}")
    revision = read_revision(path) if exists else None
    head = head_revision()
    refuse_newer_schema(path, revision)
    if trouble is not None:
        from mop_desktop.store.failures import cannot_write, explain

        if revision is None or revision != head:
            what = "created" if revision is None else "upgraded"
            raise StoreError(f"{path.name} cannot be {what}: {explain(cannot_write(trouble))}")
        return Store(path, read_only=trouble)
    path.parent.mkdir(parents=True, exist_ok=True)
    if revision is not None and revision != head:
        from mop_desktop.store.migrate_copy import upgrade_on_copy

        keep_aside(path, aside_dir or path.parent / "kept-aside", f"schema-{revision}")
        upgrade_on_copy(path)  # migrated on a checked copy, then swapped in
    if revision is None:
        engine = make_engine(path)
        upgrade(engine)
        from mop_desktop.paths import make_store_private

        make_store_private(path)  # a new store is the user's alone (0600 on Linux and macOS)
        return Store(path, engine)
    return Store(path)  # the engine is made by the first session


# -- a store on a database server (PostgreSQL) ------------------------------------------------
def server_error(location: StoreLocation, exc: BaseException) -> StoreError:
    """One line for a failure to reach or use the server store (the password never in it)."""
    from mop_desktop.store.failures import BUSY, explain
    from mop_desktop.store.location import mask

    message = explain(exc)
    where = location.display()
    if message == BUSY:
        return StoreBusyError(f"{where} is {message}")
    if message is not None:
        return StoreError(f"{where}: {message}")
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    detail = " ".join(lines[0].split()) if lines else type(exc).__name__  # never DETAIL's values
    return StoreError(mask(f"{where}: {detail}", location.password))


def read_server_revision(connection: Connection, name: str) -> str | None:
    """The revision stamped in the server database, None for an empty database."""
    from sqlalchemy import inspect, text

    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise DamagedStoreError(f"{name} is not a MOP Desktop store (it holds other tables)")
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def _ensure_store_id(connection: Connection) -> None:
    """A shared store carries an identity of its own, the same from every PC whatever name
    each reaches the server by (the history's anchor is kept under it: ``store.anchor``)."""
    import uuid

    from sqlalchemy import text

    from mop_desktop.store.anchor import STORE_ID_KEY

    query = text("SELECT value FROM setting WHERE key = :key")
    if connection.execute(query, {"key": STORE_ID_KEY}).scalar():
        connection.rollback()
        return
    connection.execute(
        text("INSERT INTO setting (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING"),
        {"key": STORE_ID_KEY, "value": uuid.uuid4().hex},
    )
    connection.commit()


def _keep_server_aside(
    connection: Any, revision: str, aside_dir: Path | None, location: StoreLocation
) -> None:
    """The server store's content at schema ``revision`` kept as a bundle before upgrading."""
    from mop_desktop.store.copies import BackupError
    from mop_desktop.store.moving import keep_before_upgrade

    where = location.display()
    if aside_dir is None:
        raise StoreError(
            f"{where} needs upgrading: open it from the app, which keeps a backup of it first"
        )
    try:
        database = location.sqlalchemy_url().database or "store"
        kept = keep_before_upgrade(connection, revision, aside_dir, database)
    except (BackupError, OSError) as exc:
        raise StoreError(
            f"{where} was not upgraded: its backup could not be made ({exc})"
        ) from None
    log.info("the shared store at schema %s was kept as %s before upgrading", revision, kept)


def open_server_store(
    location: StoreLocation, *, create: bool = True, aside_dir: Path | None = None
) -> Store:
    """Open the store in a server database: created or upgraded in one transaction
    (PostgreSQL's DDL is transactional, so an upgrade that fails leaves the old schema
    whole), one PC at a time (an advisory lock); a newer schema is refused. Before an older
    schema is upgraded its content is kept as a backup bundle in ``aside_dir`` (there is no
    file to copy aside); without ``aside_dir`` the upgrade is refused."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from mop_desktop.store.location import make_server_engine

    name = location.display()
    engine = make_server_engine(location)
    try:
        with engine.connect() as connection:
            revision = read_server_revision(connection, name)
            connection.rollback()
            if revision != head_revision():
                if revision is not None and revision not in known_revisions():
                    raise NewerSchemaError(
                        f"{name} was written by a newer release of MOP Desktop (schema "
                        f"{revision}); install that release or newer to open it"
                    )
                if revision is None and not create:
                    raise StoreError(f"no store at {name}")
                with connection.begin():
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK}
                    )
                    revision = read_server_revision(connection, name)  # another PC's, maybe
                    if revision is not None and revision not in known_revisions():
                        raise NewerSchemaError(f"{name} was upgraded by a newer release")
                    if revision != head_revision():
                        if revision is not None:
                            _keep_server_aside(connection, revision, aside_dir, location)
                        upgrade_connection(connection)
            _ensure_store_id(connection)
    except StoreError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise server_error(location, exc) from None
    return Store(None, engine, location=location)
