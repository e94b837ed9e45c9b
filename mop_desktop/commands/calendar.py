"""``mop-desktop calendar -o FILE.ics``: the reminder dates as an iCalendar file with alarms."""

from __future__ import annotations

import argparse
import sys

from mop_desktop.commands import CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.ics", help="where to write the calendar file"
    )
    parser.add_argument(
        "--today", default="", metavar="YYYY-MM-DD", help="count from this day instead of today"
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from mop_desktop.commands.remind import open_followups, parse_today
    from mop_desktop.services.calendar_ics import write_calendar

    today = parse_today(args.today)
    target = Path(args.output)
    if not target.parent.is_dir():
        raise CommandError(f"{args.output}: the folder {target.parent} does not exist")
    followups, register = open_followups(ctx)
    try:
        count = write_calendar(ctx.store(), target, today, followups)
    except OSError as exc:
        raise CommandError(f"{args.output}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if register is not None:
            register.lock()
    sys.stdout.write(f"{count} events written to {target}\n")
    return 0
