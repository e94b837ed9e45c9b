"""The PDF path's read of policy.db through sqlite3 (``store.light_text``) gives what the ORM
gives: the same text, council, history and choice of version, for both samples and the model
protocol, adopted and draft."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.records import Adoption, Council
from mop_desktop.store import documents as docs
from mop_desktop.store import row_values, settings
from mop_desktop.store.light_text import open_light
from tests.services.pdf_support import (
    model_protocol_text,
    put_adopted,
    put_draft,
    sample_text,
    set_council,
)

SAMPLES = ("borough-model-protocol.txt", "peacehaven-protocol.txt")


def _orm(store):
    """(title, versions as (id, label, status, text), history, council) through the ORM."""
    with store.session() as session:
        doc = docs.protocol_document(session)
        versions = [(v.id, v.label, str(v.status), docs.load_text(v)) for v in doc.versions]
        return (doc.title, versions, docs.history(doc), docs.get_council(session),
                docs.get_council_logo(session))


def _light(store):
    with open_light(store.path) as light:
        doc = light.protocol()
        versions = [(v.id, v.label, v.status, light.text(v)) for v in doc.versions]
        return doc.title, versions, light.history(doc), light.council(), light.logo()


def _assert_same(store) -> None:
    orm, light = _orm(store), _light(store)
    assert light[0] == orm[0]
    assert [v[:3] for v in light[1]] == [v[:3] for v in orm[1]]
    for (_i, label, _s, light_text), (_j, _l, _t, orm_text) in zip(light[1], orm[1],
                                                                    strict=True):
        assert light_text == orm_text, label
        assert light_text.sha256() == orm_text.sha256()
    assert light[2] == orm[2]  # every column of every history row
    assert light[3:] == orm[3:]


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_adopted_then_with_a_draft_read_alike(store, samples, name):
    text, history, council = sample_text(samples / name)
    put_adopted(store, text, history, council or "Example Town Council",
                chair="A Chair", clerk="A Clerk")
    _assert_same(store)
    draft = text.clone()
    draft.sections[0].blocks[0].text += " Revised."
    put_draft(store, draft)
    _assert_same(store)


def test_model_protocol_as_draft_then_adopted_twice_reads_alike(store):
    text = model_protocol_text()
    set_council(store, Council(name="Little Snoring Parish Council", clerk="J Smith",
                               chair="P Jones", principal_authority="North Norfolk DC",
                               address="The Village Hall\nLittle Snoring"))
    put_draft(store, text)
    _assert_same(store)
    put_adopted(store, text, [])
    later = text.clone()
    later.sections[-1].blocks[-1].text += " Updated."
    put_adopted(store, later, [Adoption("2027", dt.date(2027, 3, 1), "FC 27/12",
                                        dt.date(2028, 3, 31), "G White", no_changes=True)])
    with store.session() as session:
        docs.set_council_logo(session, b"\x89PNG not really an image")
    _assert_same(store)
    with store.session() as session:
        doc = docs.protocol_document(session)
        orm_picks = (docs.latest_adopted(doc).id, docs.version_by_label(doc, "2026").status,
                     docs.draft_of(doc).id, docs.current_version(doc).id)
    with open_light(store.path) as light:
        doc = light.protocol()
        assert (row_values.latest_adopted(doc).id,
                row_values.version_by_label(doc, "2026").status,
                row_values.draft_of(doc).id,
                row_values.current_version(doc).id) == orm_picks
        assert orm_picks[1] == "superseded"


def test_settings_read_alike(store):
    with store.session() as session:
        settings.put(session, settings.SIGNATURE_CHAIR, "/somewhere/chair.png")
    with open_light(store.path) as light:
        stored = light.setting_text(settings.SIGNATURE_CHAIR.key)
        unset = light.setting_text(settings.SIGNATURE_CLERK.key)
    with store.session() as session:
        assert settings.decode(settings.SIGNATURE_CHAIR, stored) == settings.get(
            session, settings.SIGNATURE_CHAIR) == "/somewhere/chair.png"
        assert settings.decode(settings.SIGNATURE_CLERK, unset) == settings.get(
            session, settings.SIGNATURE_CLERK) == ""


def test_connection_has_the_engines_pragmas(store):
    names = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    with store.engine.connect() as connection:
        orm = [connection.exec_driver_sql(f"PRAGMA {n}").scalar() for n in names]
    with open_light(store.path) as light:
        assert [light.con.execute(f"PRAGMA {n}").fetchone()[0] for n in names] == orm
    assert orm == ["wal", 2, 1, 10000]
