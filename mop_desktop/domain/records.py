"""The council, a document's versions and its adoption history, as plain values."""

from __future__ import annotations

import datetime as dt
import hashlib
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

    def compute_hash(self) -> str:
        """SHA-256 over this record's fields and the previous record's hash (the chain)."""
        payload = {
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
        if self.adopted_by:  # absent when empty, so rows recorded before it keep their hash
            payload["adopted_by"] = self.adopted_by
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def history_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "version": self.version_label,
            "adopted_on": self.adopted_on.isoformat() if self.adopted_on else None,
            "minute_ref": self.minute_ref,
            "review_due": self.review_due.isoformat() if self.review_due else None,
            "reviewer": self.reviewer,
        }
        if self.adopted_by:
            out["body"] = self.adopted_by  # who adopted it, as in a meeting's "body"
        return out
