"""One history row per version label of a document (adopted in the app, not imported).

Two adoptions racing each other cannot both write "2026v2": the second fails on this index even
where the database has no ``BEGIN IMMEDIATE`` (PostgreSQL). Imported version tables are left out
(a council's own table may repeat a label). A store that already holds such a pair (written by
an earlier release during a race) keeps working without the index; ``check`` reports the pair.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEX = "uq_adoption_document_label"


def upgrade() -> None:
    duplicates = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT count(*) FROM (SELECT document_id, version_label FROM adoption "
                "WHERE imported = :no GROUP BY document_id, version_label HAVING count(*) > 1) d"
            ),
            {"no": False},
        )
        .scalar()
    )
    if duplicates:
        return
    op.create_index(
        INDEX,
        "adoption",
        ["document_id", "version_label"],
        unique=True,
        sqlite_where=sa.text("imported = 0"),
        postgresql_where=sa.text("NOT imported"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, "adoption", if_exists=True)
