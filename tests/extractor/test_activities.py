"""Activity statements: done vs planned/postponed/cancelled, list items, dates, letterhead, offsets."""
from __future__ import annotations

import pytest

from extractor.activities import extract_activities, is_not_done, letterhead
from extractor.types import DocumentText, PageSpan, Party

REPORT = """DINAS PERTANIAN
KABUPATEN CONTOH

Laporan Kegiatan — Senin, 3 Juni 2024

1. Pelatihan pengolahan kompos bagi 40 petani telah dilaksanakan di Balai Desa Sukamaju pada 28 Mei 2024.
2. Penyerahan bibit kopi kepada kelompok tani direncanakan pada bulan Juli.
3. Pameran produk pertanian ditunda ke tahun 2025 karena keterbatasan anggaran.
4. Kunjungan ke kebun percobaan batal dilaksanakan.

Tim penyuluh menyerahkan data luas lahan dan daftar 21 petani yang belum terdaftar kepada Dinas. The provincial team will visit next month. The seed storage was repaired by the village team.
"""


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def test_done_statements_kept_and_plans_dropped():
    acts = extract_activities(doc(REPORT))
    texts = [a.text for a in acts]
    assert any(t.startswith("Pelatihan pengolahan kompos") for t in texts)
    assert not any("bibit kopi" in t for t in texts)          # direncanakan
    assert not any("Pameran" in t for t in texts)             # ditunda
    assert not any("kebun percobaan" in t for t in texts)     # batal
    assert not any("will visit" in t for t in texts)          # will
    assert any(t.startswith("The seed storage was repaired") for t in texts)


def test_relative_clause_negation_is_not_a_plan():
    # "yang belum terdaftar" qualifies the farmers; the handing over itself was done
    acts = extract_activities(doc(REPORT))
    assert any(a.text.startswith("Tim penyuluh menyerahkan data") for a in acts)
    assert is_not_done("Sosialisasi yang direncanakan bersama belum dapat digelar.")
    assert not is_not_done("Daftar perusahaan yang belum mendaftar telah diserahkan.")


def test_english_cues():
    for text in ("The seminar has been postponed to 2025.", "The visit was cancelled.",
                 "The committee has not yet been formed.", "We look forward to the next exchange."):
        assert is_not_done(text), text
    assert not is_not_done("The delegation visited the waterfront and met the managers.")


def test_dates_offsets_and_list_markers():
    acts = extract_activities(doc(REPORT))
    first = next(a for a in acts if a.text.startswith("Pelatihan"))
    assert first.date == "2024-05-28"   # its own date
    assert not first.text.startswith("1.")
    other = next(a for a in acts if a.text.startswith("Tim penyuluh"))
    assert other.date == "2024-06-03"   # the report's date
    for a in acts:
        e = a.evidence[0]
        assert REPORT[e.start:e.end] == e.text == a.text


def test_letterhead_and_named_parties_are_statement_parties():
    assert letterhead(REPORT) == ("DINAS PERTANIAN", "KABUPATEN CONTOH")
    acts = extract_activities(doc(REPORT), parties=[Party(name="Kelompok Tani Maju", aliases=("Dinas",))])
    tim = next(a for a in acts if a.text.startswith("Tim penyuluh"))
    assert tim.parties[0] == "Kelompok Tani Maju" and "DINAS PERTANIAN" in tim.parties


def test_empty_and_heading_only_reports_give_no_statements():
    assert extract_activities(doc("")) == ()
    assert extract_activities(doc("LAPORAN KEGIATAN\n\nNomor : 12/2024\n\nttd.\n\nBudi Santoso, S.E.\n")) == ()


def test_cue_inside_a_name_is_not_a_plan():
    assert not is_not_done("Kepala desa mengikuti bimbingan teknis penyusunan Rencana Pembangunan Jangka "
                           "Menengah Desa di aula kecamatan.")
    assert is_not_done("Penyusunan rencana induk akan dimulai tahun depan.")


# A quarterly report laid out as sections: basis, done, not done, obstacles, follow-up, signature.
SECTIONED = """PEMERINTAH KOTA CONTOH
DINAS PERIKANAN

LAPORAN KEGIATAN
Pelaksanaan Perjanjian Kerja Sama Budidaya Rumput Laut
Triwulan III Tahun 2024

Contoh, 7 Oktober 2024

A. Dasar
1. Perjanjian Kerja Sama antara Pemerintah Kota Contoh dan Politeknik Kelautan Nusantara Nomor 523/77/PKS/2024;
2. Surat Perintah Tugas Kepala Dinas Perikanan Nomor 800/112/DKP/2024.

B. Kegiatan yang Telah Dilaksanakan
1. Politeknik Kelautan Nusantara telah melatih 60 pembudidaya rumput laut di Pulau Kecil pada Agustus 2024.
2. Dinas Perikanan menyerahkan 300 tali ris kepada kelompok pembudidaya.

C. Kegiatan yang Belum Terlaksana
1. Pembangunan gudang pengering rumput laut di Desa Tanjung.
2. Uji mutu karaginan oleh laboratorium politeknik masih dalam tahap penjajakan.

D. Kendala
1. Cuaca buruk pada bulan Juli menghambat penanaman bibit.

Kepala Dinas Perikanan
Kota Contoh,

BUDI SANTOSO, S.Pi., M.Si.
Pembina Tingkat I (IV/b)
NIP. 19700101 199503 1 001
"""


