"""Attachments: the letters, e-mails, PDFs and photos a concern rests on, held inside the
encrypted register (never as plain files in the data folder, the temporary folder or a cache).

Opening one writes a temporary copy into a private folder (0700, the file 0600) for the
system's viewer; ``wipe_open_copies`` overwrites and removes every such copy, and runs when the
case is closed, when the register locks, when the app quits and when it starts (for copies
left by a crash). A file is read whole into memory once, after its size has been checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mop_desktop.store.register import AttachmentRow, ConcernRow, SealedRow, utcnow

from .service import RegisterService, audit, concern_row

#: Limits, stated in docs/register-attachments.md: a real letter, e-mail or photo is far smaller.
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_REGISTER_BYTES = 1024 * 1024 * 1024
MAX_PER_CONCERN = 200

#: What a concern can rest on, by the file's suffix.
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".txt": "text/plain",
    ".eml": "message/rfc822",
    ".msg": "application/vnd.ms-outlook",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".heic": "image/heic",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".bmp": "image/bmp",
    ".webp": "image/webp",
}

OPEN_PREFIX = "mop-open-"


class AttachmentError(ValueError):
    """One line for the user, naming the file (never its content)."""


@dataclass(frozen=True)
class Attachment:
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: dt.datetime
    sealed: bool


def _describe(row: AttachmentRow) -> Attachment:
    return Attachment(
        row.id, row.filename, row.media_type, row.size, row.sha256, row.added_at, row.sealed
    )


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def size_text(size: int) -> str:
    """12 KB, 3.4 MB: as the case form and the reports show it."""
    return _size_text(size)


def _read(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        kinds = ", ".join(sorted({s for s in MEDIA_TYPES}))
        raise AttachmentError(
            f"{path.name}: not a letter, e-mail, PDF or photo (accepted: {kinds})"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AttachmentError(
                f"{path.name} is {_size_text(size)}; an attachment can be at most "
                f"{_size_text(MAX_FILE_BYTES)}"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AttachmentError(f"{path.name}: no such file") from None
    except IsADirectoryError:
        raise AttachmentError(f"{path.name} is a folder, not a file") from None
    except OSError as exc:
        raise AttachmentError(f"{path.name} cannot be read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentError(f"{path.name} is larger than {_size_text(MAX_FILE_BYTES)}")
    if not data:
        raise AttachmentError(f"{path.name} is empty")
    return data


def _display_name(name: str) -> str:
    """The file's own name, without folders or characters no file system takes."""
    name = Path(name).name
    name = re.sub(r'[\x00-\x1f<>:"/\\|?*]', "_", name).strip(" .") or "attachment"
    return name[:200]


def add(service: RegisterService, reference: str, path: Path) -> Attachment:
    """Store the file at ``path`` with the concern ``reference``."""
    data = _read(Path(path))
    return add_bytes(service, reference, Path(path).name, data)


def add_bytes(service: RegisterService, reference: str, filename: str, data: bytes) -> Attachment:
    from mop_desktop.store.sealing import seal

    suffix = Path(filename).suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise AttachmentError(f"{_display_name(filename)}: not a letter, e-mail, PDF or photo")
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentError(
            f"{_display_name(filename)} is larger than {_size_text(MAX_FILE_BYTES)}"
        )
    with service.session() as session:
        row = concern_row(session, reference)
        used = session.scalar(select(func.coalesce(func.sum(AttachmentRow.size), 0))) or 0
        if used + len(data) > MAX_REGISTER_BYTES:
            raise AttachmentError(
                f"the register's attachments would pass {_size_text(MAX_REGISTER_BYTES)}: "
                "remove some, or keep large files elsewhere"
            )
        count = session.scalar(select(func.count()).where(AttachmentRow.concern_id == row.id)) or 0
        if count >= MAX_PER_CONCERN:
            raise AttachmentError(f"{reference} has {count} attachments already, the most allowed")
        sealed = session.get(SealedRow, row.id) is not None
        attachment = AttachmentRow(
            concern_id=row.id,
            filename=_display_name(filename),
            media_type=MEDIA_TYPES[suffix],
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content=data,
        )
        if sealed:
            attachment.content = seal(
                _chair_public_key(session), attachment_aad(reference), _pack(attachment, data)
            )
            attachment.filename, attachment.media_type, attachment.sha256 = "sealed", "", ""
            attachment.sealed = True
        session.add(attachment)
        row.updated_at = utcnow()
        session.flush()
        audit(session, "attachment added", reference, "attachments")
        return _describe(attachment)


def attachment_aad(reference: str) -> str:
    return f"{reference}/attachment"


def _pack(row: AttachmentRow, data: bytes) -> bytes:
    """A sealed attachment holds its own name and type ahead of its bytes."""
    header = f"{row.filename}\n{row.media_type}\n".encode()
    return len(header).to_bytes(4, "big") + header + data


