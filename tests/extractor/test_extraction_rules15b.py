"""Extraction rules of session 15, second set (blind set 24 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract
from extractor.nlp.doc_fields import kind_of


def _x(text: str):
    return extract(plain_doc(text), source="doc.txt", sha256="0")


def _texts(text: str) -> list[str]:
    return [c.text for c in _x(text).commitments]


def _names(text: str) -> list[str]:
    return [p.name for p in _x(text).parties]


# --- parties ----------------------------------------------------------------------------------------------------

def test_a_release_lead_wrapped_by_the_text_layer_still_pairs_its_parties():
    text = ("Dinas Perikanan Buka Kelas Nelayan\n"
            "KOTA CONTOH | Rabu, 4 Maret 2032 - Dinas Perikanan Kabupaten Bukit Contoh\n"
            "menggandeng PT Samudra Contoh Lestari untuk melatih nelayan muda. Perjanjian kerja sama\n"
            "ditandatangani di kantor dinas.\n")
    names = _names(text)
    assert "Dinas Perikanan Kabupaten Bukit Contoh" in names and "PT Samudra Contoh Lestari" in names


def test_a_headline_line_ending_in_a_name_is_not_joined_to_the_next_line():
    # trap: the line break after a headline is no wrapped sentence (the next line starts in capitals)
    text = ("Pelatihan Nelayan oleh Dinas Perikanan Kabupaten Bukit Contoh\n"
            "Kerja sama PT Samudra Contoh Lestari dengan Yayasan Laut Contoh ditandatangani Senin.\n")
    names = _names(text)
    assert "Dinas Perikanan Kabupaten Bukit Contoh" not in names


def test_a_closing_bersama_stays_in_the_name():
    text = ("LAPORAN KEGIATAN\n\nDasar: Perjanjian Kerja Sama antara BUMDes Tumbuh Bersama dengan "
            "PT Gula Contoh Abadi tentang pembelian tebu.\n\nBUMDes telah menyerahkan 12 ton tebu.\n")
    assert "BUMDes Tumbuh Bersama" in _names(text)


def test_bersama_before_a_capitalised_name_joins_two_parties():
    # trap: "PT X Bersama Pemkab Y" in a headline names two organisations
    text = ("PT Gula Contoh Abadi Bersama Pemkab Contoh Teken Kerja Sama Tebu\n"
            "KOTA CONTOH - PT Gula Contoh Abadi dan Pemerintah Kabupaten Contoh menandatangani perjanjian.\n")
    assert not any(n.endswith("Bersama") for n in _names(text))


def test_a_position_word_inside_a_name_does_not_cut_it():
    text = ("PROGRESS UPDATE\n\nBasis: Memorandum of Understanding between the Health Office of Contoh Regency "
            "and the Blue Harbour Care Alliance, signed on 3 March 2032.\n\n"
            "The Alliance trained 20 nurses in April 2032.\n")
    assert "Blue Harbour Care Alliance" in _names(text)


def test_a_balai_rehabilitasi_is_an_organisation():
    text = ("PROGRESS UPDATE\n\nBasis: Memorandum of Understanding between the Balai Rehabilitasi Sosial "
            "Penyandang Disabilitas Contoh and the Open Doors Care Alliance, signed on 3 March 2032.\n\n"
            "The Alliance trained 20 carers in April 2032.\n")
    assert "Balai Rehabilitasi Sosial Penyandang Disabilitas Contoh" in _names(text)


# --- kinds ------------------------------------------------------------------------------------------------------

def test_a_results_framework_update_is_an_activity_report():
    assert kind_of("RESULTS FRAMEWORK UPDATE - Q1 2032\nProgramme: Clean Water, Kabupaten Contoh\n"
                   "| Output | Target | Actual |\n| Wells | 4 | 4 |\n") == "activity_report"
    assert kind_of("Logframe update\nProject: School Meals\n\n1. 30 kitchens were built.\n") == "activity_report"
    # trap: a framework agreement is no report
    assert kind_of("FRAMEWORK AGREEMENT\nBETWEEN A AND B\n\nArticle 1\nThe Parties shall cooperate.\n") \
        != "activity_report"


# --- agreements -------------------------------------------------------------------------------------------------

BUTIR = ("NOTA KESEPAKATAN\nANTARA\nDINAS SOSIAL KOTA CONTOH\nDAN\nPERKUMPULAN RELAWAN CONTOH\n"
         "TENTANG\nDAPUR UMUM\n\nButir 1. Lingkup\n- penyediaan makanan bagi warga lanjut usia;\n"
         "- pendataan penerima manfaat.\nButir 2. Tugas PERKUMPULAN\n- memasak 200 porsi setiap hari;\n"
         "- menjaga kebersihan dapur.\nButir 3. Masa Berlaku\n- Nota Kesepakatan ini berlaku 2 (dua) tahun.\n")


def test_butir_headings_make_sections_with_dash_items():
    texts = _texts(BUTIR)
    assert "penyediaan makanan bagi warga lanjut usia" in texts
    assert "menjaga kebersihan dapur" in texts
    # trap: the term section gives none
    assert not any("berlaku" in t for t in texts)


SECTIONS = ("MEMORANDUM OF UNDERSTANDING\nbetween\nTHE FISHERIES OFFICE OF CONTOH REGENCY\nand\n"
            "THE OCEAN SKILLS INSTITUTE\non Boat Safety\n\nFisheries Office of Contoh Regency, represented by its Head, "
            "hereinafter \"the Office\"; and\nThe Ocean Skills Institute, represented by its Director, hereinafter "
            "\"the Institute\".\nSECTION A - PURPOSE\n"
            "A1 The purpose of this Memorandum is to make fishing safer.\n"
            "SECTION B - AREAS OF CO-OPERATION\nB1 safety training of boat crews;\nB2 repair of life jackets.\n"
            "SECTION C - REVIEW, TERM AND STATUS\n"
            "C1 The Office and the Institute will hold a joint review every six (6) months.\n"
            "C2 This Memorandum runs for two (2) years from the date of signature.\n")


def test_lettered_sections_and_undotted_item_codes():
    texts = _texts(SECTIONS)
    assert "safety training of boat crews" in texts
    assert "repair of life jackets" in texts
    # trap: the purpose section gives none
    assert not any("purpose" in t.lower() for t in texts)


def test_a_review_under_a_term_title_is_a_duty_the_term_is_not():
    texts = _texts(SECTIONS)
    assert "The Office and the Institute will hold a joint review every six (6) months" in texts
    assert not any("runs for" in t for t in texts)
