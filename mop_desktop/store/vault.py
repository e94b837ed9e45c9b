"""The register's keys: a random 256-bit data key, stored only wrapped, in ``register.key``
(its format: ``store/key_envelope.py``; its failures: ``store/key_errors.py``, re-exported here).

A checksum that does not match means the key file is damaged ("restore from backup"); a checksum
that matches and a GCM tag that fails means the passphrase is wrong. Changing the passphrase
re-wraps the data key; it never re-encrypts the register.

The recovery key (``store/recovery_key.py``) is 120 random bits written as seven groups of four
characters, the last a check group. A new one is first stored as a pending wrapping and shown
(``propose_recovery_key``); it replaces the old one only when given back
(``confirm_recovery_key``).

Argon2id cost: 128 MiB, t=3 (at least), p=1, calibrated at set-up to take about one second on
the machine (t is raised until it does). ``MOP_KDF_PROFILE=test`` selects a tiny cost for the
test suite; envelopes with that cost are refused unless the same variable is set.

Every read-modify-write of the key file holds ``store.keylock.key_file_lock`` and re-reads the
file under it; slow key derivations happen before the lock is taken.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from mop_desktop.store import recovery_key as recovery
from mop_desktop.store.key_envelope import (
    FORMAT,
    FORMAT_VERSION,
    KEY_BYTES,
    Envelope,
    KdfParams,
    Wrap,
    key_check,
    now_text,
    passphrase_aad,
    read_envelope,
    recovery_aad,
    seal,
    unseal,
    write_envelope,
)
from mop_desktop.store.key_errors import (
    EnvelopeDamaged,
    KeyFileChanged,
    NoRegister,
    NotTheNewRecoveryKey,
    VaultError,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)

#: Re-exported: the key file's format and failures are part of this module's interface.
__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "KEY_BYTES",
    "Envelope",
    "EnvelopeDamaged",
    "KdfParams",
    "KeyFileChanged",
    "NoRegister",
    "NotTheNewRecoveryKey",
    "VaultError",
    "WeakPassphrase",
    "Wrap",
    "WrongPassphrase",
    "WrongRecoveryKey",
    "calibrate",
    "check_new_passphrase",
    "confirm_recovery_key",
    "create_envelope",
    "derive_key",
    "failure_delay",
    "key_check",
    "new_recovery_key",
    "normalise_recovery_key",
    "propose_recovery_key",
    "read_envelope",
    "replace_recovery_key",
    "set_passphrase",
    "unlock_with_passphrase",
    "unlock_with_recovery_key",
    "verify_passphrase",
    "write_envelope",
    "zero",
]

ENV_KDF_PROFILE = "MOP_KDF_PROFILE"

#: Production Argon2id cost: memory in KiB, iterations, lanes.
MEMORY_KIB = 128 * 1024
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
MAX_TIME_COST = 12
PARALLELISM = 1
TARGET_SECONDS = 1.0

#: The cost chosen when MOP_KDF_PROFILE=test (the test suite only).
TEST_MEMORY_KIB = 8 * 1024
TEST_TIME_COST = 1


# -- the test profile -------------------------------------------------------------------------
def test_profile() -> bool:
    """True only when MOP_KDF_PROFILE=test is set explicitly (the test suite)."""
    return os.environ.get(ENV_KDF_PROFILE, "") == "test"


# -- bytes helpers ----------------------------------------------------------------------------
def zero(buffer: bytearray | None) -> None:
    """Overwrite a key held in a bytearray."""
    if buffer is not None:
        for i in range(len(buffer)):
            buffer[i] = 0


# -- key derivation ---------------------------------------------------------------------------
def derive_key(passphrase: str, params: KdfParams) -> bytearray:
    from argon2.low_level import Type, hash_secret_raw

    raw = hash_secret_raw(
        passphrase.encode("utf-8"),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return bytearray(raw)


def calibrate(target: float = TARGET_SECONDS) -> KdfParams:
    """Parameters for a new envelope: the test cost under MOP_KDF_PROFILE=test, otherwise
    128 MiB and the smallest t >= 3 that takes about ``target`` seconds here."""
    salt = secrets.token_bytes(16)
    if test_profile():
        return KdfParams(TEST_MEMORY_KIB, TEST_TIME_COST, PARALLELISM, salt)
    probe = KdfParams(MEMORY_KIB, MIN_TIME_COST, PARALLELISM, salt)
    started = time.perf_counter()
    zero(derive_key("calibration", probe))
    per_pass = (time.perf_counter() - started) / MIN_TIME_COST
    time_cost = MIN_TIME_COST
    if per_pass > 0:
        time_cost = max(MIN_TIME_COST, min(MAX_TIME_COST, round(target / per_pass)))
    return KdfParams(MEMORY_KIB, time_cost, PARALLELISM, salt)


def _check_cost(params: KdfParams) -> None:
    if params.memory_kib < MIN_MEMORY_KIB or params.time_cost < MIN_TIME_COST:
        if not test_profile():
            raise EnvelopeDamaged(
                "key file uses a key-derivation cost below the minimum: restore from backup"
            )


# -- the recovery key (store/recovery_key.py) -------------------------------------------------
new_recovery_key = recovery.new_recovery_key


def normalise_recovery_key(text: str) -> str:
    """The key as typed back -> its data characters; WrongRecoveryKey says what is wrong."""
    try:
        return recovery.normalise(text)
    except recovery.RecoveryKeyMistyped as exc:
        raise WrongRecoveryKey(str(exc)) from None


def _recovery_wrapping_key(typed: str, salt: bytes) -> bytearray:
    normalise_recovery_key(typed)
    return recovery.wrapping_key(typed, salt)


# -- slowing failed attempts ------------------------------------------------------------------
_failures = 0


def failure_delay(failures: int) -> float:
    """Seconds to wait after the n-th wrong attempt in a row: 0, 1, 2, 4 ... capped at 30.
    Never a wipe: the register is not touched, however many attempts fail."""
    if failures <= 1:
        return 0.0
    return float(min(30, 2 ** (failures - 2)))


def _note_failure() -> None:
    global _failures
    _failures += 1
    delay = failure_delay(_failures)
    if delay and not test_profile():
        time.sleep(delay)


def failures_so_far() -> int:
    return _failures


def _note_success() -> None:
    global _failures
    _failures = 0


# -- the operations ---------------------------------------------------------------------------
MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(f"passphrase too short: use at least {MIN_PASSPHRASE} characters")


def create_envelope(path: Path, passphrase: str) -> tuple[bytearray, str]:
    """A new data key and recovery key, with the envelope written to ``path``.

    Returns (data key, recovery key). Refuses to overwrite an existing key file. The caller
    holds the key-file lock (``RegisterService.init``).
    """
    if path.exists():
        raise VaultError(f"{path.name} already exists: the register is set up already")
    check_new_passphrase(passphrase)
    data_key = bytearray(secrets.token_bytes(KEY_BYTES))
    kdf = calibrate()
    kek = derive_key(passphrase, kdf)
    recovery_key = new_recovery_key()
    recovery_salt = secrets.token_bytes(16)
    rkek = _recovery_wrapping_key(recovery_key, recovery_salt)
    try:
        now = now_text()
        envelope = Envelope(
            kdf=kdf,
            passphrase_wrap=seal(kek, data_key, passphrase_aad(2, kdf)),
            recovery_salt=recovery_salt,
            recovery_wrap=seal(rkek, data_key, recovery_aad(2, recovery_salt)),
            created=now,
            changed=now,
            key_check=key_check(data_key),
        )
    finally:
        zero(kek)
        zero(rkek)
    write_envelope(path, envelope)
    return data_key, recovery_key


def _checked_key(envelope: Envelope, key: bytearray | None) -> bytearray | None:
    """A key unsealed from ``envelope``; one that fails the file's key check is damage."""
    if (
        key is not None
        and envelope.key_check is not None
        and not _same(key_check(key), envelope.key_check)
    ):
        zero(key)
        raise EnvelopeDamaged()
    return key


