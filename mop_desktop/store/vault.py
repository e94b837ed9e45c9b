"""The register's keys: a random 256-bit data key, stored only wrapped, in ``register.key``.

The envelope is a small JSON file with its own SHA-256 checksum. It holds the Argon2id
parameters and salt, the data key wrapped with AES-256-GCM under the key derived from the
passphrase, and a second wrapping under the recovery key (printed once at set-up). A checksum
that does not match means the file is damaged ("restore from backup"); a checksum that matches
and a GCM tag that fails means the passphrase is wrong. Changing the passphrase re-wraps the data
key; it never re-encrypts the register.

The recovery key (``store/recovery_key.py``) is 120 random bits written as seven groups of four
characters, the last a check group.

Argon2id cost: 128 MiB, t=3 (at least), p=1, calibrated at set-up to take about one second on
the machine (t is raised until it does). ``MOP_KDF_PROFILE=test`` selects a tiny cost for the
test suite; envelopes with that cost are refused unless the same variable is set.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mop_desktop.store import recovery_key as recovery

FORMAT = "mop-desktop-register-key"
FORMAT_VERSION = 1
KEY_BYTES = 32
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

_AAD_PASSPHRASE = b"mop-desktop/register-key/v1/passphrase"
_AAD_RECOVERY = b"mop-desktop/register-key/v1/recovery"


class VaultError(Exception):
    """A key problem, with a one-line message for the user."""


class NoRegister(VaultError):
    def __init__(self, message: str = "no register yet: set it up first (concerns init)") -> None:
        super().__init__(message)


class WrongPassphrase(VaultError):
    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


class WrongRecoveryKey(WrongPassphrase):
    def __init__(self, message: str = "wrong recovery key") -> None:
        super().__init__(message)


class EnvelopeDamaged(VaultError):
    def __init__(self, message: str = "key file damaged: restore from backup") -> None:
        super().__init__(message)


class WeakPassphrase(VaultError):
    pass


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


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


# -- key derivation ---------------------------------------------------------------------------
@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
            "salt": _b64(self.salt),
        }

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or data.get("alg") != "argon2id":
            raise ValueError("unknown key derivation")
        params = cls(
            int(data["memory_kib"]), int(data["time_cost"]), int(data["parallelism"]),
            _unb64(data["salt"]),
        )
        if params.memory_kib <= 0 or params.time_cost <= 0 or params.parallelism <= 0:
            raise ValueError("bad key derivation cost")
        if len(params.salt) < 16:
            raise ValueError("salt too short")
        return params


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


# -- wrapping ---------------------------------------------------------------------------------
def _wrap(kek: bytearray, data_key: bytearray, aad: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(bytes(kek)).encrypt(nonce, bytes(data_key), aad)
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unwrap(kek: bytearray, wrapped: dict[str, Any], aad: bytes) -> bytearray | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(bytes(kek)).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["sealed"]), aad)
    except InvalidTag:
        return None
    if len(key) != KEY_BYTES:
        raise EnvelopeDamaged()
    return bytearray(key)


# -- the envelope file ------------------------------------------------------------------------
@dataclass
class Envelope:
    kdf: KdfParams
    passphrase_wrap: dict[str, str]
    recovery_salt: bytes
    recovery_wrap: dict[str, str]
    created: str
    changed: str

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "kdf": self.kdf.to_json(),
            "passphrase": self.passphrase_wrap,
            "recovery": {"salt": _b64(self.recovery_salt), **self.recovery_wrap},
            "created": self.created,
            "changed": self.changed,
        }

    def to_bytes(self) -> bytes:
        body = self.body()
        checksum = hashlib.sha256(_canonical(body)).hexdigest()
        return (json.dumps({**body, "checksum": checksum}, indent=1) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, blob: bytes) -> Envelope:
        try:
            data = json.loads(blob.decode("ascii"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a key file")
            checksum = data.pop("checksum")
            if hashlib.sha256(_canonical(data)).hexdigest() != checksum:
                raise ValueError("checksum")
            if data.get("version") != FORMAT_VERSION:
                raise ValueError("version")
            recovery = dict(data["recovery"])
            envelope = cls(
                kdf=KdfParams.from_json(data["kdf"]),
                passphrase_wrap={
                    "nonce": str(data["passphrase"]["nonce"]),
                    "sealed": str(data["passphrase"]["sealed"]),
                },
                recovery_salt=_unb64(recovery.pop("salt")),
                recovery_wrap={"nonce": str(recovery["nonce"]), "sealed": str(recovery["sealed"])},
                created=str(data["created"]),
                changed=str(data["changed"]),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
            raise EnvelopeDamaged() from None
        return envelope


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def read_envelope(path: Path) -> Envelope:
    if not path.exists():
        raise NoRegister()
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise VaultError(f"{path.name} cannot be read: {exc.strerror}") from None
    if not blob:
        raise EnvelopeDamaged("key file is empty (zero length): restore from backup")
    return Envelope.from_bytes(blob)


def write_envelope(path: Path, envelope: Envelope) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``."""
    from mop_desktop.store.atomic import atomic_write_bytes

    atomic_write_bytes(path, envelope.to_bytes())


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

    Returns (data key, recovery key). Refuses to overwrite an existing key file.
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
        now = _now()
        envelope = Envelope(
            kdf=kdf,
            passphrase_wrap=_wrap(kek, data_key, _AAD_PASSPHRASE),
            recovery_salt=recovery_salt,
            recovery_wrap=_wrap(rkek, data_key, _AAD_RECOVERY),
            created=now,
            changed=now,
        )
    finally:
        zero(kek)
        zero(rkek)
    write_envelope(path, envelope)
    return data_key, recovery_key


