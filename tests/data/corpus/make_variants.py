"""Make the Word and PDF versions of some corpus texts: ``python make_variants.py``.

The generated files are committed next to this script; each has its own hand-written
``.expect.json`` (written from the document as built here, not from the importer's output).

Word (.docx, python-docx): real Title and Heading styles, headings that keep a typed number,
Word's own list numbering (``numPr``: List Bullet / List Number styles and a multi-level
decimal list added to the numbering part), history tables whose headers are not the usual
five. The version tables in 42 and 46 are made up for the test (the web pages hold none).

PDF (reportlab, A5 so that page breaks fall inside sections and lists): a running header and a
"Page N of M" footer on every page, clause numbers set in their own column (text extraction
gives them on their own lines), lines wrapped by the page width.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2026, 1, 1, 12, 0, 0)


def lines_of(name: str) -> list[str]:
    return [line.strip() for line in (HERE / name).read_text(encoding="utf-8").splitlines()]


def paragraphs_of(name: str) -> list[str]:
    """The text's non-empty lines, with the no-break-space-only lines dropped."""
    return [line for line in lines_of(name) if line.strip("\u00a0 ")]


# -- Word ---------------------------------------------------------------------------------------
def new_document():
    from docx import Document

    document = Document()
    props = document.core_properties
    props.created = props.modified = FIXED
    props.author = props.last_modified_by = "MOP Desktop tests"
    return document


def add_decimal_outline(document) -> int:
    """A two-level decimal list ("1." then "1.1") in the numbering part; returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(_w("abstractNumId"))) for a in numbering.findall(_w_tag("abstractNum"))
    ]
    num_ids = [int(n.get(_w("numId"))) for n in numbering.findall(_w_tag("num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, text in enumerate(("%1.", "%1.%2"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = numbering.find(_w_tag("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def save(document, name: str) -> None:
    """Save with fixed zip timestamps, so that making the files again changes no byte."""
    import io
    import zipfile

    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(HERE / name, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))


def number_paragraph(paragraph, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def restart_list_number(document, paragraph) -> None:
    """Give ``paragraph`` (List Number style) a numbering instance of its own, starting at 1."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    style_numpr = document.styles["List Number"].element.pPr.numPr
    abstract_of = {
        n.get(_w("numId")): n.find(_w_tag("abstractNumId")).get(_w("val"))
        for n in document.part.numbering_part.element.findall(_w_tag("num"))
    }
    abstract_id = abstract_of[style_numpr.numId.get(_w("val"))]
    numbering = document.part.numbering_part.element
    num_id = max(int(n.get(_w("numId"))) for n in numbering.findall(_w_tag("num"))) + 1
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    number_paragraph(paragraph, num_id, 0)


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


def _w_tag(name: str) -> str:
    return _w(name)


def add_table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


BULLET = re.compile(r"^[-\u2022\u25aa]\s+")
CLAUSE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$")


def word_chard() -> None:
    """02 as Word: the adoption line before a Title-style title; '1. General Principles' in
    Heading 1 with its typed number; clauses typed '1.1 ...' in Normal."""
    document = new_document()
    lines = paragraphs_of("02-chard-member-officer.txt")
    document.add_paragraph(lines[0])
    document.add_paragraph(lines[1], style="Title")
    for line in lines[2:]:
        if line.startswith("1.  General"):
            document.add_paragraph("1. General Principles", style="Heading 1")
        else:
            document.add_paragraph(line)
    save(document, "41-chard-member-officer.docx")


def word_bracebridge() -> None:
    """06 as Word: Title style, 'N Heading' in Heading 1 with typed numbers, clauses typed,
    and a document control table (headers: Version, Approved by, Date, Minute ref, Next
    review) at the end."""
    document = new_document()
    lines = paragraphs_of("06-bracebridge-heath-councillor-employee.txt")
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        number = CLAUSE.match(line)
        if number and "." not in number.group(1):
            document.add_paragraph(line, style="Heading 1")
        else:
            document.add_paragraph(line)
    add_table(
        document,
        ["Version", "Approved by", "Date", "Minute ref", "Next review"],
        [
            ["1.0", "Staffing Committee", "14 March 2022", "SC22/07", "March 2024"],
            ["1.1", "Full Council", "9 May 2024", "FC24/31", "May 2026"],
        ],
    )
    save(document, "42-bracebridge-heath-councillor-employee.docx")


