"""Activity statements, session 9 rules from the statement-side misses of blind sets 6-9, on invented
text: work done for another project, a headline the lead sentence restates, measure columns of a
table, work told of another place or another company."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def texts_of(text: str) -> list[str]:
    return [a.text for a in extract_activities(doc(text))]


def test_work_done_for_a_separate_project_is_no_evidence_for_this_one():
    report = ("Partnership newsletter, spring 2031\n\n"
              "Our third-year students interviewed 150 hotel guests in two coastal towns for a separate research "
              "project on eco-labels.\n\n"
              "The same lab tested 40 water samples for another client in March 2031.\n\n"
              "Tim kami juga memetakan 12 sumur bor untuk penelitian lain di kabupaten tetangga.\n\n"
              "Our third-year students interviewed 150 hotel guests in the three pilot villages for the baseline "
              "study.\n\n"
              "Tim kami memetakan 12 sumur bor untuk proyek ini pada Mei 2031.\n\n"
              "We delivered 300 seedlings for the other project villages in June 2031.\n")
    texts = texts_of(report)
    # the trap: work for the project itself ("for the baseline study", "untuk proyek ini") stays
    assert texts == ["Our third-year students interviewed 150 hotel guests in the three pilot villages for the "
                     "baseline study.",
                     "Tim kami memetakan 12 sumur bor untuk proyek ini pada Mei 2031.",
                     "We delivered 300 seedlings for the other project villages in June 2031."]


def test_a_headline_the_lead_sentence_restates_is_read_in_the_lead():
    news = ("Sekolah Alam Tanam Seribu Pohon Mangga di Bukit Sari\n\n"
            "BUKIT SARI – Yayasan Hijau Lestari bersama siswa Sekolah Alam Cendekia menanam seribu bibit pohon "
            "mangga di lereng Bukit Sari, Sabtu (4/5/2031).\n\n"
            "Kepala desa menyambut baik kegiatan itu.\n")
    texts = texts_of(news)
    assert texts[0].startswith("BUKIT SARI – Yayasan Hijau Lestari bersama siswa")
    assert not any(t.startswith("Sekolah Alam Tanam") for t in texts)
    # the trap: a headline telling what the lead does not say stays a statement of its own
    other = ("Dinas Perikanan Serahkan Dua Perahu Motor kepada Nelayan Teluk Lima\n\n"
             "TELUK LIMA – Kelompok nelayan di Teluk Lima kini bisa melaut lebih jauh dari biasanya, "
             "Senin (6/5/2031).\n")
    assert texts_of(other)[0] == "Dinas Perikanan Serahkan Dua Perahu Motor kepada Nelayan Teluk Lima"


def test_a_table_of_measures_reads_each_figure_with_its_header():
    report = ("Laporan pemakaian pompa air tenaga surya, Desa Mekar Jaya\n\n"
              "| Minggu | Debit rata-rata (liter/jam) | Jam operasi pompa | Catatan |\n"
              "|---|---|---|---|\n"
              "| I | 1.200 | 07.30 | pompa diserahkan 3 Mei 2031 |\n"
              "| II | 1.150 | 07.45 | - |\n\n"
              "Mekar Jaya, 20 Mei 2031\n")
    texts = texts_of(report)
    caption = "Laporan pemakaian pompa air tenaga surya, Desa Mekar Jaya: "  # the line above the table
    assert texts[0] == caption + ("Debit rata-rata (liter/jam): 1.200 — Minggu: I; Jam operasi pompa: 07.30; "
                                  "Catatan: pompa diserahkan 3 Mei 2031")
    assert texts[1] == caption + "Debit rata-rata (liter/jam): 1.150 — Minggu: II; Jam operasi pompa: 07.45"
    # the trap: a row whose activity column names the work keeps its plain reading
    plain = ("| Kegiatan | Realisasi | Keterangan |\n"
             "|---|---|---|\n"
             "| Pelatihan kader posyandu | 40 orang | selesai 12 Mei 2031 |\n")
    assert texts_of(plain) == ["Pelatihan kader posyandu — 40 orang; 12 Mei 2031"]


def test_work_told_of_another_place_and_what_its_actor_also_did_is_no_evidence():
    news = ("Petani jagung di Lembah Hijau mulai memakai benih unggul sejak musim tanam April 2031.\n\n"
            "Di kabupaten lain, CV Tani Makmur menggelar pelatihan pupuk organik bagi 200 petani binaannya. "
            "Perusahaan itu juga membagikan 90 alat semprot kepada kelompok tani mitranya.\n\n"
            "Elsewhere in Sungai Batu district, our nurses screened 300 pupils for anaemia.\n\n"
            "In a neighbouring province the same clinic team vaccinated 500 children.\n")
    assert texts_of(news) == ["Petani jagung di Lembah Hijau mulai memakai benih unggul sejak musim tanam April 2031."]
    # the traps: the actor of a done statement going on ("Perusahaan itu juga ...") stays, and
    # another village of the same programme ("di desa lain") is no other place
    ours = ("PT Benih Lestari menyerahkan 2 ton benih jagung kepada Dinas Pertanian pada 3 April 2031. "
            "Perusahaan itu juga melatih 60 penyuluh pada 10 April 2031.\n\n"
            "Di desa lain, tim kami membangun dua embung pada Mei 2031.\n")
    assert texts_of(ours) == ["PT Benih Lestari menyerahkan 2 ton benih jagung kepada Dinas Pertanian pada 3 April 2031.",
                              "Perusahaan itu juga melatih 60 penyuluh pada 10 April 2031.",
                              "Di desa lain, tim kami membangun dua embung pada Mei 2031."]


def test_a_note_under_a_table_saying_a_limit_was_missed_takes_out_the_rows_of_that_measure():
    table = ("| Uraian | Tahap I | Tahap II |\n"
             "|---|---|---|\n"
             "| Waktu pengiriman benih setelah pesanan | 21 hari kalender | 18 hari kalender |\n"
             "| Benih yang dikirim | 4.000 kg | 3.500 kg |\n\n")
    missed = texts_of(table + "Catatan: batas 14 hari kalender tidak terpenuhi pada kedua tahap karena cuaca.\n")
    assert missed == ["Benih yang dikirim — 4.000 kg; 3.500 kg"]
    # the trap: a note saying the limit was met leaves every row in
    met = texts_of(table + "Catatan: batas 30 hari kalender terpenuhi pada kedua tahap.\n")
    assert met[:2] == ["Waktu pengiriman benih setelah pesanan — 21 hari kalender; 18 hari kalender",
                       "Benih yang dikirim — 4.000 kg; 3.500 kg"]


def test_what_a_training_covered_is_read_with_the_training_not_apart():
    report = ("Puskesmas Sumber Asri melatih 40 kader kesehatan pada 3 Mei 2031. Materi pelatihan meliputi "
              "pengukuran tekanan darah, pencatatan gizi balita dan pembuatan kebun obat keluarga.\n\n"
              "The district team trained 25 midwives on 9 May 2031. Topics covered included newborn care and "
              "safe delivery kits.\n")
    assert texts_of(report) == [
        "Puskesmas Sumber Asri melatih 40 kader kesehatan pada 3 Mei 2031. Materi pelatihan meliputi pengukuran "
        "tekanan darah, pencatatan gizi balita dan pembuatan kebun obat keluarga.",
        "The district team trained 25 midwives on 9 May 2031. Topics covered included newborn care and safe "
        "delivery kits."]
    # the trap: something else done with the material stays a statement of its own
    handed = ("Puskesmas Sumber Asri melatih 40 kader kesehatan pada 3 Mei 2031. Materi pelatihan dibagikan "
              "kepada 12 posyandu pada 10 Mei 2031.\n")
    assert texts_of(handed) == ["Puskesmas Sumber Asri melatih 40 kader kesehatan pada 3 Mei 2031.",
                                "Materi pelatihan dibagikan kepada 12 posyandu pada 10 Mei 2031."]


def test_a_missed_limit_takes_out_only_rows_giving_a_figure_of_that_measure():
    table = ("| Kegiatan | Realisasi | Keterangan |\n"
             "|---|---|---|\n"
             "| Pembangunan sumur bor | 9 desa | selesai |\n"
             "| Sosialisasi air bersih bagi kepala desa | 40 orang | selesai |\n\n"
             "Catatan: target 12 desa tidak tercapai karena musim hujan.\n")
    # the trap: a row naming villages without counting them ("kepala desa") stays
    assert texts_of(table) == ["Sosialisasi air bersih bagi kepala desa — 40 orang"]
