"""PDF export: whole-process ``mop-desktop pdf`` of the largest sample (borough), in-process
export at 1x and 10x that size, the council-pack report, and LibreOffice converting the same
text (``soffice --headless --convert-to pdf``) when it is installed.

Budget (issue 4): whole-process ``pdf`` of the largest sample at most half LibreOffice's time.
Run with ``python -m benchmarks pdf --runs 7`` or ``python benchmarks/bench_pdf.py``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import SAMPLES, Measure, env_for, mop, run_once

SAMPLE = SAMPLES / "borough-model-protocol.txt"


def build_store(data_dir: Path, copies: int = 1) -> None:
    """A store holding the borough sample as adopted (its text repeated ``copies`` times)
    and a draft with one clause reworded, for the report."""
    from mop_desktop.services.importer import read_protocol
    from mop_desktop.services.workspace import save_import, start_from_text
    from mop_desktop.store.db import open_store

    result = read_protocol(SAMPLE)
    if copies > 1:
        result.text.sections = [s for _ in range(copies) for s in result.text.clone().sections]
        result.text.renumber()
    store = open_store(data_dir / "policy.db", data_dir / "kept-aside")
    try:
        save_import(store, result)
        draft = result.text.clone()
        blocks = [b for s in draft.sections for b in s.blocks]
        blocks[1].text = blocks[1].text.replace("continue", "build and keep")
        start_from_text(store, draft)
    finally:
        store.close()


def _timed(name: str, argv: list[str], runs: int) -> tuple[Measure, float]:
    """Median wall time and median CPU time (user + system, the process and its children):
    on a shared machine CPU time is the steadier figure."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env_for(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(argv)} failed")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    cpu = statistics.median(cpus)
    row = Measure(name, statistics.median(walls), max(peaks), runs, " ".join(argv),
                  f"CPU {cpu * 1000:,.0f} ms")
    return row, cpu


def _in_process(data_dir: Path, runs: int, **options: object) -> tuple[float, float, int]:
    """(first export incl. imports and font registration, median of the rest, pages)."""
    from mop_desktop.services.pdf.exports import export_pdf
    from mop_desktop.store.db import open_store

    store = open_store(data_dir / "policy.db", data_dir / "kept-aside")
    times, pages = [], 0
    try:
        for n in range(runs + 1):
            start = time.perf_counter()
            info = export_pdf(store, data_dir / f"in-process-{n}.pdf", record=False,
                              **options)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
            pages = info.pages
    finally:
        store.close()
    return times[0], statistics.median(times[1:]), pages


def _soffice(text_file: Path, runs: int) -> tuple[Measure, float] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        argv = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                "--convert-to", "pdf", "--outdir", tmp, str(text_file)]
        run_once(argv, env_for())  # the first start creates the profile: not timed
        return _timed("LibreOffice: soffice --headless --convert-to pdf (same text)", argv,
                      runs)


def run(runs: int = 5) -> list[Measure]:
    rows: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        one, ten = Path(tmp) / "x1", Path(tmp) / "x10"
        one.mkdir()
        ten.mkdir()
        build_store(one)
        build_store(ten, copies=10)
        out = Path(tmp) / "out.pdf"
        whole, whole_cpu = _timed("mop-desktop pdf (whole process, borough sample)",
                                  mop("--data-dir", str(one), "pdf", "-o", str(out)), runs)
        _, _, said = run_once(mop("--data-dir", str(one), "pdf", "-o", str(out)), env_for())
        whole.note += "; " + said.strip().rsplit("(", 1)[-1].rstrip(")")
        rows.append(whole)
        report, _ = _timed("mop-desktop pdf --redline (whole process, borough)",
                           mop("--data-dir", str(one), "pdf", "-o", str(out), "--redline"),
                           runs)
        rows.append(report)
        for label, folder in (("1x", one), ("10x", ten)):
            first, median, pages = _in_process(folder, runs)
            rows.append(Measure(f"in-process export, {label} borough", median, 0, runs,
                                "export_pdf()", f"{pages} pages; first call {first * 1000:.0f} ms"))
        soffice = _soffice(SAMPLE, runs)
        if soffice is not None:
            office, office_cpu = soffice
            office.note += (f"; mop-desktop pdf takes {whole.median_s / office.median_s:.2f}x "
                            f"its wall time, {whole_cpu / office_cpu:.2f}x its CPU (budget 0.5x)")
            rows.append(office)
        else:
            rows.append(Measure("LibreOffice", 0, 0, 0, "", "soffice not installed"))
    return rows


if __name__ == "__main__":
    from benchmarks.harness import TABLE_HEAD

    print(TABLE_HEAD)
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(row.row(), flush=True)
