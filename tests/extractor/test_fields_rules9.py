"""Agreement fields: failure classes met while matching opened evaluation sets, each fixed by a
general rule. Every text here is invented for the test; each test has a trap where the rule must
not fire."""
from __future__ import annotations


def parties(nlp, text: str) -> dict:
    return {p.name.upper(): p for p in nlp(text)._.janji_parties}


# -- party roles: the signer acts on behalf of a body spelt short ---------------------------------

def test_the_body_a_signer_acts_for_gets_the_role_not_the_regency_closing_his_title(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nRUMAH SAKIT UMUM DAERAH SEHAT SENTOSA\nDENGAN\n"
            "UNIT LAYANAN RELAWAN GERAKAN PEDULI SESAMA KABUPATEN LEMBAH HIJAU\nTENTANG\nPEMERIKSAAN BERKALA\n\n"
            "Kami yang bertanda tangan di bawah ini:\n"
            "1. Rina Wulandari, Direktur Rumah Sakit Umum Daerah Sehat Sentosa, selanjutnya disebut PIHAK PERTAMA;\n"
            "2. Yosef Amalo, Ketua Pengurus Gerakan Peduli Sesama Kabupaten Lembah Hijau, bertindak untuk dan atas "
            "nama Unit Layanan Relawan GPS Kabupaten Lembah Hijau, selanjutnya disebut PIHAK KEDUA.\n\n"
            "Pasal 1\nPIHAK KEDUA menyediakan ruang pelatihan bagi petugas PIHAK PERTAMA.\n")
    got = parties(nlp_id, text)
    body = "UNIT LAYANAN RELAWAN GERAKAN PEDULI SESAMA KABUPATEN LEMBAH HIJAU"
    assert got[body].role == "PIHAK KEDUA"
    assert got["RUMAH SAKIT UMUM DAERAH SEHAT SENTOSA"].role == "PIHAK PERTAMA"
    # the "Kabupaten Lembah Hijau" closing the movement's name is no mention of the regency government
    assert not any(name.startswith("PEMERINTAH KABUPATEN") for name in got)


def test_a_regent_acting_for_the_regency_still_gives_it_the_role(nlp_id):
    # trap: the regency government named after "atas nama" and after a position is a real party
    text = ("NOTA KESEPAKATAN\nANTARA\nPEMERINTAH KABUPATEN LEMBAH HIJAU\nDENGAN\nYAYASAN TUNAS HARAPAN BANGSA\n\n"
            "1. Markus Dethan, Bupati Lembah Hijau, bertindak untuk dan atas nama Pemerintah Kabupaten Lembah "
            "Hijau, selanjutnya disebut PIHAK PERTAMA;\n"
            "2. Sari Lestari, Ketua Yayasan Tunas Harapan Bangsa, selanjutnya disebut PIHAK KEDUA.\n\n"
            "Pasal 1\nPIHAK PERTAMA menyediakan data sasaran.\n")
    got = parties(nlp_id, text)
    assert got["PEMERINTAH KABUPATEN LEMBAH HIJAU"].role == "PIHAK PERTAMA"
    assert got["YAYASAN TUNAS HARAPAN BANGSA"].role == "PIHAK KEDUA"


# -- agreement numbers: a party's name between "Nomor" and the colon -------------------------------

def test_number_lines_labelled_with_a_party_name_are_read(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nDINAS PERTANIAN KABUPATEN LEMBAH HIJAU\nDENGAN\nCV AGRO MANDIRI JAYA\n"
            "Nomor Dinas Pertanian : 520/77/PKS-DISTAN/V/2026\n"
            "Nomor Perusahaan      : 009/AMJ-PKS/V/2026\n\n"
            "Pada hari ini Senin tanggal 4 Mei 2026 kami yang bertanda tangan di bawah ini:\n"
            "1. Agus Riyanto, Kepala Dinas Pertanian Kabupaten Lembah Hijau, selanjutnya disebut PIHAK PERTAMA;\n"
            "2. Dewi Kartika, Direktur CV Agro Mandiri Jaya, selanjutnya disebut PIHAK KEDUA.\n\n"
            "Pasal 1\nPIHAK KEDUA menyalurkan pupuk organik.\n")
    doc = nlp_id(text)
    assert doc._.janji_number == "520/77/PKS-DISTAN/V/2026; 009/AMJ-PKS/V/2026"
    assert "Nomor" not in (doc._.janji_title or "")


