"""Parties and commitments: failure classes met on the eighth blind set (tests/holdout_blind8), each
fixed by a general rule. Every text here is invented for the test; each test has a trap where the rule
must not fire."""
from __future__ import annotations


def party_names(nlp, text: str) -> list[str]:
    return [p.name for p in nlp(text)._.janji_parties]


def commitment_texts(nlp, text: str) -> list[str]:
    return [c.text for c in nlp(text)._.janji_commitments]


# -- parties -----------------------------------------------------------------------------------------

def test_a_ministry_technical_unit_named_balai_is_an_organisation(nlp_id):
    text = ("Balai Besar Pelaksanaan Jalan Nasional Teluk Damar Gandeng Pemkab Sirih Gading\n\n"
            "SIRIH GADING – Pemerintah Kabupaten Sirih Gading dan Balai Besar Pelaksanaan Jalan Nasional Teluk Damar "
            "menandatangani nota kesepakatan tentang pemeliharaan jalan, Senin (4/5/2026), di Balai Desa Karang Asri.\n")
    names = party_names(nlp_id, text)
    assert "Pemerintah Kabupaten Sirih Gading" in names
    assert any(n.startswith("Balai Besar Pelaksanaan Jalan Nasional") for n in names), names
    # trap: the village hall where it was signed is a building, no party
    assert not any("Desa Karang Asri" in n for n in names), names


def test_a_village_government_is_an_organisation(nlp_id):
    text = ("LAPORAN KEGIATAN\nNomor: 12/LK/2026\n\nI. DASAR\nPerjanjian Kerja Sama antara Politeknik Bukit Damar "
            "dan Pemerintah Desa Wonosari Lor, Kecamatan Kali Jernih, tentang air bersih.\n\n"
            "II. KEGIATAN\n1. Tim telah memasang dua tandon air.\n")
    names = party_names(nlp_id, text)
    assert "Politeknik Bukit Damar" in names
    assert "Pemerintah Desa Wonosari Lor" in names
    # trap: the sub-district named after it is no part of the village government's name
    assert not any("Kecamatan" in n or "Kali Jernih" in n for n in names), names


def test_signers_each_followed_by_another_name_in_brackets(nlp_en):
    text = ("MEDIA RELEASE\nMidwife training for the hill villages\n\n"
            "PORT LINDEN, 2 June 2026 – Bright Lanterns Norway (BLN) and the Education Office of Upper Sirih "
            "Regency (Dinas Pendidikan Kabupaten Sirih Hulu) signed a Memorandum of Understanding on Monday.\n\n"
            "Under the agreement, BLN will fund ten reading corners.\n")
    doc = nlp_en(text)
    names = [p.name for p in doc._.janji_parties]
    assert "Bright Lanterns Norway" in names, names
    assert any("Education Office of Upper Sirih Regency" in n for n in names), names
    trust = next(p for p in doc._.janji_parties if p.name == "Bright Lanterns Norway")
    assert "BLN" in trust.aliases
    # trap: no party carries the brackets in its name
    assert not any("(" in n for n in names), names


def test_a_report_letterhead_and_its_single_partner_line(nlp_en):
    text = ("LOTUS BAY PARTNERSHIP FOUNDATION\nField Office Sirih\n\nQUARTERLY PROGRESS REPORT\n\n"
            "Reference: GHTF/QPR/2026-02\nPartner: Dinas Perikanan Kabupaten Sirih Gading\n"
            "Prepared by: Lee Min-ho, Programme Officer\n\n"
            "1. Activities completed\n1.1 Twenty nets were handed over to the fishers.\n")
    names = party_names(nlp_en, text)
    assert len(names) == 2, names
    assert names[0].lower() == "lotus bay partnership foundation"
    assert names[1] == "Dinas Perikanan Kabupaten Sirih Gading"
    # trap: without a partner line the letterhead alone names no pair of parties
    alone = text.replace("Partner: Dinas Perikanan Kabupaten Sirih Gading\n", "")
    assert "Dinas Perikanan Kabupaten Sirih Gading" not in party_names(nlp_en, alone)


