"""What a PDF prints, read from the store as plain values (no reportlab here).

``load_protocol`` picks the version (a label, the draft, or by default the adopted version in
force) and gathers the council, logo, history and signature images; ``load_report`` gathers the
draft, the last adopted version and the next Full Council meeting for the council-pack report.
Both read through ``store.light_text`` (the standard library's sqlite3), so making a PDF does
not import SQLAlchemy; rows become domain values through ``store.row_values``, as in the ORM.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mop_desktop.domain.change_notes import ChangeNote, from_json
from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption, Council, VersionStatus
from mop_desktop.store import row_values as rows_
from mop_desktop.store.light_text import LightStore, ProtocolRows, VersionValues

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
    lines = [] if source.status == VersionStatus.DRAFT and not source.label else [
        source.version_line]
    adoption = source.adoption
    if adoption is not None and adoption.adopted_on:
        line = f"Adopted by {adoption.adopted_by or 'Full Council'} on " \
               f"{format_long(adoption.adopted_on)}"
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
class Meeting:
    date: dt.date
    body: str
    title: str
    location: str


@dataclass
class ReportSource:
    council: Council
    draft: ProtocolSource
    adopted: ProtocolSource | None
    meeting: Meeting | None
    today: dt.date
    taken_labels: frozenset[str] = frozenset()  # labels already used by this document
    change_notes: tuple[ChangeNote, ...] = ()  # why each change was made (the clerk's notes)


def _document(light: LightStore) -> ProtocolRows:
    doc = light.protocol()
    if doc is None or not doc.versions:
        raise PdfError("there is no protocol yet: import one or start from the model")
    return doc


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


def _source(light: LightStore, doc: ProtocolRows, version: VersionValues, *,
            with_images: bool = True) -> ProtocolSource:
    rows = doc.adoptions
    own = [r for r in rows if r.version_id == version.id]
    adoption = rows_.adoption_from_row(own[-1]) if own else None
    if version.status == VersionStatus.DRAFT or not own:
        history = [rows_.adoption_from_row(r) for r in rows]
    else:
        upto = rows.index(own[-1])
        history = [rows_.adoption_from_row(r) for r in rows[: upto + 1]]
    adopted = version.status != VersionStatus.DRAFT
    # Who signed is part of the adoption: the images recorded with it, never today's settings.
    signed = light.signatures(own[-1].id) if adopted and with_images and own else {}
    return ProtocolSource(
        version_id=version.id,
        status=str(version.status),
        label=version.label or (adoption.version_label if adoption else None),
        council=light.council(),
        text=light.text(version),
        adoption=adoption if adopted else None,
        history=history,
        logo=light.logo() if with_images else None,
        signature_chair=signed.get("chair"),
        signature_clerk=signed.get("clerk"),
    )


def load_protocol(light: LightStore, *, version_label: str | None = None,
                  draft: bool = False) -> ProtocolSource:
    """The version asked for: by label, the draft, or the adopted version in force (the
    draft when nothing has been adopted yet)."""
    doc = _document(light)
    if version_label:
        version = rows_.version_by_label(doc, version_label)
        if version is None:
            known = {a.version_label for a in doc.adoptions}
            if version_label in known:
                raise PdfError(
                    f"version {version_label} is in the version table but its text was not "
                    "kept: only versions adopted or imported with their text can be printed"
                )
            labels = ", ".join(v.label for v in doc.versions if v.label) or "none"
            raise PdfError(f"there is no version labelled '{version_label}' (known: {labels})")
    elif draft:
        version = rows_.draft_of(doc)
        if version is None:
            raise PdfError("there is no draft: start one from the adopted version first")
    else:
        version = rows_.latest_adopted(doc) or rows_.current_version(doc)
        if version is None:
            raise PdfError("there is no protocol yet: import one or start from the model")
    return _source(light, doc, version)


def next_meeting(light: LightStore, today: dt.date) -> Meeting | None:
    """The next Full Council meeting on or after ``today``, if the clerk entered one."""
    rows = light.meetings_from(today)
    full = [r for r in rows if "full council" in (r.body or "").lower()] or list(rows)
    if not full:
        return None
    row = full[0]
    return Meeting(row.date, row.body or "Full Council", row.title or "", row.location or "")


def load_report(light: LightStore, today: dt.date | None = None) -> ReportSource:
    doc = _document(light)
    draft = rows_.draft_of(doc)
    if draft is None:
        raise PdfError(
            "there is no draft to report on: the council-pack report compares the draft "
            "with the last adopted version"
        )
    adopted = rows_.latest_adopted(doc)
    day = today or dt.date.today()
    return ReportSource(
        council=light.council(),
        draft=_source(light, doc, draft, with_images=False),
        adopted=_source(light, doc, adopted, with_images=False) if adopted else None,
        meeting=next_meeting(light, day),
        today=day,
        taken_labels=frozenset(rows_.used_labels(doc)),
        change_notes=tuple(from_json(light.setting_text(f"protocol.change_notes.{draft.id}"))),
    )


def proposed_label(report: ReportSource) -> str:
    """The label the report asks the council to adopt: the draft's own, else the one the
    Adopt dialog will suggest for the meeting's date (or today's): "2026", or "2026v2" when
    2026 is already taken."""
    if report.draft.label:
        return report.draft.label
    day = report.meeting.date if report.meeting else report.today
    return rows_.label_for_year(day, report.taken_labels)
