"""Durable jobs with leases. A job is never left `running`: a lease that is not renewed expires,
and `requeue_expired_leases` puts the job back in the queue or, after `max_attempts`, fails it
with `worker_lost`. Leasing is atomic: `FOR UPDATE SKIP LOCKED` on PostgreSQL, a guarded
UPDATE inside `BEGIN IMMEDIATE` on SQLite."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.db import is_sqlite, write_transaction
from models.errors import NotFound
from models.repo.serialize import job_dict
from models.repo.sql import get_row
from models.tables import JOB_STATUSES, Document, Job, utcnow

FINAL = ("succeeded", "partial", "failed", "rejected")


def enqueue_job(session: Session, *, kind: str, document_id: int | None = None, payload: dict | None = None,
                max_attempts: int = 3) -> int:
    with write_transaction(session):
        if document_id is not None and get_row(session, Document, document_id) is None:
            raise NotFound(f"document {document_id} not found")
        job = Job(document_id=document_id, kind=kind, status="queued", payload=payload or {},
                  max_attempts=max_attempts, run_after=utcnow())
        session.add(job)
        session.flush()
        job_id = job.id
    return job_id


def get_job(session: Session, *, job_id: int) -> dict[str, Any]:
    job = get_row(session, Job, job_id, populate_existing=True)
    if job is None:
        raise NotFound(f"job {job_id} not found")
    return job_dict(job)


def list_jobs(session: Session, *, status: str | None = None, document_id: int | None = None,
              limit: int = 50) -> list[dict[str, Any]]:
    query = select(Job)
    if status:
        query = query.where(Job.status == status)
    if document_id is not None:
        query = query.where(Job.document_id == document_id)
    return [job_dict(j) for j in session.scalars(query.order_by(Job.id.desc()).limit(min(limit, 500)))]


def lease_next_job(session: Session, *, worker_id: str, lease_seconds: float = 60,
                   kinds: tuple[str, ...] | None = None) -> dict[str, Any] | None:
    """Atomically take the oldest runnable queued job; returns it (attempts already counted) or None."""
    now = utcnow()
    with write_transaction(session):
        query = select(Job.id).where(Job.status == "queued", Job.run_after <= now)
        if kinds:
            query = query.where(Job.kind.in_(kinds))
        query = query.order_by(Job.run_after, Job.id).limit(1)
        if not is_sqlite(session):
            query = query.with_for_update(skip_locked=True)
        job_id = session.scalar(query)
        if job_id is None:
            return None
        job = _take(session, job_id, worker_id, lease_seconds, now)
        result = job_dict(job) if job else None
    return result


def claim_job(session: Session, *, job_id: int, worker_id: str, lease_seconds: float = 60) -> dict[str, Any] | None:
    """Lease one given job (a Celery task carrying a job id). None if it is finished or leased
    by a live worker, so a redelivered task does not run the job twice."""
    now = utcnow()
    with write_transaction(session):
        job = _take(session, job_id, worker_id, lease_seconds, now, allow_expired=True)
        result = job_dict(job) if job else None
    return result


def _take(session: Session, job_id: int, worker_id: str, lease_seconds: float, now: dt.datetime,
          allow_expired: bool = False) -> Job | None:
    runnable = Job.status == "queued"
    if allow_expired:
        runnable = runnable | ((Job.status == "running") & (Job.lease_expires_at < now))
    done = session.execute(
        update(Job).where(Job.id == job_id, runnable)
        .values(status="running", lease_owner=worker_id, attempts=Job.attempts + 1,
                lease_expires_at=now + dt.timedelta(seconds=lease_seconds), updated_at=now)
        .execution_options(synchronize_session=False))
    if done.rowcount != 1:
        return None
    job = get_row(session, Job, job_id, populate_existing=True)
    if job is not None and job.document_id is not None:
        session.execute(update(Document).where(Document.id == job.document_id, Document.status == "queued")
                        .values(status="running")
                        .execution_options(synchronize_session=False))
    return job


def heartbeat(session: Session, *, job_id: int, worker_id: str, lease_seconds: float = 60) -> bool:
    """Renew the lease; False if this worker no longer holds it (it must stop and not save)."""
    now = utcnow()
    with write_transaction(session):
        done = session.execute(update(Job).where(Job.id == job_id, Job.status == "running",
                                                 Job.lease_owner == worker_id)
                               .values(lease_expires_at=now + dt.timedelta(seconds=lease_seconds), updated_at=now)
                               .execution_options(synchronize_session=False))
    return done.rowcount == 1


def finish_job(session: Session, *, job_id: int, status: str, worker_id: str | None = None,
               error_code: str | None = None, error_message: str | None = None) -> bool:
    """Record the outcome. With `worker_id`, only the lease holder may finish (False otherwise)."""
    if status not in FINAL:
        raise ValueError(f"finish status must be one of {FINAL}")
    if status == "succeeded" and error_code:
        raise ValueError("a job with an error is not succeeded")
    now = utcnow()
    with write_transaction(session):
        cond = [Job.id == job_id]
        if worker_id is not None:
            cond += [Job.status == "running", Job.lease_owner == worker_id]
        done = session.execute(update(Job).where(*cond)
                               .values(status=status, error_code=error_code, error_message=error_message,
                                       lease_owner=None, lease_expires_at=None, updated_at=now, finished_at=now)
                               .execution_options(synchronize_session=False))
    return done.rowcount == 1


def retry_job(session: Session, *, job_id: int, error_code: str, error_message: str, delay_seconds: float = 5,
              worker_id: str | None = None) -> str:
    """A transient failure (database/broker unavailable): back to the queue after a delay, or
    `failed` once attempts are used up. Returns the new status."""
    now = utcnow()
    with write_transaction(session):
        job = get_row(session, Job, job_id, populate_existing=True)
        if job is None:
            raise NotFound(f"job {job_id} not found")
        if worker_id is not None and job.lease_owner != worker_id:
            return job.status
        exhausted = job.attempts >= job.max_attempts
        job.status = "failed" if exhausted else "queued"
        job.error_code, job.error_message = error_code, error_message
        job.lease_owner, job.lease_expires_at = None, None
        job.run_after = now + dt.timedelta(seconds=delay_seconds)
        job.finished_at = now if exhausted else None
        status = job.status
        if job.document_id is not None:
            _documents_follow(session, [job.document_id], status)
    return status


def requeue_expired_leases(session: Session, *, now: dt.datetime | None = None) -> dict[str, int]:
    """Run at start-up and periodically: expired `running` jobs go back to `queued`, or to
    `failed` with `worker_lost` once they have used `max_attempts`; their documents follow."""
    now = now or utcnow()
    with write_transaction(session):
        expired = (Job.status == "running") & (Job.lease_expires_at < now)
        rows = session.execute(select(Job.id, Job.document_id, Job.attempts >= Job.max_attempts).where(expired)).all()
        lost = [r[0] for r in rows if r[2]]
        again = [r[0] for r in rows if not r[2]]
        if lost:
            session.execute(
                update(Job).where(Job.id.in_(lost), expired)
                .values(status="failed", error_code="worker_lost",
                        error_message="the worker stopped before finishing this job", lease_owner=None,
                        lease_expires_at=None, updated_at=now, finished_at=now)
                .execution_options(synchronize_session=False))
        if again:
            session.execute(
                update(Job).where(Job.id.in_(again), expired)
                .values(status="queued", lease_owner=None, lease_expires_at=None, updated_at=now,
                        run_after=min(now, utcnow()))
                .execution_options(synchronize_session=False))
        for ids, status in ((lost, "failed"), (again, "queued")):
            _documents_follow(session, [r[1] for r in rows if r[0] in ids and r[1] is not None], status)
    return {"requeued": len(again), "failed": len(lost)}


def _documents_follow(session: Session, document_ids: list[int], status: str) -> None:
    """A document still shown as `running` takes the status of its job when the job leaves `running`."""
    if document_ids:
        session.execute(update(Document).where(Document.id.in_(document_ids), Document.status == "running")
                        .values(status=status).execution_options(synchronize_session=False))


def queue_depth(session: Session) -> dict[str, int]:
    from sqlalchemy import func
    counts = dict(session.execute(select(Job.status, func.count()).group_by(Job.status)).all())
    return {status: int(counts.get(status, 0)) for status in JOB_STATUSES}


def take_stale_queued_jobs(session: Session, *, older_than_seconds: float, limit: int = 100) -> list[int]:
    """Queued jobs that are due and untouched for `older_than_seconds`: their broker message was
    probably lost. They are returned and touched, so each is re-sent at most once a period (a
    Celery sweeper re-sends them; a duplicate message is harmless: claiming is idempotent)."""
    now = utcnow()
    cutoff = now - dt.timedelta(seconds=older_than_seconds)
    with write_transaction(session):
        job_ids = list(session.scalars(
            select(Job.id).where(Job.status == "queued", Job.run_after <= now, Job.updated_at <= cutoff)
            .order_by(Job.id).limit(limit)))
        if job_ids:
            session.execute(update(Job).where(Job.id.in_(job_ids), Job.status == "queued").values(updated_at=now)
                            .execution_options(synchronize_session=False))
    return job_ids
