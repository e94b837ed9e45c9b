"""The page: A4, styles, header and footer on every page, DRAFT/SUPERSEDED mark, metadata.

``render(target, story, page)`` lays out a story of flowables and writes the PDF to
``target`` (a path or a binary file object); it returns the number of pages. Page numbers
read "Page 3 of 9": the canvas keeps every page until the end, then draws the footers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from mop_desktop.services.pdf import fonts
from mop_desktop.services.pdf.escape import attr

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 24 * mm, 22 * mm, 26 * mm, 24 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT

ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#9DB3C8")
MUTED = colors.HexColor("#555555")
SHADE = colors.HexColor("#E9EFF5")
MARK = colors.Color(0.6, 0.1, 0.1, alpha=0.13)

NUMBER_COLUMN = 36  # points: the margin column clause numbers hang in
SUB_NUMBER_COLUMN = 44
LIST_INDENT = 18


@dataclass
class PageInfo:
    """What every page says about the document, and the PDF's metadata."""

    council: str
    title: str
    version: str  # "Version 2026", "Draft", "Report"
    subject: str
    mark: str = ""  # "DRAFT", "SUPERSEDED" or ""
    author: str = ""
    keywords: str = ""  # an adopted version's: "mop-record:<its adoption record hash>"


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles; every one (and its bullet) in the embedded family."""
    fonts.register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=10.5,
        leading=14.6,
        spaceAfter=5,
        alignment=TA_LEFT,
        bulletFontName=fonts.REGULAR,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
        textColor=colors.black,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    out = {
        "body": base,
        "title": derive(
            "title",
            fontName=fonts.BOLD,
            fontSize=22,
            leading=27,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
        ),
        "council": derive(
            "council", fontName=fonts.BOLD, fontSize=13, leading=17, textColor=MUTED, spaceAfter=2
        ),
        "meta": derive("meta", fontSize=10, leading=14, textColor=MUTED, spaceAfter=1),
        "h1": derive(
            "h1",
            fontName=fonts.BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
            leftIndent=NUMBER_COLUMN,
            bulletIndent=0,
            bulletFontName=fonts.BOLD,
            bulletFontSize=12.5,
        ),
        "h1plain": derive(
            "h1plain",
            fontName=fonts.BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": derive(
            "h2",
            fontName=fonts.BOLD,
            fontSize=11,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "clause": derive(
            "clause",
            leftIndent=NUMBER_COLUMN,
            bulletIndent=0,
            bulletFontName=fonts.BOLD,
        ),
        "plain": derive("plain"),
        "subclause": derive(
            "subclause",
            leftIndent=NUMBER_COLUMN + SUB_NUMBER_COLUMN,
            bulletIndent=NUMBER_COLUMN,
            bulletFontName=fonts.REGULAR,
        ),
        "item": derive("item", spaceAfter=2.5),
        "cell": derive("cell", fontSize=8.8, leading=11, spaceAfter=0),
        "cellhead": derive(
            "cellhead",
            fontName=fonts.BOLD,
            fontSize=8.8,
            leading=11,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "small": derive("small", fontSize=9, leading=12, textColor=MUTED),
        "centre": derive("centre", alignment=TA_CENTER),
        "signoff": derive("signoff", fontSize=10.5, leading=15, spaceBefore=4),
    }
    return out


def list_style(depth: int, base_indent: float) -> ParagraphStyle:
    """A list item ``depth`` levels deep (0 = the block's own list) below a block whose text
    starts at ``base_indent``: the marker hangs, the text lines up after it."""
    indent = base_indent + LIST_INDENT * (depth + 1)
    return _list_style(round(indent, 1))


@lru_cache(maxsize=64)
def _list_style(indent: float) -> ParagraphStyle:
    return ParagraphStyle(
        f"item-{indent}",
        parent=styles()["item"],
        leftIndent=indent,
        bulletIndent=indent - LIST_INDENT + 2,
        bulletFontName=fonts.REGULAR,
    )


class _NumberedCanvas(Canvas):
    """Keeps each page's state so the footer can say "Page x of y" once y is known."""

    page_info: PageInfo

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # without this the preamble names reportlab's unembedded Helvetica
        kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    if TYPE_CHECKING:  # reportlab's own, missing from its stubs

        def _startPage(self) -> None: ...  # noqa: N802

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            _draw_footer(self, self.page_info, self.getPageNumber(), total)
            Canvas.showPage(self)
        Canvas.save(self)


def _draw_header(canvas: Canvas, info: PageInfo) -> None:
    canvas.saveState()
    y = PAGE_HEIGHT - TOP + 10 * mm
    canvas.setFont(fonts.BOLD, 8.5)
    canvas.setFillColor(ACCENT)
    canvas.drawString(LEFT, y, _fit(canvas, attr(info.council), fonts.BOLD, 8.5, TEXT_WIDTH / 2))
    canvas.setFont(fonts.REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    title = _fit(canvas, attr(info.title), fonts.REGULAR, 8.5, TEXT_WIDTH / 2 - 6)
    canvas.drawRightString(PAGE_WIDTH - RIGHT, y, title)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y - 3.5, PAGE_WIDTH - RIGHT, y - 3.5)
    canvas.restoreState()


def _draw_mark(canvas: Canvas, mark: str) -> None:
    if not mark:
        return
    canvas.saveState()
    canvas.setFillColor(MARK)
    size = 96 if len(mark) <= 6 else 68
    canvas.setFont(fonts.BOLD, size)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -size / 3, mark)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, info: PageInfo, number: int, total: int) -> None:
    canvas.saveState()
    y = BOTTOM - 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y + 9, PAGE_WIDTH - RIGHT, y + 9)
    canvas.setFont(fonts.REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(
        LEFT, y, _fit(canvas, attr(info.version), fonts.REGULAR, 8.5, TEXT_WIDTH - 80)
    )
    canvas.drawRightString(PAGE_WIDTH - RIGHT, y, f"Page {number} of {total}")
    canvas.restoreState()


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so a long council name cannot run off the page."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def render(target: str | IO[bytes], story: list[Any], info: PageInfo) -> int:
    """Lay out ``story`` on A4 pages and write the PDF. Returns the page count."""
    fonts.register_fonts()

    def on_page(canvas: Canvas, _doc: Any) -> None:
        _draw_header(canvas, info)

    def on_page_end(canvas: Canvas, _doc: Any) -> None:
        _draw_mark(canvas, info.mark)  # over the text (translucent), so tables cannot hide it

    frame = Frame(
        LEFT,
        BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - TOP - BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        target,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=attr(info.title),
        author=attr(info.author or info.council),
        subject=attr(info.subject),
        keywords=[attr(info.keywords)],  # reportlab joins the list with ", "
        creator="MOP Desktop",
        producer="MOP Desktop (reportlab)",
        lang="en-GB",
        displayDocTitle=True,  # viewers show the title, not the file name
        pageTemplates=[
            PageTemplate(id="page", frames=[frame], onPage=on_page, onPageEnd=on_page_end)
        ],
    )

    class Canvas_(_NumberedCanvas):
        page_info = info

    doc.build(story, canvasmaker=Canvas_)
    return int(doc.page)
