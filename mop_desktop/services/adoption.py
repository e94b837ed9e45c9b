"""Adopting the draft at a minuted Full Council meeting, "reviewed, no changes", and checking
the chained adoption history.

``check_request`` returns every problem with the request by field, so a dialog can show each one
beside its field and the command line can print the first; ``adopt`` refuses a request with
any problem and leaves the store unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from mop_desktop.domain.dates import DateError, format_long, parse_user_date
from mop_desktop.domain.protocol import label_for_year
from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.domain.storable import unpaired_surrogate_at
from mop_desktop.services.history_check import ChainReport as ChainReport
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store
from mop_desktop.store.models import DocumentRow, VersionRow
from mop_desktop.store.protocol_repo import protocol_from_row

#: field names used in problems (the dialog maps them to its widgets)
FIELDS = ("date", "minute", "reviewer", "version", "chair", "clerk", "document")


class AdoptionError(ValueError):
    """A request that cannot be adopted; ``field`` names the input at fault."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass
class AdoptionRequest:
    adopted_on: str  # as typed: 2026-03-23 or 23/03/2026
    minute_ref: str
    reviewer: str
    label: str = ""  # empty: suggested from the year
    chair: str = ""
    clerk: str = ""
    no_changes: bool = False


@dataclass
class AdoptionResult:
    label: str
    adopted_on: dt.date
    review_due: dt.date
    no_changes: bool


# -- labels -----------------------------------------------------------------------------------
def suggest_label(doc: DocumentRow | None, adopted_on: dt.date) -> str:
    """The year of adoption ("2026"), or "2026v2", "2026v3" when the year is taken."""
    if doc is None:
        return label_for_year(adopted_on, frozenset())
    return protocol_from_row(doc).next_label(adopted_on)


def suggested_label(store: Store, adopted_on: dt.date) -> str:
    with store.session() as session:
        return suggest_label(docs.protocol_document(session), adopted_on)


# -- checking a request -----------------------------------------------------------------------
def _parse_date(text: str, today: dt.date) -> tuple[dt.date | None, str | None]:
    if not text.strip():
        return None, "Enter the date of the meeting that adopted it."
    try:
        day = parse_user_date(text)
    except DateError as exc:
        return None, f"{exc}."
    if day > today:
        return None, f"{format_long(day)} is in the future: adopt it after the meeting."
    return day, None


def check_request(
    session: Session, request: AdoptionRequest, today: dt.date | None = None
) -> dict[str, str]:
    """Every problem with ``request``, keyed by field name; empty when it can be adopted."""
    today = today or dt.date.today()
    problems: dict[str, str] = {}
    typed = {
        "date": request.adopted_on,
        "minute": request.minute_ref,
        "reviewer": request.reviewer,
        "chair": request.chair,
        "clerk": request.clerk,
        "version": request.label,
    }
    for name, value in typed.items():
        position = unpaired_surrogate_at(value)
        if position is not None:
            problems[name] = (
                f"The text has a broken character (half of an emoji or symbol) at character "
                f"{position + 1}: retype it."
            )
    day: dt.date | None = None
    if "date" not in problems:
        day, message = _parse_date(request.adopted_on, today)
        if message:
            problems["date"] = message
    if not request.minute_ref.strip():
        problems["minute"] = "Enter the minute reference of the resolution (e.g. 2026-101)."
    if not request.reviewer.strip():
        problems["reviewer"] = "Enter the originator or reviewer."
    doc = docs.protocol_document(session)
    if doc is None or not doc.versions:
        problems["document"] = "There is no protocol yet: import one or start from the model."
        return problems
    protocol = protocol_from_row(doc)
    if request.no_changes:
        if protocol.adopted is None:
            problems["document"] = (
                "No version has been adopted yet, so there is nothing to re-adopt."
            )
    elif protocol.draft is None:
        problems["document"] = (
            'There is no draft to adopt: start the annual review, or record "reviewed, no changes".'
        )
    label = request.label.strip()
    if label and label in protocol.used_labels:
        problems["version"] = f"Version {label} is already in the history: choose another label."
    if day is not None and protocol.last_adoption is not None:
        last = protocol.last_adoption.adopted_on
        if last is not None and day < last:
            problems["date"] = (
                f"{format_long(day)} is before the last adoption ({format_long(last)})."
            )
    return problems


# -- adopting ---------------------------------------------------------------------------------
def _state(doc: DocumentRow | None) -> tuple[int | None, int | None]:
    """What an adoption depends on: the newest history row and the draft (their ids)."""
    if doc is None:
        return None, None
    protocol = protocol_from_row(doc)
    latest, draft = protocol.last_adoption, protocol.draft
    return latest.id if latest is not None else None, draft.id if draft is not None else None


def _adopted_meanwhile(session: Session, doc: DocumentRow | None) -> AdoptionError:
    label = doc.adoptions[-1].version_label if doc is not None and doc.adoptions else "?"
    return AdoptionError("document", f"the draft was adopted meanwhile (version {label})")


