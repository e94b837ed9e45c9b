"""Benchmark of the confidential concern register (run on demand, not by the test suite).

    python benchmarks/bench_register.py [--sizes 10,10000,100000] [--keep DIR]

Builds registers of made-up concerns (three of them in each register carry the word
"zephyr"), then measures:

- unlock time with the production key derivation (Argon2id as calibrated here);
- ``mop-desktop concerns list --search zephyr`` as a whole process, with the production key
  derivation and with MOP_KDF_PROFILE=test (search cost without the deliberate second of KDF);
- peak memory (max RSS) of ``concerns list --search`` and of the full ``concerns list --json``
  at the largest size;
- the table model's filter in-process (search as you type: one reset per keystroke, then the
  first screenful of rows read), per keystroke.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase"
WORDS = (
    "meeting email phone planning minutes agenda committee chair budget grant allotments "
    "cemetery parish hall clerk deputy response papers letter press website newsletter "
    "complaint apology training exempt item confidential resident footpath bench lighting"
).split()
FIRST = "Sam Alex Jo Chris Kim Lee Priya Dana Morgan Pat Robin Jamie Hazel Owen Ruth".split()
LAST = "Porter Reed Fenwick Lowe Shah Wells Hale Ellis Grant Rowe Doyle Price Hughes".split()


def _env(profile_test: bool) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), MOP_PASSPHRASE=PASSPHRASE)
    env.pop("MOP_KDF_PROFILE", None)
    if profile_test:
        env["MOP_KDF_PROFILE"] = "test"
    return env


def build(folder: Path, size: int) -> None:
    """A register of ``size`` made-up concerns, set up with the test KDF profile."""
    from sqlalchemy import insert

    from mop_desktop.domain.concerns import CATEGORIES, ROLES, STATUSES
    from mop_desktop.paths import AppPaths
    from mop_desktop.services.concerns import RegisterService
    from mop_desktop.store.register import ConcernRow

    os.environ["MOP_KDF_PROFILE"] = "test"
    rng = random.Random(size)
    service = RegisterService(AppPaths(folder))
    service.init(PASSPHRASE)
    marked = set(rng.sample(range(size), 3))
    per_year: dict[int, int] = {}
    batch: list[dict[str, object]] = []
    with service.session() as session:
        for i in range(size):
            raised = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(16 * 365))
            per_year[raised.year] = per_year.get(raised.year, 0) + 1
            words = rng.sample(WORDS, 8)
            if i in marked:
                words[3] = "zephyr"
            status = rng.choice(STATUSES)
            batch.append(dict(
                reference=f"C-{raised.year}-{per_year[raised.year]:03d}",
                raised_on=raised,
                raised_by=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                raised_by_role=rng.choice(ROLES),
                about=f"Cllr {rng.choice(FIRST)} {rng.choice(LAST)}",
                about_role=rng.choice(ROLES),
                category=rng.choice(CATEGORIES),
                clauses="2.1, 4.3",
                summary=" ".join(words[:6]).capitalize(),
                details=" ".join(rng.choices(WORDS, k=40)) + " " + " ".join(words),
                route="informal resolution",
                status=status,
                follow_up_on=raised + dt.timedelta(days=30) if status != "closed" else None,
                outcome="",
                closed_on=raised + dt.timedelta(days=60) if status == "closed" else None,
            ))
            if len(batch) >= 5000:
                session.execute(insert(ConcernRow), batch)
                batch.clear()
        if batch:
            session.execute(insert(ConcernRow), batch)
    service.lock()


def rewrap(folder: Path, production: bool) -> None:
    """Re-wrap the data key with the production (calibrated) or the test Argon2id cost, so
    that a kept folder is measured the same way on every run."""
    from mop_desktop.paths import AppPaths
    from mop_desktop.store import vault

    os.environ["MOP_KDF_PROFILE"] = "test"  # opens an envelope of either cost
    key = vault.unlock_with_passphrase(AppPaths(folder).key_envelope, PASSPHRASE)
    if production:
        del os.environ["MOP_KDF_PROFILE"]
    vault.set_passphrase(AppPaths(folder).key_envelope, key, PASSPHRASE)
    vault.zero(key)


def run_cli(folder: Path, args: list[str], profile_test: bool) -> tuple[float, int]:
    """(seconds, max RSS in MiB) of one whole ``mop-desktop`` process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mop_desktop", "--data-dir", str(folder), *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(profile_test),
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{args} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, usage.ru_maxrss // 1024


