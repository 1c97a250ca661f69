"""Persist one extraction run in one transaction, reconciling with what is stored.

Rows are recognised again by their natural key (normalised name / role+date / normalised text;
for parties also an alias, for commitments a near-identical wording), so ids, matches and reviewer
edits survive re-extraction. Reviewer values win: a reviewer-sourced field is never overwritten
and a reviewer-deleted row is never resurrected; both are reported as differences for review.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from models.db import is_sqlite, write_transaction
from models.errors import NotFound
from models.normalize import (
    commitment_key,
    date_key,
    norm_text,
    official_key,
    party_key,
    similarity,
)
from models.repo.fields import TABLES, document_values, extracted_values, to_json
from models.repo.sql import ids_in
from models.repo.textsafe import deep_safe, safe_text
from models.tables import Document, Evidence, ExtractionRun

ENTITY_LISTS = (("party", "parties"), ("official", "officials"), ("date", "dates"), ("commitment", "commitments"))
REWORDED_COMMITMENT = 0.8  # token Jaccard above which a reworded commitment is the same commitment
RUN_STATUSES = ("succeeded", "partial", "failed", "rejected")


def natural_key(kind: str, values: dict[str, Any]) -> str:
    if kind == "party":
        return party_key(values["name"])
    if kind == "official":
        return official_key(values["name"])
    if kind == "date":
        return date_key(values["role"], to_json(values["date"]), values["text"])
    return commitment_key(values["text"])


def save_extraction(session: Session, *, document_id: int, extraction: dict[str, Any] | None, run_status: str,
                    extractor_version: str = "", error_code: str | None = None,
                    error_message: str | None = None) -> dict[str, Any]:
    """Record a run and (unless it failed or was rejected) reconcile its entities, atomically.

    Returns the report also stored on the run: {"run_id", "status", "created", "updated",
    "removed" (counts per kind), "changed" (extractor values replaced: entity, id, field, old,
    new; first 500), "kept_reviewer" (reviewer values that differ from the new
    extraction: entity, id, field, current, extracted), "suppressed_deleted" (reviewer-deleted rows
    the extractor found again), "kept_unmatched" (reviewer-touched rows it no longer found)}.
    """
    if run_status not in RUN_STATUSES:
        raise ValueError(f"run_status must be one of {RUN_STATUSES}")
    extraction = deep_safe(extraction) if extraction is not None else None
    error_message = safe_text(error_message) if error_message else error_message
    with write_transaction(session):
        doc = session.scalar(select(Document).where(Document.id == document_id)
                             .with_for_update(of=Document) if not is_sqlite(session)
                             else select(Document).where(Document.id == document_id))
        if doc is None:
            raise NotFound(f"document {document_id} not found")
        report: dict[str, Any] = {"created": {}, "updated": {}, "removed": {}, "changed": [], "kept_reviewer": [],
                                  "suppressed_deleted": [], "kept_unmatched": []}
        warnings = list((extraction or {}).get("warnings") or [])
        if extraction is not None and run_status in ("succeeded", "partial"):
            _apply_document(doc, extraction, report)
            for kind, key in ENTITY_LISTS:
                _reconcile(session, doc.id, kind, extraction.get(key) or [], report)
            _reconcile_statements(session, doc.id, extraction.get("activities") or [], report)
            doc.warnings = warnings
        doc.status = run_status
        run = ExtractionRun(document_id=doc.id, extractor_version=extractor_version[:64], status=run_status,
                            error_code=error_code, error_message=error_message, warnings=warnings, report=report)
        session.add(run)
        session.flush()
        result = {"run_id": run.id, "status": run_status, **report}
    return result


def _apply_document(doc: Document, extraction: dict[str, Any], report: dict[str, Any]) -> None:
    sources = doc.field_sources or {}
    changed = 0
    for field, new in document_values(extraction).items():
        current = getattr(doc, field)
        if to_json(current) == to_json(new):
            continue
        if sources.get(field) == "reviewer":
            report["kept_reviewer"].append({"entity": "document", "id": doc.id, "field": field,
                                            "current": to_json(current), "extracted": to_json(new)})
            continue
        _note_change(report, "document", doc.id, field, current, new)
        setattr(doc, field, new)
        changed += 1
    term = extraction.get("term") or {}
    doc.term_text = term.get("text") if term else None
    doc.pages = extraction.get("pages")
    if changed:
        report["updated"]["document"] = changed


MAX_CHANGES_REPORTED = 500


def _note_change(report: dict[str, Any], kind: str, entity_id: int, field: str, old: Any, new: Any) -> None:
    """Extractor-sourced values this run changed (old -> new), for review; bounded in size."""
    if len(report["changed"]) < MAX_CHANGES_REPORTED:
        report["changed"].append({"entity": kind, "id": entity_id, "field": field, "old": to_json(old),
                                  "new": to_json(new)})


def _incoming(kind: str, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Incoming items by natural key; the same entity found in several places is merged (all evidence kept)."""
    merged: dict[str, dict[str, Any]] = {}
    for item in items:
        values = extracted_values(kind, item)
        if kind in ("party", "official") and not values["name"]:
            continue
        if kind == "commitment" and not (values["text"] or "").strip():
            continue
        key = natural_key(kind, values)
        if key in merged:
            merged[key]["evidence"].extend(item.get("evidence") or [])
            continue
        merged[key] = {"values": values, "evidence": list(item.get("evidence") or []),
                       "confidence": item.get("confidence")}
    return merged


