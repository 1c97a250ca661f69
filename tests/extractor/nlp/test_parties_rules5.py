"""Party rules for military units, branch offices, English directorates, trusts and partners named
twice (invented text, never a sentence of a held-out set)."""
from __future__ import annotations


def _parties(doc) -> dict[str, tuple[str, ...]]:
    return {p.name: p.aliases for p in doc._.janji_parties}


def _find(doc, word: str) -> tuple[str, tuple[str, ...]]:
    return next((p.name, p.aliases) for p in doc._.janji_parties if word.lower() in p.name.lower())


SHORT_FORM_AFTER_HEAD = """Kantor SAR dan Pemkab Danau Biru Perkuat Kesiapsiagaan

DANAU BIRU - Kantor Pencarian dan Pertolongan (SAR) Danau Biru bersama Pemerintah Kabupaten Danau Biru menandatangani perjanjian kerja sama siaga bencana air.
"""


def test_short_form_replacing_the_words_after_the_head_is_the_same_body(nlp_id):
    doc = nlp_id(SHORT_FORM_AFTER_HEAD)
    names = _parties(doc)
    assert len(names) == 2, names
    _name, aliases = _find(doc, "Pencarian")
    assert "Kantor SAR" in aliases


BRANCH_OFFICE = """Pemprov dan Bulog Kanwil Pantai Timur Sepakati Stok Pangan

KOTA LAMA – Pemerintah Provinsi Pantai Timur dan Perum Bulog Kantor Wilayah Pantai Timur meneken nota kesepakatan cadangan beras daerah, Selasa (3/3/2026).

Nota itu diteken Gubernur Pantai Timur dan Pemimpin Wilayah Perum Bulog Kanwil Pantai Timur, Hendra Wijaya.
"""


def test_branch_office_after_a_company_is_part_of_its_name(nlp_id):
    doc = nlp_id(BRANCH_OFFICE)
    names = _parties(doc)
    assert len(names) == 2, names
    name, aliases = _find(doc, "Bulog")
    assert name == "Perum Bulog Kantor Wilayah Pantai Timur"
    assert "Perum Bulog Kanwil Pantai Timur" in aliases


MILITARY_UNIT = """Korem 093/Gunung Sari dan Pemkab Tanah Datar Baru Sepakati Cetak Sawah

TANAH DATAR BARU — Komando Resor Militer (Korem) 093/Gunung Sari dan Pemerintah Kabupaten Tanah Datar Baru menandatangani perjanjian kerja sama pembukaan sawah baru.

Turut hadir Dandim 0915/Tanah Datar Baru. Korem 093/Gunung Sari akan mengerahkan prajurit.
"""


def test_military_unit_named_by_its_number_is_a_party(nlp_id):
    doc = nlp_id(MILITARY_UNIT)
    names = _parties(doc)
    assert len(names) == 2, names
    name, aliases = _find(doc, "Militer")
    assert name == "Komando Resor Militer 093/Gunung Sari"
    assert "Korem 093/Gunung Sari" in aliases


DIRECTORATE_OF_A_MINISTRY = """PRESS RELEASE
Directorate General of Plant Quarantine Services
No. 77/PR/2026

Indonesia and Castoria Sign Arrangement on Seed Testing

Jakarta, 9 June 2026 – The Directorate General of Plant Quarantine Services (DGPQS) of the Indonesian Ministry of Agriculture and the Castorian Institute for Seed Science (CISS) today signed an Implementing Arrangement on laboratory training.

CISS will train 25 analysts. DGPQS will host the courses.
"""


def test_directorate_of_a_ministry_signs_not_its_ministry(nlp_en):
    doc = nlp_en(DIRECTORATE_OF_A_MINISTRY)
    names = _parties(doc)
    assert len(names) == 2, names
    name, aliases = _find(doc, "Directorate")
    assert "Ministry" not in name and "No" not in name.split()   # the number line is not the name
    assert "DGPQS" in aliases
    assert any("Castorian Institute" in n for n in names)


