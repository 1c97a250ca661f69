"""janji_dates: roles of dates in whole documents written for these tests, through the pipeline."""
from __future__ import annotations

from extractor.nlp.dates_component import date_mentions


def signing(mentions):
    return [m for m in mentions if m.role == "signing"]


def test_news_release_yearless_date_resolved_from_dateline(nlp_id) -> None:
    text = ("Pemkot Sukamaju Teken MoU dengan Politeknik Harapan\n\n"
            "SUKAMAJU, 5 Mei 2024 – Pemerintah Kota Sukamaju dan Politeknik Harapan menandatangani "
            "nota kesepahaman di Balai Kota, Jumat (3/5). Kerja sama ini akan berlangsung lima tahun.\n")
    doc = nlp_id(text)
    first = signing(doc._.janji_dates)[0]
    assert first.date == "2024-05-03"
    assert first.text == "Jumat (3/5)"
    ev = first.evidence[0]
    assert text[ev.start:ev.end] == ev.text == "Jumat (3/5)"
    assert doc._.janji_dates[0] is first          # consumers read the first signing date


def test_publication_stamp_does_not_win_over_the_signing_sentence(nlp_id) -> None:
    text = ("Dua Kabupaten Jalin Kerja Sama Pariwisata\n"
            "Kamis, 9 Mei 2024 | 10:15 WIB\n"
            "Bupati Lembah Hijau dan Bupati Bukit Biru menandatangani perjanjian kerja sama pada "
            "Selasa (7/5/2024) di Pendopo Kabupaten.\n")
    mentions = nlp_id(text)._.janji_dates
    assert signing(mentions)[0].date == "2024-05-07"
    assert {m.date for m in mentions if m.role == "mentioned"} == {"2024-05-09"}


def test_notarial_date_beats_a_recital_and_the_term_gives_the_expiry(nlp_id) -> None:
    text = ("PERJANJIAN KERJA SAMA\n\n"
            "Mengingat Nota Kesepahaman yang ditandatangani pada tanggal 2 Januari 2020;\n\n"
            "Pada hari ini Selasa tanggal dua belas bulan Maret tahun dua ribu dua puluh empat "
            "(12-03-2024), bertempat di Sukamaju, kami yang bertanda tangan di bawah ini:\n\n"
            "Pasal 1\nJANGKA WAKTU\n"
            "Perjanjian ini berlaku untuk jangka waktu 2 (dua) tahun terhitung sejak tanggal ditandatangani.\n\n"
            "Pasal 2\nPELAPORAN\n"
            "PIHAK KEDUA wajib menyerahkan laporan dalam 90 hari sejak penandatanganan.\n")
    doc = nlp_id(text)
    mentions = doc._.janji_dates
    assert signing(mentions)[0].date == "2024-03-12"
    recital = next(m for m in mentions if m.date == "2020-01-02")
    assert recital.role == "mentioned"
    assert (doc._.janji_term.years, doc._.janji_term.months) == (2, 0)
    expiry = next(m for m in mentions if m.role == "expiry")
    assert expiry.date == "2026-03-12"
    assert expiry.confidence < signing(mentions)[0].confidence      # computed, not written
    deadline = next(m for m in mentions if m.role == "deadline")
    assert deadline.text == "dalam 90 hari sejak penandatanganan"
    assert deadline.date == "2024-06-10"


def test_relative_deadline_without_known_anchor_keeps_raw_text(nlp_id) -> None:
    text = "PIHAK KEDUA membayar tagihan paling lambat 30 (tiga puluh) hari sejak tagihan diterima.\n"
    [m] = [m for m in nlp_id(text)._.janji_dates if m.role == "deadline"]
    assert m.date is None and m.text.startswith("paling lambat 30 (tiga puluh) hari sejak tagihan")


def test_english_recital_and_done_at(nlp_en) -> None:
    text = ("MEMORANDUM OF UNDERSTANDING\n\n"
            "Recalling the Agreement on Trade signed in Lima on 5 May 1999;\n\n"
            "ARTICLE 1\nSCOPE\nThe Parties shall exchange experts.\n\n"
            "ARTICLE 2\nDURATION\nThis MoU shall remain valid for a period of three (3) years.\n\n"
            "Done in duplicate at Jakarta on 2 June 2020 in the English language.\n")
    mentions = nlp_en(text)._.janji_dates
    assert signing(mentions)[0].date == "2020-06-02"
    assert next(m for m in mentions if m.date == "1999-05-05").role == "mentioned"
    assert next(m for m in mentions if m.role == "expiry").date == "2023-06-02"


