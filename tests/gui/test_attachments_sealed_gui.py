"""The case form's Attachments tab and sealed concerns in the window."""

from __future__ import annotations

import tempfile

import pytest

from mop_desktop.gui.register.sealed_view import SealedDialog
from mop_desktop.services.concerns import attachments as files
from mop_desktop.services.concerns import sealed

from .test_concerns_page import (  # noqa: F401 - fixtures
    _cheap_kdf,
    _unlocked_page,
    app,
    service,
    window,
)

CHAIR = "the chair's own words"


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def test_attach_open_and_wipe_from_the_case_form(
    app, window, service, qtbot, tmp_path, private_temp, monkeypatch
):
    opened = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case("C-2026-001")
    tabs = form.tabs
    assert tabs.tabText(tabs.count() - 1) == "Attachments"
    assert tabs.isTabEnabled(tabs.count() - 1)
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 from the councillor")
    assert form.attachments.add_files([str(letter)]) == 1
    listed = form.attachments.fileList
    assert listed.count() == 1 and listed.item(0).text().startswith("letter.pdf")
    assert form.attachments.attachmentsErrorLabel.text() == "1 file attached."
    listed.setCurrentRow(0)
    copy = form.attachments.open_selected()
    assert opened == [str(copy)] and copy.read_bytes() == b"%PDF-1.4 from the councillor"
    form.cancel()
    assert not copy.exists()  # wiped when the form closed
    program = tmp_path / "run.exe"
    program.write_bytes(b"MZ")
    form = page.open_case("C-2026-001")
    assert form.attachments.add_files([str(program)]) == 0
    assert "run.exe: not a letter" in form.attachments.attachmentsErrorLabel.text()
    form.cancel()


def test_new_concern_cannot_attach_until_saved(app, window, service, qtbot):
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    assert not form.tabs.isTabEnabled(form.tabs.count() - 1)
    form.cancel()


def test_sealed_concern_shows_as_sealed_and_opens_for_the_chair(
    app, window, service, qtbot, monkeypatch
):
    page = _unlocked_page(app, window, qtbot)
    sealed.set_up_chair(page.service, CHAIR)
    sealed.seal_concern(page.service, "C-2026-002")
    page.model.refresh()
    page.apply_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    shown = {page.model.data(page.model.index(r, 0)) for r in range(2)}
    assert shown  # the table still lists both
    answers = iter([True])
    monkeypatch.setattr(page.asks, "confirm", lambda *a: next(answers))
    monkeypatch.setattr(page.asks, "secret", lambda *a: CHAIR)
    assert page.open_case("C-2026-002") is None  # never the ordinary case form
    view = _shown(page, SealedDialog)
    assert view is not None
    text = view.caseText.toPlainText()
    assert "Minutes late" in text and "Pat Clerk" in text
    view.reject()
    assert view.caseText.toPlainText() == ""
    # the clerk's own passphrase does not open it
    informed = []
    monkeypatch.setattr(page.asks, "confirm", lambda *a: True)
    monkeypatch.setattr(page.asks, "secret", lambda *a: "correct horse battery")
    monkeypatch.setattr(page.asks, "inform", lambda _p, _t, text: informed.append(text))
    qtbot.waitUntil(lambda: _shown(page, SealedDialog) is None, timeout=5000)
    page.open_case("C-2026-002")
    assert _shown(page, SealedDialog) is None
    assert informed and "wrong passphrase" in informed[0].lower()
    assert files.wipe_open_copies() == 0


def test_new_concern_about_the_clerk_can_be_sealed_on_saving(
    app, window, service, qtbot, monkeypatch
):
    page = _unlocked_page(app, window, qtbot)
    sealed.set_up_chair(page.service, CHAIR)
    asked = []
    monkeypatch.setattr(page.asks, "confirm", lambda _p, title, _t: asked.append(title) or True)
    form = page.open_case(None)
    form.summaryEdit.setText("The clerk refused to circulate my motion")
    form.categoryCombo.setCurrentIndex(form.categoryCombo.findData("other"))
    index = form.aboutRoleCombo.findData("clerk")
    form.aboutRoleCombo.setCurrentIndex(index)
    assert form.save()
    assert asked == ["A concern about the clerk"]
    assert sealed.is_sealed(page.service, form.reference)
    assert page.service.get(form.reference).summary == sealed.SEALED_LABEL
    key = sealed.unlock_chair(page.service, CHAIR)
    case = sealed.open_sealed(page.service, key, form.reference)
    assert case.concern.summary == "The clerk refused to circulate my motion"


def _shown(page, kind):
    """The dialog of ``kind`` open on the page now (the newest), or None."""
    shown = [d for d in page.findChildren(kind) if d.isVisible()]
    return shown[-1] if shown else None
