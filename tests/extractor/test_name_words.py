"""Soft naming (extractor.name_words): parties named by the proper words of their names."""
from extractor.matching_types import AgreementRef, PartyRef
from extractor.name_words import SoftNameIndex, distinctive_words, proper_words


def _agreements(rows):
    return [AgreementRef(ag_id, tuple(PartyRef(name, tuple(aliases)) for name, aliases in parties))
            for ag_id, parties in rows]

AGREEMENTS = [
    (1, [("Pemerintah Kabupaten Waru Lestari", ("Pemkab Waru Lestari",)), ("Universitas Sindangraja", ())]),
    (2, [("Pemerintah Kabupaten Waru Lestari", ()), ("PT Gemilang Sarana Niaga", ())]),
    (3, [("Dinas Kesehatan Kota Batu Kelir", ()), ("Universitas Sindangraja", ())]),
    (4, [("Dinas Pendidikan Kabupaten Waru Lestari", ()), ("Yayasan Pelita Anak", ())]),
]


def test_distinctive_words_leave_out_kind_level_field_and_legal_words():
    assert distinctive_words(["Dinas Pendidikan Provinsi Nusa Pelangi"]) == {"nusa", "pelangi"}
    assert distinctive_words(["PT Gemilang Sarana Niaga Tbk"]) == {"gemilang", "sarana", "niaga"}
    assert distinctive_words(["Universitas Negeri 12 Sindangraja", "UNSIRA"]) == {"sindangraja", "unsira"}
    assert distinctive_words(["RSUD dr. Harapan Kasih"]) == {"harapan", "kasih"}
    assert distinctive_words(["Reclaim Polymers Pte. Ltd."]) == {"reclaim", "polymers"}


def test_proper_words_are_capitalised_and_never_written_in_lower_case():
    words = proper_words("Tim Sindangraja menimbang hasil; warga WARU datang. Lestari dan lestari.")
    assert {"sindangraja", "waru", "tim"} <= words
    assert "lestari" not in words and "menimbang" not in words


def test_an_agreement_is_softly_named_when_each_party_is_by_a_word_of_its_own():
    index = SoftNameIndex(_agreements(AGREEMENTS))
    text = "Pemda Waru Lestari dan kampus Sindangraja menggelar pelatihan kader posyandu."
    found = index.soft_names(text)
    assert [s.agreement_id for s in found] == [1]
    assert "Universitas Sindangraja (sindangraja)" in found[0].reason()


def test_one_party_alone_or_a_word_both_parties_share_is_no_soft_name():
    index = SoftNameIndex(_agreements(AGREEMENTS))
    assert index.soft_names("The Sindangraja team visited three villages.") == []
    shared = SoftNameIndex(_agreements([(9, [("Pemerintah Kota Teluk Ambar", ()), ("Politeknik Negeri Teluk Ambar", ())])]))
    assert shared.soft_names("Teluk Ambar held a job fair.") == []


def test_soft_names_link_an_agreement_but_not_over_a_sibling_of_a_partys_kind():
    from extractor.linking import link_by_soft_names

    agreements = [AgreementRef(1, (PartyRef("Pemerintah Kota Muara Kelir", ("the City",)),
                                   PartyRef("Waterschap Rijnveld Oost", ("the Water Board",)))),
                  AgreementRef(2, (PartyRef("Pemerintah Kota Muara Kelir"), PartyRef("PT Gemilang Sarana")))]
    index = SoftNameIndex(agreements)
    report = "Tim Rijnveld menyerahkan rencana induk drainase kepada Pemda Muara Kelir pada Juni."
    links, one = link_by_soft_names(report, [], {1: "Pemerintah Kota Muara Kelir"}, index)
    assert [link.agreement_id for link in links] == [1] and one == {}
    assert "Waterschap Rijnveld Oost (rijnveld)" in links[0].reasons[0]
    # the Rijnveld team worked with another city: the passage naming it is no soft name of this one
    other = "Tim Rijnveld melatih operator pompa Pemerintah Kota Muara Jernih. Kota Muara Kelir belum."
    assert link_by_soft_names(other, [], {}, index) == ([], {})


def test_two_parties_of_a_three_party_agreement_are_enough():
    three = [AgreementRef(5, (PartyRef("Pemerintah Kabupaten Tanah Sirih"), PartyRef("PT Bank Sirih Makmur"),
                              PartyRef("Sekolah Tinggi Ilmu Ekonomi Kusuma Bangsa")))]
    index = SoftNameIndex(three)
    found = index.soft_names("Makmur bank staff trained Kusuma students on village bookkeeping.")
    assert [s.agreement_id for s in found] == [5] and len(found[0].found) == 2
    assert index.soft_names("Kusuma students trained village officials.") == []


