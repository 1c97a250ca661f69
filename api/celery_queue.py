"""Jobs on Celery workers (JANJI_BROKER_URL=redis://...), with the same semantics as the
embedded worker: the job table stays the truth, a Celery message only says "run job N".

- late acknowledgement, one task per prefetch, a fresh child process per task (memory hygiene),
  a hard time limit (JANJI_JOB_TIME_LIMIT_SECONDS, default read timeout + lease + 60 s) that kills
  a child still running, whose job is then retried like one of a lost worker;
- the task body is `api.worker.run_job`, which is idempotent: a redelivered or duplicated message
  for a finished job, or for one another worker holds a live lease on, does nothing;
- retries only for transient errors (database or broker unavailable);
- a sweeper next to every worker re-queues jobs whose lease expired (worker killed) and, when
  the broker queue is empty yet jobs are still queued (their message was lost, e.g. Redis
  restarted without persistence, or held unacknowledged by a killed worker), sends them again,
  so no job is lost however the broker or a worker fails.

The worker's main process forks a fresh pool child for every task, so it runs no thread of ours:
the sweeper is a process of its own, forked before the worker starts (see `api.forksafe` for the
child that hung when it was a thread), and the modules a task needs are imported before the
first pool child is forked, so no child ever finds a half-imported module.
"""
from __future__ import annotations

import contextlib
import importlib
import logging
import os
import signal
import sys
import threading
import time

from celery import Celery, signals
from kombu.exceptions import ChannelError
from sqlalchemy.exc import DBAPIError, OperationalError

from api.settings import Settings

log = logging.getLogger("janji.celery")

TASK_NAME = "janji.run_job"
QUEUE = "janji"
TRANSIENT = (OperationalError, DBAPIError, ConnectionError, TimeoutError)
# What a task imports lazily (api.worker.run_job and the reading/extraction it calls): imported in
# the worker's main process before it forks any pool child.
TASK_MODULES = ("api.worker", "api.services.ingest", "extractor.extract", "extractor.reading",
                "extractor.reading.pdf", "models.blobs", "models.repository")


def make_celery(settings: Settings) -> Celery:
    app = Celery("janji", broker=settings.broker_url)
    hard_limit = settings.job_time_limit_seconds or settings.read_timeout_seconds + settings.job_lease_seconds + 60
    app.conf.update(
        task_default_queue=QUEUE,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,
        worker_prefetch_multiplier=1,
        worker_max_tasks_per_child=1,
        # A hard limit only: the pool kills the child, as if the worker had died, so the job's lease
        # expires and the job is retried (or fails `worker_lost` after its attempts). A soft limit
        # would raise inside run_job, whose last-resort handler records the job as failed instead,
        # and cannot interrupt a child that no longer runs Python code at all.
        task_time_limit=hard_limit,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": max(hard_limit * 2, 3600)},
        worker_hijack_root_logger=False,
    )

    @app.task(name=TASK_NAME, bind=True, max_retries=settings.job_max_attempts * 4)
    def run_job_task(task, job_id: int) -> str:
        from api.worker import run_job

        try:
            status = run_job(job_id, settings)
        except TRANSIENT as exc:  # the database went away before the job could be claimed
            log.warning("job %s: transient error, retrying: %s", job_id, exc)
            raise task.retry(countdown=settings.job_poll_seconds * 2, exc=exc)
        if status == "queued":  # run_job gave the job back after a database error
            raise task.retry(countdown=settings.job_poll_seconds * 2)
        return status

    return app


class CeleryQueue:
    """`JobQueue` whose `submit` sends a Celery message; the workers are `janji worker` processes."""

    name = "celery"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.app = make_celery(settings)

    def submit(self, job_id: int) -> None:
        try:
            self.app.send_task(TASK_NAME, args=[job_id], queue=QUEUE, retry=False)
        except Exception as exc:  # noqa: BLE001 - broker down: the job row stays queued; a sweeper re-sends it
            log.warning("could not send job %s to the broker (%s); a worker's sweeper will pick it up", job_id, exc)

    def pending_messages(self) -> int:
        """Messages waiting in the broker queue (not those a worker holds unacknowledged)."""
        with self.app.connection_for_write() as conn:
            try:
                return conn.default_channel.queue_declare(QUEUE, passive=True).message_count
            except ChannelError:  # the queue was never declared (or vanished with a broker restart)
                return 0

    def start(self) -> None:
        pass

    def stop(self, timeout: float = 10.0) -> None:
        pass


