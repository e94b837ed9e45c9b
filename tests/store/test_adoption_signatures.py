"""Migration 0004: the signature images recorded with each adoption. A store from before it
gains the table, empty: its adoptions print no signature images."""

from __future__ import annotations

import shutil
import sqlite3

from mop_desktop.store.db import head_revision, open_store, read_revision
from tests.store.test_db import FIXTURE_0001


def test_an_older_store_gains_an_empty_signature_table(tmp_path):
    db = tmp_path / "policy.db"
    shutil.copy(FIXTURE_0001, db)
    open_store(db, tmp_path / "aside").close()
    assert read_revision(db) == head_revision()
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT COUNT(*) FROM adoption_signature").fetchone() == (0,)
        assert con.execute("SELECT COUNT(*) FROM adoption").fetchone()[0] >= 1
    finally:
        con.close()
