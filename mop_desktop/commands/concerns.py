"""``mop-desktop concerns ...``: the confidential concern register from the command line.

The passphrase comes from MOP_PASSPHRASE, or is asked without echo in a terminal; with neither
the command exits 3. A new passphrase comes from MOP_NEW_PASSPHRASE or is asked twice.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from mop_desktop.commands import EXIT_LOCKED, EXIT_USAGE, CommandError, Context

ENV_PASSPHRASE = "MOP_PASSPHRASE"
ENV_NEW_PASSPHRASE = "MOP_NEW_PASSPHRASE"
ENV_PDF_PASSWORD = "MOP_PDF_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "The passphrase is read from MOP_PASSPHRASE, or asked without echo in a terminal "
        "(exit 3 with neither, or when it is wrong)."
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                parser_class=type(parser))
    sub.add_parser("init", help="create the register and print its recovery key once",
                   description="Create the confidential register. The passphrase comes from "
                   "MOP_PASSPHRASE or is asked twice; the recovery key is printed once.")
    p = sub.add_parser(
        "import", help="add concerns from your own log, .csv or .xlsx (all rows or none)",
        description="Add concerns from your existing log (.csv, or .xlsx: the first sheet unless "
        "--sheet names one). Column headers are matched to fields by name and common words "
        "(Date raised, Ref, Complainant, Type, Description, Outcome, Date closed...); --columns "
        "maps any others. Your references and categories are kept as written. All rows or none; "
        "rows already in the register (same reference, or same content) are skipped, so "
        "importing the same log twice adds nothing.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--columns", metavar='"Header=field,..."', default="",
                   help="map the file's own headers to fields (Header=- leaves a column out); "
                   "fields: reference, raised_on, raised_by, raised_by_role, about, about_role, "
                   "category, clauses, summary, details, route, status, follow_up_on, outcome, "
                   "closed_on")
    p.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to read")
    p = sub.add_parser("list", help="list concerns")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--search", metavar="TEXT", default="", help="words found in any field")
    p.add_argument("--status", metavar="STATUS", default="", help="only concerns with this status")
    p = sub.add_parser(
        "export-pdf", help="write a password-protected case report",
        description="Write the case report for REF as a password-protected PDF. The PDF "
        "password comes from MOP_PDF_PASSWORD, or is asked twice without echo in a terminal.",
    )
    p.add_argument("reference", metavar="REF")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    p = sub.add_parser(
        "subject-access", help="everything held about a named person, as a protected PDF",
        description="Write everything the register holds about NAME as a password-protected "
        "PDF (password from MOP_PDF_PASSWORD or asked).",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    p = sub.add_parser(
        "change-passphrase", help="set a new passphrase (from MOP_NEW_PASSPHRASE or asked twice)",
        description="Set a new passphrase (MOP_NEW_PASSPHRASE or asked twice). The register is "
        "opened with MOP_PASSPHRASE, or with --recovery-key instead.",
    )
    p.add_argument("--recovery-key", metavar="KEY", help="open with the recovery key")
    sub.add_parser("replace-recovery-key",
                   help="issue a new recovery key; the old one stops working")
    p = sub.add_parser("retention", help="closed concerns whose retention period has ended")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to count from")
    p.add_argument("--delete", metavar="REF", help="remove this concern for good (keeps a trace)")
    p.add_argument("--reason", default="retention period ended", help="reason kept in the trace")
    p.add_argument("--yes", action="store_true", help="confirm the deletion without asking")


# -- asking -----------------------------------------------------------------------------------
def _ask_secret(prompt: str) -> str | None:
    if not sys.stdin or not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(prompt)


def _passphrase() -> str:
    value = os.environ.get(ENV_PASSPHRASE)
    if value is None:
        value = _ask_secret("Register passphrase: ")
    if value is None:
        raise CommandError(
            "the register is locked: set MOP_PASSPHRASE or run in a terminal", EXIT_LOCKED
        )
    return value


def _new_secret(env: str, what: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    first = _ask_secret(f"New {what}: ")
    if first is None:
        raise CommandError(f"no {what}: set {env} or run in a terminal", EXIT_USAGE)
    if _ask_secret(f"New {what} again: ") != first:
        raise CommandError(f"the two {what}s differ", EXIT_USAGE)
    return first


def _pdf_password() -> str:
    value = os.environ.get(ENV_PDF_PASSWORD)
    if value is None:
        value = _new_secret(ENV_PDF_PASSWORD, "PDF password")
    if not value:
        raise CommandError("the PDF password must not be empty", EXIT_USAGE)
    return value


# -- running ----------------------------------------------------------------------------------
def _fail(exc: BaseException) -> CommandError:
    from mop_desktop.domain.concerns import ConcernError
    from mop_desktop.store.register import RegisterError
    from mop_desktop.store.vault import VaultError, WrongPassphrase

    if isinstance(exc, WrongPassphrase):
        return CommandError(str(exc), EXIT_LOCKED)
    from sqlalchemy.exc import DatabaseError

    if isinstance(exc, DatabaseError):  # a page that fails its check: never the statement
        return CommandError("register.db is damaged: restore it from backup", EXIT_USAGE)
    if isinstance(exc, VaultError | RegisterError | ConcernError):
        return CommandError(str(exc), EXIT_USAGE)
    raise exc


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.services.concerns import RegisterService

    service = RegisterService(ctx.paths)
    try:
        return _ACTIONS[args.action](args, ctx, service)
    except CommandError:
        raise
    except Exception as exc:  # noqa: BLE001 - each known error becomes one line
        raise _fail(exc) from None
    finally:
        service.lock()


def _init(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    if service.exists():
        raise CommandError("the register is set up already: it is never replaced", EXIT_USAGE)
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None:
        passphrase = _new_secret(ENV_PASSPHRASE, "passphrase")
    ctx.paths.ensure()
    recovery_key = service.init(passphrase)
    print("The concern register is set up.")
    print("Recovery key (write it down and keep it in the council's safe; it is not shown again):")
    print(recovery_key)
    return 0


def _import(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from pathlib import Path

    from mop_desktop.services.concerns.log_import import LogImportError, add_prepared, prepare

    path = Path(args.file)
    try:
        # the whole file is read and checked before the passphrase is asked
        log = prepare(path, args.columns or None, args.sheet)
        service.unlock(_passphrase())
        result = add_prepared(service, log)
    except LogImportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    print(result.summary())
    return 0


def _list(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    import json

    from mop_desktop.domain.concerns import STATUSES
    from mop_desktop.domain.dates import format_short
    from mop_desktop.services.concerns.query import ConcernQuery, page
    from mop_desktop.services.concerns.records import records

    status = " ".join(args.status.lower().split())
    if status and status not in STATUSES:
        raise CommandError(f"--status: '{args.status}' is not one of: {', '.join(STATUSES)}")
    service.unlock(_passphrase())
    query = ConcernQuery(text=args.search, status=status, sort="reference", descending=False)
    out = sys.stdout
    first = True
    if args.json:
        out.write("[")
    with service.session() as session:
        offset = 0
        while True:
            rows = page(session, query, offset, 500)
            if args.json:
                for item in records(session, [r.reference for r in rows]):
                    out.write(("\n " if first else ",\n ") + json.dumps(item, ensure_ascii=False))
                    first = False
            else:
                for r in rows:
                    out.write(f"{r.reference}\t{format_short(r.raised_on)}\t{r.status}\t"
                              f"{r.category}\t{r.summary}\n")
            if len(rows) < 500:
                break
            offset += 500
    if args.json:
        out.write("\n]\n")
    return 0


def _council_name(ctx: Context) -> str:
    from mop_desktop.store.documents import get_council

    with ctx.store().session() as session:
        return get_council(session).name


def _export_pdf(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from pathlib import Path

    from mop_desktop.domain.concerns import routes_for
    from mop_desktop.services.concerns import reports
    from mop_desktop.store.documents import get_council

    service.unlock(_passphrase())
    concern = service.get(args.reference)
    password = _pdf_password()
    with ctx.store().session() as session:
        council = get_council(session)
    guidance = routes_for(concern.raised_by_role, concern.about_role, council).guidance
    pages = reports.case_report(
        Path(args.output), concern, service.timeline(args.reference),
        service.audit_trail(args.reference), council.name, password, guidance,
    )
    print(f"Wrote {args.output} ({pages} page(s), password-protected).")
    return 0


def _subject_access(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from pathlib import Path

    from mop_desktop.services.concerns import reports
    from mop_desktop.services.concerns.subject_access import about_person

    service.unlock(_passphrase())
    with service.session() as session:
        cases = [(c.concern, c.timeline) for c in about_person(session, args.name)]
    password = _pdf_password()
    reports.subject_access_report(Path(args.output), args.name, cases, _council_name(ctx),
                                  password)
    print(f"Wrote {args.output}: {len(cases)} record(s).")
    return 0


def _change_passphrase(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    if args.recovery_key:
        service.unlock_with_recovery_key(args.recovery_key)
    else:
        service.unlock(_passphrase())
    service.change_passphrase(_new_secret(ENV_NEW_PASSPHRASE, "passphrase"))
    print("The passphrase is changed.")
    return 0


def _replace_recovery_key(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    service.unlock(_passphrase())
    key = service.replace_recovery_key()
    print("New recovery key (the old one no longer works; keep this one in the safe):")
    print(key)
    return 0


def _retention(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    import datetime as dt

    from mop_desktop.domain.dates import DateError, format_short, parse_user_date
    from mop_desktop.services.concerns import retention
    from mop_desktop.store import settings

    try:
        today = parse_user_date(args.today) if args.today else dt.date.today()
    except DateError as exc:
        raise CommandError(f"--today: {exc}") from None
    with ctx.store().session() as session:
        years = settings.get(session, settings.RETENTION_YEARS)
    service.unlock(_passphrase())
    with service.session() as session:
        items = retention.due(session, years, today)
        undated = retention.undated(session)
    if args.delete:
        if args.delete not in {item.reference for item in items}:
            raise CommandError(
                f"{args.delete} has not reached the end of its retention period: not deleted"
            )
        if not args.yes:
            answer = input(f"Remove {args.delete} for good? Type yes: ") if sys.stdin.isatty() \
                else ""
            if answer.strip().lower() != "yes":
                raise CommandError("not deleted: confirm with --yes", EXIT_USAGE)
        with service.session() as session:
            retention.delete(session, args.delete, args.reason)
        print(f"Removed {args.delete}; a trace of its removal is kept.")
        return 0
    for item in items:
        print(f"{item.reference}\tclosed {format_short(item.closed_on)}\t"
              f"retention ended {format_short(item.retention_ended)}")
    if not items:
        print("No closed concern has reached the end of its retention period.")
    if undated:
        print(f"{len(undated)} closed concern(s) with the closing date unknown are kept until "
              "a closing date is set: " + ", ".join(undated))
    return 0


_ACTIONS = {
    "init": _init,
    "import": _import,
    "list": _list,
    "export-pdf": _export_pdf,
    "subject-access": _subject_access,
    "change-passphrase": _change_passphrase,
    "replace-recovery-key": _replace_recovery_key,
    "retention": _retention,
}
