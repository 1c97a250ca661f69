"""Janji store: SQLAlchemy 2 tables, repository, blob store, Alembic migrations, API schemas.

Never imports extractor/ or api/; takes plain dicts (`Extraction.to_dict()`) and primitives.

Set-up (nothing happens at import time):
    from models.db import make_engine, make_session_factory   # make_engine(url): SQLite WAL/FK/busy
    from models.migrate import upgrade                         # upgrade(url_or_engine) -> head
    from models.blobs import BlobStore, StorageFull            # BlobStore(root).put_file(fh) -> sha256
    from models import repository as repo                      # all functions below
    from models.vector_index import choose_vector_index        # choose_vector_index(engine) -> VectorIndex

Re-extraction recognises rows by natural key (normalised name; role+date; normalised text), then by
current (reviewer-corrected) values, party aliases, and near-identical wording; ids survive.
Strings with NUL / lone surrogates: made storable (length-preserving) when extracted, 422 from reviewers.

Errors (models.errors): NotFound -> 404, StaleVersion(current_version) -> 412,
InvalidValue(field) -> 422, blobs.StorageFull -> 507.

Transactions: every repository WRITE function is one transaction (commit on success, rollback on
error; SQLite uses BEGIN IMMEDIATE). Call it on a session with no pending changes. Reads never commit.
Kinds: "party"|"official"|"date"|"commitment"|"document" (plurals accepted: "parties", ...).
Id-list arguments may be of any length (rendered as literal IN lists; no driver parameter cap).

Repository (all keyword-only after `session`):
  documents
    get_or_create_document(s, *, sha256, display_name, media_type, size, blob_key, kind_hint=None,
                           job_kind="extract") -> {"id", "created", "job_id", "status"}
    get_document(s, *, document_id) -> summary dict;  document_id_by_sha256(s, *, sha256) -> int|None
    get_document_detail(s, *, document_id, include_deleted=False) -> extraction schema + id/version
        on every party/official/date/commitment, "activities", "last_run", "sources"
    list_documents(s, *, kind=None, party=None, date_from=None, date_to=None, status=None, limit=20,
                   offset=0) -> {"items", "total", "limit"(<=100), "offset"}
    set_document_status(s, *, document_id, status)
    list_runs(s, *, document_id, limit=20) -> extraction runs newest first, each with its report
  extraction
    save_extraction(s, *, document_id, extraction: dict|None, run_status, extractor_version="",
                    error_code=None, error_message=None) -> report {"run_id", "status", "created",
                    "updated", "removed", "changed": [{entity,id,field,old,new}] (extractor values
                    replaced), "kept_reviewer": [{entity,id,field,current,extracted}],
                    "suppressed_deleted", "kept_unmatched"}   (also stored on extraction_runs.report)
  review (audited in field_edits, same transaction)
    patch_entity(s, *, kind, entity_id, changes: dict, expected_version, who, reason=None) -> entity
        (every field sent becomes reviewer-sourced; one audit row per changed or newly locked field)
    add_entity(s, *, kind, document_id, values, who, reason=None) -> entity
    delete_entity(s, *, kind, entity_id, who, reason=None, expected_version=None)
    restore_entity(s, *, kind, entity_id, who, reason=None) -> entity
    get_entity(s, *, kind, entity_id) -> entity;  history(s, *, kind, entity_id) -> [{who, at,
        field, old, new, reason, action}]  (kind may also be "match")
    document_history(s, *, document_id, limit=200) -> the same rows for a document and all its entities
  jobs
    enqueue_job(s, *, kind, document_id=None, payload=None, max_attempts=3) -> id
    lease_next_job(s, *, worker_id, lease_seconds=60, kinds=None) -> job|None
    claim_job(s, *, job_id, worker_id, lease_seconds=60) -> job|None   (Celery: lease a given job)
    heartbeat(s, *, job_id, worker_id, lease_seconds=60) -> bool (False: lease lost, stop)
    finish_job(s, *, job_id, status, worker_id=None, error_code=None, error_message=None) -> bool
    retry_job(s, *, job_id, error_code, error_message, delay_seconds=5, worker_id=None) -> status
    requeue_expired_leases(s, *, now=None) -> {"requeued", "failed"}   (failed = worker_lost; the
        document follows its job out of "running")
    take_stale_queued_jobs(s, *, older_than_seconds, limit=100) -> [ids]  (Celery sweeper re-sends)
    get_job(s, *, job_id), list_jobs(s, *, status=None, document_id=None, limit=50), queue_depth(s)
  keys / users
    create_api_key(s, *, role, label="") -> plaintext "jnj_<prefix>_<secret>" (only sha256 stored)
    verify_api_key(s, *, plaintext) -> role|None;  authenticate_api_key(...) -> {id, prefix, role, label}|None
    list_api_keys(s), revoke_api_key(s, *, prefix) -> n
    create_user(s, *, username, password, role="review") -> id;  verify_user(s, *, username, password)
  matching
    save_statements(s, *, document_id, statements: [{"text","date","parties","evidence"}]) -> [ids]
    list_statements(s, *, document_id=None, statement_ids=None) -> [{id, document_id, report, text, ...}]
    list_agreements(s, *, exclude_kinds=("activity_report",)) -> [{id, title, number, kind, source,
        signed_on, parties: [{name, aliases}]}]   (link a report first, then load only linked commitments)
    open_commitments(s, *, document_ids=None, commitment_ids=None) -> [{id, text, action, parties,
        due, agreement: {id,title,number,kind,source,signed_on}, document_parties: [{name, aliases}],
        document_officials: [{name, organization}]}]
    upsert_match(s, *, commitment_id, statement_id, score, bm25=None, cosine=None, explanation=None)
        -> id (reviewed matches keep status and scores);  upsert_matches(s, *, matches=[dict])
    clear_proposed_matches(s, *, statement_ids=None, commitment_ids=None) -> n
    set_match_status(s, *, match_id, status, reviewer, reason=None) -> match (audited)
    get_match(s, *, match_id), list_matches(s, *, commitment_id=None, statement_id=None, status=None)
    commitment_statuses(s, *, as_of=None, commitment_ids=None) -> `janji flags --json` rows + ids
        (rejected matches never count; statements dated after as_of do not count)
    save_embeddings(s, *, owner_type, owner_ids, vectors, model_id, texts=None)
    load_embeddings(s, *, owner_type, model_id, owner_ids=None, dim=None) -> (ids, matrix, text_hashes)

Vector index (models.vector_index): VectorIndex protocol with add(owner_ids, vectors, model_id),
search(vector, model_id, k, filter_owner_ids=None) -> [(owner_id, cosine)], search_many(vectors, ...)
and `name` ("numpy" | "pgvector"); choose_vector_index(engine, owner_type="commitment", prefer="auto").

Tables (models.tables): documents (agreement fields folded in), extraction_runs, parties, officials,
dates, commitments, evidence (owner_type/owner_id), activity_statements, matches, embeddings,
jobs, api_keys, users, field_edits (append-only; DB triggers refuse UPDATE/DELETE).
"""
