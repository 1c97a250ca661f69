"""SQLAlchemy 2 tables of the store.

Agreement fields (title, number, location, language, term) are folded into `documents`: every
stored document has exactly one current extraction, so a separate 1:1 table would only add a join.

Reviewer-correctable rows (documents, parties, officials, dates, commitments) carry:
- `version`: optimistic lock (SQLAlchemy `version_id_col`; any write bumps it, stale writes fail),
- `field_sources`: JSON map field -> "reviewer" for every field a reviewer set (absent = extractor),
- `natural_key`: the identity the extractor gave the row (normalised name/text), kept when a
  reviewer renames it, so re-extraction finds the same row and its id survives,
- `deleted_by`: None (live) | "reviewer" (never resurrected) | "extractor" (no longer found).
Evidence rows are polymorphic (`owner_type`, `owner_id`) and cascade with their document.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DOCUMENT_STATUSES = ("queued", "running", "succeeded", "partial", "failed", "rejected")
RUN_STATUSES = ("succeeded", "partial", "failed", "rejected")
JOB_STATUSES = ("queued", "running", "succeeded", "partial", "failed", "rejected")
MATCH_STATUSES = ("proposed", "confirmed", "rejected")
ROLES = ("ingest", "review", "admin")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def _created() -> Mapped[dt.datetime]:
    return mapped_column(DateTime(timezone=True), default=utcnow, server_default=func.now())


def _updated() -> Mapped[dt.datetime]:
    return mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow, server_default=func.now())


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (CheckConstraint(_in("status", DOCUMENT_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger)
    blob_key: Mapped[str] = mapped_column(String(64))
    kind_hint: Mapped[str | None] = mapped_column(String(32))   # what the uploader asked for
    status: Mapped[str] = mapped_column(String(16), default="queued")
    # agreement fields (current extraction, reviewer-correctable)
    kind: Mapped[str | None] = mapped_column(String(32), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(255))
    location: Mapped[str | None] = mapped_column(String(255))
    pages: Mapped[int | None] = mapped_column(Integer)
    term_years: Mapped[int | None] = mapped_column(Integer)
    term_months: Mapped[int | None] = mapped_column(Integer)
    term_days: Mapped[int | None] = mapped_column(Integer)
    term_text: Mapped[str | None] = mapped_column(Text)
    signed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)  # first signing/effective date
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    field_sources: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _updated()

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class ExtractionRun(Base):
    __tablename__ = "extraction_runs"
    __table_args__ = (CheckConstraint(_in("status", RUN_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16))
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # what re-extraction changed / would change
    created_at: Mapped[dt.datetime] = _created()


class _Entity:
    """Columns shared by every reviewer-correctable entity of a document."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    natural_key: Mapped[str] = mapped_column(String(160))
    origin: Mapped[str] = mapped_column(String(16), default="extractor")  # extractor | reviewer
    confidence: Mapped[float | None] = mapped_column(Float)
    field_sources: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    deleted_by: Mapped[str | None] = mapped_column(String(16))            # None | reviewer | extractor
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _updated()


