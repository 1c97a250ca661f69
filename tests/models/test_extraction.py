"""save_extraction: one transaction per run, stable ids, reviewer values win, differences reported."""
from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select

from models import repository as repo
from models.tables import Commitment, Evidence, ExtractionRun, FieldEdit, Official, Party
from tests.models.factories import ev, new_document, sample_extraction


def _count(session, table) -> int:
    return session.scalar(select(func.count()).select_from(table))


def _ids(detail: dict) -> dict[str, list[int]]:
    return {k: [e["id"] for e in detail[k]] for k in ("parties", "officials", "dates", "commitments")}


def test_same_extraction_twice_changes_nothing(session):
    doc_id = new_document(session)
    first = repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    assert first["created"] == {"party": 2, "official": 1, "date": 1, "commitment": 2}
    before = repo.get_document_detail(session, document_id=doc_id)
    again = repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    assert again["created"] == {} and again["updated"] == {} and again["removed"] == {}
    after = repo.get_document_detail(session, document_id=doc_id)
    assert _ids(after) == _ids(before)
    assert [e["version"] for e in after["parties"]] == [1, 1]
    assert _count(session, Evidence) == 6
    assert _count(session, ExtractionRun) == 2


def test_reextraction_keeps_reviewer_values_and_reports_differences(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    detail = repo.get_document_detail(session, document_id=doc_id)
    official = detail["officials"][0]
    commitment = detail["commitments"][0]
    repo.patch_entity(session, kind="official", entity_id=official["id"], changes={"name": "Dadang Supriatna, S.Sos"},
                      expected_version=1, who="alice")
    repo.patch_entity(session, kind="commitment", entity_id=commitment["id"], changes={"due": "2026-06-30"},
                      expected_version=1, who="alice")
    repo.patch_entity(session, kind="document", entity_id=doc_id, changes={"title": "Judul yang benar"},
                      expected_version=detail["version"], who="alice")

    changed = copy.deepcopy(sample_extraction())  # a new rule version reads things differently
    changed["title"] = "Judul baru dari ekstraktor"
    changed["commitments"][0]["due"] = "2025-11-30"
    changed["commitments"][0]["action"] = "menyediakan lahan seluas 2 ha"
    changed["officials"][0]["position"] = "Bupati"
    report = repo.save_extraction(session, document_id=doc_id, extraction=changed, run_status="succeeded",
                                  extractor_version="rules-2")

    after = repo.get_document_detail(session, document_id=doc_id)
    assert _ids(after) == _ids(detail)
    assert after["title"] == "Judul yang benar"
    c = next(x for x in after["commitments"] if x["id"] == commitment["id"])
    assert c["due"] == "2026-06-30"                         # reviewer value kept
    assert c["action"] == "menyediakan lahan seluas 2 ha"   # extractor field updated
    o = after["officials"][0]
    assert o["name"] == "Dadang Supriatna, S.Sos" and o["position"] == "Bupati"
    changed = {(d["entity"], d["id"], d["field"]): (d["old"], d["new"]) for d in report["changed"]}
    assert changed[("commitment", commitment["id"], "action")] == ("menyediakan lahan", "menyediakan lahan seluas 2 ha")
    assert changed[("official", official["id"], "position")] == ("Bupati Bandung", "Bupati")
    assert not any(field in ("due", "name", "title") for _, _, field in changed)
    diffs = {(d["entity"], d["field"]): (d["current"], d["extracted"]) for d in report["kept_reviewer"]}
    assert diffs[("commitment", "due")] == ("2026-06-30", "2025-11-30")
    assert diffs[("document", "title")] == ("Judul yang benar", "Judul baru dari ekstraktor")
    assert diffs[("official", "name")] == ("Dadang Supriatna, S.Sos", "Dadang Supriatna")
    # the report is stored on the run for review
    assert after["last_run"]["report"]["kept_reviewer"] == report["kept_reviewer"]
    assert after["last_run"]["extractor_version"] == "rules-2"
    # the extractor's update bumped the version so a reviewer holding the old one gets 412
    with pytest.raises(repo.StaleVersion):
        repo.patch_entity(session, kind="official", entity_id=o["id"], changes={"role": "attendee"},
                          expected_version=2, who="bob")


def test_reviewer_deleted_entity_is_not_resurrected(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    party = repo.get_document_detail(session, document_id=doc_id)["parties"][1]
    repo.delete_entity(session, kind="party", entity_id=party["id"], who="alice", reason="not a party")
    report = repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    names = [p["name"] for p in repo.get_document_detail(session, document_id=doc_id)["parties"]]
    assert names == ["Pemerintah Kabupaten Bandung"]
    assert [s["id"] for s in report["suppressed_deleted"]] == [party["id"]]
    assert _count(session, Party) == 2  # the deleted row is kept (history), not duplicated


def test_entities_recognised_by_alias_and_reworded_text(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    before = repo.get_document_detail(session, document_id=doc_id)
    changed = sample_extraction()
    changed["parties"][0] = {"name": "Pemkab Bandung", "aliases": [], "role": "PIHAK PERTAMA", "evidence": []}
    changed["commitments"][0]["text"] = "PIHAK PERTAMA menyediakan lahan untuk pusat pelatihan."
    changed["commitments"][1]["text"] = "PIHAK KEDUA wajib melaksanakan pelatihan pemandu wisata"
    repo.save_extraction(session, document_id=doc_id, extraction=changed, run_status="succeeded")
    after = repo.get_document_detail(session, document_id=doc_id)
    assert _ids(after) == _ids(before)
    assert after["parties"][0]["name"] == "Pemkab Bandung"
    assert after["commitments"][1]["text"].startswith("PIHAK KEDUA wajib")


def test_extractor_catching_up_with_a_correction_does_not_duplicate(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    detail = repo.get_document_detail(session, document_id=doc_id)
    official, date = detail["officials"][0], detail["dates"][0]
    repo.patch_entity(session, kind="official", entity_id=official["id"], changes={"name": "Dadang Supriatna Putra"},
                      expected_version=1, who="alice")
    repo.patch_entity(session, kind="date", entity_id=date["id"], changes={"date": "2025-03-15"},
                      expected_version=1, who="alice")
    improved = sample_extraction()  # better rules now read what the reviewer wrote
    improved["officials"][0]["name"] = "Dadang Supriatna Putra"
    improved["dates"][0]["date"] = "2025-03-15"
    report = repo.save_extraction(session, document_id=doc_id, extraction=improved, run_status="succeeded")
    after = repo.get_document_detail(session, document_id=doc_id)
    assert _ids(after) == _ids(detail)
    assert report["created"] == {} and report["kept_reviewer"] == []


def test_entities_no_longer_found_are_retired_unless_a_reviewer_touched_them(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    detail = repo.get_document_detail(session, document_id=doc_id)
    kept = detail["commitments"][0]
    repo.patch_entity(session, kind="commitment", entity_id=kept["id"], changes={"needs_review": True},
                      expected_version=1, who="alice")
    report = repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(commitments=[]),
                                  run_status="succeeded")
    assert report["removed"] == {"commitment": 1}
    assert report["kept_unmatched"] == [{"entity": "commitment", "id": kept["id"]}]
    assert [c["id"] for c in repo.get_document_detail(session, document_id=doc_id)["commitments"]] == [kept["id"]]
    # found again later: the retired row comes back with its old id
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    assert sorted(c["id"] for c in repo.get_document_detail(session, document_id=doc_id)["commitments"]) == \
        sorted(c["id"] for c in detail["commitments"])


def test_crash_part_way_through_saving_leaves_nothing_and_retry_has_no_duplicates(session):
    doc_id = new_document(session)
    broken = sample_extraction()
    # the last commitment's evidence is unusable: saving fails after parties/officials/dates were written
    broken["commitments"][1]["evidence"] = [{"page": 2, "start": "not a number", "end": 5, "text": "x"}]
    with pytest.raises(ValueError):
        repo.save_extraction(session, document_id=doc_id, extraction=broken, run_status="succeeded")
    for table in (Party, Official, Commitment, Evidence, ExtractionRun):
        assert _count(session, table) == 0, table.__tablename__
    assert repo.get_document(session, document_id=doc_id)["status"] == "queued"
    for _ in range(2):  # the retry, and a duplicate delivery of the same job
        repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    assert (_count(session, Party), _count(session, Commitment), _count(session, Evidence)) == (2, 2, 6)


def test_failed_run_is_recorded_without_touching_entities(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    report = repo.save_extraction(session, document_id=doc_id, extraction=None, run_status="failed",
                                  error_code="timeout", error_message="page 3 took too long")
    detail = repo.get_document_detail(session, document_id=doc_id)
    assert detail["status"] == "failed" and len(detail["commitments"]) == 2
    assert detail["last_run"]["error_code"] == "timeout" and report["run_id"] == detail["last_run"]["id"]
    with pytest.raises(ValueError):
        repo.save_extraction(session, document_id=doc_id, extraction=None, run_status="done")
    runs = repo.list_runs(session, document_id=doc_id)
    assert [r["status"] for r in runs] == ["failed", "succeeded"]
    assert runs[1]["report"]["created"]["commitment"] == 2


def test_same_commitment_in_several_places_is_one_row_with_all_evidence(session):
    doc_id = new_document(session)
    dup = sample_extraction()
    dup["commitments"].append({**dup["commitments"][0], "evidence": [ev(900, "menyediakan lahan", page=3)]})
    repo.save_extraction(session, document_id=doc_id, extraction=dup, run_status="partial")
    commitments = repo.get_document_detail(session, document_id=doc_id)["commitments"]
    assert len(commitments) == 2
    assert [e["page"] for e in commitments[0]["evidence"]] == [2, 3]


def test_report_statements_keep_ids_across_reextraction(session):
    doc_id = new_document(session, kind_hint="activity_report")
    report = sample_extraction(kind="activity_report", parties=[], officials=[], commitments=[], activities=[
        {"text": "Pelatihan pemandu wisata telah dilaksanakan di Desa Alamendah", "date": "2025-05-02",
         "parties": ["Universitas Padjadjaran"], "evidence": [ev(10, "Pelatihan pemandu wisata")]},
        {"text": "Lahan pusat pelatihan telah diserahkan", "date": None, "parties": [], "evidence": []},
    ])
    out = repo.save_extraction(session, document_id=doc_id, extraction=report, run_status="succeeded")
    assert out["statements"] == 2
    first = repo.list_statements(session, document_id=doc_id)
    repo.save_extraction(session, document_id=doc_id, extraction=report, run_status="succeeded")
    assert [s["id"] for s in repo.list_statements(session, document_id=doc_id)] == [s["id"] for s in first]
    assert first[0]["date"] == "2025-05-02" and first[0]["evidence"][0]["text"] == "Pelatihan pemandu wisata"
    assert _count(session, FieldEdit) == 0


def test_extracted_nul_and_lone_surrogates_are_stored_length_preserving(session):
    doc_id = new_document(session)
    data = sample_extraction()
    data["parties"][0]["name"] = "Pemerintah\x00Kabupaten \ud83d Bandung"
    data["parties"][0]["evidence"] = [ev(10, "Pemerintah\x00Kabupaten")]
    repo.save_extraction(session, document_id=doc_id, extraction=data, run_status="partial",
                         error_message="page 2:\x00 bad")
    party = repo.get_document_detail(session, document_id=doc_id)["parties"][0]
    assert party["name"] == "Pemerintah Kabupaten \ufffd Bandung"
    e = party["evidence"][0]
    assert e["text"] == "Pemerintah Kabupaten" and e["end"] - e["start"] == len(e["text"])


def test_a_new_similar_commitment_does_not_take_an_existing_ones_place(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    before = {c["text"]: c["id"] for c in repo.get_document_detail(session, document_id=doc_id)["commitments"]}
    data = sample_extraction()
    # listed FIRST: a new commitment nearly identical to an existing one
    data["commitments"].insert(0, {**data["commitments"][0],
                                   "text": "PIHAK PERTAMA menyediakan lahan untuk pusat pelatihan baru"})
    report = repo.save_extraction(session, document_id=doc_id, extraction=data, run_status="succeeded")
    after = {c["text"]: c["id"] for c in repo.get_document_detail(session, document_id=doc_id)["commitments"]}
    assert report["created"] == {"commitment": 1}
    for text, commitment_id in before.items():
        assert after[text] == commitment_id
