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

Hostile or damaged key files are refused before any key is derived: the file may be at most
16 KiB, its JSON is read with a bounded depth and every field is checked for type and range
(Argon2 memory, passes and lanes, salt, nonce and sealed-key lengths). Anything outside what
this app writes (or could sensibly read) is "key file damaged", at once.

Format version 2 (written from this release on) binds each wrapping's parameters to it as
AES-GCM associated data: the passphrase wrapping's AAD holds the Argon2 parameters and salt, the
recovery wrapping's its salt. Each wrapping records which scheme sealed it, so a version-1 file
still opens; the file is written as version 2 at its next change, and each wrapping moves to the
new scheme when it is next re-sealed (the passphrase's on a passphrase change, the recovery
key's on its replacement). Version 2 also carries ``key_check`` (HMAC-SHA256 of a constant under
the data key, 16 bytes), so that a change made under the key-file lock can check that the file
still belongs to the data key it holds, and a ``pending_recovery`` wrapping: a new recovery key
shown to the clerk but not yet confirmed (the old key works until it is).

Every read-modify-write of the key file holds ``store.keylock.key_file_lock`` and re-reads the
file under it.
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
FORMAT_VERSION = 2
#: Versions this release reads (1: before the parameters were bound as associated data).
READABLE_VERSIONS = (1, 2)
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

#: What a key file may ask for before anything is derived (beyond it: "damaged", at once).
MAX_FILE_BYTES = 16 * 1024
MAX_JSON_DEPTH = 4
BOUND_MIN_MEMORY_KIB = TEST_MEMORY_KIB
BOUND_MAX_MEMORY_KIB = 512 * 1024
BOUND_MAX_TIME_COST = 16
BOUND_MAX_WORK = MEMORY_KIB * BOUND_MAX_TIME_COST  # memory x passes: a few seconds at most
BOUND_MAX_PARALLELISM = 8
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
SEALED_BYTES = KEY_BYTES + 16  # the data key and the GCM tag
KEY_CHECK_BYTES = 16

_AAD_V1 = {
    "passphrase": b"mop-desktop/register-key/v1/passphrase",
    "recovery": b"mop-desktop/register-key/v1/recovery",
}
_AAD_V2 = b"mop-desktop/register-key/v2/"
#: Sealing schemes of a wrapping: 1 the fixed AAD of format 1, 2 the parameters as AAD.
SCHEMES = (1, 2)


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
    if not isinstance(text, str) or len(text) > MAX_FILE_BYTES:
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


# -- strict reading of the key file's fields --------------------------------------------------
def _keys(data: Any, required: set[str], optional: frozenset[str] = frozenset()) -> None:
    if not isinstance(data, dict):
        raise ValueError("not an object")
    keys = set(data)
    if not required <= keys or keys - required - optional:
        raise ValueError("unexpected fields")


def _int(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError("number out of range")
    return value


def _bytes(value: Any, low: int, high: int) -> bytes:
    data = _unb64(value)
    if not low <= len(data) <= high:
        raise ValueError("wrong length")
    return data


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("not a short text")
    return value


def _depth(value: Any, limit: int) -> None:
    """Refuse JSON nested deeper than the key file ever is (iteratively: no recursion)."""
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if level >= limit:
                raise ValueError("nested too deeply")
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)


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
        _keys(data, {"alg", "memory_kib", "time_cost", "parallelism", "salt"})
        if data["alg"] != "argon2id":
            raise ValueError("unknown key derivation")
        params = cls(
            _int(data["memory_kib"], BOUND_MIN_MEMORY_KIB, BOUND_MAX_MEMORY_KIB),
            _int(data["time_cost"], 1, BOUND_MAX_TIME_COST),
            _int(data["parallelism"], 1, BOUND_MAX_PARALLELISM),
            _bytes(data["salt"], *SALT_BYTES),
        )
        if params.memory_kib * params.time_cost > BOUND_MAX_WORK:
            raise ValueError("key derivation cost out of range")
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
@dataclass(frozen=True)
class Wrap:
    """The data key sealed with AES-256-GCM under one key-encryption key."""

    nonce: bytes
    sealed: bytes
    scheme: int = 2

    def to_json(self, version: int) -> dict[str, Any]:
        out: dict[str, Any] = {"nonce": _b64(self.nonce), "sealed": _b64(self.sealed)}
        if version >= 2:
            out["scheme"] = self.scheme
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any], version: int) -> Wrap:
        scheme = _int(data["scheme"], 1, 2) if version >= 2 else 1
        return cls(_bytes(data["nonce"], NONCE_BYTES, NONCE_BYTES),
                   _bytes(data["sealed"], SEALED_BYTES, SEALED_BYTES), scheme)


