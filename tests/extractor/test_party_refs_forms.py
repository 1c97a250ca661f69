"""How reports write a party's name short of its full form: without its trailing place, an acronym
followed by the place without its level word, a company by a shorter name or its first word after
"PT", a body's name in English, an office by its kind with the place elsewhere. Invented names only;
each rule with a trap where it must not fire."""
from __future__ import annotations

from extractor.link_index import LinkIndex
from extractor.matching_types import AgreementRef, PartyRef
from extractor.party_refs import acronym_named, core_named
from extractor.report_parties import party_named

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


def test_a_body_named_in_english():
    assert _named("Together with the Lumbung Padi Red Cross blood unit we ran talks at schools.", UDD, BLOOD_AG)
    assert _named("Staff of the Indonesian Red Cross blood donor unit in Lumbung Padi came.", UDD, BLOOD_AG)
    # another town's unit, or a hospital's own blood bank in the same town
    assert not _named("A drive with the Tanah Merah Red Cross unit in Lumbung Padi City.", UDD, BLOOD_AG)
    assert not _named("The Lumbung Padi hospital blood bank stores the bags.", UDD, BLOOD_AG)
    auction = PartyRef("Kantor Pelayanan Kekayaan Negara dan Lelang Bukit Duri")
    ag = AgreementRef(4, (PEMKAB, auction))
    assert _named("The Bukit Duri State Asset and Auction Office sold 40 cars.", auction, ag)
    assert not _named("The Sungai Duri State Asset and Auction Office sold 40 cars.", auction, ag)


def test_an_english_agency_name_is_named_by_place_and_field_without_its_level():
    office = PartyRef("the Tourism Office of Lembah Kabut Province")
    ag = AgreementRef(5, (office, PartyRef("Harbourline Academy of Hotel Studies")))
    assert _named("Four officials of the Lembah Kabut Tourism Office visited our campus.", office, ag)
    assert _named("Our programme with the provincial Tourism Office of Lembah Kabut grew.", office, ag)
    assert not _named("Four officials of the Bukit Sari Tourism Office visited our campus.", office, ag)
    assert not _named("Four officials of the Lembah Kabut Health Office visited our campus.", office, ag)


def test_an_office_of_central_government_by_its_kind_with_its_place_elsewhere():
    kantah = PartyRef("Kantor Pertanahan Kabupaten Padang Ilalang")
    ag = AgreementRef(6, (PEMKAB, kantah))
    speech = "SAMBUTAN BUPATI PADANG ILALANG\nTerima kasih Ibu Kepala Kantah atas sertipikatnya."
    assert _named(speech, kantah, ag)
    assert _named("Rencana aksi Kabupaten Padang Ilalang: 90 bidang diukur petugas Kantah.", kantah, ag)
    # no place written, or the office of another place named in the same report
    assert not _named("Terima kasih Ibu Kepala Kantah atas sertipikatnya.", kantah, ag)
    assert not _named(speech + " Kantah Bukit Duri juga hadir.", kantah, ag)
    assert not _named("Bupati Padang Ilalang menyambut tamu dari jauh. Kantor Pertanahan Kabupaten Bukit Duri "
                      "membantu.", kantah, ag)
    # a government is no office of central government: its kind word alone is no name
    assert not _named("Warga Padang Ilalang menunggu. Bupati menyerahkan dokumen.", PEMKAB, ag)


def test_an_agency_of_the_government_names_it_unless_the_agency_is_the_party():
    report = ("BADAN KEUANGAN DAN ASET DAERAH KABUPATEN PADANG ILALANG\nLaporan Triwulan II\n"
              "Penilaian 12 objek oleh KPKNL Bukit Duri selesai.")
    kantah = PartyRef("Kantor Pertanahan Kabupaten Padang Ilalang")
    with_government = AgreementRef(7, (PEMKAB, kantah))
    bkad = PartyRef("Badan Keuangan dan Aset Daerah Kabupaten Padang Ilalang")
    auction = PartyRef("Kantor Pelayanan Kekayaan Negara dan Lelang Bukit Duri")
    with_agency = AgreementRef(8, (bkad, auction))
    assert _named(report, PEMKAB, with_government)
    assert _named(report, bkad, with_agency) and _named(report, auction, with_agency)
    # the government's own name does not name one of its agencies
    assert not _named("Pemerintah Kabupaten Padang Ilalang menyerahkan aset.", bkad, with_agency)
    # another regency's agency does not name this government
    assert not _named("DINAS LINGKUNGAN HIDUP KABUPATEN BUKIT DURI\nLaporan", PEMKAB, with_government)


