"""The statistical Indonesian NER (PER / ORG / LOC) trained by `make train-ner` and committed in models/ner_id.

It finds bare names ("Arief Wicaksono", "Universitas Lembah Hijau"); titles, degrees and positions are outside
its spans (the training data annotate them that way) and come from the rule components. Loading reads only
the committed files: nothing is ever downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "models" / "ner_id"
REQUIRED_FILES = ("config.cfg", "meta.json", "ner", "tok2vec", "vocab")
Span = tuple[int, int, str]  # (start, end, label): character offsets into the text given


class NerModelMissing(FileNotFoundError):
    """The committed model directory is absent or incomplete."""


def load_ner(path: Path | None = None, *, required: bool = True) -> Language | None:
    """Load the NER pipeline from `path` (default: the committed model), once per path.

    Raises NerModelMissing naming the path when files are missing, or returns None if `required` is False.
    """
    target = (path or DEFAULT_MODEL_PATH).resolve()
    missing = [name for name in REQUIRED_FILES if not (target / name).exists()]
    if missing:
        if not required:
            return None
        raise NerModelMissing(
            f"NER model not found at {target} (missing: {', '.join(missing)}); run `make train-ner`"
        )
    return _load_cached(str(target))


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Language:
    return spacy.load(path)


def entity_spans(text: str, labels: frozenset[str] = frozenset({"PER", "ORG", "LOC"}),
                 nlp: Language | None = None) -> list[Span]:
    """Entities of the given labels as character spans into `text`, in text order."""
    if not text.strip():
        return []
    model = nlp or load_ner()
    assert model is not None  # load_ner raises when required
    doc = model(text)
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        start, end = ent.start_char, ent.end_char
        # A span never starts or ends on layout whitespace (PDF text keeps line breaks).
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end, ent.label_))
    return spans


def person_org_spans(text: str, nlp: Language | None = None) -> list[Span]:
    """Person and organisation names found by the statistical model: [(start, end, "PER" | "ORG"), ...]."""
    return entity_spans(text, frozenset({"PER", "ORG"}), nlp)
