"""The key file under real conditions: a passphrase change racing a recovery key replacement,
and SIGKILL at every step of set-up and of replacing the recovery key."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mop_desktop.store import vault

ROOT = Path(__file__).resolve().parents[2]
FIRST = "correct horse battery"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), MOP_KDF_PROFILE="test")
    env.pop("MOP_PASSPHRASE", None)
    env.pop("MOP_NEW_PASSPHRASE", None)
    env.update(extra)
    return env


def _popen(data_dir: Path, *argv: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mop_desktop", "--data-dir", str(data_dir), "concerns", *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(**env),
    )


def _run(data_dir: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mop_desktop", "--data-dir", str(data_dir), "concerns", *argv],
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _init(data_dir: Path) -> str:
    done = _run(data_dir, "init", MOP_PASSPHRASE=FIRST)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _read_key(proc: subprocess.Popen[str]) -> str | None:
    """The new recovery key the command printed (None if it stopped first)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("New recovery key"):
            return proc.stdout.readline().strip()
    return None


def _opens(key_file: Path, *, passphrase: str | None = None, recovery: str | None = None) -> bool:
    try:
        if passphrase is not None:
            vault.unlock_with_passphrase(key_file, passphrase)
        else:
            vault.unlock_with_recovery_key(key_file, recovery or "")
    except vault.WrongPassphrase:
        return False
    return True


#: Each read-modify-write of the key file waits this long between reading and writing, so
#: that without the lock the two commands would overwrite each other's change.
HOLD = {"MOP_TEST_HOLD_KEY_FILE": "0.4"}


def _replace(
    data_dir: Path, passphrase: str, crash_at: str = "", **extra: str
) -> tuple[int, str | None]:
    """Run replace-recovery-key, typing the printed key back; (exit code, key printed)."""
    if crash_at:
        extra["MOP_TEST_CRASH_AT"] = crash_at
    proc = _popen(data_dir, "replace-recovery-key", MOP_PASSPHRASE=passphrase, **extra)
    key = _read_key(proc)
    assert proc.stdin is not None
    try:
        if key:
            proc.stdin.write(key + "\n")
        proc.stdin.close()
    except BrokenPipeError:
        pass
    proc.wait(timeout=120)
    return proc.returncode, key


def test_passphrase_change_racing_recovery_key_replacement(data_dir):
    key_file = data_dir / "register.key"
    recovery = _init(data_dir)
    revoked_recovery: list[str] = []
    passphrase, revoked_passphrases = FIRST, []
    for round_no in range(5):
        new_passphrase = f"passphrase number {round_no}"
        change = _popen(
            data_dir,
            "change-passphrase",
            MOP_PASSPHRASE=passphrase,
            MOP_NEW_PASSPHRASE=new_passphrase,
            **HOLD,
        )
        code, key = _replace(data_dir, passphrase, **HOLD)
        out, err = change.communicate(timeout=120)
        assert change.returncode == 0, err
        revoked_passphrases.append(passphrase)
        passphrase = new_passphrase
        if code == 0:  # it took effect (it may have opened the register after the change: 3)
            revoked_recovery.append(recovery)
            recovery = key or ""
        else:
            assert code == 3, f"round {round_no}: replace-recovery-key exit {code}"
        assert _opens(key_file, passphrase=passphrase), f"round {round_no}: passphrase lost"
        assert _opens(key_file, recovery=recovery), f"round {round_no}: recovery key lost"
        for old in revoked_passphrases:
            assert not _opens(key_file, passphrase=old), f"round {round_no}: revoked works"
        for old in revoked_recovery:
            assert not _opens(key_file, recovery=old), f"round {round_no}: revoked key works"
    assert revoked_recovery, "no replacement took effect in any round"


