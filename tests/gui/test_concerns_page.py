"""The Concerns page: locked view, set-up, table with search and filters, the case form, the
idle lock and Ctrl+L, retention. User text always shown as plain text."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMainWindow

from mop_desktop.domain.concerns import Concern
from mop_desktop.domain.records import Council
from mop_desktop.gui.register.export_dialog import ExportDialog
from mop_desktop.gui.register.retention import RetentionDialog
from mop_desktop.gui.register.setup import RecoveryDialog, SetupDialog
from mop_desktop.store.documents import save_council

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


@pytest.fixture
def app(store, app_paths, qtbot):
    from mop_desktop.gui.shell.context import AppContext

    with store.session() as session:
        save_council(
            session,
            Council(
                name="Oakford Town Council",
                principal_authority="Wealden District Council",
                personnel_chair="Cllr Hazel Rowe",
            ),
        )
    ctx = AppContext(app_paths, store)
    yield ctx
    from mop_desktop.gui.register.state import register_for

    register_for(ctx).lock()


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def service(app):
    from mop_desktop.gui.register.state import register_for

    svc = register_for(app)
    svc.init(PASSPHRASE)
    svc.add(
        Concern(
            raised_on=dt.date(2026, 3, 23),
            raised_by_role="officer",
            summary="<b>x</b> shouted in committee",
            about="Cllr Ann Example",
            about_role="councillor",
        )
    )
    svc.add(
        Concern(
            raised_on=dt.date(2026, 4, 2),
            raised_by_role="councillor",
            summary="Minutes late",
            about="Pat Clerk",
            about_role="clerk",
            category="access to information",
        )
    )
    svc.lock()
    return svc


def _page(app, window, qtbot):
    from mop_desktop.gui.register.page import create_page

    page = create_page(app, window)
    qtbot.addWidget(page)
    return page


def _unlock(page, qtbot, passphrase=PASSPHRASE):
    page.locked.passphraseEdit.setText(passphrase)
    page.locked.unlockButton.click()


def _unlocked_page(app, window, qtbot):
    page = _page(app, window, qtbot)
    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: page.service.unlocked, timeout=10000)
    return page


def test_setup_shows_recovery_key_once_and_opens(app, window, qtbot, tmp_path):
    page = _page(app, window, qtbot)
    assert page.stack.currentWidget() is page.locked_view
    assert not page.locked.setupButton.isHidden() and page.locked.unlockBox.isHidden()
    page.locked.setupButton.click()
    form = _shown(page, SetupDialog)
    ok = form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "&Set up the register"  # says what it does, not "OK"
    form.firstEdit.setText("short")
    form.secondEdit.setText("short")
    form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "at least 8" in form.errorLabel.text()
    form.firstEdit.setText(PASSPHRASE)
    form.secondEdit.setText(PASSPHRASE)
    form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: form.steps.currentIndex() == 1, timeout=10000)
    key = form.recoveryKeyLabel.text()
    assert len(key.split("-")) == 7
    assert ok.text() == "&Done"
    assert not ok.isEnabled()
    sheet = tmp_path / "sheet.pdf"
    form.asks.save_path = lambda *a: str(sheet)
    form.sheetButton.click()
    assert sheet.exists() and "Saved to" in form.sheetLabel.text()
    # printed straight from the dialog: the PDF itself (text kept), no file left behind
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from mop_desktop.gui.publishing import pdf_preview

    printed = tmp_path / "printed-sheet.pdf"
    sent = []

    def answer(printer, _parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        sent.append(printer)
        return True

    original = pdf_preview.ask_print
    pdf_preview.ask_print = answer
    try:
        form.printSheetButton.click()
    finally:
        pdf_preview.ask_print = original
    text = " ".join(page.extract_text() for page in PdfReader(str(printed)).pages)
    assert key.split("-")[0] in text and "Sent to the printer" in form.sheetLabel.text()
    form.keptCheck.setChecked(True)
    ok.click()
    assert form.recoveryKeyLabel.text() == ""
    assert page.stack.currentWidget() is page.table_view


def test_wrong_then_right_passphrase(app, window, qtbot, service):
    page = _page(app, window, qtbot)
    _unlock(page, qtbot, "not it at all")
    qtbot.waitUntil(lambda: page.locked.errorLabel.text() == "Wrong passphrase.", timeout=10000)
    assert page.locked.passphraseEdit.text() == ""
    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.table_view, timeout=10000)
    assert page.model.rowCount() == 2
    assert page.table.countLabel.text() == "2 concerns"


def test_table_search_filters_and_plain_text(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    from mop_desktop.services.concerns.query import LIST_COLUMNS

    col = LIST_COLUMNS.index("summary")
    cells = [page.model.index(r, col).data() for r in range(2)]
    assert "<b>x</b> shouted in committee" in cells
    qtbot.keyClicks(page.table.searchEdit, "shou")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.reference_at(0) == "C-2026-001"
    page.table.searchEdit.clear()
    page.table.categoryCombo.setCurrentText("Access to information")
    assert page.model.rowCount() == 1 and page.model.reference_at(0) == "C-2026-002"
    page.table.categoryCombo.setCurrentIndex(0)
    page.table.fromEdit.setText("31/02/2026")
    qtbot.waitUntil(lambda: "not a real date" in page.table.countLabel.text(), timeout=3000)
    page.table.fromEdit.setText("01/04/2026")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.table.fromEdit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    page.model.sort(0, Qt.SortOrder.AscendingOrder)
    assert page.model.reference_at(0) == "C-2026-001"
    page.model.sort(0, Qt.SortOrder.DescendingOrder)
    assert page.model.reference_at(0) == "C-2026-002"


def test_case_form_literal_text_routes_and_dates(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    assert form.summaryEdit.text() == "<b>x</b> shouted in committee"
    for label in form.findChildren(QLabel):
        if label.objectName() in ("referenceLabel", "guidanceLabel", "errorLabel"):
            assert label.textFormat() == Qt.TextFormat.PlainText
    assert "Monitoring Officer of Wealden District Council" in form.guidanceLabel.text()
    form.aboutRoleCombo.setCurrentText("Clerk")
    assert "chair of the personnel committee (Cllr Hazel Rowe)" in form.guidanceLabel.text()
    form.aboutRoleCombo.setCurrentText("Councillor")
    form.followUpOnEdit.setText("31/02/2026")
    assert not form.save()
    assert form.errorLabel.text().startswith("Follow up on:")
    assert service.get("C-2026-001").follow_up_on is None
    form.followUpOnEdit.setText("23/03/2")
    assert not form.save() and service.get("C-2026-001").follow_up_on is None
    form.followUpOnEdit.setText("01/05/2026")
    assert form.save()
    assert service.get("C-2026-001").follow_up_on == dt.date(2026, 5, 1)


def test_new_case_untouched_dates_not_saved(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    form.summaryEdit.setText("Email forwarded outside the council")
    form.categoryCombo.setCurrentText("Confidentiality")
    assert form.save()
    saved = service.get(form.reference)
    assert saved.category == "confidentiality"
    assert saved.follow_up_on is None and saved.closed_on is None
    assert saved.raised_on == dt.date.today()
    assert page.model.rowCount() == 3


def test_timeline_and_audit_in_the_form(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    form.entryDateEdit.setText("24/03/2026")
    form.entryTextEdit.setText("Met the chair <i>informally</i>")
    form.addEntryButton.click()
    assert form.timeline_model.rowCount() == 1
    assert form.timeline_model.index(0, 1).data() == "Met the chair <i>informally</i>"
    audit = form.auditText.toPlainText()
    assert audit.endswith("timeline entry added")  # not "... added (timeline)"
    form.followUpOnEdit.setText("01/05/2026")
    assert form.save()
    again = page.open_case("C-2026-001")
    assert again.auditText.toPlainText().endswith("changed: Follow up on")  # not follow_up_on


def test_idle_lock_clears_the_views(app, window, qtbot, service):
    from mop_desktop.gui.register.actions import install

    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    form = page.open_case("C-2026-001")
    told: list[str] = []
    app.statusMessage.connect(told.append)
    with qtbot.waitSignal(app.registerLocked, timeout=5000):
        idle = install(app, window, idle_ms=300)
    idle.stop()
    assert told == ["The concern register was locked after 1 minute without use."]
    assert not service.unlocked
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.locked_view
    assert form.summaryEdit.text() == "" and not form.isVisible()


def test_ctrl_l_locks(app, window, qtbot, service):
    from PySide6.QtGui import QAction

    from mop_desktop.gui.register.actions import install

    page = _page(app, window, qtbot)
    idle = install(app, window, idle_ms=600_000)
    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: page.service.unlocked, timeout=10000)
    action = window.findChild(QAction, "actionLockRegister")
    assert action.shortcut().toString() == "Ctrl+L"
    action.trigger()
    assert not service.unlocked and page.stack.currentWidget() is page.locked_view
    idle.stop()


def test_retention_review_deletes_after_confirmation(app, window, qtbot, service):
    service.unlock(PASSPHRASE)
    old = service.add(
        Concern(
            raised_on=dt.date(2017, 1, 1),
            raised_by_role="officer",
            summary="Old",
            status="closed",
            closed_on=dt.date(2018, 1, 1),
        )
    )
    service.lock()
    page = _unlocked_page(app, window, qtbot)
    page.open_retention()
    dialog = _shown(page, RetentionDialog)
    assert dialog.dueList.count() == 1
    dialog.dueList.setCurrentRow(0)
    dialog.asks.confirm = lambda *a: False
    dialog.delete_selected()
    assert dialog.dueList.count() == 1
    dialog.asks.confirm = lambda *a: True
    dialog.delete_selected()
    assert dialog.dueList.count() == 0
    assert "1 record removed" in dialog.tracesLabel.text()
    assert dialog.introLabel.text() == (
        "No closed concern has reached the end of its retention period "
        "(6 years after it was closed)."
    )
    from mop_desktop.services.concerns import retention

    with service.session() as s:
        assert [t.reference for t in retention.traces(s)] == [old]


def _type_pdf_password(form, password, again=None):
    form.first.setText(password)
    form.second.setText(password if again is None else again)
    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_case_report_pdf_from_the_page(app, window, qtbot, service, tmp_path):
    page = _unlocked_page(app, window, qtbot)
    target = tmp_path / "case.pdf"
    page.asks.save_path = lambda *a: str(target)
    concern = service.get("C-2026-001")
    concern.follow_up_on = dt.date(2026, 5, 1)
    service.update("C-2026-001", concern)
    page.export_case(page, "C-2026-001")
    _type_pdf_password(_shown(page, ExportDialog), "pdf password")
    qtbot.waitUntil(target.exists, timeout=20000)
    qtbot.wait(200)
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    assert reader.is_encrypted and reader.decrypt("pdf password")
    text = "".join(pdf_page.extract_text() for pdf_page in reader.pages)
    assert "<b>x</b> shouted in committee" in text
    assert "Follow up on" in text and "follow_up_on" not in text  # the audit trail's field


def test_recovery_dialog_sets_a_new_passphrase(app, window, qtbot, service):
    service.unlock(PASSPHRASE)
    key = service.replace_recovery_key()
    service.lock()
    page = _page(app, window, qtbot)
    page.open_recovery()
    form = _shown(page, RecoveryDialog)
    form.keyEdit.setText(key.lower().replace("-", " "))
    form.firstEdit.setText("a fresh passphrase")
    form.secondEdit.setText("a fresh passphrase")
    ok = form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "&Open the register"
    ok.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.table_view, timeout=10000)
    service.lock()
    service.unlock("a fresh passphrase")
    assert service.unlocked


def test_enter_on_a_row_opens_the_case(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    view = page.table.table
    view.setCurrentIndex(page.model.index(1, 0))
    view.activated.emit(page.model.index(1, 0))
    assert len(page.open_forms()) == 1
    assert page.open_forms()[0].reference == page.model.reference_at(1)


def test_open_and_case_report_need_a_selected_concern(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    ui = page.table
    assert not ui.openButton.isEnabled() and not ui.exportButton.isEnabled()
    ui.table.selectRow(0)
    assert ui.openButton.isEnabled() and ui.exportButton.isEnabled()
    ui.searchEdit.setText("nothing matches this")
    page.apply_filters()
    assert page.model.rowCount() == 0
    assert ui.countLabel.text() == "No concern matches the search and filters."
    assert not ui.openButton.isEnabled() and not ui.exportButton.isEnabled()


def test_columns_fitted_when_the_first_concerns_arrive(app, window, qtbot):
    from mop_desktop.gui.register.state import register_for
    from mop_desktop.services.concerns.query import LIST_COLUMNS

    service = register_for(app)
    service.init(PASSPHRASE)
    service.lock()
    page = _page(app, window, qtbot)
    window.setCentralWidget(page)
    window.resize(1200, 700)
    window.show()
    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.table_view, timeout=10000)
    assert page.model.rowCount() == 0
    assert page.table.countLabel.text() == (
        "No concerns recorded yet: New concern… records the first."
    )
    service.add(
        Concern(
            raised_on=dt.date(2026, 3, 23),
            raised_by_role="officer",
            summary="Shouted",
            about="Councillor Bartholomew Featherstonehaugh",
            about_role="councillor",
            category="bullying or harassment",
        )
    )
    page.apply_filters()
    view = page.table.table
    for name in ("about", "category"):
        column = LIST_COLUMNS.index(name)
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), name
    # a later concern by a councillor fits the role column sized on "officer"
    service.add(
        Concern(
            raised_on=dt.date(2026, 3, 24),
            raised_by_role="councillor",
            summary="Late papers",
            about_role="clerk",
        )
    )
    page.apply_filters()
    role = LIST_COLUMNS.index("raised_by_role")
    assert view.columnWidth(role) >= view.sizeHintForColumn(role)


def test_store_failure_on_saving_a_case_is_one_line(app, window, qtbot, service, monkeypatch):
    from sqlalchemy.exc import OperationalError

    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    form.summaryEdit.setText("Raised in the car park")
    form.categoryCombo.setCurrentText("Undue pressure")

    def failing(session, concern):  # inside the register's transaction, as a real failure
        raise OperationalError("INSERT INTO concern", {"summary": "secret"}, Exception("locked"))

    from mop_desktop.services.concerns import service as service_module

    monkeypatch.setattr(service_module, "insert_concern", failing)
    assert not form.save()
    text = form.errorLabel.text()
    assert text.startswith("Nothing was saved: the data store could not be written")
    assert "secret" not in text and "INSERT" not in text
    assert form.isVisible()


def test_case_form_mnemonics_are_unique(app, window, qtbot, service):
    import re

    from PySide6.QtWidgets import QAbstractButton

    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    for tab in range(form.tabs.count()):  # a hidden tab's shortcuts do not fire
        form.tabs.setCurrentIndex(tab)
        widgets = form.findChildren(QLabel) + form.findChildren(QAbstractButton)
        keys = []
        for widget in widgets:
            match = re.search(r"&(\w)", widget.text())
            if match and widget.isVisibleTo(form):
                keys.append(match.group(1).lower())
        assert len(keys) == len(set(keys)), (tab, sorted(keys))


def test_monitoring_officer_status_reads_as_a_clerk_writes_it(app, window, qtbot, service):
    from mop_desktop.services.concerns.query import LIST_COLUMNS

    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    form = page.open_case("C-2026-001")
    form.statusCombo.setCurrentText("Referred to the Monitoring Officer")
    assert form.save()
    assert service.get("C-2026-001").status == "referred to monitoring officer"  # stored word
    page.table.statusCombo.setCurrentText("Referred to the Monitoring Officer")
    assert page.model.rowCount() == 1
    status = page.model.index(0, LIST_COLUMNS.index("status")).data()
    assert status == "Referred to the Monitoring Officer"
    again = page.open_case("C-2026-001")
    assert again.statusCombo.currentText() == "Referred to the Monitoring Officer"


def test_register_set_up_elsewhere_is_offered_for_unlocking(app, window, qtbot):
    """Set up from the command line (or restored) while the window was open: the page used to
    keep offering "Set up the register…", which then failed."""
    from mop_desktop.services.concerns import RegisterService

    page = _page(app, window, qtbot)
    assert not page.locked.setupButton.isHidden()
    elsewhere = RegisterService(app.paths)
    elsewhere.init(PASSPHRASE)
    elsewhere.lock()
    window.setCentralWidget(page)
    window.show()
    qtbot.waitExposed(window)
    assert page.locked.setupButton.isHidden()
    assert not page.locked.unlockBox.isHidden()
    assert page.locked.explainLabel.text().startswith("The register is locked.")
    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.table_view, timeout=10000)


def test_typed_case_is_not_lost_to_esc_without_asking(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    untouched = page.open_case("C-2026-001")
    asked: list[str] = []
    page.asks.confirm = lambda parent, title, text: asked.append(text) or False
    qtbot.keyClick(untouched.summaryEdit, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and asked == []  # nothing typed: closes at once
    form = page.open_case(None)
    form.detailsEdit.setPlainText("A long account of what happened at the meeting")
    qtbot.keyClick(form.summaryEdit, Qt.Key.Key_Escape)
    assert asked == ["Close this concern without saving what you have typed?"]
    assert form.isVisible()  # the clerk said no
    form.close()  # the window's close button asks too
    assert len(asked) == 2 and form.isVisible()
    page.asks.confirm = lambda parent, title, text: True
    form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not form.isVisible()
    assert page.model.rowCount() == 2  # nothing was saved


def test_locking_closes_a_typed_case_without_asking(app, window, qtbot, service):
    from mop_desktop.gui.register.state import lock_register

    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    form.summaryEdit.setText("Typed, not saved")
    page.asks.confirm = lambda *a: pytest.fail("locking must not ask")
    lock_register(app)
    assert not form.isVisible()


def test_a_problem_puts_the_cursor_in_its_field(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    assert form.categoryCombo.currentText() == ""  # starts empty: always a choice
    assert not form.save()
    assert form.errorLabel.text() == "Category: choose the category that fits best."
    assert form.focusWidget() is form.categoryCombo
    form.categoryCombo.setCurrentText("Undue pressure")
    form.followUpOnEdit.setText("31/02/2026")
    assert not form.save()
    assert form.errorLabel.text() == "Follow up on: '31/02/2026' is not a real date."
    assert form.focusWidget() is form.followUpOnEdit
    form.followUpOnEdit.clear()
    assert not form.save()  # no summary
    assert form.errorLabel.text() == "Summary: a summary is required."
    assert form.focusWidget() is form.summaryEdit
    existing = page.open_case("C-2026-001")
    existing.tabs.setCurrentIndex(0)
    existing.add_entry()  # no text typed on the Timeline tab
    assert existing.tabs.currentIndex() == 1
    assert existing.focusWidget() is existing.entryTextEdit


def test_subject_access_export_from_the_page(app, window, qtbot, service, tmp_path):
    page = _unlocked_page(app, window, qtbot)
    target = tmp_path / "sar.pdf"
    told: list[str] = []
    page.asks.text = lambda *a: "Cllr Ann Example"
    page.asks.save_path = lambda *a: str(target)
    page.asks.inform = lambda parent, title, text: told.append(text)
    page.subject_access()
    qtbot.waitUntil(lambda: _shown(page, ExportDialog) is not None, timeout=20000)
    _type_pdf_password(_shown(page, ExportDialog), "pdf password")
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert told == [f"1 record written to {target}."]
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    assert reader.is_encrypted and reader.decrypt("pdf password")


def test_roles_and_categories_read_as_labels_and_are_stored_as_words(app, window, qtbot, service):
    from mop_desktop.services.concerns.query import LIST_COLUMNS

    service.unlock(PASSPHRASE)
    service.add(
        Concern(
            raised_on=dt.date(2026, 5, 4),
            raised_by_role="member of the public",
            summary="Shouted at in the car park",
            about="Cllr Ann Example",
            about_role="councillor",
            category="bullying or harassment",
        )
    )
    service.lock()
    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    page.table.roleCombo.setCurrentText("Member of the public")
    assert page.model.rowCount() == 1
    row = {
        name: page.model.index(0, LIST_COLUMNS.index(name)).data()
        for name in ("raised_by_role", "about_role", "category", "status")
    }
    assert row == {
        "raised_by_role": "Member of the public",
        "about_role": "Councillor",
        "category": "Bullying or harassment",
        "status": "Open",
    }
    page.table.roleCombo.setCurrentIndex(0)
    page.table.categoryCombo.setCurrentText("Bullying or harassment")
    assert page.model.rowCount() == 1 and page.model.reference_at(0) == "C-2026-003"

    form = page.open_case("C-2026-003")
    ui = form
    assert ui.raisedByRoleCombo.currentText() == "Member of the public"
    assert ui.categoryCombo.currentText() == "Bullying or harassment"
    shown = [ui.raisedByRoleCombo.itemText(i) for i in range(ui.raisedByRoleCombo.count())]
    assert shown == ["Officer", "Councillor", "Clerk", "Member of the public", "Other"]
    assert ui.aboutRoleCombo.itemText(0) == ""  # nobody in particular
    ui.raisedByRoleCombo.setCurrentText("Councillor")
    ui.aboutRoleCombo.setCurrentText("Officer")
    ui.categoryCombo.setCurrentText("Undue pressure")
    assert "goes to the clerk" in ui.guidanceLabel.text()  # routes read the stored roles
    assert form.save()
    saved = service.get("C-2026-003")
    assert (saved.raised_by_role, saved.about_role, saved.category) == (
        "councillor",
        "officer",
        "undue pressure",
    )


def test_typing_quickly_ends_with_the_last_query_s_results(
    app, window, qtbot, service, monkeypatch
):
    """Searches run off the UI thread; an older search finishing last is dropped."""
    import threading

    from mop_desktop.gui.register import table_model

    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    real = table_model.search
    finished = []
    release = threading.Event()

    def slow_for_shouted(register, query, limit):
        if query.text == "shouted":
            release.wait(5)  # the older search finishes after the newer one
        result = real(register, query, limit)
        finished.append(query.text)
        return result

    monkeypatch.setattr(table_model, "search", slow_for_shouted)
    page.table.searchEdit.setText("shouted")
    page.search_typed()
    page.table.searchEdit.setText("minutes")
    page.search_typed()
    qtbot.waitUntil(lambda: "minutes" in finished, timeout=5000)
    qtbot.waitUntil(lambda: page.model.query.text == "minutes", timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: "shouted" in finished, timeout=5000)
    qtbot.wait(100)  # the stale result's delivery to the UI thread
    assert page.model.query.text == page.table.searchEdit.text() == "minutes"
    assert page.model.rowCount() == 1 and page.model.reference_at(0) == "C-2026-002"
    assert page.table.countLabel.text() == "1 concern"

    qtbot.keyClicks(page.table.searchEdit, " late")  # debounced typing, one search at the end
    qtbot.waitUntil(lambda: page.model.query.text == "minutes late", timeout=5000)
    assert page.model.rowCount() == 1 and page.model.reference_at(0) == "C-2026-002"


def test_subject_access_shows_each_record_and_why_and_writes_only_the_ticked(
    app, window, qtbot, service, tmp_path
):
    service.unlock(PASSPHRASE)
    service.add(
        Concern(
            raised_on=dt.date(2026, 5, 4),
            raised_by_role="officer",
            summary="Joanne and Hannah: annual planning",
            about="Joanne Baker",
        )
    )
    extra = service.add(
        Concern(
            raised_on=dt.date(2026, 5, 5),
            raised_by_role="officer",
            summary="Spoke to Ann Example about seating",
        )
    )
    service.lock()
    page = _unlocked_page(app, window, qtbot)
    target = tmp_path / "sar.pdf"
    told: list[str] = []
    page.asks.text = lambda *a: "Ann"
    page.asks.save_path = lambda *a: str(target)
    page.asks.inform = lambda parent, title, text: told.append(text)
    page.subject_access()
    qtbot.waitUntil(lambda: _shown(page, ExportDialog) is not None, timeout=20000)
    form = _shown(page, ExportDialog)
    rows = [form.list.item(i).text() for i in range(form.list.count())]
    assert rows == ["C-2026-001  ·  about: whole name", f"{extra}  ·  summary: whole name"]
    assert "Joanne" not in " ".join(rows)
    # a short password, two that differ, and the passphrase: told beside the fields, no file
    for first, second, message in (
        ("short", "short", "Use at least 10 characters"),
        ("", "", "The PDF password must not be empty."),
        ("long enough one", "long enough two", "The two passwords differ."),
        (PASSPHRASE, PASSPHRASE, "must not be the register's passphrase"),
    ):
        _type_pdf_password(form, first, second)
        assert message.lower() in form.error.text().lower()
        assert form.isVisible() and not target.exists()
    form.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    _type_pdf_password(form, "pdf password")
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert told == [f"1 record written to {target}."]
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    assert reader.decrypt("pdf password")
    text = "".join(p.extract_text() for p in reader.pages)
    assert "C-2026-001" in text and extra not in text and "Joanne" not in text


def test_a_new_recovery_key_takes_effect_only_when_done(app, window, qtbot, service, monkeypatch):
    from mop_desktop.store import vault

    page = _unlocked_page(app, window, qtbot)
    page.asks.confirm = lambda *a: True
    told: list[str] = []
    page.asks.inform = lambda parent, title, text: told.append(text)
    key_file = app.paths.key_envelope
    before = key_file.read_bytes()
    page.replace_recovery_key()
    form = _shown(page, SetupDialog)
    key = form.recoveryKeyLabel.text()
    form.reject()  # closed without Done
    assert told == ["The recovery key was not replaced: the old one still works."]
    with pytest.raises(vault.WrongRecoveryKey):
        vault.unlock_with_recovery_key(key_file, key)
    page.replace_recovery_key()
    form = _shown(page, SetupDialog)
    key = form.recoveryKeyLabel.text()
    form.keptCheck.setChecked(True)
    form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert vault.unlock_with_recovery_key(key_file, key)
    assert key_file.read_bytes() != before


def test_setup_after_an_interrupted_one_says_so_and_starts_afresh(app, window, qtbot):
    (app.paths.data / "register.key").write_text("half-made")
    app.paths.register_setup_marker.write_text("a register set-up is in progress\n")
    page = _page(app, window, qtbot)
    assert not page.locked.setupButton.isHidden()  # a half-made register is not set up
    page.locked.setupButton.click()
    form = _shown(page, SetupDialog)
    assert "interrupted" in form.errorLabel.text()
    form.firstEdit.setText(PASSPHRASE)
    form.secondEdit.setText(PASSPHRASE)
    form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: form.steps.currentIndex() == 1, timeout=20000)
    assert not app.paths.register_setup_marker.exists()
    from mop_desktop.store import vault

    assert vault.verify_passphrase(app.paths.key_envelope, PASSPHRASE)


def _shown(page, kind):
    """The dialog of ``kind`` open on the page now (the newest), or None."""
    shown = [d for d in page.findChildren(kind) if d.isVisible()]
    return shown[-1] if shown else None
