"""Activity and matching rules of session 15 (blind set 21 opened), on invented text. Each test has a
trap where the rule must not fire."""
from dataclasses import replace

from extractor.activities import extract_activities, is_not_done
from extractor.matching import match_report
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.statement_scope import statement_agent
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def statements(text: str) -> list[str]:
    return [s.text for s in extract_activities(doc(text))]


def test_thanks_opening_a_sentence_about_what_was_received_keeps_the_clause():
    said = statements("Selamat siang.\n\nTerima kasih juga, ibu saya yang berusia 81 tahun minggu lalu menerima "
                      "akta baru yang diantar petugas ke rumah.\n\nTerima kasih, atas perhatian Bapak dan Ibu "
                      "sekalian selama ini.\n")
    assert any(s.startswith("ibu saya yang berusia 81 tahun") for s in said)
    # trap: thanks for attention stays courtesy
    assert not any("perhatian" in s for s in said)


def test_a_negated_passive_is_not_done_a_kept_prohibition_or_a_finding_is():
    assert is_not_done("Sebanyak 14 tandon air tidak dibangun tahun ini karena lahan belum siap.")
    assert is_not_done("Paket benih tak disalurkan ke dua desa.")
    # traps: a fee not charged, data not published, no damage found, a qualifying "yang tidak …"
    assert not is_not_done("Warga lansia dilayani di rumah dan tidak dipungut biaya.")
    assert not is_not_done("Data pasien tidak dipublikasikan ke pihak lain selama program berjalan.")
    assert not is_not_done("Pada pemeriksaan bulan Mei tidak ditemukan kerusakan pada pompa.")
    assert not is_not_done("Petugas mengumpulkan obat yang tidak dipakai dari 30 rumah.")
    assert not is_not_done("Sampah diangkut truk dinas ke TPA sehingga tidak dibuang warga ke sungai.")
    assert not is_not_done("Akses internet di balai desa tidak dikenai biaya selama setahun.")


def test_the_rest_by_a_count_of_more_than_one_digit_leaves_the_part_before_a_part():
    said = statements("- Hingga Oktober terpasang 45 pompa di sembilan desa. Sisa 15 pompa untuk tiga desa tidak "
                      "dipasang tahun ini karena mesin terlambat.\n- Pelatihan operator selesai pada 3 Juni.\n")
    assert not any(s.startswith("Hingga Oktober terpasang 45 pompa") for s in said)
    assert not any(s.startswith("Sisa 15 pompa") for s in said)
    # trap: an item of its own, done, stays
    assert any(s.startswith("Pelatihan operator selesai") for s in said)


def _lamp_agreement() -> tuple[AgreementRef, list[CommitmentRef]]:
    office = PartyRef("Dinas Pendidikan Kabupaten Contoh", ("DINAS",))
    company = PartyRef("PT Sinar Lestari Energi", ("PERUSAHAAN",))
    agreement = AgreementRef(1, (office, company))
    commitments = [
        CommitmentRef(id=1, agreement_id=1, text="PERUSAHAAN memasang 40 lampu jalan tenaga surya di 10 sekolah",
                      parties=("PT Sinar Lestari Energi",)),
        CommitmentRef(id=2, agreement_id=1, text="DINAS menyerahkan daftar 10 sekolah penerima beserta titik "
                                                 "lampu kepada PERUSAHAAN",
                      parties=("Dinas Pendidikan Kabupaten Contoh",)),
    ]
    return agreement, commitments


def test_what_was_sent_to_a_party_is_the_other_partys_act():
    agreement, _ = _lamp_agreement()
    assert statement_agent("Daftar sekolah penerima kami kirim ke perusahaan pada 3 Maret.", agreement) \
        == "Dinas Pendidikan Kabupaten Contoh"
    assert statement_agent("The list of schools was handed over to the Company in March.", agreement) \
        == "Dinas Pendidikan Kabupaten Contoh"
    # traps: both parties named, or nothing sent to a party
    assert statement_agent("DINAS mengirim daftar sekolah ke PERUSAHAAN pada 3 Maret.", agreement) is None
    assert statement_agent("Lampu dikirim ke sekolah pada bulan Mei.", agreement) is None


