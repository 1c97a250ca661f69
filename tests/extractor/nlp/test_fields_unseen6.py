"""Document kind, signing date and commitments: failure classes met on the sixth blind set
(tests/holdout_blind6), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations

from extractor.nlp.commitments import find_commitments
from extractor.nlp.dates_component import date_mentions
from extractor.nlp.doc_fields import kind_of

# -- document kind ---------------------------------------------------------------------------------

def test_mission_reports_are_activity_reports():
    for heading in ("BACK-TO-OFFICE REPORT", "Back to Office Report", "Mission Report", "TRIP REPORT",
                    "LAPORAN PERJALANAN DINAS", "Laporan Kunjungan Kerja ke Kabupaten Lembah Teduh"):
        text = (f"{heading}\nOffice of Partnerships, Harrowfield College\n\nMission dates: 4 to 8 May 2026\n"
                "1. What was done\n1.1 The second training block was delivered to 20 officers.\n")
        assert kind_of(text) == "activity_report", heading
    # trap: a release that mentions a mission report in a sentence stays a release
    release = ("Harrowfield College and Lembah Teduh sign fisheries partnership\nLEMBAH TEDUH - Harrowfield "
               "College signed an agreement with the regency on Monday. \"The mission report will follow,\" "
               "said the rector.\n")
    assert kind_of(release) == "news_release"


# -- signing date ------------------------------------------------------------------------------------

def test_upload_stamp_does_not_outrank_the_signing_date_in_a_text_layer_without_blank_lines():
    text = ("Pemkab Lembah Teduh Teken PKS Layanan Air Bersih\n"
            "Diunggah: 20 Mei 2026 | Kategori: Pemerintahan | Sumber: Dinas Kominfo\n"
            "LEMBAH TEDUH - Pemerintah Kabupaten Lembah Teduh dan Perumda Air Minum Tirta Teduh menandatangani "
            "Perjanjian Kerja Sama tentang Layanan Air Bersih di Pendopo Kabupaten, Selasa\n"
            "(19/5/2026).\n")
    dates, _ = date_mentions(text, lang="id", kind="news_release")
    signing = [d.date for d in dates if d.role == "signing"]
    assert signing[:1] == ["2026-05-19"]
    assert any(d.date == "2026-05-20" and d.role == "mentioned" for d in dates)
    # trap: a signing label on its own line keeps its date as the signing date
    signed = ("Ringkasan Perjanjian\nDitandatangani: 20 Mei 2026 | Tempat: Pendopo Kabupaten\n"
              "Perjanjian Kerja Sama ini mengatur layanan air bersih.\n")
    dates, _ = date_mentions(signed, lang="id", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-05-20"]


def test_a_report_header_run_together_by_a_text_layer_is_no_done_activity():
    from extractor.activities import extract_activities
    from extractor.report_commitments import activity_commitments
    from extractor.types import DocumentText, PageSpan
    text = ("FIELD VISIT REPORT\nHarrowfield College - Partnerships Office\nFisheries Partnership with Lembah Teduh\n"
            "Visit dates: 4 to 8 May 2026\nPrepared by: Dr. Anna Kowalczyk, Programme Lead\n"
            "Reference: Memorandum of Understanding with the Fisheries Office, signed 2 May 2025\n"
            "1. What was done\n1.1 The hatchery staff were trained in feed handling on 5 May 2026.\n"
            "1.2 Catering: lunches were provided by the college canteen.\n")
    doc = DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))
    got = [c.text for c in activity_commitments(text, extract_activities(doc), [])]
    assert not any("Prepared by" in t or "Visit dates" in t for t in got), got
    assert any("trained in feed handling" in t for t in got), got
    # trap: one label opening a done item keeps it
    assert any("lunches were provided" in t for t in got), got


def test_agreement_heading_under_a_capitals_heading_run_into_it():
    text = ("LAPORAN PERKEMBANGAN KERJA SAMA\nPEMERINTAH KABUPATEN LEMBAH TEDUH\n"
            "II. PERKEMBANGAN PER NASKAH\n"
            "A. Perjanjian Kerja Sama dengan Universitas Kenari tentang Pendampingan Desa Wisata (Nomor 1/PKS/2025)\n"
            "1. Tim Universitas Kenari telah mendampingi 12 desa wisata.\n"
            "III. RENCANA\n1. Bagian Kerja Sama akan menyiapkan evaluasi bersama.\n")
    got = [c.text for c in find_commitments(text, kind="activity_report")]
    assert not any("Pendampingan Desa Wisata (Nomor" in t for t in got), got
    assert any("menyiapkan evaluasi" in t for t in got), got


def test_two_duties_in_one_sentence_are_two_commitments():
    text = ("Kota Lembah Teduh - Harrowfield College and the Regency Government of Lembah Teduh signed an agreement "
            "on Monday.\n\n"
            "The college will train 40 hatchery workers in feed handling, and has agreed to fund a water testing "
            "laboratory for three years. The regency will provide the hatchery site and will pay the electricity "
            "of the laboratory. The farmers' cooperative will record harvests every month, and the College will "
            "analyse them every quarter.\n")
    got = [c.text for c in find_commitments(text, kind="news_release")]
    for part in ("The college will train 40 hatchery workers in feed handling",
                 "has agreed to fund a water testing laboratory for three years",
                 "The regency will provide the hatchery site",
                 "will pay the electricity of the laboratory",
                 "The farmers' cooperative will record harvests every month",
                 "the College will analyse them every quarter"):
        assert part in got, (part, got)
    # traps: a state of the same subject, a relative clause and a taxpayer ("wajib pajak") stay in one piece
    text = ("Kota Lembah Teduh - Pemkab dan Bank Teduh sepakat bekerja sama.\n\n"
            "All purchases under the programme will follow national rules and will be open to local firms. "
            "The bank will open counters in villages and offices that will serve farmers. "
            "Pemkab akan menempatkan rekening kas daerah dan menyampaikan data wajib pajak kepada bank.\n")
    got = [c.text for c in find_commitments(text, kind="news_release")]
    assert any(t.endswith("will be open to local firms") and t.startswith("All purchases") for t in got), got
    assert any(t.startswith("The bank will open counters") and t.endswith("will serve farmers") for t in got), got
    assert any(t.startswith("Pemkab akan menempatkan") and "wajib pajak" in t for t in got), got


def test_purpose_after_signing_is_no_subject_of_the_agreement():
    text = ("KOTA LEMBAH TEDUH - Harrowfield College and the Regency Government of Lembah Teduh on Monday signed a "
            "Memorandum of Understanding to bring mobile eye clinics to remote villages.\n")
    got = [c.text for c in find_commitments(text, kind="news_release")]
    assert not any(t.startswith("to bring") for t in got), got
    # trap: the agreement's subject after "on" is still read
    text = text.replace("to bring mobile eye clinics to remote villages", "on coastal fisheries management")
    got = [c.text for c in find_commitments(text, kind="news_release")]
    assert any("coastal fisheries management" in t for t in got), got


def test_ocr_bar_for_the_one_of_pasal_1_still_opens_the_articles():
    from extractor.nlp.structure import HEADING
    text = ("PERJANJIAN KERJA SAMA\nDINAS PERTANIAN DAN UNIVERSITAS KENARI\nTENTANG PENDAMPINGAN PETANI\n"
            "Pada hari ini kami yang bertanda tangan di bawah ini: ...\n"
            "PIHAK PERTAMA dan PIHAK KEDUA sepakat untuk mengadakan kerja sama dengan ketentuan sebagai berikut:\n"
            "Pasal |\nRUANG LINGKUP\nRuang lingkup Perjanjian ini meliputi:\na. pendampingan petani;\n"
            "Pasal 2\nKEWAJIBAN\nPIHAK PERTAMA berkewajiban menyediakan lahan.\n")
    assert kind_of(text) == "agreement"
    got = [c.text for c in find_commitments(text, kind=kind_of(text))]
    assert not any(t.startswith("PIHAK PERTAMA dan PIHAK KEDUA sepakat") for t in got), got
    assert any("pendampingan petani" in t for t in got), got
    # trap: a bar inside a line is no article number
    assert HEADING.match("Pasal | lihat tabel") is None
