"""Linking and matching-term rules of session 10 (blind set 11 opened), on invented text. Each test
has a trap where the rule must not fire."""
from extractor.linking import link_one_party, link_report
from extractor.matching_scores import quantity_terms
from extractor.matching_text import analyze
from extractor.matching_types import AgreementRef, PartyRef
from extractor.party_refs import acronym_named
from extractor.report_parties import party_named

LIBRARY_OFFICE = PartyRef("Dinas Perpustakaan dan Kearsipan Kabupaten Padang Lapang",
                          ("DINAS PERPUSTAKAAN DAN KEARSIPAN KABUPATEN PADANG LAPANG", "DINAS"))
FOUNDATION = PartyRef("Yayasan Lentera Ilmu Bangsa", ("YAYASAN LENTERA ILMU BANGSA", "YAYASAN"))
AGREEMENT = AgreementRef(1, (LIBRARY_OFFICE, FOUNDATION))


def test_a_foundation_acronym_leaves_out_its_kind_word():
    assert acronym_named("Update from the LIB Foundation, October 2026.", FOUNDATION.name)
    assert acronym_named("Laporan Yayasan LIB kepada donatur.", FOUNDATION.name)
    # trap: the initials of another name
    assert not acronym_named("Update from the LBI Foundation.", FOUNDATION.name)


def test_a_local_office_is_named_in_english_by_its_field_and_place():
    report = ("Since our agreement with the Padang Lapang library office, the LIB Foundation has run "
              "a reading bus to the villages.")
    assert [link.agreement_id for link in link_report(report, [AGREEMENT])] == [1]
    # trap: the library office of another regency
    other = report.replace("Padang Lapang library office", "Bukit Sirih library office")
    assert link_report(other, [AGREEMENT]) == []


def test_a_defined_kind_word_does_not_name_the_party_at_the_head_of_another_office():
    other_office = ("Yayasan Lentera Ilmu Bangsa melatih pengelola taman bacaan bersama Dinas Perpustakaan "
                    "Kabupaten Bukit Sirih. Pelatihan itu bagian dari kerja sama yayasan dengan Pemkab Bukit Sirih.")
    assert not party_named(other_office, LIBRARY_OFFICE, AGREEMENT.parties)
    assert link_report(other_office, [AGREEMENT]) == []
    # the foundation is named alone, and works with another regency's office: not this agreement
    assert link_one_party(other_office, [AGREEMENT]) == {}
    # trap: the defined short name written on its own is the party
    own = "DINAS telah menugaskan seorang pengemudi untuk mobil baca YAYASAN."
    assert party_named(own, LIBRARY_OFFICE, AGREEMENT.parties)


def test_counts_written_with_hundred_or_thousand_are_quantities():
    assert "#3000" in quantity_terms("a bus loaded with three thousand children's books")
    assert "#200" in quantity_terms("diikuti dua ratus peserta dari 12 desa")
    # trap: the words spelling out digits in brackets count once
    assert quantity_terms("3.000 (tiga ribu) eksemplar buku") == ["#3000"]


def test_library_words_translate():
    assert "library" in analyze("Dinas menyediakan mobil perpustakaan keliling.")
    terms = analyze("mobil perpustakaan keliling")
    assert "bus" in terms and "mobil" in terms  # a reading bus; a mobile unit


MARINE_OFFICE = PartyRef("MARINE AND FISHERIES OFFICE OF KARANG BIRU REGENCY")
REEF_NGO = PartyRef("Coral Keepers Network", ("CORAL KEEPERS NETWORK", "CKN"))
REEF_MOU = AgreementRef(2, (MARINE_OFFICE, REEF_NGO))


def test_the_english_named_office_written_in_indonesian_without_its_place_is_no_other_partner():
    from extractor.statement_scope import statement_allowed
    text = ("Pelatihan itu dipandu penyelam yang sejak Juni bekerja sama dengan Dinas Kelautan dan "
            "Perikanan setempat.")
    assert statement_allowed(text, REEF_MOU, [])[0]
    # trap: another office of the regency is another partner
    other = text.replace("Dinas Kelautan dan Perikanan", "Dinas Pariwisata")
    assert not statement_allowed(other, REEF_MOU, [])[0]


def test_the_unnamed_partner_described_as_working_with_the_named_party_completes_the_link():
    report = ("Karang Biru - Dua puluh nelayan belajar memantau karang. Pelatihan dipandu penyelam dari "
              "lembaga konservasi asal Selandia Baru yang sejak Mei bekerja sama dengan Dinas Kelautan dan "
              "Perikanan Kabupaten Karang Biru.")
    links = link_report(report, [REEF_MOU])
    assert [link.agreement_id for link in links] == [2] and "referred" in links[0].reasons[0]
    # trap: the organisation working with the office is named, and it is not the partner
    named_other = report.replace("lembaga konservasi asal Selandia Baru", "Yayasan Laut Lestari")
    assert link_report(named_other, [REEF_MOU]) == []


def test_a_report_that_something_was_handed_to_it_says_it_received_it():
    from extractor.statement_scope import says_received
    assert says_received("Peta rekomendasi pemupukan diserahkan ke Dinas tanggal 2 November 2026.")
    assert says_received("The first summary was handed over to the library office in October.")
    # trap: handing something out is no receipt
    assert not says_received("Dinas menyerahkan bibit kepada kelompok tani.")


HEALTH_OFFICE = PartyRef("Dinas Kesehatan Kabupaten Tanjung Pauh")
AID_NGO = PartyRef("Hikari Community Health Association")
BOAT_MOU = AgreementRef(3, (HEALTH_OFFICE, AID_NGO))


def test_the_place_inside_an_offices_name_is_no_other_partnership():
    from extractor.statement_scope import other_partnership
    text = ("Sebuah lembaga asal Jepang yang bekerja sama dengan Dinas Kesehatan Kabupaten Tanjung Pauh "
            "menyerahkan satu unit kapal ambulans.")
    assert other_partnership(text, BOAT_MOU) is None
    # trap: another regency's government is another partnership
    assert other_partnership("Kelas itu hasil kerja sama dengan Pemerintah Kabupaten Batu Ampar.", BOAT_MOU)


def test_an_unnamed_organisation_working_with_one_party_is_the_doer_as_the_other_party():
    from extractor.statement_scope import statement_agent
    text = ("Sebuah lembaga asal Jepang yang bekerja sama dengan Dinas Kesehatan Kabupaten Tanjung Pauh "
            "menyerahkan satu unit kapal ambulans.")
    assert statement_agent(text, BOAT_MOU) == AID_NGO.name
    # trap: the description deep in the sentence is no subject
    later = ("Dinas Kesehatan Kabupaten Tanjung Pauh menanggung bahan bakar kapal yang diserahkan sebuah lembaga "
             "asal Jepang yang bekerja sama dengan Dinas Kesehatan Kabupaten Tanjung Pauh.")
    assert statement_agent(later, BOAT_MOU) is None
