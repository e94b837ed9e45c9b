"""One window per data folder; a stale lock is recovered; the smoke test; a store that cannot
be opened."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from mop_desktop.gui.shell.single_instance import SingleInstance
from tests.conftest import ROOT
from tests.gui.shell_helpers import make_result, told  # noqa: F401 (fixtures used by name)

HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QCoreApplication
from mop_desktop.gui.shell.single_instance import SingleInstance
from mop_desktop.paths import resolve_paths
app = QCoreApplication([])
instance = SingleInstance(resolve_paths(sys.argv[1]))
print("locked" if instance.acquire() else "refused", flush=True)
time.sleep(120)
"""


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


def test_second_instance_refused_in_process(qapp, app_paths) -> None:
    first = SingleInstance(app_paths)
    assert first.acquire()
    try:
        second = SingleInstance(app_paths)
        assert not second.acquire()
        assert second.holder_pid() == os.getpid()
    finally:
        first.release()
    third = SingleInstance(app_paths)
    assert third.acquire()
    third.release()


def test_other_data_folder_is_independent(qapp, app_paths, tmp_path) -> None:
    from mop_desktop.paths import resolve_paths

    first = SingleInstance(app_paths)
    other = SingleInstance(resolve_paths(tmp_path / "elsewhere"))
    assert first.name != other.name
    try:
        assert first.acquire()
        assert other.acquire()
    finally:
        first.release()
        other.release()


def test_stale_lock_from_a_killed_process_is_recovered(qapp, app_paths) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(app_paths.data)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not SingleInstance(app_paths).acquire()  # alive: refused
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
    assert app_paths.lock_file.exists()  # left behind by the killed process
    instance = SingleInstance(app_paths)
    assert instance.acquire()
    assert instance.holder_pid() == os.getpid()
    instance.release()


def test_second_start_brings_the_first_window_forward(data_dir: Path, store, cli_process) -> None:
    from mop_desktop.services.workspace import save_import

    save_import(store, make_result(adopted=True))
    first = subprocess.Popen(
        [sys.executable, "-m", "mop_desktop", "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while not (data_dir / "mop-desktop.lock").exists():
            assert first.poll() is None, "the first window exited"
            assert time.monotonic() < deadline
            time.sleep(0.1)
        second = cli_process(env={"QT_QPA_PLATFORM": "offscreen"})
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout
        assert "brought to the front" in second.stdout
        assert first.poll() is None  # the first window is still running
        shown = cli_process("show", "--json")  # the command line works beside the window
        assert shown.returncode == 0, shown.stderr
        assert '"version": "2026"' in shown.stdout
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)


def test_smoke_test(cli_process) -> None:
    result = cli_process("--smoke-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    match = re.search(r"^startup-ms (\d+)$", result.stdout, re.MULTILINE)
    assert match, result.stdout
    assert int(match.group(1)) > 0


def test_store_that_cannot_be_opened_exits_2(qapp, app_paths, monkeypatch, told) -> None:
    from mop_desktop.commands import Context
    from mop_desktop.gui.shell import app as gui_app

    app_paths.ensure()
    app_paths.policy_db.write_bytes(b"")
    monkeypatch.setattr(gui_app, "_setup_logging", lambda paths: None)
    from mop_desktop.gui.register import recovery

    asked: list[str] = []
    # the recovery dialog (always part of the window) is answered "Quit"
    monkeypatch.setattr(recovery, "ask", lambda dialog: asked.append("asked") or recovery.QUIT)
    code = gui_app.run_gui(Context(paths=app_paths), smoke_test=True)
    assert code == 2
    assert asked == ["asked"]
    assert app_paths.policy_db.read_bytes() == b""
    assert SingleInstance(app_paths).acquire()  # the lock was released


def test_store_error_goes_to_the_recovery_dialog_when_present(
    qapp, app_paths, monkeypatch, told
) -> None:
    import types

    from mop_desktop.commands import Context
    from mop_desktop.gui.shell import app as gui_app
    from mop_desktop.store.db import DamagedStoreError

    offered: list[BaseException] = []
    recovery = types.ModuleType("mop_desktop.gui.register.recovery")
    recovery.offer_recovery = lambda paths, error: offered.append(error) or False
    monkeypatch.setitem(sys.modules, "mop_desktop.gui.register.recovery", recovery)
    monkeypatch.setattr(gui_app, "_setup_logging", lambda paths: None)
    app_paths.ensure()
    app_paths.policy_db.write_bytes(b"")
    assert gui_app.run_gui(Context(paths=app_paths), smoke_test=True) == 2
    assert len(offered) == 1 and isinstance(offered[0], DamagedStoreError)
    assert told == []  # the recovery dialog spoke instead


def test_unusable_data_folder_is_said_not_taken_for_a_running_window(
    qapp, tmp_path, monkeypatch, told
) -> None:
    from mop_desktop.commands import Context
    from mop_desktop.gui.shell import app as gui_app
    from mop_desktop.paths import resolve_paths

    not_a_folder = tmp_path / "data-file"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setattr(gui_app, "_setup_logging", lambda paths: None)
    code = gui_app.run_gui(Context(paths=resolve_paths(not_a_folder)), smoke_test=True)
    assert code == 2
    assert [title for title, _text in told] == ["MOP Desktop cannot open its data"]
    assert "already open" not in told[0][1]
