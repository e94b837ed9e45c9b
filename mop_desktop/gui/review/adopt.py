"""The "Adopt" dialog (``ui/adopt_dialog.ui``): date of adoption, minute reference,
originator/reviewer, the chair and clerk signing off, the version label, and "reviewed, no
changes". Each field is checked as it is typed, with the message beside it once the clerk has
been there; "Adopt" shows every message that remains and adopts only when there is none. The
service (``services.adoption``) decides; this only asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QWidget

from mop_desktop.domain.dates import (
    DateError,
    format_long,
    format_month,
    format_short,
    parse_typed_date,
)
from mop_desktop.domain.review import next_review_date
from mop_desktop.gui.forms.ui_adopt_dialog import Ui_AdoptDialog
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.date_field import show_full_date
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.services.adoption import (
    AdoptionError,
    AdoptionRequest,
    AdoptionResult,
    adopt,
)
from mop_desktop.services.adoption_form import adoption_defaults, check_adoption
from mop_desktop.services.history_check import after_adoption

ERROR_STYLE = "color: #ffffff; background-color: #b02a37; border-radius: 3px; padding: 3px 6px;"


class AdoptDialog(QDialog):
    """The dialog and its checks (deleted when closed). ``today`` may be set by tests."""

    def __init__(
        self,
        app: AppContext,
        parent: QWidget | None = None,
        *,
        no_changes: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.app = app
        self.today = today
        self.adoption: AdoptionResult | None = None
        self.form = Ui_AdoptDialog()
        self.form.setupUi(self)
        self.errors: dict[str, QLabel] = {
            "date": self.form.dateError,
            "minute": self.form.minuteError,
            "reviewer": self.form.reviewerError,
            "version": self.form.versionError,
            "document": self.form.documentError,
        }
        for label in self.errors.values():
            label.setStyleSheet(ERROR_STYLE)
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            policy.setRetainSizeWhenHidden(True)  # the form does not jump when one shows
            label.setSizePolicy(policy)
            label.hide()
        self._prefill()
        # "Reviewed, no changes" needs an adopted text to re-adopt
        self.form.noChangesCheck.setChecked(no_changes and self.has_adopted)
        self.form.noChangesCheck.setEnabled(self.has_adopted)
        self.ok_button = self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Adopt")
        self.form.buttonBox.accepted.connect(self.accept)
        self.form.buttonBox.rejected.connect(self.reject)
        for edit in (
            self.form.dateEdit,
            self.form.minuteEdit,
            self.form.reviewerEdit,
            self.form.versionEdit,
        ):
            edit.textChanged.connect(self.check)
        self.form.noChangesCheck.toggled.connect(self.check)
        self._touched: set[str] = set()
        show_full_date(self.form.dateEdit)  # "2/12/26" is shown as 02/12/2026 on leaving it
        self.form.dateEdit.editingFinished.connect(lambda: self._touch("date"))
        self.form.minuteEdit.editingFinished.connect(lambda: self._touch("minute"))
        self.form.reviewerEdit.editingFinished.connect(lambda: self._touch("reviewer"))
        self.check()
        # the clerk types the meeting's date over today's, then the minute reference
        self.form.dateEdit.selectAll()
        self.form.dateEdit.setFocus()

    # -- filling and reading ------------------------------------------------------------------
    def _prefill(self) -> None:
        defaults = adoption_defaults(self.app.store)
        self.has_adopted = defaults.has_adopted
        self.form.chairEdit.setText(defaults.chair)
        self.form.clerkEdit.setText(defaults.clerk)
        if defaults.reviewer:
            self.form.reviewerEdit.setText(defaults.reviewer)
        self.form.dateEdit.setText(self.today().strftime("%d/%m/%Y"))

    def request(self) -> AdoptionRequest:
        return AdoptionRequest(
            adopted_on=_typed_in_full(self.form.dateEdit.text()),
            minute_ref=self.form.minuteEdit.text(),
            reviewer=self.form.reviewerEdit.text(),
            label=self.form.versionEdit.text(),
            chair=self.form.chairEdit.text(),
            clerk=self.form.clerkEdit.text(),
            no_changes=self.form.noChangesCheck.isChecked(),
        )

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.check()

    # -- checking -----------------------------------------------------------------------------
    def check(self, *_args: object, show_all: bool = False) -> dict[str, str]:
        """Check every field; show the messages of fields already visited (or all)."""
        request = self.request()
        day = self._date_or_none(request.adopted_on)
        checked = check_adoption(self.app.store, request, self.today(), day)
        problems = checked.problems
        if day is not None:
            self.form.versionEdit.setPlaceholderText(
                f"{checked.suggested_label} (suggested from the year)"
            )
            interval = checked.interval_months
            due = next_review_date(day, interval)
            self.form.nextReviewLabel.setText(
                f"Next review: {format_month(due)} (by {format_long(due)}, "
                f"{interval} months after adoption)."
            )
        else:
            self.form.nextReviewLabel.setText("")
        always = {"version", "document"}
        for name, label in self.errors.items():
            message = problems.get(name, "")
            visible = bool(message) and (
                show_all
                or name in always
                or name in self._touched
                or (name == "date" and request.adopted_on.strip() != "")
            )
            label.setText(message)
            # wrap only a message longer than the field: Qt gives a short wrapped label the
            # height of two lines
            room = self.form.minuteEdit.width() - 16
            label.setWordWrap(label.fontMetrics().horizontalAdvance(message) > room)
            label.setVisible(visible)
        return problems

    @staticmethod
    def _date_or_none(text: str) -> dt.date | None:
        try:
            return parse_typed_date(text)
        except DateError:
            return None

    def visible_errors(self) -> dict[str, str]:
        return {n: lbl.text() for n, lbl in self.errors.items() if not lbl.isHidden()}

    # -- adopting -----------------------------------------------------------------------------
    def accept(self) -> bool:  # type: ignore[override]  # says whether it adopted
        problems = self.check(show_all=True)
        if problems:
            self._focus_field(next(iter(problems)))
            return False
        request, today, store = self.request(), self.today(), self.app.store

        def failed(message: str, error: BaseException) -> None:
            field = error.field if isinstance(error, AdoptionError) else "document"
            label = self.errors.get(field, self.form.documentError)
            label.setText(message)
            label.show()
            self._focus_field(field)

        def adopted(result: AdoptionResult) -> None:
            self.adoption = result
            after_adoption(store)  # anchored in the credential store where there is one
            what = "re-adopted without changes" if result.no_changes else "adopted"
            self.app.statusMessage.emit(
                f"Version {result.label} {what}; next review by {format_long(result.review_due)}"
            )
            super(AdoptDialog, self).accept()

        return (
            Operation(
                self.app,
                self,
                lambda: adopt(store, request, today),
                changes={Change.DOCUMENT, Change.SCHEDULE},
                title="Adopt",
                expected=(AdoptionError,),
            )
            .success(adopted)
            .failure(failed)
            .run_now()
        )

    def _focus_field(self, name: str) -> None:
        editors = {
            "date": self.form.dateEdit,
            "minute": self.form.minuteEdit,
            "reviewer": self.form.reviewerEdit,
            "version": self.form.versionEdit,
        }
        editor = editors.get(name)
        if editor is not None:
            editor.setFocus()


def open_adopt_dialog(
    app: AppContext, parent: QWidget | None = None, *, no_changes: bool = False
) -> AdoptionResult | None:
    """Show the dialog; the result when something was adopted."""
    dialog = AdoptDialog(app, parent, no_changes=no_changes)
    result: list[AdoptionResult | None] = [None]
    dialog.finished.connect(lambda _code: result.__setitem__(0, dialog.adoption))
    dialog.exec()  # deleted when closed (not kept hidden under the window)
    return result[0]


def _typed_in_full(text: str) -> str:
    """A typed date with a two-digit year ("2/12/26") as the full date; other text as typed
    (the adoption service parses it strictly and names any problem)."""
    try:
        return format_short(parse_typed_date(text)) if "-" not in text else text
    except DateError:
        return text
