"""The adoption history cannot be quietly rewritten: policy.db is changed with sqlite3 as an
attacker would, and ``check`` must answer no (exit 1) with a line that says what was found.
Each case runs without a credential store (as on a headless server) and with one."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.store.safety_helpers import populate


def tamper(path, *statements: str) -> None:
    con = sqlite3.connect(path)
    with con:
        for statement in statements:
            con.execute(statement)
    con.close()


def adopted_store(store, app_paths, cli, *, no_changes: bool = False):
    """Two adopted versions (2020, 2021), and with ``no_changes`` a third record re-adopting
    2021; checked once (which anchors it where there is a credential store)."""
    populate(store)
    store.close()
    if no_changes:
        code, _, err = cli(
            "adopt",
            "--date",
            "2022-03-20",
            "--minute",
            "2022-7",
            "--reviewer",
            "G White",
            "--no-changes",
            "--today",
            "2026-11-22",
        )
        assert code == 0, err
    code, out, err = cli("check")
    assert code == 0, err
    return app_paths.policy_db


WITH_AND_WITHOUT = pytest.mark.parametrize("anchored", [False, True], ids=["plain", "anchored"])


@pytest.fixture
def maybe_anchored(request, monkeypatch, tmp_path):
    if request.param:
        request.getfixturevalue("credential_store")
    return request.param


CASES = {
    "unlink then change the adopted text": (
        [
            "UPDATE adoption SET version_id = NULL WHERE version_label = '2021'",
            "UPDATE block SET text = 'Officers must obey councillors.' WHERE id = (SELECT b.id "
            "FROM block b JOIN section s ON b.section_id = s.id JOIN version v ON "
            "s.version_id = v.id WHERE v.label = '2021' LIMIT 1)",
        ],
        "history row 2 (version 2021, adopted 23 March 2021) no longer links to the text it "
        "adopted",
    ),
    "unlink only": (
        ["UPDATE adoption SET version_id = NULL WHERE version_label = '2021'"],
        "no longer links to the text it adopted",
    ),
    "delete the adopted text": (
        [
            "DELETE FROM block WHERE section_id IN (SELECT id FROM section WHERE version_id = "
            "(SELECT id FROM version WHERE label='2021'))",
            "DELETE FROM section WHERE version_id = (SELECT id FROM version WHERE label='2021')",
        ],
        "the text adopted in history row 2 (version 2021, adopted 23 March 2021) has been altered",
    ),
    "change the adopted text and mark it a draft": (
        [
            "UPDATE version SET status = 'draft' WHERE label = '2021'",
            "UPDATE block SET text = 'changed' WHERE id = (SELECT b.id FROM block b JOIN section s"
            " ON b.section_id = s.id JOIN version v ON s.version_id = v.id WHERE v.label = '2021' "
            "LIMIT 1)",
        ],
        "the text adopted in history row 2",
    ),
    "delete the newest record": (
        ["DELETE FROM adoption WHERE version_label = '2021'"],
        "version 2021 is marked adopted but no adoption record covers its text",
    ),
    "delete every record": (
        ["DELETE FROM adoption"],
        "version 2020 is marked adopted but no adoption record covers its text",
    ),
    "delete every record and the head": (
        ["DELETE FROM adoption", "DELETE FROM setting WHERE key = 'history.head'"],
        "version 2021 is marked adopted but no adoption record covers its text",
    ),
}


@WITH_AND_WITHOUT
@pytest.mark.parametrize("case", list(CASES))
def test_tampering_fails_the_check(case, anchored, request, store, app_paths, cli):
    if anchored:
        request.getfixturevalue("credential_store")
    path = adopted_store(store, app_paths, cli)
    statements, says = CASES[case]
    tamper(path, *statements)
    code, out, err = cli("check")
    assert code == 1, (out, err)
    assert says in err, err
    assert "Traceback" not in err


@WITH_AND_WITHOUT
def test_deleting_a_newest_no_changes_record_is_seen(anchored, request, store, app_paths, cli):
    """The re-adopted version keeps an older record, so only the head shows the loss."""
    if anchored:
        request.getfixturevalue("credential_store")
    path = adopted_store(store, app_paths, cli, no_changes=True)
    tamper(path, "DELETE FROM adoption WHERE minute_ref = '2022-7'")
    code, _, err = cli("check")
    assert code == 1
    assert "the newest 1 adoption record has been deleted (2 of 3 remain)" in err


def test_without_a_credential_store_check_says_the_history_is_not_anchored(store, app_paths, cli):
    adopted_store(store, app_paths, cli)
    code, out, err = cli("check")
    assert code == 0, err
    assert "ok  The adoption history is intact (2 records checked)." in out
    assert "--  history checked; not anchored (no credential store on this PC)" in out


def anchored_store(store, app_paths, cli, credential_store):
    path = adopted_store(store, app_paths, cli)
    code, out, _ = cli("check")
    assert code == 0 and "ok  history anchored: 2 records confirmed" in out, out
    return path


def rewrite_chain(path) -> None:
    """Change a minute reference and recompute every record hash and the head, as someone
    holding policy.db (but not the credential store) can."""
    from mop_desktop.domain.records import Adoption

    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE adoption SET minute_ref = '2020-999' WHERE version_label = '2020'")
        rows = con.execute(
            "SELECT id, version_id, version_label, adopted_on, minute_ref, review_due, "
            "reviewer, chair, clerk, no_changes, text_sha256, imported, record_hash, "
            "adopted_by FROM adoption ORDER BY id"
        ).fetchall()
        import datetime as dt

        previous = ""
        for r in rows:
            record = Adoption(
                r[2],
                dt.date.fromisoformat(r[3]),
                r[4],
                dt.date.fromisoformat(r[5]),
                r[6],
                adopted_by=r[13] or "",
                chair=r[7],
                clerk=r[8],
                text_sha256=r[10],
                prev_hash=previous,
                record_hash=r[12],
                no_changes=bool(r[9]),
                imported=bool(r[11]),
                version_id=r[1],
            )
            new = record.compute_hash()
            con.execute(
                "UPDATE adoption SET prev_hash = ?, record_hash = ? WHERE id = ?",
                (previous, new, r[0]),
            )
            previous = new
        con.execute(
            "UPDATE setting SET value = ? WHERE key = 'history.head'",
            (json.dumps({"1": [len(rows), previous]}),),
        )
    con.close()


def test_a_recomputed_chain_passes_alone_but_not_against_the_anchor(
    store, app_paths, cli, credential_store
):
    path = anchored_store(store, app_paths, cli, credential_store)
    rewrite_chain(path)
    code, out, err = cli("check")
    assert code == 1
    assert "ok  The adoption history is intact (2 records checked)." in out
    assert (
        "history not confirmed by its anchor: history row 1 (version 2020, adopted 23 March "
        "2020) does not carry this PC's anchor"
    ) in err


def test_removing_the_anchor_from_the_store_is_seen(store, app_paths, cli, credential_store):
    path = anchored_store(store, app_paths, cli, credential_store)
    rewrite_chain(path)
    tamper(path, "DELETE FROM setting WHERE key = 'history.anchor'")
    code, _, err = cli("check")
    assert code == 1
    assert "the store no longer carries it, so the history may have been rewritten" in err


def test_deleting_the_newest_record_and_its_head_is_seen_by_the_anchor(
    store, app_paths, cli, credential_store
):
    path = anchored_store(store, app_paths, cli, credential_store)
    # the store's own head is moved back too: only the credential store still knows
    tamper(
        path,
        "DELETE FROM adoption WHERE version_label = '2021'",
        "UPDATE version SET status = 'draft' WHERE label = '2021'",
        "DELETE FROM setting WHERE key = 'history.head'",
    )
    code, _, err = cli("check")
    assert code == 1
    assert "the newest 1 anchored record is missing" in err


def test_new_adoptions_are_anchored_as_they_are_made(store, app_paths, cli, credential_store):
    anchored_store(store, app_paths, cli, credential_store)
    code, _, err = cli(
        "adopt",
        "--date",
        "2022-03-20",
        "--minute",
        "2022-7",
        "--reviewer",
        "G White",
        "--no-changes",
        "--today",
        "2026-11-22",
    )
    assert code == 0, err
    code, out, err = cli("check")
    assert code == 0, err
    assert "ok  history anchored: 3 records confirmed" in out


def test_a_moved_store_is_anchored_again_on_purpose(store, app_paths, cli, credential_store):
    anchored_store(store, app_paths, cli, credential_store)
    credential_store.unlink()  # as on another PC
    code, _, err = cli("check")
    assert code == 1 and "run: mop-desktop check --anchor-here" in err
    code, out, err = cli("check", "--anchor-here")
    assert code == 0 and "history anchored now in this PC's credential store (2 records)" in out
    code, out, err = cli("check")
    assert code == 0, err


def test_an_old_unkeyed_chain_still_verifies_and_is_anchored(
    store, app_paths, cli, credential_store
):
    """Records written before the text link was covered (plain SHA-256 hex, first payload)."""
    from mop_desktop.domain.records import Adoption

    populate(store)
    store.close()
    con = sqlite3.connect(app_paths.policy_db)
    with con:
        import datetime as dt

        previous = ""
        for r in con.execute(
            "SELECT id, version_label, adopted_on, minute_ref, review_due, "
            "reviewer, text_sha256 FROM adoption ORDER BY id"
        ).fetchall():
            legacy = Adoption(
                r[1],
                dt.date.fromisoformat(r[2]),
                r[3],
                dt.date.fromisoformat(r[4]),
                r[5],
                text_sha256=r[6],
                prev_hash=previous,
                record_hash="0" * 64,
            )
            new = legacy.compute_hash()
            assert not new.startswith("v2-") and len(new) == 64
            con.execute(
                "UPDATE adoption SET prev_hash = ?, record_hash = ? WHERE id = ?",
                (previous, new, r[0]),
            )
            previous = new
        con.execute("DELETE FROM setting WHERE key = 'history.head'")  # the old app kept none
    con.close()
    code, out, err = cli("check")
    assert code == 0, err
    assert "The adoption history is intact (2 records checked)." in out
    assert "history anchored now in this PC's credential store (2 records)" in out
    # a new adoption after old records is written in the new scheme and chained to them
    code, _, err = cli(
        "adopt",
        "--date",
        "2022-03-20",
        "--minute",
        "2022-7",
        "--reviewer",
        "G White",
        "--no-changes",
        "--today",
        "2026-11-22",
    )
    assert code == 0, err
    con = sqlite3.connect(app_paths.policy_db)
    hashes = [r[0] for r in con.execute("SELECT record_hash FROM adoption ORDER BY id")]
    con.close()
    assert [h.startswith("v2-") for h in hashes] == [False, False, True]
    code, out, err = cli("check")
    assert code == 0, err
    assert "ok  history anchored: 3 records confirmed" in out
    tamper(app_paths.policy_db, "UPDATE adoption SET reviewer = 'X' WHERE id = 1")
    code, _, err = cli("check")
    assert code == 1
    assert "history row 1 (version 2020, adopted 23 March 2020) has been altered" in err


def test_the_first_adoption_anchors_the_history(store, cli, credential_store):
    from tests.services.review_data import draft_only

    draft_only(store)
    store.close()
    code, _, err = cli(
        "adopt",
        "--date",
        "2026-03-23",
        "--minute",
        "2026-101",
        "--reviewer",
        "G White",
        "--today",
        "2026-11-22",
    )
    assert code == 0, err
    kept = json.loads(credential_store.read_text())
    assert [k.split("\x00")[0] for k in kept] == ["MOP Desktop"]
    entry = json.loads(next(iter(kept.values())))
    assert len(bytes.fromhex(entry["secret"])) == 32 and entry["heads"]["1"][0] == 1
    code, out, err = cli("check")
    assert code == 0 and "ok  history anchored: 1 record confirmed" in out, (out, err)


def test_anchor_here_refuses_an_altered_history_and_says_when_there_is_no_credential_store(
    store, app_paths, cli, request
):
    path = adopted_store(store, app_paths, cli)
    code, out, _ = cli("check", "--anchor-here")
    assert (code, out) == (0, "history checked; not anchored (no credential store on this PC)\n")
    request.getfixturevalue("credential_store")
    tamper(path, "UPDATE adoption SET minute_ref = 'forged' WHERE id = 2")
    code, out, err = cli("check", "--anchor-here")
    assert code == 1 and out == ""
    assert err.startswith("not anchored: The adoption history has been altered: history row 2")


@pytest.mark.parametrize(
    "change",
    [
        "version_label = '2019'",
        "adopted_on = '2021-03-24'",
        "minute_ref = '2021-999'",
        "review_due = '2029-03-31'",
        "reviewer = 'Someone Else'",
        "chair = 'X'",
        "clerk = 'Y'",
        "no_changes = 1",
        "imported = 1",
        "text_sha256 = ''",
        "prev_hash = ''",
        "record_hash = 'v2-' || substr(record_hash, 4, 60) || '0000'",
        "version_id = (SELECT id FROM version WHERE label = '2020')",
    ],
)
def test_every_field_of_the_newest_record_is_covered(change, store, app_paths, cli):
    path = adopted_store(store, app_paths, cli)
    tamper(path, f"UPDATE adoption SET {change} WHERE version_label = '2021'")
    code, _, err = cli("check")
    assert code == 1 and "The adoption history has been altered" in err, err