def test_identity_numbers_and_counts_are_no_agreement_number(nlp_id):
    # trap: a registration or deed number line, and a count written "Number of ...: 10-12"
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nDINAS PERTANIAN KABUPATEN LEMBAH HIJAU\nDENGAN\nCV AGRO MANDIRI JAYA\n\n"
            "Nomor Akta Pendirian : 12/VII/2019\nNomor Induk Berusaha : 8120-0045\n"
            "Number of trainees: 10-12\n\n"
            "Pasal 1\nPIHAK KEDUA menyalurkan pupuk organik.\n")
    assert nlp_id(text)._.janji_number is None


# -- commitments: two undertakings joined in one sentence ------------------------------------------

def commitments(nlp, text: str) -> list[str]:
    return [c.text for c in nlp(text)._.janji_commitments]


def test_a_pledge_then_serta_akan_gives_two_commitments(nlp_id):
    text = ("Kabupaten Lembah Hijau dan Balai Benih Sentosa menandatangani nota kesepakatan di Lembah Hijau. "
            "Kepala Balai Benih Sentosa juga berkomitmen menyediakan benih padi unggul untuk 40 kelompok tani, "
            "serta akan mendampingi penyuluh lapangan dalam uji tanam di lima kecamatan.\n")
    got = commitments(nlp_id, text)
    assert any(t.rstrip(" .").endswith("untuk 40 kelompok tani") for t in got)
    assert any(t.startswith("akan mendampingi penyuluh lapangan") for t in got)


def test_a_pledge_naming_two_things_it_covers_stays_one_commitment(nlp_id):
    # trap: "serta" joining two objects of one verb, with no cue of its own, is one undertaking
    text = ("Kabupaten Lembah Hijau dan Balai Benih Sentosa menandatangani nota kesepakatan di Lembah Hijau. "
            "Kepala Balai Benih Sentosa juga berkomitmen menyediakan benih padi unggul untuk 40 kelompok tani "
            "serta pupuk organik bagi lahan percontohan di lima kecamatan.\n")
    got = commitments(nlp_id, text)
    assert len([t for t in got if "benih padi" in t]) == 1
    assert any("benih padi" in t and "pupuk organik" in t for t in got)


# -- report tables: rows of a table without outer bars wrapped onto a second line ------------------

def test_wrapped_rows_of_a_table_without_outer_bars_are_joined():
    from extractor.report_tables import find_pipe_tables
    text = ("Kegiatan yang telah dilaksanakan:\n"
            "No | Kegiatan | Pelaksana | Waktu | Keterangan\n"
            "1 | Kelompok tani membangun embung kecil di lahan\nbersama | Kelompok Tani | Mei 2026 | selesai\n"
            "2 | Dinas menyalurkan 40 pompa air | Dinas Pertanian\nKabupaten | Juni 2026 | diterima\n"
            "3 | Penyuluh melatih 25 petani pembibitan |\nPenyuluh | Juli 2026 | selesai\n"
            "4 | Pemeriksaan saluran irigasi | Dinas dan Kelompok | 2 Agustus 2026\n| 12 saluran diperiksa\n"
            "Selain itu, rapat evaluasi diadakan pada bulan September.\n")
    (table,) = find_pipe_tables(text)
    rows = [[c.text for c in r] for r in table.rows]
    assert rows == [
        ["1", "Kelompok tani membangun embung kecil di lahan bersama", "Kelompok Tani", "Mei 2026", "selesai"],
        ["2", "Dinas menyalurkan 40 pompa air", "Dinas Pertanian Kabupaten", "Juni 2026", "diterima"],
        ["3", "Penyuluh melatih 25 petani pembibitan", "Penyuluh", "Juli 2026", "selesai"],
        ["4", "Pemeriksaan saluran irigasi", "Dinas dan Kelompok", "2 Agustus 2026", "12 saluran diperiksa"],
    ]
    for row in table.rows:   # every cell's offsets point at its words in the text
        assert all(text[c.start:c.end].split()[0] == c.text.split()[0] for c in row)


def test_a_short_row_followed_by_the_next_numbered_row_is_not_joined():
    # trap: a row left short and the next row (opening with its number) add up to the header's width
    from extractor.report_tables import find_pipe_tables
    text = ("No | Kegiatan | Pelaksana | Keterangan\n"
            "1 | Penanaman bibit kopi\n"
            "2 | Pelatihan | Dinas\n"
            "3 | Panen raya | Kelompok | selesai\n")
    (table,) = find_pipe_tables(text)
    assert [[c.text for c in r] for r in table.rows] == [
        ["1", "Penanaman bibit kopi"], ["2", "Pelatihan", "Dinas"], ["3", "Panen raya", "Kelompok", "selesai"]]
