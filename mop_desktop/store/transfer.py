"""Copying the protocol store's rows from one engine to another, checked row for row.

A store on a server (PostgreSQL) and policy.db (SQLite) hold the same tables at the same
schema (the Alembic migrations run on both). ``copy_rows`` copies every table's rows from a
source connection into an empty, migrated target connection in foreign-key order, keeping every
row's id (so the adoption history's hashes, which name ids, still verify); rows of a table that
point at other rows of the same table (a version ``based_on`` an earlier one) are written first
without that pointer and given it once every row of the table is in. On PostgreSQL each table's
id sequence is then set past the highest id copied, so the next row added gets a new id.
``compare_rows`` reads both sides again and names the first table whose rows differ.

Everything goes through SQLAlchemy Core, so the same code runs in either direction; the
callers decide the transactions (one for the whole copy). Only the protocol store's tables are
copied: the confidential register is a separate file in the data folder and is never here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection

#: Rows read and written at a time.
BATCH = 500
#: Tables that describe the moment, not the protocol (who has an editor open): not copied.
TRANSIENT = frozenset({"presence"})
#: Settings that belong to the place a store is in, not to its content (a shared store's own
#: identity, ``store.anchor``): never copied, compared or cleared.
PLACE_SETTINGS = ("store.id",)


class TransferError(Exception):
    """The copy could not be made or does not match its source; one line for the clerk."""


def tables() -> list[Table]:
    """The store's tables, each after the tables it points at (the transient ones left out)."""
    from mop_desktop.store.models import Base

    return [t for t in Base.metadata.sorted_tables if t.name not in TRANSIENT]


def _key(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def _self_references(table: Table) -> list[str]:
    """Columns pointing at other rows of the same table."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _stamped(table: Table) -> list[str]:
    """Columns an UPDATE would stamp (``onupdate``): written back as they were."""
    return [c.name for c in table.columns if c.onupdate is not None]


def _content(table: Table) -> list[Any]:
    """The WHERE clause that leaves out rows describing the store's place."""
    if table.name == "setting":
        return [table.c.key.not_in(PLACE_SETTINGS)]
    return []


def _rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    from sqlalchemy import select

    result = connection.execution_options(stream_results=True).execute(
        select(table).where(*_content(table)).order_by(*_key(table))
    )
    for row in result.mappings():
        yield dict(row)


def row_counts(connection: Connection) -> dict[str, int]:
    """The number of rows in each of the store's tables."""
    from sqlalchemy import func, select

    return {
        t.name: int(
            connection.execute(select(func.count()).select_from(t).where(*_content(t))).scalar_one()
        )
        for t in tables()
    }


def is_empty(connection: Connection) -> bool:
    """True when no table of the store holds a row (a freshly created store; its place's
    own settings do not count)."""
    return not any(row_counts(connection).values())


def clear(connection: Connection) -> None:
    """Delete every row of the store's tables (the target of a ``--replace``)."""
    from mop_desktop.store.models import Base

    for table in reversed(Base.metadata.sorted_tables):
        connection.execute(table.delete().where(*_content(table)))


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Copy every row of the store from ``source`` into the empty ``target``; returns the
    number of rows copied per table. Raises TransferError when the target is not empty."""
    from sqlalchemy import bindparam, update

    if not is_empty(target):
        raise TransferError("the target store is not empty")
    counts: dict[str, int] = {}
    for table in tables():
        deferred = _self_references(table)
        kept = _stamped(table) if deferred else []
        pointers: list[dict[str, Any]] = []
        batch: list[dict[str, Any]] = []
        count = 0
        for row in _rows(source, table):
            if deferred and any(row[name] is not None for name in deferred):
                pointers.append(
                    {f"k_{c.name}": row[c.name] for c in _key(table)}
                    | {f"v_{n}": row[n] for n in deferred + kept}
                )
                row = row | {name: None for name in deferred}
            batch.append(row)
            count += 1
            if len(batch) >= BATCH:
                target.execute(table.insert(), batch)
                batch = []
        if batch:
            target.execute(table.insert(), batch)
        if pointers:
            statement = (
                update(table)
                .where(*[c == bindparam(f"k_{c.name}") for c in _key(table)])
                .values({n: bindparam(f"v_{n}") for n in deferred + kept})
            )
            target.execute(statement, pointers)
        counts[table.name] = count
    if target.dialect.name == "postgresql":
        reset_sequences(target)
    return counts


def reset_sequences(connection: Connection) -> None:
    """Set each table's id sequence past the highest id in it (PostgreSQL): rows copied with
    their own ids do not move the sequence, and the next insert would collide."""
    from sqlalchemy import text

    for table in tables():
        key = _key(table)
        if len(key) != 1 or not key[0].autoincrement or str(key[0].type) != "INTEGER":
            continue
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": key[0].name}
        ).scalar()
        if sequence is None:
            continue
        connection.execute(
            text(
                f'SELECT setval(:s, COALESCE((SELECT max("{key[0].name}") FROM "{table.name}"), 1),'
                f' (SELECT max("{key[0].name}") FROM "{table.name}") IS NOT NULL)'
            ),
            {"s": sequence},
        )


def _comparable(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def compare_rows(source: Connection, target: Connection) -> None:
    """Read every row of both sides and raise TransferError naming the first table whose
    rows differ (a value, a missing row or an extra one)."""
    for table in tables():
        left = _rows(source, table)
        right = _rows(target, table)
        while True:
            a = next(left, None)
            b = next(right, None)
            if a is None and b is None:
                break
            if a is None or b is None:
                raise TransferError(
                    f"the copy's {table.name} table does not hold the same number of rows"
                )
            if {k: _comparable(v) for k, v in a.items()} != {
                k: _comparable(v) for k, v in b.items()
            }:
                raise TransferError(f"the copy's {table.name} table differs from the source")


def copy_checked(source: Connection, target: Connection) -> dict[str, int]:
    """``copy_rows`` then ``compare_rows``: the counts copied, or TransferError."""
    counts = copy_rows(source, target)
    compare_rows(source, target)
    return counts
