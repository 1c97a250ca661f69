"""The "Done when" walk of a records system and a reviewer, on an empty database, against a live
server on loopback: SQLite always, PostgreSQL when JANJI_TEST_DATABASE_URL is set."""
from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import BACKENDS, agreement_bytes

LIMIT = 64 * 1024


@pytest.mark.slow
@pytest.mark.parametrize("db", BACKENDS)
def test_records_system_and_reviewer_walk(server_factory, db):
    server = server_factory(db=db, JANJI_MAX_UPLOAD_BYTES=str(LIMIT))
    doc = agreement_bytes("WALK")

    # no key -> 401 with a challenge
    r = httpx.post(f"{server.api}/documents", files={"file": ("mou.txt", doc, "text/plain")})
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "ApiKey"
    assert r.json()["error"]["code"] == "unauthorized"

    ingest = server.client("ingest")
    review = server.client("review")

    # an upload over JANJI_MAX_UPLOAD_BYTES -> 413
    r = ingest.post("/documents", files={"file": ("big.txt", b"a" * (LIMIT + 1), "text/plain")})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_large"

    # upload -> 202 -> job succeeded
    r = ingest.post("/documents", files={"file": ("mou.txt", doc, "text/plain")}, data={"kind": "agreement"})
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["status"] == "queued" and accepted["duplicate"] is False
    job = server.wait_job(accepted["job_id"])
    assert job["status"] == "succeeded", job
    assert job["error"] is None

    # document with officials, each with an id and a version
    detail = ingest.get(f"/documents/{accepted['id']}").json()
    assert detail["status"] == "succeeded"
    names = {o["name"]: o for o in detail["officials"]}
    assert "Budi Santoso" in names, detail["officials"]
    official = names["Budi Santoso"]
    assert isinstance(official["id"], int) and isinstance(official["version"], int)
    assert "Drs." in official["honorifics"]

    # PATCH with the right version -> 200, new version
    r = review.patch(f"/officials/{official['id']}", json={"position": "Kepala Dinas Pendidikan", "reason": "tidy"},
                     headers={"If-Match": str(official["version"])})
    assert r.status_code == 200, r.text
    patched = r.json()
    assert patched["version"] == official["version"] + 1
    assert patched["position"] == "Kepala Dinas Pendidikan"
    assert r.headers["etag"] == f'"{patched["version"]}"'

    # with the old version -> 412, nothing changed
    r = review.patch(f"/officials/{official['id']}", json={"position": "Sekretaris Dinas"},
                     headers={"If-Match": str(official["version"])})
    assert r.status_code == 412
    assert r.json()["error"]["code"] == "stale_version"

    # history shows the edit: who, when, field, old, new, reason
    history = review.get(f"/officials/{official['id']}/history").json()
    assert len(history) == 1
    entry = history[0]
    assert entry["field"] == "position" and entry["new"] == "Kepala Dinas Pendidikan"
    assert entry["old"] == official["position"]
    assert entry["reason"] == "tidy" and "test-review" in entry["who"] and entry["at"]

    # the same bytes again -> same id, correction still in place
    r = ingest.post("/documents", files={"file": ("copy-of-mou.txt", doc, "text/plain")})
    assert r.status_code == 202
    again = r.json()
    assert again["id"] == accepted["id"] and again["duplicate"] is True
    detail = ingest.get(f"/documents/{accepted['id']}").json()
    kept = {o["id"]: o for o in detail["officials"]}[official["id"]]
    assert kept["position"] == "Kepala Dinas Pendidikan" and kept["version"] == patched["version"]
    assert ingest.get("/documents").json()["total"] == 1
