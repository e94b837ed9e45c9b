"""Adding what the minutes say to a history row imported without it.

A version table imported from an old document often lacks a row's minute reference. The clerk
may add it, once, from the signed minutes: ``add_minute_reference(store, row_id, minute_ref)``.
Nothing else in a history row can be changed, and a reference already recorded cannot be
replaced. The row's hash and those after it are worked out again so that the history still
checks, and the change itself is recorded (``amendments``): when, which row, what was added,
and the row's hash before and after, so it never passes unnoticed.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.storable import unpaired_surrogate_at
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.db import Store

log = logging.getLogger(__name__)

MAX_MINUTE_REF = 100

AMENDMENTS: settings.Setting[list[dict[str, str]]] = settings.declare(
    "history.amendments", [], "Minute references added to imported history rows"
)


class HistoryEditError(ValueError):
    """One line for the clerk; nothing was changed."""


@dataclass(frozen=True)
class Amendment:
    when: str
    version: str
    adopted_on: str
    minute_ref: str
    hash_before: str
    hash_after: str

    def describe(self) -> str:
        day = dt.datetime.fromisoformat(self.when).date()
        adopted = (
            f" (adopted {format_long(dt.date.fromisoformat(self.adopted_on))})"
            if self.adopted_on
            else ""
        )
        return (
            f"Minute reference {self.minute_ref} added to version {self.version}"
            f"{adopted} on {format_long(day)}"
        )


def can_add_minute_reference(row: object) -> bool:
    """Whether a history row (an ``AdoptionRow``) may have its minute reference added."""
    return bool(getattr(row, "imported", False)) and not getattr(row, "minute_ref", "").strip()


def check_minute_ref(text: str) -> str:
    """The reference, tidied; HistoryEditError when it cannot be used."""
    ref = " ".join(text.split())
    if not ref:
        raise HistoryEditError(
            "Enter the minute reference from the signed minutes (e.g. 2021-087)."
        )
    if len(ref) > MAX_MINUTE_REF:
        raise HistoryEditError(
            f"The minute reference is too long (at most {MAX_MINUTE_REF} characters)."
        )
    if unpaired_surrogate_at(ref) is not None or any(ord(c) < 32 for c in ref):
        raise HistoryEditError(
            "The minute reference has a character that cannot be stored: retype it."
        )
    return ref


def add_minute_reference(
    store: Store, row_id: int, minute_ref: str, now: dt.datetime | None = None
) -> Amendment:
    """Add the minute reference to the imported history row ``row_id`` (which has none),
    re-chain the history and record the amendment. Raises HistoryEditError."""
    from mop_desktop.services.adoption import verify_chain
    from mop_desktop.store.models import AdoptionRow

    ref = check_minute_ref(minute_ref)
    now = now or dt.datetime.now()
    if not verify_chain(store).ok:  # never re-chain over an alteration: it would hide it
        raise HistoryEditError(
            "The adoption history fails its check: compare it with the "
            "signed minutes and restore a backup before adding to it."
        )
    with store.session() as session:
        row = session.get(AdoptionRow, row_id)
        if row is None:
            raise HistoryEditError("That history row is no longer there: refresh and try again.")
        if not row.imported:
            raise HistoryEditError(
                "Only a row imported from an old document can be completed: "
                "rows recorded by an adoption in this app are final."
            )
        if row.minute_ref.strip():
            raise HistoryEditError(
                f"Version {row.version_label} already has the minute "
                f"reference {row.minute_ref}: it cannot be changed."
            )
        hash_before = row.record_hash
        row.minute_ref = ref
        doc = row.document
        from mop_desktop.store.anchor import note_record

        previous, reached = "", False
        for position, each in enumerate(doc.adoptions, start=1):  # this row and those after
            reached = reached or each is row
            if reached:
                each.prev_hash = previous
                record = docs.adoption_from_row(each)
                record.prev_hash = previous
                each.record_hash = record.compute_hash()
                note_record(session, doc.id, position, each.record_hash)  # head and anchor
            previous = each.record_hash
        amendment = Amendment(
            when=now.isoformat(timespec="seconds"),
            version=row.version_label,
            adopted_on=row.adopted_on.isoformat() if row.adopted_on else "",
            minute_ref=ref,
            hash_before=hash_before,
            hash_after=row.record_hash,
        )
        recorded = settings.get(session, AMENDMENTS).copy()
        recorded.append(amendment.__dict__)
        settings.put(session, AMENDMENTS, recorded)
    from mop_desktop.services.history_check import after_amendment

    after_amendment(store)
    log.info("minute reference added to history row %s (version %s)", row_id, amendment.version)
    return amendment


def amendments(store: Store) -> list[Amendment]:
    with store.session() as session:
        return [Amendment(**item) for item in settings.get(session, AMENDMENTS)]
