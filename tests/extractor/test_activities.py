"""Activity statements: done vs planned/postponed/cancelled, list items, dates, letterhead, offsets."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done, letterhead
from extractor.types import DocumentText, PageSpan, Party

REPORT = """DINAS PERTANIAN
KABUPATEN CONTOH

Laporan Kegiatan — Senin, 3 Juni 2024

1. Pelatihan pengolahan kompos bagi 40 petani telah dilaksanakan di Balai Desa Sukamaju pada 28 Mei 2024.
2. Penyerahan bibit kopi kepada kelompok tani direncanakan pada bulan Juli.
3. Pameran produk pertanian ditunda ke tahun 2025 karena keterbatasan anggaran.
4. Kunjungan ke kebun percobaan batal dilaksanakan.

Tim penyuluh menyerahkan data luas lahan dan daftar 21 petani yang belum terdaftar kepada Dinas. The provincial team will visit next month. The seed storage was repaired by the village team.
"""


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def test_done_statements_kept_and_plans_dropped():
    acts = extract_activities(doc(REPORT))
    texts = [a.text for a in acts]
    assert any(t.startswith("Pelatihan pengolahan kompos") for t in texts)
    assert not any("bibit kopi" in t for t in texts)          # direncanakan
    assert not any("Pameran" in t for t in texts)             # ditunda
    assert not any("kebun percobaan" in t for t in texts)     # batal
    assert not any("will visit" in t for t in texts)          # will
    assert any(t.startswith("The seed storage was repaired") for t in texts)


def test_relative_clause_negation_is_not_a_plan():
    # "yang belum terdaftar" qualifies the farmers; the handing over itself was done
    acts = extract_activities(doc(REPORT))
    assert any(a.text.startswith("Tim penyuluh menyerahkan data") for a in acts)
    assert is_not_done("Sosialisasi yang direncanakan bersama belum dapat digelar.")
    assert not is_not_done("Daftar perusahaan yang belum mendaftar telah diserahkan.")


def test_english_cues():
    for text in ("The seminar has been postponed to 2025.", "The visit was cancelled.",
                 "The committee has not yet been formed.", "We look forward to the next exchange."):
        assert is_not_done(text), text
    assert not is_not_done("The delegation visited the waterfront and met the managers.")


def test_dates_offsets_and_list_markers():
    acts = extract_activities(doc(REPORT))
    first = next(a for a in acts if a.text.startswith("Pelatihan"))
    assert first.date == "2024-05-28"   # its own date
    assert not first.text.startswith("1.")
    other = next(a for a in acts if a.text.startswith("Tim penyuluh"))
    assert other.date == "2024-06-03"   # the report's date
    for a in acts:
        e = a.evidence[0]
        assert REPORT[e.start:e.end] == e.text == a.text


def test_letterhead_and_named_parties_are_statement_parties():
    assert letterhead(REPORT) == ("DINAS PERTANIAN", "KABUPATEN CONTOH")
    acts = extract_activities(doc(REPORT), parties=[Party(name="Kelompok Tani Maju", aliases=("Dinas",))])
    tim = next(a for a in acts if a.text.startswith("Tim penyuluh"))
    assert tim.parties[0] == "Kelompok Tani Maju" and "DINAS PERTANIAN" in tim.parties


def test_empty_and_heading_only_reports_give_no_statements():
    assert extract_activities(doc("")) == ()
    assert extract_activities(doc("LAPORAN KEGIATAN\n\nNomor : 12/2024\n\nttd.\n\nBudi Santoso, S.E.\n")) == ()


def test_cue_inside_a_name_is_not_a_plan():
    assert not is_not_done("Kepala desa mengikuti bimbingan teknis penyusunan Rencana Pembangunan Jangka "
                           "Menengah Desa di aula kecamatan.")
    assert is_not_done("Penyusunan rencana induk akan dimulai tahun depan.")
