"""The register's operations as the window and the command line both call them: each opens and
closes its own transaction, returns plain values, and raises the register's own errors (never
the database library's). A fresh register per test."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pypdf import PdfReader

from mop_desktop.domain.records import Council
from mop_desktop.services.concerns import RegisterLocked, retention
from mop_desktop.services.concerns.council import council, idle_lock_minutes, retention_years
from mop_desktop.services.concerns.errors import RegisterStoreFailure
from mop_desktop.services.concerns.exports import export_case, export_subject_access
from mop_desktop.services.concerns.query import ConcernQuery, ConcernSummary, read_page, search
from mop_desktop.services.concerns.subject_access import candidates

from .conftest import PASSPHRASE


def _text(path, password):
    reader = PdfReader(str(path))
    assert reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


def _council(store, **values):
    from mop_desktop.store.documents import save_council

    with store.session() as session:
        save_council(session, Council(**values))


# -- finding ---------------------------------------------------------------------------------
def test_search_counts_and_reads_the_first_page_as_plain_values(service, make_concern):
    for day in range(1, 6):
        service.add(
            make_concern(raised_on=dt.date(2026, 3, day), summary=f"Shouted at meeting {day}")
        )
    service.add(make_concern(summary="Late papers"))
    total, first = search(service, ConcernQuery(text="shouted"), 2)
    assert total == 5
    assert [type(row) for row in first] == [ConcernSummary, ConcernSummary]
    assert [row.raised_on.day for row in first] == [5, 4]  # newest first
    rest = read_page(service, ConcernQuery(text="shouted"), 2, 10)
    assert [row.raised_on.day for row in rest] == [3, 2, 1]


def test_a_locked_register_is_refused_in_its_own_words(service):
    service.lock()
    with pytest.raises(RegisterLocked, match="the register is locked"):
        search(service, ConcernQuery(), 10)


def test_a_failing_statement_is_the_register_s_error_and_nothing_is_stored(
    service, make_concern, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    from mop_desktop.services.concerns import service as service_module

    def failing(session, concern):
        session.add  # noqa: B018 - the transaction is open: the failure rolls it back
        raise OperationalError("INSERT INTO concern", {"summary": "secret"}, Exception("x"))

    monkeypatch.setattr(service_module, "insert_concern", failing)
    with pytest.raises(RegisterStoreFailure) as caught:
        service.add(make_concern(summary="secret"))
    assert str(caught.value) == "the register could not be read or changed; nothing was changed"
    assert caught.value.not_saved() == (
        "Nothing was saved: the data store could not be written (OperationalError). Try "
        "again; if it keeps failing, see the log."
    )
    assert "secret" not in caught.value.not_saved()
    monkeypatch.undo()
    assert search(service, ConcernQuery(), 10) == (0, [])


def test_a_full_disk_is_said_as_such(service, make_concern, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from mop_desktop.services.concerns import service as service_module
    from mop_desktop.store.failures import DISK_FULL

    def full(session, concern):
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(service_module, "insert_concern", full)
    with pytest.raises(RegisterStoreFailure) as caught:
        service.add(make_concern())
    assert caught.value.failure == DISK_FULL
    assert caught.value.not_saved() == f"Nothing was saved: {DISK_FULL}."


def test_the_key_copy_is_a_copy_and_none_when_locked(service):
    first = service.key_copy()
    assert first is not None and len(first) == 32 and any(first)
    first[:] = bytes(32)  # wiping the copy leaves the register open
    assert service.unlocked and service.key_copy() != first
    service.lock()
    assert service.key_copy() is None


# -- retention ---------------------------------------------------------------------------------
def test_retention_review_and_removal_keep_a_trace(service, make_concern):
    old = service.add(
        make_concern(
            raised_on=dt.date(2017, 6, 1),
            status="closed",
            closed_on=dt.date(2018, 1, 5),
            outcome="Resolved",
        )
    )
    recent = service.add(
        make_concern(
            raised_on=dt.date(2024, 6, 1),
            status="closed",
            closed_on=dt.date(2025, 1, 5),
            outcome="Resolved",
        )
    )
    still_open = service.add(make_concern(raised_on=dt.date(2015, 6, 1)))
    today = dt.date(2026, 3, 23)
    review = retention.review(service, 6, today)
    assert [item.reference for item in review.due] == [old]
    assert review.years == 6 and review.undated == [] and review.traces == []
    with pytest.raises(retention.ConcernNotDue):
        retention.remove(service, still_open, "asked")
    retention.remove(service, old, "retention period of 6 years ended")
    after = retention.review(service, 6, today)
    assert after.due == []
    assert [(t.reference, t.reason) for t in after.traces] == [
        (old, "retention period of 6 years ended")
    ]
    assert [entry.action for entry in service.audit_trail(old)][-1] == "deleted"
    assert [r.reference for r in search(service, ConcernQuery(), 10)[1]] == [recent, still_open]


# -- what the register reads from policy.db ----------------------------------------------------
def test_council_and_register_settings_from_the_protocol_store(store):
    from mop_desktop.store import settings

    assert council(store) == Council()
    assert retention_years(store) == 6 and idle_lock_minutes(store) == 5
    _council(store, name="Oakford Town Council", personnel_chair="Cllr Ann Hale")
    with store.session() as session:
        settings.put(session, settings.RETENTION_YEARS, 7)
        settings.put(session, settings.IDLE_LOCK_MINUTES, 0)
    assert council(store).name == "Oakford Town Council"
    assert council(store).personnel_chair == "Cllr Ann Hale"
    assert retention_years(store) == 7
    assert idle_lock_minutes(store) == 1  # never less than a minute


# -- the exports ------------------------------------------------------------------------------
def test_export_case_writes_the_protected_report_and_tells_its_steps(
    service, store, make_concern, tmp_path
):
    _council(store, name="Oakford Town Council")
    reference = service.add(
        make_concern(about="Cllr Jo Bloggs", about_role="councillor", raised_by="Sam Walker")
    )
    service.add_timeline(reference, dt.date(2026, 3, 24), "Spoke to the chair")
    steps: list[str] = []
    target = tmp_path / "case.pdf"
    pages = export_case(service, store, reference, target, "secret pdf", steps.append)
    assert pages >= 1
    assert steps == ["Reading the case…", "Writing the case report…"]
    text = _text(target, "secret pdf")
    assert reference in text and "Spoke to the chair" in text
    assert "Oakford Town Council" in text
    assert PdfReader(str(target)).is_encrypted


def test_export_subject_access_writes_only_the_chosen_records(
    service, store, make_concern, tmp_path
):
    named = service.add(make_concern(about="Ann Smith", summary="Shouted at Ann Smith"))
    other = service.add(make_concern(about="Ann Smith", summary="Second time"))
    service.add(make_concern(about="Bob Jones"))
    found = candidates(service, "Ann Smith")
    assert [c.reference for c in found] == [named, other]
    assert all(dataclasses.is_dataclass(c) for c in found)
    target = tmp_path / "sar.pdf"
    steps: list[str] = []
    written = export_subject_access(
        service, store, "Ann Smith", [named], target, "secret pdf", steps.append
    )
    assert (written.records, written.files) == (1, 0)
    assert steps[-1] == "Writing the subject access export…"
    text = _text(target, "secret pdf")
    assert named in text and other not in text and "Bob Jones" not in text


def test_export_of_an_unknown_case_writes_nothing(service, store, tmp_path):
    from mop_desktop.services.concerns.service import UnknownConcern

    target = tmp_path / "case.pdf"
    with pytest.raises(UnknownConcern):
        export_case(service, store, "C-2026-999", target, "secret pdf")
    assert not target.exists()


def test_passphrase_fixture_is_the_register_s(service):
    service.lock()
    service.unlock(PASSPHRASE)
    assert service.unlocked
