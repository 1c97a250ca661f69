"""Store benchmarks (SQLite, embedded default), each against a baseline in the same process.

- vector search: a 20-statement report against N stored commitment vectors (384 dims), through
  `NumpyVectorIndex.search_many` (database-backed, staleness check included) vs. a bare numpy
  matrix product + argsort over the same vectors already in memory.
- re-extraction: `save_extraction` of an unchanged 60-entity extraction (reconcile, evidence
  replaced, run recorded, one transaction) vs. a plain executemany INSERT of the same entity rows.
- jobs: lease + finish cycles vs. the same number of bare UPDATEs.
"""
from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sqlalchemy import insert, text
from sqlalchemy.orm import Session, sessionmaker

from models import repository as repo
from models.db import make_engine, make_session_factory
from models.migrate import upgrade
from models.tables import Party
from models.vector_index import NumpyVectorIndex

DIM = 384


def _timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _extraction(n: int) -> dict:
    ev = [{"page": 1, "start": 0, "end": 4, "text": "abcd", "bbox": [1, 2, 3, 4]}]
    return {"kind": "agreement", "title": "Nota Kesepahaman", "number": "1/NK/2025", "language": "id",
            "parties": [{"name": f"Dinas Nomor {i}", "aliases": [], "role": None, "evidence": ev} for i in range(n)],
            "officials": [{"name": f"Pejabat {i}", "honorifics": [], "position": "Kepala", "organization": None,
                           "role": "signatory", "evidence": ev} for i in range(n)],
            "dates": [{"date": f"2025-01-{i + 1:02d}", "role": "mentioned", "text": "x", "evidence": ev}
                      for i in range(n)],
            "commitments": [{"text": f"Pihak pertama menyediakan sarana nomor {i}", "action": "menyediakan",
                             "parties": [], "due": None, "evidence": ev} for i in range(n)]}


def _vector_row(sessions: sessionmaker[Session], n: int, rng: np.random.Generator) -> dict:
    vectors = rng.normal(size=(n, DIM)).astype(np.float32)
    queries = rng.normal(size=(20, DIM)).astype(np.float32)
    index = NumpyVectorIndex(sessions)
    with sessions() as s:
        s.execute(text("DELETE FROM embeddings"))
        s.commit()
    index.add(list(range(1, n + 1)), vectors, "bench")
    index.search_many(queries, "bench", 10)  # load once, as a long-running server does
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def bare() -> None:
        scores = unit @ (queries / np.linalg.norm(queries, axis=1, keepdims=True)).T
        for j in range(scores.shape[1]):
            np.argsort(-scores[:, j])[:10]

    t_index = _timed(lambda: index.search_many(queries, "bench", 10))
    t_bare = _timed(bare)
    return {"case": f"vector search, 20 queries x {n:,} commitments", "store ms": t_index * 1000,
            "baseline": "numpy matmul + argsort in memory", "baseline ms": t_bare * 1000,
            "ratio": t_index / t_bare}


def run() -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        rng = np.random.default_rng(0)

        for n in (10_000, 50_000):
            rows.append(_vector_row(sessions, n, rng))

        with sessions() as s:
            doc = repo.get_or_create_document(s, sha256="e" * 64, display_name="b.pdf", media_type="application/pdf",
                                              size=1, blob_key="e" * 64)["id"]
            data = _extraction(15)
            repo.save_extraction(s, document_id=doc, extraction=data, run_status="succeeded")
            t_save = _timed(lambda: repo.save_extraction(s, document_id=doc, extraction=data,
                                                         run_status="succeeded"), repeat=5)
            other = repo.get_or_create_document(s, sha256="f" * 64, display_name="c.pdf",
                                                media_type="application/pdf", size=1, blob_key="f" * 64)["id"]
            counter = iter(range(10**9))

            def plain_insert() -> None:
                base = next(counter) * 100
                s.execute(insert(Party), [{"document_id": other, "natural_key": f"k{base + i}", "name": f"n{i}",
                                           "aliases": [], "field_sources": {}, "origin": "extractor", "version": 1}
                                          for i in range(60)])
                s.commit()

            t_plain = _timed(plain_insert, repeat=5)
            rows.append({"case": "re-extraction of 60 entities (one transaction)", "store ms": t_save * 1000,
                         "baseline": "plain INSERT of 60 rows", "baseline ms": t_plain * 1000,
                         "ratio": t_save / t_plain})

            for _ in range(50):
                repo.enqueue_job(s, kind="bench")

            def cycle() -> None:
                for _ in range(10):
                    job = repo.lease_next_job(s, worker_id="bench", lease_seconds=60)
                    repo.finish_job(s, job_id=job["id"], worker_id="bench", status="succeeded")

            def bare_updates() -> None:
                for _ in range(20):
                    s.execute(text("UPDATE jobs SET updated_at = CURRENT_TIMESTAMP WHERE id = 1"))
                    s.commit()

            t_jobs = _timed(cycle)
            t_upd = _timed(bare_updates)
            rows.append({"case": "10 jobs leased + finished (20 transactions)", "store ms": t_jobs * 1000,
                         "baseline": "20 bare UPDATE transactions", "baseline ms": t_upd * 1000,
                         "ratio": t_jobs / t_upd})
        engine.dispose()
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
