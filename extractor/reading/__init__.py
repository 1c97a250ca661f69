"""Readers: bytes -> DocumentText. `read_document` is the only entry point callers use.

PLACEHOLDER (foundation skeleton): only plain UTF-8 text for now; the reading work replaces this
with sniffing, the sandboxed PDF/OCR readers, DOCX and HTML.
"""
from __future__ import annotations

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.types import DocumentText, PageSpan


def read_document(data: bytes, *, name: str = "", limits: Limits = Limits()) -> DocumentText:
    if not data:
        raise IngestError("empty_file")
    text = data.decode("utf-8", errors="replace")
    return DocumentText(text=text, pages=(PageSpan(page=1, start=0, end=len(text), source="plain"),))
