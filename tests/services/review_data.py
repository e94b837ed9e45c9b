"""Small protocols with adoption history, built through the store (no importer needed).
Shared by the review-schedule tests."""

from __future__ import annotations

import datetime as dt

from mop_desktop.domain.document import Block, DocumentText, Section
from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.domain.review import next_review_date
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store

TITLE = "Member/Officer Relations Protocol"


def sample_text(
    words: str = "Councillors and officers treat each other with respect.",
) -> DocumentText:
    return DocumentText(
        title=TITLE,
        sections=[
            Section(
                "Introduction", [Block(words), Block("Officers serve the council as a whole.")]
            ),
            Section("When things go wrong", [Block("Concerns go to the clerk first.")]),
        ],
    )


def adopted_protocol(
    store: Store,
    adopted_on: dt.date,
    *,
    label: str | None = None,
    minute: str = "2026-101",
    interval: int = 12,
    with_draft: bool = False,
) -> None:
    """An adopted protocol (and optionally a draft based on it) with one history row."""
    with store.session() as session:
        doc = docs.ensure_protocol(session, TITLE)
        doc.review_interval_months = interval
        version = docs.create_version(
            session,
            doc,
            sample_text(),
            status=VersionStatus.ADOPTED,
            label=label or str(adopted_on.year),
        )
        docs.append_adoption(
            session,
            doc,
            Adoption(
                version_label=version.label or "",
                adopted_on=adopted_on,
                minute_ref=minute,
                review_due=next_review_date(adopted_on, interval),
                reviewer="G White",
                text_sha256=version.text_sha256,
            ),
            version=version,
        )
        if with_draft:
            docs.create_version(
                session,
                doc,
                sample_text("Members and officers respect each other."),
                based_on=version,
            )


def draft_only(store: Store) -> None:
    with store.session() as session:
        doc = docs.ensure_protocol(session, TITLE)
        docs.create_version(session, doc, sample_text())
