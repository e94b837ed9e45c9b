"""The protocol PDF's story: title block, version table, numbered body, sign-off block.

Everything here takes plain values (``content.ProtocolSource``) and returns reportlab flowables; the
store is read in ``exports``. Every piece of user text passes through ``escape.para``.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mop_desktop.domain.dates import format_long, format_month, format_short
from mop_desktop.domain.document import Block, DocumentText, ListItem
from mop_desktop.domain.numbering import list_marker
from mop_desktop.domain.records import Adoption, short_record_hash
from mop_desktop.services.pdf import fonts
from mop_desktop.services.pdf.content import ProtocolSource, heading_lines
from mop_desktop.services.pdf.escape import para
from mop_desktop.services.pdf.layout import (
    ACCENT,
    NUMBER_COLUMN,
    RULE,
    SHADE,
    SUB_NUMBER_COLUMN,
    TEXT_WIDTH,
    list_style,
    styles,
)

VERSION_TABLE_HEADINGS = (
    "Version", "Date of Adoption", "Minute Reference", "Review Date", "Originator/Reviewer",
    "Record",
)  # fmt: skip


# -- images ----------------------------------------------------------------------------------
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def image_flowable(data: bytes | None, max_width: float, max_height: float) -> Image | None:
    """A PNG or JPEG held in memory, scaled to fit; None for anything else. reportlab is
    handed bytes, never a file name, so no text can make it read a file."""
    if not data or not data.startswith(_IMAGE_MAGIC):
        return None
    try:
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # a damaged image is left out, not fatal
        return None
    if width <= 0 or height <= 0:
        return None
    scale = min(max_width / width, max_height / height, 1.0)
    image = Image(io.BytesIO(data), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image


# -- title block and version table -----------------------------------------------------------
def title_block(content: ProtocolSource) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    logo = image_flowable(content.logo, 60 * mm, 26 * mm)
    if logo is not None:
        out += [logo, Spacer(1, 4 * mm)]
    if content.council.name:
        out.append(Paragraph(para(content.council.name), st["council"]))
    out.append(Paragraph(para(content.text.title), st["title"]))
    meta = heading_lines(content)
    out += [Paragraph(para(m), st["meta"]) for m in meta]
    out += [
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=8),
    ]
    return out


def version_table(history: list[Adoption]) -> list[Flowable]:
    """The version table; it repeats its heading row and splits across pages."""
    if not history:
        return []
    st = styles()
    rows: list[list[Any]] = [[Paragraph(h, st["cellhead"]) for h in VERSION_TABLE_HEADINGS]]
    for a in history:
        rows.append(
            [
                Paragraph(para(a.version_label), st["cell"]),
                Paragraph(para(format_short(a.adopted_on)), st["cell"]),
                Paragraph(para(a.minute_ref), st["cell"]),
                Paragraph(para(format_month(a.review_due)), st["cell"]),
                Paragraph(para(a.reviewer), st["cell"]),
                Paragraph(para(short_record_hash(a.record_hash)), st["cell"]),
            ]
        )
    widths = [w * TEXT_WIDTH for w in (0.11, 0.15, 0.16, 0.14, 0.25, 0.19)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
    table.setStyle(table_style(
        ("FONTSIZE", (0, 0), (-1, -1), 8.8),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ))  # fmt: skip
    caption = Paragraph("Version history", st["h2"])
    return [caption, table, Spacer(1, 6 * mm)]


def table_style(*extra: tuple[Any, ...]) -> TableStyle:
    """The look of the PDF's tables (version history, summary of changes): a heading row in
    the accent colour, shaded rows, thin rules, the embedded font; ``extra`` commands after."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # the default would be Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ])  # fmt: skip


# -- body ------------------------------------------------------------------------------------
def block_style_and_indent(block: Block, hanging: bool = True) -> tuple[Any, float]:
    """The style of a clause and where its text starts. ``hanging``: the document has numbers,
    so every clause's text starts after the margin column they hang in."""
    st = styles()
    if not hanging:
        return st["plain"], 0
    if block.numbered and block.level >= 2:
        return st["subclause"], NUMBER_COLUMN + SUB_NUMBER_COLUMN
    return st["clause"], NUMBER_COLUMN


def list_flowables(
    items: list[ListItem],
    style: str | None,
    base_indent: float,
    depth: int = 0,
    markup: Any = None,
) -> list[Flowable]:
    """A list hanging under its markers; sub-lists one step further in. ``markup(item)``
    may replace the escaped text (the redline passes marked-up text)."""
    out: list[Flowable] = []
    pstyle = list_style(depth, base_indent)
    for index, item in enumerate(items, start=1):
        text = markup(item) if markup else para(item.text)
        out.append(Paragraph(text, pstyle, bulletText=list_marker(style, index)))
        if item.items:
            out += list_flowables(item.items, item.list_style, base_indent, depth + 1, markup)
    return out


def block_flowables(block: Block, hanging: bool = True) -> list[Flowable]:
    pstyle, indent = block_style_and_indent(block, hanging)
    bullet = block.number if block.numbered and block.number else None
    lead = Paragraph(para(block.text), pstyle, bulletText=bullet)
    if not block.items:
        return [lead]
    return lead_with_items(lead, list_flowables(block.items, block.list_style, indent))


class ClauseGroup(KeepTogether):
    """A clause kept on one page with the first items of its list (``flowables``)."""

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__(flowables)
        self.flowables = flowables


def lead_with_items(lead: Flowable, items: list[Flowable]) -> list[Flowable]:
    """A clause and its list: "Councillors can expect from Officers:" never ends a page
    without its first items."""
    return [ClauseGroup([lead, *items[:2]]), *items[2:]] if items else [lead]


def heading_style(hanging: bool = True) -> Any:
    return styles()["h1" if hanging else "h1plain"]


def heading_flowables(markup: str, number: str | None, hanging: bool = True) -> list[Flowable]:
    """A section heading (``markup`` already escaped), started on a new page when little
    room is left."""
    return [
        CondPageBreak(28 * mm),
        Paragraph(markup, heading_style(hanging), bulletText=number or None),
    ]


def hold_headings(story: list[Flowable]) -> list[Flowable]:
    """Join each heading to the clause after it. reportlab's ``keepWithNext`` does not join
    a flowable to a ``KeepTogether`` (a clause with its list), so without this a heading
    could end a page with its first clause on the next."""
    out: list[Flowable] = []
    for flowable in story:
        last = out[-1] if out else None
        if (
            isinstance(flowable, ClauseGroup)
            and isinstance(last, Paragraph)
            and last.getKeepWithNext()
        ):
            out[-1] = ClauseGroup([last, *flowable.flowables])
        else:
            out.append(flowable)
    return out


def body(text: DocumentText) -> list[Flowable]:
    """The numbered (or unnumbered) text: headings kept with what follows them."""
    hanging = text.numbered
    out: list[Flowable] = []
    for section in text.sections:
        if section.heading.strip():
            bullet = section.number if section.numbered and section.number else None
            out += heading_flowables(para(section.heading), bullet, hanging)
        for block in section.blocks:
            out += block_flowables(block, hanging)
    return hold_headings(out)


# -- sign-off --------------------------------------------------------------------------------
def _signature_cell(role: str, name: str, image: bytes | None, date: str) -> list[Flowable]:
    st = styles()
    cell: list[Flowable] = []
    picture = image_flowable(image, 55 * mm, 16 * mm)
    if picture is not None:
        cell.append(picture)
    else:
        cell.append(Spacer(1, 12 * mm))
    cell.append(
        HRFlowable(
            width="90%",
            thickness=0.6,
            color=colors.black,
            spaceBefore=1,
            spaceAfter=2,
            hAlign="LEFT",
        )
    )
    cell.append(Paragraph(f"<b>{para(name) or '&nbsp;'}</b>", st["cell"]))
    cell.append(Paragraph(role, st["cell"]))
    cell.append(Paragraph(f"Date: {para(date)}", st["cell"]))
    return cell


def signoff(content: ProtocolSource) -> list[Flowable]:
    adoption = content.adoption
    if content.status == "draft" or adoption is None:
        return []
    st = styles()
    council = content.council.name or "the Council"
    sentence = f"Adopted by {council}"
    if adoption.adopted_on:
        sentence += f" on {format_long(adoption.adopted_on)}"
    if adoption.minute_ref:
        sentence += f", minute {adoption.minute_ref}"
    sentence += "."
    chair = adoption.chair  # as recorded with this adoption (none for an imported one)
    clerk = adoption.clerk
    date = format_long(adoption.adopted_on)
    grid = Table(
        [
            [
                _signature_cell("Chair of the Council", chair, content.signature_chair, date),
                _signature_cell("Clerk to the Council", clerk, content.signature_clerk, date),
            ]
        ],
        colWidths=[TEXT_WIDTH / 2, TEXT_WIDTH / 2],
        hAlign="LEFT",
    )
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return [
        Spacer(1, 5 * mm),
        KeepTogether(
            [
                HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=6),
                Paragraph("Sign-off", st["h2"]),
                Paragraph(para(sentence), st["signoff"]),
                Spacer(1, 4 * mm),
                grid,
                *_record_line(adoption),
            ]
        ),
    ]


def _record_line(adoption: Adoption) -> list[Flowable]:
    """The short hash of the adoption record, which anchors a printed copy to the history."""
    if not adoption.record_hash:
        return []
    short = short_record_hash(adoption.record_hash)
    return [
        Spacer(1, 3 * mm),
        Paragraph(
            para(
                f"Adoption record {short}: the first digits of this adoption's record in "
                "the council's history (mop-desktop verify --record checks them)."
            ),
            styles()["cell"],
        ),
    ]


def protocol_story(content: ProtocolSource) -> list[Flowable]:
    return [
        *title_block(content),
        *version_table(content.history),
        *body(content.text),
        *signoff(content),
    ]
