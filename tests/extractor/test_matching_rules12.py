"""Activity and matching-term rules of session 12 (blind set 15 opened), on invented text. Each test has
a trap where the rule must not fire."""
from extractor.activities import extract_activities, is_not_done
from extractor.activity_cues import is_partial, only_ordered
from extractor.matching_scores import statement_terms, commitment_terms, with_targets_reached
from extractor.matching_text import analyze, match_key
from extractor.matching_types import CommitmentRef, StatementRef
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def test_a_possessive_time_names_a_noun_not_the_act():
    assert not is_not_done("On 2 June we met the library board for our yearly review and agreed next year's "
                           "reading weeks.")
    assert not is_not_done("The fair closed with next month's prize draw announced.")
    # trap: the act itself happens next year
    assert is_not_done("The review will take place next year.")
    assert is_not_done("The clinic opens next month.")


def test_only_part_done_when_the_count_comes_after_a_few_words():
    assert is_partial("Petugas baru dapat mendata warga di 7 (tujuh) dari 25 RT sasaran.")
    assert is_partial("The crew was only able to repair pumps in 9 of the 30 villages.")
    # trap: "only" of something else, no share of a total
    assert not is_partial("Only the district staff attended the course for 30 cadres.")
    assert not is_partial("Hanya dalam dua hari, sumur di 12 desa selesai dibor.")


