"""``mop-desktop remind [--json] [--today YYYY-MM-DD]``: reminders due or coming up, for a
scheduled task. Concern follow-ups (by reference only) are included when the register can be
opened with ``MOP_PASSPHRASE``; without it they are left out and stderr says so."""

from __future__ import annotations

import argparse
import json
import sys

from mop_desktop.commands import EXIT_LOCKED, CommandError, Context

ENV_PASSPHRASE = "MOP_PASSPHRASE"


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


def open_followups(ctx: Context):  # -> tuple[FollowupSource | None, RegisterService | None]
    """The concern follow-ups when the register exists and ``MOP_PASSPHRASE`` opens it.
    The caller locks the returned register when done."""
    import os

    if not ctx.paths.register_db.exists():
        return None, None
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None:
        sys.stderr.write(
            "Concern follow-ups are not included: the register is locked (set MOP_PASSPHRASE).\n"
        )
        return None, None
    from mop_desktop.services.concerns import RegisterService
    from mop_desktop.services.reminders import register_followups
    from mop_desktop.store.vault import VaultError, WrongPassphrase

    service = RegisterService(ctx.paths)
    try:
        service.unlock(passphrase)
    except WrongPassphrase as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from None
    except VaultError as exc:
        raise CommandError(str(exc)) from None
    return register_followups(service), service


def run(args: argparse.Namespace, ctx: Context) -> int:
    import datetime as dt

    from mop_desktop.services.reminders import schedule_and_reminders

    today = parse_today(args.today) or dt.date.today()
    followups, register = open_followups(ctx)
    try:
        _, items = schedule_and_reminders(ctx.store(), today, followups)
    finally:
        if register is not None:
            register.lock()
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
