"""``python -m benchmarks [NAME ...] [--runs N]``: run the benchmarks and print one table.

Each ``benchmarks/bench_<name>.py`` has ``run(runs) -> list[Measure]``; they build their own
stores in temporary folders and time whole processes.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from pathlib import Path

from benchmarks.harness import TABLE_HEAD

HERE = Path(__file__).resolve().parent


def main() -> int:
    names = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help=f"which of {', '.join(names)} (default: all)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    unknown = sorted(set(args.names) - set(names))
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}: choose from {', '.join(names)}")
    chosen = args.names or names
    print(f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(TABLE_HEAD)
    for name in chosen:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        for row in module.run(args.runs):
            print(row.row(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
