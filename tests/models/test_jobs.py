"""Jobs: atomic leasing, heartbeats, expiry, retries; a job is never left running."""
from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from models import repository as repo
from models.tables import utcnow
from tests.models.factories import new_document


def test_lease_takes_oldest_queued_job_and_counts_the_attempt(session):
    doc_id = new_document(session)  # comes with its extract job
    second = repo.enqueue_job(session, kind="match", document_id=doc_id)
    job = repo.lease_next_job(session, worker_id="w1", lease_seconds=30)
    assert job["kind"] == "extract" and job["status"] == "running" and job["attempts"] == 1
    assert job["lease_owner"] == "w1"
    assert repo.get_document(session, document_id=doc_id)["status"] == "running"
    assert repo.lease_next_job(session, worker_id="w2", lease_seconds=30)["id"] == second
    assert repo.lease_next_job(session, worker_id="w3", lease_seconds=30) is None


def test_concurrent_workers_never_take_the_same_job(sessions):
    with sessions() as s:
        job_ids = {repo.enqueue_job(s, kind="match") for _ in range(12)}
    taken: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def work(worker: str) -> None:
        with sessions() as s:
            barrier.wait()
            while (job := repo.lease_next_job(s, worker_id=worker, lease_seconds=30)) is not None:
                with lock:
                    taken.append(job["id"])

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == sorted(job_ids)


def test_expired_lease_is_requeued_then_failed_worker_lost_after_max_attempts(session):
    job_id = repo.enqueue_job(session, kind="match", max_attempts=2)
    for attempt in (1, 2):
        job = repo.lease_next_job(session, worker_id=f"dead-{attempt}", lease_seconds=30)
        assert job["id"] == job_id and job["attempts"] == attempt
        later = utcnow() + dt.timedelta(seconds=31)
        assert repo.requeue_expired_leases(session, now=later) == (
            {"requeued": 1, "failed": 0} if attempt == 1 else {"requeued": 0, "failed": 1})
    job = repo.get_job(session, job_id=job_id)
    assert job["status"] == "failed" and job["error_code"] == "worker_lost" and job["lease_owner"] is None


def test_document_never_stays_running_when_its_worker_is_lost(session):
    doc_id = new_document(session)
    job = repo.lease_next_job(session, worker_id="killed", lease_seconds=30)
    assert repo.get_document(session, document_id=doc_id)["status"] == "running"
    repo.requeue_expired_leases(session, now=utcnow() + dt.timedelta(seconds=31))
    assert repo.get_document(session, document_id=doc_id)["status"] == "queued"
    for attempt in (2, 3):
        assert repo.lease_next_job(session, worker_id=f"killed-{attempt}", lease_seconds=30)["id"] == job["id"]
        repo.requeue_expired_leases(session, now=utcnow() + dt.timedelta(seconds=31))
    assert repo.get_job(session, job_id=job["id"])["error_code"] == "worker_lost"
    assert repo.get_document(session, document_id=doc_id)["status"] == "failed"


def test_live_lease_is_not_requeued_and_heartbeat_extends_it(session):
    job_id = repo.enqueue_job(session, kind="match")
    repo.lease_next_job(session, worker_id="w1", lease_seconds=30)
    assert repo.requeue_expired_leases(session) == {"requeued": 0, "failed": 0}
    assert repo.heartbeat(session, job_id=job_id, worker_id="w1", lease_seconds=600)
    assert repo.requeue_expired_leases(session, now=utcnow() + dt.timedelta(seconds=60))["requeued"] == 0
    assert not repo.heartbeat(session, job_id=job_id, worker_id="intruder")


def test_worker_that_lost_its_lease_cannot_finish(session):
    job_id = repo.enqueue_job(session, kind="match")
    repo.lease_next_job(session, worker_id="slow", lease_seconds=1)
    repo.requeue_expired_leases(session, now=utcnow() + dt.timedelta(seconds=5))
    assert repo.lease_next_job(session, worker_id="fresh", lease_seconds=30)["id"] == job_id
    assert not repo.finish_job(session, job_id=job_id, worker_id="slow", status="succeeded")
    assert not repo.heartbeat(session, job_id=job_id, worker_id="slow")
    assert repo.finish_job(session, job_id=job_id, worker_id="fresh", status="partial",
                           error_code="page_error", error_message="page 2 unreadable")
    job = repo.get_job(session, job_id=job_id)
    assert (job["status"], job["error_code"], job["attempts"]) == ("partial", "page_error", 2)
    assert job["finished_at"] is not None


def test_status_is_never_optimistic(session):
    job_id = repo.enqueue_job(session, kind="match")
    with pytest.raises(ValueError):
        repo.finish_job(session, job_id=job_id, status="succeeded", error_code="timeout")
    with pytest.raises(ValueError):
        repo.finish_job(session, job_id=job_id, status="running")


def test_transient_failure_is_retried_after_a_delay_then_fails(session):
    job_id = repo.enqueue_job(session, kind="match", max_attempts=2)
    repo.lease_next_job(session, worker_id="w", lease_seconds=30)
    assert repo.retry_job(session, job_id=job_id, error_code="database_unavailable", error_message="down",
                          delay_seconds=3600, worker_id="w") == "queued"
    assert repo.lease_next_job(session, worker_id="w", lease_seconds=30) is None  # not before its delay
    assert repo.retry_job(session, job_id=job_id, error_code="database_unavailable", error_message="down",
                          delay_seconds=0) == "queued"
    repo.lease_next_job(session, worker_id="w", lease_seconds=30)
    assert repo.retry_job(session, job_id=job_id, error_code="database_unavailable", error_message="down",
                          worker_id="w") == "failed"


def test_claim_specific_job_only_once(session):
    job_id = repo.enqueue_job(session, kind="extract")
    assert repo.claim_job(session, job_id=job_id, worker_id="celery-1")["status"] == "running"
    assert repo.claim_job(session, job_id=job_id, worker_id="celery-2") is None  # live lease
    repo.finish_job(session, job_id=job_id, worker_id="celery-1", status="succeeded")
    assert repo.claim_job(session, job_id=job_id, worker_id="celery-2") is None  # finished


def test_claim_takes_over_an_expired_lease(session):
    job_id = repo.enqueue_job(session, kind="extract")
    repo.claim_job(session, job_id=job_id, worker_id="killed", lease_seconds=0.001)
    time.sleep(0.05)
    job = repo.claim_job(session, job_id=job_id, worker_id="other")
    assert job["lease_owner"] == "other" and job["attempts"] == 2


def test_unknown_job_and_queue_depth(session):
    with pytest.raises(repo.NotFound):
        repo.get_job(session, job_id=404)
    with pytest.raises(repo.NotFound):
        repo.enqueue_job(session, kind="extract", document_id=404)
    repo.enqueue_job(session, kind="match")
    assert repo.queue_depth(session)["queued"] == 1


def test_stale_queued_jobs_are_handed_out_once_per_period(session):
    fresh = repo.enqueue_job(session, kind="extract")
    assert repo.take_stale_queued_jobs(session, older_than_seconds=3600) == []
    time.sleep(0.05)
    assert repo.take_stale_queued_jobs(session, older_than_seconds=0.01) == [fresh]
    assert repo.take_stale_queued_jobs(session, older_than_seconds=3600) == []  # touched: not again at once
    repo.lease_next_job(session, worker_id="w", lease_seconds=30)
    time.sleep(0.05)
    assert repo.take_stale_queued_jobs(session, older_than_seconds=0.01) == []  # running jobs are not stale
