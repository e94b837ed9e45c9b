"""``mop-desktop meetings``: list, add, delete or import (.ics) Full Council meetings."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mop_desktop.commands import CommandError, Context

if TYPE_CHECKING:  # annotations only: the command line starts without it
    import datetime as dt


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="list the meetings entered")
    add = sub.add_parser("add", help="add a meeting")
    add.add_argument("date", metavar="YYYY-MM-DD", help="the meeting date (or dd/mm/yyyy)")
    add.add_argument("--title", default="", help='default: "Full Council"')
    delete = sub.add_parser("delete", help="delete a meeting")
    delete.add_argument("date", metavar="YYYY-MM-DD")
    imp = sub.add_parser("import", help="import meetings from an .ics calendar file")
    imp.add_argument("file", metavar="FILE.ics")
    imp.add_argument(
        "--match",
        default="",
        metavar="TEXT",
        help='only events whose title contains TEXT, e.g. "Full Council"',
    )
    imp.add_argument(
        "--today",
        default="",
        metavar="YYYY-MM-DD",
        help="expand repeating meetings from this day (default: today)",
    )


def _date(text: str) -> dt.date:
    from mop_desktop.domain.dates import DateError, parse_user_date

    try:
        return parse_user_date(text)
    except DateError as exc:
        raise CommandError(f"date: {exc}") from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.domain.dates import format_long
    from mop_desktop.services import meetings as svc

    store = ctx.store()
    try:
        if args.action == "list":
            for meeting in svc.list_meetings(store):
                sys.stdout.write(f"{meeting.date.isoformat()}  {meeting.title}\n")
        elif args.action == "add":
            meeting, created = svc.add_meeting(store, _date(args.date), args.title)
            state = "added" if created else "already entered"
            sys.stdout.write(f"Meeting on {format_long(meeting.date)} {state}\n")
        elif args.action == "delete":
            day = _date(args.date)
            svc.delete_meeting(store, day)
            sys.stdout.write(f"Meeting on {format_long(day)} deleted\n")
        else:
            today = _date(args.today) if args.today else None
            summary = svc.import_ics(store, args.file, args.match, today)
            sys.stdout.write(f"Meetings imported from {args.file}: {summary.describe()}\n")
    except svc.MeetingError as exc:
        raise CommandError(str(exc)) from None
    return 0
