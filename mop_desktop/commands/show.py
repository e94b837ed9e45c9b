"""``mop-desktop show [--json]``: the current document, as text to read or as JSON (CLI.md)."""

from __future__ import annotations

import argparse
import json
import sys

from mop_desktop.commands import CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON (the form scripts rely on) instead of text"
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.services.workspace import show

    data = show(ctx.store())
    if data is None:
        raise CommandError("there is no protocol yet: import one or start from the model")
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from mop_desktop.services.plain_text import render_text

        sys.stdout.write(render_text(data))
    return 0
