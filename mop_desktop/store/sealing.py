"""Sealing concerns about the clerk to the chair of the personnel committee.

The chair holds an X25519 key pair. Its public half is kept in the register in the clear (inside
the encrypted register, that is), so that the clerk's open register can *seal* a concern without
the chair being present; its private half is kept only wrapped, with AES-256-GCM, under a key
derived with Argon2id from the chair's own passphrase, and a second time under the chair's own
recovery key (printed once, for the chair to keep). The clerk's passphrase opens the register but
not the private key, so a sealed concern reads only as "sealed" with its dates.

A sealed payload is ECIES-style: a fresh ephemeral X25519 key per seal, HKDF-SHA256 of the shared
secret to an AES-256-GCM key, and the concern's reference as associated data (a payload moved to
another concern does not open). Nothing here knows about concerns: it seals and opens bytes.

The envelope's derivation parameters are bounded before use and are part of the associated data
of the passphrase wrapping, so a changed parameter reads "damaged", never "wrong passphrase".
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mop_desktop.store import recovery_key as recovery
from mop_desktop.store import vault

if TYPE_CHECKING:  # cryptography is imported where a key is used, to keep start-up light
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

FORMAT = "mop-desktop-chair-key"
FORMAT_VERSION = 1
_INFO = b"mop-desktop/sealed-concern/v1"
_AAD_PASSPHRASE = b"mop-desktop/chair-key/v1/passphrase/"
_AAD_RECOVERY = b"mop-desktop/chair-key/v1/recovery"

#: Bounds on the derivation cost read back from a stored envelope (anything outside is damage).
MAX_MEMORY_KIB = 1024 * 1024
MAX_TIME_COST = 64
MAX_PARALLELISM = 16
#: The largest stored envelope read (a real one is under 1 KB).
MAX_ENVELOPE_BYTES = 16 * 1024


class SealError(Exception):
    """A one-line message for the user."""


class ChairKeyDamaged(SealError):
    def __init__(self) -> None:
        super().__init__("the chair's key is damaged: restore the register from a backup")


class WrongChairPassphrase(SealError):
    def __init__(self, message: str = "wrong passphrase for the chair of the personnel committee"):
        super().__init__(message)


class SealedDamaged(SealError):
    def __init__(self, reference: str) -> None:
        super().__init__(f"the sealed record of {reference} is damaged or not for this key")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str) or len(text) > 4096:
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aead_encrypt(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def _aead_decrypt(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except InvalidTag:
        return None


def _kdf_aad(params: vault.KdfParams) -> bytes:
    body = json.dumps(params.to_json(), sort_keys=True, separators=(",", ":"))
    return _AAD_PASSPHRASE + body.encode("ascii")


def _check_bounds(params: vault.KdfParams) -> None:
    if not (
        params.memory_kib <= MAX_MEMORY_KIB
        and params.time_cost <= MAX_TIME_COST
        and params.parallelism <= MAX_PARALLELISM
        and len(params.salt) <= 64
    ):
        raise ChairKeyDamaged()


@dataclass
class ChairEnvelope:
    """The chair's key pair as stored: public key, and the private key wrapped twice."""

    public_key: bytes
    kdf: vault.KdfParams
    passphrase_wrap: dict[str, str]
    recovery_salt: bytes
    recovery_wrap: dict[str, str]

    def to_text(self) -> str:
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "public_key": _b64(self.public_key),
            "kdf": self.kdf.to_json(),
            "passphrase": self.passphrase_wrap,
            "recovery": {"salt": _b64(self.recovery_salt), **self.recovery_wrap},
        }
        checksum = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps({**body, "checksum": checksum})

    @classmethod
    def from_text(cls, text: str) -> ChairEnvelope:
        if len(text) > MAX_ENVELOPE_BYTES:
            raise ChairKeyDamaged()
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("format")
            checksum = data.pop("checksum")
            if hashlib.sha256(_canonical(data)).hexdigest() != checksum:
                raise ValueError("checksum")
            if data.get("version") != FORMAT_VERSION:
                raise ValueError("version")
            rec = dict(data["recovery"])
            envelope = cls(
                public_key=_unb64(data["public_key"]),
                kdf=vault.KdfParams.from_json(data["kdf"]),
                passphrase_wrap={
                    "nonce": str(data["passphrase"]["nonce"]),
                    "sealed": str(data["passphrase"]["sealed"]),
                },
                recovery_salt=_unb64(rec["salt"]),
                recovery_wrap={"nonce": str(rec["nonce"]), "sealed": str(rec["sealed"])},
            )
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise ChairKeyDamaged() from None
        if len(envelope.public_key) != 32:
            raise ChairKeyDamaged()
        _check_bounds(envelope.kdf)
        return envelope


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def _raw_private(private_key: X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private_key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _raw_public(public_key: X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _wrap(kek: bytearray, secret: bytes, aad: bytes) -> dict[str, str]:
    nonce, sealed = _aead_encrypt(bytes(kek), secret, aad)
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unwrap(kek: bytearray, wrapped: dict[str, str], aad: bytes) -> bytes | None:
    try:
        nonce, sealed = _unb64(wrapped["nonce"]), _unb64(wrapped["sealed"])
    except ValueError:
        raise ChairKeyDamaged() from None
    return _aead_decrypt(bytes(kek), nonce, sealed, aad)


def create_chair_key(passphrase: str) -> tuple[ChairEnvelope, str]:
    """A new key pair for the chair: (the envelope to store, the chair's recovery key)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    vault.check_new_passphrase(passphrase)
    private = X25519PrivateKey.generate()
    raw = _raw_private(private)
    kdf = vault.calibrate()
    kek = vault.derive_key(passphrase, kdf)
    recovery_key = recovery.new_recovery_key()
    salt = secrets.token_bytes(16)
    rkek = recovery.wrapping_key(recovery_key, salt)
    try:
        envelope = ChairEnvelope(
            public_key=_raw_public(private.public_key()),
            kdf=kdf,
            passphrase_wrap=_wrap(kek, raw, _kdf_aad(kdf)),
            recovery_salt=salt,
            recovery_wrap=_wrap(rkek, raw, _AAD_RECOVERY),
        )
    finally:
        vault.zero(kek)
        vault.zero(rkek)
    return envelope, recovery_key


class ChairKey:
    """The chair's private key, unlocked for as long as the chair has the sealed records open."""

    def __init__(self, raw: bytes) -> None:
        self._raw = bytearray(raw)

    def open(self, reference: str, payload: bytes) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )

        if not any(self._raw):
            raise SealError("the chair's sealed records are closed")
        if len(payload) < 32 + 12 + 16:
            raise SealedDamaged(reference)
        ephemeral, nonce, sealed = payload[:32], payload[32:44], payload[44:]
        private = X25519PrivateKey.from_private_bytes(bytes(self._raw))
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        key = _payload_key(shared, ephemeral, _raw_public(private.public_key()))
        plain = _aead_decrypt(key, nonce, sealed, reference.encode("utf-8"))
        if plain is None:
            raise SealedDamaged(reference)
        return plain

    def rewrap(self, envelope: ChairEnvelope, new_passphrase: str) -> ChairEnvelope:
        """The same key pair under a new passphrase (the recovery wrapping is kept)."""
        vault.check_new_passphrase(new_passphrase)
        kdf = vault.calibrate()
        kek = vault.derive_key(new_passphrase, kdf)
        try:
            wrap = _wrap(kek, bytes(self._raw), _kdf_aad(kdf))
        finally:
            vault.zero(kek)
        return ChairEnvelope(
            envelope.public_key, kdf, wrap, envelope.recovery_salt, envelope.recovery_wrap
        )

    def close(self) -> None:
        vault.zero(self._raw)


def _payload_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_INFO)
    return hkdf.derive(shared)


