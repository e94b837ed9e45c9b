"""``mop-desktop backup [-o FILE]``: a verified copy of the whole store.

Without ``-o`` the bundle goes into the backups folder (the ``backup.folder`` setting, or
``backups/`` in the data folder) under a dated name ending ``-by-hand``: a backup asked for is
kept until the clerk deletes it (only automatic ones are thinned). With
``MOP_PASSPHRASE`` set the register is copied through SQLCipher and checked; without it its
encrypted file is copied as it is. Either way it stays encrypted in the bundle.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mop_desktop.commands import EXIT_LOCKED, EXIT_USAGE, CommandError, Context

ENV_PASSPHRASE = "MOP_PASSPHRASE"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the bundle to FILE (default: a dated file in the backups folder)",
    )


def register_key(ctx: Context) -> bytearray | None:
    """The register's data key when MOP_PASSPHRASE is set and a register exists, else None."""
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None or not ctx.paths.key_envelope.exists():
        return None
    from mop_desktop.store import vault

    try:
        return vault.unlock_with_passphrase(ctx.paths.key_envelope, passphrase)
    except vault.WrongPassphrase as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from None
    except vault.VaultError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    from mop_desktop.store.backup import BackupError, write_bundle
    from mop_desktop.store.backup_folder import backup_now, backups_folder
    from mop_desktop.store.vault import zero

    store = ctx.store()  # refuses a damaged store: a backup of it would not be a backup
    key = register_key(ctx)
    try:
        if args.output:
            target = Path(args.output).expanduser()
            if target.is_dir():
                raise CommandError(f"{target} is a folder: give the bundle's file name")
            written = write_bundle(ctx.paths, target, key, source=store)
        else:
            written = backup_now(
                ctx.paths, backups_folder(ctx.paths, store), key, manual=True, source=store
            )
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    finally:
        zero(key)
    register = ""
    if ctx.paths.register_db.exists():
        register = " (register checked)" if key is not None else " (register copied encrypted)"
    sys.stdout.write(f"{written}{register}\n")
    return 0
