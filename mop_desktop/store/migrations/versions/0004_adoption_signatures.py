"""The signature images recorded with an adoption (who signed is part of its record).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adoption_signature",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "adoption_id",
            sa.Integer,
            sa.ForeignKey(
                "adoption.id",
                ondelete="CASCADE",
                name="fk_adoption_signature_adoption_id_adoption",
            ),
            nullable=False,
        ),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("image", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("adoption_id", "role", name="uq_adoption_signature_adoption_id"),
    )


def downgrade() -> None:
    op.drop_table("adoption_signature")
