"""Checks of a backup bundle before anything in it is believed, member by member.

A bundle is a file from outside (a USB stick, an e-mail): it may be damaged, made by a newer
release, or made to do harm. ``check_members`` looks at the zip's directory before a byte is
extracted: the member count, each name, each size against the manifest and a ceiling, the
compression ratio (a "zip bomb" is refused before it is expanded) and the free space. The
extraction (``store.backup.extract_verified``) streams each member through its hash and stops
at the size the manifest gives. Then each extracted store is checked on the staged copy:

- ``policy.db``: integrity and foreign keys (``copies.check_policy_copy``), a schema revision
  this release knows, and exactly the schema objects that revision makes (an extra trigger,
  view, table or index, or a changed definition, is refused: a trigger could rewrite adopted
  text later);
- ``register.key``: its checksum, fields and key-derivation cost bounds
  (``vault.read_envelope``), checked again here against the vault's ceilings (a key file asking
  for absurd Argon2 costs would hang the app);
- ``register.db``: not a plain (unencrypted) SQLite file, not empty, whole pages; and, when a
  passphrase is given that opens the bundle's key file, opened and checked like the register
  itself (``integrity.check_register``). Without it an encrypted file cannot be told from
  random bytes of the same shape.

Every failure raises ``BackupError`` with one line naming the member and what is wrong.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from mop_desktop.store.copies import KEY, POLICY, REGISTER, REGISTER_JOURNAL, BackupError

MANIFEST = "manifest.json"
MEMBERS = (MANIFEST, POLICY, REGISTER, REGISTER_JOURNAL, KEY)
MiB = 1024 * 1024
GiB = 1024 * MiB
#: Ceilings far above any real council's store, far below a disk-filling bomb.
MAX_SIZE = {
    MANIFEST: MiB,
    KEY: 64 * 1024,
    POLICY: 4 * GiB,
    REGISTER: 16 * GiB,
    REGISTER_JOURNAL: 16 * GiB,
}
#: Uncompressed over compressed size, for members above ``RATIO_FROM``: SQLite pages of text
#: deflate to a fifth or so; a bomb of repeated bytes reaches about 1000.
MAX_RATIO = 100
RATIO_FROM = 4 * MiB
#: Room left on the disk after the staged copies (so a restore never fills it).
SPARE_SPACE = 64 * MiB
SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLCipher's page size (4096 by default; 1024 to 65536 possible)
MIN_PAGE = 512


# -- the zip's directory ----------------------------------------------------------------------
def check_members(
    archive: zipfile.ZipFile,
    bundle: Path,
    files: dict[str, dict[str, Any]],
    staging: Path | None = None,
) -> None:
    """Refuse a bundle whose directory is wrong, before anything is extracted."""
    infos = archive.infolist()
    name = bundle.name
    if len(infos) > len(MEMBERS):
        raise BackupError(
            f"{name} holds {len(infos)} files; a backup holds at most "
            f"{len(MEMBERS)}: refused, nothing was changed"
        )
    seen: dict[str, zipfile.ZipInfo] = {}
    for listed in infos:
        if listed.filename not in MEMBERS:
            raise BackupError(f"{name} holds an unexpected file: {listed.filename[:80]!r}")
        if listed.filename in seen:
            raise BackupError(f"{name} holds {listed.filename} twice: refused")
        seen[listed.filename] = listed
    total = 0
    for member, meta in files.items():
        info = seen.get(member)
        if info is None:
            raise BackupError(f"{name} is damaged: its manifest lists {member}, which is missing")
        declared = meta.get("size") if isinstance(meta, dict) else None
        if not isinstance(declared, int) or declared != info.file_size:
            raise BackupError(f"{member} in {name} is not the size its manifest gives: refused")
        if info.file_size > MAX_SIZE[member]:
            raise BackupError(
                f"{member} in {name} would expand to {info.file_size // MiB} MB, more than a "
                "store can be: refused, nothing was changed"
            )
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BackupError(
                f"{member} in {name} expands {info.file_size // max(info.compress_size, 1)} "
                "times (a 'zip bomb'): refused, nothing was changed"
            )
        total += info.file_size
    for member in seen:
        if member != MANIFEST and member not in files:
            raise BackupError(f"{name} holds {member}, which its manifest does not list")
    if staging is not None:
        try:
            free = shutil.disk_usage(staging).free
        except OSError:
            return
        if total + SPARE_SPACE > free:
            raise BackupError(
                f"there is not enough free space to check {name} ({total // MiB + 1} MB "
                "needed): nothing was changed"
            )


# -- policy.db: the schema a revision makes, and nothing else ---------------------------------
_EXPECTED: dict[str, set[tuple[str, str, str]]] = {}
#: Objects a store at a revision may lack (migration 0003 leaves out its index on a store that
#: already held two rows with one label).
_OPTIONAL = {("index", "uq_adoption_document_label")}


def schema_objects(con: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """(type, name, definition with its spacing normalised) of every schema object."""
    rows = con.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {(str(t), str(n), " ".join(str(s or "").split())) for t, n, s in rows}


def expected_objects(revision: str) -> set[tuple[str, str, str]]:
    """The schema objects a store made by this release's migrations has at ``revision``."""
    if revision not in _EXPECTED:
        from mop_desktop.store.db import make_engine, upgrade

        with tempfile.TemporaryDirectory(prefix="mop-schema-") as folder:
            path = Path(folder) / "expected.db"
            engine = make_engine(path)
            try:
                upgrade(engine, revision)
            finally:
                engine.dispose()
            con = sqlite3.connect(path)
            try:
                _EXPECTED[revision] = schema_objects(con)
            finally:
                con.close()
    return _EXPECTED[revision]


