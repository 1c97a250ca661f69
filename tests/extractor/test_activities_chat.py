"""Activity statements of an exported group chat, on invented text: each message is a statement of its
own without its "[stamp] Sender:" header, dated by its stamp; greetings, the announcement of the news,
chat shorthand for "not yet" and work said to be outside the agreement are no activity."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.chat import message_dates
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


CHAT = ("Grup WA \"Warga Tanjung Seruni\"\n\n"
        "[04/03/29 08.10] Kades Tanjung Seruni - Pak Warsito: Selamat pagi bapak ibu 🙏\n"
        "[04/03/29 08.11] Kades Tanjung Seruni - Pak Warsito: Sy sampaikan perkembangan kerja sama Pemdes dgn "
        "Koperasi Bumi Hijau soal kebun sayur\n"
        "[04/03/29 08.12] Kades Tanjung Seruni - Pak Warsito: 1. Koperasi sdh membagikan 400 bibit cabai ke "
        "kelompok tani\n"
        "[04/03/29 08.14] Kades Tanjung Seruni - Pak Warsito: 2. Pelatihan pupuk organik blm bisa krn hujan terus\n"
        "[05/03/29 19.02] Sekdes Tanjung Seruni - Imam: Rumah kompos di dekat lapangan sdh selesai dibangun\n"
        "[05/03/29 19.05] Sekdes Tanjung Seruni - Imam: Pompa air dari dinas itu bukan bagian PKS ya bpk ibu, "
        "dinas sdh memasangnya bulan lalu\n")


def test_each_chat_message_is_a_statement_of_its_own_without_its_header():
    acts = extract_activities(doc(CHAT))
    texts = [a.text for a in acts]
    assert texts == ["Koperasi sdh membagikan 400 bibit cabai ke kelompok tani",
                     "Rumah kompos di dekat lapangan sdh selesai dibangun"]
    for a in acts:
        e = a.evidence[0]
        assert CHAT[e.start:e.end] == a.text


def test_a_chat_statement_is_dated_by_its_message_stamp():
    dates = {a.text[:12]: a.date for a in extract_activities(doc(CHAT))}
    assert dates == {"Koperasi sdh": "2029-03-04", "Rumah kompos": "2029-03-05"}


def test_a_month_first_export_is_read_month_first():
    chat = ("3/14/30, 9:05 AM - Field Officer - Maya: The well in block C was repaired\n"
            "3/15/30, 10:20 AM - Field Officer - Maya: We trained 12 caretakers on pump repair\n")
    assert sorted(message_dates(chat).values()) == ["2030-03-14", "2030-03-15"]


def test_the_group_name_heading_a_chat_is_no_reporting_organisation():
    parties = {p for a in extract_activities(doc(CHAT)) for p in a.parties}
    assert not any("Grup" in p for p in parties)
