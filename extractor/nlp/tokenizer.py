"""Tokenizer exceptions for Indonesian/English abbreviations so that "Drs." or "Kab." stay one
token and never end a sentence. The list is data: `patterns/abbreviations.txt`."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from spacy import util
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

PATTERNS = Path(__file__).with_name("patterns")


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    path = PATTERNS / "abbreviations.txt"
    if not path.exists():
        return ()
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.append(line)
    return tuple(items)


def _abbreviation_forms() -> list[str]:
    return [form for abbr in abbreviations()
            for form in {abbr, abbr.upper(), abbr.lower(), abbr[:1].upper() + abbr[1:]}]


def add_abbreviation_exceptions(nlp: Language) -> None:
    for form in _abbreviation_forms():
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


class _AffixMemo:
    """One of the tokenizer's affix searches (a pure function of its string) with its results kept.

    spaCy caches how each whitespace-separated piece of a text was split, but stops adding to that
    cache for the rest of a text once a special case was used (an abbreviation such as "Drs." early
    in a document), so on our documents almost every piece ran the prefix, suffix and infix
    regexes again, on every document. The same strings recur across and within documents.
    `__self__` is the compiled pattern, as for the bound method it stands for (spaCy reads the
    pattern from there when it serialises the tokenizer)."""

    _LIMIT = 200_000   # entries; past it the memo starts over (some tens of MB at most)

    def __init__(self, search: Callable, as_tuple: bool = False) -> None:
        self.search = search
        self.__self__ = search.__self__
        self.as_tuple = as_tuple   # infix_finditer returns an iterator: keep its matches
        self.results: dict[str, object] = {}

    def __call__(self, string: str) -> object:
        try:
            return self.results[string]
        except KeyError:
            pass
        result = self.search(string)
        if self.as_tuple:
            result = tuple(result)
        if len(self.results) >= self._LIMIT:
            self.results.clear()
        self.results[string] = result
        return result


@util.registry.tokenizers("janji.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer (spacy.Tokenizer.v1: the language's exceptions, prefixes, suffixes,
    infixes, token and URL match) plus our abbreviations, with memoised affix searches. Built in one
    pass: setting a search or adding a case afterwards reloads all special cases (16,000 for id)."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        rules = dict(defaults.tokenizer_exceptions)
        rules.update((form, [{ORTH: form}]) for form in _abbreviation_forms())
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=_AffixMemo(util.compile_prefix_regex(prefixes).search) if prefixes else None,
            suffix_search=_AffixMemo(util.compile_suffix_regex(suffixes).search) if suffixes else None,
            infix_finditer=(_AffixMemo(util.compile_infix_regex(infixes).finditer, as_tuple=True)
                            if infixes else None),
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory
