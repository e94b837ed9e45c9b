"""The lines of the document view, worked out from the document: one per title, heading,
clause and list item, with the number or marker that hangs in the margin and where the text
starts. Plain Python: the view turns them into blocks and formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mop_desktop.domain.diff import DocumentDiff
from mop_desktop.domain.document import DocumentText, ListItem
from mop_desktop.domain.numbering import list_marker
from mop_desktop.gui.protocol.editor.change_marks import BlockMarks, place
from mop_desktop.gui.protocol.editor.outline_model import Address

TITLE, HEADING, BLOCK, ITEM, REMOVED = "title", "heading", "block", "item", "removed"
Key = tuple[str, int, int, int]


@dataclass(frozen=True)
class Widths:
    """The margin columns: clause numbers, sub-clause numbers, list markers."""

    number: float
    sub_number: float
    marker: float


def changed_run(
    before: Sequence[object], after: Sequence[object]
) -> tuple[str, int, int, int, int]:
    """The one stretch that differs between two lists, as a difflib opcode ("replace", i1,
    i2, j1, j2): what is left between their common start and their common end."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[len(before) - 1 - end] == after[len(after) - 1 - end]:
        end += 1
    return ("replace", start, len(before) - end, start, len(after) - end)


def _marked_items(
    items: list[ListItem], style: str | None, depth: int = 0
) -> list[tuple[int, str, ListItem]]:
    """(depth, marker, item) of a list and its sub-lists, in reading order."""
    out: list[tuple[int, str, ListItem]] = []
    for index, item in enumerate(items, start=1):
        out.append((depth, list_marker(style, index), item))
        out += _marked_items(item.items, item.list_style, depth + 1)
    return out


@dataclass(frozen=True)
class Entry:
    """What one block of the view shows. ``flat`` is a list item's place in its clause's list
    in reading order; ``depth`` its nesting."""

    kind: str
    s: int = -1
    b: int = -1
    flat: int = -1
    depth: int = 0

    @property
    def address(self) -> Address | None:
        """The outline row it belongs to (a list item belongs to its clause)."""
        if self.kind in (TITLE, REMOVED):
            return None
        if self.kind == HEADING:
            return (self.s, None)
        return (self.s, self.b)

    @property
    def key(self) -> tuple[str, int, int, int]:
        return (self.kind, self.s, self.b, self.flat)


@dataclass
class Line:
    entry: Entry
    text: str
    marker: str
    hang: float  # width of the margin column the marker hangs in
    indent: float  # where the text starts


def layout(doc: DocumentText, widths: Widths) -> list[Line]:
    """Every line of the document in reading order; numbers as the document gives them."""
    numbered = doc.numbered
    num, sub, item_w = widths.number, widths.sub_number, widths.marker
    base = num if numbered else 0.0
    lines = [Line(Entry(TITLE), doc.title, "", 0, 0)]
    for s, section in enumerate(doc.sections):
        if section.heading or section.number or s > 0 or not section.blocks:
            lines.append(Line(Entry(HEADING, s), section.heading, section.number, num, base))
        for b, block in enumerate(section.blocks):
            if numbered and block.numbered and block.level >= 2:
                indent, hang = base + sub, sub
            else:
                indent, hang = base, num
            lines.append(
                Line(Entry(BLOCK, s, b, -1, block.level), block.text, block.number, hang, indent)
            )
            for flat, (depth, marker, item) in enumerate(
                _marked_items(block.items, block.list_style)
            ):
                lines.append(
                    Line(
                        Entry(ITEM, s, b, flat, depth),
                        item.text,
                        marker,
                        item_w,
                        indent + item_w * (depth + 1),
                    )
                )
    return lines


def with_marks(
    lines: list[Line],
    diff: DocumentDiff,
    widths: Widths,
    numbered: bool,
    why: dict[int, str] | None = None,
) -> tuple[list[Line], dict[int, BlockMarks]]:
    """The lines with the clauses and items the draft removed put back where they stood, and
    the change marks of each line by its index."""
    placed = place([(ln.entry.kind, ln.text) for ln in lines], diff, why)
    if placed is None:
        return lines, {}
    num, item_w = widths.number, widths.marker
    base = num if numbered else 0.0
    out: list[Line] = []
    marks: dict[int, BlockMarks] = {}
    clause_indent = base
    for index, mark in placed:
        if index is not None:
            line = lines[index]
            if line.entry.kind == BLOCK:
                clause_indent = line.indent
        else:
            assert mark is not None
            if mark.kind == "item":
                indent, hang = clause_indent + item_w * (mark.depth + 1), item_w
            else:
                indent, hang = base, num
                clause_indent = base
            line = Line(
                Entry(REMOVED, flat=len(out), depth=mark.depth), "", mark.marker, hang, indent
            )
        if mark is not None:
            marks[len(out)] = mark
        out.append(line)
    return out, marks
