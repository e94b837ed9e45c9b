"""``import`` then ``show --json`` on the two real protocols, word by word; bad files refused."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest

from mop_desktop.domain.textdates import all_dates
from tests.conftest import store_digest

# -- a word-by-word check ---------------------------------------------------------------------
_LEADING_MARKER = re.compile(
    r"^(?:[-*\u2022\u2013]\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.?(?:\*\*)?\s+)?(?:[a-z]\)\s+)?"
)
# the words of a version table's header and of "Policy adopted:" / "Review Date:" labels: they
# name the history fields rather than carry facts of their own
_HISTORY_LABELS = {
    "version", "date", "of", "adoption", "minute", "reference", "review",
    "originator/reviewer", "policy", "adopted:", "date:",
}  # fmt: skip


def _body_words(line: str) -> list[str]:
    return _LEADING_MARKER.sub("", line.strip()).split()


def _iso_words(line: str) -> list[str]:
    """A history line's words with its dates written as ISO dates."""
    out, last = [], 0
    for day, start, end in all_dates(line):
        out.extend(line[last:start].split())
        out.append(day.isoformat())
        last = end
    out.extend(line[last:].split())
    return [w for w in out if w.lower() not in _HISTORY_LABELS]


def _json_body_words(data: dict) -> list[str]:
    words: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                words.extend(item.split())
            else:
                words.extend(item["text"].split())
                walk(item["items"])

    for section in data["sections"]:
        words.extend(section["heading"].split())
        for block in section["blocks"]:
            words.extend(block["text"].split())
            walk(block["items"])
    return words


def without_record_hash(row: dict) -> dict:
    """A history row without its ``record_hash`` (a SHA-256 in hex, checked here)."""
    rest = dict(row)
    assert re.fullmatch(r"[0-9a-f]{64}", rest.pop("record_hash"))
    return rest


def assert_every_word_kept(source: str, data: dict) -> None:
    """Every word of ``source`` is in the JSON: title and council lines as they are, version
    table rows and adoption/review lines in the history (dates as ISO), and all the rest in the
    sections, in the same order and nothing else there."""
    history_words = [
        w
        for row in data["history"]
        for value in (
            row["version"],
            row["adopted_on"],
            row["minute_ref"],
            row["review_due"],
            row["reviewer"],
        )  # fmt: skip
        for w in (value or "").split()
    ]
    body: list[str] = []
    position = 0
    for raw in source.splitlines():
        line = raw.strip()
        if not line or line in (data["title"], data["council"]):
            continue
        if "\t" in line or re.match(r"^(Policy adopted|Review Date):", line):
            for word in _iso_words(line):
                assert word in history_words[position:], f"{word!r} of {line!r} not in history"
                position = history_words.index(word, position) + 1
            continue
        body.extend(_body_words(line))
    assert _json_body_words(data) == body


# -- the samples ------------------------------------------------------------------------------
def _import_and_show(cli, path: Path, *extra: str) -> dict:
    code, out, err = cli("import", str(path), *extra)
    assert code == 0, err
    assert "imported" in out
    code, out, err = cli("show", "--json")
    assert code == 0, err
    return json.loads(out)


def _items(block: dict) -> list:
    return block["items"]


