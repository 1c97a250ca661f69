"""RELIABILITY.md "Review and audit": every row, against a live server (and one in-process case
that needs a failing audit write)."""
from __future__ import annotations

import threading

import pytest

from tests.api.conftest import agreement_bytes


@pytest.fixture(scope="module")
def document(shared_server) -> dict:
    with shared_server.client("ingest") as c:
        r = c.post("/documents", files={"file": ("mou.txt", agreement_bytes("REVIEW"), "text/plain")})
        assert r.status_code == 202
        job = shared_server.wait_job(r.json()["job_id"])
        assert job["status"] == "succeeded", job
        return c.get(f"/documents/{r.json()['id']}").json()


def _add(server, document, kind: str, body: dict) -> dict:
    with server.client("review") as c:
        r = c.post(f"/documents/{document['id']}/{kind}", json=body)
        assert r.status_code == 201, r.text
        return r.json()


def test_second_reviewer_editing_the_same_version_gets_412_and_the_first_edit_stays(shared_server, document):
    official = _add(shared_server, document, "officials", {"name": "Rina Marlina", "position": "Sekretaris"})
    first, second = shared_server.client("review"), shared_server.client("admin")
    v = str(official["version"])
    r1 = first.patch(f"/officials/{official['id']}", json={"position": "Sekretaris Daerah"}, headers={"If-Match": v})
    r2 = second.patch(f"/officials/{official['id']}", json={"position": "Asisten"}, headers={"If-Match": v})
    assert r1.status_code == 200 and r2.status_code == 412
    assert r2.json()["error"]["code"] == "stale_version"
    assert r2.headers["etag"] == f'"{r1.json()["version"]}"'  # the version to re-read
    current = first.get(f"/documents/{document['id']}").json()
    assert {o["id"]: o for o in current["officials"]}[official["id"]]["position"] == "Sekretaris Daerah"
    updates = [h for h in first.get(f"/officials/{official['id']}/history").json() if h["action"] == "update"]
    assert [(h["field"], h["new"]) for h in updates] == [("position", "Sekretaris Daerah")]
    assert "test-review" in updates[0]["who"]


