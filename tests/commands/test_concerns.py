"""``mop-desktop concerns ...`` end to end: exit codes, messages, the PDF password."""

from __future__ import annotations

import json

import pytest

PASS = {"MOP_PASSPHRASE": "correct horse battery", "MOP_KDF_PROFILE": "test"}


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


@pytest.fixture
def recovery_key(cli):
    code, out, err = cli("concerns", "init", env=PASS)
    assert code == 0, err
    return out.strip().splitlines()[-1]


def _import(cli, tmp_path, text):
    f = tmp_path / "in.csv"
    f.write_text(text, encoding="utf-8")
    return cli("concerns", "import", str(f), env=PASS)


def test_init_import_list(cli, tmp_path, recovery_key):
    assert len(recovery_key.split("-")) == 7
    code, out, _ = _import(
        cli,
        tmp_path,
        "raised_on,raised_by_role,summary\n"
        "23/03/2026,officer,Pressure over a planning letter\n"
        "24/03/2026,councillor,<b>x</b> in an email\n",
    )
    assert code == 0 and "Imported 2" in out
    code, out, _ = cli("concerns", "list", "--json", "--search", "planning", env=PASS)
    assert code == 0
    assert [r["reference"] for r in json.loads(out)] == ["C-2026-001"]
    code, out, _ = cli("concerns", "list", env=PASS)
    assert "<b>x</b> in an email" in out
    code, _, err = cli("concerns", "list", "--status", "pending", env=PASS)
    assert code == 2 and "--status" in err


def test_init_twice_refused(cli, recovery_key):
    code, _, err = cli("concerns", "init", env=PASS)
    assert code == 2 and "never replaced" in err


def test_wrong_or_missing_passphrase_exit_3(cli_process, recovery_key):
    bad = cli_process("concerns", "list", env={**PASS, "MOP_PASSPHRASE": "nope nope"})
    assert bad.returncode == 3 and bad.stderr.strip().endswith("wrong passphrase")
    env = {"MOP_KDF_PROFILE": "test"}
    import os

    saved = os.environ.pop("MOP_PASSPHRASE", None)
    try:
        locked = cli_process("concerns", "list", env=env, input="")
    finally:
        if saved is not None:
            os.environ["MOP_PASSPHRASE"] = saved
    assert locked.returncode == 3 and "locked" in locked.stderr
    assert "Traceback" not in bad.stderr + locked.stderr


def test_no_register_yet(cli):
    code, _, err = cli("concerns", "list", env=PASS)
    assert code == 2 and "no register yet" in err


def test_import_error_names_line_and_column_and_adds_nothing(cli, tmp_path, recovery_key):
    code, _, err = _import(
        cli,
        tmp_path,
        "raised_on,raised_by_role,summary\n23/03/2026,officer,Fine\n31/02/2026,officer,Bad\n",
    )
    assert code == 2 and "in.csv line 3, column raised_on" in err
    code, out, _ = cli("concerns", "list", "--json", env=PASS)
    assert json.loads(out) == []


def test_export_pdf_needs_the_password(cli, tmp_path, recovery_key):
    _import(
        cli,
        tmp_path,
        "raised_on,raised_by_role,summary,about,about_role\n"
        "23/03/2026,officer,Shouted at <img src=x>,Cllr Z,councillor\n",
    )
    target = tmp_path / "case.pdf"
    code, _, err = cli(
        "concerns",
        "export-pdf",
        "C-2026-001",
        "-o",
        str(target),
        env={**PASS, "MOP_PDF_PASSWORD": "pdf secret"},
    )
    assert code == 0, err
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256
    assert b"Shouted" not in target.read_bytes()
    import pypdfium2

    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(str(target))
    assert reader.decrypt("wrong") == 0
    assert reader.decrypt("pdf secret") != 0
    assert len(pypdfium2.PdfDocument(str(target), password="pdf secret")) == len(reader.pages)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Shouted at <img src=x>" in text
    assert all("CONFIDENTIAL" in p.extract_text() for p in reader.pages)
    assert "Monitoring Officer" in text


