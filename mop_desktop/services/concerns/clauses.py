"""The clauses a concern can point at: the numbered clauses of the adopted protocol."""

from __future__ import annotations

from mop_desktop.store.db import Store
from mop_desktop.store.documents import latest_adopted, load_text, protocol_document


def protocol_clauses(store: Store) -> list[tuple[str, str]]:
    """(number, opening words) of every numbered clause of the latest adopted version; for a
    protocol without clause numbers, its sections by position (1, 2, ...) and heading."""
    with store.session() as session:
        doc = protocol_document(session)
        version = latest_adopted(doc) if doc is not None else None
        if version is None:
            return []
        text = load_text(version)
    out = []
    for _section, block in text.iter_blocks():
        if block.number:
            words = " ".join(block.text.split())
            out.append((block.number, words[:70] + ("…" if len(words) > 70 else "")))
    if not out:
        for position, section in enumerate(text.sections, start=1):
            if section.heading:
                out.append((section.number or str(position), section.heading[:70]))
    return out
