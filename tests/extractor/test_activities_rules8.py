"""Activity statements, session 8 rules (blind sets 8 and 9), on invented text: statements that are
no evidence of a commitment carried out (postponed, partly done, a state still unchanged, a headline,
a goal, work under another agreement) are not activity."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def texts_of(text: str) -> list[str]:
    return [a.text for a in extract_activities(doc(text))]


def test_moved_to_a_later_time_or_budget_is_postponed():
    assert is_not_done("The irrigation pumps we promised have been pushed to our next financial year.")
    assert is_not_done("The refresher course for midwives was moved to March 2031 after the floods.")
    assert is_not_done("The second survey round has been shifted into Q3.")
    assert is_not_done("Pembelian perahu motor dialihkan ke APBD Perubahan 2031 karena efisiensi.")
    assert is_not_done("Pelatihan operator digeser ke bulan depan karena cuaca buruk.")
    assert is_not_done("Penyerahan alat tangkap ditangguhkan sampai tahun depan.")
    assert is_not_done("Minggu depan giliran posyandu di dusun Kali Putih.")
    # moved somewhere, not to a later time: done
    assert not is_not_done("The library books were moved to the new school building in May.")
    assert not is_not_done("Sebanyak 40 keluarga dipindahkan ke hunian tetap pada Juni 2031.")


def test_a_postponed_clause_takes_the_clause_after_it_along():
    report = ("Field update, June 2031\n\n"
              "The 50 water filters we pledged for the islands have been pushed back to the following quarter because of a "
              "shipping delay; in the meantime, the filters bought by the district are all in use.\n\n"
              "Our nurses trained 30 village health volunteers in May 2031.\n")
    texts = texts_of(report)
    assert not any("filters" in t for t in texts)
    assert any(t.startswith("Our nurses trained 30") for t in texts)


def test_work_under_another_agreement_is_no_evidence_for_this_one():
    report = ("Quarterly note, Q2 2031\n\n"
              "Our crews repaired 12 hand pumps in Desa Sumber Rejo in April 2031.\n\n"
              "We also cleaned the reservoir of the port authority under a separate maintenance contract.\n\n"
              "The 30 solar lamps donated in the next district under our separate agreement with that "
              "regency are all working.\n\n"
              "- In the hill villages our own team drilled four boreholes in May 2031. That work is funded "
              "by a church charity and is separate from the regency water partnership.\n\n"
              "Penyuluhan gizi oleh PT Sari Pangan (mitra lain) di Kecamatan Batu bukan bagian dari MoU.\n\n"
              "Kantor Pos juga mengantar bantuan beras dari pusat pada pekan yang sama, tetapi kegiatan itu "
              "tidak terkait dengan bantuan daerah.\n")
    texts = texts_of(report)
    assert texts == ["Our crews repaired 12 hand pumps in Desa Sumber Rejo in April 2031."]


def test_a_pointer_back_without_another_agreement_keeps_the_statement_before():
    report = ("Our crews repaired 12 hand pumps in Desa Sumber Rejo in April 2031. "
              "That work was paid from the regency's grant under this partnership.\n")
    assert texts_of(report)[0] == "Our crews repaired 12 hand pumps in Desa Sumber Rejo in April 2031."


def test_only_part_done_is_no_evidence_of_the_whole():
    from extractor.activity_cues import is_partial

    assert is_partial("Dari 80 desa sasaran, baru 52 desa yang sudah menerima bibit")
    assert is_partial("Only 12 of the 30 wells have been fitted with pumps")
    assert is_partial("Laporan keuangan hanya diserahkan untuk bulan Maret")
    assert is_partial("Attendance sheets were sent only for April")
    assert is_partial("Realisasi pembangunan talud baru 40% dari target")
    assert is_partial("Dana hibah baru sebagian dicairkan")
    # not only ... / the whole of it / "just over" a figure
    assert not is_partial("Pelatihan tidak hanya diikuti 40 dari 40 kader, tetapi juga tokoh desa")
    assert not is_partial("All 45 clinics are connected, with just over 9,000 patients registered")
    assert not is_partial("Bibit diterima 41 dari 41 kelompok tani")
    report = ("LAPORAN TRIWULAN III\n\n"
              "1. Pemeriksaan mutu air hanya dilakukan untuk bulan Juli; Agustus dan September belum diperiksa.\n"
              "2. Dari 80 desa sasaran, baru 52 desa yang sudah menerima bibit.\n"
              "3. Penyuluhan kesehatan ibu hamil dilaksanakan di 12 posyandu pada September 2031.\n")
    assert texts_of(report) == ["Penyuluhan kesehatan ibu hamil dilaksanakan di 12 posyandu pada September 2031."]


def test_a_state_that_still_holds_beside_something_asked_for_is_not_done():
    report = ("Catatan Monitoring, Mei 2031\n\n"
              "1. Arsip pasien masih disimpan di gudang kecamatan; Dinas sudah meminta rumah sakit memindahkannya.\n"
              "2. The clinic's records still sit on paper files, and the digital system has not been installed.\n"
              "3. Seluruh bidan desa masih bertugas di polindes masing-masing.\n"
              "4. Rak arsip baru telah dipasang di 14 puskesmas pada April 2031.\n")
    assert texts_of(report) == ["Seluruh bidan desa masih bertugas di polindes masing-masing.",
                                "Rak arsip baru telah dipasang di 14 puskesmas pada April 2031."]


def test_a_whats_next_lead_in_makes_its_paragraph_not_done():
    report = ("Project blog, 4 May 2031\n\n"
              "Our engineers connected 18 villages to the solar grid in March 2031.\n\n"
              "What's next: the control software still runs from our Perth office. The battery house in "
              "Desa Laut was finished by the contractor, and handing it over comes after the rains.\n\n"
              "Langkah selanjutnya: pelatihan teknisi desa di 18 desa.\n")
    assert texts_of(report) == ["Our engineers connected 18 villages to the solar grid in March 2031."]


def test_a_goal_set_out_is_no_activity():
    from extractor.activity_cues import states_a_goal

    assert states_a_goal("When we signed with the district last May, the goal was simple: clean water in every school.")
    assert states_a_goal("Our aim is to train every village midwife in newborn care.")
    assert states_a_goal("Tujuan program ini adalah menurunkan angka stunting di 12 desa.")
    assert states_a_goal("Sasarannya sederhana: semua rumah tersambung air bersih.")
    # a target reported met is done
    assert not states_a_goal("The target was met: 40 wells were drilled by June 2031.")
    assert not states_a_goal("Pelatihan diikuti 40 kader sesuai target.")
    report = ("Field blog, 2 June 2031\n\n"
              "When we signed with the district last May, the goal was simple: clean water in every school. "
              "Our crews drilled 40 wells in 38 schools by June 2031.\n")
    assert texts_of(report) == ["Our crews drilled 40 wells in 38 schools by June 2031."]


def test_a_headline_listing_figures_is_no_activity():
    from extractor.activity_cues import is_figures_headline

    assert is_figures_headline("A year in Desa Sumber: 40 wells, 900 families")
    assert is_figures_headline("Setahun di Pulau Kecil: 18 desa, 2.400 rumah")
    # a list item with a figure, a sentence, a headline with a verb
    assert not is_figures_headline("- Vaccination: 10,470 dogs")
    assert not is_figures_headline("Update: 40 wells were drilled in May 2031.")
    assert not is_figures_headline("Desa Sumber: 40 wells drilled")
    report = ("Water blog, 3 June 2031\n\n"
              "A year in Desa Sumber: 40 wells, 900 families\n\n"
              "Our crews drilled 40 wells in Desa Sumber by May 2031.\n")
    assert texts_of(report) == ["Our crews drilled 40 wells in Desa Sumber by May 2031."]
