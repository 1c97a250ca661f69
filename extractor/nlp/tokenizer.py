"""Tokenizer exceptions for Indonesian/English abbreviations so that "Drs." or "Kab." stay one
token and never end a sentence. The list is data: `patterns/abbreviations.txt`."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language

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


def add_abbreviation_exceptions(nlp: Language) -> None:
    for abbr in abbreviations():
        for form in {abbr, abbr.upper(), abbr.lower(), abbr[:1].upper() + abbr[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
