"""Re-run extraction on a stored original. Reviewer values win; the differences are reported."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from api.services import ingest
from api.settings import Settings
from extractor.errors import IngestError


def reextract_document(session_factory: sessionmaker[Session], settings: Settings, document_id: int) -> dict[str, Any]:
    from models import repository
    from models.blobs import BlobStore

    with session_factory() as session:
        doc = repository.get_document(session, document_id=document_id)
    data = BlobStore(settings.blob_dir).read_bytes(doc["sha256"])
    try:
        text, extraction = ingest.read_and_extract(data, name=doc["display_name"], sha256=doc["sha256"],
                                                   hint=doc.get("kind_hint"), settings=settings)
    except IngestError as exc:
        return {"document_id": document_id, "status": ingest.error_status(exc), "error": exc.to_dict(),
                "kept_reviewer_values": []}
    status = ingest.status_of(text, extraction)
    with session_factory() as session:
        report = repository.save_extraction(session, document_id=document_id,
                                            extraction=ingest.extraction_record(text, extraction), run_status=status)
        ingest.match_report(session, document_id, extraction, text=text, settings=settings)
    return {"document_id": document_id, "status": status,
            "kept_reviewer_values": list(report.get("kept_reviewer", [])), "report": report}
