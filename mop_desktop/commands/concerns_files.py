"""``mop-desktop concerns attach|attachments|extract|detach|chair-init|seal|sealed``: the files a
concern rests on, and concerns sealed to the chair of the personnel committee.

The register opens with MOP_PASSPHRASE as for every ``concerns`` command; the chair's passphrase
comes from MOP_CHAIR_PASSPHRASE or is asked without echo (and, for ``chair-init``, asked twice).
Nothing printed here holds a sealed concern's content except ``sealed`` itself, for the chair.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from mop_desktop.commands import EXIT_LOCKED, EXIT_USAGE, CommandError, Context

ENV_CHAIR_PASSPHRASE = "MOP_CHAIR_PASSPHRASE"


def add_subcommands(sub: Any) -> None:
    p = sub.add_parser("attach", help="keep a letter, e-mail, PDF or photo with a concern")
    p.add_argument("reference", metavar="REF")
    p.add_argument("files", metavar="FILE", nargs="+")
    p = sub.add_parser("attachments", help="list a concern's attachments")
    p.add_argument("reference", metavar="REF")
    p = sub.add_parser("extract", help="write one attachment to a file of your choice")
    p.add_argument("reference", metavar="REF")
    p.add_argument("attachment", metavar="N", type=int, help="its number (see attachments)")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p = sub.add_parser("detach", help="remove an attachment (the audit trail keeps that it was)")
    p.add_argument("reference", metavar="REF")
    p.add_argument("attachment", metavar="N", type=int)
    sub.add_parser(
        "chair-init",
        help="set up the key of the chair of the personnel committee",
        description="With the chair present: the chair's passphrase comes from "
        "MOP_CHAIR_PASSPHRASE or is asked twice; the chair's recovery key is printed once.",
    )
    p = sub.add_parser("seal", help="seal a concern about the clerk to the chair")
    p.add_argument("reference", metavar="REF")
    p = sub.add_parser("sealed", help="the chair reads a sealed concern (JSON)")
    p.add_argument("reference", metavar="REF")


def _chair_passphrase(twice: bool = False) -> str:
    value = os.environ.get(ENV_CHAIR_PASSPHRASE)
    if value is not None:
        return value
    from mop_desktop.commands.concerns import ask_secret

    first = ask_secret("Passphrase of the chair of the personnel committee: ")
    if first is None:
        raise CommandError(
            f"no chair's passphrase: set {ENV_CHAIR_PASSPHRASE} or run in a terminal", EXIT_LOCKED
        )
    if twice and ask_secret("The same again: ") != first:
        raise CommandError("the two passphrases differ", EXIT_USAGE)
    return first


def _unlock(service: Any) -> None:
    from mop_desktop.commands.concerns import passphrase

    service.unlock(passphrase())


def fail(exc: BaseException) -> CommandError | None:
    """One line for the errors of attachments and sealing (None: not ours)."""
    from mop_desktop.services.concerns.attachments import AttachmentError
    from mop_desktop.store.sealing import SealError, WrongChairPassphrase

    if isinstance(exc, WrongChairPassphrase):
        return CommandError(str(exc), EXIT_LOCKED)
    if isinstance(exc, AttachmentError | SealError):
        return CommandError(str(exc), EXIT_USAGE)
    return None


def _attach(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from mop_desktop.services.concerns import attachments

    _unlock(service)
    files = [Path(f) for f in args.files]
    for path in files:  # every file checked before any is added
        if not path.is_file():
            raise CommandError(f"{path}: no such file", EXIT_USAGE)
        if path.stat().st_size > attachments.MAX_FILE_BYTES:
            raise CommandError(
                f"{path.name} is larger than {attachments.size_text(attachments.MAX_FILE_BYTES)}",
                EXIT_USAGE,
            )
    for path in files:
        added = attachments.add(service, args.reference, path)
        print(f"{added.id}\t{added.filename}\t{attachments.size_text(added.size)}")
    return 0


def _attachments(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from mop_desktop.services.concerns import attachments

    _unlock(service)
    for item in attachments.listed(service, args.reference):
        print(
            f"{item.id}\t{item.filename}\t{attachments.size_text(item.size)}\t"
            f"{item.added_at:%d/%m/%Y}"
        )
    return 0


def _extract(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from mop_desktop.services.concerns import attachments

    _unlock(service)
    name, data = attachments.content(service, args.reference, args.attachment)
    target = Path(args.output)
    if target.exists():
        raise CommandError(f"{target} exists already: choose another name", EXIT_USAGE)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    print(f"Wrote {name} to {target}")
    return 0


def _detach(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from mop_desktop.services.concerns import attachments

    _unlock(service)
    attachments.remove(service, args.reference, args.attachment)
    print(f"Removed attachment {args.attachment} from {args.reference}.")
    return 0


def _chair_init(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from mop_desktop.services.concerns import sealed

    _unlock(service)
    key = sealed.set_up_chair(service, _chair_passphrase(twice=True))
    print("The chair's recovery key (shown once: print it or write it down for the chair):")
    print(key)
    return 0


def _seal(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from mop_desktop.services.concerns import sealed

    _unlock(service)
    sealed.seal_concern(service, args.reference)
    print(f"{args.reference} is sealed: only the chair of the personnel committee can read it.")
    return 0


def _sealed(args: argparse.Namespace, ctx: Context, service: Any) -> int:
    from dataclasses import asdict

    from mop_desktop.services.concerns import sealed

    _unlock(service)
    key = sealed.unlock_chair(service, _chair_passphrase())
    try:
        case = sealed.open_sealed(service, key, args.reference)
    finally:
        key.close()
    body = asdict(case.concern)
    body["timeline"] = [{"on": t.on.isoformat(), "entry": t.entry} for t in case.timeline]
    print(json.dumps(body, default=str, ensure_ascii=False, indent=1))
    return 0


ACTIONS = {
    "attach": _attach,
    "attachments": _attachments,
    "extract": _extract,
    "detach": _detach,
    "chair-init": _chair_init,
    "seal": _seal,
    "sealed": _sealed,
}
