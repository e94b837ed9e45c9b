import shutil
import sqlite3

import pytest

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.store import documents as docs
from mop_desktop.store.db import (
    DamagedStoreError,
    NewerSchemaError,
    head_revision,
    open_store,
    read_revision,
)
from tests.conftest import ROOT

FIXTURE_0001 = ROOT / "tests" / "store" / "data" / "policy-0001.db"


def test_new_store_has_pragmas_and_head_schema(store):
    with store.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert read_revision(store.path) == head_revision()


def test_alembic_agrees_on_the_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mop_desktop.store.db import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_heads() == [head_revision()]


def test_migrated_schema_matches_the_models(store):
    from mop_desktop.store.models import Base

    con = sqlite3.connect(store.path)
    for table in Base.metadata.sorted_tables:
        columns = {r[1] for r in con.execute(f"PRAGMA table_info({table.name})")}
        assert columns == {c.name for c in table.columns}, table.name
    con.close()


def test_text_round_trips_through_the_store(store):
    text = DocumentText(
        "Protocol",
        [
            Section(
                "Intro",
                [
                    Block("first"),
                    Block(
                        "lead in:",
                        numbered=False,
                        list_style="lower-alpha",
                        items=[ListItem("x", [ListItem("y")])],
                    ),
                ],
            ),
        ],
    )
    with store.session() as s:
        doc = docs.ensure_protocol(s)
        docs.create_version(s, doc, text)
    with store.session() as s:
        loaded = docs.load_text(docs.current_version(docs.protocol_document(s)))
    assert loaded.canonical_json() == text.canonical_json()
    assert loaded.sections[0].blocks[0].number == "1.1"


def test_adopted_text_is_frozen(store):
    from mop_desktop.domain.records import VersionStatus

    with store.session() as s:
        doc = docs.ensure_protocol(s)
        v = docs.create_version(
            s,
            doc,
            DocumentText("P", [Section("S", [Block("a")])]),
            status=VersionStatus.ADOPTED,
            label="2026",
        )
        with pytest.raises(ValueError, match="frozen"):
            docs.write_text(s, v, DocumentText("P", [Section("S", [Block("changed")])]))


def test_older_schema_is_copied_aside_then_upgraded(tmp_path):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0001, db)
    aside = tmp_path / "aside"
    store = open_store(db, aside)
    try:
        assert read_revision(db) == head_revision()
        kept = list(aside.glob("policy-schema-0001-*.db"))
        assert len(kept) == 1 and read_revision(kept[0]) == "0001"
        with store.session() as s:
            doc = docs.protocol_document(s)
            text = docs.load_text(docs.current_version(doc))
            assert text.sections[0].blocks[1].items[1].text == "Respect, dignity and courtesy."
            assert docs.history(doc)[0].minute_ref == "2025-110"
            assert docs.get_council(s).personnel_chair == ""
    finally:
        store.close()


def test_newer_schema_is_refused_and_untouched(tmp_path):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0001, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer release"):
        open_store(db, tmp_path / "aside")
    assert db.read_bytes() == before


def test_zero_length_and_garbage_are_refused(tmp_path):
    empty = tmp_path / "policy.db"
    empty.write_bytes(b"")
    with pytest.raises(DamagedStoreError, match="empty"):
        open_store(empty)
    garbage = tmp_path / "g" / "policy.db"
    garbage.parent.mkdir()
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DamagedStoreError):
        open_store(garbage)
    assert garbage.read_bytes() == b"this is not a database" * 100
