"""Numbers kept from an imported source (section and block), who adopted a version, and
whether the review interval was stated rather than assumed.

Columns are added with SQLite's own ADD COLUMN (a constant default), not by copying the
table: copying ``document`` or ``section`` would drop the old table, and with foreign keys on
that deletes their versions and blocks by cascade.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("section", "block"):
        op.add_column(
            table, sa.Column("source_number", sa.String, nullable=False, server_default="")
        )
    op.add_column("adoption", sa.Column("adopted_by", sa.String, nullable=False, server_default=""))
    op.add_column(
        "document",
        sa.Column("review_interval_stated", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("document", "review_interval_stated")
    op.drop_column("adoption", "adopted_by")
    for table in ("block", "section"):
        op.drop_column(table, "source_number")
