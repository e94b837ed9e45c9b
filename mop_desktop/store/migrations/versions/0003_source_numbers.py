"""Numbers kept from an imported source (section and block), who adopted a version, and
whether the review interval was stated rather than assumed.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("section", "block"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("source_number", sa.String, nullable=False, server_default="")
            )
    with op.batch_alter_table("adoption") as batch:
        batch.add_column(sa.Column("adopted_by", sa.String, nullable=False, server_default=""))
    with op.batch_alter_table("document") as batch:
        batch.add_column(
            sa.Column("review_interval_stated", sa.Boolean, nullable=False,
                      server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("review_interval_stated")
    with op.batch_alter_table("adoption") as batch:
        batch.drop_column("adopted_by")
    for table in ("block", "section"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("source_number")
