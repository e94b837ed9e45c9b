"""Each adoption's short record hash is printed on its PDF (version table, sign-off, footer)
and given by ``show --json``; ``verify`` checks a PDF's, or a paper copy's, against the
history."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from pypdf import PdfReader

from mop_desktop.domain.records import short_record_hash
from tests.services.pdf_support import model_like_text, put_adopted


def _history(cli) -> list[dict]:
    code, out, _ = cli("show", "--json")
    assert code == 0
    return json.loads(out)["history"]


def _adopted_pdf(cli, store, tmp_path):
    put_adopted(store, model_like_text(), [], "Example Town Council")
    store.close()
    out = tmp_path / "protocol.pdf"
    assert cli("pdf", "-o", str(out))[0] == 0
    return out


def test_show_json_gives_each_record_hash(cli, store, tmp_path):
    _adopted_pdf(cli, store, tmp_path)
    history = _history(cli)
    assert all(re.fullmatch(r"[0-9a-f]{64}", h["record_hash"]) for h in history)


def test_the_pdf_prints_the_short_record_hash_in_the_table_the_sign_off_and_the_footer(
    cli, store, tmp_path
):
    out = _adopted_pdf(cli, store, tmp_path)
    short = short_record_hash(_history(cli)[-1]["record_hash"])
    assert re.fullmatch(r"[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}", short)
    pages = [p.extract_text() for p in PdfReader(out).pages]
    text = "\n".join(pages)
    assert "Originator/Reviewer Record" in " ".join(text.split())
    assert f"Adoption record {short}" in text
    assert all(f"record {short}" in page for page in pages)  # every page's footer


@pytest.mark.sqlite_only(reason="tampers with policy.db's file directly")
def test_verify_refuses_a_pdf_whose_printed_record_no_longer_matches_the_history(
    cli, store, tmp_path, app_paths
):
    out = _adopted_pdf(cli, store, tmp_path)
    code, stdout, _ = cli("verify", str(out))
    assert code == 0
    # the history is rewritten (a changed minute, every hash recomputed): the export record
    # still matches the file byte for byte, but the record printed on it is gone
    from tests.store.test_history_tamper import rewrite_chain

    con = sqlite3.connect(app_paths.policy_db)
    with con:
        con.execute("UPDATE adoption SET version_label = '2020' WHERE id = 1")
    con.close()
    rewrite_chain(app_paths.policy_db)
    code, stdout, _ = cli("verify", str(out))
    assert code == 1
    assert (
        "is no longer in the history: the history has been changed since it was printed" in stdout
    )


@pytest.mark.sqlite_only(reason="tampers with policy.db's file directly")
def test_verify_refuses_a_pdf_whose_adopted_text_was_changed_in_the_store(
    cli, store, tmp_path, app_paths
):
    out = _adopted_pdf(cli, store, tmp_path)
    con = sqlite3.connect(app_paths.policy_db)
    with con:
        con.execute("UPDATE block SET text = 'changed' WHERE id = 1")
    con.close()
    code, stdout, _ = cli("verify", str(out))
    assert code == 1 and "has been changed in the store since this was printed" in stdout


@pytest.mark.sqlite_only(reason="tampers with policy.db's file directly")
def test_verify_record_checks_the_digits_from_a_paper_copy(cli, store, tmp_path, app_paths):
    _adopted_pdf(cli, store, tmp_path)
    digits = short_record_hash(_history(cli)[-1]["record_hash"])
    code, stdout, _ = cli("verify", "--record", digits.upper())
    assert code == 0
    assert re.fullmatch(
        rf"record {digits}: version \S+, adopted .+; it is in the adoption "
        r"history, intact\n",
        stdout,
    ), stdout
    code, stdout, _ = cli("verify", "--record", "0000 0000 0000")
    assert code == 1 and "no record in the adoption history begins with 0000 0000 0000" in stdout
    code, _, err = cli("verify", "--record", "9d28")
    assert code == 2 and "at least 8" in err
    con = sqlite3.connect(app_paths.policy_db)
    with con:
        con.execute("UPDATE adoption SET minute_ref = 'forged'")
    con.close()
    code, stdout, _ = cli("verify", "--record", digits)
    assert code == 1 and "has been altered" in stdout
