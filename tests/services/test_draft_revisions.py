"""Optimistic saving of the draft: a save from an older revision is refused with who saved it
and when; concurrent additions all land (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from mop_desktop.domain.document import Block, DocumentText, Section
from mop_desktop.services import drafts
from mop_desktop.services.workspace import start_from_text
from mop_desktop.store.db import open_store
from mop_desktop.store.models import MeetingRow, VersionRow


def text(words: str) -> DocumentText:
    return DocumentText(title="Protocol", sections=[Section("Intro", [Block(words)])]).renumber()


@pytest.fixture
def shared(store_url):
    first = open_store(store_url)
    yield first
    first.close()


def test_a_save_from_an_older_revision_is_refused_with_who_and_when(shared, store_url):
    start_from_text(shared, text("Purpose"))
    other_pc = open_store(store_url)
    try:
        mine = drafts.load_current(shared)
        theirs = drafts.load_current(other_pc)
        assert mine.revision == theirs.revision
        saved = drafts.save_draft(
            other_pc, text("Their words"), revision=theirs.revision, saver="Deputy Clerk"
        )
        assert saved == theirs.revision + 1
        with pytest.raises(drafts.DraftConflict) as refused:
            drafts.save_draft(shared, text("My words"), revision=mine.revision, saver="Clerk")
        message = str(refused.value)
        assert "saved by Deputy Clerk at " in message and "reload" in message
        assert refused.value.saved_by == "Deputy Clerk" and refused.value.revision == saved
        # nothing was written over theirs
        assert drafts.load_current(shared).text.sections[0].blocks[0].text == "Their words"
        # after reloading, the clerk saves on top of their revision
        fresh = drafts.load_current(shared)
        assert drafts.save_draft(shared, text("Both"), revision=fresh.revision) == saved + 1
        with shared.session() as s:
            draft = s.query(VersionRow).filter_by(status="draft").one()
            assert draft.saved_by == drafts.officer_name() and draft.saved_at is not None
    finally:
        other_pc.close()


def test_officer_name_is_the_configured_one(monkeypatch):
    monkeypatch.setenv("MOP_OFFICER", "  Responsible Financial Officer ")
    assert drafts.officer_name() == "Responsible Financial Officer"


def test_twenty_additions_at_once_all_land(pg_url):
    """Meetings, exports and settings added by twenty connections at the same moment."""
    from mop_desktop.store import settings
    from mop_desktop.store.models import ExportRow

    stores = [open_store(pg_url) for _ in range(20)]
    barrier = threading.Barrier(20)
    errors: list[BaseException] = []

    def add(n: int) -> None:
        try:
            barrier.wait()
            with stores[n].session() as s:
                s.add(
                    MeetingRow(
                        date=dt.date(2027, 1, 1) + dt.timedelta(days=n), title=f"Meeting {n}"
                    )
                )
                s.add(ExportRow(kind="protocol", path=f"/x/{n}.pdf", sha256=f"{n:064x}"))
                settings.put(s, settings.Setting(f"test.key{n}", "", "test"), f"value {n}")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        with stores[0].session() as s:
            assert sorted(m.title for m in s.query(MeetingRow)) == sorted(
                f"Meeting {n}" for n in range(20)
            )
            assert s.query(ExportRow).count() == 20
            assert all(
                settings.get(s, settings.Setting(f"test.key{n}", "", "t")) == f"value {n}"
                for n in range(20)
            )
    finally:
        for s in stores:
            s.close()


def test_twenty_drafts_saved_at_once_one_wins_each_revision(pg_url):
    first = open_store(pg_url)
    start_from_text(first, text("Start"))
    base = drafts.load_current(first).revision
    stores = [open_store(pg_url) for _ in range(20)]
    barrier = threading.Barrier(20)
    outcome: list[str] = []

    def save(n: int) -> None:
        barrier.wait()
        try:
            drafts.save_draft(stores[n], text(f"Words {n}"), revision=base, saver=f"PC {n}")
            outcome.append("saved")
        except drafts.DraftConflict:
            outcome.append("refused")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert sorted(outcome) == ["refused"] * 19 + ["saved"]
        assert drafts.load_current(first).revision == base + 1
    finally:
        first.close()
        for s in stores:
            s.close()
