"""Optimistic saving of the draft, and who has it open.

``version.revision`` counts the saves of a version (only a draft is saved), with who saved it
last (``saved_by``) and when (``saved_at``): a save made from an older revision than the
stored one is refused with who and when, never written over it. ``presence`` holds a line per
open editor (its owner, PC and a heartbeat), so each editor can show who else has the draft
open, on any PC of an office sharing a server.

On PostgreSQL every table also gets a statement-level trigger that sends ``NOTIFY mop_changes``
with the table's name (never a row's content) when a transaction changing it commits, so every
open window on every PC sees other people's changes (``store.changes``). SQLite has no such
thing and gets no trigger.

Columns are added in place with a constant default (see 0005). Runs on SQLite and PostgreSQL.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

#: The tables whose changes are announced (all of the store's, presence included).
TABLES = (
    "council",
    "setting",
    "document",
    "version",
    "section",
    "block",
    "adoption",
    "adoption_signature",
    "meeting",
    "export",
    "presence",
)
FUNCTION = "mop_notify_change"

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("version", sa.Column("revision", sa.Integer, nullable=False, server_default="0"))
    op.add_column("version", sa.Column("saved_by", sa.String, nullable=False, server_default=""))
    op.add_column("version", sa.Column("saved_at", sa.DateTime, nullable=True))
    op.create_table(
        "presence",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("host", sa.String, nullable=False, server_default=""),
        sa.Column("what", sa.String, nullable=False, server_default=""),
        sa.Column("seen_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presence")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN PERFORM pg_notify('mop_changes', TG_TABLE_NAME); RETURN NULL; END $$"
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER mop_notify_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()'
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f'DROP TRIGGER IF EXISTS mop_notify_{table} ON "{table}"')
        op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    op.drop_table("presence")
    for column in ("saved_at", "saved_by", "revision"):
        op.drop_column("version", column)
