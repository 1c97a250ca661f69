"""Request and response bodies of the HTTP API (the OpenAPI schema is generated from these)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive timestamps; they are UTC (the store writes UTC only)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


Timestamp = Annotated[dt.datetime, AfterValidator(_as_utc)]

JobStatus = Literal["queued", "running", "succeeded", "partial", "failed", "rejected"]
UploadKind = Literal["auto", "agreement", "report"]
DocumentKind = Literal["agreement", "news_release", "activity_report", "other"]
OfficialRole = Literal["signatory", "attendee", "speaker"]
DateRole = Literal["signing", "effective", "expiry", "deadline", "mentioned"]

EVIDENCE_EXAMPLE = {"page": 1, "start": 120, "end": 161, "text": "Kepala Dinas Pendidikan, Budi Santoso",
                    "bbox": [72.0, 140.5, 310.2, 152.0]}


class ErrorInfo(BaseModel):
    code: str
    message: str


class EvidenceOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EVIDENCE_EXAMPLE]})
    page: int
    start: int
    end: int
    text: str
    bbox: list[float] | None = None


class _EntityOut(BaseModel):
    id: int
    version: int
    document_id: int
    origin: str = Field("extractor", description="extractor | reviewer (who created the row)")
    sources: dict[str, str] = Field(default_factory=dict,
                                    description="field -> 'reviewer' for every field a reviewer set")
    confidence: float | None = None
    evidence: list[EvidenceOut] = Field(default_factory=list)


class PartyOut(_EntityOut):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 3, "version": 1, "origin": "extractor", "document_id": 4, "sources": {}, "confidence": 0.9,
        "name": "Pemerintah Kabupaten Sleman", "aliases": ["Pemkab Sleman"], "role": "PIHAK PERTAMA",
        "evidence": [EVIDENCE_EXAMPLE]}]})
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None


class OfficialOut(_EntityOut):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 7, "version": 2, "origin": "extractor", "document_id": 4, "sources": {"name": "reviewer"}, "confidence": 0.8,
        "name": "Budi Santoso", "honorifics": ["Dr.", "M.Si."], "position": "Kepala Dinas Pendidikan",
        "organization": "Pemerintah Kabupaten Sleman", "role": "signatory", "evidence": [EVIDENCE_EXAMPLE]}]})
    name: str
    honorifics: list[str] = Field(default_factory=list)
    position: str | None = None
    organization: str | None = None
    role: str | None = None


class DateOut(_EntityOut):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 2, "version": 1, "origin": "extractor", "document_id": 4, "sources": {}, "confidence": 0.95,
        "date": "2025-03-14", "role": "signing", "text": "empat belas bulan Maret tahun dua ribu dua puluh lima",
        "evidence": []}]})
    date: dt.date | None = None
    role: str
    text: str = ""


class CommitmentOut(_EntityOut):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 11, "version": 1, "origin": "extractor", "document_id": 4, "sources": {}, "confidence": 0.7,
        "text": "PIHAK KEDUA wajib menyediakan tenaga pengajar paling lambat 30 Juni 2025.",
        "action": "menyediakan tenaga pengajar", "parties": ["Universitas Gadjah Mada"],
        "due": "2025-06-30", "needs_review": False, "evidence": []}]})
    text: str
    action: str = ""
    parties: list[str] = Field(default_factory=list)
    due: dt.date | None = None
    needs_review: bool = False


class ActivityOut(BaseModel):
    """A statement of an activity report saying something was done (matched to commitments)."""
    id: int
    text: str
    date: dt.date | None = None
    parties: list[str] = Field(default_factory=list)
    evidence: list[EvidenceOut] = Field(default_factory=list)


class TermOut(BaseModel):
    years: int = 0
    months: int = 0
    days: int = 0
    text: str = ""


class JobOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 5, "document_id": 4, "kind": "extract", "status": "failed", "attempts": 1,
        "error": {"code": "encrypted_pdf", "message": "password-protected — upload a decrypted copy"},
        "created_at": "2025-03-14T08:00:00Z", "finished_at": "2025-03-14T08:00:03Z"}]})
    id: int
    document_id: int | None
    kind: str
    status: JobStatus
    attempts: int = 0
    error: ErrorInfo | None = None
    created_at: Timestamp | None = None
    finished_at: Timestamp | None = None


class RunOut(BaseModel):
    """The latest extraction run. `report.kept_reviewer` lists reviewer values that re-extraction
    would have changed (entity, id, field, current, extracted): shown for review, never applied."""
    id: int
    status: str
    error_code: str | None = None
    error_message: str | None = None
    extractor_version: str = ""
    report: dict = Field(default_factory=dict)
    created_at: Timestamp | None = None


class DocumentSummary(BaseModel):
    id: int
    display_name: str
    media_type: str
    status: JobStatus
    kind: str | None = None
    title: str | None = None
    number: str | None = None
    signed_on: dt.date | None = None
    parties: list[str] = Field(default_factory=list)
    created_at: Timestamp | None = None


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    total: int
    limit: int
    offset: int


class DocumentDetail(BaseModel):
    """The extraction schema of DESIGN.md, plus an `id` and `version` on every reviewable row."""
    id: int
    version: int
    sha256: str
    source: str = Field(description="the sanitised display name of the upload")
    media_type: str
    size: int
    status: JobStatus
    kind: str | None = None
    language: str | None = None
    title: str | None = None
    number: str | None = None
    pages: int | None = None
    location: str | None = None
    term: TermOut | None = None
    parties: list[PartyOut] = Field(default_factory=list)
    officials: list[OfficialOut] = Field(default_factory=list)
    dates: list[DateOut] = Field(default_factory=list)
    commitments: list[CommitmentOut] = Field(default_factory=list)
    activities: list[ActivityOut] = Field(default_factory=list, description="activity reports only")
    warnings: list[dict] = Field(default_factory=list)
    job: JobOut | None = None
    last_run: RunOut | None = None
    created_at: Timestamp | None = None


class UploadAccepted(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"id": 4, "job_id": 5, "status": "queued", "duplicate": False}]})
    id: int = Field(description="document id (the existing one when the same bytes were uploaded before)")
    job_id: int | None
    status: JobStatus
    duplicate: bool = False


class HistoryEntry(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 1, "who": "key:2:reviewer", "at": "2025-03-15T09:12:00Z", "action": "update",
        "field": "name", "old": "Budi Santosa", "new": "Budi Santoso", "reason": "typo in OCR"}]})
    id: int
    who: str
    at: Timestamp
    action: str
    field: str
    old: object | None = None
    new: object | None = None
    reason: str | None = None


class HealthOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "status": "ok", "database": "ok", "database_backend": "sqlite", "worker": "in-process (2 threads)",
        "vector_index": "default", "broker": None, "version": "1.0.0"}]})
    status: Literal["ok", "degraded"]
    database: str
    database_backend: str
    worker: str
    vector_index: str
    broker: str | None = None
    version: str


# ---- reviewer input ---------------------------------------------------------------------------

class _Edit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(None, max_length=2000, description="why the reviewer changed it (audited)")


NonEmpty = Field(min_length=1, max_length=500)


class PartyPatch(_Edit):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"name": "Pemerintah Kabupaten Sleman", "reason": "full name"}]})
    name: str | None = Field(None, min_length=1, max_length=500)
    aliases: list[str] | None = None
    role: str | None = Field(None, max_length=120)


class OfficialPatch(_Edit):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"name": "Budi Santoso", "reason": "OCR misread the name"}]})
    name: str | None = Field(None, min_length=1, max_length=500)
    honorifics: list[str] | None = None
    position: str | None = Field(None, max_length=500)
    organization: str | None = Field(None, max_length=500)
    role: OfficialRole | None = None


class DatePatch(_Edit):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"date": "2025-03-14", "role": "signing", "reason": "notarial date"}]})
    date: dt.date | None = None
    role: DateRole | None = None
    text: str | None = Field(None, max_length=2000)


class CommitmentPatch(_Edit):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"due": "2025-06-30", "reason": "deadline stated in article 4"}]})
    text: str | None = Field(None, min_length=1, max_length=5000)
    action: str | None = Field(None, max_length=2000)
    parties: list[str] | None = None
    due: dt.date | None = None
    needs_review: bool | None = None


class PartyCreate(_Edit):
    name: str = Field(min_length=1, max_length=500)
    aliases: list[str] = Field(default_factory=list)
    role: str | None = Field(None, max_length=120)


class OfficialCreate(_Edit):
    name: str = Field(min_length=1, max_length=500)
    honorifics: list[str] = Field(default_factory=list)
    position: str | None = Field(None, max_length=500)
    organization: str | None = Field(None, max_length=500)
    role: OfficialRole | None = None


class CommitmentCreate(_Edit):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"text": "PIHAK PERTAMA menyediakan lahan.", "action": "menyediakan lahan", "parties": ["Pemkab Sleman"],
         "due": "2025-12-31", "reason": "missed by extraction"}]})
    text: str = Field(min_length=1, max_length=5000)
    action: str = Field("", max_length=2000)
    parties: list[str] = Field(default_factory=list)
    due: dt.date | None = None
