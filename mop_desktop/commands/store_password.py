"""``mop-desktop --store URL store-password``: keep the shared store's password in this PC's
credential store (``keyring``; service "mop-desktop", user name ``user@host:port/database``),
so that it is never written into a URL, a settings file or the log.

The password is read without echo in a terminal, or from ``MOP_STORE_PASSWORD``. It is tried
on the server first: a password the server refuses is not kept (exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from mop_desktop.commands import EXIT_USAGE, CommandError, Context

if TYPE_CHECKING:  # annotations only: the command line starts without it
    from mop_desktop.store.location import StoreLocation

ENV_PASSWORD = "MOP_STORE_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="keep the password without trying it on the server (the server is not reachable "
        "from here just now)",
    )


def _read_password() -> str:
    password = os.environ.get(ENV_PASSWORD)
    if password is None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass("Password for the shared store: ")
    if not password:
        raise CommandError(
            f"no password given: type it when asked, or set {ENV_PASSWORD}", EXIT_USAGE
        )
    return password


def run(args: argparse.Namespace, ctx: Context) -> int:
    from dataclasses import replace

    from mop_desktop.store.location import LocationError, keep_password

    if not ctx.store_url or not ctx.on_server:
        raise CommandError(
            "name the shared store first: mop-desktop --store postgresql+psycopg://USER@HOST/"
            "DATABASE store-password (or set MOP_STORE_URL)",
            EXIT_USAGE,
        )
    location = ctx.location()
    password = _read_password()
    if not args.no_check:
        _try(replace(location, password=password))
    try:
        keep_password(location, password)
    except LocationError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    sys.stdout.write(
        f"the password for {location.password_user()} is kept in this PC's credential store\n"
    )
    return 0


def _try(location: StoreLocation) -> None:
    """Connect once with the password (nothing is read or written); exit 2 if refused."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from mop_desktop.store.db import server_error
    from mop_desktop.store.location import make_server_engine

    engine = make_server_engine(location)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise CommandError(
            f"the password was not kept: {server_error(location, exc)}", EXIT_USAGE
        ) from None
    finally:
        engine.dispose()
