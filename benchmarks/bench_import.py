"""Import: whole-process ``mop-desktop import`` of each sample, and in-process reading of a long
protocol (the borough sample's body repeated 40 times, about 2,400 lines) as .txt and .docx.

Run with ``python -m benchmarks import --runs 5`` or ``python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import SAMPLES, Measure, env_for, measure, mop, time_call

COPIES = 40


def long_protocol(folder: Path) -> tuple[Path, Path]:
    """The borough sample's body repeated with its sections renumbered, as .txt and .docx."""
    import re

    import docx

    source = (SAMPLES / "borough-model-protocol.txt").read_text(encoding="utf-8")
    body = source[source.index("1. Introduction") :]
    parts = []
    for n in range(1, COPIES + 1):
        parts.append(re.sub(r"(?m)^(- )?\d\.", lambda m, n=n: f"{m.group(1) or ''}{n}.", body))
    text = "Member/Officer Relations Protocol\n\n" + "\n\n".join(parts)
    txt = folder / "long.txt"
    txt.write_text(text, encoding="utf-8")
    document = docx.Document()
    for line in text.split("\n"):
        if line.startswith("- ") and not line[2:3].isdigit():
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    path = folder / "long.docx"
    document.save(path)
    return txt, path


def _in_process(path: Path, runs: int) -> tuple[float, int]:
    from mop_desktop.services.importer import read_protocol

    blocks = 0

    def read() -> None:
        nonlocal blocks
        result = read_protocol(path)
        blocks = sum(len(s.blocks) for s in result.text.sections)

    _, median = time_call(read, runs)  # the first call warms the imports
    return median, blocks


def run(runs: int = 5) -> list[Measure]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for sample in sorted(SAMPLES.glob("*.txt")):
            data = folder / f"data-{sample.stem}"
            rows.append(
                measure(
                    f"mop-desktop import {sample.name}",
                    mop("import", str(sample)),
                    env_for(data),
                    runs,
                )  # fmt: skip
            )
        txt, word = long_protocol(folder)
        for path in (txt, word):
            median, blocks = _in_process(path, runs)
            rows.append(Measure(f"read_protocol, {COPIES}x borough {path.suffix}", median, 0,
                                runs, "", f"{blocks} clauses and paragraphs"))  # fmt: skip
    return rows


if __name__ == "__main__":
    from benchmarks.harness import TABLE_HEAD

    print(TABLE_HEAD)
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(row.row())
