"""The protocol workspace as the command line and the window use it: save an import, start
from the model protocol, describe the current document."""

from __future__ import annotations

from typing import Any

from mop_desktop.domain.dates import format_long
from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.protocol import Protocol, Version
from mop_desktop.domain.records import VersionStatus
from mop_desktop.services.importer import ImportResult
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store
from mop_desktop.store.protocol_repo import ProtocolRepository, reading


def save_import(store: Store, result: ImportResult, *, as_draft: bool = False) -> str:
    """Save an import in one transaction. Returns "adopted" or "draft".

    History rows already recorded are not added twice, and rows dated on or before the last
    recorded adoption are not added at all (the recorded history keeps its order and its
    hash chain); a document whose latest adoption is already recorded, or older, becomes the
    draft unless its text is exactly the adopted text. Both are added to ``result.warnings``.
    """
    with store.session() as session:
        if result.council_name:
            council = docs.get_council(session)
            if not council.name:
                council.name = result.council_name
                docs.save_council(session, council)
        doc = docs.ensure_protocol(session, result.text.title)
        if result.text.title:
            doc.title = result.text.title
        if result.review_interval_months:  # "reviewed every two years"
            doc.review_interval_months = result.review_interval_months
            doc.review_interval_stated = True
        recorded = docs.history(doc)
        known = {(a.version_label, a.adopted_on) for a in recorded}
        last_date = max((a.adopted_on for a in recorded if a.adopted_on), default=None)
        new_history = [a for a in result.history if (a.version_label, a.adopted_on) not in known]
        older = [a for a in new_history if last_date and (a.adopted_on or last_date) <= last_date]
        if older:
            new_history = [a for a in new_history if a not in older]
            result.warnings.append(
                f"{len(older)} history row(s) dated on or before the last recorded adoption "
                f"({format_long(last_date)}) were not added"
            )
        latest = result.history[-1] if result.history else None
        adopt = result.has_adoption and not as_draft
        if adopt and latest is not None and latest not in new_history:
            current = docs.latest_adopted(doc)
            text_sha = result.text.clone().renumber().sha256()
            if current is not None and current.text_sha256 == text_sha:
                return "adopted"  # the same adopted text again: nothing to change
            adopt = False
            result.warnings.append(
                "its latest adoption is already recorded or older than the one recorded: "
                "imported as the draft"
            )
        if adopt and latest is not None:
            for version in doc.versions:
                if version.status == VersionStatus.ADOPTED:
                    version.status = VersionStatus.SUPERSEDED
            version = docs.create_version(
                session,
                doc,
                result.text,
                status=VersionStatus.ADOPTED,
                label=latest.version_label
                or (str(latest.adopted_on.year) if latest.adopted_on else None),
            )
            for adoption in new_history:
                is_latest = adoption is latest
                if is_latest:
                    adoption.text_sha256 = version.text_sha256
                docs.append_adoption(
                    session, doc, adoption, version=version if is_latest else None, imported=True
                )
            return "adopted"
        for adoption in new_history:
            docs.append_adoption(session, doc, adoption, imported=True)
        draft = docs.draft_of(doc)
        if draft is None:
            docs.create_version(session, doc, result.text, based_on=docs.latest_adopted(doc))
        else:
            docs.write_text(session, draft, result.text)
        return "draft"


def start_from_text(store: Store, text: DocumentText) -> None:
    """Start (or replace) the draft with ``text``: the model protocol or a blank one."""
    with store.session() as session:
        doc = docs.ensure_protocol(session, text.title)
        draft = docs.draft_of(doc)
        if draft is None:
            docs.create_version(session, doc, text, based_on=docs.latest_adopted(doc))
        else:
            docs.write_text(session, draft, text)


def has_document(store: Store) -> bool:
    with store.session() as session:
        doc = docs.protocol_document(session)
        return doc is not None and bool(doc.versions)


def describe_version(
    repo: ProtocolRepository, protocol: Protocol, version: Version
) -> dict[str, Any]:
    """The ``show --json`` form (CLI.md) of one version: a draft shows the review date of the
    version in force, an adopted version the record it stands on (``Protocol``)."""
    text = repo.text(version)
    if version.is_draft:
        adopted_on, review_due = None, protocol.review_due
    else:
        ref = protocol.standing_adoption(version)
        adopted_on = ref.adopted_on if ref else None
        review_due = ref.review_due if ref else None
    return {
        "council": repo.council().name,
        "title": text.title,
        "status": str(version.status),
        "version": version.label,
        "adopted_on": adopted_on.isoformat() if adopted_on else None,
        "review_due": review_due.isoformat() if review_due else None,
        "history": [a.history_json() for a in protocol.history()],
        "review_interval_months": (
            protocol.review_interval_months if protocol.review_interval_stated else None
        ),
        "sections": text.sections_json(),
    }


def show(store: Store) -> dict[str, Any] | None:
    """The current document (the draft if there is one, else the latest adopted version)."""
    with reading(store) as repo:
        protocol = repo.protocol()
        version = protocol.current if protocol is not None else None
        if protocol is None or version is None:
            return None
        return describe_version(repo, protocol, version)
