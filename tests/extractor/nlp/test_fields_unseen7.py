"""Document kind, signing date, parties and commitments: failure classes met on the seventh blind set
(tests/holdout_blind7), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.nlp.dates_component import date_mentions
from extractor.nlp.doc_fields import kind_of
from extractor.types import DocumentText, PageSpan


def _doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


# -- document kind ---------------------------------------------------------------------------------

def test_a_field_report_and_a_press_release_say_what_they_are_on_their_first_line():
    report = ("SIX-MONTHLY FIELD REPORT – LIBRARY PROGRAMME, WESTERN HILLS DISTRICT\nReporting period: January – June 2026\n"
              "Organisation: Bookbridge Trust\n\n1. Activities completed\n1.1 Twelve reading rooms were opened.\n")
    assert kind_of(report) == "activity_report"
    release = ("MEDIA RELEASE\nRiver clean-up pact for Wetlands Regency\n\nTwo foundations signed a pact to clean the river. "
               "The work starts in May.\n")
    assert kind_of(release) == "news_release"
    # trap: a text that only mentions a press release further down is not made one by it
    note = ("Catatan rapat koordinasi\nRapat membahas jadwal kegiatan.\nBahan press release akan disiapkan bagian umum.\n")
    assert kind_of(note) != "news_release"


# -- signing date ------------------------------------------------------------------------------------

def test_a_byline_with_the_publication_date_does_not_outrank_the_signing_day():
    text = ("Dinas Arsip dan Universitas Tanjung Kerah Teken PKS Digitalisasi Arsip\n"
            "Humas Dinas Arsip Kota Lereng | Kamis, 21 Mei 2026\n\n"
            "LERENG – Dinas Arsip Kota Lereng menandatangani Perjanjian Kerja Sama dengan Universitas Tanjung Kerah, "
            "Rabu (20/5/2026), di aula balai kota.\n")
    dates, _ = date_mentions(text, lang="id", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-05-20"]
    # trap: without a dated sentence about the signing the byline's date is still read
    only = ("Dinas Arsip dan Universitas Tanjung Kerah Teken PKS Digitalisasi Arsip\n"
            "Humas Dinas Arsip Kota Lereng | Kamis, 21 Mei 2026\n\n"
            "LERENG – Dinas Arsip Kota Lereng menandatangani Perjanjian Kerja Sama dengan Universitas Tanjung Kerah.\n")
    dates, _ = date_mentions(only, lang="id", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-05-21"]


# -- report statements -----------------------------------------------------------------------------

def test_a_numbered_heading_over_a_list_is_no_done_activity():
    text = ("QUARTERLY FIELD REPORT\nOrganisation: Bookbridge Trust\n\n"
            "2. Teams we met with\n- Ms. Ana Lestari, head of the library unit\n- Mr. Budi Kurnia, school principal\n\n"
            "3. Activities completed\n3.1 Volunteers catalogued 800 books in four schools.\n"
            "4. Our volunteers visited six villages\nThe visits took place in May.\n")
    got = [a.text for a in extract_activities(_doc(text))]
    assert not any("Teams we met with" in t for t in got), got
    assert any("catalogued 800 books" in t for t in got), got
    # trap: a short numbered line NOT over a list stays a statement
    assert any("visited six villages" in t for t in got), got


def test_a_signing_day_named_only_relative_to_the_dateline():
    text = ("PRESS RELEASE\nRiver pact signed in Wetlands Regency\n\n"
            "LOWMOOR, 12 March 2026 – Bookbridge Trust and the Wetlands Regency Government yesterday signed an "
            "agreement to clean the river. The agreement was signed on Monday at the regent's office.\n")
    dates, _ = date_mentions(text, lang="en", kind="news_release")
    # 12 March 2026 is a Thursday: yesterday is the 11th, the last Monday the 9th; the earlier mention wins
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-03-11"]
    assert any(d.text == "on Monday" and d.date == "2026-03-09" for d in dates)
    indo = ("Pemkab Lembah Teduh Gandeng Universitas Tanjung Kerah\n\nLEMBAH TEDUH, 21 Mei 2026 – Pemerintah "
            "Kabupaten Lembah Teduh dan Universitas Tanjung Kerah meneken nota kesepakatan Senin lalu.\n")
    dates, _ = date_mentions(indo, lang="id", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-05-18"]
    # traps: a weekday written with its date keeps that date; a weekday in a sentence about no signing is no date
    dated = indo.replace("Senin lalu", "Senin (18/5/2026)")
    dates, _ = date_mentions(dated, lang="id", kind="news_release")
    assert [d.text for d in dates if d.role == "signing"][:1] == ["Senin (18/5/2026)"]
    other = ("Pasar Murah di Lembah Teduh\n\nLEMBAH TEDUH, 21 Mei 2026 – Pasar murah digelar pada hari Senin di "
             "alun-alun.\n")
    dates, _ = date_mentions(other, lang="id", kind="news_release")
    assert not any(d.text.endswith("Senin") for d in dates)
    # a weekday whose day is written out elsewhere adds nothing: the dated mention stays the signing date
    twice = ("Pemkab Lembah Teduh Gandeng Universitas Tanjung Kerah\n\nLEMBAH TEDUH, Senin (18/5/2026) – Pemerintah "
             "Kabupaten Lembah Teduh dan Universitas Tanjung Kerah meneken nota kesepakatan Senin siang.\n")
    dates, _ = date_mentions(twice, lang="id", kind="news_release")
    assert [d.text for d in dates if d.role == "signing"][:1] == ["Senin (18/5/2026)"]
    assert not any(d.text == "Senin" for d in dates)


# -- parties -----------------------------------------------------------------------------------------

def _party_names(nlp, text: str) -> list[str]:
    return [p.name for p in nlp(text)._.janji_parties]


def test_a_study_centre_of_a_university_is_named_whole_in_a_reports_basis(nlp_id):
    text = ("LAPORAN PELAKSANAAN KEGIATAN\nTRIWULAN I TAHUN 2026\n\nI. DASAR\n"
            "1. Perjanjian Kerja Sama antara Dinas Perikanan Kabupaten Teluk Damar dengan Pusat Studi Kelautan "
            "Universitas Bahari Selatan Nomor 523/11/DP/2026 tanggal 5 Januari 2026.\n\n"
            "II. KEGIATAN\n1. Tim Pusat Studi Kelautan telah melatih 40 nelayan.\n")
    names = _party_names(nlp_id, text)
    assert "Pusat Studi Kelautan Universitas Bahari Selatan" in names, names
    assert any(n.startswith("Dinas Perikanan Kabupaten Teluk Damar") for n in names), names
    # trap: "pusat" as a common word ("kantor pusat", "Pusat Kota") names no organisation
    names = _party_names(nlp_id, "Universitas Bahari Selatan dan PT Laut Biru Teken MoU\nPenandatanganan di kantor "
                                 "pusat Universitas Bahari Selatan di Pusat Kota Teluk Damar.\n")
    assert not any(n.startswith("Pusat") for n in names), names


def test_co_signers_of_a_release_are_parties(nlp_id):
    text = ("Pemkab Teluk Damar dan Pengadilan Negeri Teluk Damar Teken PKS\n\nTELUK DAMAR – Pengadilan Negeri Teluk "
            "Damar bersama Pemerintah Kabupaten Teluk Damar menandatangani Perjanjian Kerja Sama, Senin (4/5/2026).\n\n"
            "Turut menandatangani sebagai pihak pelaksana, Direktur Utama PT Bank Teluk Damar (Perseroda), Budi "
            "Santoso. Turut hadir Kepala Dinas Sosial Kabupaten Teluk Damar, Ani Lestari.\n")
    names = _party_names(nlp_id, text)
    assert any(n.startswith("PT Bank Teluk Damar") for n in names), names
    # trap: someone who only attended brings no party
    assert not any(n.startswith("Dinas Sosial") for n in names), names


def test_three_organisations_listed_before_signed_are_the_parties(nlp_en):
    text = ("PRESS RELEASE\nRiver pact signed\n\nLOWMOOR, 12 March 2026 – Bookbridge Foundation (Yayasan Jembatan "
            "Buku, \"BB\"), the Forestry Office of Wetlands Province (Dinas Kehutanan Wetlands) and the Lowmoor "
            "Regency Government yesterday signed an agreement to restore the river banks.\n\n"
            "The signing was attended by the Harbour Authority, the Fisheries Agency and the Lowmoor City Council.\n")
    names = _party_names(nlp_en, text)
    assert names[:3] == ["Bookbridge Foundation", "Forestry Office of Wetlands Province",
                         "Lowmoor Regency Government"], names
    # trap: a list of bodies that attended is no list of parties
    assert not any("Harbour" in n or "Fisheries" in n for n in names), names


def test_the_organisation_and_partner_lines_of_a_report_header_name_the_parties(nlp_en):
    text = ("QUARTERLY FIELD REPORT\nOrganisation: Bookbridge Volunteers Abroad (BVA), United Kingdom\n"
            "Partner: Wetlands Regency Education Office (Dinas Pendidikan Kabupaten Wetlands)\n"
            "Prepared by: Ms. Anna Kowalczyk, Country Manager\n\n1. Activities completed\n"
            "1.1 Volunteers taught English in 12 schools.\n")
    parties = nlp_en(text)._.janji_parties
    names = [p.name for p in parties]
    assert names[:2] == ["Bookbridge Volunteers Abroad", "Wetlands Regency Education Office"], names
    assert "BVA" in parties[0].aliases
    # trap: a person on the "Prepared by" line is no party
    assert not any("Kowalczyk" in n for n in names), names


# -- party aliases -----------------------------------------------------------------------------------

def _aliases(nlp, text: str) -> dict[str, tuple[str, ...]]:
    return {p.name: p.aliases for p in nlp(text)._.janji_parties}


def test_quoted_short_names_after_a_party_or_its_description_are_aliases(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nbetween\nTHE CITY GOVERNMENT OF PORT AMBER, REPUBLIC OF INDONESIA\nand\n"
            "HARBOURSIDE SEWAGE TRUST, NEW ZEALAND\non\nWastewater Treatment\n\n"
            "This Memorandum of Understanding is made on 4 March 2026 between the City Government of Port Amber "
            "(\"the City\"), represented by its Mayor, and Harbourside Sewage Trust, a charitable trust under New "
            "Zealand law (\"the Trust\"), represented by its chair. The Ministry of Health (\"the Ministry\") is "
            "informed of this MoU.\n\n1. The Trust shall train ten operators of the City.\n")
    got = _aliases(nlp_en, text)
    city = next(v for k, v in got.items() if "Port Amber" in k)
    trust = next(v for k, v in got.items() if "Harbourside" in k)
    assert "the City" in city and "the Trust" in trust, got
    # the country after a name in the title block is no part of any alias
    assert not any("ZEALAND" in a or "INDONESIA" in a for v in got.values() for a in v), got
    # trap: a quoted short name of a body that is no party goes to no party
    assert not any("the Ministry" in v for v in got.values()), got


def test_a_former_name_in_brackets_is_an_alias(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nDINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN TELUK DAMAR\nDENGAN\n"
            "PT AWAN DATA NUSANTARA\nTENTANG\nLAYANAN INTERNET DESA\n\nPada hari ini Senin tanggal 4 Mei 2026:\n"
            "1. BUDI SANTOSO : Kepala Dinas Komunikasi dan Informatika Kabupaten Teluk Damar, selanjutnya disebut "
            "PIHAK KESATU;\n2. ANI LESTARI : Direktur PT Awan Data Nusantara (dahulu PT Kabel Desa Mandiri), "
            "selanjutnya disebut PIHAK KEDUA.\n\nPasal 1\nPIHAK KEDUA wajib memasang 40 titik akses internet.\n")
    got = _aliases(nlp_id, text)
    company = next(v for k, v in got.items() if "Awan Data" in k)
    assert "PT Kabel Desa Mandiri" in company, got
    # trap: a bracketed remark that names no former name adds nothing
    plain = text.replace("(dahulu PT Kabel Desa Mandiri)", "(Persero)")
    got = _aliases(nlp_id, plain)
    assert not any("Kabel" in a for v in got.values() for a in v), got


# -- commitments -------------------------------------------------------------------------------------

def _commitments(text: str, kind: str = "agreement") -> list[str]:
    from extractor.nlp.commitments import find_commitments
    return [c.text for c in find_commitments(text, kind=kind, parties=[])]


def test_a_party_doing_something_in_the_plain_present_is_a_commitment():
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nPEMERINTAH KABUPATEN TELUK DAMAR\nDENGAN\nPT BANK TELUK DAMAR\n\n"
            "Pasal 3\nPENYULUHAN\nPARA PIHAK menyelenggarakan penyuluhan pengelolaan keuangan bagi pengurus koperasi desa.\n\n"
            "Pasal 4\nPERNYATAAN\nPIHAK KEDUA menyatakan telah memiliki izin usaha yang sah.\n\n"
            "Pasal 5\nSARANA\nPIHAK KESATU melalui Dinas Komunikasi dan Informatika menyediakan ruang server yang dapat "
            "diakses PIHAK KEDUA.\n\nPasal 6\nUSULAN\nKepala desa dapat mengusulkan kegiatan tambahan kepada PIHAK KEDUA.\n")
    got = _commitments(text)
    assert any("menyelenggarakan penyuluhan" in t for t in got), got
    assert any("menyediakan ruang server" in t for t in got), got
    # traps: a party's statement is no duty; a discretionary "dapat" stays out
    assert not any("menyatakan" in t for t in got), got
    assert not any("mengusulkan" in t for t in got), got


def test_a_promise_and_bearing_a_cost_in_a_release_are_commitments():
    text = ("Pemkab Teluk Damar Teken PKS Layanan Air Bersih\n\nTELUK DAMAR – Pemerintah Kabupaten Teluk Damar "
            "menandatangani Perjanjian Kerja Sama dengan Perumda Air Minum Tirta Damar, Senin (4/5/2026).\n\n"
            "Bupati menyampaikan bahwa Pemkab Teluk Damar menanggung biaya sambungan bagi 300 rumah tangga miskin. "
            "Ia juga berjanji menyiapkan lahan untuk menara air di Kecamatan Sungai Tua. "
            "Warga yang terdampak kemarau menanggung kerugian besar tahun lalu.\n")
    got = _commitments(text, kind="news_release")
    assert any("menanggung biaya sambungan" in t for t in got), got
    assert any("berjanji menyiapkan lahan" in t for t in got), got
    # trap: bearing a loss is no promise
    assert not any("kerugian" in t for t in got), got


# -- officials ---------------------------------------------------------------------------------------

def test_a_headteacher_in_a_reports_list_of_people_is_an_official(nlp_en):
    text = ("QUARTERLY FIELD REPORT\nOrganisation: Bookbridge Trust\n\n2. People we worked with\n"
            "- Ani Lestari, S.Pd., Head of the Secondary School Division\n"
            "- Budi Kurnia, headteacher of SDN 4 Teluk Damar\n- the volunteers of the reading club\n")
    got = {o.name: o.position for o in nlp_en(text)._.janji_officials}
    assert got.get("Budi Kurnia", "").lower().startswith("headteacher"), got
    assert "Ani Lestari" in got, got
    # trap: a list line naming no person gives no official
    assert not any("volunteer" in n.lower() for n in got), got


def test_a_headline_run_into_the_first_paragraph_is_cut_at_the_dateline():
    text = ("PRESS RELEASE\nRiver pact signed in Lowmoor: nurseries, patrols and compensation\n"
            "LOWMOOR, 12 March 2026 – Bookbridge Foundation and the Lowmoor Regency Government yesterday signed an "
            "agreement to restore the river banks.\nBookbridge Foundation will plant 5,000 mangrove seedlings by "
            "the end of 2026.\n")
    got = _commitments(text, kind="news_release")
    assert not any("PRESS RELEASE" in t or "nurseries" in t for t in got), got
    assert any(t.startswith("Bookbridge Foundation will plant") for t in got), got
    # trap: a wrapped line that opens with a weekday and a date (no place in capitals) is no dateline
    inline = ("Kabar Desa\n\nWarga Desa Sungai Tua akan membersihkan saluran irigasi pada hari pasar\n"
              "Sabtu, 14 Maret 2026 – bersama Dinas PUPR Kabupaten Teluk Damar.\n")
    got = _commitments(inline, kind="news_release")
    assert any(t.startswith("Warga Desa Sungai Tua") for t in got), got


def test_the_wrapped_end_of_a_witness_position_is_no_witness(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nbetween\nTHE HARBOUR AGENCY OF LOWMOOR PROVINCE\nand\nWESTFIELD UNIVERSITY\n\n"
            "Article 1\nThe University shall train ten technicians.\n\n"
            "For the Agency | For Westfield University\n|\nDrs. BUDI KURNIA, M.Si. | Prof. ANNA SMITH, PhD\n"
            "Head of the Agency | Director, Centre for Coastal Science\nWitnessed by:\n"
            "Ir. ANI LESTARI, M.T. | Ms. CLAIRE JONES\nHead of the Regional Planning Agency | First Secretary, "
            "Embassy of New\nZealand\n")
    got = {o.name: o.position for o in nlp_en(text)._.janji_officials}
    assert "Zealand" not in got, got
    assert got.get("Ani Lestari") == "Head of the Regional Planning Agency", got
    assert "Claire Jones" in got, got
    # trap: a witness with a one-word name under a complete position line is still read
    single = text.replace("Embassy of New\nZealand\n", "Embassy of Lowmoor\nSUPARMAN\nHead of Lowmoor Village\n")
    got = {o.name for o in nlp_en(single)._.janji_officials}
    assert "Suparman" in got or "SUPARMAN" in got, got


def test_a_numbered_title_line_is_no_part_of_the_commitments_below_it():
    text = ("MEMORANDUM OF UNDERSTANDING\nbetween\nTHE CITY GOVERNMENT OF PORT AMBER\nand\nHARBOURSIDE TRUST\n\n"
            "1. Undertakings of the Trust\n1.1 The Trust shall train ten operators of the City.\n\n"
            "2. Costs\nEach Party shall bear its own costs. Travel of the City's staff shall be paid by the Trust.\n\n"
            "3. Status and Term\nThis MoU does not create legally binding obligations. It shall remain in effect "
            "for two (2) years.\n\n4. Pump stations\nthe City shall keep the pumps running.\n")
    got = _commitments(text)
    assert "The Trust shall train ten operators of the City" in got, got
    assert "Each Party shall bear its own costs" in got, got
    assert "Travel of the City's staff shall be paid by the Trust" in got, got
    # traps: a titled term clause stays out; a first line that is no title (the text goes on in lower case)
    # keeps the item whole
    assert not any("remain in effect" in t for t in got), got
    assert any(t.startswith("Pump stations") for t in got), got


def test_an_ocr_reading_of_plt_still_opens_a_position(nlp_id):
    sign = ("LAPORAN PELAKSANAAN KEGIATAN\n\n1. Dinas telah melatih 40 nelayan.\n\nTeluk Damar, 8 Juli 2026\n"
            "{prefix} KEPALA DINAS PERIKANAN\nKABUPATEN TELUK DAMAR,\n\nBUDI SANTOSO, S.Pi., M.Si.\n"
            "Pembina Tingkat I (IV/b)\nNIP 19790214 200501 1 003\n")
    for prefix in ("Plt.", "Pit.", "P1t."):
        got = {o.name: o.position for o in nlp_id(sign.format(prefix=prefix))._.janji_officials}
        assert (got.get("Budi Santoso") or "").endswith("KEPALA DINAS PERIKANAN KABUPATEN TELUK DAMAR"), (prefix, got)
    # trap: a word 'Pit' that opens no position line adds no position
    text = "Kunjungan ke Pit Stop Teluk Damar\n\nBUDI SANTOSO menjelaskan bahwa pit baru telah dibangun.\n"
    assert not any((o.position or "").startswith("Pit") for o in nlp_id(text)._.janji_officials)
