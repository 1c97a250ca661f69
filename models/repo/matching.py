"""Activity statements, matches, embeddings and commitment status for the matcher.

A match keeps its reviewer decision: `upsert_match` refreshes the scores of a proposed match but
never touches a confirmed or rejected one, and a rejected match never counts as activity again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.db import write_transaction
from models.errors import InvalidValue, NotFound
from models.normalize import same_sentence, statement_key
from models.repo.embeddings import load_embeddings, save_embeddings, text_sha256  # noqa: F401 (re-export)
from models.repo.fields import iso, lenient_date, to_json
from models.repo.serialize import evidence_by_owner, match_dict
from models.repo.sql import get_row, ids_in
from models.repo.textsafe import deep_safe, safe_text
from models.tables import (
    MATCH_STATUSES,
    ActivityStatement,
    Commitment,
    Document,
    FieldEdit,
    Match,
    Official,
    Party,
    utcnow,
)

COUNTING = ("proposed", "confirmed")  # rejected matches never count


# --- activity statements -------------------------------------------------------------------------

def store_statements(session: Session, *, document_id: int, statements: list[dict[str, Any]]) -> list[int]:
    """Reconcile a report's statements inside the caller's transaction; ids (and so reviewed
    matches) survive re-extraction, also when the wording changed slightly. Statements no longer
    found are marked deleted (their proposed matches removed, reviewed ones kept)."""
    from models.repo.extraction import REWORDED_COMMITMENT, replace_evidence_many
    rows = list(session.scalars(select(ActivityStatement).where(ActivityStatement.document_id == document_id)
                                .order_by(ActivityStatement.id)))
    by_key = {s.natural_key: s for s in rows}
    incoming: list[tuple[int, str, dict[str, Any]]] = []
    seen_keys: set[str] = set()
    for seq, item in enumerate(statements):
        text = (item.get("text") or "").strip()
        key = statement_key(text)
        if key and key not in seen_keys:
            seen_keys.add(key)
            incoming.append((seq, key, item))
    chosen: dict[str, ActivityStatement] = {key: by_key[key] for _, key, _ in incoming if key in by_key}
    used = {row.id for row in chosen.values()}
    for _, key, item in incoming:  # reworded statements: the most similar unused row
        if key in chosen:
            continue
        best, best_score = None, REWORDED_COMMITMENT
        for row in rows:
            score = same_sentence(item.get("text"), row.text) if row.id not in used else 0.0
            if score >= best_score:
                best, best_score = row, score
        if best is not None:
            chosen[key] = best
            used.add(best.id)
    ids: list[int] = []
    evidence: dict[int, list[dict[str, Any]]] = {}
    for seq, key, item in incoming:
        values = {"seq": seq, "text": (item.get("text") or "").strip(), "date": lenient_date(item.get("date")),
                  "parties": list(item.get("parties") or []), "deleted": False}
        row = chosen.get(key)
        if row is None:
            row = ActivityStatement(document_id=document_id, natural_key=key, **values)
            session.add(row)
            session.flush()
        else:
            for field, value in values.items():
                if to_json(getattr(row, field)) != to_json(value):
                    setattr(row, field, value)
        evidence[row.id] = list(item.get("evidence") or [])
        ids.append(row.id)
    replace_evidence_many(session, document_id, "statement", evidence)
    gone = [s.id for s in rows if s.id not in used and not s.deleted]
    if gone:
        for s in rows:
            if s.id in gone:
                s.deleted = True
        session.execute(delete(Match).where(ids_in(Match.statement_id, gone), Match.status == "proposed"))
    session.flush()
    return ids


def save_statements(session: Session, *, document_id: int, statements: list[dict[str, Any]]) -> list[int]:
    """Store a report's activity statements ({"text", "date", "parties", "evidence"}); returns ids in order."""
    statements = deep_safe(statements)
    with write_transaction(session):
        if get_row(session, Document, document_id) is None:
            raise NotFound(f"document {document_id} not found")
        ids = store_statements(session, document_id=document_id, statements=statements)
    return ids