def word_stubton_communications() -> None:
    """30 as Word: the nine channels in List Number (Word's automatic numbering, no typed
    numbers), the bullets in List Bullet, the capitals heading in Heading 1."""
    document = new_document()
    lines = paragraphs_of("30-stubton-communications.txt")
    document.add_paragraph(lines[0], style="Title")
    first_number = True
    for line in lines[1:]:
        if line == "COMMUNICATION CHANNELS":
            document.add_paragraph(line, style="Heading 1")
        elif BULLET.match(line):
            document.add_paragraph(BULLET.sub("", line), style="List Bullet")
        elif CLAUSE.match(line) and len(line) < 80:
            paragraph = document.add_paragraph(CLAUSE.match(line).group(2), style="List Number")
            if first_number:
                restart_list_number(document, paragraph)
                first_number = False
        else:
            document.add_paragraph(line)
    save(document, "43-stubton-communications.docx")


def word_dunston() -> None:
    """17 as Word with a two-level automatic decimal list: '1.' on the heading (Heading 1)
    and '1.1'-'1.5' on the clauses, none typed; the eight issues in List Bullet."""
    document = new_document()
    num_id = add_decimal_outline(document)
    lines = paragraphs_of("17-dunston-grievance.txt")
    document.add_paragraph("DUNSTON PARISH COUNCIL GRIEVANCE POLICY", style="Title")
    document.add_paragraph("Accepted October 2021/ Review October 2024")
    for line in lines[1:]:
        number = CLAUSE.match(line)
        if BULLET.match(line):
            document.add_paragraph(BULLET.sub("", line), style="List Bullet")
        elif number and "." not in number.group(1):
            number_paragraph(document.add_paragraph(number.group(2), style="Heading 1"), num_id, 0)
        elif number:
            number_paragraph(document.add_paragraph(number.group(2)), num_id, 1)
        else:
            document.add_paragraph(line)
    save(document, "44-dunston-grievance.docx")


def word_ststephen() -> None:
    """09 as Word: the three headings numbered by Word (one list, so 1, 2, 3), none typed."""
    document = new_document()
    num_id = add_decimal_outline(document)
    lines = paragraphs_of("09-ststephen-dignity.txt")
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        number = CLAUSE.match(line)
        if BULLET.match(line):
            document.add_paragraph(BULLET.sub("", line), style="List Bullet")
        elif number and number.group(1) == "1" and len(line) < 30:
            number_paragraph(document.add_paragraph(number.group(2), style="Heading 1"), num_id, 0)
        else:
            document.add_paragraph(line)
    save(document, "45-ststephen-dignity.docx")


def word_north_huish() -> None:
    """20 as Word: the title in Heading 1 (no Title style), the six paragraphs in List Number
    (automatic 1.-6.), (a)/(b) typed, and a review table (headers: Date reviewed, Meeting,
    Minute, Next review) after the title."""
    document = new_document()
    lines = paragraphs_of("20-north-huish-complaints.txt")
    document.add_paragraph(lines[0], style="Heading 1")
    add_table(
        document,
        ["Date reviewed", "Meeting", "Minute", "Next review"],
        [
            ["12 March 2019", "Full Council", "19/034", "March 2022"],
            ["8 March 2022", "Full Council", "22/041", "March 2025"],
        ],
    )
    first = True
    for line in lines[1:]:
        number = CLAUSE.match(line)
        if number:
            paragraph = document.add_paragraph(number.group(2), style="List Number")
            if first:
                restart_list_number(document, paragraph)
                first = False
        else:
            document.add_paragraph(line)
    save(document, "46-north-huish-complaints.docx")


