"""When the draft was saved elsewhere since the Protocol page loaded it.

``services.drafts.save_draft`` refuses a save made from an older revision (``DraftConflict``:
who saved it and when). The page then stops saving, says "Not saved" and offers, in a
window-modal box that does not block the event loop, to reload the draft with their changes
or to keep the clerk's text on screen (to copy from); it never writes over their save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from mop_desktop.services.drafts import DraftConflict

TITLE = "The draft was changed elsewhere"


BOX_NAME = "draftConflictBox"


def offer_reload(
    parent: QWidget, conflict: DraftConflict, reload: Callable[[], None]
) -> QMessageBox:
    """Show the conflict and call ``reload`` if the clerk chooses to; returns the box (one
    per page: an open box is reused rather than stacked)."""
    box = parent.findChild(QMessageBox, BOX_NAME)  # the page's open box, if there is one
    if box is not None and box.isVisible():
        box.setInformativeText(_informative(conflict))
        return box
    box = QMessageBox(parent)
    box.setObjectName(BOX_NAME)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setText(TITLE)
    box.setInformativeText(_informative(conflict))
    reload_button = box.addButton("Reload the draft", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep my text on screen", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)

    def finished(_result: int) -> None:
        if box.clickedButton() is reload_button:
            reload()

    box.finished.connect(finished)
    box.open()
    return box


def _informative(conflict: DraftConflict) -> str:
    text = str(conflict)
    return text[:1].upper() + text[1:] + "."
