"""The pipelines' tokenizer (janji.Tokenizer.v1: built in one pass, memoised affix searches) splits
text exactly as spaCy's default tokenizer with our abbreviations added: same special cases, same
tokens, offsets, whitespace and lexical attributes, on a first and a repeated pass, in both
languages (abbreviations, enumerators, quotes, hyphenated words, URLs, numbers)."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extractor.nlp.pipeline import get_pipeline
from extractor.nlp.tokenizer import _AffixMemo, add_abbreviation_exceptions

SAMPLES = Path(__file__).resolve().parents[3] / "sample_docs" / "src"

TEXTS = [
    ("Pada hari ini, Senin tanggal 3 (tiga) bulan Maret 2025, Drs. H. Ahmad S.Pd., M.Si. (Bupati) "
     "dan Prof. Dr. Ir. Siti, Sp.JP(K) menandatangani Nota Kesepakatan No. 12/NK/III/2025."),
    ("1. PIHAK PERTAMA berkewajiban: a) menyediakan data; b) masing-masing pihak (\"Para Pihak\") "
     "menanggung biaya Rp1.500.000,- sampai 31-12-2026; lihat https://contoh.go.id/mou?id=3."),
    ("The Parties' obligations (Art. 4.1) shan't lapse: e.g. U.S.-based Ltd. co-operation, "
     "self-funded; email kontak@contoh.ac.id, +62-21-555 0101 — “quoted” ‘text’…"),
]


def _tokens(doc) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.norm_, t.orth, t.lower_, t.shape_, t.is_punct, t.like_num)
            for t in doc]


def _texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] if SAMPLES.is_dir() else []
    return TEXTS + found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_memoised_tokenizer_splits_like_spacy(lang: str) -> None:
    plain = spacy.blank(lang)
    add_abbreviation_exceptions(plain)
    nlp = get_pipeline(lang)
    assert isinstance(nlp.tokenizer.prefix_search, _AffixMemo)
    assert nlp.tokenizer.rules == plain.tokenizer.rules   # spaCy's exceptions and our abbreviations
    for _ in range(2):   # the second pass answers from the memo
        for text in _texts():
            assert _tokens(nlp.make_doc(text)) == _tokens(plain.make_doc(text))
    assert nlp.tokenizer.prefix_search.results


def test_tokenizer_with_memo_still_serialises() -> None:
    data = get_pipeline("id").tokenizer.to_bytes()
    fresh = spacy.blank("id")
    fresh.tokenizer.from_bytes(data)
    assert [t.text for t in fresh("Drs. Ahmad (Bupati), 3-4 Mei.")] == \
        [t.text for t in get_pipeline("id")("Drs. Ahmad (Bupati), 3-4 Mei.")]