def _aad(kind: str, scheme: int, bound: dict[str, Any]) -> bytes:
    """Scheme 1: a fixed label. Scheme 2: the label and the parameters the wrapping depends on
    (``bound``), so that a changed parameter can never unseal it."""
    if scheme == 1:
        return _AAD_V1[kind]
    return _AAD_V2 + kind.encode("ascii") + b"\n" + _canonical(bound)


def _passphrase_aad(scheme: int, kdf: KdfParams) -> bytes:
    return _aad("passphrase", scheme, kdf.to_json())


def _recovery_aad(scheme: int, salt: bytes) -> bytes:
    return _aad("recovery", scheme, {"salt": _b64(salt)})


def _wrap(kek: bytearray, data_key: bytearray, aad: bytes) -> Wrap:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(bytes(kek)).encrypt(nonce, bytes(data_key), aad)
    return Wrap(nonce, sealed, 2)


def _unwrap(kek: bytearray, wrapped: Wrap, aad: bytes) -> bytearray | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(bytes(kek)).decrypt(wrapped.nonce, wrapped.sealed, aad)
    except InvalidTag:
        return None
    if len(key) != KEY_BYTES:
        raise EnvelopeDamaged()
    return bytearray(key)


def key_check(data_key: bytearray) -> bytes:
    """A short value that tells whether a data key belongs to a key file (HMAC-SHA256 under
    the key itself: it reveals nothing about the key)."""
    import hmac

    return hmac.new(bytes(data_key), b"mop-desktop register key check v2",
                    hashlib.sha256).digest()[:KEY_CHECK_BYTES]


