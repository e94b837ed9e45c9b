"""The register as the app and the command line use it: set up, unlock, lock, and the case
operations (add, update, close, timeline), each change written to the audit trail by field name
only. Nothing here logs, prints or copies register text anywhere outside register.db."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import (
    CATEGORIES,
    Concern,
    ConcernError,
    check_reference,
    check_text,
    format_reference,
    parse_reference,
    validate,
)
from mop_desktop.paths import AppPaths
from mop_desktop.store import vault
from mop_desktop.store.register import (
    AuditRow,
    ConcernRow,
    Register,
    RegisterError,
    TimelineRow,
    UserCategoryRow,
    check_existing,
    create_register,
    open_register,
    utcnow,
)

#: Concern fields in the order forms and reports show them.
FIELDS = tuple(f.name for f in dataclasses.fields(Concern))


class RegisterLocked(RegisterError):
    def __init__(self) -> None:
        super().__init__("the register is locked")


class UnknownConcern(RegisterError):
    def __init__(self, reference: str) -> None:
        super().__init__(f"no concern {reference} in the register")


@dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    entry: str
    id: int = 0  # the stored entry's id, for editing and deleting it


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime  # UTC, naive (as stored)
    actor: str
    action: str
    reference: str
    field: str

    def local_time(self) -> str:
        """23/03/2026 14:05 in the computer's time zone."""
        return self.at.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available
        return ""


# -- rows <-> values --------------------------------------------------------------------------
def to_concern(row: ConcernRow) -> Concern:
    return Concern(
        raised_on=row.raised_on,
        raised_by_role=row.raised_by_role,
        summary=row.summary,
        reference=row.reference,
        raised_by=row.raised_by,
        about=row.about,
        about_role=row.about_role,
        category=row.category,
        clauses=[c for c in (p.strip() for p in row.clauses.split(",")) if c],
        details=row.details,
        route=row.route,
        status=row.status,
        follow_up_on=row.follow_up_on,
        outcome=row.outcome,
        closed_on=row.closed_on,
        closing_date_unknown=bool(row.closing_date_unknown),
    )


def column_values(concern: Concern) -> dict[str, object]:
    values = {name: getattr(concern, name) for name in FIELDS if name != "reference"}
    values["clauses"] = ", ".join(concern.clauses)
    return values


def next_reference(session: Session, year: int) -> str:
    prefix = f"C-{year}-"
    refs = session.scalars(
        select(ConcernRow.reference).where(ConcernRow.reference.like(prefix + "%"))
    ).all()
    numbers = [parsed[1] for r in refs if (parsed := parse_reference(r)) and parsed[0] == year]
    return format_reference(year, max(numbers, default=0) + 1)


def audit(session: Session, action: str, reference: str = "", field: str = "") -> None:
    session.add(AuditRow(actor=current_actor(), action=action, reference=reference, field=field))


def reference_exists(session: Session, reference: str) -> bool:
    return bool(session.scalar(select(func.count()).where(ConcernRow.reference == reference)))


def insert_concern(
    session: Session,
    concern: Concern,
    *,
    action: str = "created",
    fingerprint: str | None = None,
) -> str:
    """Validate and add one concern in ``session``; returns its reference. A reference given
    (the clerk's own, such as "2023/04") is kept as written and must be unique; without one
    the next ``C-YYYY-NNN`` of the year raised is given."""
    validate(concern)
    if concern.reference.strip():
        reference = check_reference(concern.reference)
        if reference_exists(session, reference):
            raise ConcernError("reference", "that reference is already in the register")
    else:
        reference = next_reference(session, concern.raised_on.year)
    session.add(
        ConcernRow(reference=reference, import_fingerprint=fingerprint, **column_values(concern))
    )
    remember_category(session, concern.category)
    session.flush()
    audit(session, action, reference)
    return reference


def remember_category(session: Session, category: str) -> bool:
    """Keep a category of the clerk's own so that it is offered from then on; True if new."""
    if not category or category in CATEGORIES:
        return False
    known = session.scalar(select(func.count()).where(UserCategoryRow.name == category))
    if known:
        return False
    session.add(UserCategoryRow(name=category))
    session.flush()
    return True


def user_categories(session: Session) -> list[str]:
    """The clerk's own categories, in the order of the alphabet."""
    names = session.scalars(select(UserCategoryRow.name)).all()
    return sorted(names, key=str.casefold)


