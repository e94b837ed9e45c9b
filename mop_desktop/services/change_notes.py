"""Why-it-changed notes of the draft, kept in the store beside it.

They are stored as JSON in the ``setting`` table under ``protocol.change_notes.<version id>``
(one entry per draft, so a new draft starts without the last one's notes), which needs no
change to the store's tables; the council-pack report reads the same key.
"""

from __future__ import annotations

from mop_desktop.domain.change_notes import ChangeNote, from_json, to_json
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store
from mop_desktop.store.models import SettingRow

PREFIX = "protocol.change_notes."


def key_for(version_id: int) -> str:
    return f"{PREFIX}{version_id}"


def _draft_id(store: Store) -> int | None:
    with store.session() as session:
        doc = docs.protocol_document(session)
        draft = docs.draft_of(doc) if doc is not None else None
        return draft.id if draft is not None else None


def load_notes(store: Store) -> list[ChangeNote]:
    """The notes of the current draft (none without a draft)."""
    draft_id = _draft_id(store)
    if draft_id is None:
        return []
    with store.session() as session:
        row = session.get(SettingRow, key_for(draft_id))
        return from_json(row.value if row is not None else None)


def save_notes(store: Store, notes: list[ChangeNote]) -> None:
    draft_id = _draft_id(store)
    if draft_id is None:
        raise ValueError("there is no draft to note changes on")
    text = to_json(notes)
    with store.session() as session:
        row = session.get(SettingRow, key_for(draft_id))
        if row is None:
            session.add(SettingRow(key=key_for(draft_id), value=text))
        else:
            row.value = text