def unlock_with_passphrase(path: Path, passphrase: str) -> bytearray:
    envelope = read_envelope(path)
    _check_cost(envelope.kdf)
    kek = derive_key(passphrase, envelope.kdf)
    try:
        key = _unwrap(kek, envelope.passphrase_wrap, _AAD_PASSPHRASE)
    finally:
        zero(kek)
    if key is None:
        _note_failure()
        raise WrongPassphrase()
    _note_success()
    return key


def unlock_with_recovery_key(path: Path, recovery_key: str) -> bytearray:
    envelope = read_envelope(path)
    rkek = _recovery_wrapping_key(recovery_key, envelope.recovery_salt)
    try:
        key = _unwrap(rkek, envelope.recovery_wrap, _AAD_RECOVERY)
    finally:
        zero(rkek)
    if key is None:
        _note_failure()
        raise WrongRecoveryKey()
    _note_success()
    return key


def set_passphrase(path: Path, data_key: bytearray, new_passphrase: str) -> None:
    """Re-wrap the data key under a new passphrase (new salt; recovery wrapping kept)."""
    check_new_passphrase(new_passphrase)
    envelope = read_envelope(path)
    kdf = calibrate()
    kek = derive_key(new_passphrase, kdf)
    try:
        envelope.kdf = kdf
        envelope.passphrase_wrap = _wrap(kek, data_key, _AAD_PASSPHRASE)
    finally:
        zero(kek)
    envelope.changed = _now()
    write_envelope(path, envelope)


def replace_recovery_key(path: Path, data_key: bytearray) -> str:
    """Issue a new recovery key; the old one no longer opens the register."""
    envelope = read_envelope(path)
    recovery_key = new_recovery_key()
    envelope.recovery_salt = secrets.token_bytes(16)
    rkek = _recovery_wrapping_key(recovery_key, envelope.recovery_salt)
    try:
        envelope.recovery_wrap = _wrap(rkek, data_key, _AAD_RECOVERY)
    finally:
        zero(rkek)
    envelope.changed = _now()
    write_envelope(path, envelope)
    return recovery_key


def verify_passphrase(path: Path, passphrase: str) -> bool:
    try:
        key = unlock_with_passphrase(path, passphrase)
    except WrongPassphrase:
        return False
    zero(key)
    return True
