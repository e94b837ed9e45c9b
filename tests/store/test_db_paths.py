"""The store is the file in the data folder, whatever the folder is called: names holding
"%20", "?", "#" or accents are given to SQLite as they are, never read as a URL."""

from __future__ import annotations

import errno

import pytest

from mop_desktop.store import failures
from mop_desktop.store.db import open_store
from tests.store.safety_helpers import populate


@pytest.mark.parametrize("name", ["Council%20files", "What?", "Council #2", "Cyngor Tŷ Ddu"])
def test_the_store_is_the_file_in_the_folder_named(tmp_path, monkeypatch, name):
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "policy.db"
    store = open_store(path)
    populate(store, versions=1, meetings=1)
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name], "no file made elsewhere"
    import sqlite3

    con = sqlite3.connect(str(path))  # the file itself, by its plain name
    try:
        assert con.execute("SELECT count(*) FROM meeting").fetchone()[0] == 1
    finally:
        con.close()
    monkeypatch.setattr(failures, "write_trouble", lambda _folder: errno.EROFS)
    read_only = open_store(path)
    try:
        assert read_only.read_only == errno.EROFS
        from mop_desktop.store.models import MeetingRow

        with read_only.session() as s:
            assert s.query(MeetingRow).count() == 1
    finally:
        read_only.close()
