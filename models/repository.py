"""The repository: keyword-only functions over a Session. Write functions are each one
transaction (they commit on success and roll back on any error); read functions do not commit.
See models/__init__.py for the list."""
from models.errors import InvalidValue, NotFound, StaleVersion, StoreError
from models.repo.documents import (document_id_by_sha256, get_document, get_document_detail, get_or_create_document,
                                   list_documents, set_document_status)
from models.repo.extraction import save_extraction
from models.repo.jobs import (claim_job, enqueue_job, finish_job, get_job, heartbeat, lease_next_job, list_jobs,
                              queue_depth, requeue_expired_leases, retry_job)
from models.repo.keys import (authenticate_api_key, create_api_key, create_user, get_user, list_api_keys,
                              revoke_api_key, verify_api_key, verify_user)
from models.repo.matching import (clear_proposed_matches, commitment_statuses, get_match, list_matches,
                                  list_statements, load_embeddings, open_commitments, save_embeddings,
                                  save_statements, set_match_status, upsert_match, upsert_matches)
from models.repo.review import add_entity, delete_entity, get_entity, history, patch_entity, restore_entity

__all__ = [
    "InvalidValue", "NotFound", "StaleVersion", "StoreError",
    "document_id_by_sha256", "get_document", "get_document_detail", "get_or_create_document", "list_documents",
    "set_document_status", "save_extraction",
    "claim_job", "enqueue_job", "finish_job", "get_job", "heartbeat", "lease_next_job", "list_jobs",
    "queue_depth", "requeue_expired_leases", "retry_job",
    "authenticate_api_key", "create_api_key", "create_user", "get_user", "list_api_keys", "revoke_api_key",
    "verify_api_key", "verify_user",
    "clear_proposed_matches", "commitment_statuses", "get_match", "list_matches", "list_statements",
    "load_embeddings", "open_commitments", "save_embeddings", "save_statements", "set_match_status",
    "upsert_match", "upsert_matches",
    "add_entity", "delete_entity", "get_entity", "history", "patch_entity", "restore_entity",
]
