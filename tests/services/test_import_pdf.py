"""Import of text PDFs (pypdfium2): lines rebuilt, running headers, footers and page numbers
left out and listed, numbers on their own lines, wrapped and hyphenated lines, paragraphs
carried over a page break. A PDF with no text layer is refused (no OCR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mop_desktop.services.importer import ImportFailed, read_protocol

WIDTH, HEIGHT = A4
TOP = HEIGHT - 90
BOTTOM = 90


class Writer:
    """Writes lines down the pages of a PDF as a word processor would set them."""

    def __init__(self, path: Path, header: str = "", footer: bool = True) -> None:
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.header, self.footer = header, footer
        self.page, self.y = 1, TOP
        self._furniture()

    def _furniture(self) -> None:
        self.c.setFont("Helvetica", 9)
        if self.header:
            self.c.drawString(72, HEIGHT - 40, self.header)
        if self.footer:
            self.c.drawCentredString(WIDTH / 2, 36, f"Page {self.page}")

    def line(self, text: str, x: float = 72, bold: bool = False, gap: float = 14,
             number: str = "") -> None:  # fmt: skip
        if self.y < BOTTOM:
            self.c.showPage()
            self.page += 1
            self.y = TOP
            self._furniture()
        self.c.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
        if number:
            self.c.drawString(72, self.y, number)
        self.c.drawString(x, self.y, text)
        self.y -= gap

    def space(self, points: float = 10) -> None:
        self.y -= points

    def save(self) -> None:
        self.c.save()


def long_pdf(path: Path) -> None:
    w = Writer(path, header="Oakford Town Council \u2013 Member/Officer Protocol")
    w.line("Member/Officer Relations Protocol", bold=True, gap=24)
    w.line("Adopted by Full Council on 14 May 2024, minute 24/055.", gap=24)
    for s in range(1, 5):
        w.line(f"{s}.", bold=True, gap=0)
        w.line(["Introduction", "Roles", "Expectations", "Review"][s - 1], x=100, bold=True,
               gap=22)  # fmt: skip
        for c in range(1, 6):
            w.line(f"{s}.{c}", gap=14)  # the number on a line of its own
            w.line("This clause is long enough to run onto a second line, as clauses", x=100)
            w.line("do in a protocol; it speaks of members and officers and of the good", x=100)
            w.line(f"working relationship between them (clause {s}.{c}).", x=100, gap=22)
    w.line("5.", bold=True, gap=0)
    w.line("Conduct", x=100, bold=True, gap=22)
    w.line("Officers should be treated with courtesy and respect; members should not", x=100,
           number="5.1")  # fmt: skip
    w.line("under any circumstances seek to undermine an officer\u2019s profession-", x=100)
    w.line("alism or integrity in public.", x=100, gap=22)
    w.save()


def test_multi_page_pdf_with_headers_footers_and_numbers_on_their_own_lines(tmp_path):
    path = tmp_path / "protocol.pdf"
    long_pdf(path)
    result = read_protocol(path)
    assert result.text.title == "Member/Officer Relations Protocol"
    assert result.council_name == "Oakford Town Council"  # from the running header
    assert [(a.adopted_on.isoformat(), a.minute_ref, a.adopted_by) for a in result.history] == [
        ("2024-05-14", "24/055", "Full Council")
    ]
    sections = result.text.sections
    assert [(s.number, s.heading) for s in sections] == [
        ("1", "Introduction"), ("2", "Roles"), ("3", "Expectations"), ("4", "Review"),
        ("5", "Conduct"),
    ]  # fmt: skip
    for s in range(1, 5):
        blocks = sections[s - 1].blocks
        assert [b.number for b in blocks] == [f"{s}.{c}" for c in range(1, 6)]
        assert all(
            b.text == "This clause is long enough to run onto a second line, as clauses do "
            "in a protocol; it speaks of members and officers and of the good working "
            f"relationship between them (clause {b.number})."
            for b in blocks
        )
    assert (
        sections[4]
        .blocks[0]
        .text.endswith(
            "seek to undermine an officer\u2019s professionalism or integrity in public."
        )
    )
    words = " ".join(result.text.plain_words())
    assert "Page" not in words and "\u2013 Member/Officer Protocol" not in words
    left_out = [i.message for i in result.issues if i.kind == "left-out"]
    assert "\u201cPage 1\u201d: running header, footer or page number, left out" in left_out
    assert any("Oakford Town Council" in m for m in left_out)
    assert result.doubtful == []


def test_a_paragraph_carried_over_a_page_break_is_joined(tmp_path):
    path = tmp_path / "carried.pdf"
    w = Writer(path)
    w.line("Protocol", bold=True, gap=24)
    w.line("1.", bold=True, gap=0)
    w.line("Introduction", x=100, bold=True, gap=22)
    w.y = BOTTOM + 5
    w.line("The relationship between members and officers is one of mutual trust", x=100,
           number="1.1")  # fmt: skip
    w.line("and respect, and it is", x=100)  # the page ends mid-sentence
    w.line("essential to the council working well.", x=100, gap=22)
    w.line("A new paragraph on the second page.", x=100)
    w.save()
    result = read_protocol(path)
    blocks = result.text.sections[0].blocks
    assert blocks[0].number == "1.1"
    assert blocks[0].text == (
        "The relationship between members and officers is one of mutual trust and respect, "
        "and it is essential to the council working well."
    )
    assert blocks[1].text == "A new paragraph on the second page."


def test_scanned_pdf_is_refused(cli, tmp_path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)  # what a scan holds: a picture, no text
    c.showPage()
    c.save()
    with pytest.raises(ImportFailed, match="scanned image with no text; it cannot be imported"):
        read_protocol(path)
    code, out, err = cli("import", str(path))
    assert code == 2
    assert err.strip() == (
        "mop-desktop import: scan.pdf: this PDF is a scanned image with no text; "
        "it cannot be imported (no OCR)"
    )


def test_damaged_pdf_is_refused_in_one_line(cli, tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    code, _, err = cli("import", str(path))
    assert code == 2
    assert err.startswith("mop-desktop import: broken.pdf: is damaged or not a PDF")
    assert len(err.strip().splitlines()) == 1


def test_import_pdf_from_the_command_line_keeps_the_numbers(cli, tmp_path):
    path = tmp_path / "protocol.pdf"
    long_pdf(path)
    code, out, err = cli("import", str(path))
    assert code == 0, err
    assert "as the adopted version" in out
    data = json.loads(cli("show", "--json")[1])
    assert data["council"] == "Oakford Town Council"
    assert [b["number"] for b in data["sections"][1]["blocks"]] == [
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
    ]


def test_version_table_set_out_in_columns(tmp_path):
    path = tmp_path / "table.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    y = TOP
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, y, "Member/Officer Protocol")
    y -= 30
    c.setFont("Helvetica", 10)
    rows = [
        ("Issue", "Approved", "Resolution", "Next review"),
        ("1", "17 March 2020", "12/20", "March 2021"),
        ("2", "25 March 2021", "31/21", "March 2022"),
    ]
    for row in rows:
        for x, cell in zip((72, 150, 300, 400), row, strict=True):
            c.drawString(x, y, cell)
        y -= 16
    c.drawString(72, y - 20, "1.")
    c.drawString(100, y - 20, "Introduction")
    c.drawString(72, y - 40, "1.1")
    c.drawString(100, y - 40, "Text of the clause.")
    c.save()
    result = read_protocol(path)
    assert [a.history_json() for a in result.history] == [
        {"version": "1", "adopted_on": "2020-03-17", "minute_ref": "12/20",
         "review_due": "2021-03-31", "reviewer": ""},
        {"version": "2", "adopted_on": "2021-03-25", "minute_ref": "31/21",
         "review_due": "2022-03-31", "reviewer": ""},
    ]  # fmt: skip
    assert [(s.number, s.heading) for s in result.text.sections] == [("1", "Introduction")]


def _sample_as_pdf(source: Path, out: Path) -> None:
    """The sample set out as a word processor would print it: lines wrapped to the margin,
    indented items, tab-separated rows in columns, a running header and page numbers."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = Writer(out, header="Model protocol")
    for para in source.read_text(encoding="utf-8").split("\n\n"):
        for src_line in para.split("\n"):
            if "\t" in src_line:
                if w.y < BOTTOM:
                    w.line("", gap=0)
                w.c.setFont("Helvetica", 8)
                for i, cell in enumerate(src_line.split("\t")):
                    w.c.drawString(72 + 95 * i, w.y, cell)
                w.y -= 12
                continue
            words = src_line.split()
            indent = 72 + min(len(src_line) - len(src_line.lstrip(" ")), 8) * 5
            line = ""
            for word in words:
                if line and stringWidth(f"{line} {word}", "Helvetica", 11) > WIDTH - 72 - indent:
                    w.line(line, x=indent)
                    line = word
                else:
                    line = f"{line} {word}".strip()
            if line:
                w.line(line, x=indent)
        w.space(8)
    w.save()


