"""``mop-desktop verify FILE.pdf``: exit 0 and the version's label for an unaltered export of
an adopted version whose printed adoption record is still the history's, unaltered; exit 1
otherwise (a single changed byte is enough, and so is a rewritten history).

``mop-desktop verify --record "9d28 4122 a2d6"``: the digits printed on a paper copy (its
sign-off block, footer and version table) checked against the adoption history: exit 0 and
the record's version when a record begins with them and is intact, exit 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys

from mop_desktop.commands import EXIT_NO, CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.pdf", nargs="?", help="the PDF to check")
    parser.add_argument(
        "--record",
        default="",
        metavar="DIGITS",
        help="check the adoption record digits printed on a paper copy instead",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.store.db import StoreError

    if bool(args.file) == bool(args.record):
        raise CommandError("give either FILE.pdf or --record DIGITS")
    try:
        if args.record:
            return _record(args.record, ctx)
        if not os.path.isfile(args.file):
            raise CommandError(f"{args.file}: no such file")
        from mop_desktop.services.pdf.exports import verify_file

        verdict = verify_file(ctx.store(), args.file)
    except StoreError as exc:  # read through sqlite3 (no SQLAlchemy)
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot be read ({exc.strerror or exc})") from None
    if verdict.label is None:
        sys.stdout.write(f"{verdict.problem}\n")
        return EXIT_NO
    sys.stdout.write(f"{verdict.label}\n")
    return 0


def _record(typed: str, ctx: Context) -> int:
    from mop_desktop.services.pdf.exports import find_record

    line, problem = find_record(ctx.store(), typed)
    if line is None:
        if problem.startswith("--record:"):
            raise CommandError(problem)
        sys.stdout.write(f"{problem}\n")
        return EXIT_NO
    sys.stdout.write(f"{line}\n")
    return 0
