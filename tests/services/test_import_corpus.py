"""The import corpus: real council documents (tests/data/corpus), each imported into a fresh
store and compared, check by check, with what a correct import holds.

Each document ``NN-name.txt|.docx|.pdf`` has a hand-written ``NN-name.expect.json`` (title,
council, status, headings, clause numbers, list counts, history, review interval), written from
the document itself, never from the importer's output. A .docx or .pdf made from one of the
texts by ``make_variants.py`` names that text in ``"words_from"`` for the word check.

A (document, check) the importer gets wrong today is listed in KNOWN_GAPS and runs as a
non-strict xfail: the expectation itself is never loosened, so the moment the importer gets it
right the case passes (XPASS) and the entry can be struck out. docs/import-corpus.md has the
table of results.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
SUFFIXES = (".txt", ".docx", ".pdf")
CHECKS = (
    "imports", "words", "title", "council", "status", "headings", "clause_numbers",
    "list_counts", "history", "review_interval",
)  # fmt: skip

# (document stem, check) -> what today's importer does wrong. Kept in this one place.
# fmt: off
KNOWN_GAPS: dict[tuple[str, str], str] = {
    # empty: the importer passes every check of the corpus; a gap found later is listed here
}
# fmt: on


def _documents() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in SUFFIXES and _expect_path(p).exists())


def _expect_path(path: Path) -> Path:
    return path.with_name(path.stem + ".expect.json")


# the expect.json key each check needs; a key left out (value unsure) means no such case
_KEYS = {"title": "title", "council": "council", "status": "status", "headings": "headings",
         "clause_numbers": "clause_numbers", "list_counts": "list_counts", "history": "history",
         "review_interval": "review_interval_months"}  # fmt: skip


def _cases():
    for path in _documents():
        expect = json.loads(_expect_path(path).read_text(encoding="utf-8"))
        for check in CHECKS:
            if check in _KEYS and _KEYS[check] not in expect:
                continue
            reason = KNOWN_GAPS.get((path.stem, check))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            yield pytest.param(path, check, marks=marks, id=f"{path.name}-{check}")


# -- one import per document, into its own fresh store ----------------------------------------
_IMPORTED: dict[Path, tuple[dict[str, Any] | None, str]] = {}


_EMPTY_STORE: list[Path] = []


def _fresh_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A data folder holding a new, empty store (a copy of one made once: creating the
    schema for each of the documents would take most of the test's time)."""
    import shutil

    from mop_desktop.paths import resolve_paths
    from mop_desktop.store.db import open_store

    if not _EMPTY_STORE:
        empty = tmp_path_factory.mktemp("empty-store")
        paths = resolve_paths(empty)
        open_store(paths.policy_db, paths.kept_aside).close()
        _EMPTY_STORE.append(empty)
    folder = tmp_path_factory.mktemp(name)
    shutil.copytree(_EMPTY_STORE[0], folder, dirs_exist_ok=True)
    return folder


