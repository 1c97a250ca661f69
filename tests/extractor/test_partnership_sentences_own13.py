"""A sentence saying only that a partnership goes on is no activity; invented text."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.types import DocumentText, PageSpan

NEWSLETTER = """HARVEST NOTES
Newsletter of the Sawah Hijau Foundation, June 2026

Since January the Sawah Hijau Foundation has been working with the Bukit Sirih agriculture office on rice farming in twelve villages.

In March our agronomists trained ninety farmers to make compost from rice straw.

We have been working with the office to repair four irrigation gates, and two were finished in May.
"""

BERITA = """Sejak Februari 2026 Yayasan Sawah Hijau bekerja sama dengan Dinas Pertanian dalam program padi organik di 12 desa.
Sejak Februari 2026 Yayasan Sawah Hijau bekerja sama dengan Dinas Pertanian dan telah membagikan 300 karung pupuk kompos.
"""


def _texts(text: str) -> list[str]:
    return [a.text for a in extract_activities(DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),)))]


def test_an_ongoing_partnership_is_no_activity_but_the_work_told_with_it_is():
    texts = _texts(NEWSLETTER)
    assert not any(t.startswith("Since January") for t in texts)
    assert any(t.startswith("In March our agronomists trained ninety farmers") for t in texts)
    assert any("repair four irrigation gates" in t for t in texts)  # the work it was for is told


def test_indonesian_since_partnership_without_work_is_dropped_with_work_kept():
    texts = _texts(BERITA)
    assert not any("program padi organik" in t for t in texts)
    assert any("membagikan 300 karung pupuk kompos" in t for t in texts)
