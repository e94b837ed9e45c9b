"""Text that cannot be stored: an unpaired surrogate (half of an emoji, from a broken paste).

SQLite stores UTF-8, which has no form for an unpaired UTF-16 surrogate; Python refuses to
encode one with a message no clerk can act on. ``check_storable`` names the field instead, and
``check_parameters`` does the same for every value bound to a statement (the policy store's
engine calls it before each statement, so nothing half-written ever reaches the file).
Everything else (markup, control characters, right-to-left text, emoji) is stored as typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class UnstorableText(ValueError):
    """One line for the clerk, naming the field where it is known."""


def unpaired_surrogate_at(value: str) -> int | None:
    """The position of the first unpaired surrogate in ``value``, or None."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return int(exc.start)
    return None


def check_storable(value: str, field: str = "") -> None:
    position = unpaired_surrogate_at(value)
    if position is not None:
        where = f"{field}: " if field else ""
        raise UnstorableText(
            f"{where}the text contains a broken character (half of an emoji or symbol) at "
            f"character {position + 1}: retype that part and save again"
        )


def _values(parameters: Any) -> Iterable[Any]:
    if isinstance(parameters, Mapping):
        yield from parameters.values()
    elif isinstance(parameters, list | tuple):
        for item in parameters:
            if isinstance(item, Mapping | list | tuple):
                yield from _values(item)
            else:
                yield item


def check_parameters(parameters: Any) -> None:
    """Refuse a statement whose bound text cannot be stored (before it runs)."""
    for value in _values(parameters):
        if isinstance(value, str):
            check_storable(value)
