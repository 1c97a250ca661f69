"""How queued jobs reach a worker, behind one small interface.

The job itself is a row in the durable job table (models.repository); a `JobQueue` only decides
*who runs it and when*. The task body is `api.worker.run_job(job_id, settings)`: a plain,
idempotent function, so a Celery task (JANJI_BROKER_URL) can wrap it unchanged:

    @celery_app.task(acks_late=True)
    def run(job_id): run_job(job_id, Settings())

and `CeleryQueue.submit(job_id)` is `run.delay(job_id)`.
"""
from __future__ import annotations

import logging
import threading
import uuid
from typing import Protocol

from sqlalchemy.exc import DBAPIError

from api.settings import Settings

log = logging.getLogger("janji.jobs")


class JobQueue(Protocol):
    name: str

    def submit(self, job_id: int) -> None:
        """Make sure the queued job `job_id` (already a row) gets run soon."""

    def start(self) -> None:
        """Begin taking jobs (requeues jobs whose lease expired)."""

    def stop(self, timeout: float = 10.0) -> None:
        """Stop taking jobs; running jobs finish or are picked up again after their lease."""


class NoWorkerQueue:
    """Jobs stay queued for a separate worker process (JANJI_WORKER_THREADS=0)."""

    name = "none"

    def submit(self, job_id: int) -> None:
        pass

    def start(self) -> None:
        pass

    def stop(self, timeout: float = 10.0) -> None:
        pass


class InProcessQueue:
    """The embedded default: N daemon threads leasing jobs from the job table.

    The table is the queue, so `submit` only wakes an idle thread; jobs queued by another process
    (e.g. `janji ingest --no-wait`, or a server that was killed) are found by polling.
    """

    name = "in-process"

    def __init__(self, settings: Settings, session_factory, threads: int | None = None):
        self.settings = settings
        self.session_factory = session_factory
        self.threads = settings.worker_threads if threads is None else threads
        self.worker_prefix = f"inproc-{uuid.uuid4().hex[:8]}"
        self._wake = threading.Condition()
        self._pending = 0
        self._stopping = threading.Event()
        self._workers: list[threading.Thread] = []

    def submit(self, job_id: int) -> None:
        with self._wake:
            self._pending += 1
            self._wake.notify()

    def start(self) -> None:
        from api.worker import requeue_expired

        requeue_expired(self.session_factory)
        self._stopping.clear()
        for i in range(self.threads):
            t = threading.Thread(target=self._loop, args=(f"{self.worker_prefix}-{i}",),
                                 name=f"janji-worker-{i}", daemon=True)
            t.start()
            self._workers.append(t)

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        with self._wake:
            self._wake.notify_all()
        for t in self._workers:
            t.join(timeout)
        self._workers.clear()

    @property
    def alive(self) -> int:
        return sum(t.is_alive() for t in self._workers)

    def _loop(self, worker_id: str) -> None:
        from api.worker import work_one

        while not self._stopping.is_set():
            try:
                did_work = work_one(self.settings, self.session_factory, worker_id=worker_id)
            except DBAPIError as exc:  # the database is down: say so briefly, back off, try again
                log.warning("worker %s: database unavailable (%s); retrying", worker_id,
                            str(exc.orig or exc).splitlines()[0][:200])
                did_work = False
                self._stopping.wait(min(5.0, self.settings.job_poll_seconds * 5))
            except Exception:  # a bug: log it, keep the thread alive
                log.exception("worker %s: unexpected error", worker_id)
                did_work = False
            if did_work:
                continue
            with self._wake:
                if self._pending:
                    self._pending = 0
                    continue
                self._wake.wait(self.settings.job_poll_seconds)
                self._pending = 0


def make_queue(settings: Settings, session_factory) -> JobQueue:
    """The queue the settings ask for: Celery when JANJI_BROKER_URL is set (if installed)."""
    if settings.broker_url:
        try:
            from api.celery_queue import CeleryQueue  # type: ignore[import-not-found]
        except ImportError:
            log.warning("JANJI_BROKER_URL is set but api.celery_queue is not available; "
                        "using the in-process worker")
        else:
            return CeleryQueue(settings)
    if settings.worker_threads <= 0:
        return NoWorkerQueue()
    return InProcessQueue(settings, session_factory)
