"""`create_app(settings) -> FastAPI`: the HTTP API (under /api/v1) and, when present, the web pages.

No engine exists at import time: the lifespan opens the runtime (engine, session factory, job
queue) and closes it again. Every error leaves as `{"error": {"code", "message"}}`.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import GuardMiddleware
from api.deps import Runtime
from api.errors import HTTP_STATUS, ApiError, error_body
from api.settings import Settings
from extractor.errors import IngestError

log = logging.getLogger("janji.api")

DESCRIPTION = """Janji reads signed MoUs, news releases and activity reports, stores every promise
as an obligation, and lets reviewers correct what extraction got wrong.

Every `/api/v1` route except `/healthz` needs an API key in the `X-API-Key` header. Roles:
`ingest` (upload + read), `review` (read + corrections), `admin` (everything).
Errors are always `{"error": {"code": "...", "message": "..."}}`.
"""

TAGS = [
    {"name": "documents", "description": "Upload documents and read what was extracted."},
    {"name": "jobs", "description": "Background extraction jobs."},
    {"name": "review", "description": "Reviewer corrections (optimistic locking with If-Match) and history."},
    {"name": "matching", "description": "Activity reports, matches (confirm/reject) and flags."},
    {"name": "health", "description": "Liveness and configuration."},
]


def create_app(settings: Settings | None = None, *, start_worker: bool = True) -> FastAPI:
    settings = settings or Settings()
    runtime = Runtime(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        runtime.open(start_worker=start_worker)
        try:
            yield
        finally:
            runtime.close()

    app = FastAPI(title="Janji API", version="1.0.0", description=DESCRIPTION, openapi_tags=TAGS,
                  lifespan=lifespan)
    app.state.runtime = runtime
    app.state.settings = settings

    from api.routes import documents, entities, health, jobs, matching

    for module in (documents, jobs, entities, matching, health):
        app.include_router(module.router)
    app.add_api_route("/healthz", health.healthz, methods=["GET"], include_in_schema=False)
    _mount_web(app)
    _install_error_handlers(app)
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_upload_bytes,
                       verifier=lambda: runtime.verify_key)
    return app


def _mount_web(app: FastAPI) -> None:
    """The server-rendered pages (api/web, another module's work) when they are installed."""
    try:
        from api import web
    except ImportError:
        return
    mount = getattr(web, "mount", None)
    if mount is not None:
        mount(app)
    elif getattr(web, "router", None) is not None:
        app.include_router(web.router)


def _json_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _json_error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(IngestError)
    async def ingest_error(_: Request, exc: IngestError) -> JSONResponse:
        return _json_error(HTTP_STATUS.get(exc.code, 422), exc.code, exc.message)

    try:
        from models.blobs import BlobNotFound, StorageFull
        from models.errors import InvalidValue, NotFound, StaleVersion
    except ImportError:  # the store is not installed yet
        pass
    else:
        @app.exception_handler(NotFound)
        async def not_found(_: Request, exc: NotFound) -> JSONResponse:
            return _json_error(404, "not_found", exc.message)

        @app.exception_handler(StaleVersion)
        async def stale(_: Request, exc: StaleVersion) -> JSONResponse:
            headers = {"ETag": f'"{exc.current_version}"'} if exc.current_version is not None else None
            return _json_error(412, "stale_version", exc.message, headers)

        @app.exception_handler(InvalidValue)
        async def invalid(_: Request, exc: InvalidValue) -> JSONResponse:
            return _json_error(422, "validation_error", exc.message)

        @app.exception_handler(StorageFull)
        async def storage_full(_: Request, exc: StorageFull) -> JSONResponse:
            return _json_error(507, "insufficient_storage", "the server has no space left to store the upload")

        @app.exception_handler(BlobNotFound)
        async def blob_missing(_: Request, exc: BlobNotFound) -> JSONResponse:
            return _json_error(404, "not_found", "the stored original is missing")

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _json_error(422, "validation_error", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized",
                403: "forbidden"}.get(exc.status_code, "bad_request")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return _json_error(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(OperationalError)
    async def database_down(_: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", exc)
        return _json_error(503, "database_unavailable", "the database is not reachable; retry later")

    @app.exception_handler(DBAPIError)
    async def database_error(_: Request, exc: DBAPIError) -> JSONResponse:
        if exc.connection_invalidated:
            return _json_error(503, "database_unavailable", "the database connection was lost; retry")
        log.exception("database error", exc_info=exc)
        return _json_error(500, "internal_error", "unexpected database error")

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return _json_error(500, "internal_error", "unexpected server error")
