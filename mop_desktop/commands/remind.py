"""``mop-desktop remind [--json] [--today YYYY-MM-DD]``: reminders due or coming up, for a
scheduled task. Concern follow-ups (by reference only) need the unlocked register; until the
register exposes them (``services.reminders.register_followups``) none are listed here."""

from __future__ import annotations

import argparse
import json
import sys

from mop_desktop.commands import CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list (CLI.md)")
    parser.add_argument(
        "--today", default="", metavar="YYYY-MM-DD", help="count from this day instead of today"
    )


def parse_today(text: str):  # -> dt.date | None
    from mop_desktop.domain.dates import DateError, parse_user_date

    if not text:
        return None
    try:
        return parse_user_date(text)
    except DateError as exc:
        raise CommandError(f"--today: {exc}") from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    import datetime as dt

    from mop_desktop.services.reminders import reminders

    today = parse_today(args.today) or dt.date.today()
    items = reminders(ctx.store(), today)
    if args.json:
        sys.stdout.write(json.dumps([r.to_json() for r in items], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return 0
    if not items:
        sys.stdout.write("Nothing to remind you of: no review date is set.\n")
        return 0
    for item in items:
        sys.stdout.write(f"{str(item.state).upper():<9} {item.line()}\n")
    return 0
