"""Readers: bytes -> DocumentText. `read_document` is the only entry point callers use.

The bytes are sniffed by magic bytes (the name is only used in messages), then read by one
reader inside a sandboxed child process (memory limit, wall-clock kill; see extractor.sandbox).

Conventions of the returned DocumentText (see textbuild and layout for details):
- pages are joined by "\\n\\n"; `pages[i]` gives each page's span and `source`
  (`text` = PDF text layer, `ocr`, `docx`, `html`, `plain`);
- `char_boxes[i]` is the box of `text[i]` in points on its page, None for whitespace we
  inserted; empty for formats without geometry (docx, html, plain);
- normalisations are length-preserving, so `text[e.start:e.end] == e.text` always holds;
- a word split by a line-end hyphen is kept whole: the hyphen becomes U+00AD (soft hyphen) and
  no line break is inserted (reduplications such as "masing-masing" keep their hyphen);
- repeated headers/footers and page numbers are listed in `furniture`, each on its own line;
- text beyond `limits.max_chars` is cut off with a `truncated` warning.
"""
from __future__ import annotations

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.reading.textbuild import pack, unpack
from extractor.sandbox import run_in_worker
from extractor.sniff import DOCX, HTML, IMAGE_TYPES, PDF, TEXT, sniff
from extractor.types import DocumentText

__all__ = ["read_document"]


def read_document(data: bytes, *, name: str = "", limits: Limits = Limits()) -> DocumentText:  # noqa: B008
    """Read any supported document. Raises IngestError with a stable code on bad input."""
    if not data:
        raise IngestError("empty_file")
    if len(data) > limits.max_bytes:
        raise IngestError("too_large", f"the file has {len(data):,} bytes; at most "
                          f"{limits.max_bytes:,} are allowed")
    media_type = sniff(data)
    if media_type not in (PDF, DOCX, HTML, TEXT) and media_type not in IMAGE_TYPES:
        shown = f"{name}: " if name else ""
        raise IngestError("unsupported_type", f"{shown}{media_type} is not a supported kind of "
                          "document (PDF, PNG/JPEG/TIFF, DOCX, HTML, plain text)")
    crash_code = "malformed_pdf" if media_type == PDF else "unsupported_type"
    # Import the reader here, in the parent, before forking: it is then loaded once per process
    # and shared by every child instead of being imported again in each one.
    _read_in_child(b"", media_type, limits, import_only=True)
    packed = run_in_worker(_read_packed, data, media_type, limits, seconds=limits.seconds,
                           memory_bytes=limits.memory_bytes, crash_code=crash_code)
    return unpack(packed)


def _read_packed(data: bytes, media_type: str, limits: Limits) -> tuple:
    return pack(_read_in_child(data, media_type, limits))


def _read_in_child(data: bytes, media_type: str, limits: Limits, import_only: bool = False
                   ) -> DocumentText | None:
    from extractor.reading import ocr

    if import_only:
        if media_type == PDF:
            import extractor.reading.pdf
        elif media_type in IMAGE_TYPES:
            import extractor.reading.image
        elif media_type == DOCX:
            import extractor.reading.docx
        elif media_type == HTML:
            import extractor.reading.html  # noqa: F401
        return None
    if media_type == PDF:
        from extractor.reading.pdf import read_pdf
        return read_pdf(data, limits, ocr.tesseract_path())
    if media_type in IMAGE_TYPES:
        from extractor.reading.image import read_image
        return read_image(data, media_type, limits, ocr.tesseract_path())
    if media_type == DOCX:
        from extractor.reading.docx import read_docx
        return read_docx(data, limits)
    if media_type == HTML:
        from extractor.reading.html import read_html
        return read_html(data, limits)
    from extractor.reading.plain import read_plain
    return read_plain(data, limits)
