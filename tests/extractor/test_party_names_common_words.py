"""A party whose name is made of dictionary words ("CV Bibit Unggul" = superior seedling, "Yayasan Air
Bersih" = clean water) is not named by those words used as words: "membagikan bibit unggul", or "Bibit"
capitalised only because it opens a sentence. Written as a name ("Bibit Unggul", mid-sentence) it is.
Invented text."""
from __future__ import annotations

from extractor.common_words import capitalised_by_position, is_common_word, written_as_name
from extractor.linking import link_by_soft_names, link_one_party, link_report
from extractor.matching_types import AgreementRef, PartyRef
from extractor.name_words import SoftNameIndex, proper_words
from extractor.report_parties import party_named

OFFICE = PartyRef("Dinas Pertanian Kabupaten Sungai Keladi")
SEEDS = PartyRef("CV Bibit Unggul")
WATER = PartyRef("Yayasan Air Bersih")
AGREEMENT = AgreementRef(1, (OFFICE, SEEDS))
OTHER = AgreementRef(2, (PartyRef("Dinas Kesehatan Kabupaten Sungai Keladi"), WATER))


def test_dictionary_words_of_a_name_used_as_words_do_not_name_the_party():
    report = ("Dinas Pertanian Kabupaten Sungai Keladi membagikan bibit unggul jagung kepada 30 kelompok tani. "
              "Warga kini memakai air bersih dari sumur bor.")
    assert party_named(report, OFFICE, AGREEMENT.parties)
    assert not party_named(report, SEEDS, AGREEMENT.parties)
    assert not party_named(report, WATER, OTHER.parties)
    assert link_report(report, [AGREEMENT, OTHER]) == []


def test_the_same_words_written_as_a_name_still_name_the_party():
    report = ("Dinas Pertanian Kabupaten Sungai Keladi bersama Bibit Unggul membagikan 4.000 bibit jagung. "
              "Kami juga dibantu relawan Air Bersih.")
    assert party_named(report, SEEDS, AGREEMENT.parties)
    assert party_named(report, WATER, OTHER.parties)


def test_a_dictionary_word_capitalised_only_by_its_place_is_no_soft_name():
    report = ("Laporan Dinas Pertanian Kabupaten Sungai Keladi\n\n"
              "Bibit jagung dibagikan pada Maret 2031. Unggul dalam mutu, kata petani.\n")
    assert "bibit" not in proper_words(report)
    links = link_report(report, [AGREEMENT, OTHER])
    one_party = link_one_party(report, [AGREEMENT, OTHER], links)
    soft, _ = link_by_soft_names(report, links, one_party, SoftNameIndex([AGREEMENT, OTHER]))
    assert soft == []


def test_a_proper_word_opening_a_sentence_still_counts():
    report = "Kizuna membagikan bibit. Pupuk dibagikan juga."
    words = proper_words(report)
    assert "kizuna" in words and "pupuk" not in words
    assert is_common_word("pupuk") and not is_common_word("kizuna")


def test_written_as_a_name_needs_a_capital_not_owed_to_its_place():
    assert written_as_name("Kami bekerja dengan Bibit Unggul sejak Mei.", ["bibit", "unggul"])
    assert not written_as_name("Bibit unggul dibagikan.", ["bibit", "unggul"])
    assert written_as_name("MITRA: BIBIT UNGGUL\n", ["bibit", "unggul"])  # a line in capitals: a name
    assert capitalised_by_position("1. Bibit dibagikan", 3)
