"""Pydantic shapes of what the repository returns and accepts (XPublic / XUpdate / XCreate).

Tests validate repository output against these models, so they are the contract the API and web
layers can rely on. Updates forbid unknown fields; the repository re-validates values (real
calendar dates, non-empty names) and raises InvalidValue, so both paths give 422.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentKind = Literal["agreement", "news_release", "activity_report", "other"]
DateRole = Literal["signing", "effective", "expiry", "deadline", "mentioned"]
OfficialRole = Literal["signatory", "attendee", "speaker"]
Status = Literal["queued", "running", "succeeded", "partial", "failed", "rejected"]
MatchStatus = Literal["proposed", "confirmed", "rejected"]
FlagStatus = Literal["has_activity", "no_activity", "overdue"]

_EV = {"page": 1, "start": 120, "end": 148, "text": "Pemerintah Kabupaten Bandung", "bbox": [72.0, 140.5, 290.0, 152.0]}


def _examples(*items: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(items)})


class EvidencePublic(BaseModel):
    model_config = _examples(_EV)
    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    bbox: list[float] | None = None


class _EntityPublic(BaseModel):
    id: int
    version: int = Field(description="send it back as If-Match when editing")
    document_id: int
    origin: Literal["extractor", "reviewer"]
    confidence: float | None = None
    sources: dict[str, Literal["reviewer"]] = Field(description="field -> 'reviewer' for reviewer-set fields")
    deleted: bool = False
    evidence: list[EvidencePublic] = []


class PartyPublic(_EntityPublic):
    model_config = _examples({"id": 3, "version": 1, "document_id": 1, "origin": "extractor", "confidence": 0.9,
                              "sources": {}, "deleted": False, "name": "Pemerintah Kabupaten Bandung",
                              "aliases": ["Pemkab Bandung"], "role": "PIHAK PERTAMA", "evidence": [_EV]})
    name: str
    aliases: list[str] = []
    role: str | None = None


class OfficialPublic(_EntityPublic):
    name: str
    honorifics: list[str] = []
    position: str | None = None
    organization: str | None = None
    role: OfficialRole | None = None


class DatePublic(_EntityPublic):
    date: dt.date | None = None
    role: DateRole
    text: str = ""


class CommitmentPublic(_EntityPublic):
    model_config = _examples({"id": 11, "version": 2, "document_id": 1, "origin": "extractor", "confidence": 0.7,
                              "sources": {"due": "reviewer"}, "deleted": False,
                              "text": "PIHAK PERTAMA menyediakan lahan paling lambat 31 Desember 2025.",
                              "action": "menyediakan lahan", "parties": ["Pemerintah Kabupaten Bandung"],
                              "due": "2025-12-31", "needs_review": False, "evidence": []})
    text: str
    action: str = ""
    parties: list[str] = []
    due: dt.date | None = None
    needs_review: bool = False


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartyUpdate(_Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Pemkab Bandung"}]})
    name: str | None = Field(None, min_length=1, max_length=500)
    aliases: list[str] | None = None
    role: str | None = None


class OfficialUpdate(_Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"position": "Bupati Bandung"}]})
    name: str | None = Field(None, min_length=1, max_length=500)
    honorifics: list[str] | None = None
    position: str | None = None
    organization: str | None = None
    role: OfficialRole | None = None


class DateUpdate(_Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"date": "2025-03-14"}]})
    date: dt.date | None = None
    role: DateRole | None = None
    text: str | None = None


class CommitmentUpdate(_Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"due": "2026-06-30"}]})
    text: str | None = Field(None, min_length=1)
    action: str | None = None
    parties: list[str] | None = None
    due: dt.date | None = None
    needs_review: bool | None = None


class PartyCreate(PartyUpdate):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Dinas Pariwisata"}]})
    name: str = Field(min_length=1, max_length=500)


class OfficialCreate(OfficialUpdate):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Siti Aminah",
                                                                               "role": "attendee"}]})
    name: str = Field(min_length=1, max_length=500)


class DateCreate(DateUpdate):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "date": "2030-03-14", "role": "expiry", "text": "berakhir pada 14 Maret 2030"}]})
    role: DateRole


class CommitmentCreate(CommitmentUpdate):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "Kedua pihak menyusun rencana kerja tahunan", "due": "2025-09-30"}]})
    text: str = Field(min_length=1)


class TermPublic(BaseModel):
    years: int = 0
    months: int = 0
    days: int = 0
    text: str = ""


class DocumentSummaryPublic(BaseModel):
    id: int
    version: int
    sha256: str
    display_name: str
    media_type: str
    size: int
    status: Status
    kind: str | None = None
    kind_hint: str | None = None
    language: str | None = None
    title: str | None = None
    number: str | None = None
    location: str | None = None
    pages: int | None = None
    signed_on: dt.date | None = None
    term: TermPublic | None = None
    sources: dict[str, str] = {}
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    parties: list[str] | None = None


class DocumentUpdate(_Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"number": "119/NK/2025"}]})
    kind: DocumentKind | None = None
    title: str | None = None
    number: str | None = None
    location: str | None = None
    language: str | None = None
    term_years: int | None = Field(None, ge=0, le=1000)
    term_months: int | None = Field(None, ge=0, le=1000)
    term_days: int | None = Field(None, ge=0, le=1000)
    signed_on: dt.date | None = None


class StatementPublic(BaseModel):
    id: int
    text: str
    date: dt.date | None = None
    parties: list[str] = []
    evidence: list[EvidencePublic] = []


class RunPublic(BaseModel):
    id: int
    document_id: int
    extractor_version: str
    status: Literal["succeeded", "partial", "failed", "rejected"]
    error_code: str | None = None
    error_message: str | None = None
    warnings: list[dict[str, Any]] = []
    report: dict[str, Any] = {}
    created_at: dt.datetime | None = None


class DocumentPublic(DocumentSummaryPublic):
    """The extraction schema of DESIGN.md plus ids/versions; what GET /documents/{id} returns."""
    schema_version: int = Field(1, alias="schema")
    source: str
    warnings: list[dict[str, Any]] = []
    parties: list[PartyPublic] = []  # type: ignore[assignment]
    officials: list[OfficialPublic] = []
    dates: list[DatePublic] = []
    commitments: list[CommitmentPublic] = []
    activities: list[StatementPublic] = []
    last_run: RunPublic | None = None


class DocumentPage(BaseModel):
    items: list[DocumentSummaryPublic]
    total: int
    limit: int = Field(le=100)
    offset: int


class JobPublic(BaseModel):
    model_config = _examples({"id": 5, "document_id": 4, "kind": "extract", "status": "failed", "payload": {},
                              "attempts": 1, "max_attempts": 3, "lease_owner": None, "lease_expires_at": None,
                              "error_code": "encrypted_pdf",
                              "error_message": "password-protected — upload a decrypted copy",
                              "created_at": "2025-03-14T08:00:00Z", "updated_at": "2025-03-14T08:00:03Z",
                              "finished_at": "2025-03-14T08:00:03Z"})
    id: int
    document_id: int | None
    kind: str
    status: Status
    payload: dict[str, Any] = {}
    attempts: int
    max_attempts: int
    lease_owner: str | None = None
    lease_expires_at: dt.datetime | None = None
    error_code: str | None = None
    error_message: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None


class FieldEditPublic(BaseModel):
    model_config = _examples({"id": 1, "entity_type": "official", "entity_id": 7, "action": "update",
                              "field": "name", "old": "Budi Santoso, M.Si", "new": "Budi Santoso",
                              "who": "key:3f9a1c2e", "reason": "degree is not part of the name",
                              "at": "2025-03-15T09:12:00Z"})
    id: int
    entity_type: str
    entity_id: int
    action: Literal["update", "create", "delete", "status"]
    field: str
    old: Any = None
    new: Any = None
    who: str
    reason: str | None = None
    at: dt.datetime | None = None


class MatchPublic(BaseModel):
    id: int
    commitment_id: int
    statement_id: int
    score: float
    bm25: float | None = None
    cosine: float | None = None
    explanation: dict[str, Any] = {}
    status: MatchStatus
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = None


class MatchDecision(_Strict):
    reason: str | None = Field(None, max_length=2000)


class FlagEvidence(BaseModel):
    match_id: int
    statement_id: int
    report: str
    report_id: int
    text: str
    date: dt.date | None = None
    score: float
    status: MatchStatus


class FlagPublic(BaseModel):
    """One row of `janji flags --json` / GET /flags."""
    model_config = _examples({"commitment_id": 11, "text": "PIHAK PERTAMA menyediakan lahan",
                              "agreement": "Nota Kesepahaman Pengembangan Desa Wisata", "agreement_id": 1,
                              "parties": ["Pemerintah Kabupaten Bandung"], "status": "overdue",
                              "due": "2025-12-31", "evidence": []})
    commitment_id: int
    text: str
    agreement: str
    agreement_id: int
    parties: list[str]
    status: FlagStatus
    due: dt.date | None = None
    evidence: list[FlagEvidence] = []


class ApiKeyCreate(_Strict):
    role: Literal["ingest", "review", "admin"]
    label: str = Field("", max_length=200)


class ApiKeyPublic(BaseModel):
    id: int
    prefix: str
    role: Literal["ingest", "review", "admin"]
    label: str = ""
    created_at: dt.datetime | None = None
    revoked: bool = False


UPDATE_SCHEMAS: dict[str, type[BaseModel]] = {"party": PartyUpdate, "official": OfficialUpdate, "date": DateUpdate,
                                              "commitment": CommitmentUpdate, "document": DocumentUpdate}
CREATE_SCHEMAS: dict[str, type[BaseModel]] = {"party": PartyCreate, "official": OfficialCreate, "date": DateCreate,
                                              "commitment": CommitmentCreate}