def word_leverton() -> None:
    """13 as Word with the adoption line moved to the END, after clause 12 (where many councils
    put it); the twelve paragraphs in List Number (automatic 1.-12.)."""
    document = new_document()
    lines = paragraphs_of("13-leverton-co-option.txt")
    document.add_paragraph(lines[0], style="Title")
    first = True
    for line in lines[2:]:
        number = CLAUSE.match(line)
        paragraph = document.add_paragraph(number.group(2), style="List Number")
        if first:
            restart_list_number(document, paragraph)
            first = False
    document.add_paragraph(lines[1])
    save(document, "47-leverton-co-option.docx")


# -- PDF ----------------------------------------------------------------------------------------
def make_pdf(
    target: str,
    source: str,
    header: str,
    *,
    title_lines: int = 1,
    number_alone: bool = False,
    font_size: int = 9,
) -> None:
    """``source`` as an A5 PDF: running header and 'Page N of M' footer, numbers in their own
    column, bullets as hanging paragraphs, lines wrapped by reportlab. With ``number_alone``
    each clause number is a line of its own above its indented text, as text copied out of
    many councils' PDFs comes."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = copy.copy(styles["BodyText"])
    body.fontSize, body.leading = font_size, font_size + 2
    bullet = copy.copy(body)
    bullet.leftIndent, bullet.bulletIndent = 14, 4
    heading = copy.copy(styles["Heading3"])
    title = copy.copy(styles["Heading2"])

    def build_story() -> list:
        story = []
        lines = paragraphs_of(source)
        width = A5[0] - 30 * mm
        for index, line in enumerate(lines):
            text = escape(line)
            number = CLAUSE.match(line)
            if index < title_lines:
                story.append(Paragraph(text, title))
            elif BULLET.match(line):
                story.append(Paragraph(escape(BULLET.sub("", line)), bullet, bulletText="\u2022"))
            elif number and "." not in number.group(1) and len(number.group(2)) < 60:
                story.append(Paragraph(f"{number.group(1)}. {escape(number.group(2))}", heading))
            elif number and number_alone:
                story.append(Paragraph(number.group(1), body))
                story.append(Paragraph(escape(number.group(2)), bullet))
            elif number:
                cell = Paragraph(escape(number.group(2)), body)
                table = Table([[number.group(1), cell]], colWidths=[12 * mm, width - 12 * mm])
                table.setStyle(
                    TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("FONTSIZE", (0, 0), (0, 0), font_size),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ]
                    )
                )
                story.append(table)
            else:
                story.append(Paragraph(text, body))
            story.append(Spacer(1, 2))
        return story

    # two passes: the first counts the pages for "Page N of M"
    pages: list[int] = []

    def count(canvas, doc):
        pages.append(doc.page)

    kwargs = dict(
        pagesize=A5, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=16 * mm,
        bottomMargin=16 * mm, invariant=1, title=header, author="MOP Desktop tests",
    )  # fmt: skip
    SimpleDocTemplate(str(HERE / target), **kwargs).build(
        build_story(), onFirstPage=count, onLaterPages=count
    )
    total = max(pages)

    def final(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(15 * mm, A5[1] - 10 * mm, header)
        canvas.drawRightString(A5[0] - 15 * mm, 8 * mm, f"Page {doc.page} of {total}")
        canvas.restoreState()

    SimpleDocTemplate(str(HERE / target), **kwargs).build(
        build_story(), onFirstPage=final, onLaterPages=final
    )


def main() -> None:
    word_chard()
    word_bracebridge()
    word_stubton_communications()
    word_dunston()
    word_ststephen()
    word_north_huish()
    word_leverton()
    make_pdf("51-edenthorpe-standing-orders.pdf", "26-edenthorpe-standing-orders.txt",
             "Standing Orders", number_alone=True, font_size=11)  # fmt: skip
    make_pdf("52-chard-member-officer.pdf", "02-chard-member-officer.txt",
             "Chard Town Council \u2013 Member/Officer Protocol", title_lines=2)  # fmt: skip
    make_pdf("53-south-petherton-grievance.pdf", "18-south-petherton-grievance.txt",
             "Grievance Policy & Procedure", title_lines=2, number_alone=True)  # fmt: skip
    make_pdf("54-knutsford-member-officer.pdf", "01-knutsford-member-officer.txt",
             "Knutsford Town Council \u2013 policies", title_lines=0)  # fmt: skip


if __name__ == "__main__":
    main()
