"""The first frame comes before the slow work: it is drawn before anything is read from the
store (and before SQLAlchemy is imported), saying "Loading…"; the store is read straight after
it, and what waits for the filled window (the history's check, the pages, the extensions) runs
once that is drawn."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess
import sys

from mop_desktop.gui.shell.app import AfterFirstFrame
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.shell.dashboard import DashboardPage
from tests.conftest import ROOT
from tests.services.review_data import adopted_protocol

HEAVY = ("alembic", "reportlab", "docx", "sqlcipher3", "pypdfium2")

FIRST_FRAME = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from mop_desktop.paths import resolve_paths
from mop_desktop.store.db import open_store
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.shell.main_window import MainWindow

app = QApplication([])
paths = resolve_paths(sys.argv[1])
store = open_store(paths.policy_db, paths.kept_aside)
window = MainWindow(AppContext(paths, store))
seen = []

class First(QObject):
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.Paint and not seen:
            seen.append(("sqlalchemy" in sys.modules, window.statusLabel.text()))
            QTimer.singleShot(0, fill)
        return False

def fill():
    window.load_data()
    dashboard = window.page("dashboard")
    print(seen[0][0], seen[0][1], "|", window.statusLabel.text(), "|",
          dashboard.findChild(QObject, "versionLabel").text(), flush=True)
    window.close()
    app.quit()

first = First()
window.installEventFilter(first)
window.show()
app.exec()
store.close()
"""


def test_the_window_is_drawn_before_the_store_is_read(store, data_dir):
    adopted_protocol(store, dt.date(2025, 3, 20))
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    before, status, version = result.stdout.strip().splitlines()[-1].split(" | ")
    assert before == "False Loading\u2026"  # drawn with nothing read, SQLAlchemy not imported
    assert status.startswith("Version 2025 adopted")
    assert version == "2025"


def test_smoke_test_draws_the_filled_window(store, data_dir):
    adopted_protocol(store, dt.date(2025, 3, 20))
    store.close()
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "mop_desktop",
            "--data-dir",
            str(data_dir),
            "--smoke-test",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^startup-ms \d+$", result.stdout, re.MULTILINE)
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "PySide6" in imported
    assert sorted(imported & set(HEAVY)) == []


def test_after_first_frame_runs_once_after_painting(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[bool] = []
    AfterFirstFrame(widget, lambda: calls.append(widget.isVisible()), limit_ms=60_000)
    assert calls == []
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])
    widget.update()
    qtbot.wait(50)
    assert calls == [True]


def test_window_dashboard_checks_the_history_once_drawn(qtbot, app_paths, store):
    adopted_protocol(store, dt.date(2025, 3, 20), minute="FC 25/044")
    con = sqlite3.connect(store.path)
    with con:
        con.execute("UPDATE adoption SET minute_ref = 'FC 25/999'")
    con.close()
    ctx = AppContext(app_paths, store)
    page = DashboardPage(ctx, None, lambda: dt.date(2026, 2, 20), check_when_drawn=True)
    qtbot.addWidget(page.widget)
    assert page.form.versionLabel.text() == "2025"  # filled before it is drawn
    assert page.chain is None  # the check waits for the first frame
    page.widget.show()
    qtbot.waitUntil(lambda: page.chain is not None)
    assert not page.chain.ok
    assert not page.form.chainBanner.isHidden()
    assert "has been altered" in page.form.chainBanner.text()
