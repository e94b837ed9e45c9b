"""Start-up: ``mop-desktop --smoke-test`` (whole process, a store with the largest sample and a
20-row history) against a bare PySide6 window shown and closed by the same interpreter.

Budgets: the window on screen (``first-frame-ms``: from the process's start, read from
``/proc/self/stat`` on Linux, to the first frame, drawn before the store is read) at most 3 times
the bare window's first frame timed alike; the filled window (``startup-ms``: the dashboard
filled from the store) under 300 ms. The whole process (start, fill, quit) is reported beside
them with its ratio to the bare window's whole process."""

from __future__ import annotations

import datetime as dt
import re
import statistics
import tempfile
from pathlib import Path

from benchmarks.harness import SAMPLES, Measure, env_for, measure_in_turn, mop, python

BARE_WINDOW = (  # prints its first frame as --smoke-test does: after the first paint
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from mop_desktop.process_clock import seconds_since_start\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1000, 700)\n"
    "class First(QObject):\n"
    "    def eventFilter(self, obj, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            obj.removeEventFilter(self)\n"
    "            QTimer.singleShot(0, done)\n"
    "        return False\n"
    "def done():\n"
    "    print(f'startup-ms {seconds_since_start(0) * 1000:.0f}', flush=True)\n"
    "    w.close(); app.quit()\n"
    "first = First(); w.installEventFilter(first); w.show()\n"
    "app.exec()\n"
)
FIRST_FRAME_BUDGET_S = 0.3


def build_store(data_dir: Path) -> None:
    """The borough sample, adopted, with its history padded to 20 rows."""
    from mop_desktop.domain.records import Adoption
    from mop_desktop.services.importer import read_protocol
    from mop_desktop.services.workspace import save_import
    from mop_desktop.store.db import open_store

    result = read_protocol(SAMPLES / "borough-model-protocol.txt")
    extra = [
        Adoption(
            version_label=f"{y}",
            adopted_on=dt.date(y, 3, 20),
            minute_ref=f"{y}-1",
            review_due=dt.date(y + 1, 3, 31),
            reviewer="G White",
        )
        for y in range(2000, 2000 + max(0, 20 - len(result.history)))
    ]
    result.history = extra + result.history
    store = open_store(data_dir / "policy.db", data_dir / "kept-aside")
    save_import(store, result)
    store.close()


def _first_frames(outputs: list[str], name: str = "startup-ms") -> float | None:
    """Median of the ``startup-ms N`` (or ``name``) lines, in seconds."""
    found = [
        int(m.group(1)) / 1000 for out in outputs if (m := re.search(rf"(?m)^{name} (\d+)", out))
    ]
    return statistics.median(found) if found else None


def run(runs: int = 5) -> list[Measure]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        build_store(data)
        env = env_for(data)
        bare_said: list[str] = []
        said: list[str] = []
        bare, smoke = measure_in_turn(
            [
                ("bare PySide6 window (shown and closed)", [python(), "-c", BARE_WINDOW], env),
                ("mop-desktop --smoke-test (whole process)", mop("--smoke-test"), env),
            ],
            runs,
            outputs=[bare_said, said],
        )
        smoke.note = (
            f"{smoke.median_s / bare.median_s:.2f}x the bare window's whole process; it "
            "also reads the store (SQLAlchemy) and quits"
        )
        rows = [bare, smoke]
        bare_first = _first_frames(bare_said)
        first = _first_frames(said)
        loading = _first_frames(said, "first-frame-ms")
        if loading is not None:
            note = "process start to the first frame, before the store is read"
            if bare_first:
                times = loading / bare_first
                verdict = "met" if times <= 3 else f"missed by {(times / 3 - 1) * 100:.0f}%"
                note += (
                    f": {times:.2f}x the bare window's first frame "
                    f"({bare_first * 1000:,.0f} ms); budget 3x: {verdict}"
                )
            rows.append(
                Measure(
                    "first frame, saying Loading\u2026 (first-frame-ms)",
                    loading,
                    0,
                    runs,
                    "mop-desktop --smoke-test",
                    note,
                )
            )
        if first is not None:
            verdict = (
                "met"
                if first <= FIRST_FRAME_BUDGET_S
                else f"missed by {(first - FIRST_FRAME_BUDGET_S) * 1000:,.0f} ms"
            )
            floor = (
                f"; the bare window's first frame, timed alike: {bare_first * 1000:,.0f} ms"
                if bare_first is not None
                else ""
            )
            rows.append(
                Measure(
                    "filled window (startup-ms printed by --smoke-test)",
                    first,
                    0,
                    runs,
                    "mop-desktop --smoke-test",
                    f"process start to the filled window drawn; budget 300 ms: {verdict}{floor}",
                )
            )
        return rows
