"""Alembic environment for the encrypted register (register.db). Run through
``mop_desktop.store.register_upgrade``, which passes an open, keyed SQLCipher connection on a
copy of the register (never the register in use). No target metadata: the revisions are the
released schemas written out, never compared with today's models."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transaction_per_migration=True)
with context.begin_transaction():
    context.run_migrations()