def test_words_of_a_body_named_by_its_name_do_not_also_softly_name_another():
    from extractor.linking import link_by_soft_names, link_report

    province = PartyRef("Pemerintah Provinsi Jawa Selatan", ("Pemprov Jawa Selatan",))
    office = PartyRef("Dinas Pendidikan Provinsi Jawa Selatan")
    university = PartyRef("Universitas Gunung Kidul Raya", ("UGKR",))
    agreements = [AgreementRef(1, (province, university)), AgreementRef(2, (office, university))]
    text = "Pemprov Jawa Selatan dan UGKR melatih perangkat desa. Tim Gunung Kidul Raya hadir."
    links = link_report(text, agreements)
    assert [link.agreement_id for link in links] == [1]
    soft, _ = link_by_soft_names(text, links, {}, SoftNameIndex(agreements))
    assert [link.agreement_id for link in soft] == [1]
    # without the province's name form, the same words name the office's agreement softly too
    bare = "Jawa Selatan dan Gunung Kidul Raya melatih perangkat desa."
    assert {s.agreement_id for s in SoftNameIndex(agreements).soft_names(bare)} == {1, 2}


def test_the_same_words_naming_two_agreements_link_neither():
    from extractor.linking import link_by_soft_names

    province = PartyRef("Pemerintah Provinsi Jawa Selatan")
    office = PartyRef("Dinas Pendidikan Provinsi Jawa Selatan")
    university = PartyRef("Universitas Gunung Kidul Raya")
    agreements = [AgreementRef(1, (province, university)), AgreementRef(2, (office, university))]
    index = SoftNameIndex(agreements)
    bare = "Jawa Selatan dan Gunung Kidul Raya melatih perangkat desa."
    assert {s.agreement_id for s in index.soft_names(bare)} == {1, 2}
    assert link_by_soft_names(bare, [], {}, index) == ([], {})


SAME_REGENCY = [
    (1, [("Dinas Sosial Kabupaten Tanjung Muara", ()), ("PT Kirim Cepat Nusantara Cabang Tanjung Muara", ())]),
    (2, [("Dinas Kesehatan Kabupaten Tanjung Muara", ()), ("Rumah Sakit Umum Permata Hati Tanjung Muara", ())]),
]


def test_a_party_with_no_word_of_its_own_is_found_by_its_regency_next_to_its_partner():
    index = SoftNameIndex(_agreements(SAME_REGENCY))
    report = "PEMERINTAH KABUPATEN TANJUNG MUARA\nLaporan: layanan di RS Permata Hati berjalan."
    found = index.soft_names(report)
    assert [s.agreement_id for s in found] == [2]
    assert found[0].by_place == ("Dinas Kesehatan Kabupaten Tanjung Muara",)
    # the place alone, or the partner without the regency named by its level, is no soft name
    assert index.soft_names("Warga Tanjung Muara antre di RS Permata Hati.") == []
    assert index.soft_names("PEMERINTAH KABUPATEN TANJUNG MUARA menggelar rapat.") == []
    english = "Field note, Tanjung Muara Regency: the Permata Hati hospital opened a desk."
    assert [s.agreement_id for s in index.soft_names(english)] == [2]


def test_a_short_name_made_of_a_partys_own_words_names_that_party():
    from extractor.linking import link_by_soft_names
    from extractor.name_words import names_party_softly
    from extractor.statement_scope import done_with_other

    agreements = _agreements(SAME_REGENCY)
    assert names_party_softly("Kantor Kirim Cepat", agreements[0]) == "PT Kirim Cepat Nusantara Cabang Tanjung Muara"
    assert names_party_softly("RS Permata Hati", agreements[1]) == "Rumah Sakit Umum Permata Hati Tanjung Muara"
    assert names_party_softly("RS Permata Ibu", agreements[1]) is None
    assert done_with_other("Penyaluran bantuan bersama Kantor Kirim Cepat selesai.", agreements[0]) is None
    assert done_with_other("Penyaluran bantuan bersama PT Antar Jaya selesai.", agreements[0]) == "PT Antar Jaya"
    # "RS Permata" is read as a hospital of its own; with the words after it, it is the party's
    index = SoftNameIndex(agreements)
    report = "Kabupaten Tanjung Muara. Layanan di RS Permata Hati (Dinkes) sudah berjalan."
    links, _ = link_by_soft_names(report, [], {}, index)
    assert [link.agreement_id for link in links] == [2]
    other = "Kabupaten Tanjung Muara. Layanan di RS Permata Hati dan RS Bunda Kasih sudah berjalan."
    assert link_by_soft_names(other, [], {}, index) == ([], {})


def test_an_office_short_form_any_regency_writes_is_no_word_of_its_own():
    # "Dinsos X" names the social office of X, but "dinsos" is every regency's: the office keeps no
    # word of its own and is found by its regency next to its partner
    assert distinctive_words(["Dinas Sosial Kabupaten Tanjung Muara", "Dinsos Tanjung Muara"]) == {"tanjung", "muara"}
