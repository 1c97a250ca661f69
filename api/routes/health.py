"""GET /healthz: is the database reachable, which worker, vector index and broker are in use."""
from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from api.deps import RuntimeDep
from api.routes import PREFIX
from api.schemas import HealthOut

router = APIRouter(prefix=PREFIX, tags=["health"])


@router.get("/healthz", response_model=HealthOut, summary="Service health (no API key needed)")
def healthz(runtime: RuntimeDep) -> HealthOut:
    database = "ok"
    try:
        with runtime.session() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - report, do not fail
        database = f"unavailable: {type(exc).__name__}"
    queue = runtime.queue
    if queue is None:
        worker = "not started"
    elif queue.name == "in-process":
        worker = f"in-process ({getattr(queue, 'alive', 0)} threads alive)"
    else:
        worker = queue.name
    broker = None
    if runtime.settings.broker_url:
        broker = runtime.settings.broker_url.split("@")[-1]  # never echo credentials
    backend = runtime.engine.dialect.name if runtime.engine is not None else "unknown"
    return HealthOut(status="ok" if database == "ok" else "degraded", database=database,
                     database_backend=backend, worker=worker, vector_index=runtime.vector_index,
                     broker=broker, version="1.0.0")
