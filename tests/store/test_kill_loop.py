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
                    reference=f"C-2026-{n:04d}",
                    raised_on=dt.date(2026, 1, 1),
                    raised_by_role="officer",
                    summary=f"summary {n}",
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
    from mop_desktop.store.register import keyed_connection, open_register

    rng = random.Random(5)
    committed = -1
    for run in range(REGISTER_RUNS):
        pid, fd = _start(_register_writer(app_paths.register_db, key, committed + 1))
        reported = _kill_at_random(pid, fd, rng)
        # the clerk's next unlock opens it (rolling back a write that was cut off) ...
        open_register(app_paths.register_db, bytearray(key)).engine.dispose()
        # ... and it passes its checks
        assert check_register(app_paths.register_db, bytearray(key)) == [], f"run {run}"
        con = keyed_connection(app_paths.register_db, bytearray(key), "rw")
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
        left = list(app_paths.backups.glob(".mop-staging-*"))
        assert len(left) <= 1, f"run {run}: the previous kill's leftovers were removed"
    from mop_desktop.store.backup_folder import backup_now

    backup_now(app_paths, app_paths.backups)  # the next backup removes what the kill left
    assert sorted(p.name for p in app_paths.backups.iterdir() if p.name.startswith(".")) == []


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


# -- several writers at once, killed at random -------------------------------------------------
ADOPT_RUNS = 30
ADOPTERS = 3
REGISTER_CROWD_RUNS = 15
REGISTER_WRITERS = 3


def _adopter(path, minute: str, go_fd: int):
    def work(fd: int) -> None:
        from mop_desktop.services.adoption import AdoptionError, AdoptionRequest, adopt

        store = open_store(path)
        os.write(fd, b"ready\n")
        os.read(go_fd, 1)  # all start together
        try:
            result = adopt(
                store, AdoptionRequest("2026-03-23", minute, "G White"), dt.date(2026, 12, 1)
            )
            os.write(fd, f"won {result.label}\n".encode())
        except AdoptionError:
            os.write(fd, b"lost\n")
        while True:  # stay alive to be killed, or be reaped
            time.sleep(1)

    return work


def test_concurrent_adoptions_killed_at_random_adopt_at_most_once(app_paths):
    from mop_desktop.services.adoption import verify_chain
    from mop_desktop.services.drafts import start_new_draft
    from mop_desktop.store import documents as docs
    from mop_desktop.store.models import AdoptionRow
    from tests.store.safety_helpers import populate

    store = open_store(app_paths.policy_db)
    populate(store, versions=1, meetings=0)
    store.close()
    rng = random.Random(23)
    wins = losses = killed_mid = 0
    for run in range(ADOPT_RUNS):
        store = open_store(app_paths.policy_db)
        with store.session() as s:
            has_draft = docs.draft_of(docs.protocol_document(s)) is not None
        if not has_draft:
            start_new_draft(store)
        store.close()
        minute = f"R-{run}"
        go_read, go_write = os.pipe()
        children = [_start(_adopter(app_paths.policy_db, minute, go_read)) for _ in range(ADOPTERS)]
        for _pid, fd in children:
            assert _read_line(fd) == b"ready\n"
        os.write(go_write, b"x" * ADOPTERS)
        time.sleep(rng.uniform(0, 0.06))
        victim = rng.randrange(ADOPTERS)
        os.kill(children[victim][0], signal.SIGKILL)
        outcomes = []
        for n, (pid, fd) in enumerate(children):
            line = _read_line(fd) if n != victim else b""
            if n != victim:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)
            outcomes.append(line)
        os.close(go_read)
        os.close(go_write)
        won = [o for o in outcomes if o.startswith(b"won")]
        wins += len(won)
        losses += outcomes.count(b"lost\n")
        assert len(won) <= 1, f"run {run}: {outcomes}"
        assert policy_problems(app_paths.policy_db) == [], f"run {run}"
        store = open_store(app_paths.policy_db)
        try:
            with store.session() as s:
                rows = s.query(AdoptionRow).filter(AdoptionRow.minute_ref == minute).all()
                labels = [r.version_label for r in s.query(AdoptionRow)]
                draft = docs.draft_of(docs.protocol_document(s))
            assert len(rows) <= 1, f"run {run}: two adoptions of one resolution"
            assert len(labels) == len(set(labels)), f"run {run}: a label twice"
            assert (draft is None) == (len(rows) == 1), f"run {run}: half an adoption"
            if not won and rows:
                killed_mid += 1  # the victim committed just before it was killed
            report = verify_chain(store)
            assert report.ok, f"run {run}: {report.summary()}"
        finally:
            store.close()
    assert wins + killed_mid > 0 and losses > 0, "the adoptions raced each other"
    print(
        f"adopt loop: {ADOPT_RUNS} runs, {wins} won, {losses} refused, "
        f"{killed_mid} committed by the process killed"
    )


