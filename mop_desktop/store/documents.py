"""Reading and writing documents, versions and adoption history in policy.db."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption, Council, VersionStatus
from mop_desktop.store.models import (
    AdoptionRow,
    BlockRow,
    CouncilRow,
    DocumentRow,
    SectionRow,
    VersionRow,
)
from mop_desktop.store.protocol_repo import PROTOCOL as PROTOCOL
from mop_desktop.store.protocol_repo import adoption_from_row as adoption_from_row
from mop_desktop.store.protocol_repo import protocol_from_row, text_from_rows

DEFAULT_TITLE = "Member/Officer Relations Protocol"


# -- council ----------------------------------------------------------------------------------
def get_council(session: Session) -> Council:
    row = session.scalars(select(CouncilRow).order_by(CouncilRow.id)).first()
    if row is None:
        return Council()
    return Council(
        name=row.name,
        principal_authority=row.principal_authority,
        clerk=row.clerk,
        chair=row.chair,
        personnel_chair=row.personnel_chair,
        address=row.address,
    )


def save_council(session: Session, council: Council) -> None:
    row = session.scalars(select(CouncilRow).order_by(CouncilRow.id)).first()
    if row is None:
        row = CouncilRow()
        session.add(row)
    row.name = council.name
    row.principal_authority = council.principal_authority
    row.clerk = council.clerk
    row.chair = council.chair
    row.personnel_chair = council.personnel_chair
    row.address = council.address


def get_council_logo(session: Session) -> bytes | None:
    row = session.scalars(select(CouncilRow).order_by(CouncilRow.id)).first()
    return row.logo if row is not None and row.logo else None


def set_council_logo(session: Session, logo: bytes | None) -> None:
    """The council's logo for the PDFs (PNG or JPEG bytes); None removes it."""
    row = session.scalars(select(CouncilRow).order_by(CouncilRow.id)).first()
    if row is None:
        row = CouncilRow()
        session.add(row)
    row.logo = logo or None


# -- documents and versions -------------------------------------------------------------------
def protocol_document(session: Session) -> DocumentRow | None:
    return session.scalars(
        select(DocumentRow).where(DocumentRow.kind == PROTOCOL).order_by(DocumentRow.id)
    ).first()


def ensure_protocol(session: Session, title: str = DEFAULT_TITLE) -> DocumentRow:
    doc = protocol_document(session)
    if doc is None:
        doc = DocumentRow(kind=PROTOCOL, title=title or DEFAULT_TITLE, review_interval_months=12)
        session.add(doc)
        session.flush()
    return doc


def load_text(version: VersionRow) -> DocumentText:
    return text_from_rows(version.title, ((s, s.blocks) for s in version.sections))


# Which version is which is the aggregate's to say (``domain.protocol``); these give the row.
def _row(doc: DocumentRow, version_id: int | None) -> VersionRow | None:
    return (
        next((v for v in doc.versions if v.id == version_id), None)
        if version_id is not None
        else None
    )


def draft_of(doc: DocumentRow) -> VersionRow | None:
    draft = protocol_from_row(doc).draft
    return _row(doc, draft.id if draft else None)


def latest_adopted(doc: DocumentRow) -> VersionRow | None:
    adopted = protocol_from_row(doc).adopted
    return _row(doc, adopted.id if adopted else None)


def current_version(doc: DocumentRow) -> VersionRow | None:
    """The draft if there is one, else the latest adopted version."""
    current = protocol_from_row(doc).current
    return _row(doc, current.id if current else None)


def version_by_label(doc: DocumentRow, label: str) -> VersionRow | None:
    found = protocol_from_row(doc).version_by_label(label)
    return _row(doc, found.id if found else None)


def write_text(session: Session, version: VersionRow, text: DocumentText) -> None:
    """Replace the version's sections and blocks with ``text``. Adopted text is frozen."""
    if version.status != VersionStatus.DRAFT and version.sections:
        raise ValueError("adopted text is frozen: start a new draft to change it")
    version.sections.clear()
    session.flush()
    text.renumber()
    version.title = text.title
    for spos, section in enumerate(text.sections):
        srow = SectionRow(position=spos, heading=section.heading, numbered=section.numbered,
                          source_number=section.source_number)  # fmt: skip
        for bpos, block in enumerate(section.blocks):
            srow.blocks.append(
                BlockRow(
                    position=bpos,
                    text=block.text,
                    numbered=block.numbered,
                    source_number=block.source_number,
                    level=block.level,
                    list_style=block.list_style,
                    items_json=json.dumps([i.to_json() for i in block.items], ensure_ascii=False),
                )
            )
        version.sections.append(srow)
    version.text_sha256 = text.sha256()
    session.flush()


def create_version(
    session: Session,
    doc: DocumentRow,
    text: DocumentText,
    *,
    status: VersionStatus = VersionStatus.DRAFT,
    label: str | None = None,
    based_on: VersionRow | None = None,
) -> VersionRow:
    version = VersionRow(
        document=doc,
        status=VersionStatus.DRAFT,
        label=label,
        title=text.title,
        based_on_id=based_on.id if based_on else None,
    )
    session.add(version)
    session.flush()
    write_text(session, version, text)
    version.status = status
    session.flush()
    return version


# -- adoption history -------------------------------------------------------------------------
def history(doc: DocumentRow) -> list[Adoption]:
    return [adoption_from_row(r) for r in doc.adoptions]


def append_adoption(
    session: Session,
    doc: DocumentRow,
    adoption: Adoption,
    *,
    version: VersionRow | None = None,
    imported: bool = False,
) -> AdoptionRow:
    """Add a history row chained to the one before it (its hash covers the previous hash)."""
    previous = doc.adoptions[-1] if doc.adoptions else None
    count = len(doc.adoptions) + 1
    adoption.prev_hash = previous.record_hash if previous else ""
    adoption.version_id = version.id if version else None
    adoption.imported = imported
    adoption.record_hash = ""  # a new record: the current scheme (covers the text link)
    adoption.record_hash = adoption.compute_hash()
    row = AdoptionRow(
        document=doc,
        version_id=version.id if version else None,
        version_label=adoption.version_label,
        adopted_on=adoption.adopted_on,
        minute_ref=adoption.minute_ref,
        review_due=adoption.review_due,
        reviewer=adoption.reviewer,
        adopted_by=adoption.adopted_by,
        chair=adoption.chair,
        clerk=adoption.clerk,
        no_changes=adoption.no_changes,
        imported=imported,
        text_sha256=adoption.text_sha256,
        prev_hash=adoption.prev_hash,
        record_hash=adoption.record_hash,
    )
    session.add(row)  # ``document=doc`` has put it in ``doc.adoptions`` (once)
    session.flush()
    from mop_desktop.store.anchor import note_record

    note_record(session, doc.id, count, row.record_hash)
    return row