def unpack(blob: bytes) -> tuple[str, str, bytes]:
    """(file name, media type, content) of an opened sealed attachment."""
    length = int.from_bytes(blob[:4], "big")
    name, media_type, _ = blob[4 : 4 + length].decode().split("\n")
    return name, media_type, blob[4 + length :]


def _chair_public_key(session: Session) -> bytes:
    from mop_desktop.services.concerns.sealed import chair_envelope

    envelope = chair_envelope(session)
    if envelope is None:
        raise AttachmentError("no key is set up for the chair of the personnel committee")
    return envelope.public_key


def listed(service: RegisterService, reference: str) -> list[Attachment]:
    with service.session() as session:
        row = concern_row(session, reference)
        rows = session.scalars(
            select(AttachmentRow)
            .where(AttachmentRow.concern_id == row.id)
            .order_by(AttachmentRow.id)
        )
        return [_describe(r) for r in rows]


def content(service: RegisterService, reference: str, attachment_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of one attachment of an unsealed concern."""
    with service.session() as session:
        row = _attachment(session, reference, attachment_id)
        if row.sealed:
            raise AttachmentError(
                "this attachment is sealed: only the chair of the personnel committee can open it"
            )
        return row.filename, bytes(row.content)


def sealed_blob(service: RegisterService, reference: str, attachment_id: int) -> bytes:
    with service.session() as session:
        return bytes(_attachment(session, reference, attachment_id).content)


def _attachment(session: Session, reference: str, attachment_id: int) -> AttachmentRow:
    concern = concern_row(session, reference)
    row = session.get(AttachmentRow, attachment_id)
    if row is None or row.concern_id != concern.id:
        raise AttachmentError(f"{reference} has no attachment {attachment_id}")
    return row


def remove(service: RegisterService, reference: str, attachment_id: int) -> None:
    with service.session() as session:
        row = _attachment(session, reference, attachment_id)
        session.delete(row)
        owner = session.scalars(select(ConcernRow).where(ConcernRow.reference == reference)).one()
        owner.updated_at = utcnow()
        audit(session, "attachment removed", reference, "attachments")


# -- temporary copies for the system's viewer -------------------------------------------------
def _private_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix=OPEN_PREFIX))  # mkdtemp makes it 0700


def open_copy(filename: str, data: bytes) -> Path:
    """A private temporary copy for the system's viewer; wiped by ``wipe_open_copies``."""
    folder = _private_folder()
    target = folder / _display_name(filename)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return target


def _wipe_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def wipe_open_copies(temp_root: Path | None = None) -> int:
    """Overwrite and remove every temporary copy this user's app has made; returns how many."""
    root = Path(temp_root or tempfile.gettempdir())
    wiped = 0
    try:
        folders = [p for p in root.iterdir() if p.name.startswith(OPEN_PREFIX) and p.is_dir()]
    except OSError:
        return 0
    for folder in folders:
        try:
            if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
                continue
            for item in folder.iterdir():
                if item.is_file():
                    _wipe_file(item)
                    wiped += 1
            folder.rmdir()
        except OSError:
            continue
    return wiped


def files_of(service: RegisterService, reference: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of each readable attachment of a concern, for its case report."""
    with service.session() as session:
        owner = concern_row(session, reference)
        rows = session.scalars(
            select(AttachmentRow)
            .where(AttachmentRow.concern_id == owner.id, AttachmentRow.sealed.is_(False))
            .order_by(AttachmentRow.id)
        )
        return [(r.filename, bytes(r.content)) for r in rows]


#: Kinds whose text can be read for a name (letters typed as text, e-mails).
TEXT_KINDS = (".txt", ".eml", ".rtf")


def _text_of(filename: str, data: bytes) -> str:
    stem = re.sub(r"[_\-.]+", " ", Path(filename).stem)
    if Path(filename).suffix.lower() not in TEXT_KINDS:
        return stem
    head = data[: 2 * 1024 * 1024]
    try:
        body = head.decode("utf-8")
    except UnicodeDecodeError:
        body = head.decode("cp1252", errors="replace")
    return f"{stem}\n{body}"


def naming(
    service: RegisterService, references: list[str], name: str
) -> tuple[list[tuple[str, bytes]], int]:
    """The attachments of ``references`` that name ``name`` (in the file's name, or in the
    text of a letter typed as text or an e-mail), for a subject access export; and how many
    others were left out (they do not name the person, or cannot be read for names)."""
    from .subject_access import name_words, text_match

    request = name_words(name)
    chosen: list[tuple[str, bytes]] = []
    left_out = 0
    for reference in references:
        for filename, data in files_of(service, reference):
            if request and text_match(request, _text_of(filename, data)):
                chosen.append((filename, data))
            else:
                left_out += 1
    return chosen, left_out
