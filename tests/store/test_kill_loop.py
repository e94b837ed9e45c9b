"""SIGKILL at random moments: a writer killed at any point leaves either the old or the new
state. A child process writes transactions and reports each commit through a pipe; the parent
kills it at a random moment, then checks the store and compares it with the reported commits."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import time

import pytest

from mop_desktop.store.db import open_store
from mop_desktop.store.integrity import check_register, policy_problems
from mop_desktop.store.models import SettingRow

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]

POLICY_RUNS = 100
REGISTER_RUNS = 40
BACKUP_RUNS = 25
ROWS_PER_COMMIT = 3


def _start(work) -> tuple[int, int]:
    """Fork a child that runs ``work(write_fd)`` after reporting "ready"."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_fd)
            work(write_fd)
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _read_line(fd: int) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
    return data


def _kill_at_random(pid: int, read_fd: int, rng: random.Random) -> list[int]:
    assert _read_line(read_fd) == b"ready\n", "the child started"
    time.sleep(rng.uniform(0, 0.1))
    os.kill(pid, signal.SIGKILL)
    _pid, status = os.waitpid(pid, 0)
    rest = b""
    while chunk := os.read(read_fd, 65536):
        rest += chunk
    os.close(read_fd)
    assert os.WIFSIGNALED(status), "the child was still writing when it was killed"
    return [int(x) for x in rest.split()]


def _policy_writer(path, start: int):
    def work(fd: int) -> None:
        store = open_store(path)
        os.write(fd, b"ready\n")
        n = start
        while True:
            with store.session() as s:
                for j in range(ROWS_PER_COMMIT):
                    s.add(SettingRow(key=f"k{n:06d}-{j}", value=str(n)))
                counter = s.get(SettingRow, "counter")
                if counter is None:
                    s.add(SettingRow(key="counter", value=str(n)))
                else:
                    counter.value = str(n)
            os.write(fd, f"{n}\n".encode())
            n += 1

    return work


def test_killed_policy_writer_never_loses_or_half_writes_a_commit(app_paths):
    rng = random.Random(20260323)
    store = open_store(app_paths.policy_db)
    with store.session() as s:  # the ORM configured once, inherited by every child
        s.add(SettingRow(key="warm-up", value="0"))
    store.close()
    commits_seen = 0
    committed = -1
    for run in range(POLICY_RUNS):
        pid, fd = _start(_policy_writer(app_paths.policy_db, committed + 1))
        reported = _kill_at_random(pid, fd, rng)
        commits_seen += len(reported)
        assert policy_problems(app_paths.policy_db) == [], f"run {run}"
        store = open_store(app_paths.policy_db)
        try:
            with store.session() as s:
                rows = s.query(SettingRow).filter(SettingRow.key.like("k%")).all()
                counter = s.get(SettingRow, "counter")
        finally:
            store.close()
        per_commit: dict[int, int] = {}
        for row in rows:
            per_commit[int(row.value)] = per_commit.get(int(row.value), 0) + 1
        assert set(per_commit.values()) <= {ROWS_PER_COMMIT}, f"run {run}: a half-written change"
        last = max(per_commit) if per_commit else -1
        assert sorted(per_commit) == list(range(last + 1)), f"run {run}: a change went missing"
        # every reported commit is there; at most the one in flight is there unreported
        expected_last = reported[-1] if reported else committed
        assert last in (expected_last, expected_last + 1), f"run {run}"
        if last >= 0:
            assert counter is not None and int(counter.value) == last
        committed = last
    assert commits_seen > 0, "the children committed work between the kills"


def _register_writer(path, key: bytearray, start: int):
    def work(fd: int) -> None:
        from mop_desktop.store.register import ConcernRow, TimelineRow, open_register

        register = open_register(path, bytearray(key))
        os.write(fd, b"ready\n")
        n = start
        while True:
            with register.session() as s:
                concern = ConcernRow(
                    reference=f"C-2026-{n:04d}", raised_on=dt.date(2026, 1, 1),
                    raised_by_role="officer", summary=f"summary {n}",
                )
                s.add(concern)
                s.flush()
                for j in range(2):
                    s.add(TimelineRow(concern_id=concern.id, on=dt.date(2026, 1, 2), entry=f"{j}"))
            os.write(fd, f"{n}\n".encode())
            n += 1

    return work


