"""Restore bundles made to do harm, or damaged: each is refused with one line naming the member
and what is wrong, before anything is replaced; the data folder stays byte for byte as it was.
Each bundle is rebuilt the way an attacker would: the manifest's hashes and sizes updated."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from tests.store.safety_helpers import file_hashes, make_register, populate

PASSPHRASE = "correct horse battery"


@pytest.fixture
def good(app_paths, store, tmp_path, monkeypatch):
    """A store with a register, and a sound bundle of it."""
    from mop_desktop.store.backup import write_bundle

    populate(store)
    make_register(app_paths, concerns=3, monkeypatch=monkeypatch)
    store.close()
    return write_bundle(app_paths, tmp_path / "good.zip")


def rebuild(
    bundle: Path,
    out: Path,
    replace: dict[str, bytes] | None = None,
    manifest: object = None,
    extra: dict[str, bytes] | None = None,
    compress: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A copy of ``bundle`` with members replaced and the manifest made to match them."""
    replace = replace or {}
    with zipfile.ZipFile(bundle) as src:
        data = {n: src.read(n) for n in src.namelist()}
    data.update(replace)
    meta = json.loads(data.pop("manifest.json"))
    for name in replace:
        meta["files"][name] = {
            "sha256": hashlib.sha256(data[name]).hexdigest(),
            "size": len(data[name]),
        }
    meta["counts"]["policy.db"] = None
    text = json.dumps(meta if manifest is None else manifest).encode()
    with zipfile.ZipFile(out, "w", compression=compress) as dst:
        dst.writestr("manifest.json", text)
        for name, blob in {**data, **(extra or {})}.items():
            dst.writestr(name, blob)
    return out


def policy_with(bundle: Path, tmp_path: Path, *statements: str) -> bytes:
    with zipfile.ZipFile(bundle) as src:
        blob = src.read("policy.db")
    path = tmp_path / "edited.db"
    path.write_bytes(blob)
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return path.read_bytes()


def refused(cli, app_paths, bundle: Path, *words: str, env: dict[str, str] | None = None) -> str:
    before = file_hashes(app_paths.data)
    started = time.perf_counter()
    code, _out, err = cli("restore", str(bundle), env=env)
    elapsed = time.perf_counter() - started
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    for word in words:
        assert word in lines[0], lines[0]
    assert file_hashes(app_paths.data) == before, "nothing changed"
    assert not list(app_paths.data.glob(".mop-staging-*"))
    assert elapsed < 20, f"refused in {elapsed:.1f} s"
    return lines[0]


def test_the_good_bundle_restores(cli, app_paths, good):
    code, _out, err = cli("restore", str(good), env={"MOP_PASSPHRASE": PASSPHRASE})
    assert code == 0, err


def test_a_random_register_is_refused_with_the_passphrase(cli, app_paths, good, tmp_path):
    with zipfile.ZipFile(good) as src:
        size = src.getinfo("register.db").file_size
    bad = rebuild(good, tmp_path / "bad.zip", {"register.db": os.urandom(size)})
    refused(cli, app_paths, bad, "register.db", "refused", env={"MOP_PASSPHRASE": PASSPHRASE})


@pytest.mark.parametrize(
    "blob", [b"random bytes, not whole pages" * 7, b""], ids=["odd size", "empty"]
)
def test_a_register_that_is_not_whole_pages_is_refused(cli, app_paths, good, tmp_path, blob):
    bad = rebuild(good, tmp_path / "bad.zip", {"register.db": blob})
    refused(cli, app_paths, bad, "register.db", "refused")


def test_an_unencrypted_register_is_refused(cli, app_paths, good, tmp_path):
    plain = tmp_path / "plain.db"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE concern (summary TEXT)")
    con.commit()
    con.close()
    bad = rebuild(good, tmp_path / "bad.zip", {"register.db": plain.read_bytes()})
    refused(cli, app_paths, bad, "register.db", "not encrypted")


def test_a_key_file_with_a_broken_checksum_is_refused(cli, app_paths, good, tmp_path):
    with zipfile.ZipFile(good) as src:
        envelope = json.loads(src.read("register.key"))
    envelope["changed"] = "2020-01-01T00:00:00+00:00"  # the checksum no longer matches
    bad = rebuild(good, tmp_path / "bad.zip", {"register.key": json.dumps(envelope).encode()})
    refused(cli, app_paths, bad, "register.key", "damaged")


