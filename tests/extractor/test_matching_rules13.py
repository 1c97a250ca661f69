"""Activity and matching-term rules of session 13 (blind set 18 opened), on invented text. Each test has
a trap where the rule must not fire."""
from extractor.activities import extract_activities
from extractor.activity_cues import first_stage_only, stages_called_off
from extractor.matching_scores import match_terms, with_targets_reached
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def shared(a: str, b: str) -> set[str]:
    return set(match_terms(a)) & set(match_terms(b))


def test_a_noun_in_ion_shares_its_verb_term():
    assert shared("The parties shall carry out a joint inspection of the dam.", "Staff inspected the dam on Monday.")
    assert shared("The office shall ensure the distribution of seedlings.", "Seedlings were distributed to farmers.")
    assert shared("the prevention of floods", "the levee prevented floods")
    # trap: "-ation" nouns kept their own stemming, "nation" / "station" stay whole words
    assert "nation" in match_terms("the nation and its people")
    assert "station" in match_terms("the station was repainted")


def test_who_counsels_stems_with_counselling_and_together_is_joint():
    assert shared("DINAS memberikan layanan konseling bagi buruh pabrik.", "Konselor dinas hadir di pabrik.")
    assert shared("The office shall provide counselling at the mill.", "A counsellor visited the mill.")
    assert shared("A joint survey of the river banks.", "We surveyed the river banks together with the village.")


def test_inspecting_and_a_regents_decree_in_indonesian():
    assert shared("The parties shall carry out a joint inspection of the quarry.",
                  "Petugas memeriksa bekas galian bersama warga.")
    assert shared("The Regency shall issue a Regent's decree on the use of the land.",
                  "Keputusan Bupati tentang pemanfaatan lahan itu sudah terbit.")


def test_a_schedule_of_once_a_month_is_no_term():
    assert not {"sekali", "mont", "month"} & set(match_terms("Dinas mengirim penyuluh ke desa sebulan sekali."))
    # trap: the thing itself stays
    assert {"desa", "filag"} & set(match_terms("Dinas mengirim penyuluh ke desa sebulan sekali."))


def test_a_share_of_a_whole_reaches_no_target():
    # "57 of 139 workers": 57 is a part of 139, not a count meeting a target of 50
    assert "#50" not in with_targets_reached(["#57", "#139", "worker"], {"#50", "farmer"})
    # trap: a count on its own still reaches it
    assert "#50" in with_targets_reached(["#57", "farmer"], {"#50", "farmer"})
    assert "#50" in with_targets_reached(["#57", "#20", "farmer"], {"#50", "farmer"})


def test_the_first_stage_of_a_course_whose_second_stage_was_called_off_is_only_part():
    text = ("[03/05/26 10.01] Ani: Pelatihan penyuluh angkatan 1 sudah selesai, 20 orang.\n"
            "[10/07/26 09.12] Ani: Angkatan 2 dibatalkan tahun ini karena anggaran dipotong.\n")
    assert stages_called_off(text) == frozenset({"angkatan"})
    assert first_stage_only("Pelatihan penyuluh angkatan 1 sudah selesai, 20 orang.", stages_called_off(text))
    assert not any("angkatan 1" in a.text for a in extract_activities(doc(text)))
    # traps: the second stage went ahead; another kind of stage was called off
    went_ahead = ("The first batch of 25 drivers finished the course in May. The second batch started in June.\n")
    assert stages_called_off(went_ahead) == frozenset()
    assert any("first batch" in a.text for a in extract_activities(doc(went_ahead)))
    assert not first_stage_only("Tahap 1 pembangunan sumur selesai.", frozenset({"angkatan"}))