def test_killed_register_writer_leaves_a_sound_register(app_paths, monkeypatch):
    from tests.store.safety_helpers import make_register

    key = make_register(app_paths, concerns=0, monkeypatch=monkeypatch)
    from mop_desktop.store.register import _keyed_connection, open_register

    rng = random.Random(5)
    committed = -1
    for run in range(REGISTER_RUNS):
        pid, fd = _start(_register_writer(app_paths.register_db, key, committed + 1))
        reported = _kill_at_random(pid, fd, rng)
        # the clerk's next unlock opens it (rolling back a write that was cut off) ...
        open_register(app_paths.register_db, bytearray(key)).engine.dispose()
        # ... and it passes its checks
        assert check_register(app_paths.register_db, bytearray(key)) == [], f"run {run}"
        con = _keyed_connection(app_paths.register_db, bytearray(key), "rw")
        try:
            refs = [r[0] for r in con.execute("SELECT reference FROM concern ORDER BY id")]
            entries = con.execute(
                "SELECT count(*) FROM concern c JOIN timeline t ON t.concern_id = c.id"
            ).fetchone()[0]
            fts = con.execute("SELECT count(*) FROM concern_fts").fetchone()[0]
        finally:
            con.close()
        assert entries == 2 * len(refs), f"run {run}: a half-written concern"
        assert fts == len(refs)
        last = len(refs) - 1
        expected_last = reported[-1] if reported else committed
        assert last in (expected_last, expected_last + 1), f"run {run}"
        committed = last


def _backup_writer(paths):
    def work(fd: int) -> None:
        from mop_desktop.store.backup_folder import backup_now

        os.write(fd, b"ready\n")
        while True:
            backup_now(paths, paths.backups)

    return work


def test_killed_backup_never_leaves_a_partial_bundle_in_place(app_paths):
    from mop_desktop.store.backup import verify_bundle
    from mop_desktop.store.backup_folder import list_backups
    from tests.store.safety_helpers import populate

    store = open_store(app_paths.policy_db)
    populate(store, versions=3, meetings=20)
    store.close()
    rng = random.Random(11)
    for run in range(BACKUP_RUNS):
        pid, fd = _start(_backup_writer(app_paths))
        _kill_at_random(pid, fd, rng)
        for _stamp, path in list_backups(app_paths.backups):
            verify_bundle(path)  # raises if a bundle in place is incomplete
        assert policy_problems(app_paths.policy_db) == [], f"run {run}"


RESTORE_RUNS = 25


def _restore_writer(paths, bundles):
    def work(fd: int) -> None:
        from mop_desktop.store.restore import restore_bundle

        os.write(fd, b"ready\n")
        n = 0
        while True:
            restore_bundle(paths, bundles[n % 2])
            n += 1

    return work


def test_killed_restore_leaves_the_old_or_the_new_store(app_paths, monkeypatch):
    from mop_desktop.store.backup import write_bundle
    from tests.store.safety_helpers import (
        add_meeting,
        dump,
        make_register,
        populate,
        register_dump,
    )

    store = open_store(app_paths.policy_db)
    populate(store, meetings=2)
    key_a = make_register(app_paths, concerns=2, monkeypatch=monkeypatch)
    bundle_a = write_bundle(app_paths, app_paths.data.parent / "a.zip")
    state_a = (dump(app_paths.policy_db), register_dump(app_paths.register_db, key_a))
    add_meeting(store, 40)
    store.close()
    for name in ("register.db", "register.key"):
        (app_paths.data / name).unlink()
    key_b = make_register(app_paths, concerns=5, monkeypatch=monkeypatch)
    bundle_b = write_bundle(app_paths, app_paths.data.parent / "b.zip")
    state_b = (dump(app_paths.policy_db), register_dump(app_paths.register_db, key_b))
    assert state_a != state_b
    rng = random.Random(17)
    seen = set()
    for run in range(RESTORE_RUNS):
        pid, fd = _start(_restore_writer(app_paths, (bundle_a, bundle_b)))
        _kill_at_random(pid, fd, rng)
        open_store(app_paths.policy_db, app_paths.kept_aside).close()  # undoes a half restore
        assert not (app_paths.data / "restore-pending.json").exists()
        policy = dump(app_paths.policy_db)
        from mop_desktop.store import vault

        key_on_disk = vault.unlock_with_passphrase(app_paths.key_envelope, "correct horse battery")
        if policy == state_a[0]:
            assert key_on_disk == key_a, f"run {run}: the key file does not match"
            assert register_dump(app_paths.register_db, key_a) == state_a[1], f"run {run}"
            seen.add("a")
        else:
            assert policy == state_b[0], f"run {run}: neither the old nor the new store"
            assert key_on_disk == key_b, f"run {run}: the key file does not match"
            assert register_dump(app_paths.register_db, key_b) == state_b[1], f"run {run}"
            seen.add("b")
    assert seen, "the restores ran"