def test_ambiguous_date_is_kept_raw_and_never_chosen_as_signing(nlp_en) -> None:
    text = "The parties signed the memorandum on 03/04/2025 in Jakarta.\n"
    mentions = nlp_en(text)._.janji_dates
    [m] = mentions
    assert (m.date, m.text) == (None, "03/04/2025")
    assert m.role != "signing" or m.date is None
    assert not [x for x in mentions if x.role == "signing" and x.date]


def test_deadline_and_effective_roles() -> None:
    text = ("Program ini berlaku sejak 1 Juli 2024 dan berakhir pada 30 Juni 2025. "
            "Laporan diserahkan paling lambat 15 Januari 2025.")
    mentions, _ = date_mentions(text, lang="id", kind="agreement")
    roles = {m.date: m.role for m in mentions}
    assert roles == {"2024-07-01": "effective", "2025-06-30": "expiry", "2025-01-15": "deadline"}


def test_activity_report_date_is_not_a_signing_date() -> None:
    text = ("Tindak Lanjut Kerja Sama\n\nPada Rabu (7/8/2024), tim dosen memulai pemetaan potensi desa "
            "sebagai tindak lanjut MoU dengan pemerintah kabupaten.\n")
    mentions, _ = date_mentions(text, lang="id", kind="activity_report")
    assert mentions and not signing(mentions)


def test_place_and_date_above_the_signatures_is_the_signing_date() -> None:
    text = ("PERJANJIAN KERJA SAMA\n\nPasal 1\nRUANG LINGKUP\nKerja sama meliputi pelatihan guru.\n\n"
            "Pasal 2\nPELAPORAN\nLaporan diserahkan paling lambat 31 Desember 2024.\n\n"
            "Sukamaju, 14 Februari 2024\nPIHAK PERTAMA,          PIHAK KEDUA,\n")
    mentions, _ = date_mentions(text, lang="id", kind="agreement")
    assert signing(mentions)[0].date == "2024-02-14"
    assert next(m for m in mentions if m.date == "2024-12-31").role == "deadline"


def test_signing_with_a_clock_time_is_still_the_signing_date() -> None:
    text = ("Bupati dan Rektor Teken Nota Kesepahaman\n\n"
            "Nota kesepahaman ditandatangani pada Senin, 17 Maret 2025 pukul 10.00 WIB di pendopo.\n")
    mentions, _ = date_mentions(text, lang="id", kind="news_release")
    assert signing(mentions)[0].date == "2025-03-17"


def test_bare_date_line_at_the_top_of_a_release_is_never_the_signing_date() -> None:
    # a PDF text layer: no blank lines, the signing sentence wraps over three lines
    text = ("Kamis, 10 April 2025\n"
            "Petani Rawa Hijau Dapat Pendampingan Pupuk Organik\n"
            "RAWA HIJAU (Kabar Rawa) - Pemerintah Kabupaten Rawa Hijau dan Koperasi Tani Makmur\n"
            "menandatangani perjanjian kerja sama pendampingan pupuk organik bagi petani padi\n"
            "di Aula Kantor Bupati, Rabu (9/4).\n")
    mentions, _ = date_mentions(text, lang="id", kind="news_release")
    signing = [m.date for m in mentions if m.role == "signing"]
    assert signing[:1] == ["2025-04-09"], mentions


def test_parties_signing_on_different_days_give_the_first_signature_date() -> None:
    text = ("MEMORANDUM OF UNDERSTANDING\n\nArticle 5\nThis Memorandum takes effect on the date of the last "
            "signature below.\n\n"
            "For the First Party\nSignature: (signed)\nName: Prof. Anna Kovacs, Ph.D.\nTitle: Rector\n"
            "Date: 12 March 2031\nPlace: Lakeside\n\n"
            "For the Second Party\nSignature: (signed)\nName: Dr. Budi Santoso\nTitle: Director\n"
            "Date: 2 April 2031\nPlace: Hillview\n")
    mentions, _ = date_mentions(text, lang="en", kind="agreement")
    assert signing(mentions)[0].date == "2031-03-12"
