"""Which column of the clerk's log holds which field: headers matched without regard to case,
spaces or punctuation, against the field names and the words clerks use for them ("Date
raised", "Ref", "Complainant", "Subject of concern", "Type", "Description", "Outcome"...),
and ``--columns "Header=field,..."`` (or the window's mapping step) for anything else.
A column mapped to ``-`` is left out."""

from __future__ import annotations

import re

from mop_desktop.domain.concerns import FIELD_LABELS

from .reader import LogImportError, Table, column_letter

REQUIRED = ("raised_on", "summary")
FIELDS = (
    "reference",
    "raised_on",
    "raised_by",
    "raised_by_role",
    "about",
    "about_role",
    "category",
    "clauses",
    "summary",
    "details",
    "route",
    "status",
    "follow_up_on",
    "outcome",
    "closed_on",
)
SKIP = "-"
#: Fields that two or more columns may fill ("Description" and "Notes", "Outcome" and "Action
#: taken"): their texts are joined, each after the first headed by its column's heading.
MERGEABLE = ("details", "outcome")

#: field -> the headers clerks give it (compared after ``normalise_header``)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": (
        "case",
        "case id",
        "log number",
        "record no",
        "record number",
        "ref id",
        "id no",
        "ref",
        "ref no",
        "reference",
        "reference no",
        "reference number",
        "ref number",
        "case ref",
        "case reference",
        "case no",
        "case number",
        "log ref",
        "log no",
        "concern ref",
        "concern no",
        "concern number",
        "our ref",
        "no",
        "number",
        "id",
    ),
    "raised_on": (
        "date reported",
        "reported",
        "date submitted",
        "submitted",
        "incident date",
        "date of incident",
        "received on",
        "date raised",
        "raised",
        "raised on",
        "date",
        "date received",
        "received",
        "date reported",
        "reported on",
        "date opened",
        "opened",
        "date logged",
        "logged",
        "date of concern",
        "date of complaint",
    ),
    "raised_by": (
        "concern raised by",
        "complaint from",
        "reporter",
        "submitted by",
        "person raising",
        "person raising concern",
        "raised by whom",
        "name of person raising",
        "raised by",
        "complainant",
        "reported by",
        "from",
        "who raised",
        "name",
        "raised by name",
        "complainant name",
        "name of complainant",
        "made by",
    ),
    "raised_by_role": (
        "role raised by",
        "their role",
        "complainant position",
        "position",
        "capacity",
        "role of person raising",
        "raised by position",
        "reporter role",
        "role",
        "raised by role",
        "their role raised by",
        "complainant role",
        "role of complainant",
        "complainant s role",
        "complainants role",
        "raised by type",
        "complainant type",
    ),
    "about": (
        "person complained about",
        "about who",
        "about whom",
        "subject of complaint",
        "named person",
        "who is it about",
        "regarding whom",
        "respondent name",
        "concerning whom",
        "about",
        "subject of concern",
        "subject",
        "concerning",
        "about whom",
        "respondent",
        "person concerned",
        "against",
        "complaint against",
        "concern about",
        "regarding",
    ),
    "about_role": (
        "role about",
        "role of person concerned",
        "respondent s role",
        "about position",
        "subject position",
        "concerning role",
        "about role",
        "their role about",
        "subject role",
        "role of subject",
        "respondent role",
        "role of respondent",
        "subject s role",
        "against role",
    ),
    "category": (
        "concern category",
        "complaint type",
        "nature of complaint",
        "topic",
        "theme",
        "area",
        "category",
        "type",
        "type of concern",
        "concern type",
        "nature of concern",
        "issue type",
        "kind",
        "classification",
        "category of concern",
    ),
    "clauses": ("clauses", "clause", "protocol clauses", "protocol clause", "clauses touched"),
    "summary": (
        "summary of concern",
        "concern summary",
        "brief details",
        "short description",
        "complaint",
        "subject matter",
        "summary",
        "title",
        "concern",
        "issue",
        "brief description",
        "short summary",
        "headline",
        "brief summary",
    ),
    "details": (
        "further details",
        "details of concern",
        "details of complaint",
        "background",
        "information",
        "full narrative",
        "details",
        "description",
        "detail",
        "notes",
        "full details",
        "narrative",
        "particulars",
        "full description",
        "comments",
        "description of concern",
    ),
    "route": (
        "handling route",
        "route taken",
        "escalation",
        "route",
        "procedure",
        "process",
        "how handled",
        "handling",
        "action route",
    ),
    "status": (
        "open closed",
        "open or closed",
        "status",
        "state",
        "stage",
        "current status",
        "progress",
    ),
    "follow_up_on": (
        "follow up by",
        "next review date",
        "review by",
        "chase date",
        "follow up date due",
        "follow up",
        "follow up on",
        "follow up date",
        "followup",
        "review date",
        "next action date",
        "next review",
        "bring forward",
        "bf date",
    ),
    "outcome": (
        "actions",
        "response",
        "outcome and action",
        "outcome action",
        "action",
        "outcome",
        "result",
        "resolution",
        "action taken",
        "outcome action taken",
        "decision",
    ),
    "closed_on": (
        "closed date",
        "resolution date",
        "date of outcome",
        "completion date",
        "date concluded",
        "date closed",
        "closed",
        "closed on",
        "closure date",
        "date of closure",
        "date resolved",
        "resolved on",
        "resolved",
        "closing date",
        "date completed",
    ),
}