def _same(a: bytes, b: bytes) -> bool:
    import hmac

    return hmac.compare_digest(a, b)


def unlock_with_passphrase(path: Path, passphrase: str) -> bytearray:
    envelope = read_envelope(path)
    _check_cost(envelope.kdf)
    kek = derive_key(passphrase, envelope.kdf)
    try:
        key = unseal(
            kek,
            envelope.passphrase_wrap,
            passphrase_aad(envelope.passphrase_wrap.scheme, envelope.kdf),
        )
    finally:
        zero(kek)
    key = _checked_key(envelope, key)
    if key is None:
        _note_failure()
        raise WrongPassphrase()
    _note_success()
    return key


def unlock_with_recovery_key(path: Path, recovery_key: str) -> bytearray:
    envelope = read_envelope(path)
    rkek = _recovery_wrapping_key(recovery_key, envelope.recovery_salt)
    try:
        key = unseal(
            rkek,
            envelope.recovery_wrap,
            recovery_aad(envelope.recovery_wrap.scheme, envelope.recovery_salt),
        )
    finally:
        zero(rkek)
    key = _checked_key(envelope, key)
    if key is None:
        _note_failure()
        raise WrongRecoveryKey()
    _note_success()
    return key


def _reread_for(path: Path, data_key: bytearray) -> Envelope:
    """The key file as it is now (read under the lock), checked to belong to ``data_key``."""
    envelope = read_envelope(path)
    if envelope.key_check is not None and not _same(key_check(data_key), envelope.key_check):
        raise KeyFileChanged()
    return envelope


