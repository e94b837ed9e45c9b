"""``adopt`` and ``meetings`` on the command line: exit codes, one-line errors, store unchanged."""

from __future__ import annotations

import datetime as dt
import json

from mop_desktop.store import documents as docs
from tests.services.review_data import adopted_protocol, draft_only


def test_adopt_the_draft(store, cli):
    draft_only(store)
    code, out, err = cli(
        "adopt",
        "--date",
        "23/03/2026",
        "--minute",
        "2026-101",
        "--reviewer",
        "G White",
        "--chair",
        "A Chair",
        "--today",
        "2026-11-22",
    )
    assert code == 0, err
    assert out == "Version 2026 adopted on 23 March 2026; next review by 31 March 2027\n"
    code, out, _ = cli("show", "--json")
    data = json.loads(out)
    assert (data["status"], data["version"], data["review_due"]) == (
        "adopted",
        "2026",
        "2027-03-31",
    )
    assert data["history"][-1]["minute_ref"] == "2026-101"


def test_adopt_refuses_bad_input_in_one_line(store, cli):
    draft_only(store)
    for argv, words in [
        (
            ("--date", "31/02/2026", "--minute", "1", "--reviewer", "x"),
            "--date: '31/02/2026' is not a real date",
        ),
        (
            ("--date", "2099-01-01", "--minute", "1", "--reviewer", "x"),
            "--date: 1 January 2099 is in the future",
        ),
        (
            ("--date", "2026-03-23", "--minute", " ", "--reviewer", "x"),
            "--minute: Enter the minute reference",
        ),
    ]:
        code, out, err = cli("adopt", *argv)
        assert code == 2 and words in err and err.count("\n") == 1 and "Traceback" not in err
    with store.session() as session:
        assert not docs.protocol_document(session).adoptions


def test_adopt_no_changes(store, cli):
    adopted_protocol(store, dt.date(2025, 3, 20))
    code, out, err = cli(
        "adopt",
        "--date",
        "2026-03-23",
        "--minute",
        "2026-44",
        "--reviewer",
        "G White",
        "--no-changes",
        "--today",
        "2026-11-22",
    )
    assert code == 0, err
    assert "re-adopted without changes" in out and "31 March 2027" in out


def test_meetings_commands(store, cli, tmp_path):
    assert cli("meetings", "add", "2027-03-18")[0] == 0
    code, out, _ = cli("meetings", "add", "18/03/2027")
    assert code == 0 and "already entered" in out
    code, _, err = cli("meetings", "add", "2027-02-30")
    assert code == 2 and "not a real date" in err
    ics = tmp_path / "cal.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        "DTSTART;VALUE=DATE:20270114\r\nSUMMARY:Full Council\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    code, out, _ = cli("meetings", "import", str(ics))
    assert code == 0 and "1 added" in out
    code, out, _ = cli("meetings", "list")
    assert out.splitlines() == ["2027-01-14  Full Council", "2027-03-18  Full Council"]
    code, _, err = cli("meetings", "import", str(tmp_path / "missing.ics"))
    assert code == 2 and "missing.ics" in err
    assert cli("meetings", "delete", "2027-01-14")[0] == 0
    code, _, err = cli("meetings", "delete", "2027-01-14")
    assert code == 2 and "no meeting on 14 January 2027" in err