def test_an_agency_written_without_its_place_names_its_government():
    company = PartyRef("PT Arunika Daur Plastik")
    ag = AgreementRef(9, (PEMKAB, company))
    news = ("PADANG ILALANG - Kepala Dinas Lingkungan Hidup mengatakan rancangan peraturan masih diuji publik. "
            "DLH juga membagikan tempat sampah terpilah.")
    assert _named(news, PEMKAB, ag)
    assert _named("Padang Ilalang: dashboards are shared with the Environment Office every month.", PEMKAB, ag)
    # no place, a village enterprise (no agency), or another regency's government or agency in the report
    assert not _named("Kepala Dinas Lingkungan Hidup mengatakan rancangan masih diuji publik.", PEMKAB, ag)
    assert not _named("PADANG ILALANG - Badan Usaha Milik Desa membeli mesin.", PEMKAB, ag)
    assert not _named(news + " Pemerintah Kabupaten Bukit Duri ikut hadir.", PEMKAB, ag)
    assert not _named("Warga Padang Ilalang dilatih Dinas Lingkungan Hidup Kabupaten Bukit Duri.", PEMKAB, ag)


def test_short_level_words_and_more_bodies_in_english():
    assert acronym_named("Petugas UDD PMI Kab. Lumbung Padi datang.", "Unit Donor Darah Palang Merah Indonesia "
                                                                      "Kabupaten Lumbung Padi")
    assert not acronym_named("Petugas UDD PMI Kab. Tanah Merah datang.", "Unit Donor Darah Palang Merah Indonesia "
                                                                       "Kabupaten Lumbung Padi")
    bpbd = PartyRef("Badan Penanggulangan Bencana Daerah Kabupaten Padang Ilalang")
    ag = AgreementRef(10, (bpbd, PartyRef("Yayasan Tangguh Pesisir")))
    assert _named("Volunteers trained with the Padang Ilalang Disaster Management Agency.", bpbd, ag)
    assert not _named("Volunteers trained with the Bukit Duri Disaster Management Agency.", bpbd, ag)


def test_a_name_in_another_word_order_is_read_within_one_sentence():
    from extractor.orgs import mentions, signature

    kantah = signature("Kantor Pertanahan Kabupaten Padang Ilalang")
    assert not mentions("Bupati Padang Ilalang berkunjung. Kantor Pertanahan Kabupaten Bukit Duri membantu.", kantah)
    city_hall = signature("Kuala Serai North City Hall")
    assert mentions("Officers of the North Kuala Serai City Hall came.", city_hall)
    assert mentions("Pemerintah Kab. Padang Ilalang; the Padang Ilalang Pemerintah Kabupaten office.",
                    signature("Pemerintah Kabupaten Padang Ilalang"))


def test_local_governments_in_english_as_districts_municipalities_and_pemda():
    province = PartyRef("Pemerintah Provinsi Laut Teduh")
    city = PartyRef("Pemerintah Kota Tanjung Lumut")
    parties = (PEMKAB, province, city)
    for text, party in (("Officials of the Provincial Government of Laut Teduh attended.", province),
                        ("the Laut Teduh provincial administration agreed", province),
                        ("the District Government of Padang Ilalang agreed", PEMKAB),
                        ("Padang Ilalang District Government staff came", PEMKAB),
                        ("the Municipality of Tanjung Lumut paid", city),
                        ("Pemda Padang Ilalang menyiapkan lahan", PEMKAB),
                        ("Pemda Kota Tanjung Lumut menyiapkan lahan", city)):
        assert party_named(text, party, parties), text
        assert [p for p in parties if p is not party and party_named(text, p, parties)] == [], text
    # another place's government
    assert not party_named("the District Government of Bukit Duri agreed", PEMKAB, parties)
    assert not party_named("Pemda Bukit Duri menyiapkan lahan", PEMKAB, parties)
    # a district court or hospital is no district government
    assert not party_named("the Padang Ilalang District Court ruled", PEMKAB, parties)


