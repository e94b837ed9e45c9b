"""Benchmark of the confidential concern register.

Builds registers of 10, 10,000 and 100,000 made-up concerns (three in each carry the word
"zephyr"; set up with the test key derivation, then re-wrapped with the production Argon2id
cost, so every measured unlock pays the real cost) and measures:

- ``mop-desktop concerns list --search zephyr`` as a whole process at each size, first with
  MOP_KDF_PROFILE=test (the search without the deliberate second of key derivation), then with
  the production cost; budget: 10,000 at most 1.5 times 10;
- peak memory of ``concerns list --search`` and of ``concerns list --json`` (every concern) at
  100,000; budget under 300 MB;
- unlocking with the production Argon2id setting, in-process; budget about one second;
- the table model's filter in-process at 100,000 (search as you type: one reset per keystroke,
  then the first screenful of rows read).

``MOP_BENCH_REGISTER_SIZES=10,10000`` chooses other sizes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import (
    Measure,
    env_for,
    measure,
    measure_in_turn,
    mop,
    ratio_note,
    time_call,
)

PASSPHRASE = "benchmark passphrase"
WORDS = (
    "meeting email phone planning minutes agenda committee chair budget grant allotments "
    "cemetery parish hall clerk deputy response papers letter press website newsletter "
    "complaint apology training exempt item confidential resident footpath bench lighting"
).split()
FIRST = "Sam Alex Jo Chris Kim Lee Priya Dana Morgan Pat Robin Jamie Hazel Owen Ruth".split()
LAST = "Porter Reed Fenwick Lowe Shah Wells Hale Ellis Grant Rowe Doyle Price Hughes".split()


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
            batch.append(
                dict(
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
                )
            )
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
    out.append(
        ("[status+category filter]", (time.perf_counter() - started) * 1000, model.rowCount())
    )
    service.lock()
    return out


def unlock_seconds(folder: Path, runs: int) -> float:
    from mop_desktop.paths import AppPaths
    from mop_desktop.store import vault

    os.environ.pop("MOP_KDF_PROFILE", None)
    envelope = AppPaths(folder).key_envelope
    _, median = time_call(
        lambda: vault.zero(vault.unlock_with_passphrase(envelope, PASSPHRASE)), runs
    )
    return median


def _search(folders: dict[int, Path], runs: int, profile: str) -> list[Measure]:
    """``concerns list --search zephyr`` at each size, the sizes taking turns."""
    extra = {"MOP_PASSPHRASE": PASSPHRASE}
    if profile == "test":
        extra["MOP_KDF_PROFILE"] = "test"
    rows = measure_in_turn(
        [
            (
                f"concerns list --search, {size:,} concerns, {profile} key derivation",
                mop("--data-dir", str(folder), "concerns", "list", "--search", "zephyr"),
                env_for(**extra),
            )
            for size, folder in folders.items()
        ],
        runs,
    )
    by_size = dict(zip(folders, rows, strict=True))
    if 10 in by_size and 10_000 in by_size:
        row = by_size[10_000]
        row.note = ratio_note(row, by_size[10], 1.5, "the 10-concern register")
    largest = by_size[max(by_size)]
    if max(by_size) >= 100_000:
        largest.note = (largest.note + "; " if largest.note else "") + (
            f"peak memory budget 300 MB: {'met' if largest.peak_mb < 300 else 'missed'}"
        )
    return rows


def run(runs: int = 5) -> list[Measure]:
    sizes = [
        int(n) for n in os.environ.get("MOP_BENCH_REGISTER_SIZES", "10,10000,100000").split(",")
    ]
    rows: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="bench-register-") as tmp:
        folders: dict[int, Path] = {}
        for size in sizes:
            folder = Path(tmp) / f"register-{size}"
            started = time.perf_counter()
            build(folder, size)
            rows.append(
                Measure(
                    f"build a register of {size:,} concerns (setup, not a budget)",
                    time.perf_counter() - started,
                    0,
                    1,
                    "bench_register.build()",
                    f"{(folder / 'register.db').stat().st_size / 1e6:.1f} MB on disk",
                )
            )
            folders[size] = folder
        for folder in folders.values():
            rewrap(folder, production=False)
        rows += _search(folders, runs, "test")
        for folder in folders.values():
            rewrap(folder, production=True)
        os.environ.pop("MOP_KDF_PROFILE", None)
        rows += _search(folders, runs, "production")
        largest = max(folders)
        seconds = unlock_seconds(folders[largest], min(runs, 3))
        rows.append(
            Measure(
                "unlock (production Argon2id, in-process)",
                seconds,
                0,
                min(runs, 3),
                "vault.unlock_with_passphrase()",
                "budget about 1 s: " + ("met" if seconds <= 1.3 else "missed"),
            )
        )
        listed = measure(
            f"concerns list --json, every one of {largest:,} concerns",
            mop("--data-dir", str(folders[largest]), "concerns", "list", "--json"),
            env_for(MOP_PASSPHRASE=PASSPHRASE),
            min(runs, 3),
        )
        listed.note = f"peak memory budget 300 MB: {'met' if listed.peak_mb < 300 else 'missed'}"
        rows.append(listed)
        if largest >= 1000:
            typed = model_filter(folders[largest])
            ms = [t for _, t, _ in typed]
            worst = max(typed, key=lambda t: t[1])
            rows.append(
                Measure(
                    f"table model filter at {largest:,}, per keystroke (in-process)",
                    statistics.median(ms) / 1000,
                    0,
                    len(ms),
                    "ConcernTableModel.set_query()",
                    f"reset + first 40 rows; slowest {worst[1]:.0f} ms for {worst[0]!r} "
                    f"({worst[2]:,} rows)",
                )
            )
    return rows


if __name__ == "__main__":
    from benchmarks.harness import TABLE_HEAD

    print(TABLE_HEAD)
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(row.row(), flush=True)