def seal(public_key: bytes, reference: str, plaintext: bytes) -> bytes:
    """Bytes that only the holder of the private key can open (for this reference)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    key = _payload_key(shared, ephemeral_public, public_key)
    nonce, sealed = _aead_encrypt(key, plaintext, reference.encode("utf-8"))
    return ephemeral_public + nonce + sealed


def unlock_chair(envelope: ChairEnvelope, passphrase: str) -> ChairKey:
    kek = vault.derive_key(passphrase, envelope.kdf)
    try:
        raw = _unwrap(kek, envelope.passphrase_wrap, _kdf_aad(envelope.kdf))
    finally:
        vault.zero(kek)
    if raw is None:
        raise WrongChairPassphrase()
    return ChairKey(raw)


def unlock_chair_with_recovery_key(envelope: ChairEnvelope, typed: str) -> ChairKey:
    try:
        rkek = recovery.wrapping_key(typed, envelope.recovery_salt)
    except recovery.RecoveryKeyMistyped as exc:
        raise WrongChairPassphrase(str(exc)) from None
    try:
        raw = _unwrap(rkek, envelope.recovery_wrap, _AAD_RECOVERY)
    finally:
        vault.zero(rkek)
    if raw is None:
        raise WrongChairPassphrase("wrong recovery key for the chair of the personnel committee")
    return ChairKey(raw)