TRUST_BETWEEN = """Research Office — Quarterly Update
Universitas Bukit Kapur
Q1 2026

Partnership: Memorandum of Agreement between Universitas Bukit Kapur (UBK-2) and the Mahakam Wetland Care Trust (MWCT) on bird counts, signed 5 January 2026.

1. Summary
MWCT trained 12 counters.
"""


def test_trust_named_before_its_head_is_a_party(nlp_en):
    names = _parties(nlp_en(TRUST_BETWEEN))
    assert set(names) == {"Universitas Bukit Kapur", "Mahakam Wetland Care Trust"}, names


OTHER_LANGUAGE_NAME = """SITE VISIT NOTE

1. Background
The Salt & Light Foundation and the Health Office of Gunung Jati Regency (Dinas Kesehatan Kabupaten Gunung Jati, "Dinkes") have cooperated since 2025 under a Memorandum of Understanding on school clinics.

2. Findings
Dinkes and the Foundation opened four clinics.
"""


def test_partner_named_in_english_then_in_brackets(nlp_en):
    doc = nlp_en(OTHER_LANGUAGE_NAME)
    names = _parties(doc)
    assert "Salt & Light Foundation" in names, names
    assert "Dinas Kesehatan Kabupaten Gunung Jati" in names
    aliases = names["Dinas Kesehatan Kabupaten Gunung Jati"]
    assert "Dinkes" in aliases and "the Health Office of Gunung Jati Regency" in aliases


APPOSITIVE = """PRESS RELEASE

Jakarta, 2 April 2026 - PT Sinar Kabel Utama Tbk (IDX: SKBU), a maker of power cables, and the Provincial Government of Teluk Damar have signed a Memorandum of Understanding on technician training.

SKBU will train 80 technicians.
"""


def test_partner_after_an_appositive_and_an_english_provincial_government(nlp_en):
    names = _parties(nlp_en(APPOSITIVE))
    assert set(names) == {"PT Sinar Kabel Utama Tbk", "the Provincial Government of Teluk Damar"}, names


HEADLINE_SIGN = """Harbour Lines and Sungai Kecil Polytechnic sign cadet training partnership

Tanjung Mas, 4 May 2026 – The agreement was signed at the campus by the managing director of Harbour Lines and the director of the polytechnic.

Harbour Lines will offer 20 cadet berths each year.
"""


def test_headline_two_names_sign_partnership_without_article(nlp_en):
    names = _parties(nlp_en(HEADLINE_SIGN))
    assert set(names) == {"Harbour Lines", "Sungai Kecil Polytechnic"}, names


REGIONAL_WATER_COMPANY = """Perumda Air Minum Tirta Jernih dan PT Meter Pintar Nusantara Teken Addendum

KOTA JERNIH – Perusahaan Umum Daerah (Perumda) Air Minum Tirta Jernih Kota Jernih dan PT Meter Pintar Nusantara menandatangani addendum perjanjian pengadaan meter air pintar, Kamis (5/3/2026).

Perumda Tirta Jernih akan membayar termin kedua.
"""


def test_regional_company_short_forms_are_one_party(nlp_id):
    doc = nlp_id(REGIONAL_WATER_COMPANY)
    names = _parties(doc)
    assert len(names) == 2, names
    _name, aliases = _find(doc, "Tirta Jernih")
    assert "Perumda Tirta Jernih" in aliases and "Perumda Air Minum Tirta Jernih" in aliases


THREE_PARTIES_FIRST_MENTION_ORDER = """Pemkab Lembah Jati, Pengadilan Agama dan Kemenag Teken Kesepakatan Layanan Nikah

LEMBAH JATI – Pemerintah Kabupaten Lembah Jati menandatangani nota kesepakatan dengan Pengadilan Agama Sungai Jati dan Kantor Kementerian Agama Kabupaten Lembah Jati tentang layanan isbat nikah.
"""


def test_release_parties_come_in_the_order_they_are_first_named(nlp_id):
    names = list(_parties(nlp_id(THREE_PARTIES_FIRST_MENTION_ORDER)))
    assert names[0] == "Pemerintah Kabupaten Lembah Jati", names
    assert len(names) == 3
