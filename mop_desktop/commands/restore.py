"""``mop-desktop restore FILE``: put a backup bundle back.

The bundle is checked first, member by member on a staged copy (``store.bundle_checks``: sizes
before extracting, every file's hash, the policy store's integrity, schema revision and schema
objects, the key file's checksum and costs, the register's shape; with ``MOP_PASSPHRASE`` the
register is opened and checked too); nothing changes if anything fails. The current store is
then copied into ``kept-aside/`` and the bundle's files are put in place. Close the window
first.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mop_desktop.commands import EXIT_USAGE, CommandError, Context


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a bundle written by backup")


def window_is_open(lock_file: Path) -> bool:
    """True when the window's lock file names a live process (POSIX; elsewhere: never)."""
    import os

    if os.name != "posix" or not lock_file.exists():
        return False
    try:
        pid = int(lock_file.read_text(encoding="utf-8", errors="replace").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.domain.dates import format_long
    from mop_desktop.store.backup import BackupError
    from mop_desktop.store.db import StoreError, open_store
    from mop_desktop.store.restore import restore_bundle

    if ctx.on_server:
        return _restore_into_server(args, ctx)
    ctx.paths.ensure()
    if window_is_open(ctx.paths.lock_file):
        raise CommandError("MOP Desktop is open on this data folder: close it, then restore")
    try:
        # with MOP_PASSPHRASE set the bundle's register is opened and checked as well
        result = restore_bundle(
            ctx.paths, Path(args.file).expanduser(), os.environ.get("MOP_PASSPHRASE") or None
        )
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    try:  # the restored store opens (an older schema is upgraded here, a copy kept aside)
        open_store(ctx.paths.policy_db, ctx.paths.kept_aside).close()
    except StoreError as exc:
        raise CommandError(f"the restored store cannot be opened: {exc}", EXIT_USAGE) from None
    created = result.info.created
    when = f"{format_long(created.date())} {created:%H:%M}"
    aside = f"; the previous store was kept in {result.kept_aside}" if result.kept_aside else ""
    sys.stdout.write(f"restored {', '.join(result.restored)} from the backup of {when}{aside}\n")
    return 0


def _restore_into_server(args: argparse.Namespace, ctx: Context) -> int:
    """A bundle's protocol put into the server store in one transaction, the server's
    current content first written as a bundle into kept-aside/. The register stays in the
    data folder as it is (nothing of it goes to the server)."""
    from mop_desktop.domain.dates import format_long
    from mop_desktop.store.backup import BackupError
    from mop_desktop.store.copies import REGISTER
    from mop_desktop.store.db import StoreError
    from mop_desktop.store.moving import restore_bundle_into_server
    from mop_desktop.store.transfer import TransferError

    store = ctx.store()
    try:
        aside, info = restore_bundle_into_server(
            ctx.paths,
            store,
            Path(args.file).expanduser(),
            os.environ.get("MOP_PASSPHRASE") or None,
        )
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    except (TransferError, StoreError) as exc:
        raise CommandError(f"nothing was restored: {exc}", EXIT_USAGE) from None
    except OSError as exc:
        raise CommandError(f"nothing was restored: {exc.strerror or exc}", EXIT_USAGE) from None
    finally:
        store.close()
    created = info.created
    when = f"{format_long(created.date())} {created:%H:%M}"
    register = (
        "; the register in the backup was not restored (it stays on each PC: restore it "
        "without --store)"
        if REGISTER in info.files
        else ""
    )
    sys.stdout.write(
        f"restored the protocol store on {store.name} from the backup of {when}; its previous "
        f"content was kept in {aside}{register}\n"
    )
    return 0
