"""The clerk's own concerns log, as it is: their headers, references, categories, undated
closures, blank rows, Excel date cells; all rows or none; a second import adds nothing."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from mop_desktop.services.concerns import retention
from mop_desktop.services.concerns.log_import import LogImportError, import_log, prepare
from mop_desktop.services.concerns.query import ConcernQuery, count

# A log as a clerk keeps it in Excel: their own headers and words, blank rows, a title above.
HEADERS = [
    "Ref",
    "Date raised",
    "Raised by",
    "Role",
    "About",
    "Subject role",
    "Type",
    "Summary",
    "Description",
    "Status",
    "Date closed",
    "Follow up",
]
ROWS = [
    [
        "2023/04",
        "05/04/2023",
        "Jo Bloggs",
        "Cllr",
        "Ann Smith",
        "Officer",
        "Planning dispute",
        "Shouted at the planning meeting",
        "Raised voice; apology sought",
        "Resolved",
        "",
        "",
    ],
    [
        "ML-7",
        "2023-05-01",
        "Pat Clerk",
        "Clerk",
        "Cllr Brown",
        "Member",
        "Undue pressure",
        "Pressure over the grant",
        "",
        "Open",
        "",
        "01/06/2023",
    ],
    [
        "",
        "12/06/2023",
        "A Resident",
        "MOP",
        "",
        "",
        "Allotments",
        "Complaint about the allotment letter",
        "",
        "Closed",
        "30/06/2023",
        "",
    ],
    [
        "C-2023-002",
        "14/07/2023",
        "Sam Officer",
        "staff",
        "Cllr Green",
        "councillor",
        "bullying or harassment",
        "Emails late at night",
        "",
        "with the MO",
        "",
        "",
    ],
    [
        "",
        "01/08/2023",
        "Lee Groundsman",
        "Officer",
        "",
        "",
        "",
        "No category given",
        "",
        "",
        "",
        "",
    ],
]


def _csv(tmp_path, rows=ROWS, name="log.csv", delimiter=",", encoding="utf-8-sig"):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(row)
        writer.writerow([""] * len(HEADERS))  # blank rows between entries
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _xlsx(tmp_path, rows=ROWS, name="log.xlsx", sheet="Concerns 2023", title=True):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["This sheet is not the log"])
    ws = book.create_sheet(sheet, 0)  # the first sheet
    if title:
        ws.append(["Oakford Town Council — concerns log"])
        ws.append([])
    ws.append(HEADERS)
    for row in rows:
        cells = list(row)
        for i in (1, 10, 11):  # real Excel date cells
            if cells[i] and "/" in cells[i] and cells[i].count("/") == 2:
                d, m, y = (int(p) for p in cells[i].split("/"))
                cells[i] = dt.datetime(y, m, d)
        ws.append([c if c != "" else None for c in cells])
        ws.append([])
    for row in ws.iter_rows(min_row=4, min_col=2, max_col=2):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"
    path = tmp_path / name
    book.save(path)
    return path


def _check_imported(service, result):
    assert result.added == ["2023/04", "ML-7", "C-2023-003", "C-2023-002", "C-2023-004"]
    first = service.get("2023/04")
    assert first.raised_on == dt.date(2023, 4, 5)
    assert (first.raised_by_role, first.about_role) == ("councillor", "officer")
    assert first.category == "Planning dispute"  # the clerk's own, as written
    assert first.details == "Raised voice; apology sought"
    assert first.status == "closed" and first.closed_on is None and first.closing_date_unknown
    moved = service.get("ML-7")
    assert (moved.raised_by_role, moved.about_role) == ("clerk", "councillor")
    assert moved.category == "undue pressure" and moved.follow_up_on == dt.date(2023, 6, 1)
    resident = service.get("C-2023-003")  # a new reference, never the clerk's C-2023-002
    assert resident.raised_by_role == "member of the public"
    assert resident.closed_on == dt.date(2023, 6, 30) and not resident.closing_date_unknown
    assert service.get("C-2023-002").status == "referred to monitoring officer"
    assert service.get("C-2023-004").category == "other"
    categories = service.categories()
    assert "Planning dispute" in categories and "Allotments" in categories
    assert result.closing_date_unknown == 1 and result.new_categories == 2


@pytest.mark.parametrize("make", [_csv, _xlsx], ids=["csv", "xlsx"])
def test_a_clerks_log_imports_as_written_and_only_once(service, tmp_path, make):
    path = make(tmp_path)
    result = import_log(service, path)
    _check_imported(service, result)
    again = import_log(service, path)
    assert again.added == [] and again.skipped == 5
    assert "Imported 0 concern(s). 5 already in the register, skipped." in again.summary()
    with service.session() as s:
        assert count(s, ConcernQuery()) == 5


def test_csv_in_windows_1252_with_semicolons(service, tmp_path):
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[0][7] = "Café – £50 grant row"
    path = _csv(tmp_path, rows, delimiter=";", encoding="cp1252")
    result = import_log(service, path)
    assert service.get("2023/04").summary == "Café – £50 grant row" and len(result.added) == 2


def test_retention_never_offers_an_undated_closure(service, tmp_path):
    import_log(service, _csv(tmp_path))
    with service.session() as s:
        due = [d.reference for d in retention.due(s, 1, dt.date(2040, 1, 1))]
        assert "2023/04" not in due and "C-2023-003" in due
        assert retention.undated(s) == ["2023/04"]
        with pytest.raises(retention.ConcernNotDue):
            retention.delete(s, "2023/04", "retention period ended")
    concern = service.get("2023/04")
    concern.closed_on = dt.date(2023, 5, 1)  # the clerk finds the date: counted from then on
    service.update("2023/04", concern)
    assert service.get("2023/04").closing_date_unknown is False
    with service.session() as s:
        assert "2023/04" in [d.reference for d in retention.due(s, 1, dt.date(2040, 1, 1))]


def _with_bad_row_14(rows):
    """Rows so that the 14th line of the file has an impossible date."""
    good = [list(ROWS[4]) for _ in range(12)]
    for i, row in enumerate(good):
        row[7] = f"Routine matter {i}"
    bad = list(ROWS[4])
    bad[1] = "31/02/2023"
    bad[7] = "Jo SECRET Bloggs"
    return good[:12] + [bad]


def test_a_bad_date_names_line_14_and_its_column_not_the_text(service, tmp_path):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in _with_bad_row_14(ROWS):
        writer.writerow(row)
    writer.writerow([])  # a blank line at the end
    path = tmp_path / "log.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert buffer.getvalue().splitlines()[13].startswith(",31/02/2023")
    with pytest.raises(LogImportError) as caught:
        import_log(service, path)
    message = str(caught.value)
    assert message.startswith('log.csv line 14, column "Date raised": not a real date')
    assert "SECRET" not in message and "31/02" not in message
    with service.session() as s:
        assert count(s, ConcernQuery()) == 0  # all rows or none


def test_a_bad_excel_row_names_the_sheet_line_and_column(service, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][3] = "Jo SECRET astronaut"
    path = _xlsx(tmp_path, rows, title=False)
    with pytest.raises(LogImportError) as caught:
        import_log(service, path)
    # header on line 1, each row followed by a blank one: the third row is line 6
    assert str(caught.value).startswith(
        'log.xlsx, sheet "Concerns 2023", line 6, column D "Role": not a role'
    )
    assert "SECRET" not in str(caught.value)
    with service.session() as s:
        assert count(s, ConcernQuery()) == 0


def test_named_sheet_and_columns_override(service, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Not the log"])
    ws = book.create_sheet("Log")
    ws.append(["Logged", "Who", "What happened", "Colour"])
    ws.append([dt.datetime(2024, 2, 3), "Officer", "Rude email", "red"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    with pytest.raises(LogImportError, match='no sheet named "Missing"; its sheets are'):
        prepare(path, sheet="Missing")
    with pytest.raises(LogImportError, match="line 1, column B: unknown column 'Who'"):
        prepare(path, sheet="log")
    result = import_log(
        service, path, '"Who=raised_by_role", What happened=summary, Colour=-', sheet="log"
    )
    concern = service.get(result.added[0])
    assert (concern.raised_on, concern.raised_by_role, concern.summary) == (
        dt.date(2024, 2, 3),
        "officer",
        "Rude email",
    )


def test_same_reference_twice_in_a_file_is_refused(service, tmp_path):
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[1][0] = "2023/04"
    with pytest.raises(LogImportError, match='line 4, column "Ref": the same reference as line 2'):
        import_log(service, _csv(tmp_path, rows))


def test_hostile_workbook_refused_before_it_is_opened(tmp_path, monkeypatch):
    from mop_desktop.services.concerns.log_import import reader

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 1024 * 1024)
    with pytest.raises(LogImportError, match="unpacks to more than 1 MB"):
        prepare(path)
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(LogImportError, match="not an Excel workbook"):
        prepare(tmp_path / "fake.xlsx")


def test_timeline_entries_edited_deleted_and_dated_before_raised(service, make_concern):
    ref = service.add(make_concern(raised_on=dt.date(2026, 3, 23)))
    before = service.add_timeline(ref, dt.date(2026, 3, 1), "Earlier incident, not reported")
    service.add_timeline(ref, dt.date(2026, 3, 24), "Spoke to Jo SECRET")
    assert [e.on for e in service.timeline(ref)] == [dt.date(2026, 3, 1), dt.date(2026, 3, 24)]
    assert service.edit_timeline(ref, before, dt.date(2026, 2, 28), "Earlier incident")
    later = service.timeline(ref)[1]
    service.delete_timeline(ref, later.id)
    assert [(e.on, e.entry) for e in service.timeline(ref)] == [
        (dt.date(2026, 2, 28), "Earlier incident")
    ]
    trail = [(a.action, a.field) for a in service.audit_trail(ref)]
    assert ("timeline entry changed", "timeline") in trail
    assert ("timeline entry deleted", "timeline") in trail
    with service.session() as s:
        from sqlalchemy import text

        stored = " ".join(str(r) for r in s.execute(text("SELECT * FROM audit")))
        assert "SECRET" not in stored


def test_headings_matched_as_clerks_write_them():
    from mop_desktop.services.concerns.log_import import guess

    assert guess(
        [
            "DATE RAISED (dd/mm/yyyy)",
            "Summary *",
            "Ref.",
            "Follow-up",
            "Complainant",
            "About",
            "Reference No",
            "",
        ]
    ) == [
        "raised_on",
        "summary",
        "reference",
        "follow_up_on",
        "raised_by",
        "about",
        "",  # a second reference column is not guessed: the clerk says which one
        "-",  # a column without a heading is left out
    ]


def test_a_value_without_a_heading_is_refused_not_dropped(service, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "Date raised,Role,Summary\n01/02/2024,officer,Rude, at the meeting\n", encoding="utf-8"
    )
    with pytest.raises(LogImportError, match=r"^log.csv line 2: 4 values for 3 columns"):
        import_log(service, path)
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Date raised", "Role", None, "Summary"])
    book.active.append([dt.datetime(2024, 2, 1), "officer", "a note", "Rude"])
    book.save(tmp_path / "log.xlsx")
    with pytest.raises(LogImportError, match=r"line 2, column C: a value in a column without"):
        import_log(service, tmp_path / "log.xlsx")


def test_title_line_and_tabs(service, tmp_path):
    path = tmp_path / "log.txt.csv"
    path.write_text(
        "Concerns log 2024\n\nDate raised\tRole\tSummary\n"
        "01/02/2024\tCllr\tRude, then apologised\n",
        encoding="utf-8",
    )
    (reference,) = import_log(service, path).added
    assert service.get(reference).summary == "Rude, then apologised"


def test_values_read_as_clerks_write_them():
    from mop_desktop.services.concerns.log_import.values import (
        cell_date,
        match_role,
        match_status,
    )

    assert [
        match_role(v)
        for v in (
            "Parish Councillor",
            "Cllr",
            "Member",
            "Member of staff",
            "Deputy Clerk",
            "Town Clerk",
            "Resident",
            "",
        )
    ] == [
        "councillor",
        "councillor",
        "councillor",
        "officer",
        "officer",
        "clerk",
        "member of the public",
        "",
    ]
    assert [
        match_status(v)
        for v in (
            "Closed - resolved informally",
            "Open - awaiting reply",
            "RESOLVED",
            "With the MO",
            "Informal",
            "",
        )
    ] == ["closed", "open", "closed", "referred to monitoring officer", "informal resolution", ""]
    assert {
        cell_date(v)
        for v in (
            "05-Apr-2023",
            "5 April 2023",
            "05/04/2023 00:00",
            "2023-04-05",
            dt.datetime(2023, 4, 5, 9, 30),
        )
    } == {dt.date(2023, 4, 5)}
    assert [cell_date(v) for v in ("n/a", "-", "Unknown", "TBC", None)] == [None] * 5


def test_undated_closure_written_as_unknown_and_summary_from_description(service, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "Ref,Date raised,Role,Description,Status,Date closed\n"
        "A1,01/02/2024,Member,Shouting at the clerk\\nMore details,Closed,n/a\n",
        encoding="utf-8",
    )
    import_log(service, path)
    concern = service.get("A1")
    assert concern.closing_date_unknown and concern.closed_on is None
    assert concern.summary == "Shouting at the clerk\\nMore details"


def test_description_and_notes_both_kept_in_the_details(service, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "Date raised,Role,Summary,Description,Notes,Outcome,Action taken\n"
        "01/02/2024,Officer,Rude email,Sent at night,Spoke to HR,,Apology\n",
        encoding="utf-8",
    )
    (reference,) = import_log(service, path).added
    concern = service.get(reference)
    assert concern.details == "Sent at night\n\nNotes: Spoke to HR"
    assert concern.outcome == "Action taken: Apology"
