"""``store.transfer``: every row copied between engines in foreign-key order, compared row for
row, the server's id sequences moved past the copied ids."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.store import documents as docs
from mop_desktop.store import transfer
from mop_desktop.store.db import open_store
from mop_desktop.store.models import MeetingRow, VersionRow
from tests.store.safety_helpers import populate, sample_text


def _based_on_chain(store) -> None:
    with store.session() as s:
        doc = docs.protocol_document(s)
        adopted = docs.latest_adopted(doc)
        draft = docs.draft_of(doc)
        draft.based_on_id = adopted.id
        s.add(draft)


def test_copy_between_engines_both_ways(store, pg_url, tmp_path):
    populate(store, versions=3, meetings=4)
    _based_on_chain(store)
    server = open_store(pg_url)
    back = open_store(tmp_path / "back.db")
    try:
        with store.engine.connect() as src, server.engine.begin() as dst:
            counts = transfer.copy_checked(src, dst)
        assert counts["version"] == 4 and counts["meeting"] == 4 and counts["adoption"] == 3
        with server.engine.connect() as src, back.engine.begin() as dst:
            transfer.copy_checked(src, dst)
        with store.engine.connect() as a, back.engine.connect() as b:
            transfer.compare_rows(a, b)  # SQLite -> PostgreSQL -> SQLite: row for row the same
        with server.session() as s:  # new rows on the server get fresh ids
            s.add(MeetingRow(date=dt.date(2028, 1, 1)))
            docs.create_version(s, docs.protocol_document(s), sample_text("more"))
        with server.session() as s:
            assert s.query(MeetingRow).count() == 5
            based = [v.based_on_id for v in s.query(VersionRow).order_by(VersionRow.id)]
            assert based[3] is not None
    finally:
        server.close()
        back.close()


def test_a_difference_is_named_and_a_full_target_refused(store, tmp_path):
    populate(store)
    other = open_store(tmp_path / "other.db")
    try:
        with store.engine.connect() as src, other.engine.begin() as dst:
            transfer.copy_rows(src, dst)
        with other.session() as s:
            s.query(MeetingRow).first().title = "changed"
        with store.engine.connect() as a, other.engine.connect() as b:
            with pytest.raises(transfer.TransferError, match="meeting"):
                transfer.compare_rows(a, b)
            with pytest.raises(transfer.TransferError, match="not empty"):
                transfer.copy_rows(a, b)
    finally:
        other.close()
