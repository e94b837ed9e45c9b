# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)
"""The operation helper: work off the UI thread, one announcement of what changed, a failure
said in one line, and nothing announced when the work failed."""

from __future__ import annotations

import errno
import threading

import pytest

from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.operation import EVERYTHING, Change, Operation, announce, one_line
from mop_desktop.services.meetings import MeetingError
from tests.gui.shell_helpers import told  # noqa: F401 (a fixture used by name)


@pytest.fixture
def ctx(qapp, app_paths, store):
    return AppContext(app_paths, store)


@pytest.fixture
def heard(ctx):
    announcements: list[frozenset[Change]] = []
    ctx.changed.connect(announcements.append)
    return announcements


def test_work_runs_off_the_ui_thread_then_one_announcement(qtbot, ctx, heard) -> None:
    threads: list[threading.Thread] = []
    results: list[tuple[int, list[frozenset[Change]]]] = []

    def work() -> int:
        threads.append(threading.current_thread())
        return 7

    op = Operation(ctx, None, work, changes={Change.DOCUMENT, Change.SCHEDULE})
    op.success(lambda value: results.append((value, list(heard))))
    op.run_in_background()
    qtbot.waitUntil(lambda: bool(results))
    assert threads and threads[0] is not threading.main_thread()
    # announced once, with both kinds, before the success handler ran
    assert results == [(7, [frozenset({Change.DOCUMENT, Change.SCHEDULE})])]
    assert heard == [frozenset({Change.DOCUMENT, Change.SCHEDULE})]


def test_changes_may_depend_on_the_result(ctx, heard) -> None:
    assert Operation(
        ctx, None, lambda: False, changes=lambda created: {Change.SCHEDULE} if created else set()
    ).run_now()
    assert heard == []  # nothing changed, nothing announced
    assert Operation(
        ctx, None, lambda: True, changes=lambda created: {Change.SCHEDULE} if created else set()
    ).run_now()
    assert heard == [frozenset({Change.SCHEDULE})]


def test_an_expected_error_is_its_own_one_line_message_and_nothing_is_announced(ctx, heard) -> None:
    said: list[str] = []

    def work() -> None:
        raise MeetingError("A meeting on 23 March 2026\n is already entered.")

    done = (
        Operation(ctx, None, work, changes=EVERYTHING, expected=(MeetingError,))
        .failure(lambda message, _error: said.append(message))
        .run_now()
    )
    assert done is False
    assert said == ["A meeting on 23 March 2026 is already entered."]
    assert heard == []


def test_a_failure_in_the_background_is_told_in_one_line(qtbot, ctx, heard, told) -> None:
    def work() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    Operation(ctx, None, work, changes={Change.COUNCIL}, title="Settings").run_in_background()
    qtbot.waitUntil(lambda: bool(told))
    assert told == [
        (
            "Settings",
            "Nothing was saved: the disk is full: nothing was changed; "
            "free some space and try again.",
        )
    ]
    assert heard == []


def test_an_unexpected_error_names_its_kind_not_a_traceback(ctx, heard, told) -> None:
    def work() -> None:
        raise KeyError("secret personal data")

    assert not Operation(ctx, None, work, changes={Change.DOCUMENT}, title="Save").run_now()
    assert len(told) == 1
    title, text = told[0]
    assert title == "Save" and "\n" not in text
    assert text == (
        "Nothing was saved: the data store could not be written (KeyError). "
        "Try again; if it keeps failing, see the log."
    )
    assert "secret" not in text
    assert heard == []


def test_announce_merges_kinds_and_says_nothing_for_none(ctx, heard) -> None:
    assert announce(ctx) == frozenset()
    assert announce(ctx, Change.REGISTER, {Change.DOCUMENT}) == {Change.REGISTER, Change.DOCUMENT}
    assert heard == [frozenset({Change.REGISTER, Change.DOCUMENT})]


def test_one_line_of_a_busy_store() -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    error = OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
    assert one_line(error) == "Nothing was saved: busy: another program is writing; try again."


def test_only_the_operation_helper_announces() -> None:
    """Every page learns of a change from one announcement, made in one place."""
    import re
    from pathlib import Path

    import mop_desktop.gui as gui

    root = Path(gui.__file__).parent
    emitters, old_signals = [], []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(root))
        if re.search(r"\bapp\.changed\.emit\(", text) and where != "widgets/operation.py":
            emitters.append(where)
        if re.search(r"\b(document|schedule|council|register)Changed\b", text):
            old_signals.append(where)
    assert emitters == [] and old_signals == []
