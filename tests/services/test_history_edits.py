"""Adding a minute reference to a history row imported without one: once, audited, and the
history still checks."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.records import Adoption
from mop_desktop.services import history_edits as he
from mop_desktop.services.adoption import verify_chain
from mop_desktop.services.workspace import save_import
from mop_desktop.store import documents as docs
from tests.gui.shell_helpers import make_result


@pytest.fixture
def imported(store):
    result = make_result(adopted=True)
    result.history.insert(
        0, Adoption("2021", dt.date(2021, 12, 16), "", dt.date(2022, 12, 31), "G White")
    )
    save_import(store, result)
    with store.session() as session:
        rows = docs.protocol_document(session).adoptions
        return [(r.id, r.version_label, r.minute_ref) for r in rows]


def test_minute_reference_added_audited_and_the_chain_still_checks(store, imported):
    row_id, label, minute = imported[0]
    assert label == "2021" and minute == ""
    amendment = he.add_minute_reference(
        store, row_id, "  2021-087 ", now=dt.datetime(2026, 12, 3, 14, 0)
    )
    with store.session() as session:
        rows = docs.protocol_document(session).adoptions
        assert rows[0].minute_ref == "2021-087"
        assert [r.minute_ref for r in rows[1:]] == ["2025-044", "2026-101"]
    assert verify_chain(store).ok
    recorded = he.amendments(store)
    assert recorded == [amendment]
    assert recorded[0].hash_before != recorded[0].hash_after
    assert recorded[0].describe() == (
        "Minute reference 2021-087 added to version 2021 "
        "(adopted 16 December 2021) on 3 December 2026"
    )


def test_a_recorded_reference_is_final(store, imported):
    row_id = imported[1][0]  # imported with 2025-044
    with pytest.raises(he.HistoryEditError, match="already has the minute reference 2025-044"):
        he.add_minute_reference(store, row_id, "2025-999")
    first = imported[0][0]
    he.add_minute_reference(store, first, "2021-087")
    with pytest.raises(he.HistoryEditError, match="cannot be changed"):
        he.add_minute_reference(store, first, "2021-088")
    with pytest.raises(he.HistoryEditError, match="Enter the minute reference"):
        he.add_minute_reference(store, first, "   ")
    assert len(he.amendments(store)) == 1


def test_an_altered_history_is_not_rechained(store, imported):
    with store.session() as session:
        rows = docs.protocol_document(session).adoptions
        rows[1].reviewer = "Someone else"  # altered outside the app
    with pytest.raises(he.HistoryEditError, match="fails its check"):
        he.add_minute_reference(store, imported[0][0], "2021-087")
    assert not verify_chain(store).ok


def test_an_amendment_keeps_the_anchor_confirming_the_history(credential_store, store):
    """A minute reference added to an imported row re-chains the history: this PC's anchor
    follows it, so check still confirms the history."""
    from mop_desktop.services.history_check import check_anchor

    result = make_result(adopted=True)
    result.history.insert(
        0, Adoption("2021", dt.date(2021, 12, 16), "", dt.date(2022, 12, 31), "G White")
    )
    save_import(store, result)
    assert check_anchor(store, verify_chain(store).ok).ok  # anchored now
    with store.session() as session:
        row_id = docs.protocol_document(session).adoptions[0].id
    he.add_minute_reference(store, row_id, "2021-087")
    assert verify_chain(store).ok
    report = check_anchor(store, verify_chain(store).ok)
    assert report.ok, report
