"""Text PDFs through pypdfium2: the page's characters back into lines and paragraphs.

Each page's characters are grouped into lines (pdfium's own line breaks, with pieces that sit
on one baseline put together, so a clause number set apart from its text stays with it).
Running headers and footers (a line at the top or bottom of the page that recurs, digits
aside, on at least half of the pages) and page numbers are left out and reported. Lines of
one paragraph are joined: a line that reaches the right-hand margin carries on in the next,
a word hyphenated at the end of a line is joined up, and a sentence carried over a page
break is joined too. A wide gap between lines starts a new paragraph. The rebuilt text goes
through the text importer (``text.parse_text``). A PDF with no text layer (a scan) is
refused: there is no OCR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Protocol

from mop_desktop.services.importer import ImportFailed, ImportIssue, ImportResult
from mop_desktop.services.importer.lines import split_marker

MAX_PAGES = 400  # a long constitution; a protocol runs to 10-30 pages
_PAGE_NUMBER = re.compile(
    r"^(?:[-\u2013\u2014\s]*(?:page|p\.?)?\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?[-\u2013\u2014\s]*"
    r"|[ivxlc]{1,6})$",
    re.I,
)
_SENTENCE_END = (".", ":", ";", "!", "?")
EDGE = 0.12  # the top and bottom share of a page where running headers and footers sit


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page, in points
    size: float
    bold: bool
    page: int


def read_pdf(data: bytes, name: str) -> ImportResult:
    pages, heights = _page_lines(data, name)
    if not any(line.text.strip() for page in pages for line in page):
        raise ImportFailed(
            f"{name}: this PDF is a scanned image with no text; it cannot be imported (no OCR)"
        )
    kept, left_out = _drop_running_lines(pages, heights)
    text, line_pages = _rebuild(kept)
    from mop_desktop.services.importer.reader import check_text_size
    from mop_desktop.services.importer.text import parse_text

    check_text_size(text, name)
    result = parse_text(text, source=name)
    _to_pages(result, line_pages)
    if not result.council_name:  # named only in the running header or footer
        from mop_desktop.services.importer.lines import council_name_in

        for _page, line_text in left_out:
            result.council_name = council_name_in(line_text)
            if result.council_name:
                result.issues = [i for i in result.issues if "no council" not in i.message]
                break
    for page, line_text in left_out:
        result.issues.append(ImportIssue(page, "left-out",
                                         f"\u201c{_short(line_text)}\u201d: running header, "
                                         "footer or page number, left out", "page"))  # fmt: skip
    return result


# -- characters to lines ----------------------------------------------------------------------
Box = tuple[float, float, float, float]


class TextPage(Protocol):
    """What is read of a pypdfium2 ``PdfTextPage`` (pypdfium2 ships no type hints)."""

    raw: object  # the FPDF_TEXTPAGE handle for the ``raw`` functions

    def count_chars(self) -> int: ...

    def get_charbox(self, index: int) -> Box: ...


class RawText(Protocol):
    """The functions of ``pypdfium2.raw`` (pdfium's own C API) that are called."""

    def FPDFText_GetUnicode(self, page: object, index: int) -> int: ...  # noqa: N802

    def FPDFText_GetFontSize(self, page: object, index: int) -> float: ...  # noqa: N802

    def FPDFText_GetFontWeight(self, page: object, index: int) -> int: ...  # noqa: N802

    def FPDFText_GetFontInfo(  # noqa: N802
        self, page: object, index: int, buffer: object, length: int, flags: object
    ) -> int: ...


def _page_lines(data: bytes, name: str) -> tuple[list[list[Line]], list[float]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # pdfium's errors all mean the same to the clerk
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "password" in reason.lower():
            raise ImportFailed(
                f"{name}: is protected by a password: save an unprotected copy and import that"
            ) from None
        raise ImportFailed(f"{name}: is damaged or not a PDF ({reason})") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise ImportFailed(
                f"{name}: has {len(pdf)} pages; a protocol is imported up to {MAX_PAGES} pages"
            )
        pages: list[list[Line]] = []
        heights: list[float] = []
        for number in range(len(pdf)):
            page = pdf[number]
            height = page.get_height()
            textpage = page.get_textpage()
            try:
                pages.append(_lines_of(textpage, raw, height, number + 1))
            finally:
                textpage.close()
                page.close()
            heights.append(height)
        return pages, heights
    finally:
        pdf.close()


def _lines_of(textpage: TextPage, raw: RawText, height: float, page: int) -> list[Line]:
    count = textpage.count_chars()
    handle = textpage.raw
    pieces: list[list[tuple[str, tuple[float, float, float, float], float, bool]]] = [[]]
    fonts: dict[int, bool] = {}
    for index in range(count):
        ch = chr(raw.FPDFText_GetUnicode(handle, index))
        if ch in "\r\n":
            if ch == "\n" or pieces[-1]:
                pieces.append([])
            continue
        if ch in "\x02\ufffe":  # pdfium's mark for a hyphen at the end of a line
            ch = "-"
        box = textpage.get_charbox(index)
        size = raw.FPDFText_GetFontSize(handle, index)
        inked = [c for c in pieces[-1] if not c[0].isspace()]
        if inked and not ch.isspace() and box[3] < inked[-1][1][1] - 0.2 * size:
            pieces.append([])  # below the line before: pdfium ran two lines together
        pieces[-1].append((ch, box, size, _bold(raw, handle, index, fonts)))
    lines: list[Line] = []
    for piece in pieces:
        text = _spaced(piece)
        if not text.strip():
            continue
        inked = [c for c in piece if not c[0].isspace() and c[1][2] > c[1][0]] or piece
        line = Line(
            text=text.strip(),
            x0=min(c[1][0] for c in inked),
            x1=max(c[1][2] for c in inked),
            top=height - max(c[1][3] for c in inked),
            size=median(c[2] for c in inked) or 10.0,
            bold=all(c[3] for c in inked),
            page=page,
        )
        previous = lines[-1] if lines else None
        if previous is not None and abs(previous.top - line.top) < 0.5 * max(line.size, 1):
            # on one baseline: a clause number set apart from its text, a tab stop
            left, right = (previous, line) if previous.x0 <= line.x0 else (line, previous)
            previous.text = f"{left.text} {right.text}"
            previous.x0, previous.x1 = min(left.x0, right.x0), max(left.x1, right.x1)
            previous.bold = previous.bold and line.bold
            continue
        lines.append(line)
    return lines


def _spaced(piece: list[tuple[str, tuple[float, float, float, float], float, bool]]) -> str:
    """The piece's text; a gap wider than two letters' height between words (the columns
    of a table set out with tab stops) becomes a tab, so the table is read as one."""
    out: list[str] = []
    right: float | None = None
    for ch, box, size, _bold in piece:
        if ch.isspace():
            out.append(ch)
            continue
        if right is not None and box[0] - right > 2 * max(size, 1) and out and out[-1] == " ":
            while out and out[-1] == " ":
                out.pop()
            out.append("\t")
        out.append(ch)
        right = box[2]
    return "".join(out)


def _bold(raw: RawText, handle: object, index: int, fonts: dict[int, bool]) -> bool:
    """The character is set in a bold font (by its weight or its name)."""
    import ctypes

    weight = raw.FPDFText_GetFontWeight(handle, index)
    if weight >= 600:
        return True
    buffer = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(handle, index, buffer, 96, ctypes.byref(flags))
    name = buffer.value
    key = hash(name)
    if key not in fonts:
        fonts[key] = bool(re.search(rb"bold|black|heavy|semibold|demi", name, re.I))
    return fonts[key]


# -- running headers, footers and page numbers --------------------------------------------------
def _key(line: Line) -> str:
    """The same running line on every page: its words (numbers aside) in the same size."""
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split())) + f"|{round(line.size)}"


