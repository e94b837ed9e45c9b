"""The tables of policy.db (SQLAlchemy 2 ORM). Schema changes go through Alembic only:
add a revision under ``store/migrations/versions`` and a database file made by the previous
schema under ``tests/store/data``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class CouncilRow(Base):
    __tablename__ = "council"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, default="")
    principal_authority: Mapped[str] = mapped_column(String, default="")
    clerk: Mapped[str] = mapped_column(String, default="")
    chair: Mapped[str] = mapped_column(String, default="")
    personnel_chair: Mapped[str] = mapped_column(String, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class SettingRow(Base):
    """Typed settings live in ``store.settings``; this is their storage, JSON per key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DocumentRow(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String, default="protocol")
    title: Mapped[str] = mapped_column(String)
    review_interval_months: Mapped[int] = mapped_column(Integer, default=12)
    # set when the interval was stated (by the imported document or the clerk), not assumed
    review_interval_stated: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    versions: Mapped[list[VersionRow]] = relationship(
        back_populates="document", order_by="VersionRow.id", cascade="all, delete-orphan"
    )
    adoptions: Mapped[list[AdoptionRow]] = relationship(
        back_populates="document", order_by="AdoptionRow.id", cascade="all, delete-orphan"
    )


class VersionRow(Base):
    __tablename__ = "version"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    label: Mapped[str | None] = mapped_column(String, nullable=True)
    status: Mapped[str] = mapped_column(String, default="draft")  # draft|adopted|superseded
    title: Mapped[str] = mapped_column(String, default="")
    based_on_id: Mapped[int | None] = mapped_column(
        ForeignKey("version.id", ondelete="SET NULL"), nullable=True
    )
    text_sha256: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # migration 0006: saves of the draft, counted; a save from an older revision is refused
    revision: Mapped[int] = mapped_column(Integer, default=0)
    saved_by: Mapped[str] = mapped_column(String, default="")
    saved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    document: Mapped[DocumentRow] = relationship(back_populates="versions")
    sections: Mapped[list[SectionRow]] = relationship(
        back_populates="version", order_by="SectionRow.position", cascade="all, delete-orphan"
    )


class SectionRow(Base):
    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("version.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text, default="")
    numbered: Mapped[bool] = mapped_column(Boolean, default=True)
    source_number: Mapped[str] = mapped_column(String, default="")  # kept from an import

    version: Mapped[VersionRow] = relationship(back_populates="sections")
    blocks: Mapped[list[BlockRow]] = relationship(
        back_populates="section", order_by="BlockRow.position", cascade="all, delete-orphan"
    )


class BlockRow(Base):
    __tablename__ = "block"
    __table_args__ = (UniqueConstraint("section_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    numbered: Mapped[bool] = mapped_column(Boolean, default=True)
    source_number: Mapped[str] = mapped_column(String, default="")  # kept from an import
    level: Mapped[int] = mapped_column(Integer, default=1)
    list_style: Mapped[str | None] = mapped_column(String, nullable=True)
    items_json: Mapped[str] = mapped_column(Text, default="[]")  # nested ListItem.to_json()

    section: Mapped[SectionRow] = relationship(back_populates="blocks")


class AdoptionRow(Base):
    """A history row of the version table, chained by hash to the one before it."""

    __tablename__ = "adoption"
    #: migration 0003: one row per label of a document among the app's own adoptions
    __table_args__ = (
        Index(
            "uq_adoption_document_label",
            "document_id",
            "version_label",
            unique=True,
            sqlite_where=text("imported = 0"),
            postgresql_where=text("NOT imported"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("version.id", ondelete="SET NULL"), nullable=True
    )
    version_label: Mapped[str] = mapped_column(String, default="")
    adopted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    minute_ref: Mapped[str] = mapped_column(String, default="")
    review_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reviewer: Mapped[str] = mapped_column(String, default="")
    adopted_by: Mapped[str] = mapped_column(String, default="")  # Full Council, a committee
    chair: Mapped[str] = mapped_column(String, default="")
    clerk: Mapped[str] = mapped_column(String, default="")
    no_changes: Mapped[bool] = mapped_column(Boolean, default=False)
    imported: Mapped[bool] = mapped_column(Boolean, default=False)
    text_sha256: Mapped[str] = mapped_column(String, default="")
    prev_hash: Mapped[str] = mapped_column(String, default="")
    record_hash: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[DocumentRow] = relationship(back_populates="adoptions")


class AdoptionSignatureRow(Base):
    """A signature image (``role`` "chair" or "clerk") as it was when the adoption was
    recorded: a version prints these, never the images in today's settings."""

    __tablename__ = "adoption_signature"
    __table_args__ = (UniqueConstraint("adoption_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    adoption_id: Mapped[int] = mapped_column(ForeignKey("adoption.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String)
    image: Mapped[bytes] = mapped_column(LargeBinary)


class MeetingRow(Base):
    """A Full Council meeting the clerk entered or imported from a calendar."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(String, default="Full Council")
    title: Mapped[str] = mapped_column(String, default="")
    location: Mapped[str] = mapped_column(String, default="")
    source_uid: Mapped[str] = mapped_column(String, default="")  # UID when imported from .ics


class ExportRow(Base):
    """A PDF written by the app, with the SHA-256 of the file for ``verify``."""

    __tablename__ = "export"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("version.id", ondelete="SET NULL"), nullable=True
    )
    version_label: Mapped[str] = mapped_column(String, default="")
    kind: Mapped[str] = mapped_column(String, default="protocol")  # protocol|redline|draft
    path: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PresenceRow(Base):
    """An open editor (migration 0006): who, on which PC, what it has open ("draft:<id>"),
    last seen when. Lines not seen for a while are stale (``services.presence``)."""

    __tablename__ = "presence"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    who: Mapped[str] = mapped_column(String, default="")
    host: Mapped[str] = mapped_column(String, default="")
    what: Mapped[str] = mapped_column(String, default="")
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
