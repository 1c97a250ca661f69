"""Commitment status and match decisions for the pages: the matching service when it provides
them, otherwise the repository functions it is built on — never a second implementation."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

STATUSES = ("has_activity", "no_activity", "overdue")


def _matching_service() -> Any:
    try:
        from api.services import matching  # type: ignore[attr-defined]
    except ImportError:
        return None
    return matching


def commitment_statuses(session: Session, *, as_of: dt.date | None = None,
                        commitment_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """The array of `janji flags --json` / `GET /flags` (with ids), as of a date."""
    service = _matching_service()
    fn = getattr(service, "commitment_statuses", None) if service else None
    if fn is None:
        from models import repository
        fn = repository.commitment_statuses
    return fn(session, as_of=as_of, commitment_ids=commitment_ids)


def decide_match(session: Session, *, match_id: int, decision: str, reviewer: str,
                 reason: str | None = None) -> dict[str, Any]:
    """decision: confirm | reject (a rejected match never counts again)."""
    status = {"confirm": "confirmed", "reject": "rejected"}[decision]
    service = _matching_service()
    fn = getattr(service, f"{decision}_match", None) if service else None
    if fn is not None:
        return fn(session, match_id=match_id, reviewer=reviewer, reason=reason)
    from models import repository
    return repository.set_match_status(session, match_id=match_id, status=status, reviewer=reviewer, reason=reason)
