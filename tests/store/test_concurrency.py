"""Several programs at once on one data folder: the window and the command line side by side,
or a shared office. Every run here starts real processes at the same moment."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

PASSPHRASE = "correct horse battery"
ADOPTERS = 4
IMPORTERS = 6


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), MOP_KDF_PROFILE="test", **extra)


def start_together(data_dir: Path, argvs: list[list[str]], env: dict[str, str]):
    """Start one process per argv, released at the same moment; (code, stdout, stderr) each.

    Each child waits for a go file before running the command, so that Python's start-up
    time does not spread them out."""
    go = data_dir.parent / f"go-{time.monotonic_ns()}"
    runner = (
        "import os, sys, time\n"
        "go = sys.argv[1]\n"
        "while not os.path.exists(go): time.sleep(0.002)\n"
        "from mop_desktop.cli import main\n"
        "sys.exit(main(sys.argv[2:]))\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", runner, str(go), "--data-dir", str(data_dir), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for argv in argvs
    ]
    time.sleep(1.5)  # every child has imported the CLI and waits for the go file
    go.write_text("go")
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append((proc.returncode, out, err))
    go.unlink()
    return results


def labels(policy_db: Path) -> list[str]:
    con = sqlite3.connect(policy_db)
    try:
        return [r[0] for r in con.execute("SELECT version_label FROM adoption ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def adopted_with_draft(cli, data_dir, samples):
    """The sample protocol as adopted version 2021, and a draft started from it."""
    code, _out, err = cli("import", str(samples / "peacehaven-protocol.txt"))
    assert code == 0, err
    from mop_desktop.paths import resolve_paths
    from mop_desktop.services.drafts import start_new_draft
    from mop_desktop.store.db import open_store

    paths = resolve_paths(data_dir)
    store = open_store(paths.policy_db, paths.kept_aside)
    try:
        start_new_draft(store)
    finally:
        store.close()
    return data_dir


@pytest.mark.parametrize("no_changes", [False, True], ids=["adopt", "adopt --no-changes"])
def test_the_same_adoption_four_times_at_once_adopts_once(adopted_with_draft, cli, no_changes):
    data_dir = adopted_with_draft
    before = labels(data_dir / "policy.db")
    argv = ["adopt", "--date", "2026-03-23", "--minute", "2026-101", "--reviewer", "G White"]
    if no_changes:
        argv.append("--no-changes")
    results = start_together(data_dir, [argv] * ADOPTERS, _env())
    winners = [r for r in results if r[0] == 0]
    losers = [r for r in results if r[0] != 0]
    assert len(winners) == 1, results
    after = labels(data_dir / "policy.db")
    assert len(after) == len(before) + 1
    assert len(set(after)) == len(after), "one history row per label"
    won = after[-1]
    assert f"Version {won} " in winners[0][1]
    for code, _out, err in losers:
        assert code == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        # refused under the lock, or (started a moment later) finding the draft gone
        assert lines[0] in (
            f"mop-desktop adopt: the draft was adopted meanwhile (version {won})",
            f"mop-desktop adopt: the draft was adopted meanwhile (version {won}): "
            "there is no draft left to adopt",
        ), err
    code, out, err = cli("check")
    assert code == 0, out + err
    assert "intact" in out


def test_different_labels_at_once_still_adopt_once(adopted_with_draft, cli):
    data_dir = adopted_with_draft
    argvs = [
        [
            "adopt",
            "--date",
            "2026-03-23",
            "--minute",
            f"2026-10{n}",
            "--reviewer",
            "G White",
            "--version",
            f"2026-{n}",
        ]
        for n in range(ADOPTERS)
    ]
    results = start_together(data_dir, argvs, _env())
    assert sum(1 for r in results if r[0] == 0) == 1, results
    for code, _out, err in results:
        if code:  # refused under the lock, or (started later) found no draft left
            assert code == 2 and len(err.strip().splitlines()) == 1
            assert (
                "the draft was adopted meanwhile (version 2026-" in err
                or "There is no draft to adopt" in err
            ), err
    code, out, err = cli("check")
    assert code == 0, out + err


def test_a_write_lock_held_elsewhere_is_waited_for(adopted_with_draft, cli):
    """Another program holds the write lock for 2 s: the adoption waits, then succeeds."""
    con = sqlite3.connect(adopted_with_draft / "policy.db", isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mop_desktop",
            "--data-dir",
            str(adopted_with_draft),
            "adopt",
            "--date",
            "2026-03-23",
            "--minute",
            "2026-101",
            "--reviewer",
            "G White",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    time.sleep(2.0)
    con.execute("COMMIT")
    con.close()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "adopted on 23 March 2026" in out


def test_a_store_busy_beyond_the_timeout_says_busy_not_damaged(
    adopted_with_draft, cli, monkeypatch
):
    from mop_desktop.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    before = labels(adopted_with_draft / "policy.db")  # the imported adoption only
    assert len(before) == 1
    con = sqlite3.connect(adopted_with_draft / "policy.db", isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    try:
        code, _out, err = cli(
            "adopt", "--date", "2026-03-23", "--minute", "2026-101", "--reviewer", "G White"
        )
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert code == 2
    assert err.strip().splitlines() == [
        "mop-desktop adopt: busy: another program is writing; try again"
    ]
    assert "damaged" not in err and "restore" not in err
    assert labels(adopted_with_draft / "policy.db") == before  # nothing was adopted


# -- the register -----------------------------------------------------------------------------
def _csv(folder: Path, n: int, rows: int = 3) -> Path:
    path = folder / f"log-{n}.csv"
    lines = ["raised_on,raised_by_role,summary"]
    lines += [f"2026-02-{d + 1:02d},officer,import {n} row {d}" for d in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_six_register_imports_at_once_succeed_or_say_busy(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    env = {"MOP_PASSPHRASE": PASSPHRASE, "MOP_KDF_PROFILE": "test"}
    code, _out, err = cli("concerns", "init", env=env)
    assert code == 0, err
    files = [_csv(tmp_path, n) for n in range(IMPORTERS)]
    started = time.perf_counter()
    results = start_together(
        data_dir, [["concerns", "import", str(f)] for f in files], _env(MOP_PASSPHRASE=PASSPHRASE)
    )
    elapsed = time.perf_counter() - started
    imported = 0
    for code, out, err in results:
        assert "damaged" not in err and "restore" not in err, err
        if code == 0:
            assert out.strip() == "Imported 3 concern(s)."
            imported += 1
        else:
            assert err.strip().endswith("busy: another program is writing; try again"), err
    assert imported >= 1
    code, out, err = cli("concerns", "list", "--json", env=env)
    assert code == 0, err
    import json

    assert len(json.loads(out)) == 3 * imported, "all rows of each import or none"
    from mop_desktop.paths import resolve_paths
    from mop_desktop.store import vault
    from mop_desktop.store.integrity import check_register

    paths = resolve_paths(data_dir)
    key = vault.unlock_with_passphrase(paths.key_envelope, PASSPHRASE)
    assert check_register(paths.register_db, key) == []
    print(f"six imports at once: {imported} imported, {elapsed:.1f} s")


def test_a_register_busy_beyond_the_timeout_says_busy(cli, data_dir, tmp_path, monkeypatch):
    """Another program holds the register's write lock: an import waits, then says busy."""
    env = {"MOP_PASSPHRASE": PASSPHRASE, "MOP_KDF_PROFILE": "test"}
    code, _out, err = cli("concerns", "init", env=env)
    assert code == 0, err
    from mop_desktop.paths import resolve_paths
    from mop_desktop.store import vault
    from mop_desktop.store.register import keyed_connection

    paths = resolve_paths(data_dir)
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    key = vault.unlock_with_passphrase(paths.key_envelope, PASSPHRASE)
    holder = keyed_connection(paths.register_db, key, "rw")
    holder.isolation_level = None
    holder.execute("BEGIN EXCLUSIVE")
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "mop_desktop",
                "--data-dir",
                str(data_dir),
                "concerns",
                "import",
                str(_csv(tmp_path, 1)),
            ],
            capture_output=True,
            text=True,
            env=_env(MOP_PASSPHRASE=PASSPHRASE),
            timeout=120,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mop-desktop concerns: ")
    assert lines[0].endswith("busy: another program is writing; try again")
    code, out, err = cli("concerns", "list", "--json", env=env)
    import json

    assert code == 0 and json.loads(out) == [], "nothing was imported"
