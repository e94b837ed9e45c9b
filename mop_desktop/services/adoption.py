"""Adopting the draft at a minuted Full Council meeting, "reviewed, no changes", and checking
the chained adoption history.

``check_request`` returns every problem with the request by field, so a dialog can show each one
beside its field and the command line can print the first; ``adopt`` refuses a request with
any problem and leaves the store unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from mop_desktop.domain.dates import DateError, format_long, parse_user_date
from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.domain.review import next_review_date
from mop_desktop.domain.storable import unpaired_surrogate_at
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store
from mop_desktop.store.models import DocumentRow, VersionRow
from mop_desktop.store.row_values import label_for_year as label_for_year
from mop_desktop.store.row_values import used_labels as used_labels

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


@dataclass
class ChainReport:
    rows_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            n = self.rows_checked
            return f"The adoption history is intact ({n} record{'' if n == 1 else 's'} checked)."
        return "The adoption history has been altered: " + "; ".join(self.problems)


# -- labels -----------------------------------------------------------------------------------
def suggest_label(doc: DocumentRow | None, adopted_on: dt.date) -> str:
    """The year of adoption ("2026"), or "2026v2", "2026v3" when the year is taken."""
    return label_for_year(adopted_on, used_labels(doc) if doc is not None else set())


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
    if request.no_changes:
        if docs.latest_adopted(doc) is None:
            problems["document"] = (
                "No version has been adopted yet, so there is nothing to re-adopt."
            )
    elif docs.draft_of(doc) is None:
        problems["document"] = (
            'There is no draft to adopt: start the annual review, or record "reviewed, no changes".'
        )
    label = request.label.strip()
    if label and label in used_labels(doc):
        problems["version"] = f"Version {label} is already in the history: choose another label."
    if day is not None and doc.adoptions:
        last = doc.adoptions[-1].adopted_on
        if last is not None and day < last:
            problems["date"] = (
                f"{format_long(day)} is before the last adoption ({format_long(last)})."
            )
    return problems


# -- adopting ---------------------------------------------------------------------------------
def adopt(store: Store, request: AdoptionRequest, today: dt.date | None = None) -> AdoptionResult:
    """Adopt the draft (or re-adopt the current text) in one transaction.

    Raises AdoptionError naming the first field at fault; the store is then unchanged.
    """
    today = today or dt.date.today()
    with store.session() as session:
        problems = check_request(session, request, today)
        if problems:
            name = next(f for f in FIELDS if f in problems)
            raise AdoptionError(name, problems[name])
        doc = docs.protocol_document(session)
        assert doc is not None
        adopted_on = parse_user_date(request.adopted_on)
        label = request.label.strip() or suggest_label(doc, adopted_on)
        review_due = next_review_date(adopted_on, doc.review_interval_months or 12)
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
def _describe(position: int, row_label: str, adopted_on: dt.date | None) -> str:
    when = f", adopted {format_long(adopted_on)}" if adopted_on else ""
    return f"history row {position} (version {row_label or '?'}{when})"


def verify_chain(store: Store) -> ChainReport:
    """Recompute each history record's hash, its link to the record before, and the hash of
    the text of each version the record points to; report every row that does not match."""
    report = ChainReport()
    with store.session() as session:
        for doc in session.query(DocumentRow).order_by(DocumentRow.id):
            previous = ""
            for position, row in enumerate(doc.adoptions, start=1):
                report.rows_checked += 1
                record = docs.adoption_from_row(row)
                where = _describe(position, row.version_label, row.adopted_on)
                if row.prev_hash != previous:
                    report.problems.append(f"{where} no longer follows the row before it")
                if record.compute_hash() != row.record_hash:
                    report.problems.append(f"{where} has been altered")
                previous = row.record_hash
                if row.version_id is None or not row.text_sha256:
                    continue
                version = session.get(VersionRow, row.version_id)
                if version is None or not version.sections:
                    continue
                if docs.load_text(version).sha256() != row.text_sha256:
                    report.problems.append(f"the text adopted in {where} has been altered")
    return report
