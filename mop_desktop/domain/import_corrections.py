"""The clerk's corrections to an import, before anything is saved. Plain Python.

The preview shows what the importer read as a sequence of lines: headings, clauses, paragraphs
and list items. The clerk may say of any line what it really is ("this is the title", "a
heading", "a clause", "a list item", "a paragraph", "not part of the protocol"), set the
council, and edit the version history. Corrections are kept as a list of small operations so
that re-importing the same file replays them and gives the corrected result.

Numbers are never invented or shifted here: a line keeps the number the source gave it. A
numbered line made into a paragraph keeps its number at the start of its text, so nothing the
source printed is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption

TITLE, HEADING, CLAUSE, PARAGRAPH, ITEM, REMOVE = (
    "title",
    "heading",
    "clause",
    "paragraph",
    "item",
    "remove",
)
KINDS = (TITLE, HEADING, CLAUSE, ITEM, PARAGRAPH, REMOVE)
KIND_LABELS = {
    TITLE: "The title",
    HEADING: "A heading",
    CLAUSE: "A clause",
    ITEM: "A list item",
    PARAGRAPH: "A paragraph",
    REMOVE: "Not part of the protocol",
}


class CorrectionError(ValueError):
    """A correction that cannot be applied (the line is not where it was)."""


@dataclass
class Line:
    """One line of the preview: what it is, its source number, its text."""

    kind: str  # heading | clause | paragraph | item
    text: str
    number: str = ""
    level: int = 1  # 1 clause, 2 sub-clause; for an item, its depth from 1
    list_style: str | None = None  # for an item: the style of the list it is in
    doubtful: str | None = None
    numbered: bool = False  # a heading or clause that takes a number (from position if none)
    source_number: str = ""  # the number the source printed, kept exactly


def lines_of(text: DocumentText) -> list[Line]:
    """The document as the preview lists it, in reading order."""
    out: list[Line] = []

    def items(entries: list[ListItem], style: str | None, depth: int) -> None:
        for entry in entries:
            out.append(Line(ITEM, entry.text, level=depth, list_style=style))
            items(entry.items, entry.list_style, depth + 1)

    for section in text.sections:
        if section.heading.strip():
            out.append(
                Line(
                    HEADING,
                    section.heading,
                    section.number if section.numbered else "",
                    doubtful=section.doubtful,
                    numbered=section.numbered,
                    source_number=section.source_number,
                )
            )
        for block in section.blocks:
            kind = CLAUSE if block.number or block.numbered else PARAGRAPH
            out.append(
                Line(
                    kind,
                    block.text,
                    block.number,
                    block.level,
                    doubtful=block.doubtful,
                    numbered=block.numbered,
                    source_number=block.source_number,
                )
            )
            items(block.items, block.list_style, 1)
    return out


def document_of(title: str, lines: list[Line]) -> DocumentText:
    """The document the lines make: a heading starts a section, a clause or paragraph a block,
    an item joins the list of the block before it (a paragraph is made for a list that stands
    first)."""
    sections: list[Section] = []
    for line in lines:
        if line.kind == HEADING:
            sections.append(
                Section(
                    line.text,
                    numbered=line.numbered or bool(line.number),
                    number=line.number,
                    doubtful=line.doubtful,
                    source_number=line.source_number,
                )
            )
            continue
        if not sections:
            sections.append(Section("", numbered=False))
        section = sections[-1]
        if line.kind in (CLAUSE, PARAGRAPH):
            numbered = line.kind == CLAUSE
            section.blocks.append(
                Block(
                    line.text,
                    numbered=numbered,
                    level=2 if line.level >= 2 and numbered else 1,
                    number=line.number if numbered else "",
                    doubtful=line.doubtful,
                    source_number=line.source_number if numbered else "",
                )
            )
            continue
        if not section.blocks:
            section.blocks.append(Block("", numbered=False))
        _add_item(section.blocks[-1], line)
    return DocumentText(title=title, sections=sections)


def _add_item(block: Block, line: Line) -> None:
    entries, depth = block.items, 1
    owner: Block | ListItem = block
    while depth < line.level and entries:
        owner = entries[-1]
        entries = owner.items
        depth += 1
    if not entries:
        owner.list_style = line.list_style
    entries.append(ListItem(line.text))


@dataclass
class Correction:
    """One thing the clerk said: line ``index`` (holding ``text``) is ``kind``."""

    index: int
    text: str
    kind: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Corrections:
    """Everything the clerk corrected in one import."""

    lines: list[Correction] = field(default_factory=list)
    council: str | None = None
    title: str | None = None
    history: list[Adoption] | None = None

    @property
    def empty(self) -> bool:
        return (
            not self.lines and self.council is None and self.title is None and self.history is None
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "lines": [c.to_json() for c in self.lines],
            "council": self.council,
            "title": self.title,
            "history": None if self.history is None else [_adoption_json(a) for a in self.history],
        }

    @classmethod
    def from_json(cls, data: Any) -> Corrections:
        if not isinstance(data, dict):
            return cls()
        lines = []
        for item in data.get("lines") or []:
            try:
                kind = str(item["kind"])
                if kind in KINDS:
                    lines.append(Correction(int(item["index"]), str(item["text"]), kind))
            except (KeyError, TypeError, ValueError):
                continue
        history = data.get("history")
        return cls(
            lines=lines,
            council=data.get("council") if isinstance(data.get("council"), str) else None,
            title=data.get("title") if isinstance(data.get("title"), str) else None,
            history=None
            if not isinstance(history, list)
            else [a for a in (_adoption_from(h) for h in history) if a is not None],
        )


def _adoption_json(a: Adoption) -> dict[str, Any]:
    return {
        "version": a.version_label,
        "adopted_on": a.adopted_on.isoformat() if a.adopted_on else None,
        "minute_ref": a.minute_ref,
        "review_due": a.review_due.isoformat() if a.review_due else None,
        "reviewer": a.reviewer,
        "adopted_by": a.adopted_by,
    }


def _adoption_from(data: Any) -> Adoption | None:
    if not isinstance(data, dict):
        return None

    def day(value: Any) -> dt.date | None:
        try:
            return dt.date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            return None

    return Adoption(
        str(data.get("version") or ""),
        day(data.get("adopted_on")),
        str(data.get("minute_ref") or ""),
        day(data.get("review_due")),
        str(data.get("reviewer") or ""),
        adopted_by=str(data.get("adopted_by") or ""),
    )


def apply_line(title: str, lines: list[Line], correction: Correction) -> str:
    """Apply one correction to ``lines`` in place; returns the (possibly new) title.
    CorrectionError when the line at ``index`` no longer holds the text it held."""
    if not 0 <= correction.index < len(lines) or lines[correction.index].text != correction.text:
        raise CorrectionError("the line is not where it was")
    line = lines[correction.index]
    kind = correction.kind
    if kind == TITLE:
        del lines[correction.index]
        return " ".join(x for x in (line.number, line.text) if x)  # every word it printed
    if kind == REMOVE:
        del lines[correction.index]
        return title
    if kind in (PARAGRAPH, ITEM) and line.number and line.kind != ITEM:
        line.text = f"{line.number} {line.text}"  # the printed number stays, as text
        line.number = line.source_number = ""
    if kind == PARAGRAPH:
        line.numbered = False
    if kind == CLAUSE:
        line.numbered = True
    if kind == ITEM:
        line.level = 1 if line.kind != ITEM else line.level
        previous = next((x for x in reversed(lines[: correction.index]) if x.kind == ITEM), None)
        line.list_style = line.list_style or (previous.list_style if previous else None)
    if kind in (HEADING, CLAUSE) and line.kind == ITEM:
        line.level = 1
    line.kind = kind
    line.doubtful = None
    return title


def apply(
    text: DocumentText, history: list[Adoption], council: str, corrections: Corrections
) -> tuple[DocumentText, list[Adoption], str, int]:
    """The import as corrected: (text, history, council, corrections that could not apply)."""
    lines = lines_of(text)
    title = text.title
    skipped = 0
    for correction in corrections.lines:
        try:
            title = apply_line(title, lines, correction)
        except CorrectionError:
            skipped += 1
    if corrections.title is not None:
        title = corrections.title
    result = document_of(title, lines)
    return (
        result,
        list(history if corrections.history is None else corrections.history),
        council if corrections.council is None else corrections.council,
        skipped,
    )
