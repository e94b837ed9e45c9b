"""A small process that starts the timed commands for the harness.

On Linux a child's peak memory (``ru_maxrss`` from ``wait4``) starts from the size of the
process it was forked from, so commands forked by a benchmark that has grown (a 100,000-concern
register built in-process, Argon2id's 128 MiB) would be reported as large as it. The harness
starts this launcher while it is still small; the launcher forks every timed command.

Protocol: one JSON object a line on stdin (``argv``, ``env``, ``stdin``), one JSON object a
line on stdout (``wall_s``, ``cpu_s``, ``peak_mb``, ``code``, and the first 64 KiB of
``stdout`` and ``stderr``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

STDOUT_KEPT = 64 * 1024


def run(argv: list[str], env: dict[str, str], stdin: str | None) -> dict[str, object]:
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            env=env,
            stdout=out,
            stderr=err,
            text=True,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        )
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall_s": wall,
            "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024,
            "code": proc.returncode,
            # only the start of the output: holding all of a large one (every concern as
            # JSON) would grow this process, and every later child with it
            "stdout": out.read(STDOUT_KEPT),
            "stderr": err.read(STDOUT_KEPT)[-2000:],
        }


def main() -> None:
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.write(json.dumps(run(job["argv"], job["env"], job.get("stdin"))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