class Sweeper:
    """Re-queues expired leases and re-sends queued jobs nobody picked up within `stale_seconds`."""

    def __init__(self, settings: Settings, queue: CeleryQueue, session_factory, stale_seconds: float | None = None):
        self.settings = settings
        self.queue = queue
        self.session_factory = session_factory
        self.stale_seconds = stale_seconds if stale_seconds is not None else settings.job_lease_seconds
        self.interval = max(0.5, min(self.stale_seconds / 2, 30.0))
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def sweep_once(self) -> list[int]:
        from models import repository

        with self.session_factory() as session:
            repository.requeue_expired_leases(session)
            if self.queue.pending_messages() > 0:  # workers are behind, nothing is lost
                return []
            job_ids = repository.take_stale_queued_jobs(session, older_than_seconds=self.stale_seconds)
        for job_id in job_ids:
            self.queue.submit(job_id)
        return job_ids

    def run(self) -> None:
        """Sweep every `interval` seconds until `stop()`; never raises for a database or broker outage."""
        while not self._stop.wait(self.interval):
            try:
                sent = self.sweep_once()
                if sent:
                    log.info("sweeper re-sent jobs %s", sent)
            except Exception as exc:  # noqa: BLE001 - database or broker down: try again next round
                log.warning("sweeper: %s", exc)


class SweeperProcess:
    """A `Sweeper` in a forked process of its own, so that the worker's main process, which forks
    a pool child per task, stays single-threaded. Fork it before starting any thread.

    The forked process is a small supervisor (`janji-sweeper` in ps): it runs the sweeping in a
    child of its own (`janji-sweep`) and starts a new one, after a growing pause, whenever that
    child dies (killed, out of memory, a crash in a driver). Both die with their parent
    (PR_SET_PDEATHSIG); SIGTERM to the supervisor stops both."""

    def __init__(self, settings: Settings, target=None, restart_delay: float = 1.0):
        self.settings = settings
        self.target = target or (lambda: _sweep_until_stopped(settings))
        self.restart_delay = restart_delay
        self.pid: int | None = None

    def start(self) -> None:
        self.pid = _fork_running(lambda parent_pid: _supervise(self.target, parent_pid, self.restart_delay))

    def stop(self, timeout: float = 15.0) -> None:
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        try:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while os.waitpid(pid, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    break
                time.sleep(0.05)
        except (ProcessLookupError, ChildProcessError):
            pass


def _fork_running(body) -> int:
    """Fork a child that runs `body(parent_pid)` and leaves with `os._exit`, never running the
    parent's atexit handlers or returning into the parent's code."""
    parent_pid = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            body(parent_pid)
            code = 0
        except BaseException:  # say why, then leave
            log.exception("sweeper process %s stopped", os.getpid())
        finally:
            logging.shutdown()
            os._exit(code)
    return pid


MAX_RESTART_DELAY = 30.0


def _supervise(target, parent_pid: int, restart_delay: float) -> None:
    from api.forksafe import die_with_parent, name_this_process

    die_with_parent(parent_pid)
    name_this_process("janji-sweeper")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the worker, which stops us
    stopping = False
    child: int | None = None

    def _on_sigterm(*_: object) -> None:
        nonlocal stopping
        stopping = True
        if child is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    signal.signal(signal.SIGTERM, _on_sigterm)
    delay = restart_delay
    while not stopping:
        started = time.monotonic()
        child = _fork_running(lambda sup_pid: _run_sweeping(target, sup_pid))
        if stopping:  # SIGTERM came while forking, before `child` was set
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)
        _, status = os.waitpid(child, 0)
        if stopping:
            break
        if time.monotonic() - started > 60:  # it ran for a while: start again promptly
            delay = restart_delay
        log.warning("sweeper %s ended (status %s); starting a new one in %.0f s", child, status, delay)
        time.sleep(delay)
        delay = min(delay * 2, MAX_RESTART_DELAY)


def _run_sweeping(target, supervisor_pid: int) -> None:
    from api.forksafe import die_with_parent, name_this_process

    die_with_parent(supervisor_pid)
    name_this_process("janji-sweep")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a sweep cut short leaves nothing half done
    target()


def _sweep_until_stopped(settings: Settings) -> None:
    from api.worker import session_factory_for

    Sweeper(settings, CeleryQueue(settings), session_factory_for(settings)).run()


def _warm_up() -> None:
    """Before the first fork: load the pipelines once for all children (copy-on-write), and import
    every module a task imports lazily, so that a child never has to import it itself."""
    from extractor.nlp.pipeline import SUPPORTED_LANGS, get_pipeline

    for module in TASK_MODULES:
        importlib.import_module(module)

    for lang in SUPPORTED_LANGS:
        get_pipeline(lang)


def run_worker(settings: Settings, *, concurrency: int, name: str | None = None, loglevel: str = "INFO") -> None:
    """Block running a Celery worker (prefork pool) next to its sweeper process."""
    queue = CeleryQueue(settings)
    sweeper = SweeperProcess(settings)
    sweeper.start()  # first: this process has no other thread yet

    @signals.worker_shutdown.connect(weak=False)
    def _stop_sweeper(**_: object) -> None:
        sweeper.stop()

    _warm_up()
    argv = ["worker", f"--loglevel={loglevel}", f"--concurrency={concurrency}", "--pool=prefork",
            "-O", "fair", "-Q", QUEUE, "--without-gossip", "--without-mingle", "--without-heartbeat"]
    if name:
        argv.append(f"--hostname={name}")
    try:
        queue.app.worker_main(argv)
    finally:
        sweeper.stop()
