"""Extraction rules of session 14 (blind set 22 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract


def _duties(text: str) -> dict[str, tuple[str, ...]]:
    found = extract(plain_doc(text), source="doc.txt", sha256="0").commitments
    return {c.text: c.parties for c in found}


_HEAD = (
    "KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH KOTA CONTOH\nDAN\nPT ARMADA CONTOH SENTOSA\n"
    "TENTANG\nANGKUTAN SEKOLAH\n\n"
    "Kami yang bertanda tangan di bawah ini, pada hari Senin tanggal 6 Januari 2031:\n\n"
    "PERTAMA : Budi Santoso, Wali Kota Contoh, bertindak untuk dan atas nama Pemerintah Kota Contoh, "
    "selanjutnya disebut PEMKOT.\n\n"
    "KEDUA : Maria Wijaya, Direktur PT Armada Contoh Sentosa, selanjutnya disebut ARMADA.\n\n")

_SIGNATURES = (
    "Demikian Kesepakatan Bersama ini dibuat dalam rangkap dua.\n\n"
    "PT ARMADA CONTOH SENTOSA\nDirektur,\nttd.\nMaria Wijaya\n\n"
    "PEMERINTAH KOTA CONTOH\nWali Kota,\nttd.\nBudi Santoso\n")


def test_ordinal_words_alone_on_their_lines_head_the_clauses_of_an_agreement():
    text = _HEAD + (
        "Kedua pihak bersepakat sebagai berikut:\n\n"
        "KESATU\nKesepakatan ini bertujuan memudahkan murid pergi ke sekolah.\n\n"
        "KEDUA\nARMADA mengoperasikan enam bus sekolah pada tiga rute mulai 1 Juli 2031.\n\n"
        "KETIGA\nPEMKOT membangun dua belas halte di depan sekolah dasar negeri.\n\n"
        "KEEMPAT\nKesepakatan ini berlaku 2 (dua) tahun.\n\n") + _SIGNATURES
    duties = _duties(text)
    assert duties.get("ARMADA mengoperasikan enam bus sekolah pada tiga rute mulai 1 Juli 2031") == (
        "PT Armada Contoh Sentosa",)
    assert duties.get("PEMKOT membangun dua belas halte di depan sekolah dasar negeri") == ("Pemerintah Kota Contoh",)


def test_a_party_that_does_not_do_something_states_a_duty():
    text = _HEAD + (
        "KESATU\nARMADA menyediakan sopir bersertifikat.\n\n"
        "KEDUA\nPEMKOT tidak memungut biaya izin trayek dari ARMADA selama masa kesepakatan.\n\n") + _SIGNATURES
    duties = _duties(text)
    assert duties.get("PEMKOT tidak memungut biaya izin trayek dari ARMADA selama masa kesepakatan") == (
        "Pemerintah Kota Contoh",)


_LETTERED = (
    "NOTA KESEPAKATAN\nANTARA\nDINAS PERPUSTAKAAN KABUPATEN CONTOH\nDENGAN\nUNIVERSITAS CONTOH RAYA\n"
    "TENTANG\nGERAKAN LITERASI DESA\n\n"
    "Yang bertanda tangan di bawah ini:\n"
    "Dinas Perpustakaan Kabupaten Contoh, diwakili oleh Budi Santoso, Kepala Dinas, yang selanjutnya disebut DINAS; dan\n"
    "Universitas Contoh Raya, diwakili oleh Maria Wijaya, Rektor, yang selanjutnya disebut UCR.\n\n"
    "Bagian A. Tujuan\nA.1 Meningkatkan minat baca warga desa.\n\n"
    "Bagian B. Peran DINAS\nB.1 DINAS menyediakan 500 buku bacaan untuk setiap desa binaan.\n"
    "B.2 DINAS menugaskan pustakawan pendamping.\n\n"
    "Bagian C. Peran UCR\nC.1 UCR mengirimkan mahasiswa untuk membuka pojok baca.\n\n"
    "Bagian D. Lain-lain\nD.1 Kedua pihak melakukan rapat evaluasi setiap akhir tahun.\n"
    "D.2 Kedua pihak bercita-cita menjadikan desa binaan sebagai contoh literasi.\n"
    "D.3 Nota Kesepakatan ini berlaku 2 (dua) tahun.\n\n"
    "Ditandatangani di Kota Contoh pada tanggal 6 Januari 2031.\n")


def test_lettered_parts_and_their_coded_items_give_one_duty_per_item():
    duties = _duties(_LETTERED)
    assert duties.get("DINAS menyediakan 500 buku bacaan untuk setiap desa binaan") == (
        "Dinas Perpustakaan Kabupaten Contoh",)
    assert duties.get("DINAS menugaskan pustakawan pendamping") == ("Dinas Perpustakaan Kabupaten Contoh",)
    assert duties.get("UCR mengirimkan mahasiswa untuk membuka pojok baca") == ("Universitas Contoh Raya",)


def test_what_the_parties_do_under_miscellaneous_provisions_is_a_duty():
    duties = _duties(_LETTERED)
    assert "Kedua pihak melakukan rapat evaluasi setiap akhir tahun" in duties
    assert not any("berlaku 2 (dua) tahun" in t for t in duties)
    assert not any("bercita-cita" in t for t in duties)       # an aspiration, no duty


def _extracted(text: str):
    return extract(plain_doc(text), source="doc.txt", sha256="0")


_PHOTO_LOG = (
    "SITE PHOTO LOG — RICE MILL PARTNERSHIP, LEMBAH CONTOH\n"
    "Prepared by: Dewi Lestari, Field Officer, Beras Contoh Trading Ltd.\n"
    "Date of log: 12 October 2031\n\n"
    "Photo 1 — Mill shed, 3 October 2031. The new husker that we installed in September running at full load.\n\n"
    "Photo 2 — Store room, 5 October 2031. Sacks handed over to the farmers' group by our logistics team.\n")


def test_a_photo_log_is_an_activity_report_whose_captions_tell_work_done():
    x = _extracted(_PHOTO_LOG)
    assert x.kind == "activity_report"
    assert any("husker that we installed" in c.text for c in x.commitments)


_STAFF_STUDY = (
    "TELAAHAN STAF\nDINAS PERTANIAN KABUPATEN CONTOH\n\n"
    "Kepada : Yth. Bupati Contoh\nDari : Kepala Dinas Pertanian Kabupaten Contoh\nTanggal : 5 November 2031\n"
    "Perihal : Pelaksanaan PKS Irigasi Tetes dengan PT Tirta Contoh Abadi\n\n"
    "I. PERSOALAN\nBupati meminta laporan pelaksanaan kerja sama irigasi tetes.\n\n"
    "II. PRAANGGAPAN\nKedua pihak masih berkomitmen melanjutkan kerja sama pada tahun 2032.\n\n"
    "III. FAKTA-FAKTA\n1. PT Tirta Contoh Abadi telah memasang irigasi tetes di 40 hektare kebun cabai pada bulan Juni 2031.\n"
    "2. Pelatihan perawatan pipa telah dilaksanakan bagi 60 petani.\n\n"
    "IV. ANALISIS\nHasil panen cabai di lahan beririgasi meningkat menurut catatan penyuluh.\n\n"
    "V. KESIMPULAN\nSebagian besar kewajiban perusahaan telah terpenuhi.\n\n"
    "VI. SARAN\n1. Dinas Pertanian akan memperluas irigasi tetes ke 20 hektare lagi pada tahun 2032.\n")


def test_a_memo_on_how_an_agreement_is_carried_out_is_an_activity_report():
    x = _extracted(_STAFF_STUDY)
    assert x.kind == "activity_report"
    texts = [c.text for c in x.commitments]
    assert any(t.startswith("PT Tirta Contoh Abadi telah memasang irigasi tetes") for t in texts)


def test_a_staff_studys_assumptions_analysis_and_conclusion_are_no_commitments():
    texts = [c.text for c in _extracted(_STAFF_STUDY).commitments]
    assert any(t.startswith("Dinas Pertanian akan memperluas irigasi tetes") for t in texts)
    assert not any("berkomitmen melanjutkan" in t for t in texts)
    assert not any("meningkat menurut catatan" in t for t in texts)
    assert not any("Sebagian besar kewajiban" in t for t in texts)


def test_a_party_clause_led_by_its_ordinal_alone_names_its_signatory_without_degrees():
    officials = {o.name: o for o in _extracted(_HEAD + "KESATU\nARMADA menyediakan sopir.\n\n"
                                                       "KEDUA\nPEMKOT menyediakan halte.\n\n" + _SIGNATURES).officials}
    assert officials["Maria Wijaya"].position == "Direktur PT Armada Contoh Sentosa"


def test_a_position_may_name_its_body_after_a_possessive_owner():
    text = ("Tanah Contoh, 3 March 2031 — The Health Office of Kota Contoh and the Clean Water Forum signed a "
            "memorandum on village water points. Dewi Lestari, Head of the city's Regional Water Supply Company, "
            "signed as a witness.\n")
    officials = {o.name: o for o in _extracted(text).officials}
    assert officials["Dewi Lestari"].position == "Head of the city's Regional Water Supply Company"


def test_a_dateline_with_credits_run_into_the_first_sentence_is_no_signing_date():
    text = ("BERITA DINAS PERTANIAN KOTA CONTOH\nPanen Raya Cabai Digarap Bersama Mitra Swasta\n"
            "Kota Contoh, 5 Juni 2031 | Penulis: Tim Humas | Foto: Rudi Hartono\n"
            "Dinas Pertanian Kota Contoh dan PT Cabai Contoh Makmur meneken perjanjian kerja sama pemasaran cabai\n"
            "pada Rabu, 4 Juni 2031, di Balai Benih Kota Contoh. Perjanjian itu berlaku dua tahun.\n")
    signing = [d.date for d in _extracted(text).dates if d.role == "signing"]
    assert signing[:1] == ["2031-06-04"]


_ENGLISH_MOU = (
    "MEMORANDUM OF UNDERSTANDING\nBETWEEN\nTHE HEALTH OFFICE OF KOTA CONTOH\nAND\nTHE NORDIC CLINIC FOUNDATION\n\n"
    "This Memorandum is signed in Kota Contoh on 2 March 2031 by:\n\n"
    "Article I. The Participants\n"
    "I.1 The Health Office of Kota Contoh (the \"Office\"), represented by Budi Santoso, Head of the Office.\n"
    "I.2 The Nordic Clinic Foundation (the \"Foundation\"), represented by Anna Berg, Director.\n\n"
    "Article II. Areas\n"
    "II.1 a referral register for district clinics;\n"
    "II.2 training of clinic nurses in triage.\n\n"
    "Article III. Undertakings of the Foundation\n"
    "III.1 The Foundation shall not sell, retain or publish any patient record held by the Office.\n\n"
    "Article IV. Duration\nThis Memorandum applies for two (2) years.\n\n"
    "Signed for and on behalf of the Office\n(signed)\nBudi Santoso\n")


def test_an_article_titled_areas_lists_the_scope():
    texts = [c.text for c in _extracted(_ENGLISH_MOU).commitments]
    assert "a referral register for district clinics" in texts


def test_a_right_word_under_shall_not_is_a_prohibition_hence_a_duty():
    texts = [c.text for c in _extracted(_ENGLISH_MOU).commitments]
    assert "The Foundation shall not sell, retain or publish any patient record held by the Office" in texts


def test_the_about_paragraph_closing_a_release_is_no_commitment():
    text = ("Kota Contoh, 3 March 2031 — The Health Office of Kota Contoh and the Clean Water Forum signed a memorandum "
            "on village water points on Tuesday.\n\n"
            "Under the memorandum, the Forum will repair 40 village water points by 30 June 2031.\n\n"
            "The Office will test the water of every repaired point each month.\n\n"
            "About the Forum: the Clean Water Forum was founded in 2020 by village water committees and is funded "
            "by member dues.\n")
    texts = [c.text for c in _extracted(text).commitments]
    assert any(t.startswith("the Forum will repair 40 village water points") or "will repair 40" in t for t in texts)
    assert not any("founded in 2020" in t for t in texts)


def test_the_kind_of_agreement_left_over_before_a_titled_subject_is_no_commitment():
    text = ("Kota Contoh, 8 Juli 2031 — Dinas Pariwisata Kota Contoh dan PT Naga Contoh Wisata meneken perjanjian "
            "kerja sama penyelenggaraan Lomba Perahu Naga Teluk Contoh pada Sabtu, 7 Juli 2031, di Dermaga Lama.\n\n"
            "Dalam perjanjian itu, PT Naga Contoh Wisata akan menyediakan 20 perahu naga dan tenda peserta.\n")
    texts = [c.text for c in _extracted(text).commitments]
    assert any("menyediakan 20 perahu naga" in t for t in texts)
    assert not any(t.lower().startswith("kerja sama") for t in texts)


def test_a_logs_sentence_about_itself_is_no_commitment():
    text = _PHOTO_LOG.replace(
        "Date of log: 12 October 2031\n\n",
        "Date of log: 12 October 2031\n\nThis log collects captioned photos from the mill under the Memorandum of "
        "Understanding signed on 2 May 2031 between Beras Contoh Trading Ltd. and the Lembah Contoh Farmers' Group.\n\n")
    texts = [c.text for c in _extracted(text).commitments]
    assert any("husker that we installed" in t for t in texts)
    assert not any(t.startswith("This log collects") for t in texts)


def test_a_clause_done_before_the_rest_left_undone_is_a_commitment_of_the_report():
    text = _STAFF_STUDY.replace(
        "2. Pelatihan perawatan pipa telah dilaksanakan bagi 60 petani.\n",
        "2. Pelatihan perawatan pipa telah dilaksanakan bagi 60 petani.\n"
        "3. Pemasangan sensor kelembapan baru dilakukan di 15 kebun; sisanya dijadwalkan ulang karena sensor terlambat tiba.\n")
    texts = [c.text for c in _extracted(text).commitments]
    assert "Pemasangan sensor kelembapan baru dilakukan di 15 kebun" in texts
