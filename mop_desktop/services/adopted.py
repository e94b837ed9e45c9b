"""The text of the last adopted version: what "Show changes" marks the draft against."""

from __future__ import annotations

from mop_desktop.domain.document import DocumentText
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store


def adopted_text(store: Store) -> DocumentText | None:
    """The latest adopted version's text; None before the first adoption."""
    with store.session() as session:
        doc = docs.protocol_document(session)
        if doc is None:
            return None
        version = docs.latest_adopted(doc)
        return docs.load_text(version) if version is not None else None
