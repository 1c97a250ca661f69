"""Alembic environment: online mode only; SQLite gets batch mode so ALTERs work.

SQLite batch mode rebuilds a table (create copy, drop old, rename). With foreign keys enforced,
dropping `documents` would CASCADE-delete every party, commitment and job, so migrations run
with enforcement off and `PRAGMA foreign_key_check` must come back clean before commit."""
from __future__ import annotations

from alembic import context

from models.db import SQLITE_IMMEDIATE, make_engine
from models.tables import Base

MIGRATION_LOCK = 0x4A414E4A  # "JANJ": advisory lock key serialising concurrent migrations
config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:  # before any BEGIN: the pragma is a no-op inside a transaction
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
                conn = conn.execution_options(**{SQLITE_IMMEDIATE: True})  # one migrator at a time
            _run(conn, check_foreign_keys=sqlite)
    finally:
        engine.dispose()  # the connection with enforcement off never returns to a pool in use


def _run(connection, check_foreign_keys: bool = False) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # api and worker containers may start together: the second waits, then finds head
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()
        if check_foreign_keys:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows with broken foreign keys: {broken[:5]}")
    if connection.in_transaction():
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; pass a database URL")
run_migrations_online()
