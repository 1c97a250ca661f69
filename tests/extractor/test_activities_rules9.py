"""Activity statements, session 9 rules (blind set 10 opened), on invented text: a part of a job set
against the rest that is not done is no evidence that the job was carried out; a regulation the report
says was enacted is something done. Each test has a trap where the rule must not fire."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.types import DocumentText, PageSpan


def texts_of(text: str) -> list[str]:
    return [a.text for a in extract_activities(DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),)))]


def test_a_done_clause_set_against_what_is_not_done_is_only_part_of_the_job():
    got = texts_of("LAPORAN DESA\nPelatihan kader: dua puluh kader sudah didaftarkan dinas, tetapi pelatihannya "
                   "ditunda dan sampai sekarang belum dilaksanakan.\n"
                   "Water meters are fitted in every house but the billing software has not arrived.\n"
                   "Sumur bor di Dusun Krajan telah selesai dibangun dan diresmikan kepala desa pada Mei 2026.\n")
    assert not any("didaftarkan" in t or "meters are fitted" in t for t in got)
    # trap: a done sentence with no contrast stays
    assert any("Sumur bor" in t for t in got)


def test_the_rest_said_to_be_undone_takes_the_part_before_it_along():
    got = texts_of("LAPORAN DESA\nMeter air: terpasang di 40 rumah. Sisanya 25 rumah belum karena pipa terlambat.\n"
                   "The clinic walls were painted in May. The remaining 3 rooms will not be painted this year.\n"
                   "Farm mapping: 1,140 of the member farms were mapped by June. The remaining farms will be "
                   "mapped on foot in October.\n")
    assert not any("40 rumah" in t or "walls were painted" in t for t in got)
    # trap: the rest only planned leaves the part done as work under way
    assert any("1,140" in t for t in got)


def test_a_table_status_counting_units_still_undone_is_no_done_row():
    got = texts_of("LAPORAN TRIWULAN\nNo | Uraian | Realisasi | Status\n"
                   "1 | Pemasangan lampu jalan tenaga surya | 3 dari 5 dusun | 2 dusun belum, tiang belum tiba\n"
                   "2 | Pelatihan kader posyandu | 20 orang | selesai\n")
    assert not any("lampu jalan" in t for t in got)
    assert any("Pelatihan kader posyandu" in t for t in got)


def test_a_regulation_said_to_be_enacted_is_something_done():
    got = texts_of("LAPORAN KEPALA DESA\n1. Peraturan Desa Nomor 2 Tahun 2026 tentang Tarif Air Bersih ditetapkan "
                   "tanggal 10 Juni 2026 setelah dibahas bersama BPD.\n"
                   "2. Perjanjian Kerja Sama Nomor 5/PKS/2026 yang ditetapkan tanggal 2 Mei 2026 tentang Air Bersih.\n")
    assert any("Peraturan Desa Nomor 2" in t for t in got)
    # trap: the agreement cited as the basis is no activity
    assert not any("Perjanjian Kerja Sama Nomor 5" in t for t in got)


def test_a_line_ending_in_am_ends_its_sentence_and_irregular_past_tenses_tell_an_event():
    got = texts_of("Field Note\nWe also saw volunteers helping pupils cross the road in front of the school at 6.45 a.m.\n"
                   "Note: the footbridge repair by the contractor has not started.\n")
    assert any(t.startswith("We also saw volunteers") for t in got)
    assert not any("footbridge" in t for t in got)


def test_the_documents_title_lines_are_no_part_of_its_first_statement_but_an_item_heading_stays():
    got = texts_of("Harbour Skills Trust - Field Note\nVisit to Lembah Arang Regency, 3-4 June 2026\n"
                   "During the visit we observed nurses giving a talk on hand washing at two schools.\n\n"
                   "2. Kartu Tanda Anggota Koperasi\nDiterbitkan 312 kartu bagi anggota baru.\n")
    assert got[0].startswith("During the visit")
    assert any(t.startswith("Kartu Tanda Anggota Koperasi") for t in got)


def test_an_explanation_next_to_what_is_not_done_is_the_reason_not_the_work():
    got = texts_of("Minutes of the review\n3. Nurses' course: the trust explained that the trainers are committed "
                   "elsewhere until May; the course will be held in June at the earliest.\n"
                   "4. Pumps: the pumps for the last two wells were held up at the port.\n"
                   "5. Wells: eight wells were dug in March; the last two will be dug in June.\n")
    assert not any("explained" in t or "held up" in t for t in got)
    # trap: a done clause before a plan, with no explanation, stays
    assert any("eight wells were dug" in t for t in got)


def test_being_put_forward_for_a_course_is_a_step_before_the_training():
    got = texts_of("Project blog\nThree young people from the village have been nominated for the technician course.\n"
                   "Dua kader dicalonkan sebagai peserta pelatihan bidan desa.\n"
                   "Twelve young people from the village completed the technician course in May.\n")
    assert not any("nominated" in t or "dicalonkan" in t for t in got)
    assert any("completed the technician course" in t for t in got)
