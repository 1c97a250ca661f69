"""How reports write a party's name short of its full form: without its trailing place, an acronym
followed by the place without its level word, a company by a shorter name or its first word after
"PT", a body's name in English, an office by its kind with the place elsewhere. Invented names only;
each rule with a trap where it must not fire."""
from __future__ import annotations

from extractor.link_index import LinkIndex
from extractor.matching import AgreementRef, PartyRef, party_named
from extractor.party_refs import acronym_named, core_named

RSUD = PartyRef("RUMAH SAKIT UMUM DAERAH SEKAR WANGI KABUPATEN PADANG ILALANG",
                ("RSUD Sekar Wangi Kabupaten Padang Ilalang",))
UDD = PartyRef("Unit Donor Darah Palang Merah Indonesia Kota Lumbung Padi")
PEMKAB = PartyRef("Pemerintah Kabupaten Padang Ilalang", ("Pemkab Padang Ilalang",))
PEMKOT = PartyRef("Pemerintah Kota Lumbung Padi", ("Pemkot Lumbung Padi",))
COMPANY = PartyRef("Verdanta Fibres Pte. Ltd.")
HOSPITAL_AG = AgreementRef(1, (RSUD, PEMKAB))
BLOOD_AG = AgreementRef(2, (PEMKOT, UDD))
COMPANY_AG = AgreementRef(3, (PEMKOT, COMPANY))


def _named(text: str, party: PartyRef, agreement: AgreementRef) -> bool:
    named = party_named(text, party, agreement.parties)
    if named:  # the candidate index must keep every agreement party_named can find
        assert agreement.id in LinkIndex([agreement]).candidate_ids(text), text
    return named


def test_a_name_ending_in_its_place_is_written_without_it():
    assert core_named("Pasien dirujuk ke RSUD Sekar Wangi kemarin.", RSUD.name)
    assert _named("Pasien dirujuk ke RSUD Sekar Wangi kemarin.", RSUD, HOSPITAL_AG)
    assert _named("Nurses of the Sekar Wangi Hospital gave blood.", RSUD, HOSPITAL_AG)
    # the same core with another regency after it is another hospital
    assert not _named("Pasien dirujuk ke RSUD Sekar Wangi Kabupaten Bukit Duri.", RSUD, HOSPITAL_AG)
    # the core alone, no word of its kind near it: a place or a person, maybe
    assert not _named("Warga Sekar Wangi berkumpul di balai desa.", RSUD, HOSPITAL_AG)


def test_an_acronym_followed_by_the_place_without_its_level_word():
    assert acronym_named("Mobil unit UDD PMI Lumbung Padi menyambangi pasar.", UDD.name)
    assert _named("Mobil unit UDD PMI Lumbung Padi menyambangi pasar.", UDD, BLOOD_AG)
    assert acronym_named("Petugas UDD PMI Kota Lumbung Padi datang.", UDD.name)
    # another town's unit
    assert not acronym_named("Mobil unit UDD PMI Tanah Merah menyambangi pasar.", UDD.name)
    assert not acronym_named("Mobil unit UDD PMI Lumbung Raya menyambangi pasar.", UDD.name)


def test_a_company_by_a_shorter_name_or_its_first_word_after_pt():
    for text in ("Bal botol dijual ke PT Verdanta.", "Terima kasih PT Verdanta Fibres atas bantuannya.",
                 "Verdanta Fibres - Quarterly Update", "Data timbangan PT VERDANTA dan bank sampah."):
        assert _named(text, COMPANY, COMPANY_AG), text
    # another company sharing the first word, the word in another sense, or without "PT"
    assert not _named("Bal botol dijual ke PT Verdanta Kemasindo.", COMPANY, COMPANY_AG)
    assert not _named("Bal botol dijual ke Verdanta.", COMPANY, COMPANY_AG)
    assert not _named("Bal botol dijual ke pt verdanta.", COMPANY, COMPANY_AG)
    # a first word that names many companies says nothing
    common = PartyRef("Mitra Serat Lestari Pte. Ltd.")
    assert not party_named("Dijual ke PT Mitra.", common, (PEMKOT, common))
