"""Who else has the draft open, on this PC or another of the office.

Each open editor keeps a line in the store's ``presence`` table (migration 0006): a random id
for the window, who (``drafts.officer_name``), which PC, what it has open (``draft:<id>``) and
when it was last seen. The editor renews its line every ``HEARTBEAT_S`` seconds and removes it
when it closes; a line not renewed for ``STALE_S`` seconds (a PC switched off, a crash) no
longer counts, and is tidied away by the next heartbeat. Times are each PC's own clock (UTC),
so PCs whose clocks differ by more than a minute may miss one another.
"""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from dataclasses import dataclass

from mop_desktop.store.db import Store
from mop_desktop.store.models import PresenceRow, utcnow

HEARTBEAT_S = 20
STALE_S = 90


@dataclass(frozen=True)
class Present:
    who: str
    host: str
    seen_at: dt.datetime

    def describe(self) -> str:
        return f"{self.who} ({self.host})" if self.host else self.who


def new_id() -> str:
    """An id for this window's line (a new one per window)."""
    return uuid.uuid4().hex


def draft_key(version_id: int) -> str:
    return f"draft:{version_id}"


def this_pc() -> str:
    try:
        return socket.gethostname()[:80]
    except OSError:
        return ""


def heartbeat(store: Store, line_id: str, what: str, who: str | None = None) -> list[Present]:
    """Renew this window's line (``what`` it has open; "" for nothing) and return the others
    who have the same thing open now, the longest-present first."""
    from mop_desktop.services.drafts import officer_name

    now = utcnow()
    stale = now - dt.timedelta(seconds=STALE_S)
    with store.session() as session:
        session.query(PresenceRow).filter(PresenceRow.seen_at < stale).delete(
            synchronize_session=False
        )
        row = session.get(PresenceRow, line_id)
        if not what:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(
                PresenceRow(
                    id=line_id, who=who or officer_name(), host=this_pc(), what=what, seen_at=now
                )
            )
        else:
            row.what, row.seen_at = what, now
        if not what:
            return []
        others = (
            session.query(PresenceRow)
            .filter(
                PresenceRow.what == what, PresenceRow.id != line_id, PresenceRow.seen_at >= stale
            )
            .order_by(PresenceRow.seen_at)
            .all()
        )
        return [Present(o.who, o.host, o.seen_at) for o in others]


def leave(store: Store, line_id: str) -> None:
    """Remove this window's line (the editor closing, the draft adopted)."""
    with store.session() as session:
        session.query(PresenceRow).filter(PresenceRow.id == line_id).delete(
            synchronize_session=False
        )


def describe(others: list[Present]) -> str:
    """ "Also open by Deputy Clerk (FRONT-PC)" or "" for no one."""
    if not others:
        return ""
    names = list(dict.fromkeys(o.describe() for o in others))
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Also open by {listed}"
