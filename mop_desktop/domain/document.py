"""The structure of a protocol's text: sections holding blocks holding nested lists.

Plain Python, no Qt and no SQL. Numbers are derived from position (see ``numbering``), so a
``Block.number`` is only ever a cached result of ``renumber``; editing operations call it. An
imported document keeps the numbers its source shows: a section or block with a
``source_number`` is printed with exactly that number, and the numbers derived for the parts
without one carry on from it. ``numbering.from_position`` drops them (the clerk's "Renumber").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

ListStyle = Literal["bullet", "lower-alpha", "lower-roman", "decimal"]
LIST_STYLES: tuple[str, ...] = ("bullet", "lower-alpha", "lower-roman", "decimal")


@dataclass
class ListItem:
    """One entry of a list; ``items`` holds its own sub-list."""

    text: str
    items: list[ListItem] = field(default_factory=list)
    list_style: str | None = None  # style of the sub-list in ``items``

    def to_json(self) -> str | dict[str, Any]:
        if not self.items:
            return self.text
        out: dict[str, Any] = {"text": self.text, "items": [i.to_json() for i in self.items]}
        if self.list_style:
            out["list_style"] = self.list_style
        return out

    @classmethod
    def from_json(cls, data: str | dict[str, Any]) -> ListItem:
        if isinstance(data, str):
            return cls(text=data)
        return cls(
            text=str(data.get("text", "")),
            items=[cls.from_json(i) for i in data.get("items", [])],
            list_style=data.get("list_style"),
        )


@dataclass
class Block:
    """A clause or paragraph, numbered or not, with the list it leads into.

    ``level`` 1 is a clause ("2.1"), level 2 a sub-clause ("2.1.1"). ``doubtful`` is set by an
    importer for text it could not place with confidence; it is shown, not stored as text.
    """

    text: str
    numbered: bool = True
    level: int = 1
    items: list[ListItem] = field(default_factory=list)
    list_style: str | None = None
    number: str = ""
    doubtful: str | None = None
    source_number: str = ""  # the number the imported source shows ("" = from position)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "number": self.number,
            "text": self.text,
            "items": [i.to_json() for i in self.items],
        }
        if self.items and self.list_style:
            out["list_style"] = self.list_style
        return out


@dataclass
class Section:
    """A numbered or unnumbered heading and the blocks below it. An empty heading holds text
    that stands before the first heading."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    numbered: bool = True
    number: str = ""
    doubtful: str | None = None
    source_number: str = ""  # the number the imported source shows ("" = from position)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "heading": self.heading,
            "blocks": [b.to_json() for b in self.blocks],
        }


@dataclass
class DocumentText:
    """The text of one version of a document."""

    title: str
    sections: list[Section] = field(default_factory=list)

    # -- derived -----------------------------------------------------------------------------
    @property
    def has_source_numbers(self) -> bool:
        """True when some number is kept as the source showed it (an imported version)."""
        return any(s.source_number for s in self.sections) or any(
            b.source_number for s in self.sections for b in s.blocks
        )

    @property
    def numbered(self) -> bool:
        """True when any section or clause carries a number."""
        return any(s.numbered for s in self.sections) or any(
            b.numbered for s in self.sections for b in s.blocks
        )

    def renumber(self) -> DocumentText:
        from mop_desktop.domain.numbering import renumber

        renumber(self)
        return self

    def clone(self) -> DocumentText:
        """A deep copy, made field by field rather than by ``copy.deepcopy``: every undoable
        edit clones the document several times (docs/dev/performance.md, the editor)."""
        new: DocumentText = _shallow(self)
        new.sections = [_clone_section(s) for s in self.sections]
        return new

    # -- serialisation ------------------------------------------------------------------------
    def sections_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.sections]

    def canonical_json(self) -> str:
        """A stable text form of everything that is the document's wording and structure."""
        sections = []
        for s in self.sections:
            blocks = []
            for b in s.blocks:
                block: dict[str, Any] = {
                    "text": b.text,
                    "numbered": b.numbered,
                    "level": b.level,
                    "list_style": b.list_style,
                    "items": [i.to_json() for i in b.items],
                }
                if b.source_number:  # absent for numbers from position: older hashes hold
                    block["source_number"] = b.source_number
                blocks.append(block)
            section: dict[str, Any] = {
                "heading": s.heading,
                "numbered": s.numbered,
                "blocks": blocks,
            }
            if s.source_number:
                section["source_number"] = s.source_number
            sections.append(section)
        data = {"title": self.title, "sections": sections}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def iter_blocks(self) -> list[tuple[Section, Block]]:
        return [(s, b) for s in self.sections for b in s.blocks]

    def plain_words(self) -> list[str]:
        """Every word of the text, in reading order (title, headings, clauses, list items)."""
        words: list[str] = self.title.split()

        def walk(items: list[ListItem]) -> None:
            for item in items:
                words.extend(item.text.split())
                walk(item.items)

        for section in self.sections:
            words.extend(section.heading.split())
            for block in section.blocks:
                words.extend(block.text.split())
                walk(block.items)
        return words


def _shallow(obj: Any) -> Any:
    """A copy of a dataclass instance sharing its field values (all fields are kept, so a
    field added later is copied too; lists are replaced by the callers)."""
    fresh = object.__new__(type(obj))
    fresh.__dict__.update(obj.__dict__)
    return fresh


def _clone_items(items: list[ListItem]) -> list[ListItem]:
    out = []
    for item in items:
        fresh = _shallow(item)
        fresh.items = _clone_items(item.items)
        out.append(fresh)
    return out


def _clone_section(section: Section) -> Section:
    fresh: Section = _shallow(section)
    blocks = []
    for block in section.blocks:
        b = _shallow(block)
        b.items = _clone_items(block.items)
        blocks.append(b)
    fresh.blocks = blocks
    return fresh
