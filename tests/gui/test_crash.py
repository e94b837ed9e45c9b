"""The crash dialog: logged, shown with copyable details and the log's location."""

from __future__ import annotations

import logging
import sys

from mop_desktop import log as applog
from mop_desktop.gui.shell import crash


def test_unhandled_error_is_logged_and_shown(qtbot, app_paths, monkeypatch):
    log_path = applog.setup_logging(app_paths)
    shown = []
    monkeypatch.setattr(crash, "show_dialog", lambda dialog: shown.append(dialog))
    saved = sys.excepthook
    try:
        hook = crash.install_excepthook(log_path)
        try:
            raise RuntimeError("the <b>button</b> broke")
        except RuntimeError:
            hook(*sys.exc_info())
    finally:
        sys.excepthook = saved
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    details = dialog.details()
    assert "RuntimeError: the <b>button</b> broke" in details
    assert "test_crash.py" in details
    assert str(log_path) in dialog.form.logLabel.text()
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == details
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "RuntimeError: the <b>button</b> broke" in log_path.read_text(encoding="utf-8")


def test_register_sql_never_reaches_the_dialog(qtbot, app_paths, monkeypatch):
    import sqlalchemy as sa

    log_path = applog.setup_logging(app_paths)
    shown = []
    monkeypatch.setattr(crash, "show_dialog", lambda dialog: shown.append(dialog))
    engine = sa.create_engine("sqlite://")
    try:
        with engine.begin() as con:
            secret = "-".join(["SECRET", "X"])
            con.execute(sa.text("SELECT * FROM concern WHERE summary = :s"), {"s": secret})
    except sa.exc.OperationalError:
        crash.handle_exception(*sys.exc_info(), log_path)
    qtbot.addWidget(shown[0])
    details = shown[0].details()
    assert "OperationalError" in details and "no such table" in details
    assert "SECRET-X" not in details
    assert "SELECT" not in details.splitlines()[-1]


def test_a_full_disk_is_told_plainly_not_as_a_crash(qtbot, app_paths, monkeypatch):
    import errno

    log_path = applog.setup_logging(app_paths)
    told, crashed = [], []
    monkeypatch.setattr(crash, "show_failure", told.append)
    monkeypatch.setattr(crash, "show_dialog", crashed.append)
    try:
        raise OSError(errno.ENOSPC, "No space left on device", "policy.db")
    except OSError:
        crash.handle_exception(*sys.exc_info(), log_path)
    assert crashed == []
    assert told and told[0].startswith("the disk is full: nothing was changed")
