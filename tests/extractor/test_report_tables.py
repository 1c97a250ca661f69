"""Pipe tables of activity reports: rows whose status / realisation says done become statements."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done
from extractor.report_tables import find_pipe_tables, table_activities
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


ID_TABLE = """DINAS PERIKANAN KABUPATEN CONTOH

LAPORAN TRIWULAN II TAHUN 2025

Tanjung Contoh, 5 Juli 2025

B. Capaian Kegiatan

| No | Kegiatan | Target | Realisasi | Keterangan |
| 1 | Penebaran benih ikan nila di waduk desa | 20.000 ekor | 12.000 ekor | Dilaksanakan bersama pokdakan |
| 2 | Sertifikat cara budidaya ikan yang baik | 1 dokumen | 1 dokumen | Terbit 14 Mei 2025 |
| 3 | Pembangunan kolam percontohan | 4 kolam | 0 kolam | Belum terlaksana, lahan belum tersedia |
| 4 | Pelatihan pakan mandiri | 2 angkatan | - | Ditunda ke triwulan IV |
"""

EN_TABLE = """Quarterly update

2. Progress against planned outputs

| Output | Target | Achieved to date | Status |
|---|---|---|---|
| Mangrove seedlings planted along the estuary | 10 ha | 6 ha planted by school volunteers | On track |
| Boat engine repair course for fishers | 2 courses | One course held on 3 June 2025 for 18 fishers | Completed |
| Cold storage unit at the landing site | 1 unit | Not started | Postponed to 2026 pending the land title |
| Savings groups for fish traders | 5 groups | Not started | Not started |
"""


def texts(report: str) -> list[str]:
    return [a.text for a in extract_activities(doc(report))]


def test_indonesian_table_rows_by_realisation_and_remarks():
    got = texts(ID_TABLE)
    assert any(t.startswith("Penebaran benih ikan nila") and "12.000 ekor" in t for t in got)
    assert any(t.startswith("Sertifikat cara budidaya") and "Terbit 14 Mei 2025" in t for t in got)
    assert not any("kolam percontohan" in t for t in got)     # 0 kolam, "Belum terlaksana"
    assert not any("pakan mandiri" in t for t in got)         # "-", "Ditunda"
    assert not any("20.000" in t for t in got)                # the target is left out


def test_english_status_column_decides_and_plan_comparison_heading_is_results():
    got = texts(EN_TABLE)
    assert any(t.startswith("Mangrove seedlings planted") for t in got)          # On track
    assert any(t.startswith("Boat engine repair course") for t in got)           # Completed
    assert not any("Cold storage" in t or "Savings groups" in t for t in got)     # not started / postponed


def test_row_date_and_evidence_offsets():
    acts = extract_activities(doc(ID_TABLE))
    cert = next(a for a in acts if a.text.startswith("Sertifikat"))
    assert cert.date == "2025-05-14"                      # its own date, from the remarks cell
    fish = next(a for a in acts if a.text.startswith("Penebaran"))
    assert fish.date == "2025-07-05"                      # the report's date
    ev = fish.evidence[0]
    assert ID_TABLE[ev.start:ev.end].startswith("Penebaran benih") and ID_TABLE[ev.start:ev.end].endswith("pokdakan")
    # each table row is read once (not again as a paragraph)
    assert sum("Penebaran" in a.text for a in acts) == 1


def test_follow_up_table_with_person_in_charge_and_deadline_is_plans():
    minutes = """NOTULEN RAPAT KOORDINASI

Hari/Tanggal : Rabu, 3 September 2025

1. Tim kampus telah mengukur kualitas air di 12 sumur warga.

| No | Rencana Aksi | Penanggung Jawab | Batas Waktu |
| 1 | Mengirim hasil uji air kepada kepala desa | Tim kampus | 20 September 2025 |
| 2 | Memasang saringan air di balai desa | Dinas | 30 Oktober 2025 |
"""
    got = texts(minutes)
    assert any("mengukur kualitas air" in t for t in got)
    assert not any("hasil uji air" in t or "saringan" in t for t in got)


def test_table_without_status_column_is_read_by_its_words():
    report = """Kegiatan bulan Juni 2025

| Tanggal | Kegiatan | Peserta |
| 4 Juni 2025 | Penyuluhan gizi balita di posyandu | 35 ibu |
| 19 Juni 2025 | Kunjungan rumah akan dilakukan bersama kader | 10 kader |
"""
    got = texts(report)
    assert any(t.startswith("Penyuluhan gizi balita") and "35 ibu" in t for t in got)
    assert not any("Kunjungan rumah" in t for t in got)


def test_signature_columns_and_prose_with_one_pipe_are_not_tables():
    text = "Kota Contoh, 3 Mei 2025\n | Kepala Dinas,\n | ttd\n | Budi\n"
    assert find_pipe_tables(text) == []
    text2 = "Pelatihan | 10 peserta\nRapat | 5 peserta\n"   # no header naming column roles
    assert find_pipe_tables(text2) == []


def test_under_way_with_nothing_realised_is_not_done():
    text = """| Kegiatan | Realisasi | Status |
| Penyusunan peraturan bupati | 0 % | Dalam proses |
| Penyusunan modul pelatihan | 1 modul | Dalam proses |
| Pembangunan gudang benih | 40 % | Berjalan sebagian |
"""
    tables = find_pipe_tables(text)
    rows = [r.text for r in table_activities(text, tables[0], is_not_done)]
    assert rows == ["Penyusunan modul pelatihan — 1 modul", "Pembangunan gudang benih — 40 %"]


DATED_LOG = """RADIO PESISIR FM
AIRTIME REPORT

