"""``concerns import FILE.csv`` (CLI.md): header row required, columns in any order, unknown
columns refused; all rows or none; every error names the line and the column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mop_desktop.domain.concerns import Concern, ConcernError, parse_clauses, parse_date_field

from .service import RegisterService, insert_concern

REQUIRED = ("raised_on", "raised_by_role", "summary")
OPTIONAL = (
    "reference", "raised_by", "about", "about_role", "category", "details", "route", "status",
    "follow_up_on", "outcome", "closed_on", "clauses",
)
_DATES = ("raised_on", "follow_up_on", "closed_on")


class ImportError_(ValueError):
    """One line: file, line, column, what is wrong."""


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs, after checking encoding and header."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"{path.name}: cannot be read: {exc.strerror}") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportError_(
            f"{path.name} line {line}: not UTF-8 text; save the spreadsheet as "
            "'CSV UTF-8 (comma delimited)' and import it again"
        ) from None
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportError_(f"{path.name}: the file is empty; a header row is required") from None
    names = [h.strip().lower() for h in header]
    for index, name in enumerate(names, start=1):
        if name not in REQUIRED and name not in OPTIONAL:
            raise ImportError_(
                f"{path.name} line 1, column {index}: unknown column '{header[index - 1]}'"
            )
        if names.count(name) > 1:
            raise ImportError_(f"{path.name} line 1, column {index}: column '{name}' appears twice")
    for required in REQUIRED:
        if required not in names:
            raise ImportError_(f"{path.name} line 1: required column '{required}' is missing")
    rows = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(names):
                raise ImportError_(
                    f"{path.name} line {line}: {len(record)} values for {len(names)} columns"
                )
            rows.append((line, dict(zip(names, record, strict=True))))
    except csv.Error as exc:
        raise ImportError_(f"{path.name} line {reader.line_num}: {exc}") from None
    return rows


def _concern(path: Path, line: int, row: dict[str, str]) -> Concern:
    def fail(column: str, message: str) -> ImportError_:
        return ImportError_(f"{path.name} line {line}, column {column}: {message}")

    dates = {}
    for name in _DATES:
        try:
            dates[name] = parse_date_field(name, row.get(name, ""))
        except ConcernError as exc:
            raise fail(name, exc.message) from None
    if dates["raised_on"] is None:
        raise fail("raised_on", "the date it was raised is required")
    try:
        clauses = parse_clauses(row.get("clauses", ""))
    except ConcernError as exc:
        raise fail("clauses", exc.message) from None
    return Concern(
        raised_on=dates["raised_on"],
        raised_by_role=row.get("raised_by_role", ""),
        summary=row.get("summary", "").strip(),
        reference=row.get("reference", "").strip(),
        raised_by=row.get("raised_by", "").strip(),
        about=row.get("about", "").strip(),
        about_role=row.get("about_role", ""),
        category=row.get("category", "") or "other",
        clauses=clauses,
        details=row.get("details", "").strip(),
        route=row.get("route", "").strip(),
        status=row.get("status", "") or ("closed" if dates["closed_on"] else "open"),
        follow_up_on=dates["follow_up_on"],
        outcome=row.get("outcome", "").strip(),
        closed_on=dates["closed_on"],
    )


def import_csv(service: RegisterService, path: Path) -> list[str]:
    """Add every row in one transaction; returns the references. Any error: nothing added."""
    rows = read_rows(path)
    concerns = [(line, _concern(path, line, row)) for line, row in rows]
    references: list[str] = []
    with service.session() as session:
        for line, concern in concerns:
            try:
                references.append(insert_concern(session, concern, action="imported"))
            except ConcernError as exc:
                raise ImportError_(
                    f"{path.name} line {line}, column {exc.field}: {exc.message}"
                ) from None
    return references
