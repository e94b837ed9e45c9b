"""``mop-desktop adopt``: adopt the draft at a minuted meeting, or record "reviewed, no changes"."""

from __future__ import annotations

import argparse
import sys

from mop_desktop.commands import CommandError, Context

_FLAGS = {
    "date": "--date",
    "minute": "--minute",
    "reviewer": "--reviewer",
    "version": "--version",
    "chair": "--chair",
    "clerk": "--clerk",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help="date of the meeting that adopted it (or dd/mm/yyyy)",
    )
    parser.add_argument("--minute", required=True, metavar="REF", help="minute reference")
    parser.add_argument("--reviewer", required=True, metavar="NAME", help="originator or reviewer")
    parser.add_argument(
        "--version",
        dest="label",
        default="",
        metavar="LABEL",
        help="version label (default: the year, made unique)",
    )
    parser.add_argument("--chair", default="", metavar="NAME", help="chair who signs it off")
    parser.add_argument("--clerk", default="", metavar="NAME", help="clerk who signs it off")
    parser.add_argument(
        "--no-changes",
        action="store_true",
        help="re-adopt the current text after a review that changed nothing",
    )
    parser.add_argument("--today", default="", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.domain.dates import DateError, format_long, parse_user_date
    from mop_desktop.services.adoption import AdoptionError, AdoptionRequest, adopt

    try:
        today = parse_user_date(args.today) if args.today else None
    except DateError as exc:
        raise CommandError(f"--today: {exc}") from None
    request = AdoptionRequest(
        adopted_on=args.date,
        minute_ref=args.minute,
        reviewer=args.reviewer,
        label=args.label,
        chair=args.chair,
        clerk=args.clerk,
        no_changes=args.no_changes,
    )
    try:
        result = adopt(ctx.store(), request, today)
    except AdoptionError as exc:
        flag = _FLAGS.get(exc.field)
        raise CommandError(f"{flag}: {exc}" if flag else str(exc)) from None
    from mop_desktop.services.history_check import after_adoption

    after_adoption(ctx.store())  # anchored in the credential store where there is one
    what = "re-adopted without changes" if result.no_changes else "adopted"
    sys.stdout.write(
        f"Version {result.label} {what} on {format_long(result.adopted_on)}; "
        f"next review by {format_long(result.review_due)}\n"
    )
    return 0
