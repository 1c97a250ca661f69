"""Documents: one per sha256 (also under concurrency), detail in the extraction schema, listing."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from models import repository as repo
from models.tables import Document, Job
from tests.models.factories import new_document, sample_extraction


def test_same_bytes_twice_gives_the_existing_id_and_no_second_job(session):
    first = repo.get_or_create_document(session, sha256="b" * 64, display_name="a.pdf", media_type="application/pdf",
                                        size=10, blob_key="b" * 64)
    second = repo.get_or_create_document(session, sha256="b" * 64, display_name="other-name.pdf",
                                         media_type="application/pdf", size=10, blob_key="b" * 64)
    assert first["created"] and not second["created"]
    assert second["id"] == first["id"] and second["job_id"] == first["job_id"]
    assert session.scalar(select(func.count()).select_from(Job)) == 1


def test_concurrent_duplicate_uploads_store_one_document(sessions):
    results, errors = [], []
    barrier = threading.Barrier(6)

    def upload() -> None:
        with sessions() as s:
            barrier.wait()
            try:
                results.append(repo.get_or_create_document(
                    s, sha256="c" * 64, display_name="x.pdf", media_type="application/pdf", size=5,
                    blob_key="c" * 64))
            except Exception as exc:  # noqa: BLE001 - the test reports any failure below
                errors.append(exc)

    threads = [threading.Thread(target=upload) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len({r["id"] for r in results}) == 1
    assert sum(r["created"] for r in results) == 1
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
        assert s.scalar(select(func.count()).select_from(Job)) == 1


def test_detail_has_id_and_version_on_every_entity(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    detail = repo.get_document_detail(session, document_id=doc_id)
    assert detail["title"].startswith("Nota Kesepahaman") and detail["term"]["years"] == 5
    assert detail["signed_on"] == "2025-03-14" and detail["status"] == "succeeded"
    for key in ("parties", "officials", "dates", "commitments"):
        assert detail[key], key
        for item in detail[key]:
            assert isinstance(item["id"], int) and item["version"] == 1
            assert item["evidence"] and item["evidence"][0]["bbox"] == [10.0, 20.0, 30.0, 40.0]
    assert detail["commitments"][0]["due"] == "2025-12-31"
    assert detail["last_run"]["status"] == "succeeded"


def test_unknown_document_is_not_found(session):
    with pytest.raises(repo.NotFound):
        repo.get_document_detail(session, document_id=999)


def test_list_filters_and_paginates(session):
    a = new_document(session, "1" * 64, name="a.pdf")
    repo.save_extraction(session, document_id=a, extraction=sample_extraction(), run_status="succeeded")
    b = new_document(session, "2" * 64, name="b.pdf")
    other = sample_extraction(kind="news_release", parties=[
        {"name": "Pemerintah Kota Surabaya", "aliases": ["Pemkot Surabaya"], "role": None, "evidence": []}],
        dates=[{"date": "2024-01-05", "role": "mentioned", "text": "5 Januari 2024", "evidence": []}])
    repo.save_extraction(session, document_id=b, extraction=other, run_status="succeeded")
    for i in range(3):
        new_document(session, f"{i + 3}" * 64, name=f"c{i}.pdf")

    def ids(**kw):
        return [d["id"] for d in repo.list_documents(session, **kw)["items"]]

    assert ids(kind="agreement") == [a]
    assert ids(kind="news_release") == [b]
    assert ids(kind="report") == ids(kind="activity_report") == []
    assert ids(party="pemkot surabaya") == [b]          # alias, case-insensitive
    assert ids(party="Kabupaten Bandung") == [a]
    assert ids(date_from=dt.date(2025, 1, 1)) == [a]
    assert ids(date_to=dt.date(2024, 12, 31)) == [b]
    page = repo.list_documents(session, limit=2, offset=0)
    assert page["total"] == 5 and len(page["items"]) == 2
    assert repo.list_documents(session, limit=1000)["limit"] == 100
    listed = repo.list_documents(session, party="bandung")["items"][0]
    assert "Universitas Padjadjaran" in listed["parties"]


def test_the_first_job_gets_the_requested_attempt_budget(session):
    created = repo.get_or_create_document(session, sha256="e" * 64, display_name="a.pdf", media_type="application/pdf",
                                          size=10, blob_key="e" * 64, max_attempts=1)
    assert repo.get_job(session, job_id=created["job_id"])["max_attempts"] == 1
