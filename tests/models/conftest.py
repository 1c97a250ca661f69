"""Every repository test runs on SQLite and, when JANJI_TEST_DATABASE_URL is set, on PostgreSQL.

PostgreSQL tests use a database of their own (created for this test session, dropped at the end)
so they never collide with other suites on the same server; tables are truncated between tests.
SQLite tests get a fresh copy of a migrated template file.
"""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models.db import make_engine, make_session_factory
from models.migrate import upgrade
from models.tables import Base

PG_URL = os.environ.get("JANJI_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _admin_engine(url: str):
    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A throwaway database on the test PostgreSQL server, migrated to head."""
    if not PG_URL:
        pytest.skip("JANJI_TEST_DATABASE_URL not set")
    name = f"janji_models_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine(PG_URL)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "janji.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    return path


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "janji.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("pg_database_url")
    engine = create_engine(url)
    with engine.begin() as conn:
        # DELETE is much faster than TRUNCATE on tiny tables; replica mode skips the append-only trigger
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str):
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine):
    return make_session_factory(engine)


@pytest.fixture
def session(sessions):
    with sessions() as s:
        yield s
