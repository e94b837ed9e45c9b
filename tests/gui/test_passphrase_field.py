"""Every passphrase field has a Show button and a Caps Lock warning."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mop_desktop.gui.widgets.passphrase_field import SecretDialog, add_passphrase_tools
from tests.gui.shell_helpers import app_context  # noqa: F401 (fixtures used by name)


def test_show_toggle_and_caps_lock_warning(qtbot) -> None:
    from PySide6.QtWidgets import QFormLayout, QWidget

    form = QWidget()
    layout = QFormLayout(form)
    edit = QLineEdit()
    edit.setObjectName("pass")
    layout.addRow("&Passphrase:", edit)
    qtbot.addWidget(form)
    tools = add_passphrase_tools(edit)
    form.show()
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    tools.show_button.click()
    assert edit.echoMode() == QLineEdit.EchoMode.Normal
    assert tools.show_button.text() == "Hide"
    tools.show_button.click()
    assert edit.echoMode() == QLineEdit.EchoMode.Password

    edit.setFocus()
    qtbot.keyClicks(edit, "abc")
    assert not tools.caps_label.isVisible()
    qtbot.keyClick(edit, "D")  # a capital typed without Shift: Caps Lock is on
    assert tools.caps_label.isVisible() and tools.caps_label.text() == "Caps Lock is on"
    qtbot.keyClick(edit, "e")
    assert not tools.caps_label.isVisible()
    qtbot.keyClick(edit, "e", Qt.KeyboardModifier.ShiftModifier)  # small letter with Shift
    assert tools.caps_label.isVisible()
    assert layout.labelForField(tools.row) is not None  # still in its form row


def test_register_passphrase_fields_all_have_the_tools(qtbot, app_context) -> None:
    from mop_desktop.gui.register.page import ConcernsPage
    from mop_desktop.gui.register.setup import RecoveryDialog, SetupDialog

    page = ConcernsPage(app_context)
    qtbot.addWidget(page)
    assert page.locked.passphraseEdit.property("passphraseTools") is True
    setup = SetupDialog(app_context, page.service, page, page.asks, lambda: None)
    assert setup.firstEdit.property("passphraseTools") is True
    assert setup.secondEdit.property("passphraseTools") is True
    recovery = RecoveryDialog(page.service, page, lambda: None)
    assert recovery.firstEdit.property("passphraseTools") is True
    dialog = SecretDialog(page, "Change passphrase", "New passphrase:")
    assert dialog.edit.property("passphraseTools") is True


def test_progress_is_not_shown_as_an_error(qtbot, app_context, monkeypatch) -> None:
    from mop_desktop.gui.register import setup as setup_module
    from mop_desktop.gui.register.page import ConcernsPage

    page = ConcernsPage(app_context)
    qtbot.addWidget(page)
    monkeypatch.setattr(setup_module, "run_in_background", lambda *a, **k: None)
    setup = setup_module.SetupDialog(app_context, page.service, page, page.asks, lambda: None)
    setup.firstEdit.setText("correct horse battery")
    setup.secondEdit.setText("correct horse battery")
    setup._next()
    assert setup.errorLabel.text() == "Setting up the register…"
    assert "color" not in setup.errorLabel.styleSheet()
    setup.secondEdit.setText("different")
    setup._next()
    assert "color" in setup.errorLabel.styleSheet()
