"""Language detection by function-word counts (id / en / other), per document and per section.

Agreements are long and formulaic, so the share of a handful of very frequent function words
separates Indonesian from English reliably without any model; anything with too few of either
is "other" (the caller warns and falls back to Indonesian).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z]+")

ID_WORDS = frozenset(
    ["yang", "dan", "di", "ke", "dari", "dengan", "untuk", "ini", "itu", "pada", "dalam", "akan", "tersebut", "atau", "oleh", "sebagai", "adalah", "tidak", "juga", "bahwa", "kami", "kita", "para", "pihak", "serta", "bagi", "atas", "telah", "dapat", "secara", "sesuai", "tentang", "antara", "menjadi", "hari", "tahun", "bulan", "tanggal", "nomor", "wajib", "berhak", "kerja", "sama"])
EN_WORDS = frozenset(
    ["the", "and", "of", "to", "in", "for", "with", "this", "that", "on", "by", "as", "is", "are", "be", "shall", "will", "not", "its", "their", "which", "from", "at", "or", "an", "a", "any", "each", "party", "parties", "agreement", "under", "such", "other", "have", "has", "been", "may"])

MIN_WORDS = 12          # below this a section has no language of its own
MIN_SHARE = 0.08        # share of function words needed to call a text id or en
MIN_SECTION_CHARS = 400  # a shorter run in another language is absorbed by its neighbours


def detect(text: str) -> str | None:
    """"id", "en", "other", or None when the text is too short to tell."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    n_id = sum(w in ID_WORDS for w in words)
    n_en = sum(w in EN_WORDS for w in words)
    if max(n_id, n_en) < MIN_SHARE * len(words):
        return "other"
    return "id" if n_id >= n_en else "en"


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    lang: str


_PARA_BREAK = re.compile(r"\n[ \t]*\n")


def sections(text: str) -> tuple[str, list[Section]]:
    """(document language, contiguous sections each in one language). Sections cover the whole
    text; a document in a single language is one section."""
    doc_lang = detect(text) or "id"
    paras: list[tuple[int, int, str | None]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        paras.append((pos, m.end(), None))
        pos = m.end()
    paras.append((pos, len(text), None))
    base = doc_lang if doc_lang in ("id", "en") else "id"
    langs = [detect(text[s:e]) for s, e, _ in paras]
    langs = [lang if lang in ("id", "en") else None for lang in langs]
    # a paragraph too short to tell takes the language of the one before it (a headline at the
    # very start: of the one after it)
    previous: str | None = None
    for i, lang in enumerate(langs):
        if lang is None:
            langs[i] = previous or next((x for x in langs[i + 1:] if x), None)
        previous = langs[i]
    runs: list[list] = []
    for (s, e, _), lang in zip(paras, langs):
        if runs and (lang is None or lang == runs[-1][2]):
            runs[-1][1] = e
        else:
            runs.append([s, e, lang or base])
    # absorb short runs into the preceding (or following) run
    merged: list[list] = []
    for run in runs:
        if merged and (run[1] - run[0] < MIN_SECTION_CHARS or run[2] == merged[-1][2]):
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    if len(merged) > 1 and merged[0][1] - merged[0][0] < MIN_SECTION_CHARS:
        merged[1][0] = merged[0][0]
        merged.pop(0)
    return doc_lang, [Section(s, e, lang) for s, e, lang in merged]
