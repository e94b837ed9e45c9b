"""The repository loads what was stored (texts, versions, history, council, settings,
meetings, signatures) as domain values, and records exports through the ORM."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.protocol import Meeting
from mop_desktop.domain.records import Adoption, Council, VersionStatus
from mop_desktop.services.meetings import add_meeting
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.models import AdoptionSignatureRow, MeetingRow
from mop_desktop.store.protocol_repo import read_summary, reading
from tests.services.pdf_support import (
    model_protocol_text,
    put_adopted,
    put_draft,
    sample_text,
    set_council,
)

D = dt.date
SAMPLES = ("borough-model-protocol.txt", "peacehaven-protocol.txt")


@pytest.mark.parametrize("name", SAMPLES)
def test_each_version_reads_back_as_it_was_written(store, samples, name):
    text, history, council = sample_text(samples / name)
    put_adopted(store, text, history, council or "Example Town Council")
    draft = text.clone()
    draft.sections[0].blocks[0].text += " Revised."
    put_draft(store, draft)
    with reading(store) as repo:
        protocol = repo.protocol()
        assert protocol is not None
        adopted, current = protocol.adopted, protocol.draft
        assert adopted is not None and current is not None
        adopted_text, draft_text = repo.text(adopted), repo.text(current.id)
        assert repo.council().name == (council or "Example Town Council")
    assert adopted_text == text.clone().renumber()
    assert draft_text == draft.clone().renumber()
    assert adopted_text.sha256() == adopted.text_sha256  # as write_text hashed it
    assert draft_text.sha256() == current.text_sha256
    assert current.based_on_id == adopted.id
    assert [a.version_label for a in protocol.history()] == [a.version_label for a in history]
    assert protocol.last_adoption.version_id == adopted.id


def test_versions_history_council_logo_and_signatures(store):
    text = model_protocol_text()
    council = Council(
        name="Little Snoring Parish Council",
        clerk="J Smith",
        chair="P Jones",
        principal_authority="North Norfolk DC",
        address="The Village Hall\nLittle Snoring",
    )
    set_council(store, council)
    put_adopted(store, text, [])
    later = text.clone()
    later.sections[-1].blocks[-1].text += " Updated."
    put_adopted(
        store,
        later,
        [
            Adoption(
                "2027",
                D(2027, 3, 1),
                "FC 27/12",
                D(2028, 3, 31),
                "G White",
                adopted_by="Staffing Committee",
            )
        ],
    )
    with store.session() as session:
        docs.set_council_logo(session, b"\x89PNG not really an image")
        doc = docs.protocol_document(session)
        last = doc.adoptions[-1]
        session.add(AdoptionSignatureRow(adoption_id=last.id, role="chair", image=b"ink"))
        stored_history = docs.history(doc)
    with reading(store) as repo:
        protocol = repo.protocol()
        assert [(v.label, v.status) for v in protocol.versions] == [
            ("2026", VersionStatus.SUPERSEDED),
            ("2027", VersionStatus.ADOPTED),
        ]
        assert protocol.history() == stored_history  # every column of every row
        assert protocol.last_adoption.adopted_by == "Staffing Committee"
        assert repo.council() == council
        assert repo.logo() == b"\x89PNG not really an image"
        assert repo.signatures(protocol.last_adoption.id) == {"chair": b"ink"}
        assert repo.signatures(protocol.adoptions[0].id) == {}
        assert repo.version_status(protocol.versions[0].id) == "superseded"
        assert repo.version_status(999) is None


def test_summary_of_an_empty_store_and_of_a_draft_only(store):
    empty = read_summary(store)
    assert (empty.council_name, empty.protocol, empty.meetings) == ("", None, ())
    with store.session() as session:
        docs.ensure_protocol(session)  # a document with no version yet
    assert read_summary(store).protocol is None
    put_draft(store, model_protocol_text())
    summary = read_summary(store)
    assert summary.protocol is not None and summary.protocol.adopted is None
    assert summary.protocol.draft is not None


def test_summary_settings_and_meetings(store):
    put_adopted(store, model_protocol_text(), [])
    add_meeting(store, D(2026, 5, 14), "Annual meeting", "Village Hall")
    add_meeting(store, D(2025, 9, 1))
    with store.session() as session:
        session.add(MeetingRow(date=D(2026, 1, 8), body="Staffing Committee"))
        settings.put(session, settings.REMINDER_LEAD_DAYS, 120)
    summary = read_summary(store)
    assert summary.meetings == (
        Meeting(D(2025, 9, 1), "Full Council", "Full Council", ""),
        Meeting(D(2026, 1, 8), "Staffing Committee", "", ""),
        Meeting(D(2026, 5, 14), "Full Council", "Annual meeting", "Village Hall"),
    )
    assert summary.meeting_dates == (D(2025, 9, 1), D(2026, 1, 8), D(2026, 5, 14))
    assert (
        settings.decode(
            settings.REMINDER_LEAD_DAYS, summary.settings[settings.REMINDER_LEAD_DAYS.key]
        )
        == 120
    )
    with reading(store) as repo:
        assert repo.meetings(since=D(2026, 1, 9)) == summary.meetings[2:]
        assert repo.setting_text(settings.SIGNATURE_CLERK.key) is None


def test_an_export_is_recorded_through_the_orm(store):
    put_adopted(store, model_protocol_text(), [])
    with reading(store) as repo:
        version = repo.protocol().adopted
        first = repo.record_export(
            version_id=version.id,
            version_label="2026",
            kind="protocol",
            path="/tmp/a.pdf",
            sha256="ab" * 32,
        )
        second = repo.record_export(
            version_id=None,
            version_label="2026v2",
            kind="redline",
            path="/tmp/b.pdf",
            sha256="cd" * 32,
        )
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert first <= second <= before  # naive UTC, as the ORM stamps every row
    with reading(store) as repo:
        assert repo.exports_with("ab" * 32, "protocol") == [(version.id, "2026")]
        assert repo.exports_with("ab" * 32, "redline") == []
        assert [e[:4] for e in repo.exports()] == [
            ("/tmp/b.pdf", "redline", "2026v2", "cd" * 32),
            ("/tmp/a.pdf", "protocol", "2026", "ab" * 32),
        ]


def test_a_failed_block_records_nothing(store):
    put_adopted(store, model_protocol_text(), [])
    with pytest.raises(RuntimeError), reading(store) as repo:
        repo.record_export(
            version_id=None, version_label="x", kind="protocol", path="p", sha256="ef" * 32
        )
        raise RuntimeError("the PDF could not be written")
    with reading(store) as repo:
        assert repo.exports() == []


def test_a_status_changed_by_hand_is_never_the_draft_or_the_version_in_force(store):
    put_adopted(store, model_protocol_text(), [])
    put_draft(store, model_protocol_text())
    with store.session() as session:
        for version in docs.protocol_document(session).versions:
            version.status = "pending"  # not a status this release writes
    summary = read_summary(store)
    assert summary.protocol is not None
    assert (summary.protocol.draft, summary.protocol.adopted) == (None, None)
    assert {v.status for v in summary.protocol.versions} == {VersionStatus.SUPERSEDED}


def test_the_repository_names_no_database_engine():
    """It must run on PostgreSQL as on SQLite: no driver, pragma or hand-written SQL."""
    import ast

    from mop_desktop.store import protocol_repo

    tree = ast.parse(open(protocol_repo.__file__, encoding="utf-8").read())
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert not imported & {"sqlite3", "psycopg", "sqlcipher3"}
    calls = {
        n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
    }
    assert not calls & {"text", "exec_driver_sql", "execute_raw"}


def test_one_read_sees_one_text_while_another_pc_saves_the_draft(pg_url):
    """On a server each statement would otherwise see the newest commit: a draft saved by
    another PC between the repository's queries must not mix two texts into one read."""
    from mop_desktop.services import drafts
    from mop_desktop.services.workspace import start_from_text
    from mop_desktop.store.db import open_store
    from tests.gui.test_protocol_page import protocol_text

    mine, other = open_store(pg_url), open_store(pg_url)
    try:
        start_from_text(mine, protocol_text())
        before = drafts.load_current(mine)
        assert before is not None
        with reading(mine) as repo:
            protocol = repo.protocol()
            assert protocol is not None and protocol.current is not None
            changed = before.text.clone()
            changed.sections[0].blocks[0].text = "Saved on the deputy's PC meanwhile."
            drafts.save_draft(other, changed, revision=before.revision)
            seen = repo.text(protocol.current)
        assert seen.sections[0].blocks[0].text == before.text.sections[0].blocks[0].text
        after = drafts.load_current(mine)
        assert after is not None
        assert after.text.sections[0].blocks[0].text == "Saved on the deputy's PC meanwhile."
    finally:
        mine.close()
        other.close()
