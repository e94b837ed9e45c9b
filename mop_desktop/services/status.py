"""The one-line summary the status bar always shows: version and next review date."""

from __future__ import annotations

import datetime as dt

from mop_desktop.domain.dates import format_long
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store


def status_line(store: Store, today: dt.date | None = None) -> str:
    with store.session() as session:
        doc = docs.protocol_document(session)
        if doc is None or not doc.versions:
            return "No protocol yet"
        adopted = docs.latest_adopted(doc)
        draft = docs.draft_of(doc)
        history = docs.history(doc)
        parts = []
        if adopted is not None:
            parts.append(f"Version {adopted.label or '(unlabelled)'} adopted")
        if draft is not None:
            parts.append("draft in progress")
        due = history[-1].review_due if history else None
        parts.append(f"next review by {format_long(due)}" if due else "no review date set")
        return " \u00b7 ".join(parts)
