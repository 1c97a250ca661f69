"""Commitment rules of session 11 (blind set 13 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract

NOTA = ("NOTA KESEPAKATAN\nANTARA\nDINAS PERIKANAN KABUPATEN CONTOH RAYA\nDAN\nKOPERASI NELAYAN SINAR LAUT\n\n"
        "Pada hari Senin, 3 Agustus 2026, kami yang bertanda tangan di bawah ini:\n\n"
        "1. Rudi Hartono, Kepala Dinas Perikanan Kabupaten Contoh Raya, selanjutnya disebut PIHAK KESATU;\n"
        "2. Maria Ulfa, Ketua Koperasi Nelayan Sinar Laut, selanjutnya disebut PIHAK KEDUA,\n\n"
        "bersepakat untuk bekerja sama dengan ketentuan sebagai berikut.\n\n"
        "Pasal 1\nKewajiban PIHAK KESATU\n\nPIHAK KESATU:\n"
        "a. menyediakan dua unit mesin pembuat es bagi anggota PIHAK KEDUA;\n"
        "b. melatih 30 (tiga puluh) nelayan tentang penanganan ikan segar.\n\n"
        "Pasal 2\nKewajiban PIHAK KEDUA\n\nPIHAK KEDUA:\n"
        "a. mengelola mesin pembuat es di tempat pelelangan ikan;\n"
        "b. menyampaikan data hasil tangkapan setiap bulan kepada PIHAK KESATU.\n\n"
        "Pasal 3\nHak PIHAK KEDUA\n\nPIHAK KEDUA:\n"
        "a. memperoleh harga es yang terjangkau.\n")


def test_a_bare_party_label_over_a_list_of_duties_names_the_obliged_party():
    ext = extract(plain_doc(NOTA), source="nota.txt", sha256="0")
    by_text = {c.text: c.parties for c in ext.commitments}
    office, coop = "Dinas Perikanan Kabupaten Contoh Raya", "Koperasi Nelayan Sinar Laut"
    assert by_text[next(t for t in by_text if t.startswith("menyediakan dua unit"))] == (office,)
    assert by_text[next(t for t in by_text if t.startswith("mengelola mesin"))] == (coop,)
    assert by_text[next(t for t in by_text if t.startswith("menyampaikan data"))] == (coop,)
    # trap: the same label over a list of rights gives no duty
    assert not any(t.startswith("memperoleh harga") for t in by_text)
