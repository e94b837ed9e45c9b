"""The first-run welcome: each choice leaves the right thing in the store."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import pytest

from mop_desktop.gui.protocol import import_preview
from mop_desktop.gui.shell import welcome
from mop_desktop.gui.widgets.operation import Change
from mop_desktop.services import preferences
from mop_desktop.services.workspace import show
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from tests.gui.shell_helpers import app_context, closed_after, make_result, told  # noqa: F401 (fixtures used by name)


def _welcome_done(store) -> bool:
    with store.session() as session:
        return settings.get(session, settings.WELCOME_DONE)


def _council(store) -> str:
    with store.session() as session:
        return docs.get_council(session).name


@pytest.fixture
def dialog(request, app_context):
    return closed_after(request, welcome.WelcomeDialog(app_context, None))


def test_needed_on_first_run_only(store) -> None:
    assert welcome.needs_welcome(store)
    with store.session() as session:
        settings.put(session, settings.WELCOME_DONE, True)
    assert not welcome.needs_welcome(store)


def test_blank_start_with_council_name(dialog, store, qtbot) -> None:
    dialog.form.councilNameEdit.setText("  Oakford   Town Council ")
    with qtbot.waitSignal(
        dialog.app.changed, check_params_cb=lambda kinds: Change.DOCUMENT in kinds
    ):
        dialog.form.blankButton.click()
    current = show(store)
    assert current["status"] == "draft"
    assert len(current["sections"]) == 1
    assert current["sections"][0]["blocks"] == []
    assert _council(store) == "Oakford Town Council"
    assert _welcome_done(store)
    assert not welcome.needs_welcome(store)


def test_model_protocol_start(dialog, store) -> None:
    assert dialog.form.modelButton.isEnabled()  # the model protocol ships with every build
    assert not dialog.form.modelNoteLabel.isVisibleTo(dialog)
    from mop_desktop.services.importer.model import model_protocol

    dialog.form.modelButton.click()
    current = show(store)
    assert current["status"] == "draft"
    assert current["title"] == model_protocol().title
    assert len(current["sections"]) == len(model_protocol().sections)
    assert _welcome_done(store)
    assert _council(store) == ""  # nothing typed, nothing invented


def test_import_choice_saves_after_the_preview(dialog, store, qtbot, monkeypatch, tmp_path) -> None:
    source = tmp_path / "oakford.txt"
    source.write_text("stand-in", encoding="utf-8")
    monkeypatch.setattr(import_preview, "ask_open_file", lambda parent: str(source))
    monkeypatch.setattr(import_preview, "read_protocol", lambda path: make_result(adopted=True))
    dialog.form.importButton.click()
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.import_result is not None)
    assert show(store) is None  # nothing saved while the clerk looks at it
    assert not _welcome_done(store)
    preview.form.adoptedButton.click()
    current = show(store)
    assert current["status"] == "adopted"
    assert current["version"] == "2026"
    assert [h["minute_ref"] for h in current["history"]] == ["2025-044", "2026-101"]
    assert _council(store) == "Oakford Town Council"
    assert _welcome_done(store)


def test_import_cancelled_leaves_the_welcome_open(dialog, store, monkeypatch) -> None:
    monkeypatch.setattr(import_preview, "ask_open_file", lambda parent: None)
    dialog.show()
    dialog.form.importButton.click()
    assert dialog.preview is None
    assert dialog.isVisible()
    assert show(store) is None
    assert not _welcome_done(store)


def test_decide_later_changes_nothing(dialog, store) -> None:
    dialog.show()
    dialog.form.laterButton.click()
    assert not dialog.isVisible()
    assert show(store) is None
    assert welcome.needs_welcome(store)


def test_shown_over_the_window_on_first_run_only(qtbot, app_context, monkeypatch) -> None:
    from mop_desktop.gui.shell import app as gui_app
    from mop_desktop.gui.shell.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "install_extensions", lambda: None)
    window.show()
    gui_app._after_shown(window, app_context.paths)
    assert window.property("welcomeOpen") is True
    window.findChild(welcome.WelcomeDialog).form.blankButton.click()
    assert window.property("welcomeOpen") is False
    assert window.current_page_name() == "protocol"
    second = MainWindow(app_context)
    qtbot.addWidget(second)
    monkeypatch.setattr(second, "install_extensions", lambda: None)
    gui_app._after_shown(second, app_context.paths)
    assert not second.property("welcomeOpen")


def test_shared_folder_warning_is_shown(qtbot, app_context, monkeypatch, told) -> None:
    from mop_desktop.gui.shell import app as gui_app
    from mop_desktop.gui.shell.main_window import MainWindow

    with app_context.store.session() as session:
        settings.put(session, settings.WELCOME_DONE, True)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "install_extensions", lambda: None)
    monkeypatch.setattr(
        gui_app, "shared_folder_warning", lambda path: f"The data folder {path} is on a share."
    )
    gui_app._after_shown(window, app_context.paths)
    assert told == [("Data folder", f"The data folder {app_context.paths.data} is on a share.")]


@pytest.mark.parametrize("choice", ["blankButton", "modelButton"])
def test_store_error_is_told_not_a_crash(dialog, store, monkeypatch, told, choice) -> None:
    from sqlalchemy.exc import OperationalError

    def failing(store, text):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(preferences, "start_from_text", failing)
    dialog.show()
    getattr(dialog.form, choice).click()
    assert told == [
        (
            "Welcome to MOP Desktop",
            "Nothing was saved: the data store could not be written (OperationalError). "
            "Try again; if it keeps failing, see the log.",
        )
    ]
    assert dialog.isVisible()  # the clerk can choose again
    assert show(store) is None
    assert not _welcome_done(store)


def test_full_disk_is_named(dialog, store, monkeypatch, told) -> None:
    import errno

    def failing(store, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(preferences, "start_from_text", failing)
    dialog.form.blankButton.click()
    assert told[0][1].startswith("Nothing was saved: the disk is full")
    assert not _welcome_done(store)
