"""Commitment rules found on the thirteenth blind set (tests/holdout_blind13), on invented text."""
from __future__ import annotations

from extractor.report_commitments import is_done_commitment


def _done(sentence: str) -> bool:
    return is_done_commitment(sentence, sentence, 0)


# -- activity reports: what is no done activity ------------------------------------------------------

def test_a_letters_cover_sentence_handing_over_the_report_is_no_done_activity():
    assert not _done("Bersama ini kami sampaikan laporan kegiatan kelompok tani untuk bulan Mei 2031 sebagai berikut")
    assert not _done("Dengan ini kami laporkan perkembangan pekerjaan irigasi desa selama triwulan II")
    assert not _done("Please find below our report for May 2031, written by our field officer and checked by the farmers")
    # trap: what the letter says was done stays
    assert _done("Bersama ini pula kelompok tani telah menanam 400 bibit kopi di lahan desa")
    assert _done("Kami sampaikan bahwa Dinas telah membagikan 40 karung pupuk kepada kelompok tani")


def test_a_count_the_report_gives_or_a_result_declared_is_no_done_activity():
    assert not _done("Jumlah pengunjung yang datang selama bulan Mei sebanyak 812 orang")
    assert not _done("The number of visitors who stayed overnight in May was 214")
    assert not _done("Sebanyak 23 peserta dinyatakan lulus ujian praktik")
    # trap: a count of people someone trained is the training done
    assert _done("Sebanyak 30 petani telah dilatih menyambung bibit kopi oleh penyuluh")
    assert _done("Total of 40 farmers were trained in grafting by the extension officers")


# -- news releases: a cost borne, a quoted target with a deadline ---------------------------------------

def _release_commitments(text: str) -> list[str]:
    from extractor.nlp.commitments import find_commitments
    return [c.text for c in find_commitments(text, kind="news_release")]


RELEASE = ("Pemkot Contoh Gandeng PT Sumber Terang Perbaiki Lampu Jalan\n\n"
           "KOTA CONTOH – Pemerintah Kota Contoh dan PT Sumber Terang menandatangani perjanjian kerja sama "
           "perbaikan lampu jalan di Balai Kota, Selasa (3/6/2031).\n\n"
           "Dalam perjanjian, PT Sumber Terang akan mengganti 900 lampu jalan dengan lampu hemat energi. "
           "Seluruh biaya penggantian, yang diperkirakan mencapai Rp2,1 miliar, ditanggung perusahaan dari dana "
           "tanggung jawab sosialnya. Biaya survei awal tahun lalu sudah ditanggung pemkot.\n\n"
           "\"Semua lampu kami targetkan sudah menyala paling lambat Desember 2031, sebelum musim hujan,\" kata "
           "Direktur PT Sumber Terang. \"Jalan ini dulu gelap sekali, warga takut lewat,\" kata seorang warga.\n")


def test_a_cost_borne_by_a_party_in_a_release_is_a_commitment():
    got = _release_commitments(RELEASE)
    assert any(t.startswith("Seluruh biaya penggantian") for t in got), got
    # trap: a cost already borne in the past is no commitment
    assert not any(t.startswith("Biaya survei awal") for t in got), got


def test_a_quoted_target_with_a_deadline_is_a_commitment():
    got = _release_commitments(RELEASE)
    assert any("paling lambat Desember 2031" in t for t in got), got
    # trap: a quoted remark without a duty or deadline stays out
    assert not any("gelap sekali" in t for t in got), got