def test_a_table_row_short_of_its_target_with_the_rest_not_done_is_not_done():
    report = ("Progress of the partnership, 2026\n\n"
              "| Indicator | Target | Actual | Comment |\n|---|---|---|---|\n"
              "| Houses connected to the mains | 400 | 150 | East ward only; West ward pipes not laid |\n"
              "| Street lamps repaired | 60 | 58 | Two poles waiting for parts |\n"
              "| Share of local labour | min. 25% | 38% | 41 of 108 workers |\n"
              "| Days to answer a complaint | maks. 10 | 4 | Faster than agreed |\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert not any("Houses connected" in t for t in texts)
    # traps: near the target, above it, and under a ceiling
    assert any("Street lamps" in t for t in texts)
    assert any("local labour" in t for t in texts)
    assert any("Days to answer" in t for t in texts)


def test_a_table_row_short_of_its_target_without_a_word_on_the_rest_still_counts():
    report = ("| Kegiatan | Target | Realisasi | Keterangan |\n|---|---|---|---|\n"
              "| Pelatihan kader posyandu | 80 | 45 | Gelombang pertama selesai Juni |\n")
    assert any("Pelatihan kader" in a.text for a in extract_activities(doc(report)))


def test_a_news_headline_counts_only_where_its_lead_does():
    from dataclasses import replace

    from extractor.matching import match_report
    from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
    office = PartyRef("Dinas Perhubungan Kota Teluk Mas", ("DISHUB",))
    company = PartyRef("PT Roda Aman Sentosa", ("PERUSAHAAN",))
    agreement = AgreementRef(1, (office, company))
    commitment = CommitmentRef(id=1, agreement_id=1, text="PERUSAHAAN menyelenggarakan kampanye keselamatan lalu "
                                                          "lintas di 20 SMA di Kota Teluk Mas pada tahun 2026.")
    headline = "Roda Aman Ajak 12 SMA di Lembah Jati Tertib Berlalu Lintas"
    lead = ("LEMBAH JATI — PT Roda Aman Sentosa bersama Dinas Perhubungan Kabupaten Lembah Jati menggelar kampanye "
            "keselamatan lalu lintas di 12 SMA sepanjang Oktober 2026.")
    more = "Dalam setiap sesi, petugas Dishub Lembah Jati menjelaskan arti rambu di sekitar sekolah."
    config = replace(MatchConfig(), method="bm25")
    statements = [StatementRef(1, headline), StatementRef(2, lead), StatementRef(3, more)]
    links, matches = match_report(statements, f"{headline}\n\n{lead}\n\n{more}\n", [agreement], [commitment],
                                  config=config)
    assert links and matches == []  # linked by the alias "DISHUB" written for the other regency's office
    # trap: the same headline over a lead in the agreement's own city counts
    own_lead = ("TELUK MAS — PT Roda Aman Sentosa bersama Dinas Perhubungan Kota Teluk Mas menggelar kampanye "
                "keselamatan lalu lintas di 12 SMA sepanjang Oktober 2026.")
    statements = [StatementRef(1, headline.replace("Lembah Jati", "Teluk Mas")), StatementRef(2, own_lead)]
    _, matches = match_report(statements, f"{statements[0].text}\n\n{own_lead}\n", [agreement], [commitment],
                              config=config)
    assert {m.statement_id for m in matches} >= {1}


def test_the_other_few_left_undone_and_the_promise_said_again_are_no_activity():
    report = ("Keterangan Kepala Dinas:\n\n"
              "1. Pos ronda yang dijanjikan berjumlah sepuluh. Sampai bulan ini baru enam pos yang berdiri. "
              "Empat pos lainnya tidak dapat dibangun tahun ini karena lahannya belum tersedia.\n"
              "2. Pelatihan petugas ronda telah dilaksanakan pada 4 Mei 2026.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert not any("dijanjikan" in t or "enam pos" in t for t in texts)
    # trap: the next item, done in full, stays
    assert any("Pelatihan petugas ronda" in t for t in texts)


def test_a_local_office_written_dinas_and_its_initials_names_the_office():
    from extractor.matching_types import PartyRef
    from extractor.report_parties import party_named
    office = PartyRef("Dinas Lingkungan Hidup Kabupaten Sungai Lanang", ("DLH",))
    company = PartyRef("PT Olah Jelantah Nusantara", ("PERUSAHAAN",))
    book = "Bank Sampah Kenanga, Kelurahan Pasir Putih, Sungai Lanang\n28/10 | Fotokopi surat edaran Dinas {} | 15.000\n"
    assert party_named(book.format("LH"), office, [office, company])
    # trap: another office's initials
    assert not party_named(book.format("PU"), office, [office, company])


def test_whats_next_with_a_question_mark_opens_what_is_ahead():
    from extractor.activity_cues import opens_what_is_ahead
    assert opens_what_is_ahead("What's next? The school gardens.")
    report = ("Our year in the villages\n\nWe repaired nine water tanks in June.\n\n"
              "What's next? The school gardens. Digging starts in March 2027.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert not any("school gardens" in t for t in texts)
    # trap: the work before it stays
    assert any("water tanks" in t for t in texts)


def test_a_report_saying_the_partner_took_no_part_is_not_about_the_agreement():
    from dataclasses import replace

    from extractor.matching import match_report
    from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
    from extractor.report_parties import says_not_involved
    board = PartyRef("Komisi Pemilihan Umum Kabupaten Tanah Rata", ("KPU",))
    university = PartyRef("Universitas Bukit Rata", ("UNIVERSITAS",))
    assert says_not_involved("Kegiatan ini dibiayai KPU dan tidak melibatkan perguruan tinggi.", university,
                             [board, university])
    assert says_not_involved("The drive did not involve Universitas Bukit Rata.", university, [board, university])
    # traps: "not only", and another kind left out
    assert not says_not_involved("Kegiatan ini tidak hanya melibatkan perguruan tinggi.", university, [board, university])
    assert not says_not_involved("Kegiatan ini tidak melibatkan perusahaan.", university, [board, university])
    agreement = AgreementRef(1, (board, university))
    commitment = CommitmentRef(id=1, agreement_id=1, text="UNIVERSITAS menyelenggarakan sosialisasi bagi pemilih "
                                                          "pemula di 15 SMA pada tahun 2026.")
    lead = ("TANAH RATA — KPU Kabupaten Tanah Rata bersama Karang Taruna menggelar sosialisasi bagi pemilih pemula "
            "di enam SMA pekan lalu.")
    note = "Kegiatan ini dibiayai dari anggaran KPU dan tidak melibatkan perguruan tinggi."
    statements = [StatementRef(1, lead), StatementRef(2, note)]
    links, matches = match_report(statements, f"{lead} {note}\n", [agreement], [commitment],
                                  config=replace(MatchConfig(), method="bm25"))
    assert links == [] and matches == []
