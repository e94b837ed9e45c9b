"""The log: where it lives, and that it never holds bound parameters or register text."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from mop_desktop import log as applog


@pytest.fixture
def log_path(app_paths):
    path = applog.setup_logging(app_paths)
    yield path
    for handler in logging.getLogger().handlers:
        handler.flush()


def _read(path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_lives_in_the_moved_data_folder(app_paths, log_path):
    assert log_path.parent == app_paths.logs
    logging.getLogger("mop_desktop.test").info("a plain line")
    assert "a plain line" in _read(log_path)


def test_default_data_folder_logs_to_the_platform_log_folder(monkeypatch, tmp_path):
    from mop_desktop.paths import AppPaths

    monkeypatch.setattr(applog, "default_data_dir", lambda: tmp_path / "d")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = applog.log_dir(AppPaths(tmp_path / "d"))
    assert folder != tmp_path / "d" / "logs"
    assert "mop-desktop" in str(folder)


def test_bound_parameters_are_dropped(log_path):
    logging.getLogger("mop_desktop.x").warning(
        "INSERT INTO concern (summary) VALUES (?) [parameters: ('UNIQUE-SECRET-1',)]"
    )
    engine_log = logging.getLogger("sqlalchemy.engine.Engine")
    engine_log.warning("[generated in 0.1s] ('UNIQUE-SECRET-2',)")
    text = _read(log_path)
    assert "UNIQUE-SECRET-1" not in text
    assert "UNIQUE-SECRET-2" not in text


def test_database_exception_messages_lose_sql_and_values(log_path):
    from sqlalchemy import create_engine, text

    engine = create_engine("sqlite://")
    with engine.begin() as con:
        con.execute(text("CREATE TABLE t (x TEXT UNIQUE)"))
        con.execute(text("INSERT INTO t VALUES (:v)"), {"v": "-".join(["UNIQUE", "SECRET", "3"])})
    try:
        with engine.begin() as con:
            value = "-".join(["UNIQUE", "SECRET", "3"])
            con.execute(text("INSERT INTO t VALUES (:v)"), {"v": value})
    except Exception:
        logging.getLogger("mop_desktop.x").exception("save failed")
    text_out = _read(log_path)
    assert "save failed" in text_out
    assert "IntegrityError" in text_out
    assert "UNIQUE constraint failed" in text_out
    assert "UNIQUE-SECRET-3" not in text_out


def test_messages_raised_in_register_code_are_withheld(tmp_path, log_path):
    # code compiled under a register module's file name stands for the register's code
    source = "def fail(v):\n    raise ValueError('summary: ' + v)\n"
    namespace: dict = {}
    exec(compile(source, "/x/mop_desktop/store/register.py", "exec"), namespace)
    try:
        namespace["fail"]("-".join(["UNIQUE", "SECRET", "4"]))
    except ValueError:
        logging.getLogger("mop_desktop.x").exception("register failed")
    text_out = _read(log_path)
    assert "register failed" in text_out
    assert "ValueError" in text_out
    assert "UNIQUE-SECRET-4" not in text_out


def test_scrub_removes_sql_and_parameters():
    message = (
        "(sqlite3.IntegrityError) UNIQUE constraint failed: t.x\n"
        "[SQL: INSERT INTO t VALUES (?)]\n[parameters: ('secret',)]\n"
        "(Background on this error at: https://sqlalche.me/e/20/gkpj)"
    )
    out = applog.scrub(message)
    assert "secret" not in out and "INSERT" not in out and "sqlalche.me" not in out
    assert "UNIQUE constraint failed" in out


def test_safe_message_keeps_ordinary_messages():
    try:
        raise sqlite3.OperationalError("disk I/O error")
    except sqlite3.OperationalError as exc:
        assert applog.safe_message(exc) == "disk I/O error"


def test_register_work_with_statement_logging_on_leaves_no_text_in_the_log(
    app_paths, log_path, monkeypatch
):
    service_mod = pytest.importorskip("mop_desktop.services.concerns")
    from mop_desktop.domain.concerns import Concern

    monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    secret = "-".join(["ZQX", "UNIQUE", "REGISTER", "TEXT"])
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)  # as if echo were on
    try:
        service = service_mod.RegisterService(app_paths)
        service.init("correct horse battery")
        reference = service.add(
            Concern(
                raised_on=__import__("datetime").date(2026, 1, 5),
                raised_by_role="officer",
                summary=secret,
                details=secret,
            )
        )
        try:
            with service.session() as session:
                from sqlalchemy import text

                session.execute(
                    text(
                        "INSERT INTO concern (reference, raised_on, raised_by_role, summary) "
                        "VALUES (:r, '2026-01-05', 'officer', :s)"
                    ),
                    {"r": reference, "s": secret},
                )
        except Exception:
            logging.getLogger("mop_desktop.concerns").exception("saving the concern failed")
        service.lock()
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    content = _read(log_path)
    assert "saving the concern failed" in content and "IntegrityError" in content
    assert secret not in content


def test_a_password_in_a_database_url_never_reaches_the_log(log_path):
    import logging

    logging.getLogger("mop_desktop.test").error(
        "could not open postgresql+psycopg://clerk:hunter2@office/council"
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text()
    assert "clerk:***@office/council" in text and "hunter2" not in text
