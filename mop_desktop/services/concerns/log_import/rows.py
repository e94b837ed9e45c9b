"""One row of the clerk's log as a concern, checked field by field. An error names the line
(and sheet) and the column; it never repeats what the cell holds."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from mop_desktop.domain.concerns import (
    CLOSED,
    Concern,
    ConcernError,
    check_reference,
    normalise_category,
    parse_clauses,
    validate,
)

from .mapping import describe_column
from .reader import Cell, LogImportError, Table
from .values import ValueProblem, cell_date, cell_text, match_role, match_status, role_from_name

#: A summary taken from the details (a log with only a "Description") is cut at this length.
SUMMARY_FROM_DETAILS = 120
_DATES = ("raised_on", "follow_up_on", "closed_on")


@dataclass
class Row:
    line: int
    concern: Concern
    fingerprint: str

    @property
    def reference(self) -> str:
        return self.concern.reference


def fingerprint(concern: Concern) -> str:
    """The content of an imported row, so that the same row imported again is recognised
    (case and spacing do not count). Kept only inside the encrypted register."""

    def norm(value: object) -> str:
        return " ".join(str(value or "").casefold().split())

    parts = [concern.raised_on.isoformat() if concern.raised_on else ""]
    parts += [
        norm(getattr(concern, name))
        for name in (
            "raised_by",
            "raised_by_role",
            "about",
            "about_role",
            "category",
            "summary",
            "details",
            "route",
            "status",
            "outcome",
        )
    ]
    parts += [d.isoformat() if d else "" for d in (concern.follow_up_on, concern.closed_on)]
    parts.append(",".join(concern.clauses))
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def build_row(table: Table, line: int, cells: list[Cell], columns: dict[str, list[int]]) -> Row:
    """The concern a row describes; LogImportError names the line and column at fault."""

    def fail(name: str, message: str) -> LogImportError:
        index = columns[name][0] if name in columns else None
        where = table.where(line)
        if index is None:  # a rule across fields: name the field in the form's words
            from mop_desktop.domain.concerns import field_label

            return LogImportError(f"{where}, {field_label(name).lower()}: {message}")
        return LogImportError(f"{where}, {describe_column(table, index)}: {message}")

    def at(index: int) -> Cell:
        return cells[index] if index < len(cells) else None

    def cell(name: str) -> Cell:
        return at(columns[name][0]) if name in columns else None

    def text(name: str) -> str:
        parts = []
        for position, index in enumerate(columns.get(name, [])):
            value = cell_text(at(index))
            if value:  # a second column's text is headed by its heading ("Notes: ...")
                parts.append(f"{table.headers[index]}: {value}" if position else value)
        return "\n\n".join(parts)

    dates = {}
    for name in _DATES:
        try:
            dates[name] = cell_date(cell(name))
        except ValueProblem as exc:
            raise fail(name, str(exc)) from None
    if dates["raised_on"] is None:
        raise fail("raised_on", "the date it was raised is required")
    roles = {}
    for name, person in (("raised_by_role", "raised_by"), ("about_role", "about")):
        try:
            roles[name] = match_role(text(name)) or role_from_name(text(person))
        except ValueProblem as exc:
            raise fail(name, str(exc)) from None
    try:
        status = match_status(text("status"))
    except ValueProblem as exc:
        raise fail("status", str(exc)) from None
    closed_on = dates["closed_on"]
    if not status:
        status = CLOSED if closed_on else "open"
    summary, details = text("summary"), text("details")
    if not summary and details:  # a row (or a log) with only a description
        first = details.splitlines()[0].strip()
        summary = (
            first
            if len(first) <= SUMMARY_FROM_DETAILS
            else (first[: SUMMARY_FROM_DETAILS - 1].rstrip() + "…")
        )
    reference = text("reference")
    try:
        if reference:
            reference = check_reference(reference)
        clauses = parse_clauses(text("clauses"))
        category = normalise_category(text("category"))
    except ConcernError as exc:
        raise fail(exc.field, exc.message) from None
    concern = Concern(
        raised_on=dates["raised_on"],
        raised_by_role=roles["raised_by_role"] or "other",
        summary=summary,
        reference=reference,
        raised_by=text("raised_by"),
        about=text("about"),
        about_role=roles["about_role"],
        category=category,
        clauses=clauses,
        details=details,
        route=text("route"),
        status=status,
        follow_up_on=dates["follow_up_on"],
        outcome=text("outcome"),
        closed_on=closed_on,
        closing_date_unknown=status == CLOSED and closed_on is None,
    )
    try:
        validate(concern)
    except ConcernError as exc:
        raise fail(exc.field, exc.message) from None
    return Row(line, concern, fingerprint(concern))
