"""The council, a document's versions and its adoption history, as plain values."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from enum import StrEnum


class VersionStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    SUPERSEDED = "superseded"


@dataclass
class Council:
    name: str = ""
    principal_authority: str = ""  # whose Monitoring Officer handles code-of-conduct complaints
    clerk: str = ""
    chair: str = ""
    personnel_chair: str = ""  # chair of the personnel (staffing) committee
    address: str = ""
    logo_path: str = ""


#: the stored record hash of a record written since the text link was covered; older records
#: (plain hex) keep the first payload so that their chain stays verifiable as written
RECORD_V2 = "v2-"


def record_digest(record_hash: str) -> str:
    """The hex digest of a stored record hash (without its scheme prefix)."""
    return record_hash.removeprefix(RECORD_V2)


def short_record_hash(record_hash: str) -> str:
    """The first 12 hex digits in groups of four, as printed on a PDF: "3f9a 01bc 77de"."""
    digits = record_digest(record_hash)[:12]
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def record_mac(secret: bytes, record_hash: str) -> str:
    """HMAC-SHA256 of a stored record hash under the anchor's secret (``store.anchor``)."""
    return hmac.new(secret, record_hash.encode("ascii", "replace"), hashlib.sha256).hexdigest()


@dataclass
class Adoption:
    """One row of the version table: a resolution of Full Council (or, in ``adopted_by``, the
    committee the source names) to adopt a version."""

    version_label: str
    adopted_on: dt.date | None
    minute_ref: str = ""
    review_due: dt.date | None = None
    reviewer: str = ""
    adopted_by: str = ""  # "Full Council", "Staffing Committee"; "" when not stated
    chair: str = ""
    clerk: str = ""
    text_sha256: str = ""  # empty for history imported without its text
    prev_hash: str = ""
    record_hash: str = ""
    no_changes: bool = False
    imported: bool = False
    version_id: int | None = None  # the version whose text this record adopted

    @property
    def scheme(self) -> str:
        """ "sha256-v2" (covers the text link and the import flag too) or "sha256-v1"."""
        if self.record_hash and not self.record_hash.startswith(RECORD_V2):
            return "sha256-v1"
        return "sha256-v2"

    def compute_hash(self) -> str:
        """SHA-256 over this record's fields and the previous record's hash (the chain).

        A new record (no hash yet) or one stored with the ``v2-`` prefix also covers which
        version it links to and whether it was imported; a record stored before that keeps
        the first payload, so old chains stay verifiable."""
        payload: dict[str, object] = {
            "version": self.version_label,
            "adopted_on": self.adopted_on.isoformat() if self.adopted_on else None,
            "minute_ref": self.minute_ref,
            "review_due": self.review_due.isoformat() if self.review_due else None,
            "reviewer": self.reviewer,
            "chair": self.chair,
            "clerk": self.clerk,
            "text_sha256": self.text_sha256,
            "prev_hash": self.prev_hash,
            "no_changes": self.no_changes,
        }
        legacy = self.scheme == "sha256-v1"
        if not legacy:
            payload.update(scheme=2, imported=self.imported, version_id=self.version_id)
        if self.adopted_by:  # absent when empty, so rows recorded before it keep their hash
            payload["adopted_by"] = self.adopted_by
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
        digest = hashlib.sha256(blob).hexdigest()
        return digest if legacy else RECORD_V2 + digest

    def history_json(self) -> dict[str, object]:
        """A row of ``show --json``'s history; a stored record adds its ``record_hash``."""
        row: dict[str, object] = {
            "version": self.version_label,
            "adopted_on": self.adopted_on.isoformat() if self.adopted_on else None,
            "minute_ref": self.minute_ref,
            "review_due": self.review_due.isoformat() if self.review_due else None,
            "reviewer": self.reviewer,
        }
        if self.adopted_by:
            row["body"] = self.adopted_by  # who adopted it, as in a meeting's "body"
        if self.record_hash:
            row["record_hash"] = record_digest(self.record_hash)
        return row
