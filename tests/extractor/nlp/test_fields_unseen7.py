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
