"""RELIABILITY.md "Jobs": a real `janji serve` killed with SIGKILL mid-job, deterministic failures,
idempotent retries, the database going away and coming back."""
from __future__ import annotations

import time

import httpx
import pytest
from sqlalchemy import create_engine, func, select, update
from sqlalchemy.engine import make_url

from tests.api.conftest import PG_URL, agreement_bytes, create_pg_database, drop_pg_database
from tests.api.scans import scanned_tiff
from tests.api.tcpproxy import TcpProxy


def _wait_status(server, job_id: int, statuses: set[str], timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    with server.client() as c:
        while time.monotonic() < deadline:
            job = c.get(f"/jobs/{job_id}").json()
            if job["status"] in statuses:
                return job
            time.sleep(0.1)
    raise AssertionError(f"job {job_id} never reached {statuses}: {job}\n{server.log()}")


def _runs(server, document_id: int) -> int:
    from models.tables import ExtractionRun

    engine = create_engine(server.env["JANJI_DATABASE_URL"])
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(ExtractionRun)
                               .where(ExtractionRun.document_id == document_id))
    finally:
        engine.dispose()


def _kill_mid_job(server_factory, **env) -> tuple:
    server = server_factory(JANJI_JOB_LEASE_SECONDS="2", JANJI_WORKER_THREADS="1",
                            JANJI_MAX_UPLOAD_BYTES=str(30 * 1024 * 1024), **env)
    with server.client("ingest") as c:
        r = c.post("/documents", files={"file": ("scan.tif", scanned_tiff(1, tag=str(env)), "image/tiff")})
        assert r.status_code == 202
        accepted = r.json()
    _wait_status(server, accepted["job_id"], {"running"})
    time.sleep(1.0)  # OCR of a 300 dpi page takes seconds: the job is mid-way
    server.kill()
    return server, accepted


@pytest.mark.slow
def test_worker_killed_mid_job_is_requeued_and_finishes_once(server_factory):
    server, accepted = _kill_mid_job(server_factory)
    server.start()  # the same data dir and database
    job = server.wait_job(accepted["job_id"], timeout=300)
    assert job["status"] in ("succeeded", "partial"), job
    assert job["attempts"] == 2
    with server.client() as c:
        doc = c.get(f"/documents/{accepted['id']}").json()
    assert doc["status"] == job["status"]
    assert "PIHAK KEDUA" in str(doc) or doc["pages"] == 1
    assert _runs(server, accepted["id"]) == 1  # the killed run saved nothing; no duplicate rows


@pytest.mark.slow
def test_worker_killed_once_too_often_fails_the_job_with_worker_lost(server_factory):
    server, accepted = _kill_mid_job(server_factory, JANJI_JOB_MAX_ATTEMPTS="1")
    server.start()
    job = server.wait_job(accepted["job_id"], timeout=60)
    assert job["status"] == "failed"
    assert job["error"]["code"] == "worker_lost"
    with server.client() as c:
        doc = c.get(f"/documents/{accepted['id']}").json()
        assert doc["status"] == "failed"
        assert c.get(f"/documents/{accepted['id']}/file").status_code == 200  # the original is kept


def test_a_deterministic_failure_is_not_retried_and_the_original_is_kept(server_factory):
    server = server_factory(JANJI_JOB_LEASE_SECONDS="1")
    broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf body\n" * 20
    with server.client("ingest") as c:
        accepted = c.post("/documents", files={"file": ("broken.pdf", broken, "application/pdf")}).json()
        job = server.wait_job(accepted["job_id"])
        assert job["status"] == "rejected", job
        assert job["error"]["code"] in ("malformed_pdf", "empty_document", "no_text")
        assert job["attempts"] == 1
        time.sleep(3)  # several lease periods: nothing re-queues it
        again = c.get(f"/jobs/{accepted['job_id']}").json()
        assert (again["status"], again["attempts"]) == ("rejected", 1)
        assert c.get(f"/documents/{accepted['id']}").json()["status"] == "rejected"
        assert c.get(f"/documents/{accepted['id']}/file").content == broken


def test_an_empty_activity_report_is_422_and_an_empty_store_lists_nothing(shared_server_empty):
    server = shared_server_empty
    with server.client("ingest") as c:
        assert c.get("/documents", params={"kind": "activity_report"}).json() == {
            "items": [], "total": 0, "limit": 20, "offset": 0}
        r = c.post("/documents", files={"file": ("laporan.txt", b"", "text/plain")}, data={"kind": "report"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "empty_file"


@pytest.fixture
def shared_server_empty(server_factory):
    return server_factory()


def test_a_retried_run_replaces_its_rows_and_a_finished_job_is_not_run_again(tmp_path):
    """In-process: run_job, then the same job delivered again (as after a crash before the ack)."""
    from api.services import ingest
    from api.settings import Settings
    from api.worker import run_job, session_factory_for
    from models import repository
    from models.migrate import upgrade
    from models.tables import Job

    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'j.db'}")
    settings.ensure_dirs()
    upgrade(settings.resolved_database_url)
    factory = session_factory_for(settings)
    path = tmp_path / "mou.txt"
    path.write_bytes(agreement_bytes("RETRY"))
    with factory() as s:
        accepted = ingest.accept_path(s, settings, path, kind="agreement")
    assert run_job(accepted.job_id, settings) == "succeeded"

    def snapshot() -> dict:
        with factory() as s:
            d = repository.get_document_detail(s, document_id=accepted.id)
        return {k: sorted(x["id"] for x in d[k]) for k in ("parties", "officials", "dates", "commitments")}

    first = snapshot()
    assert first["dates"]
    # a finished job is not run again
    assert run_job(accepted.job_id, settings) == "succeeded"
    # the same job redelivered after a crash: queued again, runs again, replaces (same ids)
    with factory() as s:
        s.execute(update(Job).where(Job.id == accepted.job_id).values(status="queued"))
        s.commit()
    assert run_job(accepted.job_id, settings) == "succeeded"
    assert snapshot() == first


@pytest.mark.slow
@pytest.mark.skipif(not PG_URL, reason="JANJI_TEST_DATABASE_URL not set")
def test_database_down_is_a_clear_503_and_the_service_recovers(server_factory):
    url = create_pg_database()
    target = make_url(url)
    proxy = TcpProxy((target.host or "127.0.0.1", target.port or 5432)).start()
    try:
        proxied = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        server = server_factory(JANJI_DATABASE_URL=proxied)
        doc = agreement_bytes("DBDOWN")
        with server.client("ingest") as c:
            assert c.get("/documents").status_code == 200
            proxy.stop()
            r = c.get("/documents")
            assert r.status_code == 503 and r.json()["error"]["code"] == "database_unavailable"
            r = c.post("/documents", files={"file": ("mou.txt", doc, "text/plain")})
            assert r.status_code == 503 and r.json()["error"]["code"] == "database_unavailable"
            health = httpx.get(f"{server.api}/healthz").json()
            assert health["status"] == "degraded" and health["database"] != "ok"
            assert server.tmp_files() == []
            proxy.start()  # same port
            deadline = time.monotonic() + 20
            while c.get("/documents").status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            r = c.post("/documents", files={"file": ("mou.txt", doc, "text/plain")})
            assert r.status_code == 202, r.text
            assert server.wait_job(r.json()["job_id"])["status"] == "succeeded"
            assert httpx.get(f"{server.api}/healthz").json()["status"] == "ok"
        server.stop()
    finally:
        proxy.stop()
        drop_pg_database(url)
