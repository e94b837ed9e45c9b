"""Numbers derived from position: sections "1", clauses "1.1", sub-clauses "1.1.1"; numbers
kept from an imported source (``source_number``) are used as they are.

Unnumbered sections and blocks take no number and do not use one up. Within an unnumbered
section, numbered blocks are numbered "1", "2" ... on their own.
"""

from __future__ import annotations

from mop_desktop.domain.document import DocumentText

ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


def renumber(doc: DocumentText) -> None:
    """Set every ``number``. A part with a ``source_number`` keeps it exactly; a part without
    one is numbered on from the number before it ("5.3" -> "5.4"). Once a part has been
    numbered by position, the parts after it at its level are too: a clause inserted before
    1.2 becomes 1.2 and the old 1.2 becomes 1.3, as in a word processor."""
    section_no = 0
    by_position = False  # a section was numbered by position: the later ones follow
    for section in doc.sections:
        if section.numbered and section.source_number and not by_position:
            section.number = section.source_number
            section_no = _last_int(section.source_number, section_no)
            prefix = section.number + "."
        elif section.numbered:
            by_position = True
            section_no += 1
            section.number = str(section_no)
            prefix = section.number + "."
        else:
            section.number = ""
            prefix = ""
        clause_no = 0
        sub_no = 0
        blocks_by_position = section.numbered and not section.number == section.source_number
        for block in section.blocks:
            if not block.numbered:
                block.number = ""
                continue
            if block.source_number and not blocks_by_position:
                block.number = block.source_number
                parts = _ints(block.source_number)
                if block.level >= 2 and len(parts) >= 2:
                    clause_no, sub_no = parts[-2], parts[-1]
                elif parts:
                    clause_no, sub_no = parts[-1], 0
                    if len(parts) > 1:  # "3.1" under a heading that shows no number
                        prefix = ".".join(str(p) for p in parts[:-1]) + "."
                continue
            blocks_by_position = True
            if block.level >= 2 and clause_no > 0:
                sub_no += 1
                block.number = f"{prefix}{clause_no}.{sub_no}"
            else:
                clause_no += 1
                sub_no = 0
                block.number = f"{prefix}{clause_no}"


def from_position(doc: DocumentText) -> DocumentText:
    """Forget the numbers kept from an imported source and number everything by position
    (the clerk's "Renumber"). Returns ``doc``."""
    for section in doc.sections:
        section.source_number = ""
        for block in section.blocks:
            block.source_number = ""
    renumber(doc)
    return doc


def _ints(number: str) -> list[int]:
    parts = number.split(".")
    return [int(p) for p in parts] if all(p.isdigit() for p in parts) else []


def _last_int(number: str, default: int) -> int:
    parts = _ints(number)
    return parts[-1] if parts else default


def to_roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def to_alpha(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def list_marker(style: str | None, index: int) -> str:
    """The marker printed before the ``index``-th (1-based) item of a list."""
    if style == "lower-alpha":
        return f"{to_alpha(index)})"
    if style == "lower-roman":
        return f"{to_roman(index)})"
    if style == "decimal":
        return f"{index}."
    return "\u2022"
