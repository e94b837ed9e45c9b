"""Backups of the whole store as one bundle file: writing, describing and checking it.

A bundle is a zip holding ``policy.db``, the register (``register.db``, still encrypted) and its
key file ``register.key`` when they exist, and ``manifest.json`` with each file's SHA-256 and
size, the row count of every table and a short summary for the restore preview. It is built in
a staging folder beside its destination:

- ``policy.db`` is copied with SQLite's online backup API inside one read transaction (so a
  writer in another thread or process cannot make it inconsistent), then opened, checked
  (``integrity_check``, ``foreign_key_check``) and its row counts compared with the source's;
- the register, when unlocked (its data key given), is copied the same way between two keyed
  SQLCipher connections and checked with ``cipher_integrity_check``; when locked, its encrypted
  file is copied as it is and the copy's hash compared with the file's before and after;
- the zip is written to a temporary file, synced, read back and every member's hash checked,
  and only then renamed into place.

The copy and check of each store is ``store/copies``. ``describe_bundle`` reads the manifest
for the preview, ``verify_bundle`` checks everything. Putting a bundle back is
``store/restore``; the automatic backups folder and its thinning are in ``store/backup_folder``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mop_desktop.paths import AppPaths
from mop_desktop.store.atomic import fsync_file, replace
from mop_desktop.store.copies import (
    KEY,
    POLICY,
    REGISTER,
    REGISTER_JOURNAL,
    SIDE_SUFFIXES,
    BackupError,
    check_policy_copy,
    copy_file_checked,
    copy_policy,
    copy_register_unlocked,
    os_message,
    sha256_file,
    staging_folder,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

__all__ = [
    "KEY",
    "POLICY",
    "REGISTER",
    "SIDE_SUFFIXES",
    "BackupError",
    "BundleInfo",
    "describe_bundle",
    "extract_verified",
    "policy_summary",
    "sha256_file",
    "verify_bundle",
    "write_bundle",
]

FORMAT = "mop-desktop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_MANIFEST = 1024 * 1024


# -- the summary shown before a restore --------------------------------------------------------
def policy_summary(path: Path) -> dict[str, Any]:
    """Versions, adoptions and the latest adoption recorded in a policy.db copy (read-only)."""
    from mop_desktop.store.db import make_engine

    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            return summary_of(connection)
    finally:
        engine.dispose()


def summary_of(connection: Connection) -> dict[str, Any]:
    """The restore preview's summary, read through SQLAlchemy from any engine's store (the
    tables an older schema lacks count as empty)."""
    from sqlalchemy import func, inspect, select

    from mop_desktop.store.models import AdoptionRow, CouncilRow, VersionRow

    tables = set(inspect(connection).get_table_names())
    summary: dict[str, Any] = {
        "versions": 0,
        "adoptions": 0,
        "latest_version": None,
        "latest_adopted_on": None,
        "draft": False,
        "council": "",
    }
    if "version" in tables:
        summary["versions"] = connection.scalar(select(func.count()).select_from(VersionRow))
        drafts = select(func.count()).select_from(VersionRow).where(VersionRow.status == "draft")
        summary["draft"] = bool(connection.scalar(drafts))
    if "adoption" in tables:
        summary["adoptions"] = connection.scalar(select(func.count()).select_from(AdoptionRow))
        latest = connection.execute(
            select(AdoptionRow.version_label, AdoptionRow.adopted_on)
            .order_by(AdoptionRow.id.desc())
            .limit(1)
        ).first()
        if latest is not None:
            summary["latest_version"] = latest.version_label
            adopted_on = latest.adopted_on
            summary["latest_adopted_on"] = adopted_on.isoformat() if adopted_on else None
    if "council" in tables:
        name = connection.scalar(select(CouncilRow.name).order_by(CouncilRow.id).limit(1))
        summary["council"] = name or ""
    return summary


# -- writing a bundle -------------------------------------------------------------------------
@dataclass
class BundleInfo:
    """What a bundle holds, from its manifest (the restore preview)."""

    path: Path
    created: dt.datetime
    app_version: str
    schema: str | None
    files: dict[str, dict[str, Any]]
    counts: dict[str, dict[str, int] | None]
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def has_register(self) -> bool:
        return REGISTER in self.files

    @property
    def concerns(self) -> int | None:
        """Concerns in the backed-up register; None if none or it was locked at the time."""
        register_counts = self.counts.get(REGISTER)
        if not register_counts:
            return None
        return register_counts.get("concern")


def _schema_of(path: Path) -> str | None:
    from mop_desktop.store.db import read_revision

    try:
        return read_revision(path)
    except Exception:  # noqa: BLE001 - the manifest records what it can
        return None


def write_bundle(
    paths: AppPaths,
    target: Path,
    register_key: bytearray | None = None,
    created: dt.datetime | None = None,
    source: Any = None,
) -> Path:
    """Write a verified bundle of the whole store to ``target``; raise BackupError if not.

    ``register_key`` is the data key of an unlocked register (online copy); without it the
    register's encrypted file is copied as it is. ``target`` appears only when complete.
    """
    from mop_desktop import __version__

    on_server = source is not None and source.is_server
    policy_db = source.path if source is not None and not on_server else paths.policy_db
    if not on_server and not policy_db.exists():
        raise BackupError(f"there is no store to back up in {paths.data}")
    target = Path(target)
    remove_leftover_temporaries(target.parent, target.name)
    try:
        with staging_folder(target.parent) as staging:
            counts: dict[str, dict[str, int] | None] = {}
            if on_server:
                from mop_desktop.store.moving import server_to_file

                counts[POLICY] = server_to_file(source, staging / POLICY)
            else:
                counts[POLICY] = copy_policy(policy_db, staging / POLICY)
            if paths.register_db.exists():
                if register_key is not None and any(register_key):
                    counts[REGISTER] = copy_register_unlocked(
                        paths.register_db, staging / REGISTER, register_key
                    )
                else:
                    copy_file_checked(paths.register_db, staging / REGISTER)
                    counts[REGISTER] = None
            if paths.key_envelope.exists():
                copy_file_checked(paths.key_envelope, staging / KEY)
            members = [
                n for n in (POLICY, REGISTER, REGISTER_JOURNAL, KEY) if (staging / n).exists()
            ]
            files = {
                n: {"sha256": sha256_file(staging / n), "size": (staging / n).stat().st_size}
                for n in members
            }
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created": (created or dt.datetime.now()).replace(microsecond=0).isoformat(),
                "app_version": __version__,
                "schema": _schema_of(staging / POLICY),
                "files": files,
                "counts": counts,
                "summary": policy_summary(staging / POLICY),
            }

            # the zip is made inside the staging folder (same folder as the target, so the
            # rename is atomic): a backup killed at any moment leaves only a staging folder,
            # which the next backup removes
            handle, name = tempfile.mkstemp(prefix=".bundle-", suffix=".zip", dir=staging)
            os.close(handle)
            tmp = Path(name)
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
                for name in members:  # encrypted pages do not compress: stored as they are
                    kind = zipfile.ZIP_STORED if name == REGISTER else zipfile.ZIP_DEFLATED
                    archive.write(staging / name, name, compress_type=kind)
            _verify_archive(tmp, files)
            fsync_file(tmp)
            replace(tmp, target)
    except OSError as exc:
        raise BackupError(f"the backup could not be written: {os_message(exc)}") from None
    return target


def remove_leftover_temporaries(folder: Path, name: str) -> None:
    """Temporary zips left beside ``name`` by a backup killed part-way (earlier releases wrote
    ``.<name>-XXXX.tmp`` there; this one writes inside its staging folder)."""
    try:
        for path in folder.glob(f".{glob_escape(name)}-*.tmp"):
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _verify_archive(path: Path, files: dict[str, dict[str, Any]]) -> None:
    with zipfile.ZipFile(path) as archive:
        for name, meta in files.items():
            digest = hashlib.sha256()
            with archive.open(name) as member:
                for chunk in iter(lambda: member.read(1024 * 1024), b""):
                    digest.update(chunk)
            if digest.hexdigest() != meta["sha256"]:
                raise BackupError(f"{name} in {path.name} does not match what was copied")


# -- reading a bundle -------------------------------------------------------------------------
def describe_bundle(path: Path) -> BundleInfo:
    """The manifest of ``path``, or BackupError naming what is wrong with the file."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST:
                    raise BackupError(f"{path.name}: its manifest is too large: refused")
                manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            except KeyError:
                raise BackupError(f"{path.name} is not a MOP Desktop backup") from None
            except RecursionError:
                raise BackupError(f"{path.name}: its manifest is damaged") from None
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist") from None
    except (zipfile.BadZipFile, EOFError):
        raise BackupError(f"{path.name} is not a MOP Desktop backup or is damaged") from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(f"{path.name}: its manifest is damaged") from None
    except OSError as exc:
        raise BackupError(f"{path.name} cannot be read: {os_message(exc)}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path.name} is not a MOP Desktop backup")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"{path.name} was made by a newer release of MOP Desktop")
    try:
        files = dict(manifest["files"])
        if POLICY not in files:
            raise KeyError(POLICY)
        return BundleInfo(
            path=path,
            created=dt.datetime.fromisoformat(manifest["created"]),
            app_version=str(manifest.get("app_version", "")),
            schema=manifest.get("schema"),
            files=files,
            counts=dict(manifest.get("counts") or {}),
            summary=dict(manifest.get("summary") or {}),
        )
    except (KeyError, TypeError, ValueError):
        raise BackupError(f"{path.name}: its manifest is incomplete or damaged") from None


