"""What the register's views need from the protocol store (policy.db): the council (its name
heads every register PDF; its personnel chair and principal authority shape the route
guidance) and the register's settings. Each read is its own transaction; nothing from the
register is ever written to policy.db."""

from __future__ import annotations

from mop_desktop.domain.records import Council
from mop_desktop.store import settings
from mop_desktop.store.db import Store
from mop_desktop.store.documents import get_council


def council(store: Store) -> Council:
    """The council's details (empty ones when none are entered yet)."""
    with store.session() as session:
        return get_council(session)


def retention_years(store: Store) -> int:
    """For how many years closed concerns are kept (``RETENTION_YEARS``)."""
    with store.session() as session:
        return settings.get(session, settings.RETENTION_YEARS)


def idle_lock_minutes(store: Store) -> int:
    """After how many minutes without use the register locks (at least one)."""
    with store.session() as session:
        return max(1, settings.get(session, settings.IDLE_LOCK_MINUTES))
