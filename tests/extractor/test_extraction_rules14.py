"""Extraction rules of session 14 (blind set 20 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract


def _duties(text: str) -> dict[str, tuple[str, ...]]:
    found = extract(plain_doc(text), source="doc.txt", sha256="0").commitments
    return {c.text: c.parties for c in found}


_HEAD = (
    "PERJANJIAN KERJA SAMA\nANTARA\nDINAS PERIKANAN KABUPATEN CONTOH\nDENGAN\nPT SAMUDRA CONTOH LESTARI\n"
    "TENTANG\nCOLD STORAGE NELAYAN\n\n"
    "Pada hari ini Senin tanggal 6 Januari 2031, yang bertanda tangan di bawah ini:\n"
    "1. Budi Santoso, Kepala Dinas Perikanan Kabupaten Contoh, selanjutnya disebut DINAS;\n"
    "2. Maria Wijaya, Direktur PT Samudra Contoh Lestari, selanjutnya disebut MITRA.\n\n")

_LABELLED = _HEAD + (
    "PASAL 1\nDINAS melalui Bidang Perikanan Tangkap:\n"
    "(1) mendata kapal nelayan yang menyetor hasil tangkapan;\n"
    "(2) menyiapkan lahan gudang di pelabuhan perikanan.\n\n"
    "PASAL 2\nMITRA:\n"
    "(1) membangun gudang pendingin berkapasitas 20 ton;\n"
    "(2) membeli ikan nelayan dengan harga pasar.\n\n"
    "PASAL 3\nPerjanjian ini berlaku 2 (dua) tahun.\n")


def test_a_party_name_alone_over_a_list_makes_its_items_that_partys_duties():
    duties = _duties(_LABELLED)
    assert duties.get("mendata kapal nelayan yang menyetor hasil tangkapan") == ("Dinas Perikanan Kabupaten Contoh",)
    assert duties.get("menyiapkan lahan gudang di pelabuhan perikanan") == ("Dinas Perikanan Kabupaten Contoh",)
    assert duties.get("membangun gudang pendingin berkapasitas 20 ton") == ("PT Samudra Contoh Lestari",)
    assert duties.get("membeli ikan nelayan dengan harga pasar") == ("PT Samudra Contoh Lestari",)


def test_a_party_label_under_an_ordinal_item_heading():
    text = _HEAD + (
        "KESATU\nKesepakatan ini bertujuan meningkatkan pendapatan nelayan.\n\n"
        "KEDUA\nMITRA melalui Divisi Logistik:\n"
        "a. membangun gudang pendingin berkapasitas 20 ton;\n"
        "b. menjemput hasil tangkapan di dermaga setiap pagi.\n\n"
        "KETIGA\nKesepakatan ini berlaku 2 (dua) tahun.\n")
    duties = _duties(text)
    assert duties.get("membangun gudang pendingin berkapasitas 20 ton") == ("PT Samudra Contoh Lestari",)
    assert duties.get("menjemput hasil tangkapan di dermaga setiap pagi") == ("PT Samudra Contoh Lestari",)


def test_items_under_a_party_label_that_open_with_no_verb_are_no_duties():
    # trap: an address block under a bare party label lists particulars, not things to do
    text = _HEAD + (
        "PASAL 1\nAlamat para pihak.\n\nPASAL 2\nMITRA:\n"
        "(1) kantor pusat di Jalan Pelabuhan Nomor 8 Kota Contoh;\n(2) surel mitra@contoh.test.\n\n"
        "PASAL 3\nPerjanjian ini berlaku 2 (dua) tahun.\n")
    duties = _duties(text)
    assert not any(t.startswith(("kantor pusat", "surel")) for t in duties)


def test_para_pihak_in_sentence_case_opening_an_article_is_a_joint_duty():
    text = _HEAD + (
        "PASAL 1\nMITRA membangun gudang pendingin berkapasitas 20 ton.\n\n"
        "PASAL 2\nPara pihak melaksanakan evaluasi bersama setiap 3 (tiga) bulan.\n\n"
        "PASAL 3\nPerjanjian ini berlaku 2 (dua) tahun.\n")
    duties = _duties(text)
    assert set(duties.get("Para pihak melaksanakan evaluasi bersama setiap 3 (tiga) bulan", ())) == {
        "Dinas Perikanan Kabupaten Contoh", "PT Samudra Contoh Lestari"}
    # trap: the term clause stays no duty
    assert not any(t.startswith("Perjanjian ini berlaku") for t in duties)


def test_a_title_party_line_drops_its_defined_name_and_description():
    text = ("MEMORANDUM OF UNDERSTANDING\nON CORAL REEF RESTORATION\n\nbetween\n\n"
            "THE MARINE AFFAIRS OFFICE OF CONTOH REGENCY (\"the Office\")\n\nand\n\n"
            "BLUE LAGOON TRUST LIMITED, a charity registered in Australia (\"the Trust\")\n\n"
            "Signed at Contoh on 3 March 2031.\n\n1. The Trust will:\n(a) replant 2,000 coral fragments by 30 June 2031.\n"
            "2. The Office will:\n(a) patrol the reef every week.\n")
    found = {p.name.lower().removeprefix("the "): p.aliases
             for p in extract(plain_doc(text), source="doc.txt", sha256="0").parties}
    assert "the office" in [a.lower() for a in found.get("marine affairs office of contoh regency", ())]
    assert any(name.startswith("blue lagoon trust") and "registered" not in name and "the trust" in
               [a.lower() for a in aliases] for name, aliases in found.items())
