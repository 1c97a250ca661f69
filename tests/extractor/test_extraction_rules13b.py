"""Extraction rules of session 13 (blind set 19 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract
from extractor.nlp.doc_fields import kind_of


def _run(text: str, name: str = "doc.txt"):
    return extract(plain_doc(text), source=name, sha256="0")


def _party_names(text: str) -> list[str]:
    return [p.name for p in _run(text).parties]


# ---------------------------------------------------------------- kind

DATED_NOTA = (
    "                                        Kota Contoh, Senin 3 Maret 2031\n\n"
    "NOTA KESEPAKATAN\nANTARA\nPERUSAHAAN UMUM DAERAH AIR MINUM TIRTA CONTOH\nDENGAN\n"
    "DINAS KESEHATAN KOTA CONTOH\nTENTANG\nAIR BERSIH DI PUSKESMAS\n\n"
    "Kami yang bertanda tangan di bawah ini, Andi Saputra, Direktur Utama Perusahaan Umum Daerah Air Minum "
    "Tirta Contoh, untuk selanjutnya disebut PERUMDA, dan Rina Marlina, Kepala Dinas Kesehatan Kota Contoh, "
    "untuk selanjutnya disebut DINKES, menyepakati hal-hal berikut.\n\n"
    "I. KEWAJIBAN PERUMDA\n"
    "I.1 menyambungkan 12 puskesmas ke jaringan perpipaan paling lambat 30 Juni 2031;\n"
    "I.2 menguji mutu air di setiap puskesmas setiap bulan.\n\n"
    "II. KEWAJIBAN DINKES\n"
    "II.1 membayar rekening air puskesmas tepat waktu.\n")


def test_an_agreement_title_under_a_letter_style_date_line_is_an_agreement():
    assert kind_of(DATED_NOTA) == "agreement"
    texts = [c.text for c in _run(DATED_NOTA).commitments]
    assert any("menguji mutu air" in t for t in texts)
    # trap: a release under a date line whose headline tells of an agreement is still a release
    release = ("Kota Contoh, 3 Maret 2031\n\nPemkot Contoh dan PT Air Jernih teken nota kesepakatan air bersih\n\n"
               "Pemerintah Kota Contoh menandatangani nota kesepakatan dengan PT Air Jernih. \"Kami akan "
               "menyambungkan dua belas puskesmas tahun ini,\" ujar Andi Saputra.\n")
    assert kind_of(release) == "news_release"


SECTIONED_MOU = (
    "MEMORANDUM OF UNDERSTANDING\non Rice Seed Trials\n\n"
    "Office Register No.: 11/DPT/2031\n\n"
    "Done at Contoh on Monday, 3 March 2031.\n\n"
    "THIS MEMORANDUM is entered into by:\n\n"
    "Party A — the Food Crops Office of Contoh Regency, Indonesia, represented by its Head, Ir. Budi Hartono "
    "(the \"Office\"); and\n\n"
    "Party B — Golden Paddy Seeds Co., Ltd., a company incorporated in Vietnam, represented by Mr. Tran Van Minh, "
    "Country Manager (the \"Company\").\n\n"
    "Section 1 — Purpose\nThe Parties intend to test improved rice seed.\n\n"
    "Section 2 — Undertakings\n"
    "The Company will supply 200 kg of seed free of charge by 30 June 2031.\n"
    "The Office will assign one extension worker to each trial village.\n")


def test_an_mou_built_of_numbered_sections_entered_into_by_two_parties_is_an_agreement():
    assert kind_of(SECTIONED_MOU) == "agreement"
    # trap: a release that opens on the agreement's name but has no sections nor "between" is no agreement
    release = ("Memorandum of understanding on rice seed signed in Contoh\n\nThe Food Crops Office and a seed "
               "company signed a memorandum today, said Budi Hartono.\n")
    assert kind_of(release) != "agreement"


STATUS_LOG = (
    "PROJECT TIMELINE\nRiver Clean-up, Contoh\n\n"
    "2031-05-04 (Mon) [DONE] Forty volunteers removed waste from two kilometres of the river bank.\n"
    "2031-05-18 (Mon) [PART] Eight of the twelve trash traps installed.\n"
    "2031-06-01 (Mon) [HOLD] The water-quality lab postponed to next year.\n"
    "2031-06-15 (Mon) [DONE] The village issued its rules on dumping.\n")


def test_a_log_of_entries_tagged_with_their_status_is_an_activity_report():
    assert kind_of(STATUS_LOG) == "activity_report"
    # trap: two tagged lines are no log
    two = "\n".join(STATUS_LOG.splitlines()[:5]) + "\n"
    assert kind_of(two) != "activity_report"


TASK_BOARD = (
    "EXPORT OF TASK BOARD \"Clean Schools 2031\"\n"
    "Board owner: Health Office of Contoh Regency\n"
    "Basis: cooperation agreement between the Health Office of Contoh Regency and PT Sabun Bersih of 5 January 2031\n\n"
    "==== COLUMN: DONE (2) ====\n\n"
    "[#01] Handwashing stations in 10 primary schools\n"
    "  Owner: Dewi Lestari (PT Sabun Bersih)\n"
    "  Done: 12 March 2031\n\n"
    "[#02] Hygiene lessons for 300 pupils\n"
    "  Owner: Budi Santoso (Health Office)\n"
    "  Done: 20 April 2031\n"
    "  Note: lessons given by school nurses.\n\n"
    "==== COLUMN: ON HOLD (1) ====\n\n"
    "[#03] Soap refills for the rainy season postponed to 2032\n"
    "  Owner: Dewi Lestari (PT Sabun Bersih)\n")


def test_a_task_board_exported_by_status_columns_is_a_report_whose_done_cards_are_its_commitments():
    assert kind_of(TASK_BOARD) == "activity_report"
    ex = _run(TASK_BOARD)
    texts = [c.text for c in ex.commitments]
    assert any("Handwashing stations in 10 primary schools" in t for t in texts)
    assert any("Hygiene lessons for 300 pupils" in t for t in texts)
    # the card's label lines (owner, date, note) are not part of what was done
    assert not any("Owner:" in t or "Note:" in t for t in texts)
    # trap: a postponed card is no commitment of the report
    assert not any("Soap refills" in t for t in texts)
    # trap: one status word heading alone is no board
    assert kind_of("Notes\n\nDONE\nThe hall was booked.\n") != "activity_report"


# ---------------------------------------------------------------- parties

def test_lettered_party_paragraphs_name_the_parties_and_a_company_keeps_co_ltd():
    names = _party_names(SECTIONED_MOU)
    assert "Food Crops Office of Contoh Regency" in names
    assert "Golden Paddy Seeds Co., Ltd." in names
    # trap: the register line's "Office" is no party
    assert not any(n.startswith("Office Register") for n in names)


RELEASE_COLLECTIVE = (
    "ANNOUNCEMENT\nGreen Tide Collective\nContoh | 3 March 2031\n\n"
    "Green Tide Collective, a non-profit social enterprise, and the City Government of Contoh signed a "
    "cooperation agreement on Monday, 2 March 2031 at the City Hall.\n\n"
    "Under the agreement, Green Tide is to open five repair cafés by 30 June 2031.\n")


def test_a_collective_is_an_organisation():
    names = _party_names(RELEASE_COLLECTIVE)
    assert "Green Tide Collective" in names
    assert any("City Government of Contoh" in n for n in names)


MUSEUM_MOU = (
    "MEMORANDUM OF UNDERSTANDING\nBETWEEN\nMUSEUM NEGERI CONTOH\nAND\nNORTHGATE INSTITUTE FOR PAPER CONSERVATION\n\n"
    "This Memorandum of Understanding is made at Contoh on 3 March 2031, between:\n\n"
    "Museum Negeri Contoh, a regional technical unit of the Culture Office of Contoh Province, with its address at "
    "Jalan Lama No. 1, Contoh, represented by Dra. Sari Dewi, in her capacity as Head of the Museum (the "
    "\"Museum\"); and\n\n"
    "Northgate Institute for Paper Conservation, a foundation registered in Norway, with its address at Storgata "
    "2, Bergen, represented by Dr. Ola Nordmann, in his capacity as Director (the \"Institute\").\n\n"
    "Article 1\nThe Institute shall send two conservators to the Museum by 30 September 2031.\n"
    "The Museum shall provide a workroom for the conservators.\n")


def test_a_quoted_kind_word_far_from_the_name_is_the_alias_of_the_one_party_whose_name_holds_it():
    ex = _run(MUSEUM_MOU)
    aliases = {p.name: p.aliases for p in ex.parties}
    museum = next(n for n in aliases if n.lower().startswith("museum negeri contoh"))
    institute = next(n for n in aliases if n.lower().startswith("northgate institute"))
    assert "the Museum" in aliases[museum] or "Museum" in aliases[museum]
    assert "the Institute" in aliases[institute]
    by_text = {c.text: c.parties for c in ex.commitments}
    sends = next(p for t, p in by_text.items() if t.startswith("The Institute shall send"))
    assert sends == (institute,)


REPORT_SIGNED_BY = (
    "PROJECT TIMELINE\nArchive Digitisation, Contoh\n\n"
    "Ref.: AT/CT/03\n"
    "Basis: Memorandum of Understanding No. 12/MUS/2031, signed on 4 March 2031 by Dra. Sari Dewi, Head of Contoh "
    "Regency Museum, and Dr. Ola Nordmann, Director of Programmes, Northgate Archive Trust\n\n"
    "2031-06-08 (Mon) [DONE] Two conservators of the Trust set up a scanning room in the Museum.\n"
    "2031-06-22 (Mon) [DONE] 900 letters scanned and entered in the register.\n"
    "2031-07-13 (Mon) [PART] 300 of the 1,000 maps scanned before the scanner broke.\n")


def test_the_signers_of_the_agreement_a_report_rests_on_name_its_parties():
    names = _party_names(REPORT_SIGNED_BY)
    assert "Contoh Regency Museum" in names
    assert "Northgate Archive Trust" in names
    # trap: a report signed off by two people of one organisation names no second party
    one = REPORT_SIGNED_BY.replace("Head of Contoh Regency Museum", "Programme Officer, Northgate Archive Trust")
    assert "Contoh Regency Museum" not in _party_names(one)


PARTY_TABLE = (
    "PERJANJIAN KERJA SAMA\nANTARA\nDINAS KESEHATAN KOTA CONTOH\nDAN\nPT AIR SEHAT MANDIRI\nTENTANG\nAIR MINUM SEKOLAH\n\n"
    "Pada hari Senin, tanggal 03-03-2031, para pihak yang namanya tercantum dalam tabel berikut sepakat:\n\n"
    "| Pihak | Diwakili oleh | Jabatan | Sebutan |\n"
    "| Dinas Kesehatan Kota Contoh | dr. Rina Marlina | Kepala Dinas Kesehatan Kota Contoh | DINKES |\n"
    "| PT Air Sehat Mandiri | Budi Santoso, S.E. | Direktur PT Air Sehat Mandiri | MITRA |\n\n"
    "Pasal 1\nKewajiban\n"
    "(i) MITRA memasang 20 keran air minum di sekolah dasar paling lambat 30 Juni 2031;\n"
    "(ii) DINKES menguji mutu air setiap bulan.\n\n"
    "MITRA                                          DINKES\n"
    "ttd.                                           ttd.\n"
    "Budi Santoso, S.E.                             dr. Rina Marlina\n"
    "Direktur                                       Kepala Dinas\n")


def test_the_designation_column_of_a_party_table_gives_each_party_its_short_name():
    ex = _run(PARTY_TABLE)
    aliases = {p.name: p.aliases for p in ex.parties}
    assert "MITRA" in aliases["PT Air Sehat Mandiri"]
    assert "DINKES" in aliases["Dinas Kesehatan Kota Contoh"]
    # the signature column headed by the short name is that party's: the official acts for it
    orgs = {o.name: o.organization for o in ex.officials}
    assert orgs["Budi Santoso"] == "PT Air Sehat Mandiri"
    # trap: the position column is no short name
    assert not any("Kepala Dinas Kesehatan Kota Contoh" == a for a in aliases["Dinas Kesehatan Kota Contoh"])


def test_a_short_name_after_a_long_description_and_the_representative_is_the_partys():
    names = {p.name: p.aliases for p in _run(SECTIONED_MOU).parties}
    assert "the Company" in names["Golden Paddy Seeds Co., Ltd."]
    ex = _run(SECTIONED_MOU)
    supply = next(c for c in ex.commitments if c.text.startswith("The Company will supply"))
    assert supply.parties == ("Golden Paddy Seeds Co., Ltd.",)


# ---------------------------------------------------------------- commitments

DUTY_TABLE = (
    "KESEPAKATAN BERSAMA\nPEMERINTAH KABUPATEN CONTOH\nDENGAN\nYAYASAN SUNGAI BERSIH\nTENTANG\nPEMULIHAN SUNGAI\n\n"
    "Drs. Andi Saputra, Bupati Contoh, bertindak untuk dan atas nama Pemerintah Kabupaten Contoh, selanjutnya "
    "disebut PEMKAB;\n\n"
    "Rina Marlina, Ketua Yayasan Sungai Bersih, bertindak untuk dan atas nama Yayasan Sungai Bersih, selanjutnya "
    "disebut YAYASAN.\n\n"
    "Pasal 1\nRincian Kegiatan\nKegiatan yang disepakati dirinci dalam tabel berikut.\n\n"
    "| No | Kegiatan | Pelaksana | Batas Waktu |\n"
    "| 1 | menanam 5.000 bibit bambu di sempadan sungai | YAYASAN | 30 Juni 2031 |\n"
    "| 2 | menerbitkan Peraturan Bupati tentang larangan membuang sampah ke sungai | PEMKAB | 31 Maret 2031 |\n\n"
    "| Tahun | Jumlah desa |\n| 2031 | 12 desa sepanjang sungai |\n\n"
    "Pasal 2\nMasa Berlaku\n"
    "Kesepakatan Bersama ini berlaku 3 (tiga) tahun dan dievaluasi bersama oleh PEMKAB dan YAYASAN setiap tahun.\n")


def test_each_row_of_a_duty_table_is_a_commitment_of_its_executing_party():
    ex = _run(DUTY_TABLE)
    by_text = {c.text: c.parties for c in ex.commitments}
    assert by_text.get("menanam 5.000 bibit bambu di sempadan sungai") == ("Yayasan Sungai Bersih",)
    assert any(t.startswith("menerbitkan Peraturan Bupati") for t in by_text)
    # trap: the sentence pointing at the table and a table of figures are no duty
    assert not any("dirinci dalam tabel" in t for t in by_text)
    assert not any("12 desa" in t for t in by_text)


def test_a_joint_yearly_evaluation_inside_the_term_clause_is_a_commitment():
    texts = [c.text for c in _run(DUTY_TABLE).commitments]
    assert any(t.startswith("dievaluasi bersama oleh PEMKAB dan YAYASAN") for t in texts)
    # trap: the term itself stays out
    assert not any("berlaku 3 (tiga) tahun" in t for t in texts)


def test_coded_items_under_a_scope_intro_are_its_commitments():
    text = SECTIONED_MOU.replace(
        "Section 2 — Undertakings\n",
        "Section 2 — Fields\nThe Parties will work together on:\nF-1 trials of drought-tolerant rice varieties;\n"
        "F-2 seed-production skills of farmer groups.\n\nSection 3 — Undertakings\n")
    texts = [c.text for c in _run(text).commitments]
    assert any(t.startswith("trials of drought-tolerant rice varieties") for t in texts)
    assert any(t.startswith("seed-production skills of farmer groups") for t in texts)
    assert not any(t.startswith("The Parties will work together on") for t in texts)


def test_items_numbered_under_a_roman_section_lose_their_number():
    texts = [c.text for c in _run(DATED_NOTA).commitments]
    assert "menguji mutu air di setiap puskesmas setiap bulan" in texts


RELEASE_COMPANY = (
    "SIARAN PERS\nDinas Pariwisata Kabupaten Contoh\n\n"
    "CONTOH, 3 Maret 2031 — Dinas Pariwisata Kabupaten Contoh dan PT Wisata Desa Nusantara menandatangani "
    "perjanjian kerja sama pemasaran desa wisata pada Senin, 2 Maret 2031.\n\n"
    "Dalam PKS tersebut, PT Wisata Desa Nusantara akan memasarkan 40 desa wisata paling lambat 30 Juni 2031. "
    "Perusahaan juga membuat video promosi setiap desa tanpa biaya bagi pengelola.\n\n"
    "SEKILAS PKS\n• Masa berlaku: dua tahun\n• Lokasi: 40 desa wisata\n")


def test_the_company_named_by_its_kind_after_an_undertaking_continues_the_agreements_terms():
    texts = [c.text for c in _run(RELEASE_COMPANY).commitments]
    assert any(t.startswith("Perusahaan juga membuat video promosi") for t in texts)
    # trap: the fact box's lines are facts, not terms
    assert not any(t.startswith("Masa berlaku") or t.startswith("Lokasi") for t in texts)


def test_cards_run_together_by_a_pdf_text_layer_are_each_a_commitment():
    flat = "\n".join(line.strip() for line in TASK_BOARD.splitlines() if line.strip()) + "\n"
    texts = [c.text for c in _run(flat).commitments]
    assert any("Handwashing stations in 10 primary schools" in t for t in texts)
    assert any("Hygiene lessons for 300 pupils" in t for t in texts)
    assert not any("Owner:" in t or "Note:" in t or "Soap refills" in t for t in texts)
