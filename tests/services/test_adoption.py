"""Adopting the draft, "reviewed, no changes", frozen text and the tamper-evident chain."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.records import VersionStatus
from mop_desktop.services.adoption import (
    AdoptionError,
    AdoptionRequest,
    adopt,
    check_request,
    suggested_label,
    verify_chain,
)
from mop_desktop.store import documents as docs
from tests.services.review_data import adopted_protocol, draft_only, sample_text

TODAY = dt.date(2026, 11, 22)


def request(**kw):
    base = dict(adopted_on="23/03/2026", minute_ref="2026-101", reviewer="G White")
    base.update(kw)
    return AdoptionRequest(**base)


def test_adopting_the_draft_freezes_its_text(store):
    draft_only(store)
    result = adopt(store, request(chair="A Chair", clerk="B Clerk"), TODAY)
    assert result.label == "2026"
    assert result.review_due == dt.date(2027, 3, 31)
    with store.session() as session:
        doc = docs.protocol_document(session)
        version = docs.latest_adopted(doc)
        assert version.status == VersionStatus.ADOPTED and version.label == "2026"
        assert docs.draft_of(doc) is None
        row = doc.adoptions[-1]
        assert (row.minute_ref, row.reviewer, row.chair, row.clerk) == (
            "2026-101",
            "G White",
            "A Chair",
            "B Clerk",
        )
        assert row.text_sha256 == sample_text().sha256()
        with pytest.raises(ValueError, match="frozen"):
            docs.write_text(session, version, sample_text("changed"))
    assert verify_chain(store).ok
    assert verify_chain(store).summary() == "The adoption history is intact (1 record checked)."


def test_adopting_supersedes_the_older_version_and_suggests_a_unique_label(store):
    adopted_protocol(store, dt.date(2026, 3, 23), with_draft=True)
    assert suggested_label(store, dt.date(2026, 10, 1)) == "2026v2"
    result = adopt(store, request(adopted_on="2026-10-01", minute_ref="2026-310"), TODAY)
    assert result.label == "2026v2"
    with store.session() as session:
        doc = docs.protocol_document(session)
        statuses = [(v.label, v.status) for v in doc.versions]
        assert statuses == [("2026", "superseded"), ("2026v2", "adopted")]
        assert [a.version_label for a in doc.adoptions] == ["2026", "2026v2"]
        assert doc.adoptions[1].prev_hash == doc.adoptions[0].record_hash


def test_reviewed_no_changes_records_a_new_adoption_of_the_same_text(store):
    adopted_protocol(store, dt.date(2025, 3, 20), interval=24)
    result = adopt(store, request(adopted_on="2026-03-23", no_changes=True), TODAY)
    assert result.no_changes and result.review_due == dt.date(2028, 3, 31)
    with store.session() as session:
        doc = docs.protocol_document(session)
        assert len(doc.versions) == 1
        first, second = doc.adoptions
        assert second.no_changes and second.version_id == first.version_id
        assert second.text_sha256 == first.text_sha256
    assert verify_chain(store).ok
    assert verify_chain(store).summary().endswith("(2 records checked).")


@pytest.mark.parametrize(
    ("kw", "field", "words"),
    [
        (dict(adopted_on="31/02/2026"), "date", "not a real date"),
        (dict(adopted_on="2026-12-01"), "date", "in the future"),
        (dict(adopted_on=""), "date", "Enter the date"),
        (dict(adopted_on="23/03/26"), "date", "not a date"),
        (dict(minute_ref="  "), "minute", "minute reference"),
        (dict(reviewer=""), "reviewer", "reviewer"),
    ],
)
def test_bad_input_is_refused_and_the_store_is_unchanged(store, kw, field, words):
    draft_only(store)
    with pytest.raises(AdoptionError) as caught:
        adopt(store, request(**kw), TODAY)
    assert caught.value.field == field and words in str(caught.value)
    with store.session() as session:
        doc = docs.protocol_document(session)
        assert docs.draft_of(doc) is not None and not doc.adoptions


def test_every_problem_is_reported_by_field(store):
    draft_only(store)
    with store.session() as session:
        problems = check_request(
            session, request(adopted_on="31/02/2026", minute_ref="", reviewer=""), TODAY
        )
    assert set(problems) == {"date", "minute", "reviewer"}


def test_label_already_used_and_no_draft(store):
    adopted_protocol(store, dt.date(2026, 3, 23))
    with pytest.raises(AdoptionError, match="no draft"):
        adopt(store, request(), TODAY)
    with pytest.raises(AdoptionError, match="already in the history"):
        adopt(store, request(no_changes=True, label="2026"), TODAY)


def _tamper(store, sql):
    """Change the store behind the app's back (policy.db or the server database)."""
    from sqlalchemy import text

    with store.engine.begin() as con:
        con.execute(text(sql))


def test_a_tampered_history_row_is_reported(store):
    adopted_protocol(store, dt.date(2025, 3, 20))
    adopt(store, request(adopted_on="2026-03-23", no_changes=True), TODAY)
    _tamper(store, "UPDATE adoption SET minute_ref = '2026-999' WHERE id = 2")
    report = verify_chain(store)
    assert not report.ok
    assert report.problems == [
        "history row 2 (version 2026, adopted 23 March 2026) has been altered"
    ]


def test_a_deleted_history_row_breaks_the_chain(store):
    adopted_protocol(store, dt.date(2024, 3, 20))
    adopt(store, request(adopted_on="2025-03-23", no_changes=True), TODAY)
    adopt(store, request(adopted_on="2026-03-23", no_changes=True), TODAY)
    _tamper(store, "DELETE FROM adoption WHERE id = 2")
    report = verify_chain(store)
    assert any("no longer follows the row before it" in p for p in report.problems)
    assert "history row 2 (version 2026" in report.summary()


def test_altered_adopted_text_is_reported(store):
    adopted_protocol(store, dt.date(2026, 3, 23))
    _tamper(store, "UPDATE block SET text = 'Officers obey councillors.' WHERE position = 0")
    report = verify_chain(store)
    assert report.problems == [
        "the text adopted in history row 1 (version 2026, adopted 23 March 2026) has been altered"
    ]


def test_a_broken_character_is_refused_by_field(store):
    draft_only(store)
    with pytest.raises(AdoptionError) as caught:
        adopt(store, request(reviewer="G Wh\ud83dite"), TODAY)
    assert caught.value.field == "reviewer"
    assert "broken character" in str(caught.value) and "character 5" in str(caught.value)
    with store.session() as session:
        assert not docs.protocol_document(session).adoptions
