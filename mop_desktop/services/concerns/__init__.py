"""The confidential concern register's services (no Qt).

- ``service``: set up, unlock/lock, add/update/close, timeline, audit (``RegisterService``)
- ``query``: FTS5 search, filters, sorting and paging; follow-ups
- ``retention``: retention list, deletion with a trace
- ``subject_access``: everything about a named person
- ``log_import``: ``concerns import FILE`` (.csv or .xlsx, the clerk's own log), all rows or
  none (``csv_import`` is its earlier name)
- ``records``: every stored field of a concern, for ``concerns list --json``
- ``reports``: case report, subject-access PDF, recovery sheet
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .service import RegisterLocked, RegisterService

__all__ = ["RegisterLocked", "RegisterService", "followups"]


def followups(register: Any, today: dt.date) -> list[tuple[str, dt.date]]:
    """(reference, follow-up date) of every concern not yet closed, for the reminders.

    ``register`` is an unlocked ``RegisterService`` or a register ``Session``; a locked or
    missing register gives no follow-ups. Only references leave the register.
    """
    from .query import followups_in

    del today  # the reminder engine decides what is due; every open follow-up is offered
    if register is None:
        return []
    if isinstance(register, RegisterService):
        if not register.unlocked:
            return []
        with register.session() as session:
            return followups_in(session)
    return followups_in(register)