def normalise_header(text: str) -> str:
    """ "Reference No." -> "reference no"; "Follow-up" -> "follow up"."""
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("_", " ").casefold()).split())


_LOOKUP: dict[str, str] = {}
for _field in FIELDS:
    _LOOKUP[normalise_header(_field)] = _field
    _LOOKUP[normalise_header(FIELD_LABELS.get(_field, _field))] = _field
for _field, _words in SYNONYMS.items():
    for _word in _words:
        _LOOKUP.setdefault(normalise_header(_word), _field)


def _lookup(header: str) -> str:
    """A heading's field: as written, else without a note in brackets ("Date raised
    (dd/mm/yyyy)") or a trailing marker ("Summary *")."""
    found = _LOOKUP.get(normalise_header(header), "")
    if not found:
        found = _LOOKUP.get(normalise_header(re.sub(r"[(\[].*?[)\]]", " ", header)), "")
    return found


def field_for_header(header: str) -> str:
    """The field a header names, or "" if none is known."""
    return _lookup(header)


def field_for_word(word: str) -> str:
    """A field named in ``--columns`` or the mapping step: its name, its label or a synonym;
    ``-`` (or "skip", "ignore") leaves the column out."""
    cleaned = normalise_header(word)
    if word.strip() == SKIP or cleaned in ("skip", "ignore", "leave out", "none"):
        return SKIP
    return _LOOKUP.get(cleaned, "")


def parse_columns(spec: str) -> dict[str, str]:
    """ "Date logged=raised_on, Notes=details, Colour=-" -> {normalised header: field}."""
    mapping: dict[str, str] = {}
    for part in (p for p in re.split(r",(?=[^,=]*=)", spec) if p.strip()):
        header, sep, word = part.rpartition("=")
        if not sep or not header.strip():
            raise LogImportError(f'--columns: "{part.strip()}" is not Header=field')
        target = field_for_word(word)
        if not target:
            raise LogImportError(
                f'--columns: "{word.strip()}" is not a field; the fields are: {", ".join(FIELDS)}'
                f" (or {SKIP} to leave a column out)"
            )
        mapping[normalise_header(header)] = target
    return mapping


def guess(headers: list[str], overrides: dict[str, str] | None = None) -> list[str]:
    """For each column: the field it holds, SKIP, or "" if unknown. A field claimed by two
    columns goes to the first; the second is left unknown (so that it is reported), except
    for the fields whose texts can be joined (MERGEABLE)."""
    overrides = overrides or {}
    result: list[str] = []
    taken: set[str] = set()
    for header in headers:
        key = normalise_header(header)
        if not key:
            result.append(SKIP)  # an unnamed column (Excel's stray formatting) is left out
            continue
        target = overrides.get(key) or _lookup(header)
        if target and target != SKIP and target in taken and target not in MERGEABLE:
            target = ""
        if target and target != SKIP:
            taken.add(target)
        result.append(target)
    return result


def describe_column(table: Table, index: int) -> str:
    """How an error names a column: 'column C "Date raised"' in a workbook, 'column "Date
    raised"' in a CSV, or just the field's name where the header is the field's name."""
    header = table.headers[index] if index < len(table.headers) else ""
    letter = f"{column_letter(index)} " if table.sheet else ""
    if header and header == normalise_header(header).replace(" ", "_") and header in FIELDS:
        return f"column {letter}{header}"
    return f'column {letter}"{header}"' if header else f"column {letter or index + 1}".strip()


def resolve(table: Table, overrides: dict[str, str] | None = None) -> dict[str, list[int]]:
    """field -> its column indexes (one, or several for MERGEABLE fields), after checking
    every column is known and the required ones are
    there (errors name the header's line and the column)."""
    overrides = dict(overrides or {})
    fields = guess(table.headers, overrides)
    where = table.where(table.header_line)
    seen: dict[str, list[int]] = {}
    for index, target in enumerate(fields):
        header = table.headers[index]
        if target == SKIP:
            continue
        if not target:
            key = normalise_header(header)
            claimed = overrides.get(key, "") or _lookup(header)
            if claimed:
                raise LogImportError(
                    f"{where}, {describe_column(table, index)}: a second column for {claimed}; "
                    f'map one of them elsewhere with --columns "{header}=FIELD" (or =- to '
                    "leave it out)"
                )
            number = column_letter(index) if table.sheet else str(index + 1)
            raise LogImportError(
                f"{where}, column {number}: unknown column '{header}'; map it with "
                f'--columns "{header}=FIELD" (or =- to leave it out)'
            )
        seen.setdefault(target, []).append(index)
    for key in overrides:
        if key not in {normalise_header(h) for h in table.headers}:
            raise LogImportError(f'--columns: the file has no column "{key}"')
    missing = [f for f in REQUIRED if f not in seen]
    if "summary" in missing and "details" in seen:
        missing.remove("summary")  # the summary is then taken from the details
    if missing:
        raise LogImportError(
            f"{where}: required column '{missing[0]}' is missing; map the column that holds it "
            f'with --columns "Header={missing[0]}"'
        )
    return seen
