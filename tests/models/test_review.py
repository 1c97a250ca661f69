"""Reviewer corrections: optimistic locking, validation, audit in the same transaction."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from models import repository as repo
from models.tables import FieldEdit, Official, Party
from tests.models.factories import new_document, sample_extraction


@pytest.fixture
def doc(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    return repo.get_document_detail(session, document_id=doc_id)


def _audit_rows(session) -> int:
    return session.scalar(select(func.count()).select_from(FieldEdit))


def test_patch_writes_value_audit_row_and_bumps_version(session, doc):
    official = doc["officials"][0]
    out = repo.patch_entity(session, kind="officials", entity_id=official["id"],
                            changes={"position": "Bupati Bandung periode 2021-2026", "role": "signatory"},
                            expected_version=official["version"], who="key:abc", reason="typo")
    assert out["version"] == official["version"] + 1
    assert out["position"] == "Bupati Bandung periode 2021-2026"
    assert out["sources"] == {"position": "reviewer", "role": "reviewer"}
    hist = repo.history(session, kind="official", entity_id=official["id"])
    assert [(h["field"], h["old"], h["new"], h["who"], h["reason"]) for h in hist] == [
        ("position", "Bupati Bandung", "Bupati Bandung periode 2021-2026", "key:abc", "typo"),
        ("role", "signatory", "signatory", "key:abc", "typo")]  # role confirmed (locked), value unchanged
    again = repo.patch_entity(session, kind="official", entity_id=official["id"], changes={"role": "signatory"},
                              expected_version=out["version"], who="key:abc")
    assert again["version"] == out["version"]  # a no-op edit changes nothing and audits nothing
    assert len(repo.history(session, kind="official", entity_id=official["id"])) == 2
    assert hist[0]["at"]


def test_second_reviewer_with_the_same_version_is_stale(session, doc):
    party = doc["parties"][0]
    repo.patch_entity(session, kind="party", entity_id=party["id"], changes={"name": "Pemkab Bandung"},
                      expected_version=party["version"], who="alice")
    with pytest.raises(repo.StaleVersion) as err:
        repo.patch_entity(session, kind="party", entity_id=party["id"], changes={"name": "Kabupaten Bandung"},
                          expected_version=party["version"], who="bob")
    assert err.value.current_version == party["version"] + 1
    assert repo.get_entity(session, kind="party", entity_id=party["id"])["name"] == "Pemkab Bandung"
    assert [h["who"] for h in repo.history(session, kind="party", entity_id=party["id"])] == ["alice"]


def test_concurrent_reviewers_one_wins(sessions, doc):
    party = doc["parties"][1]
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def edit(who: str) -> None:
        with sessions() as s:
            barrier.wait()
            try:
                repo.patch_entity(s, kind="party", entity_id=party["id"], changes={"role": f"role of {who}"},
                                  expected_version=party["version"], who=who)
                outcomes.append("ok")
            except repo.StaleVersion:
                outcomes.append("stale")

    threads = [threading.Thread(target=edit, args=(f"r{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "stale", "stale", "stale"]
    with sessions() as s:
        hist = repo.history(s, kind="party", entity_id=party["id"])
        assert len(hist) == 1
        assert repo.get_entity(s, kind="party", entity_id=party["id"])["role"] == hist[0]["new"]


@pytest.mark.parametrize("kind,field,value", [
    ("date", "date", "2025-02-30"),
    ("date", "date", "30/02/2025"),
    ("commitment", "due", "2025-13-01"),
    ("party", "name", ""),
    ("party", "name", "   "),
    ("official", "name", None),
    ("official", "role", "boss"),
    ("commitment", "text", ""),
    ("party", "no_such_field", "x"),
])
def test_invalid_value_changes_nothing_and_writes_no_audit(session, doc, kind, field, value):
    entity = doc[{"date": "dates", "commitment": "commitments", "party": "parties", "official": "officials"}[kind]][0]
    before = repo.get_entity(session, kind=kind, entity_id=entity["id"])
    with pytest.raises(repo.InvalidValue):
        repo.patch_entity(session, kind=kind, entity_id=entity["id"], changes={field: value},
                          expected_version=entity["version"], who="alice")
    assert repo.get_entity(session, kind=kind, entity_id=entity["id"]) == before
    assert _audit_rows(session) == 0


def test_valid_edit_together_with_an_invalid_one_is_refused_whole(session, doc):
    d = doc["dates"][0]
    with pytest.raises(repo.InvalidValue):
        repo.patch_entity(session, kind="date", entity_id=d["id"], changes={"role": "effective", "date": "2025-02-30"},
                          expected_version=d["version"], who="alice")
    assert repo.get_entity(session, kind="date", entity_id=d["id"])["role"] == "signing"
    assert _audit_rows(session) == 0


def test_audit_write_failure_rolls_back_the_edit(session, doc):
    # `who` must not be empty: a real CHECK constraint on field_edits makes the audit insert fail
    party = doc["parties"][0]
    with pytest.raises(IntegrityError):
        repo.patch_entity(session, kind="party", entity_id=party["id"], changes={"name": "Nama Baru"},
                          expected_version=party["version"], who="")
    session.rollback()
    after = repo.get_entity(session, kind="party", entity_id=party["id"])
    assert after["name"] == party["name"] and after["version"] == party["version"] and after["sources"] == {}
    assert _audit_rows(session) == 0


def test_audit_failure_from_a_database_trigger_rolls_back_the_edit(engine, session, doc):
    official = doc["officials"][0]
    if engine.dialect.name == "sqlite":
        ddl = [("CREATE TRIGGER audit_broken BEFORE INSERT ON field_edits "
                "BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END")]
    else:
        ddl = [("CREATE FUNCTION audit_broken() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$"),
               "CREATE TRIGGER audit_broken BEFORE INSERT ON field_edits FOR EACH ROW EXECUTE FUNCTION audit_broken()"]
    with engine.begin() as conn:
        for statement in ddl:
            conn.execute(text(statement))
    try:
        with pytest.raises(DBAPIError, match="audit store unavailable"):
            repo.patch_entity(session, kind="official", entity_id=official["id"], changes={"name": "Orang Lain"},
                              expected_version=official["version"], who="alice")
    finally:
        session.rollback()
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_broken" if engine.dialect.name == "sqlite"
                              else "DROP TRIGGER audit_broken ON field_edits; DROP FUNCTION audit_broken()"))
    row = session.get(Official, official["id"], populate_existing=True)
    assert row.name == "Dadang Supriatna" and row.version == official["version"]


def test_add_and_delete_are_audited(session, doc):
    added = repo.add_entity(session, kind="commitments", document_id=doc["id"],
                            values={"text": "Kedua pihak menyusun rencana kerja tahunan", "due": "2025-09-30"},
                            who="alice", reason="missed by extractor")
    assert added["origin"] == "reviewer" and added["due"] == "2025-09-30" and added["version"] == 1
    repo.delete_entity(session, kind="commitment", entity_id=added["id"], who="bob", reason="duplicate")
    hist = repo.history(session, kind="commitment", entity_id=added["id"])
    assert [(h["action"], h["who"]) for h in hist] == [("create", "alice"), ("delete", "bob")]
    assert added["id"] not in [c["id"] for c in repo.get_document_detail(session, document_id=doc["id"])["commitments"]]
    with pytest.raises(repo.NotFound):
        repo.patch_entity(session, kind="commitment", entity_id=added["id"], changes={"text": "x y"},
                          expected_version=2, who="alice")


def test_add_requires_the_identifying_field(session, doc):
    with pytest.raises(repo.InvalidValue):
        repo.add_entity(session, kind="party", document_id=doc["id"], values={"role": "saksi"}, who="alice")
    with pytest.raises(repo.NotFound):
        repo.add_entity(session, kind="party", document_id=12345, values={"name": "X"}, who="alice")
    assert _audit_rows(session) == 0


def test_document_history_collects_every_entity(session, doc):
    party, commitment = doc["parties"][0], doc["commitments"][0]
    repo.patch_entity(session, kind="party", entity_id=party["id"], changes={"role": "first party"},
                      expected_version=1, who="alice")
    repo.delete_entity(session, kind="commitment", entity_id=commitment["id"], who="bob")
    repo.patch_entity(session, kind="document", entity_id=doc["id"], changes={"location": "Soreang"},
                      expected_version=doc["version"], who="carol")
    other = new_document(session, "9" * 64)
    repo.add_entity(session, kind="party", document_id=other, values={"name": "Lain"}, who="dave")
    rows = repo.document_history(session, document_id=doc["id"])
    assert [(r["entity_type"], r["who"]) for r in rows] == [("document", "carol"), ("commitment", "bob"),
                                                            ("party", "alice")]


def test_history_of_unknown_entity_is_not_found(session):
    with pytest.raises(repo.NotFound):
        repo.history(session, kind="parties", entity_id=999)


def test_patch_document_fields(session, doc):
    out = repo.patch_entity(session, kind="document", entity_id=doc["id"], changes={"number": "120/NK/2025"},
                            expected_version=doc["version"], who="alice")
    assert out["number"] == "120/NK/2025" and out["sources"] == {"number": "reviewer"}
    assert session.scalar(select(func.count()).select_from(Party)) == 2


@pytest.mark.parametrize("bad_id", [0, -1, 2**31, 10**20])
def test_impossible_ids_are_not_found(session, bad_id):
    with pytest.raises(repo.NotFound):
        repo.get_entity(session, kind="party", entity_id=bad_id)
    with pytest.raises(repo.NotFound):
        repo.get_document_detail(session, document_id=bad_id)
    with pytest.raises(repo.NotFound):
        repo.patch_entity(session, kind="commitment", entity_id=bad_id, changes={"text": "x"}, expected_version=1,
                          who="a")
    with pytest.raises(repo.NotFound):
        repo.history(session, kind="date", entity_id=bad_id)
    with pytest.raises(repo.NotFound):
        repo.get_job(session, job_id=bad_id)
    with pytest.raises(repo.NotFound):
        repo.get_match(session, match_id=bad_id)


@pytest.mark.parametrize("value", ["Pemkab\x00Bandung", "Pemkab \ud800"])
def test_text_the_database_refuses_is_a_validation_error(session, doc, value):
    party = doc["parties"][0]
    with pytest.raises(repo.InvalidValue):
        repo.patch_entity(session, kind="party", entity_id=party["id"], changes={"name": value},
                          expected_version=party["version"], who="alice")
    with pytest.raises(repo.InvalidValue):
        repo.patch_entity(session, kind="party", entity_id=party["id"], changes={"aliases": [value]},
                          expected_version=party["version"], who="alice")
    assert repo.list_documents(session, party=value + " Barat")["total"] == 0  # a query, not an error
    assert repo.verify_api_key(session, plaintext=f"jnj_{value}_abc") is None
    assert repo.verify_user(session, username=value, password=value) is None