def test_change_passphrase_with_recovery_key(cli, recovery_key):
    code, _, err = cli(
        "concerns",
        "change-passphrase",
        "--recovery-key",
        recovery_key.lower(),
        env={"MOP_NEW_PASSPHRASE": "another passphrase", "MOP_KDF_PROFILE": "test"},
    )
    assert code == 0, err
    assert cli("concerns", "list", env=PASS)[0] == 3
    assert cli("concerns", "list", env={"MOP_PASSPHRASE": "another passphrase"})[0] == 0


def test_replace_recovery_key(cli, recovery_key):
    code, out, err = cli("concerns", "replace-recovery-key", env=PASS)  # nothing typed back
    new = out.strip().splitlines()[-1]
    assert code == 2 and "not confirmed: the old recovery key still works" in err
    code, out, _ = cli("concerns", "replace-recovery-key", "--confirm", new, env=PASS)
    assert code == 0 and new != recovery_key
    env = {"MOP_NEW_PASSPHRASE": "another passphrase"}
    assert cli("concerns", "change-passphrase", "--recovery-key", recovery_key, env=env)[0] == 3
    assert cli("concerns", "change-passphrase", "--recovery-key", new, env=env)[0] == 0


def test_retention_list_and_delete(cli, tmp_path, recovery_key):
    _import(
        cli,
        tmp_path,
        "raised_on,raised_by_role,summary,status,closed_on\n"
        "01/01/2018,officer,Old,closed,01/06/2019\n01/01/2026,officer,New,,\n",
    )
    code, out, _ = cli("concerns", "retention", "--today", "2026-11-01", env=PASS)
    assert code == 0 and "C-2018-001" in out and "C-2026-001" not in out
    code, _, err = cli(
        "concerns",
        "retention",
        "--today",
        "2026-11-01",
        "--delete",
        "C-2026-001",
        "--yes",
        env=PASS,
    )
    assert code == 2 and "not reached the end" in err
    code, out, _ = cli(
        "concerns",
        "retention",
        "--today",
        "2026-11-01",
        "--delete",
        "C-2018-001",
        "--yes",
        env=PASS,
    )
    assert code == 0 and "trace" in out
    code, out, _ = cli("concerns", "list", "--json", env=PASS)
    assert [r["reference"] for r in json.loads(out)] == ["C-2026-001"]


def test_damaged_page_inside_the_register_is_one_line(cli, tmp_path, recovery_key, data_dir):
    rows = "".join(f"0{1 + i % 9}/03/2026,officer,{'Concern text ' * 40} {i}\n" for i in range(300))
    _import(cli, tmp_path, "raised_on,raised_by_role,summary\n" + rows)
    db = data_dir / "register.db"
    from mop_desktop.paths import resolve_paths
    from mop_desktop.services.concerns import RegisterService

    service = RegisterService(resolve_paths(data_dir))
    service.unlock(PASS["MOP_PASSPHRASE"])
    with service.session() as session:  # a page the listing must read: the concern table's root
        from sqlalchemy import text

        root = session.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = 'concern'")
        ).scalar()
    service.lock()
    blob = bytearray(db.read_bytes())
    middle = (root - 1) * 4096
    for i in range(middle + 100, middle + 400):
        blob[i] ^= 0xFF
    db.write_bytes(bytes(blob))
    code, _, err = cli("concerns", "list", "--search", "concern", env=PASS)
    assert code == 2 and "damaged" in err and "Traceback" not in err, err
    assert "Concern text" not in err


def test_a_failed_register_operation_is_called_damage_only_when_the_check_finds_it(app_paths):
    """The command's message after a database error: the register's own check decides, run
    with a copy of the open register's key (wiped afterwards), never its private attributes."""
    from mop_desktop.commands.concerns import _damage_or_failure
    from mop_desktop.services.concerns import RegisterService

    service = RegisterService(app_paths)
    service.init("correct horse battery")
    assert _damage_or_failure(service).startswith("the register could not be read or changed")
    data = bytearray(app_paths.register_db.read_bytes())
    data[4096 + 8 : 4096 + 400] = b"\xa5" * 392  # an altered page (the key still opens page 1)
    app_paths.register_db.write_bytes(bytes(data))
    message = _damage_or_failure(service)
    assert message.startswith("register.db is damaged (the check found it")
    assert message.endswith("restore it from backup")
    service.lock()
    assert _damage_or_failure(service).startswith("the register could not be read or changed")
