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
    sub = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    sub.add_parser(
        "init",
        help="create the register and print its recovery key once",
        description="Create the confidential register. The passphrase comes from "
        "MOP_PASSPHRASE or is asked twice; the recovery key is printed once.",
    )
    p = sub.add_parser(
        "import",
        help="add concerns from your own log, .csv or .xlsx (all rows or none)",
        description="Add concerns from your existing log (.csv, or .xlsx: the first sheet unless "
        "--sheet names one). Column headers are matched to fields by name and common words "
        "(Date raised, Ref, Complainant, Type, Description, Outcome, Date closed...); --columns "
        "maps any others. Your references and categories are kept as written. All rows or none; "
        "rows already in the register (same reference, or same content) are skipped, so "
        "importing the same log twice adds nothing.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--columns",
        metavar='"Header=field,..."',
        default="",
        help="map the file's own headers to fields (Header=- leaves a column out); "
        "fields: reference, raised_on, raised_by, raised_by_role, about, about_role, "
        "category, clauses, summary, details, route, status, follow_up_on, outcome, "
        "closed_on",
    )
    p.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to read")
    p = sub.add_parser("list", help="list concerns")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--search", metavar="TEXT", default="", help="words found in any field")
    p.add_argument("--status", metavar="STATUS", default="", help="only concerns with this status")
    p = sub.add_parser(
        "export-pdf",
        help="write a password-protected case report",
        description="Write the case report for REF as a password-protected PDF. The PDF "
        "password comes from MOP_PDF_PASSWORD, or is asked twice without echo in a terminal.",
    )
    p.add_argument("reference", metavar="REF")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    p = sub.add_parser(
        "subject-access",
        help="the records that name a person, as a protected PDF",
        description="List the records that name NAME as a person (raised by, about, or named "
        "in the text as a whole name), each with the field it was found in, and write them as "
        "a password-protected PDF (password from MOP_PDF_PASSWORD or asked). Leave records "
        "out with --exclude; --list only lists them.",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("-o", "--output", metavar="FILE.pdf")
    p.add_argument(
        "--exclude",
        metavar="REF",
        action="append",
        default=[],
        help="leave this record out of the PDF (repeat for more)",
    )
    p.add_argument(
        "--list",
        action="store_true",
        help="only list the records it would include, and why; write nothing",
    )
    p = sub.add_parser(
        "change-passphrase",
        help="set a new passphrase (from MOP_NEW_PASSPHRASE or asked twice)",
        description="Set a new passphrase (MOP_NEW_PASSPHRASE or asked twice). The register is "
        "opened with MOP_PASSPHRASE, or with --recovery-key instead.",
    )
    p.add_argument("--recovery-key", metavar="KEY", help="open with the recovery key")
    p = sub.add_parser(
        "replace-recovery-key",
        help="issue a new recovery key; the old one stops working",
        description="Print a new recovery key and ask for it back; only then does it take the "
        "old one's place. Without a terminal the key is read back from the standard input; "
        "or run again with --confirm KEY to put a printed key in effect.",
    )
    p.add_argument(
        "--confirm",
        metavar="KEY",
        help="put in effect the new recovery key printed by an earlier run",
    )
    p = sub.add_parser("retention", help="closed concerns whose retention period has ended")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to count from")
    p.add_argument("--delete", metavar="REF", help="remove this concern for good (keeps a trace)")
    p.add_argument("--reason", default="retention period ended", help="reason kept in the trace")
    p.add_argument("--yes", action="store_true", help="confirm the deletion without asking")
    from mop_desktop.commands import concerns_files

    concerns_files.add_subcommands(sub)


# -- asking -----------------------------------------------------------------------------------
def _ask_secret(prompt: str) -> str | None:
    if not sys.stdin or not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(prompt)


def ask_secret(prompt: str) -> str | None:
    """Asked without echo in a terminal; None where there is no terminal."""
    return _ask_secret(prompt)


def passphrase() -> str:
    """The register's passphrase: MOP_PASSPHRASE, or asked in a terminal (exit 3 with neither)."""
    return _passphrase()


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


def _pdf_password(service: Any) -> str:
    """From MOP_PDF_PASSWORD or asked twice; refused (exit 2, one line) when empty, shorter
    than the minimum, or the register's own passphrase."""
    from mop_desktop.services.concerns.reports import PdfPasswordRefused

    value = os.environ.get(ENV_PDF_PASSWORD)
    if value is None:
        value = _new_secret(ENV_PDF_PASSWORD, "PDF password")
    try:
        service.check_pdf_password(value)
    except PdfPasswordRefused as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    return value


# -- running ----------------------------------------------------------------------------------
def _fail(exc: BaseException, service: Any = None) -> CommandError:
    from mop_desktop.domain.concerns import ConcernError
    from mop_desktop.services.concerns.reports import ReportError
    from mop_desktop.store.register import RegisterError
    from mop_desktop.store.vault import VaultError, WrongPassphrase

    if isinstance(exc, WrongPassphrase):
        return CommandError(str(exc), EXIT_LOCKED)
    from mop_desktop.commands import concerns_files

    if (ours := concerns_files.fail(exc)) is not None:
        return ours
    from sqlalchemy.exc import DatabaseError

    from mop_desktop.store.failures import explain

    message = explain(exc)  # busy, a full disk, a read-only folder: not damage
    if message is not None:
        return CommandError(message, EXIT_USAGE)
    from mop_desktop.services.concerns.errors import RegisterStoreFailure

    if isinstance(exc, DatabaseError | RegisterStoreFailure):  # never the statement
        return CommandError(_damage_or_failure(service), EXIT_USAGE)
    if isinstance(exc, VaultError | RegisterError | ConcernError | ReportError):
        return CommandError(str(exc), EXIT_USAGE)
    raise exc


def _damage_or_failure(service: Any) -> str:
    """ "Damaged" only when the integrity check finds damage; otherwise the failure as such."""
    from mop_desktop.store.integrity import check_register
    from mop_desktop.store.vault import zero

    key = service.key_copy() if service is not None else None
    if key is not None and any(key):
        try:
            problems = check_register(service.paths.register_db, key)
        finally:
            zero(key)
        if problems:
            found = problems[0].removeprefix("register.db ")
            return f"register.db is damaged (the check found it {found}): restore it from backup"
    return "the register could not be read or changed; nothing was changed (run mop-desktop check)"


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.services.concerns import RegisterService

    service = RegisterService(ctx.paths)
    try:
        return _ACTIONS[args.action](args, ctx, service)
    except CommandError:
        raise
    except Exception as exc:  # noqa: BLE001 - each known error becomes one line
        raise _fail(exc, service) from None
    finally:
        service.lock()


def _init(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    if service.exists():
        raise CommandError("the register is set up already: it is never replaced", EXIT_USAGE)
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None:
        passphrase = _new_secret(ENV_PASSPHRASE, "passphrase")
    ctx.paths.ensure()
    if service.interrupted_setup():
        sys.stderr.write(
            "mop-desktop concerns: an earlier set-up of the register was interrupted "
            "and left it half-made; those files are removed and it is set up "
            "afresh.\n"
        )

    def show(recovery_key: str) -> None:  # printed before the set-up counts as complete
        print("The concern register is set up.")
        print(
            "Recovery key (write it down and keep it in the council's safe; it is not shown again):"
        )
        print(recovery_key, flush=True)

    service.init(passphrase, show_key=show)
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
                    out.write(
                        f"{r.reference}\t{format_short(r.raised_on)}\t{r.status}\t"
                        f"{r.category}\t{r.summary}\n"
                    )
            if len(rows) < 500:
                break
            offset += 500
    if args.json:
        out.write("\n]\n")
    return 0


def _export_pdf(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from pathlib import Path

    from mop_desktop.services.concerns.exports import export_case

    service.unlock(_passphrase())
    service.get(args.reference)  # an unknown reference is refused before the password
    password = _pdf_password(service)
    pages = export_case(service, ctx.store(), args.reference, Path(args.output), password)
    print(f"Wrote {args.output} ({pages} page(s), password-protected).")
    return 0


def _subject_access(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from pathlib import Path

    from mop_desktop.services.concerns.exports import export_subject_access
    from mop_desktop.services.concerns.sealed import sealed_references
    from mop_desktop.services.concerns.subject_access import candidates, choose

    if not args.list and not args.output:
        raise CommandError("-o FILE.pdf is needed (or --list to only list the records)")
    service.unlock(_passphrase())
    found = candidates(service, args.name)
    chosen = choose(found, args.exclude)
    # The reference and the field only: never the text around the match.
    included = set(chosen)
    for candidate in found:
        mark = "include" if candidate.reference in included else "leave out"
        print(f"{candidate.reference}\t{mark}\t{candidate.why()}")
    sealed = len(sealed_references(service))
    if sealed:  # their words cannot be searched here: the chair checks them
        print(
            f"{sealed} sealed concern(s) cannot be searched with this passphrase: the chair "
            "of the personnel committee checks them for this request"
        )
    if args.list:
        print(f"{len(chosen)} of {len(found)} record(s) would be included; nothing written.")
        return 0
    password = _pdf_password(service)
    written = export_subject_access(
        service, ctx.store(), args.name, chosen, Path(args.output), password
    )
    attached = f", {written.files} attached file(s) naming them" if written.files else ""
    print(f"Wrote {args.output}: {written.records} record(s){attached}.")
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
    """The new key is printed (and flushed) before it can take effect, and takes effect only
    when it is given back: killed at any moment, either the old key works or the new one does
    and was printed."""
    service.unlock(_passphrase())
    if args.confirm:
        service.confirm_recovery_key(args.confirm)
        print("The new recovery key is in effect; the old one no longer works.")
        return 0
    key = service.propose_recovery_key()
    print(
        "New recovery key (not in effect yet; the old one still works until you type this "
        "one back):"
    )
    print(key, flush=True)
    typed = _read_back("Type the new recovery key back to confirm: ")
    if not typed:
        raise CommandError(
            "not confirmed: the old recovery key still works (put the new one in effect with "
            "concerns replace-recovery-key --confirm KEY)",
            EXIT_USAGE,
        )
    service.confirm_recovery_key(typed)
    print("The new recovery key is in effect; the old one no longer works. Keep it in the safe:")
    print(key)
    return 0


def _read_back(prompt: str) -> str:
    """A line typed back: from the terminal, or from standard input when it is not one."""
    if sys.stdin is None:
        return ""
    try:
        if sys.stdin.isatty():
            return input(prompt).strip()
        sys.stderr.write(prompt + "\n")
        return sys.stdin.readline().strip()
    except (OSError, EOFError, ValueError):  # no input at all (closed or captured)
        return ""


def _retention(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    import datetime as dt

    from mop_desktop.domain.dates import DateError, format_short, parse_user_date
    from mop_desktop.services.concerns import retention
    from mop_desktop.services.concerns.council import retention_years

    try:
        today = parse_user_date(args.today) if args.today else dt.date.today()
    except DateError as exc:
        raise CommandError(f"--today: {exc}") from None
    years = retention_years(ctx.store())
    service.unlock(_passphrase())
    review = retention.review(service, years, today)
    items, undated = review.due, review.undated
    if args.delete:
        if args.delete not in {item.reference for item in items}:
            raise CommandError(
                f"{args.delete} has not reached the end of its retention period: not deleted"
            )
        if not args.yes:
            answer = (
                input(f"Remove {args.delete} for good? Type yes: ") if sys.stdin.isatty() else ""
            )
            if answer.strip().lower() != "yes":
                raise CommandError("not deleted: confirm with --yes", EXIT_USAGE)
        retention.remove(service, args.delete, args.reason)
        print(f"Removed {args.delete}; a trace of its removal is kept.")
        return 0
    for item in items:
        print(
            f"{item.reference}\tclosed {format_short(item.closed_on)}\t"
            f"retention ended {format_short(item.retention_ended)}"
        )
    if not items:
        print("No closed concern has reached the end of its retention period.")
    if undated:
        print(
            f"{len(undated)} closed concern(s) with the closing date unknown are kept until "
            "a closing date is set: " + ", ".join(undated)
        )
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


def _more_actions() -> None:
    from mop_desktop.commands import concerns_files

    _ACTIONS.update(concerns_files.ACTIONS)


_more_actions()