@pytest.mark.parametrize(
    "point, new_in_effect",
    [
        ("", False),  # killed while waiting for the key to be typed back
        ("recovery-before-promote", False),
        ("recovery-after-promote", True),
    ],
)
def test_replacing_the_recovery_key_killed_at_each_step(data_dir, point, new_in_effect):
    key_file = data_dir / "register.key"
    old = _init(data_dir)
    if point:
        code, new = _replace(data_dir, FIRST, crash_at=point)
    else:
        proc = _popen(data_dir, "replace-recovery-key", MOP_PASSPHRASE=FIRST)
        new = _read_key(proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        code = proc.returncode
    assert code == -signal.SIGKILL and new
    assert _opens(key_file, recovery=new) is new_in_effect
    assert _opens(key_file, recovery=old) is not new_in_effect
    assert _opens(key_file, passphrase=FIRST)


def test_a_passphrase_change_killed_before_its_write_keeps_the_old_one(data_dir):
    _init(data_dir)
    done = _run(
        data_dir,
        "change-passphrase",
        MOP_PASSPHRASE=FIRST,
        MOP_NEW_PASSPHRASE="never written",
        MOP_TEST_CRASH_AT="passphrase-before-write",
    )
    assert done.returncode == -signal.SIGKILL
    assert _opens(data_dir / "register.key", passphrase=FIRST)


def _state(data_dir: Path) -> str:
    """'none' (init can run again) or 'complete' (opens); anything else fails the test."""
    listing = _run(data_dir, "list", MOP_PASSPHRASE=FIRST)
    if listing.returncode == 0:
        return "complete"
    assert listing.returncode == 2, listing.stderr
    assert "no register yet" in listing.stderr or "set-up was interrupted" in listing.stderr, (
        listing.stderr
    )
    again = _run(data_dir, "init", MOP_PASSPHRASE=FIRST)
    assert again.returncode == 0, again.stderr
    assert _run(data_dir, "list", MOP_PASSPHRASE=FIRST).returncode == 0
    return "none"


@pytest.mark.parametrize("point", ["init-after-key", "init-after-register", "init-after-shown"])
def test_init_killed_at_each_step_leaves_no_register(data_dir, point):
    done = _run(data_dir, "init", MOP_PASSPHRASE=FIRST, MOP_TEST_CRASH_AT=point)
    assert done.returncode == -signal.SIGKILL
    listing = _run(data_dir, "list", MOP_PASSPHRASE=FIRST)
    assert listing.returncode == 2 and "set-up was interrupted" in listing.stderr
    again = _run(data_dir, "init", MOP_PASSPHRASE=FIRST)
    assert again.returncode == 0, again.stderr
    assert "interrupted" in again.stderr and "set up afresh" in again.stderr
    key = again.stdout.strip().splitlines()[-1]
    assert _run(data_dir, "list", MOP_PASSPHRASE=FIRST).returncode == 0
    assert _opens(data_dir / "register.key", recovery=key)
    assert not (data_dir / "register-setup.pending").exists()


def test_init_killed_at_random_moments(tmp_path):
    rng = random.Random(11)
    seen = set()
    for run in range(6):
        data_dir = tmp_path / f"run{run}"
        proc = _popen(data_dir, "init", MOP_PASSPHRASE=FIRST)
        time.sleep(rng.uniform(0.3, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        seen.add(_state(data_dir))
    print("init kills:", sorted(seen))
    assert seen


def test_replacing_the_recovery_key_killed_at_random_moments(data_dir):
    """Old key working, or the new key working and printed: never neither, never both."""
    key_file = data_dir / "register.key"
    current = _init(data_dir)
    rng = random.Random(5)
    outcomes = set()
    for run in range(6):
        proc = _popen(data_dir, "replace-recovery-key", MOP_PASSPHRASE=FIRST)
        new = _read_key(proc)
        assert new, f"run {run}: no key printed"
        assert proc.stdin is not None
        proc.stdin.write(new + "\n")
        proc.stdin.flush()
        time.sleep(rng.choice((0.0, 0.005, 0.02, 0.05, 0.1, 0.5)))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        old_works, new_works = _opens(key_file, recovery=current), _opens(key_file, recovery=new)
        assert old_works != new_works, f"run {run}: old {old_works}, new {new_works}"
        outcomes.add("new" if new_works else "old")
        if new_works:
            current = new
        assert _opens(key_file, passphrase=FIRST)
    print("recovery key kills:", sorted(outcomes))
    assert outcomes
