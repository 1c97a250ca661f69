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


THREE_PARTY = """PRESS RELEASE

Morrow Tea Company signs supply pact with Sungai Teduh Regency and a growers' cooperative

Sungai Teduh, 4 May 2026

Morrow Tea Company, the Leeds-based blender, today signed a three-party agreement with the Government \
of Sungai Teduh Regency and the Lereng Hijau Tea Growers' Cooperative (Koperasi Petani Teh Lereng Hijau, KPTLH).

Under the agreement, Morrow will buy 300 tonnes of black tea a year from the cooperative. Morrow's \
tasters will also train the cooperative's sorting staff.
"""


def test_a_company_and_a_cooperative_are_organisations_and_a_three_party_release_names_all(nlp_en):
    names = [p.name for p in nlp_en(THREE_PARTY)._.janji_parties]
    assert "Morrow Tea Company" in names
    assert "Lereng Hijau Tea Growers' Cooperative" in names
    assert any("Sungai Teduh" in n for n in names), names


def test_a_name_in_brackets_after_a_party_is_its_other_language_name_with_its_acronym(nlp_en):
    coop = next(p for p in nlp_en(THREE_PARTY)._.janji_parties if p.name.endswith("Cooperative"))
    assert "Koperasi Petani Teh Lereng Hijau" in coop.aliases
    assert "KPTLH" in coop.aliases


def test_the_first_word_of_a_party_written_alone_twice_is_its_short_name(nlp_en):
    company = next(p for p in nlp_en(THREE_PARTY)._.janji_parties if p.name == "Morrow Tea Company")
    assert "Morrow" in company.aliases
    # a place that starts a council's name is not the council's short name
    doc = nlp_en("Brackwater City Council has signed a Memorandum of Understanding with Tanjung Lestari "
                 "University. Brackwater is a port. The MoU covers Brackwater schools and Brackwater libraries.")
    council = next(p for p in doc._.janji_parties if "Council" in p.name)
    assert "Brackwater" not in council.aliases
