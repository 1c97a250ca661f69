"""The repository: keyword-only functions over a Session. Write functions are each one
transaction (they commit on success and roll back on any error); read functions do not commit.
See models/__init__.py for the list."""
from models.errors import InvalidValue, NotFound, StaleVersion, StoreError
from models.repo.documents import (
    document_id_by_sha256,
    get_document,
    get_document_detail,
    get_or_create_document,
    list_documents,
    list_runs,
    set_document_status,
)
from models.repo.embeddings import load_embeddings, save_embeddings
from models.repo.extraction import save_extraction
from models.repo.jobs import (
    claim_job,
    enqueue_job,
    finish_job,
    get_job,
    heartbeat,
    lease_next_job,
    list_jobs,
    queue_depth,
    requeue_expired_leases,
    retry_job,
    take_stale_queued_jobs,
)
from models.repo.keys import (
    authenticate_api_key,
    create_api_key,
    create_user,
    get_user,
    list_api_keys,
    revoke_api_key,
    verify_api_key,
    verify_user,
)
from models.repo.matching import (
    clear_proposed_matches,
    commitment_statuses,
    get_match,
    list_agreements,
    list_matches,
    list_statements,
    open_commitments,
    save_statements,
    set_match_status,
    upsert_match,
    upsert_matches,
)
from models.repo.review import (
    add_entity,
    delete_entity,
    document_history,
    get_entity,
    history,
    patch_entity,
    restore_entity,
)

__all__ = [
    "InvalidValue", "NotFound", "StaleVersion", "StoreError", "add_entity", "authenticate_api_key",
    "claim_job", "clear_proposed_matches", "commitment_statuses", "create_api_key", "create_user",
    "delete_entity", "document_history", "document_id_by_sha256", "enqueue_job", "finish_job", "get_document",
    "get_document_detail", "get_entity", "get_job", "get_match", "get_or_create_document", "get_user",
    "heartbeat", "history", "lease_next_job", "list_agreements", "list_api_keys", "list_documents",
    "list_jobs", "list_matches", "list_runs", "list_statements", "load_embeddings", "open_commitments",
    "patch_entity", "queue_depth", "requeue_expired_leases", "restore_entity", "retry_job", "revoke_api_key",
    "save_embeddings", "save_extraction", "save_statements", "set_document_status", "set_match_status",
    "take_stale_queued_jobs", "upsert_match", "upsert_matches", "verify_api_key", "verify_user",
]
