"""Soak test of the protocol store under several clients at once, on SQLite and PostgreSQL.

``python -m benchmarks.soak [--clients 10] [--seconds 60] [--engine sqlite|postgresql|both]
[--write-doc]``

Each client is a process of its own with its own store connection (as another PC would be),
doing a mix of reads and writes for the given time:

- reads: the current text (``drafts.load_current``), the meetings list, the settings;
- writes: a meeting added, an export recorded, a setting of the client's own written, and the
  draft saved from the revision it last read (a save refused because another client saved
  first is counted as a refusal, re-read, and is not an error: that is the optimistic
  concurrency working).

Every write a client reports as committed is written down by it; at the end every one of them
is looked for in the store ("lost writes": committed but not there, must be 0), with the
errors (any exception other than a refused draft save, must be 0). The latency of each kind of
operation is reported as its median and 95th percentile.

PostgreSQL is a throwaway cluster started the way the tests start theirs
(``tests/pg_server.py``), on a Unix socket with fsync off: the figures compare the app's own
work and the engines' locking, not disks. SQLite runs with its usual settings (WAL, full sync).
``--write-doc`` puts the table into docs/dev/performance.md (its "Soak" section).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "dev" / "performance.md"
BEGIN, END = "<!-- soak:begin -->", "<!-- soak:end -->"
OPERATIONS = (
    "read text",
    "read meetings",
    "read settings",
    "add meeting",
    "record export",
    "write setting",
    "save draft",
)


def _client(url: str, client: int, seconds: float, out: Any) -> None:
    """One client's loop; sends back its timings, its committed writes and its errors."""
    import random

    from mop_desktop.domain.document import Block, DocumentText, Section
    from mop_desktop.services import drafts
    from mop_desktop.store import settings
    from mop_desktop.store.db import open_store
    from mop_desktop.store.models import ExportRow, MeetingRow

    rng = random.Random(client)
    store = open_store(url)
    timings: dict[str, list[float]] = defaultdict(list)
    committed: dict[str, list[str]] = defaultdict(list)
    errors: list[str] = []
    refused = 0
    revision = None
    n = 0
    setting = settings.Setting(f"soak.client{client}", "", "soak")
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        n += 1
        op = rng.choices(OPERATIONS, weights=(4, 3, 3, 2, 2, 2, 2))[0]
        started = time.perf_counter()
        try:
            if op == "read text":
                current = drafts.load_current(store)
                revision = current.revision if current else None
            elif op == "read meetings":
                with store.session() as s:
                    s.query(MeetingRow).order_by(MeetingRow.date).all()
            elif op == "read settings":
                with store.session() as s:
                    settings.get(s, setting)
            elif op == "add meeting":
                title = f"c{client}-m{n}"
                with store.session() as s:
                    s.add(
                        MeetingRow(
                            date=dt.date(2027, 1, 1) + dt.timedelta(days=n % 700), title=title
                        )
                    )
                committed["meeting"].append(title)
            elif op == "record export":
                name = f"/soak/c{client}-e{n}.pdf"
                with store.session() as s:
                    s.add(ExportRow(kind="protocol", path=name, sha256=f"{client:08x}{n:056x}"))
                committed["export"].append(name)
            elif op == "write setting":
                value = f"c{client}-s{n}"
                with store.session() as s:
                    settings.put(s, setting, value)
                committed["setting"] = [value]  # the last one must be what is stored
            else:
                text = DocumentText(
                    title="Soak protocol",
                    sections=[Section("Intro", [Block(f"Saved by client {client}, step {n}")])],
                ).renumber()
                try:
                    revision = drafts.save_draft(
                        store, text, revision=revision, saver=f"client {client}"
                    )
                    committed["draft saves"].append(str(revision))
                except drafts.DraftConflict as conflict:
                    refused += 1
                    revision = conflict.revision  # re-read, as the editor's reload would
        except Exception as exc:  # noqa: BLE001 - counted and reported
            errors.append(f"{op}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        timings[op].append(time.perf_counter() - started)
    store.close()
    out.put(
        {
            "client": client,
            "timings": dict(timings),
            "committed": dict(committed),
            "errors": errors,
            "refused": refused,
        }
    )


def _prepare(url: str) -> None:
    from mop_desktop.domain.document import Block, DocumentText, Section
    from mop_desktop.services.workspace import start_from_text
    from mop_desktop.store.db import open_store

    store = open_store(url)
    try:
        start_from_text(
            store,
            DocumentText(
                title="Soak protocol", sections=[Section("Intro", [Block("Start")])]
            ).renumber(),
        )
    finally:
        store.close()


def _lost(url: str, results: list[dict[str, Any]]) -> int:
    """Writes the clients reported as committed that the store does not hold."""
    from mop_desktop.services import drafts
    from mop_desktop.store import settings
    from mop_desktop.store.db import open_store
    from mop_desktop.store.models import ExportRow, MeetingRow

    store = open_store(url)
    lost = 0
    try:
        with store.session() as s:
            meetings = {m.title for m in s.query(MeetingRow)}
            exports = {e.path for e in s.query(ExportRow)}
            for result in results:
                done = result["committed"]
                lost += sum(1 for t in done.get("meeting", []) if t not in meetings)
                lost += sum(1 for p in done.get("export", []) if p not in exports)
                for value in done.get("setting", []):
                    key = settings.Setting(f"soak.client{result['client']}", "", "soak")
                    lost += settings.get(s, key) != value
        saves = sorted(
            int(r) for result in results for r in result["committed"].get("draft saves", [])
        )
        revision = drafts.load_current(store).revision
        # every committed save took a revision of its own, and the last is the stored one
        lost += len(saves) - len(set(saves))
        lost += bool(saves) and saves[-1] != revision
    finally:
        store.close()
    return int(lost)


def soak(url: str, clients: int, seconds: float) -> dict[str, Any]:
    _prepare(url)
    context = mp.get_context("spawn")
    queue = context.Queue()
    processes = [
        context.Process(target=_client, args=(url, c, seconds, queue)) for c in range(clients)
    ]
    for p in processes:
        p.start()
    results = [queue.get(timeout=seconds + 300) for _ in processes]
    for p in processes:
        p.join(timeout=60)
    timings: dict[str, list[float]] = defaultdict(list)
    for result in results:
        for op, values in result["timings"].items():
            timings[op].extend(values)
    errors = [e for r in results for e in r["errors"]]
    return {
        "timings": timings,
        "errors": errors,
        "refused": sum(r["refused"] for r in results),
        "lost": _lost(url, results),
        "operations": sum(len(v) for v in timings.values()),
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def table(found: dict[str, dict[str, Any]], clients: int, seconds: float) -> str:
    engines = list(found)
    lines = [
        f"{clients} client processes for {seconds:g} s each, on {platform.platform()} "
        f"({os.cpu_count()} cores), Python {platform.python_version()}, "
        f"{dt.date.today():%d %B %Y}.",
        "",
        "| operation | " + " | ".join(f"{e} median / p95 (ms), count" for e in engines) + " |",
        "| --- | " + " | ".join("---" for _ in engines) + " |",
    ]
    for op in OPERATIONS:
        cells = []
        for engine in engines:
            values = found[engine]["timings"].get(op, [])
            cells.append(
                f"{statistics.median(values) * 1000:.1f} / {_p95(values) * 1000:.1f}, {len(values)}"
                if values
                else "-"
            )
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    for label, key in (
        ("operations in all", "operations"),
        ("draft saves refused (another client saved first)", "refused"),
        ("errors", "errors"),
        ("lost writes", "lost"),
    ):
        cells = [str(len(found[e][key]) if key == "errors" else found[e][key]) for e in engines]
        lines.append(f"| **{label}** | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_doc(text: str) -> Path:
    import textwrap

    intro = textwrap.fill(
        "`python -m benchmarks.soak --write-doc` (`benchmarks/soak.py`): each client is a "
        "process of its own doing mixed reads and writes; errors and lost writes (committed by "
        "a client, missing from the store) must both be 0. A refused draft save is the "
        "optimistic check working (another client saved first), not an error.",
        width=96,
    )
    heading, table_text = text.split("\n\n", 1)
    section = (
        f"{BEGIN}\n## Soak: ten clients at once on SQLite and PostgreSQL\n\n{intro}\n\n"
        f"{textwrap.fill(heading, width=96)}\n\n{table_text}\n{END}\n"
    )
    doc = DOC if DOC.exists() else DOC.with_name("soak.md")
    current = doc.read_text(encoding="utf-8") if doc.exists() else "# Soak benchmark\n"
    if BEGIN in current and END in current:
        before, rest = current.split(BEGIN, 1)
        current = before + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + section
    doc.write_text(current, encoding="utf-8")
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.soak")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--write-doc", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    found: dict[str, dict[str, Any]] = {}
    if args.engine in ("sqlite", "both"):
        with tempfile.TemporaryDirectory(prefix="mop-soak-") as folder:
            found["SQLite"] = soak(
                f"sqlite:///{Path(folder) / 'policy.db'}", args.clients, args.seconds
            )
    if args.engine in ("postgresql", "both"):
        from tests.pg_server import PgServer

        server = PgServer().start()
        try:
            server.admin("CREATE DATABASE soak")
            found["PostgreSQL"] = soak(server.url("soak"), args.clients, args.seconds)
        finally:
            server.stop()
    text = table(found, args.clients, args.seconds)
    print(text)
    for engine, result in found.items():
        for error in result["errors"][:5]:
            print(f"{engine} error: {error}", file=sys.stderr)
    if args.write_doc:
        print(f"written into {write_doc(text)}")
    failed = any(result["errors"] or result["lost"] for result in found.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
