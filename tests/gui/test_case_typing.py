"""Nothing typed into a case is lost: Enter in the timeline adds the note (never saves and closes
the case), a note typed but not added is saved with the case or asked about on closing, and the
idle lock keeps what was typed as the case's draft."""

# ruff: noqa: F811  (fixtures imported from test_concerns_page are parameters here)

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.test_concerns_page import (  # noqa: F401 (fixtures used by name)
    _cheap_kdf,
    _unlocked_page,
    app,
    service,
    window,
)


def test_enter_in_the_timeline_adds_the_note_and_keeps_the_case_open(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    qtbot.waitExposed(form)
    form.tabs.setCurrentIndex(1)
    form.entryTextEdit.setFocus()
    qtbot.keyClicks(form.entryTextEdit, "Phoned the chair")
    qtbot.keyClick(form.entryTextEdit, Qt.Key.Key_Return)
    assert form.isVisible()
    assert [e.entry for e in service.timeline("C-2026-001")] == ["Phoned the chair"]
    assert form.timeline_model.rowCount() == 1
    assert form.entryTextEdit.text() == ""
    qtbot.keyClick(form.entryDateEdit, Qt.Key.Key_Enter)  # empty: nothing added, still open
    assert form.isVisible()
    assert len(service.timeline("C-2026-001")) == 1


def test_a_note_typed_but_not_added_is_saved_with_the_case(app, window, qtbot, service):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    form.entryTextEdit.setText("Letter sent to the Monitoring Officer")
    assert form.save()
    assert [e.entry for e in service.timeline("C-2026-001")] == [
        "Letter sent to the Monitoring Officer"
    ]


def test_closing_with_a_note_not_added_asks(app, window, qtbot, service, monkeypatch):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    asked = []
    monkeypatch.setattr(page.asks, "confirm", lambda parent, title, text: asked.append(text))
    form.entryTextEdit.setText("Met the chair")
    assert not form.cancel()  # answered "No": the form stays open with the note
    assert form.isVisible() or form.entryTextEdit.text() == "Met the chair"
    assert asked and "timeline note you typed has not been added" in asked[0]
    assert service.timeline("C-2026-001") == []


def test_a_two_digit_year_in_the_case_form_is_shown_in_full_and_saved(app, window, qtbot, service):
    import datetime as dt

    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    form.followUpOnEdit.setText("2/12/26")
    form.followUpOnEdit.editingFinished.emit()
    assert form.followUpOnEdit.text() == "02/12/2026"
    form.followUpOnEdit.setText("3/12/26")  # saved as typed even before the box is left
    assert form.save()
    assert service.get("C-2026-001").follow_up_on == dt.date(2026, 12, 3)


def test_a_case_report_with_an_empty_password_says_so_and_asks_again(
    app, window, qtbot, service, tmp_path
):
    page = _unlocked_page(app, window, qtbot)
    target = tmp_path / "case.pdf"
    saved: list[str] = []
    app.statusMessage.connect(saved.append)
    page.asks.save_path = lambda *a: str(target)
    dialog = page.export_case(page, "C-2026-001")
    dialog.first.setText("")
    dialog.second.setText("")
    dialog.buttons.accepted.emit()  # Write the PDF with no password
    assert dialog.isVisible()  # asked again, nothing written
    assert "password" in dialog.error.text().lower() and dialog.error.text()
    assert not target.exists()
    dialog.first.setText("a good pdf password")
    dialog.second.setText("a good pdf password")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: any("Case report saved" in m for m in saved), timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_case_report_cancelled_at_the_password_writes_nothing(
    app, window, qtbot, service, tmp_path
):
    page = _unlocked_page(app, window, qtbot)
    target = tmp_path / "case.pdf"
    told: list[str] = []
    page.asks.save_path = lambda *a: str(target)
    page.asks.inform = lambda parent, title, text: told.append(text)
    dialog = page.export_case(page, "C-2026-001")
    dialog.buttons.rejected.emit()
    qtbot.wait(200)
    assert told == []
    assert not target.exists()


def test_a_password_the_pdf_rules_refuse_is_shown_as_it_is(app, window, qtbot, service):
    from mop_desktop.gui.register.setup import user_message
    from mop_desktop.services.concerns.reports import ReportError

    assert user_message(ReportError("the PDF password must be at least 8 characters")) == (
        "The PDF password must be at least 8 characters."
    )


def test_the_idle_lock_keeps_what_was_typed_as_the_case_draft(app, window, qtbot, service):
    from mop_desktop.gui.register.actions import install
    from tests.gui.test_concerns_page import _unlock

    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    form.summaryEdit.setText("Shouted at the clerk in committee, twice")
    form.entryTextEdit.setText("Phoned the chair")
    told: list[str] = []
    app.statusMessage.connect(told.append)
    with qtbot.waitSignal(app.registerLocked, timeout=5000):
        idle = install(app, window, idle_ms=300)
    idle.stop()
    assert not service.unlocked and not form.isVisible()
    assert form.summaryEdit.text() == ""  # nothing left in the closed form
    # kept in the encrypted register, not in the plain store
    assert b"twice" not in app.paths.register_db.read_bytes()

    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: bool(page.open_forms()), timeout=10000)
    again = page.open_forms()[-1]
    assert again.reference == "C-2026-001"
    assert again.summaryEdit.text() == "Shouted at the clerk in committee, twice"
    assert again.entryTextEdit.text() == "Phoned the chair"
    assert "Your unsaved changes to C-2026-001 were kept as a draft" in (again.errorLabel.text())
    assert "Your unsaved changes to C-2026-001 were kept as a draft." in told
    assert service.get("C-2026-001").summary == "<b>x</b> shouted in committee"  # not saved
    assert service.drafts() == []  # back in the form
    assert again.save()
    assert service.get("C-2026-001").summary == "Shouted at the clerk in committee, twice"
    assert [e.entry for e in service.timeline("C-2026-001")] == ["Phoned the chair"]


def test_locking_keeps_a_new_concern_not_saved_yet(app, window, qtbot, service):
    from mop_desktop.gui.register.state import lock_register
    from tests.gui.test_concerns_page import _unlock

    page = _unlocked_page(app, window, qtbot)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.table_view, timeout=10000)
    form = page.open_case(None)
    form.summaryEdit.setText("Email forwarded outside the council")
    untouched = page.open_case("C-2026-002")
    lock_register(app)
    assert not form.isVisible() and not untouched.isVisible()
    _unlock(page, qtbot)
    qtbot.waitUntil(lambda: bool(page.open_forms()), timeout=10000)
    assert len(page.open_forms()) == 1  # the untouched case had nothing to keep
    assert page.open_forms()[0].reference is None
    assert page.open_forms()[0].summaryEdit.text() == "Email forwarded outside the council"
