"""The protocol as a Word document (python-docx), for councils that circulate Word files.

Title and sections in Word's own Title and Heading styles (the navigation pane and screen
readers see them); clause numbers and lists as Word numbering (services/publish/word_numbering);
the version table with a header row that repeats across pages; the document's title, author
(the council) and language (English, United Kingdom) set; and the sign-off block of the PDF,
with the names recorded with the adoption itself.
"""

from __future__ import annotations

import io
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from mop_desktop.domain.dates import format_long, format_month
from mop_desktop.domain.document import Block, DocumentText, ListItem
from mop_desktop.services.pdf.content import ProtocolSource, heading_lines
from mop_desktop.services.publish.html_page import VERSION_HEADINGS, adoption_statement
from mop_desktop.services.publish.word_numbering import (
    INDENT,
    Numbering,
    follows_position,
    number_paragraph,
)

LANGUAGE = "en-GB"


def new_document(title: str, author: str) -> Any:
    """A blank Word document with its properties, language and readable defaults."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    props = document.core_properties
    props.title = title
    props.author = author or "MOP Desktop"
    props.language = LANGUAGE
    props.comments = "Written by MOP Desktop"
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if rpr is not None:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        rpr.append(
            parse_xml(
                f'<w:lang {nsdecls("w")} w:val="{LANGUAGE}" '
                f'w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
            )
        )
    settings = document.settings.element
    settings.append(parse_xml(f'<w:themeFontLang {nsdecls("w")} w:val="{LANGUAGE}"/>'))
    return document


def repeat_header_row(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _typed_indent(paragraph: Any, level: int) -> None:
    from docx.shared import Twips

    fmt = paragraph.paragraph_format
    fmt.left_indent = Twips(INDENT * level)
    fmt.first_line_indent = Twips(-INDENT)


def add_list(
    document: Any,
    numbering: Numbering,
    items: list[ListItem],
    style: str | None,
    depth: int = 0,
    num_id: int | None = None,
) -> None:
    """A list as Word numbering (a new instance per list, so each starts at a), i) or 1.)."""
    own = numbering.new_list(style) if num_id is None else num_id
    for item in items:
        paragraph = document.add_paragraph(item.text, style="List Paragraph")
        number_paragraph(paragraph, own, depth)
        if item.items:
            add_list(
                document,
                numbering,
                item.items,
                item.list_style,
                depth + 1,
                numbering.new_list(item.list_style),
            )


def add_block(document: Any, numbering: Numbering, block: Block, word_numbers: bool) -> None:
    if block.number and word_numbers:
        paragraph = document.add_paragraph(block.text)
        number_paragraph(paragraph, numbering.clauses(), 2 if block.level >= 2 else 1)
    elif block.number:
        paragraph = document.add_paragraph(f"{block.number}\t{block.text}")
        _typed_indent(paragraph, 2 if block.level >= 2 else 1)
    else:
        document.add_paragraph(block.text)
    add_list(document, numbering, block.items, block.list_style)


def add_body(document: Any, text: DocumentText) -> None:
    numbering = Numbering(document)
    word_numbers = follows_position(text)
    for section in text.sections:
        if section.heading.strip():
            if section.number and word_numbers:
                heading = document.add_heading(section.heading, level=1)
                number_paragraph(heading, numbering.clauses(), 0)
            elif section.number:
                heading = document.add_heading(f"{section.number}\t{section.heading}", level=1)
            else:
                document.add_heading(section.heading, level=1)
        for block in section.blocks:
            add_block(document, numbering, block, word_numbers)


def add_version_table(document: Any, source: ProtocolSource) -> None:
    if not source.history:
        return
    document.add_heading("Version history", level=1)
    table = document.add_table(rows=1, cols=len(VERSION_HEADINGS))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, VERSION_HEADINGS, strict=True):
        cell.text = heading
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat_header_row(table.rows[0])
    for a in source.history:
        cells = table.add_row().cells
        values = (
            a.version_label,
            format_long(a.adopted_on),
            a.minute_ref,
            format_month(a.review_due),
            a.reviewer,
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = value or ""


def add_meta(document: Any, source: ProtocolSource) -> None:
    lines = heading_lines(source)
    for index, line in enumerate(lines):
        document.add_paragraph(line, style="Subtitle" if index == 0 else None)


def add_signoff(document: Any, source: ProtocolSource) -> None:
    adoption = source.adoption
    if adoption is None or source.status == "draft":
        return
    document.add_heading("Sign-off", level=1)
    document.add_paragraph(adoption_statement(source))
    table = document.add_table(rows=4, cols=2)
    people = (("Chair of the Council", adoption.chair), ("Clerk to the Council", adoption.clerk))
    for column, (role, name) in enumerate(people):
        table.cell(0, column).text = "\n\nSigned: ______________________"
        table.cell(1, column).text = name or ""
        for run in table.cell(1, column).paragraphs[0].runs:
            run.bold = True
        table.cell(2, column).text = role
        table.cell(3, column).text = f"Date: {format_long(adoption.adopted_on)}"


def protocol_docx(source: ProtocolSource) -> bytes:
    """The whole Word document as bytes."""
    text = source.text
    document = new_document(text.title or "Protocol", source.council.name)
    if source.council.name:
        document.add_paragraph(source.council.name, style="Subtitle")
    document.add_heading(text.title or "Protocol", level=0)  # Word's Title style
    add_meta(document, source)
    add_version_table(document, source)
    add_body(document, text)
    add_signoff(document, source)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
