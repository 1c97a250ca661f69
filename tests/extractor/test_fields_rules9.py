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

