"""Ingestion use cases: accept bytes (sniff -> blob -> document row + queued job), and run a job
(read in the sandbox -> extract -> save the extraction -> match reports).

Both the HTTP upload and `janji ingest` go through `accept()`; both the worker threads and the
CLI go through `api.worker.run_job`, which calls `process()` here.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from api.errors import ApiError
from api.settings import Settings
from extractor import sniff as sniffing
from extractor.errors import IngestError
from extractor.types import DocumentText, Extraction

log = logging.getLogger("janji.ingest")

SUPPORTED_TYPES = frozenset({sniffing.PDF, sniffing.PNG, sniffing.JPEG, sniffing.TIFF, sniffing.DOCX,
                             sniffing.HTML, sniffing.TEXT})
# The kind a user may ask for -> the extractor's kind hint.
KIND_HINTS: dict[str, str | None] = {"auto": None, "agreement": "agreement", "report": "activity_report",
                                     "activity_report": "activity_report", "news_release": "news_release"}
# IngestError codes that say "this input is bad" (rejected) rather than "reading it failed" (failed).
REJECT_CODES = frozenset({"empty_file", "unsupported_type", "encrypted_pdf", "malformed_pdf", "too_many_pages",
                          "too_large", "no_text", "empty_document"})
SNIFF_HEAD = 8192


@dataclass(frozen=True)
class Accepted:
    id: int
    job_id: int | None
    status: str
    duplicate: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "job_id": self.job_id, "status": self.status, "duplicate": self.duplicate}


def kind_hint(kind: str | None) -> str | None:
    if kind is None:
        return None
    if kind not in KIND_HINTS:
        raise ApiError("validation_error", f"kind must be one of auto, agreement, report (got {kind[:40]!r})")
    return KIND_HINTS[kind]


def sniff_file(path: Path, size: int, max_bytes: int) -> str:
    """Media type of the file by magic bytes. ZIP containers need the whole file to tell DOCX apart."""
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_HEAD)
        media_type = sniffing.sniff(head)
        if media_type == sniffing.ZIP and size <= max_bytes:
            fh.seek(0)
            media_type = sniffing.sniff(fh.read())
    return media_type


def accept(session: Session, settings: Settings, *, path: Path, sha256: str, size: int, filename: str,
           kind: str | None) -> Accepted:
    """Store an upload that sits in a temp file: validate, keep the blob, create document + job.

    Raises ApiError (empty_file, unsupported_type, insufficient_storage). Nothing is stored when it
    raises; a blob without a row cannot happen because the row is written after the blob.
    """
    from models import repository
    from models.blobs import BlobStore, StorageFull

    hint = kind_hint(kind)
    if size == 0:
        raise ApiError("empty_file", "the file is empty")
    media_type = sniff_file(path, size, settings.max_upload_bytes)
    if media_type not in SUPPORTED_TYPES:
        raise ApiError("unsupported_type", f"{media_type} files are not supported; send PDF, PNG, JPEG, "
                                           "TIFF, DOCX, HTML or plain text")
    existing = repository.document_id_by_sha256(session, sha256=sha256)
    session.rollback()  # end the read snapshot before the (possibly long) blob write
    if existing is None:
        try:
            with open(path, "rb") as fh:
                blob_key = BlobStore(settings.blob_dir).put_file(fh)
        except StorageFull:
            raise ApiError("insufficient_storage", "the server has no space left to store the upload") from None
        if blob_key != sha256:
            raise ApiError("bad_request", "the upload changed while it was being stored")
    result = repository.get_or_create_document(
        session, sha256=sha256, display_name=sniffing.safe_display_name(filename or "document"),
        media_type=media_type, size=size, blob_key=sha256, kind_hint=hint, max_attempts=settings.job_max_attempts)
    return Accepted(id=result["id"], job_id=result["job_id"], status=result["status"],
                    duplicate=not result["created"])


def accept_path(session: Session, settings: Settings, path: Path, *, kind: str | None) -> Accepted:
    """`janji ingest`: the same as an upload, from a file on disk (never modified or moved)."""
    import hashlib

    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    if size > settings.max_upload_bytes:
        raise ApiError("too_large", f"the file is {size} bytes; the limit is {settings.max_upload_bytes}")
    return accept(session, settings, path=path, sha256=digest.hexdigest(), size=size,
                  filename=os.path.basename(path), kind=kind)


# ---- running a job -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    status: str                       # succeeded | partial | failed | rejected
    error: IngestError | None = None
    extraction: Extraction | None = None


def read_and_extract(data: bytes, *, name: str, sha256: str, hint: str | None,
                     settings: Settings) -> tuple[DocumentText, Extraction]:
    """The pure part of a job: bytes -> DocumentText (sandboxed reader) -> Extraction."""
    from extractor.extract import extract
    from extractor.reading import read_document

    doc = read_document(data, name=name, limits=settings.limits())
    extraction = extract(doc, source=name, sha256=sha256, kind_hint=hint)
    return doc, extraction


# Warnings that mean part of the document was lost: the run is `partial`, not `succeeded`.
PARTIAL_WARNINGS = frozenset({"truncated", "page_error", "partial"})


def status_of(doc: DocumentText, extraction: Extraction) -> str:
    """Never optimistic: any recorded page error, or text cut off, means partial."""
    if doc.page_errors:
        return "partial"
    codes = {getattr(w, "code", "") for w in (*doc.warnings, *extraction.warnings)}
    return "partial" if codes & PARTIAL_WARNINGS else "succeeded"


def extraction_record(doc: DocumentText, extraction: Extraction) -> dict:
    """What is stored for a run: the extraction JSON, with the reader's per-page errors among its
    warnings so that a `partial` document says which pages were lost."""
    record = extraction.to_dict()
    seen = {(w.get("code"), w.get("page")) for w in record["warnings"]}
    for w in (*doc.page_errors, *doc.warnings):
        if (w.code, w.page) not in seen:
            record["warnings"].append({"code": w.code, "message": w.message, "page": w.page})
            seen.add((w.code, w.page))
    return record


def error_status(error: IngestError) -> str:
    return "rejected" if error.code in REJECT_CODES else "failed"


def match_report(session: Session, document_id: int, extraction: Extraction, *, text: DocumentText | None = None,
                 settings: Settings | None = None) -> None:
    """Hand an activity report to the matching service when it is installed."""
    if extraction.kind != "activity_report":
        return
    try:
        from api.services import matching  # type: ignore[attr-defined]
    except ImportError:
        return
    process = getattr(matching, "process_report", None)
    if process is not None:
        process(session, document_id, extraction, text=text, settings=settings)
