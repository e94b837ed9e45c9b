"""The register's recovery key: 120 random bits written as six groups of four characters from
an alphabet without 0/O/1/I, and a seventh check group (``K7QF-2MXD-...``). Typed back case-,
space- and hyphen-insensitively; the check group catches typing mistakes before any decryption.
The key that wraps the data key is derived from it with HKDF-SHA256 (it is random already, so a
slow derivation adds nothing)."""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0, O, 1, I
GROUPS = 6
GROUP_LEN = 4
KEY_BYTES = 32


class RecoveryKeyMistyped(ValueError):
    """The key as typed cannot be a recovery key; the message says why."""


def _check_group(data: str) -> str:
    digest = hashlib.sha256(("mop-recovery:" + data).encode("ascii")).digest()
    value = int.from_bytes(digest[:3], "big") >> 4  # 20 bits
    out = []
    for _ in range(GROUP_LEN):
        out.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def new_recovery_key() -> str:
    """A fresh recovery key, ``XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-CCCC``."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN))
    full = data + _check_group(data)
    return "-".join(full[i : i + GROUP_LEN] for i in range(0, len(full), GROUP_LEN))


def normalise(text: str) -> str:
    """The key as typed back -> its data characters (without the check group)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n\r")
    expected = (GROUPS + 1) * GROUP_LEN
    if len(cleaned) != expected:
        raise RecoveryKeyMistyped(
            f"recovery key has {len(cleaned)} letters and digits; it should have {expected}"
        )
    for ch in cleaned:
        if ch not in ALPHABET:
            raise RecoveryKeyMistyped(
                f"recovery key contains '{ch}', which never appears in a recovery key"
            )
    data, check = cleaned[:-GROUP_LEN], cleaned[-GROUP_LEN:]
    if _check_group(data) != check:
        raise RecoveryKeyMistyped("recovery key mistyped: its last group does not match")
    return data


def wrapping_key(recovery_key: str, salt: bytes) -> bytearray:
    """The key that wraps the data key, from the recovery key as typed."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    data = normalise(recovery_key)
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=salt,
        info=b"mop-desktop register recovery key",
    )
    return bytearray(hkdf.derive(data.encode("ascii")))
