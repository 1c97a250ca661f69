"""Errors the repository raises; the API maps them (NotFound 404, StaleVersion 412,
InvalidValue 422, StorageFull 507 from models.blobs)."""
from __future__ import annotations


class StoreError(Exception):
    code = "store_error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(StoreError):
    code = "not_found"


class StaleVersion(StoreError):
    code = "stale_version"

    def __init__(self, message: str, *, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version


class InvalidValue(StoreError):
    """A reviewer value that cannot be stored (impossible date, empty name, unknown field)."""
    code = "validation_error"

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field
