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