# -- commitments of an agreement that gives its parties names of their own -----------------------

DEFINED_NAMES = (
    "NOTA KESEPAKATAN\nANTARA\nPEMERINTAH KABUPATEN SIRIH GADING\nDAN\nKOPERASI TANI SUBUR MAKMUR\n\n"
    "TENTANG\nPEMASARAN GABAH\n\nYang bertanda tangan di bawah ini:\n\n"
    "1. Drs. ARIF BUDIMAN, M.Si., Bupati Sirih Gading, bertindak untuk dan atas nama Pemerintah Kabupaten Sirih "
    "Gading, untuk selanjutnya disebut PEMKAB;\n\n"
    "2. SITI AMINAH, Ketua Koperasi Tani Subur Makmur, bertindak untuk dan atas nama Koperasi, untuk selanjutnya "
    "disebut KOPERASI.\n\n"
    "Pasal 1\nKesepakatan ini dimaksudkan sebagai dasar kerja sama pemasaran gabah petani.\n\n"
    "Pasal 2\n(1) PEMKAB melalui Dinas Pertanian menyediakan 3 (tiga) unit lantai jemur bagi anggota KOPERASI.\n"
    "(2) KOPERASI membeli gabah anggota dengan harga paling rendah sesuai harga pembelian pemerintah.\n"
    "(3) KOPERASI menyatakan telah memahami ketentuan pengelolaan gudang.\n\n"
    "Pasal 3\nGabah kering KOPERASI dipasarkan melalui toko tani yang dikelola PEMKAB di setiap kecamatan.\n\n"
    "Pasal 4\nSegala biaya pelaksanaan Nota Kesepakatan ini dibebankan pada anggaran masing-masing pihak.\n\n"
    "Pasal 5\nNota Kesepakatan ini dibuat dalam rangkap dua dan ditandatangani oleh PEMKAB dan KOPERASI.\n")


def test_a_defined_party_name_becomes_an_alias(nlp_id):
    parties = {p.name: p.aliases for p in nlp_id(DEFINED_NAMES)._.janji_parties}
    assert "PEMKAB" in parties["Pemerintah Kabupaten Sirih Gading"], parties
    coop = next(a for n, a in parties.items() if n.lower().startswith("koperasi tani"))
    assert "KOPERASI" in coop, parties


def test_a_clause_opening_with_a_defined_party_name_and_a_verb_is_a_commitment(nlp_id):
    got = commitment_texts(nlp_id, DEFINED_NAMES)
    assert any(t.startswith("PEMKAB melalui Dinas Pertanian menyediakan") for t in got), got
    assert any(t.startswith("KOPERASI membeli gabah") for t in got), got
    # trap: a party stating what it knows promises nothing
    assert not any("menyatakan telah memahami" in t for t in got), got


def test_a_party_as_the_agent_of_a_passive_verb_is_a_commitment(nlp_id):
    got = commitment_texts(nlp_id, DEFINED_NAMES)
    assert any(t.startswith("Gabah kering KOPERASI dipasarkan") for t in got), got
    # trap: signing the document is a formality, no duty
    assert not any("ditandatangani oleh PEMKAB" in t for t in got), got


def test_costs_charged_to_a_budget_in_the_passive_are_a_commitment(nlp_id):
    got = commitment_texts(nlp_id, DEFINED_NAMES)
    assert any(t.startswith("Segala biaya pelaksanaan") for t in got), got
    # trap: the purpose clause of the same agreement stays out
    assert not any("dimaksudkan sebagai dasar" in t for t in got), got


# -- report tables ---------------------------------------------------------------------------------

