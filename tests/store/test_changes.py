"""Other people's changes announced by the server (LISTEN/NOTIFY): the kind of change, never
its content, and not the listener's own changes."""

from __future__ import annotations

import threading
import time

from mop_desktop.store import changes
from mop_desktop.store.db import open_store
from mop_desktop.store.models import MeetingRow, SettingRow


def test_a_change_committed_elsewhere_is_announced_by_kind(pg_url):
    import datetime as dt

    mine, theirs = open_store(pg_url), open_store(pg_url)
    ignore = changes.own_backends(mine.engine)
    seen: list[set[str]] = []
    connected = threading.Event()
    stop = threading.Event()
    worker = threading.Thread(
        target=changes.listen,
        args=(mine.location, seen.append, stop),
        kwargs={"ignore": ignore, "on_state": lambda up: up and connected.set()},
        daemon=True,
    )
    worker.start()
    try:
        assert connected.wait(20)
        with mine.session() as s:  # my own change: not announced back to me
            s.add(SettingRow(key="x.mine", value='"secret words"'))
        with theirs.session() as s:
            s.add(MeetingRow(date=dt.date(2027, 2, 2), title="Budget"))
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.5)
        assert seen == [{"schedule"}]
        # a rolled-back change is never announced
        try:
            with theirs.session() as s:
                s.add(MeetingRow(date=dt.date(2027, 2, 3), title="Never"))
                s.flush()
                raise RuntimeError("changed my mind")
        except RuntimeError:
            pass
        time.sleep(1.5)
        assert seen == [{"schedule"}]
    finally:
        stop.set()
        worker.join(10)
        mine.close()
        theirs.close()
    assert not worker.is_alive()


def test_the_payload_is_the_table_name_only(pg_url):
    from pathlib import Path

    import psycopg

    from mop_desktop.store.location import parse_location

    location = parse_location(pg_url, Path("policy.db"))
    url = location.sqlalchemy_url()
    with psycopg.connect(
        host=url.query["host"], dbname=url.database, user=url.username, autocommit=True
    ) as con:
        con.execute(f"LISTEN {changes.CHANNEL}")
        store = open_store(pg_url)
        try:
            with store.session() as s:
                s.add(SettingRow(key="council.name", value='"Very private words"'))
        finally:
            store.close()
        payloads = [n.payload for n in con.notifies(timeout=3, stop_after=1)]
    assert set(payloads) == {"setting"}  # the table, never the words written
