"""Reading a clerk's concerns log as a table: ``.csv`` (UTF-8 with or without BOM, UTF-16 with
its BOM, else Windows-1252; comma, semicolon, tab or bar sniffed) or ``.xlsx`` (openpyxl in
read-only mode, real date cells, the first sheet unless one is named).

A workbook is a zip: its member count and unpacked size are checked before openpyxl sees it,
so a small hostile file cannot expand to gigabytes. Nothing here echoes a cell's content in a
message; messages name the file, sheet, line and column only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

Cell = str | int | float | dt.date | dt.datetime | None

#: Far above any real log; refused with one line rather than read.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
#: The header is the first of these non-blank rows that names two known fields (a log may
#: have a title row or two above it); otherwise the first non-blank row.
HEADER_SEARCH_ROWS = 10


class LogImportError(ValueError):
    """One line: file, sheet, line, column, what is wrong (never a cell's content)."""


@dataclass
class Table:
    """A log's header and its non-blank rows, each with the line (row) number it had."""

    file: str
    sheet: str = ""  # a workbook's sheet name; "" for CSV
    header_line: int = 1
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)

    def where(self, line: int | None = None) -> str:
        """'log.xlsx, sheet "Log", line 14' / 'log.csv line 14'."""
        if line is None:
            return self.file + (f', sheet "{self.sheet}"' if self.sheet else "")
        return (
            f'{self.file}, sheet "{self.sheet}", line {line}'
            if self.sheet
            else f"{self.file} line {line}"
        )


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _worksheet_cell(value: object) -> Cell:
    """A worksheet value as a ``Cell``; openpyxl's other kinds (a time of day, a duration, a
    decimal) as their text, which is how the rest of the import reads them."""
    if value is None or isinstance(value, str | int | float | dt.date):
        return value
    return str(value)


def read_table(path: Path, sheet: str | None = None) -> Table:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".xls", ".ods", ".numbers"):
        raise LogImportError(
            f"{path.name}: save the log as an Excel workbook (.xlsx) or as CSV and import that"
        )
    if sheet:
        raise LogImportError(f"{path.name}: --sheet is only for an Excel workbook (.xlsx)")
    return _read_csv(path)


# -- CSV --------------------------------------------------------------------------------------
def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise LogImportError(f"{path.name}: not readable UTF-16 text") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel's "CSV (comma delimited)" on a British Windows PC
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise LogImportError(
                f"{path.name} line {line}: not text in a known encoding; save the spreadsheet "
                "as 'CSV UTF-8 (comma delimited)' and import it again"
            ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LogImportError(f"{path.name} line {line}: not a text file (it holds NUL bytes)")
    return text


class _Log(csv.excel):
    """Excel's CSV (double quotes, doubled inside a value) with the delimiter found."""


def _dialect(text: str) -> type[csv.Dialect]:
    """The delimiter is the one of , ; tab | found most often (outside quotes) in one of the
    first lines: Excel in much of Europe saves with semicolons; a title line above the
    headings holds none."""
    lines = [line for line in text.splitlines()[: HEADER_SEARCH_ROWS * 2] if line.strip()]
    best, most = ",", 0
    for line in lines[:HEADER_SEARCH_ROWS]:  # a title line above the headings has none
        outside = re.sub(r'"[^"]*"', "", line)
        for candidate in ",;\t|":
            if outside.count(candidate) > most:
                best, most = candidate, outside.count(candidate)

    class Dialect(_Log):
        delimiter = best

    return Dialect


def _read_csv(path: Path) -> Table:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LogImportError(
                f"{path.name}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; no concerns "
                "log is that large"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise LogImportError(f"{path.name}: cannot be read: {exc.strerror}") from None
    text = _decode(path, raw)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    records: list[tuple[int, list[Cell]]] = []
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(records) > MAX_ROWS:
                raise LogImportError(f"{path.name}: more than {MAX_ROWS:,} rows")
            records.append((start, list(record)))
    except csv.Error:
        raise LogImportError(
            f"{path.name} line {reader.line_num}: not valid CSV (a quote left open?)"
        ) from None
    return _with_header(Table(path.name), records)


# -- Excel ------------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LogImportError(f"{path.name}: larger than {MAX_FILE_BYTES // 2**20} MB")
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError as exc:
        raise LogImportError(f"{path.name}: cannot be read: {exc.strerror}") from None
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise LogImportError(f"{path.name}: not an Excel workbook (.xlsx)") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise LogImportError(f"{path.name}: not a workbook this app reads (too many parts)")
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise LogImportError(
            f"{path.name}: unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; no concerns "
            "log is that large"
        )


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    _check_zip(path)
    import openpyxl  # only when a workbook is imported: the CLI starts without it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any fault inside the workbook becomes one line
        raise LogImportError(f"{path.name}: not a readable Excel workbook (.xlsx)") from None
    try:
        names = workbook.sheetnames
        if sheet:
            chosen = next(
                (n for n in names if n.strip().casefold() == sheet.strip().casefold()), None
            )
            if chosen is None:
                raise LogImportError(
                    f'{path.name}: no sheet named "{sheet}"; its sheets are: '
                    + ", ".join(f'"{n}"' for n in names)
                )
        elif names:
            chosen = names[0]
        else:
            raise LogImportError(f"{path.name}: the workbook has no sheets")
        worksheet = workbook[chosen]
        if not hasattr(worksheet, "iter_rows"):
            raise LogImportError(f'{path.name}, sheet "{chosen}": a chart, not a table')
        records: list[tuple[int, list[Cell]]] = []
        try:
            for number, values in enumerate(
                worksheet.iter_rows(min_row=1, values_only=True), start=1
            ):
                cells = [_worksheet_cell(value) for value in values]
                if all(_blank(c) for c in cells):
                    continue
                if len(records) > MAX_ROWS:
                    raise LogImportError(
                        f'{path.name}, sheet "{chosen}": more than {MAX_ROWS:,} rows'
                    )
                while cells and _blank(cells[-1]):
                    cells.pop()
                records.append((number, cells))
        except LogImportError:
            raise
        except Exception:  # noqa: BLE001
            raise LogImportError(
                f'{path.name}, sheet "{chosen}": not a readable Excel worksheet'
            ) from None
    finally:
        workbook.close()
    return _with_header(Table(path.name, sheet=chosen), records)


# -- the header -------------------------------------------------------------------------------
def _with_header(table: Table, records: list[tuple[int, list[Cell]]]) -> Table:
    from .mapping import field_for_header

    if not records:
        raise LogImportError(f"{table.where()}: the file is empty; a header row is required")
    chosen = 0
    for index, (_, cells) in enumerate(records[:HEADER_SEARCH_ROWS]):
        known = sum(1 for c in cells if isinstance(c, str) and field_for_header(c))
        if known >= 2:
            chosen = index
            break
    line, cells = records[chosen]
    headers = ["" if c is None else str(c).strip() for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise LogImportError(f"{table.where(line)}: more than {MAX_COLUMNS} columns")
    table.header_line, table.headers = line, headers
    table.rows = records[chosen + 1 :]
    return table


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_names(path: Path) -> list[str]:
    """A workbook's sheets (for the window's sheet choice); [] for a CSV."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    _check_zip(path)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001
        raise LogImportError(f"{path.name}: not a readable Excel workbook (.xlsx)") from None
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()