1. "Suara Desa" call-in programme
| Month | Broadcast date | Theme | Guest |
| March | 3 Mar | Clean water | Head of Dinas PUPR |
| April | — | not broadcast (Ramadan schedule) | — |
| May | 5 May | Village budgets | Camat |
"""


def test_a_dated_log_without_activity_column_reads_each_row_under_its_caption():
    got = [a.text for a in extract_activities(doc(DATED_LOG))]
    rows = [t for t in got if t.startswith('"Suara Desa" call-in programme:')]
    assert len(rows) == 2, got
    assert any("Clean water" in t for t in rows) and any("Village budgets" in t for t in rows)
    assert not any("Ramadan" in t for t in got)   # no date, "not broadcast": nothing took place


def test_a_table_under_a_plan_heading_is_skipped_even_though_its_header_row_looks_like_a_heading():
    report = """DINAS PERHUBUNGAN KABUPATEN CONTOH
LAPORAN SEMESTER I

1. Kegiatan yang telah dilaksanakan
a. Pemasangan 40 rambu lalu lintas di jalan desa.

2. Rencana anggaran
| Kegiatan | Sumber | Pagu (Rp) | Tahun |
| Pembangunan terminal tipe C | APBD | 2.000.000.000 | 2027 (usulan) |
"""
    got = [a.text for a in extract_activities(doc(report))]
    assert any("40 rambu" in t for t in got)
    assert not any("terminal" in t for t in got), got


ACTION_PLAN_REALISATION = """DINAS KESEHATAN KABUPATEN CONTOH
LAPORAN REALISASI RENCANA AKSI PENCEGAHAN STUNTING
Semester I Tahun 2025

| No | Rencana Aksi | Pagu (Rp) | Realisasi | Keterangan |
| 1 | Pemberian makanan tambahan bagi balita gizi kurang | 120.000.000 | 98.400.000 (82%) | 310 balita di 14 posyandu |
| 2 | Pelatihan kader posyandu tentang pemantauan tumbuh kembang | 15.000.000 | 2 angkatan | 60 kader; 3-4 Maret 2025 |
| 3 | Pengadaan alat ukur tinggi badan untuk puskesmas | 80.000.000 | 0 (0%) | paket pengadaan akan ditender pada Agustus 2025 |
| 4 | Penyusunan peraturan bupati tentang konvergensi stunting | 10.000.000 | 35% | masih dalam pembahasan bersama Bagian Hukum |
"""


def test_action_plan_realisation_table_reports_the_rows_realised():
    # "Rencana Aksi" names what was planned; the Realisasi column says whether it was done
    got = texts(ACTION_PLAN_REALISATION)
    assert any(t.startswith("Pemberian makanan tambahan") and "310 balita" in t for t in got), got
    assert any(t.startswith("Pelatihan kader posyandu") and "2 angkatan" in t for t in got), got
    assert not any("alat ukur" in t for t in got)          # 0 (0%), to be tendered
    assert not any("peraturan bupati" in t for t in got)    # 35% and still under discussion: a draft
    assert not any("120.000.000" in t for t in got)         # the budget ceiling is left out
    assert not any(t.startswith("Semester I") for t in got)  # the period line is no caption of rows


def test_planned_actions_with_remarks_only_count_when_the_status_says_done():
    report = """| No | Rencana Kegiatan | Keterangan |
| 1 | Sosialisasi bank sampah di kelurahan | Selesai, 4 kelurahan |
| 2 | Pembelian timbangan digital | Dinas Lingkungan Hidup |
"""
    tables = find_pipe_tables(report)
    rows = [r.text for r in table_activities(report, tables[0], is_not_done)]
    assert rows == ["Sosialisasi bank sampah di kelurahan — 4 kelurahan"]


def test_planned_actions_with_person_in_charge_only_stay_a_plan_table():
    from extractor.report_tables import is_plan_table
    plan = """| No | Rencana Aksi | Sasaran |
| 1 | Pelatihan operator timbangan | 10 orang |
"""
    assert is_plan_table(find_pipe_tables(plan)[0])
    assert texts(plan) == []


def test_a_realisation_of_no_money_is_nothing_done():
    text = """| Kegiatan | Pagu | Realisasi | Keterangan |
| Pengadaan perahu patroli | Rp 450.000.000 | Rp 0 | lelang ulang |
| Rehabilitasi dermaga desa | Rp 200.000.000 | Rp0,- | |
| Pelatihan pemandu selam | Rp 40.000.000 | Rp 38.500.000 | 25 peserta |
| Survei terumbu karang | USD 5,000 | USD 0.00 | |
"""
    rows = [r.text for r in table_activities(text, find_pipe_tables(text)[0], is_not_done)]
    assert rows == ["Pelatihan pemandu selam — Rp 38.500.000; 25 peserta"]


def test_works_part_way_are_under_way_but_a_draft_part_way_is_not_done():
    text = """| Kegiatan | Realisasi | Keterangan |
| Pembangunan gudang beku | 60% | dalam proses pengerjaan |
| Penyusunan peraturan desa tentang pasar | 50% | tahap harmonisasi |
"""
    rows = [r.text for r in table_activities(text, find_pipe_tables(text)[0], is_not_done)]
    assert [r.split(" — ")[0] for r in rows] == ["Pembangunan gudang beku"]
