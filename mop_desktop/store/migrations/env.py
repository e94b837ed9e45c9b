"""Alembic environment for policy.db. Run through ``mop_desktop.store.db.upgrade``, which
passes an open connection; batch mode because SQLite cannot ALTER most things in place."""

from alembic import context

from mop_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
