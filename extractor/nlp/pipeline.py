"""`build_pipeline(lang)`: blank `id`/`en` spaCy pipeline + Janji's registered components.

Component order is a CONTRACT between the extraction engineers:

    janji_segmenter    sentence/section segmentation (Pasal headings, enumerated items)
    janji_doc_fields   doc._.janji_kind / janji_number / janji_title / janji_location
    janji_dates        doc._.janji_dates: list[DateMention], doc._.janji_term: Term | None
    janji_parties      doc._.janji_parties: list[Party]
    janji_officials    doc._.janji_officials: list[Official]
    janji_commitments  doc._.janji_commitments: list[Commitment] (reads parties and dates)

Components return records of `extractor.types` whose Evidence has page=0 and bbox=None, with
offsets into the text given to spaCy; `extractor.extract` anchors them to the DocumentText.
"""
from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

SUPPORTED_LANGS = ("id", "en")

PIPE_ORDER = (
    "janji_segmenter",
    "janji_doc_fields",
    "janji_dates",
    "janji_parties",
    "janji_officials",
    "janji_commitments",
)

# Doc extensions shared by all components: (name, default). Lists use getters-free defaults of
# None and are set by the owning component; readers should use `doc._.x or []`.
_EXTENSIONS: dict[str, object] = {
    "janji_kind": None,
    "janji_number": None,
    "janji_title": None,
    "janji_location": None,
    "janji_dates": None,
    "janji_term": None,
    "janji_parties": None,
    "janji_officials": None,
    "janji_commitments": None,
    "janji_sections": None,
}


def register_extensions() -> None:
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()

# Modules registering the factories. A module that does not exist yet is skipped and a
# no-op stand-in is registered under its factory name so the order above stays stable.
_COMPONENT_MODULES = (
    "extractor.nlp.segmenter",
    "extractor.nlp.doc_fields",
    "extractor.nlp.dates_component",
    "extractor.nlp.parties",
    "extractor.nlp.officials",
    "extractor.nlp.commitments",
)


def _import_components() -> None:
    for module in _COMPONENT_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def _stub(name: str, sets: dict[str, object]):
    def factory(nlp: Language, name: str):
        def component(doc: Doc) -> Doc:
            for attr, value in sets.items():
                if getattr(doc._, attr) is None:
                    setattr(doc._, attr, value() if callable(value) else value)
            return doc
        return component
    return factory


_STUB_SETS: dict[str, dict[str, object]] = {
    "janji_segmenter": {},
    "janji_doc_fields": {},
    "janji_dates": {"janji_dates": list},
    "janji_parties": {"janji_parties": list},
    "janji_officials": {"janji_officials": list},
    "janji_commitments": {"janji_commitments": list},
}


def _register_stubs() -> None:
    for name in PIPE_ORDER:
        if not Language.has_factory(name):
            Language.factory(name, func=_stub(name, _STUB_SETS[name]))


_import_components()
_register_stubs()


def build_pipeline(lang: str) -> Language:
    """A fresh pipeline for `lang` ("id" or "en"). Prefer `get_pipeline` (cached per process)."""
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {SUPPORTED_LANGS}")
    import extractor.nlp.tokenizer  # noqa: F401 - registers janji.Tokenizer.v1 (abbreviations, memoised affixes)
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "janji.Tokenizer.v1"}}})
    for name in PIPE_ORDER:
        nlp.add_pipe(name)
    return nlp


@cache
def get_pipeline(lang: str) -> Language:
    return build_pipeline(lang)
