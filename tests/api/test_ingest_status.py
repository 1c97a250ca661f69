"""Status is never optimistic: a lost page or cut-off text makes a run `partial`, and the stored
warnings say which page was lost."""
from __future__ import annotations

from api.services.ingest import error_status, extraction_record, status_of
from extractor.errors import IngestError
from extractor.types import DocumentText, Extraction, PageSpan, Warning


def _doc(**kw) -> DocumentText:
    return DocumentText(text="abc\n\ndef", pages=(PageSpan(1, 0, 3), PageSpan(2, 5, 8)), **kw)


def test_clean_documents_succeed_and_lost_pages_are_partial_with_the_page_recorded():
    ex = Extraction(source="a.pdf", sha256="0" * 64)
    assert status_of(_doc(), ex) == "succeeded"
    assert status_of(_doc(warnings=(Warning("copy_restricted", "owner password"),)), ex) == "succeeded"
    bad = _doc(page_errors=(Warning("malformed_pdf", "page 2 cannot be read", 2),))
    assert status_of(bad, ex) == "partial"
    assert {"code": "malformed_pdf", "message": "page 2 cannot be read", "page": 2} in extraction_record(bad, ex)["warnings"]
    assert status_of(_doc(warnings=(Warning("truncated", "cut"),)), ex) == "partial"


def test_input_errors_are_rejected_and_reading_failures_failed():
    assert error_status(IngestError("encrypted_pdf")) == "rejected"
    assert error_status(IngestError("unsupported_type")) == "rejected"
    assert error_status(IngestError("timeout")) == "failed"
    assert error_status(IngestError("capacity")) == "failed"
