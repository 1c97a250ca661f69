"""The one place where error codes become HTTP statuses and CLI exit codes.

Extractor codes (`extractor.errors.CODES`) and the API's own codes share one table; every error
body the API sends is `{"error": {"code", "message"}}` (see `ErrorBody`).
"""
from __future__ import annotations

import sys

from pydantic import BaseModel, Field

from extractor.errors import IngestError

HTTP_STATUS = {
    # input errors raised by extractor/
    "empty_file": 422,
    "unsupported_type": 415,
    "encrypted_pdf": 422,
    "malformed_pdf": 422,
    "too_many_pages": 422,
    "too_large": 413,
    "timeout": 422,
    "capacity": 422,
    "no_text": 422,
    "empty_document": 422,
    "not_found": 404,
    "worker_lost": 500,
    # the API's own
    "bad_request": 400,
    "malformed_multipart": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "method_not_allowed": 405,
    "conflict": 409,
    "stale_version": 412,
    "validation_error": 422,
    "precondition_required": 428,
    "internal_error": 500,
    "database_unavailable": 503,
    "insufficient_storage": 507,
    "no_page_image": 404,
}

CLI_EXIT_BAD_INPUT = 2


class ApiError(Exception):
    """An error the API reports as `{"error": {"code", "message"}}` with the status of HTTP_STATUS."""

    def __init__(self, code: str, message: str, *, headers: dict[str, str] | None = None):
        if code not in HTTP_STATUS:
            raise ValueError(f"unknown API error code {code!r}")
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.headers = headers or {}

    @property
    def status(self) -> int:
        return HTTP_STATUS[self.code]

    def body(self) -> dict:
        return {"error": {"code": self.code, "message": self.message}}


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no document with id 42"])


class ErrorBody(BaseModel):
    """Every non-2xx response of the API."""
    error: ErrorDetail


def http_status(error: IngestError | ApiError) -> int:
    return HTTP_STATUS.get(error.code, 422)


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def from_ingest_error(error: IngestError) -> ApiError:
    return ApiError(error.code, error.message)


def cli_fail(message: str) -> int:
    """Print one line on stderr and return the CLI's bad-input exit code."""
    print(f"janji: {message}".replace("\n", " "), file=sys.stderr)
    return CLI_EXIT_BAD_INPUT
