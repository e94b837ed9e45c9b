# ruff: noqa: E501  (the old schemas are written out as each release created them)
"""Make the fixture files of every released schema of both stores (run from the repository root:
``python -m tests.store.data.make_fixtures``). The files are committed; run this only to add the
fixture of a new schema, and never change an existing one.

- ``policy-0001.db`` and ``policy-0002.db`` were made by the releases of those schemas and are
  kept as they are. ``policy-0003.db`` .. ``policy-0005.db`` are ``policy-0002.db`` taken up one
  revision at a time by the Alembic revision files (which never change once released), with a
  little content of each revision added in plain SQL.
- ``register-schema-1.db`` .. ``register-schema-4.db`` are encrypted registers (SQLCipher, the
  raw data key ``REGISTER_KEY``) built from the schema DDL *as each release wrote it*, written
  out below, never from today's models, so they stay what an old release left on a clerk's PC.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The test register's raw 256-bit data key (what the key file unwraps to).
REGISTER_KEY = bytes(range(32))
POLICY_REVISIONS = ["0001", "0002", "0003", "0004", "0005", "0006"]
REGISTER_SCHEMAS = [1, 2, 3, 4]


def policy_fixture(revision: str) -> Path:
    return HERE / f"policy-{revision}.db"


def register_fixture(version: int) -> Path:
    return HERE / f"register-schema-{version}.db"


# -- the register's schemas, as each release created them --------------------------------------
REGISTER_SCHEMA_1 = [
    """CREATE TABLE concern (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	raised_on DATE NOT NULL,
	raised_by TEXT NOT NULL,
	raised_by_role VARCHAR NOT NULL,
	about TEXT NOT NULL,
	about_role VARCHAR NOT NULL,
	category VARCHAR NOT NULL,
	clauses TEXT NOT NULL,
	summary TEXT NOT NULL,
	details TEXT NOT NULL,
	route TEXT NOT NULL,
	status VARCHAR NOT NULL,
	follow_up_on DATE,
	outcome TEXT NOT NULL,
	closed_on DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (reference)
)""",
    """CREATE INDEX ix_concern_follow_up_on ON concern (follow_up_on)""",
    """CREATE INDEX ix_concern_raised_by_role ON concern (raised_by_role)""",
    """CREATE INDEX ix_concern_category ON concern (category)""",
    """CREATE INDEX ix_concern_raised_on ON concern (raised_on)""",
    """CREATE INDEX ix_concern_status ON concern (status)""",
    """CREATE TABLE audit (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	reference VARCHAR NOT NULL,
	field VARCHAR NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE INDEX ix_audit_reference ON audit (reference)""",
    """CREATE TABLE deletion_trace (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	removed_on DATETIME NOT NULL,
	reason TEXT NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE schema_version (
	version INTEGER NOT NULL,
	applied_at DATETIME NOT NULL,
	PRIMARY KEY (version)
)""",
    """CREATE TABLE timeline (
	id INTEGER NOT NULL,
	concern_id INTEGER NOT NULL,
	"on" DATE NOT NULL,
	entry TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_timeline_concern_id ON timeline (concern_id)""",
]

REGISTER_SCHEMA_2 = [
    """CREATE TABLE concern (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	raised_on DATE NOT NULL,
	raised_by TEXT NOT NULL,
	raised_by_role VARCHAR NOT NULL,
	about TEXT NOT NULL,
	about_role VARCHAR NOT NULL,
	category VARCHAR NOT NULL,
	clauses TEXT NOT NULL,
	summary TEXT NOT NULL,
	details TEXT NOT NULL,
	route TEXT NOT NULL,
	status VARCHAR NOT NULL,
	follow_up_on DATE,
	outcome TEXT NOT NULL,
	closed_on DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (reference)
)""",
    """CREATE INDEX ix_concern_follow_up_on ON concern (follow_up_on)""",
    """CREATE INDEX ix_concern_list ON concern (raised_on, status, category, raised_by_role, about_role)""",
    """CREATE TABLE audit (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	reference VARCHAR NOT NULL,
	field VARCHAR NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE INDEX ix_audit_reference ON audit (reference)""",
    """CREATE TABLE deletion_trace (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	removed_on DATETIME NOT NULL,
	reason TEXT NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE schema_version (
	version INTEGER NOT NULL,
	applied_at DATETIME NOT NULL,
	PRIMARY KEY (version)
)""",
    """CREATE TABLE timeline (
	id INTEGER NOT NULL,
	concern_id INTEGER NOT NULL,
	"on" DATE NOT NULL,
	entry TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_timeline_concern_id ON timeline (concern_id)""",
]

REGISTER_SCHEMA_3 = [
    """CREATE TABLE concern (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	raised_on DATE NOT NULL,
	raised_by TEXT NOT NULL,
	raised_by_role VARCHAR NOT NULL,
	about TEXT NOT NULL,
	about_role VARCHAR NOT NULL,
	category VARCHAR NOT NULL,
	clauses TEXT NOT NULL,
	summary TEXT NOT NULL,
	details TEXT NOT NULL,
	route TEXT NOT NULL,
	status VARCHAR NOT NULL,
	follow_up_on DATE,
	outcome TEXT NOT NULL,
	closed_on DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (reference)
)""",
    """CREATE INDEX ix_concern_follow_up_on ON concern (follow_up_on)""",
    """CREATE INDEX ix_concern_list ON concern (raised_on, id, status, category, raised_by_role, about_role)""",
    """CREATE TABLE audit (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	reference VARCHAR NOT NULL,
	field VARCHAR NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE INDEX ix_audit_reference ON audit (reference)""",
    """CREATE TABLE deletion_trace (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	removed_on DATETIME NOT NULL,
	reason TEXT NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE schema_version (
	version INTEGER NOT NULL,
	applied_at DATETIME NOT NULL,
	PRIMARY KEY (version)
)""",
    """CREATE TABLE timeline (
	id INTEGER NOT NULL,
	concern_id INTEGER NOT NULL,
	"on" DATE NOT NULL,
	entry TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_timeline_concern_id ON timeline (concern_id)""",
]

REGISTER_SCHEMA_4 = [
    """CREATE TABLE concern (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	raised_on DATE NOT NULL,
	raised_by TEXT NOT NULL,
	raised_by_role VARCHAR NOT NULL,
	about TEXT NOT NULL,
	about_role VARCHAR NOT NULL,
	category VARCHAR NOT NULL,
	clauses TEXT NOT NULL,
	summary TEXT NOT NULL,
	details TEXT NOT NULL,
	route TEXT NOT NULL,
	status VARCHAR NOT NULL,
	follow_up_on DATE,
	outcome TEXT NOT NULL,
	closed_on DATE,
	closing_date_unknown BOOLEAN DEFAULT '0' NOT NULL,
	import_fingerprint VARCHAR,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (reference)
)""",
    """CREATE INDEX ix_concern_list ON concern (raised_on, id, status, category, raised_by_role, about_role)""",
    """CREATE INDEX ix_concern_import_fingerprint ON concern (import_fingerprint)""",
    """CREATE INDEX ix_concern_follow_up_on ON concern (follow_up_on)""",
    """CREATE TABLE user_category (
	id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	added_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (name)
)""",
    """CREATE TABLE audit (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	reference VARCHAR NOT NULL,
	field VARCHAR NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE INDEX ix_audit_reference ON audit (reference)""",
    """CREATE TABLE deletion_trace (
	id INTEGER NOT NULL,
	reference VARCHAR NOT NULL,
	removed_on DATETIME NOT NULL,
	reason TEXT NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE chair_key (
	id INTEGER NOT NULL,
	envelope TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE schema_version (
	version INTEGER NOT NULL,
	applied_at DATETIME NOT NULL,
	PRIMARY KEY (version)
)""",
    """CREATE TABLE timeline (
	id INTEGER NOT NULL,
	concern_id INTEGER NOT NULL,
	"on" DATE NOT NULL,
	entry TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME,
	PRIMARY KEY (id),
	FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_timeline_concern_id ON timeline (concern_id)""",
    """CREATE TABLE attachment (
	id INTEGER NOT NULL,
	concern_id INTEGER NOT NULL,
	filename TEXT NOT NULL,
	media_type VARCHAR NOT NULL,
	size INTEGER NOT NULL,
	sha256 VARCHAR NOT NULL,
	added_at DATETIME NOT NULL,
	sealed BOOLEAN NOT NULL,
	content BLOB NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_attachment_concern_id ON attachment (concern_id)""",
    """CREATE TABLE sealed_concern (
	concern_id INTEGER NOT NULL,
	payload BLOB NOT NULL,
	sealed_at DATETIME NOT NULL,
	PRIMARY KEY (concern_id),
	FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
]


REGISTER_SCHEMAS_DDL = {
    1: REGISTER_SCHEMA_1,
    2: REGISTER_SCHEMA_2,
    3: REGISTER_SCHEMA_3,
    4: REGISTER_SCHEMA_4,
}

#: Full-text search over the concern's text columns: the same in schemas 1 to 4.
FTS_COLUMNS = (
    "reference",
    "raised_by",
    "raised_by_role",
    "about",
    "about_role",
    "category",
    "clauses",
    "summary",
    "details",
    "route",
    "status",
    "outcome",
)


def register_fts_ddl() -> list[str]:
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    return [
        f"CREATE VIRTUAL TABLE concern_fts USING fts5({cols}, content='concern', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"CREATE TRIGGER concern_ai AFTER INSERT ON concern BEGIN "
        f"INSERT INTO concern_fts(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER concern_ad AFTER DELETE ON concern BEGIN "
        f"INSERT INTO concern_fts(concern_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER concern_au AFTER UPDATE ON concern BEGIN "
        f"INSERT INTO concern_fts(concern_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO concern_fts(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


#: What every register fixture holds (checked after its upgrade by tests/store/test_upgrades.py).
CONCERNS = [
    # reference, raised_on, raised_by_role, about_role, category, summary, status, closed_on
    (
        "MOP-2026-001",
        "2026-03-20",
        "councillor",
        "clerk",
        "conduct",
        "Tone of e-mails about the allotments",
        "closed",
        "2026-04-01",
    ),
    (
        "MOP-2025-002",
        "2025-06-17",
        "clerk",
        "councillor",
        "workload",
        "Requests outside office hours",
        "open",
        None,
    ),
    (
        "MOP-2026-003",
        "2026-03-23",
        "officer",
        "councillor",
        "other",
        "Café meeting with a résumé left behind",
        "formal",
        None,
    ),
]
TIMELINE = [
    (1, "2026-03-24", "phoned"),
    (3, "2026-03-24", "Letter sent"),
    (3, "2026-03-30", "Reply received from the chair of the personnel committee"),
]


def _keyed(path: Path) -> sqlite3.Connection:
    from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

    con = dbapi2.connect(str(path))
    con.execute(f"PRAGMA key = \"x'{REGISTER_KEY.hex()}'\"")
    con.execute("PRAGMA journal_mode = DELETE")
    return con  # type: ignore[no-any-return]


def make_register(version: int) -> Path:
    path = register_fixture(version)
    path.unlink(missing_ok=True)
    con = _keyed(path)
    stamp = "2026-01-01 09:00:00"
    with con:
        for statement in [*REGISTER_SCHEMAS_DDL[version], *register_fts_ddl()]:
            con.execute(statement)
        for n, (ref, raised, by_role, about_role, category, summary, status, closed) in enumerate(
            CONCERNS, start=1
        ):
            con.execute(
                "INSERT INTO concern (id, reference, raised_on, raised_by, raised_by_role, about, "
                "about_role, category, clauses, summary, details, route, status, follow_up_on, "
                "outcome, closed_on, created_at, updated_at) VALUES "
                "(?, ?, ?, '', ?, '', ?, ?, '3.1', ?, 'Details of the concern', '', ?, NULL, "
                "'', ?, ?, ?)",
                (
                    n,
                    ref,
                    raised,
                    by_role,
                    about_role,
                    category,
                    summary,
                    status,
                    closed,
                    stamp,
                    stamp,
                ),
            )
        for concern_id, on, entry in TIMELINE:
            con.execute(
                'INSERT INTO timeline (concern_id, "on", entry, created_at) VALUES (?, ?, ?, ?)',
                (concern_id, on, entry, stamp),
            )
        con.execute(
            "INSERT INTO audit (at, actor, action, reference, field) "
            "VALUES (?, 'clerk', 'created', 'MOP-2026-001', '')",
            (stamp,),
        )
        if version >= 4:
            con.execute(
                "INSERT INTO attachment (concern_id, filename, media_type, size, sha256, added_at, "
                "sealed, content) VALUES (3, 'letter.txt', 'text/plain', 5, "
                "'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', ?, 0, ?)",
                (stamp, b"hello"),
            )
            con.execute(
                "INSERT INTO user_category (name, added_at) VALUES ('Planning dispute', ?)",
                (stamp,),
            )
        for applied in range(1, version + 1):  # each release stamped the version it reached
            con.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (applied, stamp),
            )
    con.close()
    return path


def install_register(version: int, target: Path, key: bytes | bytearray) -> Path:
    """The schema-``version`` fixture copied to ``target``, re-encrypted under ``key`` (the data
    key of a register set up in a test, so that its key file opens it)."""
    shutil.copy(register_fixture(version), target)
    con = _keyed(target)
    con.execute(f"PRAGMA rekey = \"x'{bytes(key).hex()}'\"")
    con.close()
    return target


# -- policy.db ----------------------------------------------------------------------------------
POLICY_CONTENT = {
    "0004": [
        "INSERT INTO adoption_signature (adoption_id, role, image) VALUES (2, 'chair', x'89504e47')",
    ],
    "0005": [
        "UPDATE section SET source_number = '4' WHERE id = (SELECT min(id) FROM section)",
        "UPDATE adoption SET adopted_by = 'Full Council' WHERE id = 2",
        "UPDATE document SET review_interval_stated = 1",
    ],
}


def make_policy(revision: str) -> Path:
    """``policy-<revision>.db`` from the fixture of the revision before it."""
    from mop_desktop.store.db import make_engine, upgrade

    before = POLICY_REVISIONS[POLICY_REVISIONS.index(revision) - 1]
    path = policy_fixture(revision)
    shutil.copy(policy_fixture(before), path)
    engine = make_engine(path)
    try:
        upgrade(engine, revision)
    finally:
        engine.dispose()
    con = sqlite3.connect(path)
    with con:
        for statement in POLICY_CONTENT.get(revision, []):
            con.execute(statement)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("VACUUM")
    con.close()
    return path


def main() -> None:
    for revision in POLICY_REVISIONS[2:]:
        print(make_policy(revision))
    for version in REGISTER_SCHEMAS:
        print(make_register(version))


if __name__ == "__main__":
    main()