def test_concurrent_edits_from_one_version_let_exactly_one_win(shared_server, document):
    party = _add(shared_server, document, "parties", {"name": "Dinas Kesehatan"})
    results: list[int] = []

    def edit(role: str, name: str) -> None:
        with shared_server.client(role) as c:
            results.append(c.patch(f"/parties/{party['id']}", json={"name": name},
                                   headers={"If-Match": str(party["version"])}).status_code)

    threads = [threading.Thread(target=edit, args=(role, f"Dinas Kesehatan {i}"))
               for i, role in enumerate(["review", "admin", "review", "admin"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [200, 412, 412, 412]
    with shared_server.client("review") as c:
        assert len([h for h in c.get(f"/parties/{party['id']}/history").json() if h["action"] == "update"]) == 1


@pytest.mark.parametrize("kind,create,change", [
    ("commitments", {"text": "PIHAK KEDUA melatih guru."}, {"due": "2025-02-30"}),
    ("commitments", {"text": "PIHAK KEDUA melatih kepala sekolah."}, {"text": ""}),
    ("parties", {"name": "Kecamatan Depok"}, {"name": ""}),
    ("parties", {"name": "Kecamatan Mlati"}, {"name": "   "}),
    ("officials", {"name": "Dewi Sartika"}, {"role": "boss"}),
    ("officials", {"name": "Agus Salim"}, {"no_such_field": "x"}),
])
def test_invalid_values_are_422_and_change_nothing(shared_server, document, kind, create, change):
    row = _add(shared_server, document, kind, create)
    with shared_server.client("review") as c:
        r = c.patch(f"/{kind}/{row['id']}", json=change, headers={"If-Match": str(row["version"])})
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] == "validation_error"
        after = {x["id"]: x for x in c.get(f"/documents/{document['id']}").json()[kind]}[row["id"]]
        assert after == row
        assert [h["action"] for h in c.get(f"/{kind}/{row['id']}/history").json()] == ["create"]


def test_an_impossible_extracted_date_correction_is_422(shared_server, document):
    assert document["dates"], "the agreement states its signing date"
    date = document["dates"][0]
    with shared_server.client("review") as c:
        r = c.patch(f"/dates/{date['id']}", json={"date": "2025-02-30"}, headers={"If-Match": str(date["version"])})
        assert r.status_code == 422
        assert c.get(f"/dates/{date['id']}/history").json() == []


def test_if_match_is_required_and_must_be_a_version(shared_server, document):
    party = _add(shared_server, document, "parties", {"name": "Kelurahan Caturtunggal"})
    with shared_server.client("review") as c:
        r = c.patch(f"/parties/{party['id']}", json={"name": "Desa Caturtunggal"})
        assert r.status_code == 428 and r.json()["error"]["code"] == "precondition_required"
        r = c.patch(f"/parties/{party['id']}", json={"name": "Desa Caturtunggal"}, headers={"If-Match": "abc"})
        assert r.status_code == 400
        r = c.patch(f"/parties/{party['id']}", json={"name": "Desa Caturtunggal"},
                    headers={"If-Match": f'W/"{party["version"]}"'})
        assert r.status_code == 200
        assert c.delete(f"/parties/{party['id']}").status_code == 428


def test_history_is_append_only_and_says_who_when_field_old_new_reason(shared_server, document):
    c_row = _add(shared_server, document, "commitments", {"text": "PIHAK PERTAMA menyediakan lahan parkir."})
    with shared_server.client("review") as c:
        r = c.patch(f"/commitments/{c_row['id']}", json={"due": "2025-12-31", "reason": "pasal 4"},
                    headers={"If-Match": str(c_row["version"])})
        assert r.status_code == 200
        first = c.get(f"/commitments/{c_row['id']}/history").json()
        r = c.patch(f"/commitments/{c_row['id']}", json={"due": "2026-01-31", "reason": "addendum"},
                    headers={"If-Match": str(r.json()["version"])})
        assert r.status_code == 200
        history = c.get(f"/commitments/{c_row['id']}/history").json()
    assert history[: len(first)] == first  # earlier entries never change
    last = history[-1]
    assert (last["field"], last["old"], last["new"], last["reason"]) == ("due", "2025-12-31", "2026-01-31", "addendum")
    assert last["who"] and last["at"] and last["action"] == "update"
    assert [h["id"] for h in history] == sorted(h["id"] for h in history)


def test_delete_hides_the_row_records_it_and_cannot_repeat(shared_server, document):
    official = _add(shared_server, document, "officials", {"name": "Hendra Gunawan"})
    with shared_server.client("review") as c:
        r = c.delete(f"/officials/{official['id']}", headers={"If-Match": str(official["version"]),
                                                              "X-Reason": "duplicate"})
        assert r.status_code == 204
        ids = {o["id"] for o in c.get(f"/documents/{document['id']}").json()["officials"]}
        assert official["id"] not in ids
        history = c.get(f"/officials/{official['id']}/history").json()
        assert history[-1]["action"] == "delete" and history[-1]["reason"] == "duplicate"
        assert c.delete(f"/officials/{official['id']}", headers={"If-Match": "1"}).status_code == 404


@pytest.mark.slow
def test_reextraction_keeps_reviewer_values_and_shows_the_differences(shared_server):
    with shared_server.client("admin") as c:
        r = c.post("/documents", files={"file": ("mou.txt", agreement_bytes("REEXTRACT"), "text/plain")})
        shared_server.wait_job(r.json()["job_id"])
        doc_id = r.json()["id"]
        detail = c.get(f"/documents/{doc_id}").json()
        assert detail["dates"], "the agreement states dates"
        date = detail["dates"][0]
        r = c.patch(f"/dates/{date['id']}", json={"date": "2024-01-02", "reason": "checked the original"},
                    headers={"If-Match": str(date["version"])})
        assert r.status_code == 200
        reviewed = r.json()
        extra = c.post(f"/documents/{doc_id}/commitments", json={"text": "PIHAK PERTAMA menyiapkan asrama."}).json()
        counts = {k: len(detail[k]) for k in ("parties", "officials", "dates", "commitments")}

    proc = shared_server.cli("reextract", "--document", str(doc_id))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert f"kept reviewer value date {date['id']} date" in out, out
    assert '"2024-01-02"' in out

    with shared_server.client("admin") as c:
        after = c.get(f"/documents/{doc_id}").json()
        kept = {d["id"]: d for d in after["dates"]}[date["id"]]
        assert kept["date"] == "2024-01-02" and kept["version"] == reviewed["version"]
        assert kept["sources"].get("date") == "reviewer"
        assert any(k["entity"] == "date" and k["id"] == date["id"] and k["field"] == "date"
                   for k in after["last_run"]["report"]["kept_reviewer"])
        assert extra["id"] in {x["id"] for x in after["commitments"]}
        # nothing duplicated by running extraction again
        assert {k: len(after[k]) for k in counts} == {**counts, "commitments": counts["commitments"] + 1}
        history = c.get(f"/dates/{date['id']}/history").json()
        assert len(history) == 1  # re-extraction did not write over the reviewer's value


def test_a_failing_audit_write_rolls_back_the_edit(tmp_path, monkeypatch):
    """In-process: the audit insert is made to fail; the field change must not survive."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from models import repository
    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade
    from models.repo import review

    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'j.db'}", worker_threads=0)
    upgrade(settings.resolved_database_url)
    factory = make_session_factory(make_engine(settings.resolved_database_url))
    with factory() as s:
        key = repository.create_api_key(s, role="admin", label="t")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        h = {"X-API-Key": key}
        doc = client.post("/api/v1/documents", headers=h,
                          files={"file": ("a.txt", agreement_bytes("AUDIT"), "text/plain")}).json()
        party = client.post(f"/api/v1/documents/{doc['id']}/parties", headers=h, json={"name": "Pemkot Solo"}).json()

        def broken_audit(*args, **kwargs):
            raise RuntimeError("audit table unavailable")

        monkeypatch.setattr(review, "_audit", broken_audit)
        r = client.patch(f"/api/v1/parties/{party['id']}", headers={**h, "If-Match": str(party["version"])},
                         json={"name": "Pemerintah Kota Surakarta"})
        assert r.status_code == 500 and r.json()["error"]["code"] == "internal_error"
        monkeypatch.undo()
        after = {p["id"]: p for p in client.get(f"/api/v1/documents/{doc['id']}", headers=h).json()["parties"]}
        assert after[party["id"]]["name"] == "Pemkot Solo"
        assert after[party["id"]]["version"] == party["version"]
        assert [e["action"] for e in client.get(f"/api/v1/parties/{party['id']}/history", headers=h).json()] == ["create"]


def test_documents_filter_by_kind_party_and_date_range(shared_server, document):
    with shared_server.client("review") as c:
        def ids(**params) -> set[int]:
            r = c.get("/documents", params=params)
            assert r.status_code == 200, r.text
            return {d["id"] for d in r.json()["items"]}

        me = document["id"]
        assert document["kind"] == "agreement"
        assert me in ids(kind="agreement") and me not in ids(kind="activity_report")
        assert me in ids(party="Gadjah Mada") and me in ids(party="pemkab sleman")
        assert me not in ids(party="Kota Surabaya")
        assert me in ids(date_from="2025-04-01", date_to="2025-04-30")
        assert me not in ids(date_from="2031-01-01")  # after every date it mentions (expiry 2030)
        assert c.get("/documents", params={"date_from": "2025-02-30"}).status_code == 422
