"""Backups from a server store, restoring into one, and moving a store to a server and back,
checked row for row (``store.moving``, ``store.transfer``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mop_desktop.store import backup as bk
from tests.store.safety_helpers import make_register

pytestmark = pytest.mark.sqlite_only(
    reason="moves between the data folder's policy.db and a server: both engines in every run"
)


def _pdf_text(path: Path) -> str:
    import subprocess

    try:
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) is not installed")


def _adopted_store(cli, samples, *store: str) -> None:
    code, _out, err = cli(*store, "import", str(samples / "peacehaven-protocol.txt"))
    assert code == 0, err
    code, _out, err = cli(*store, "meetings", "add", "2026-05-12")
    assert code == 0, err


def test_sqlite_to_server_and_back_gives_the_same_store(
    cli, samples, pg_url, tmp_path, app_paths, credential_store
):
    _adopted_store(cli, samples)
    code, out, err = cli("check", "--anchor-here")
    assert code == 0, out + err
    code, before, err = cli("show", "--json")
    assert code == 0, err
    code, _out, err = cli("pdf", "-o", str(tmp_path / "local.pdf"))
    assert code == 0, err

    code, out, err = cli("move-store", "--to", pg_url)
    assert code == 0, err
    assert "checked row for row" in out and "register stays" in out
    code, on_server, err = cli("--store", pg_url, "show", "--json")
    assert code == 0, err
    assert json.loads(on_server) == json.loads(before)
    code, out, err = cli("--store", pg_url, "check")
    assert code == 0, out + err
    assert "history anchored: 1 record confirmed" in out  # this PC's anchor moved with it
    # a change on the server gets a new id (the sequences were moved past the copied ids)
    code, _out, err = cli("--store", pg_url, "meetings", "add", "2026-09-08")
    assert code == 0, err

    # back to this PC: policy.db is still there, so --replace is needed
    code, _out, err = cli("--store", pg_url, "move-store", "--to", "sqlite")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--replace" in err
    code, out, err = cli("--store", pg_url, "move-store", "--to", "sqlite", "--replace")
    assert code == 0, err
    assert "kept in" in out
    code, after, err = cli("show", "--json")
    assert code == 0, err
    code, on_server, err = cli("--store", pg_url, "show", "--json")
    assert json.loads(after) == json.loads(on_server)
    code, out, err = cli("meetings", "list")
    assert "2026-09-08" in out and "2026-05-12" in out
    code, out, err = cli("check")
    assert code == 0, out + err
    code, _out, err = cli("pdf", "-o", str(tmp_path / "back.pdf"))
    assert code == 0, err
    local = _pdf_text(tmp_path / "local.pdf")
    assert _pdf_text(tmp_path / "back.pdf") == local and "Peacehaven" in local


def test_a_server_backup_restores_into_either_engine(
    cli, samples, pg_url, tmp_path, app_paths, monkeypatch
):
    _adopted_store(cli, samples, "--store", pg_url)
    make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    code, before, _err = cli("--store", pg_url, "show", "--json")
    code, out, err = cli("--store", pg_url, "backup", "-o", str(tmp_path / "server.zip"))
    assert code == 0, err
    info = bk.verify_bundle(tmp_path / "server.zip")
    assert info.summary["adoptions"] >= 1 and info.has_register

    # into SQLite (the data folder's policy.db)
    code, out, err = cli("restore", str(tmp_path / "server.zip"))
    assert code == 0, err
    code, local, err = cli("show", "--json")
    assert json.loads(local) == json.loads(before)

    # into the server, after a change there: the change is undone, the old content kept
    code, _out, err = cli("--store", pg_url, "meetings", "add", "2027-01-19")
    assert code == 0, err
    code, out, err = cli("--store", pg_url, "restore", str(tmp_path / "server.zip"))
    assert code == 0, err
    assert "kept in" in out and "register in the backup was not restored" in out
    kept = Path(out.split("kept in ")[1].split(";")[0].strip())
    assert bk.verify_bundle(kept).summary["adoptions"] == info.summary["adoptions"]
    code, out, err = cli("--store", pg_url, "meetings", "list")
    assert "2027-01-19" not in out
    code, restored, err = cli("--store", pg_url, "show", "--json")
    assert json.loads(restored) == json.loads(before)


def test_moving_into_a_server_that_holds_a_protocol_is_refused(cli, samples, pg_url, app_paths):
    _adopted_store(cli, samples)
    _adopted_store(cli, samples, "--store", pg_url)
    code, out, err = cli("move-store", "--to", pg_url)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "--replace" in err and out == ""


def test_no_password_in_any_output(cli, samples, pg_url, app_paths):
    _adopted_store(cli, samples)
    secret = "Sup3rSecretPw"
    url = pg_url.replace("postgres@", f"postgres:{secret}@")
    code, out, err = cli("move-store", "--to", url)  # trust auth: the password is not needed
    assert code == 0, err
    assert secret not in out + err
    code, out, err = cli("move-store", "--to", url)
    assert code == 2 and secret not in out + err


def test_the_register_is_never_written_to_the_server(cli, samples, pg_url, app_paths, monkeypatch):
    from sqlalchemy import create_engine, text

    _adopted_store(cli, samples)
    make_register(app_paths, concerns=3, monkeypatch=monkeypatch)
    code, _out, err = cli("move-store", "--to", pg_url)
    assert code == 0, err
    engine = create_engine(pg_url)
    with engine.connect() as con:
        names = set(
            con.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    engine.dispose()
    assert not {"concern", "concern_event", "attachment"} & names


def test_a_restore_into_the_server_that_fails_leaves_it_as_it_was(
    cli, samples, pg_url, tmp_path, monkeypatch
):
    from mop_desktop.store import moving, transfer

    _adopted_store(cli, samples, "--store", pg_url)
    code, _out, err = cli("--store", pg_url, "backup", "-o", str(tmp_path / "b.zip"))
    assert code == 0, err
    code, _out, err = cli("--store", pg_url, "meetings", "add", "2027-06-01")
    code, before, _err = cli("--store", pg_url, "meetings", "list")

    checked = moving.compare_rows

    def differs(source, target):  # the check of the rows written into the server fails
        if target.dialect.name == "postgresql":
            raise transfer.TransferError("the copy's meeting table differs from the source")
        checked(source, target)

    monkeypatch.setattr(moving, "compare_rows", differs)
    code, out, err = cli("--store", pg_url, "restore", str(tmp_path / "b.zip"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "nothing was restored" in err
    code, after, _err = cli("--store", pg_url, "meetings", "list")
    assert after == before and "2027-06-01" in after