def test_a_central_government_office_with_a_regency_in_its_name_does_not_name_the_regency():
    kantah = PartyRef("Kantor Pertanahan Kabupaten Padang Ilalang")
    parties = (PEMKAB, kantah)
    for text in ("Sertipikat diserahkan Kantah Kabupaten Padang Ilalang.", "BPN Padang Ilalang menerbitkan sertipikat.",
                 "Kantor ATR/BPN Kab. Padang Ilalang menerbitkan sertipikat.",
                 "The Padang Ilalang Regency Land Office issued 200 titles.",
                 "The Land Office of Padang Ilalang Regency issued 200 titles."):
        assert party_named(text, kantah, parties), text
        assert not party_named(text, PEMKAB, parties), text
    # a regency's own agency, or the regency itself, still names it
    assert party_named("The Padang Ilalang Regency Health Office helped.", PEMKAB, parties)
    assert party_named("Kantah dan Pemerintah Kabupaten Padang Ilalang sepakat.", PEMKAB, parties)
    assert not party_named("BPN Bukit Duri menerbitkan sertipikat.", kantah, parties)
    prosecutor = PartyRef("Kejaksaan Negeri Padang Ilalang")
    assert party_named("The Padang Ilalang District Prosecutor's Office advised.", prosecutor, (PEMKAB, prosecutor))


def test_bodies_named_in_english_in_the_agreement_are_found_in_indonesian_reports():
    blood = PartyRef("the Blood Donor Unit of the Indonesian Red Cross of Lumbung Padi City")
    ag = AgreementRef(11, (PEMKOT, blood))
    for text in ("Mobil UDD PMI Lumbung Padi datang ke pasar.", "Unit Donor Darah PMI Kota Lumbung Padi hadir.",
                 "UDD Palang Merah Indonesia Kota Lumbung Padi hadir."):
        assert _named(text, blood, ag), text
    assert not _named("Mobil UDD PMI Tanah Merah datang ke pasar.", blood, ag)
    clinic = PartyRef("the Bukit Duri Community Health Centre")
    assert _named("Bidan Puskesmas Bukit Duri hadir.", clinic, AgreementRef(12, (PEMKAB, clinic)))
    assert not _named("Bidan Puskesmas Bukit Sari hadir.", clinic, AgreementRef(12, (PEMKAB, clinic)))
    land = PartyRef("the Land Office of Bukit Duri Regency")
    assert _named("Petugas Kantah Bukit Duri mengukur 40 bidang.", land, AgreementRef(13, (PEMKAB, land)))


def test_a_body_in_full_or_by_its_short_form_in_one_name():
    assert _named("Unit Donor Darah PMI Kota Lumbung Padi menggelar donor.", UDD, BLOOD_AG)
    assert _named("UDD Palang Merah Indonesia Lumbung Padi menggelar donor.", UDD, BLOOD_AG)
    assert not _named("Unit Donor Darah PMI Kota Tanah Merah menggelar donor.", UDD, BLOOD_AG)


def test_kind_phrases_written_by_a_short_form_that_is_no_acronym():
    cases = ((PartyRef("Politeknik Kesehatan Kementerian Kesehatan Lembah Kabut"),
              "Mahasiswa Poltekkes Lembah Kabut membantu.", "Mahasiswa Poltekkes Bukit Sari membantu."),
             (PartyRef("Badan Usaha Milik Desa Sumber Arum"), "BUMDes Sumber Arum membeli gabah.",
              "BUMDes Sumber Jaya membeli gabah."),
             (PartyRef("Perusahaan Umum Daerah Air Minum Tirta Embun Kabupaten Padang Ilalang"),
              "PDAM Tirta Embun memasang pipa.", "PDAM Tirta Sari memasang pipa."),
             (PartyRef("Koperasi Produsen Tani Rukun Lestari"), "Anggota Koperasi Tani Rukun Lestari panen.",
              "Anggota Koperasi Tani Rukun Makmur panen."))
    for party, named, other in cases:
        ag = AgreementRef(14, (PEMKAB, party))
        assert _named(named, party, ag), named
        assert not _named(other, party, ag), other


