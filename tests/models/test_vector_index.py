"""The vector index: exact cosine search per model, deterministic ties, persisted in the database."""
from __future__ import annotations

import numpy as np
import pytest

from models.db import make_session_factory
from models.vector_index import (
    NumpyVectorIndex,
    PgVectorIndex,
    VectorIndex,
    choose_vector_index,
    pgvector_available,
)


def _vectors(n: int, dim: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)


def _brute_force(ids, vectors, query, k):
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    scores = unit @ (query / np.linalg.norm(query))
    return sorted(zip(ids, scores), key=lambda p: (-p[1], p[0]))[:k]


def test_in_memory_index_matches_brute_force_and_filters():
    index = NumpyVectorIndex()
    ids = list(range(100, 400))
    vectors = _vectors(300, 16)
    index.add(ids, vectors, "model-a")
    query = _vectors(1, 16, seed=1)[0]
    got = index.search(query, "model-a", 5)
    want = _brute_force(ids, vectors, query, 5)
    assert [i for i, _ in got] == [i for i, _ in want]
    assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-5)
    only = index.search(query, "model-a", 3, filter_owner_ids=[105, 200, 399, 9999])
    assert sorted(i for i, _ in only) == [105, 200, 399]
    assert index.search(query, "other-model", 3) == []


def test_search_many_equals_one_search_per_query():
    index = NumpyVectorIndex()
    index.add(list(range(1, 501)), _vectors(500, 12), "m")
    queries = _vectors(7, 12, seed=9)
    many = index.search_many(queries, "m", 4)
    single = [index.search(q, "m", 4) for q in queries]
    assert [[i for i, _ in row] for row in many] == [[i for i, _ in row] for row in single]
    assert np.allclose([[s for _, s in row] for row in many], [[s for _, s in row] for row in single], atol=1e-5)
    assert index.search_many(queries, "unknown", 4) == [[] for _ in queries]


def test_blocked_product_over_many_vectors_is_the_plain_product_bit_for_bit():
    from models.vector_index import _scores

    matrix = _vectors(70_001, 24, seed=2)  # past two blocks, an odd count
    for n_queries in (1, 2, 20):
        queries = _vectors(n_queries, 24, seed=n_queries)
        assert np.array_equal(_scores(queries, matrix, block=16_384), queries @ matrix.T)
        assert _scores(queries, matrix, block=16_384).flags.c_contiguous


def test_ties_are_broken_by_owner_id():
    index = NumpyVectorIndex()
    index.add([7, 3, 5], np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32), "m")
    assert [i for i, _ in index.search(np.array([1, 0]), "m", 3)] == [3, 7, 5]


def test_other_dimension_is_refused_not_compared():
    index = NumpyVectorIndex()
    index.add([1], np.ones((1, 4)), "m")
    with pytest.raises(ValueError):
        index.search(np.ones(8), "m", 1)
    with pytest.raises(ValueError):
        index.add([2], np.ones((1, 8)), "m")


def test_database_backed_index_survives_a_restart_and_sees_other_writers(engine):
    assert isinstance(choose_vector_index(engine, prefer="numpy"), VectorIndex)
    first = NumpyVectorIndex(make_session_factory(engine))
    vectors = _vectors(50, 8)
    first.add(list(range(1, 51)), vectors, "m")
    query = vectors[17] + 0.01
    assert first.search(query, "m", 1)[0][0] == 18
    second = NumpyVectorIndex(make_session_factory(engine))  # a fresh process
    assert second.search(query, "m", 1)[0][0] == 18
    first.add([999], (query * 10)[None, :], "m")  # another writer; the second index reloads
    assert second.search(query, "m", 1)[0][0] == 999


def test_choose_reports_its_name(engine):
    index = choose_vector_index(engine)
    expected = "pgvector" if pgvector_available(engine) else "numpy"
    assert index.name == expected


def test_pgvector_index_when_the_server_has_it(engine):
    if not pgvector_available(engine):
        pytest.skip("PostgreSQL server without the pgvector extension")
    index = PgVectorIndex(engine)
    ids = list(range(1, 201))
    vectors = _vectors(200, 16)
    index.add(ids, vectors, "m")
    query = _vectors(1, 16, seed=3)[0]
    got = index.search(query, "m", 5)
    assert [i for i, _ in got] == [i for i, _ in _brute_force(ids, vectors, query, 5)]
    assert sorted(i for i, _ in index.search(query, "m", 5, filter_owner_ids=[4, 8])) == [4, 8]
    with pytest.raises(ValueError):
        index.search(np.ones(4), "m", 1)


def test_fetch_returns_the_stored_unit_vectors_of_one_model(engine):
    from models.db import make_session_factory
    from models.vector_index import NumpyVectorIndex

    index = NumpyVectorIndex(make_session_factory(engine), owner_type="statement")
    vectors = _vectors(3, 8, seed=5) * 3.0
    index.add([4, 5, 6], vectors, "m#a", texts=["a", "b", "c"])
    index.add([4], _vectors(1, 16, seed=6), "m#b")
    got = index.fetch([4, 6, 99], "m#a")
    assert sorted(got) == [4, 6]
    assert np.allclose(got[6], vectors[2] / np.linalg.norm(vectors[2]), atol=1e-6)
    assert got[4].shape == (8,)                       # the other model's 16-d vector is not mixed in
    memory = NumpyVectorIndex()
    memory.add([1, 2], vectors[:2], "m#a")
    assert sorted(memory.fetch([2, 3], "m#a")) == [2]


def test_top_k_preselection_keeps_ties_and_nan_as_a_full_partition_does():
    from models.vector_index import _at_or_above_kth

    rng = np.random.default_rng(3)
    for scores in (rng.normal(size=5000).astype(np.float32), np.round(rng.normal(size=5000), 1).astype(np.float32),
                   np.sort(rng.normal(size=5000)).astype(np.float32)[::-1].copy()):
        scores[rng.integers(0, 5000, 7)] = np.nan
        for k in (1, 20, 64):
            cut = np.partition(scores, len(scores) - k)[len(scores) - k]
            assert np.array_equal(_at_or_above_kth(scores, k), np.flatnonzero(scores >= cut))
