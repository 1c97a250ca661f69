"""Reviewer corrections: PATCH with If-Match, add and remove rows, and the audit history.

Optimistic locking: every row has a `version`; a PATCH or DELETE must send it as `If-Match`
(missing -> 428, stale -> 412). The new version comes back in the body and as `ETag`.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Response
from pydantic import BaseModel

from api.auth import Reader, Reviewer
from api.deps import SessionDep
from api.errors import ApiError
from api.routes import AUTH_ERRORS, PREFIX, errors
from api.schemas import (
    CommitmentCreate,
    CommitmentOut,
    CommitmentPatch,
    DateOut,
    DatePatch,
    HistoryEntry,
    OfficialCreate,
    OfficialOut,
    OfficialPatch,
    PartyCreate,
    PartyOut,
    PartyPatch,
)

router = APIRouter(prefix=PREFIX, tags=["review"])

EntityId = Annotated[int, Path(ge=1, le=2**31 - 1)]
IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=40,
                                       description="the `version` you read, e.g. `3` or `\"3\"`")]
EDIT_ERRORS = {**AUTH_ERRORS, **errors(400, 404, 412, 428)}


def expected_version(if_match: str | None) -> int:
    if if_match is None or not if_match.strip():
        raise ApiError("precondition_required", "send the version you edited as If-Match (e.g. If-Match: 3)")
    raw = if_match.strip()
    raw = raw.removeprefix("W/")
    raw = raw.strip('"')
    if not raw.isdigit():
        raise ApiError("bad_request", "If-Match must be the integer version of the row")
    return int(raw)


def _with_etag(response: Response, item: dict) -> dict:
    response.headers["ETag"] = f'"{item["version"]}"'
    return item


def _patch(session, kind: str, entity_id: int, body: BaseModel, if_match: str | None, who: str) -> dict:
    from models import repository

    version = expected_version(if_match)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True, mode="json")
    reason = changes.pop("reason", None)
    if not changes:
        raise ApiError("validation_error", "send at least one field to change")
    return repository.patch_entity(session, kind=kind, entity_id=entity_id, expected_version=version,
                                   changes=changes, who=who, reason=reason)


def _add(session, kind: str, document_id: int, body: BaseModel, who: str) -> dict:
    from models import repository

    values = body.model_dump(mode="json")
    reason = values.pop("reason", None)
    return repository.add_entity(session, kind=kind, document_id=document_id, values=values, who=who,
                                 reason=reason)


def _delete(session, kind: str, entity_id: int, if_match: str | None, who: str, reason: str | None) -> None:
    from models import repository

    repository.delete_entity(session, kind=kind, entity_id=entity_id, expected_version=expected_version(if_match),
                             who=who, reason=reason)


# -- PATCH ----------------------------------------------------------------------------------------

@router.patch("/parties/{entity_id}", response_model=PartyOut, summary="Correct a party", responses=EDIT_ERRORS)
def patch_party(entity_id: EntityId, body: PartyPatch, session: SessionDep, principal: Reviewer,
                response: Response, if_match: IfMatch = None) -> dict:
    return _with_etag(response, _patch(session, "party", entity_id, body, if_match, principal.actor))


@router.patch("/officials/{entity_id}", response_model=OfficialOut, summary="Correct an official",
              responses=EDIT_ERRORS)
def patch_official(entity_id: EntityId, body: OfficialPatch, session: SessionDep, principal: Reviewer,
                   response: Response, if_match: IfMatch = None) -> dict:
    return _with_etag(response, _patch(session, "official", entity_id, body, if_match, principal.actor))


@router.patch("/dates/{entity_id}", response_model=DateOut, summary="Correct a date", responses=EDIT_ERRORS)
def patch_date(entity_id: EntityId, body: DatePatch, session: SessionDep, principal: Reviewer,
               response: Response, if_match: IfMatch = None) -> dict:
    return _with_etag(response, _patch(session, "date", entity_id, body, if_match, principal.actor))


@router.patch("/commitments/{entity_id}", response_model=CommitmentOut, summary="Correct a commitment",
              responses=EDIT_ERRORS)
def patch_commitment(entity_id: EntityId, body: CommitmentPatch, session: SessionDep, principal: Reviewer,
                     response: Response, if_match: IfMatch = None) -> dict:
    return _with_etag(response, _patch(session, "commitment", entity_id, body, if_match, principal.actor))


# -- add ------------------------------------------------------------------------------------------

ADD_ERRORS = {**AUTH_ERRORS, **errors(404)}


@router.post("/documents/{document_id}/parties", status_code=201, response_model=PartyOut,
             summary="Add a party extraction missed", responses=ADD_ERRORS)
def add_party(document_id: EntityId, body: PartyCreate, session: SessionDep, principal: Reviewer,
              response: Response) -> dict:
    return _with_etag(response, _add(session, "party", document_id, body, principal.actor))


@router.post("/documents/{document_id}/officials", status_code=201, response_model=OfficialOut,
             summary="Add an official extraction missed", responses=ADD_ERRORS)
def add_official(document_id: EntityId, body: OfficialCreate, session: SessionDep, principal: Reviewer,
                 response: Response) -> dict:
    return _with_etag(response, _add(session, "official", document_id, body, principal.actor))


@router.post("/documents/{document_id}/commitments", status_code=201, response_model=CommitmentOut,
             summary="Add a commitment extraction missed", responses=ADD_ERRORS)
def add_commitment(document_id: EntityId, body: CommitmentCreate, session: SessionDep, principal: Reviewer,
                   response: Response) -> dict:
    return _with_etag(response, _add(session, "commitment", document_id, body, principal.actor))


# -- delete ---------------------------------------------------------------------------------------

def _delete_route(path: str, kind: str, label: str) -> None:
    def delete(entity_id: EntityId, session: SessionDep, principal: Reviewer, if_match: IfMatch = None,
               reason: Annotated[str | None, Header(alias="X-Reason", max_length=500)] = None) -> Response:
        _delete(session, kind, entity_id, if_match, principal.actor, reason)
        return Response(status_code=204)

    delete.__name__ = f"delete_{kind}"
    router.add_api_route(path, delete, methods=["DELETE"], status_code=204, response_class=Response,
                         summary=f"Remove a {label} (kept in the history; re-extraction will not bring it back)",
                         responses={204: {"description": "removed"}, **EDIT_ERRORS})


_delete_route("/parties/{entity_id}", "party", "party")
_delete_route("/officials/{entity_id}", "official", "official")
_delete_route("/commitments/{entity_id}", "commitment", "commitment")


# -- history --------------------------------------------------------------------------------------

HISTORY_KINDS = {"parties": "party", "officials": "official", "dates": "date", "commitments": "commitment",
                 "documents": "document"}


def _history_route(segment: str, kind: str) -> None:
    def history(entity_id: EntityId, session: SessionDep, principal: Reader) -> list[dict]:
        from models import repository

        return [_history_out(e) for e in repository.history(session, kind=kind, entity_id=entity_id)]

    history.__name__ = f"history_{kind}"
    router.add_api_route(f"/{segment}/{{entity_id}}/history", history, methods=["GET"],
                         response_model=list[HistoryEntry],
                         summary=f"Audit trail of a {kind}: who, when, field, old, new, reason",
                         responses={**AUTH_ERRORS, **errors(404)})


def _history_out(entry: dict) -> dict:
    return {"id": entry["id"], "who": entry["who"], "at": entry["at"], "action": entry.get("action", "update"),
            "field": entry["field"], "old": entry.get("old", entry.get("old_value")),
            "new": entry.get("new", entry.get("new_value")), "reason": entry.get("reason")}


for _segment, _kind in HISTORY_KINDS.items():
    _history_route(_segment, _kind)