def interleaved_medians(folders: dict[int, Path], args: list[str], profile_test: bool,
                        runs: int = 7) -> dict[int, float]:
    """Median seconds per size; the sizes take turns so that load from other work on the
    machine falls on each of them alike."""
    times: dict[int, list[float]] = {size: [] for size in folders}
    for _ in range(runs):
        for size, folder in folders.items():
            times[size].append(run_cli(folder, args, profile_test)[0])
    return {size: statistics.median(t) for size, t in times.items()}


def unlock_time(folder: Path) -> float:
    from mop_desktop.paths import AppPaths
    from mop_desktop.store import vault

    os.environ.pop("MOP_KDF_PROFILE", None)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        vault.zero(vault.unlock_with_passphrase(AppPaths(folder).key_envelope, PASSPHRASE))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def model_filter(folder: Path) -> list[tuple[str, float, int]]:
    """Per keystroke of "zephyr" then "meeting email": ms to reset the model and read rows."""
    from PySide6.QtCore import QCoreApplication

    from mop_desktop.gui.register.table_model import ConcernTableModel
    from mop_desktop.paths import AppPaths
    from mop_desktop.services.concerns import RegisterService
    from mop_desktop.services.concerns.query import ConcernQuery

    QCoreApplication.instance() or QCoreApplication([])
    os.environ["MOP_KDF_PROFILE"] = "test"
    service = RegisterService(AppPaths(folder))
    os.environ.pop("MOP_KDF_PROFILE")
    service.unlock(PASSPHRASE)
    model = ConcernTableModel(service)
    out = []
    for typed in ("z", "ze", "zep", "zeph", "zephyr", "meeting", "meeting em", "meeting email"):
        started = time.perf_counter()
        model.set_query(ConcernQuery(text=typed))
        for row in range(min(40, model.rowCount())):
            for column in range(model.columnCount()):
                model.index(row, column).data()
        out.append((typed, (time.perf_counter() - started) * 1000, model.rowCount()))
    started = time.perf_counter()
    model.set_query(ConcernQuery(status="open", category="undue pressure"))
    for row in range(min(40, model.rowCount())):
        model.index(row, 0).data()
    out.append(("[status+category filter]", (time.perf_counter() - started) * 1000,
                model.rowCount()))
    service.lock()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,10000,100000")
    parser.add_argument("--keep", metavar="DIR", help="build the registers here and keep them")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-register-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        folders = {}
        for size in sizes:
            folder = base / f"register-{size}"
            if not (folder / "register.db").exists():
                started = time.perf_counter()
                build(folder, size)
                print(f"built {size:>7} concerns in {time.perf_counter() - started:6.1f} s "
                      f"({(folder / 'register.db').stat().st_size / 1e6:.1f} MB)")
            folders[size] = folder
        search = ["concerns", "list", "--search", "zephyr"]
        print("\nconcerns list --search zephyr, whole process, median of 7 (sizes in turn):")
        for folder in folders.values():
            rewrap(folder, production=False)
            run_cli(folder, search, True)  # warm-up (and any schema upgrade of a kept folder)
        for size, seconds in interleaved_medians(folders, search, True).items():
            print(f"  {size:>7}: {seconds:.3f} s (MOP_KDF_PROFILE=test)")
        for folder in folders.values():
            rewrap(folder, production=True)
        for size, seconds in interleaved_medians(folders, search, False).items():
            print(f"  {size:>7}: {seconds:.3f} s (production KDF)")
        largest = max(folders)
        print(f"\nunlock (production Argon2id, median of 3): {unlock_time(folders[largest]):.2f} s")
        _, rss = run_cli(folders[largest], search, False)
        print(f"peak memory at {largest}: concerns list --search: {rss} MiB")
        _, rss = run_cli(folders[largest], ["concerns", "list", "--json"], False)
        print(f"peak memory at {largest}: concerns list --json (every concern): {rss} MiB")
        for size, folder in folders.items():
            if size < 1000:
                continue
            print(f"\ntable model filter at {size} (reset + first 40 rows), per keystroke:")
            for typed, ms, rows in model_filter(folder):
                print(f"  {typed!r:>28}: {ms:7.1f} ms  ({rows} rows)")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
