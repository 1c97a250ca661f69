"""How texts are prepared for the sentence model and its vectors compared: the glossed input, the
stored vectors' preparation id and the per-language centring (see matching.match_report)."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from extractor.matching_text import DATA_DIR, detect_language, gloss


def _preparation_id() -> str:
    """Version of the stored vectors' preparation, part of their model id: "g" + a digest of the
    glossary and background files (the input is glossed with that glossary and centred with that
    background), "c" = stored centred. Editing either data file changes the id, so vectors made
    from an older glossary are embedded again instead of being compared with new ones."""
    digest = hashlib.sha256()
    for name in ("glossary_id_en.tsv", "background_id.txt", "background_en.txt"):
        digest.update((DATA_DIR / name).read_bytes())
    return f"g{digest.hexdigest()[:8]}c"


EMBEDDING_PREP = _preparation_id()


def embedding_input(text: str) -> str:
    """What the sentence model is given: Indonesian glossed into English words (see matching_text)."""
    return gloss(text)


def stored_model_id(model_id: str) -> str:
    """Model id under which vectors are stored: the model plus the input preparation version, so
    vectors made with another model or another preparation are never compared."""
    return f"{model_id}#{EMBEDDING_PREP}"


class Centering:
    """Per-language mean vectors of a fixed background set, subtracted before cosine.

    Small English models put all Indonesian sentences close together (cosine 0.5-0.8 for
    unrelated ones); removing each language's mean direction makes cosines comparable across
    languages. Stored vectors stay raw model output; centering happens at match time.
    """

    def __init__(self, means: dict[str, np.ndarray], model_id: str) -> None:
        self.means = means
        self.model_id = model_id

    @classmethod
    def fit(cls, embedder) -> Centering:
        means = {}
        for lang in ("id", "en"):
            lines = [line.strip() for line in (DATA_DIR / f"background_{lang}.txt").read_text(
                encoding="utf-8").splitlines() if line.strip()]
            vectors = embedder.embed([embedding_input(line) for line in lines])
            means[lang] = np.asarray(vectors, dtype=np.float32).mean(axis=0)
        return cls(means, embedder.model_id)

    def apply(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.asarray(vectors, dtype=np.float32)
        shift = np.stack([self.means[detect_language(t)] for t in texts])
        out = np.asarray(vectors, dtype=np.float32) - shift
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)
