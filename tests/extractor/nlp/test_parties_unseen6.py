"""Parties: failure classes met on the sixth blind set (tests/holdout_blind6), each fixed by a
general rule. Every text here is invented for the test; each test has a trap where the rule must
not fire."""
from __future__ import annotations

from extractor.nlp.commitments import find_commitments


def party_names(nlp, text: str) -> list[str]:
    return [p.name for p in nlp(text)._.janji_parties]


# -- parties -----------------------------------------------------------------------------------------

PARTY_CLAUSES = (
    "PERJANJIAN KERJA SAMA\nDINAS PERTANIAN UNIVERSITAS KENARI\nPROVINSI LEMBAH TEDUH\n"
    "Pada hari ini Senin tanggal satu bulan Juni tahun dua ribu dua puluh enam, bertempat di Gedung Serbaguna "
    "Provinsi Lembah Teduh, kami yang bertanda tangan di bawah ini:\n"
    "I. Ir. RATNA KUSUMA, M.P. : Kepala Dinas Pertanian Provinsi Lembah Teduh, dalam hal ini bertindak untuk dan "
    "atas nama Dinas Pertanian\nProvinsi Lembah Teduh, selanjutnya disebut PIHAK PERTAMA;\n"
    "II. Dr. LINDA PERMATASARI, M.Sc. : Wakil Rektor Bidang Perencanaan dan Sistem Data Universitas Kenari, "
    "dalam hal ini bertindak atas nama Rektor, selanjutnya disebut PIHAK KEDUA.\n"
    "PARA PIHAK terlebih dahulu menerangkan bahwa telah ditandatangani Nota Kesepahaman antara\n"
    "Pemerintah Provinsi Lembah Teduh dan Yayasan Pendidikan Kenari Nomor 12/NK/2026, dan sepakat untuk "
    "mengadakan kerja sama sebagai berikut:\nPasal 1\nRUANG LINGKUP\n")


def test_roman_numbered_party_clause_without_blank_lines_names_its_party(nlp_id):
    doc = nlp_id(PARTY_CLAUSES)
    names = [p.name for p in doc._.janji_parties]
    assert "Dinas Pertanian Provinsi Lembah Teduh" in names
    assert "Universitas Kenari" in names
    # the official's organisation is the party its position names, whatever order the parties were sorted in
    by_name = {o.name: o for o in doc._.janji_officials}
    assert by_name["Linda Permatasari"].organization == "Universitas Kenari"
    # trap: the clause of a body already a party adds no second record of it
    assert names.count("Universitas Kenari") == 1


REPORT = (
    "LAPORAN PERKEMBANGAN KERJA SAMA DAERAH TAHUN 2026\n"
    "PEMERINTAH KABUPATEN LEMBAH TEDUH\nSEKRETARIAT DAERAH\n\n"
    "I. PERKEMBANGAN\n"
    "A. Perjanjian Kerja Sama dengan Universitas Kenari tentang Pendampingan Desa Wisata (Nomor 1/PKS/2025)\n"
    "   1. Tim Universitas Kenari telah mendampingi 12 desa wisata.\n"
    "B. Kesepakatan Bersama dengan PT Hijau Lestari tentang Pengolahan Sampah Plastik (Nomor 2/KB/2025)\n"
    "   1. PT Hijau Lestari telah mengangkut 3 ton sampah plastik.\n"
    "II. RENCANA\n   1. Bagian Kerja Sama akan menyiapkan evaluasi bersama Dinas Pariwisata.\n")


def test_report_on_several_agreements_names_each_partner_and_its_writer(nlp_id):
    names = party_names(nlp_id, REPORT)
    assert names[:3] == ["Pemerintah Kabupaten LEMBAH TEDUH", "Universitas Kenari", "PT Hijau Lestari"] or (
        {"Universitas Kenari", "PT Hijau Lestari"} <= set(names)
        and any(n.lower() == "pemerintah kabupaten lembah teduh" for n in names))
    assert "Dinas Pariwisata" not in names
    # trap: one agreement heading leaves the parties to the other rules (no partner from the heading alone)
    one = REPORT.split("B. Kesepakatan")[0] + "II. RENCANA\n   1. Tim akan menyusun laporan akhir.\n"
    from extractor.nlp.parties import AGREEMENT_HEADING
    assert len(AGREEMENT_HEADING.findall(one)) == 1
    assert "PT Hijau Lestari" not in party_names(nlp_id, one)


# -- commitments -------------------------------------------------------------------------------------

def test_heading_naming_an_agreement_is_no_commitment():
    got = [c.text for c in find_commitments(REPORT, kind="activity_report")]
    assert not any(t.startswith(("A. Perjanjian", "Perjanjian Kerja Sama dengan", "B. Kesepakatan",
                                 "Kesepakatan Bersama dengan")) for t in got)
    assert any("menyiapkan evaluasi" in t for t in got)
    # trap: a sentence about what an agreement will do is still read
    text = ("Kota Lembah Teduh - Pemkab dan PT Hijau Lestari sepakat bekerja sama.\n\n"
            "Perjanjian Kerja Sama dengan PT Hijau Lestari tentang Pengolahan Sampah akan memperluas layanan "
            "ke 20 desa mulai Juli 2026.\n")
    got = [c.text for c in find_commitments(text, kind="news_release")]
    assert any("memperluas layanan" in t for t in got)


def test_ocr_reads_the_roman_one_of_a_party_clause_as_an_l(nlp_id):
    text = PARTY_CLAUSES.replace("I. Ir. RATNA KUSUMA", "L Ir. RATNA KUSUMA")
    doc = nlp_id(text)
    assert "Dinas Pertanian Provinsi Lembah Teduh" in [p.name for p in doc._.janji_parties]
    assert {o.name for o in doc._.janji_officials} >= {"Ratna Kusuma", "Linda Permatasari"}
    # trap: a line that opens with a capital L word is no list item
    from extractor.nlp.parties import ITEM_START
    assert ITEM_START.match("Lembah Teduh menjadi tuan rumah") is None
