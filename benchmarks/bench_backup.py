"""Backups and integrity checks on a large policy store.

Builds a store with 60 adopted versions of a 300-clause protocol (``MOP_BENCH_BACKUP_VERSIONS``
chooses another number), then times in-process: the integrity check run at every opening, a
full bundle (copy, check, zip, verify), the full check of a bundle, and a restore; and as whole
processes ``mop-desktop backup`` and ``mop-desktop check``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import Measure, env_for, measure, mop, time_call


def text(n: int):  # -> DocumentText
    from mop_desktop.domain.document import Block, DocumentText, Section

    sections = [
        Section(
            f"Section {s}",
            [Block(f"Clause {s}.{b} of version {n}: " + "words " * 40) for b in range(30)],
        )
        for s in range(10)
    ]
    return DocumentText("Member/Officer Relations Protocol", sections)


def build(data: Path, versions: int) -> None:
    from mop_desktop.domain.records import Adoption, VersionStatus
    from mop_desktop.paths import AppPaths
    from mop_desktop.store import documents as docs
    from mop_desktop.store.db import open_store

    paths = AppPaths(data).ensure()
    store = open_store(paths.policy_db)
    with store.session() as s:
        doc = docs.ensure_protocol(s)
        for n in range(versions):
            version = docs.create_version(
                s, doc, text(n), status=VersionStatus.ADOPTED, label=str(1970 + n)
            )
            docs.append_adoption(
                s,
                doc,
                Adoption(str(1970 + n), dt.date(1970 + n, 3, 1), text_sha256=version.text_sha256),
                version=version,
            )
    store.close()


def run(runs: int = 5) -> list[Measure]:
    from mop_desktop.paths import AppPaths
    from mop_desktop.store.backup import verify_bundle, write_bundle
    from mop_desktop.store.db import open_store
    from mop_desktop.store.integrity import policy_problems
    from mop_desktop.store.restore import restore_bundle

    versions = int(os.environ.get("MOP_BENCH_BACKUP_VERSIONS", "60"))
    rows: list[Measure] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths(Path(folder) / "data")
        build(paths.data, versions)
        size = f"{versions} versions, {paths.policy_db.stat().st_size / 1048576:.1f} MB store"
        bundle = Path(folder) / "b.zip"

        def timed(name: str, fn, note: str = size) -> None:  # type: ignore[no-untyped-def]
            _, median = time_call(fn, runs)
            rows.append(Measure(name, median, 0, runs, "in-process", note))

        timed(
            "integrity check at opening (quick_check + foreign keys)",
            lambda: policy_problems(paths.policy_db),
        )
        timed("open_store (with the check)", lambda: open_store(paths.policy_db).close())
        timed("backup bundle (copy, check, zip, verify)", lambda: write_bundle(paths, bundle))
        timed(
            "full check of the bundle",
            lambda: verify_bundle(bundle),
            f"{bundle.stat().st_size / 1048576:.1f} MB bundle",
        )
        timed("restore (verify, keep aside, put in place)", lambda: restore_bundle(paths, bundle))
        env = env_for(paths.data)
        rows.append(
            measure("mop-desktop check (whole process)", mop("check"), env, runs, note=size)
        )
        rows.append(
            measure(
                "mop-desktop backup (whole process)",
                mop("backup", "-o", str(Path(folder) / "c.zip")),
                env,
                runs,
                note=size,
            )
        )
    return rows


if __name__ == "__main__":
    from benchmarks.harness import TABLE_HEAD

    print(TABLE_HEAD)
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(row.row(), flush=True)