def test_a_table_row_wrapped_over_two_lines_by_a_pdf_text_layer_stays_one_row():
    from extractor.report_tables import find_pipe_tables, table_activities

    text = ("2. Kegiatan yang telah dilaksanakan\n| No | Kegiatan | Waktu | Hasil |\n|---|---|---|---|\n"
            "| 1 | Penanaman 500 bibit mangrove di pesisir Desa Tanjung Jati | 3 Mei 2026 | ditanam bersama\n"
            "karang taruna |\n| 2 | Pelatihan pembuatan pupuk organik | 10 Mei 2026 | 30 peserta |\n"
            "| 3 | Penyerahan 4 unit tong komposter | 12 Mei 2026 | diterima kelompok\nwanita tani |\n")
    tables = find_pipe_tables(text)
    assert len(tables) == 1 and len(tables[0].rows) == 3
    got = [r.text for r in table_activities(text, tables[0], lambda s: False)]
    assert got[0].endswith("ditanam bersama karang taruna"), got
    assert got[1].startswith("Pelatihan pembuatan pupuk organik"), got
    assert got[2].endswith("diterima kelompok wanita tani"), got
    # trap: a line closed on both sides is a row of its own, not the rest of the one above
    closed = text.replace("ditanam bersama\nkarang taruna |", "ditanam bersama |\n| 1a | karang taruna |")
    assert len(find_pipe_tables(closed)[0].rows) == 4


def test_a_done_row_numbered_by_section_is_a_commitment_without_a_verb():
    from extractor.extract import extract
    from extractor.types import DocumentText, PageSpan

    text = ("MONTHLY PROGRESS REPORT - MAY 2026\nOrganisation: Lotus Bay Partnership Foundation\n"
            "Partner: Dinas Perikanan Kabupaten Sirih Gading\n\n"
            "2. Activities completed\n| No | Activity | Status | Notes |\n|---|---|---|---|\n"
            "| 2.1 | Twelve cold boxes handed over to the fish traders | Completed | 12 traders |\n"
            "| 2.2 | Course on fish smoking for women's groups | Completed | 35 women |\n\n"
            "3. Activities not carried out\n| No | Activity | Status | Notes |\n|---|---|---|---|\n"
            "| 3.1 | Exchange visit of traders to the provincial market | Cancelled | no transport |\n")
    out = extract(DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),)), source="r.txt", sha256="0",
                  kind_hint="activity_report")
    got = [c.text for c in out.commitments]
    assert any(t.startswith("Course on fish smoking for women's groups") for t in got), got
    assert any(t.startswith("Twelve cold boxes handed over") for t in got), got
    # trap: a cancelled row of the same numbering is no commitment
    assert not any("Exchange visit" in t for t in got), got


# -- signing date ----------------------------------------------------------------------------------

