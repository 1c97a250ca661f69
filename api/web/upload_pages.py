"""Upload: the page, the per-file endpoint its script calls (XHR with progress), job polling,
and a plain form fallback for browsers without JavaScript.

Both endpoints store through `api.services.ingest.accept`, exactly like `POST /api/v1/documents`;
the body-size limit (413) is enforced for every path by `api.auth.GuardMiddleware`.
"""
from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.requests import ClientDisconnect

from api.errors import ApiError
from api.upload import spool_upload
from api.web import i18n
from api.web.context import WebDep, WebError

router = APIRouter(include_in_schema=False)
TERMINAL = frozenset({"succeeded", "partial", "failed", "rejected"})


def human_bytes(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024
    return f"{n} B"


@router.get("/upload")
def upload_page(web: WebDep) -> Response:
    web.require("ingest")
    return web.render("upload.html", {"limit_text": human_bytes(web.settings.max_upload_bytes), "results": []})


def _error_json(web, status: int, code: str, message: str) -> JSONResponse:
    display = i18n.error_message(web.lang, code, limit=human_bytes(web.settings.max_upload_bytes))
    return JSONResponse({"error": {"code": code, "message": message}, "display": display}, status_code=status)


async def _store(web, request: Request, *, csrf_in_body: bool) -> tuple[dict[str, Any] | None, tuple | None]:
    """Spool and store one upload. Returns (accepted, None) or (None, (status, code, message))."""
    from api.services import ingest

    runtime = web.runtime
    try:
        upload = await spool_upload(request, runtime.settings.tmp_dir)
    except ClientDisconnect:
        return None, (400, "bad_request", "client disconnected")
    except ApiError as exc:
        return None, (exc.status, exc.code, exc.message)
    try:
        if csrf_in_body:
            web.check_csrf(upload.fields)
        assert upload.path is not None

        def store():
            with runtime.session() as session:
                return ingest.accept(session, runtime.settings, path=upload.path, sha256=upload.sha256,
                                     size=upload.size, filename=upload.filename,
                                     kind=upload.fields.get("kind") or "auto")

        try:
            accepted = await anyio.to_thread.run_sync(store)
        except ApiError as exc:
            return None, (exc.status, exc.code, exc.message)
    finally:
        upload.discard()
    if accepted.job_id is not None and not accepted.duplicate and runtime.queue is not None:
        runtime.queue.submit(accepted.job_id)
    out = accepted.to_dict()
    out["name"] = upload.filename
    out["document_url"] = f"/documents/{accepted.id}"
    return out, None


@router.post("/upload/files")
async def upload_file(web: WebDep, request: Request) -> Response:
    """One file per request (the page's script sends them in parallel, each with its progress)."""
    if web.principal is None:
        return _error_json(web, 401, "unauthorized", "sign in first")
    web.check_csrf()  # the X-CSRF-Token header, checked before the body is read
    web.require("ingest")
    accepted, error = await _store(web, request, csrf_in_body=False)
    if error:
        return _error_json(web, *error)
    return JSONResponse(accepted, status_code=200 if accepted["duplicate"] else 202)


@router.post("/upload")
async def upload_form(web: WebDep, request: Request) -> Response:
    """Without JavaScript: one file through a plain multipart form, then the same page with its result."""
    web.require("ingest")
    accepted, error = await _store(web, request, csrf_in_body=True)
    limit = human_bytes(web.settings.max_upload_bytes)
    if error:
        status, code, _ = error
        item = {"name": "", "error": True, "status": "rejected",
                "message": i18n.error_message(web.lang, code, limit=limit), "url": None}
        return web.render("upload.html", {"limit_text": limit, "results": [item]}, status=status)
    assert accepted is not None
    message = web.t("upload.duplicate") if accepted["duplicate"] else \
        web.t("upload.done_nojs", status=web.t("job." + accepted["status"]))
    item = {"name": accepted["name"], "error": False, "status": accepted["status"], "message": message,
            "url": accepted["document_url"]}
    return web.render("upload.html", {"limit_text": limit, "results": [item]}, status=202)


@router.get("/upload/jobs/{job_id}")
def job_status(web: WebDep, job_id: int) -> Response:
    from models import repository
    from models.errors import NotFound

    if web.principal is None:
        return _error_json(web, 401, "unauthorized", "sign in first")
    web.require("read")
    try:
        with web.runtime.session() as session:
            job = repository.get_job(session, job_id=job_id)
    except NotFound:
        raise WebError(404, "error.not_found") from None
    status = job["status"]
    display = web.t("job." + status) if f"job.{status}" in i18n.MESSAGES else status
    if job.get("error_code"):
        display += ": " + i18n.error_message(web.lang, job["error_code"],
                                             limit=human_bytes(web.settings.max_upload_bytes))
    return JSONResponse({"id": job["id"], "status": status, "terminal": status in TERMINAL,
                         "error": ({"code": job["error_code"], "message": job.get("error_message") or ""}
                                   if job.get("error_code") else None),
                         "display": display,
                         "document_url": f"/documents/{job['document_id']}" if job.get("document_id") else None})

