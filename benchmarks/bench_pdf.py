"""PDF export: whole-process ``mop-desktop pdf`` of the largest sample (borough), in-process
export at 1x and 10x that size, the council-pack report, and LibreOffice converting the same
text (``soffice --headless --convert-to pdf``) when it is installed.

Budget (issue 4): whole-process ``pdf`` of the largest sample at most half LibreOffice's time.
Run with ``python -m benchmarks pdf --runs 7`` or ``python benchmarks/bench_pdf.py``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import (
    SAMPLES,
    Measure,
    env_for,
    measure,
    measure_in_turn,
    mop,
    ratio_note,
    time_call,
)

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


def _in_process(data_dir: Path, runs: int, **options: object) -> tuple[float, float, int]:
    """(first export incl. imports and font registration, median of the rest, pages)."""
    from mop_desktop.services.pdf.exports import export_pdf
    from mop_desktop.store.db import open_store

    store = open_store(data_dir / "policy.db", data_dir / "kept-aside")
    pages = 0
    try:

        def export() -> None:
            nonlocal pages
            pages = export_pdf(store, data_dir / "in-process.pdf", record=False, **options).pages  # type: ignore[arg-type]

        first, median = time_call(export, runs)
    finally:
        store.close()
    return first, median, pages


def _soffice_argv(text_file: Path, out_dir: Path) -> list[str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = out_dir / "profile"  # created by the untimed first run
    return [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(text_file),
    ]


def run(runs: int = 5) -> list[Measure]:
    rows: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        one, ten = Path(tmp) / "x1", Path(tmp) / "x10"
        one.mkdir()
        ten.mkdir()
        build_store(one)
        build_store(ten, copies=10)
        out = Path(tmp) / "out.pdf"
        said: list[str] = []
        whole_cmd = (
            "mop-desktop pdf (whole process, borough sample)",
            mop("--data-dir", str(one), "pdf", "-o", str(out)),
            env_for(),
        )
        office_argv = _soffice_argv(SAMPLE, Path(tmp))
        if office_argv is not None:  # the two take turns, so load falls on both alike
            whole, office = measure_in_turn(
                [
                    whole_cmd,
                    (
                        "LibreOffice: soffice --headless --convert-to pdf (same text)",
                        office_argv,
                        env_for(),
                    ),
                ],
                runs,
                outputs=[said, []],
            )
        else:
            whole, office = measure(*whole_cmd, runs, outputs=said), None
        if said:
            whole.note = said[0].strip().rsplit("(", 1)[-1].rstrip(")")
        rows.append(whole)
        rows.append(
            measure(
                "mop-desktop pdf --redline (whole process, borough)",
                mop("--data-dir", str(one), "pdf", "-o", str(out), "--redline"),
                env_for(),
                runs,
            )
        )
        for label, folder in (("1x", one), ("10x", ten)):
            first, median, pages = _in_process(folder, runs)
            rows.append(
                Measure(
                    f"in-process export, {label} borough",
                    median,
                    0,
                    runs,
                    "export_pdf()",
                    f"{pages} pages; first call {first * 1000:.0f} ms",
                )
            )
        if office is not None:
            rows.append(office)
            whole.note += "; " + ratio_note(whole, office, 0.5, "LibreOffice's")
        else:
            whole.note += "; LibreOffice (soffice) not installed: no comparison"
    return rows


if __name__ == "__main__":
    from benchmarks.harness import TABLE_HEAD

    print(TABLE_HEAD)
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(row.row(), flush=True)
