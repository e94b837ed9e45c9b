"""Register schema 4: the clerk's own log ("closing date unknown", the import fingerprint, the
clerk's own categories, when a timeline entry was last edited); attachments, sealed concerns
and the chair's key.

Every statement is safe to run again (a column is added only when missing, tables and indexes
``IF NOT EXISTS``): two releases each wrote part of schema 4, so a register stamped 4 that
lacks a part is stamped 0003 and brought here again (``register_upgrade.legacy_revision``).

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = [
    """CREATE TABLE IF NOT EXISTS user_category (
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    added_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
)""",
    """CREATE TABLE IF NOT EXISTS chair_key (
    id INTEGER NOT NULL,
    envelope TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE IF NOT EXISTS attachment (
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
    "CREATE INDEX IF NOT EXISTS ix_attachment_concern_id ON attachment (concern_id)",
    """CREATE TABLE IF NOT EXISTS sealed_concern (
    concern_id INTEGER NOT NULL,
    payload BLOB NOT NULL,
    sealed_at DATETIME NOT NULL,
    PRIMARY KEY (concern_id),
    FOREIGN KEY(concern_id) REFERENCES concern (id) ON DELETE CASCADE
)""",
]


def _add_column(table: str, name: str, definition: str) -> None:
    bind = op.get_bind()
    have = {row[1] for row in bind.exec_driver_sql(f"PRAGMA table_info({table})")}
    if name not in have:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {name} {definition}")


def upgrade() -> None:
    _add_column("concern", "closing_date_unknown", "BOOLEAN NOT NULL DEFAULT 0")
    _add_column("concern", "import_fingerprint", "VARCHAR")
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_concern_import_fingerprint ON concern (import_fingerprint)"
    )
    _add_column("timeline", "updated_at", "DATETIME")
    for statement in TABLES:
        op.execute(statement)
    op.execute(
        "INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (4, datetime('now'))"
    )


def downgrade() -> None:
    raise NotImplementedError("a register is never taken back to an older schema")
