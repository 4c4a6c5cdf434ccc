"""Alembic environment: the URL and the connection come from AppDatabase, never from an ini file."""

from alembic import context

from tutor.appdb.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - AppDatabase always passes one
    raise RuntimeError("run migrations through tutor.appdb.AppDatabase.migrate()")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
