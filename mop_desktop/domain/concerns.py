"""The concern workflow as plain values: roles, categories, statuses, the routes the protocol
offers, validation, references and retention. No Qt, no SQL."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from mop_desktop.domain.dates import DateError, parse_typed_date, parse_user_date
from mop_desktop.domain.records import Council
from mop_desktop.domain.storable import UnstorableText, check_storable

ROLES = ("officer", "councillor", "clerk", "member of the public", "other")
CATEGORIES = (
    "bullying or harassment",
    "undue pressure",
    "confidentiality",
    "political neutrality",
    "personal relationships",
    "criticism of an officer in public",
    "instructions outside the formal decision process",
    "access to information",
    "other",
)
STATUSES = (
    "open",
    "informal resolution",
    "formal",
    "referred to monitoring officer",
    "closed",
)
CLOSED = "closed"
#: How a stored choice reads to the clerk where it is more than the stored words in sentence
#: case (proper nouns keep their capitals).
_CHOICE_LABELS = {"referred to monitoring officer": "Referred to the Monitoring Officer"}


#: field -> the words the case form shows for it (messages and the audit trail name fields so)
FIELD_LABELS = {
    "raised_on": "Raised on",
    "raised_by": "Raised by",
    "raised_by_role": "Their role (raised by)",
    "about": "About",
    "about_role": "Their role (about)",
    "category": "Category",
    "clauses": "Protocol clauses",
    "summary": "Summary",
    "details": "Details",
    "route": "Route",
    "status": "Status",
    "follow_up_on": "Follow up on",
    "outcome": "Outcome",
    "closed_on": "Closed on",
    "closing_date_unknown": "Closing date unknown",
    "reference": "Reference",
    "timeline": "Timeline",
}


def field_label(field_name: str) -> str:
    """ "follow_up_on" -> "Follow up on" (an unknown name is made readable the same way)."""
    return FIELD_LABELS.get(field_name, field_name.replace("_", " ").capitalize())


def choice_label(value: str) -> str:
    """A stored role, category or status as shown in the window and the PDFs, in sentence
    case: "member of the public" -> "Member of the public", "referred to monitoring officer"
    -> "Referred to the Monitoring Officer". The stored value (CSV import, the command line's
    ``--status`` and ``--json``) stays as it is."""
    label = _CHOICE_LABELS.get(value, value)
    return label[:1].upper() + label[1:]


#: The same labels under the name of the field each one reads.
status_label = role_label = category_label = choice_label


#: Route labels.
INFORMAL = "informal resolution"
MEDIATION = "mediation"
GRIEVANCE = "grievance procedure"
CODE_OF_CONDUCT = "code-of-conduct complaint to the Monitoring Officer"
TO_CLERK = "referred to the clerk"
PERFORMANCE = "performance or disciplinary matter"
PERSONNEL_CHAIR = "chair of the personnel committee"


class ConcernError(ValueError):
    """A field that cannot be accepted; ``field`` names it."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass
class Concern:
    """A concern as the clerk enters it (the reference is generated when it is first saved)."""

    raised_on: dt.date
    raised_by_role: str
    summary: str
    reference: str = ""
    raised_by: str = ""
    about: str = ""
    about_role: str = ""
    category: str = "other"
    clauses: list[str] = field(default_factory=list)
    details: str = ""
    route: str = ""
    status: str = "open"
    follow_up_on: dt.date | None = None
    outcome: str = ""
    closed_on: dt.date | None = None
    #: Closed without a known closing date (a clerk's old log): kept out of the retention
    #: review until a date is set.
    closing_date_unknown: bool = False


@dataclass(frozen=True)
class RouteGuidance:
    """What the protocol offers for a concern between these roles."""

    options: tuple[str, ...]
    guidance: str


def _monitoring_officer(council: Council) -> str:
    authority = council.principal_authority.strip()
    if authority:
        return f"the Monitoring Officer of {authority}"
    return "the Monitoring Officer of the principal authority (district or unitary council)"


