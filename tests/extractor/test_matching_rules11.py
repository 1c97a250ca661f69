"""Matching-term rules of session 11 (blind set 13 opened), on invented text. Each test has a trap
where the rule must not fire."""
from extractor.matching_scores import match_terms, quantity_terms
from extractor.matching_text import analyze


def test_hundreds_written_out_add_the_rest():
    assert quantity_terms("the team handed over one hundred and twenty walkers") == ["#120"]
    assert quantity_terms("diserahkan seratus tiga puluh alat bantu dengar") == ["#130"]
    assert quantity_terms("one thousand three hundred seedlings were planted") == ["#1300"]
    assert quantity_terms("a hundred benches") == ["#100"]
    # trap: the rest is not counted again on its own, nor are the words spelling out digits
    assert "#20" not in quantity_terms("one hundred and twenty walkers")
    assert quantity_terms("120 (seratus dua puluh) alat bantu") == ["#120"]
    # trap: two counts in a row are two counts, not one sum
    assert quantity_terms("two hundred chairs and one hundred tables") == ["#200", "#100"]


def test_english_tens_are_no_terms():
    terms = match_terms("Seventy villagers and ninety-two pupils joined; thirty-one stayed.")
    assert not {"sefenti", "seventi", "nineti", "ninti", "tirti", "twenti", "two"} & set(terms)
    assert "#70" in terms


def test_aids_and_trades_translate():
    en = set(analyze("We delivered wheelchairs and crutches and taught sewing and phone repair."))
    assert {"crutch", "sew", "repair"} <= set(analyze("menyerahkan kruk, pelatihan menjahit dan servis ponsel")) & en
    assert "wheelchair" in set(analyze("pengadaan kursi roda")) & en
    # trap: 'memasang' (install) is no pair of anything
    assert "pair" not in analyze("memasang panel surya di atap")


def test_utility_words_translate():
    en = set(analyze("Customer complaints reach the call centre; two engineers set up the new zone."))
    assert {"customer", "complaint", "engineer", "zone"} <= set(
        analyze("pengaduan pelanggan diterima; dua insinyur membangun zona baru")) & en


def test_the_regency_s_office_by_its_field_is_the_party_of_that_regency():
    from extractor.matching_types import PartyRef
    from extractor.report_parties import party_named
    office = PartyRef("Dinas Perikanan Kabupaten Karang Sari", ("DINAS PERIKANAN KABUPATEN KARANG SARI",))
    guild = PartyRef("Himpunan Nelayan Kabupaten Karang Sari", ("Himpunan Nelayan Kabupaten Karang Sari (HNKS)", "HNKS"))
    letter = ("HIMPUNAN NELAYAN KABUPATEN KARANG SARI - NEWS FOR MEMBERS\n\nThis season we worked closely with the regency's "
              "fisheries office on cold boxes for small boats.")
    assert party_named(letter, office, (office, guild))
    # trap: without the possessive, the place inside the guild's name names the guild only
    plain = "HIMPUNAN NELAYAN KABUPATEN KARANG SARI - NEWS FOR MEMBERS\n\nThis season a fisheries office lent us cold boxes."
    assert not party_named(plain, office, (office, guild))
