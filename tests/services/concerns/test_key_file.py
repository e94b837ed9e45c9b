"""The key file: hostile parameters refused at once, the parameters bound to the wrappings,
format-1 files still open and are upgraded on their next change, and the recovery key
replaced in two steps (shown, then confirmed)."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest

from mop_desktop.store import key_envelope, vault

from .conftest import PASSPHRASE

V1_FILE = Path(__file__).parent / "data" / "register-v1.key"
V1_DATA_KEY = "6bc1b94ee30742732c658a2699e3b46001e021e969d3458f6618e7217a8710ff"
V1_RECOVERY = "ZX3S-SPQM-5DK3-T2D6-RLK3-7XPQ-54Z4"


def _rewrite(path: Path, change) -> None:
    """Change the parsed key file and write it back with a correct checksum."""
    data = json.loads(path.read_text())
    data.pop("checksum")
    change(data)
    body = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    data["checksum"] = hashlib.sha256(body).hexdigest()
    path.write_text(json.dumps(data))


def _set(section, name, value):
    def change(data):
        data[section][name] = value

    return change


@pytest.mark.parametrize(
    "change",
    [
        _set("kdf", "time_cost", 1_000_000),
        _set("kdf", "memory_kib", 12 * 1024 * 1024),  # 12 GiB
        _set("kdf", "memory_kib", 2**70),
        _set("kdf", "parallelism", 100_000),
        _set("kdf", "time_cost", "3"),
        _set("kdf", "time_cost", True),
        _set("kdf", "salt", "AAAA"),
        _set("passphrase", "nonce", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        _set("passphrase", "scheme", 7),
        lambda d: d.update(extra={"a": {"b": {"c": {"d": [[[[1]]]]}}}}),
        lambda d: d["kdf"].update(deep=json.loads("[" * 500 + "]" * 500)),
        lambda d: d.update(version=1.5),
    ],
)
def test_absurd_parameters_are_damage_at_once(service, app_paths, change):
    service.lock()
    _rewrite(app_paths.key_envelope, change)
    started = time.perf_counter()
    with pytest.raises(vault.EnvelopeDamaged, match="key file damaged"):
        service.unlock(PASSPHRASE)
    assert time.perf_counter() - started < 1.0


def test_a_huge_or_deeply_nested_file_is_damage_at_once(service, app_paths):
    service.lock()
    for blob in (b"[" * 200_000 + b"]" * 200_000, b" " * 50_000_000 + b"{}"):
        app_paths.key_envelope.write_bytes(blob)
        started = time.perf_counter()
        with pytest.raises(vault.EnvelopeDamaged, match="key file damaged"):
            service.unlock(PASSPHRASE)
        assert time.perf_counter() - started < 1.0


def test_a_newer_format_is_named_as_such(service, app_paths):
    service.lock()
    _rewrite(app_paths.key_envelope, lambda d: d.update(version=3))
    with pytest.raises(vault.VaultError, match="newer release"):
        service.unlock(PASSPHRASE)


def test_parameters_are_bound_to_the_wrapping(service, app_paths):
    """A parameter changed within range (checksum recomputed) can never unseal the key."""
    service.lock()
    data = json.loads(app_paths.key_envelope.read_text())
    assert data["version"] == 2 and data["passphrase"]["scheme"] == 2
    kdf = vault.KdfParams.from_json(data["kdf"])
    aad = key_envelope.passphrase_aad(2, kdf)
    assert json.dumps(data["kdf"], sort_keys=True, separators=(",", ":")).encode() in aad
    # same derived key, different bound parameters: the AES-GCM tag fails
    other = vault.KdfParams(kdf.memory_kib, kdf.time_cost, kdf.parallelism, kdf.salt)
    kek = vault.derive_key(PASSPHRASE, other)
    wrap = vault.Wrap.from_json(data["passphrase"], 2)
    assert key_envelope.unseal(kek, wrap, aad) is not None
    assert key_envelope.unseal(kek, wrap, key_envelope.aad("passphrase", 1, {})) is None
    # a key check that does not match the unsealed key is damage, not a wrong passphrase
    _rewrite(app_paths.key_envelope, lambda d: d.update(key_check="A" * 22 + "=="))
    with pytest.raises(vault.EnvelopeDamaged):
        service.unlock(PASSPHRASE)


def test_a_format_1_file_opens_and_is_upgraded_on_its_next_change(app_paths, tmp_path):
    path = tmp_path / "register.key"
    shutil.copy(V1_FILE, path)
    assert bytes(vault.unlock_with_passphrase(path, PASSPHRASE)).hex() == V1_DATA_KEY
    assert bytes(vault.unlock_with_recovery_key(path, V1_RECOVERY)).hex() == V1_DATA_KEY
    key = bytearray.fromhex(V1_DATA_KEY)
    vault.set_passphrase(path, key, "a second passphrase")
    data = json.loads(path.read_text())
    assert data["version"] == 2
    assert data["passphrase"]["scheme"] == 2 and data["recovery"]["scheme"] == 1
    assert "key_check" in data
    assert bytes(vault.unlock_with_passphrase(path, "a second passphrase")).hex() == V1_DATA_KEY
    assert bytes(vault.unlock_with_recovery_key(path, V1_RECOVERY)).hex() == V1_DATA_KEY
    new = vault.replace_recovery_key(path, key)
    assert json.loads(path.read_text())["recovery"]["scheme"] == 2
    assert bytes(vault.unlock_with_recovery_key(path, new)).hex() == V1_DATA_KEY
    with pytest.raises(vault.WrongRecoveryKey):
        vault.unlock_with_recovery_key(path, V1_RECOVERY)


def test_a_new_recovery_key_works_only_once_confirmed(service, app_paths):
    old = service.recovery_key
    new = service.propose_recovery_key()
    service.lock()
    service.unlock_with_recovery_key(old)  # still the old one
    with pytest.raises(vault.WrongRecoveryKey):
        service.unlock_with_recovery_key(new)
    service.unlock(PASSPHRASE)
    with pytest.raises(vault.VaultError, match="not the new recovery key"):
        service.confirm_recovery_key(vault.new_recovery_key())
    service.confirm_recovery_key(new.lower())
    service.lock()
    service.unlock_with_recovery_key(new)
    with pytest.raises(vault.WrongRecoveryKey):
        service.unlock_with_recovery_key(old)
    with pytest.raises(vault.VaultError, match="no new recovery key is waiting"):
        service.confirm_recovery_key(new)


def test_a_change_refuses_a_key_file_replaced_meanwhile(service, app_paths, tmp_path):
    from mop_desktop.services.concerns import RegisterService

    other = RegisterService(type(app_paths)(tmp_path / "other"))
    other.init("another register's passphrase")
    other.lock()
    before = app_paths.key_envelope.read_bytes()
    shutil.copy(other.paths.key_envelope, app_paths.key_envelope)  # a restore, say
    with pytest.raises(vault.KeyFileChanged, match="replaced meanwhile"):
        service.change_passphrase("a fresh passphrase")
    assert app_paths.key_envelope.read_bytes() != before  # the other file, untouched
    assert vault.verify_passphrase(app_paths.key_envelope, "another register's passphrase")