def _save(path: Path, envelope: Envelope, data_key: bytearray) -> None:
    hold_point()
    envelope.key_check = key_check(data_key)
    envelope.changed = now_text()
    write_envelope(path, envelope)


def set_passphrase(path: Path, data_key: bytearray, new_passphrase: str) -> None:
    """Re-wrap the data key under a new passphrase (new salt; recovery wrapping kept).

    The slow derivation runs first; the lock is held only to re-read, change and write."""
    from mop_desktop.store.keylock import key_file_lock

    check_new_passphrase(new_passphrase)
    kdf = calibrate()
    kek = derive_key(new_passphrase, kdf)
    try:
        wrap = seal(kek, data_key, passphrase_aad(2, kdf))
    finally:
        zero(kek)
    with key_file_lock(path):
        envelope = _reread_for(path, data_key)
        envelope.kdf = kdf
        envelope.passphrase_wrap = wrap
        crash_point("passphrase-before-write")
        _save(path, envelope, data_key)


def propose_recovery_key(path: Path, data_key: bytearray) -> str:
    """A new recovery key, stored only as a pending wrapping: the old key keeps working until
    ``confirm_recovery_key`` is given the new one back."""
    from mop_desktop.store.keylock import key_file_lock

    recovery_key = new_recovery_key()
    salt = secrets.token_bytes(16)
    rkek = _recovery_wrapping_key(recovery_key, salt)
    try:
        wrap = seal(rkek, data_key, recovery_aad(2, salt))
    finally:
        zero(rkek)
    with key_file_lock(path):
        envelope = _reread_for(path, data_key)
        envelope.pending_recovery = (salt, wrap)
        _save(path, envelope, data_key)
    return recovery_key


def confirm_recovery_key(path: Path, data_key: bytearray, typed: str) -> None:
    """Put the pending recovery key in effect, given it back; the old one stops working."""
    from mop_desktop.store.keylock import key_file_lock

    with key_file_lock(path):
        envelope = _reread_for(path, data_key)
        if envelope.pending_recovery is None:
            raise NotTheNewRecoveryKey(
                "no new recovery key is waiting to be confirmed: run replace-recovery-key first"
            )
        salt, wrap = envelope.pending_recovery
        try:
            rkek = recovery.wrapping_key(typed, salt)
        except recovery.RecoveryKeyMistyped as exc:
            raise NotTheNewRecoveryKey(f"{exc}: the old recovery key still works") from None
        try:
            key = unseal(rkek, wrap, recovery_aad(wrap.scheme, salt))
        finally:
            zero(rkek)
        if key is None:
            raise NotTheNewRecoveryKey(
                "that is not the new recovery key: the old recovery key still works"
            )
        same = _same(bytes(key), bytes(data_key))
        zero(key)
        if not same:
            raise EnvelopeDamaged()
        envelope.recovery_salt, envelope.recovery_wrap = salt, wrap
        envelope.pending_recovery = None
        crash_point("recovery-before-promote")
        _save(path, envelope, data_key)
        crash_point("recovery-after-promote")


def replace_recovery_key(path: Path, data_key: bytearray) -> str:
    """Issue a new recovery key and put it in effect at once (the caller shows it). The
    command line and the window use ``propose_recovery_key`` and ``confirm_recovery_key``."""
    recovery_key = propose_recovery_key(path, data_key)
    confirm_recovery_key(path, data_key, recovery_key)
    return recovery_key


def verify_passphrase(path: Path, passphrase: str) -> bool:
    try:
        key = unlock_with_passphrase(path, passphrase)
    except WrongPassphrase:
        return False
    zero(key)
    return True


# -- test hooks -------------------------------------------------------------------------------
ENV_CRASH_AT = "MOP_TEST_CRASH_AT"
ENV_HOLD = "MOP_TEST_HOLD_KEY_FILE"


def hold_point() -> None:
    """Wait between reading the key file and writing it back (race tests only: widens the
    window another change would fall into without the lock)."""
    seconds = os.environ.get(ENV_HOLD)
    if seconds:
        time.sleep(min(float(seconds), 5.0))


def crash_point(name: str) -> None:
    """Kill this process at a named point (tests of interrupted key-file changes only; nothing
    happens unless MOP_TEST_CRASH_AT names this point)."""
    if os.environ.get(ENV_CRASH_AT) == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
