"""``pdf`` and ``verify`` on the command line: exit codes and messages (CLI.md)."""

from __future__ import annotations

import pytest

from tests.services.pdf_support import model_like_text, put_adopted, put_draft


def test_verify_names_the_version_of_an_unaltered_export(cli, store, tmp_path):
    label = put_adopted(store, model_like_text(), [], "Example Town Council")
    out = tmp_path / "protocol.pdf"
    code, stdout, stderr = cli("pdf", "-o", str(out))
    assert (code, stderr) == (0, "")
    assert f"version {label}" in stdout and out.exists()

    code, stdout, _ = cli("verify", str(out))
    assert (code, stdout.strip()) == (0, label)


def test_verify_answers_1_after_a_one_byte_change(cli, store, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    out = tmp_path / "protocol.pdf"
    assert cli("pdf", "-o", str(out))[0] == 0
    data = bytearray(out.read_bytes())
    middle = len(data) // 2
    data[middle] = (data[middle] + 1) % 256
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data))
    code, stdout, _ = cli("verify", str(altered))
    assert code == 1
    assert "not an unaltered export" in stdout


def test_verify_answers_1_for_a_draft_or_report_and_2_for_a_missing_file(cli, store, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    changed = model_like_text()
    changed.sections[0].blocks[0].text += " Now revised."
    put_draft(store, changed)
    draft, report = tmp_path / "draft.pdf", tmp_path / "report.pdf"
    assert cli("pdf", "-o", str(draft), "--draft")[0] == 0
    assert cli("pdf", "-o", str(report), "--redline")[0] == 0
    assert cli("verify", str(draft))[0] == 1
    assert cli("verify", str(report))[0] == 1
    code, _out, err = cli("verify", str(tmp_path / "nowhere.pdf"))
    assert code == 2 and "nowhere.pdf: no such file" in err


def test_pdf_usage_errors_are_one_line(cli, store, tmp_path):
    code, _out, err = cli("pdf", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and err.count("\n") == 1 and "no protocol yet" in err
    put_adopted(store, model_like_text(), [], "Example Town Council")
    code, _out, err = cli("pdf", "-o", str(tmp_path / "x.pdf"), "--version", "1999")
    assert code == 2 and "no version labelled '1999'" in err
    code, _out, err = cli("pdf", "-o", str(tmp_path / "x.pdf"), "--redline", "--version", "2026")
    assert code == 2 and "leave out --version" in err
    code, _out, err = cli("pdf", "-o", str(tmp_path / "no" / "x.pdf"))
    assert code == 2 and "does not exist" in err
    assert not list(tmp_path.glob("**/*.pdf"))


@pytest.mark.sqlite_only(reason="the probe process opens the data folder's policy.db")
def test_pdf_command_as_a_process_does_not_load_qt(store, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    out = tmp_path / "p.pdf"
    probe = (
        "import sys, runpy; sys.argv = ['mop-desktop', '--data-dir', sys.argv[1], 'pdf', '-o', "
        "sys.argv[2]];\ntry:\n    runpy.run_module('mop_desktop', run_name='__main__')\n"
        "except SystemExit as e:\n    code = e.code\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\n"
        "sys.exit(code)"
    )
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-c", probe, str(store.path.parent), str(out)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("NOQT")
    assert out.exists()