def test_a_partner_section_heading_matches_nothing_its_items_do():
    agreement, commitments = _lamp_agreement()
    heading = "Kerja sama dengan PT Sinar Lestari Energi (lampu jalan tenaga surya)"
    item = "Lampu jalan tenaga surya terpasang di 10 sekolah pada bulan Agustus."
    config = replace(MatchConfig(), method="bm25")
    stmts = [StatementRef(1, heading), StatementRef(2, item)]
    _, matches = match_report(stmts, f"Laporan Dinas Pendidikan Kabupaten Contoh\n\nB. {heading}\n- {item}\n",
                              [agreement], commitments, config=config)
    assert {m.statement_id for m in matches} == {2}


def test_the_name_of_a_unit_inside_a_sentence_is_no_work():
    from extractor.matching_scores import match_terms
    unit_words = set(match_terms("kantor cabang penduduk"))
    said = ("Pada 4 Mei petugas Bidang Pelayanan Pendaftaran Penduduk dan petugas Kantor Cabang PT Kilat "
            "mencocokkan data akta yang dikirim.")
    assert unit_words and not unit_words & set(match_terms(said))
    assert set(match_terms("data akta dicocokkan")) <= set(match_terms(said))
    # trap: the same words as the work itself, not a name, count
    assert unit_words & set(match_terms("Perusahaan membuka loket di kantor cabang di 12 kecamatan."))


def test_a_numbered_item_starts_afresh_after_an_item_on_another_partner():
    office = PartyRef("Dinas Sosial Kabupaten Contoh", ("DINAS",))
    home = PartyRef("Yayasan Kasih Bunda", ("YAYASAN",))
    campus = PartyRef("Fakultas Keperawatan Universitas Contoh", ("FAKULTAS",))
    care = AgreementRef(1, (office, home))
    nursing = AgreementRef(2, (office, campus))
    commitments = [CommitmentRef(1, 1, "DINAS melakukan supervisi ke panti dua kali setahun", ("Dinas Sosial Kabupaten Contoh",)),
                   CommitmentRef(2, 2, "FAKULTAS memeriksa tekanan darah penghuni panti", ("Fakultas Keperawatan Universitas Contoh",))]
    item2 = "Dengan Fakultas Keperawatan Universitas Contoh: petugas fakultas memeriksa tekanan darah penghuni panti."
    item3 = "Supervisi ke panti telah kami lakukan pada 2 Juni dan 1 Desember 2026."
    config = replace(MatchConfig(), method="bm25")
    stmts = [StatementRef(1, item2), StatementRef(2, item3)]
    report = ("DINAS SOSIAL KABUPATEN CONTOH\n\nLaporan kerja sama dengan Yayasan Kasih Bunda dan Fakultas Keperawatan "
              f"Universitas Contoh.\n1. {item2}\n2. {item3}\n")
    _, matches = match_report(stmts, report, [care, nursing], commitments, config=config)
    assert (2, 1) in {(m.statement_id, m.commitment_id) for m in matches}
    # trap: the same sentence continuing the item's paragraph stays with the partner of that item
    report = ("DINAS SOSIAL KABUPATEN CONTOH\n\nLaporan kerja sama dengan Yayasan Kasih Bunda dan Fakultas Keperawatan "
              f"Universitas Contoh.\n1. {item2} {item3}\n")
    _, matches = match_report(stmts, report, [care, nursing], commitments, config=config)
    assert (2, 1) not in {(m.statement_id, m.commitment_id) for m in matches}


def test_an_emoji_opens_an_item_of_a_message():
    said = statements("Kabar dari yayasan bulan ini:\n✅ Perawat kami sudah mengunjungi 40 lansia di tiga kecamatan.\n"
                      "⏳ Ambulans baru akan dikirim bulan Maret.\n")
    assert "Perawat kami sudah mengunjungi 40 lansia di tiga kecamatan." in said
    # trap: the plan on the next emoji line is its own item, not done
    assert not any("Ambulans" in s for s in said)