def routes_for(raised_by_role: str, about_role: str, council: Council) -> RouteGuidance:
    """The routes the protocol offers, from who raised the concern and whom it is about."""
    if about_role == "clerk":
        chair = council.personnel_chair.strip()
        who = (
            f"the chair of the personnel committee ({chair})"
            if chair
            else ("the chair of the personnel committee")
        )
        return RouteGuidance(
            (PERSONNEL_CHAIR, INFORMAL, GRIEVANCE),
            f"This concern is about the clerk. It goes to {who}, not to the clerk, "
            "who must not handle it.",
        )
    if about_role == "councillor" and raised_by_role in ("officer", "clerk"):
        return RouteGuidance(
            (INFORMAL, MEDIATION, GRIEVANCE, CODE_OF_CONDUCT),
            "An officer's concern about a councillor: try informal resolution first (a word "
            "with the chair or leader), then mediation. The officer may use the grievance "
            "procedure, and a breach of the code of conduct is a complaint to "
            f"{_monitoring_officer(council)}.",
        )
    if about_role == "officer" and raised_by_role == "councillor":
        return RouteGuidance(
            (TO_CLERK, INFORMAL, PERFORMANCE),
            "A councillor's concern about an officer goes to the clerk as the officers' line "
            "manager, not to the officer in public. It may become a performance or "
            "disciplinary matter under the council's procedures.",
        )
    if about_role == "councillor":
        return RouteGuidance(
            (INFORMAL, MEDIATION, CODE_OF_CONDUCT),
            "A concern about a councillor: informal resolution or mediation, or a "
            f"code-of-conduct complaint to {_monitoring_officer(council)}.",
        )
    if about_role == "officer":
        return RouteGuidance(
            (TO_CLERK, INFORMAL, PERFORMANCE),
            "A concern about an officer goes to the clerk; it may become a performance or "
            "disciplinary matter.",
        )
    return RouteGuidance(
        (INFORMAL, MEDIATION, GRIEVANCE, CODE_OF_CONDUCT, PERFORMANCE),
        "Record the route agreed with the people involved.",
    )