def _imported(path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if path not in _IMPORTED:
        _IMPORTED[path] = _import(path, _fresh_folder(tmp_path_factory, path.stem[:20]))
    data, error = _IMPORTED[path]
    if data is None:
        pytest.fail(f"{path.name} was not imported: {error}")
    return data


def _import(path: Path, folder: Path) -> tuple[dict[str, Any] | None, str]:
    from mop_desktop.paths import resolve_paths
    from mop_desktop.services.importer import ImportFailed, read_protocol
    from mop_desktop.services.workspace import save_import, show
    from mop_desktop.store.db import open_store

    try:
        result = read_protocol(path)
    except ImportFailed as exc:
        return None, str(exc)
    paths = resolve_paths(folder)
    store = open_store(paths.policy_db, paths.kept_aside)
    try:
        save_import(store, result)
        data = show(store)
    finally:
        store.close()
    return (data, "") if data is not None else (None, "nothing to show after the import")


# -- reading the JSON -------------------------------------------------------------------------
def _blocks(data: dict) -> list[dict]:
    return [b for s in data["sections"] for b in s["blocks"]]


def _headings(data: dict) -> list[list[str]]:
    return [[s["number"], s["heading"]] for s in data["sections"] if s["number"] or s["heading"]]


def _clause_numbers(data: dict) -> list[str]:
    numbers: list[str] = []
    for section in data["sections"]:
        if section["number"]:
            numbers.append(section["number"])
        numbers.extend(b["number"] for b in section["blocks"] if b["number"])
    return numbers


def _list_count(data: dict, key: str) -> int | None:
    """Items directly under the block numbered ``key``, or else under the first block whose
    text starts with ``key`` (for a list led in by an unnumbered paragraph)."""
    blocks = _blocks(data)
    for block in blocks:
        if block["number"] == key:
            return len(block["items"])
    for block in blocks:
        if block["text"].startswith(key):
            return len(block["items"])
    return None


def _blank(value: Any) -> Any:
    return None if value in ("", None) else value


# -- word coverage ----------------------------------------------------------------------------
_MARKER = re.compile(
    r"^\s*(?:[-*\u00b7\u2022\u25aa\u25cf\u2013\u2014o](?:\s+|$))?"  # a bullet
    r"(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\(\d{1,3}\)|\(?[a-z]\)|[a-z]\.|\(?[ivxlc]{1,6}\)"
    r"|[ivxlc]{1,6}\.)(?:\s+|$))?",  # 1. 1.1 (1) (a) a) a. (iv) iv)  iv.
    re.IGNORECASE,
)
_PUNCT = "\"'“”‘’()[]{}.,;:!?*·•▪–—-_/\\"


_CLAUSE_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?")  # 1.1, 2.10. (checked on their own)


def _tokens(text: str) -> list[str]:
    """Lower-case words without surrounding punctuation; a clause number such as 1.5 met
    inside a line, or glued to its first word ('1.3All'), is left out (clause numbers have a
    check of their own)."""
    out = []
    for raw in text.split():
        word = _CLAUSE_NUMBER.sub("", raw.strip(_PUNCT)).strip(_PUNCT).lower()
        if word:
            out.append(word)
    return out


def _json_words(data: dict) -> Counter:
    words: list[str] = []
    for value in (data.get("title"), data.get("council")):
        words.extend(_tokens(value or ""))

    def walk(items):
        for item in items:
            if isinstance(item, str):
                words.extend(_tokens(item))
            else:
                words.extend(_tokens(item["text"]))
                walk(item["items"])

    for section in data["sections"]:
        words.extend(_tokens(section["heading"]))
        for block in section["blocks"]:
            words.extend(_tokens(block["text"]))
            walk(block["items"])
    return Counter(words)


def _source_lines(path: Path, expect: dict) -> list[str]:
    if "words_from" in expect:
        return (CORPUS / expect["words_from"]).read_text(encoding="utf-8").splitlines()
    return path.read_text(encoding="utf-8").splitlines()


def _is_metadata_line(line: str) -> bool:
    """An adoption, review or version line: its facts go to the history, as ISO dates."""
    from mop_desktop.domain.textdates import all_dates

    return len(line) <= 120 and bool(all_dates(line)) or "\t" in line


def missing_words(path: Path, expect: dict, data: dict) -> list[str]:
    """Words of the source (list markers and clause numbers aside, and adoption/review lines,
    whose facts are checked in the history) that the import does not hold."""
    wanted: Counter = Counter()
    for line in _source_lines(path, expect):
        if not line.strip() or _is_metadata_line(line):
            continue
        wanted.update(_tokens(_MARKER.sub("", line, count=1)))
    have = _json_words(data)
    return sorted((wanted - have).elements())


# -- the checks -------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "check"), list(_cases()))
def test_corpus(path: Path, check: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    expect = json.loads(_expect_path(path).read_text(encoding="utf-8"))
    data = _imported(path, tmp_path_factory)
    if check == "imports":
        assert data["sections"]
    elif check == "words":
        missing = missing_words(path, expect, data)
        assert not missing, f"{len(missing)} source words not imported: {missing[:15]}"
    elif check == "title":
        assert _blank(data["title"]) == expect["title"]
    elif check == "council":
        assert _blank(data["council"]) == expect["council"]
    elif check == "status":
        assert data["status"] == expect["status"]
    elif check == "headings":
        assert _headings(data) == expect["headings"]
    elif check == "clause_numbers":
        assert _clause_numbers(data) == expect["clause_numbers"]
    elif check == "list_counts":
        got = {key: _list_count(data, key) for key in expect["list_counts"]}
        assert got == expect["list_counts"]
    elif check == "history":
        rows = data["history"]
        assert len(rows) == len(expect["history"]), rows
        for row, want in zip(rows, expect["history"], strict=True):
            got = {**row, "body": row.get("body", row.get("adopted_by"))}
            for key, value in want.items():
                assert _blank(got.get(key)) == value, f"{key}: {row}"
    elif check == "review_interval":
        assert data.get("review_interval_months") == expect["review_interval_months"]


# -- the corpus and the checks themselves ---------------------------------------------------------
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROW_KEYS = {"adopted_on", "minute_ref", "body", "version", "review_due"}


def test_the_corpus_is_complete_and_its_expectations_well_formed() -> None:
    documents = _documents()
    assert len([p for p in documents if p.suffix == ".txt"]) >= 30
    assert len([p for p in documents if p.suffix == ".docx"]) >= 6
    assert len([p for p in documents if p.suffix == ".pdf"]) >= 4
    for path in documents:
        expect = json.loads(_expect_path(path).read_text(encoding="utf-8"))
        assert expect["source"] and expect["notes"], path.name
        assert expect.get("status", "draft") in ("adopted", "draft"), path.name
        for number, heading in expect.get("headings", []):
            assert isinstance(number, str) and heading, path.name
        for row in expect.get("history", []):
            assert set(row) <= _ROW_KEYS, path.name
            for key in ("adopted_on", "review_due"):
                assert row.get(key) is None or _ISO.match(row[key]), (path.name, key)
        if "words_from" in expect:
            assert (CORPUS / expect["words_from"]).exists(), path.name
    stems = {p.stem for p in documents}
    assert all(stem in stems for stem, _ in KNOWN_GAPS), "a known gap names no document"


def test_the_word_check_notices_a_lost_word() -> None:
    path = CORPUS / "24-river-standing-orders.txt"
    expect = json.loads(_expect_path(path).read_text(encoding="utf-8"))
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    data = {
        "title": lines[0],
        "council": "",
        "sections": [
            {"number": "", "heading": "",
             "blocks": [{"number": "", "text": line, "items": []} for line in lines[1:]]}
        ],
    }  # fmt: skip
    assert missing_words(path, expect, data) == []
    block = data["sections"][0]["blocks"][3]
    block["text"] = block["text"].replace("Tuesday", "", 1)
    assert missing_words(path, expect, data) == ["tuesday"]
