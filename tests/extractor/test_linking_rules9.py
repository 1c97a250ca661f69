"""Linking rules of session 9 (blind set 10 opened), on invented text. Each test has a trap where the
rule must not fire."""
from extractor.linking import link_report
from extractor.matching_types import AgreementRef, PartyRef
from extractor.party_refs import acronym_named


def test_a_title_on_one_line_ends_the_second_party_before_its_subject(nlp_id):
    text = ("KESEPAKATAN BERSAMA ANTARA PEMERINTAH KABUPATEN LEMBAH ARANG DAN KEPOLISIAN RESOR LEMBAH ARANG "
            "TENTANG KETERTIBAN LALU LINTAS DI SEKITAR PASAR\nNOMOR : 12/KB/2026\n\nPasal 1\n"
            "PIHAK KESATU memasang lampu penerangan jalan.\n")
    names = [p.name.upper() for p in nlp_id(text)._.janji_parties]
    assert "KEPOLISIAN RESOR LEMBAH ARANG" in names
    assert not any("TENTANG" in name or "KETERTIBAN" in name for name in names)


def test_a_company_acronym_leaves_out_its_legal_form():
    insurer = "PT Asuransi Tirta Bumi Sentosa"
    assert acronym_named("Laporan kerja sama Disdik dengan ATBS (Mei 2026).", insurer)
    assert acronym_named("Kerja sama dengan PT ATBS.", insurer)
    # trap: the initials in another order, or of another name starting alike, are not the company
    assert not acronym_named("Kerja sama dengan TABS.", insurer)
    assert not acronym_named("Kerja sama dengan ATB Logistik.", insurer)


def test_an_office_is_named_by_its_short_form_alone_where_the_report_names_its_regency():
    office = PartyRef("Dinas Pendidikan Kabupaten Sungai Lebar")
    insurer = PartyRef("PT Asuransi Tirta Bumi Sentosa")
    agreement = AgreementRef(1, (office, insurer))
    report = ("PEMERINTAH KABUPATEN SUNGAI LEBAR\nLaporan monitoring kerja sama\n"
              "PKS Disdik - ATBS: zebra cross di depan 12 SMP telah dicat atas biaya ATBS.\n")
    assert [link.agreement_id for link in link_report(report, [agreement])] == [1]
    # trap: the short form written with another regency is that regency's office
    other = report.replace("PKS Disdik - ATBS", "PKS Disdik Kabupaten Bukit Kapur - ATBS")
    assert link_report(other, [agreement]) == []


def test_an_office_partner_belongs_to_its_regency_so_another_regency_named_with_the_company_is_other_work():
    from extractor.linking import link_by_content, link_one_party
    from extractor.matching_types import CommitmentRef, StatementRef

    office = PartyRef("Dinas Lingkungan Hidup Kabupaten Bukit Tinggi Raya")
    company = PartyRef("PT Plastik Hijau Lestari")
    agreement = AgreementRef(1, (office, company))
    commitments = [CommitmentRef(1, 1, "PIHAK KEDUA memasang mesin pencacah plastik di setiap TPS3R milik PIHAK PERTAMA")]
    other_work = ("PT Plastik Hijau Lestari bersama Pemerintah Kabupaten Lembah Batu menggelar pelatihan di Lembah "
                  "Batu. Perusahaan juga telah memasang enam mesin pencacah plastik di TPS3R milik Pemkab Lembah Batu.")
    statements = [StatementRef(1, "Perusahaan juga telah memasang enam mesin pencacah plastik di TPS3R.")]
    assert link_one_party(other_work, [agreement]) == {}
    assert link_by_content(statements, other_work, [agreement], commitments) is None
    # trap: the company with the office's own regency is this agreement's work
    own_work = other_work.replace("Lembah Batu", "Bukit Tinggi Raya")
    assert link_one_party(own_work, [agreement]) == {1: "PT Plastik Hijau Lestari"}


def test_an_office_referred_to_by_the_bare_word_dinas_completes_a_link_with_its_named_partner():
    office = PartyRef("Dinas Pendidikan Kabupaten Hulu Rimba")
    company = PartyRef("PT Jaringan Awan Nusantara")
    agreement = AgreementRef(1, (office, company))
    report = ("LAPORAN PEMANTAUAN PENGAWAS SEKOLAH\n1. Sekolah sasaran program PT Jaringan Awan Nusantara sudah "
              "memiliki modem yang menyala.\n2. Surat tugas guru operator dari dinas belum turun.\n")
    links = link_report(report, [agreement])
    assert [link.agreement_id for link in links] == [1] and "referred to by kind" in links[0].reasons[0]
    # trap: a report naming an office of another field - "dinas" may be that one
    other = report.replace("dari dinas", "dari dinas. Dinas Kesehatan memeriksa ruang kelas; dinas")
    assert link_report(other, [agreement]) == []


def test_a_small_count_is_a_quantity_term_only_with_what_it_counts():
    from extractor.matching_scores import quantity_terms

    assert quantity_terms("memasang panel surya di 30 puskesmas dan 20 (dua puluh) SMP") == ["#30", "#20"]
    assert "#30" in quantity_terms("Rooftop solar is now running at all 30 island health centres.")
    # trap: days, dates, durations, times a month and numbered items count nothing
    assert quantity_terms("paling lambat 30 hari, tanggal 14 Juli, 2 (dua) kali sebulan, Pasal 3, tahap 2 selesai") == []