def test_an_unplaced_agency_is_not_the_government_of_the_same_place_at_another_level():
    company = PartyRef("PT Arunika Daur Plastik")
    ag = AgreementRef(15, (PEMKAB, company))
    city_news = "PEMERINTAH KOTA PADANG ILALANG\nMahasiswa magang ditempatkan di Dinas Komunikasi dan Informatika."
    assert not _named(city_news, PEMKAB, ag)
    assert _named(city_news.replace("KOTA", "KABUPATEN"), PEMKAB, ag)


def test_technical_units_health_centres_and_research_institutes_by_their_short_names():
    cases = ((PartyRef("UPTD Puskesmas Sumber Arum"), "Bidan Puskesmas Sumber Arum hadir.", "Bidan Puskesmas Sumber Jaya hadir."),
             (PartyRef("Pusat Kesehatan Masyarakat Sumber Arum"), "Bidan Puskesmas Sumber Arum hadir.",
              "Bidan Puskesmas Sumber Jaya hadir."),
             (PartyRef("UPT Balai Latihan Kerja Lembah Kabut"), "Peserta BLK Lembah Kabut lulus.",
              "Peserta BLK Bukit Sari lulus."),
             (PartyRef("Lembaga Penelitian dan Pengabdian kepada Masyarakat Universitas Lembah Kabut"),
              "Tim LPPM Universitas Lembah Kabut turun ke desa.", "Tim LPPM Universitas Bukit Sari turun ke desa."))
    for party, named, other in cases:
        ag = AgreementRef(16, (PEMKAB, party))
        assert _named(named, party, ag), named
        assert not _named(other, party, ag), other


def test_foreign_legal_forms_make_a_company():
    from extractor.party_refs import kind_of

    company = PartyRef("Seri Kenanga Recycling Sdn. Bhd.")
    ag = AgreementRef(17, (PEMKOT, company))
    assert kind_of(company.name) == "company"
    assert _named("Truk Seri Kenanga Recycling mengangkut bal plastik.", company, ag)
    assert _named("Bal plastik dijual ke PT Seri Kenanga.", company, ag)
    assert not _named("Bal plastik dijual ke PT Seri Kenanga Logistik.", company, ag)


def test_a_segment_of_a_document_number_is_no_short_name():
    government = "Pemerintah Kabupaten Selaras"
    assert acronym_named("Tim PKS menyerahkan laporan pelatihan.", government)
    # inside "007/PKS/2026" the letters are the number's kind of agreement, not the regency's initials
    assert not acronym_named("Sesuai Nomor 007/PKS/2026 tentang pelatihan, kegiatan telah selesai.", government)


def test_a_day_or_month_name_is_no_syllable_short_form():
    # "Ka|mis" spells the leading syllables of "Kabupaten Misata", but "hari Kamis" is Thursday
    assert not acronym_named("Pelatihan digelar pada hari Kamis di balai desa.", "Kabupaten Misata")
    assert not acronym_named("Kegiatan berlanjut hingga Januari tahun depan.", "Jaringan Nusantara Riset")
    assert acronym_named("Tim Poltekpar Lembah melatih pemandu.", "Politeknik Pariwisata Lembah")


def test_a_cooperative_or_foundation_by_its_kind_and_the_last_words_of_a_long_name():
    coop = PartyRef("Koperasi Nelayan Pantai Timur Karang Indah")
    ag = AgreementRef(18, (PEMKOT, coop))
    assert _named("Dana bergulir diterima Koperasi Karang Indah pada Mei.", coop, ag)
    assert _named("The Karang Indah Cooperative repaid the first loan.", coop, ag)
    assert not _named("Koperasi Karang Baru menerima dana bergulir.", coop, ag)
    assert not _named("Nelayan Karang Indah melaut lagi.", coop, ag)
    foundation = PartyRef("Yayasan Pendidikan Islam Nurul Huda")
    assert _named("Guru Yayasan Nurul Huda mengikuti pelatihan.", foundation, AgreementRef(19, (PEMKOT, foundation)))