@pytest.mark.parametrize("name", ["borough-model-protocol.txt", "peacehaven-protocol.txt"])
def test_the_samples_printed_to_pdf_import_as_their_text_does(samples, tmp_path, name):
    pdf = tmp_path / "sample.pdf"
    _sample_as_pdf(samples / name, pdf)
    from_text, from_pdf = read_protocol(samples / name), read_protocol(pdf)

    def outline(result):
        return [
            (s.number, s.heading, [(b.number, b.text, [i.to_json() for i in b.items])
                                   for b in s.blocks])
            for s in result.text.sections
        ]  # fmt: skip

    assert outline(from_pdf) == outline(from_text)
    assert (from_pdf.text.title, from_pdf.council_name) == (
        from_text.text.title,
        from_text.council_name,
    )
    assert [a.history_json() for a in from_pdf.history] == [
        a.history_json() for a in from_text.history
    ]
    assert from_pdf.warnings == from_text.warnings


def test_the_command_lists_what_was_left_out_and_what_is_missing(cli, tmp_path):
    path = tmp_path / "plain.pdf"
    w = Writer(path, header="Draft for consultation")
    w.line("Member/Officer Protocol", bold=True, gap=24)
    for n in range(1, 60):
        w.line(f"Paragraph {n} of the protocol, which runs onto a second page.", gap=20)
    w.save()
    code, out, err = cli("import", str(path))
    assert code == 0, err
    lines = out.splitlines()
    assert (
        "left out: page 1: \u201cDraft for consultation\u201d: running header, footer or page "
        "number, left out" in lines
    )
    assert (
        "left out: page 1: \u201cPage 1\u201d: running header, footer or page number, left "
        "out" in lines
    )
    assert "missing: no council named in the document" in lines
    assert "missing: no adoption date found: it will be imported as the draft" in lines


def test_password_protected_pdf_is_refused_in_plain_words(tmp_path):
    from reportlab.lib import pdfencrypt

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(
        str(path), pagesize=A4, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0)
    )
    c.drawString(72, 700, "Protocol")
    c.save()
    with pytest.raises(ImportFailed, match="locked.pdf: is protected by a password"):
        read_protocol(path)
