"""The one way into policy.db for the protocol: load the ``domain.protocol.Protocol`` aggregate,
a version's text, the council, meetings and settings, and record an export.

On SQLAlchemy (ORM and Core ``select``), nothing specific to one database engine. Every reader
uses it: the window's dashboard and status bar, the tray, the Review page, the command line,
the PDF, web page and Word exports. Read inside one session with ``reading(store)``; a service
that already holds a session makes a ``ProtocolRepository(session)`` of its own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.protocol import AdoptionRecord, Meeting, Protocol, Version
from mop_desktop.domain.records import Adoption, Council, VersionStatus
from mop_desktop.store.models import (
    AdoptionRow,
    AdoptionSignatureRow,
    BlockRow,
    CouncilRow,
    DocumentRow,
    ExportRow,
    MeetingRow,
    SectionRow,
    SettingRow,
    VersionRow,
)

if TYPE_CHECKING:
    from mop_desktop.store.db import Store

PROTOCOL = "protocol"


# -- rows as domain values --------------------------------------------------------------------
def adoption_record(row: AdoptionRow) -> AdoptionRecord:
    return AdoptionRecord(
        id=row.id,
        version_label=row.version_label or "",
        adopted_on=row.adopted_on,
        minute_ref=row.minute_ref or "",
        review_due=row.review_due,
        reviewer=row.reviewer or "",
        adopted_by=row.adopted_by or "",
        chair=row.chair or "",
        clerk=row.clerk or "",
        text_sha256=row.text_sha256 or "",
        prev_hash=row.prev_hash or "",
        record_hash=row.record_hash or "",
        no_changes=bool(row.no_changes),
        imported=bool(row.imported),
        version_id=row.version_id,
    )


def adoption_from_row(row: AdoptionRow) -> Adoption:
    """A history row as an ``Adoption`` (for hashing and the history's forms)."""
    return adoption_record(row).to_adoption()


def version_status(stored: str | None) -> VersionStatus:
    """A stored status; one this release does not know (a row changed by hand) counts as
    superseded: never the draft, never the version in force."""
    if stored is None:
        return VersionStatus.SUPERSEDED
    try:
        return VersionStatus(stored)
    except ValueError:
        return VersionStatus.SUPERSEDED


def version_value(row: VersionRow) -> Version:
    return Version(
        id=row.id,
        label=row.label,
        status=version_status(row.status),
        title=row.title or "",
        based_on_id=row.based_on_id,
        text_sha256=row.text_sha256 or "",
        revision=row.revision or 0,
    )


def protocol_from_row(doc: DocumentRow) -> Protocol:
    """The aggregate of a document row already loaded in a session (its versions and
    adoptions are loaded through the row's relationships)."""
    return Protocol(
        document_id=doc.id,
        title=doc.title or "",
        review_interval_months=doc.review_interval_months or 12,
        review_interval_stated=bool(doc.review_interval_stated),
        versions=tuple(version_value(v) for v in doc.versions),
        adoptions=tuple(adoption_record(a) for a in doc.adoptions),
    )


def text_from_rows(
    title: str,
    sections: Iterable[tuple[SectionRow, Iterable[BlockRow]]],
) -> DocumentText:
    """A version's text from its sections in order, each with its blocks in order."""
    built = [
        Section(
            heading=s.heading or "",
            numbered=bool(s.numbered),
            source_number=s.source_number or "",
            blocks=[
                Block(
                    text=b.text or "",
                    numbered=bool(b.numbered),
                    level=b.level,
                    list_style=b.list_style,
                    items=[ListItem.from_json(i) for i in json.loads(b.items_json or "[]")],
                    source_number=b.source_number or "",
                )
                for b in blocks
            ],
        )
        for s, blocks in sections
    ]
    return DocumentText(title=title, sections=built).renumber()


# -- what the first frame, the tray and ``remind`` need ---------------------------------------
@dataclass(frozen=True)
class StoreSummary:
    """The council's name, the protocol (None when there is none, or none with a version
    yet), the stored settings (key -> JSON text, read with ``store.settings.decode``) and
    every meeting, earliest first."""

    council_name: str
    protocol: Protocol | None
    settings: Mapping[str, str] = field(default_factory=dict)
    meetings: tuple[Meeting, ...] = ()

    @property
    def meeting_dates(self) -> tuple[dt.date, ...]:
        return tuple(m.date for m in self.meetings)


class ProtocolRepository:
    """Loads and saves the protocol's values within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- the protocol ---------------------------------------------------------------------------
    def document_row(self) -> DocumentRow | None:
        return self.session.scalars(
            select(DocumentRow).where(DocumentRow.kind == PROTOCOL).order_by(DocumentRow.id)
        ).first()

    def protocol(self) -> Protocol | None:
        """The protocol with its versions and history; None when there is no protocol."""
        doc = self.document_row()
        return protocol_from_row(doc) if doc is not None else None

    def text(self, version: Version | int) -> DocumentText:
        """A version's text, read in two queries (its sections, then all their blocks)."""
        version_id = version if isinstance(version, int) else version.id
        title = self.session.scalar(select(VersionRow.title).where(VersionRow.id == version_id))
        sections = list(
            self.session.scalars(
                select(SectionRow)
                .where(SectionRow.version_id == version_id)
                .order_by(SectionRow.position)
            )
        )
        blocks: dict[int, list[BlockRow]] = {s.id: [] for s in sections}
        for block in self.session.scalars(
            select(BlockRow)
            .join(SectionRow, BlockRow.section_id == SectionRow.id)
            .where(SectionRow.version_id == version_id)
            .order_by(BlockRow.section_id, BlockRow.position)
        ):
            blocks[block.section_id].append(block)
        return text_from_rows(title or "", ((s, blocks[s.id]) for s in sections))

    def version_status(self, version_id: int) -> str | None:
        status = self.session.scalar(select(VersionRow.status).where(VersionRow.id == version_id))
        return None if status is None else str(status)

    def signatures(self, adoption_id: int) -> dict[str, bytes]:
        """The signature images recorded with an adoption, by role ("chair", "clerk")."""
        rows = self.session.execute(
            select(AdoptionSignatureRow.role, AdoptionSignatureRow.image).where(
                AdoptionSignatureRow.adoption_id == adoption_id
            )
        )
        return {str(role): bytes(image) for role, image in rows}

    # -- the council, settings, meetings --------------------------------------------------------
    def _council_row(self) -> CouncilRow | None:
        return self.session.scalars(select(CouncilRow).order_by(CouncilRow.id)).first()

    def council(self) -> Council:
        row = self._council_row()
        if row is None:
            return Council()
        return Council(
            name=row.name or "",
            principal_authority=row.principal_authority or "",
            clerk=row.clerk or "",
            chair=row.chair or "",
            personnel_chair=row.personnel_chair or "",
            address=row.address or "",
        )

    def logo(self) -> bytes | None:
        row = self._council_row()
        return bytes(row.logo) if row is not None and row.logo else None

    def setting_texts(self) -> dict[str, str]:
        """Every stored setting: key -> JSON text (``store.settings.decode`` reads it)."""
        return {
            str(k): str(v)
            for k, v in self.session.execute(select(SettingRow.key, SettingRow.value))
        }

    def setting_text(self, key: str) -> str | None:
        value = self.session.scalar(select(SettingRow.value).where(SettingRow.key == key))
        return None if value is None else str(value)

    def meetings(self, since: dt.date | None = None) -> tuple[Meeting, ...]:
        """Meetings (on or after ``since``), earliest first."""
        query = select(MeetingRow).order_by(MeetingRow.date, MeetingRow.id)
        if since is not None:
            query = query.where(MeetingRow.date >= since)
        return tuple(
            Meeting(r.date, r.body or "Full Council", r.title or "", r.location or "")
            for r in self.session.scalars(query)
        )

    def summary(self) -> StoreSummary:
        protocol = self.protocol()
        if protocol is not None and not protocol.versions:
            protocol = None
        return StoreSummary(
            council_name=self.council().name,
            protocol=protocol,
            settings=self.setting_texts(),
            meetings=self.meetings(),
        )

    # -- exports --------------------------------------------------------------------------------
    def exports_with(self, sha256: str, kind: str) -> list[tuple[int | None, str]]:
        """(version id, label) of each recorded export of ``kind`` with this SHA-256."""
        rows = self.session.execute(
            select(ExportRow.version_id, ExportRow.version_label)
            .where(ExportRow.sha256 == sha256, ExportRow.kind == kind)
            .order_by(ExportRow.id)
        )
        return [(version_id, label or "") for version_id, label in rows]

    def exports(self) -> list[tuple[str, str, str, str, dt.datetime]]:
        """Every recorded export, newest first: (path, kind, version label, SHA-256,
        created_at in naive UTC)."""
        rows = self.session.execute(
            select(
                ExportRow.path,
                ExportRow.kind,
                ExportRow.version_label,
                ExportRow.sha256,
                ExportRow.created_at,
            ).order_by(ExportRow.created_at.desc(), ExportRow.id.desc())
        )
        return [
            (p or "", k or "", label or "", sha or "", created)
            for p, k, label, sha, created in rows
        ]

    def record_export(
        self, *, version_id: int | None, version_label: str, kind: str, path: str, sha256: str
    ) -> dt.datetime:
        """Add one row to the export record; returns its ``created_at`` (naive UTC)."""
        row = ExportRow(
            version_id=version_id, version_label=version_label, kind=kind, path=path, sha256=sha256
        )
        self.session.add(row)
        self.session.flush()
        return row.created_at


# -- sessions ---------------------------------------------------------------------------------
@contextmanager
def reading(store: Store) -> Iterator[ProtocolRepository]:
    """A repository on one transaction of ``store`` (committed at the end, so an export
    recorded inside it is kept). A busy or failing disk raises ``StoreError`` saying so; a
    file that is not a sound database raises ``DamagedStoreError``."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from mop_desktop.store.db import DamagedStoreError, raise_if_environment

    try:
        with store.session() as session:
            if store.is_server:  # one snapshot for every query (PostgreSQL's default takes
                # one per statement: a draft saved meanwhile would mix two texts)
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield ProtocolRepository(session)
    except IntegrityError:
        raise
    except DBAPIError as exc:
        if store.is_server:
            from mop_desktop.store.db import server_error

            raise server_error(store.location, exc) from None
        raise_if_environment(store.path, exc.orig or exc)
        raise DamagedStoreError(
            f"{store.path.name} is damaged or not a database: {exc.orig or exc}"
        ) from None


def read_summary(store: Store) -> StoreSummary:
    """What the dashboard, the status bar, the tray and ``remind`` show (one read)."""
    with reading(store) as repo:
        return repo.summary()
