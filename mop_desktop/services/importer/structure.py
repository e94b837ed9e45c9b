"""The body of a protocol from its paragraphs: sections, clauses, paragraphs and nested lists.

``BodyBuilder.add(para)`` takes paragraphs in reading order; ``finish()`` returns the
sections with numbering settled and doubtful placements marked. Nothing is dropped: text
that fits nowhere else becomes a plain paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mop_desktop.domain.document import Block, ListItem, Section
from mop_desktop.services.importer.lines import (
    Marker,
    Para,
    heading_like,
    is_caps,
    split_marker,
)
from mop_desktop.services.importer.sequence import check_sequence

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)


@dataclass
class _Level:
    indent: int
    style: str
    items: list[ListItem]
    last: int = 0


@dataclass
class _Source:
    """What the source said about a section or block, kept beside it until ``finish``."""

    number: str = ""
    line: int = 0


@dataclass
class Layout:
    """Facts about the whole document that guide single decisions."""

    section_prefixes: set[str] = field(default_factory=set)  # "2" when "2.1" occurs
    numbered_headings: bool = False
    heading_level: int | None = None  # markdown/Word level of section headings
    single_clauses: bool = False  # "1. There will be ..." paragraphs: "N." never a heading
    clause_indent: int = 0  # ... at this indent
    dense: bool = False  # no blank lines anywhere (text copied out of a PDF)


class BodyBuilder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.sections: list[Section] = []
        self.block: Block | None = None
        self.block_para = Para(text="")  # the paragraph that made ``block``
        self.stack: list[_Level] = []
        self.sources: dict[int, _Source] = {}
        self.item_indent = 0
        self.heading_indents: set[int] = set()  # indents of "1. Heading" lines so far
        self.heading_paras: dict[int, Para] = {}
        self.unmarked_items = False  # short lines after a lead-in, with no list marker
        self.body: list[Para] = []  # the whole body, and where ``add`` is in it
        self.position = 0

    # -- helpers ------------------------------------------------------------------------------
    def _section(self) -> Section:
        if not self.sections:
            self.sections.append(Section(heading="", numbered=False))
        return self.sections[-1]

    def new_section(self, heading: str, number: str, para: Para, doubt: str | None = None) -> None:
        section = Section(heading=heading, numbered=bool(number), doubtful=doubt)
        self.sources[id(section)] = _Source(number, para.line)
        self.heading_paras[id(section)] = para
        if number and not para.auto_list:
            self.heading_indents.add(para.indent)
        self.sections.append(section)
        self.block = None
        self.stack = []

    def new_block(self, text: str, number: str, para: Para, doubt: str | None = None) -> Block:
        block = Block(text=text, numbered=bool(number), doubtful=doubt)
        self.sources[id(block)] = _Source(number, para.line)
        self._section().blocks.append(block)
        self.block = block
        self.block_para = para
        self.stack = []
        self.unmarked_items = False
        return block

    def source_line(self, part: Section | Block) -> int:
        src = self.sources.get(id(part))
        return src.line if src else 0

    # -- one paragraph ------------------------------------------------------------------------
    def add(self, para: Para, nxt: Para | None) -> None:
        if para.rows is not None:
            for row in para.rows:
                text = " | ".join(c.strip() for c in row if c.strip())
                if text:
                    self.new_block(text, "", para, "table row kept as a paragraph")
            return
        marker = split_marker(para.text)
        if para.heading_level is not None:
            self._heading(para, marker)
            return
        if marker.kind == "clause":
            self._clause(para, marker, nxt)
            return
        if marker.kind == "item":
            self._item(para, marker, nxt)
            return
        self._plain(para, nxt)

    def _heading(self, para: Para, marker: Marker) -> None:
        """A Markdown or Word heading. One that starts with a typed number keeps it: "2.1
        Roles" in a top-level heading style is a heading numbered 2.1; a long "2.1 ..." or
        a deeper heading style is a clause numbered as typed, never a bare paragraph."""
        level = para.heading_level or 1
        point_nought = re.fullmatch(r"(\d+)\.0+", marker.number)
        top = self.layout.heading_level is None or level <= self.layout.heading_level
        if marker.kind == "clause" and "." in marker.number and not point_nought:
            if top and heading_like(marker.text):
                self.new_section(marker.text, marker.number, para)
            else:
                self.new_block(marker.text, marker.number, para)
            return
        if not top:
            if marker.kind == "clause":
                self.new_block(marker.text, marker.number, para)
            else:
                self.new_block(para.text, "", para, "sub-heading kept as a paragraph")
            return
        if marker.kind == "clause":
            number = point_nought.group(1) if point_nought else marker.number
            self.new_section(marker.text, number, para)
        elif marker.kind == "item" and para.auto_list:  # Word numbers it "I.", "A." or "a)"
            self.new_section(marker.text, str(marker.value or 1), para)
        else:
            self.new_section(para.text, "", para)

    def _clause(self, para: Para, marker: Marker, nxt: Para | None) -> None:
        number = marker.number
        if re.fullmatch(r"\d+\.0+", number) and heading_like(marker.text):
            self.new_section(marker.text, number.split(".")[0], para)  # "1.0 Introduction"
            return
        if "." in number:
            text, rest = _next_clause_inside(marker.text, number)
            self.new_block(text, number, para)
            if rest:  # "... on social media. 1.5 Our aim is ...": 1.5 begins inside the line
                self.add(Para(text=rest, line=para.line, indent=para.indent), nxt)
                if self.block is not None and self.block.doubtful is None:
                    self.block.doubtful = f"began inside the line of clause {number}"
            return
        new_section = number in self.layout.section_prefixes and int(number) > self._section_no()
        if marker.section_word and number not in self.layout.section_prefixes:
            # "PART 1 – GUIDANCE" over clauses 1, 2, 3: a heading kept whole, its words and all
            self.new_section(para.text, "", para)
            return
        if marker.section_word or (new_section and heading_like(marker.text)):
            doubt = None if heading_like(marker.text) else "long line taken as a numbered heading"
            self.new_section(marker.text, number, para, doubt)
            return
        if new_section:  # "1. The role of members is as follows:" leads into 1.1, 1.2 ...
            self.new_block(marker.text, number, para)
            return
        like_heading = heading_like(marker.text) and not (
            self.layout.single_clauses and para.indent == self.layout.clause_indent
        )
        continues_list = any(
            level.style == "decimal" and abs(level.indent - para.indent) <= 1
            and int(number) == level.last + 1
            for level in self.stack
        )  # fmt: skip
        if (
            like_heading and para.indent in self.heading_indents and not para.auto_list
            and not continues_list
        ):  # fmt: skip
            self.new_section(marker.text, number, para)  # placed like the headings before it
            return
        if self._decimal_item(para, number):
            self._item(para, Marker("item", marker.text, style="decimal", value=int(number)), nxt)
            return
        after_bullets = (
            bool(self.stack)
            and self.stack[0].style == "bullet"
            and (para.indent <= self.block_para.indent)
        )
        if like_heading and (not self.stack or after_bullets):
            self.new_section(marker.text, number, para)
            return
        self.new_block(marker.text, number, para)

    def _section_no(self) -> int:
        """The source number of the current section (0 before the first numbered one)."""
        for section in reversed(self.sections):
            src = self.sources.get(id(section))
            if src and src.number.isdigit():
                return int(src.number)
        return 0

    def _decimal_item(self, para: Para, number: str) -> bool:
        """'1.' after a lead-in ending in ':' starts a numbered list; '2.' carries it on."""
        if self.block is None:
            return False
        if self.stack and para.indent > self.stack[-1].indent + 1:
            return True  # "1." indented under a list item: a numbered sub-list
        for level in self.stack:
            if level.style == "decimal" and abs(level.indent - para.indent) <= 1:
                # "1." on every item (a web page's numbering lost) carries the list on too
                return int(number) == level.last + 1 or int(number) == level.last == 1
        if self.stack and para.indent <= self.stack[0].indent + 1:
            return False  # "1." level with a bullet list already led in: not a sub-list
        lead_in = self.block.text.rstrip(" -\u2013").endswith(":")
        deeper = para.indent > self.block_para.indent
        follows_lead = self.position > 0 and self.body[self.position - 1] is self.block_para
        if para.auto_list and para.heading_level is None and not self.block_para.auto_list:
            # Word's list right under its lead-in: "1." followed by "2." at its level
            after = self.body[self.position + 1] if self.position + 1 < len(self.body) else None
            sibling = (
                after is not None and after.auto_list and after.indent == para.indent
                and split_marker(after.text).number == "2"
            )  # fmt: skip
            return number == "1" and follows_lead and sibling
        if para.auto_list and self.block_para.auto_list:
            return lead_in and deeper
        return lead_in and (number == "1" or deeper)

    def _plain(self, para: Para, nxt: Para | None) -> None:
        text = para.text
        if (
            self.stack
            and para.indent > 0
            and para.indent >= self.item_indent
            and self.stack[-1].items
        ):
            last = self.stack[-1].items[-1]
            last.text = f"{last.text} {text}".strip()
            return
        standalone = (nxt is None or nxt.blank_before or nxt.page_break_before) and (
            para.blank_before or para.page_break_before or self.block is None
        )
        if _PAGE_NUMBER.match(text):
            self.new_block(text, "", para, "a page number from the source?")
            return
        strong = para.bold or is_caps(text)
        following = split_marker(nxt.text) if nxt is not None else None
        leads_list = (  # a heading over "(a) ...", "(1) ..." or "1. ..." paragraphs
            nxt is not None and following is not None
            and (para.blank_before or self.layout.dense) and not nxt.toc
            and following.kind != "" and following.style != "bullet"
            and not text.rstrip().endswith(("-", "\u2013"))
        )  # fmt: skip
        if nxt is not None and nxt.auto_list and nxt.heading_level is None and not strong:
            self.new_block(text, "", para)  # the lead-in of a Word list, not a heading
            return
        if nxt is not None and nxt.toc and heading_like(text):
            self.new_block(text, "", para)  # "Contents" over its lines
            return
        after_lead_in = (
            self.block is not None
            and not self.stack
            and (self.block.text.rstrip(" -\u2013").endswith(":") or self.unmarked_items)
        )
        if after_lead_in and heading_like(text) and not strong:
            # "... for the purposes of:-" then short lines with no marker: a list in meaning
            self.new_block(text, "", para, "might be a list item")
            self.unmarked_items = True
            return
        if heading_like(text) and (standalone or strong or leads_list):
            if self.layout.numbered_headings and self._clauses_carry_on():
                self.new_block(text, "", para, "might be a sub-heading")
            else:
                self.new_section(text, "", para)
            return
        self.new_block(text, "", para)

    def _clauses_carry_on(self) -> bool:
        """Whether the next numbered clause belongs to the current section ("1.2" after 1.1):
        then a short line between them is not a new section."""
        if not self.sections:
            return False
        current = ""
        src = self.sources.get(id(self.sections[-1]))
        if src and src.number:
            current = src.number
        else:
            for block in reversed(self.sections[-1].blocks):
                number = self.sources.get(id(block), _Source()).number
                if "." in number:
                    current = number.split(".")[0]
                    break
        if not current:
            return False
        for para in self.body[self.position + 1 :]:
            if para.rows is not None or para.toc:
                continue
            marker = split_marker(para.text)
            if marker.kind == "clause":
                return "." in marker.number and marker.number.split(".")[0] == current
            if para.heading_level is not None:
                return False
        return False

    # -- lists --------------------------------------------------------------------------------
    def _item(self, para: Para, marker: Marker, nxt: Para | None) -> None:
        indent = para.indent
        style = marker.style
        if marker.weak and not self._weak_fits(marker, indent, nxt):
            style, marker = "bullet", Marker("item", marker.raw, style="bullet")
        if style == "alpha|roman":
            style = self._alpha_or_roman(marker, indent)
        value = marker.alt_value if (style == "lower-alpha" and marker.alt_value) else marker.value
        if self.block is None:
            self.new_block("", "", para, "list with no paragraph leading into it")
        assert self.block is not None
        item = ListItem(text=marker.text)
        self.item_indent = indent + 2
        if not self.stack:
            self.block.items.append(item)
            self.block.list_style = style
            self.stack = [_Level(indent, style, self.block.items, value)]
            return
        while len(self.stack) > 1 and indent < self.stack[-1].indent - 1:
            self.stack.pop()
        top = self.stack[-1]
        parent_leads = bool(top.items) and top.items[-1].text.rstrip(" -\u2013").endswith(":")
        deeper = indent > top.indent + 1
        other_style = style != top.style and style != "bullet"
        if top.items and (
            deeper or (other_style and parent_leads and not _continues(top, style, value))
        ):
            owner = top.items[-1]
            owner.items.append(item)
            owner.list_style = style
            self.stack.append(_Level(indent, style, owner.items, value))
            return
        if style != top.style and len(self.stack) > 1:
            for depth in range(len(self.stack) - 2, -1, -1):
                if _continues(self.stack[depth], style, value):
                    del self.stack[depth + 1 :]
                    top = self.stack[-1]
                    break
        top.items.append(item)
        top.last = value

    def _alpha_or_roman(self, marker: Marker, indent: int) -> str:
        for level in reversed(self.stack):
            if abs(level.indent - indent) <= 1:
                if level.style == "lower-alpha" and marker.alt_value == level.last + 1:
                    return "lower-alpha"
                if level.style == "lower-roman" and marker.value == level.last + 1:
                    return "lower-roman"
        return "lower-roman" if marker.value == 1 else "lower-alpha"

    def _weak_fits(self, marker: Marker, indent: int, nxt: Para | None) -> bool:
        """'- a text' counts as lettered when it continues a lettered list or starts one that
        the next paragraph continues ('- b text')."""
        for level in self.stack:
            if abs(level.indent - indent) <= 1:
                if level.style != "lower-alpha":
                    return False
                return marker.alt_value == level.last + 1 or marker.value == level.last + 1
        if nxt is None:
            return False
        following = split_marker(nxt.text)
        first = marker.alt_value or marker.value
        return first == 1 and following.weak and (following.alt_value or following.value) == 2

    # -- the end ------------------------------------------------------------------------------
    def finish(self) -> list[Section]:
        """Settle levels, keep the source's numbers and mark numbering that skips, repeats or
        does not fit the section it stands in (the numbers are kept all the same)."""
        self._demote_subtitles()
        for section in self.sections:
            _settle_levels(section, self.sources)
            src = self.sources.get(id(section))
            if section.numbered and src and src.number and not section.source_number:
                section.source_number = src.number
            for block in section.blocks:
                src = self.sources.get(id(block))
                if block.numbered and src and src.number:
                    block.source_number = src.number
        from mop_desktop.domain.document import DocumentText

        DocumentText(title="", sections=self.sections).renumber()
        check_sequence(self.sections)
        return self.sections

    def _demote_subtitles(self) -> None:
        """A plain line taken for a heading with nothing under it, straight above another
        heading, is a sub-title: a paragraph of the section before it."""
        kept: list[Section] = []
        for index, section in enumerate(self.sections):
            nxt = self.sections[index + 1] if index + 1 < len(self.sections) else None
            para = self.heading_paras.get(id(section))
            if (
                para is not None and not section.blocks and not section.numbered
                and nxt is not None and not nxt.numbered and kept
                and not (para.bold or is_caps(para.text) or para.heading_level is not None)
            ):  # fmt: skip
                block = Block(
                    text=section.heading,
                    numbered=False,
                    doubtful="a heading with nothing under it? kept as a paragraph",
                )
                self.sources[id(block)] = self.sources.get(id(section), _Source())
                kept[-1].blocks.append(block)
                continue
            kept.append(section)
        self.sections = kept


def _next_clause_inside(text: str, number: str) -> tuple[str, str]:
    """``text`` split where the next clause's number ("1.5" after "1.4") starts a sentence
    inside it, or (text, "")."""
    parts = number.split(".")
    if not parts[-1].isdigit():
        return text, ""
    following = ".".join(parts[:-1] + [str(int(parts[-1]) + 1)])
    m = re.search(rf"(?<=[.;:!?])\s+{re.escape(following)}\.?\s+(?=[A-Z])", text)
    if not m:
        return text, ""
    return text[: m.start()].strip(), text[m.start() :].strip()


def _continues(level: _Level, style: str, value: int) -> bool:
    return level.style == style and (style == "bullet" or value == level.last + 1)


def _settle_levels(section: Section, sources: dict[int, _Source]) -> None:
    """Clause levels from the source numbers. Clauses reading "3.1", "3.2" under a heading
    with no number of its own are clauses (level 1) of an unnumbered section: the heading
    is not given a number the document does not show."""
    numbers = [sources[id(b)].number for b in section.blocks if sources.get(id(b))]
    numbers = [n for n in numbers if n]
    firsts = {n.split(".")[0] for n in numbers}
    as_numbered = section.numbered or (
        bool(numbers) and all("." in n for n in numbers) and len(firsts) == 1
    )
    for block in section.blocks:
        src = sources.get(id(block))
        if not src or not src.number:
            continue
        depth = src.number.count(".") + 1
        block.level = max(1, depth - 1) if as_numbered else depth
