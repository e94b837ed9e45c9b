"""``register.key``: the file format, read strictly and bounded before anything is derived.

The envelope is a small JSON file with its own SHA-256 checksum. It holds the Argon2id
parameters and salt, the data key wrapped with AES-256-GCM under the key derived from the
passphrase, and a second wrapping under the recovery key. A checksum that does not match means
the file is damaged ("restore from backup").

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
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mop_desktop.store.key_errors import EnvelopeDamaged, NoRegister, VaultError

FORMAT = "mop-desktop-register-key"
FORMAT_VERSION = 2
#: Versions this release reads (1: before the parameters were bound as associated data).
READABLE_VERSIONS = (1, 2)
KEY_BYTES = 32

#: What a key file may ask for before anything is derived (beyond it: "damaged", at once).
#: The app writes 128 MiB (8 MiB under the test profile), 3 to 12 passes, one lane.
MAX_FILE_BYTES = 16 * 1024
MAX_JSON_DEPTH = 4
BOUND_MIN_MEMORY_KIB = 8 * 1024
BOUND_MAX_MEMORY_KIB = 512 * 1024
BOUND_MAX_TIME_COST = 16
BOUND_MAX_WORK = 128 * 1024 * BOUND_MAX_TIME_COST  # memory x passes: a few seconds at most
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


# -- key derivation parameters ---------------------------------------------------------------
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
        return cls(
            _bytes(data["nonce"], NONCE_BYTES, NONCE_BYTES),
            _bytes(data["sealed"], SEALED_BYTES, SEALED_BYTES),
            scheme,
        )


def aad(kind: str, scheme: int, bound: dict[str, Any]) -> bytes:
    """Scheme 1: a fixed label. Scheme 2: the label and the parameters the wrapping depends on
    (``bound``), so that a changed parameter can never unseal it."""
    if scheme == 1:
        return _AAD_V1[kind]
    return _AAD_V2 + kind.encode("ascii") + b"\n" + canonical(bound)


def passphrase_aad(scheme: int, kdf: KdfParams) -> bytes:
    return aad("passphrase", scheme, kdf.to_json())


def recovery_aad(scheme: int, salt: bytes) -> bytes:
    return aad("recovery", scheme, {"salt": _b64(salt)})


def seal(kek: bytearray, data_key: bytearray, aad: bytes) -> Wrap:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(bytes(kek)).encrypt(nonce, bytes(data_key), aad)
    return Wrap(nonce, sealed, 2)


def unseal(kek: bytearray, wrapped: Wrap, aad: bytes) -> bytearray | None:
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

    return hmac.new(bytes(data_key), b"mop-desktop register key check v2", hashlib.sha256).digest()[
        :KEY_CHECK_BYTES
    ]


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
        checksum = hashlib.sha256(canonical(body)).hexdigest()
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
            if (
                isinstance(version, int)
                and not isinstance(version, bool)
                and version > FORMAT_VERSION
            ):
                raise VaultError(
                    "the key file was written by a newer release of MOP Desktop: install that "
                    "release or newer to open the register"
                )
            if version not in READABLE_VERSIONS or isinstance(version, bool):
                raise ValueError("version")
            checksum = data.pop("checksum", None)
            if (
                not isinstance(checksum, str)
                or hashlib.sha256(canonical(data)).hexdigest() != checksum
            ):
                raise ValueError("checksum")
            return cls._from_checked(data, version)
        except (
            ValueError,
            KeyError,
            TypeError,
            UnicodeDecodeError,
            AttributeError,
            RecursionError,
            OverflowError,
        ):
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
            pending = (
                _bytes(data["pending_recovery"]["salt"], *SALT_BYTES),
                Wrap.from_json(data["pending_recovery"], version),
            )
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


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def now_text() -> str:
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
