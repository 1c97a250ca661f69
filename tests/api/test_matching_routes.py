"""Matching routes on a live server: POST /reports, GET /flags, GET /commitments/{id}/matches,
POST /matches/{id}/confirm|reject (roles, 404s), and that decisions survive a restart."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "tests" / "scenarios" / "own3_uksw_two_agreements"


def _upload(server, client, path: Path, route: str, kind: str | None = None) -> dict:
    data = {"kind": kind} if kind else None
    r = client.post(route, files={"file": (path.name, path.read_bytes(), "text/plain")}, data=data)
    assert r.status_code == 202, r.text
    job = server.wait_job(r.json()["job_id"], timeout=600)
    assert job["status"] == "succeeded", job
    return r.json()


@pytest.mark.slow
def test_report_flags_and_decisions_over_http(server_factory):
    server = server_factory(JANJI_EMBEDDING_MODEL="hash-128")
    ingest, review = server.client("ingest", timeout=300), server.client("review", timeout=300)
    _upload(server, ingest, SCEN / "agreement_b.txt", "/documents", kind="agreement")
    report = _upload(server, ingest, SCEN / "report_2.txt", "/reports")
    assert ingest.get(f"/documents/{report['id']}").json()["kind"] == "activity_report"

    rows = ingest.get("/flags", params={"all": "true", "as_of": "2024-09-30"}).json()
    assert rows and all(set(r) == {"commitment_id", "text", "agreement", "parties", "status", "due", "evidence"}
                        for r in rows)
    guide = next(r for r in rows if "pemandu" in r["text"])
    assert guide["status"] == "has_activity"
    assert {e["report"] for e in guide["evidence"]} == {"report_2.txt"}
    flagged = ingest.get("/flags", params={"as_of": "2024-09-30"}).json()
    assert guide["commitment_id"] not in {r["commitment_id"] for r in flagged}
    assert all(r["status"] in ("no_activity", "overdue") for r in flagged)

    matches = ingest.get(f"/commitments/{guide['commitment_id']}/matches").json()
    assert matches and matches[0]["statement"]["report"] == "report_2.txt"
    assert {"bm25", "cosine", "fused", "statement"} <= set(matches[0]["explanation"])
    assert ingest.get("/commitments/999999/matches").status_code == 404

    # ingest keys may not decide; unknown match -> 404
    assert ingest.post(f"/matches/{matches[0]['id']}/reject").status_code == 403
    assert review.post("/matches/999999/confirm").status_code == 404
    for m in matches:
        r = review.post(f"/matches/{m['id']}/reject", json={"reason": "another programme"})
        assert r.status_code == 200 and r.json()["status"] == "rejected"
    rows = ingest.get("/flags", params={"all": "true", "as_of": "2024-09-30"}).json()
    assert next(r for r in rows if r["commitment_id"] == guide["commitment_id"])["status"] == "no_activity"

    # a restart keeps the decision
    server.stop()
    server.start()
    rows = server.client("ingest").get("/flags", params={"all": "true", "as_of": "2024-09-30"}).json()
    assert next(r for r in rows if r["commitment_id"] == guide["commitment_id"])["status"] == "no_activity"
    r = server.client("review").post(f"/matches/{matches[0]['id']}/confirm")
    assert r.status_code == 200 and r.json()["status"] == "confirmed"
    rows = server.client("ingest").get("/flags", params={"all": "true", "as_of": "2024-09-30"}).json()
    assert next(r for r in rows if r["commitment_id"] == guide["commitment_id"])["status"] == "has_activity"


@pytest.mark.slow
def test_flags_are_the_same_on_postgresql_with_its_vector_index(server_factory):
    """The matching service searches only through models/vector_index.py: the PostgreSQL server's
    index (pgvector when the server has the extension, as the test server does) must give the
    flags the in-process index gives on SQLite."""
    def flags_on(db: str) -> tuple[str, list[tuple[str, str, list[str]]]]:
        server = server_factory(db=db, JANJI_EMBEDDING_MODEL="hash-128")
        ingest = server.client("ingest", timeout=300)
        for name in ("agreement_a.txt", "agreement_b.txt"):
            _upload(server, ingest, SCEN / name, "/documents", kind="agreement")
        for report in sorted(SCEN.glob("report_*.txt")):
            _upload(server, ingest, report, "/reports")
        index = ingest.get("/healthz").json()["vector_index"]
        rows = ingest.get("/flags", params={"all": "true", "as_of": "2024-12-31"}).json()
        server.stop()
        return index, sorted((r["text"], r["status"], sorted({e["report"] for e in r["evidence"]})) for r in rows)

    sqlite_index, on_sqlite = flags_on("sqlite")
    pg_index, on_postgres = flags_on("postgresql")
    assert sqlite_index == "numpy"
    assert pg_index == ("pgvector" if _server_has_pgvector() else "numpy")
    assert any(status == "has_activity" for _, status, _ in on_sqlite)
    assert on_postgres == on_sqlite


def _server_has_pgvector() -> bool:
    from models.db import make_engine
    from models.vector_index import pgvector_available

    from tests.api.conftest import PG_URL

    engine = make_engine(PG_URL)
    try:
        return pgvector_available(engine)
    finally:
        engine.dispose()
