"""Numbers derived from position: sections "1", clauses "1.1", sub-clauses "1.1.1".

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
    section_no = 0
    for section in doc.sections:
        if section.numbered:
            section_no += 1
            section.number = str(section_no)
            prefix = section.number + "."
        else:
            section.number = ""
            prefix = ""
        clause_no = 0
        sub_no = 0
        for block in section.blocks:
            if not block.numbered:
                block.number = ""
                continue
            if block.level >= 2 and clause_no > 0:
                sub_no += 1
                block.number = f"{prefix}{clause_no}.{sub_no}"
            else:
                clause_no += 1
                sub_no = 0
                block.number = f"{prefix}{clause_no}"


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
