"""Engine and session factory. Nothing is created at import time.

SQLite: WAL journal, foreign keys on, a busy timeout, and write transactions that start with
`BEGIN IMMEDIATE` (see `write_transaction`) so two writers queue instead of failing with
SQLITE_BUSY when one of them upgrades a stale read snapshot. PostgreSQL: a pooled engine with
`pool_pre_ping` so a restarted server costs one failed ping, not a failed request.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_IMMEDIATE = _IMMEDIATE = "janji_sqlite_immediate"  # execution option: BEGIN IMMEDIATE


def is_sqlite(bind: Engine | Session) -> bool:
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, echo=echo)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow,
                               pool_recycle=1800, echo=echo, connect_args={"connect_timeout": 10})
    _guard_against_fork(engine)
    return engine


def _guard_against_fork(engine: Engine) -> None:
    """A forked child (Celery prefork worker, reading sandbox) inherits the parent's pooled
    connections; two processes talking over one socket corrupt both sessions. A connection is
    only ever used by the process that opened it: elsewhere it is dropped and a new one opened."""

    @event.listens_for(engine, "connect")
    def _remember_pid(_dbapi_conn, record):
        record.info["pid"] = os.getpid()

    @event.listens_for(engine, "checkout")
    def _refuse_foreign(_dbapi_conn, record, proxy):
        if record.info.get("pid") != os.getpid():
            record.dbapi_connection = proxy.dbapi_connection = None
            raise exc.DisconnectionError("connection opened by another process; reconnecting")


def _sqlite_engine(url: str, *, echo: bool) -> Engine:
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                         "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # pysqlite's own transaction handling would defer BEGIN; we emit BEGIN ourselves below.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if make_url(url).database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def begin_write(session: Session) -> None:
    """Start the session's transaction as a write transaction.

    On SQLite this takes the write lock up front (BEGIN IMMEDIATE). A read-only transaction already
    open on the session is ended first (it holds nothing worth keeping); pending changes are kept.
    """
    if not is_sqlite(session):
        return
    if session.in_transaction():
        if session.new or session.dirty or session.deleted:
            return  # caller is mid-unit-of-work: keep their transaction
        session.rollback()
    session.connection(execution_options={_IMMEDIATE: True})


@contextmanager
def write_transaction(session: Session) -> Iterator[Session]:
    """One unit of work: begin (IMMEDIATE on SQLite), commit on success, roll back on any error."""
    begin_write(session)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