def test_an_event_dated_after_the_messages_own_date_is_an_announcement():
    said = statements("Rabu, 4 November 2026\n\nPelatihan kader sudah selesai di dua desa pada 2 November 2026.\n\n"
                      "Syukuran bersama warga panti: Sabtu, 12 Desember 2026 pukul 10.00.\n")
    assert any(s.startswith("Pelatihan kader sudah selesai") for s in said)
    assert not any(s.startswith("Syukuran") for s in said)
    # trap: without a dateline at the head nothing tells when the report was written
    said = statements("Laporan kegiatan\n\nSyukuran bersama warga panti digelar Sabtu, 12 Desember 2026 pukul 10.00.\n")
    assert any(s.startswith("Syukuran") for s in said)


def test_dive_welding_and_care_home_words_across_languages():
    from extractor.matching_scores import match_terms

    def shared(a: str, b: str) -> set[str]:
        return set(match_terms(a)) & set(match_terms(b))
    assert shared("PERUSAHAAN memasang 8 pelampung tambat di titik selam", "our crew hung the mooring buoys")
    assert shared("membersihkan sampah bawah laut", "we hauled rubbish off the reef")
    assert shared("The Foundation will refurbish the welding workshop", "Renovasi bengkel las selesai")
    assert shared("The Centre will run three welding cohorts", "Pelatihan las 3 angkatan")
    # trap: "las" is welding only as a word of its own
    assert not shared("The Foundation will refurbish the welding workshop", "Kelas menjahit dibuka")


def test_what_the_parties_agreed_on_is_a_view_not_work_done():
    assert is_not_done("Both sides agreed that the tracer study is the weakest part so far.")
    assert is_not_done("Rapat sepakat bahwa penempatan kerja lulusan masih lemah.")
    # trap: agreeing a thing (a document) is no view
    assert not is_not_done("The board agreed the annual work plan on 3 March.")


def test_ordering_again_and_again_is_buying():
    from extractor.activity_cues import only_ordered
    assert not only_ordered("Sejak April koperasi memesan kue dari tiga warung warga untuk rapat.")
    assert not only_ordered("Every week the hotel has ordered fish from the village cooperative.")
    # trap: one order from a dealer is a step before the delivery
    assert only_ordered("Mobil ambulans sudah dipesan di dealer.")


def test_never_done_in_other_words_is_not_done_a_promise_kept_is():
    for said in ("The remaining lamps were never installed.", "No training was held for the guards in 2026.",
                 "None of the 24 caretakers has been trained so far.", "Pelatihan penjaga tak kunjung dilaksanakan.",
                 "Sampai kini pelatihan itu tidak pernah diadakan.", "Tak satu pun lampu dipasang di lima desa itu.",
                 "Neither the vehicle nor the driver was provided.", "The radio campaign was dropped.",
                 "Kampanye radio dihentikan."):
        assert is_not_done(said), said
    # traps: a prohibition kept, a finding, a delivery dropped off
    for said in ("The courier never charged a delivery fee to elderly applicants.", "The trainees never missed a session.",
                 "No complaints were received from the villages.", "The parcels were dropped off at 40 homes.",
                 "Warga tidak pernah dipungut biaya.", "Neither delays nor complaints were reported.",
                 "None of the patients had complications."):
        assert not is_not_done(said), said


def test_a_count_short_of_its_target_or_progress_under_the_whole_is_part_of_the_work():
    from extractor.activity_cues import is_partial
    for said in ("Realisasi penempatan 23 dari target 40 orang.", "Placements reached 23, short of the target of 40.",
                 "Twenty-three graduates found jobs against a target of forty.", "Work is 60% complete.",
                 "Progres fisik 75%.", "Pemasangan baru mencapai 60 persen."):
        assert is_partial(said), said
    # traps: the target met or passed, the whole done, a share that is no progress, a date before the count
    for said in ("Penempatan kerja 45 orang dari target 40 orang.", "Work is 100% complete.",
                 "95% of participants were satisfied.", "Hingga 12 Desember, 45 orang dari target 40 orang sudah bekerja.",
                 "The 2026 target of 40 placements was met with 45 graduates placed."):
        assert not is_partial(said), said
