"""Word's own numbering (``w:numPr`` with numbering definitions) for clause numbers and lists,
so that a clerk editing the document in Word keeps the numbering as Word numbering.

Clause numbers use one multi-level definition ("1", "1.1", "1.1.1") shared by the section
headings (level 0), clauses (level 1) and sub-clauses (level 2). That gives the document's own
numbers only when they follow position; ``follows_position`` checks it first, and a document
whose numbers the source set otherwise (an imported document that skips a number) keeps them
as typed text instead. Each list gets its own numbering instance that starts at 1, with the
document's markers: "a)", "i)", "1." or a bullet.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from mop_desktop.domain.document import DocumentText

INDENT = 567  # twentieths of a point: 1 cm
LIST_INDENT = 425

_LIST_FORMATS = {
    "bullet": ("bullet", "\u2022"),
    "lower-alpha": ("lowerLetter", "%{n})"),
    "lower-roman": ("lowerRoman", "%{n})"),
    "decimal": ("decimal", "%{n}."),
}


def follows_position(text: DocumentText) -> bool:
    """True when Word's multi-level numbering would print exactly the document's numbers."""
    counters = [0, 0, 0]
    for section in text.sections:
        if section.numbered and section.number:
            counters = [counters[0] + 1, 0, 0]
            if section.number != str(counters[0]):
                return False
        elif section.number:
            return False
        for block in section.blocks:
            if not block.number:
                continue
            level = 2 if block.level >= 2 else 1
            counters[level] += 1
            if level == 1:
                counters[2] = 0
            expected = ".".join(str(c) for c in counters[: level + 1])
            if block.number != expected:
                return False
    return True


class Numbering:
    """Adds numbering definitions to a python-docx document and hands out numbering ids."""

    def __init__(self, document: Any) -> None:
        self._root = document.part.numbering_part.element
        used = [int(x) for x in self._root.xpath("//w:abstractNum/@w:abstractNumId")]
        nums = [int(x) for x in self._root.xpath("//w:num/@w:numId")]
        self._next_abstract = max(used, default=0) + 1
        self._next_num = max(nums, default=0) + 1
        self._abstract_for: dict[str, int] = {}
        self.clause_num: int | None = None

    def _add_abstract(self, levels: list[str]) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        xml = (
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="multilevel"/>' + "".join(levels) + "</w:abstractNum>"
        )
        element = parse_xml(xml)
        first_num = self._root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self._root.append(element)
        return abstract_id

    def _add_num(self, abstract_id: int, restart: bool) -> int:
        num_id = self._next_num
        self._next_num += 1
        overrides = (
            "".join(
                f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
                for i in range(9)
            )
            if restart
            else ""
        )
        self._root.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{overrides}</w:num>"
            )
        )
        return num_id

    def clauses(self) -> int:
        """The one numbering instance of the section headings, clauses and sub-clauses."""
        if self.clause_num is None:
            levels = []
            for ilvl in range(9):
                text = ".".join(f"%{i + 1}" for i in range(min(ilvl, 2) + 1))
                levels.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{INDENT * (1 + max(0, ilvl - 1))}" '
                    f'w:hanging="{INDENT}"/></w:pPr></w:lvl>'
                )
            self.clause_num = self._add_num(self._add_abstract(levels), restart=False)
        return self.clause_num

    def new_list(self, style: str | None) -> int:
        """A fresh numbering instance (it starts at 1) for one list of ``style``."""
        key = style if style in _LIST_FORMATS else "bullet"
        if key not in self._abstract_for:
            fmt, pattern = _LIST_FORMATS[key]
            levels = []
            for ilvl in range(9):
                text = pattern.replace("{n}", str(ilvl + 1))
                levels.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{INDENT + LIST_INDENT * (ilvl + 1)}" '
                    f'w:hanging="{LIST_INDENT}"/></w:pPr></w:lvl>'
                )
            self._abstract_for[key] = self._add_abstract(levels)
        return self._add_num(self._abstract_for[key], restart=True)


def number_paragraph(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Give ``paragraph`` Word numbering: ``<w:numPr><w:ilvl/><w:numId/></w:numPr>``."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    )
