"""Rows -> plain dicts in the extraction JSON schema, with `id` and `version` on every entity."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.repo.fields import iso, ts
from models.repo.sql import ids_in
from models.tables import (
    Commitment,
    DateMention,
    Document,
    Evidence,
    ExtractionRun,
    Job,
    Match,
    Official,
    Party,
)


def evidence_by_owner(session: Session, owner_type: str, owner_ids: Iterable[int]) -> dict[int, list[dict]]:
    ids = list(owner_ids)
    out: dict[int, list[dict]] = defaultdict(list)
    if not ids:
        return out
    rows = session.scalars(select(Evidence).where(Evidence.owner_type == owner_type, ids_in(Evidence.owner_id, ids))
                           .order_by(Evidence.owner_id, Evidence.page, Evidence.start, Evidence.id))
    for e in rows:
        out[e.owner_id].append(evidence_dict(e))
    return out


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"page": e.page, "start": e.start, "end": e.end, "text": e.text, "bbox": e.bbox}


def _common(row: Party | Official | DateMention | Commitment) -> dict[str, Any]:
    return {"id": row.id, "version": row.version, "document_id": row.document_id, "origin": row.origin,
            "confidence": row.confidence, "sources": dict(row.field_sources or {}),
            "deleted": row.deleted_by is not None}


def party_dict(p: Party, evidence: list[dict] | None = None) -> dict[str, Any]:
    return {**_common(p), "name": p.name, "aliases": list(p.aliases or []), "role": p.role,
            "evidence": evidence or []}


def official_dict(o: Official, evidence: list[dict] | None = None) -> dict[str, Any]:
    return {**_common(o), "name": o.name, "honorifics": list(o.honorifics or []), "position": o.position,
            "organization": o.organization, "role": o.role, "evidence": evidence or []}


def date_dict(d: DateMention, evidence: list[dict] | None = None) -> dict[str, Any]:
    return {**_common(d), "date": iso(d.date), "role": d.role, "text": d.text, "evidence": evidence or []}


def commitment_dict(c: Commitment, evidence: list[dict] | None = None) -> dict[str, Any]:
    return {**_common(c), "text": c.text, "action": c.action, "parties": list(c.parties or []),
            "due": iso(c.due), "needs_review": c.needs_review, "evidence": evidence or []}


ENTITY_DICT = {"party": party_dict, "official": official_dict, "date": date_dict, "commitment": commitment_dict}


def entity_dict(session: Session, kind: str, row: Any) -> dict[str, Any]:
    if kind == "document":
        return document_summary(row)
    ev = evidence_by_owner(session, kind, [row.id]).get(row.id, [])
    return ENTITY_DICT[kind](row, ev)


def document_summary(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "version": d.version, "sha256": d.sha256, "display_name": d.display_name,
        "media_type": d.media_type, "size": d.size, "status": d.status, "kind": d.kind or d.kind_hint,
        "kind_hint": d.kind_hint, "language": d.language, "title": d.title, "number": d.number,
        "location": d.location, "pages": d.pages, "signed_on": iso(d.signed_on),
        "term": (None if d.term_years is None and d.term_months is None and d.term_days is None else
                 {"years": d.term_years or 0, "months": d.term_months or 0, "days": d.term_days or 0,
                  "text": d.term_text or ""}),
        "sources": dict(d.field_sources or {}),
        "created_at": ts(d.created_at),
        "updated_at": ts(d.updated_at),
    }


def run_dict(r: ExtractionRun) -> dict[str, Any]:
    return {"id": r.id, "document_id": r.document_id, "extractor_version": r.extractor_version,
            "status": r.status, "error_code": r.error_code, "error_message": r.error_message,
            "warnings": list(r.warnings or []), "report": dict(r.report or {}),
            "created_at": ts(r.created_at)}


def job_dict(j: Job) -> dict[str, Any]:
    return {"id": j.id, "document_id": j.document_id, "kind": j.kind, "status": j.status,
            "payload": dict(j.payload or {}), "attempts": j.attempts, "max_attempts": j.max_attempts,
            "lease_owner": j.lease_owner, "lease_expires_at": ts(j.lease_expires_at),
            "error_code": j.error_code, "error_message": j.error_message,
            "created_at": ts(j.created_at), "updated_at": ts(j.updated_at), "finished_at": ts(j.finished_at)}


def match_dict(m: Match) -> dict[str, Any]:
    return {"id": m.id, "commitment_id": m.commitment_id, "statement_id": m.statement_id, "score": m.score,
            "bm25": m.bm25, "cosine": m.cosine, "explanation": dict(m.explanation or {}), "status": m.status,
            "reviewer": m.reviewer, "reviewed_at": ts(m.reviewed_at)}