def _reconcile(session: Session, document_id: int, kind: str, items: list[dict[str, Any]],
               report: dict[str, Any]) -> None:
    table = TABLES[kind]
    incoming = _incoming(kind, items)
    existing = list(session.scalars(select(table).where(table.document_id == document_id).order_by(table.id)))
    by_key = {row.natural_key: row for row in existing}
    # exact keys first, then fallbacks among the rows still free: the result does not depend on order
    matched: dict[str, Any] = {key: by_key[key] for key in incoming if key in by_key}
    taken = {row.id for row in matched.values()}
    for key, item in incoming.items():
        if key not in matched:
            row = _fallback_match(kind, item["values"], existing, taken)
            if row is not None:
                matched[key] = row
                taken.add(row.id)
    seen: set[int] = set()
    evidence: dict[int, list[dict[str, Any]]] = {}
    created = updated = 0
    for key, item in incoming.items():
        row = matched.get(key)
        if row is None:
            row = table(document_id=document_id, natural_key=_free_key(key, by_key), origin="extractor",
                        confidence=item["confidence"], field_sources={}, **item["values"])
            session.add(row)
            session.flush()
            by_key[row.natural_key] = row
            created += 1
        else:
            if row.deleted_by == "reviewer":
                seen.add(row.id)
                report["suppressed_deleted"].append({"entity": kind, "id": row.id,
                                                     "extracted": {k: to_json(v) for k, v in item["values"].items()}})
                continue
            updated += _update_row(kind, row, item, report)
        seen.add(row.id)
        evidence[row.id] = item["evidence"]
    replace_evidence_many(session, document_id, kind, evidence)
    removed = 0
    for row in existing:
        if row.id in seen or row.deleted_by is not None:
            continue
        if row.origin == "reviewer" or row.field_sources:
            report["kept_unmatched"].append({"entity": kind, "id": row.id})
            continue
        row.deleted_by = "extractor"
        removed += 1
    for name, count in (("created", created), ("updated", updated), ("removed", removed)):
        if count:
            report[name][kind] = count


def _fallback_match(kind: str, values: dict[str, Any], existing: list[Any], seen: set[int]) -> Any:
    """An existing row whose CURRENT values (e.g. after a reviewer's correction) identify the same
    entity: same key from current values, a shared party alias, or a near-identical commitment."""
    candidates = [r for r in existing if r.id not in seen]
    key = natural_key(kind, values)
    for row in candidates:
        if natural_key(kind, {f: getattr(row, f) for f in values}) == key:
            return row
    if kind == "party":
        names = {norm_text(values["name"])} | {norm_text(a) for a in values.get("aliases") or []}
        for row in candidates:
            theirs = {norm_text(row.name), row.natural_key} | {norm_text(a) for a in row.aliases or []}
            if names & theirs:
                return row
    if kind == "commitment":
        best, best_score = None, REWORDED_COMMITMENT
        for row in candidates:
            score = similarity(values["text"], row.text)
            if score >= best_score:
                best, best_score = row, score
        return best
    return None


def _free_key(key: str, taken: dict[str, Any]) -> str:
    if key not in taken:
        return key
    n = 2
    while f"{key}#{n}" in taken:
        n += 1
    return f"{key}#{n}"


def _update_row(kind: str, row: Any, item: dict[str, Any], report: dict[str, Any]) -> int:
    sources = row.field_sources or {}
    changed = False
    if row.deleted_by == "extractor":
        row.deleted_by = None
        changed = True
    for field, new in item["values"].items():
        current = getattr(row, field)
        if to_json(current) == to_json(new):
            continue
        if sources.get(field) == "reviewer":
            report["kept_reviewer"].append({"entity": kind, "id": row.id, "field": field,
                                            "current": to_json(current), "extracted": to_json(new)})
            continue
        _note_change(report, kind, row.id, field, current, new)
        setattr(row, field, new)
        changed = True
    if item["confidence"] is not None and row.confidence != item["confidence"]:
        row.confidence = item["confidence"]
    return int(changed)


def replace_evidence_many(session: Session, document_id: int, owner_type: str,
                          evidence_by_owner: dict[int, list[dict[str, Any]]]) -> None:
    """Replace the evidence of several owners with one DELETE and one multi-row INSERT."""
    if not evidence_by_owner:
        return
    rows: list[dict[str, Any]] = []
    for owner_id, evidence in evidence_by_owner.items():
        seen: set[tuple[int, int, int]] = set()
        for e in evidence:
            ident = (int(e.get("page") or 1), int(e["start"]), int(e["end"]))
            if ident in seen:
                continue
            seen.add(ident)
            bbox = e.get("bbox")
            rows.append({"document_id": document_id, "owner_type": owner_type, "owner_id": owner_id,
                         "page": ident[0], "start": ident[1], "end": ident[2], "text": e.get("text") or "",
                         "bbox": [float(v) for v in bbox] if bbox else None})
    session.execute(delete(Evidence).where(Evidence.owner_type == owner_type,
                                           ids_in(Evidence.owner_id, evidence_by_owner))
                    .execution_options(synchronize_session=False))
    if rows:
        session.execute(insert(Evidence), rows)


def _reconcile_statements(session: Session, document_id: int, items: list[dict[str, Any]],
                          report: dict[str, Any]) -> None:
    from models.repo.matching import store_statements
    if items:
        report["statements"] = len(store_statements(session, document_id=document_id, statements=items))

