"""A shared office store on PostgreSQL, checked the way the office will use it: several
command-line processes (several PCs) on one throwaway server database.

Import and show (the same JSON as from policy.db), twenty meetings added at once, one draft
adopted twice at once, ``check`` from the server, the history's anchor from two PCs, and the
confidential register nowhere in the server's database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLES
from tests.store.safety_helpers import populate, sample_text

SAMPLE = SAMPLES / "peacehaven-protocol.txt"
PASS = {"MOP_PASSPHRASE": "correct horse battery", "MOP_KDF_PROFILE": "test"}


def _env(keyring_file: Path | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
    env.pop("MOP_STORE_URL", None)
    env.pop("MOP_DATA_DIR", None)
    if keyring_file is not None:
        env["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.FileKeyring"
        env["MOP_TEST_KEYRING_FILE"] = str(keyring_file)
    return env


class PC:
    """One office PC: its own data folder and credential store, the shared store's URL."""

    def __init__(self, folder: Path, url: str, keyring: bool = False) -> None:
        # policy.db is always in its data folder: PCs "sharing" one are processes on one PC
        self.data = (
            Path(url[len("sqlite:///") :]).parent if url.startswith("sqlite:") else folder / "data"
        )
        self.data.mkdir(parents=True, exist_ok=True)
        self.url = url
        self.keyring_file = folder / "credential-store.json" if keyring else None

    def argv(self, *args: str) -> list[str]:
        return [
            sys.executable,
            "-m",
            "mop_desktop",
            "--data-dir",
            str(self.data),
            "--store",
            self.url,
            *args,
        ]

    def start(self, *args: str, **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.argv(*args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(self.keyring_file, **env),
        )

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(*args),
            capture_output=True,
            text=True,
            timeout=180,
            env=_env(self.keyring_file, **env),
        )


def _open(url: str):
    from mop_desktop.store.db import open_store

    return open_store(url)


def _new_draft(url: str, tag: str) -> None:
    from mop_desktop.store import documents as docs

    store = _open(url)
    try:
        with store.session() as s:
            docs.create_version(s, docs.protocol_document(s), sample_text(tag))
    finally:
        store.close()


def test_show_json_is_the_same_from_the_server_as_from_policy_db(pg_url, tmp_path):
    sqlite_pc = PC(tmp_path / "a", f"sqlite:///{tmp_path / 'a' / 'data' / 'policy.db'}")
    server_pc = PC(tmp_path / "b", pg_url)
    shown = []
    for pc in (sqlite_pc, server_pc):
        result = pc.run("import", str(SAMPLE))
        assert result.returncode == 0, result.stderr
        result = pc.run("show", "--json")
        assert result.returncode == 0, result.stderr
        shown.append(json.loads(result.stdout))
        result = pc.run("show")
        assert result.returncode == 0, result.stderr
        shown.append(result.stdout)
    assert shown[0]["sections"] and shown[0]["history"]
    assert shown[0] == shown[2]  # --json
    assert shown[1] == shown[3]  # the text to read
    assert not (server_pc.data / "policy.db").exists()  # nothing of it in the data folder


