"""Where the changes since the adopted version fall in the document view's blocks.

Takes the comparison of ``domain/diff.py`` (the same one the council-pack report marks) and
the view's lines (title, headings, clauses, list items in reading order) and says, per line,
which stretches of its text were inserted, which deleted words stand where, and the note in
brackets ("new clause", "moved from 2.3", "renumbered, was 3.1"); and where clauses and list
items of the adopted version that the draft removed are to be shown, struck through.
No Qt here: the view turns these into formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mop_desktop.domain.diff import (
    DELETE,
    EQUAL,
    INSERT,
    ClauseChange,
    DocumentDiff,
    ItemChange,
    WordOp,
)

WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Span:
    """``kind`` "equal" or "insert": text[start:end] of the clause; "delete": ``text``
    shown where the adopted version had it (not part of the clause)."""

    kind: str
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass
class BlockMarks:
    note: str = ""
    spans: list[Span] = field(default_factory=list)
    removed: bool = False  # a clause, heading or item of the adopted version, not in the draft
    kind: str = ""  # for removed lines: "heading", "block" or "item"
    marker: str = ""
    depth: int = 0
    entry: int = -1  # the change in ``diff.entries`` this line belongs to


def spans_for(text: str, ops: list[WordOp]) -> list[Span]:
    """The clause's text cut into equal and inserted stretches, with the deleted words placed
    before the word that follows them. Falls back to no marks if the words do not line up."""
    words = list(WORD.finditer(text))
    spans: list[Span] = []
    w = 0
    c = 0
    for op in ops:
        n = len(op.text.split())
        if op.op == DELETE:
            if w < len(words):
                nxt = words[w].start()
                if nxt > c:
                    spans.append(Span(EQUAL, c, nxt))
                c = nxt
                spans.append(Span(DELETE, text=op.text + " "))
            else:
                if len(text) > c:
                    spans.append(Span(EQUAL, c, len(text)))
                c = len(text)
                spans.append(Span(DELETE, text=(" " if text else "") + op.text))
            continue
        if n == 0:
            continue
        if w + n > len(words):
            return [Span(EQUAL, 0, len(text))]
        start, end = words[w].start(), words[w + n - 1].end()
        if start > c:
            spans.append(Span(EQUAL, c, start))
        spans.append(Span(op.op if op.op == INSERT else EQUAL, start, end))
        c = end
        w += n
    if c < len(text):
        spans.append(Span(EQUAL, c, len(text)))
    if w != len(words):
        return [Span(EQUAL, 0, len(text))]
    return spans


def _with_why(note: str, why: str) -> str:
    if not why:
        return note
    return f"{note}; why: {why}" if note else f"why: {why}"


def _clause_marks(e: ClauseChange, text: str, why: str = "") -> BlockMarks | None:
    what = "heading" if e.kind == "heading" else "clause"
    note = ""
    if e.added:
        note = _with_why(f"new {what}", why)
        return BlockMarks(note=note, spans=[Span(INSERT, 0, len(text))] if text else [])
    if e.moved:
        note = "moved" + (f" from {e.old_number}" if e.old_number else "")
    elif e.renumbered:
        note = f"renumbered, was {e.old_number}"
    note = _with_why(note, why)
    if e.reworded:
        return BlockMarks(note=note, spans=spans_for(text, e.ops))
    if note:
        return BlockMarks(note=note, spans=[Span(EQUAL, 0, len(text))])
    return None


def _removed_clause(e: ClauseChange, why: str = "") -> list[BlockMarks]:
    what = "heading" if e.kind == "heading" else "clause"
    note = f"{what} removed" + (f", was {e.old_number}" if e.old_number else "")
    out = [
        BlockMarks(
            note=_with_why(note, why),
            spans=[Span(DELETE, text=e.old_text or "")],
            removed=True,
            kind=e.kind,
            marker=e.old_number,
        )
    ]
    for item in e.items:
        out.append(
            BlockMarks(
                spans=[Span(DELETE, text=item.old or "")],
                removed=True,
                kind="item",
                marker=item.marker,
                depth=item.depth,
            )
        )
    return out


Placed = tuple[int | None, BlockMarks | None]


def place(
    lines: list[tuple[str, str]], diff: DocumentDiff, why: dict[int, str] | None = None
) -> list[Placed] | None:
    """``lines``: (kind, text) of the view's lines, kind "title", "heading", "block" or
    "item". Returns the lines to show, each (index into ``lines`` or None for a removed one,
    its marks or None); None if the comparison does not line up with the lines. ``why``:
    the clerk's notes by entry index, shown in the bracketed note; every clause line's marks
    (even without a change) carry the index of their entry."""
    why = why or {}
    entries = diff.entries
    pos = 0
    out: list[Placed] = []
    items: list[ItemChange] = []  # the item changes of the clause being placed

    def flush_items() -> None:
        while items:
            change = items.pop(0)
            if change.kind != "removed":
                raise LookupError
            out.append(
                (
                    None,
                    BlockMarks(
                        spans=[Span(DELETE, text=change.old or "")],
                        removed=True,
                        kind="item",
                        marker=change.marker,
                        depth=change.depth,
                    ),
                )
            )

    def flush_removed() -> None:
        nonlocal pos
        while pos < len(entries) and entries[pos].removed:
            for m in _removed_clause(entries[pos], why.get(pos, "")):
                m.entry = pos
                out.append((None, m))
            pos += 1

    try:
        for index, (kind, text) in enumerate(lines):
            if kind == "title" or (kind == "heading" and not text.strip()):
                out.append((index, None))
                continue
            if kind in ("heading", "block"):
                flush_items()
                flush_removed()
                if pos >= len(entries) or entries[pos].kind != kind:
                    return None
                e = entries[pos]
                marks = _clause_marks(e, text, why.get(pos, ""))
                if marks is None:
                    marks = BlockMarks(spans=[Span(EQUAL, 0, len(text))])
                marks.entry = pos
                pos += 1
                out.append((index, marks))
                items[:] = list(e.items) if kind == "block" else []
                continue
            while items and items[0].kind == "removed":
                flush_one = items.pop(0)
                out.append(
                    (
                        None,
                        BlockMarks(
                            spans=[Span(DELETE, text=flush_one.old or "")],
                            removed=True,
                            kind="item",
                            marker=flush_one.marker,
                            depth=flush_one.depth,
                        ),
                    )
                )
            if not items:
                return None
            change = items.pop(0)
            if change.kind == "added":
                out.append((index, BlockMarks(spans=[Span(INSERT, 0, len(text))])))
            elif change.kind == "reworded":
                out.append((index, BlockMarks(spans=spans_for(text, change.ops))))
            else:
                out.append((index, None))
        flush_items()
        flush_removed()
    except LookupError:
        return None
    if pos != len(entries):
        return None
    return out
