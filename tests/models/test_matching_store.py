"""Statements, matches, statuses and embeddings as the matcher stores them."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from models import repository as repo
from tests.models.factories import new_document, sample_extraction


@pytest.fixture
def world(session):
    agreement = new_document(session, "a" * 64, name="mou.pdf")
    repo.save_extraction(session, document_id=agreement, extraction=sample_extraction(), run_status="succeeded")
    report = new_document(session, "b" * 64, name="laporan.pdf", kind_hint="activity_report")
    statements = repo.save_statements(session, document_id=report, statements=[
        {"text": "Lahan pusat pelatihan telah diserahkan", "date": "2025-04-01", "parties": [], "evidence": []},
        {"text": "Pelatihan pemandu wisata dilaksanakan", "date": "2025-08-01", "parties": [], "evidence": []},
    ])
    commitments = [c["id"] for c in repo.open_commitments(session)]
    return {"agreement": agreement, "report": report, "statements": statements, "commitments": commitments}


def _status(session, as_of: dt.date) -> dict[int, str]:
    return {row["commitment_id"]: row["status"] for row in repo.commitment_statuses(session, as_of=as_of)}


def test_open_commitments_carry_what_linking_needs(session, world):
    rows = repo.open_commitments(session)
    assert [r["id"] for r in rows] == sorted(world["commitments"])
    assert rows[0]["agreement"]["number"] == "119/NK/2025"
    assert {"name": "Pemerintah Kabupaten Bandung", "aliases": ["Pemkab Bandung"]} in rows[0]["document_parties"]


def test_statuses_no_activity_overdue_has_activity(session, world):
    land, training = world["commitments"]
    assert _status(session, dt.date(2025, 6, 1)) == {land: "no_activity", training: "no_activity"}
    assert _status(session, dt.date(2026, 1, 1))[land] == "overdue"  # due 2025-12-31, nothing done
    repo.upsert_match(session, commitment_id=land, statement_id=world["statements"][0], score=0.8, bm25=0.7,
                      cosine=0.9, explanation={"terms": ["lahan"]})
    assert _status(session, dt.date(2026, 1, 1))[land] == "has_activity"
    assert _status(session, dt.date(2025, 3, 1))[land] == "no_activity"  # the activity came later
    row = next(r for r in repo.commitment_statuses(session, as_of=dt.date(2026, 1, 1)) if r["commitment_id"] == land)
    assert row["evidence"][0]["report"] == "laporan.pdf" and row["evidence"][0]["score"] == 0.8
    assert row["agreement"].startswith("Nota Kesepahaman") and row["due"] == "2025-12-31"


def test_rejected_match_never_counts_again(session, world):
    land = world["commitments"][0]
    statement = world["statements"][0]
    match_id = repo.upsert_match(session, commitment_id=land, statement_id=statement, score=0.6)
    repo.set_match_status(session, match_id=match_id, status="rejected", reviewer="alice", reason="other site")
    # the matcher runs again with a better score: the decision stays
    assert repo.upsert_match(session, commitment_id=land, statement_id=statement, score=0.95) == match_id
    assert repo.get_match(session, match_id=match_id)["status"] == "rejected"
    assert repo.get_match(session, match_id=match_id)["score"] == 0.6
    repo.clear_proposed_matches(session, commitment_ids=[land])
    # re-extraction of both documents keeps it
    repo.save_extraction(session, document_id=world["agreement"], extraction=sample_extraction(), run_status="succeeded")
    assert _status(session, dt.date(2025, 6, 1))[land] == "no_activity"
    assert repo.list_matches(session, commitment_id=land, status="rejected")[0]["id"] == match_id
    assert [h["new"] for h in repo.history(session, kind="match", entity_id=match_id)] == ["rejected"]


def test_confirmed_match_survives_clearing_proposed(session, world):
    land, training = world["commitments"]
    keep = repo.upsert_match(session, commitment_id=training, statement_id=world["statements"][1], score=0.7)
    drop = repo.upsert_match(session, commitment_id=land, statement_id=world["statements"][1], score=0.4)
    repo.set_match_status(session, match_id=keep, status="confirmed", reviewer="bob")
    assert repo.clear_proposed_matches(session, statement_ids=[world["statements"][1]]) == 1
    assert [m["id"] for m in repo.list_matches(session, statement_id=world["statements"][1])] == [keep]
    with pytest.raises(repo.NotFound):
        repo.get_match(session, match_id=drop)
    with pytest.raises(repo.InvalidValue):
        repo.set_match_status(session, match_id=keep, status="maybe", reviewer="bob")


def test_reviewer_deleted_commitment_leaves_the_flags(session, world):
    land = world["commitments"][0]
    repo.delete_entity(session, kind="commitment", entity_id=land, who="alice")
    assert land not in _status(session, dt.date(2026, 1, 1))


def test_embeddings_are_kept_per_model_and_dimension(session, world):
    ids = world["commitments"]
    repo.save_embeddings(session, owner_type="commitment", owner_ids=ids, vectors=np.eye(2, 4), model_id="m-a",
                         texts=["a", "b"])
    repo.save_embeddings(session, owner_type="commitment", owner_ids=ids[:1], vectors=np.ones((1, 8)), model_id="m-b")
    got_ids, matrix, hashes = repo.load_embeddings(session, owner_type="commitment", model_id="m-a")
    assert got_ids == ids and matrix.shape == (2, 4) and matrix.dtype == np.float32
    assert hashes[ids[0]] is not None
    assert repo.load_embeddings(session, owner_type="commitment", model_id="m-b")[1].shape == (1, 8)
    assert repo.load_embeddings(session, owner_type="commitment", model_id="m-a", dim=8)[0] == []
    # replacing keeps one row per owner and model
    repo.save_embeddings(session, owner_type="commitment", owner_ids=ids[:1], vectors=np.ones((1, 4)), model_id="m-a")
    got_ids, matrix, _ = repo.load_embeddings(session, owner_type="commitment", model_id="m-a")
    assert got_ids == ids and matrix[0].tolist() == [1, 1, 1, 1]


def test_agreements_for_linking_leave_reports_out(session, world):
    rows = repo.list_agreements(session)
    assert [r["id"] for r in rows] == [world["agreement"]]
    assert rows[0]["number"] == "119/NK/2025" and rows[0]["parties"][0]["aliases"] == ["Pemkab Bandung"]


def test_id_lists_beyond_driver_parameter_limits(session, world):
    many = list(range(1, 70_001))  # psycopg refuses more than 65,535 bound parameters
    assert len(repo.open_commitments(session, commitment_ids=many)) == 2
    assert len(repo.commitment_statuses(session, as_of=dt.date(2026, 1, 1), commitment_ids=many)) == 2
    assert repo.list_statements(session, statement_ids=many)[0]["id"] in world["statements"]
    assert repo.clear_proposed_matches(session, statement_ids=many) == 0


def test_no_commitments_gives_an_empty_result(session):
    assert repo.commitment_statuses(session, as_of=dt.date(2025, 1, 1)) == []
    assert repo.open_commitments(session) == []


def test_reworded_statement_keeps_its_id_and_its_confirmed_match(session, world):
    land = world["commitments"][0]
    first = world["statements"][0]
    match_id = repo.upsert_match(session, commitment_id=land, statement_id=first, score=0.7)
    repo.set_match_status(session, match_id=match_id, status="confirmed", reviewer="alice")
    ids = repo.save_statements(session, document_id=world["report"], statements=[
        {"text": "Lahan pusat pelatihan telah diserahkan kepada desa", "date": "2025-04-01", "parties": [],
         "evidence": []},  # reworded (OCR fix, longer sentence)
        {"text": "Pelatihan pemandu wisata dilaksanakan", "date": "2025-08-01", "parties": [], "evidence": []},
    ])
    assert ids == world["statements"]
    assert _status(session, dt.date(2026, 1, 1))[land] == "has_activity"
    # a statement that disappeared takes its proposed matches with it
    other = repo.upsert_match(session, commitment_id=world["commitments"][1], statement_id=ids[1], score=0.5)
    repo.save_statements(session, document_id=world["report"], statements=[
        {"text": "Lahan pusat pelatihan telah diserahkan kepada desa", "date": "2025-04-01"}])
    with pytest.raises(repo.NotFound):
        repo.get_match(session, match_id=other)
    assert [s["id"] for s in repo.list_statements(session, document_id=world["report"])] == [ids[0]]
