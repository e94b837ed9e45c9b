"""The register as the app and the command line use it: set up, unlock, lock, and the case
operations (add, update, close, timeline), each change written to the audit trail by field name
only. Nothing here logs, prints or copies register text anywhere outside register.db."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mop_desktop.domain.concerns import (
    Concern,
    ConcernError,
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
    )


def _column_values(concern: Concern) -> dict[str, object]:
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


def insert_concern(session: Session, concern: Concern, *, action: str = "created") -> str:
    """Validate and add one concern in ``session``; returns its reference."""
    validate(concern)
    reference = concern.reference.strip()
    if reference:
        if parse_reference(reference) is None:
            raise ConcernError("reference", f"'{reference}' is not a reference such as C-2026-001")
        exists = session.scalar(select(func.count()).where(ConcernRow.reference == reference))
        if exists:
            raise ConcernError("reference", f"{reference} is already in the register")
    else:
        reference = next_reference(session, concern.raised_on.year)
    session.add(ConcernRow(reference=reference, **_column_values(concern)))
    session.flush()
    audit(session, action, reference)
    return reference


def _row(session: Session, reference: str) -> ConcernRow:
    row = session.scalars(select(ConcernRow).where(ConcernRow.reference == reference)).first()
    if row is None:
        raise UnknownConcern(reference)
    return row


class RegisterService:
    """One data folder's register: locked until ``unlock`` succeeds."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._register: Register | None = None

    # -- state --------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.paths.key_envelope.exists() or self.paths.register_db.exists()

    @property
    def unlocked(self) -> bool:
        return self._register is not None and self._register.is_open

    def _check_files(self) -> None:
        """Tell missing/empty files apart before any key is derived."""
        envelope, db = self.paths.key_envelope, self.paths.register_db
        if not envelope.exists() and not db.exists():
            raise vault.NoRegister()
        if not envelope.exists():
            raise vault.EnvelopeDamaged(
                f"key file {envelope.name} is missing: restore it from backup"
            )
        check_existing(db)

    # -- set-up, unlock, lock -----------------------------------------------------------------
    def init(self, passphrase: str) -> str:
        """Create the key file and an empty register; returns the recovery key (shown once)."""
        if self.exists():
            raise RegisterError("the register is set up already: it is never replaced")
        self.paths.ensure()
        key, recovery_key = vault.create_envelope(self.paths.key_envelope, passphrase)
        try:
            self._register = create_register(self.paths.register_db, key)
        except BaseException:
            self.paths.key_envelope.unlink(missing_ok=True)
            vault.zero(key)
            raise
        with self.session() as session:
            audit(session, "set up")
        return recovery_key

    def _open(self, key: bytearray) -> None:
        try:
            register = open_register(self.paths.register_db, key)
        except BaseException:
            vault.zero(key)
            raise
        self.lock()
        self._register = register
        with self.session() as session:
            audit(session, "opened")

    def unlock(self, passphrase: str) -> None:
        self._check_files()
        self._open(vault.unlock_with_passphrase(self.paths.key_envelope, passphrase))

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        self._check_files()
        self._open(vault.unlock_with_recovery_key(self.paths.key_envelope, recovery_key))

    def lock(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None

    def change_passphrase(self, new_passphrase: str) -> None:
        register = self._need()
        vault.set_passphrase(self.paths.key_envelope, register._key, new_passphrase)
        with self.session() as session:
            audit(session, "passphrase changed")

    def replace_recovery_key(self) -> str:
        register = self._need()
        key = vault.replace_recovery_key(self.paths.key_envelope, register._key)
        with self.session() as session:
            audit(session, "recovery key replaced")
        return key

    def _need(self) -> Register:
        if self._register is None or not self._register.is_open:
            raise RegisterLocked()
        return self._register

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._need().session() as session:
            yield session

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
            changed = []
            for name, value in _column_values(concern).items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
                    changed.append(name)
            if changed:
                row.updated_at = utcnow()
                for name in changed:
                    audit(session, "changed", reference, name)
            return changed

    def close_concern(self, reference: str, closed_on: dt.date, outcome: str) -> None:
        concern = self.get(reference)
        concern.status, concern.closed_on, concern.outcome = "closed", closed_on, outcome
        self.update(reference, concern)

    def add_timeline(self, reference: str, on: dt.date, entry: str) -> None:
        if not entry.strip():
            raise ConcernError("timeline", "an entry needs some text")
        check_text("timeline", entry)
        with self.session() as session:
            row = _row(session, reference)
            if on < row.raised_on:
                raise ConcernError("timeline", "an entry dated before the concern was raised")
            session.add(TimelineRow(concern_id=row.id, on=on, entry=entry))
            row.updated_at = utcnow()
            audit(session, "timeline entry added", reference, "timeline")

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
            return [(r.id, r.reference, json.loads(r.fields))
                    for r in session.scalars(select(DraftRow).order_by(DraftRow.id))]

    def discard_draft(self, draft_id: int) -> None:
        from mop_desktop.store.register import DraftRow

        with self.session() as session:
            row = session.get(DraftRow, draft_id)
            if row is not None:
                session.delete(row)

    def timeline(self, reference: str) -> list[TimelineEntry]:
        with self.session() as session:
            row = _row(session, reference)
            return [TimelineEntry(t.on, t.entry) for t in row.timeline]

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