def test_sections_headings_basis_and_signature_are_not_activities():
    texts = [a.text for a in extract_activities(doc(SECTIONED))]
    assert texts == [
        "Politeknik Kelautan Nusantara telah melatih 60 pembudidaya rumput laut di Pulau Kecil pada Agustus 2024.",
        "Dinas Perikanan menyerahkan 300 tali ris kepada kelompok pembudidaya.",
    ], texts


def test_section_kinds():
    from extractor.activities import section_kind

    assert section_kind("B. Kegiatan yang Telah Dilaksanakan") == "done"
    assert section_kind("C. Kegiatan yang Belum Terlaksana") == "not_done"
    assert section_kind("Rencana Tindak Lanjut") == "not_done"
    assert section_kind("Next steps") == "not_done"
    assert section_kind("Hasil dan Rekomendasi") == "done"
    assert section_kind("A. Dasar") == "basis"
    assert section_kind("1. Pelatihan pengolahan kompos bagi 40 petani telah dilaksanakan.") is None
    assert section_kind("- pelatihan kader") is None


def test_legal_basis_titles_and_meta_sentences():
    from extractor.activities import is_legal_basis, is_title_like

    assert is_legal_basis("Surat Tugas Kepala Dinas Komunikasi dan Informatika Nomor 800/021/Diskominfo/2025.")
    assert is_legal_basis("Nota Kesepahaman antara Pemerintah Kota A dan Universitas B tanggal 3 Mei 2024;")
    assert not is_legal_basis("Keputusan Bupati Nomor 140/19/2025 tentang desa percontohan telah diterbitkan.")
    assert is_title_like("Laporan Kegiatan Sekolah Lapang Padi Organik")
    assert is_title_like("Organic Rice Demonstration Plot in Muara Teduh")
    assert is_title_like("JOHAN RUMAKI, S.T., M.Si.\nPembina Tingkat I (IV/b)")
    assert not is_title_like("Tim Universitas melatih 40 kader posyandu di Kelurahan Baru.")
    report = "Laporan ini disusun oleh Yayasan Contoh sebagai pelaksanaan kerja sama dengan Pemkab Contoh.\n"
    assert extract_activities(doc(report)) == ()


def test_planned_or_exploratory_wording_is_not_done():
    assert is_not_done("Kerja sama pembelian plastik pilahan masih dalam tahap penjajakan.")
    assert is_not_done("The purchase agreement with the recycler is still under discussion.")
    assert not is_not_done("Kerja sama pembelian plastik pilahan telah ditandatangani pada Mei 2024.")


def test_month_year_and_range_dates_and_the_agreement_date_is_not_an_activity_date():
    text = ("Laporan Pelaksanaan Kerja Sama\n\nLaporan ini disusun sebagai pelaksanaan perjanjian kerja sama "
            "dengan Pemkab Contoh yang ditandatangani pada 2 Juli 2024.\n\n"
            "Pada Agustus 2024, tim yayasan melatih 85 kader lingkungan tentang pemilahan sampah.\n\n"
            "Tim survei mengambil 120 sampel air sumur pada 4 sampai 28 November 2024.\n\n"
            "Yayasan membentuk sembilan bank sampah desa yang dikelola kelompok perempuan.\n\n"
            "Contoh, 15 Januari 2025\n")
    acts = {a.text[:12]: a.date for a in extract_activities(doc(text))}
    assert acts == {"Pada Agustus": "2024-08-01", "Tim survei m": "2024-11-04",
                    "Yayasan memb": "2025-01-15"}, acts


def test_a_cue_word_naming_a_body_is_not_a_plan():
    assert not is_not_done("The drainage survey was completed on 3 May with the district planning office.")
    assert not is_not_done("Volunteers met the regional planning board and handed over the route maps.")
    assert is_not_done("We are planning a second survey of the drainage canals.")
    assert is_not_done("The route maps will be handed over to the planning office in June.")


COVER_LETTER = """YAYASAN BUMI HIJAU LESTARI

Nomor : 041/YBHL/X/2025
Perihal : Laporan Kegiatan Semester I Tahun 2025

Yth. Kepala Dinas Pertanian Kabupaten Contoh

Dengan hormat,
Menindaklanjuti nota kesepahaman kita, bersama ini kami sampaikan laporan kegiatan semester I tahun 2025 sebagai berikut:

1. Pembibitan 5.000 batang kopi telah selesai di kebun percontohan.
2. Tim kami sedang menyusun buku panduan pascapanen untuk kelompok tani.

Atas perhatian dan kerja sama Bapak, kami ucapkan terima kasih.

Contoh, 2 Oktober 2025
"""