def _doc_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class Party(_Entity, Base):
    __tablename__ = "parties"
    __table_args__ = (UniqueConstraint("document_id", "natural_key", name="uq_parties_document_key"),
                      CheckConstraint("length(name) > 0", name="name_not_empty"))
    document_id: Mapped[int] = _doc_fk()
    name: Mapped[str] = mapped_column(String(500))
    aliases: Mapped[list[Any]] = mapped_column(JSON, default=list)
    role: Mapped[str | None] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Official(_Entity, Base):
    __tablename__ = "officials"
    __table_args__ = (UniqueConstraint("document_id", "natural_key", name="uq_officials_document_key"),
                      CheckConstraint("length(name) > 0", name="name_not_empty"))
    document_id: Mapped[int] = _doc_fk()
    name: Mapped[str] = mapped_column(String(500))
    honorifics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    position: Mapped[str | None] = mapped_column(String(500))
    organization: Mapped[str | None] = mapped_column(String(500))
    role: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class DateMention(_Entity, Base):
    __tablename__ = "dates"
    __table_args__ = (UniqueConstraint("document_id", "natural_key", name="uq_dates_document_key"),)
    document_id: Mapped[int] = _doc_fk()
    date: Mapped[dt.date | None] = mapped_column(Date)
    role: Mapped[str] = mapped_column(String(32), default="mentioned")
    text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Commitment(_Entity, Base):
    __tablename__ = "commitments"
    __table_args__ = (UniqueConstraint("document_id", "natural_key", name="uq_commitments_document_key"),
                      CheckConstraint("length(text) > 0", name="text_not_empty"))
    document_id: Mapped[int] = _doc_fk()
    text: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text, default="")
    parties: Mapped[list[Any]] = mapped_column(JSON, default=list)
    due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_owner", "owner_type", "owner_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    owner_type: Mapped[str] = mapped_column(String(16))  # party | official | date | commitment | statement
    owner_id: Mapped[int] = mapped_column(Integer)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    bbox: Mapped[list[Any] | None] = mapped_column(JSON)


class ActivityStatement(Base):
    __tablename__ = "activity_statements"
    __table_args__ = (UniqueConstraint("document_id", "natural_key", name="uq_statements_document_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    natural_key: Mapped[str] = mapped_column(String(160))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    parties: Mapped[list[Any]] = mapped_column(JSON, default=list)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = _created()


class Match(Base):
    __tablename__ = "matches"
    __table_args__ = (UniqueConstraint("commitment_id", "statement_id", name="uq_matches_pair"),
                      CheckConstraint(_in("status", MATCH_STATUSES), name="status"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("activity_statements.id", ondelete="CASCADE"),
                                              index=True)
    score: Mapped[float] = mapped_column(Float)
    bm25: Mapped[float | None] = mapped_column(Float)
    cosine: Mapped[float | None] = mapped_column(Float)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    reviewer: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _updated()


class Embedding(Base):
    """A vector of one owner under one model. Vectors of different `model_id`s are never compared."""
    __tablename__ = "embeddings"
    __table_args__ = (UniqueConstraint("owner_type", "owner_id", "model_id", name="uq_embeddings_owner_model"),
                      Index("ix_embeddings_model_owner_type", "model_id", "owner_type"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_type: Mapped[str] = mapped_column(String(16))  # commitment | statement
    owner_id: Mapped[int] = mapped_column(Integer)
    model_id: Mapped[str] = mapped_column(String(255))
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32 little-endian, dim * 4 bytes
    text_sha256: Mapped[str | None] = mapped_column(String(64))  # of the embedded text: stale when it changes
    created_at: Mapped[dt.datetime] = _created()


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (CheckConstraint(_in("status", JOB_STATUSES), name="status"),
                      Index("ix_jobs_status_run_after", "status", "run_after"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32), default="extract")  # extract | reextract | match
    status: Mapped[str] = mapped_column(String(16), default="queued")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    run_after: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                   server_default=func.now())
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _updated()
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ApiKey(Base):
    __tablename__ = "api_keys"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the whole key
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = _created()
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))  # scrypt$n$r$p$salt$hash
    role: Mapped[str] = mapped_column(String(16), default="review")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = _created()


class FieldEdit(Base):
    """Append-only audit trail (triggers in the migration refuse UPDATE and DELETE)."""
    __tablename__ = "field_edits"
    __table_args__ = (Index("ix_field_edits_entity", "entity_type", "entity_id"),
                      CheckConstraint("length(who) > 0", name="who_not_empty"),
                      CheckConstraint("action IN ('update', 'create', 'delete', 'status')", name="action"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(16))  # document | party | official | date | commitment | match
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16), default="update")
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    who: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = _created()


ENTITY_TABLES: dict[str, type[Base]] = {
    "document": Document, "party": Party, "official": Official, "date": DateMention, "commitment": Commitment,
}
