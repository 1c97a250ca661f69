"""Commitment rules found on the eleventh blind set (tests/holdout_blind11), on invented text."""
from __future__ import annotations

from extractor.nlp.commitments import find_commitments


def _texts(text: str, kind: str = "agreement") -> list[str]:
    return [c.text for c in find_commitments(text, kind=kind)]


MOU = ("MEMORANDUM OF UNDERSTANDING\nbetween\nNORTHFIELD COLLEGE\nand\nPOLITEKNIK CONTOH\n\n"
       "This Memorandum is signed at Contoh on 2 March 2031 by the heads of both institutions.\n\n"
       "1. Purpose\nThe two institutions wish to train technicians in water treatment.\n\n"
       "2. Areas of cooperation\n(a) lecturer visits;\n(b) a joint summer school on water pumps;\n"
       "(c) shared laboratory manuals.\n\n"
       "3. Activities\n3.1 Northfield College will send two lecturers each year.\n"
       "3.2 The Polytechnic will host the summer school by 30 June 2031.\n\n"
       "4. Duration\nThis Memorandum remains in effect for three (3) years.\n")


def test_sentence_case_numbered_headings_of_an_agreement_are_its_sections():
    texts = _texts(MOU)
    # the items of a scope section, even without a verb
    assert {"lecturer visits", "a joint summer school on water pumps", "shared laboratory manuals"} <= set(texts)
    assert "The Polytechnic will host the summer school by 30 June 2031" in texts
    assert not any("three (3) years" in t for t in texts)   # a duration section gives none


def test_a_numbered_list_of_short_items_is_no_set_of_headings():
    # trap: the items of a list under an intro ending in ':' stay items of that list
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nDESA CONTOH\nDENGAN\nCV CONTOH\n\n"
            "Para pihak sepakat melaksanakan kegiatan berikut:\n1. Pelatihan Kader\n   a. kader dilatih dua kali;\n"
            "2. Pendampingan Posyandu\n   a. pendampingan setiap bulan;\n3. Pelaporan Bulanan\n"
            "   a. laporan dikirim ke desa;\n")
    texts = _texts(text)
    assert any("kader dilatih dua kali" in t for t in texts), texts


def test_each_message_of_a_chat_is_read_on_its_own_without_its_header():
    chat = ("[03/02/31 08.12] Kades Contoh - Pak Darmono: Bantuan pompa dari dinas itu program dinas sendiri ya bpk ibu\n"
            "[03/02/31 08.14] Kades Contoh - Pak Darmono: Minggu depan Pemdes akan memasang pompa. Bulan Maret "
            "BUMDes akan mulai menagih iuran air\n"
            "[03/02/31 08.15] Kades Contoh - Pak Darmono: Terima kasih\n")
    texts = _texts(chat, kind="activity_report")
    assert "Minggu depan Pemdes akan memasang pompa" in texts, texts
    assert "Bulan Maret BUMDes akan mulai menagih iuran air" in texts, texts
    assert not any("[03/02/31" in t for t in texts), texts
