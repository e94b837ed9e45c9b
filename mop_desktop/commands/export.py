"""``mop-desktop export -o FILE [--version LABEL | --draft] [--redline]`` (CLI.md): the
document in the format FILE's suffix names (.pdf, .html, .docx)."""

from __future__ import annotations

import argparse
import sys

from mop_desktop.commands import CommandError, Context


def add_document_arguments(parser: argparse.ArgumentParser, output: str, redline: str) -> None:
    """``-o FILE [--version LABEL | --draft] [--redline]``, as ``pdf`` and ``export`` take them."""
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=output)
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--version",
        dest="version_label",
        metavar="LABEL",
        help="the version (default: the adopted version in force)",
    )
    which.add_argument("--draft", action="store_true", help="the current draft")
    parser.add_argument("--redline", action="store_true", help=redline)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_document_arguments(
        parser,
        "the file to write: .pdf, .html (a web page) or .docx (Word)",
        "the council-pack report: as PDF, or as Word with tracked changes (.docx)",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.redline and args.version_label:
        raise CommandError(
            "--redline compares the draft with the last adopted version; leave out --version"
        )
    from mop_desktop.services.pdf.content import PdfError
    from mop_desktop.services.publish.exports import FORMATS, export_document, format_of
    from mop_desktop.store.db import StoreError

    try:
        suffix = format_of(args.output)
        info = export_document(
            ctx.store(),
            args.output,
            version_label=args.version_label,
            draft=args.draft,
            redline=args.redline,
        )
    except (PdfError, StoreError) as exc:
        raise CommandError(str(exc)) from None
    what = {
        "protocol": f"version {info.version_label}",
        "draft": "the draft",
        "redline": "the council-pack report",
    }[info.kind]
    sys.stdout.write(f"wrote {info.path} ({what}, {FORMATS[suffix]})\n")
    return 0
