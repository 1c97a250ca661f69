"""The one set of limits every reader runs under. Callers build it; extractor never reads settings."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_chars: int = 5_000_000
    seconds: float = 300.0          # wall clock for reading one document (child is killed after)
    memory_bytes: int = 2 * 1024**3  # RLIMIT_AS of the reading child
    ocr_dpi: int = 300
    ocr_languages: str = "ind+eng"
    ocr_workers: int = 0             # 0 = one per core
