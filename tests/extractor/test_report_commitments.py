"""Which done statements of an activity report are reported as commitments (invented text)."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.report_commitments import (
    activity_commitments,
    inside_quote,
    is_done_commitment,
    planned_commitments,
    reads_as_action,
    table_row_commitments,
    with_table_rows,
)
from extractor.types import Commitment, DocumentText, PageSpan

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


PLAN_REPORT = """LAPORAN PELAKSANAAN KERJA SAMA
PENGELOLAAN AIR BERSIH DESA

I. KEGIATAN YANG TELAH DILAKSANAKAN
1. Tim teknis telah memasang 12 tandon air di Desa Karang Asri.

II. KEGIATAN YANG BELUM TERLAKSANA
1. Pengeboran sumur dalam ditunda karena izin belum terbit.

III. RENCANA KEGIATAN TRIWULAN BERIKUTNYA
1. Pelatihan 20 operator pompa dari badan usaha milik desa pada Oktober 2031.
2. Penyusunan tarif air bersama pemerintah desa
   paling lambat Desember 2031.

IV. PENUTUP
Demikian laporan ini dibuat.
"""


def test_items_under_a_plan_heading_are_planned_commitments():
    doc = DocumentText(text=PLAN_REPORT, pages=(PageSpan(1, 0, len(PLAN_REPORT)),))
    got = [c.text for c in planned_commitments(PLAN_REPORT, doc.evidence, [])]
    assert got == ["Pelatihan 20 operator pompa dari badan usaha milik desa pada Oktober 2031",
                   "Penyusunan tarif air bersama pemerintah desa paling lambat Desember 2031"], got


def test_a_sentence_stating_where_or_what_the_event_was_is_not_a_done_commitment():
    assert not is_done_commitment("Penyerahan bibit berlangsung di balai desa dan dipimpin oleh camat",
                                  "", 0)
    assert not is_done_commitment("Kegiatan ini merupakan tindak lanjut nota kesepahaman yang diteken tahun lalu",
                                  "", 0)
    assert is_done_commitment("Tim penyuluh membagikan 300 bibit kelapa yang berlangsung dua hari", "", 0)


NUMBERED_PLAN_REPORT = """QUARTERLY PROGRESS REPORT
Coastal Seedling Programme

1. Summary
The programme reached its second planting season. Seedlings were planted on 40 hectares.

2. Progress
- The cooperative planted 12,000 mangrove seedlings along the north shore in May 2031.

3. Plans for the next quarter (July to September 2031)
- Replant the seedlings lost to the April storm.
- Hold two nursery trainings for fishermen's wives.

Approved by:
Programme Director
"""


def test_items_under_a_numbered_plan_heading_are_planned_commitments():
    doc = DocumentText(text=NUMBERED_PLAN_REPORT, pages=(PageSpan(1, 0, len(NUMBERED_PLAN_REPORT)),))
    got = [c.text for c in planned_commitments(NUMBERED_PLAN_REPORT, doc.evidence, [])]
    assert got == ["Replant the seedlings lost to the April storm",
                   "Hold two nursery trainings for fishermen's wives"], got
    # the numbered items of an unnumbered plan heading stay items
    doc2 = DocumentText(text=PLAN_REPORT, pages=(PageSpan(1, 0, len(PLAN_REPORT)),))
    assert len(planned_commitments(PLAN_REPORT, doc2.evidence, [])) == 2


def test_statements_in_a_summary_section_are_not_done_commitments():
    got = _commitments(NUMBERED_PLAN_REPORT)
    assert any(t.startswith("The cooperative planted 12,000 mangrove seedlings") for t in got), got
    assert not any("second planting season" in t or "40 hectares" in t for t in got), got


TABLE_REPORT = """LAPORAN KEGIATAN TRIWULAN II
Kerja Sama Dinas Pertanian dan Politeknik Agro

A. PELAKSANAAN
No | Kegiatan | Waktu dan Tempat | Peserta | Keterangan
1 | Sekolah lapang hama wereng | 3-5 Mei 2031, Balai Tani Sukaraja | 40 petani | Terlaksana. Petani mampu membuat perangkap lampu.
2 | Pemetaan lahan sawah tadah hujan | Juni 2031, Kecamatan Ciawi | Tim dosen | Selesai; peta diserahkan kepada Dinas.
3 | Bimbingan teknis pupuk organik | Semula 20 Juni 2031 | 30 petani | Ditunda ke Triwulan III.
4 | Kajian irigasi tetes | - | - | Belum terlaksana.

