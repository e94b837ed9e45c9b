"""``concerns import FILE`` and the window's import: the clerk's own concerns log, ``.csv`` or
``.xlsx``, taken as it is (CLI.md).

- ``reader``: the file as a table (encodings, delimiters, workbooks, hostile zips)
- ``mapping``: which column holds which field (headers, synonyms, ``--columns``)
- ``values``: roles, statuses, dates and text from the cells
- ``rows``: one row as a checked concern

All rows or none. Rows whose reference is already in the register, or (without a reference)
whose content was imported before, are skipped and counted, so importing the same log twice
adds nothing. The clerk's references and categories are kept as written; a closed concern
without a closing date is kept as closed, "closing date unknown".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import ConcernError, format_reference
from mop_desktop.store.register import ConcernRow

from ..service import RegisterService, insert_concern, next_reference, remember_category
from .mapping import FIELDS, SKIP, guess, parse_columns, resolve
from .reader import LogImportError, Table, read_table, sheet_names
from .rows import Row, build_row

__all__ = [
    "FIELDS", "SKIP", "ImportResult", "LogImportError", "PreparedLog", "guess", "import_log",
    "parse_columns", "prepare", "read_table", "sheet_names",
]

_CHUNK = 500


@dataclass
class PreparedLog:
    """A log read and checked, ready to be added (nothing is in the register yet)."""

    table: Table
    rows: list[Row]


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)  # references, in the file's order
    already_by_reference: int = 0
    already_by_content: int = 0
    new_categories: int = 0
    closing_date_unknown: int = 0

    @property
    def skipped(self) -> int:
        return self.already_by_reference + self.already_by_content

    def summary(self) -> str:
        """'Imported 30 concern(s). 12 already in the register, skipped.' and so on."""
        parts = [f"Imported {len(self.added)} concern(s)."]
        if self.skipped:
            parts.append(f"{self.skipped} already in the register, skipped.")
        if self.closing_date_unknown:
            parts.append(f"{self.closing_date_unknown} closed without a closing date: marked "
                         "\"closing date unknown\" (kept out of the retention review until a "
                         "date is set).")
        if self.new_categories:
            what = "category" if self.new_categories == 1 else "categories"
            parts.append(f"{self.new_categories} {what} of your own added to the category "
                         "list.")
        return " ".join(parts)


def prepare(path: Path, columns: str | dict[str, str] | None = None,
            sheet: str | None = None) -> PreparedLog:
    """Read and check every row (no register needed); LogImportError at the first fault.
    ``columns`` is ``--columns``' text or {header: field} from the mapping step."""
    overrides = parse_columns(columns) if isinstance(columns, str) else _normalised(columns)
    table = read_table(path, sheet)
    mapped = resolve(table, overrides)
    rows = [build_row(table, line, cells, mapped) for line, cells in table.rows]
    first_line: dict[str, int] = {}
    for row in rows:
        if not row.reference:
            continue
        if row.reference in first_line:
            where = table.where(row.line)
            from .mapping import describe_column

            raise LogImportError(
                f"{where}, {describe_column(table, mapped['reference'])}: the same reference "
                f"as line {first_line[row.reference]}; each concern's reference must be its own"
            )
        first_line[row.reference] = row.line
    return PreparedLog(table, rows)


def _normalised(columns: dict[str, str] | None) -> dict[str, str]:
    from .mapping import normalise_header

    return {normalise_header(k): v for k, v in (columns or {}).items()}


def _existing_references(session: Session, references: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(references), _CHUNK):
        chunk = references[start:start + _CHUNK]
        found.update(session.scalars(
            select(ConcernRow.reference).where(ConcernRow.reference.in_(chunk))
        ))
    return found


def _existing_fingerprints(session: Session, prints: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    unique = sorted(set(prints))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start:start + _CHUNK]
        for value, number in session.execute(
            select(ConcernRow.import_fingerprint, func.count())
            .where(ConcernRow.import_fingerprint.in_(chunk))
            .group_by(ConcernRow.import_fingerprint)
        ):
            counts[value] = number
    return counts


def add_prepared(service: RegisterService, log: PreparedLog) -> ImportResult:
    """Add the rows not already in the register, in one transaction (all or none)."""
    result = ImportResult()
    with service.session() as session:
        existing = _existing_references(session, [r.reference for r in log.rows if r.reference])
        seen = _existing_fingerprints(session, [r.fingerprint for r in log.rows
                                                if not r.reference])
        wanted: list[Row] = []
        for row in log.rows:
            if row.reference:
                if row.reference in existing:
                    result.already_by_reference += 1
                    continue
            elif seen[row.fingerprint] > 0:
                seen[row.fingerprint] -= 1  # the same row twice in a log is two concerns
                result.already_by_content += 1
                continue
            wanted.append(row)
        # The clerk's own references first, so that a "C-2026-005" of theirs is counted
        # before new references are given.
        given: dict[int, str] = {}
        for row in sorted(wanted, key=lambda r: not r.reference):
            concern = row.concern
            if not concern.reference:
                concern.reference = _next(session, given, concern.raised_on.year)
            new_category = remember_category(session, concern.category)
            result.new_categories += int(new_category)
            result.closing_date_unknown += int(concern.closing_date_unknown)
            try:
                insert_concern(session, concern, action="imported", fingerprint=row.fingerprint)
            except ConcernError as exc:
                raise LogImportError(f"{log.table.where(row.line)}, {exc.field}: {exc.message}"
                                     ) from None
        result.added = [row.concern.reference for row in wanted]
    return result


def _next(session: Session, given: dict[int, str], year: int) -> str:
    """The next C-YYYY-NNN, counted once per year from the register and then in memory."""
    from mop_desktop.domain.concerns import parse_reference

    if year not in given:
        given[year] = next_reference(session, year)
    else:
        parsed = parse_reference(given[year])
        assert parsed is not None
        given[year] = format_reference(year, parsed[1] + 1)
    return given[year]


def import_log(service: RegisterService, path: Path, columns: str | dict[str, str] | None = None,
               sheet: str | None = None) -> ImportResult:
    return add_prepared(service, prepare(path, columns, sheet))
