"""Parties of English releases and other-language names in a title block (invented text)."""
from __future__ import annotations

RELEASE = """Westbrook University - News

Westbrook and Laut Biru sign partnership on teacher training

Published Monday, 2 March 2026

Westbrook University has signed a Memorandum of Understanding with the Health Office of the Regency \
Government of Laut Biru, Indonesia, to train community nurses in the regency's island clinics.

Under the MoU, the University will run a short course for 40 nurses each year.
"""

TITLE_BLOCK = """MEMORANDUM OF UNDERSTANDING
BETWEEN
THE BUKIT BATU HITAM PROTECTION FOREST MANAGEMENT UNIT
(KESATUAN PENGELOLAAN HUTAN LINDUNG BUKIT BATU HITAM)
AND
THE OSTERLUND FOUNDATION
ON
MANGROVE RESTORATION

The Bukit Batu Hitam Protection Forest Management Unit, represented by its Head (hereinafter referred to as "the First Party"),

and

The Osterlund Foundation, represented by its Director (hereinafter referred to as "the Second Party"),
"""


def test_an_english_release_names_the_two_signing_organisations(nlp_en):
    names = [p.name for p in nlp_en(RELEASE)._.janji_parties]
    assert names == ["Westbrook University", "Health Office of the Regency Government of Laut Biru"], names


def test_signed_with_takes_the_name_after_a_leading_word_and_the(nlp_en):
    doc = nlp_en("Today the Northmoor College has formally signed an agreement with the Kalunga Regency "
                 "Government to train midwives.")
    assert [p.name for p in doc._.janji_parties] == ["Northmoor College", "Kalunga Regency Government"]


def test_a_bracketed_line_under_a_party_in_the_title_is_its_other_name(nlp_en):
    parties = nlp_en(TITLE_BLOCK)._.janji_parties
    unit = next(p for p in parties if "Protection Forest" in p.name)
    assert "KESATUAN PENGELOLAAN HUTAN LINDUNG BUKIT BATU HITAM" in unit.aliases
    assert len(parties) == 2


def test_two_organisations_that_signed_together(nlp_en):
    doc = nlp_en("Lakeside Polytechnic and the Rawa Indah Regency Government signed a cooperation agreement "
                 "on Friday to build a training centre.")
    assert [p.name for p in doc._.janji_parties] == ["Lakeside Polytechnic", "Rawa Indah Regency Government"]