def extract_verified(path: Path, staging: Path, passphrase: str | None = None) -> BundleInfo:
    """Check a bundle member by member into ``staging`` (``store.bundle_checks``): its
    directory before anything is extracted, each file's hash while it is extracted (never more
    bytes than the manifest gives), then each staged store. ``passphrase``, when it opens the
    bundle's key file, lets the register be opened and checked too."""
    from mop_desktop.store import bundle_checks as checks

    info = describe_bundle(path)
    try:
        with zipfile.ZipFile(path) as archive:
            checks.check_members(archive, path, info.files, staging)
            for name, meta in info.files.items():
                _extract_member(archive, path, name, meta, staging / name)
    except (zipfile.BadZipFile, EOFError, KeyError, NotImplementedError):
        raise BackupError(f"{path.name} is damaged: a file in it cannot be read") from None
    counts = check_policy_copy(staging / POLICY)
    if info.counts.get(POLICY) and counts != info.counts[POLICY]:
        raise BackupError(f"{POLICY} in {path.name} does not hold the rows its manifest lists")
    checks.check_policy_schema(staging / POLICY, path)
    if KEY in info.files:
        checks.check_key_file(staging / KEY, path)
    if REGISTER in info.files:
        checks.check_register_file(staging / REGISTER, path, KEY in info.files)
        if passphrase is not None and REGISTER_JOURNAL not in info.files:
            checks.check_register_with(staging / REGISTER, staging / KEY, path, passphrase)
    return info


def _extract_member(
    archive: zipfile.ZipFile, bundle: Path, name: str, meta: dict[str, Any], target: Path
) -> None:
    """Stream one member to ``target`` through its hash, stopping at its declared size."""
    limit = int(meta.get("size", 0))
    digest = hashlib.sha256()
    written = 0
    with archive.open(name) as member, open(target, "wb") as out:
        for chunk in iter(lambda: member.read(1024 * 1024), b""):
            written += len(chunk)
            if written > limit:
                raise BackupError(f"{name} in {bundle.name} is larger than its manifest says")
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != meta.get("sha256"):
        raise BackupError(f"{name} in {bundle.name} is damaged (its hash differs)")


def verify_bundle(path: Path, passphrase: str | None = None) -> BundleInfo:
    """Full check of a bundle (``extract_verified``) in a temporary folder; BackupError if not."""
    path = Path(path)
    with staging_folder(Path(tempfile.gettempdir())) as staging:
        return extract_verified(path, staging, passphrase)
