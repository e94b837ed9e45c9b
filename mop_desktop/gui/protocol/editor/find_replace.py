"""Find and replace across the title, headings, clauses and list items (Ctrl+F / Ctrl+H).

A modeless dialog: the clerk can keep typing in the editor while it is open. Finding selects
the part in the outline and the words in its field; replacing is an undoable edit.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.editing import Match, find
from mop_desktop.gui.forms.ui_find_replace_dialog import Ui_FindReplaceDialog


class FindTarget(Protocol):
    def document(self) -> DocumentText: ...

    def is_editable(self) -> bool: ...

    def show_match(self, match: Match) -> None: ...

    def replace_match(self, match: Match, replacement: str, needle: str) -> bool: ...

    def replace_everywhere(self, needle: str, replacement: str, case_sensitive: bool) -> int: ...


def reading_order(match: Match) -> tuple[int, int, int, tuple[int, ...], int]:
    return (match.section, match.block, 1 if match.field == "item" else 0, match.item, match.start)


class FindReplace(QObject):
    def __init__(self, target: FindTarget, parent: QWidget) -> None:
        super().__init__(parent)
        self.target = target
        # one dialog for the page, hidden and shown again with what was typed in it
        self.dialog = QDialog(parent)
        self.form = Ui_FindReplaceDialog()
        self.form.setupUi(self.dialog)
        self.current: Match | None = None
        self.form.findNextButton.clicked.connect(lambda: self.find_next())
        self.form.replaceButton.clicked.connect(self.replace)
        self.form.replaceAllButton.clicked.connect(self.replace_all)
        self.form.closeButton.clicked.connect(self.dialog.hide)
        self.form.findEdit.textChanged.connect(self._forget)
        self.form.caseCheck.toggled.connect(self._forget)

    # -- showing ------------------------------------------------------------------------------
    def open(self, replace: bool = False, initial: str = "") -> None:
        editable = self.target.is_editable()
        for widget in (self.form.replaceEdit, self.form.replaceButton, self.form.replaceAllButton):
            widget.setEnabled(editable)
        self.dialog.setWindowTitle("Find and replace" if editable else "Find")
        if initial and "\n" not in initial:
            self.form.findEdit.setText(initial)
        self.form.statusLabel.setText(
            "" if editable else "Adopted text cannot be changed: start a new draft to replace."
        )
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        if replace and editable and self.form.findEdit.text():
            self.form.replaceEdit.setFocus()
            self.form.replaceEdit.selectAll()
        else:
            self.form.findEdit.setFocus()
            self.form.findEdit.selectAll()

    def _forget(self) -> None:
        self.current = None
        self.form.statusLabel.setText("")

    def _needle(self) -> str:
        return str(self.form.findEdit.text())

    def _matches(self) -> list[Match]:
        return find(self.target.document(), self._needle(), self.form.caseCheck.isChecked())

    # -- actions ------------------------------------------------------------------------------
    def find_next(self, after: tuple[int, int, int, tuple[int, ...], int] | None = None) -> None:
        needle = self._needle()
        if not needle:
            self.form.statusLabel.setText("Type the words to find.")
            return
        matches = self._matches()
        if not matches:
            self.current = None
            self.form.statusLabel.setText(f"\u201c{needle}\u201d is not in the protocol.")
            return
        if after is None and self.current is not None:
            after = reading_order(self.current)
        chosen = 0
        if after is not None:
            later = [i for i, m in enumerate(matches) if reading_order(m) > after]
            chosen = later[0] if later else 0
        self.current = matches[chosen]
        self.form.statusLabel.setText(f"{chosen + 1} of {len(matches)}")
        self.target.show_match(self.current)

    def replace(self) -> None:
        if not self.target.is_editable():
            return
        if self.current is None:
            self.find_next()
            return
        replaced = self.current
        replacement = self.form.replaceEdit.text()
        if not self.target.replace_match(replaced, replacement, self._needle()):
            self.current = None
            self.find_next()
            return
        order = reading_order(replaced)
        resume = (order[0], order[1], order[2], order[3], replaced.start + len(replacement) - 1)
        self.current = None
        if self._matches():
            self.find_next(after=resume)
        else:
            self.form.statusLabel.setText("Replaced. No more found.")

    def replace_all(self) -> None:
        if not self.target.is_editable():
            return
        needle = self._needle()
        if not needle:
            self.form.statusLabel.setText("Type the words to find.")
            return
        count = self.target.replace_everywhere(
            needle, self.form.replaceEdit.text(), self.form.caseCheck.isChecked()
        )
        self.current = None
        if count:
            self.form.statusLabel.setText(
                f"Replaced {count} occurrence{'s' if count != 1 else ''}."
            )
        else:
            self.form.statusLabel.setText(f"\u201c{needle}\u201d is not in the protocol.")
