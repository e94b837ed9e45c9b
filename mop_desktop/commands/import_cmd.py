"""``mop-desktop import FILE [--as-draft]``."""

from __future__ import annotations

import argparse
import sys

from mop_desktop.commands import CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .txt, .md, .docx or text .pdf protocol")
    parser.add_argument(
        "--as-draft", action="store_true", help="import as the current draft, not as adopted"
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.services.import_memory import read_corrected
    from mop_desktop.services.importer import ImportFailed
    from mop_desktop.services.workspace import save_import

    try:
        _read, result, corrections, skipped = read_corrected(ctx.store(), args.file)
    except ImportFailed as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{args.file}: {exc.strerror or exc}") from None
    if not corrections.empty:
        sys.stdout.write(
            "the corrections made to this file in the import preview were applied"
            + (f" ({skipped} no longer fitted and were left out)" if skipped else "")
            + "\n"
        )
    status = save_import(ctx.store(), result, as_draft=args.as_draft)
    sys.stdout.write(f"imported {args.file} as the {status} version: {result.contents()}\n")
    for warning in result.warnings:
        sys.stdout.write(f"check: {warning}\n")
    for issue in result.issues:
        if issue.kind == "left-out":
            sys.stdout.write(f"left out: {issue}\n")
        elif issue.kind == "missing" and not issue.message.startswith("no title"):
            sys.stdout.write(f"missing: {issue.message}\n")
    return 0
