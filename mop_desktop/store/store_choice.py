"""This PC's choice of protocol store, made in Settings: policy.db, or a shared store's URL.

The choice is kept in ``shared-store.json`` in the data folder (this PC's, never the shared
store's own settings: each PC chooses for itself), holding the URL without its password. The
password goes to the PC's credential store (``location.keep_password``), never to this file
or the log. ``--store`` and ``MOP_STORE_URL`` still win over it.

``test_connection`` connects once and says, in one line, what is there: the server's version
and whether the database holds this release's store, an older one (upgraded when first
opened), none yet (created when first opened), or something that is not a MOP Desktop store.
"""

from __future__ import annotations

import json
from pathlib import Path

from mop_desktop.store.location import LocationError, StoreLocation, mask, parse_location

CHOICE_FILE = "shared-store.json"


def saved_url(data: Path) -> str | None:
    """The shared store's URL chosen in Settings on this PC, None for policy.db."""
    try:
        value = json.loads((data / CHOICE_FILE).read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError):
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def save_choice(data: Path, url: str | None) -> StoreLocation | None:
    """Keep ``url`` (its password left out) as this PC's store, or policy.db for None/"".
    Raises LocationError (one line) for a URL that is not a shared store's."""
    from mop_desktop.store.atomic import atomic_write_text

    target = data / CHOICE_FILE
    if not url or not url.strip():
        target.unlink(missing_ok=True)
        return None
    location = parse_location(url, data / "policy.db")
    if not location.is_server:
        raise LocationError("a shared store's URL starts postgresql+psycopg://")
    data.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, json.dumps({"url": location.url}, indent=1) + "\n")
    return location


def test_connection(url: str, password: str | None = None) -> str:
    """One line saying what is at ``url`` (tried with ``password`` when given, else the one
    kept for it); LocationError with one line when it cannot be reached or used."""
    from sqlalchemy.exc import SQLAlchemyError

    from mop_desktop.store.db import (
        DamagedStoreError,
        head_revision,
        known_revisions,
        read_server_revision,
        server_error,
    )
    from mop_desktop.store.location import make_server_engine

    location = parse_location(url, Path("policy.db"))
    if not location.is_server:
        raise LocationError("a shared store's URL starts postgresql+psycopg://")
    if password:
        location = StoreLocation(url=location.url, password=password)
    engine = make_server_engine(location)
    try:
        with engine.connect() as connection:
            from sqlalchemy import text

            version = str(connection.execute(text("SHOW server_version")).scalar() or "")
            try:
                revision = read_server_revision(connection, location.display())
            except DamagedStoreError as exc:
                return f"PostgreSQL {version.split()[0]}: {exc}"
    except SQLAlchemyError as exc:
        raise LocationError(mask(str(server_error(location, exc)), password)) from None
    finally:
        engine.dispose()
    server = f"Connected: PostgreSQL {version.split()[0] if version else ''}".rstrip()
    if revision is None:
        return f"{server}; the database is empty: the store is created when it is first opened"
    if revision == head_revision():
        return f"{server}; the store is at this release's schema ({revision})"
    if revision in known_revisions():
        return f"{server}; the store (schema {revision}) is upgraded when it is first opened"
    return f"{server}; the store was written by a newer release (schema {revision})"
