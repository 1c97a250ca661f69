"""GET /jobs/{id}: the state of an extraction job."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.auth import Reader
from api.deps import SessionDep
from api.routes import AUTH_ERRORS, PREFIX, errors
from api.schemas import JobOut

router = APIRouter(prefix=PREFIX, tags=["jobs"])


def job_out(job: dict) -> JobOut:
    error = ({"code": job["error_code"], "message": job.get("error_message") or ""}
             if job.get("error_code") else None)
    return JobOut(id=job["id"], document_id=job.get("document_id"), kind=job.get("kind", "extract"),
                  status=job["status"], attempts=job.get("attempts", 0), error=error,
                  created_at=job.get("created_at"), finished_at=job.get("finished_at"))


@router.get("/jobs/{job_id}", response_model=JobOut, summary="Job status",
            description="`queued | running | succeeded | partial | failed | rejected`; failed and rejected "
                        "jobs carry a stable error code and a message.",
            responses={**AUTH_ERRORS, **errors(404)})
def get_job(job_id: Annotated[int, Path(ge=1, le=2**31 - 1)], session: SessionDep, principal: Reader) -> JobOut:
    from models import repository

    return job_out(repository.get_job(session, job_id=job_id))
