"""Source numbers are the truth: an imported document keeps exactly the clause and section
numbers it shows (also once saved as the adopted version and shown with ``show --json``);
numbering that skips or repeats is kept and marked doubtful; the clerk renumbers later with
one command."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from mop_desktop.domain import editing
from mop_desktop.domain.document import Block, DocumentText, Section
from mop_desktop.services.importer import read_protocol


def numbers(result) -> list[str]:
    out = []
    for section in result.text.sections:
        if section.number:
            out.append(section.number)
        out.extend(b.number for b in section.blocks if b.number)
    return out


def imp(folder: Path, text: str, name: str = "protocol.txt"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return read_protocol(path)


# the openings that went wrong: a title or a stray line taken for a numbered heading
STRAY_TITLE = (
    "1 Member and Officer Relations\n\n"  # a title that looks like a numbered heading
    "1.1 The purpose of this protocol is to guide members and officers.\n\n"
    "1.2 It reflects the Code of Conduct.\n\n"
    "1.3 Both serve the public.\n\n"
    "2 Roles\n\n"
    "2.1 Members set policy.\n\n"
    "2.2 Officers carry it out.\n"
)


def test_a_title_read_as_a_heading_never_shifts_the_clause_numbers(tmp_path):
    result = imp(tmp_path, "Oakford Town Council\n\nProtocol for Members\n\n" + STRAY_TITLE)
    assert numbers(result) == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2"]
    assert result.doubtful == []


def test_text_copied_from_a_pdf_keeps_its_numbers(tmp_path):
    text = (
        "Member/Officer Protocol\n\n"
        "Page 1\n\n"  # a stray line
        "1.\n\nIntroduction\n\n1.1\n\nThe protocol guides members\nand officers.\n\n"
        "1.2\n\nIt reflects the Code.\n\n2.\n\nRoles\n\n2.1\n\nMembers set policy.\n"
    )
    result = imp(tmp_path, text)
    assert numbers(result) == ["1", "1.1", "1.2", "2", "2.1"]
    assert [b.text for s in result.text.sections for b in s.blocks if b.number] == [
        "The protocol guides members and officers.", "It reflects the Code.",
        "Members set policy.",
    ]  # fmt: skip


def test_numbering_that_skips_or_repeats_is_kept_and_marked(tmp_path):
    text = (
        "Protocol\n\n1. Introduction\n\n1.1 One.\n\n1.2 Two.\n\n1.2 Two again.\n\n"
        "1.5 Five.\n\n3. Roles\n\n3.1 Three one.\n\n4. Review\n\n5.1 Under the wrong section.\n"
    )
    result = imp(tmp_path, text)
    assert numbers(result) == ["1", "1.1", "1.2", "1.2", "1.5", "3", "3.1", "4", "5.1"]
    found = {(i.line, i.kind, i.message) for i in result.doubtful}
    assert found == {
        (9, "numbering", "clause 1.2: number 1.2 repeats"),
        (11, "numbering", "clause 1.5: numbering skips from 1.2 to 1.5"),
        (13, "numbering", "heading \u201cRoles\u201d: numbering skips from 1 to 3"),
        (19, "numbering", "clause 5.1: numbered 5.1 but stands under section 4"),
    }
    assert any("numbering skips from 1.2 to 1.5" in w for w in result.warnings)


def test_word_document_keeps_its_typed_numbers(tmp_path):
    document = docx.Document()
    document.add_paragraph("Member/Officer Protocol", style="Title")
    document.add_heading("1. Introduction", 1)
    document.add_paragraph("1.1 First clause.")
    document.add_paragraph("1.3 Third clause (no 1.2 in the source).")
    document.add_heading("2. Roles", 1)
    document.add_paragraph("2.1 Roles clause.")
    path = tmp_path / "p.docx"
    document.save(path)
    result = read_protocol(path)
    assert numbers(result) == ["1", "1.1", "1.3", "2", "2.1"]
    assert [i.message for i in result.doubtful] == ["clause 1.3: numbering skips from 1.1 to 1.3"]


def test_adopted_import_stores_and_shows_the_source_numbers(cli, tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text(
        "Oakford Town Council\n\nMember/Officer Protocol\n\n"
        "Adopted by Full Council on 14 May 2024, minute 24/055\n\n"
        "1. Introduction\n\n1.1 One.\n\n1.3 Three.\n\n3. Roles\n\n3.1 Roles.\n",
        encoding="utf-8",
    )
    code, out, err = cli("import", str(path))
    assert code == 0, err
    assert "as the adopted version" in out
    assert "check: line 11: clause 1.3: numbering skips from 1.1 to 1.3" in out
    code, out, err = cli("show", "--json")
    data = json.loads(out)
    assert data["status"] == "adopted"
    assert [(s["number"], [b["number"] for b in s["blocks"]]) for s in data["sections"]] == [
        ("1", ["1.1", "1.3"]),
        ("3", ["3.1"]),
    ]
    assert data["history"][0]["body"] == "Full Council"


@pytest.mark.pending_on_server(
    reason="pdf, web page and Word exports read through store.light_text (sqlite3), being "
    "replaced by the SQLAlchemy repository"
)
def test_source_numbers_survive_the_store_and_the_light_reader(store, tmp_path):
    from mop_desktop.services.workspace import save_import
    from mop_desktop.store import documents as docs
    from mop_desktop.store.light_text import open_light

    result = imp(tmp_path, "Protocol\n\n2. Roles\n\n2.4 Kept as printed.\n\n2.9 Also kept.\n")
    save_import(store, result, as_draft=True)
    with store.session() as session:
        text = docs.load_text(docs.draft_of(docs.protocol_document(session)))
    assert [b.number for b in text.sections[0].blocks] == ["2.4", "2.9"]
    assert text.sections[0].number == "2"
    with open_light(store.path) as light:
        rows = light.protocol()
        light_text = light.text(rows.versions[-1])
    assert [b.number for b in light_text.sections[0].blocks] == ["2.4", "2.9"]


def _imported_doc() -> DocumentText:
    return DocumentText(
        title="Protocol",
        sections=[
            Section("Introduction", [
                Block("One.", source_number="1.1"),
                Block("Three.", source_number="1.3"),
            ], source_number="1"),
            Section("Roles", [Block("Roles.", source_number="3.1")], source_number="3"),
        ],
    ).renumber()  # fmt: skip


def test_a_clause_added_after_a_kept_number_carries_on_from_it():
    doc = _imported_doc()
    editing.add_block(doc, 0, text="Four.")
    assert [b.number for b in doc.sections[0].blocks] == ["1.1", "1.3", "1.4"]
    editing.add_section(doc, "Review")
    assert doc.sections[-1].number == "4"


def test_renumber_is_one_step_and_numbers_by_position():
    doc = _imported_doc()
    before = doc.clone()
    editing.renumber_by_position(doc)
    assert [(s.number, [b.number for b in s.blocks]) for s in doc.sections] == [
        ("1", ["1.1", "1.2"]),
        ("2", ["2.1"]),
    ]
    assert not doc.has_source_numbers
    assert before.has_source_numbers  # the snapshot an undo goes back to keeps them
    assert [b.number for b in before.sections[0].blocks] == ["1.1", "1.3"]


def test_documents_without_source_numbers_hash_as_before():
    plain = DocumentText(title="T", sections=[Section("A", [Block("x")])])
    assert "source_number" not in plain.canonical_json()
    kept = _imported_doc()
    assert '"source_number":"1.3"' in kept.canonical_json()


def test_a_store_from_before_source_numbers_upgrades_with_its_text_and_hashes(tmp_path):
    import shutil

    from mop_desktop.store.db import open_store

    db = tmp_path / "policy.db"
    shutil.copy(Path(__file__).parent.parent / "store" / "data" / "policy-0001.db", db)
    store = open_store(db, tmp_path / "aside")
    try:
        with store.session() as session:
            from mop_desktop.store import documents as docs

            doc = docs.protocol_document(session)
            assert doc.versions and doc.adoptions
            for version in doc.versions:
                text = docs.load_text(version)
                assert not text.has_source_numbers
                if version.text_sha256:
                    assert text.sha256() == version.text_sha256  # nothing about it changed
            history = docs.history(doc)
            for row in history:
                assert row.adopted_by == ""
                if row.record_hash:
                    assert row.compute_hash() == row.record_hash
    finally:
        store.close()


def test_a_clause_inserted_among_kept_numbers_renumbers_those_after_it():
    doc = _imported_doc()
    editing.add_block(doc, 0, at=0, text="A new first clause.")
    assert [(s.number, [b.number for b in s.blocks]) for s in doc.sections] == [
        ("1", ["1.1", "1.2", "1.3"]),  # was 1.1, 1.3: numbered by position from the insert
        ("3", ["3.1"]),  # the next section keeps its own
    ]
    editing.add_section(doc, "Inserted", at=1)
    assert [(s.number, [b.number for b in s.blocks]) for s in doc.sections] == [
        ("1", ["1.1", "1.2", "1.3"]),
        ("2", []),
        ("3", ["3.1"]),
    ]


def test_a_clause_number_inside_the_line_before_starts_its_clause(tmp_path):
    text = (
        "Policy\n\n1.1 Views must not be expressed online. 1.2 Our aim is to "
        "reply within 2 weeks, see 1.3 below.\n\n1.3 Clerks reply.\n"
    )
    result = imp(tmp_path, text)
    blocks = result.text.sections[0].blocks
    assert [(b.number, b.text) for b in blocks] == [
        ("1.1", "Views must not be expressed online."),
        ("1.2", "Our aim is to reply within 2 weeks, see 1.3 below."),
        ("1.3", "Clerks reply."),
    ]
    assert [i.message for i in result.doubtful] == [
        "clause 1.2: began inside the line of clause 1.1"
    ]