def _check_entry(entry: str) -> None:
    if not entry.strip():
        raise ConcernError("timeline", "an entry needs some text")
    check_text("timeline", entry)


def _entry(session: Session, row: ConcernRow, entry_id: int) -> TimelineRow:
    item = session.get(TimelineRow, entry_id)
    if item is None or item.concern_id != row.id:
        raise ConcernError("timeline", "that entry is no longer in the timeline")
    return item


def _row(session: Session, reference: str) -> ConcernRow:
    row = session.scalars(select(ConcernRow).where(ConcernRow.reference == reference)).first()
    if row is None:
        raise UnknownConcern(reference)
    return row


def _refuse_if_sealed(session: Session, row: ConcernRow) -> None:
    """Nothing is written in the clear into a concern sealed to the chair."""
    from mop_desktop.store.register import SealedRow

    if session.get(SealedRow, row.id) is not None:
        raise ConcernError(
            "timeline",
            "this concern is sealed: only the chair of the personnel committee can add to it",
        )


#: The stored row of one concern, for the services beside this one (attachments, sealing).
concern_row = _row


class RegisterService:
    """One data folder's register: locked until ``unlock`` succeeds."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._register: Register | None = None
        self._passphrase_digest: tuple[bytes, bytes] | None = None

    # -- state --------------------------------------------------------------------------------
    def exists(self) -> bool:
        """A register is set up (a half-made one from an interrupted set-up does not count)."""
        if self.interrupted_setup():
            return False
        return self.paths.key_envelope.exists() or self.paths.register_db.exists()

    @property
    def unlocked(self) -> bool:
        return self._register is not None and self._register.is_open

    def _check_files(self) -> None:
        """Tell missing/empty files apart before any key is derived."""
        envelope, db = self.paths.key_envelope, self.paths.register_db
        if self.interrupted_setup():
            raise vault.NoRegister(
                "the register's set-up was interrupted: set it up again (concerns init)"
            )
        if not envelope.exists() and not db.exists():
            raise vault.NoRegister()
        if not envelope.exists():
            raise vault.EnvelopeDamaged(
                f"key file {envelope.name} is missing: restore it from backup"
            )
        check_existing(db)

    # -- set-up, unlock, lock -----------------------------------------------------------------
    def interrupted_setup(self) -> bool:
        """True when a set-up was interrupted: its files are half-made and unusable."""
        return self.paths.register_setup_marker.exists()

    def init(self, passphrase: str, show_key: Callable[[str], None] | None = None) -> str:
        """Create the key file and an empty register; returns the recovery key (shown once).

        All or nothing: a marker file stands beside the new files until the register is
        complete (and, with ``show_key``, until the recovery key has been shown), so a set-up
        killed at any moment leaves either no register or a complete one. Files left by an
        interrupted set-up are removed first (``interrupted_setup`` says so beforehand). The
        key-file lock is held throughout.
        """
        from mop_desktop.store.atomic import atomic_write_text, fsync_dir
        from mop_desktop.store.keylock import key_file_lock

        vault.check_new_passphrase(passphrase)
        self.paths.ensure()
        marker = self.paths.register_setup_marker
        with key_file_lock(self.paths.key_envelope):
            if marker.exists():
                self._remove_half_made()
            if self.exists():
                raise RegisterError("the register is set up already: it is never replaced")
            atomic_write_text(marker, "a register set-up is in progress\n")
            key, recovery_key = vault.create_envelope(self.paths.key_envelope, passphrase)
            vault.crash_point("init-after-key")
            self._remember(passphrase)
            try:
                self._register = create_register(self.paths.register_db, key)
                vault.crash_point("init-after-register")
                with self.session() as session:
                    audit(session, "set up")
            except BaseException:
                self.lock()
                vault.zero(key)
                self._remove_half_made()
                raise
            if show_key is not None:
                show_key(recovery_key)
                vault.crash_point("init-after-shown")
            marker.unlink()
            fsync_dir(self.paths.data)
        return recovery_key

    def _remove_half_made(self) -> None:
        """Remove what an interrupted set-up left (never called without its marker)."""
        from mop_desktop.store.atomic import fsync_dir

        for path in (self.paths.register_db, self.paths.key_envelope):
            for suffix in ("", "-journal"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        self.paths.register_setup_marker.unlink(missing_ok=True)
        fsync_dir(self.paths.data)

    def _remember(self, passphrase: str) -> None:
        """Keep a salted digest of the passphrase in use (never the passphrase itself), so
        that a PDF password equal to it can be refused."""
        import hashlib
        import secrets

        salt = secrets.token_bytes(16)
        self._passphrase_digest = (
            salt,
            hashlib.blake2b(passphrase.encode("utf-8"), key=salt).digest(),
        )

    def is_register_passphrase(self, candidate: str) -> bool:
        import hashlib
        import hmac

        if self._passphrase_digest is None:
            return False
        salt, digest = self._passphrase_digest
        return hmac.compare_digest(
            hashlib.blake2b(candidate.encode("utf-8"), key=salt).digest(), digest
        )

    def check_pdf_password(self, password: str) -> None:
        """Refuse a PDF password that is empty, too short, or the register's own passphrase
        (PdfPasswordRefused, with the one line to show)."""
        from mop_desktop.services.concerns.reports import PdfPasswordRefused, check_pdf_password

        check_pdf_password(password)
        if self.is_register_passphrase(password):
            raise PdfPasswordRefused(
                "the PDF password must not be the register's passphrase: choose another one"
            )

    def _open(self, key: bytearray, passphrase: str | None = None) -> None:
        try:
            register = open_register(self.paths.register_db, key)
        except BaseException:
            vault.zero(key)
            raise
        self.lock()
        if passphrase is not None:  # before the register shows as unlocked (other threads)
            self._remember(passphrase)
        self._register = register
        try:
            with self.session() as session:
                audit(session, "opened")
        except Exception as exc:
            from mop_desktop.store.failures import BUSY, explain

            # A full disk or a read-only folder: the register is read, not changed (the
            # opening cannot be recorded; every change is refused with that reason)
            if explain(exc) in (None, BUSY):
                raise

    def unlock(self, passphrase: str) -> None:
        self._check_files()
        self._open(vault.unlock_with_passphrase(self.paths.key_envelope, passphrase), passphrase)

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        self._check_files()
        self._open(vault.unlock_with_recovery_key(self.paths.key_envelope, recovery_key))

    def lock(self) -> None:
        self._passphrase_digest = None
        if self._register is not None:
            self._register.close()
            self._register = None

    def change_passphrase(self, new_passphrase: str) -> None:
        register = self._need()
        vault.set_passphrase(self.paths.key_envelope, register.data_key, new_passphrase)
        self._remember(new_passphrase)
        with self.session() as session:
            audit(session, "passphrase changed")

    def propose_recovery_key(self) -> str:
        """A new recovery key to show the clerk; the old one works until it is confirmed."""
        return vault.propose_recovery_key(self.paths.key_envelope, self._need().data_key)

    def confirm_recovery_key(self, typed: str) -> None:
        """The new recovery key, given back: it takes effect and the old one stops working."""
        vault.confirm_recovery_key(self.paths.key_envelope, self._need().data_key, typed)
        with self.session() as session:
            audit(session, "recovery key replaced")

    def replace_recovery_key(self) -> str:
        """Propose and confirm in one step (for callers that show the key themselves)."""
        key = self.propose_recovery_key()
        self.confirm_recovery_key(key)
        return key

    def key_copy(self) -> bytearray | None:
        """A copy of the unlocked register's data key (the caller wipes it with
        ``vault.zero``), or None when the register is locked: for a backup or check that opens
        the register itself."""
        if not self.unlocked or self._register is None:
            return None
        return bytearray(self._register.data_key)

    def _need(self) -> Register:
        if self._register is None or not self._register.is_open:
            raise RegisterLocked()
        return self._register

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction on the register. A statement that fails is raised as
        ``RegisterStoreFailure`` (one line, never the statement), whatever the driver."""
        from sqlalchemy.exc import DatabaseError

        from .errors import RegisterStoreFailure

        try:
            with self._need().session() as session:
                yield session
        except DatabaseError as exc:
            raise RegisterStoreFailure(exc) from exc

    # -- concerns -----------------------------------------------------------------------------
    def add(self, concern: Concern) -> str:
        with self.session() as session:
            return insert_concern(session, concern)

    def get(self, reference: str) -> Concern:
        with self.session() as session:
            return to_concern(_row(session, reference))

    def update(self, reference: str, concern: Concern) -> list[str]:
        """Save the form's values; returns the names of the fields that changed."""
        validate(concern)
        with self.session() as session:
            row = _row(session, reference)
            _refuse_if_sealed(session, row)
            changed = []
            for name, value in column_values(concern).items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
                    changed.append(name)
            if changed:
                row.updated_at = utcnow()
                remember_category(session, concern.category)
                for name in changed:
                    audit(session, "changed", reference, name)
            return changed

    def close_concern(self, reference: str, closed_on: dt.date, outcome: str) -> None:
        concern = self.get(reference)
        concern.status, concern.closed_on, concern.outcome = "closed", closed_on, outcome
        self.update(reference, concern)

    def categories(self) -> list[str]:
        """The categories offered: the built-in ones, then the clerk's own."""
        with self.session() as session:
            return [*CATEGORIES, *user_categories(session)]

    def add_timeline(self, reference: str, on: dt.date, entry: str) -> int:
        """Add a dated entry; it may be dated before the concern was raised (what happened
        before it was reported). Returns the entry's id."""
        _check_entry(entry)
        with self.session() as session:
            row = _row(session, reference)
            _refuse_if_sealed(session, row)
            added = TimelineRow(concern_id=row.id, on=on, entry=entry)
            session.add(added)
            row.updated_at = utcnow()
            audit(session, "timeline entry added", reference, "timeline")
            session.flush()
            return added.id

    def edit_timeline(self, reference: str, entry_id: int, on: dt.date, entry: str) -> bool:
        """Change an entry's date or text; the audit trail keeps that it was changed (never
        the text). Returns whether anything changed."""
        _check_entry(entry)
        with self.session() as session:
            row = _row(session, reference)
            item = _entry(session, row, entry_id)
            if item.on == on and item.entry == entry:
                return False
            item.on, item.entry, item.updated_at = on, entry, utcnow()
            row.updated_at = utcnow()
            audit(session, "timeline entry changed", reference, "timeline")
            return True

    def delete_timeline(self, reference: str, entry_id: int) -> None:
        """Remove an entry for good (secure delete overwrites it); the audit trail keeps that
        an entry was deleted, not what it said."""
        with self.session() as session:
            row = _row(session, reference)
            session.delete(_entry(session, row, entry_id))
            row.updated_at = utcnow()
            audit(session, "timeline entry deleted", reference, "timeline")

    # -- drafts (what an open case held when the register locked) --------------------------
    def save_draft(self, reference: str, fields: dict[str, object]) -> int:
        """Keep what was typed into a case (``reference`` "" for a new one) as its draft."""
        import json

        from mop_desktop.store.register import DraftRow

        with self.session() as session:
            row = DraftRow(reference=reference, fields=json.dumps(fields, ensure_ascii=False))
            session.add(row)
            session.flush()
            audit(session, "unsaved changes kept as a draft on locking", reference)
            return int(row.id)

    def drafts(self) -> list[tuple[int, str, dict[str, object]]]:
        """(id, reference, fields) of every kept draft, oldest first."""
        import json

        from mop_desktop.store.register import DraftRow

        with self.session() as session:
            return [
                (r.id, r.reference, json.loads(r.fields))
                for r in session.scalars(select(DraftRow).order_by(DraftRow.id))
            ]

    def discard_draft(self, draft_id: int) -> None:
        from mop_desktop.store.register import DraftRow

        with self.session() as session:
            row = session.get(DraftRow, draft_id)
            if row is not None:
                session.delete(row)

    def timeline(self, reference: str) -> list[TimelineEntry]:
        with self.session() as session:
            row = _row(session, reference)
            return [TimelineEntry(t.on, t.entry, t.id) for t in row.timeline]

    def audit_trail(self, reference: str | None = None) -> list[AuditEntry]:
        """Every entry for one case, or (None) the whole trail including openings."""
        with self.session() as session:
            query = select(AuditRow).order_by(AuditRow.id)
            if reference is not None:
                query = query.where(AuditRow.reference == reference)
            return [
                AuditEntry(a.at, a.actor, a.action, a.reference, a.field)
                for a in session.scalars(query)
            ]
