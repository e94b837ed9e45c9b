"""Edit operations on a ``DocumentText``: the structure the clerk changes in the editor.

Plain Python, no Qt. Every operation changes the document in place and leaves it renumbered,
so the caller (the editor's undo commands, tests) can snapshot before and after with
``DocumentText.clone()``. Places in the document are given as indexes: a section ``s`` and a
block ``b`` within it.

New sections and clauses follow the numbering of their neighbours: in an unnumbered document
they are unnumbered, so a document never gains numbers the clerk did not ask for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mop_desktop.domain.document import LIST_STYLES, Block, DocumentText, ListItem, Section

INDENT = "  "  # two spaces of indent per list level in the list text box


class EditError(ValueError):
    """An edit that cannot be made (an index outside the document, a bad list style)."""


# -- helpers ----------------------------------------------------------------------------------
def _section(doc: DocumentText, s: int) -> Section:
    if not 0 <= s < len(doc.sections):
        raise EditError(f"there is no section {s + 1}")
    return doc.sections[s]


def _block(doc: DocumentText, s: int, b: int) -> Block:
    section = _section(doc, s)
    if not 0 <= b < len(section.blocks):
        raise EditError(f"section {s + 1} has no paragraph {b + 1}")
    return section.blocks[b]


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


def _default_section_numbered(doc: DocumentText) -> bool:
    return doc.numbered if doc.sections else True


def _default_block_numbered(doc: DocumentText, section: Section) -> bool:
    """Numbered when the section has numbered clauses; unnumbered in a section of plain
    paragraphs; in an empty section, like the rest of the document."""
    if section.blocks:
        return any(b.numbered for b in section.blocks)
    if any(sec.blocks for sec in doc.sections):
        return any(b.numbered for _, b in doc.iter_blocks())
    return section.numbered


# -- title and sections -----------------------------------------------------------------------
def set_title(doc: DocumentText, title: str) -> DocumentText:
    doc.title = title
    return doc


def add_section(
    doc: DocumentText, heading: str = "", at: int | None = None, numbered: bool | None = None
) -> int:
    """Insert a section at ``at`` (default: the end). Returns its index."""
    index = len(doc.sections) if at is None else _clamp(at, 0, len(doc.sections))
    if numbered is None:
        numbered = _default_section_numbered(doc)
    doc.sections.insert(index, Section(heading=heading, numbered=numbered))
    doc.renumber()
    return index


def delete_section(doc: DocumentText, s: int) -> Section:
    _section(doc, s)
    removed = doc.sections.pop(s)
    doc.renumber()
    return removed


def move_section(doc: DocumentText, s: int, to: int) -> int:
    """Move section ``s`` so that it ends up at index ``to``. Returns the new index."""
    _section(doc, s)
    section = doc.sections.pop(s)
    to = _clamp(to, 0, len(doc.sections))
    doc.sections.insert(to, section)
    doc.renumber()
    return to


def set_heading(doc: DocumentText, s: int, heading: str) -> DocumentText:
    _section(doc, s).heading = heading
    return doc


def set_section_numbered(doc: DocumentText, s: int, numbered: bool) -> DocumentText:
    _section(doc, s).numbered = numbered
    return doc.renumber()


# -- blocks -----------------------------------------------------------------------------------
def add_block(
    doc: DocumentText,
    s: int,
    at: int | None = None,
    text: str = "",
    numbered: bool | None = None,
    level: int | None = None,
) -> int:
    """Insert a clause into section ``s`` at ``at`` (default: the end). Returns its index.

    Without ``level`` the new clause takes the level of the clause above it, so adding below a
    sub-clause adds another sub-clause."""
    section = _section(doc, s)
    index = len(section.blocks) if at is None else _clamp(at, 0, len(section.blocks))
    if numbered is None:
        numbered = _default_block_numbered(doc, section)
    if level is None:
        level = section.blocks[index - 1].level if index > 0 else 1
    section.blocks.insert(index, Block(text=text, numbered=numbered, level=level))
    doc.renumber()
    return index


def delete_block(doc: DocumentText, s: int, b: int) -> Block:
    _block(doc, s, b)
    removed = doc.sections[s].blocks.pop(b)
    doc.renumber()
    return removed


def move_block(doc: DocumentText, s: int, b: int, to_s: int, to_b: int) -> tuple[int, int]:
    """Move a block within its section or into another one, to index ``to_b`` there (counted
    after the block has been taken out). Returns the block's new address."""
    _block(doc, s, b)
    target = _section(doc, to_s)
    block = doc.sections[s].blocks.pop(b)
    to_b = _clamp(to_b, 0, len(target.blocks))
    target.blocks.insert(to_b, block)
    doc.renumber()
    return to_s, to_b


def move_block_up(doc: DocumentText, s: int, b: int) -> tuple[int, int]:
    """One place up; the first block of a section moves to the end of the section above."""
    _block(doc, s, b)
    if b > 0:
        return move_block(doc, s, b, s, b - 1)
    if s > 0:
        return move_block(doc, s, b, s - 1, len(doc.sections[s - 1].blocks))
    return s, b


