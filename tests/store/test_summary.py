"""The light read path (``store.summary`` through sqlite3) gives what the ORM path gives, and
refuses what ``open_store`` refuses."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from mop_desktop.domain.records import Council
from mop_desktop.services.meetings import add_meeting
from mop_desktop.services.reminders import (
    load_schedule,
    reminders,
    summary_reminders,
    summary_schedule,
)
from mop_desktop.services.status import status_line, status_text
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.db import DamagedStoreError, NewerSchemaError, StoreError, open_store
from mop_desktop.store.summary import read_summary
from tests.services.review_data import adopted_protocol, draft_only

D = dt.date
TODAY = D(2026, 2, 20)


def _fill(store, state: str) -> None:
    if state == "draft only":
        draft_only(store)
    elif state == "adopted, overdue, meeting after the review":
        adopted_protocol(store, D(2024, 12, 10))
        add_meeting(store, D(2026, 3, 12))
    elif state == "adopted with a draft, settings changed, two meetings":
        adopted_protocol(store, D(2025, 6, 2), label="2025b", minute="FC 25/07", with_draft=True)
        add_meeting(store, D(2026, 5, 14))
        add_meeting(store, D(2025, 9, 1))
        with store.session() as session:
            settings.put(session, settings.REMINDER_LEAD_DAYS, 120)
            settings.put(session, settings.CLEAR_DAYS, 5)
            settings.put(session, settings.SKIP_SUNDAYS_AND_HOLIDAYS, False)
            docs.save_council(session, Council(name="Little Snoring Parish Council"))


STATES = [
    "no protocol",
    "draft only",
    "adopted, overdue, meeting after the review",
    "adopted with a draft, settings changed, two meetings",
]


@pytest.mark.parametrize("state", STATES)
def test_summary_gives_the_orm_schedule_status_and_reminders(store, state):
    _fill(store, state)
    summary = read_summary(store.path)

    light = summary_schedule(summary, TODAY)
    orm = load_schedule(store, TODAY)
    assert light == orm
    assert status_text(light) == status_line(store, TODAY)
    schedule, items = summary_reminders(summary, TODAY)
    assert schedule == orm
    assert items == reminders(store, TODAY)
    with store.session() as session:
        assert summary.council_name == docs.get_council(session).name


def test_summary_follow_ups_use_the_stored_lead_days(store):
    _fill(store, "adopted with a draft, settings changed, two meetings")
    followups = lambda today: [("C-2026-001", D(2026, 5, 1))]  # noqa: E731
    _, items = summary_reminders(read_summary(store.path), TODAY, followups)
    assert items == reminders(store, TODAY, followups)
    assert [(r.kind, str(r.state)) for r in items if r.kind == "follow-up"] == [
        ("follow-up", "due")  # 70 days ahead, within the 120 days set
    ]


def test_summary_refuses_a_newer_schema(store, app_paths):
    adopted_protocol(store, D(2025, 3, 20))
    store.close()
    con = sqlite3.connect(app_paths.policy_db)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    with pytest.raises(NewerSchemaError, match="newer release"):
        read_summary(app_paths.policy_db)
    with pytest.raises(NewerSchemaError):  # and the window's opening still refuses it first
        open_store(app_paths.policy_db, app_paths.kept_aside)


def test_summary_refuses_a_file_that_is_not_a_store(app_paths):
    app_paths.ensure()
    app_paths.policy_db.write_bytes(b"not a database at all " * 100)
    with pytest.raises(DamagedStoreError):
        read_summary(app_paths.policy_db)


def test_summary_refuses_a_damaged_store_that_open_store_refuses(store, app_paths):
    adopted_protocol(store, D(2025, 3, 20))
    store.close()
    data = bytearray(app_paths.policy_db.read_bytes())
    page = 4096
    data[page : page * 3] = b"\xff" * (page * 2)  # two pages of tables overwritten
    app_paths.policy_db.write_bytes(bytes(data))
    with pytest.raises(DamagedStoreError):
        open_store(app_paths.policy_db, app_paths.kept_aside)
    with pytest.raises(StoreError):  # DamagedStoreError is a StoreError
        summary = read_summary(app_paths.policy_db)
        summary_schedule(summary, TODAY)
        raise AssertionError(f"a damaged store was read: {summary}")


def test_summary_needs_an_opened_store(app_paths):
    with pytest.raises(StoreError, match="no store"):
        read_summary(app_paths.policy_db)


def test_summary_writes_nothing(store, app_paths):
    adopted_protocol(store, D(2025, 3, 20))
    store.close()
    before = app_paths.policy_db.read_bytes()
    read_summary(app_paths.policy_db)
    assert app_paths.policy_db.read_bytes() == before
