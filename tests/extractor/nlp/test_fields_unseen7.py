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
