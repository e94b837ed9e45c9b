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

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import CATEGORIES, format_reference
from mop_desktop.store.register import AuditRow, ConcernRow, UserCategoryRow, utcnow

from ..service import (
    RegisterService,
    column_values,
    current_actor,
    next_reference,
    user_categories,
)
from .mapping import FIELDS, SKIP, guess, parse_columns, resolve
from .reader import Cell, LogImportError, Table, read_table, sheet_names
from .rows import Row, build_row

__all__ = [
    "FIELDS",
    "SKIP",
    "ImportResult",
    "LogImportError",
    "PreparedLog",
    "Table",
    "guess",
    "import_log",
    "parse_columns",
    "prepare",
    "read_table",
    "sheet_names",
]

_CHUNK = 500
#: Concerns per INSERT statement (19 values each, within SQLite's 32,766 parameters).
_ROWS_PER_INSERT = 1000
IMPORT_CACHE_KIB = 64 * 1024


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
            parts.append(
                f"{self.closing_date_unknown} closed without a closing date: marked "
                '"closing date unknown" (kept out of the retention review until a '
                "date is set)."
            )
        if self.new_categories:
            what = "category" if self.new_categories == 1 else "categories"
            parts.append(f"{self.new_categories} {what} of your own added to the category list.")
        return " ".join(parts)


def prepare(
    path: Path, columns: str | dict[str, str] | None = None, sheet: str | None = None
) -> PreparedLog:
    """Read and check every row (no register needed); LogImportError at the first fault.
    ``columns`` is ``--columns``' text or {header: field} from the mapping step."""
    overrides = parse_columns(columns) if isinstance(columns, str) else _normalised(columns)
    table = read_table(path, sheet)
    mapped = resolve(table, overrides)
    for line, cells in table.rows:
        _check_unheaded(table, line, cells)
    rows = [build_row(table, line, cells, mapped) for line, cells in table.rows]
    first_line: dict[str, int] = {}
    for row in rows:
        if not row.reference:
            continue
        if row.reference in first_line:
            where = table.where(row.line)
            from .mapping import describe_column

            raise LogImportError(
                f"{where}, {describe_column(table, mapped['reference'][0])}: the same reference "
                f"as line {first_line[row.reference]}; each concern's reference must be its own"
            )
        first_line[row.reference] = row.line
    return PreparedLog(table, rows)


def _check_unheaded(table: Table, line: int, cells: list[Cell]) -> None:
    """A value in a column without a heading is refused rather than dropped: in a CSV it is
    usually a comma inside a cell that was not quoted, which shifts every column after it."""
    from .mapping import describe_column
    from .reader import column_letter

    for index, cell in enumerate(cells):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if index >= len(table.headers):
            if not table.sheet:
                raise LogImportError(
                    f"{table.where(line)}: {len(cells)} values for {len(table.headers)} "
                    "columns (a comma inside a value needs the value in double quotes)"
                )
            raise LogImportError(
                f"{table.where(line)}, column {column_letter(index)}: a value in a column "
                "without a heading; give the column a heading (and map it) or clear it"
            )
        if not table.headers[index]:
            raise LogImportError(
                f"{table.where(line)}, {describe_column(table, index)}: a value in a column "
                "without a heading; give the column a heading (and map it) or clear it"
            )


def _normalised(columns: dict[str, str] | None) -> dict[str, str]:
    from .mapping import normalise_header

    return {normalise_header(k): v for k, v in (columns or {}).items()}


def _existing_references(session: Session, references: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(references), _CHUNK):
        chunk = references[start : start + _CHUNK]
        found.update(
            session.scalars(select(ConcernRow.reference).where(ConcernRow.reference.in_(chunk)))
        )
    return found