def test_twenty_meetings_added_at_once_are_all_kept(store_url, tmp_path):
    pc = PC(tmp_path, store_url)
    assert pc.run("meetings", "list").returncode == 0  # the store exists before the rush
    days = [f"2027-02-{n:02d}" for n in range(1, 21)]
    running = [pc.start("meetings", "add", day) for day in days]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in running]
    for p in running:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in results] == [0] * 20, results
    listed = pc.run("meetings", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [f"{day}  Full Council" for day in days]


def test_the_same_draft_adopted_twice_at_once_is_adopted_once(store_url, tmp_path):
    store = _open(store_url)
    populate(store)
    store.close()
    clerk, deputy = PC(tmp_path / "clerk", store_url), PC(tmp_path / "deputy", store_url)
    for round_ in range(3):
        if round_:
            _new_draft(store_url, f"draft {round_}")
        args = (
            "adopt",
            "--date",
            f"2026-03-{10 + round_}",
            "--minute",
            f"2026-{round_}",
            "--reviewer",
            "G White",
            "--today",
            "2026-11-22",
        )
        running = [clerk.start(*args), deputy.start(*args)]
        results = sorted((p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in running)
        for p in running:
            p.stdout.close()
            p.stderr.close()
        (ok, out, _), (refused, _, err) = results
        assert (ok, refused) == (0, 2), results
        assert "adopted on" in out
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert "meanwhile" in err or "no draft" in err, err
    shown = json.loads(clerk.run("show", "--json").stdout)
    assert [h["minute_ref"] for h in shown["history"]] == [
        "2020-101",
        "2021-101",
        "2026-0",
        "2026-1",
        "2026-2",
    ]
    check = deputy.run("check")
    assert check.returncode == 0, check.stderr
    assert "The adoption history is intact (5 records checked)." in check.stdout


def test_check_from_the_server(pg_url, tmp_path):
    pc = PC(tmp_path, pg_url)
    assert pc.run("import", str(SAMPLE)).returncode == 0
    result = pc.run("check")
    assert result.returncode == 0, result.stderr
    assert "ok  the shared store postgresql+psycopg://postgres@/" in result.stdout
    assert "ok  The adoption history is intact (1 record checked)." in result.stdout


def test_pdf_and_verify_from_the_server(pg_url, tmp_path):
    pc = PC(tmp_path, pg_url)
    assert pc.run("import", str(SAMPLE)).returncode == 0
    out = tmp_path / "protocol.pdf"
    result = pc.run("pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    result = pc.run("verify", str(out))
    assert result.returncode == 0, result.stderr


def _grant_deputy(pg_url: str) -> str:
    """A second login on the server (another officer), with the rights the app needs."""
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as con:
        con.execute(
            text(
                "DO $$ BEGIN CREATE ROLE deputy LOGIN; "
                "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
            )
        )
        con.execute(text("GRANT ALL ON ALL TABLES IN SCHEMA public TO deputy"))
        con.execute(text("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO deputy"))
    engine.dispose()
    return pg_url.replace("postgresql+psycopg://postgres@", "postgresql://deputy@")


def _rewrite_chain(url: str) -> None:
    """Change a minute reference and recompute every record hash and the head, as someone
    with the server's password (but neither PC's credential store) can."""
    from sqlalchemy import create_engine, text

    from mop_desktop.domain.records import Adoption

    engine = create_engine(url)
    with engine.begin() as con:
        con.execute(
            text("UPDATE adoption SET minute_ref = '2020-999' WHERE version_label = '2020'")
        )
        rows = con.execute(
            text(
                "SELECT id, version_id, version_label, adopted_on, minute_ref, review_due, "
                "reviewer, chair, clerk, no_changes, text_sha256, imported, record_hash, "
                "adopted_by FROM adoption ORDER BY id"
            )
        ).all()
        previous = ""
        for r in rows:
            record = Adoption(
                r[2],
                r[3],
                r[4],
                r[5],
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
                text("UPDATE adoption SET prev_hash = :p, record_hash = :h WHERE id = :id"),
                {"p": previous, "h": new, "id": r[0]},
            )
            previous = new
        con.execute(
            text("UPDATE setting SET value = :v WHERE key = 'history.head'"),
            {"v": json.dumps({"1": [len(rows), previous]})},
        )
    engine.dispose()


def test_the_history_anchor_works_from_every_pc_of_the_office(pg_url, tmp_path):
    store = _open(pg_url)
    populate(store)
    store.close()
    clerk = PC(tmp_path / "clerk", pg_url, keyring=True)
    deputy = PC(tmp_path / "deputy", _grant_deputy(pg_url), keyring=True)  # another login
    result = clerk.run("check")
    assert result.returncode == 0, result.stderr
    assert "history anchored now in this PC's credential store (2 records)" in result.stdout
    result = deputy.run("check")  # not "anchored on another PC": an anchor of its own
    assert result.returncode == 0, result.stderr
    assert "history anchored now in this PC's credential store (2 records)" in result.stdout
    # the deputy adopts; the clerk's PC confirms the record the chain vouches for
    adopted = deputy.run(
        "adopt",
        "--date",
        "2026-03-10",
        "--minute",
        "2026-5",
        "--reviewer",
        "G White",
        "--today",
        "2026-11-22",
    )
    assert adopted.returncode == 0, adopted.stderr
    for pc in (clerk, deputy, clerk):
        result = pc.run("check")
        assert result.returncode == 0, result.stderr
        assert "ok  history anchored: 3 records confirmed" in result.stdout
    # someone rewrites the history with recomputed hashes: the chain alone passes, but
    # every PC's anchor refuses it
    _rewrite_chain(pg_url)
    for pc in (clerk, deputy):
        result = pc.run("check")
        assert result.returncode == 1, result.stdout
        assert "ok  The adoption history is intact" in result.stdout
        assert (
            "history row 1 (version 2020, adopted 23 March 2020) does not carry this PC's anchor"
        ) in result.stderr


def test_the_register_is_nowhere_on_the_server(pg_url, tmp_path):
    from tests import pg_server

    pc = PC(tmp_path, pg_url)
    assert pc.run("import", str(SAMPLE)).returncode == 0
    result = pc.run("concerns", "init", **PASS)
    assert result.returncode == 0, result.stderr
    secret_words = ("Zanzibar-Quokka pressure over planning", "Councillor Threlkeld-Umber")
    log = tmp_path / "log.csv"
    log.write_text(
        "raised_on,raised_by_role,raised_by,summary,details\n"
        f"23/03/2026,officer,{secret_words[1]},{secret_words[0]},"
        "Shouted at the deputy clerk\n",
        encoding="utf-8",
    )
    result = pc.run("concerns", "import", str(log), **PASS)
    assert result.returncode == 0, result.stderr
    listed = pc.run("concerns", "list", **PASS)
    assert secret_words[0] in listed.stdout  # it is in the register, in the data folder
    assert pc.run("meetings", "add", "2027-01-07").returncode == 0
    server = pg_server.session_server()
    database = pg_url.split("@/")[1].split("?")[0]
    dump = subprocess.run(
        [
            str(server.bindir / "pg_dump"),
            "-h",
            str(server.socket_dir),
            "-U",
            "postgres",
            "--data-only",
            "--inserts",
            database,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dump.returncode == 0, dump.stderr
    assert "Peacehaven" in dump.stdout  # the protocol is there
    for words in (*secret_words, "Shouted at the deputy clerk", "C-2026-001"):
        assert words not in dump.stdout
        assert words.lower() not in dump.stdout.lower()


def test_store_may_also_follow_the_command(pg_url, tmp_path):
    """``mop-desktop show --json --store URL`` reads the server as ``--store URL show`` does."""
    pc = PC(tmp_path, pg_url)
    assert pc.run("import", str(SAMPLE)).returncode == 0
    before = subprocess.run(
        [
            sys.executable,
            "-m",
            "mop_desktop",
            "--data-dir",
            str(tmp_path / "other"),
            "show",
            "--json",
            "--store",
            pg_url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(pc.keyring_file),
    )
    assert before.returncode == 0, before.stderr
    assert json.loads(before.stdout) == json.loads(pc.run("show", "--json").stdout)
