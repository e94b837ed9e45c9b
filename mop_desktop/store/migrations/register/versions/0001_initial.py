"""Register schema 1, as the first release created it (``metadata.create_all`` and full-text
search). The base of the line: a register is never built from here (a new one is created at
the current schema and stamped), and a register of schema 1 is stamped 0001 when it is first
upgraded (``register_upgrade.legacy_revision``).

Revision ID: 0001
Revises:
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