def test_borough_sample(cli, samples):
    path = samples / "borough-model-protocol.txt"
    data = _import_and_show(cli, path)
    assert data["council"] == ""
    assert data["title"] == "Member/Officer Relations Protocol"
    assert data["status"] == "adopted"
    assert data["version"] == "2026"
    assert data["adopted_on"] == "2026-03-23"
    assert data["review_due"] == "2027-03-31"
    assert len(data["history"]) == 7
    assert without_record_hash(data["history"][0]) == {
        "version": "2020v1", "adopted_on": "2020-03-17", "minute_ref": "123-2020",
        "review_due": "2021-03-31", "reviewer": "G White",
    }  # fmt: skip
    assert [h["version"] for h in data["history"]] == [
        "2020v1", "2021", "2022-03", "2023", "2024", "2025", "2026",
    ]  # fmt: skip
    assert [h["adopted_on"] for h in data["history"]] == [
        "2020-03-17", "2021-03-25", "2022-03-24", "2023-03-21", "2024-03-19", "2025-03-24",
        "2026-03-23",
    ]  # fmt: skip
    assert [h["minute_ref"] for h in data["history"]][-2:] == ["2025-110", "2026-101"]
    sections = data["sections"]
    assert [(s["number"], s["heading"]) for s in sections] == [
        ("1", "Introduction"),
        ("2", "Roles of Councillors and Officers"),
        ("3", "Expectations"),
        ("4", "Limitations upon behaviour"),
        ("5", "When things go wrong"),
    ]
    assert [b["number"] for b in sections[0]["blocks"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert [b["number"] for b in sections[1]["blocks"]] == ["2.1", "", "2.2", "2.3", "2.4", "2.5"]
    assert sections[1]["blocks"][1]["text"].startswith("Councillors and Officers are servants")
    expect = sections[2]["blocks"][0]
    assert expect["number"] == "3.1"
    assert expect["text"] == "Councillors can expect from Officers:"
    assert expect["list_style"] == "bullet"
    assert len(expect["items"]) == 11
    assert expect["items"][0] == (
        "A commitment to the Council as a whole, and not to any group or individual Councillor."
    )
    assert len(sections[2]["blocks"][1]["items"]) == 7
    limits = sections[3]["blocks"]
    assert len(limits) == 1 and limits[0]["number"] == "4.1"
    assert len(limits[0]["items"]) == 3  # the blank line inside the list does not end it
    assert limits[0]["items"][2].startswith("Relationships with particular individuals")
    assert [b["number"] for b in sections[4]["blocks"]] == ["5.1", "5.2", "5.3"]
    assert_every_word_kept(path.read_text(encoding="utf-8"), data)


def test_peacehaven_sample(cli, samples):
    path = samples / "peacehaven-protocol.txt"
    data = _import_and_show(cli, path)
    assert data["council"] == "Peacehaven Town Council"
    assert data["title"] == "Councillor & Officer Relationship"
    assert data["status"] == "adopted"
    assert data["version"] == "2021"
    assert data["adopted_on"] == "2021-12-16"
    assert data["review_due"] == "2026-12-31"
    assert [without_record_hash(h) for h in data["history"]] == [
        {"version": "", "adopted_on": "2021-12-16", "minute_ref": "",
         "review_due": "2026-12-31", "reviewer": ""}  # no version label in the source
    ]  # fmt: skip
    sections = data["sections"]
    assert all(s["number"] == "" for s in sections)
    assert all(b["number"] == "" for s in sections for b in s["blocks"])
    assert [s["heading"] for s in sections] == [
        "",
        "Roles of councillors and officers",
        "Expectations",
        "Limitations upon behaviour",
        "When things go wrong",
    ]
    assert len(sections[0]["blocks"]) == 3
    assert sections[0]["blocks"][0]["text"].startswith("The relationship between councillors")
    assert len(sections[1]["blocks"]) == 6
    leads = sections[2]["blocks"]
    assert [b["text"] for b in leads] == [
        "Councillors can expect from officers:",
        "Officers can expect from councillors:",
    ]
    assert [len(b["items"]) for b in leads] == [11, 7]
    assert leads[0]["items"][1] == "A working partnership"
    assert len(sections[3]["blocks"][0]["items"]) == 3
    last = sections[4]["blocks"]
    assert len(last) == 3
    assert (
        last[-1]["text"]
        == "A councillor may have recourse to the council's formal Disciplinary Policy."
    )
    assert_every_word_kept(path.read_text(encoding="utf-8"), data)


def test_as_draft_keeps_the_history_but_makes_a_draft(cli, samples):
    data = _import_and_show(cli, samples / "borough-model-protocol.txt", "--as-draft")
    assert data["status"] == "draft"
    assert data["version"] is None
    assert data["adopted_on"] is None
    assert len(data["history"]) == 7
    assert data["sections"][0]["heading"] == "Introduction"


def test_document_without_adoption_becomes_the_draft(cli, tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("# Our Protocol\n\n## 1. Introduction\n\n1.1 We work together.\n", "utf-8")
    data = _import_and_show(cli, path)
    assert data["status"] == "draft"
    assert data["history"] == []
    assert data["title"] == "Our Protocol"
    assert data["sections"] == [
        {"number": "1", "heading": "Introduction",
         "blocks": [{"number": "1.1", "text": "We work together.", "items": []}]}
    ]  # fmt: skip


def test_import_reports_what_to_check(cli, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Protocol\n\n1. Introduction\n\n1.1 First.\n\n1.5 Out of step.\n", "utf-8")
    code, out, _ = cli("import", str(path))
    assert code == 0
    assert "check: line 7: clause 1.5: numbering skips from 1.1 to 1.5" in out


# -- bad files --------------------------------------------------------------------------------
def _bad_files(folder: Path) -> dict[str, Path]:
    files = {
        "unknown suffix": folder / "protocol.rtf",
        "damaged pdf": folder / "protocol.pdf",
        "empty": folder / "empty.txt",
        "only spaces": folder / "blank.md",
        "binary": folder / "image.txt",
        "zip renamed .txt": folder / "word.txt",
        "binary renamed .docx": folder / "fake.docx",
        "truncated docx": folder / "cut.docx",
        "zip without Word parts": folder / "other.docx",
        "no words": folder / "dots.txt",
        "old Word": folder / "old.docx",
        "a folder": folder / "folder.txt",
    }
    files["a folder"].mkdir()
    files["unknown suffix"].write_bytes(b"{\\rtf1 Protocol}\n")
    files["damaged pdf"].write_bytes(b"%PDF-1.7\n")
    files["empty"].write_bytes(b"")
    files["only spaces"].write_text("  \n\n \t\n")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["no words"].write_text("...\n\n---\n\n* * *\n")
    files["old Word"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    import docx

    good = folder / "good.docx"
    document = docx.Document()
    document.add_paragraph("Member/Officer Protocol")
    document.add_paragraph("1.1 Some words.")
    document.save(good)
    data = good.read_bytes()
    files["zip renamed .txt"].write_bytes(data)
    files["binary renamed .docx"].write_bytes(bytes(range(256)) * 8)
    files["truncated docx"].write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(files["zip without Word parts"], "w") as archive:
        archive.writestr("hello.txt", "hello")
    return files


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_files_exit_2_with_one_line_and_leave_the_store_unchanged(cli, tmp_path, data_dir):
    files = _bad_files(tmp_path)
    code, _, err = cli("import", str(Path(__file__).parent.parent / "data" / "samples" /
                                      "peacehaven-protocol.txt"))  # fmt: skip
    assert code == 0, err
    before = store_digest(data_dir)  # policy.db's bytes, or the server database's rows
    for label, path in [*files.items(), ("missing", tmp_path / "missing.txt")]:
        code, out, err = cli("import", str(path))
        assert code == 2, label
        lines = err.strip().splitlines()
        assert len(lines) == 1, (label, err)
        assert path.name in lines[0], (label, err)
        assert "Traceback" not in err
        assert store_digest(data_dir) == before, label


def test_bad_file_in_a_separate_process(cli_process, tmp_path):
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = cli_process("import", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == "mop-desktop import: image.md: is a binary file, not text"


@pytest.mark.parametrize("name", ["notes.rtf", "protocol"])
def test_unknown_suffix_names_what_is_accepted(cli, tmp_path, name):
    path = tmp_path / name
    path.write_text("Member/Officer Protocol\n")
    code, _, err = cli("import", str(path))
    assert code == 2
    assert ".txt, .md, .docx or .pdf" in err


def test_import_summary_reads_as_english(cli, samples):
    path = samples / "peacehaven-protocol.txt"
    code, out, err = cli("import", str(path))
    assert code == 0, err
    assert out.splitlines()[0] == (
        f"imported {path} as the adopted version: 5 sections, 15 clauses and paragraphs, "
        "1 row of version history"
    )
