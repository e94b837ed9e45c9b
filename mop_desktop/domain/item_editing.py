"""Edit operations on one clause's list, item by item, as the document view needs them.

Plain Python, no Qt. The document view shows a clause's (nested) list as one line per item in
reading order, so items are addressed here by their place in that order (``flat`` index),
with their depth (0 for the clause's own list, 1 for a sub-list, ...). Structural changes
rebuild the nesting from the flat lines with ``editing.text_to_items``, so sub-lists keep
their styles where they stay in place.
"""

from __future__ import annotations

from mop_desktop.domain.document import DocumentText, ListItem
from mop_desktop.domain.editing import INDENT, EditError, set_list_items, text_to_items


def flat_items(items: list[ListItem]) -> list[tuple[int, ListItem]]:
    """(depth, item) for every item in reading order."""
    out: list[tuple[int, ListItem]] = []

    def walk(entries: list[ListItem], depth: int) -> None:
        for item in entries:
            out.append((depth, item))
            walk(item.items, depth + 1)

    walk(items, 0)
    return out


def _lines(items: list[ListItem]) -> list[tuple[int, str]]:
    return [(depth, item.text) for depth, item in flat_items(items)]


def _rebuild(doc: DocumentText, s: int, b: int, lines: list[tuple[int, str]]) -> None:
    block = doc.sections[s].blocks[b]
    before = block.items
    fixed: list[tuple[int, str]] = []
    for depth, text in lines:  # a line cannot sit more than one level below the one above
        depth = max(0, min(depth, fixed[-1][0] + 1 if fixed else 0))
        fixed.append((depth, text))
    root: list[ListItem] = []
    stack: list[list[ListItem]] = [root]
    for depth, text in fixed:
        while len(stack) - 1 > depth:
            stack.pop()
        item = ListItem(text=text)
        stack[-1].append(item)
        stack.append(item.items)
    # styles of sub-lists that stay in place, as the list text box keeps them
    styled = text_to_items("\n".join(INDENT * d + (t or "x") for d, t in fixed), like=before)
    _copy_style_tree(root, styled)
    set_list_items(doc, s, b, root)
    if not root:
        block.list_style = None


def _copy_style_tree(target: list[ListItem], source: list[ListItem]) -> None:
    for fresh, styled in zip(target, source, strict=False):
        fresh.list_style = styled.list_style if fresh.items else None
        _copy_style_tree(fresh.items, styled.items)


def _items_of(doc: DocumentText, s: int, b: int) -> list[ListItem]:
    try:
        return doc.sections[s].blocks[b].items
    except IndexError as exc:
        raise EditError(f"section {s + 1} has no paragraph {b + 1}") from exc


def set_item_text(doc: DocumentText, s: int, b: int, flat: int, text: str) -> None:
    entries = flat_items(_items_of(doc, s, b))
    if not 0 <= flat < len(entries):
        raise EditError("that list item is no longer there")
    entries[flat][1].text = text


def insert_item(doc: DocumentText, s: int, b: int, at: int, depth: int, text: str = "") -> int:
    """Insert an item at flat position ``at`` with ``depth``; returns its flat index."""
    lines = _lines(_items_of(doc, s, b))
    at = max(0, min(at, len(lines)))
    lines.insert(at, (depth, text))
    _rebuild(doc, s, b, lines)
    return at


def delete_item(doc: DocumentText, s: int, b: int, flat: int) -> None:
    """Remove one item; its sub-items move up a level in its place."""
    lines = _lines(_items_of(doc, s, b))
    if not 0 <= flat < len(lines):
        raise EditError("that list item is no longer there")
    depth = lines[flat][0]
    del lines[flat]
    k = flat
    while k < len(lines) and lines[k][0] > depth:
        lines[k] = (lines[k][0] - 1, lines[k][1])
        k += 1
    _rebuild(doc, s, b, lines)


def can_shift_item(doc: DocumentText, s: int, b: int, flat: int, step: int) -> bool:
    lines = _lines(_items_of(doc, s, b))
    if not 0 <= flat < len(lines):
        return False
    depth = lines[flat][0]
    if step > 0:
        return flat > 0 and lines[flat - 1][0] >= depth
    return depth > 0


def shift_item(doc: DocumentText, s: int, b: int, flat: int, step: int) -> bool:
    """Indent (``step`` +1) or outdent (-1) an item with its sub-items. Returns False when it
    cannot move (the first item cannot be indented, a top-level item cannot be outdented)."""
    if not can_shift_item(doc, s, b, flat, step):
        return False
    lines = _lines(_items_of(doc, s, b))
    depth = lines[flat][0]
    k = flat
    while True:
        lines[k] = (lines[k][0] + step, lines[k][1])
        k += 1
        if k >= len(lines) or lines[k][0] <= depth:
            break
    _rebuild(doc, s, b, lines)
    return True
