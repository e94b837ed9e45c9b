"""Backups and integrity checks on a large policy store (run on demand, not by pytest).

    python benchmarks/bench_backup.py [VERSIONS]

Builds a store with VERSIONS (default 60) adopted versions of a 300-clause protocol, then
times: the integrity check run at every opening, a full bundle (copy, check, zip, verify), the
full check of a bundle, and a restore. Prints one line per measurement.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mop_desktop.domain.document import Block, DocumentText, Section  # noqa: E402
from mop_desktop.domain.records import Adoption, VersionStatus  # noqa: E402
from mop_desktop.paths import AppPaths  # noqa: E402
from mop_desktop.store import documents as docs  # noqa: E402
from mop_desktop.store.backup import verify_bundle, write_bundle  # noqa: E402
from mop_desktop.store.db import open_store  # noqa: E402
from mop_desktop.store.integrity import policy_problems  # noqa: E402
from mop_desktop.store.restore import restore_bundle  # noqa: E402


def text(n: int) -> DocumentText:
    sections = [
        Section(f"Section {s}", [Block(f"Clause {s}.{b} of version {n}: " + "words " * 40)
                                 for b in range(30)])
        for s in range(10)
    ]
    return DocumentText("Member/Officer Relations Protocol", sections)


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {(time.perf_counter() - started) * 1000:.0f} ms")
    return result


def main() -> None:
    versions = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths(Path(folder) / "data").ensure()
        store = open_store(paths.policy_db)
        with store.session() as s:
            doc = docs.ensure_protocol(s)
            for n in range(versions):
                version = docs.create_version(s, doc, text(n), status=VersionStatus.ADOPTED,
                                              label=str(1970 + n))
                docs.append_adoption(s, doc, Adoption(str(1970 + n), dt.date(1970 + n, 3, 1),
                                                      text_sha256=version.text_sha256),
                                     version=version)
        store.close()
        size = paths.policy_db.stat().st_size
        print(f"policy.db: {versions} versions, {size / 1048576:.1f} MB")
        timed("integrity check at opening (quick_check + foreign keys)",
              lambda: policy_problems(paths.policy_db))
        timed("open_store (with the check)", lambda: open_store(paths.policy_db).close())
        bundle = timed("backup bundle (copy, check, zip, verify)",
                       lambda: write_bundle(paths, Path(folder) / "b.zip"))
        print(f"bundle size: {bundle.stat().st_size / 1048576:.1f} MB")
        timed("full check of the bundle", lambda: verify_bundle(bundle))
        timed("restore (verify, keep aside, put in place)", lambda: restore_bundle(paths, bundle))


if __name__ == "__main__":
    main()
