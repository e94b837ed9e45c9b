"""``mop-desktop check``: the stores' integrity.

Checks ``policy.db`` (``quick_check``, foreign keys), the adoption history's hash chain and its
anchor in the PC's credential store (``--anchor-here`` anchors it again after a move), the
register's key file and, with ``MOP_PASSPHRASE`` set, the register itself
(``cipher_integrity_check``). One line per check; exit 0 when every check passed, 1 when one
answered no (a damaged store is reported, kept aside and left as it is), 3 for a wrong
passphrase.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mop_desktop.commands import EXIT_NO, EXIT_OK, Context

if TYPE_CHECKING:
    from mop_desktop.store.integrity import Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quiet", action="store_true", help="print only the checks that answered no"
    )
    parser.add_argument(
        "--anchor-here",
        action="store_true",
        help="anchor the adoption history in this PC's credential store again (after moving "
        "the store to this PC or folder on purpose); only an intact history is anchored",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.commands.backup import register_key
    from mop_desktop.store.db import StoreError, open_store
    from mop_desktop.store.integrity import Finding, check_all
    from mop_desktop.store.vault import zero

    if ctx.on_server:
        return _check_server(args, ctx)
    if not ctx.paths.policy_db.exists():
        sys.stdout.write(f"no store yet in {ctx.paths.data}: nothing to check\n")
        return EXIT_OK
    if args.anchor_here:
        return _anchor_here(ctx)
    store = None
    findings: list[Finding] = []
    try:
        store = open_store(ctx.paths.policy_db, ctx.paths.kept_aside, create=False)
    except StoreError as exc:
        findings.append(Finding("policy.db", False, str(exc)))
    key = register_key(ctx)
    try:
        found = check_all(ctx.paths, store, key)
    finally:
        zero(key)
        if store is not None:
            store.close()
    if findings:  # opening refused it: report that line rather than the raw check
        found = findings + [f for f in found if f.name != "policy.db"]
    return _report(args, [_with_newest_backup(ctx, f) for f in found])


def _check_server(args: argparse.Namespace, ctx: Context) -> int:
    """The checks of a store on a server: it opens at this release's schema, the history's
    chain and anchor; the register in the data folder as always. (The server looks after its
    own pages: there is no file for ``quick_check``.)"""
    from mop_desktop.commands import CommandError
    from mop_desktop.commands.backup import register_key
    from mop_desktop.store.db import StoreError
    from mop_desktop.store.integrity import check_all
    from mop_desktop.store.vault import zero

    try:
        store = ctx.open_store(create=False)
    except StoreError as exc:
        if str(exc).startswith("no store at"):
            sys.stdout.write(f"{exc}: nothing to check\n")
            return EXIT_OK
        raise CommandError(str(exc)) from None
    if args.anchor_here:
        store.close()
        return _anchor_here(ctx)
    try:
        key = register_key(ctx)
        try:
            found = check_all(ctx.paths, store, key)
        finally:
            zero(key)
    finally:
        store.close()
    return _report(args, found)


def _report(args: argparse.Namespace, found: list[Finding]) -> int:
    failed = False
    for finding in found:
        if finding.ok is False:
            failed = True
            sys.stderr.write(f"{finding.message}\n")
        elif not args.quiet:
            mark = "ok" if finding.ok else "--"
            sys.stdout.write(f"{mark}  {finding.message}\n")
    return EXIT_NO if failed else EXIT_OK


def _with_newest_backup(ctx: Context, finding: Finding) -> Finding:
    """A failed store check names the newest backup that passes a full check."""
    from dataclasses import replace

    from mop_desktop.store.backup_folder import newest_good_backup, recovery_folders

    if finding.ok is not False or finding.name not in ("policy.db", "register.db", "register.key"):
        return finding
    newest = newest_good_backup(*recovery_folders(ctx.paths))
    where = f"newest good backup: {newest.path}" if newest else "no good backup was found"
    return replace(finding, message=f"{finding.message}; {where}")


def _anchor_here(ctx: Context) -> int:
    from mop_desktop.services.history_check import anchor_here

    report = anchor_here(ctx.store())
    if report.ok is False:
        sys.stderr.write(f"{report.message}\n")
        return EXIT_NO
    sys.stdout.write(f"{report.message}\n")
    return EXIT_OK
