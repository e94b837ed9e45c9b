"""The protocol with its versions and adoption history, as one value: what is in force, the
draft, which record adopted a version, the history up to a version, the next version label,
the review date and the meeting proposed for the review.

Every service asks this aggregate instead of working these out itself; ``store.protocol_repo``
loads it. Plain frozen values: no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Set
from dataclasses import dataclass

from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.domain.review import MeetingChoice, meeting_for_review, next_review_date

FULL_COUNCIL = "Full Council"


@dataclass(frozen=True)
class Version:
    """One version of the protocol (its text is loaded separately, when it is needed)."""

    id: int
    label: str | None
    status: VersionStatus
    title: str = ""
    based_on_id: int | None = None
    text_sha256: str = ""
    revision: int = 0  # saves of the draft so far (a save from an older one is refused)

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


@dataclass(frozen=True)
class AdoptionRecord:
    """One row of the adoption history as recorded (``id`` is the row's own)."""

    id: int
    version_label: str
    adopted_on: dt.date | None
    minute_ref: str = ""
    review_due: dt.date | None = None
    reviewer: str = ""
    adopted_by: str = ""
    chair: str = ""
    clerk: str = ""
    text_sha256: str = ""
    prev_hash: str = ""
    record_hash: str = ""
    no_changes: bool = False
    imported: bool = False
    version_id: int | None = None

    def to_adoption(self) -> Adoption:
        """A fresh ``Adoption`` (the record's hash and history forms live there)."""
        return Adoption(
            version_label=self.version_label,
            adopted_on=self.adopted_on,
            minute_ref=self.minute_ref,
            review_due=self.review_due,
            reviewer=self.reviewer,
            adopted_by=self.adopted_by,
            chair=self.chair,
            clerk=self.clerk,
            text_sha256=self.text_sha256,
            prev_hash=self.prev_hash,
            record_hash=self.record_hash,
            no_changes=self.no_changes,
            imported=self.imported,
            version_id=self.version_id,
        )


@dataclass(frozen=True)
class Meeting:
    """A meeting the clerk entered or imported from a calendar."""

    date: dt.date
    body: str = FULL_COUNCIL
    title: str = ""
    location: str = ""


def label_for_year(day: dt.date, taken: Set[str]) -> str:
    """``day``'s year, or the first of "2026v2", "2026v3"... not in ``taken``."""
    base = str(day.year)
    if base not in taken:
        return base
    n = 2
    while f"{base}v{n}" in taken:
        n += 1
    return f"{base}v{n}"


def next_meeting(meetings: Iterable[Meeting], today: dt.date) -> Meeting | None:
    """The first Full Council meeting on or after ``today`` (any meeting when none is named
    Full Council), or None when none is entered."""
    ahead = sorted((m for m in meetings if m.date >= today), key=lambda m: m.date)
    full = [m for m in ahead if FULL_COUNCIL.lower() in m.body.lower()] or ahead
    return full[0] if full else None


@dataclass(frozen=True)
class Protocol:
    """The protocol document: its versions and its adoption history, each oldest first."""

    document_id: int
    title: str
    review_interval_months: int = 12
    review_interval_stated: bool = False
    versions: tuple[Version, ...] = ()
    adoptions: tuple[AdoptionRecord, ...] = ()

    # -- versions -------------------------------------------------------------------------------
    def _newest(self, status: VersionStatus) -> Version | None:
        found = [v for v in self.versions if v.status == status]
        return found[-1] if found else None

    @property
    def draft(self) -> Version | None:
        """The draft in progress, if there is one."""
        return self._newest(VersionStatus.DRAFT)

    @property
    def adopted(self) -> Version | None:
        """The version in force: the newest adopted one."""
        return self._newest(VersionStatus.ADOPTED)

    @property
    def current(self) -> Version | None:
        """What the clerk works on: the draft if there is one, else the version in force."""
        return self.draft or self.adopted

    @property
    def in_force_or_draft(self) -> Version | None:
        """What is printed by default: the version in force, else (nothing adopted yet) the
        draft."""
        return self.adopted or self.current

    def version(self, version_id: int) -> Version | None:
        return next((v for v in self.versions if v.id == version_id), None)

    def version_by_label(self, label: str) -> Version | None:
        found = [v for v in self.versions if v.label == label]
        return found[-1] if found else None

    # -- the adoption history -------------------------------------------------------------------
    @property
    def last_adoption(self) -> AdoptionRecord | None:
        return self.adoptions[-1] if self.adoptions else None

    def adoption_of(self, version: Version) -> AdoptionRecord | None:
        """The record that adopted this very version (the newest, if it was re-adopted), or
        None (a draft, or a version whose record was not linked to its text)."""
        own = [a for a in self.adoptions if a.version_id == version.id]
        return own[-1] if own else None

    def standing_adoption(self, version: Version) -> AdoptionRecord | None:
        """The record an adopted version is shown with: its own, else the newest record (an
        imported version whose history row was not linked to its text); None for a draft."""
        if version.is_draft:
            return None
        return self.adoption_of(version) or self.last_adoption

    def history(self) -> list[Adoption]:
        return [a.to_adoption() for a in self.adoptions]

    def history_up_to(self, version: Version) -> list[Adoption]:
        """The history as it stood when ``version`` was adopted (up to and including its own
        record); the whole history for a draft or a version without its own record."""
        own = self.adoption_of(version)
        if version.is_draft or own is None:
            return self.history()
        upto = self.adoptions.index(own)
        return [a.to_adoption() for a in self.adoptions[: upto + 1]]

    # -- labels ---------------------------------------------------------------------------------
    @property
    def used_labels(self) -> frozenset[str]:
        """Every label the history or the versions already carry."""
        labels = {a.version_label for a in self.adoptions if a.version_label}
        labels.update(v.label for v in self.versions if v.label)
        return frozenset(labels)

    def next_label(self, day: dt.date) -> str:
        """The label for a version adopted on ``day``: "2026", or "2026v2" when taken."""
        return label_for_year(day, self.used_labels)

    @property
    def current_label(self) -> str | None:
        """The label of the version in force as the history names it."""
        last = self.last_adoption
        adopted = self.adopted
        return (last.version_label if last else None) or (adopted.label if adopted else None)

    # -- the review -----------------------------------------------------------------------------
    @property
    def interval_months(self) -> int:
        return self.review_interval_months or 12

    @property
    def review_due(self) -> dt.date | None:
        """When the next review is due: as recorded with the newest adoption."""
        last = self.last_adoption
        return last.review_due if last else None

    def review_due_after(self, adopted_on: dt.date) -> dt.date:
        """The review date an adoption on ``adopted_on`` sets."""
        return next_review_date(adopted_on, self.interval_months)

    def review_meeting(self, meetings: Iterable[dt.date], today: dt.date) -> MeetingChoice | None:
        """The Full Council meeting proposed for the review (``domain.review``)."""
        due = self.review_due
        return meeting_for_review(meetings, due, today) if due else None
