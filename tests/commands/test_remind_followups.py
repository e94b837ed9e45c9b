"""Concern follow-ups in ``remind`` and ``calendar``: by reference only, only when the register
opens with MOP_PASSPHRASE."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar

from tests.services.review_data import adopted_protocol

pytestmark = pytest.mark.pending_on_server(
    reason="remind reads through store.summary (sqlite3), being replaced by the SQLAlchemy "
    "repository"
)

PASSPHRASE = "correct horse battery"


@pytest.fixture
def register(app_paths, monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    from mop_desktop.domain.concerns import Concern
    from mop_desktop.services.concerns import RegisterService

    service = RegisterService(app_paths)
    service.init(PASSPHRASE)
    ref = service.add(
        Concern(
            raised_on=dt.date(2026, 10, 1),
            raised_by_role="officer",
            raised_by="Jane Officer",
            summary="Raised voice at committee",
            follow_up_on=dt.date(2026, 12, 1),
        )
    )
    service.lock()
    return ref


def test_followups_by_reference_only(store, cli, register, tmp_path):
    adopted_protocol(store, dt.date(2026, 3, 23))
    env = {"MOP_PASSPHRASE": PASSPHRASE, "MOP_KDF_PROFILE": "test"}
    code, out, err = cli("remind", "--json", "--today", "2026-11-22", env=env)
    assert code == 0, err
    items = json.loads(out)
    assert items[0] == {
        "kind": "follow-up",
        "due": "2026-12-01",
        "title": f"Follow up concern {register}",
        "state": "due",
        "days": 9,
    }
    assert items[1]["kind"] == "review"
    assert "Jane" not in out and "Raised voice" not in out

    ics = tmp_path / "r.ics"
    code, _, err = cli("calendar", "-o", str(ics), "--today", "2026-11-22", env=env)
    assert code == 0, err
    uids = [str(e["UID"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert f"followup-{register}@mop-desktop.invalid" in uids
    assert b"Jane" not in ics.read_bytes()


def test_locked_register_is_left_out_and_said_so(store, cli, register):
    adopted_protocol(store, dt.date(2026, 3, 23))
    code, out, err = cli(
        "remind", "--json", "--today", "2026-11-22", env={"MOP_KDF_PROFILE": "test"}
    )
    assert code == 0
    assert [i["kind"] for i in json.loads(out)] == ["review"]
    assert "follow-ups are not included" in err


def test_wrong_passphrase_exits_3(store, cli, register):
    code, _, err = cli(
        "remind",
        "--today",
        "2026-11-22",
        env={"MOP_PASSPHRASE": "wrong one", "MOP_KDF_PROFILE": "test"},
    )
    assert code == 3 and err.count("\n") == 1