def _same_resolution(doc: DocumentRow | None, request: AdoptionRequest) -> bool:
    """The newest history row records this very resolution (same minute, same date): a
    second program sent the same adoption a moment later."""
    if doc is None or not doc.adoptions:
        return False
    last = doc.adoptions[-1]
    try:
        day = parse_user_date(request.adopted_on)
    except DateError:
        return False
    minute = " ".join(request.minute_ref.split()).casefold()
    return last.adopted_on == day and " ".join(last.minute_ref.split()).casefold() == minute


def adopt(store: Store, request: AdoptionRequest, today: dt.date | None = None) -> AdoptionResult:
    """Adopt the draft (or re-adopt the current text) in one transaction.

    Raises AdoptionError naming the first field at fault; the store is then unchanged. Two
    adoptions at once (the window and the command line, or two offices): the request is checked
    against what was there when it was made, then again inside a transaction that holds the
    write lock from its start (``Store.write_session``: ``BEGIN IMMEDIATE`` on SQLite; the
    document row is locked ``FOR UPDATE`` on PostgreSQL). If another adoption came in between,
    this one is refused: "the draft was adopted meanwhile (version X)". The unique index on
    (document, version label) refuses a second row with the same label on any database.
    """
    today = today or dt.date.today()
    with store.session() as session:
        problems = check_request(session, request, today)
        doc = docs.protocol_document(session)
        if problems:
            if (
                "document" in problems and not request.no_changes and _same_resolution(doc, request)
            ):  # it came in just before this one
                meanwhile = _adopted_meanwhile(session, doc)
                raise AdoptionError("document", f"{meanwhile}: there is no draft left to adopt")
            name = next(f for f in FIELDS if f in problems)
            raise AdoptionError(name, problems[name])
        seen = _state(doc)
    try:
        return _adopt_locked(store, request, today, seen)
    except AdoptionError:
        raise
    except Exception as exc:
        from sqlalchemy.exc import IntegrityError

        if isinstance(exc, IntegrityError):  # the label index: another adoption won
            with store.session() as session:
                raise _adopted_meanwhile(session, docs.protocol_document(session)) from None
        raise


def _adopt_locked(
    store: Store, request: AdoptionRequest, today: dt.date, seen: tuple[int | None, int | None]
) -> AdoptionResult:
    from sqlalchemy import select

    with store.write_session() as session:
        doc = docs.protocol_document(session)
        if doc is not None:  # PostgreSQL: hold the document's row (SQLite ignores FOR UPDATE)
            session.execute(
                select(DocumentRow.id).where(DocumentRow.id == doc.id).with_for_update()
            ).all()
        if _state(doc) != seen or _same_resolution(doc, request):
            raise _adopted_meanwhile(session, doc)
        problems = check_request(session, request, today)
        if problems:
            name = next(f for f in FIELDS if f in problems)
            raise AdoptionError(name, problems[name])
        assert doc is not None
        adopted_on = parse_user_date(request.adopted_on)
        protocol = protocol_from_row(doc)
        label = request.label.strip() or protocol.next_label(adopted_on)
        review_due = protocol.review_due_after(adopted_on)
        if request.no_changes:
            version = docs.latest_adopted(doc)
        else:
            version = _freeze_draft(doc, label)
        assert version is not None
        text_sha = docs.load_text(version).sha256()
        row = docs.append_adoption(
            session,
            doc,
            Adoption(
                version_label=label,
                adopted_on=adopted_on,
                minute_ref=request.minute_ref.strip(),
                review_due=review_due,
                reviewer=request.reviewer.strip(),
                chair=request.chair.strip(),
                clerk=request.clerk.strip(),
                text_sha256=text_sha,
                no_changes=request.no_changes,
            ),
            version=version,
        )
        _record_signatures(session, row.id, request)
        return AdoptionResult(label, adopted_on, review_due, request.no_changes)


def _record_signatures(session: Session, adoption_id: int, request: AdoptionRequest) -> None:
    """The signature images in Settings at the moment of adoption, kept with the adoption
    for each signatory whose name is recorded: the version prints these ever after."""
    from mop_desktop.services.pdf.content import read_image_setting
    from mop_desktop.store import settings
    from mop_desktop.store.models import AdoptionSignatureRow

    for role, name, setting in (
        ("chair", request.chair, settings.SIGNATURE_CHAIR),
        ("clerk", request.clerk, settings.SIGNATURE_CLERK),
    ):
        image = read_image_setting(settings.get(session, setting)) if name.strip() else None
        if image:
            session.add(AdoptionSignatureRow(adoption_id=adoption_id, role=role, image=image))


def _freeze_draft(doc: DocumentRow, label: str) -> VersionRow:
    draft = docs.draft_of(doc)
    assert draft is not None
    for version in doc.versions:
        if version.status == VersionStatus.ADOPTED:
            version.status = VersionStatus.SUPERSEDED
    draft.status = VersionStatus.ADOPTED
    draft.label = label
    return draft


# -- the chain --------------------------------------------------------------------------------
def verify_chain(store: Store) -> ChainReport:
    """Recompute each history record's hash and its link to the record before, check the text
    of each version a record adopted, that every adopted version has its record, and that the
    newest records are all there (``services.history_check``)."""
    from mop_desktop.services.history_check import verify_chain as check

    return check(store)
