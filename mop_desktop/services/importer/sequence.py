"""Numbering kept from the source, checked: a number that skips, repeats, goes back or does
not belong to the section it stands under is marked doubtful (and kept as it is)."""

from __future__ import annotations

from mop_desktop.domain.document import Section


def check_sequence(sections: list[Section]) -> None:
    last: dict[tuple[str, str], tuple[int, str]] = {}
    for section in sections:
        if section.numbered and section.source_number:
            doubt = next_in_step(last, ("S", ""), section.source_number, first_free=True)
            if doubt and not section.doubtful:
                section.doubtful = doubt
        for block in section.blocks:
            number = block.source_number
            if not number:
                continue
            parts = number.split(".")
            if len(parts) == 1:
                key = ("B", section.source_number if section.numbered else "")
                doubt = next_in_step(last, key, number, first_free=True)
            else:
                doubt = next_in_step(last, ("B", ".".join(parts[:-1])), number)
                head = section.number.split(".")[0] if section.numbered else ""
                if head and parts[0] != head:
                    doubt = f"numbered {number} but stands under section {section.number}"
            if doubt and not block.doubtful:
                block.doubtful = doubt


def next_in_step(
    last: dict[tuple[str, str], tuple[int, str]],
    key: tuple[str, str],
    number: str,
    *,
    first_free: bool = False,
) -> str | None:
    """Why ``number`` is out of step with the number before it at its level, or None."""
    tail = number.split(".")[-1]
    if not tail.isdigit():
        return None
    value = int(tail)
    previous = last.get(key)
    last[key] = (value, number)
    if previous is None:
        if first_free or value == 1:
            return None
        return f"numbering starts at {number}"
    before, before_text = previous
    if value == before + 1:
        return None
    if value == before:
        return f"number {number} repeats"
    if value < before:
        return f"number {number} comes after {before_text}"
    return f"numbering skips from {before_text} to {number}"
