"""``concerns import`` of a clerk's own workbook from the command line, and ``concerns list
--json`` carrying every stored field."""

from __future__ import annotations

import datetime as dt
import json

import pytest

PASS = {"MOP_PASSPHRASE": "correct horse battery", "MOP_KDF_PROFILE": "test"}
ALL_FIELDS = {
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
    "closing_date_unknown",
    "timeline",
    "created",
    "updated",
    "sealed",
    "attachments",
}


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


@pytest.fixture
def registered(cli):
    code, _, err = cli("concerns", "init", env=PASS)
    assert code == 0, err


def _workbook(tmp_path, bad_date=False):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Log"
    ws.append(
        [
            "Reference No.",
            "Date logged",
            "Complainant",
            "Complainant role",
            "Against",
            "Nature of concern",
            "Details",
            "Handling",
            "Outcome",
            "Status",
            "Date closed",
            "Follow-up",
            "Notes for me",
        ]
    )
    ws.append(
        [
            "2023/04",
            dt.datetime(2023, 4, 5),
            "Jo Bloggs",
            "Cllr",
            "Ann Smith",
            "Planning dispute",
            "Shouted at the planning meeting",
            "informal resolution",
            "Apology given",
            "Resolved",
            None,
            None,
            "ignore",
        ]
    )
    ws.append([])
    ws.append(
        [
            "ML-7",
            "14/09/2023" if not bad_date else "14/13/2023",
            "Pat Jones",
            "Officer",
            "Cllr Brown",
            "undue pressure",
            "Pressure over the grant",
            "",
            "",
            "Open",
            None,
            dt.datetime(2023, 10, 1),
            "",
        ]
    )
    path = tmp_path / "Concerns log.xlsx"
    book.save(path)
    return path


def test_workbook_imported_once_and_listed_with_every_field(cli, tmp_path, registered):
    path = _workbook(tmp_path)
    columns = "Details=summary,Handling=route,Notes for me=-"
    code, out, err = cli("concerns", "import", str(path), "--columns", columns, env=PASS)
    assert code == 0, err
    assert "Imported 2 concern(s)." in out and "closing date unknown" in out
    code, out, err = cli("concerns", "import", str(path), "--columns", columns, env=PASS)
    assert code == 0 and "Imported 0 concern(s). 2 already in the register, skipped." in out
    code, out, err = cli("concerns", "list", "--json", env=PASS)
    assert code == 0, err
    records = json.loads(out)
    assert [r["reference"] for r in records] == ["2023/04", "ML-7"]
    for record in records:
        assert set(record) == ALL_FIELDS
    first = records[0]
    assert first["raised_on"] == "2023-04-05" and first["raised_by_role"] == "councillor"
    assert first["category"] == "Planning dispute" and first["route"] == "informal resolution"
    assert first["outcome"] == "Apology given" and first["status"] == "closed"
    assert first["closed_on"] is None and first["closing_date_unknown"] is True
    assert records[1]["follow_up_on"] == "2023-10-01"
    assert records[1]["about_role"] == "councillor"  # read off "Cllr Brown"
    code, out, _ = cli("concerns", "retention", "--today", "2060-01-01", env=PASS)
    assert "2023/04\t" not in out and "closing date unknown" in out


def test_json_round_trip_carries_the_timeline(cli, tmp_path, registered, app_paths):
    from mop_desktop.services.concerns import RegisterService

    path = _workbook(tmp_path)
    cli(
        "concerns",
        "import",
        str(path),
        "--columns",
        "Details=summary,Notes for me=-,Handling=route",
        env=PASS,
    )
    service = RegisterService(app_paths)
    service.unlock(PASS["MOP_PASSPHRASE"])
    try:
        service.add_timeline("ML-7", dt.date(2023, 9, 1), "Before it was reported")
    finally:
        service.lock()
    code, out, _ = cli("concerns", "list", "--json", "--search", "grant", env=PASS)
    (record,) = json.loads(out)
    assert [(t["date"], t["text"]) for t in record["timeline"]] == [
        ("2023-09-01", "Before it was reported")
    ]
    assert record["created"].endswith("Z") and record["updated"] >= record["created"]


def test_bad_cell_is_one_line_naming_sheet_line_and_column(cli, tmp_path, registered):
    path = _workbook(tmp_path, bad_date=True)
    code, out, err = cli(
        "concerns",
        "import",
        str(path),
        "--columns",
        "Details=summary,Handling=route,Notes for me=-",
        env=PASS,
    )
    assert code == 2, out
    assert err.strip() == (
        'mop-desktop concerns: Concerns log.xlsx, sheet "Log", line 4, '
        'column B "Date logged": not a real date (no such day in that month)'
    )
    assert "14/13" not in err
    code, out, _ = cli("concerns", "list", "--json", env=PASS)
    assert json.loads(out) == []


def test_unknown_column_and_bad_mapping_named(cli, tmp_path, registered):
    path = _workbook(tmp_path)
    code, _, err = cli("concerns", "import", str(path), env=PASS)
    assert code == 2 and "column M: unknown column 'Notes for me'" in err
    code, _, err = cli(
        "concerns", "import", str(path), "--columns", "Notes for me=colour", env=PASS
    )
    assert code == 2 and err.startswith('mop-desktop concerns: --columns: "colour" is not a field')