def move_block_down(doc: DocumentText, s: int, b: int) -> tuple[int, int]:
    """One place down; the last block of a section moves to the start of the section below."""
    section = _section(doc, s)
    _block(doc, s, b)
    if b < len(section.blocks) - 1:
        return move_block(doc, s, b, s, b + 1)
    if s < len(doc.sections) - 1:
        return move_block(doc, s, b, s + 1, 0)
    return s, b


def can_indent(doc: DocumentText, s: int, b: int) -> bool:
    """A clause can become a sub-clause when it is level 1 and a clause stands above it."""
    block = _block(doc, s, b)
    return block.level == 1 and b > 0


def indent_block(doc: DocumentText, s: int, b: int) -> bool:
    """Clause -> sub-clause ("2.3" becomes "2.2.1"). Returns False when nothing changed."""
    if not can_indent(doc, s, b):
        return False
    doc.sections[s].blocks[b].level = 2
    doc.sections[s].blocks[b].source_number = ""  # its place changed: numbered by position
    doc.renumber()
    return True


def outdent_block(doc: DocumentText, s: int, b: int) -> bool:
    """Sub-clause -> clause. Returns False when nothing changed."""
    block = _block(doc, s, b)
    if block.level == 1:
        return False
    block.level = 1
    block.source_number = ""
    doc.renumber()
    return True


def set_block_level(doc: DocumentText, s: int, b: int, level: int) -> DocumentText:
    if level not in (1, 2):
        raise EditError(f"level {level} is not a clause (1) or a sub-clause (2)")
    block = _block(doc, s, b)
    if block.level != level:
        block.source_number = ""
    block.level = level
    return doc.renumber()


def set_block_numbered(doc: DocumentText, s: int, b: int, numbered: bool) -> DocumentText:
    block = _block(doc, s, b)
    if block.numbered != numbered:
        block.source_number = ""
    block.numbered = numbered
    return doc.renumber()


def toggle_numbered(doc: DocumentText, s: int, b: int | None = None) -> bool:
    """Switch numbering of a section (``b`` None) or a block. Returns the new state."""
    part: Section | Block = _section(doc, s) if b is None else _block(doc, s, b)
    part.numbered = not part.numbered
    part.source_number = ""
    doc.renumber()
    return part.numbered


def renumber_by_position(doc: DocumentText) -> DocumentText:
    """The clerk's "Renumber": drop the numbers kept from the imported source (which may skip
    or repeat) and number every section and clause by its position."""
    from mop_desktop.domain.numbering import from_position

    return from_position(doc)


def number_document(doc: DocumentText, numbered: bool) -> bool:
    """Number every section and clause ("1", "1.1", "1.1.1") or take every number off, in one
    step. Returns False when the document already was that way.

    Text standing before the first heading (a section without a heading) stays unnumbered
    when numbering: it is a preamble, not clause 1."""
    parts: list[Section | Block] = []
    for section in doc.sections:
        if numbered and not section.heading.strip():
            continue
        parts += [section, *section.blocks]
    if all(part.numbered == numbered for part in parts):
        return False
    for part in parts:
        part.numbered = numbered
    for section in doc.sections:  # numbered by position now: the source's numbers give way
        section.source_number = ""
        for block in section.blocks:
            block.source_number = ""
    doc.renumber()
    return True


def set_text(doc: DocumentText, s: int, b: int, text: str) -> DocumentText:
    _block(doc, s, b).text = text
    return doc


def set_list_style(doc: DocumentText, s: int, b: int, style: str | None) -> DocumentText:
    if style is not None and style not in LIST_STYLES:
        raise EditError(f"'{style}' is not a list style")
    _block(doc, s, b).list_style = style
    return doc


def sub_list_style(items: list[ListItem]) -> str | None:
    """The style of the sub-lists at the first nesting level: the first one's, None when the
    list has no sub-list."""
    return next((item.list_style for item in items if item.items), None)


def set_sub_list_style(doc: DocumentText, s: int, b: int, style: str) -> DocumentText:
    """Give every sub-list at the first nesting level of a clause's list ``style``; deeper
    sub-lists keep their own."""
    if style not in LIST_STYLES:
        raise EditError(f"'{style}' is not a list style")
    for item in _block(doc, s, b).items:
        if item.items:
            item.list_style = style
    return doc


def set_list_items(doc: DocumentText, s: int, b: int, items: list[ListItem]) -> DocumentText:
    block = _block(doc, s, b)
    block.items = items
    if items and block.list_style is None:
        block.list_style = "bullet"
    return doc


# -- list items as text -----------------------------------------------------------------------
def items_to_text(items: list[ListItem]) -> str:
    """One item per line, two spaces of indent per level of nesting."""
    lines: list[str] = []

    def walk(entries: list[ListItem], depth: int) -> None:
        for item in entries:
            lines.append(INDENT * depth + item.text)
            walk(item.items, depth + 1)

    walk(items, 0)
    return "\n".join(lines)


