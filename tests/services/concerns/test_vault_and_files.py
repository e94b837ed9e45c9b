"""The vault and the files: nothing readable outside register.db, each failure told apart,
no file changed by a failure, recovery and passphrase changes."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import tempfile
import uuid
from pathlib import Path

import pytest

from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns.query import ConcernQuery, count
from mop_desktop.store import vault
from mop_desktop.store.register import RegisterDamaged, RegisterError

from .conftest import PASSPHRASE


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _contains(folder: Path, needle: str) -> list[str]:
    forms = [needle.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(form in data for form in forms):
                hits.append(str(path))
    return hits


@pytest.mark.pending_on_server(reason="backup bundles of a shared store are still to come")
def test_unique_string_found_nowhere(app_paths, make_concern, tmp_path, monkeypatch, cli):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    unique = "Zq" + uuid.uuid4().hex
    control = tmp_path / "control.txt"  # the search itself finds UTF-16 text
    control.write_text(unique, encoding="utf-16")
    assert _contains(tmp_path, unique) == [str(control)]
    control.unlink()
    svc = RegisterService(app_paths)
    svc.init(PASSPHRASE)
    ref = svc.add(
        make_concern(
            summary=f"summary {unique}", details=f"détails {unique}", about=f"Cllr {unique}"
        )
    )
    svc.add_timeline(ref, dt.date(2026, 3, 24), f"phoned {unique}")
    with svc.session() as session:  # search works inside the register
        assert count(session, ConcernQuery(text=unique)) == 1
        # mid-transaction: the journal beside the database holds nothing readable either
        from mop_desktop.store.register import ConcernRow

        session.query(ConcernRow).update({"outcome": unique})
        session.flush()
        assert _contains(app_paths.data, unique) == []
        assert _contains(temp, unique) == []
    assert _contains(app_paths.data, unique) == []
    svc.lock()
    code, _, err = cli("backup", env={"MOP_PASSPHRASE": PASSPHRASE})  # a bundle with the register
    assert code == 0, err
    assert list(app_paths.data.rglob("*backup*")) or list(app_paths.backups.rglob("*"))
    # everything the test wrote: the data folder (stores, backups, logs), settings, temp
    assert _contains(tmp_path, unique) == []
    assert _contains(app_paths.data, unique) == []
    assert _contains(temp, unique) == []
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(app_paths.register_db).execute("SELECT * FROM sqlite_master").fetchall()


def test_wrong_passphrase_changes_nothing(service, app_paths):
    service.lock()
    before = _hashes(app_paths.data)
    with pytest.raises(vault.WrongPassphrase, match="^wrong passphrase$"):
        service.unlock("not the passphrase")
    assert _hashes(app_paths.data) == before
    assert not service.unlocked


def test_damaged_envelope_is_told_apart(service, app_paths):
    service.lock()
    blob = bytearray(app_paths.key_envelope.read_bytes())
    blob[200] = ord("A") if blob[200] != ord("A") else ord("B")
    app_paths.key_envelope.write_bytes(bytes(blob))
    before = _hashes(app_paths.data)
    with pytest.raises(vault.EnvelopeDamaged, match="key file damaged: restore from backup"):
        service.unlock(PASSPHRASE)
    assert _hashes(app_paths.data) == before


def test_damaged_register_is_told_apart(service, app_paths):
    service.lock()
    blob = bytearray(app_paths.register_db.read_bytes())
    for i in range(0, 4096):  # the first page: header and schema
        blob[i] ^= 0x5A
    app_paths.register_db.write_bytes(bytes(blob))
    before = _hashes(app_paths.data)
    with pytest.raises(RegisterDamaged, match="damaged"):
        service.unlock(PASSPHRASE)
    assert _hashes(app_paths.data) == before


def test_zero_length_register_is_told_apart_and_never_replaced(service, app_paths):
    service.lock()
    app_paths.register_db.write_bytes(b"")
    before = _hashes(app_paths.data)
    with pytest.raises(RegisterDamaged, match="empty \\(zero length\\)"):
        service.unlock(PASSPHRASE)
    with pytest.raises(RegisterError, match="never replaced"):
        RegisterService(app_paths).init(PASSPHRASE)
    assert _hashes(app_paths.data) == before
    assert app_paths.register_db.stat().st_size == 0


def test_no_register_yet(app_paths):
    with pytest.raises(vault.NoRegister, match="no register yet"):
        RegisterService(app_paths).unlock(PASSPHRASE)
    assert not app_paths.register_db.exists()


def test_missing_key_file_is_not_replaced(service, app_paths):
    service.lock()
    app_paths.key_envelope.unlink()
    before = _hashes(app_paths.data)
    with pytest.raises(vault.EnvelopeDamaged, match="missing"):
        service.unlock(PASSPHRASE)
    with pytest.raises(RegisterError):
        RegisterService(app_paths).init(PASSPHRASE)
    assert _hashes(app_paths.data) == before


def test_no_plaintext_register_without_sqlcipher(app_paths, monkeypatch):
    from mop_desktop.store import register

    def missing():
        raise register.NoEncryption()

    monkeypatch.setattr(register, "_sqlcipher", missing)
    with pytest.raises(register.NoEncryption, match="without encryption"):
        RegisterService(app_paths).init(PASSPHRASE)
    assert not app_paths.register_db.exists()
    assert not app_paths.key_envelope.exists()


def test_recovery_key_opens_and_sets_new_passphrase(service, app_paths, make_concern):
    ref = service.add(make_concern())
    typed = service.recovery_key.lower().replace("-", " ")
    service.lock()
    other = RegisterService(app_paths)
    other.unlock_with_recovery_key(typed)
    other.change_passphrase("a brand new passphrase")
    other.lock()
    with pytest.raises(vault.WrongPassphrase):
        other.unlock(PASSPHRASE)
    other.unlock("a brand new passphrase")
    assert other.get(ref).summary == make_concern().summary
    other.lock()


def test_replaced_recovery_key_stops_working(service, app_paths):
    old = service.recovery_key
    new = service.replace_recovery_key()
    assert new != old
    service.lock()
    with pytest.raises(vault.WrongRecoveryKey):
        service.unlock_with_recovery_key(old)
    service.unlock_with_recovery_key(new)
    assert service.unlocked


def test_recovery_key_shape_and_typing_mistakes():
    key = vault.new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert not set(key) & set("01OI")
    assert vault.normalise_recovery_key(key.lower().replace("-", "  ")) == "".join(groups[:-1])
    wrong = key[:-1] + ("2" if key[-1] != "2" else "3")
    with pytest.raises(vault.WrongRecoveryKey, match="mistyped"):
        vault.normalise_recovery_key(wrong)
    with pytest.raises(vault.WrongRecoveryKey, match="should have 28"):
        vault.normalise_recovery_key(key[:-5])


def test_failed_attempts_are_slowed_never_wiped():
    delays = [vault.failure_delay(n) for n in range(1, 10)]
    assert delays[0] == 0 and delays == sorted(delays) and delays[-1] <= 30
    assert delays[3] > delays[1]


def test_weak_cost_envelope_refused_outside_tests(service, app_paths, monkeypatch):
    service.lock()
    monkeypatch.delenv("MOP_KDF_PROFILE")
    with pytest.raises(vault.EnvelopeDamaged, match="below the minimum"):
        service.unlock(PASSPHRASE)


def test_lock_zeroes_the_key(service):
    register = service._register
    key = register._key
    service.lock()
    assert not any(key)
    with pytest.raises(RegisterError, match="locked"):
        with service.session():
            pass


def test_production_cost_is_within_bounds(monkeypatch):
    monkeypatch.delenv("MOP_KDF_PROFILE")
    monkeypatch.setattr(vault, "derive_key", lambda p, params: bytearray(32))
    params = vault.calibrate()
    assert params.memory_kib >= 64 * 1024 and params.memory_kib <= 256 * 1024
    assert params.time_cost >= 3


def test_failed_statement_does_not_print_personal_data(service):
    from sqlalchemy.exc import IntegrityError

    from mop_desktop.services.concerns.errors import RegisterStoreFailure
    from mop_desktop.store.register import ConcernRow

    secret = "Zq-private-" + uuid.uuid4().hex
    with pytest.raises(RegisterStoreFailure) as failure:  # the register's own error ...
        with service.session() as session:
            for _ in range(2):
                session.add(
                    ConcernRow(
                        reference="C-2026-001",
                        raised_on=dt.date(2026, 1, 1),
                        raised_by_role="officer",
                        summary=secret,
                    )
                )
    assert secret not in str(failure.value)
    err = failure.value.__cause__  # ... raised from the driver's, kept for the log
    assert isinstance(err, IntegrityError)
    assert secret not in str(err)
    assert "hidden due to hide_parameters" in str(err)