def test_ordered_is_a_step_before_delivery():
    assert only_ordered("The generator for the health post has been ordered from the supplier.")
    assert only_ordered("Mesin jahit untuk balai latihan sudah dipesan dari distributor di ibu kota provinsi.")
    # trap: ordered and delivered in one sentence is delivered
    assert not only_ordered("The generator was ordered in May and delivered to the health post in June.")
    report = ("LAPORAN TRIWULAN\n\n1. Genset puskesmas\nGenset untuk puskesmas sudah dipesan dari pemasok. "
              "Pengirimannya terlambat.\n\n2. Sumur bor\nSumur bor di Dusun Wetan telah selesai dibangun pada "
              "3 Mei 2026.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert not any("dipesan" in t for t in texts)
    assert any("Sumur bor" in t for t in texts)


def test_a_count_a_little_above_the_target_meets_it():
    assert with_targets_reached(["#512", "eye"], {"#500", "camp"}) == ["#512", "eye", "#500"]
    assert "#30" in with_targets_reached(["#33"], {"#30"})
    # traps: below the target, far above it, and small counts
    assert with_targets_reached(["#18"], {"#40"}) == ["#18"]
    assert with_targets_reached(["#40"], {"#30"}) == ["#40"]
    assert with_targets_reached(["#6"], {"#5"}) == ["#6"]
    commitments = [CommitmentRef(id=1, agreement_id=1, text="The Foundation will fit hearing aids for at least "
                                 "200 pupils during 2026.")]
    c_terms, vocab, left_out = commitment_terms(commitments, frozenset(), frozenset())
    statements = [StatementRef(id=1, text="Two hundred and seventeen pupils were fitted with hearing aids.")]
    assert "#200" in statement_terms(statements, frozenset(), frozenset(), vocab, left_out)[0]


def test_loans_of_words_ending_in_ct_share_a_key():
    assert {match_key(t) for t in analyze("operasi katarak")} & {match_key(t) for t in analyze("cataract")}
    assert match_key(analyze("aspect", "en")[0]) == match_key(analyze("aspek", "id")[0])
    # trap: no word loses more than its final t
    assert match_key("act") == "akt"


# ---- blind set 16 opened ------------------------------------------------------------------------

def test_who_attended_is_read_with_the_activity_before_it():
    report = ("BERITA ACARA\nPada hari ini, Kamis, 5 Maret 2026, telah dilaksanakan penanaman bibit bakau di pesisir "
              "Dusun Karang oleh kelompok nelayan.\nKegiatan diikuti 14 (empat belas) anggota kelompok, ketua RT dan "
              "penyuluh perikanan.\n")
    acts = extract_activities(doc(report))
    assert len(acts) == 1 and "penanaman bibit bakau" in acts[0].text and "empat belas" in acts[0].text
    # trap: an attendance line of another paragraph stays its own statement
    apart = report.replace("\nKegiatan diikuti", "\n\nSosialisasi kedua dilaksanakan 9 Maret 2026 dan diikuti")
    assert len(extract_activities(doc(apart))) == 2


def test_a_question_tells_nothing_done():
    transcript = ("PENYIAR: Bagaimana dengan posko siaga banjir yang dulu dijanjikan di tiap kelurahan?\n"
                  "NARASUMBER: Posko di sembilan kelurahan sudah kami buka sejak Januari.\n")
    texts = [a.text for a in extract_activities(doc(transcript))]
    assert not any(t.rstrip().endswith("?") for t in texts)
    assert any("sembilan kelurahan" in t for t in texts)


def test_a_postponement_named_in_a_title_line_is_no_activity():
    assert is_not_done("Penyaluran Bibit dan Penundaan Pelatihan Kelompok Tani")
    assert is_not_done("The postponement of the cadre course was agreed with the clinic.")
    # trap: a capitalised plan word inside an ordinary sentence is a document's name
    assert not is_not_done("Musrenbang membahas Rencana Pembangunan Jangka Menengah Desa bersama warga.")


def test_another_state_school_is_another_partner():
    from extractor.linking import link_one_party, link_report
    from extractor.matching_types import AgreementRef, PartyRef
    school = PartyRef("SMK Negeri 3 Tanjung Rawa", ("SMK NEGERI 3 TANJUNG RAWA", "the School"))
    company = PartyRef("Nusa Kencana Motor Sdn. Bhd.", ("NUSA KENCANA MOTOR SDN. BHD.", "the Company"))
    agreement = AgreementRef(1, (school, company))
    elsewhere = ("Nusa Kencana Motor menyerahkan dua mesin bubut kepada SMK Negeri 1 Pasir Lebar, Senin "
                 "(4/5/2026), sebagai bagian dari kerja sama perusahaan itu dengan sekolah tersebut.")
    assert link_report(elsewhere, [agreement]) == []
    assert link_one_party(elsewhere, [agreement]) == {}
    # trap: the partner school itself, named with its number and place
    own = elsewhere.replace("SMK Negeri 1 Pasir Lebar", "SMK Negeri 3 Tanjung Rawa")
    assert [link.agreement_id for link in link_report(own, [agreement])] == [1]


def test_a_second_match_needs_a_term_of_its_own():
    from extractor.matching import Match, _own_terms, _TermSets
    mapped = CommitmentRef(1, 1, "YAYASAN menyusun peta sebaran keluarga miskin di 8 (delapan) kecamatan.")
    procedure = CommitmentRef(2, 1, "YAYASAN menyusun prosedur tetap rujukan bantuan sosial.")
    aid = CommitmentRef(3, 1, "YAYASAN menyalurkan beras kepada keluarga miskin.")
    terms = _TermSets(frozenset(), frozenset(), [mapped, procedure, aid])
    best = Match(statement_id=1, commitment_id=1, agreement_id=1, bm25=1.0, bm25_norm=0.3, cosine=0.4,
                 fused=0.3, rank=1)
    st = StatementRef(1, "Telah tersusun peta sebaran keluarga miskin dan beras disalurkan ke 8 kecamatan.")
    # shares only the verb with the procedure, which the best match shares too
    assert not _own_terms(st, procedure, best, terms)
    # trap: the rice handed out is the statement's own evidence for the aid commitment
    assert _own_terms(st, aid, best, terms)


def test_kesatu_of_a_party_label_is_no_term():
    from extractor.matching_scores import match_terms
    assert "satu" not in match_terms("PIHAK KESATU menyediakan ruang kerja pemindaian di depo arsip.")
    # trap: the content words stay
    assert {"depo", "pindai"} <= set(match_terms("PIHAK KESATU menyediakan ruang kerja pemindaian di depo arsip."))


def test_fire_and_youth_offices_by_their_short_and_english_names():
    from extractor.matching_types import PartyRef
    from extractor.report_parties import party_named
    fire = PartyRef("Dinas Pemadam Kebakaran dan Penyelamatan Kota Sungai Rawa",
                    ("DINAS PEMADAM KEBAKARAN DAN PENYELAMATAN KOTA SUNGAI RAWA",))
    assert party_named("Damkar Kota Sungai Rawa melatih relawan kampung.", fire, (fire,))
    assert party_named("The Sungai Rawa City Fire and Rescue Service trained volunteers.", fire, (fire,))
    youth = PartyRef("Dinas Pemuda dan Olahraga Kabupaten Lembah Hijau", ("DINAS PEMUDA DAN OLAHRAGA KABUPATEN LEMBAH HIJAU",))
    assert party_named("Dispora Kabupaten Lembah Hijau membuka lapangan voli.", youth, (youth,))
    # trap: another city's fire service
    assert not party_named("Damkar Kota Bukit Tinggi melatih relawan kampung.", fire, (fire,))


def test_the_one_who_takes_part_stems_with_taking_part():
    assert {"particip", "assist"} <= set(analyze("the participants and their assistant", "en")) & set(
        analyze("participating schools get assistance", "en"))
    assert analyze("participants", "en") == analyze("participating", "en")
    assert analyze("consultant", "en") == analyze("consulting", "en")
    # trap: a short word keeps its ending
    assert analyze("plants", "en") == ["plant"]


def test_is_adjectives_meet_english_ic():
    assert {match_key(t) for t in analyze("pendampingan kritis", "id")} & {match_key(t) for t in analyze("critical support", "en")}
    assert {match_key(t) for t in analyze("pencatatan sistematis", "id")} & {
        match_key(t) for t in analyze("systematic records", "en")}
    # trap: a short word keeps its ending
    assert "habic" not in analyze("stok habis", "id")


def test_ht_is_a_handheld_radio():
    assert "radio" in set(analyze("Dua puluh HT dibagikan ke tim siaga", "id")) & set(
        analyze("handheld radios for the village teams", "en"))


def test_an_abbreviation_after_a_bracket_ends_no_sentence():
    report = ("Under the MoU (No. 12/PKS/2026, signed on 3 March 2026) the clinic trained 20 cadres in May.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert len(texts) == 1 and texts[0].startswith("Under the MoU")


def test_a_university_institute_is_named_by_its_university():
    from extractor.matching_types import PartyRef
    from extractor.report_parties import party_named
    lppm = PartyRef("Lembaga Penelitian dan Pengabdian kepada Masyarakat Universitas Bukit Jati",
                    ("LEMBAGA PENELITIAN DAN PENGABDIAN KEPADA MASYARAKAT UNIVERSITAS BUKIT JATI",))
    assert party_named("Mahasiswa KKN Universitas Bukit Jati menanam 500 bibit.", lppm, (lppm,))
    # trap: another university
    assert not party_named("Mahasiswa KKN Universitas Sungai Lebar menanam 500 bibit.", lppm, (lppm,))


def test_a_placeless_local_office_acts_for_the_government_party():
    from extractor.matching_types import AgreementRef, PartyRef
    from extractor.statement_scope import statement_allowed
    regency = PartyRef("Pemerintah Kabupaten Tanjung Rawa", ("PEMERINTAH KABUPATEN TANJUNG RAWA", "the Regency"))
    company = PartyRef("Lintas Awan Networks Pte. Ltd.", ("LINTAS AWAN NETWORKS PTE. LTD.", "the Company"))
    agreement = AgreementRef(1, (regency, company))
    ok, why = statement_allowed("Enam terminal telah dilengkapi panel surya yang diadakan oleh Dinas Komunikasi "
                                "dan Informatika.", agreement, [])
    assert ok, why
    # trap: another regency's office is another body
    ok, _ = statement_allowed("Enam terminal telah dilengkapi panel surya yang diadakan oleh Dinas Komunikasi "
                              "dan Informatika Kabupaten Bukit Sirih.", agreement, [])
    assert not ok


def test_pte_ltd_ends_no_sentence():
    report = "Serah terima oleh Lintas Awan Networks Pte. Ltd. kepada Dinas Kominfo telah dilaksanakan pada 3 Mei 2026.\n"
    assert len(extract_activities(doc(report))) == 1
