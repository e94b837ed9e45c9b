"""Word (.docx) protocols through python-docx.

Paragraphs and tables are read in body order. Word's automatic numbering (a paragraph's or
its style's ``numPr``: ``numId`` and ``ilvl``, resolved through the numbering part's
``numFmt``/``lvlText``/``start``, see ``word_format``) is written out as the marker a reader
sees ("2.1", "a)", "iv.", a bullet), so numbered clauses and lists come out as they print.
Heading styles give headings; headers and footers are searched for the council's name and
adoption lines.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from mop_desktop.services.importer import ImportFailed, ImportResult
from mop_desktop.services.importer.builder import build
from mop_desktop.services.importer.lines import Para, council_name_in, is_council_line
from mop_desktop.services.importer.word_format import (
    Numbering,
    Styles,
    W,
    all_bold,
    heading_level,
    is_toc,
)

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "pPr", W + "rPr", W + "drawing", W + "pict", MC + "AlternateContent", W + "object"}


def read_docx(data: bytes, name: str) -> ImportResult:
    document = _open(data, name)
    styles = Styles(document)
    numbering = Numbering(document, styles)
    paras: list[Para] = []
    page = False  # a page break falls before the next paragraph
    count = 0
    for element in _body_elements(document.element.body):
        if element.tag == W + "tbl":
            rows = _table_rows(element)
            if rows:
                paras.append(Para(text="", line=count + 1, rows=rows, blank_before=True,
                                  page_break_before=page))  # fmt: skip
                page = False
            continue
        count += 1
        text, page_before, page_after = _paragraph_text(element)
        chain = styles.chain(element)
        marker, ilvl = numbering.marker(element, chain)
        page = page or page_before
        pieces = [piece.strip() for piece in text.split("\n") if piece.strip()]
        level = heading_level(chain, element) if pieces else None
        for position, piece in enumerate(pieces):
            first = position == 0
            paras.append(
                Para(
                    text=f"{marker} {piece}" if (first and marker) else piece,
                    line=count,
                    indent=ilvl * 4 if marker else 0,
                    blank_before=True,  # every Word paragraph stands on its own
                    page_break_before=page,
                    heading_level=level if first else None,
                    bold=all_bold(element, chain),
                    auto_list=bool(marker),
                    toc=is_toc(chain),
                )
            )
            page = False
        page = page or page_after
    extra, council = _headers_and_footers(document)
    return build(paras, name, extra_meta=extra, extra_council=council, unit="paragraph")


def _open(data: bytes, name: str) -> Any:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailed(f"{name}: is an old Word .doc file: save it as .docx and import that")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailed(f"{name}: is not a Word document (.docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ImportFailed(f"{name}: is a zip file but not a Word document")
            bad = archive.testzip()
            if bad is not None:
                raise ImportFailed(f"{name}: is damaged ({bad} cannot be read)")
        import docx

        return docx.Document(io.BytesIO(data))
    except ImportFailed:
        raise
    except Exception as exc:  # zip, XML and package errors all mean the same to the clerk
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ImportFailed(f"{name}: is damaged or not a Word document ({reason})") from None


def _body_elements(body: Any) -> list[Any]:
    out: list[Any] = []
    for child in body:
        if child.tag == W + "p":
            out.extend(_text_box_paragraphs(child))
            out.append(child)
        elif child.tag == W + "tbl":
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml", W + "ins"):
            content = child.find(W + "sdtContent")
            out.extend(_body_elements(content if content is not None else child))
    return out


def _text_box_paragraphs(p: Any) -> list[Any]:
    """Paragraphs in text boxes anchored to ``p`` (a cover page's title often sits in one),
    read before it. Word stores each box twice (DrawingML and a VML fallback): the fallback
    is skipped."""
    out: list[Any] = []
    for box in p.iter(W + "txbxContent"):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not p and ancestor.tag != MC + "Fallback":
            ancestor = ancestor.getparent()
        if ancestor is not None and ancestor.tag == MC + "Fallback":
            continue
        out.extend(_body_elements(box))
    return out


def _paragraph_text(p: Any) -> tuple[str, bool, bool]:
    """The paragraph's text ("\\n" for a line break), whether a page break comes before it
    (``pageBreakBefore``, or a page break ahead of any text) and whether one comes after it
    (a page break following its text)."""
    parts: list[str] = []
    ppr = p.find(W + "pPr")
    breaks = {"before": ppr is not None and ppr.find(W + "pageBreakBefore") is not None,
              "after": False}  # fmt: skip

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") != "page":
                    parts.append("\n")
                elif "".join(parts).strip():
                    breaks["after"] = True
                    parts.append("\n")
                else:
                    breaks["before"] = True
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts), breaks["before"], breaks["after"]


def _cell_text(tc: Any) -> str:
    texts = []
    for p in tc.iter(W + "p"):
        text, _, _ = _paragraph_text(p)
        if text.strip():
            texts.append(" ".join(text.split()))
    return " ".join(texts)


def _table_rows(tbl: Any) -> list[list[str]]:
    rows = []
    for tr in tbl.iter(W + "tr"):
        if tr.getparent() is not tbl and tr.getparent().tag != W + "sdtContent":
            continue  # rows of a nested table are read with their cell
        cells = [_cell_text(tc) for tc in tr if tc.tag == W + "tc"]
        if any(cells):
            rows.append(cells)
    return rows


def _headers_and_footers(document: Any) -> tuple[list[str], str]:
    lines: list[str] = []
    council = ""
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):  # fmt: skip
            try:
                if part.is_linked_to_previous:
                    continue
                for p in part._element.iter(W + "p"):
                    text, _, _ = _paragraph_text(p)
                    for piece in text.replace("\t", "\n").split("\n"):
                        piece = " ".join(piece.split())
                        if not piece:
                            continue
                        lines.append(piece)
                        if not council and (is_council_line(piece) or council_name_in(piece)):
                            council = council_name_in(piece)
            except Exception:
                continue
    return lines, council