@pytest.mark.parametrize(
    "field, value",
    [("time_cost", 1_000_000), ("memory_kib", 12 * 1024 * 1024), ("parallelism", 4096)],
)
def test_a_key_file_demanding_absurd_costs_is_refused_at_once(
    cli, app_paths, good, tmp_path, field, value
):
    with zipfile.ZipFile(good) as src:
        envelope = json.loads(src.read("register.key"))
    envelope.pop("checksum")
    envelope["kdf"][field] = value
    canonical = json.dumps(envelope, sort_keys=True, separators=(",", ":")).encode()
    envelope["checksum"] = hashlib.sha256(canonical).hexdigest()  # a valid checksum
    bad = rebuild(good, tmp_path / "bad.zip", {"register.key": json.dumps(envelope).encode()})
    started = time.perf_counter()
    refused(cli, app_paths, bad, "register.key", "refused", env={"MOP_PASSPHRASE": PASSPHRASE})
    assert time.perf_counter() - started < 10


def test_a_policy_store_from_a_newer_release_is_refused_before_the_swap(
    cli, app_paths, good, tmp_path
):
    policy = policy_with(good, tmp_path, "UPDATE alembic_version SET version_num = '9999'")
    bad = rebuild(good, tmp_path / "bad.zip", {"policy.db": policy})
    refused(cli, app_paths, bad, "policy.db", "newer release")
    code, _out, err = cli("show", "--json")
    assert code == 0, err


@pytest.mark.parametrize(
    "statement, words",
    [
        (
            "CREATE TRIGGER rewrite AFTER INSERT ON adoption BEGIN "
            "UPDATE block SET text = 'altered'; END",
            "trigger 'rewrite'",
        ),
        ("CREATE VIEW v AS SELECT * FROM adoption", "view 'v'"),
        ("CREATE TABLE stash (x)", "table 'stash'"),
        ("CREATE INDEX ix_extra ON adoption (minute_ref)", "index 'ix_extra'"),
        ("DROP INDEX ix_export_sha256", "lacks its index"),
    ],
    ids=["trigger", "view", "table", "index", "missing index"],
)
def test_a_policy_store_with_other_schema_objects_is_refused(
    cli, app_paths, good, tmp_path, statement, words
):
    policy = policy_with(good, tmp_path, statement)
    bad = rebuild(good, tmp_path / "bad.zip", {"policy.db": policy})
    refused(cli, app_paths, bad, "policy.db", words)


def test_a_zip_bomb_is_refused_before_it_is_expanded(cli, app_paths, good, tmp_path):
    import resource

    zeros = b"\0" * (256 * 1024 * 1024)
    bad = rebuild(good, tmp_path / "bomb.zip", {"policy.db": zeros})
    del zeros
    assert bad.stat().st_size < 2 * 1024 * 1024
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    line = refused(cli, app_paths, bad, "policy.db", "zip bomb")
    assert "expands" in line
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 64 * 1024


def test_a_bundle_of_many_files_is_refused(cli, app_paths, good, tmp_path):
    extra = {f"x{n}": b"" for n in range(2000)}
    bad = rebuild(good, tmp_path / "many.zip", extra=extra)
    refused(cli, app_paths, bad, "2004 files")


def test_a_member_larger_than_its_manifest_says_is_refused(cli, app_paths, good, tmp_path):
    with zipfile.ZipFile(good) as src:
        meta = json.loads(src.read("manifest.json"))
    meta["files"]["policy.db"]["size"] = 1000
    bad = rebuild(good, tmp_path / "bad.zip", manifest=meta)
    refused(cli, app_paths, bad, "policy.db", "size")


def test_a_deeply_nested_manifest_is_one_line(cli, app_paths, good, tmp_path):
    bad = tmp_path / "nested.zip"
    with zipfile.ZipFile(bad, "w") as dst:
        dst.writestr("manifest.json", "[" * 100_000 + "]" * 100_000)
    refused(cli, app_paths, bad, "manifest")


def test_a_register_without_its_key_file_is_refused(cli, app_paths, good, tmp_path):
    with zipfile.ZipFile(good) as src:
        data = {n: src.read(n) for n in src.namelist()}
    meta = json.loads(data["manifest.json"])
    del meta["files"]["register.key"]
    bad = tmp_path / "nokey.zip"
    with zipfile.ZipFile(bad, "w") as dst:
        dst.writestr("manifest.json", json.dumps(meta))
        for name in ("policy.db", "register.db"):
            dst.writestr(name, data[name])
    refused(cli, app_paths, bad, "without its key file")


def test_verify_bundle_applies_the_same_checks(good, tmp_path):
    from mop_desktop.store.backup import BackupError, verify_bundle

    policy = policy_with(
        good, tmp_path, "CREATE TRIGGER t AFTER INSERT ON meeting BEGIN SELECT 1; END"
    )
    bad = rebuild(good, tmp_path / "bad.zip", {"policy.db": policy})
    with pytest.raises(BackupError, match="trigger 't'"):
        verify_bundle(bad)
    assert verify_bundle(good).has_register
