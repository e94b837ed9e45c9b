"""Opening policy.db: pragmas, schema version, upgrades, and sessions.

The schema version is read with the standard library before anything heavy is imported;
Alembic is imported only when the file needs creating or upgrading, and SQLAlchemy only when
the first session (or ``store.engine``) is asked for, so a window can be drawn from
``store.summary`` first. Revision ids are the four-digit prefixes of the files in
``migrations/versions`` and form one line.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is imported when the first engine is made
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A store that cannot be used as it is; the message is one line for the user."""


class NewerSchemaError(StoreError):
    pass


class DamagedStoreError(StoreError):
    pass


def known_revisions() -> list[str]:
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [n[:4] for n in names]


def head_revision() -> str:
    return known_revisions()[-1]


def read_revision(path: Path) -> str | None:
    """The Alembic revision stamped in ``path``, or None for a file with no schema yet."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
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
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def refuse_unstorable_text(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _many: bool
) -> None:
    from mop_desktop.domain.storable import check_parameters

    check_parameters(parameters)


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", set_pragmas)
    event.listen(engine, "before_cursor_execute", refuse_unstorable_text)
    return engine


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations on ``engine`` up to ``target``."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


class Store:
    """An open policy.db: the engine and a session factory, both made when first used."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.path)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        session = self._sessions()
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

    def reopen(self) -> None:
        """Close every connection and forget the engine: the next session opens the file
        that is at ``path`` now (after a restore has replaced it), never the old one."""
        engine, self._engine, self._sessions = self._engine, None, None
        if engine is not None:
            engine.dispose()


def keep_aside(path: Path, aside_dir: Path, reason: str) -> Path:
    """Copy ``path`` (and its WAL) into ``aside_dir`` with the reason and time in the name."""
    aside_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = aside_dir / f"{path.stem}-{reason}-{stamp}{path.suffix}"
    con = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        with dest:
            con.backup(dest)
        dest.close()
    finally:
        con.close()
    return target


def open_store(path: Path, aside_dir: Path | None = None, *, create: bool = True) -> Store:
    """Open (creating or upgrading as needed) the policy store at ``path``.

    An older schema is copied aside before it is upgraded; a newer one is refused. A file
    that fails its integrity check is kept aside and refused (``store.integrity``).
    """
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
    path.parent.mkdir(parents=True, exist_ok=True)
    if revision is not None and revision != head:
        from mop_desktop.store.migrate_copy import upgrade_on_copy

        keep_aside(path, aside_dir or path.parent / "kept-aside", f"schema-{revision}")
        upgrade_on_copy(path)  # migrated on a checked copy, then swapped in
    if revision is None:
        engine = make_engine(path)
        upgrade(engine)
        return Store(path, engine)
    return Store(path)  # the engine is made by the first session
