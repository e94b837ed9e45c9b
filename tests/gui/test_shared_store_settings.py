"""Settings > Shared store: the address and password, "Test connection" off the UI thread,
and applying (the password to the credential store, never to a file), which asks to restart."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from mop_desktop.store.store_choice import CHOICE_FILE, saved_url


@pytest.fixture
def page(app_paths, store, qapp, qtbot):
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.gui.shell.settings import SettingsPage

    context = AppContext(app_paths, store)
    widget = SettingsPage(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _restart_box():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def test_test_connection_reports_the_server_and_its_store(page, pg_url, qtbot):
    section = page.shared_store
    assert "this PC's store (policy.db)" in section.result_label.text()
    section.url_edit.setText(pg_url)
    section.test_button.click()
    qtbot.waitUntil(lambda: section.test_button.isEnabled(), timeout=20000)
    text = section.result_label.text()
    assert text.startswith("Connected: PostgreSQL ") and "this release's schema" in text


def test_an_unreachable_server_is_one_line_without_the_password(page, qtbot, tmp_path):
    section = page.shared_store
    section.url_edit.setText(f"postgresql+psycopg://clerk@/council?host={tmp_path}")
    section.password_edit.setText("Hunter2Secret")
    section.test_button.click()
    qtbot.waitUntil(lambda: section.test_button.isEnabled(), timeout=30000)
    text = section.result_label.text()
    assert text.startswith("Not connected: ") and "\n" not in text
    assert "Hunter2Secret" not in text


def test_applying_keeps_the_password_in_the_credential_store_and_asks_to_restart(
    page, app_paths, qtbot, credential_store, cli
):
    import keyring

    section = page.shared_store
    section.url_edit.setText("postgresql+psycopg://clerk:TypedInUrl@officeserver/council")
    section.password_edit.setText("Hunter2Secret")
    section.apply_button.click()
    qtbot.waitUntil(lambda: _restart_box() is not None, timeout=5000)
    box = _restart_box()
    assert "Restart now?" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    saved = (app_paths.data / CHOICE_FILE).read_text()
    assert "Hunter2Secret" not in saved and "TypedInUrl" not in saved
    assert json.loads(saved)["url"] == "postgresql+psycopg://clerk@officeserver/council"
    assert saved_url(app_paths.data) == "postgresql+psycopg://clerk@officeserver/council"
    assert keyring.get_password("mop-desktop", "clerk@officeserver:5432/council") == "Hunter2Secret"
    assert section.password_edit.text() == ""
    assert "after a restart" in section.result_label.text()
    # back to this PC's store
    section.local_button.click()
    qtbot.waitUntil(lambda: _restart_box() is not None, timeout=5000)
    _restart_box().button(QMessageBox.StandardButton.No).click()
    assert saved_url(app_paths.data) is None


def test_a_bad_address_changes_nothing(page, app_paths, qtbot):
    section = page.shared_store
    section.url_edit.setText("mysql://clerk@server/council")
    section.apply_button.click()
    assert section.result_label.text().startswith("Nothing was changed: ")
    assert not (app_paths.data / CHOICE_FILE).exists()


def test_the_commands_use_the_store_chosen_in_settings(app_paths, pg_url, cli, samples):
    from mop_desktop.store.store_choice import save_choice

    save_choice(app_paths.data, pg_url)
    code, _out, err = cli("import", str(samples / "peacehaven-protocol.txt"))
    assert code == 0, err
    assert not app_paths.policy_db.exists()  # it went to the server
    code, out, err = cli("check")
    assert code == 0 and "shared store" in out
