"""``pdf`` and ``verify`` work through the repository (``store.protocol_repo``) with no Qt in
the process, an export record read back, and a newer or damaged store refused in one line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from mop_desktop.services.pdf.exports import file_sha256, list_exports
from tests.conftest import ROOT
from tests.services.pdf_support import model_like_text, put_adopted, put_draft


def test_pdf_and_verify_import_no_qt(store, data_dir, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    put_draft(store, model_like_text())
    store.close()
    script = (
        "import sys\n"
        "from mop_desktop.cli import main\n"
        "codes = [main(['--data-dir', sys.argv[1], *a.split('|')]) for a in sys.argv[2:]]\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(codes, qt)\n"
    )
    out = tmp_path / "p.pdf"
    runs = (
        ([f"pdf|-o|{out}"], [0]),
        ([f"pdf|-o|{out}|--redline"], [0]),
        ([f"pdf|-o|{out}|--draft", f"verify|{out}"], [0, 1]),
    )  # a draft: verify says 1
    for commands, codes in runs:
        result = subprocess.run(
            [sys.executable, "-c", script, str(data_dir), *commands],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert result.stdout.strip().splitlines()[-1] == f"{codes} []", result.stdout


def test_export_record_is_read_by_verify_and_by_the_orm(cli, store, tmp_path):
    label = put_adopted(store, model_like_text(), [], "Example Town Council")
    out = tmp_path / "protocol.pdf"
    assert cli("pdf", "-o", str(out))[0] == 0
    code, stdout, _ = cli("verify", str(out))
    assert (code, stdout.strip()) == (0, label)
    [export] = list_exports(store)
    assert (export.path, export.kind, export.version_label, export.sha256) == (
        str(out.resolve()),
        "protocol",
        label,
        file_sha256(out),
    )
    assert export.created_at.year >= 2026  # stored as the ORM stores it and read back


@pytest.mark.sqlite_only(reason="changes policy.db's file by hand")
def test_newer_schema_is_refused_in_one_line(cli, store, app_paths, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    out = tmp_path / "p.pdf"
    assert cli("pdf", "-o", str(out))[0] == 0
    store.close()
    con = sqlite3.connect(app_paths.policy_db)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    for argv in (("pdf", "-o", str(tmp_path / "q.pdf")), ("verify", str(out))):
        code, stdout, err = cli(*argv)
        assert code == 2 and err.count("\n") == 1 and "newer release" in err, err
    assert not (tmp_path / "q.pdf").exists()


@pytest.mark.sqlite_only(reason="changes policy.db's file by hand")
def test_damaged_store_is_refused_in_one_line(cli, store, app_paths, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    out = tmp_path / "p.pdf"
    assert cli("pdf", "-o", str(out))[0] == 0
    store.close()
    data = bytearray(app_paths.policy_db.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
    app_paths.policy_db.write_bytes(bytes(data))
    for argv in (("pdf", "-o", str(tmp_path / "q.pdf")), ("verify", str(out))):
        code, stdout, err = cli(*argv)
        assert code == 2 and err.count("\n") == 1, err
        assert "damaged" in err or "not a database" in err or "malformed" in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "q.pdf").exists()
