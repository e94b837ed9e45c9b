"""The register's dialogs belong to the page that opened them and are deleted when closed;
their widgets come from the compiled forms as typed attributes; the window's exports tell their
steps in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from mop_desktop.gui.register.case_form import CaseForm
from mop_desktop.gui.register.export_dialog import ExportDialog
from mop_desktop.gui.register.retention import RetentionDialog

from .test_concerns_page import (  # noqa: F401 - fixtures
    _cheap_kdf,
    _unlocked_page,
    app,
    service,
    window,
)


def _destroyed(dialog: QDialog) -> list[bool]:
    gone: list[bool] = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    return gone


def _deleted_when_closed(qtbot, dialog: QDialog, page: QWidget) -> None:
    assert dialog.parent() is page or page.isAncestorOf(dialog)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    gone = _destroyed(dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)


def test_case_form_belongs_to_the_page_and_is_deleted_when_closed(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    assert isinstance(form, CaseForm) and page.open_forms() == [form]
    assert isinstance(form.summaryEdit, QLineEdit)  # a typed widget of the layout
    assert form.summaryEdit.text() == "<b>x</b> shouted in committee"
    _deleted_when_closed(qtbot, form, page)
    assert page.open_forms() == []


def test_retention_dialog_is_deleted_when_closed(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    dialog = page.open_retention()
    assert isinstance(dialog, RetentionDialog) and dialog.isVisible()
    _deleted_when_closed(qtbot, dialog, page)


def test_locking_closes_and_deletes_the_export_dialog(app, window, qtbot, service):
    from mop_desktop.gui.register.state import lock_register

    page = _unlocked_page(app, window, qtbot)
    dialog = page.export_case(page, "C-2026-001")
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    gone = _destroyed(dialog)
    lock_register(app)
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)
    assert page.findChildren(ExportDialog) == []


def test_the_case_report_tells_its_steps_in_the_status_bar(app, window, qtbot, service, tmp_path):
    page = _unlocked_page(app, window, qtbot)
    said: list[str] = []
    app.statusMessage.connect(said.append)
    target = tmp_path / "case.pdf"
    page.asks.save_path = lambda *a: str(target)
    dialog = page.export_case(page, "C-2026-001")
    dialog.first.setText("pdf password")
    dialog.second.setText("pdf password")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: any(s.startswith("Case report saved") for s in said), timeout=20000)
    assert said == [
        "Reading the case…",
        "Writing the case report…",
        f"Case report saved to {target}.",
    ]
    assert target.exists()
