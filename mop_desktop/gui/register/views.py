"""The Concerns page's two faces, each its compiled form (``gui/forms``) set up on the widget
itself, so ``view.unlockButton`` is typed: the locked view (``ui/register_locked.ui``: the
passphrase, or "Set up the register") and the table view (``ui/register_table.ui``: search,
filters, the table and its buttons)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mop_desktop.gui.forms.ui_register_locked import Ui_RegisterLockedView
from mop_desktop.gui.forms.ui_register_table import Ui_RegisterTableView


class LockedView(QWidget, Ui_RegisterLockedView):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setupUi(self)


class TableView(QWidget, Ui_RegisterTableView):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setupUi(self)
