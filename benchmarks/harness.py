"""Timing whole processes: several runs, the median wall time and the peak memory of each."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"


@dataclass
class Measure:
    name: str
    median_s: float
    peak_mb: float
    runs: int
    command: str
    note: str = ""

    def row(self) -> str:
        return (
            f"| {self.name} | {self.median_s * 1000:,.0f} ms | {self.peak_mb:,.0f} MB | "
            f"{self.runs} | {self.note} |"
        )


TABLE_HEAD = "| measure | median | peak memory | runs | note |\n| --- | ---: | ---: | ---: | --- |"


def env_for(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    if data_dir is not None:
        env["MOP_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def run_once(
    argv: Sequence[str], env: dict[str, str], stdin: str | None = None
) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB and stdout of one process (os.wait4 gives its own rusage)."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), env=env, stdout=out, stderr=err,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL, text=True,
        )
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {stderr.strip()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, stdout


def measure(name: str, argv: Sequence[str], env: dict[str, str], runs: int = 5,
            note: str = "", stdin: str | None = None) -> Measure:
    times, peaks = [], []
    for _ in range(runs):
        elapsed, peak, _ = run_once(argv, env, stdin)
        times.append(elapsed)
        peaks.append(peak)
    return Measure(name, statistics.median(times), max(peaks), runs,
                   " ".join(str(a) for a in argv), note)


def python() -> str:
    return sys.executable


def mop(*args: str) -> list[str]:
    return [sys.executable, "-m", "mop_desktop", *args]
