"""Party rules for layouts the first rules missed (invented text, never corpus sentences)."""
from __future__ import annotations

import pytest


def _names(doc) -> list[str]:
    return [p.name for p in doc._.janji_parties]


def _role(doc, word: str) -> str | None:
    return next(p.role for p in doc._.janji_parties if word.lower() in p.name.lower())


THREE_PARTIES = """NOTA KESEPAHAMAN
ANTARA
BALAI BESAR KARANTINA LAUT SELATAN,
PEMERINTAH KOTA MUARA JINGGA,
DAN
POLITEKNIK PERIKANAN SAMUDRA RAYA
TENTANG
PENGAWASAN MUTU HASIL PERIKANAN

Yang bertanda tangan di bawah ini:

1. Balai Besar Karantina Laut Selatan, dalam hal ini diwakili oleh Andi Saputra, selaku Kepala Balai, selanjutnya disebut PIHAK KESATU;

2. Pemerintah Kota Muara Jingga, dalam hal ini diwakili oleh Rudi Hartanto, selaku Wali Kota Muara Jingga, selanjutnya disebut PIHAK KEDUA;

3. Politeknik Perikanan Samudra Raya, dalam hal ini diwakili oleh Maya Kartika, selaku Direktur, selanjutnya disebut PIHAK KETIGA.
"""


def test_every_pihak_clause_yields_a_party(nlp_id):
    doc = nlp_id(THREE_PARTIES)
    names = _names(doc)
    assert any("Muara Jingga" in n for n in names), names
    assert len(names) == 3
    assert _role(doc, "Muara Jingga") == "PIHAK KEDUA"
    assert _role(doc, "Karantina") == "PIHAK KESATU"


RESPECTIVELY = """MEMORANDUM OF UNDERSTANDING
BETWEEN
HARROWGATE BOROUGH COUNCIL, ENGLAND, UNITED KINGDOM
AND
THE REGENCY GOVERNMENT OF LEMBAH SUNYI, REPUBLIC OF INDONESIA

Harrowgate Borough Council and the Regency Government of Lembah Sunyi, hereinafter referred to as "the First Party" and "the Second Party" respectively;
"""


def test_respectively_pairs_are_resolved_in_order(nlp_en):
    doc = nlp_en(RESPECTIVELY)
    assert _role(doc, "Harrowgate") == "first_party"
    assert _role(doc, "Lembah Sunyi") == "second_party"
    harrow = next(n for n in _names(doc) if "Harrowgate" in n)
    assert "ENGLAND" not in harrow.upper()                    # trailing ", COUNTRY" parts are not the name


TITLE_LINE = """Laporan Pelaksanaan Kemitraan Tahun 2025
Lembaga Riset Gambut Lestari dan Pemerintah Kabupaten Rawa Bening
Program Pemulihan Lahan Gambut di Desa Pesisir

Lembaga Riset Gambut Lestari bekerja sama dengan Pemerintah Kabupaten Rawa Bening menanam 2.000 bibit.
"""


def test_org_name_ends_at_a_new_title_case_line_after_its_place(nlp_id):
    names = _names(nlp_id(TITLE_LINE))
    assert "Pemerintah Kabupaten Rawa Bening" in names
    assert not any("Program" in n for n in names), names


WRAPPED_ACRONYM = """Pemkot Sungai Lebar dan Kejari Teken Kesepakatan Bantuan Hukum
Sungai Lebar, 4/2/2025 - Pemerintah Kota Sungai Lebar dan Kejaksaan Negeri (Kejari)
Sungai Lebar menandatangani nota kesepakatan tentang bantuan hukum perdata bagi
perangkat daerah. Acara berlangsung di Balai Kota Sungai Lebar.
"""


def test_org_name_continues_after_an_acronym_at_a_line_break(nlp_id):
    names = _names(nlp_id(WRAPPED_ACRONYM))
    assert "Kejaksaan Negeri Sungai Lebar" in names, names