def check_policy_schema(path: Path, bundle: Path) -> str | None:
    """Refuse a staged policy.db from a newer release, or one whose schema holds anything the
    app does not make; returns its revision."""
    from mop_desktop.store.db import StoreError, read_revision, refuse_newer_schema

    try:
        revision = read_revision(path)
        refuse_newer_schema(path, revision)
    except StoreError as exc:
        raise BackupError(f"{POLICY} in {bundle.name}: {exc}; nothing was changed") from None
    if revision is None:
        raise BackupError(f"{POLICY} in {bundle.name} has no schema: it is not a MOP Desktop store")
    from mop_desktop.store.db import connect_read_only

    con = connect_read_only(path)
    try:
        actual = schema_objects(con)
    finally:
        con.close()
    expected = expected_objects(revision)
    extra = sorted(actual - expected)
    missing = sorted((expected - actual) - {o for o in expected if o[:2] in _OPTIONAL})
    for kind, name, _sql in extra:
        changed = any(o[:2] == (kind, name) for o in expected)
        what = "a changed definition of" if changed else "an extra"
        raise BackupError(
            f"{POLICY} in {bundle.name} holds {what} {kind} '{name[:60]}' that MOP Desktop "
            "does not make: refused, nothing was changed"
        )
    if missing:
        kind, name, _sql = missing[0]
        raise BackupError(f"{POLICY} in {bundle.name} lacks its {kind} '{name}': refused")
    return revision


# -- register.key and register.db --------------------------------------------------------------
def check_key_file(path: Path, bundle: Path) -> Any:
    """The staged key file's envelope, or BackupError: checksum, fields, cost bounds."""
    from mop_desktop.store import vault

    try:
        envelope = vault.read_envelope(path)
    except vault.VaultError as exc:
        raise BackupError(
            f"{KEY} in {bundle.name} is damaged ({exc}): refused, nothing was changed"
        ) from None
    except RecursionError:
        raise BackupError(f"{KEY} in {bundle.name} is damaged: refused") from None
    kdf = envelope.kdf  # read_envelope bounds them too; the same ceilings, checked here again
    max_memory = getattr(vault, "BOUND_MAX_MEMORY_KIB", 256 * 1024)
    max_time = getattr(vault, "BOUND_MAX_TIME_COST", getattr(vault, "MAX_TIME_COST", 12))
    max_lanes = getattr(vault, "BOUND_MAX_PARALLELISM", 16)
    low = not vault.test_profile() and (
        kdf.memory_kib < vault.MIN_MEMORY_KIB or kdf.time_cost < vault.MIN_TIME_COST
    )
    if (
        kdf.memory_kib > max_memory
        or kdf.time_cost > max_time
        or kdf.parallelism > max_lanes
        or low
    ):
        raise BackupError(
            f"{KEY} in {bundle.name} is damaged (its key-derivation costs are out of range: "
            f"{kdf.memory_kib // 1024} MiB, {kdf.time_cost} passes): refused, nothing was changed"
        )
    return envelope


def check_register_file(path: Path, bundle: Path, has_key: bool) -> None:
    """What can be checked of an encrypted register without its key."""
    if not has_key:
        raise BackupError(f"{bundle.name} holds {REGISTER} without its key file {KEY}: refused")
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        raise BackupError(
            f"{REGISTER} in {bundle.name} is not encrypted: refused, nothing was changed"
        )
    if size < MIN_PAGE or size % MIN_PAGE:
        raise BackupError(
            f"{REGISTER} in {bundle.name} is not a register (its size is not "
            "whole pages): refused, nothing was changed"
        )


def check_register_with(path: Path, key_file: Path, bundle: Path, passphrase: str) -> bool:
    """Open the staged register with the key the passphrase unwraps from the staged key file
    and check it; False if the passphrase does not open that key file (an older one)."""
    from mop_desktop.store import vault
    from mop_desktop.store.integrity import check_register

    try:
        key = vault.unlock_with_passphrase(key_file, passphrase)
    except vault.VaultError:
        return False
    try:
        problems = check_register(path, key)
    finally:
        vault.zero(key)
    if problems:
        raise BackupError(
            f"{REGISTER} in {bundle.name} does not open with its key file or "
            f"fails its check ({problems[0]}): refused, nothing was changed"
        )
    return True
