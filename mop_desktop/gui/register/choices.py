"""Combo boxes of fixed choices (roles, categories, statuses): each item shows the choice as
the clerk reads it (``domain.concerns.choice_label``) and holds the stored value as its data,
so what is saved or filtered on is always the stored value."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from mop_desktop.domain.concerns import choice_label


def fill_choices(combo: QComboBox, values: Iterable[str], first: str | None = None) -> None:
    """``first`` (if given) is an extra first item standing for "none" or "all": data ""."""
    if first is not None:
        combo.addItem(first, "")
    for value in values:
        combo.addItem(choice_label(value), value)


def choose(combo: QComboBox, value: str) -> None:
    """Select the item holding the stored ``value`` (the first item if none does)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))