def _existing_fingerprints(session: Session, prints: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    unique = sorted(set(prints))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        for value, number in session.execute(
            select(ConcernRow.import_fingerprint, func.count())
            .where(ConcernRow.import_fingerprint.in_(chunk))
            .group_by(ConcernRow.import_fingerprint)
        ):
            if value is not None:  # never: NULL is in no list
                counts[value] = number
    return counts


def add_prepared(service: RegisterService, log: PreparedLog) -> ImportResult:
    """Add the rows not already in the register, in one transaction (all or none).

    Every row was validated by ``prepare``; here the new ones are written in bulk (one
    multi-row insert for the concerns, one for their audit entries), not one ORM object each,
    so that a log of thousands of rows takes seconds."""
    result = ImportResult()
    with service.session() as session:
        # A larger page cache for this connection: the search index of thousands of new rows
        # is built in memory instead of decrypting and re-encrypting the same pages.
        session.execute(text(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))
        existing = _existing_references(session, [r.reference for r in log.rows if r.reference])
        seen = _existing_fingerprints(session, [r.fingerprint for r in log.rows if not r.reference])
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
        _give_references(session, wanted)
        known = set(user_categories(session))
        new_categories = sorted({row.concern.category for row in wanted} - set(CATEGORIES) - known)
        now = utcnow()
        if new_categories:
            session.execute(
                insert(UserCategoryRow),
                [{"name": name, "added_at": now} for name in new_categories],
            )
        values = [
            {
                "reference": row.concern.reference,
                "import_fingerprint": row.fingerprint,
                "created_at": now,
                "updated_at": now,
                **column_values(row.concern),
            }
            for row in wanted
        ]
        _insert_concerns(session, values)
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            actor = current_actor()
            session.execute(
                insert(AuditRow),
                [
                    {
                        "at": now,
                        "actor": actor,
                        "action": "imported",
                        "reference": row.concern.reference,
                        "field": "",
                    }
                    for row in chunk
                ],
            )
        result.added = [row.concern.reference for row in wanted]
        result.new_categories = len(new_categories)
        result.closing_date_unknown = sum(row.concern.closing_date_unknown for row in wanted)
    return result


def _insert_concerns(session: Session, values: list[dict[str, object]]) -> None:
    """One multi-row INSERT per ``_ROWS_PER_INSERT`` concerns, not one statement per row: the
    search index (FTS5, filled by a trigger) writes its new terms once per statement, which
    makes thousands of rows take seconds instead of minutes. The values are converted by the
    columns' own types, as the ORM would store them."""
    if not values:
        return
    connection = session.connection()
    dialect = connection.dialect
    table = ConcernRow.__table__
    names = list(values[0])
    processors = [table.c[name].type.bind_processor(dialect) for name in names]
    row_marks = "(" + ", ".join("?" for _ in names) + ")"
    for start in range(0, len(values), _ROWS_PER_INSERT):
        chunk = values[start : start + _ROWS_PER_INSERT]
        parameters: list[object] = []
        for item in chunk:
            for name, process in zip(names, processors, strict=True):
                value = item[name]
                parameters.append(process(value) if process and value is not None else value)
        connection.exec_driver_sql(
            f"INSERT INTO concern ({', '.join(names)}) VALUES "
            + ", ".join(row_marks for _ in chunk),
            tuple(parameters),
        )


def _give_references(session: Session, rows: list[Row]) -> None:
    """The next C-YYYY-NNN of the year raised for each row without a reference: after the
    highest in the register and among the clerk's own references in the file."""
    from mop_desktop.domain.concerns import parse_reference

    highest: dict[int, int] = {}
    for row in rows:
        parsed = parse_reference(row.reference) if row.reference else None
        if parsed:
            highest[parsed[0]] = max(highest.get(parsed[0], 0), parsed[1])
    counted: set[int] = set()
    for row in rows:
        if row.reference:
            continue
        year = row.concern.raised_on.year
        if year not in counted:  # the register's highest, read once per year
            in_register = parse_reference(next_reference(session, year))
            assert in_register is not None
            highest[year] = max(highest.get(year, 0), in_register[1] - 1)
            counted.add(year)
        highest[year] += 1
        row.concern.reference = format_reference(year, highest[year])


def import_log(
    service: RegisterService,
    path: Path,
    columns: str | dict[str, str] | None = None,
    sheet: str | None = None,
) -> ImportResult:
    return add_prepared(service, prepare(path, columns, sheet))
