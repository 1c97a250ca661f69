"""DocumentText -> Extraction. The one function every caller (CLI, worker, benchmarks) uses.

PLACEHOLDER (foundation skeleton): returns an empty extraction; the NLP work fills it.
"""
from __future__ import annotations

from extractor.types import DocumentText, Extraction


def extract(doc: DocumentText, *, source: str, sha256: str, kind_hint: str | None = None) -> Extraction:
    return Extraction(source=source, sha256=sha256, kind=kind_hint or "other", pages=len(doc.pages),
                      warnings=doc.warnings)
