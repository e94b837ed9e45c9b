"""Stored rows as domain values, for both readers of policy.db.

The ORM (``store.documents``) and the standard-library path (``store.light_text``) hand these
functions rows with the same attribute names (``VersionRow``/``AdoptionRow`` objects, or the
light path's plain tuples), so a version's text, its history and the choice of version are
worked out in one place. No SQLAlchemy here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption, VersionStatus

# text, numbered, level, list_style, items_json[, source_number]
BlockValues = tuple[Any, ...]
SectionValues = tuple[Any, ...]  # heading, numbered, blocks[, source_number]


def text_from_rows(title: str, sections: Iterable[SectionValues]) -> DocumentText:
    """A version's text from its sections in order, each with its blocks in order."""
    built = []
    for heading, numbered, blocks, *s_source in sections:
        built.append(Section(
            heading=heading,
            numbered=bool(numbered),
            source_number=(s_source[0] or "") if s_source else "",
            blocks=[
                Block(
                    text=text,
                    numbered=bool(b_numbered),
                    level=level,
                    list_style=list_style,
                    items=[ListItem.from_json(i) for i in json.loads(items_json or "[]")],
                    source_number=(b_source[0] or "") if b_source else "",
                )
                for text, b_numbered, level, list_style, items_json, *b_source in blocks
            ],
        ))
    return DocumentText(title=title, sections=built).renumber()


def adoption_from_row(row: Any) -> Adoption:
    """A history row (``AdoptionRow`` or the light path's ``AdoptionValues``) as an Adoption."""
    return Adoption(
        version_label=row.version_label,
        adopted_on=row.adopted_on,
        minute_ref=row.minute_ref,
        review_due=row.review_due,
        reviewer=row.reviewer,
        adopted_by=getattr(row, "adopted_by", "") or "",
        chair=row.chair,
        clerk=row.clerk,
        text_sha256=row.text_sha256,
        prev_hash=row.prev_hash,
        record_hash=row.record_hash,
        no_changes=bool(row.no_changes),
        imported=bool(getattr(row, "imported", False)),
        version_id=row.version_id,
    )


def draft_of(doc: Any) -> Any:
    drafts = [v for v in doc.versions if v.status == VersionStatus.DRAFT]
    return drafts[-1] if drafts else None


def latest_adopted(doc: Any) -> Any:
    adopted = [v for v in doc.versions if v.status == VersionStatus.ADOPTED]
    return adopted[-1] if adopted else None


def current_version(doc: Any) -> Any:
    """The draft if there is one, else the latest adopted version."""
    return draft_of(doc) or latest_adopted(doc)


def version_by_label(doc: Any, label: str) -> Any:
    matches = [v for v in doc.versions if v.label == label]
    return matches[-1] if matches else None


def used_labels(doc: Any) -> set[str]:
    """Every label the document's history or versions already carry."""
    labels = {a.version_label for a in doc.adoptions if a.version_label}
    labels.update(v.label for v in doc.versions if v.label)
    return labels


def label_for_year(day: dt.date, taken: set[str] | frozenset[str]) -> str:
    """``day``'s year, or the first of "2026v2", "2026v3"... not in ``taken``."""
    base = str(day.year)
    if base not in taken:
        return base
    n = 2
    while f"{base}v{n}" in taken:
        n += 1
    return f"{base}v{n}"
