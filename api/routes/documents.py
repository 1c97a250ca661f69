"""Documents: upload, list, detail, original file, rendered pages."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

import anyio
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.requests import ClientDisconnect

from api.auth import Ingester, Reader
from api.deps import RuntimeDep, SessionDep
from api.errors import ApiError
from api.routes import AUTH_ERRORS, PREFIX, errors
from api.schemas import DocumentDetail, DocumentKind, DocumentPage, JobStatus, UploadAccepted, UploadKind
from api.services import ingest
from api.upload import spool_upload

router = APIRouter(prefix=PREFIX, tags=["documents"])

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary",
                             "description": "the document: PDF (also scanned), PNG/JPEG/TIFF scan, DOCX, HTML "
                                            "or text. Its type is decided by its bytes, not its name."},
                    "kind": {"type": "string", "enum": ["auto", "agreement", "report"], "default": "auto"},
                },
            },
        }},
    }
}

DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="document id")]


@router.post("/documents", status_code=202, response_model=UploadAccepted, openapi_extra=UPLOAD_BODY,
             summary="Upload a document for extraction",
             description="Stores the bytes (content-addressed) and queues an extraction job. The same bytes "
                         "again return the existing document id (`duplicate: true`) and queue nothing.",
             responses=errors(400, 401, 403, 413, 415, 422, 503, 507))
async def upload_document(request: Request, runtime: RuntimeDep, principal: Ingester,
                          kind: Annotated[UploadKind | None, Query(description="overrides the form field")] = None,
                          ) -> UploadAccepted:
    try:
        upload = await spool_upload(request, runtime.settings.tmp_dir)
    except ClientDisconnect:
        return Response(status_code=400)  # type: ignore[return-value]  # nobody is listening
    try:
        chosen = kind or upload.fields.get("kind") or "auto"
        assert upload.path is not None

        def store():
            with runtime.session() as session:
                return ingest.accept(session, runtime.settings, path=upload.path, sha256=upload.sha256,
                                     size=upload.size, filename=upload.filename, kind=chosen)

        accepted = await anyio.to_thread.run_sync(store)
    finally:
        upload.discard()
    if accepted.job_id is not None and not accepted.duplicate and runtime.queue is not None:
        runtime.queue.submit(accepted.job_id)
    return UploadAccepted(**accepted.to_dict())


@router.get("/documents", response_model=DocumentPage, summary="List documents (newest first)",
            responses=AUTH_ERRORS)
def list_documents(session: SessionDep, principal: Reader,
                   kind: Annotated[DocumentKind | None, Query()] = None,
                   party: Annotated[str | None, Query(max_length=200, description="name or alias, substring")] = None,
                   date_from: Annotated[dt.date | None, Query(description="any date mention on/after")] = None,
                   date_to: Annotated[dt.date | None, Query(description="any date mention on/before")] = None,
                   status: Annotated[JobStatus | None, Query()] = None,
                   limit: Annotated[int, Query(ge=1, le=100)] = 20,
                   offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> DocumentPage:
    from models import repository

    page = repository.list_documents(session, kind=kind, party=party, date_from=date_from, date_to=date_to,
                                     status=status, limit=limit, offset=offset)
    return DocumentPage(**page)


@router.get("/documents/{document_id}", response_model=DocumentDetail,
            summary="A document and everything extracted from it",
            responses={**AUTH_ERRORS, **errors(404)})
def get_document(document_id: DocumentId, session: SessionDep, principal: Reader) -> DocumentDetail:
    from models import repository

    detail = repository.get_document_detail(session, document_id=document_id)
    jobs = repository.list_jobs(session, document_id=document_id, limit=1)
    detail["job"] = jobs[0] if jobs else None
    return DocumentDetail.model_validate(_document_out(detail))


def _document_out(detail: dict) -> dict:
    job = detail.get("job")
    if job:
        detail["job"] = _job_out(job)
    return detail


def _job_out(job: dict) -> dict:
    out = dict(job)
    out["error"] = ({"code": job["error_code"], "message": job.get("error_message") or ""}
                    if job.get("error_code") else None)
    return out


@router.get("/documents/{document_id}/file", summary="The original upload, as an attachment",
            response_class=FileResponse,
            responses={200: {"content": {t: {"schema": {"type": "string", "format": "binary"}}
                                         for t in sorted(ingest.SUPPORTED_TYPES)},
                             "description": "the original bytes, with the media type they were sniffed as"},
                       **AUTH_ERRORS, **errors(404)})
def get_file(document_id: DocumentId, session: SessionDep, runtime: RuntimeDep, principal: Reader) -> FileResponse:
    from models import repository
    from models.blobs import BlobStore

    doc = repository.get_document(session, document_id=document_id)
    path = BlobStore(runtime.settings.blob_dir).path_for(doc["sha256"])
    if not path.is_file():
        raise ApiError("not_found", f"the original of document {document_id} is missing from the blob store")
    # display_name was sanitised on upload (no path parts, no control/bidi characters)
    return FileResponse(path, media_type=doc["media_type"], filename=doc["display_name"],
                        content_disposition_type="attachment",
                        headers={"X-Content-Type-Options": "nosniff"})


@router.get("/documents/{document_id}/pages/{page}.png", summary="One page rendered as PNG",
            response_class=Response,
            description="`highlight` draws evidence boxes: a comma-separated list of `kind:id` "
                        "(e.g. `officials:7,commitments:11`) or `all` for every evidence on the page.",
            responses={200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}},
                             "description": "the page"},
                       **AUTH_ERRORS, **errors(404)})
async def get_page(document_id: DocumentId, page: Annotated[int, Path(ge=1, le=100_000)],
                   runtime: RuntimeDep, principal: Reader,
                   highlight: Annotated[str | None, Query(max_length=2000,
                                                          pattern=r"^(all|[a-z]+:\d{1,10}(,[a-z]+:\d{1,10})*)$")] = None,
                   ) -> Response:
    from api.services import pages

    def render() -> bytes:
        from models import repository
        from models.blobs import BlobStore

        with runtime.session() as session:
            doc = repository.get_document(session, document_id=document_id)
            if not pages.can_render(doc["media_type"]):
                raise ApiError("no_page_image", f"{doc['media_type']} documents have no page images")
            boxes = _highlight_boxes(session, document_id, page, highlight) if highlight else []
        data = BlobStore(runtime.settings.blob_dir).read_bytes(doc["sha256"])
        s = runtime.settings
        return pages.render_page(data, media_type=doc["media_type"], page=page, dpi=s.page_render_dpi,
                                 boxes=boxes, seconds=min(60.0, s.read_timeout_seconds),
                                 memory_bytes=s.read_memory_bytes, image_dpi=s.ocr_dpi)

    png = await anyio.to_thread.run_sync(render)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})


def _highlight_boxes(session, document_id: int, page: int, highlight: str) -> list[tuple[float, ...]]:
    from models import repository

    detail = repository.get_document_detail(session, document_id=document_id)
    wanted: set[tuple[str, int]] | None = None
    if highlight != "all":
        wanted = set()
        for item in highlight.split(","):
            kind, _, ident = item.partition(":")
            wanted.add((kind.rstrip("s") if kind != "parties" else "party", int(ident)))
    boxes = []
    for key, kind in (("parties", "party"), ("officials", "official"), ("dates", "date"),
                      ("commitments", "commitment")):
        for item in detail.get(key, []):
            if wanted is not None and (kind, item["id"]) not in wanted:
                continue
            for ev in item.get("evidence", []):
                if ev.get("page") == page and ev.get("bbox"):
                    boxes.append(tuple(float(v) for v in ev["bbox"][:4]))
    return boxes
