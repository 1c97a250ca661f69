"""Natural keys: how an entity is recognised again in the next extraction run."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
MAX_KEY = 160


def norm_text(text: str | None) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of a text."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text).casefold()
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", folded).split())


def bounded_key(value: str) -> str:
    if len(value) <= MAX_KEY:
        return value
    digest = hashlib.sha256(value.encode()).hexdigest()[:24]
    return f"{value[:MAX_KEY - 26]}#{digest}"


def party_key(name: str | None) -> str:
    return bounded_key(norm_text(name))


def official_key(name: str | None) -> str:
    return bounded_key(norm_text(name))


def date_key(role: str | None, date: str | None, text: str | None) -> str:
    return bounded_key(f"{role or 'mentioned'}|{date or 'text:' + norm_text(text)}")


def commitment_key(text: str | None) -> str:
    return bounded_key(norm_text(text))


def statement_key(text: str | None) -> str:
    return bounded_key(norm_text(text))


def tokens(text: str | None) -> set[str]:
    return set(norm_text(text).split())


def similarity(a: str | None, b: str | None) -> float:
    """Token Jaccard similarity, used to recognise a commitment whose wording changed slightly."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def overlap(a: str | None, b: str | None) -> float:
    """Share of the shorter text's tokens found in the other (a sentence that grew by a phrase)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def same_sentence(a: str | None, b: str | None) -> float:
    """A score >= 0.8 when two wordings are the same sentence (slightly reworded or extended)."""
    jaccard = similarity(a, b)
    if jaccard >= 0.6 and overlap(a, b) >= 0.9:
        return max(jaccard, 0.8)
    return jaccard