# -- validation -------------------------------------------------------------------------------
def parse_date_field(
    field_name: str, value: str | dt.date | None, *, typed: bool = False
) -> dt.date | None:
    """A date field: empty -> None; ISO or dd/mm/yyyy strictly; 31/02 refused. A two-digit
    year ("2/12/26") is refused in files and on the command line; ``typed`` (a date typed into
    the window, shown back in full) reads it as 20xx (``dates.parse_typed_date``)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    if not value.strip():
        return None
    try:
        return parse_typed_date(value) if typed else parse_user_date(value)
    except DateError as exc:
        raise ConcernError(field_name, str(exc)) from None


def _choice(field_name: str, value: str, allowed: tuple[str, ...], *, blank: bool) -> str:
    """The stored value for a fixed choice. The message never repeats what was given (it may
    be personal data from a file): it names the field and the choices."""
    cleaned = " ".join(value.strip().lower().split())
    if not cleaned and blank:
        return ""
    if cleaned not in allowed:
        raise ConcernError(field_name, f"not one of: {', '.join(allowed)}")
    return cleaned


#: A category of the clerk's own is kept as written, up to this many characters.
CATEGORY_MAX = 100


def normalise_category(value: str) -> str:
    """A built-in category (any case and spacing) as stored; the clerk's own kept as written
    (spaces tidied); blank -> "other"."""
    written = " ".join(value.split())
    if not written:
        return "other"
    lowered = written.lower()
    if lowered in CATEGORIES:
        return lowered
    if len(written) > CATEGORY_MAX:
        raise ConcernError("category", f"longer than {CATEGORY_MAX} characters")
    return written


def parse_clauses(text: str) -> list[str]:
    """ "3.1, 4.2; 5" -> ["3.1", "4.2", "5"]."""
    parts = [p.strip().rstrip(".") for p in re.split(r"[,;\s]+", text) if p.strip()]
    for part in parts:
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)*[a-z]?", part):
            raise ConcernError("clauses", "not a list of clause numbers such as 3.1, 4.2")
    return parts


TEXT_FIELDS = (
    "reference",
    "raised_by",
    "about",
    "summary",
    "details",
    "route",
    "outcome",
    "raised_by_role",
    "about_role",
    "category",
    "status",
)


def check_text(field_name: str, value: str) -> None:
    """Refuse text that cannot be stored (a broken character), naming the field."""
    try:
        check_storable(value)
    except UnstorableText as exc:
        raise ConcernError(field_name, str(exc)) from None


def validate(concern: Concern) -> Concern:
    """The concern with its fields normalised; ConcernError names the first field at fault."""
    for name in TEXT_FIELDS:
        check_text(name, getattr(concern, name))
    for clause in concern.clauses:
        check_text("clauses", clause)
    concern.raised_by_role = _choice("raised_by_role", concern.raised_by_role, ROLES, blank=False)
    concern.about_role = _choice("about_role", concern.about_role, ROLES, blank=True)
    concern.category = normalise_category(concern.category)
    concern.status = _choice("status", concern.status or "open", STATUSES, blank=False)
    if not concern.summary.strip():
        raise ConcernError("summary", "a summary is required")
    if concern.raised_on is None:
        raise ConcernError("raised_on", "the date it was raised is required")
    if concern.closed_on is not None and concern.closed_on < concern.raised_on:
        raise ConcernError("closed_on", "closed before it was raised")
    if concern.status != CLOSED or concern.closed_on is not None:
        concern.closing_date_unknown = False  # a date set (or reopened) ends "unknown"
    if concern.status == CLOSED and concern.closed_on is None and not concern.closing_date_unknown:
        raise ConcernError("closed_on", "a closed concern needs the date it was closed")
    if concern.status != CLOSED and concern.closed_on is not None:
        raise ConcernError("status", "a concern with a closing date must be 'closed'")
    if concern.follow_up_on is not None and concern.follow_up_on < concern.raised_on:
        raise ConcernError("follow_up_on", "follow-up before the concern was raised")
    return concern


# -- references -------------------------------------------------------------------------------
_REF = re.compile(r"^C-(\d{4})-(\d{3,})$")
#: A reference of the clerk's own (their log's "2023/04", "ML-7") is kept as written.
REFERENCE_MAX = 60


def check_reference(reference: str) -> str:
    """A reference as stored: the clerk's own kept verbatim (outer spaces trimmed); it must be
    one line of at most REFERENCE_MAX characters."""
    value = reference.strip()
    if not value:
        raise ConcernError("reference", "a reference cannot be blank")
    if len(value) > REFERENCE_MAX or any(ch in value for ch in "\r\n\t"):
        raise ConcernError(
            "reference", f"a reference is one line of at most {REFERENCE_MAX} characters"
        )
    return value


def parse_reference(reference: str) -> tuple[int, int] | None:
    match = _REF.match(reference.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def format_reference(year: int, number: int) -> str:
    return f"C-{year}-{number:03d}"


def next_reference(year: int, highest_in_year: int) -> str:
    """C-2026-001, C-2026-002, ... one series per year of the date raised."""
    return format_reference(year, highest_in_year + 1)


# -- retention --------------------------------------------------------------------------------
def retention_ends(closed_on: dt.date, years: int) -> dt.date:
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + years, day=28)


def due_for_review(
    status: str,
    closed_on: dt.date | None,
    years: int,
    today: dt.date,
    closing_date_unknown: bool = False,
) -> bool:
    """Closed concerns whose retention period has ended are listed for review. One closed
    without a known date never is: its period cannot be counted until a date is set."""
    return (
        status == CLOSED
        and closed_on is not None
        and not closing_date_unknown
        and retention_ends(closed_on, years) <= today
    )
