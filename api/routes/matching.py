"""Activity reports, matches and flags: upload a report, confirm/reject a match, list flags."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from api.auth import Ingester, Reader, Reviewer
from api.deps import RuntimeDep, SessionDep
from api.errors import ApiError
from api.routes import AUTH_ERRORS, PREFIX, documents, errors
from api.schemas import UploadAccepted
from api.services import matching

router = APIRouter(prefix=PREFIX, tags=["matching"])

MatchId = Annotated[int, Path(ge=1, le=2**31 - 1, description="match id")]
CommitmentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="commitment id")]


class Evidence(BaseModel):
    report: str = Field(description="file name of the activity report")
    text: str = Field(description="the activity statement")
    score: float = Field(description="fused match score")


class Flag(BaseModel):
    commitment_id: int
    text: str
    agreement: str
    parties: list[str]
    status: str = Field(description="has_activity | no_activity | overdue")
    due: str | None
    evidence: list[Evidence]


class Decision(BaseModel):
    reason: str | None = Field(None, max_length=2000)


@router.post("/reports", status_code=202, response_model=UploadAccepted, openapi_extra=documents.UPLOAD_BODY,
             summary="Upload an activity report (matched against stored commitments when extracted)",
             responses=errors(400, 401, 403, 413, 415, 422, 503, 507))
async def upload_report(request: Request, runtime: RuntimeDep, principal: Ingester) -> UploadAccepted:
    return await documents.upload_document(request, runtime, principal, kind="report")


@router.get("/flags", response_model=list[Flag], summary="Commitments and their status (the `janji flags` array)",
            responses=AUTH_ERRORS)
def get_flags(session: SessionDep, principal: Reader,
              all: Annotated[bool, Query(description="every commitment, not only flagged ones")] = False,
              as_of: Annotated[dt.date | None, Query(description="status as of this date (default today)")] = None,
              ) -> list[dict[str, Any]]:
    return matching.flags(session, as_of=as_of or dt.date.today(), only_flagged=not all)


@router.get("/commitments/{commitment_id}/matches", summary="Matches of a commitment with their explanation",
            responses={**AUTH_ERRORS, **errors(404)})
def commitment_matches(commitment_id: CommitmentId, session: SessionDep, principal: Reader) -> list[dict[str, Any]]:
    from models import repository

    if not repository.open_commitments(session, commitment_ids=[commitment_id]):
        raise ApiError("not_found", f"commitment {commitment_id} not found")
    rows = repository.list_matches(session, commitment_id=commitment_id, limit=1000)
    statements = {s["id"]: s for s in repository.list_statements(
        session, statement_ids=[m["statement_id"] for m in rows])} if rows else {}
    for m in rows:
        s = statements.get(m["statement_id"])
        m["statement"] = s and {"text": s["text"], "date": s["date"], "report": s["report"],
                                "document_id": s["document_id"], "evidence": s["evidence"]}
    return rows


@router.post("/matches/{match_id}/confirm", summary="Confirm a match: it always counts as activity",
             responses={**AUTH_ERRORS, **errors(404)})
def confirm(match_id: MatchId, session: SessionDep, principal: Reviewer, body: Decision | None = None
            ) -> dict[str, Any]:
    return matching.confirm_match(session, match_id=match_id, reviewer=principal.actor,
                                  reason=body.reason if body else None)


@router.post("/matches/{match_id}/reject", summary="Reject a match: it never counts again",
             responses={**AUTH_ERRORS, **errors(404)})
def reject(match_id: MatchId, session: SessionDep, principal: Reviewer, body: Decision | None = None
           ) -> dict[str, Any]:
    return matching.reject_match(session, match_id=match_id, reviewer=principal.actor,
                                 reason=body.reason if body else None)
