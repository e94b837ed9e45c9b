"""Small helpers shared by the forms.

- ``FieldErrors``: one style for a form's problems. Each field has a message label below it in
  space kept for it (the label keeps its height when empty, so nothing jumps under the mouse),
  in a red that reads on light and dark palettes; ``show(field, text)`` fills it and moves the
  focus to the field; ``clear()`` empties them all.
- ``plural_suffix(spin)``: a spin box's suffix (" minutes", " days ahead") in the singular when
  it shows 1 ("1 minute", not "1 minutes").
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QSpinBox, QWidget

PLURALS = {
    "minutes": "minute",
    "hours": "hour",
    "days": "day",
    "months": "month",
    "years": "year",
    "weeks": "week",
}
_PLURAL_WORD = re.compile(r"\b(" + "|".join(PLURALS) + r")\b")


def error_colour(widget: QWidget) -> str:
    """A red that reads on the light and the dark palette."""
    return "#ff8a80" if widget.palette().window().color().lightness() < 128 else "#b00020"


def keep_space(label: QLabel, lines: int = 1, wrap: bool = True) -> None:
    """The label keeps room for ``lines`` lines of text even when it is empty or hidden
    (``wrap=False``: one line that never grows, the whole message in its tooltip)."""
    label.setWordWrap(wrap)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines + 2)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
    label.setSizePolicy(policy)


class FieldErrors:
    """The message labels of a form's fields: ``{field: (editor, label)}``."""

    def __init__(
        self, fields: dict[str, tuple[QWidget, QLabel]], lines: int = 1, wrap: bool = True
    ) -> None:
        self.fields = fields
        for _editor, label in fields.values():
            label.setTextFormat(Qt.TextFormat.PlainText)
            keep_space(label, lines, wrap)
            if not wrap:
                label.setMaximumHeight(label.minimumHeight())
            label.setText("")
            label.show()

    def clear(self) -> None:
        for _editor, label in self.fields.values():
            label.setText("")
            label.setToolTip("")
            label.setStyleSheet("")

    def show(self, field: str, text: str, focus: bool = True) -> None:
        editor, label = self.fields[field]
        label.setText(text)
        label.setToolTip(text)
        label.setStyleSheet(f"color: {error_colour(label)};")
        label.show()
        if focus:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_all(self, problems: dict[str, str]) -> None:
        """Every problem beside its field; the focus on the first one (in the form's order)."""
        self.clear()
        first = next((name for name in self.fields if name in problems), None)
        for name, text in problems.items():
            if name in self.fields:
                self.show(name, text, focus=name == first)

    def text(self, field: str) -> str:
        return self.fields[field][1].text()


def say(label: QLabel, text: str, error: bool = True) -> None:
    """A form's message line: a problem in red, progress ("Setting up the register…") in the
    ordinary text colour."""
    label.setText(text)
    label.setStyleSheet(f"color: {error_colour(label)};" if error and text else "")


def singular(text: str) -> str:
    return _PLURAL_WORD.sub(lambda m: PLURALS[m.group(1)], text, count=1)


def plural_suffix(spin: QSpinBox) -> None:
    """Keep ``spin``'s suffix in the singular at 1 and the plural otherwise."""
    plural = spin.suffix()
    single = singular(plural)
    if single == plural:
        return

    def update(value: int) -> None:
        spin.setSuffix(single if value == 1 else plural)

    spin.valueChanged.connect(update)
    update(spin.value())