def test_counts_written_in_words_are_quantity_terms_in_either_language():
    from extractor.matching_scores import quantity_terms

    assert quantity_terms("with all fifteen mid-size buses on five routes") == ["#15", "#5"]
    # the digits' spelled-out brackets count once
    assert quantity_terms("mengoperasikan 15 (lima belas) unit bus pada 5 (lima) trayek") == ["#15", "#5"]
    assert quantity_terms("twenty-five schools; dua puluh lima sekolah; tiga set alat") == ["#25", "#25", "#3"]
    # trap: durations, times a month and "the two parties" count nothing
    assert quantity_terms("within two weeks, dua kali sebulan, selama lima tahun, the two parties agreed") == []


def test_a_section_heading_ends_the_run_of_statements_about_other_work():
    from extractor.matching import match_report
    from extractor.matching_types import CommitmentRef, MatchConfig, StatementRef

    office = PartyRef("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tanah Lapang")
    clinic = PartyRef("Rumah Sakit Umum Sehat Sentosa Tanah Lapang")
    agreement = AgreementRef(1, (office, clinic))
    commitments = [CommitmentRef(1, 1, "mengirimkan data kelahiran setiap hari kepada PIHAK PERTAMA melalui aplikasi")]
    statements = [StatementRef(1, "Penyaluran bantuan sosial bersama Kantor Pos"),
                  StatementRef(2, "Layanan adminduk di RS Sehat Sentosa"),
                  StatementRef(3, "Data kelahiran harian dikirim rumah sakit melalui aplikasi sejak 1 April 2026.")]
    text = ("LAPORAN KERJA SAMA DAERAH KABUPATEN TANAH LAPANG\n" + "\n".join(s.text for s in statements)
            + "\nDinas Kependudukan dan Pencatatan Sipil Kabupaten Tanah Lapang dan Rumah Sakit Umum Sehat Sentosa "
              "Tanah Lapang hadir.")
    _, matches = match_report(statements, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert [m.statement_id for m in matches] == [3]
    # trap: without the heading the statement still continues the one about other work
    _, matches = match_report([statements[0], statements[2]], text, [agreement], commitments,
                              config=MatchConfig(method="bm25"))
    assert matches == []


def test_the_body_an_activity_was_done_with_is_read_with_the_lower_case_words_that_end_its_name():
    from extractor.statement_scope import statement_allowed

    unit = PartyRef("Unit Donor Darah Palang Merah Indonesia Kabupaten Bukit Damar")
    smelter = PartyRef("PT Logam Bukit Damar")
    agreement = AgreementRef(1, (smelter, unit))
    ok, why = statement_allowed("Together with the Bukit Damar Red Cross blood unit, our team ran talks at seven "
                                "schools.", agreement, [])
    assert ok, why
    # trap: another regency's Red Cross unit is another body
    ok, why = statement_allowed("Together with the Ulu Pandan Red Cross blood unit, our team ran talks at seven "
                                "schools.", agreement, [])
    assert not ok


def test_english_words_for_one_concept_meet_the_glossarys_single_translation():
    from extractor.matching_text import analyze

    got = analyze("Two traffic police officers walked pupils across the road.")
    assert "student" in got and "cross" in got
    # trap: other words keep their own stems
    assert "road" in analyze("The road was repaired.")


def test_a_passive_statement_done_by_one_party_is_no_evidence_of_the_other_partys_duty():
    from extractor.statement_scope import statement_agent

    office = PartyRef("Dinas Kesehatan Kabupaten Rawa Lumut")
    company = PartyRef("PT Air Jernih Nusantara")
    agreement = AgreementRef(1, (office, company))
    text = "Daftar keluarga balita berisiko stunting sudah diberikan oleh dinas kepada PT Air Jernih Nusantara."
    assert statement_agent(text, agreement) == office.name
    assert statement_agent("Filters were installed by PT Air Jernih Nusantara in 40 homes.", agreement) == company.name
    # trap: a statement naming no doer, or both as doers, has none
    assert statement_agent("Filter terpasang di 40 rumah.", agreement) is None
    assert statement_agent("Rapat dipimpin oleh dinas dan PT Air Jernih Nusantara.", agreement) is None


def test_a_partys_own_report_of_receiving_the_partners_supply_counts_for_that_supply():
    from extractor.matching import match_report
    from extractor.matching_types import CommitmentRef, MatchConfig, StatementRef

    utility = PartyRef("Perusahaan Umum Daerah Air Minum Tirta Lestari")
    donor = PartyRef("Nordic Water Aid Agency", ("NWAA",))
    agreement = AgreementRef(1, (utility, donor))
    commitments = [
        CommitmentRef(1, 1, "NWAA will supply three (3) sets of acoustic leak detection equipment to Tirta Lestari",
                      parties=(donor.name,)),
        CommitmentRef(2, 1, "Tirta Lestari will replace 5,000 old customer meters", parties=(utility.name,))]
    text = ("LAPORAN PERUMDA AIR MINUM TIRTA LESTARI\nTiga set alat pendeteksi kebocoran akustik telah diterima di "
            "gudang kami pada 14 Juli 2026.\nAlat pendeteksi kebocoran akustik mulai dipakai regu lapangan.")
    statements = [StatementRef(1, "Tiga set alat pendeteksi kebocoran akustik telah diterima di gudang kami pada "
                                  "14 Juli 2026."),
                  StatementRef(2, "Alat pendeteksi kebocoran akustik mulai dipakai regu lapangan.")]
    _, matches = match_report(statements, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert [(m.statement_id, m.commitment_id) for m in matches] == [(1, 1)]
