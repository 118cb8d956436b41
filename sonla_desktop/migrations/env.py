"""Alembic environment: run programmatically from sonla_desktop.db, never from a CLI ini."""

from __future__ import annotations

from alembic import context

from sonla_desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables.
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
