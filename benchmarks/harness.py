"""Timing for the benchmarks: whole processes (several runs; median wall time, median CPU time
and the peak memory of each, from ``os.wait4``) and calls inside this process (median).

Every ``bench_<name>.py`` returns ``Measure`` rows built here, so there is one way of timing.
On a shared machine the CPU time (user + system of the process and its children) is the steadier
figure; the wall time is what the clerk waits.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"


@dataclass
class Measure:
    name: str
    median_s: float
    peak_mb: float  # 0: not measured (in-process timings)
    runs: int
    command: str
    note: str = ""
    cpu_s: float = 0.0  # 0: not measured

    def row(self) -> str:
        cpu = f"{self.cpu_s * 1000:,.0f} ms" if self.cpu_s else "-"
        peak = f"{self.peak_mb:,.0f} MB" if self.peak_mb else "-"
        return (
            f"| {self.name} | {self.median_s * 1000:,.0f} ms | {cpu} | {peak} | {self.runs} | "
            f"{self.note} |"
        )


TABLE_HEAD = (
    "| measure | median wall | median CPU | peak memory | runs | note |\n"
    "| --- | ---: | ---: | ---: | ---: | --- |"
)


@dataclass(frozen=True)
class Run:
    """One finished process."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    stdout: str


def env_for(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("MOP_KDF_PROFILE", None)  # the production key derivation unless a bench asks
    if data_dir is not None:
        env["MOP_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


_launcher: subprocess.Popen[str] | None = None


def _launch() -> subprocess.Popen[str]:
    """The launcher (``benchmarks/launcher.py``), started while this process is small."""
    global _launcher
    if _launcher is None or _launcher.poll() is not None:
        _launcher = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.launcher"],
            cwd=ROOT,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
    return _launcher


def run_once(argv: Sequence[str], env: dict[str, str], stdin: str | None = None) -> Run:
    """Run one process to its end, started by the launcher; its own rusage (CPU, peak RSS)
    comes from ``os.wait4`` there."""
    launcher = _launch()
    assert launcher.stdin is not None and launcher.stdout is not None
    launcher.stdin.write(
        json.dumps({"argv": [str(a) for a in argv], "env": env, "stdin": stdin}) + "\n"
    )
    launcher.stdin.flush()
    done = json.loads(launcher.stdout.readline())
    if done["code"] != 0:
        raise RuntimeError(
            f"{' '.join(map(str, argv))} failed ({done['code']}): {done['stderr'].strip()[-500:]}"
        )
    return Run(done["wall_s"], done["cpu_s"], done["peak_mb"], done["stdout"])


_launch()  # now, while the benchmark is small


def measure(
    name: str,
    argv: Sequence[str],
    env: dict[str, str],
    runs: int = 5,
    note: str = "",
    stdin: str | None = None,
    warm_up: bool = True,
    outputs: list[str] | None = None,
) -> Measure:
    """Median wall and CPU time and the largest peak memory of ``runs`` processes (after one
    untimed run, so the figures are of a warm disk cache, as for a clerk's second start).
    ``outputs``, when given, receives each timed run's stdout."""
    row = measure_in_turn(
        [(name, argv, env)],
        runs,
        stdin=stdin,
        warm_up=warm_up,
        outputs=[outputs] if outputs is not None else None,
    )[0]
    row.note = note
    return row


def measure_in_turn(
    commands: Sequence[tuple[str, Sequence[str], dict[str, str]]],
    runs: int = 5,
    stdin: str | None = None,
    warm_up: bool = True,
    outputs: list[list[str]] | None = None,
) -> list[Measure]:
    """``measure`` for several commands that take turns (A B C A B C ...), so that load from
    other work on a shared machine falls on each of them alike: use it for every ratio."""
    if warm_up:
        for _, argv, env in commands:
            run_once(argv, env, stdin)
    done: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for runs_of, (_, argv, env) in zip(done, commands, strict=True):
            runs_of.append(run_once(argv, env, stdin))
    rows = []
    for n, (runs_of, (name, argv, _)) in enumerate(zip(done, commands, strict=True)):
        if outputs is not None:
            outputs[n].extend(r.stdout for r in runs_of)
        rows.append(
            Measure(
                name,
                statistics.median(r.wall_s for r in runs_of),
                max(r.peak_mb for r in runs_of),
                runs,
                " ".join(str(a) for a in argv),
                cpu_s=statistics.median(r.cpu_s for r in runs_of),
            )
        )
    return rows


def time_call(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(first call, median of the ``runs`` calls after it), in seconds, in this process."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:]) if runs else times[0]


def ratio_note(value: Measure, base: Measure, budget: float, what: str = "") -> str:
    """'2.1x ... (wall), 1.8x (CPU); budget 3x: met' for ``value`` against ``base``."""
    wall = value.median_s / base.median_s
    cpu = value.cpu_s / base.cpu_s if value.cpu_s and base.cpu_s else 0.0
    said = f"{wall:.2f}x {what}".rstrip() + " (wall)"
    if cpu:
        said += f", {cpu:.2f}x (CPU)"
    verdict = "met" if wall <= budget else f"missed by {(wall / budget - 1) * 100:.0f}%"
    return f"{said}; budget {budget:g}x: {verdict}"


def python() -> str:
    return sys.executable


def mop(*args: str) -> list[str]:
    return [sys.executable, "-m", "mop_desktop", *args]
