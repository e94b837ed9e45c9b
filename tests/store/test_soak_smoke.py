"""The soak benchmark in miniature: a few clients for a few seconds on each engine, no errors
and no lost writes (``benchmarks/soak.py``)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.sqlite_only(reason="starts both engines itself")


def test_a_short_soak_loses_nothing(pg_url, capsys):
    from benchmarks import soak

    code = soak.main(["--clients", "3", "--seconds", "2", "--engine", "both"])
    out = capsys.readouterr().out
    assert "| **errors** | 0 | 0 |" in out and "| **lost writes** | 0 | 0 |" in out, out
    assert code == 0


def test_lost_writes_are_counted(tmp_path):
    from benchmarks import soak

    url = f"sqlite:///{tmp_path / 'policy.db'}"
    soak._prepare(url)
    results = [
        {"client": 0, "committed": {"meeting": ["never written"], "export": ["/nowhere.pdf"]}}
    ]
    assert soak._lost(url, results) == 2


def test_a_setting_written_while_another_process_writes_is_not_refused(app_paths):
    """On SQLite a transaction that reads and then writes fails at once ("database is
    locked") when another connection committed in between; ``settings.put`` writes without
    reading first, so it waits its turn instead (found by the soak)."""
    import datetime as dt

    from sqlalchemy import event

    from mop_desktop.store import settings
    from mop_desktop.store.db import open_store
    from mop_desktop.store.models import MeetingRow

    mine, other = open_store(app_paths.policy_db), open_store(app_paths.policy_db)
    done = []

    def meanwhile(_conn, _cursor, statement, *_args):
        if not done and statement.lstrip().upper().startswith("SELECT"):
            done.append(1)
            with other.session() as s:  # another process commits between my read and write
                s.add(MeetingRow(date=dt.date(2027, 5, 5)))

    try:
        with mine.session() as s:
            s.connection()  # the transaction has begun
        event.listen(mine.engine, "after_cursor_execute", meanwhile)
        key = settings.Setting("soak.test", "", "test")
        with mine.session() as s:
            settings.put(s, key, "kept")
        with mine.session() as s:
            assert settings.get(s, key) == "kept"
    finally:
        mine.close()
        other.close()
