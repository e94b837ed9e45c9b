"""``mop-desktop pdf -o FILE [--version LABEL | --draft] [--redline]`` (CLI.md)."""

from __future__ import annotations

import argparse
import sys

from mop_desktop.commands import CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from mop_desktop.commands.export import add_document_arguments

    add_document_arguments(
        parser,
        "the PDF to write",
        "the council-pack report: the draft compared with the last adopted version",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.redline and args.version_label:
        raise CommandError(
            "--redline compares the draft with the last adopted version; leave out --version"
        )
    from mop_desktop.services.pdf.exports import PdfError, export_pdf
    from mop_desktop.store.db import StoreError

    try:
        info = export_pdf(
            ctx.store(),
            args.output,
            version_label=args.version_label,
            draft=args.draft,
            redline=args.redline,
        )
    except (PdfError, StoreError) as exc:  # read through sqlite3 (no SQLAlchemy)
        raise CommandError(str(exc)) from None
    what = {
        "protocol": f"version {info.version_label}",
        "draft": "the draft",
        "redline": "the council-pack report",
    }[info.kind]
    pages = f"{info.pages} page{'s' if info.pages != 1 else ''}"
    sys.stdout.write(f"wrote {info.path} ({what}, {pages})\n")
    return 0
