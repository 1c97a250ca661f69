"""Documents: create once per sha256, read back in the extraction schema, list with filters."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Text, and_, cast, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.db import write_transaction
from models.errors import NotFound
from models.normalize import norm_text
from models.repo import serialize as ser
from models.repo.sql import get_row, ids_in
from models.repo.textsafe import safe_text
from models.tables import (
    ActivityStatement,
    Commitment,
    DateMention,
    Document,
    ExtractionRun,
    Job,
    Official,
    Party,
)

MAX_PAGE = 100


def get_or_create_document(session: Session, *, sha256: str, display_name: str, media_type: str, size: int,
                           blob_key: str, kind_hint: str | None = None,
                           job_kind: str | None = "extract", max_attempts: int = 3) -> dict[str, Any]:
    """One document per sha256. Returns {"id", "created", "job_id", "status"}.

    A new document gets a queued job of `job_kind` (at most `max_attempts` runs before a lost
    worker fails it) in the same transaction. When the bytes are
    already stored (also when a concurrent upload wins the race) the existing id is returned with
    its latest job and no new job.
    """
    display_name, media_type = safe_text(display_name), safe_text(media_type)[:100]
    existing = _existing(session, sha256)
    if existing:
        return existing
    try:
        with write_transaction(session):
            doc = Document(sha256=sha256, display_name=display_name[:255] or sha256, media_type=media_type,
                           size=size, blob_key=blob_key, kind_hint=kind_hint, status="queued")
            session.add(doc)
            session.flush()
            job_id = None
            if job_kind:
                job = Job(document_id=doc.id, kind=job_kind, status="queued", payload={},
                          max_attempts=max(1, int(max_attempts)))
                session.add(job)
                session.flush()
                job_id = job.id
            result = {"id": doc.id, "created": True, "job_id": job_id, "status": doc.status}
    except IntegrityError:
        existing = _existing(session, sha256)
        if existing is None:
            raise
        return existing
    return result


def _existing(session: Session, sha256: str) -> dict[str, Any] | None:
    doc = session.scalar(select(Document).where(Document.sha256 == sha256))
    if doc is None:
        return None
    job_id = session.scalar(select(Job.id).where(Job.document_id == doc.id).order_by(Job.id.desc()).limit(1))
    return {"id": doc.id, "created": False, "job_id": job_id, "status": doc.status}


def get_document(session: Session, *, document_id: int) -> dict[str, Any]:
    return ser.document_summary(_doc(session, document_id))


def _doc(session: Session, document_id: int) -> Document:
    doc = get_row(session, Document, document_id)
    if doc is None:
        raise NotFound(f"document {document_id} not found")
    return doc


def document_id_by_sha256(session: Session, *, sha256: str) -> int | None:
    return session.scalar(select(Document.id).where(Document.sha256 == sha256))


def set_document_status(session: Session, *, document_id: int, status: str) -> None:
    with write_transaction(session):
        _doc(session, document_id).status = status


def get_document_detail(session: Session, *, document_id: int, include_deleted: bool = False) -> dict[str, Any]:
    """The extraction schema of DESIGN.md, with `id` and `version` on every entity, plus
    document metadata, the activity statements (reports) and the latest extraction run."""
    doc = _doc(session, document_id)
    out = ser.document_summary(doc)
    out.update({"schema": 1, "source": doc.display_name, "warnings": list(doc.warnings or [])})
    for key, table, kind in (("parties", Party, "party"), ("officials", Official, "official"),
                             ("dates", DateMention, "date"), ("commitments", Commitment, "commitment")):
        query = select(table).where(table.document_id == document_id)
        if not include_deleted:
            query = query.where(table.deleted_by.is_(None))
        rows = list(session.scalars(query.order_by(table.id)))
        evidence = ser.evidence_by_owner(session, kind, [r.id for r in rows])
        out[key] = [ser.ENTITY_DICT[kind](r, evidence.get(r.id, [])) for r in rows]
    statements = list(session.scalars(select(ActivityStatement).where(
        ActivityStatement.document_id == document_id, ActivityStatement.deleted.is_(False))
        .order_by(ActivityStatement.seq, ActivityStatement.id)))
    evidence = ser.evidence_by_owner(session, "statement", [s.id for s in statements])
    out["activities"] = [{"id": s.id, "text": s.text, "date": s.date.isoformat() if s.date else None,
                          "parties": list(s.parties or []), "evidence": evidence.get(s.id, [])}
                         for s in statements]
    run = session.scalar(select(ExtractionRun).where(ExtractionRun.document_id == document_id)
                         .order_by(ExtractionRun.id.desc()).limit(1))
    out["last_run"] = ser.run_dict(run) if run else None
    return out


def list_documents(session: Session, *, kind: str | None = None, party: str | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None, status: str | None = None,
                   limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Newest first. `party` matches a live party's name or alias (case/punctuation-insensitive,
    substring); the date range matches any live date mention or the signing date."""
    kind, party, status = (safe_text(v) if v else v for v in (kind, party, status))
    limit = max(1, min(int(limit), MAX_PAGE))
    offset = max(0, int(offset))
    query = select(Document)
    if kind:
        kind = {"report": "activity_report"}.get(kind, kind)
        query = query.where(func.coalesce(Document.kind, Document.kind_hint) == kind)
    if status:
        query = query.where(Document.status == status)
    if party:
        needle = f"%{norm_text(party)}%"
        query = query.where(exists().where(
            Party.document_id == Document.id, Party.deleted_by.is_(None),
            or_(Party.natural_key.like(needle), func.lower(Party.name).like(f"%{party.strip().lower()}%"),
                func.lower(cast(Party.aliases, Text)).like(f"%{party.strip().lower()}%"))))
    if date_from or date_to:
        conds_dates = [DateMention.document_id == Document.id, DateMention.deleted_by.is_(None),
                       DateMention.date.is_not(None)]
        conds_doc = [Document.signed_on.is_not(None)]
        if date_from:
            conds_dates.append(DateMention.date >= date_from)
            conds_doc.append(Document.signed_on >= date_from)
        if date_to:
            conds_dates.append(DateMention.date <= date_to)
            conds_doc.append(Document.signed_on <= date_to)
        query = query.where(or_(exists().where(*conds_dates), and_(*conds_doc)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    docs = list(session.scalars(query.order_by(Document.created_at.desc(), Document.id.desc())
                                .limit(limit).offset(offset)))
    names: dict[int, list[str]] = {d.id: [] for d in docs}
    if docs:
        for doc_id, name in session.execute(select(Party.document_id, Party.name).where(
                ids_in(Party.document_id, names), Party.deleted_by.is_(None)).order_by(Party.id)):
            names[doc_id].append(name)
    items = [{**ser.document_summary(d), "parties": names[d.id]} for d in docs]
    return {"items": items, "total": total, "limit": limit, "offset": offset}




def list_runs(session: Session, *, document_id: int, limit: int = 20) -> list[dict[str, Any]]:
    """Extraction runs of a document, newest first, each with its change report."""
    _doc(session, document_id)
    runs = session.scalars(select(ExtractionRun).where(ExtractionRun.document_id == document_id)
                           .order_by(ExtractionRun.id.desc()).limit(max(1, min(int(limit), MAX_PAGE))))
    return [ser.run_dict(r) for r in runs]
