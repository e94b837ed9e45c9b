"""Register schema 3: the list index with the rowid after the date (its order is the table's
order, so a broad search's page stops after its rows).

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_concern_list")
    op.execute(
        "CREATE INDEX ix_concern_list ON concern "
        "(raised_on, id, status, category, raised_by_role, about_role)"
    )
    op.execute(
        "INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (3, datetime('now'))"
    )


def downgrade() -> None:
    raise NotImplementedError("a register is never taken back to an older schema")
