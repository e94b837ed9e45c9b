"""Where the protocol store lives: ``policy.db`` in the data folder, or a database server.

``--store URL`` (or ``MOP_STORE_URL``) names a SQLAlchemy URL such as
``postgresql+psycopg://clerk@server/council``; without it the store is ``policy.db`` in the
data folder, exactly as before. ``sqlite:///PATH`` names an SQLite file explicitly.

The server's password is never kept in a URL that is shown, logged or saved: ``StoreLocation``
holds the URL without it, and the password (if one was typed into the URL) apart. When the URL
has none, the PC's credential store (``keyring``: service "mop-desktop", user name
``user@host:port/database``) is asked; libpq's own ``PGPASSWORD`` and ``.pgpass`` work too.
``mask`` hides a password in any text before it is shown.

Only the standard library is imported here at start-up; SQLAlchemy when a URL is parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine

#: The credential store's service name for server passwords.
PASSWORD_SERVICE = "mop-desktop"
#: How long a connection attempt to the server may take.
CONNECT_TIMEOUT_S = 10

_SECRET_IN_URL = re.compile(r"(://[^:/@\s]*:)([^@\s]*)(@)")


class LocationError(ValueError):
    """A ``--store`` value that is not a store location; the message is one line."""


@dataclass(frozen=True)
class StoreLocation:
    """A store location: ``path`` for an SQLite file, or ``url`` (no password) for a server."""

    path: Path | None = None
    url: str | None = None
    password: str | None = field(default=None, repr=False, compare=False)

    @property
    def is_server(self) -> bool:
        return self.url is not None

    def display(self) -> str:
        """How the store is named to the user: the file's name, or the URL without password."""
        if self.url is not None:
            from urllib.parse import unquote

            return unquote(self.url)  # a socket folder reads as /run/postgresql, not %2F...
        assert self.path is not None
        return self.path.name

    def password_user(self) -> str:
        """``user@host:port/database``: the name the password is kept under."""
        url = self.sqlalchemy_url()
        host = url.host or str(url.query.get("host") or "localhost")
        return f"{url.username or ''}@{host}:{url.port or 5432}/{url.database or ''}"

    def sqlalchemy_url(self) -> URL:
        from sqlalchemy.engine import make_url

        assert self.url is not None
        return make_url(self.url)


def mask(text: str, *secrets: str | None) -> str:
    """``text`` with any password in a URL (``://user:secret@``) and each of ``secrets``
    replaced by ``***``."""
    text = _SECRET_IN_URL.sub(r"\1***\3", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def parse_location(text: str | None, default: Path) -> StoreLocation:
    """The location named by ``text`` (``--store``/``MOP_STORE_URL``); ``default`` (the data
    folder's policy.db) when ``text`` is empty."""
    text = (text or "").strip()
    if not text:
        return StoreLocation(path=default)
    if "://" not in text:
        raise LocationError("--store needs a URL such as postgresql+psycopg://clerk@server/council")
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise LocationError(f"--store: {mask(text)} is not a database URL") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise LocationError("--store: an sqlite URL must name a file (sqlite:///PATH)")
        return StoreLocation(path=Path(url.database))
    if backend != "postgresql":
        raise LocationError(
            f"--store: {backend} is not supported; use postgresql+psycopg://USER@HOST/DATABASE"
        )
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername != "postgresql+psycopg":
        raise LocationError("--store: use the psycopg driver (postgresql+psycopg://...)")
    if not url.database:
        raise LocationError("--store: the URL names no database (…/DATABASE)")
    password = url.password
    plain = url._replace(password=None).render_as_string(hide_password=False)
    return StoreLocation(url=plain, password=str(password) if password is not None else None)


# -- the password -----------------------------------------------------------------------------
def stored_password(location: StoreLocation) -> str | None:
    """The password kept in the credential store for ``location``, or None (no credential
    store, none kept, or the store could not be read: libpq then tries its own ways)."""
    try:
        import keyring

        return keyring.get_password(PASSWORD_SERVICE, location.password_user())
    except Exception:  # no usable backend, locked, refused
        return None


def keep_password(location: StoreLocation, password: str) -> None:
    """Keep ``password`` for ``location`` in the credential store; raises LocationError with
    one line when there is none that can be written."""
    try:
        import keyring

        keyring.set_password(PASSWORD_SERVICE, location.password_user(), password)
    except Exception as exc:
        raise LocationError(
            f"the password could not be kept in this PC's credential store ({type(exc).__name__})"
        ) from None


def password_for(location: StoreLocation) -> str | None:
    return location.password if location.password is not None else stored_password(location)


# -- the engine -------------------------------------------------------------------------------
def make_server_engine(location: StoreLocation) -> Engine:
    """An engine on the server store at ``location`` (psycopg 3), the password added only to
    the URL the driver sees."""
    from sqlalchemy import create_engine, event

    from mop_desktop.store.db import BUSY_TIMEOUT_S, refuse_unstorable_text

    url = location.sqlalchemy_url()
    password = password_for(location)
    if password is not None:
        url = url.set(password=password)
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "mop-desktop",
        # a lock another PC holds is waited for as SQLite's busy timeout waits, then refused
        "options": f"-c lock_timeout={int(BUSY_TIMEOUT_S * 1000)}",
    }
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args, future=True)
    event.listen(engine, "before_cursor_execute", refuse_unstorable_text)
    return engine