def text_to_items(text: str, like: list[ListItem] | None = None) -> list[ListItem]:
    """The reverse of ``items_to_text``. Blank lines are skipped; a tab counts as one level;
    a line cannot sit more than one level below the line above it. A sub-list keeps the style
    it had in ``like`` (the items before the edit) at the same place; a new sub-list at the
    first level takes the style of the clause's other sub-lists, a new deeper one is bulleted."""
    root: list[ListItem] = []
    stack: list[list[ListItem]] = [root]
    for raw in text.splitlines():
        expanded = raw.replace("\t", INDENT)
        content = expanded.strip()
        if not content:
            continue
        depth = (len(expanded) - len(expanded.lstrip(" "))) // len(INDENT)
        depth = min(depth, len(stack) - 1)
        while len(stack) - 1 > depth:
            stack.pop()
        item = ListItem(text=content)
        stack[-1].append(item)
        stack.append(item.items)
    old = like or []
    _copy_styles(root, old, sub_list_style(old) or "bullet")
    return root


def _copy_styles(new: list[ListItem], old: list[ListItem], default: str) -> None:
    for index, fresh in enumerate(new):
        if not fresh.items:
            continue
        before = old[index] if index < len(old) else None
        if before is not None and before.items:
            fresh.list_style = before.list_style
            _copy_styles(fresh.items, before.items, "bullet")
        else:
            fresh.list_style = default
            _copy_styles(fresh.items, [], "bullet")


# -- find and replace -------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """Where a search string occurs. ``field`` is "title", "heading", "text" or "item";
    ``section``/``block`` are indexes (-1 where they do not apply); ``item`` is the path of
    indexes to a (nested) list item; ``start``/``end`` index the field's text."""

    field: str
    section: int
    block: int
    item: tuple[int, ...]
    start: int
    end: int


def _fields(doc: DocumentText) -> list[tuple[str, int, int, tuple[int, ...], str]]:
    out: list[tuple[str, int, int, tuple[int, ...], str]] = [("title", -1, -1, (), doc.title)]

    def walk(items: list[ListItem], s: int, b: int, path: tuple[int, ...]) -> None:
        for i, item in enumerate(items):
            out.append(("item", s, b, path + (i,), item.text))
            walk(item.items, s, b, path + (i,))

    for s, section in enumerate(doc.sections):
        out.append(("heading", s, -1, (), section.heading))
        for b, block in enumerate(section.blocks):
            out.append(("text", s, b, (), block.text))
            walk(block.items, s, b, ())
    return out


def _pattern(needle: str, case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(re.escape(needle), 0 if case_sensitive else re.IGNORECASE)


def find(doc: DocumentText, needle: str, case_sensitive: bool = False) -> list[Match]:
    """Every occurrence of ``needle`` in reading order (title, headings, clauses, list items)."""
    if not needle:
        return []
    pattern = _pattern(needle, case_sensitive)
    return [
        Match(name, s, b, path, m.start(), m.end())
        for name, s, b, path, value in _fields(doc)
        for m in pattern.finditer(value)
    ]


def _item(doc: DocumentText, match: Match) -> ListItem:
    items = _block(doc, match.section, match.block).items
    item: ListItem | None = None
    for index in match.item:
        if not 0 <= index < len(items):
            raise EditError("that list item is no longer there")
        item = items[index]
        items = item.items
    if item is None:
        raise EditError("that list item is no longer there")
    return item


def field_text(doc: DocumentText, match: Match) -> str:
    if match.field == "title":
        return doc.title
    if match.field == "heading":
        return _section(doc, match.section).heading
    if match.field == "text":
        return _block(doc, match.section, match.block).text
    return _item(doc, match).text


def _set_field(doc: DocumentText, match: Match, value: str) -> None:
    if match.field == "title":
        doc.title = value
    elif match.field == "heading":
        _section(doc, match.section).heading = value
    elif match.field == "text":
        _block(doc, match.section, match.block).text = value
    else:
        _item(doc, match).text = value


def replace_one(doc: DocumentText, match: Match, replacement: str, needle: str) -> bool:
    """Replace the occurrence at ``match`` if ``needle`` (compared case-insensitively) is
    still there. Returns whether anything changed."""
    value = field_text(doc, match)
    found = value[match.start : match.end]
    if found.casefold() != needle.casefold() or not found:
        return False
    _set_field(doc, match, value[: match.start] + replacement + value[match.end :])
    return True


def replace_all(
    doc: DocumentText, needle: str, replacement: str, case_sensitive: bool = False
) -> int:
    """Replace every occurrence; returns how many were replaced."""
    if not needle:
        return 0
    pattern = _pattern(needle, case_sensitive)
    count = 0
    for name, s, b, path, value in _fields(doc):
        new, n = pattern.subn(lambda _m: replacement, value)
        if n:
            _set_field(doc, Match(name, s, b, path, 0, 0), new)
            count += n
    return count
