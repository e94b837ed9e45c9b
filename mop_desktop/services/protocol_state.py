"""What the window needs to know about the protocol before acting on it: whether there is one,
whether it has a draft and an adopted version, and the adoption history as the Review schedule
lists it (with what each row allows)."""

from __future__ import annotations

from dataclasses import dataclass

from mop_desktop.domain.records import Adoption
from mop_desktop.services.history_edits import can_add_minute_reference
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store


@dataclass(frozen=True)
class ProtocolState:
    has_document: bool
    has_draft: bool
    has_adopted: bool


@dataclass(frozen=True)
class HistoryEntry:
    """One row of the adoption history and what the Review schedule may do with it."""

    adoption: Adoption
    row_id: int
    label: str
    has_text: bool  # an adopted text is kept (not a table row only)
    can_add_minute: bool


def protocol_state(store: Store) -> ProtocolState:
    with store.session() as session:
        doc = docs.protocol_document(session)
        if doc is None:
            return ProtocolState(False, False, False)
        return ProtocolState(
            has_document=True,
            has_draft=docs.draft_of(doc) is not None,
            has_adopted=docs.latest_adopted(doc) is not None,
        )


def adoption_history(store: Store) -> list[HistoryEntry]:
    """The adoption history, oldest first."""
    with store.session() as session:
        doc = docs.protocol_document(session)
        if doc is None:
            return []
        return [
            HistoryEntry(
                adoption=adoption,
                row_id=row.id,
                label=row.version_label,
                has_text=row.version_id is not None,
                can_add_minute=can_add_minute_reference(row),
            )
            for row, adoption in zip(doc.adoptions, docs.history(doc), strict=True)
        ]
