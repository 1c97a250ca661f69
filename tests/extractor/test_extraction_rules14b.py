"""Extraction rules of session 14, second batch (blind set 20 studied), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract


def _run(text: str):
    return extract(plain_doc(text), source="doc.txt", sha256="0")


def _duties(text: str) -> dict[str, tuple[str, ...]]:
    return {c.text: c.parties for c in _run(text).commitments}


_ROLE_OR_NAME = (
    "KESEPAKATAN BERSAMA\nANTARA\nDINAS PERTANIAN KOTA CONTOH\nDAN\nYAYASAN BENIH CONTOH LESTARI\n"
    "TENTANG\nKEBUN SEKOLAH\n\n"
    "Pada hari Rabu, 4 Juni 2031, yang bertanda tangan di bawah ini:\n\n"
    "I.  Ir. Budi Santoso, M.Si.\n"
    "    Kepala Dinas Pertanian Kota Contoh, berkedudukan di Jalan Mawar Nomor 1, selanjutnya disebut PIHAK KESATU"
    " atau DISTAN.\n\n"
    "II. Maria Wijaya, S.P.\n"
    "    Ketua Yayasan Benih Contoh Lestari, berkedudukan di Jalan Melati Nomor 2, selanjutnya disebut PIHAK KEDUA"
    " atau YAYASAN.\n\n"
    "Pasal 1\nRuang lingkup Kesepakatan ini adalah:\n"
    "(i)   penanaman sayur di halaman sekolah;\n"
    "(ii)  penataan kebun agar dapat dikunjungi warga.\n\n"
    "Pasal 2\nDISTAN:\n"
    "(i)   menyediakan bibit sayur bagi 15 (lima belas) sekolah;\n"
    "(ii)  tidak memungut biaya apa pun dari sekolah.\n\n"
    "Pasal 3\nKesepakatan ini berlaku 2 (dua) tahun.\n\n"
    "Kota Contoh, 4 Juni 2031\n\n"
    "Untuk PIHAK KESATU,\nKepala Dinas Pertanian Kota Contoh\n\n(tanda tangan dan cap)\n\n"
    "Ir. BUDI SANTOSO, M.Si.\n\n"
    "Untuk PIHAK KEDUA,\nKetua Yayasan Benih Contoh Lestari\n\n(tanda tangan dan cap)\n\n"
    "MARIA WIJAYA, S.P.\n")


def test_a_name_defined_after_the_role_is_the_partys_alias():
    # "selanjutnya disebut PIHAK KESATU atau DISTAN": DISTAN names the party, so "DISTAN:" over a list is its label
    parties = {p.name: p.aliases for p in _run(_ROLE_OR_NAME).parties}
    assert "DISTAN" in parties["Dinas Pertanian Kota Contoh"]
    assert "YAYASAN" in parties["Yayasan Benih Contoh Lestari"]
    duties = _duties(_ROLE_OR_NAME)
    assert duties.get("menyediakan bibit sayur bagi 15 (lima belas) sekolah") == ("Dinas Pertanian Kota Contoh",)


_NAMED = (
    "PERJANJIAN KERJA SAMA\nANTARA\nDINAS PERTANIAN KOTA CONTOH\nDENGAN\nPT BENIH CONTOH LESTARI\n"
    "TENTANG\nKEBUN SEKOLAH\n\n"
    "Pada hari ini Senin tanggal 6 Januari 2031, yang bertanda tangan di bawah ini:\n"
    "1. Budi Santoso, Kepala Dinas Pertanian Kota Contoh, selanjutnya disebut DINAS;\n"
    "2. Maria Wijaya, Direktur PT Benih Contoh Lestari, selanjutnya disebut MITRA.\n\n"
    "PASAL 1\nRuang lingkup Perjanjian ini adalah:\n"
    "(1) penanaman sayur di halaman sekolah;\n(2) penataan kebun agar dapat dikunjungi warga.\n\n"
    "PASAL 2\nMITRA:\n(1) menyediakan bibit sayur bagi 15 sekolah;\n(2) tidak memungut biaya apa pun dari sekolah.\n\n"
    "PASAL 3\nPerjanjian ini berlaku 2 (dua) tahun.\n")


def test_a_negated_item_under_a_party_label_is_that_partys_duty():
    duties = _duties(_NAMED)
    assert duties.get("tidak memungut biaya apa pun dari sekolah") == ("PT Benih Contoh Lestari",)


def test_can_in_a_purpose_clause_permits_nothing():
    # "agar dapat dikunjungi" says what the work is for; the scope item is no permission
    assert "penataan kebun agar dapat dikunjungi warga" in _duties(_NAMED)


def test_a_signature_placeholder_with_the_stamp_marks_a_signature_block():
    officials = {o.name: o.position for o in _run(_ROLE_OR_NAME).officials}
    assert officials.get("Budi Santoso") == "Kepala Dinas Pertanian Kota Contoh"
    assert officials.get("Maria Wijaya") == "Ketua Yayasan Benih Contoh Lestari"


_LINES_TITLE = (
    "MEMORANDUM OF UNDERSTANDING\n\nbetween\n\n"
    "THE FISHERIES AND MARINE OFFICE OF CONTOH REGENCY\nRepublic of Indonesia\n\nand\n\n"
    "THE FACULTY OF OCEAN SCIENCE, NORTHWIND UNIVERSITY\nCanada\n\non\n\nCoastal Monitoring\n\n"
    "The Fisheries and Marine Office of Contoh Regency (the \"Office\"), represented by its Head, Ir. Budi Santoso,"
    " and the Faculty of Ocean Science of Northwind University (the \"Faculty\"), represented by its Dean,"
    " Professor Anne Miller, record the following arrangements.\n\n"
    "1. The Faculty will send two researchers to Contoh each year.\n"
    "2. The Office will provide a boat for the surveys.\n")


def test_a_connector_on_its_own_line_separates_the_title_parties_whatever_and_their_names_hold():
    names = [p.name for p in _run(_LINES_TITLE).parties]
    assert any(n.lower().endswith("fisheries and marine office of contoh regency") for n in names)
    # the university after the comma is the body the faculty belongs to, no place to strip
    assert any(n.lower().endswith("faculty of ocean science, northwind university") for n in names)


def test_a_short_name_after_the_second_party_is_not_the_first_partys():
    aliases = {p.name.lower(): p.aliases for p in _run(_LINES_TITLE).parties}
    office = next(v for k, v in aliases.items() if "office" in k)
    faculty = next(v for k, v in aliases.items() if "faculty" in k)
    assert "the Faculty" not in office and "the Faculty" in faculty


def test_a_description_between_the_signer_and_signed():
    text = ("COASTAL ALLIANCE\nMedia Statement\n\nAlliance signs pact with village\n\n"
            "KOTA CONTOH, 3 May 2031 — The Mangrove Care Alliance, a network of fishing cooperatives working on the"
            " coast, today signed a cooperation agreement with the Village Government of Pantai Contoh on replanting"
            " mangroves. The Alliance will plant 5,000 seedlings before the end of 2031.\n")
    names = [p.name for p in _run(text).parties]
    assert "Mangrove Care Alliance" in names and "Village Government of Pantai Contoh" in names


def test_a_meeting_transcript_is_a_report_and_its_speakers_officials():
    text = ("SEKRETARIAT DPRD KOTA CONTOH\nTRANSKRIP REKAMAN RAPAT KERJA KOMISI II\n\n"
            "Hari/tanggal : Senin, 2 Juni 2031\n\n"
            "[00:00:10] KETUA KOMISI II (Andi Pratama, S.H.):\nRapat kami buka. Silakan.\n\n"
            "[00:01:30] KEPALA DINAS PERTANIAN KOTA CONTOH (Ir. Budi Santoso, M.Si.):\n"
            "Terima kasih. Penanaman bibit di tiga kelurahan sudah selesai pada bulan Mei.\n")
    x = _run(text)
    assert x.kind == "activity_report"
    officials = {o.name: o.position for o in x.officials}
    assert officials.get("Budi Santoso", "").lower() == "kepala dinas pertanian kota contoh"


def test_a_nota_kesepakatan_with_defined_signatories_and_plain_headings_is_an_agreement():
    text = ("NOTA KESEPAKATAN\nPEMERINTAH KOTA CONTOH\nDAN\nBALAI BENIH CONTOH\nTENTANG\nKEBUN KOTA\n\n"
            "Kami yang bertanda tangan di bawah ini:\n\n"
            "Budi Santoso, Wali Kota Contoh, untuk selanjutnya disebut PEMKOT;\n\ndan\n\n"
            "Maria Wijaya, Kepala Balai Benih Contoh, untuk selanjutnya disebut BALAI;\n\n"
            "telah bersepakat sebagai berikut.\n\n"
            "BALAI MENYANGGUPI\n- menyediakan 500 bibit pohon buah;\n- melatih 20 kader kebun.\n")
    assert _run(text).kind == "agreement"


_PLAIN_HEADINGS = (
    "NOTA KESEPAKATAN\nPEMERINTAH KOTA CONTOH\nDAN\nBALAI BENIH CONTOH\nTENTANG\nKEBUN KOTA\n\n"
    "Kami yang bertanda tangan di bawah ini:\n\n"
    "Budi Santoso, Wali Kota Contoh, bertindak untuk dan atas nama Pemerintah Kota Contoh, untuk selanjutnya disebut"
    " PEMKOT;\n\ndan\n\n"
    "Maria Wijaya, Kepala Balai Benih Contoh, bertindak untuk dan atas nama jabatannya, untuk selanjutnya disebut"
    " BALAI;\n\n"
    "pada tanggal 3 Maret 2031 di Balai Kota Contoh telah bersepakat sebagai berikut.\n\n"
    "BIDANG KERJA SAMA\n- penyediaan bibit pohon buah;\n- pelatihan kader kebun kota.\n\n"
    "PEMKOT MENYANGGUPI\n- menyiapkan lahan kebun di lima kelurahan;\n- membayar honor kader kebun setiap bulan.\n\n"
    "BALAI MENYANGGUPI\n- menyediakan 500 bibit pohon buah;\n- tidak menjual bibit kepada kader.\n\n"
    "KETENTUAN LAIN\n- Nota Kesepakatan berlaku 2 (dua) tahun.\n")


def test_unnumbered_capitals_headings_are_sections_and_a_party_undertakes_heading_names_the_obliged():
    duties = _duties(_PLAIN_HEADINGS)
    assert "penyediaan bibit pohon buah" in duties and "pelatihan kader kebun kota" in duties
    assert duties.get("membayar honor kader kebun setiap bulan") == ("Pemerintah Kota Contoh",)
    assert duties.get("menyediakan 500 bibit pohon buah") == ("Balai Benih Contoh",)
    assert duties.get("tidak menjual bibit kepada kader") == ("Balai Benih Contoh",)
    assert not any("MENYANGGUPI" in t for t in duties)


def test_the_date_of_a_preamble_that_says_the_signatories_agreed_is_the_signing_date():
    signing = [d.date for d in _run(_PLAIN_HEADINGS).dates if d.role == "signing"]
    assert signing[:1] == ["2031-03-03"]


def test_a_report_citing_the_agreement_signed_with_a_partner_names_the_writer_and_that_partner():
    text = ("GREEN RIVER TRUST — PROJECT TRACKER EXPORT\n"
            "Basis: Memorandum of Understanding No. 12/GRT/2031, signed on 4 March 2031 with the Contoh City Water"
            " Board (PDAM Contoh)\n\n"
            "=== COLUMN: DONE ===\n\n[TASK 1] River clean-up\n  Notes: 40 volunteers cleaned two kilometres of the bank.\n\n"
            "=== COLUMN: IN PROGRESS ===\n\n[TASK 2] Tree planting\n  Notes: 300 of 1,000 seedlings planted so far.\n")
    names = [p.name for p in _run(text).parties]
    assert names[:2] == ["GREEN RIVER TRUST", "Contoh City Water Board"]


def test_unnumbered_capitals_headings_without_blank_lines_as_a_pdf_text_layer_gives_them():
    text = "\n".join(line for line in _PLAIN_HEADINGS.split("\n") if line.strip()) + "\n"
    duties = _duties(text)
    assert duties.get("menyediakan 500 bibit pohon buah") == ("Balai Benih Contoh",)
    assert "pelatihan kader kebun kota" in duties


_BOARD = (
    "GREEN RIVER TRUST — PROJECT BOARD EXPORT\n"
    "Basis: Memorandum of Understanding No. 12/GRT/2031, signed on 4 March 2031 with the Contoh City Water Board\n\n"
    "=== COLUMN: DONE ===\n\n"
    "[CARD GRT-1] River bank clean-up\n  Owner: Dewi Lestari\n"
    "  Notes: Two kilometres of the river bank cleared of rubbish by 40 volunteers. Sorting bins placed at four"
    " bridges.\n\n"
    "[CARD GRT-2] Seedlings for schools\n  Owner: Dewi Lestari\n"
    "  Notes: 600 fruit tree seedlings handed out at nine schools, together with the water board.\n\n"
    "=== COLUMN: IN PROGRESS ===\n\n"
    "[CARD GRT-3] Well testing\n  Notes: Twelve of thirty wells tested so far.\n\n"
    "=== COLUMN: NOT IN THIS MOU ===\n\n"
    "[CARD GRT-9] Lake clean-up in Kota Lain\n  Notes: Same work on another lake, run with another city; kept here"
    " for reference only.\n")


def test_a_board_card_with_a_topic_title_is_given_with_its_notes():
    texts = list(_duties(_BOARD))
    assert any(t.startswith("[CARD GRT-1] River bank clean-up: Two kilometres") and "Sorting bins" in t for t in texts)
    # a card title read alone as a statement in the done column is that card too
    assert any(t.startswith("[CARD GRT-2] Seedlings for schools: 600 fruit tree seedlings") for t in texts)
    assert not any(t.startswith("Sorting bins") for t in texts)      # inside the card's commitment


def test_a_card_in_a_column_outside_the_agreement_is_no_commitment():
    assert not any("GRT-9" in t or "Lake clean-up" in t for t in _duties(_BOARD))


def test_a_card_whose_notes_a_pdf_wrapped_keeps_its_whole_notes():
    text = _BOARD.replace("cleared of rubbish by 40 volunteers. Sorting bins", "cleared of rubbish by 40 volunteers in\n"
                          "the dry season. Sorting bins").replace("\n\n", "\n")
    texts = list(_duties(text))
    assert any(t.startswith("[CARD GRT-1] River bank clean-up: Two kilometres") and "Sorting bins" in t for t in texts)


def test_a_lowercase_english_position_naming_the_body_that_owns_the_unit():
    text = ("CONTOH ALLIANCE\nMedia Statement\n\nAlliance signs pact with village\n\n"
            "KOTA CONTOH, 3 May 2031 — The Mangrove Care Alliance today signed a cooperation agreement with the Village"
            " Government of Pantai Contoh. The head of the regency fisheries agency's extension unit, Ms. Rina"
            " Kartika, signed as witness.\n")
    officials = {o.name: o.position for o in _run(text).officials}
    assert officials.get("Rina Kartika") == "head of the regency fisheries agency's extension unit"


def test_a_speakers_turn_taking_in_a_meeting_transcript_is_no_done_work():
    text = ("SEKRETARIAT DPRD KOTA CONTOH\nTRANSKRIP REKAMAN RAPAT KERJA KOMISI II\n\n"
            "[00:00:10] KETUA KOMISI II (Andi Pratama, S.H.):\nRapat kami buka. Silakan Kepala Dinas menyampaikan"
            " perkembangan program kebun sekolah.\n\n"
            "[00:01:30] KEPALA DINAS PERTANIAN KOTA CONTOH (Ir. Budi Santoso, M.Si.):\n"
            "Terima kasih. Saya laporkan singkat saja. Penanaman bibit di tiga kelurahan sudah selesai pada bulan Mei.\n\n"
            "[00:03:00] SEKRETARIS DINAS (Maria Wijaya, S.P.):\nIzin menambahkan, Pak Ketua. Pupuk kompos sudah kami"
            " bagikan kepada 12 kelompok tani.\n")
    texts = list(_duties(text))
    assert any(t.startswith("Penanaman bibit di tiga kelurahan sudah selesai") for t in texts)
    assert not any(t.startswith(("Silakan", "Saya laporkan", "Izin menambahkan")) for t in texts)


def test_a_card_title_a_pdf_runs_on_after_the_notes_of_the_card_above_is_its_own_card():
    text = _BOARD.replace("\n\n", "\n").replace("  ", "")
    texts = list(_duties(text))
    assert any(t.startswith("[CARD GRT-2] Seedlings for schools: 600 fruit tree seedlings") for t in texts)
    assert not any("Sorting bins" in t and "GRT-2" in t for t in texts)


def test_a_card_in_progress_whose_title_says_nothing_of_progress_is_given_with_its_notes():
    texts = list(_duties(_BOARD.replace("[CARD GRT-3] Well testing", "[CARD GRT-3] Testing of village drinking water wells"
                                        " for the health office")))
    assert any(t.startswith("[CARD GRT-3] Testing of village drinking water wells for the health office: Twelve of"
                            " thirty wells") for t in texts)
    assert not any(t.startswith("Twelve of thirty") for t in texts)
    # a title that reports progress itself stays as it is
    texts = list(_duties(_BOARD.replace("[CARD GRT-3] Well testing", "[CARD GRT-3] Testing of village drinking water"
                                        " wells, 12 of 30 done")))
    assert "[CARD GRT-3] Testing of village drinking water wells, 12 of 30 done" in texts


def test_a_bracketed_tag_after_a_finished_sentence_opens_a_new_block_in_a_text_without_blank_lines():
    text = ("GREEN RIVER TRUST — PROJECT BOARD EXPORT\n=== COLUMN: DONE ===\n"
            "[CARD GRT-1] River bank clean-up\nNotes: Two kilometres of the river bank were cleared.\n"
            "=== COLUMN: NEXT ===\n"
            "[CARD GRT-8] Report to the water board\nNotes: We will present the results to the board on 3 December"
            " 2031.\n"
            "[CARD GRT-9] Guide for schools\nNotes: The Trust will print 200 copies of the guide before 15 December"
            " 2031.\n")
    texts = list(_duties(text))
    assert any("We will present the results to the board" in t and "GRT-9" not in t for t in texts)
    assert any("The Trust will print 200 copies" in t for t in texts)
