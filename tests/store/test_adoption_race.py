"""What makes one adoption win, piece by piece: the unique label index (migration 0003), the
write transaction taken before reading, and the re-check under it."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from mop_desktop.services import adoption
from mop_desktop.services.adoption import AdoptionError, AdoptionRequest, adopt
from mop_desktop.services.drafts import start_new_draft
from mop_desktop.store import documents as docs
from mop_desktop.store.db import head_revision, open_store, read_revision
from tests.conftest import ROOT
from tests.store.safety_helpers import populate

FIXTURE_0002 = ROOT / "tests" / "store" / "data" / "policy-0002.db"
TODAY = dt.date(2026, 12, 1)


def _request(minute: str = "2026-101", **kw) -> AdoptionRequest:
    return AdoptionRequest("2026-03-23", minute, "G White", **kw)


def test_the_database_refuses_a_second_row_with_one_label(store):
    from sqlalchemy.exc import IntegrityError

    from mop_desktop.domain.records import Adoption

    populate(store, versions=1)
    with pytest.raises(IntegrityError), store.session() as s:
        doc = docs.protocol_document(s)
        docs.append_adoption(
            s,
            doc,
            Adoption(
                version_label="2020",
                adopted_on=dt.date(2026, 1, 1),
                minute_ref="x",
                review_due=dt.date(2027, 1, 31),
                reviewer="G White",
            ),
        )


def test_an_adoption_that_loses_on_the_index_says_adopted_meanwhile(store, monkeypatch):
    """As on PostgreSQL, where no BEGIN IMMEDIATE serialises the two: the other adoption's
    row arrives between the re-check and the insert; the index refuses this one."""
    populate(store, versions=1)
    monkeypatch.setattr(adoption, "_same_resolution", lambda doc, request: False)
    real_append = docs.append_adoption

    def append_twice(session, doc, record, **kw):
        from mop_desktop.domain.records import Adoption

        twin = Adoption(**{**record.__dict__, "minute_ref": "other"})
        real_append(session, doc, twin, **kw)  # "another program" with the same label
        session.flush()
        return real_append(session, doc, record, **kw)

    monkeypatch.setattr(docs, "append_adoption", append_twice)
    with pytest.raises(AdoptionError, match=r"the draft was adopted meanwhile \(version 2020"):
        adopt(store, _request(), TODAY)
    with store.session() as s:
        assert [r.version_label for r in docs.protocol_document(s).adoptions] == ["2020"]


def test_the_same_resolution_sent_again_is_adopted_meanwhile(store):
    populate(store, versions=1)
    first = adopt(store, _request(), TODAY)
    assert first.label == "2026"
    with pytest.raises(
        AdoptionError,
        match=r"adopted meanwhile \(version 2026\): there is "
        "no draft left",
    ):
        adopt(store, _request(), TODAY)  # the draft is gone: the same resolution, seen again
    with pytest.raises(AdoptionError, match=r"adopted meanwhile \(version 2026\)"):
        adopt(store, _request(no_changes=True), TODAY)
    second = adopt(store, _request("2026-140", no_changes=True), TODAY)
    assert second.label == "2026v2"


def test_a_change_between_the_check_and_the_lock_is_refused(store, monkeypatch):
    populate(store, versions=1)
    real = adoption._adopt_locked

    def other_program_first(store_, request, today, seen):
        with store_.session() as s:  # another program adopts the draft meanwhile
            doc = docs.protocol_document(s)
            draft = docs.draft_of(doc)
            draft.status, draft.label = "adopted", "2026-other"
        return real(store_, request, today, seen)

    monkeypatch.setattr(adoption, "_adopt_locked", other_program_first)
    with pytest.raises(AdoptionError, match="adopted meanwhile"):
        adopt(store, _request(), TODAY)


def test_the_write_session_holds_the_lock_from_its_start(store, app_paths):
    populate(store, versions=1)
    with store.write_session() as s:
        docs.protocol_document(s)  # only read so far
        other = sqlite3.connect(app_paths.policy_db, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_migration_0003_adds_the_index_to_an_older_store(tmp_path):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0002, db)
    open_store(db, tmp_path / "aside").close()
    assert read_revision(db) == head_revision()
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    con.close()
    assert "uq_adoption_document_label" in names


def test_a_store_that_already_holds_a_label_twice_still_opens(tmp_path):
    """Written by an earlier release during a race: it opens (without the index); the
    duplicate stays for the clerk to see, and a new adoption still gets a fresh label."""
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0002, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE adoption SET version_label = '2020'")
    con.commit()
    con.close()
    store = open_store(db, tmp_path / "aside")
    try:
        assert read_revision(db) == head_revision()
        start = docs.protocol_document
        with store.session() as s:
            assert [r.version_label for r in start(s).adoptions] == ["2020", "2020"]
        if not _has_draft(store):
            start_new_draft(store)
        assert adopt(store, _request(), TODAY).label == "2026"
    finally:
        store.close()


def _has_draft(store) -> bool:
    with store.session() as s:
        return docs.draft_of(docs.protocol_document(s)) is not None


def test_a_backup_of_a_store_without_the_index_restores(tmp_path):
    from mop_desktop.paths import AppPaths
    from mop_desktop.store.backup import write_bundle
    from mop_desktop.store.restore import restore_bundle

    source = AppPaths(tmp_path / "source")
    source.ensure()
    shutil.copy(FIXTURE_0002, source.policy_db)
    con = sqlite3.connect(source.policy_db)
    con.execute("UPDATE adoption SET version_label = '2020'")
    con.commit()
    con.close()
    open_store(source.policy_db, source.kept_aside).close()
    bundle = write_bundle(source, tmp_path / "b.zip")
    target = AppPaths(tmp_path / "target")
    result = restore_bundle(target, bundle)
    assert result.restored == ["policy.db"]
