"""What a PDF prints, read from the store as plain values (no reportlab here).

``load_protocol`` picks the version (a label, the draft, or by default the adopted version in
force) and gathers the council, logo, history and signature images; ``load_report`` gathers the
draft, the last adopted version and the next Full Council meeting for the council-pack report.
Both read through ``store.protocol_repo``; which version, which adoption record, which part of
the history and the next meeting are the ``domain.protocol`` aggregate's answers.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mop_desktop.domain.change_notes import ChangeNote, from_json
from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.protocol import Meeting as Meeting
from mop_desktop.domain.protocol import Protocol, Version, label_for_year, next_meeting
from mop_desktop.domain.records import Adoption, Council, VersionStatus
from mop_desktop.store.protocol_repo import ProtocolRepository

MAX_IMAGE_BYTES = 8 * 1024 * 1024


class PdfError(Exception):
    """A PDF that cannot be made as asked; the message is one line for the clerk."""


@dataclass
class ProtocolSource:
    """One version of the protocol and everything printed around it."""

    version_id: int
    status: str
    label: str | None
    council: Council
    text: DocumentText
    adoption: Adoption | None
    history: list[Adoption]
    logo: bytes | None
    signature_chair: bytes | None
    signature_clerk: bytes | None

    @property
    def version_line(self) -> str:
        if self.status == VersionStatus.DRAFT:
            return f"Draft version {self.label}" if self.label else "Draft"
        label = f"Version {self.label}" if self.label else "Adopted version"
        if self.status == VersionStatus.SUPERSEDED:
            return f"{label} (superseded)"
        return label


def heading_lines(source: ProtocolSource) -> list[str]:
    """The lines under the title, the same in the PDF, the web page and the Word document:
    the version, its adoption (by Full Council, or the committee the record names), the next
    review, and what a draft or superseded version is."""
    from mop_desktop.domain.dates import format_long, format_month

    # an unlabelled draft says "Draft for consideration ..." below, not "Draft" twice
    lines = (
        [] if source.status == VersionStatus.DRAFT and not source.label else [source.version_line]
    )
    adoption = source.adoption
    if adoption is not None and adoption.adopted_on:
        line = (
            f"Adopted by {adoption.adopted_by or 'Full Council'} on "
            f"{format_long(adoption.adopted_on)}"
        )
        if adoption.minute_ref:
            line += f", minute {adoption.minute_ref}"
        lines.append(line)
    if adoption is not None and adoption.review_due:
        lines.append(f"Next review due by {format_month(adoption.review_due)}")
    if source.status == VersionStatus.DRAFT:
        lines.append("Draft for consideration by Full Council: not adopted")
    if source.status == VersionStatus.SUPERSEDED:
        lines.append("Superseded: this is not the version in force")
    return lines


@dataclass
class ReportSource:
    council: Council
    draft: ProtocolSource
    adopted: ProtocolSource | None
    meeting: Meeting | None
    today: dt.date
    taken_labels: frozenset[str] = frozenset()  # labels already used by this document
    change_notes: tuple[ChangeNote, ...] = ()  # why each change was made (the clerk's notes)


def _document(repo: ProtocolRepository) -> Protocol:
    protocol = repo.protocol()
    if protocol is None or not protocol.versions:
        raise PdfError("there is no protocol yet: import one or start from the model")
    return protocol


def read_image_setting(value: str) -> bytes | None:
    """A signature image chosen in Settings: a file the clerk picked, or a data: URI. Read
    here in Python (size-capped); reportlab only ever sees the bytes."""
    value = (value or "").strip()
    if not value:
        return None
    if value.startswith("data:"):
        try:
            return base64.b64decode(value.split(",", 1)[1], validate=False)
        except (IndexError, ValueError):
            return None
    path = Path(value)
    try:
        if not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _source(
    repo: ProtocolRepository, protocol: Protocol, version: Version, *, with_images: bool = True
) -> ProtocolSource:
    own = protocol.adoption_of(version)
    adoption = own.to_adoption() if own else None
    adopted = not version.is_draft
    # Who signed is part of the adoption: the images recorded with it, never today's settings.
    signed = repo.signatures(own.id) if adopted and with_images and own else {}
    return ProtocolSource(
        version_id=version.id,
        status=str(version.status),
        label=version.label or (adoption.version_label if adoption else None),
        council=repo.council(),
        text=repo.text(version),
        adoption=adoption if adopted else None,
        history=protocol.history_up_to(version),
        logo=repo.logo() if with_images else None,
        signature_chair=signed.get("chair"),
        signature_clerk=signed.get("clerk"),
    )


def load_protocol(
    repo: ProtocolRepository, *, version_label: str | None = None, draft: bool = False
) -> ProtocolSource:
    """The version asked for: by label, the draft, or the adopted version in force (the
    draft when nothing has been adopted yet)."""
    protocol = _document(repo)
    version: Version | None
    if version_label:
        version = protocol.version_by_label(version_label)
        if version is None:
            if version_label in {a.version_label for a in protocol.adoptions}:
                raise PdfError(
                    f"version {version_label} is in the version table but its text was not "
                    "kept: only versions adopted or imported with their text can be printed"
                )
            labels = ", ".join(v.label for v in protocol.versions if v.label) or "none"
            raise PdfError(f"there is no version labelled '{version_label}' (known: {labels})")
    elif draft:
        version = protocol.draft
        if version is None:
            raise PdfError("there is no draft: start one from the adopted version first")
    else:
        version = protocol.in_force_or_draft
        if version is None:
            raise PdfError("there is no protocol yet: import one or start from the model")
    return _source(repo, protocol, version)


def load_report(repo: ProtocolRepository, today: dt.date | None = None) -> ReportSource:
    protocol = _document(repo)
    draft = protocol.draft
    if draft is None:
        raise PdfError(
            "there is no draft to report on: the council-pack report compares the draft "
            "with the last adopted version"
        )
    adopted = protocol.adopted
    day = today or dt.date.today()
    return ReportSource(
        council=repo.council(),
        draft=_source(repo, protocol, draft, with_images=False),
        adopted=_source(repo, protocol, adopted, with_images=False) if adopted else None,
        meeting=next_meeting(repo.meetings(since=day), day),
        today=day,
        taken_labels=protocol.used_labels,
        change_notes=tuple(from_json(repo.setting_text(f"protocol.change_notes.{draft.id}"))),
    )


def proposed_label(report: ReportSource) -> str:
    """The label the report asks the council to adopt: the draft's own, else the one the
    Adopt dialog will suggest for the meeting's date (or today's): "2026", or "2026v2" when
    2026 is already taken."""
    if report.draft.label:
        return report.draft.label
    day = report.meeting.date if report.meeting else report.today
    return label_for_year(day, report.taken_labels)
