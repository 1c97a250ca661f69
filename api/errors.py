"""The one place where extractor error codes become HTTP statuses and CLI exit codes."""
from __future__ import annotations

import sys

from extractor.errors import IngestError

HTTP_STATUS = {
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
}

CLI_EXIT_BAD_INPUT = 2


def http_status(error: IngestError) -> int:
    return HTTP_STATUS.get(error.code, 422)


def cli_fail(message: str) -> int:
    """Print one line on stderr and return the CLI's bad-input exit code."""
    print(f"janji: {message}".replace("\n", " "), file=sys.stderr)
    return CLI_EXIT_BAD_INPUT
