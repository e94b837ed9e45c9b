"""Concerns about the clerk, sealed to the chair of the personnel committee.

The protocol sends a concern about the clerk to the chair of the personnel (staffing)
committee. Once the chair's key is set up (with the clerk present: the chair types their own
passphrase and keeps their own recovery sheet), such a concern can be *sealed*: its content
(who raised it, about whom, the summary, details, route, outcome, clauses, timeline and
attachments) is encrypted to the chair's key (store/sealing.py) and the readable copy in the
register is overwritten. The clerk's passphrase still opens the register, where the concern
shows only as sealed, with its reference, dates and status; the chair's passphrase opens it.

What this cannot do: someone who knows both passphrases reads everything, and while the chair
has a sealed concern open on the PC, whoever uses that PC can read it too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import Concern, ConcernError, check_text, validate
from mop_desktop.store.register import (
    AttachmentRow,
    ChairKeyRow,
    ConcernRow,
    SealedRow,
    TimelineRow,
    utcnow,
)
from mop_desktop.store.sealing import ChairEnvelope, ChairKey, SealError, seal
from mop_desktop.store.sealing import create_chair_key as _new_chair_key
from mop_desktop.store.sealing import unlock_chair as _unlock
from mop_desktop.store.sealing import unlock_chair_with_recovery_key as _unlock_recovery

from .attachments import attachment_aad, unpack
from .service import RegisterService, audit, concern_row, insert_concern, to_concern
from .service import TimelineEntry as TimelineEntry  # what add_sealed takes: public here too

SEALED_LABEL = "Sealed: held by the chair of the personnel committee"
PAYLOAD_FORMAT = "mop-desktop-sealed-concern/1"
#: Fields left readable on a sealed concern: the reference, its dates and its status.
OPEN_FIELDS = ("raised_on", "status", "follow_up_on", "closed_on")


@dataclass(frozen=True)
class SealedCase:
    concern: Concern
    timeline: list[TimelineEntry]


def chair_envelope(session: Session) -> ChairEnvelope | None:
    row = session.scalars(select(ChairKeyRow).order_by(ChairKeyRow.id.desc())).first()
    return None if row is None else ChairEnvelope.from_text(row.envelope)


def chair_is_set_up(service: RegisterService) -> bool:
    with service.session() as session:
        return session.scalar(select(ChairKeyRow.id).limit(1)) is not None


def set_up_chair(service: RegisterService, passphrase: str) -> str:
    """Create the chair's key; returns the chair's recovery key (shown and printed once)."""
    with service.session() as session:
        if session.scalar(select(ChairKeyRow.id).limit(1)) is not None:
            raise SealError("the chair's key is set up already")
    envelope, recovery_key = _new_chair_key(passphrase)
    with service.session() as session:
        session.add(ChairKeyRow(envelope=envelope.to_text()))
        audit(session, "chair's key set up")
    return recovery_key


def unlock_chair(service: RegisterService, passphrase: str) -> ChairKey:
    with service.session() as session:
        envelope = _need_envelope(session)
    return _unlock(envelope, passphrase)


def unlock_chair_with_recovery_key(service: RegisterService, recovery_key: str) -> ChairKey:
    with service.session() as session:
        envelope = _need_envelope(session)
    return _unlock_recovery(envelope, recovery_key)


def change_chair_passphrase(service: RegisterService, key: ChairKey, new_passphrase: str) -> None:
    with service.session() as session:
        envelope = _need_envelope(session)
    new = key.rewrap(envelope, new_passphrase)
    with service.session() as session:
        session.execute(delete(ChairKeyRow))
        session.add(ChairKeyRow(envelope=new.to_text()))
        audit(session, "chair's passphrase changed")


def _need_envelope(session: Session) -> ChairEnvelope:
    envelope = chair_envelope(session)
    if envelope is None:
        raise SealError(
            "no key is set up for the chair of the personnel committee: set it up first"
        )
    return envelope


def sealed_references(service: RegisterService) -> set[str]:
    with service.session() as session:
        return set(
            session.scalars(
                select(ConcernRow.reference).join(SealedRow, SealedRow.concern_id == ConcernRow.id)
            )
        )


def is_sealed(service: RegisterService, reference: str) -> bool:
    with service.session() as session:
        return session.get(SealedRow, concern_row(session, reference).id) is not None


def _payload(concern: Concern, timeline: list[TimelineEntry]) -> bytes:
    values = asdict(concern)
    for name, value in values.items():
        if isinstance(value, dt.date):
            values[name] = value.isoformat()
    body = {
        "format": PAYLOAD_FORMAT,
        "concern": values,
        "timeline": [[t.on.isoformat(), t.entry] for t in timeline],
    }
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _read_payload(reference: str, blob: bytes) -> SealedCase:
    from mop_desktop.store.sealing import SealedDamaged

    try:
        body = json.loads(blob.decode("utf-8"))
        if body.get("format") != PAYLOAD_FORMAT:
            raise ValueError("format")
        values = dict(body["concern"])
        for name in ("raised_on", "follow_up_on", "closed_on"):
            if values.get(name):
                values[name] = dt.date.fromisoformat(values[name])
        concern = Concern(**values)
        timeline = [
            TimelineEntry(dt.date.fromisoformat(on), str(text)) for on, text in body["timeline"]
        ]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise SealedDamaged(reference) from None
    return SealedCase(concern, timeline)


def _blank(row: ConcernRow) -> None:
    """Overwrite the readable copy (secure_delete and FTS5 secure-delete clear old pages)."""
    row.raised_by = ""
    row.about = ""
    row.raised_by_role = "other"
    row.about_role = "clerk"
    row.category = "other"
    row.clauses = ""
    row.summary = SEALED_LABEL
    row.details = ""
    row.route = ""
    row.outcome = ""


def _write_sealed(
    session: Session,
    row: ConcernRow,
    public_key: bytes,
    concern: Concern,
    timeline: list[TimelineEntry],
) -> None:
    concern.reference = row.reference
    payload = seal(public_key, row.reference, _payload(concern, timeline))
    existing = session.get(SealedRow, row.id)
    if existing is None:
        session.add(SealedRow(concern_id=row.id, payload=payload))
    else:
        existing.payload, existing.sealed_at = payload, utcnow()
    for name in OPEN_FIELDS:
        setattr(row, name, getattr(concern, name))
    _blank(row)
    session.execute(delete(TimelineRow).where(TimelineRow.concern_id == row.id))
    row.updated_at = utcnow()


def seal_concern(service: RegisterService, reference: str) -> None:
    """Seal an existing concern to the chair: its readable content is overwritten."""
    with service.session() as session:
        public_key = _need_envelope(session).public_key
        row = concern_row(session, reference)
        if session.get(SealedRow, row.id) is not None:
            raise SealError(f"{reference} is sealed already")
        concern = to_concern(row)
        timeline = [TimelineEntry(t.on, t.entry) for t in row.timeline]
        _write_sealed(session, row, public_key, concern, timeline)
        for attachment in session.scalars(
            select(AttachmentRow).where(AttachmentRow.concern_id == row.id)
        ):
            header = f"{attachment.filename}\n{attachment.media_type}\n".encode()
            packed = len(header).to_bytes(4, "big") + header + bytes(attachment.content)
            attachment.content = seal(public_key, attachment_aad(reference), packed)
            attachment.filename, attachment.media_type, attachment.sha256 = "sealed", "", ""
            attachment.sealed = True
        audit(session, "sealed to the chair", reference)


def add_sealed(
    service: RegisterService, concern: Concern, timeline: list[TimelineEntry] | None = None
) -> str:
    """A new concern, sealed to the chair from the moment it is saved (with ``timeline``)."""
    with service.session() as session:
        public_key = _need_envelope(session).public_key
        reference = insert_concern(session, concern)
        row = concern_row(session, reference)
        _write_sealed(session, row, public_key, concern, list(timeline or []))
        audit(session, "sealed to the chair", reference)
        return reference


def open_sealed(service: RegisterService, key: ChairKey, reference: str) -> SealedCase:
    """The sealed concern as the chair reads it."""
    with service.session() as session:
        row = concern_row(session, reference)
        sealed = session.get(SealedRow, row.id)
        if sealed is None:
            raise SealError(f"{reference} is not sealed")
        blob = bytes(sealed.payload)
        audit(session, "sealed record opened by the chair", reference)
    return _read_payload(reference, key.open(reference, blob))


def update_sealed(
    service: RegisterService,
    key: ChairKey,
    reference: str,
    concern: Concern,
    timeline: list[TimelineEntry],
) -> None:
    """Save the chair's changes: sealed again, to the same key."""
    validate(concern)
    for entry in timeline:
        check_text("timeline", entry.entry)
        if not entry.entry.strip():
            raise ConcernError("timeline", "an entry needs some text")
    open_sealed(service, key, reference)  # the chair's key must open it before it is replaced
    with service.session() as session:
        public_key = _need_envelope(session).public_key
        row = concern_row(session, reference)
        _write_sealed(session, row, public_key, concern, timeline)
        audit(session, "sealed record changed by the chair", reference)


def open_sealed_attachment(
    service: RegisterService, key: ChairKey, reference: str, attachment_id: int
) -> tuple[str, bytes]:
    from .attachments import sealed_blob

    blob = sealed_blob(service, reference, attachment_id)
    name, _media_type, data = unpack(key.open(attachment_aad(reference), blob))
    return name, data
