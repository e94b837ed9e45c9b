"""register.db: the confidential concern register, SQLCipher through SQLAlchemy.

Its own metadata (nothing shared with policy.db). The engine is built with ``creator=`` (the
``sqlite+pysqlcipher`` URL with a creator sends an empty key after ours) and ``NullPool``, so
every connection is keyed by us with the raw 256-bit data key as its first statement, and nothing
lingers in a pool after locking. ``hide_parameters=True``: a failed statement never prints
personal data.

Pragmas: ``cipher_memory_security=ON`` (SQLCipher wipes its buffers), ``secure_delete=ON``
(deleted content is overwritten, not left in free pages), ``temp_store=MEMORY`` (sorts and
temporary tables never reach a temp file), ``synchronous=FULL``, and ``journal_mode=DELETE``:
one clerk writes at a time, so WAL buys nothing, and with DELETE the register is one file between
transactions (no ``-wal``/``-shm`` holding old page images beside it, and a backup copies one
file). The rollback journal is encrypted like the database while it exists.

Schema: created with ``metadata.create_all``, stamped in ``schema_version`` and
``alembic_version``. A register written by a newer release is refused; an older one is copied
(still encrypted) into
``kept-aside/`` and upgraded by its Alembic migrations (``migrations/register``) on a checked copy
that is then swapped in (``store.register_upgrade`` through ``store.upgrade_copy``, the procedure
policy.db's upgrades use too).

Never a plaintext register: if ``sqlcipher3`` is missing or ``PRAGMA cipher_version`` is empty,
no register is created or opened. Never a new empty register over an existing file: opening uses
``mode=rw`` (the file must exist), creating refuses any existing file.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)
from sqlalchemy.pool import NullPool

SCHEMA_VERSION = 4
#: The register's Alembic head (``migrations/register``): revision 0004 is schema 4. Checked
#: against the script folder by tests/store/test_upgrades.py.
HEAD_REVISION = "0004"
#: Alembic's own table, written as Alembic writes it, so a new register is stamped without
#: importing Alembic.
ALEMBIC_VERSION_DDL = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)
LIST_INDEX = "ix_concern_list"
#: ``id`` (the rowid) right after the date, so that the index itself is in the table's default
#: order (raised on, then id) and a page of a broad search stops after its rows.
LIST_INDEX_COLUMNS = ("raised_on", "id", "status", "category", "raised_by_role", "about_role")


class RegisterError(Exception):
    """The register cannot be used as it is; one line for the user."""


class RegisterDamaged(RegisterError):
    pass


class NoEncryption(RegisterError):
    def __init__(self) -> None:
        super().__init__(
            "SQLCipher is not available in this installation: the register cannot be created "
            "or opened without encryption"
        )


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class RegisterBase(DeclarativeBase):
    metadata = MetaData()


class ConcernRow(RegisterBase):
    __tablename__ = "concern"
    #: The list index: every column the table filters and sorts on (and the rowid), so that
    #: counting and paging a large register reads this index, never the wide rows.
    __table_args__ = (Index(LIST_INDEX, *LIST_INDEX_COLUMNS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String, unique=True)
    raised_on: Mapped[dt.date] = mapped_column(Date)
    raised_by: Mapped[str] = mapped_column(Text, default="")
    raised_by_role: Mapped[str] = mapped_column(String)
    about: Mapped[str] = mapped_column(Text, default="")
    about_role: Mapped[str] = mapped_column(String, default="")
    category: Mapped[str] = mapped_column(String, default="other")
    clauses: Mapped[str] = mapped_column(Text, default="")  # "3.1, 4.2"
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    route: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String, default="open")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: Closed in the clerk's old log without a date: never offered by retention until one is set
    closing_date_unknown: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    #: A hash of an imported row's content (inside the encrypted register), so that importing
    #: the same log again adds nothing for rows that carry no reference of their own.
    import_fingerprint: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    timeline: Mapped[list[TimelineRow]] = relationship(
        back_populates="concern",
        order_by="TimelineRow.on, TimelineRow.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class TimelineRow(RegisterBase):
    """A dated action or contact in a concern's handling."""

    __tablename__ = "timeline"

    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(
        ForeignKey("concern.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[dt.date] = mapped_column(Date)
    entry: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    concern: Mapped[ConcernRow] = relationship(back_populates="timeline")


class UserCategoryRow(RegisterBase):
    """A category of the clerk's own (from their log), offered beside the built-in ones."""

    __tablename__ = "user_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditRow(RegisterBase):
    """Who opened the register and when; every change to a concern: which field, when.
    Never the personal data itself."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String, default="")
    action: Mapped[str] = mapped_column(String)  # opened, created, changed, closed, ...
    reference: Mapped[str] = mapped_column(String, default="", index=True)
    field: Mapped[str] = mapped_column(String, default="")


class DeletionTraceRow(RegisterBase):
    """A record existed and was removed at the end of its retention."""

    __tablename__ = "deletion_trace"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String)
    removed_on: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")


class AttachmentRow(RegisterBase):
    """A file a concern rests on (letter, e-mail, PDF, photo), held inside the register.

    ``content`` is the file itself, or, for a sealed concern, the file sealed to the chair of the
    personnel committee (``sealed`` is then true and the name reads "sealed")."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(
        ForeignKey("concern.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String, default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sealed: Mapped[bool] = mapped_column(default=False)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class SealedRow(RegisterBase):
    """The content of a concern sealed to the chair of the personnel committee."""

    __tablename__ = "sealed_concern"

    concern_id: Mapped[int] = mapped_column(
        ForeignKey("concern.id", ondelete="CASCADE"), primary_key=True
    )
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ChairKeyRow(RegisterBase):
    """The chair's key envelope (store/sealing.py): a public key and a wrapped private key."""

    __tablename__ = "chair_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    envelope: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DraftRow(RegisterBase):
    """What was typed into an open case when the register locked, kept (encrypted, like
    everything here) until the case is opened again. ``reference`` is "" for a concern not
    saved yet; ``fields`` is the form's values as JSON.

    An additive table: created when missing on opening (``ensure_additive_tables``), so it
    needs no schema step, and an older release simply ignores it."""

    __tablename__ = "concern_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String, default="")
    fields: Mapped[str] = mapped_column(Text, default="{}")
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SchemaVersionRow(RegisterBase):
    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


#: The text columns searched through FTS5 (kept in step with ``concern`` by triggers).
FTS_COLUMNS = (
    "reference",
    "raised_by",
    "raised_by_role",
    "about",
    "about_role",
    "category",
    "clauses",
    "summary",
    "details",
    "route",
    "status",
    "outcome",
)


def _fts_ddl() -> list[str]:
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    return [
        f"CREATE VIRTUAL TABLE concern_fts USING fts5({cols}, content='concern', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"CREATE TRIGGER concern_ai AFTER INSERT ON concern BEGIN "
        f"INSERT INTO concern_fts(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER concern_ad AFTER DELETE ON concern BEGIN "
        f"INSERT INTO concern_fts(concern_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER concern_au AFTER UPDATE ON concern BEGIN "
        f"INSERT INTO concern_fts(concern_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO concern_fts(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


# -- connections ------------------------------------------------------------------------------
def _sqlcipher() -> Any:
    try:
        import sqlcipher3
        from sqlcipher3 import dbapi2
    except ImportError:
        raise NoEncryption() from None
    return sqlcipher3, dbapi2


def _uri(path: Path, mode: str) -> str:
    return f"file:{urllib.parse.quote(str(path.resolve()))}?mode={mode}"


def keyed_connection(path: Path, key: bytearray, mode: str) -> Any:
    """A sqlcipher3 DB-API connection on ``path`` with ``key`` as its first statement and the
    register's pragmas set (``mode``: ``ro``, ``rw`` or ``rwc``). For work where the file itself
    is the subject: integrity checks, online copies, upgrades on a copy. Raises
    ``dbapi2.DatabaseError`` when the key does not open the file, ``NoEncryption`` without
    SQLCipher."""
    _, dbapi2 = _sqlcipher()
    con = dbapi2.connect(_uri(path, mode), uri=True, check_same_thread=False)
    try:
        # first: the schema read below must wait for another program's write, not fail
        con.execute("PRAGMA busy_timeout = 10000")
        con.execute("PRAGMA cipher_log_level = NONE")  # failures become our one-line messages
        con.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        row = con.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise NoEncryption()
        con.execute("PRAGMA cipher_memory_security = ON")
        # Reading the schema is the first use of the key: a wrong key or a damaged file fails
        # here, before anything could be written.
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.execute("PRAGMA secure_delete = ON")
        con.execute("PRAGMA temp_store = MEMORY")
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 10000")
    except dbapi2.DatabaseError:
        con.close()
        raise
    except BaseException:
        con.close()
        raise
    return con


def make_engine(path: Path, key: bytearray, *, mode: str = "rw") -> Engine:
    _, dbapi2 = _sqlcipher()

    def creator() -> Any:
        return keyed_connection(path, key, mode)

    engine = create_engine(
        "sqlite://", creator=creator, module=dbapi2, poolclass=NullPool, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_autobegin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy issues BEGIN itself

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # IMMEDIATE: the write lock is taken before anything is read, so two programs adding
        # concerns at once queue (busy timeout) instead of deadlocking on a read lock each
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    # Text that cannot be stored (an unpaired surrogate) is refused before the statement runs,
    # as in policy.db; the services name the field first where they can.
    from mop_desktop.store.db import refuse_unstorable_text

    event.listen(engine, "before_cursor_execute", refuse_unstorable_text)

    return engine


def _probe(path: Path, key: bytearray) -> tuple[int | None, str | None]:
    """The schema version stamped in an existing register and its Alembic revision (None
    before the register's migrations moved to Alembic), checking the key and the file."""
    _, dbapi2 = _sqlcipher()
    try:  # rw: a write killed part-way leaves a hot journal that opening must roll back
        con = keyed_connection(path, key, "rw")
    except dbapi2.DatabaseError as exc:
        refuse_if_environment(exc)
        raise RegisterDamaged(
            f"{path.name} is damaged or does not belong to this key file: restore from backup"
        ) from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_version" not in tables:
            raise RegisterDamaged(f"{path.name} is not a concern register: restore from backup")
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = int(row[0]) if row and row[0] is not None else None
        revision = None
        if "alembic_version" in tables:
            stamped = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(stamped[0]) if stamped else None
        return version, revision
    except dbapi2.DatabaseError as exc:
        refuse_if_environment(exc)
        raise RegisterDamaged(f"{path.name} is damaged: restore from backup") from None
    finally:
        con.close()


class RegisterBusy(RegisterError):
    """Another program holds the register's lock for longer than the busy timeout."""


def refuse_if_environment(exc: BaseException) -> None:
    """Busy, a full disk or a failing device is not damage: raise the matching error
    (``RegisterBusy``, or ``RegisterError`` naming the cause); return for anything else."""
    from mop_desktop.store.failures import BUSY, explain

    message = explain(exc)
    if message == BUSY:
        raise RegisterBusy(f"register.db is {message}") from None
    if message is not None:
        raise RegisterError(f"register.db: {message}") from None


class Register:
    """An open (unlocked) register: the engine, sessions, and the key it holds."""

    def __init__(self, path: Path, key: bytearray, engine: Engine) -> None:
        self.path = path
        self._key = key
        self.engine = engine
        self._sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)

    @property
    def data_key(self) -> bytearray:
        """The data key this open register holds (wiped by ``close``): for re-wrapping the key
        file and for online copies of the register. Never logged or written anywhere."""
        return self._key

    @property
    def is_open(self) -> bool:
        return self._sessions is not None and any(self._key)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        if not self.is_open:
            raise RegisterError("the register is locked")
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Lock: dispose of the engine and overwrite the key held in memory."""
        from mop_desktop.store.vault import zero

        self.engine.dispose()
        zero(self._key)


def check_existing(path: Path) -> None:
    """Refuse a zero-length file before any key is derived."""
    if not path.exists():
        raise RegisterDamaged(
            f"{path.name} is missing but its key file exists: restore it from backup"
        )
    if path.stat().st_size == 0:
        raise RegisterDamaged(f"{path.name} is empty (zero length): restore it from backup")


def open_register(path: Path, key: bytearray) -> Register:
    """Open an existing register with its data key (the file must exist and match the key)."""
    check_existing(path)
    from mop_desktop.store.upgrade_copy import remove_killed_upgrades

    remove_killed_upgrades(path.parent)
    version, revision = _probe(path, key)
    if version is None:
        raise RegisterDamaged(f"{path.name} has no schema version: restore from backup")
    if version > SCHEMA_VERSION or (revision is not None and revision > HEAD_REVISION):
        raise RegisterError(
            f"{path.name} was written by a newer release of MOP Desktop (register schema "
            f"{revision or version}); install that release or newer to open it"
        )
    if version < SCHEMA_VERSION or revision != HEAD_REVISION:  # Alembic, on a checked copy
        from mop_desktop.store.register_upgrade import upgrade_register

        upgrade_register(path, key, version, revision)
    register = Register(path, key, make_engine(path, key))
    ensure_additive_tables(register.engine)
    return register


def ensure_additive_tables(engine: Engine) -> None:
    """Tables that only add to the schema (drafts): created if this register lacks them."""
    with engine.begin() as connection:
        RegisterBase.metadata.tables[DraftRow.__tablename__].create(connection, checkfirst=True)


def _precreate_private(path: Path) -> None:
    """Create the (empty) file 0600 before SQLCipher opens it, so that it is never readable by
    others, not even for the moment before the mode is set. SQLite takes an empty file as a new
    database; its journal gets the database file's mode."""
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def create_register(path: Path, key: bytearray) -> Register:
    """A new, empty, encrypted register. Refuses to touch an existing file."""
    _sqlcipher()
    if path.exists():
        raise RegisterError(f"{path.name} already exists: it is never replaced by a new register")
    path.parent.mkdir(parents=True, exist_ok=True)
    _precreate_private(path)
    engine = make_engine(path, key, mode="rwc")
    try:
        with engine.begin() as connection:
            RegisterBase.metadata.create_all(connection)
            for statement in _fts_ddl():
                connection.exec_driver_sql(statement)
            try:  # FTS5 secure-delete (SQLite 3.42+): deleted tokens leave the index at once
                connection.exec_driver_sql(
                    "INSERT INTO concern_fts(concern_fts, rank) VALUES ('secure-delete', 1)"
                )
            except Exception:  # noqa: BLE001 - older SQLite: secure_delete=ON still applies
                pass
            connection.execute(
                text("INSERT INTO schema_version(version, applied_at) VALUES (:v, :t)"),
                {"v": SCHEMA_VERSION, "t": utcnow()},
            )
            connection.exec_driver_sql(ALEMBIC_VERSION_DDL)
            connection.execute(
                text("INSERT INTO alembic_version(version_num) VALUES (:r)"), {"r": HEAD_REVISION}
            )
    except BaseException:
        engine.dispose()
        path.unlink(missing_ok=True)
        raise
    engine.dispose()
    from mop_desktop.paths import make_store_private

    make_store_private(path)  # the user's alone (0600 on Linux and macOS)
    return Register(path, key, make_engine(path, key))
