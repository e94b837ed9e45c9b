"""Saving an import into a store that already holds a protocol and its history."""

from __future__ import annotations

from pathlib import Path

from mop_desktop.services.importer import read_protocol
from mop_desktop.services.workspace import save_import, show


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_importing_the_same_adopted_protocol_twice_changes_nothing(store, samples):
    path = samples / "borough-model-protocol.txt"
    assert save_import(store, read_protocol(path)) == "adopted"
    first = show(store)
    result = read_protocol(path)
    assert save_import(store, result) == "adopted"
    assert show(store) == first
    assert len(first["history"]) == 7
    from mop_desktop.store import documents as docs

    with store.session() as session:
        versions = docs.protocol_document(session).versions
        assert [(v.label, str(v.status)) for v in versions] == [("2026", "adopted")]


def test_an_older_protocol_does_not_rewrite_the_history(store, samples, tmp_path):
    save_import(store, read_protocol(samples / "borough-model-protocol.txt"))
    old = _write(
        tmp_path,
        "old.txt",
        "Old Protocol\n\nAdopted 16th October 2017. (To be reviewed October 2019)\n\n"
        "1. Introduction\n\n1.1 Older words.\n",
    )
    result = read_protocol(old)
    assert save_import(store, result) == "draft"
    data = show(store)
    assert data["status"] == "draft"
    assert data["sections"][0]["blocks"][0]["text"] == "Older words."
    assert [h["adopted_on"] for h in data["history"]][-1] == "2026-03-23"
    assert len(data["history"]) == 7
    assert data["review_due"] == "2027-03-31"
    assert any("not added" in w for w in result.warnings)
    assert any("imported as the draft" in w for w in result.warnings)


def test_a_newer_adoption_supersedes_the_adopted_version(store, tmp_path):
    first = _write(tmp_path, "a.txt", "Protocol\n\nPolicy adopted: 1st May 2023\n\nText one.\n")
    second = _write(
        tmp_path,
        "b.txt",
        "Protocol\n\nPolicy adopted: 1st May 2023\n\nPolicy adopted: 2nd May 2024\n\n"
        "Review Date: May 2025\n\nText two.\n",
    )
    assert save_import(store, read_protocol(first)) == "adopted"
    assert save_import(store, read_protocol(second)) == "adopted"
    data = show(store)
    assert (data["version"], data["adopted_on"], data["review_due"]) == (
        "2024",
        "2024-05-02",
        "2025-05-31",
    )
    assert [h["adopted_on"] for h in data["history"]] == ["2023-05-01", "2024-05-02"]
    assert data["sections"][0]["blocks"][0]["text"] == "Text two."
