"""Embeddings: float32 vectors per (owner, model). Vectors of different models or dimensions are
never compared: loading filters by model id and skips rows of another dimension."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from models.db import write_transaction
from models.tables import Embedding, utcnow

_CHUNK = 500  # ids per IN (...) list / rows per INSERT batch unit


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def save_embeddings(session: Session, *, owner_type: str, owner_ids: Sequence[int], vectors: np.ndarray,
                    model_id: str, texts: Sequence[str] | None = None) -> int:
    """Store (replace) float32 vectors of one model for these owners."""
    matrix = np.asarray(vectors, dtype="<f4")
    if matrix.ndim != 2 or matrix.shape[0] != len(owner_ids):
        raise ValueError("vectors must be a (len(owner_ids), dim) matrix")
    dim = int(matrix.shape[1])
    ids = [int(i) for i in owner_ids]
    with write_transaction(session):
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            session.execute(delete(Embedding).where(Embedding.owner_type == owner_type,
                                                    Embedding.model_id == model_id, Embedding.owner_id.in_(chunk)))
        now = utcnow()
        rows = [{"owner_type": owner_type, "owner_id": oid, "model_id": model_id, "dim": dim,
                 "vector": matrix[i].tobytes(), "created_at": now,
                 "text_sha256": text_sha256(texts[i]) if texts is not None else None}
                for i, oid in enumerate(ids)]
        for start in range(0, len(rows), _CHUNK * 10):
            session.execute(insert(Embedding), rows[start:start + _CHUNK * 10])
    return len(ids)


def load_embeddings(session: Session, *, owner_type: str, model_id: str, owner_ids: Sequence[int] | None = None,
                    dim: int | None = None) -> tuple[list[int], np.ndarray, dict[int, str | None]]:
    """(owner ids, float32 matrix, text hashes) of one model only; rows of another dimension are
    skipped (they are stale and must be re-embedded, never compared)."""
    query = select(Embedding.owner_id, Embedding.dim, Embedding.vector, Embedding.text_sha256).where(
        Embedding.owner_type == owner_type, Embedding.model_id == model_id)
    if owner_ids is not None:
        wanted = [int(i) for i in owner_ids]
        rows = [r for start in range(0, len(wanted), _CHUNK)
                for r in session.execute(query.where(Embedding.owner_id.in_(wanted[start:start + _CHUNK]))).all()]
        rows.sort(key=lambda r: r.owner_id)
    else:
        rows = session.execute(query.order_by(Embedding.owner_id)).all()
    if dim is None and rows:
        dim = rows[0].dim
    rows = [r for r in rows if r.dim == dim]
    if not rows:
        return [], np.zeros((0, dim or 0), dtype=np.float32), {}
    matrix = np.frombuffer(b"".join(r.vector for r in rows), dtype="<f4").reshape(len(rows), dim)
    return [r.owner_id for r in rows], matrix.astype(np.float32), {r.owner_id: r.text_sha256 for r in rows}



def embedding_hashes(session: Session, *, owner_type: str, model_id: str,
                     owner_ids: Sequence[int]) -> dict[int, str | None]:
    """owner id -> text hash of its stored vector of this model (no vectors loaded): which owners
    need embedding (absent, or their text changed)."""
    wanted = [int(i) for i in owner_ids]
    out: dict[int, str | None] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(select(Embedding.owner_id, Embedding.text_sha256).where(
            Embedding.owner_type == owner_type, Embedding.model_id == model_id,
            Embedding.owner_id.in_(wanted[start:start + _CHUNK]))).all()
        out.update({r.owner_id: r.text_sha256 for r in rows})
    return out
