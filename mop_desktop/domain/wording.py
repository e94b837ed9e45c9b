"""Small pieces of a clerk's wording shared by the window and the command line."""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """ "1 section", "3 sections" (``many`` when the plural is not ``one`` + "s")."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
