"""Syllable short forms of Indonesian body names: "Kemenag" (KEMENterian AGama), "Dinkes" (DINas
KESehatan), "Kominfo" (KOMunikasi dan INFOrmatika). Unlike initials, each piece is the start
of one word of the name, taken in order over two or more consecutive words."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from extractor.nlp.lexicon import fold

MIN_LEN = 5   # shorter words are too often a name or a plain word that happens to fit


@lru_cache(maxsize=4096)   # asked for every capitalised word against every organisation's names
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^a-z0-9]+", fold(re.sub(r"\([^)]*\)", " ", name))) if w)


@cache
def _pieces(word: str, words: tuple[str, ...], at: int, used: int) -> bool:
    if not word:
        return used >= 2
    if at >= len(words):
        return False
    w = words[at]
    if w in ("dan", "and", "of", "the"):
        return _pieces(word, words, at + 1, used)
    limit = min(len(word), len(w))
    # the first piece carries at least three letters ("Kemen-", "Din-"), later ones may be one
    return any(word[:n] == w[:n] and _pieces(word[n:], words, at + 1, used + 1)
               for n in range(limit, 0 if used else 2, -1))


def syllable_short_form(word: str, name: str) -> bool:
    """Is `word` (one capitalised word, not itself a word of the name) read as the starts of two or more
    consecutive words of `name`?"""
    low = fold(word)
    if len(low) < MIN_LEN or not word[:1].isupper() or not low.isalpha():
        return False
    words = _name_words(name)
    if low in words:
        return False
    return any(_pieces(low, words, start, 0) for start in range(len(words)))
