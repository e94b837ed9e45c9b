"""The first schema: council, settings, documents, versions, sections, blocks, adoptions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "council",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False, server_default=""),
        sa.Column("principal_authority", sa.String, nullable=False, server_default=""),
        sa.Column("clerk", sa.String, nullable=False, server_default=""),
        sa.Column("chair", sa.String, nullable=False, server_default=""),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("logo", sa.LargeBinary, nullable=True),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("review_interval_months", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey(
                "document.id", ondelete="CASCADE", name="fk_version_document_id_document"
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String, nullable=True),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column(
            "based_on_id",
            sa.Integer,
            sa.ForeignKey("version.id", ondelete="SET NULL", name="fk_version_based_on_id_version"),
            nullable=True,
        ),
        sa.Column("text_sha256", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "section",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey("version.id", ondelete="CASCADE", name="fk_section_version_id_version"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("heading", sa.Text, nullable=False),
        sa.Column("numbered", sa.Boolean, nullable=False),
        sa.UniqueConstraint("version_id", "position", name="uq_section_version_id"),
    )
    op.create_table(
        "block",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "section_id",
            sa.Integer,
            sa.ForeignKey("section.id", ondelete="CASCADE", name="fk_block_section_id_section"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("numbered", sa.Boolean, nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("list_style", sa.String, nullable=True),
        sa.Column("items_json", sa.Text, nullable=False),
        sa.UniqueConstraint("section_id", "position", name="uq_block_section_id"),
    )
    op.create_table(
        "adoption",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey(
                "document.id", ondelete="CASCADE", name="fk_adoption_document_id_document"
            ),
            nullable=False,
        ),
        sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey("version.id", ondelete="SET NULL", name="fk_adoption_version_id_version"),
            nullable=True,
        ),
        sa.Column("version_label", sa.String, nullable=False),
        sa.Column("adopted_on", sa.Date, nullable=True),
        sa.Column("minute_ref", sa.String, nullable=False),
        sa.Column("review_due", sa.Date, nullable=True),
        sa.Column("reviewer", sa.String, nullable=False),
        sa.Column("chair", sa.String, nullable=False),
        sa.Column("clerk", sa.String, nullable=False),
        sa.Column("no_changes", sa.Boolean, nullable=False),
        sa.Column("imported", sa.Boolean, nullable=False),
        sa.Column("text_sha256", sa.String, nullable=False),
        sa.Column("prev_hash", sa.String, nullable=False),
        sa.Column("record_hash", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in ("adoption", "block", "section", "version", "document", "setting", "council"):
        op.drop_table(table)
