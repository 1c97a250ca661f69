"""The job body and the embedded worker loop.

`run_job(job_id, settings)` is the whole task: a plain function, safe to call again for the same
job (a second call on a finished job does nothing; a retried extraction replaces the previous
run's rows in one transaction, never duplicates them). The in-process queue (api.jobs) and a
Celery task both call it; so does `janji ingest` (synchronously).

Leases: a running job holds a lease that a heartbeat thread extends; if the process dies, the
lease expires and `requeue_expired` puts the job back (or fails it with `worker_lost` after
`max_attempts`). Deterministic failures (IngestError) finish the job at once, without retry.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from functools import lru_cache
from typing import Self

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from api.forksafe import no_fork_during
from api.services import ingest
from api.settings import Settings
from extractor.errors import IngestError

log = logging.getLogger("janji.worker")


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


@lru_cache(maxsize=8)
def _session_factory_for(url: str, pid: int) -> sessionmaker[Session]:
    from models.db import make_engine, make_session_factory

    return make_session_factory(make_engine(url))


def session_factory_for(settings: Settings) -> sessionmaker[Session]:
    # One engine per process: a forked child (Celery prefork, a sandboxed reader) must not reuse
    # its parent's pool, whose connections and internal lock belong to the parent.
    return _session_factory_for(settings.resolved_database_url, os.getpid())


def requeue_expired(session_factory: sessionmaker[Session]) -> int:
    from models import repository

    with session_factory() as session:
        counts = repository.requeue_expired_leases(session)
    if counts.get("requeued") or counts.get("failed"):
        log.warning("jobs whose worker stopped: %d re-queued, %d failed (worker_lost)",
                    counts.get("requeued", 0), counts.get("failed", 0))
    return counts.get("requeued", 0) + counts.get("failed", 0)


class Heartbeat:
    """Extends a job's lease every `lease/3` seconds until stopped."""

    def __init__(self, session_factory: sessionmaker[Session], job_id: int, worker_id: str, lease_seconds: float):
        self.session_factory = session_factory
        self.job_id = job_id
        self.worker_id = worker_id
        self.lease_seconds = lease_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{job_id}", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        from models import repository

        while not self._stop.wait(max(0.2, self.lease_seconds / 3)):
            # The job's own thread forks the sandboxed reader meanwhile: a fork during a beat
            # would hand the reader this thread's database, logging or import locks, held.
            with no_fork_during():
                try:
                    with self.session_factory() as session:
                        repository.heartbeat(session, job_id=self.job_id, worker_id=self.worker_id,
                                             lease_seconds=self.lease_seconds)
                except Exception:
                    log.warning("heartbeat for job %s failed", self.job_id, exc_info=True)


def work_one(settings: Settings, session_factory: sessionmaker[Session], *, worker_id: str) -> bool:
    """Lease the next queued job and run it. Returns False when there was nothing to do."""
    from models import repository

    requeue_expired(session_factory)
    with session_factory() as session:
        job = repository.lease_next_job(session, worker_id=worker_id, lease_seconds=settings.job_lease_seconds)
    if job is None:
        return False
    execute_leased(job["id"], settings, session_factory, worker_id=worker_id)
    return True


def run_job(job_id: int, settings: Settings, *, worker_id: str | None = None,
            session_factory: sessionmaker[Session] | None = None) -> str:
    """Claim job `job_id` and run it to a final status, which is returned. Idempotent."""
    from models import repository

    session_factory = session_factory or session_factory_for(settings)
    worker_id = worker_id or default_worker_id()
    with session_factory() as session:
        job = repository.claim_job(session, job_id=job_id, worker_id=worker_id,
                                   lease_seconds=settings.job_lease_seconds)
        if job is None:  # finished already, or running under a live lease elsewhere
            return repository.get_job(session, job_id=job_id)["status"]
    return execute_leased(job_id, settings, session_factory, worker_id=worker_id)


def execute_leased(job_id: int, settings: Settings, session_factory: sessionmaker[Session], *,
                   worker_id: str) -> str:
    """Run a job this worker holds the lease of; always leaves it finished or re-queued."""
    from models import repository
    from models.blobs import BlobStore

    try:
        with Heartbeat(session_factory, job_id, worker_id, settings.job_lease_seconds):
            with session_factory() as session:
                job = repository.get_job(session, job_id=job_id)
                doc = repository.get_document(session, document_id=job["document_id"])
            data = BlobStore(settings.blob_dir).read_bytes(doc["sha256"])
            hint = doc.get("kind_hint")
            try:
                text, extraction = ingest.read_and_extract(data, name=doc["display_name"], sha256=doc["sha256"],
                                                           hint=hint, settings=settings)
            except IngestError as exc:
                status = ingest.error_status(exc)
                with session_factory() as session:
                    repository.save_extraction(session, document_id=doc["id"], extraction=None, run_status=status,
                                               error_code=exc.code, error_message=exc.message)
                    repository.finish_job(session, job_id=job_id, worker_id=worker_id, status=status,
                                          error_code=exc.code, error_message=exc.message)
                log.info("job %s: %s (%s)", job_id, status, exc.code)
                return status
            status = ingest.status_of(text, extraction)
            with session_factory() as session:
                if not repository.heartbeat(session, job_id=job_id, worker_id=worker_id,
                                            lease_seconds=settings.job_lease_seconds):
                    log.warning("job %s: lease lost to another worker; not saving this run", job_id)
                    return "running"
                repository.save_extraction(session, document_id=doc["id"],
                                           extraction=ingest.extraction_record(text, extraction), run_status=status)
                ingest.match_report(session, doc["id"], extraction, text=text, settings=settings)
                repository.finish_job(session, job_id=job_id, worker_id=worker_id, status=status)
            log.info("job %s: %s", job_id, status)
            return status
    except (OperationalError, DBAPIError) as exc:
        # Transient (database unavailable): give the job back; the lease expiry re-queues it otherwise.
        log.warning("job %s: database error, will retry: %s", job_id, exc)
        try:
            with session_factory() as session:
                repository.retry_job(session, job_id=job_id, worker_id=worker_id,
                                     error_code="database_unavailable", error_message=str(exc)[:300])
        except Exception as retry_exc:  # noqa: BLE001 - the lease expiry re-queues it anyway
            log.warning("job %s: could not hand the job back (%s); its lease will expire", job_id, retry_exc)
        return "queued"
    except Exception as exc:  # a bug: fail the job visibly instead of leaving it running
        log.exception("job %s crashed", job_id)
        try:
            with session_factory() as session:
                repository.finish_job(session, job_id=job_id, worker_id=worker_id, status="failed",
                                      error_code="internal_error", error_message=f"{type(exc).__name__}: {exc}"[:500])
        except Exception:
            log.exception("could not mark job %s failed", job_id)
        return "failed"
