"""The command line for attachments and sealed concerns."""

from __future__ import annotations

import json

import pytest

PASS = "correct horse battery"
CHAIR = "the chair's own words"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


@pytest.fixture
def register(cli, tmp_path):
    code, _, err = cli("concerns", "init", env={"MOP_PASSPHRASE": PASS})
    assert code == 0, err
    log = tmp_path / "log.csv"
    log.write_text(
        "raised_on,raised_by_role,summary,about_role\n"
        "2026-03-23,councillor,About the clerk's minutes,clerk\n"
    )
    code, _, err = cli("concerns", "import", str(log), env={"MOP_PASSPHRASE": PASS})
    assert code == 0, err
    return "C-2026-001"


def test_attach_list_extract_detach(cli, register, tmp_path):
    env = {"MOP_PASSPHRASE": PASS}
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 the letter")
    code, out, err = cli("concerns", "attach", register, str(letter), env=env)
    assert code == 0, err
    assert out.split("\t")[1] == "letter.pdf"
    code, out, _ = cli("concerns", "attachments", register, env=env)
    assert "letter.pdf" in out
    target = tmp_path / "copy.pdf"
    code, out, err = cli("concerns", "extract", register, "1", "-o", str(target), env=env)
    assert code == 0, err
    assert target.read_bytes() == b"%PDF-1.4 the letter"
    code, _, err = cli("concerns", "extract", register, "1", "-o", str(target), env=env)
    assert code == 2 and "exists already" in err
    code, _, err = cli("concerns", "attach", register, str(tmp_path / "missing.pdf"), env=env)
    assert code == 2 and "no such file" in err and "Traceback" not in err
    code, _, err = cli("concerns", "detach", register, "1", env=env)
    assert code == 0, err
    code, out, _ = cli("concerns", "attachments", register, env=env)
    assert out == ""


def test_seal_and_read_as_chair(cli, register):
    env = {"MOP_PASSPHRASE": PASS, "MOP_CHAIR_PASSPHRASE": CHAIR}
    code, out, err = cli("concerns", "chair-init", env=env)
    assert code == 0, err
    assert len(out.strip().splitlines()[-1].split("-")) == 7
    code, out, err = cli("concerns", "seal", register, env=env)
    assert code == 0, err
    code, out, _ = cli("concerns", "list", "--json", env={"MOP_PASSPHRASE": PASS})
    assert "minutes" not in out
    code, out, err = cli("concerns", "sealed", register, env=env)
    assert code == 0, err
    assert json.loads(out)["summary"] == "About the clerk's minutes"
    code, out, err = cli(
        "concerns", "sealed", register, env={"MOP_PASSPHRASE": PASS, "MOP_CHAIR_PASSPHRASE": PASS}
    )
    assert code == 3 and "wrong passphrase" in err and "minutes" not in out


def test_case_report_lists_and_embeds_attachments(cli, register, tmp_path):
    from pypdf import PdfReader

    env = {"MOP_PASSPHRASE": PASS, "MOP_PDF_PASSWORD": "a long pdf password"}
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG fake image bytes")
    assert cli("concerns", "attach", register, str(photo), env=env)[0] == 0
    out_pdf = tmp_path / "case.pdf"
    code, _, err = cli("concerns", "export-pdf", register, "-o", str(out_pdf), env=env)
    assert code == 0, err
    reader = PdfReader(out_pdf)
    assert reader.is_encrypted
    reader.decrypt("a long pdf password")
    assert reader.attachments == {"photo.png": [b"\x89PNG fake image bytes"]}
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Attachments" in text and "photo.png" in text


def test_subject_access_attaches_only_the_files_that_name_the_person(cli, tmp_path):
    from pypdf import PdfReader

    env = {"MOP_PASSPHRASE": PASS, "MOP_PDF_PASSWORD": "a long pdf password"}
    assert cli("concerns", "init", env=env)[0] == 0
    log = tmp_path / "log.csv"
    log.write_text(
        "raised_on,raised_by_role,raised_by,summary\n"
        "2026-03-23,officer,Ann Smith,Raised voice at committee\n"
    )
    assert cli("concerns", "import", str(log), env=env)[0] == 0
    ref = "C-2026-001"
    letter = tmp_path / "letter.eml"
    letter.write_text("From: Ann Smith\n\nI complain about the meeting.\n")
    other = tmp_path / "minutes.txt"
    other.write_text("Minutes of the meeting: Joanne and Hannah attended.\n")
    photo = tmp_path / "Ann Smith statement.pdf"
    photo.write_bytes(b"%PDF-1.4 scanned statement")
    for path in (letter, other, photo):
        assert cli("concerns", "attach", ref, str(path), env=env)[0] == 0
    out_pdf = tmp_path / "sar.pdf"
    code, out, err = cli("concerns", "subject-access", "Ann Smith", "-o", str(out_pdf), env=env)
    assert code == 0, err
    assert "2 attached file(s)" in out
    reader = PdfReader(out_pdf)
    reader.decrypt("a long pdf password")
    assert sorted(reader.attachments) == ["Ann Smith statement.pdf", "letter.eml"]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "1 other attached file(s)" in text and "Joanne" not in text


def test_list_json_says_which_concerns_are_sealed_and_lists_their_files(cli, register, tmp_path):
    env = {"MOP_PASSPHRASE": PASS, "MOP_CHAIR_PASSPHRASE": CHAIR}
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 the letter")
    assert cli("concerns", "attach", register, str(letter), env=env)[0] == 0
    code, out, err = cli("concerns", "list", "--json", env=env)
    assert code == 0, err
    [item] = json.loads(out)
    assert item["sealed"] is False
    assert [(f["name"], f["size"]) for f in item["attachments"]] == [("letter.pdf", 19)]
    assert cli("concerns", "chair-init", env=env)[0] == 0
    assert cli("concerns", "seal", register, env=env)[0] == 0
    code, out, err = cli("concerns", "list", "--json", env=env)
    [item] = json.loads(out)
    assert item["sealed"] is True and item["attachments"][0]["name"] == "sealed"
    assert "minutes" not in out and "letter.pdf" not in out


def test_subject_access_says_sealed_concerns_are_for_the_chair_to_check(cli, register):
    env = {"MOP_PASSPHRASE": PASS, "MOP_CHAIR_PASSPHRASE": CHAIR}
    assert cli("concerns", "chair-init", env=env)[0] == 0
    assert cli("concerns", "seal", register, env=env)[0] == 0
    code, out, err = cli("concerns", "subject-access", "Brown", "--list", env=env)
    assert code == 0, err
    assert "1 sealed concern(s) cannot be searched" in out
    assert "minutes" not in out
