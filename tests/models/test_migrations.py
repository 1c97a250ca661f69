"""Alembic: one head, upgrade from empty, downgrade/upgrade round trip, tables match the models."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DatabaseError

from models.migrate import alembic_config, current_heads, downgrade, upgrade
from models.tables import Base


def test_single_head():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert current_heads() == tuple(script.get_heads())


def _diff(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    return diff


def test_upgrade_from_empty_matches_models(db_url):
    # db_url is already at head (migrated template / migrated database)
    assert _diff(db_url) == []
    tables = set(inspect(create_engine(db_url)).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_downgrade_upgrade_round_trip(tmp_path):
    url = f"sqlite:///{tmp_path / 'rt.db'}"
    upgrade(url)
    downgrade(url, "base")
    assert set(inspect(create_engine(url)).get_table_names()) <= {"alembic_version"}
    upgrade(url)
    assert _diff(url) == []


def test_downgrade_upgrade_round_trip_postgresql(pg_database_url):
    import uuid

    from sqlalchemy.engine import make_url

    from tests.models.conftest import _admin_engine
    name = f"janji_rt_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine(pg_database_url)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_database_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        downgrade(url, "base")
        upgrade(url)
        assert _diff(url) == []
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_audit_table_is_append_only(engine):
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO field_edits (entity_type, entity_id, action, field, who) "
                          "VALUES ('party', 1, 'update', 'name', 'rev')"))
    for statement in ("UPDATE field_edits SET who = 'someone else'", "DELETE FROM field_edits"):
        with pytest.raises(DatabaseError), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT who FROM field_edits")).scalars().all() == ["rev"]


def test_upgrade_works_from_another_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    upgrade(url)
    assert "documents" in inspect(create_engine(url)).get_table_names()


def test_concurrent_migrations_on_an_empty_database_both_succeed(db_url, tmp_path):
    """api and worker started together both run `upgrade`: one migrates, the other waits."""
    import subprocess
    import sys
    from pathlib import Path

    from sqlalchemy.engine import make_url
    if make_url(db_url).get_backend_name() == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
        cleanup = None
    else:
        import uuid

        from tests.models.conftest import _admin_engine
        name = f"janji_cc_{uuid.uuid4().hex[:8]}"
        admin = _admin_engine(db_url)
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(db_url).set(database=name).render_as_string(hide_password=False)

        def cleanup() -> None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    root = Path(__file__).resolve().parents[2]
    code = "import sys; from models.migrate import upgrade; upgrade(sys.argv[1])"
    try:
        procs = [subprocess.Popen([sys.executable, "-c", code, url], cwd=root, stderr=subprocess.PIPE)
                 for _ in range(3)]
        results = [(p.wait(timeout=300), p.stderr.read().decode()[-500:]) for p in procs]
        for p in procs:
            p.stderr.close()
        assert [rc for rc, _ in results] == [0, 0, 0], results
        assert _diff(url) == []
    finally:
        if cleanup:
            cleanup()
