"""``mop-desktop show --json``: the current document as JSON (CLI.md)."""

from __future__ import annotations

import argparse
import json
import sys

from mop_desktop.commands import CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (the only form so far)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.services.workspace import show

    data = show(ctx.store())
    if data is None:
        raise CommandError("there is no protocol yet: import one or start from the model")
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0
