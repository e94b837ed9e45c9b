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
from mop_desktop.store.row_values import (  # shared with the sqlite3 path (store.light_text)
    adoption_from_row as adoption_from_row,
)
from mop_desktop.store.row_values import current_version as current_version
from mop_desktop.store.row_values import draft_of as draft_of
from mop_desktop.store.row_values import latest_adopted as latest_adopted
from mop_desktop.store.row_values import text_from_rows
from mop_desktop.store.row_values import version_by_label as version_by_label

PROTOCOL = "protocol"
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
    return text_from_rows(version.title, (
        (s.heading, s.numbered,
         ((b.text, b.numbered, b.level, b.list_style, b.items_json, b.source_number)
          for b in s.blocks), s.source_number)
        for s in version.sections
    ))


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
                    items_json=json.dumps(
                        [i.to_json() for i in block.items], ensure_ascii=False
                    ),
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
