"""Reviewer corrections: validated, optimistic-locked, and audited in the same transaction.

Every changed field writes one append-only `field_edits` row in the transaction that changes the
value, so if the audit row cannot be written the edit is rolled back with it. A field a reviewer
set is marked `reviewer` in `field_sources` and re-extraction leaves it alone.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.db import write_transaction
from models.errors import InvalidValue, NotFound, StaleVersion
from models.repo import serialize as ser
from models.repo.extraction import natural_key
from models.repo.fields import EDITABLE, TABLES, entity_kind, to_json, ts, validate_changes
from models.repo.sql import get_row
from models.repo.textsafe import safe_text
from models.tables import FieldEdit, Match

REQUIRED_ON_CREATE = {"party": ("name",), "official": ("name",), "date": ("role",), "commitment": ("text",)}
DEFAULTS = {"party": {"aliases": []}, "official": {"honorifics": []},
            "date": {"text": "", "date": None}, "commitment": {"action": "", "parties": [], "needs_review": False}}


def _audit(session: Session, *, kind: str, entity_id: int, action: str, field: str, old: Any, new: Any,
           who: str, reason: str | None) -> None:
    session.add(FieldEdit(entity_type=kind, entity_id=entity_id, action=action, field=field,
                          old_value=to_json(old), new_value=to_json(new), who=safe_text(who)[:200],
                          reason=safe_text(reason) if reason else reason))


def _load(session: Session, kind: str, entity_id: int) -> Any:
    row = get_row(session, TABLES[kind], entity_id, populate_existing=True)
    if row is None or getattr(row, "deleted_by", None) == "reviewer":
        raise NotFound(f"{kind} {entity_id} not found")
    return row


def get_entity(session: Session, *, kind: str, entity_id: int) -> dict[str, Any]:
    kind = entity_kind(kind)
    return ser.entity_dict(session, kind, _load(session, kind, entity_id))


def patch_entity(session: Session, *, kind: str, entity_id: int, changes: dict[str, Any], expected_version: int,
                 who: str, reason: str | None = None) -> dict[str, Any]:
    """Apply a reviewer's changes. Raises InvalidValue (nothing changed), NotFound, StaleVersion
    (the row's version is not `expected_version`, also when another edit commits concurrently)."""
    kind = entity_kind(kind)
    clean = validate_changes(kind, changes)
    try:
        with write_transaction(session):
            row = _load(session, kind, entity_id)
            if row.version != expected_version:
                raise StaleVersion(f"{kind} {entity_id} is at version {row.version}, not {expected_version}",
                                   current_version=row.version)
            sources = dict(row.field_sources or {})
            for field, value in clean.items():
                old = getattr(row, field)
                newly_locked = sources.get(field) != "reviewer"
                sources[field] = "reviewer"
                if to_json(old) == to_json(value) and not newly_locked:
                    continue  # nothing changes at all
                # an unchanged value is still audited when the reviewer confirms (locks) it
                setattr(row, field, value)
                _audit(session, kind=kind, entity_id=row.id, action="update", field=field, old=old, new=value,
                       who=who, reason=reason)
            if sources != (row.field_sources or {}):
                row.field_sources = sources
            session.flush()
            result = ser.entity_dict(session, kind, row)
    except StaleDataError:
        current = get_row(session, TABLES[kind], entity_id, populate_existing=True)
        raise StaleVersion(f"{kind} {entity_id} was changed by someone else",
                           current_version=current.version if current else None) from None
    return result


def add_entity(session: Session, *, kind: str, document_id: int, values: dict[str, Any], who: str,
               reason: str | None = None) -> dict[str, Any]:
    """A reviewer adds a party, official, date or commitment the extractor missed."""
    kind = entity_kind(kind)
    if kind == "document":
        raise InvalidValue("documents are created by uploading them")
    missing = [f for f in REQUIRED_ON_CREATE[kind] if f not in values]
    if missing:
        raise InvalidValue(f"{missing[0]} is required", field=missing[0])
    clean = {**DEFAULTS[kind], **validate_changes(kind, values)}
    from models.repo.documents import _doc
    with write_transaction(session):
        _doc(session, document_id)
        table = TABLES[kind]
        key = natural_key(kind, {**{f: None for f in EDITABLE[kind]}, **clean})
        taken = set(session.scalars(select(table.natural_key).where(table.document_id == document_id,
                                                                    table.natural_key.like(f"{key}%"))))
        free, n = key, 2
        while free in taken:
            free, n = f"{key}#{n}", n + 1
        row = table(document_id=document_id, natural_key=free, origin="reviewer", confidence=1.0,
                    field_sources={f: "reviewer" for f in values}, **clean)
        session.add(row)
        session.flush()
        _audit(session, kind=kind, entity_id=row.id, action="create", field="*", old=None,
               new={k: to_json(v) for k, v in clean.items()}, who=who, reason=reason)
        session.flush()
        result = ser.entity_dict(session, kind, row)
    return result


def delete_entity(session: Session, *, kind: str, entity_id: int, who: str, reason: str | None = None,
                  expected_version: int | None = None) -> None:
    """Reviewer removal: the row is kept, marked deleted by the reviewer, and never resurrected."""
    _set_deleted(session, kind=kind, entity_id=entity_id, deleted=True, who=who, reason=reason,
                 expected_version=expected_version)


def restore_entity(session: Session, *, kind: str, entity_id: int, who: str, reason: str | None = None) -> dict:
    _set_deleted(session, kind=kind, entity_id=entity_id, deleted=False, who=who, reason=reason,
                 expected_version=None)
    return get_entity(session, kind=kind, entity_id=entity_id)


def _set_deleted(session: Session, *, kind: str, entity_id: int, deleted: bool, who: str, reason: str | None,
                 expected_version: int | None) -> None:
    kind = entity_kind(kind)
    if kind == "document":
        raise InvalidValue("documents cannot be deleted through review")
    try:
        with write_transaction(session):
            row = get_row(session, TABLES[kind], entity_id, populate_existing=True)
            if row is None or (row.deleted_by == "reviewer") == deleted:
                raise NotFound(f"{kind} {entity_id} not found" if deleted else f"{kind} {entity_id} is not deleted")
            if expected_version is not None and row.version != expected_version:
                raise StaleVersion(f"{kind} {entity_id} is at version {row.version}", current_version=row.version)
            old = row.deleted_by is not None
            row.deleted_by = "reviewer" if deleted else None
            _audit(session, kind=kind, entity_id=row.id, action="delete" if deleted else "update",
                   field="deleted", old=old, new=deleted, who=who, reason=reason)
            session.flush()
    except StaleDataError:
        raise StaleVersion(f"{kind} {entity_id} was changed by someone else") from None


def document_history(session: Session, *, document_id: int, limit: int = 200) -> list[dict[str, Any]]:
    """Every audited change to a document and its parties, officials, dates and commitments,
    newest first (for a review page)."""
    from models.repo.documents import _doc
    _doc(session, document_id)
    conds = [(FieldEdit.entity_type == "document") & (FieldEdit.entity_id == document_id)]
    for kind in ("party", "official", "date", "commitment"):
        table = TABLES[kind]
        ids = select(table.id).where(table.document_id == document_id).scalar_subquery()
        conds.append((FieldEdit.entity_type == kind) & FieldEdit.entity_id.in_(ids))
    rows = session.scalars(select(FieldEdit).where(or_(*conds)).order_by(FieldEdit.id.desc())
                           .limit(max(1, min(int(limit), 1000))))
    return [_edit_dict(r) for r in rows]


def _edit_dict(r: FieldEdit) -> dict[str, Any]:
    return {"id": r.id, "entity_type": r.entity_type, "entity_id": r.entity_id, "action": r.action,
            "field": r.field, "old": r.old_value, "new": r.new_value, "who": r.who, "reason": r.reason,
            "at": ts(r.at)}


def history(session: Session, *, kind: str, entity_id: int) -> list[dict[str, Any]]:
    """Every audited change of one entity, oldest first: who, when, field, old, new, reason."""
    if kind in ("match", "matches"):
        kind = "match"
        if get_row(session, Match, entity_id) is None:
            raise NotFound(f"match {entity_id} not found")
    else:
        kind = entity_kind(kind)
        if get_row(session, TABLES[kind], entity_id) is None:
            raise NotFound(f"{kind} {entity_id} not found")
    rows = session.scalars(select(FieldEdit).where(FieldEdit.entity_type == kind, FieldEdit.entity_id == entity_id)
                           .order_by(FieldEdit.id))
    return [_edit_dict(r) for r in rows]
