"""The pydantic schemas are the contract of the repository's output: validate real output."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from models import repository as repo
from models import schemas
from tests.models.factories import new_document, sample_extraction


def test_repository_output_matches_the_public_schemas(session):
    doc_id = new_document(session)
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(activities=[
        {"text": "Lahan telah diserahkan", "date": "2025-04-01", "parties": [], "evidence": []}]),
        run_status="succeeded")
    detail = schemas.DocumentPublic.model_validate(repo.get_document_detail(session, document_id=doc_id))
    assert detail.commitments[0].due == dt.date(2025, 12, 31) and detail.schema_version == 1
    schemas.DocumentPage.model_validate(repo.list_documents(session))
    job = repo.lease_next_job(session, worker_id="w")
    schemas.JobPublic.model_validate(job)
    party = detail.parties[0]
    changes = schemas.PartyUpdate(name="Pemkab Bandung").model_dump(exclude_unset=True)
    repo.patch_entity(session, kind="party", entity_id=party.id, changes=changes, expected_version=party.version,
                      who="alice")
    for row in repo.history(session, kind="party", entity_id=party.id):
        schemas.FieldEditPublic.model_validate(row)
    commitment = detail.commitments[0]
    statement = detail.activities[0]
    match_id = repo.upsert_match(session, commitment_id=commitment.id, statement_id=statement.id, score=0.5)
    schemas.MatchPublic.model_validate(repo.get_match(session, match_id=match_id))
    for row in repo.commitment_statuses(session, as_of=dt.date(2026, 1, 1)):
        schemas.FlagPublic.model_validate(row)
    repo.create_api_key(session, role="review")
    schemas.ApiKeyPublic.model_validate(repo.list_api_keys(session)[0])
    added = repo.add_entity(session, kind="date", document_id=doc_id,
                            values=schemas.DateCreate(role="expiry", date="2030-03-14").model_dump(exclude_unset=True),
                            who="alice")
    schemas.DatePublic.model_validate(added)


def test_update_schemas_refuse_unknown_fields_and_impossible_dates():
    with pytest.raises(ValidationError):
        schemas.CommitmentUpdate.model_validate({"due": "2025-02-30"})
    with pytest.raises(ValidationError):
        schemas.PartyUpdate.model_validate({"nama": "x"})
    with pytest.raises(ValidationError):
        schemas.PartyCreate.model_validate({"name": ""})
    for model in list(schemas.UPDATE_SCHEMAS.values()) + list(schemas.CREATE_SCHEMAS.values()):
        examples = model.model_json_schema().get("examples") or []
        assert examples, model.__name__
        for example in examples:
            model.model_validate(example)
