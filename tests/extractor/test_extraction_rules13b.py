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
