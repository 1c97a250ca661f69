"""Which done statements of an activity report are reported as commitments (invented text)."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.report_commitments import (
    activity_commitments,
    inside_quote,
    is_done_commitment,
    reads_as_action,
)
from extractor.types import DocumentText, PageSpan

REPORT = """LAPORAN KEGIATAN
Kemitraan Pengembangan Wisata Bahari

Laporan ini disusun sebagai bahan evaluasi kemitraan tahun 2025.

Tim Akademi Bahari Lintang memetakan 14 titik selam di Teluk Sarai pada 5 Mei 2025. Kepala Dinas Pariwisata menyampaikan terima kasih atas dukungan akademi.

"Kami senang sekali. Masyarakat pesisir menyambut program ini dengan antusias," ujar Ketua Pokdarwis.

Pelatihan pemandu selam diikuti 30 pemuda desa pada 12 Mei 2025.

Kegiatan yang Telah Dilaksanakan
Surat Tugas Direktur Akademi Bahari Lintang Nomor 12/ABL/2025
"""


def _commitments(text: str) -> list[str]:
    doc = DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))
    acts = extract_activities(doc)
    return [c.text for c in activity_commitments(text, acts, [])]


def test_done_statements_with_a_verb_become_commitments():
    got = _commitments(REPORT)
    assert any(t.startswith("Tim Akademi Bahari Lintang memetakan 14 titik selam") for t in got)
    assert any(t.startswith("Pelatihan pemandu selam diikuti 30 pemuda") for t in got)


def test_headings_references_self_description_speech_and_thanks_are_not():
    got = " | ".join(_commitments(REPORT))
    assert "Laporan ini disusun" not in got                   # about the report itself
    assert "terima kasih" not in got                          # a thanks is not an activity
    assert "Masyarakat pesisir menyambut" not in got          # inside a quotation
    assert "Kegiatan yang Telah" not in got and "Surat Tugas" not in got


def test_reads_as_action():
    assert reads_as_action("Dinas Perikanan telah membagikan benih")
    assert reads_as_action("The team trained nine cadres")
    assert not reads_as_action("Pelaksanaan Kesepakatan Bersama Program Desa Digital")
    assert not reads_as_action("Sebanyak dua ton plastik terkumpul dalam sehari")   # a result
    assert not reads_as_action("Perjanjian antara Pemerintah Kota Sarai dan Akademi Bahari tentang Wisata")


def test_quotation_context():
    text = 'Ia berkata, "Kami mulai bulan ini. Semua desa ikut serta." Lalu rapat ditutup.'
    assert inside_quote(text, text.index("Semua"))
    assert not inside_quote(text, text.index("Lalu"))
    assert not is_done_commitment('Semua desa ikut serta membersihkan pantai," kata Lurah Sarai', text, 0)