B. PENUTUP
Demikian laporan ini.
"""

# the same table as a PDF text layer wraps it: rows run over several lines
WRAPPED_TABLE = """A. PELAKSANAAN
No | Kegiatan | Waktu dan Tempat | Peserta | Keterangan
1 | Sekolah lapang hama wereng | 3-5 Mei 2031, Balai Tani
Sukaraja | 40 petani | Terlaksana. Petani mampu membuat
perangkap lampu.
2 | Bimbingan teknis pupuk organik | Semula 20 Juni 2031 | 30 petani | Ditunda ke Triwulan
III.
B. PENUTUP
Demikian laporan ini.
"""


def _rows(text: str) -> list[str]:
    doc = DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))
    return [c.text for c in table_row_commitments(text, doc.evidence)]


def test_done_rows_of_a_pipe_table_are_commitments():
    got = _rows(TABLE_REPORT)
    assert got == [("Sekolah lapang hama wereng; 3-5 Mei 2031, Balai Tani Sukaraja; 40 petani; "
                    "Petani mampu membuat perangkap lampu"),
                   ("Pemetaan lahan sawah tadah hujan; Juni 2031, Kecamatan Ciawi; Tim dosen; "
                    "peta diserahkan kepada Dinas")], got


def test_a_wrapped_table_row_stays_one_commitment():
    assert _rows(WRAPPED_TABLE) == [("Sekolah lapang hama wereng; 3-5 Mei 2031, Balai Tani Sukaraja; 40 petani; "
                                     "Petani mampu membuat perangkap lampu")]


def test_a_recap_table_restating_the_report_gives_no_commitments():
    recap = TABLE_REPORT.replace("A. PELAKSANAAN", "A. REKAPITULASI")
    assert _rows(recap) == []


def test_a_commitment_read_from_a_piece_of_a_done_row_gives_way_to_the_row():
    doc = DocumentText(text=TABLE_REPORT, pages=(PageSpan(1, 0, len(TABLE_REPORT)),))
    start = TABLE_REPORT.index("Petani mampu")
    piece = Commitment(text="Petani mampu membuat perangkap lampu", action="", parties=(), due=None,
                       confidence=0.65, evidence=(doc.evidence(start, start + 36),), needs_review=True)
    got = [c.text for c in with_table_rows(TABLE_REPORT, doc.evidence, [piece])]
    assert piece.text not in got and len(got) == 2, got


def test_a_row_number_read_as_a_bar_by_ocr_still_opens_a_row():
    scanned = TABLE_REPORT.replace("\n1 | Sekolah", "\n| | Sekolah")
    assert _rows(scanned) == _rows(TABLE_REPORT)


def test_a_commitment_read_from_a_postponed_row_is_dropped():
    doc = DocumentText(text=TABLE_REPORT, pages=(PageSpan(1, 0, len(TABLE_REPORT)),))
    start = TABLE_REPORT.index("Ditunda ke")
    piece = Commitment(text="Ditunda ke Triwulan III", action="", parties=(), due=None,
                       confidence=0.65, evidence=(doc.evidence(start, start + 22),), needs_review=True)
    got = [c.text for c in with_table_rows(TABLE_REPORT, doc.evidence, [piece])]
    assert piece.text not in got and len(got) == 2, got


def test_a_title_like_plan_item_wrapped_onto_the_next_line_is_no_heading():
    text = ("III. RENCANA KEGIATAN\n1. Pelatihan Kader Posyandu Desa\n   dijadwalkan pada Oktober 2031.\n"
            "2. Penyusunan Modul Gizi Balita\n   bersama puskesmas pada November 2031.\n")
    doc = DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))
    got = [c.text for c in planned_commitments(text, doc.evidence, [])]
    assert got == ["Pelatihan Kader Posyandu Desa dijadwalkan pada Oktober 2031",
                   "Penyusunan Modul Gizi Balita bersama puskesmas pada November 2031"], got
