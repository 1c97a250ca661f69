"""What routes depend on: the runtime (engine, sessions, job queue) and a database session.

Nothing here runs at import time; `Runtime.open()` is called from the app's lifespan.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from api.auth import ApiPrincipal
from api.jobs import JobQueue, make_queue
from api.settings import Settings

log = logging.getLogger("janji.runtime")


@dataclass
class Runtime:
    settings: Settings
    engine: Engine | None = None
    session_factory: sessionmaker[Session] | None = None
    queue: JobQueue | None = None
    vector_index: str = "unknown"
    extras: dict = field(default_factory=dict)

    def open(self, *, start_worker: bool = True) -> None:
        from models.db import make_engine, make_session_factory

        self.settings.ensure_dirs()
        self.engine = make_engine(self.settings.resolved_database_url)
        self.session_factory = make_session_factory(self.engine)
        self.queue = make_queue(self.settings, self.session_factory)
        self.vector_index = _vector_index_name(self)
        if start_worker:
            self.queue.start()

    def close(self) -> None:
        if self.queue is not None:
            self.queue.stop()
        if self.engine is not None:
            self.engine.dispose()

    def session(self) -> Session:
        if self.session_factory is None:
            raise RuntimeError("the runtime is not open")
        return self.session_factory()

    def verify_key(self, key: str) -> ApiPrincipal | None:
        from models import repository

        with self.session() as session:
            found = repository.authenticate_api_key(session, plaintext=key)
        if found is None:
            return None
        return ApiPrincipal(key_id=found["id"], name=found.get("label") or "", role=found["role"])


def _vector_index_name(runtime: Runtime) -> str:
    """Which vector index matching uses; reported by /healthz."""
    try:
        from api.services import matching  # type: ignore[attr-defined]
    except ImportError:
        return "none"
    describe = getattr(matching, "vector_index_name", None)
    if describe is None:
        return "default"
    try:
        return str(describe(runtime.engine, runtime.settings))
    except Exception:
        log.exception("vector index probe failed")
        return "unknown"


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_session(runtime: RuntimeDep) -> Iterator[Session]:
    session = runtime.session()
    try:
        yield session
    finally:
        # This runs after the response was sent: a connection that died meanwhile must not turn
        # into an error here (it would reset the client's keep-alive connection).
        try:
            session.close()
        except DBAPIError as exc:
            log.warning("closing a database session failed: %s", str(exc).splitlines()[0][:200])
            try:
                session.invalidate()
            except DBAPIError:
                pass


SessionDep = Annotated[Session, Depends(get_session)]