def _crowd_writer(path, key: bytearray, first: int):
    def work(fd: int) -> None:
        from mop_desktop.store.register import ConcernRow, TimelineRow, open_register

        register = open_register(path, bytearray(key))
        os.write(fd, b"ready\n")
        n = first
        while True:
            with register.session() as s:
                concern = ConcernRow(
                    reference=f"C-2026-{n:05d}",
                    raised_on=dt.date(2026, 1, 1),
                    raised_by_role="officer",
                    summary=f"summary {n}",
                )
                s.add(concern)
                s.flush()
                s.add(TimelineRow(concern_id=concern.id, on=dt.date(2026, 1, 2), entry="x"))
            os.write(fd, f"{n}\n".encode())
            n += 1

    return work


def test_several_register_writers_killed_at_random_leave_a_sound_register(app_paths, monkeypatch):
    from tests.store.safety_helpers import make_register

    key = make_register(app_paths, concerns=0, monkeypatch=monkeypatch)
    from sqlalchemy.orm import Session

    from mop_desktop.store.register import ConcernRow, keyed_connection, open_register

    warm = open_register(app_paths.register_db, bytearray(key))  # the ORM set up once, inherited
    with Session(warm.engine) as s:
        s.add(
            ConcernRow(
                reference="C-2026-99999",
                raised_on=dt.date(2026, 1, 1),
                raised_by_role="officer",
                summary="warm-up",
            )
        )
        s.flush()
        s.rollback()
    warm.engine.dispose()
    rng = random.Random(29)
    next_of = [w * 10000 for w in range(REGISTER_WRITERS)]
    total_reported = 0
    for run in range(REGISTER_CROWD_RUNS):
        children = [
            _start(_crowd_writer(app_paths.register_db, key, next_of[w]))
            for w in range(REGISTER_WRITERS)
        ]
        for _pid, fd in children:
            assert _read_line(fd) == b"ready\n"
        reported: list[list[int]] = []
        for pid, fd in children:
            time.sleep(rng.uniform(0.05, 0.3))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            rest = b""
            while chunk := os.read(fd, 65536):
                rest += chunk
            os.close(fd)
            reported.append([int(x) for x in rest.split()])
        open_register(app_paths.register_db, bytearray(key)).engine.dispose()
        assert check_register(app_paths.register_db, bytearray(key)) == [], f"run {run}"
        con = keyed_connection(app_paths.register_db, bytearray(key), "rw")
        try:
            refs = {int(r[0].split("-")[2]) for r in con.execute("SELECT reference FROM concern")}
            orphans = con.execute(
                "SELECT count(*) FROM concern c WHERE NOT EXISTS "
                "(SELECT 1 FROM timeline t WHERE t.concern_id = c.id)"
            ).fetchone()[0]
        finally:
            con.close()
        assert orphans == 0, f"run {run}: a half-written concern"
        for w, numbers in enumerate(reported):
            total_reported += len(numbers)
            assert set(numbers) <= refs, f"run {run}: a reported commit went missing"
            mine = sorted(r for r in refs if w * 10000 <= r < (w + 1) * 10000)
            expected_last = numbers[-1] if numbers else next_of[w] - 1
            assert mine == list(range(w * 10000, mine[-1] + 1)) if mine else True
            last = mine[-1] if mine else w * 10000 - 1
            assert last in (expected_last, expected_last + 1), f"run {run}"
            next_of[w] = last + 1
    assert total_reported > 0
    print(
        f"register crowd: {REGISTER_CROWD_RUNS} runs x {REGISTER_WRITERS} writers, "
        f"{total_reported} commits reported"
    )