def _at_edge(line: Line, height: float) -> bool:
    return line.top < height * EDGE or line.top > height * (1 - EDGE)


def _drop_running_lines(
    pages: list[list[Line]], heights: list[float]
) -> tuple[list[list[Line]], list[tuple[int, str]]]:
    counts: dict[str, int] = {}
    for page, height in zip(pages, heights, strict=True):
        for key in {_key(line) for line in page if _at_edge(line, height)}:
            counts[key] = counts.get(key, 0) + 1
    many = len(pages) >= 2
    needed = max(2, (len(pages) + 1) // 2)
    kept: list[list[Line]] = []
    left_out: list[tuple[int, str]] = []
    reported: set[str] = set()
    for page, height in zip(pages, heights, strict=True):
        keep = []
        for line in page:
            edge = _at_edge(line, height)
            running = many and edge and counts.get(_key(line), 0) >= needed
            if edge and (running or _PAGE_NUMBER.match(line.text.strip())):
                if _key(line) not in reported:
                    reported.add(_key(line))
                    left_out.append((line.page, line.text))
                continue
            keep.append(line)
        kept.append(keep)
    return kept, left_out


# -- lines to text ------------------------------------------------------------------------------
def _rebuild(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """The text with a line per paragraph (wrapped lines joined) and a blank line between
    paragraphs; and, per output line, the page it came from."""
    out: list[str] = []
    line_pages: list[int] = []
    lines = [line for page in pages for line in page]
    if not lines:
        return "", []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    body_size = median(line.size for line in lines)
    previous: Line | None = None
    for line in lines:
        text = line.text
        if previous is not None and _joins(previous, line, right, body_size):
            last = out[-1]
            if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and text[:1].islower():
                out[-1] = last[:-1] + text  # a word hyphenated across the line break
            else:
                out[-1] = f"{last} {text}"
            previous = line
            continue
        if previous is not None:
            new_page = line.page != previous.page
            gap = line.top - previous.top
            if new_page or gap > 1.6 * max(previous.size, line.size) or gap < 0:
                out.append("")
                line_pages.append(line.page)
        indent = max(0, round((line.x0 - left) / max(body_size * 0.5, 1)))
        out.append(" " * min(indent, 16) + (f"**{text}**" if _bold_line(line) else text))
        line_pages.append(line.page)
        previous = line
    return "\n".join(out) + "\n", line_pages


def _bold_line(line: Line) -> bool:
    return line.bold and len(line.text) <= 90 and "**" not in line.text


def _joins(previous: Line, line: Line, right: float, body_size: float) -> bool:
    """Whether ``line`` carries on the paragraph of ``previous`` (a wrapped line)."""
    if previous.bold != line.bold and (previous.bold or line.bold):
        return False
    if "\t" in previous.text or "\t" in line.text:  # rows of a table
        return False
    if split_marker(line.text).kind:  # a clause number or list marker starts something new
        return False
    if _lone_number(previous.text):
        return False  # "1.1" on its own line: the text importer puts it with its text
    # the line was wrapped when the next line's first word would not have fitted after it
    first_word = line.text.split()[0] if line.text.split() else ""
    word_width = (len(first_word) + 1) * 0.55 * max(line.size, 1)
    full = previous.x1 + word_width >= right - 1.5 * body_size
    ends = previous.text.rstrip().endswith(_SENTENCE_END)
    if line.page != previous.page:
        return not ends and (full or line.text[:1].islower())
    gap = line.top - previous.top
    if gap < 0 or gap > 1.6 * max(previous.size, line.size):
        return False
    return full or (line.text[:1].islower() and not ends)


def _lone_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){0,4}\.?|\(?[a-z]\)|\(?[ivx]{1,5}\)", text))


def _to_pages(result: ImportResult, line_pages: list[int]) -> None:
    """Issues point at the page of the PDF, not at the rebuilt text's line."""
    for issue in result.issues:
        if issue.unit == "line":
            if issue.line and issue.line <= len(line_pages):
                issue.line = line_pages[issue.line - 1]
            issue.unit = "page"
    result.warnings = [
        str(i) for i in result.issues
        if i.kind not in ("missing", "left-out") or i.message.startswith("no title")
    ]  # fmt: skip


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."
