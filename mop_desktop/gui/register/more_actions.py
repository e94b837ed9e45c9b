"""The Concerns page's More menu (part of ``ConcernsPage``): change the passphrase, replace the
recovery key, set up the chair's key, seal a concern to the chair, import the clerk's own log,
and the retention review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from mop_desktop.gui.register import sealed_view
from mop_desktop.gui.register.import_dialog import ImportDialog
from mop_desktop.gui.register.retention import RetentionDialog
from mop_desktop.gui.register.setup import SetupDialog, user_message
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.gui.widgets.worker import run_in_background

if TYPE_CHECKING:  # to the type checker the mixin is the page it is part of, a QWidget
    from mop_desktop.gui.register.asks import Asks
    from mop_desktop.gui.register.table_model import ConcernTableModel
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.services.concerns import RegisterService

    _Page = QWidget
else:
    _Page = object


class MoreActions(_Page):
    """Mixed into ``ConcernsPage``, which provides ``app``, ``service``, ``asks``, ``model``
    and the table's ``selected_reference``, ``apply_filters``, ``show_locked`` and
    ``_fill_categories``."""

    app: AppContext
    service: RegisterService
    asks: Asks
    model: ConcernTableModel

    if TYPE_CHECKING:  # ConcernsPage's own

        def selected_reference(self) -> str | None: ...

        def apply_filters(self) -> None: ...

        def show_locked(self, message: str = "") -> None: ...

        def _fill_categories(self) -> None: ...

    def change_passphrase(self) -> None:
        new = self.asks.new_secret(self, "Change passphrase", "New passphrase")
        if not new:
            return
        run_in_background(
            self,
            lambda: self.service.change_passphrase(new),
            lambda _r: self.app.statusMessage.emit("The passphrase is changed."),
            lambda exc: self.asks.inform(self, "Change passphrase", user_message(exc)),
            "Changing the passphrase…",
        )

    def replace_recovery_key(self) -> None:
        """The new key is shown first; it takes the old one's place only when the clerk has
        ticked that it is written down and pressed Done (closed any other way, or killed, the
        old key keeps working)."""
        title = "Replace recovery key"
        if not self.asks.confirm(
            self,
            title,
            "Issue a new recovery key? It takes the old one's place once you have written it "
            "down and pressed Done; until then the old one (in the safe) keeps working.",
        ):
            return
        try:
            key = self.service.propose_recovery_key()
        except Exception as exc:  # noqa: BLE001 - shown as one line
            self.asks.inform(self, title, user_message(exc))
            return
        form = SetupDialog(self.app, self.service, self, self.asks, lambda: None)
        form.show_key(key)

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                self.asks.inform(
                    self, title, "The recovery key was not replaced: the old one still works."
                )
                return
            try:
                self.service.confirm_recovery_key(key)
            except Exception as exc:  # noqa: BLE001 - shown as one line
                self.asks.inform(
                    self, title, f"{user_message(exc)} The old recovery key still works."
                )
                return
            self.app.statusMessage.emit(
                "The new recovery key is in effect; the old one no longer works."
            )

        form.finished.connect(finished)
        form.open()

    def set_up_chair(self) -> None:
        sealed_view.set_up_chair(self.service, self.asks, self)

    def seal_selected(self) -> None:
        reference = self.selected_reference()
        if reference is None:
            self.asks.inform(self, "Seal to the chair", "Select the concern to seal first.")
            return
        if sealed_view.seal_selected(self.service, self.asks, self, reference):
            announce(self.app, Change.REGISTER)
            self.model.refresh()
            self.apply_filters()

    def open_import(self) -> ImportDialog | None:
        if not self.service.unlocked:
            self.show_locked()
            return None
        dialog = ImportDialog(self.app, self.service, self, self.asks)

        def finished() -> None:
            if self.service.unlocked:
                self._fill_categories()
                self.model.refresh()
                self.apply_filters()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def open_retention(self) -> RetentionDialog:
        dialog = RetentionDialog(self.app, self.service, self, self.asks)
        dialog.finished.connect(self.apply_filters)
        dialog.open()
        return dialog
