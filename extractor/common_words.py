"""Common (dictionary) words of Indonesian and English: a word of an organisation's name that is one
("benih" = seed, "unggul" = superior, "harvest") says which party a report means only where the report
writes it as a name, not where it uses it as a word of its own ("benih unggul padi", "Benih dibagikan ...").

Indonesian: the root words PySastrawi stems to (its kata-dasar list) and the glossary's words;
English: the glossary's English words (the vocabulary of agreements and activity reports)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

_GLOSSARY = Path(__file__).parent / "matching_data" / "glossary_id_en.tsv"


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """{"id": Indonesian words, "en": English words}."""
    words: dict[str, set[str]] = {"id": set(), "en": set()}
    try:
        roots = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt").read_text(encoding="utf-8")
        words["id"].update(w.strip().lower() for w in roots.splitlines() if w.strip())
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    for line in _GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        source, target = line.split("\t", 1)
        words["id"].update(w.lower() for w in source.split() if w.isalpha())
        words["en"].update(w.lower() for w in target.split() if w.isalpha())
    return {lang: frozenset(ws) for lang, ws in words.items()}


def is_common_word(word: str, lang: str | None = None) -> bool:
    """Is the (folded) word a dictionary word of Indonesian or English (of `lang` only, when given:
    "Makmur" in an English sentence is no common word there)?"""
    w = word.lower()
    return any(w in ws for key, ws in _words().items() if lang in (None, key))


# what may stand before a line's first word: list marks, bullets, quotes, brackets
_LINE_OPENING = re.compile(r"[\s\"“'(\[•*·–—-]*(?:\(?(?:\d{1,2}|[a-zA-Z])[.)][\s\"“'(\[]*)?")
_WORD_AT = re.compile(r"[^\W\d_]+")
_SENTENCE_END_BEFORE = re.compile(r"[.!?:;…][\"”’')\]]?\s+$")


def capitalised_by_position(text: str, start: int) -> bool:
    """Is the word at `start` capitalised because of where it stands, the first word of a line or of a
    sentence ("Benih dibagikan ...", "1. Bibit ...")? Then its capital says nothing about its being a
    name. (Headings are left alone: in title case or in capitals they are full of names.)"""
    word = _WORD_AT.match(text, start)
    if word and len(word.group()) > 1 and word.group().isupper():
        return False  # a word in capitals ("KENCANA MOBILITY GROUP") is a heading's or a name's, never a sentence's
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LINE_OPENING.fullmatch(text, line_start, start)
                or _SENTENCE_END_BEFORE.search(text, max(0, start - 4), start))


def written_as_name(text: str, words: Sequence[str]) -> bool:
    """Does the text write the (folded) words in a row, each capitalised, not all of them only by
    position ("Benih Unggul", "BENIH UNGGUL"; not "benih unggul", nor "Benih unggul" opening a sentence)?"""
    if not words:
        return False
    pattern = r"\s+".join(rf"(?:{re.escape(w[:1].upper() + w[1:])}|{re.escape(w.upper())})" for w in words)
    for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text):
        firsts = [x.start() for x in re.finditer(r"\S+", m.group())]
        if not all(capitalised_by_position(text, m.start() + f) for f in firsts):
            return True
    return False
