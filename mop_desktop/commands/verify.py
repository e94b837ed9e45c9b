"""``mop-desktop verify FILE.pdf``: exit 0 and the version's label for an unaltered export of
an adopted version; exit 1 for any other file (a single changed byte is enough)."""

from __future__ import annotations

import argparse
import os
import sys

from mop_desktop.commands import EXIT_NO, CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.pdf", help="the PDF to check")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not os.path.isfile(args.file):
        raise CommandError(f"{args.file}: no such file")
    from mop_desktop.services.pdf.exports import verify
    from mop_desktop.store.db import StoreError

    try:
        label = verify(ctx.store(), args.file)
    except StoreError as exc:  # read through sqlite3 (no SQLAlchemy)
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot be read ({exc.strerror or exc})") from None
    if label is None:
        sys.stdout.write(f"{args.file} is not an unaltered export of an adopted version\n")
        return EXIT_NO
    sys.stdout.write(f"{label}\n")
    return 0
