"""HTTP routes under /api/v1; each module has one `router`."""
from __future__ import annotations

from api.errors import ErrorBody

PREFIX = "/api/v1"


def errors(*statuses: int) -> dict:
    """OpenAPI `responses` entries for error statuses, all with the one error body."""
    text = {400: "Malformed request", 401: "Missing or invalid API key", 403: "The key's role may not do this",
            404: "Unknown id", 409: "Conflict", 412: "Stale If-Match version", 413: "Body over the size limit",
            415: "Unsupported file type", 422: "Invalid input", 428: "If-Match header required",
            503: "Database unavailable", 507: "No space left to store the upload"}
    return {s: {"model": ErrorBody, "description": text.get(s, "Error")} for s in statuses}


AUTH_ERRORS = errors(400, 401, 403, 422, 503)