PREFIX = """Akademi Pelayaran Nusa Bahari Gandeng Pemkab Tanjung Kabut
TANJUNG KABUT - Akademi Pelayaran Nusa Bahari (Apnuba) Tanjung Kabut dan Pemerintah Kabupaten
Tanjung Kabut menandatangani nota kesepahaman tentang pendidikan awak kapal. Apnuba akan membuka
kelas khusus bagi lulusan sekolah menengah.
"""


def test_party_whose_name_is_a_prefix_of_another_is_merged(nlp_id):
    doc = nlp_id(PREFIX)
    names = _names(doc)
    akademi = [n for n in names if n.startswith("Akademi Pelayaran")]
    assert len(akademi) == 1, names
    assert len(names) == 2, names


def test_pihak_clauses_without_markers_or_blank_lines(nlp_id):
    # OCR text: the "1." / "2." / "3." markers and the blank lines between the clauses are lost
    ocr = "\n".join(line.lstrip("123. ") for line in THREE_PARTIES.splitlines() if line.strip())
    doc = nlp_id(ocr)
    assert len(_names(doc)) == 3, _names(doc)
    assert _role(doc, "Muara Jingga") == "PIHAK KEDUA"


def test_another_spelling_of_a_known_party_in_a_definition_clause_is_not_a_new_party(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nPEMERINTAH KOTA SELAT MERAH\nAND\nBLUEWAVE ENGINEERING LTD\n\n"
            "1. The City Government of Selat Merah, represented by its Mayor, hereinafter referred to as the "
            "FIRST PARTY;\n2. Bluewave Engineering Ltd, represented by its Director, hereinafter referred to as "
            "the SECOND PARTY.\n")
    names = _names(nlp_en(text))
    assert len(names) == 2, names


def test_an_office_named_after_a_region_is_not_the_regions_government(nlp_id):
    text = THREE_PARTIES.replace("BALAI BESAR KARANTINA LAUT SELATAN", "KANTOR PERTANAHAN KOTA MUARA JINGGA") \
        .replace("Balai Besar Karantina Laut Selatan", "Kantor Pertanahan Kota Muara Jingga")
    names = _names(nlp_id(text))
    assert "Pemerintah Kota Muara Jingga" in names and len(names) == 3, names


AND_INSIDE_NAMES = """PERJANJIAN KERJA SAMA
ANTARA
DINAS PERHUBUNGAN DAN PERPARKIRAN KABUPATEN LEMBAH KABUT
DENGAN
BADAN PENGELOLAAN SAMPAH DAN LIMBAH KOTA TELUK SENJA
TENTANG
PENGANGKUTAN SAMPAH TERMINAL

Nomor : 11/PKS/2031
"""


def test_title_party_names_keep_their_inner_dan(nlp_id):
    # the separator on its own line splits, not the "DAN" inside a Dinas / Badan name
    names = [n.lower() for n in _names(nlp_id(AND_INSIDE_NAMES))]
    assert names == ["dinas perhubungan dan perparkiran kabupaten lembah kabut",
                     "badan pengelolaan sampah dan limbah kota teluk senja"], names


def test_inline_title_separator_is_not_the_dan_inside_a_name(nlp_id):
    text = ("PERJANJIAN KERJA SAMA ANTARA DINAS PERIKANAN DAN KELAUTAN KABUPATEN PANTAI ELOK DENGAN "
            "UNIVERSITAS SAMUDRA BIRU\nTENTANG BUDIDAYA RUMPUT LAUT\n\nNomor : 3/2031\n")
    names = [n.lower() for n in _names(nlp_id(text))]
    assert names == ["dinas perikanan dan kelautan kabupaten pantai elok", "universitas samudra biru"], names


