"""``mop-desktop [--store URL] move-store --to TARGET [--replace]``: copy the protocol store
to another place, checked row for row, in one command.

``TARGET`` is a server URL (``postgresql+psycopg://clerk@server/council``), ``sqlite`` for
policy.db in the data folder, or another data folder (its policy.db). The store being moved
is the one ``--store`` names (policy.db without it) and is left as it was. A target that
already holds a protocol is refused (exit 2) unless ``--replace``; its content is then kept
first (a bundle in kept-aside/ for a server, a copy of the file for policy.db). The
confidential register stays in the data folder: nothing of it is written to a server.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mop_desktop.commands import EXIT_USAGE, CommandError, Context

if TYPE_CHECKING:
    from mop_desktop.store.location import StoreLocation


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to",
        required=True,
        metavar="TARGET",
        help="a server URL (postgresql+psycopg://USER@HOST/DATABASE), 'sqlite' for policy.db "
        "in the data folder, or another data folder",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="overwrite a target that already holds a protocol (its content is kept first)",
    )


def target_location(text: str, ctx: Context) -> StoreLocation:
    """Where ``--to`` points: a URL, ``sqlite`` (the data folder's policy.db) or a path."""
    from mop_desktop.store.location import LocationError, StoreLocation, parse_location

    text = text.strip()
    if text.lower() in ("sqlite", "policy.db", "local"):
        return StoreLocation(path=ctx.paths.policy_db)
    if "://" not in text:
        path = Path(text).expanduser()
        path = path / "policy.db" if path.is_dir() or not path.suffix else path
        if path.name != "policy.db":
            raise CommandError(
                "--to: name a data folder (its policy.db) or a server URL", EXIT_USAGE
            )
        return StoreLocation(path=path)
    try:
        return parse_location(text, ctx.paths.policy_db)
    except LocationError as exc:
        raise CommandError(str(exc).replace("--store", "--to"), EXIT_USAGE) from None


def _same(a: StoreLocation, b: StoreLocation) -> bool:
    if a.is_server or b.is_server:
        return a.url == b.url
    assert a.path is not None and b.path is not None
    return a.path.expanduser().resolve() == b.path.expanduser().resolve()


def run(args: argparse.Namespace, ctx: Context) -> int:
    import datetime as dt

    from mop_desktop.store.backup import BackupError, write_bundle
    from mop_desktop.store.db import StoreError, keep_aside, open_store
    from mop_desktop.store.moving import move_store
    from mop_desktop.store.transfer import TransferError, is_empty

    source_location = ctx.location()
    target = target_location(args.to, ctx)
    if _same(source_location, target):
        raise CommandError("--to names the store being moved: give another place", EXIT_USAGE)
    ctx.paths.ensure()
    try:
        source = ctx.open_store(create=False)
    except StoreError as exc:
        raise CommandError(f"there is no store to move: {exc}", EXIT_USAGE) from None
    try:
        try:
            destination = open_store(target, ctx.paths.kept_aside)
        except StoreError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
        try:
            with destination.engine.connect() as connection:
                holds_protocol = not is_empty(connection)
            kept = ""
            if holds_protocol and not args.replace:
                raise CommandError(
                    f"{destination.name} already holds a protocol: give --replace to overwrite "
                    "it (its content is kept first)",
                    EXIT_USAGE,
                )
            if holds_protocol:
                ctx.paths.kept_aside.mkdir(parents=True, exist_ok=True)
                if destination.is_server:
                    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                    aside = ctx.paths.kept_aside / f"server-before-move-{stamp}.zip"
                    write_bundle(ctx.paths, aside, None, source=destination)
                else:
                    aside = keep_aside(destination.path, ctx.paths.kept_aside, "before-move")
                kept = f"; its previous content was kept in {aside}"
            counts = move_store(source, destination, replace=args.replace)
        finally:
            destination.close()
    except (TransferError, StoreError, BackupError) as exc:
        raise CommandError(f"nothing was moved: {exc}", EXIT_USAGE) from None
    finally:
        source.close()
    versions, adoptions = counts.get("version", 0), counts.get("adoption", 0)
    meetings, exports = counts.get("meeting", 0), counts.get("export", 0)
    use = (
        f"open it with --store {destination.name} (or MOP_STORE_URL)"
        if destination.is_server
        else "open it without --store"
        if target.path == ctx.paths.policy_db
        else f"open it with --data-dir {target.path.parent if target.path else ''}"
    )
    sys.stdout.write(
        f"moved the protocol store to {destination.name}: {versions} versions, {adoptions} "
        f"adoptions, {meetings} meetings, {exports} exports, checked row for row{kept}; "
        f"{use}. {source.name} was left as it was; the register stays in {ctx.paths.data}\n"
    )
    return 0
