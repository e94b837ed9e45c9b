"""Settings declared once, typed, with defaults (stored as JSON in policy.db's ``setting``).

Declare a setting by adding a ``Setting`` below; read and write with ``get``/``put``. Window
geometry and other per-machine trivia may live in QSettings; nothing confidential goes in either.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # the ORM is imported by get/put, so declarations stay light to import
    from sqlalchemy import Insert
    from sqlalchemy.orm import Session

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    label: str


REGISTRY: dict[str, Setting[Any]] = {}


def declare(key: str, default: T, label: str) -> Setting[T]:
    setting = Setting(key, default, label)
    REGISTRY[key] = setting
    return setting


# -- review schedule --------------------------------------------------------------------------
REMINDER_LEAD_DAYS = declare("review.reminder_lead_days", 28, "Remind me this many days ahead")
REPORT_LEAD_DAYS = declare(
    "review.report_lead_days", 7, "Days needed to write the report before the agenda deadline"
)
CLEAR_DAYS = declare("review.clear_days", 3, "Clear days between the summons and the meeting")
SKIP_SUNDAYS_AND_HOLIDAYS = declare(
    "review.skip_sundays_and_holidays",
    True,
    "Do not count Sundays and bank holidays as clear days",
)
START_WITH_COMPUTER = declare("app.start_with_computer", False, "Start with the computer")
# -- register ---------------------------------------------------------------------------------
IDLE_LOCK_MINUTES = declare("register.idle_lock_minutes", 5, "Lock the register after (minutes)")
RETENTION_YEARS = declare("register.retention_years", 6, "Keep closed concerns for (years)")
# -- backups ----------------------------------------------------------------------------------
BACKUP_DIR = declare("backup.folder", "", "Backups folder (empty: inside the data folder)")
# -- PDFs -------------------------------------------------------------------------------------
SIGNATURE_CHAIR = declare("pdf.signature_chair", "", "Chair's signature image")
SIGNATURE_CLERK = declare("pdf.signature_clerk", "", "Clerk's signature image")
# -- importing --------------------------------------------------------------------------------
IMPORT_CORRECTIONS: Setting[dict[str, Any]] = declare(
    "import.corrections", {}, "The clerk's corrections to imported files, by the file's SHA-256"
)
# -- first run --------------------------------------------------------------------------------
WELCOME_DONE = declare("app.welcome_done", False, "The welcome screen has been answered")


def get(session: Session, setting: Setting[T]) -> T:
    from mop_desktop.store.models import SettingRow

    row = session.get(SettingRow, setting.key)
    return decode(setting, None if row is None else row.value)


def decode(setting: Setting[T], stored: str | None) -> T:
    """The value of ``setting`` from its stored JSON text (the default when unset or unusable)."""
    if stored is None:
        return setting.default
    try:
        value = json.loads(stored)
    except ValueError:
        return setting.default
    if not isinstance(value, type(setting.default)):
        return setting.default
    return value


def put(session: Session, setting: Setting[T], value: T) -> None:
    """Store ``value``: one upsert, never a read first, so on SQLite the transaction's first
    statement takes the write lock (waiting for the busy timeout) instead of reading and then
    failing at once to write when another process wrote meanwhile; on a server another PC
    adding the same key at once is never a clash."""
    from sqlalchemy.orm.util import identity_key

    from mop_desktop.store.models import SettingRow

    if not isinstance(value, type(setting.default)):
        raise TypeError(f"{setting.key} takes {type(setting.default).__name__}")
    text = json.dumps(value, ensure_ascii=False)
    session.execute(_upsert(session.get_bind().dialect.name, setting.key, text))
    loaded = session.identity_map.get(identity_key(SettingRow, setting.key))
    if loaded is not None:  # a row this session read before: it reads the new value too
        from sqlalchemy.orm.attributes import set_committed_value

        set_committed_value(loaded, "value", text)


def _upsert(dialect: str, key: str, text: str) -> Insert:
    """INSERT ... ON CONFLICT (key) DO UPDATE, in the engine's own words."""
    from mop_desktop.store.models import SettingRow

    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        on_server = postgresql.insert(SettingRow).values(key=key, value=text)
        return on_server.on_conflict_do_update(
            index_elements=[SettingRow.key], set_={"value": text}
        )
    from sqlalchemy.dialects import sqlite

    on_file = sqlite.insert(SettingRow).values(key=key, value=text)
    return on_file.on_conflict_do_update(index_elements=[SettingRow.key], set_={"value": text})
