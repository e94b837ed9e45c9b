"""The Settings page's values: the council's details, its logo, the chair's and clerk's
signatures (kept as data: URIs in the ``pdf.signature_*`` settings, so nothing depends on the
original file staying where it was), the register's retention period and idle lock, and the
review interval (shown there; set through ``services.review_settings``). Saved in one
transaction: a picture or a number is changed only when given."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field

from mop_desktop.domain.records import Council
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.db import Store

#: register number -> (setting, allowed range)
REGISTER_NUMBERS: dict[str, tuple[settings.Setting[int], range]] = {
    "retention_years": (settings.RETENTION_YEARS, range(1, 51)),
    "idle_lock_minutes": (settings.IDLE_LOCK_MINUTES, range(1, 121)),
}
PICTURES = ("logo", "chair_signature", "clerk_signature")
_SIGNATURES = {
    "chair_signature": settings.SIGNATURE_CHAIR,
    "clerk_signature": settings.SIGNATURE_CLERK,
}
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass
class CouncilSettings:
    council: Council
    interval_months: int | None  # None: no protocol yet
    pictures: dict[str, bytes | None] = field(default_factory=dict)  # PICTURES -> bytes
    numbers: dict[str, int] = field(default_factory=dict)  # REGISTER_NUMBERS -> value


def image_type(data: bytes) -> str | None:
    """The MIME type of a picture the PDFs can carry (PNG or JPEG), None for anything else."""
    for magic, mime in _MAGIC.items():
        if data.startswith(magic):
            return mime
    return None


def data_uri(data: bytes) -> str:
    return f"data:{image_type(data)};base64,{base64.b64encode(data).decode('ascii')}"


def load_council_settings(store: Store) -> CouncilSettings:
    from mop_desktop.services.pdf.content import read_image_setting

    with store.session() as session:
        council = docs.get_council(session)
        doc = docs.protocol_document(session)
        pictures: dict[str, bytes | None] = {"logo": docs.get_council_logo(session)}
        for name, setting in _SIGNATURES.items():
            pictures[name] = read_image_setting(settings.get(session, setting))
        return CouncilSettings(
            council=council,
            interval_months=doc.review_interval_months if doc else None,
            pictures=pictures,
            numbers={
                name: settings.get(session, setting)
                for name, (setting, _allowed) in REGISTER_NUMBERS.items()
            },
        )


def save_council_settings(
    store: Store,
    council: Council,
    pictures: Mapping[str, bytes | None] | None = None,
    numbers: Mapping[str, int] | None = None,
) -> None:
    """Save the council's details; each picture given (None: removed) and each register
    number given within its range (one outside it is left as it was)."""
    with store.session() as session:
        stored = docs.get_council(session)
        council.logo_path = stored.logo_path
        docs.save_council(session, council)
        for name, data in (pictures or {}).items():
            if name == "logo":
                docs.set_council_logo(session, data)
            elif name in _SIGNATURES:
                settings.put(session, _SIGNATURES[name], data_uri(data) if data else "")
        for name, value in (numbers or {}).items():
            setting, allowed = REGISTER_NUMBERS[name]
            if value in allowed:
                settings.put(session, setting, value)