def test_a_cover_sentence_submitting_the_report_is_the_reporting_activity():
    acts = extract_activities(doc(COVER_LETTER))
    sent = [a for a in acts if "bersama ini kami sampaikan laporan" in a.text]
    assert len(sent) == 1
    assert not sent[0].text.endswith(":") and not sent[0].text.endswith("berikut")
    assert sent[0].date == "2025-10-02"  # handed over on the report's date
    assert COVER_LETTER[sent[0].evidence[0].start:sent[0].evidence[0].end] == sent[0].text
    english = doc("Dear Director,\n\nWe hereby submit the second quarterly progress report of the programme.\n")
    assert any("quarterly progress report" in a.text for a in extract_activities(english))
    # "bersama ini kami laporkan hal-hal berikut" announces a list, it hands over no report
    assert not extract_activities(doc("Dengan hormat,\nBersama ini kami laporkan hal-hal berikut:\n"))


def test_courtesy_closing_and_drafting_in_progress_are_not_activity():
    texts = [a.text for a in extract_activities(doc(COVER_LETTER))]
    assert any(t.startswith("Pembibitan 5.000 batang kopi") for t in texts)
    assert not any("terima kasih" in t for t in texts)
    assert not any("sedang menyusun" in t for t in texts)
    assert is_not_done("Dinas Sosial tengah menyiapkan modul pelatihan relawan.")
    assert is_not_done("The training manual is being drafted by the university team.")
    assert not is_not_done("Modul pelatihan relawan telah disusun dan dibagikan.")


def test_a_report_titled_with_its_activity_says_the_activity_took_place():
    titled = """DINAS PERIKANAN KABUPATEN CONTOH

LAPORAN SINGKAT KEGIATAN
Pelatihan Pengolahan Ikan Asap Bagi Kelompok Nelayan

1. Waktu: 4-5 Maret 2025, Balai Nelayan Desa Pasir Putih.
2. Peserta: 30 orang anggota kelompok nelayan.
3. Hasil: peserta mampu mengasapi ikan dengan tungku hemat kayu.

Contoh, 7 Maret 2025
"""
    acts = extract_activities(doc(titled))
    assert acts[0].text == "Pelatihan Pengolahan Ikan Asap Bagi Kelompok Nelayan"
    assert acts[0].date == "2025-03-07"
    # a period, the agreement itself or a plan is not an activity; a body sentence already naming
    # the activity makes the bare title redundant
    for subject in ("Triwulan II Tahun 2025", "Pelaksanaan Nota Kesepahaman dengan Universitas Contoh",
                    "Rencana Pelatihan Pengolahan Ikan Asap"):
        other = titled.replace("Pelatihan Pengolahan Ikan Asap Bagi Kelompok Nelayan", subject)
        assert not any(a.text == subject for a in extract_activities(doc(other)))
    said = titled.replace("3. Hasil:", "3. Pelatihan pengolahan ikan asap bagi kelompok nelayan telah selesai;")
    assert not any(a.text.startswith("Pelatihan Pengolahan Ikan Asap Bagi") for a in extract_activities(doc(said)))


@pytest.mark.parametrize("text, not_done", [
    ("Penyuluhan gizi bagi kader posyandu telah berjalan sesuai rencana.", False),
    ("Pendampingan koperasi berjalan sesuai dengan rencana kerja.", False),
    ("The pump training went ahead as planned in all four villages.", False),
    ("The survey of the wells was finished earlier than planned.", False),
    ("Penyuluhan gizi direncanakan pada bulan Maret.", True),
    ("As planned, the team will train fifty farmers in May.", True),
])
def test_going_as_planned_is_done_not_a_plan(text, not_done):
    assert is_not_done(text) is not_done


def test_a_still_sentence_after_a_not_done_one_is_the_reason_not_an_activity():
    text = ("Laporan Singkat\n\nGudang benih untuk kelompok tani di Balai Desa Mekarsari belum dapat diserahkan. "
            "Bangunan yang disiapkan masih ditempati koperasi desa sampai kantor barunya rampung. "
            "Penyerahan diusulkan dalam anggaran perubahan.\n\n"
            "Traktor tangan telah diserahkan kepada kelompok tani Sumber Rejeki. "
            "Traktor itu masih digunakan untuk mengolah sawah seluas 12 hektare.\n\n"
            "The drying shed has not been handed over yet. The chosen plot is still used as a car park.\n")
    texts = [a.text for a in extract_activities(doc(text))]
    assert not any("masih ditempati" in t for t in texts)
    assert not any("car park" in t for t in texts)
    assert any(t.startswith("Traktor itu masih digunakan") for t in texts)  # after a done statement
    assert any(t.startswith("Traktor tangan telah diserahkan") for t in texts)
