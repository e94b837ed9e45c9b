"""The Settings page: council details and the review interval, validated in place."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from mop_desktop.domain.records import Council
from mop_desktop.gui.shell import settings as page_module
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services.workspace import save_import
from mop_desktop.store import documents as docs
from tests.gui.shell_helpers import app_context, make_result  # noqa: F401 (fixtures used by name)


@pytest.fixture
def page(qtbot, app_context):
    widget = page_module.create_page(app_context, None)
    qtbot.addWidget(widget)
    return widget


def _stored(store) -> Council:
    with store.session() as session:
        return docs.get_council(session)


def _fill(page, **values: str) -> None:
    for prefix, text in values.items():
        editor = getattr(page.form, f"{prefix}Edit")
        if prefix == "address":
            editor.setPlainText(text)
        else:
            editor.setText(text)


def test_saves_council_details(page, store, qtbot) -> None:
    _fill(
        page,
        name=" Oakford  Town Council ",
        principal="Oakshire District Council",
        clerk="A Clerk",
        chair="B Chair",
        personnelChair="C Chair",
        address="Town Hall\n\n  High Street \nOakford",
    )
    with qtbot.waitSignal(page.app.changed, check_params_cb=lambda kinds: Change.COUNCIL in kinds):
        page.form.saveButton.click()
    council = _stored(store)
    assert council.name == "Oakford Town Council"
    assert council.principal_authority == "Oakshire District Council"
    assert council.clerk == "A Clerk"
    assert council.chair == "B Chair"
    assert council.personnel_chair == "C Chair"
    assert council.address == "Town Hall\nHigh Street\nOakford"
    assert page.form.messageLabel.text() == "Saved the details of Oakford Town Council."
    assert not page.dirty


def test_name_required_message_in_place(page, store) -> None:
    _fill(page, name="   ", clerk="A Clerk")
    page.form.saveButton.click()
    assert not page.form.nameError.isHidden()
    assert page.form.nameError.text() == "Enter the council's name, e.g. Oakford Town Council."
    assert "Nothing was saved" in page.form.messageLabel.text()
    assert _stored(store).clerk == ""  # store unchanged


def test_control_characters_refused(page, store) -> None:
    _fill(page, name="Oakford", chair="B\x07Chair")
    assert not page.save()
    assert "control character" in page.form.chairError.text()
    assert _stored(store).name == ""


def test_markup_is_shown_literally(page, store, app_context, qtbot) -> None:
    _fill(page, name="<b>x</b>")
    page.save()
    assert _stored(store).name == "<b>x</b>"
    again = page_module.create_page(app_context, None)
    qtbot.addWidget(again)
    assert again.form.nameEdit.text() == "<b>x</b>"
    assert page.form.messageLabel.textFormat() == Qt.TextFormat.PlainText
    assert page.form.messageLabel.text() == "Saved the details of <b>x</b>."


def test_review_interval_is_shown_here_and_set_on_the_review_schedule(
    page, store, app_context, qtbot
) -> None:
    """One place sets the interval (the Review schedule page); Settings shows it and leads
    there."""
    assert page.form.intervalValue.text() == "No protocol yet"
    save_import(store, make_result(adopted=True))
    announce(app_context, Change.DOCUMENT)
    assert page.form.intervalValue.text() == "Every 12 months"
    assert page.findChild(QComboBox, "intervalCombo") is None  # no second place to set it
    with store.session() as session:
        docs.protocol_document(session).review_interval_months = 24
    announce(app_context, Change.SCHEDULE)
    assert page.form.intervalValue.text() == "Every 24 months"
    shown = []
    page.window_ = type("W", (), {"show_page": lambda self, name: shown.append(name)})()
    page.form.intervalLinkButton.click()
    assert shown == ["review"]
    _fill(page, name="Oakford Town Council")
    page.save()  # saving the council's details leaves the interval alone
    with store.session() as session:
        assert docs.protocol_document(session).review_interval_months == 24


def test_flush_saves_valid_changes_and_undo_reverts(page, store) -> None:
    _fill(page, name="Oakford")
    page.save()
    _fill(page, name="Elmbridge")
    page.form.revertButton.click()
    assert page.form.nameEdit.text() == "Oakford"
    _fill(page, clerk="New Clerk")
    page.flush()
    assert _stored(store).clerk == "New Clerk"


def test_reloads_when_the_council_changes_elsewhere(page, store, app_context) -> None:
    with store.session() as session:
        docs.save_council(session, Council(name="Set Elsewhere"))
    announce(app_context, Change.COUNCIL)
    assert page.form.nameEdit.text() == "Set Elsewhere"


def test_broken_character_refused() -> None:
    # Qt's line edits never hold an unpaired surrogate; the check guards other callers.
    council = page_module.clean_council(Council(name="Oakford", clerk="A Cl\ud83derk"))
    problems = page_module.validate_council(council)
    assert list(problems) == ["clerk"]
    assert "broken character" in problems["clerk"] and "character 5" in problems["clerk"]


def _png(path, colour: str = "navy") -> bytes:
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path.read_bytes()


def test_pictures_for_the_pdf_are_kept_in_the_store(page, store, tmp_path, monkeypatch) -> None:
    from mop_desktop.services.pdf.content import read_image_setting
    from mop_desktop.store import settings

    logo = _png(tmp_path / "logo.png")
    chair = _png(tmp_path / "chair.png", "black")
    files = {"logo": tmp_path / "logo.png", "chairSignature": tmp_path / "chair.png"}
    monkeypatch.setattr(page, "ask_picture_file", lambda kind: str(files[kind]))
    _fill(page, name="Oakford Town Council")
    page.form.logoChooseButton.click()
    page.form.chairSignatureChooseButton.click()
    assert page.form.logoPreview.pixmap() is not None
    assert not page.form.logoPreview.pixmap().isNull()
    assert page.form.clerkSignaturePreview.text() == "No picture"
    assert page.save()
    (tmp_path / "chair.png").unlink()  # the store keeps its own copy
    with store.session() as session:
        assert docs.get_council_logo(session) == logo
        stored = settings.get(session, settings.SIGNATURE_CHAIR)
        assert stored.startswith("data:image/png;base64,")
        assert read_image_setting(stored) == chair
        assert settings.get(session, settings.SIGNATURE_CLERK) == ""
    page.form.logoRemoveButton.click()
    page.save()
    with store.session() as session:
        assert docs.get_council_logo(session) is None
        assert read_image_setting(settings.get(session, settings.SIGNATURE_CHAIR)) == chair


def test_a_file_that_is_not_a_picture_is_refused_in_place(page, store, tmp_path, monkeypatch):
    bad = tmp_path / "minutes.txt"
    bad.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(page, "ask_picture_file", lambda kind: str(bad))
    page.form.logoChooseButton.click()
    assert not page.form.imagesError.isHidden()
    assert page.form.imagesError.text() == (
        "The council's logo: minutes.txt is not a PNG or JPEG picture."
    )
    assert page.images["logo"] is None
    assert not page.dirty


def _register_settings(store) -> tuple[int, int]:
    from mop_desktop.store import settings

    with store.session() as session:
        return (
            settings.get(session, settings.RETENTION_YEARS),
            settings.get(session, settings.IDLE_LOCK_MINUTES),
        )


def test_register_settings_shown_and_saved(page, store) -> None:
    assert page.form.retentionSpin.value() == 6
    assert page.form.idleLockSpin.value() == 5
    assert page.form.retentionSpin.text() == "6 years"
    _fill(page, name="Oakford Town Council")
    page.form.retentionSpin.setValue(7)
    page.form.idleLockSpin.setValue(15)
    assert page.dirty
    assert page.save()
    assert _register_settings(store) == (7, 15)
    page.form.idleLockSpin.setValue(30)
    page.form.revertButton.click()  # "Undo changes" shows what is stored
    assert page.form.idleLockSpin.value() == 15


def test_register_settings_kept_in_range(page, store) -> None:
    _fill(page, name="Oakford Town Council")
    page.form.retentionSpin.setValue(0)
    page.form.idleLockSpin.setValue(100_000)
    assert page.save()
    assert _register_settings(store) == (1, 120)


def test_saved_idle_time_applies_without_restart(page, store, app_context, qtbot) -> None:
    from PySide6.QtWidgets import QMainWindow

    from mop_desktop.gui.register.actions import install

    window = QMainWindow()
    qtbot.addWidget(window)
    idle = install(app_context, window)
    try:
        assert idle.timer.interval() == 5 * 60_000
        _fill(page, name="Oakford Town Council")
        page.form.idleLockSpin.setValue(2)
        page.save()
        assert idle.timer.interval() == 2 * 60_000
        assert idle.timer.isActive()
    finally:
        idle.stop()


def test_number_fields_are_not_stretched(page, qtbot) -> None:
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    for name in ("retentionSpin", "idleLockSpin"):
        widget = getattr(page.form, name)
        assert widget.width() <= 240, name
        assert widget.width() >= widget.minimumSizeHint().width(), name


def test_a_message_does_not_move_the_form_and_the_focus_goes_to_its_field(page, qtbot) -> None:
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(20)
    below = page.form.addressEdit
    before = below.mapTo(page, below.rect().topLeft())
    _fill(page, name="Oakford", clerk="A\x07Clerk")
    assert not page.save()
    qtbot.wait(10)
    after = below.mapTo(page, below.rect().topLeft())
    assert before == after  # space was kept for the message: nothing jumps
    assert "control character" in page.form.clerkError.text()
    assert page.form.clerkEdit.hasFocus()


def test_spin_box_units_in_the_singular_at_one(page) -> None:
    page.form.idleLockSpin.setValue(1)
    assert page.form.idleLockSpin.text() == "1 minute"
    page.form.idleLockSpin.setValue(5)
    assert page.form.idleLockSpin.text() == "5 minutes"
    page.form.retentionSpin.setValue(1)
    assert page.form.retentionSpin.text() == "1 year"
