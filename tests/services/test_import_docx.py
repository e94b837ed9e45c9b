"""Import of Word (.docx) protocols: automatic numbering, heading styles, tables, breaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from mop_desktop.services.importer import read_protocol


def add_list_definition(document, levels: list[tuple[str, str]], num_id: int) -> None:
    """A Word multi-level list (abstractNum + num) with (numFmt, lvlText) per level."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
        )
    )


def numbered(document, text: str, num_id: int, ilvl: int, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def save(document, folder: Path, name: str = "protocol.docx"):
    path = folder / name
    document.save(path)
    result = read_protocol(path)
    result.text.renumber()
    return result


def items(block) -> list:
    return [i.to_json() for i in block.items]


def test_true_word_numbering_with_levels(tmp_path):
    document = docx.Document()
    document.add_paragraph("Member/Officer Protocol", style="Title")
    add_list_definition(
        document,
        [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"), ("lowerRoman", "%4)")],
        num_id=90,
    )
    numbered(document, "Introduction", 90, 0, style="Heading 1")
    numbered(document, "The relationship matters.", 90, 1)
    numbered(document, "Officers can expect:", 90, 1)
    numbered(document, "respect;", 90, 2)
    numbered(document, "support, including:", 90, 2)
    numbered(document, "training;", 90, 3)
    numbered(document, "time.", 90, 3)
    numbered(document, "courtesy.", 90, 2)
    numbered(document, "Roles", 90, 0, style="Heading 1")
    numbered(document, "Councillors decide policy.", 90, 1)
    result = save(document, tmp_path)
    text = result.text
    assert text.title == "Member/Officer Protocol"
    assert [(s.number, s.heading) for s in text.sections] == [("1", "Introduction"), ("2", "Roles")]
    blocks = text.sections[0].blocks
    assert [(b.number, b.text) for b in blocks] == [
        ("1.1", "The relationship matters."),
        ("1.2", "Officers can expect:"),
    ]
    assert blocks[1].list_style == "lower-alpha"
    assert items(blocks[1]) == [
        "respect;",
        {"text": "support, including:", "items": ["training;", "time."],
         "list_style": "lower-roman"},
        "courtesy.",
    ]  # fmt: skip
    assert [(b.number, b.text) for b in text.sections[1].blocks] == [
        ("2.1", "Councillors decide policy.")
    ]
    assert result.warnings == []


def test_list_number_and_list_bullet_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Introduction", level=1)
    document.add_paragraph("The relationship matters.", style="List Number")
    document.add_paragraph("Officers can expect:", style="List Number")
    document.add_paragraph("Respect.", style="List Bullet")
    document.add_paragraph("Courtesy.", style="List Bullet")
    document.add_heading("Roles", level=1)
    document.add_paragraph("Councillors decide policy.", style="List Number")
    result = save(document, tmp_path)
    sections = result.text.sections
    assert [(s.number, s.heading) for s in sections] == [("", "Introduction"), ("", "Roles")]
    assert [(b.number, b.text, items(b)) for b in sections[0].blocks] == [
        ("1", "The relationship matters.", []),
        ("2", "Officers can expect:", ["Respect.", "Courtesy."]),
    ]
    assert sections[0].blocks[1].list_style == "bullet"
    # Word carries the numbering on through the headings (3.); nothing doubtful in that
    assert [b.text for b in sections[1].blocks] == ["Councillors decide policy."]
    assert result.warnings == []


def test_lettered_and_roman_word_lists(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    add_list_definition(document, [("lowerLetter", "%1)")], num_id=91)
    add_list_definition(document, [("lowerRoman", "(%1)")], num_id=92)
    document.add_paragraph("The Clerk will:")
    numbered(document, "advise", 91, 0)
    numbered(document, "record", 91, 0)
    document.add_paragraph("Councillors will:")
    numbered(document, "listen", 92, 0)
    numbered(document, "decide", 92, 0)
    result = save(document, tmp_path)
    blocks = result.text.sections[0].blocks
    assert [(b.text, b.list_style, items(b)) for b in blocks] == [
        ("The Clerk will:", "lower-alpha", ["advise", "record"]),
        ("Councillors will:", "lower-roman", ["listen", "decide"]),
    ]


def test_version_table_as_a_word_table_and_the_council_name(tmp_path):
    document = docx.Document()
    document.add_paragraph("Ditchling Parish Council")
    document.add_paragraph("Member/Officer Protocol")
    rows = [
        ["Version", "Date of Adoption", "Minute Reference", "Review Date", "Originator/Reviewer"],
        ["1", "16/12/2021", "123/21", "Dec 2022", "A Clerk"],
        ["2", "15th December 2022", "99/22", "December 2023", "A Clerk"],
        ["", "", "", "", ""],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_heading("1. Introduction", level=1)
    document.add_paragraph("1.1 Typed numbers work in Word too.")
    result = save(document, tmp_path)
    assert result.council_name == "Ditchling Parish Council"
    assert result.text.title == "Member/Officer Protocol"
    assert [a.history_json() for a in result.history] == [
        {"version": "1", "adopted_on": "2021-12-16", "minute_ref": "123/21",
         "review_due": "2022-12-31", "reviewer": "A Clerk"},
        {"version": "2", "adopted_on": "2022-12-15", "minute_ref": "99/22",
         "review_due": "2023-12-31", "reviewer": "A Clerk"},
    ]  # fmt: skip
    assert [(s.number, s.heading) for s in result.text.sections] == [("1", "Introduction")]
    assert result.text.sections[0].blocks[0].number == "1.1"


def test_body_table_stays_in_place_as_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_paragraph("Who to contact:")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["Role", "Contact"], ["Clerk", "clerk@example.org"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("After the table.")
    result = save(document, tmp_path)
    assert [b.text for b in result.text.sections[0].blocks] == [
        "Who to contact:",
        "Role | Contact",
        "Clerk | clerk@example.org",
        "After the table.",
    ]


def test_list_interrupted_by_a_page_break(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_paragraph("Officers can expect:")
    document.add_paragraph("Respect.", style="List Bullet")
    document.add_paragraph("Courtesy.", style="List Bullet").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Support.", style="List Bullet")
    document.add_paragraph("After the list.")
    result = save(document, tmp_path)
    blocks = result.text.sections[0].blocks
    assert [(b.text, items(b)) for b in blocks] == [
        ("Officers can expect:", ["Respect.", "Courtesy.", "Support."]),
        ("After the list.", []),
    ]


def test_headers_footers_and_soft_line_breaks(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Kingston Parish Council"
    section.footer.paragraphs[0].text = "Adopted 16th October 2017. (To be reviewed October 2019)"
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Introduction", level=1)
    paragraph = document.add_paragraph("First line")
    paragraph.runs[0].add_break()
    paragraph.add_run("second line of the same paragraph.")
    result = save(document, tmp_path)
    assert result.council_name == "Kingston Parish Council"
    assert [(a.adopted_on, a.review_due) for a in result.history] == [
        (dt.date(2017, 10, 16), dt.date(2019, 10, 31))
    ]
    words = result.text.plain_words()
    assert words == "Protocol Introduction First line second line of the same paragraph.".split()


def test_bold_short_paragraph_is_a_heading(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_paragraph().add_run("Expectations").bold = True
    document.add_paragraph("Officers can expect courtesy.")
    result = save(document, tmp_path)
    assert [(s.heading, [b.text for b in s.blocks]) for s in result.text.sections] == [
        ("Expectations", ["Officers can expect courtesy."])
    ]


def test_typical_council_word_document(tmp_path):
    """Typed clause numbers with tabs, bold numbered headings, Word bullets with a nested
    level, a lettered Word list, a page break before an item, the version table at the end."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Anytown Town Council\tMember/Officer Protocol"
    document.add_paragraph().add_run("MEMBER / OFFICER PROTOCOL").bold = True
    add_list_definition(document, [("bullet", "\uf0b7"), ("bullet", "o")], 93)
    add_list_definition(document, [("lowerLetter", "%1)"), ("lowerRoman", "%2.")], 94)
    document.add_paragraph().add_run("1.\tINTRODUCTION").bold = True
    document.add_paragraph("1.1\tThis protocol guides councillors and officers.")
    document.add_paragraph("1.2\tOfficers can expect:")
    numbered(document, "respect", 93, 0, style="List Paragraph")
    numbered(document, "courtesy, which covers", 93, 0, style="List Paragraph")
    numbered(document, "tone", 93, 1, style="List Paragraph")
    numbered(document, "timing", 93, 1, style="List Paragraph")
    numbered(
        document, "support", 93, 0, style="List Paragraph"
    ).paragraph_format.page_break_before = True  # noqa: E501
    document.add_paragraph().add_run("2.\tWHEN THINGS GO WRONG").bold = True
    document.add_paragraph("2.1\tA councillor may:")
    numbered(document, "speak to the Clerk;", 94, 0, style="List Paragraph")
    numbered(document, "ask for mediation.", 94, 0, style="List Paragraph")
    table = document.add_table(rows=2, cols=4)
    rows = [["Version", "Adopted", "Minute No.", "Next review"],
            ["1.0", "3rd May 2023", "FC23/041", "May 2024"]]  # fmt: skip
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    result = save(document, tmp_path)
    assert result.council_name == "Anytown Town Council"
    assert result.text.title == "MEMBER / OFFICER PROTOCOL"
    assert [a.history_json() for a in result.history] == [
        {"version": "1.0", "adopted_on": "2023-05-03", "minute_ref": "FC23/041",
         "review_due": "2024-05-31", "reviewer": ""}
    ]  # fmt: skip
    first, second = result.text.sections
    assert (first.number, first.heading, second.number, second.heading) == (
        "1", "INTRODUCTION", "2", "WHEN THINGS GO WRONG",
    )  # fmt: skip
    assert [(b.number, b.text) for b in first.blocks] == [
        ("1.1", "This protocol guides councillors and officers."),
        ("1.2", "Officers can expect:"),
    ]
    assert items(first.blocks[1]) == [
        "respect",
        {"text": "courtesy, which covers", "items": ["tone", "timing"], "list_style": "bullet"},
        "support",
    ]
    assert second.blocks[0].list_style == "lower-alpha"
    assert items(second.blocks[0]) == ["speak to the Clerk;", "ask for mediation."]
    assert result.warnings == []


def test_word_table_of_contents_lines_are_marked(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    styles = document.styles
    from docx.enum.style import WD_STYLE_TYPE

    styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("1. Introduction\t2", style="TOC 1")
    document.add_paragraph("1. Introduction")
    document.add_paragraph("1.1 Text.")
    result = save(document, tmp_path)
    assert [(s.number, s.heading) for s in result.text.sections] == [
        ("", ""),
        ("1", "Introduction"),
    ]
    assert result.text.sections[0].blocks[0].doubtful == "contents line kept as a paragraph"


def _sample_as_word(source: Path, folder: Path) -> Path:
    """The sample typed into Word: its lines as paragraphs (blank lines as empty ones), its
    bullets in the List Bullet style, its tab-separated version table as a Word table."""
    document = docx.Document()
    lines = source.read_text(encoding="utf-8").split("\n")
    rows = [line.split("\t") for line in lines if "\t" in line]
    for line in lines:
        if "\t" in line:
            if line.split("\t") == rows[0]:
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
            continue
        if line.startswith("- ") and not line[2:3].isdigit():
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    path = folder / (source.stem + ".docx")
    document.save(path)
    return path


def test_samples_typed_into_word_read_as_the_text_files_do(samples, tmp_path):
    for source in sorted(samples.glob("*.txt")):
        from_text = read_protocol(source)
        from_word = read_protocol(_sample_as_word(source, tmp_path))
        assert from_word.council_name == from_text.council_name
        assert from_word.text.title == from_text.text.title
        assert [a.history_json() for a in from_word.history] == [
            a.history_json() for a in from_text.history
        ]
        assert from_word.text.sections_json() == from_text.text.sections_json(), source.name
        assert from_word.warnings == from_text.warnings == []


def test_list_defined_through_a_numbering_style_and_roman_numbered_headings(tmp_path):
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    add_list_definition(document, [("lowerLetter", "%1)")], num_id=95)
    document.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="CouncilList">'
            '<w:name w:val="Council List"/><w:pPr><w:numPr><w:numId w:val="95"/></w:numPr>'
            "</w:pPr></w:style>"
        )
    )
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="96">'
            '<w:numStyleLink w:val="CouncilList"/></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="96"><w:abstractNumId w:val="96"/></w:num>')
    )
    add_list_definition(document, [("upperRoman", "%1.")], num_id=97)
    numbered(document, "Introduction", 97, 0, style="Heading 1")
    document.add_paragraph("The Clerk will:")
    numbered(document, "advise", 96, 0)
    numbered(document, "record", 96, 0)
    numbered(document, "Roles", 97, 0, style="Heading 1")
    document.add_paragraph("Councillors decide.")
    result = save(document, tmp_path)
    assert [(s.number, s.heading) for s in result.text.sections] == [
        ("1", "Introduction"),
        ("2", "Roles"),
    ]
    block = result.text.sections[0].blocks[0]
    assert (block.text, block.list_style, items(block)) == (
        "The Clerk will:",
        "lower-alpha",
        ["advise", "record"],
    )
    assert result.warnings == []


def test_title_in_a_text_box_on_the_cover(tmp_path):
    document = docx.Document()
    box = (
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
        "<w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Anytown Town Council</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Member/Officer Protocol</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    document.add_paragraph()._p.append(parse_xml(box))
    document.add_paragraph("Introduction")
    document.add_paragraph("The first paragraph.")
    result = save(document, tmp_path)
    assert (result.council_name, result.text.title) == (
        "Anytown Town Council",
        "Member/Officer Protocol",
    )
    assert [(s.heading, [b.text for b in s.blocks]) for s in result.text.sections] == [
        ("Introduction", ["The first paragraph."])
    ]
