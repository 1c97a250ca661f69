"""One error vocabulary for everything that can go wrong with an input.

Codes are stable: the API, the CLI and stored jobs all carry them. They are mapped to HTTP
status and CLI exit codes in exactly one place (`api/errors.py`).
"""
from __future__ import annotations

CODES = {
    "empty_file": "the file is empty",
    "unsupported_type": "this kind of file is not supported",
    "encrypted_pdf": "password-protected — upload a decrypted copy",
    "malformed_pdf": "the PDF is damaged and cannot be read",
    "too_many_pages": "the document has more pages than allowed",
    "too_large": "the file is larger than allowed",
    "timeout": "reading the document took longer than allowed",
    "capacity": "reading the document needed more memory than allowed",
    "no_text": "no text could be read from the document",
    "empty_document": "the document has no pages",
    "not_found": "no such file",
    "worker_lost": "the worker processing this document stopped",
}


class IngestError(Exception):
    """A document could not be read or extracted. `code` is one of CODES."""

    def __init__(self, code: str, message: str | None = None, page: int | None = None):
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.message = message or CODES[code]
        self.page = page
        super().__init__(f"{code}: {self.message}")

    def to_dict(self) -> dict:
        out = {"code": self.code, "message": self.message}
        if self.page is not None:
            out["page"] = self.page
        return out
