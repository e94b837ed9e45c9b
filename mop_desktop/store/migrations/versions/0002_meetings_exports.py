"""Full Council meetings, PDF export records, the personnel committee's chair.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("body", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("location", sa.String, nullable=False),
        sa.Column("source_uid", sa.String, nullable=False),
    )
    op.create_table(
        "export",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey("version.id", ondelete="SET NULL", name="fk_export_version_id_version"),
            nullable=True,
        ),
        sa.Column("version_label", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_export_sha256", "export", ["sha256"])
    with op.batch_alter_table("council") as batch:
        batch.add_column(sa.Column("personnel_chair", sa.String, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("council") as batch:
        batch.drop_column("personnel_chair")
    op.drop_index("ix_export_sha256", "export")
    op.drop_table("export")
    op.drop_table("meeting")
