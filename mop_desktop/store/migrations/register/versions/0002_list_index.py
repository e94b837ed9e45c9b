"""Register schema 2: one covering index for the table's filters and sorts replaces four
narrow ones (revision 0003 builds it in its current form).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("raised_on", "status", "category", "raised_by_role"):
        op.execute(f"DROP INDEX IF EXISTS ix_concern_{name}")
    # the version older releases read (they refuse a register newer than they know)
    op.execute(
        "INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (2, datetime('now'))"
    )


def downgrade() -> None:
    raise NotImplementedError("a register is never taken back to an older schema")