# -- the envelope file ------------------------------------------------------------------------
@dataclass
class Envelope:
    kdf: KdfParams
    passphrase_wrap: Wrap
    recovery_salt: bytes
    recovery_wrap: Wrap
    created: str
    changed: str
    key_check: bytes | None = None
    #: A new recovery key shown but not yet confirmed: (salt, wrapping).
    pending_recovery: tuple[bytes, Wrap] | None = None
    version: int = FORMAT_VERSION

    def body(self) -> dict[str, Any]:
        """Always written as the current format version."""
        v = FORMAT_VERSION
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": v,
            "kdf": self.kdf.to_json(),
            "passphrase": self.passphrase_wrap.to_json(v),
            "recovery": {"salt": _b64(self.recovery_salt), **self.recovery_wrap.to_json(v)},
            "created": self.created,
            "changed": self.changed,
        }
        if self.key_check is not None:
            body["key_check"] = _b64(self.key_check)
        if self.pending_recovery is not None:
            salt, wrap = self.pending_recovery
            body["pending_recovery"] = {"salt": _b64(salt), **wrap.to_json(v)}
        return body

    def to_bytes(self) -> bytes:
        body = self.body()
        checksum = hashlib.sha256(_canonical(body)).hexdigest()
        return (json.dumps({**body, "checksum": checksum}, indent=1) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, blob: bytes) -> Envelope:
        """Parse and check the whole file before anything is derived from it."""
        if len(blob) > MAX_FILE_BYTES:
            raise EnvelopeDamaged()
        try:
            data = json.loads(blob.decode("ascii"))
            _depth(data, MAX_JSON_DEPTH)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a key file")
            version = data.get("version")
            if isinstance(version, int) and not isinstance(version, bool) \
                    and version > FORMAT_VERSION:
                raise VaultError(
                    "the key file was written by a newer release of MOP Desktop: install that "
                    "release or newer to open the register"
                )
            if version not in READABLE_VERSIONS or isinstance(version, bool):
                raise ValueError("version")
            checksum = data.pop("checksum", None)
            if not isinstance(checksum, str) \
                    or hashlib.sha256(_canonical(data)).hexdigest() != checksum:
                raise ValueError("checksum")
            return cls._from_checked(data, version)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError,
                RecursionError, OverflowError):
            raise EnvelopeDamaged() from None

    @classmethod
    def _from_checked(cls, data: dict[str, Any], version: int) -> Envelope:
        base = {"format", "version", "kdf", "passphrase", "recovery", "created", "changed"}
        if version == 1:
            _keys(data, base)
            wrap_keys: set[str] = {"nonce", "sealed"}
        else:
            _keys(data, base, frozenset({"key_check", "pending_recovery"}))
            wrap_keys = {"nonce", "sealed", "scheme"}
        _keys(data["passphrase"], wrap_keys)
        _keys(data["recovery"], wrap_keys | {"salt"})
        pending = None
        if "pending_recovery" in data:
            _keys(data["pending_recovery"], wrap_keys | {"salt"})
            pending = (_bytes(data["pending_recovery"]["salt"], *SALT_BYTES),
                       Wrap.from_json(data["pending_recovery"], version))
        check = None
        if "key_check" in data:
            check = _bytes(data["key_check"], KEY_CHECK_BYTES, KEY_CHECK_BYTES)
        return cls(
            kdf=KdfParams.from_json(data["kdf"]),
            passphrase_wrap=Wrap.from_json(data["passphrase"], version),
            recovery_salt=_bytes(data["recovery"]["salt"], *SALT_BYTES),
            recovery_wrap=Wrap.from_json(data["recovery"], version),
            created=_text(data["created"]),
            changed=_text(data["changed"]),
            key_check=check,
            pending_recovery=pending,
            version=version,
        )


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def read_envelope(path: Path) -> Envelope:
    if not path.exists():
        raise NoRegister()
    try:
        with open(path, "rb") as handle:
            blob = handle.read(MAX_FILE_BYTES + 1)  # never more than a key file can hold
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
        now = _now()
        envelope = Envelope(
            kdf=kdf,
            passphrase_wrap=_wrap(kek, data_key, _passphrase_aad(2, kdf)),
            recovery_salt=recovery_salt,
            recovery_wrap=_wrap(rkek, data_key, _recovery_aad(2, recovery_salt)),
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
    if key is not None and envelope.key_check is not None \
            and not _same(key_check(key), envelope.key_check):
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
        key = _unwrap(kek, envelope.passphrase_wrap,
                      _passphrase_aad(envelope.passphrase_wrap.scheme, envelope.kdf))
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
        key = _unwrap(rkek, envelope.recovery_wrap,
                      _recovery_aad(envelope.recovery_wrap.scheme, envelope.recovery_salt))
    finally:
        zero(rkek)
    key = _checked_key(envelope, key)
    if key is None:
        _note_failure()
        raise WrongRecoveryKey()
    _note_success()
    return key


class KeyFileChanged(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "the key file was replaced meanwhile (by a restore?): nothing was changed; lock the "
            "register and open it again"
        )


def _reread_for(path: Path, data_key: bytearray) -> Envelope:
    """The key file as it is now (read under the lock), checked to belong to ``data_key``."""
    envelope = read_envelope(path)
    if envelope.key_check is not None and not _same(key_check(data_key), envelope.key_check):
        raise KeyFileChanged()
    return envelope


def _save(path: Path, envelope: Envelope, data_key: bytearray) -> None:
    hold_point()
    envelope.key_check = key_check(data_key)
    envelope.changed = _now()
    write_envelope(path, envelope)


def set_passphrase(path: Path, data_key: bytearray, new_passphrase: str) -> None:
    """Re-wrap the data key under a new passphrase (new salt; recovery wrapping kept).

    The slow derivation runs first; the lock is held only to re-read, change and write."""
    from mop_desktop.store.keylock import key_file_lock

    check_new_passphrase(new_passphrase)
    kdf = calibrate()
    kek = derive_key(new_passphrase, kdf)
    try:
        wrap = _wrap(kek, data_key, _passphrase_aad(2, kdf))
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
        wrap = _wrap(rkek, data_key, _recovery_aad(2, salt))
    finally:
        zero(rkek)
    with key_file_lock(path):
        envelope = _reread_for(path, data_key)
        envelope.pending_recovery = (salt, wrap)
        _save(path, envelope, data_key)
    return recovery_key


class NotTheNewRecoveryKey(VaultError):
    pass


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
            key = _unwrap(rkek, wrap, _recovery_aad(wrap.scheme, salt))
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