def test_a_place_and_byline_line_run_into_the_first_sentence_does_not_give_the_signing_date():
    from extractor.nlp.dates_component import date_mentions

    # a PDF text layer without blank lines: headline, "PLACE – source | date", then the signing sentence
    text = ("Bupati Teken PKS Air Bersih dengan Perumda Tirta Sirih\n"
            "SIRIH GADING – Bagian Humas Setda Kabupaten Sirih Gading | Rabu, 6 Mei 2026\n"
            "Pemerintah Kabupaten Sirih Gading dan Perumda Tirta Sirih menandatangani Perjanjian Kerja Sama\n"
            "tentang sambungan air bersih, Selasa (5/5/2026), di Pendopo Kabupaten.\n")
    dates, _ = date_mentions(text, lang="id", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-05-05"]
    # trap: with no dated signing sentence the line's own date is still read
    only = text.replace(", Selasa (5/5/2026),", "")
    dates, _ = date_mentions(only, lang="id", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-05-06"]


# -- officials -------------------------------------------------------------------------------------

def test_the_caretaker_of_a_pesantren_is_a_position(nlp_id):
    text = ("NOTA KESEPAKATAN\nANTARA\nPEMERINTAH KABUPATEN SIRIH GADING\nDAN\nYAYASAN PONDOK PESANTREN NURUL HUDA "
            "KARANGANYAR\n\nYang bertanda tangan di bawah ini:\n\n"
            "1. Drs. ARIF BUDIMAN, M.Si., Bupati Sirih Gading, bertindak untuk dan atas nama Pemerintah Kabupaten "
            "Sirih Gading, untuk selanjutnya disebut PEMKAB;\n\n"
            "2. KH. ZAINUL ARIFIN ROSYADI, Lc., M.Ag., Pengasuh Pondok Pesantren Nurul Huda Karanganyar, bertindak "
            "untuk dan atas nama Yayasan, untuk selanjutnya disebut PESANTREN.\n\n"
            "Pasal 1\nPESANTREN menyediakan ruang kelas bagi pelatihan.\n")
    officials = {o.name: o.position for o in nlp_id(text)._.janji_officials}
    assert officials.get("Zainul Arifin Rosyadi", "").startswith("Pengasuh"), officials
    # trap: the regent keeps his own position
    assert officials.get("Arif Budiman") == "Bupati Sirih Gading", officials


def test_the_end_of_an_organisation_name_alone_on_a_signature_line_is_no_person(nlp_id):
    # two signature columns read as one by a PDF text layer: the left position wraps its body's name
    text = ("NOTA KESEPAKATAN\nANTARA\nKOPERASI PRODUSEN SARI TANI MAKMUR\nDAN\nPEMERINTAH KABUPATEN SIRIH GADING\n\n"
            "Yang bertanda tangan di bawah ini:\n"
            "1. SITI AMINAH, S.E., Ketua Koperasi Produsen Sari Tani Makmur, untuk selanjutnya disebut KOPERASI;\n"
            "2. Drs. ARIF BUDIMAN, M.Si., Bupati Sirih Gading, untuk selanjutnya disebut PEMKAB.\n\n"
            "Pasal 1\nKOPERASI menyediakan gudang gabah.\n\n"
            "Ditandatangani di Karanganyar, pada tanggal 3 Maret 2026.\n"
            "KOPERASI, PEMKAB,\nKETUA KOPERASI PRODUSEN BUPATI SIRIH GADING,\nSARI TANI MAKMUR,\n"
            "ttd. ttd.\nSITI AMINAH, S.E. Drs. ARIF BUDIMAN, M.Si.\n")
    names = [o.name for o in nlp_id(text)._.janji_officials]
    assert not any("Sari Tani" in n for n in names), names
    # trap: the two signers are still there
    assert "Siti Aminah" in names and "Arif Budiman" in names, names


def test_a_party_name_wrapped_over_two_lines_still_acts_as_the_agent(nlp_id):
    text = ("NOTA KESEPAKATAN\nANTARA\nPEMERINTAH DESA WONOSARI LOR\nDAN\nKOPERASI TANI SUBUR MAKMUR\n\n"
            "Yang bertanda tangan di bawah ini:\n\n"
            "1. SUTARNO, Kepala Desa Wonosari Lor, bertindak untuk dan atas nama Pemerintah Desa Wonosari Lor, "
            "untuk selanjutnya disebut PEMERINTAH DESA;\n\n"
            "2. SITI AMINAH, Ketua Koperasi Tani Subur Makmur, bertindak untuk dan atas nama Koperasi, untuk "
            "selanjutnya disebut KOPERASI.\n\n"
            "Pasal 1\nGabah anggota KOPERASI dijual melalui lumbung yang dikelola PEMERINTAH\nDESA setiap musim panen.\n\n"
            "Pasal 2\nNota Kesepakatan ini dibuat dalam rangkap dua dan ditandatangani oleh PEMERINTAH\nDESA dan KOPERASI.\n")
    got = commitment_texts(nlp_id, text)
    assert any(t.startswith("Gabah anggota KOPERASI dijual") for t in got), got
    # trap: signing stays a formality also when the name is wrapped
    assert not any("ditandatangani oleh" in t for t in got), got