def list_statements(session: Session, *, document_id: int | None = None,
                    statement_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    query = select(ActivityStatement, Document).join(Document, Document.id == ActivityStatement.document_id) \
        .where(ActivityStatement.deleted.is_(False))
    if document_id is not None:
        query = query.where(ActivityStatement.document_id == document_id)
    if statement_ids is not None:
        query = query.where(ids_in(ActivityStatement.id, statement_ids))
    rows = session.execute(query.order_by(ActivityStatement.document_id, ActivityStatement.seq,
                                          ActivityStatement.id)).all()
    evidence = evidence_by_owner(session, "statement", [s.id for s, _ in rows])
    return [{"id": s.id, "document_id": s.document_id, "report": d.display_name, "text": s.text,
             "date": iso(s.date), "parties": list(s.parties or []), "evidence": evidence.get(s.id, [])}
            for s, d in rows]


# --- commitments ---------------------------------------------------------------------------------

def _live_parties(session: Session, document_ids: Iterable[int] | None) -> dict[int, list[dict[str, Any]]]:
    """Live parties ({name, aliases}) per document; all documents when `document_ids` is None."""
    query = select(Party.document_id, Party.name, Party.aliases).where(Party.deleted_by.is_(None))
    if document_ids is not None:
        query = query.where(ids_in(Party.document_id, document_ids))
    out: dict[int, list[dict[str, Any]]] = {}
    for doc_id, name, aliases in session.execute(query.order_by(Party.id)):
        out.setdefault(doc_id, []).append({"name": name, "aliases": list(aliases or [])})
    return out


def _live_officials(session: Session, document_ids: Iterable[int] | None) -> dict[int, list[dict[str, Any]]]:
    """Live officials ({name, organization}) per document; all documents when `document_ids` is None."""
    query = select(Official.document_id, Official.name, Official.organization).where(Official.deleted_by.is_(None))
    if document_ids is not None:
        query = query.where(ids_in(Official.document_id, document_ids))
    out: dict[int, list[dict[str, Any]]] = {}
    for doc_id, name, organization in session.execute(query.order_by(Official.id)):
        out.setdefault(doc_id, []).append({"name": name, "organization": organization})
    return out


def open_commitments(session: Session, *, document_ids: Sequence[int] | None = None,
                     commitment_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Live commitments with what linking needs: agreement id/title/number/kind and the live
    parties (names and aliases) and officials (name, organisation) of their document. Ordered by id. (Plain column rows, not ORM
    objects: 100,000 commitments load in about a second.)"""
    query = (select(Commitment.id, Commitment.document_id, Commitment.text, Commitment.action, Commitment.parties,
                    Commitment.due, Commitment.needs_review, Commitment.version, Document.title, Document.number,
                    Document.kind, Document.kind_hint, Document.display_name, Document.signed_on)
             .join(Document, Document.id == Commitment.document_id).where(Commitment.deleted_by.is_(None)))
    if document_ids is not None:
        query = query.where(ids_in(Commitment.document_id, document_ids))
    if commitment_ids is not None:
        query = query.where(ids_in(Commitment.id, commitment_ids))
    rows = session.execute(query.order_by(Commitment.id)).all()
    filtered = document_ids is not None or commitment_ids is not None
    parties = _live_parties(session, {r.document_id for r in rows} if filtered else None) if rows else {}
    officials = _live_officials(session, {r.document_id for r in rows} if filtered else None) if rows else {}
    agreements: dict[int, dict[str, Any]] = {}
    out = []
    for r in rows:
        agreement = agreements.get(r.document_id)
        if agreement is None:
            agreement = agreements[r.document_id] = {
                "id": r.document_id, "title": r.title, "number": r.number, "kind": r.kind or r.kind_hint,
                "source": r.display_name, "signed_on": iso(r.signed_on)}
        out.append({"id": r.id, "document_id": r.document_id, "text": r.text, "action": r.action,
                    "parties": list(r.parties or []), "due": iso(r.due), "needs_review": r.needs_review,
                    "version": r.version, "agreement": agreement,
                    "document_parties": parties.get(r.document_id, []),
                    "document_officials": officials.get(r.document_id, [])})
    return out


def list_agreements(session: Session, *, exclude_kinds: Sequence[str] = ("activity_report",)) -> list[dict[str, Any]]:
    """Documents that can hold commitments, with their live parties: what report linking needs,
    without loading every commitment. Ordered by id."""
    rows = session.execute(
        select(Document.id, Document.title, Document.number, Document.kind, Document.kind_hint,
               Document.display_name, Document.signed_on)
        .where(func.coalesce(Document.kind, Document.kind_hint, "other").not_in(list(exclude_kinds)))
        .order_by(Document.id)).all()
    parties = _live_parties(session, None) if rows else {}
    return [{"id": r.id, "title": r.title, "number": r.number, "kind": r.kind or r.kind_hint,
             "source": r.display_name, "signed_on": iso(r.signed_on), "parties": parties.get(r.id, [])}
            for r in rows]


# --- matches -------------------------------------------------------------------------------------

def upsert_match(session: Session, *, commitment_id: int, statement_id: int, score: float,
                 bm25: float | None = None, cosine: float | None = None,
                 explanation: dict[str, Any] | None = None) -> int:
    """Create or refresh a proposed match; a reviewed (confirmed/rejected) match keeps its status
    and scores. Returns the match id."""
    with write_transaction(session):
        match_id = _upsert(session, commitment_id, statement_id, score, bm25, cosine, explanation)
    return match_id


def upsert_matches(session: Session, *, matches: Iterable[dict[str, Any]]) -> list[int]:
    """Several `upsert_match` calls in one transaction (dicts with the same keyword names)."""
    with write_transaction(session):
        ids = [_upsert(session, m["commitment_id"], m["statement_id"], m["score"], m.get("bm25"),
                       m.get("cosine"), m.get("explanation")) for m in matches]
    return ids


def _upsert(session: Session, commitment_id: int, statement_id: int, score: float, bm25: float | None,
            cosine: float | None, explanation: dict[str, Any] | None) -> int:
    match = session.scalar(select(Match).where(Match.commitment_id == commitment_id,
                                               Match.statement_id == statement_id))
    if match is None:
        match = Match(commitment_id=commitment_id, statement_id=statement_id, score=float(score),
                      bm25=_f(bm25), cosine=_f(cosine), explanation=deep_safe(explanation or {}), status="proposed")
        session.add(match)
        session.flush()
    elif match.status == "proposed":
        match.score, match.bm25, match.cosine = float(score), _f(bm25), _f(cosine)
        match.explanation = deep_safe(explanation or {})
    return match.id


def _f(value: float | None) -> float | None:
    return None if value is None else float(value)


def clear_proposed_matches(session: Session, *, statement_ids: Sequence[int] | None = None,
                           commitment_ids: Sequence[int] | None = None) -> int:
    """Drop unreviewed matches before re-matching (reviewed ones stay)."""
    with write_transaction(session):
        query = delete(Match).where(Match.status == "proposed")
        if statement_ids is not None:
            query = query.where(ids_in(Match.statement_id, statement_ids))
        if commitment_ids is not None:
            query = query.where(ids_in(Match.commitment_id, commitment_ids))
        count = session.execute(query).rowcount
    return count


def get_match(session: Session, *, match_id: int) -> dict[str, Any]:
    match = get_row(session, Match, match_id, populate_existing=True)
    if match is None:
        raise NotFound(f"match {match_id} not found")
    return match_dict(match)


def list_matches(session: Session, *, commitment_id: int | None = None, statement_id: int | None = None,
                 status: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    query = select(Match)
    if commitment_id is not None:
        query = query.where(Match.commitment_id == commitment_id)
    if statement_id is not None:
        query = query.where(Match.statement_id == statement_id)
    if status:
        query = query.where(Match.status == status)
    query = query.order_by(Match.score.desc(), Match.id).limit(min(limit, 1000)).offset(offset)
    return [match_dict(m) for m in session.scalars(query)]


def set_match_status(session: Session, *, match_id: int, status: str, reviewer: str,
                     reason: str | None = None) -> dict[str, Any]:
    """Confirm or reject a match (audited in field_edits as entity `match`)."""
    if status not in MATCH_STATUSES:
        raise InvalidValue(f"status must be one of {', '.join(MATCH_STATUSES)}", field="status")
    with write_transaction(session):
        match = get_row(session, Match, match_id, populate_existing=True)
        if match is None:
            raise NotFound(f"match {match_id} not found")
        if match.status != status:
            session.add(FieldEdit(entity_type="match", entity_id=match.id, action="status", field="status",
                                  old_value=match.status, new_value=status, who=safe_text(reviewer)[:200],
                                  reason=safe_text(reason) if reason else reason))
            match.status, match.reviewer, match.reviewed_at = status, safe_text(reviewer)[:200], utcnow()
        session.flush()
        result = match_dict(match)
    return result


# --- status per commitment -----------------------------------------------------------------------

def commitment_statuses(session: Session, *, as_of: dt.date | None = None,
                        commitment_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Each live commitment with `status` as of a date: `has_activity` (a proposed or confirmed
    match to a statement dated on/before `as_of`, or undated), else `overdue` (due before
    `as_of`), else `no_activity`. The shape of `janji flags --json`, plus ids."""
    as_of = as_of or dt.date.today()
    commitments = open_commitments(session, commitment_ids=commitment_ids)
    ids = [c["id"] for c in commitments]
    activity: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        query = (select(Match, ActivityStatement, Document)
                 .join(ActivityStatement, ActivityStatement.id == Match.statement_id)
                 .join(Document, Document.id == ActivityStatement.document_id)
                 .where(Match.status.in_(COUNTING), ActivityStatement.deleted.is_(False),
                        (ActivityStatement.date.is_(None)) | (ActivityStatement.date <= as_of)))
        if commitment_ids is not None:  # otherwise every match counts for its (live) commitment below
            query = query.where(ids_in(Match.commitment_id, ids))
        for m, s, d in session.execute(query.order_by(Match.score.desc(), Match.id)).all():
            if m.commitment_id not in activity:
                continue  # a retired commitment
            activity[m.commitment_id].append({"match_id": m.id, "statement_id": s.id, "report": d.display_name,
                                              "report_id": d.id, "text": s.text, "date": iso(s.date),
                                              "score": m.score, "status": m.status})
    out = []
    for c in commitments:
        evidence = activity[c["id"]]
        due = lenient_date(c["due"])
        status = "has_activity" if evidence else ("overdue" if due and due < as_of else "no_activity")
        agreement = c["agreement"]
        out.append({"commitment_id": c["id"], "text": c["text"],
                    "agreement": agreement["title"] or agreement["number"] or agreement["source"],
                    "agreement_id": agreement["id"], "parties": c["parties"], "status": status, "due": c["due"],
                    "evidence": evidence})
    return out

