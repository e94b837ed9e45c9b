"""The dialog before a protected PDF is written: for a subject access export, every record it
will include with why it matched (a tick box each, to leave any out); for both exports, the PDF
password typed twice, with any problem shown beside the fields (too short, the two differ, the
register's own passphrase). Nothing is written until the clerk presses Write.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mop_desktop.gui.widgets.messages import full_sentence
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.reports import MIN_PDF_PASSWORD, PdfPasswordRefused
from mop_desktop.services.concerns.subject_access import Candidate


class ExportDialog(QDialog):
    """``on_write(references, password)`` is called when the clerk presses Write with a good
    password (``references`` is None for a case report)."""

    error: QLabel  # made below the password fields, which clear it as they are typed in

    def __init__(
        self,
        service: RegisterService,
        parent: QWidget,
        title: str,
        on_write: Callable[[list[str] | None, str], None],
        candidates: list[Candidate] | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.service = service
        self.on_write = on_write
        self.candidates = candidates
        self.setObjectName("exportDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.list: QListWidget | None = None
        if candidates is not None:
            intro = QLabel(self)
            intro.setTextFormat(Qt.TextFormat.PlainText)
            intro.setWordWrap(True)
            intro.setText(
                f"The register holds {len(candidates)} record(s) that name {name}, each shown "
                "with where the name was found. Untick any record that is about someone else; "
                "only the ticked records go into the PDF."
                if candidates
                else f"No record in the register names {name}. The PDF will say so."
            )
            from mop_desktop.services.concerns.sealed import sealed_references

            sealed = len(sealed_references(service))
            if sealed:  # their words cannot be searched with the clerk's passphrase
                intro.setText(
                    intro.text() + f"\n\n{sealed} sealed concern(s) cannot be "
                    "searched here: the chair of the personnel committee checks "
                    "them for this request."
                )
            layout.addWidget(intro)
            self.list = QListWidget(self)
            self.list.setObjectName("recordList")
            for candidate in candidates:
                item = QListWidgetItem(f"{candidate.reference}  ·  {candidate.why()}")
                item.setData(Qt.ItemDataRole.UserRole, candidate.reference)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.list.addItem(item)
            layout.addWidget(self.list)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.first.setObjectName("passwordEdit")
        self.second = QLineEdit(self)
        self.second.setObjectName("passwordAgainEdit")
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(lambda _t: self.error.clear())
        form.addRow("PDF &password:", self.first)
        form.addRow("PDF password &again:", self.second)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a61b1b;")
        hint = QLabel(
            f"At least {MIN_PDF_PASSWORD} characters, not the register's passphrase. "
            "Send it to the recipient separately from the PDF.",
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Write the PDF…")
        self.buttons.accepted.connect(self._write)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.finished.connect(self._forget)

    def chosen(self) -> list[str] | None:
        if self.list is None:
            return None
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def problem(self) -> str:
        """What is wrong with the password typed, or ''."""
        first, second = self.first.text(), self.second.text()
        try:
            self.service.check_pdf_password(first)
        except PdfPasswordRefused as exc:
            return full_sentence(str(exc))
        if first != second:
            return "The two passwords differ."
        return ""

    def _write(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.first.setFocus()
            return
        password, chosen = self.first.text(), self.chosen()
        self.accept()
        self.on_write(chosen, password)

    def _forget(self) -> None:
        self.first.clear()
        self.second.clear()
        if self.list is not None:
            self.list.clear()
