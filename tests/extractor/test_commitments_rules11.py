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


MOU = ("MEMORANDUM OF UNDERSTANDING\nbetween\nTHE FISHERIES OFFICE OF TELUK CONTOH PROVINCE\nand\n"
       "NORDHAVN SCHOOL OF MARINE TRADES\n\n"
       "This Memorandum is signed in Teluk Contoh on 5 May 2031 between the Fisheries Office of Teluk Contoh "
       "Province (Dinas Kelautan Provinsi Teluk Contoh), represented by Ir. Budi Santosa, M.Si., Head of the "
       "Fisheries Office (the \"Office\"), and Nordhavn School of Marine Trades, a vocational school under Danish "
       "law, represented by its Principal, Ms. Karen Holm (the \"School\").\n\n"
       "Article 1 - Obligations of the School\n"
       "1.1 The School shall train forty (40) boat mechanics by 30 June 2031.\n"
       "1.2 The School will lend two outboard engines for practice.\n\n"
       "Article 2 - Obligations of the Office\n"
       "2.1 The Office shall select the trainees from coastal villages.\n")

PKS = ("PERJANJIAN KERJA SAMA ANTARA DINAS SOSIAL KABUPATEN CONTOH JAYA DAN PT ROTI SEHAT ABADI\n"
       "Perjanjian ini ditandatangani di Contoh Jaya pada tanggal 2 Juni 2031 oleh:\n"
       "1. SITI AMINAH, S.Sos., Kepala Dinas Sosial Kabupaten Contoh Jaya, selanjutnya disebut PIHAK PERTAMA;\n"
       "2. ANDI WIJAYA, Direktur PT Roti Sehat Abadi, selanjutnya disebut PIHAK KEDUA.\n"
       "Pasal 1 Kewajiban PIHAK PERTAMA\n"
       "a. mendata keluarga penerima manfaat di setiap desa;\n"
       "Pasal 2 Kewajiban PIHAK KEDUA\n"
       "a. menyalurkan 500 (lima ratus) paket roti setiap minggu;\n"
       "b. PIHAK PERTAMA menyediakan gudang penyimpanan bagi PIHAK KEDUA.\n"
       "Pasal 3\nPerjanjian ini berlaku selama 1 (satu) tahun.\n")


def _parties_of(text: str):
    commitments = extract(plain_doc(text), source="a.txt", sha256="0").commitments
    return lambda start: next(c.parties for c in commitments if c.text.startswith(start))


def test_a_short_name_given_after_the_representative_is_the_represented_party_s():
    ext = extract(plain_doc(MOU), source="mou.txt", sha256="0")
    aliases = {p.name: p.aliases for p in ext.parties}
    assert any("the School" in a for a in aliases.values()) and any("the Office" in a for a in aliases.values())
    got = _parties_of(MOU)
    school = next(n for n, a in aliases.items() if "the School" in a)
    assert got("The School shall trai") == (school,) and got("The School will lend ") == (school,)
    assert got("The Office shall sele") != (school,)


def test_a_duties_heading_names_the_party_of_its_items():
    got = _parties_of(PKS)
    office, company = "Dinas Sosial Kabupaten Contoh Jaya", "PT Roti Sehat Abadi"
    assert got("mendata keluarga pen") == (office,)
    assert got("menyalurkan 500 (lim") == (company,)
    # trap: an item that names its own doer keeps it
    assert got("PIHAK PERTAMA menyed") == (office,)


def test_a_wrapped_item_ending_in_a_party_role_is_no_label():
    # trap: OCR read "di wilayah PIHAK PERTAMA;" wrapped over two lines as "...di wilayah\nPIHAK PERTAMA:"
    ocr = NOTA.replace("a. mengelola mesin pembuat es di tempat pelelangan ikan;\n",
                       "a. mengelola mesin pembuat es di wilayah\nPIHAK KESATU:\n")
    got = _parties_of(ocr)
    assert got("menyampaikan data") != ("Dinas Perikanan Kabupaten Contoh Raya",)
