"""Other people's changes to a shared store, as they are committed (PostgreSQL LISTEN/NOTIFY).

Migration 0006 gives every table of a store on a server a trigger that sends
``NOTIFY mop_changes, '<table>'`` for each statement changing it; PostgreSQL delivers it to
every listening connection when (and only if) the transaction commits, identical ones folded
into one. The payload is the table's name, never a row's content. ``listen`` keeps one
connection of its own listening and hands each batch of changes, as kinds (``KINDS``), to a
callback, leaving out those made through this program's own connections (``own_backends``)
since the program announced those itself; a lost connection is made again after a pause.

SQLite has no notifications: on policy.db there is only one PC, whose window announces its
own changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from mop_desktop.store.location import StoreLocation

CHANNEL = "mop_changes"

#: What a change to each table is, for the window: the protocol's text and versions, the
#: review schedule (adoptions, meetings), the council and its settings, who has the draft open.
KINDS = {
    "document": "document",
    "version": "document",
    "section": "document",
    "block": "document",
    "export": "document",
    "adoption": "schedule",
    "adoption_signature": "schedule",
    "meeting": "schedule",
    "council": "council",
    "setting": "council",
    "presence": "presence",
}

#: Seconds between checks of the stop flag while waiting; seconds before reconnecting.
POLL_S = 1.0
RETRY_S = 5.0


def own_backends(engine: Engine) -> set[int]:
    """The server process ids of ``engine``'s connections, kept up to date as connections are
    checked out: notifications they caused are this program's own."""
    from sqlalchemy import event

    pids: set[int] = set()

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        info = getattr(dbapi_connection, "info", None)
        pid = getattr(info, "backend_pid", None)
        if pid:
            pids.add(int(pid))

    event.listen(engine, "checkout", checkout)
    return pids


def kinds_of(tables: set[str]) -> set[str]:
    return {KINDS.get(table, "document") for table in tables}


def listen(
    location: StoreLocation,
    on_change: Callable[[set[str]], None],
    stop: threading.Event,
    *,
    ignore: set[int] | None = None,
    on_state: Callable[[bool], None] | None = None,
) -> None:
    """Until ``stop`` is set: call ``on_change(kinds)`` for each batch of changes other
    programs commit to the store at ``location``. ``ignore``: server process ids whose changes
    are this program's own. ``on_state(connected)`` is told when the connection is made or
    lost. Runs in the caller's thread (a worker thread of the window)."""
    from mop_desktop.store.location import make_server_engine

    while not stop.is_set():
        engine = make_server_engine(location)
        try:
            raw = engine.raw_connection()
            try:
                connection: Any = raw.driver_connection
                assert connection is not None
                connection.autocommit = True
                connection.execute(f"LISTEN {CHANNEL}")
                if on_state is not None:
                    on_state(True)
                while not stop.is_set():
                    tables: set[str] = set()
                    for note in connection.notifies(timeout=POLL_S, stop_after=100):
                        if ignore is None or note.pid not in ignore:
                            tables.add(str(note.payload))
                    if tables:
                        on_change(kinds_of(tables))
            finally:
                raw.invalidate()  # a LISTENing connection never goes back to a pool
        except Exception:  # noqa: BLE001 - the server went away: try again shortly
            if on_state is not None:
                on_state(False)
            stop.wait(RETRY_S)
        finally:
            engine.dispose()