def test_three_title_parties_separated_by_a_line_end_comma(nlp_id):
    text = ("NOTA KESEPAKATAN\nANTARA\nRUMAH SAKIT UMUM DAERAH BUKIT HARAPAN,\nSEKOLAH TINGGI ILMU KESEHATAN "
            "CAHAYA TIMUR\nDAN\nYAYASAN PEDULI GIZI ANAK\nTENTANG\nPENCEGAHAN GIZI BURUK\n\nNomor : 7/NK/2031\n")
    names = [n.lower() for n in _names(nlp_id(text))]
    assert len(names) == 3, names
    assert "yayasan peduli gizi anak" in names and any("sekolah tinggi" in n for n in names), names


def test_perusahaan_umum_daerah_is_an_organisation_head(nlp_id):
    text = ("Pemerintah Kota Sungai Teduh menandatangani perjanjian kerja sama dengan Perusahaan Umum Daerah "
            "Pasar Raya Sungai Teduh tentang penataan kios, Rabu (5/3/2031).")
    names = _names(nlp_id(text))
    assert "Perusahaan Umum Daerah Pasar Raya Sungai Teduh" in names, names


def test_short_bank_name_is_the_same_party_as_its_legal_form(nlp_id):
    text = ("Pemkot Lembah Damar Gandeng Bank Sentosa Jaya\n\nLEMBAH DAMAR - Pemerintah Kota Lembah Damar dan "
            "PT Bank Sentosa Jaya (Perseroda) menandatangani perjanjian kerja sama layanan kas daerah, "
            "Kamis (6/3/2031). Bank Sentosa Jaya akan membuka dua kantor kas.")
    parties = nlp_id(text)._.janji_parties
    assert len(parties) == 2, [(p.name, p.aliases) for p in parties]
    bank = next(p for p in parties if "Sentosa" in p.name)
    assert bank.name == "PT Bank Sentosa Jaya (Perseroda)"
    assert "Bank Sentosa Jaya" in bank.aliases, bank.aliases


def test_a_separator_line_in_the_body_does_not_extend_the_title_block(nlp_en):
    # PDF text: no blank line between the title block and the party clauses, which repeat "AND"
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nUNIVERSITY OF NORTHERN FJORD, NORWAY\nAND\n"
            "INSTITUT TEKNOLOGI GUNUNG API, INDONESIA\nThis Memorandum is made on 3 March 2031 between:\n"
            "UNIVERSITY OF NORTHERN FJORD, a public institution established under the laws\n"
            "of Norway, represented by its Rector (hereinafter \"NFP\");\nAND\n"
            "INSTITUT TEKNOLOGI GUNUNG API, a public institute, represented by its Rector\n"
            "(hereinafter \"ITGA\").\n")
    names = [n.lower() for n in _names(nlp_en(text))]
    assert names == ["university of northern fjord", "institut teknologi gunung api"], names


def test_english_name_before_its_head_word_is_the_organisation(nlp_en):
    doc = nlp_en("BRISTLEPORT, 3 March 2026 – The Norvane Agency for Coastal Development (NACD) and "
                 "Kestrel Bay Nursing College today signed a memorandum of understanding on midwifery "
                 "training.")
    names = _names(doc)
    assert any(n.startswith("Norvane Agency for Coastal Development") for n in names)
    assert "Kestrel Bay Nursing College" in names


def test_a_label_line_after_a_wrapped_title_does_not_extend_an_organisation(nlp_id):
    doc = nlp_id("LAPORAN KEGIATAN\n\nKerja Sama Bidang Peternakan antara Dinas Peternakan dan Kesehatan Hewan "
                 "Kabupaten Lereng Biru dengan Universitas Nusa Hijau Raya\nPeriode: Januari s.d. Maret 2026\n\n"
                 "Pelatihan inseminasi buatan telah dilaksanakan pada 12 Februari 2026.")
    names = _names(doc)
    assert "Universitas Nusa Hijau Raya" in names
    assert not any("Periode" in n for n in names)


