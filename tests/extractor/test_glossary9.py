"""BM25 glossary, session 9 (vocabulary misses on blind sets 6, 7 and 9), on invented sentences: an
Indonesian report and an English (or Indonesian) commitment share the term the glossary gives both,
and an unrelated commitment does not get it."""
from __future__ import annotations

from extractor.matching_text import analyze, match_key


def terms(text: str) -> set[str]:
    return {match_key(t) for t in analyze(text)}  # the form BM25 compares terms in ("press" / "pres")


def shared(a: str, b: str) -> set[str]:
    return terms(a) & terms(b)


def keys(*stems: str) -> set[str]:
    return {match_key(s) for s in stems}


def test_mobile_blood_units_visit_and_are_blood_donor_units():
    report = "Sepanjang bulan Mei mobil unit UDD menyambangi 12 kelurahan di pesisir kota"
    assert keys("visit", "blood", "donor") <= shared(report, "The blood donor unit shall visit every ward of the city")
    assert keys("blood", "donor") <= shared(report, "menyelenggarakan donor darah keliling setiap bulan")
    assert not shared(report, "The City shall repair the fish market roof") - keys("city")


def test_presses_and_compactors_at_waste_sites_meet_baling_presses():
    report = "Dua mesin pemadat botol dipasang di TPS3R Kelurahan Baru; botol dipres jadi bal"
    commitment = "The Company shall provide two baling presses to the waste processing sites of the City"
    assert keys("press", "wast", "sit", "bal") <= shared(report, commitment)
    # a machine of another kind shares none of the press words
    assert not shared(report, "install reverse vending machines in public places") & keys("press", "bal", "wast", "sit")
