"""The window's import of the clerk's own log (a mapping step guessed from the headers, the
first rows shown, then Import) and the case form's timeline: edit, delete, dated before the
concern was raised."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMainWindow

from mop_desktop.domain.concerns import Concern

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


@pytest.fixture
def app(store, app_paths, qtbot):
    from mop_desktop.gui.register.state import register_for
    from mop_desktop.gui.shell.context import AppContext

    ctx = AppContext(app_paths, store)
    svc = register_for(ctx)
    svc.init(PASSPHRASE)
    svc.add(
        Concern(
            raised_on=dt.date(2026, 3, 23), raised_by_role="officer", summary="Shouted in committee"
        )
    )
    svc.lock()
    yield ctx
    register_for(ctx).lock()


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def page(app, window, qtbot):
    from mop_desktop.gui.register.page import create_page

    page = create_page(app, window)
    qtbot.addWidget(page)
    page.locked.passphraseEdit.setText(PASSPHRASE)
    page.locked.unlockButton.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    return page


def _log(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2024"
    ws.append(
        [
            "Ref",
            "Date raised",
            "Raised by",
            "Role",
            "Subject of concern",
            "Category",
            "Description",
            "Status",
            "Date closed",
            "Colour",
        ]
    )
    for number in range(1, 8):
        ws.append(
            [
                f"ML-{number}",
                dt.datetime(2024, 1, number),
                f"Person {number}",
                "Member",
                "Pat Officer",
                "Planning dispute",
                f"Concern number {number}",
                "Closed" if number == 1 else "Ongoing",
                None,
                "blue",
            ]
        )
    ws.append([])
    path = tmp_path / "my log.xlsx"
    book.save(path)
    return path


def test_import_dialog_guesses_the_columns_shows_rows_and_imports(
    page, qtbot, tmp_path, monkeypatch
):
    path = _log(tmp_path)
    monkeypatch.setattr(page.asks, "open_path", lambda *a: str(path))
    dialog = page.open_import()
    dialog.chooseButton.click()
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    chosen = dialog.mapping()
    assert chosen == {
        "Ref": "reference",
        "Date raised": "raised_on",
        "Raised by": "raised_by",
        "Role": "raised_by_role",
        "Subject of concern": "about",
        "Category": "category",
        "Description": "details",
        "Status": "status",
        "Date closed": "closed_on",
    }
    assert '"Colour"' in dialog.messageLabel.text()  # not guessed: the clerk is asked
    assert dialog.previewTable.rowCount() == 5
    assert dialog.previewTable.item(0, 1).text() == "01/01/2024"
    assert dialog.previewTable.item(4, 0).text() == "ML-5"
    assert page.model.rowCount() == 1  # nothing saved before Import

    dialog.run_import()  # "Colour" not chosen yet: nothing imported
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.messageLabel.text(), timeout=10000)
    assert "unknown column 'Colour'" in dialog.messageLabel.text()
    dialog.set_field("Colour", "-")
    dialog.set_field("Description", "summary")
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.messageLabel.text().startswith("Imported"), timeout=10000)
    assert dialog.messageLabel.text().startswith("Imported 7 concern(s).")
    assert "closing date unknown" in dialog.messageLabel.text()
    dialog.reject()
    qtbot.waitUntil(lambda: page.model.rowCount() == 8, timeout=5000)
    concern = page.service.get("ML-1")
    assert (concern.raised_by_role, concern.category, concern.status) == (
        "councillor",
        "Planning dispute",
        "closed",
    )
    assert concern.closing_date_unknown
    # the clerk's category is offered in the filter and in the form from now on
    assert page.table.categoryCombo.findData("Planning dispute") > 0
    form = page.open_case("ML-1")
    assert form.categoryCombo.currentData() == "Planning dispute"
    assert form.save()  # saving it again keeps "closing date unknown" and the category
    assert page.service.get("ML-1").closing_date_unknown

    again = page.open_import()
    again.load(path)
    qtbot.waitUntil(lambda: again.table is not None, timeout=10000)
    again.set_field("Colour", "-")
    again.set_field("Description", "summary")
    again.run_import()
    qtbot.waitUntil(lambda: again.messageLabel.text().startswith("Imported"), timeout=10000)
    assert again.messageLabel.text().startswith(
        "Imported 0 concern(s). 7 already in the register, skipped."
    )


def test_import_dialog_error_names_line_and_column_only(page, qtbot, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "Date raised,Role,Summary\n01/02/2024,officer,Fine\n30/02/2024,officer,Jo SECRET\n",
        encoding="utf-8",
    )
    dialog = page.open_import()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    dialog.run_import()
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.messageLabel.text(), timeout=10000)
    text = dialog.messageLabel.text()
    assert 'log.csv line 3, column "Date raised": not a real date' in text
    assert "SECRET" not in text and "30/02" not in text
    assert page.service.get("C-2026-001")  # the register as it was
    assert page.model.rowCount() == 1
    dialog.load(tmp_path / "missing.xlsx")
    qtbot.waitUntil(lambda: "cannot be read" in dialog.messageLabel.text(), timeout=10000)
    assert not dialog.importButton.isEnabled()


def test_timeline_entry_edited_deleted_and_dated_before_raised(page, qtbot, monkeypatch):
    form = page.open_case("C-2026-001")
    ui = form
    assert not ui.editEntryButton.isEnabled() and not ui.deleteEntryButton.isEnabled()
    ui.entryDateEdit.setText("01/03/2026")  # before it was raised on 23/03/2026
    ui.entryTextEdit.setText("An earlier incident, not reported then")
    ui.addEntryButton.click()
    ui.entryDateEdit.setText("24/03/2026")
    ui.entryTextEdit.setText("Phoned the chair")
    ui.addEntryButton.click()
    assert ui.errorLabel.text() == ""
    assert form.timeline_model.rowCount() == 2
    assert form.timeline_model.index(0, 0).data() == "01/03/2026"

    ui.timelineTable.selectRow(1)
    assert ui.editEntryButton.isEnabled()
    ui.editEntryButton.click()
    assert ui.entryTextEdit.text() == "Phoned the chair"
    assert ui.addEntryButton.text() == "S&ave entry"
    ui.entryDateEdit.setText("25/03/2026")
    ui.entryTextEdit.setText("Phoned the chair and the vice-chair")
    ui.addEntryButton.click()
    assert ui.addEntryButton.text() == "&Add to timeline"
    assert [(e.on, e.entry) for e in page.service.timeline("C-2026-001")][1] == (
        dt.date(2026, 3, 25),
        "Phoned the chair and the vice-chair",
    )

    asked = []
    monkeypatch.setattr(form.asks, "confirm", lambda *a: asked.append(a[2]) or True)
    ui.timelineTable.selectRow(0)
    ui.deleteEntryButton.click()
    assert asked and "01/03/2026" in asked[0] and "not what it said" in asked[0]
    assert [e.entry for e in page.service.timeline("C-2026-001")] == [
        "Phoned the chair and the vice-chair"
    ]
    audit = ui.auditText.toPlainText()
    assert "timeline entry changed" in audit and "timeline entry deleted" in audit
    assert "earlier incident" not in audit.lower()