def test_prepared_by_and_submitted_to_lines_name_a_reports_partners(nlp_en):
    doc = nlp_en("SEMI-ANNUAL PROGRESS REPORT\nSafe Harbours Programme\n\n"
                 "Prepared by: Project Office, Ministry of Ports and Island Transport\n"
                 "Submitted to: Calloway Foundation for Maritime Safety, Jakarta Office\n\n"
                 "1. Summary\nTwo jetties were rebuilt this semester.")
    names = _names(doc)
    assert "Ministry of Ports and Island Transport" in names
    assert any(n.startswith("Calloway Foundation for Maritime Safety") for n in names)


@pytest.mark.parametrize("bar", ["|", "||"])
def test_a_column_gap_in_a_two_column_title_ends_the_party(nlp_en, bar):
    # side-by-side Indonesian | English columns joined on one line: the right column is not a name
    text = (f"NOTA KESEPAHAMAN {bar} MEMORANDUM OF UNDERSTANDING\n"
            f"ANTARA SEKOLAH TINGGI PELAYARAN TANJUNG KARANG DAN BRENNOCK NAUTICAL COLLEGE {bar} "
            f"BETWEEN SEKOLAH TINGGI PELAYARAN TANJUNG KARANG AND BRENNOCK NAUTICAL COLLEGE\n"
            f"TENTANG PELATIHAN TARUNA {bar} ON CADET TRAINING\n\n"
            f"Brennock Nautical College will host ten cadets every year. {bar} Brennock Nautical College "
            f"will host ten cadets every year.\n")
    names = [n.lower() for n in _names(nlp_en(text))]
    assert names == ["sekolah tinggi pelayaran tanjung karang", "brennock nautical college"], names


def test_a_headline_name_stops_where_the_body_writes_it(nlp_id):
    # the Title Case headline runs the company name into the headline words
    text = ("Pemkot Muara Jingga Gandeng PT Garam Samudra Lestari Jamin Stok Garam Nelayan Musim Hujan\n\n"
            "MUARA JINGGA – Pemerintah Kota Muara Jingga dan PT Garam Samudra Lestari (Persero) menandatangani "
            "nota kesepakatan penyediaan garam, Senin (4/5/2031).\n")
    names = _names(nlp_id(text))
    assert sorted(names) == ["PT Garam Samudra Lestari (Persero)", "Pemerintah Kota Muara Jingga"], names


def test_a_headline_verb_ends_an_organisation_name(nlp_id):
    doc = nlp_id("Pemkab Lembah Kabut Gandeng PT Kopi Gunung Sejuk Siapkan Gudang Kopi Rakyat\n\n"
                 "Kerja sama itu diteken pada Selasa (3/6/2031).\n")
    names = _names(doc)
    assert "PT Kopi Gunung Sejuk" in names, names
    assert not any("Siapkan" in n for n in names), names


def test_a_government_short_form_defined_in_parentheses_is_the_same_party(nlp_id):
    text = ("Pemprov Sulbarla Jalin Kerja Sama dengan Universitas Tanjung Batu\n\n"
            "Pemerintah Provinsi Sulawesi Barat Laut (Pemprov Sulbarla) dan Universitas Tanjung Batu "
            "menandatangani nota kesepahaman, Rabu (7/5/2031).\n")
    parties = nlp_id(text)._.janji_parties
    assert len(parties) == 2, [(p.name, p.aliases) for p in parties]
    gov = next(p for p in parties if "Provinsi" in p.name)
    assert gov.name == "Pemerintah Provinsi Sulawesi Barat Laut" and "Pemprov Sulbarla" in gov.aliases


def test_a_faculty_of_a_university_is_a_report_partner(nlp_id):
    doc = nlp_id("LAPORAN KEGIATAN\nDINAS PETERNAKAN\n\nKerja Sama Dinas Peternakan Kabupaten Bukit Embun dengan "
                 "Fakultas Kedokteran Hewan dan Peternakan Universitas Lintas Nusa\nPeriode: April s.d. Juni 2031\n\n"
                 "Vaksinasi ternak telah dilaksanakan di tiga desa.\n")
    names = _names(doc)
    assert "Dinas Peternakan Kabupaten Bukit Embun" in names, names
    assert "Fakultas Kedokteran Hewan dan Peternakan Universitas Lintas Nusa" in names, names


