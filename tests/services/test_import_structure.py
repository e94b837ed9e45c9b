"""Structure as the source shows it: unnumbered headings over numbered clauses stay headings,
a Word heading style on a typed number is a heading with that number, Word list paragraphs
are list items (never empty headings), lettered and bracketed paragraphs under an unnumbered
heading are list items that neither swallow the heading nor merge into one clause."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from mop_desktop.services.importer import read_protocol


def imp(folder: Path, text: str, name: str = "protocol.txt"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return read_protocol(path)


def outline(result) -> list:
    return [
        (s.number, s.heading,
         [(b.number, b.text, [i.text for i in b.items]) for b in s.blocks])
        for s in result.text.sections
    ]  # fmt: skip


def test_unnumbered_headings_over_numbered_clauses_stay_headings(tmp_path):
    result = imp(
        tmp_path,
        "Protocol\n\nINTRODUCTION\n1.1 The purpose.\n1.2 The scope.\n\n"
        "ROLES OF MEMBERS AND OFFICERS\nThe appendix describes the roles.\n\n"
        "MEMBERS\n2.1 Members set policy.\n",
    )
    assert outline(result) == [
        ("", "INTRODUCTION", [("1.1", "The purpose.", []), ("1.2", "The scope.", [])]),
        ("", "ROLES OF MEMBERS AND OFFICERS", [("", "The appendix describes the roles.", [])]),
        ("", "MEMBERS", [("2.1", "Members set policy.", [])]),
    ]


def test_lettered_and_bracketed_paragraphs_under_unnumbered_headings(tmp_path):
    result = imp(
        tmp_path,
        "Protocol\n\nCouncillors\n\n(a) Councillors set policy.\n\n(b) They represent residents.\n"
        "\nOfficers\n\n(1) Officers give advice.\n\n(2) They carry out decisions.\n",
    )
    sections = result.text.sections
    assert [s.heading for s in sections] == ["Councillors", "Officers"]
    for section, style, texts in (
        (sections[0], "lower-alpha", ["Councillors set policy.", "They represent residents."]),
        (sections[1], "decimal", ["Officers give advice.", "They carry out decisions."]),
    ):
        [block] = section.blocks  # one list, the heading not taken as its lead-in
        assert block.text == ""
        assert [i.text for i in block.items] == texts
        assert block.list_style == style


def test_heading_without_a_blank_line_before_its_lettered_list(tmp_path):
    result = imp(
        tmp_path,
        "Protocol\n\nIntroduction\n\nSome words.\n\nDuties of councillors\n"
        "a) attend meetings;\nb) declare interests.\n",
    )
    assert [s.heading for s in result.text.sections] == ["Introduction", "Duties of councillors"]
    assert [i.text for i in result.text.sections[1].blocks[0].items] == [
        "attend meetings;",
        "declare interests.",
    ]


def _numbered(document, text: str, num_id: int, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))  # fmt: skip
    return paragraph


def _bullets(document, num_id: int) -> None:
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0">'
            '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
    ))  # fmt: skip


def test_word_heading_style_on_a_typed_number_and_list_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Member/Officer Protocol", style="Title")
    document.add_heading("1. Introduction", 1)
    document.add_paragraph("1.1 Councillors can expect:")
    _bullets(document, 77)
    _numbered(document, "Respect", 77, style="List Paragraph")
    _numbered(document, "Courtesy", 77, style="List Paragraph")
    document.add_heading("2 Roles", 1)  # a typed number, no full stop
    document.add_heading("2.1 Councillors", 2)  # a deeper heading with a typed number
    document.add_paragraph("Councillors set policy.")
    path = tmp_path / "p.docx"
    document.save(path)
    result = read_protocol(path)
    assert [(s.number, s.heading) for s in result.text.sections] == [
        ("1", "Introduction"),
        ("2", "Roles"),
    ]
    first = result.text.sections[0].blocks[0]
    assert (first.number, first.text, [i.text for i in first.items]) == (
        "1.1",
        "Councillors can expect:",
        ["Respect", "Courtesy"],
    )
    assert [(b.number, b.text) for b in result.text.sections[1].blocks] == [
        ("2.1", "Councillors"),
        ("", "Councillors set policy."),
    ]
    assert all(s.heading for s in result.text.sections)  # no empty headings


def test_word_list_style_paragraphs_are_items_not_headings(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Expectations", 1)
    document.add_paragraph("Officers can expect:")
    for text in ("Support", "Fair treatment", "Clear instructions"):
        document.add_paragraph(text, style="List Bullet")
    document.add_paragraph("Councillors can expect:")
    for text in ("Advice", "Timely answers"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "p.docx"
    document.save(path)
    result = read_protocol(path)
    assert [s.heading for s in result.text.sections] == ["Expectations"]
    assert [(b.text, [i.text for i in b.items]) for b in result.text.sections[0].blocks] == [
        ("Officers can expect:", ["Support", "Fair treatment", "Clear instructions"]),
        ("Councillors can expect:", ["Advice", "Timely answers"]),
    ]


def test_word_numbered_list_under_a_lead_in_without_a_colon(tmp_path):
    from tests.services.test_import_docx import add_list_definition, numbered

    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Expectations", 1)
    document.add_paragraph("Officers can expect the following from councillors")
    add_list_definition(document, [("decimal", "%1.")], 40)
    for text in ("Respect", "Courtesy", "Support"):
        numbered(document, text, 40, 0)
    document.add_heading("Roles", 1)
    document.add_paragraph("Text.")
    path = tmp_path / "p.docx"
    document.save(path)
    result = read_protocol(path)
    assert outline(result) == [
        ("", "Expectations", [
            ("", "Officers can expect the following from councillors",
             ["Respect", "Courtesy", "Support"]),
        ]),
        ("", "Roles", [("", "Text.", [])]),
    ]  # fmt: skip


def test_text_copied_from_a_pdf_with_a_blank_line_after_every_line(tmp_path):
    lines = [
        "Grievance Procedure", "1. INTRODUCTION",
        "1.1. It is the policy of the Council to give employees the opportunity to air",
        "any grievance which they may have.",
        "1.2. The objectives of the procedure are:",
        "  \u2022 To foster good relationships by discouraging the",
        "harbouring of grievances;",
        "  \u2022 To settle grievances as near as possible to their point of origin;",
        "and",
        "  \u2022 To treat employees fairly.",
        "2. FORMAL PROCEDURE", "2.1. The employee writes to the Clerk.",
    ]  # fmt: skip
    result = imp(tmp_path, "\n\n".join(lines) + "\n")
    assert outline(result) == [
        ("1", "INTRODUCTION", [
            ("1.1", "It is the policy of the Council to give employees the opportunity to air "
                    "any grievance which they may have.", []),
            ("1.2", "The objectives of the procedure are:", [
                "To foster good relationships by discouraging the harbouring of grievances;",
                "To settle grievances as near as possible to their point of origin; and",
                "To treat employees fairly.",
            ]),
        ]),
        ("2", "FORMAL PROCEDURE", [("2.1", "The employee writes to the Clerk.", [])]),
    ]  # fmt: skip


def test_web_page_layout_with_every_heading_printed_1(tmp_path):
    text = (
        "Standing Orders Reviewed May 2024\n\n \n\nNEWTOWN PARISH COUNCIL STANDING ORDERS\n\n"
        "  1. Rules of Debate at Meetings\n\n \n\n  \u2022 Items are taken in order.\n\n"
        "  \u2022 Items may be for information.\n\n  1. Disorderly Conduct at Meetings\n\n"
        "  \u2022 No person shall obstruct business.\n"
    )
    result = imp(tmp_path, text)
    assert result.text.title == "Standing Orders"
    assert [a.adopted_on.isoformat() for a in result.history] == ["2024-05-31"]
    assert [(s.number, s.heading) for s in result.text.sections] == [
        ("", "NEWTOWN PARISH COUNCIL STANDING ORDERS"),
        ("1", "Rules of Debate at Meetings"),
        ("1", "Disorderly Conduct at Meetings"),
    ]
    assert all(s.heading or s.blocks for s in result.text.sections)  # no empty section
    assert [i.message for i in result.doubtful if i.kind == "numbering"] == [
        "heading \u201cDisorderly Conduct at Meetings\u201d: number 1 repeats"
    ]