def _restore_killed_at(paths, bundle, at: int, after: bool):
    def work(fd: int) -> None:
        from mop_desktop.store.restore import restore_bundle

        real = os.replace
        calls = {"n": 0}

        def replace(src, dst):
            calls["n"] += 1
            if calls["n"] == at and not after:
                os.kill(os.getpid(), signal.SIGKILL)
            real(src, dst)
            if calls["n"] == at and after:
                os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace
        os.write(fd, b"ready\n")
        restore_bundle(paths, bundle)
        os.write(fd, b"done\n")

    return work


def test_a_restore_killed_at_every_rename_leaves_the_old_or_the_new_store(app_paths, monkeypatch):
    from mop_desktop.store import vault
    from mop_desktop.store.backup import write_bundle
    from mop_desktop.store.restore import restore_bundle
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
    add_meeting(store, 40)
    store.close()
    for name in ("register.db", "register.key"):
        (app_paths.data / name).unlink()
    key_b = make_register(app_paths, concerns=5, monkeypatch=monkeypatch)
    bundle_b = write_bundle(app_paths, app_paths.data.parent / "b.zip")
    restore_bundle(app_paths, bundle_a)
    state_a = (dump(app_paths.policy_db), register_dump(app_paths.register_db, key_a))
    restore_bundle(app_paths, bundle_b)
    state_b = (dump(app_paths.policy_db), register_dump(app_paths.register_db, key_b))
    counted = {"n": 0}
    real = os.replace

    def counting(src, dst):
        counted["n"] += 1
        real(src, dst)

    monkeypatch.setattr(os, "replace", counting)
    restore_bundle(app_paths, bundle_a)
    monkeypatch.setattr(os, "replace", real)
    renames = counted["n"]
    assert renames >= 4, "the journal, then each file of the bundle"
    current = "a"  # every killed restore is rolled back: the store stays "a"
    points = 0
    for at in range(1, renames + 1):
        for after in (False, True):
            bundle = bundle_b if current == "a" else bundle_a
            pid, fd = _start(_restore_killed_at(app_paths, bundle, at, after))
            assert _read_line(fd) == b"ready\n"
            _pid, status = os.waitpid(pid, 0)
            os.close(fd)
            assert os.WIFSIGNALED(status), f"rename {at}: the restore was killed"
            points += 1
            open_store(app_paths.policy_db, app_paths.kept_aside).close()  # undoes it
            assert not (app_paths.data / "restore-pending.json").exists()
            policy = dump(app_paths.policy_db)
            on_disk = vault.unlock_with_passphrase(app_paths.key_envelope, "correct horse battery")
            expected = state_a if policy == state_a[0] else state_b
            name = "a" if expected is state_a else "b"
            key = key_a if name == "a" else key_b
            assert policy == expected[0], f"rename {at} ({'after' if after else 'before'})"
            assert on_disk == key, f"rename {at}: the key file does not match the store"
            assert register_dump(app_paths.register_db, key) == expected[1], f"rename {at}"
            assert name == current, f"rename {at}: a killed restore is rolled back"
    print(f"restore killed at each of {renames} renames, before and after: {points} kills")