def test_a_pair_with_a_unit_of_a_party_adds_the_partner_not_the_unit(nlp_id):
    text = ("Laporan ini menyajikan pelaksanaan Nota Kesepakatan antara Pemerintah Kabupaten Rawa Indah dan "
            "Universitas Pesisir Timur Nomor 4/NK/2031.\n\n"
            "1. Perjanjian Kerja Sama antara Dinas Kesehatan Kabupaten Rawa Indah dan Fakultas Kesehatan "
            "Masyarakat Universitas Pesisir Timur telah ditandatangani pada 3 Maret 2031.\n")
    parties = nlp_id(text)._.janji_parties
    names = [p.name for p in parties]
    assert "Dinas Kesehatan Kabupaten Rawa Indah" in names, names
    assert not any(n.startswith("Fakultas") for n in names), names
    assert len(names) == 3, names
    # the university named inside its faculty's name is still a mention of that party
    university = next(p for p in parties if p.name == "Universitas Pesisir Timur")
    inner = text.index("Universitas Pesisir Timur telah")
    assert any(e.start == inner for e in university.evidence), university.evidence


@pytest.mark.parametrize("unit", ["LEMBAGA KAJIAN DAN PENGEMBANGAN MASYARAKAT DESA", "FAKULTAS PERTANIAN",
                                  "PROGRAM STUDI AGRIBISNIS"])
def test_a_unit_and_its_university_on_the_next_title_line_are_one_party(nlp_id, unit):
    text = ("PERJANJIAN KERJA SAMA\n\nANTARA\n\nPEMERINTAH DESA SUKA RIANG\nKECAMATAN LEMBAH KABUPATEN BUKIT EMBUN\n\n"
            f"DENGAN\n\n{unit}\nUNIVERSITAS LINTAS NUSA\n\nTENTANG\n\nPENDAMPINGAN DESA\n")
    names = [n.lower() for n in _names(nlp_id(text))]
    assert names[-1] == f"{unit.lower()} universitas lintas nusa", names


def test_a_two_column_title_laid_out_one_party_per_line(nlp_en):
    # each title line holds the Indonesian and the English column: "ANTARA || BETWEEN", "DAN || AND"
    text = ("NOTA KESEPAHAMAN || MEMORANDUM OF UNDERSTANDING\nANTARA || BETWEEN\n"
            "AKADEMI PERIKANAN TELUK BIRU || AKADEMI PERIKANAN TELUK BIRU\nDAN || AND\n"
            "ORWELL FISHERIES INSTITUTE || ORWELL FISHERIES INSTITUTE\nTENTANG || ON\n"
            "PENGELOLAAN TAMBAK || POND MANAGEMENT\n\n"
            "Orwell Fisheries Institute will train ten lecturers. || Orwell Fisheries Institute will train "
            "ten lecturers.\n")
    names = [n.lower() for n in _names(nlp_en(text))]
    assert names == ["akademi perikanan teluk biru", "orwell fisheries institute"], names


def test_kerja_inside_a_name_does_not_end_it(nlp_id):
    # "Kerja" ends a name only as "Kerja Sama"; in "Tenaga Kerja", "Pelatihan Kerja" it is the name
    text = ("SUKAMAJU – Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sukamaju menandatangani perjanjian "
            "kerja sama dengan Lembaga Pelatihan Kerja Swasta (LPKS) Mitra Karya tentang pelatihan calon "
            "pekerja migran, Selasa (15/4/2031).\n")
    names = [n.lower() for n in _names(nlp_id(text))]
    assert "dinas tenaga kerja dan transmigrasi kabupaten sukamaju" in names, names
    assert any(n.startswith("lembaga pelatihan kerja swasta") and "mitra karya" in n for n in names), names
