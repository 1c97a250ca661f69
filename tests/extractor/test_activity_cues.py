"""Sentence cues of activity reports: quotations, requests in minutes, item headings, mixed clauses."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done, section_kind
from extractor.activity_cues import body_after_heading, done_parts, is_request
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def texts(report: str) -> list[str]:
    return [a.text for a in extract_activities(doc(report))]


def test_quotation_over_several_sentences_is_not_activity():
    report = ('Petugas menyerahkan 30 alat pemadam kepada relawan desa. "Alat ini ringan. Relawan '
              'bisa membawanya naik perahu sampai ke lokasi api," kata Ketua Regu.\n')
    got = texts(report)
    assert any(t.startswith("Petugas menyerahkan 30 alat") for t in got)
    assert not any("Relawan bisa membawanya" in t for t in got)


def test_requests_recorded_in_minutes_are_not_done():
    report = """NOTULEN RAPAT

Pembahasan:
1. Tim puskesmas telah memeriksa 80 anak sekolah pada 2 Juni 2025.
2. Dinas Sosial meminta agar pendataan lansia dapat dimulai bulan depan.
3. Bagian Organisasi diminta menyusun rancangan peraturan paling lambat Agustus 2025.
4. The district office was asked to publish the schedule.
"""
    got = texts(report)
    assert any("memeriksa 80 anak" in t for t in got)
    assert not any("pendataan lansia" in t or "rancangan peraturan" in t or "publish the schedule" in t for t in got)
    assert not is_request("Usulan yang diusulkan warga telah dibahas bersama.")   # qualifies a noun


def test_item_heading_then_not_done_body_is_dropped():
    report = """LAPORAN PERKEMBANGAN

1. Pelatihan kader posyandu
   Pelatihan telah dilaksanakan pada 9 Mei 2025 di aula kecamatan.

2. Survei gizi keluarga di pulau terluar
   Belum dimulai. Kuesioner masih dalam pembahasan.
"""
    got = texts(report)
    assert any("Pelatihan telah dilaksanakan" in t for t in got)
    assert not any("Survei gizi" in t or "Kuesioner" in t for t in got)
    assert body_after_heading("Survei gizi keluarga\n   Belum dimulai.") == "Belum dimulai."
    # a wrapped long sentence is not a heading
    assert body_after_heading("Tim kecamatan bersama kader desa dan petugas gizi puskesmas telah\nMelakukan") is None


def test_done_clause_kept_from_a_sentence_that_also_plans():
    report = ("Empat peserta dinyatakan lulus seleksi dan akan berangkat pada Maret 2026. "
              "The first survey round was completed in May; the second round has not yet started. "
              "Modul pelatihan telah disusun dan akan diujicobakan bulan depan.\n")
    got = texts(report)
    assert "Empat peserta dinyatakan lulus seleksi" in got
    assert "The first survey round was completed in May" in got
    assert not any("second round" in t for t in got)
    assert not any("Modul pelatihan" in t for t in got)      # only prepared: not the thing done


def test_done_parts_offsets_point_at_the_clause():
    text = "Jembatan desa selesai diperbaiki; pengecatan belum dilakukan."
    spans = done_parts(text, 0, 0, len(text), is_not_done)
    assert [text[s:e] for s, e in spans] == ["Jembatan desa selesai diperbaiki"]
    assert done_parts(text, 0, 0, 15, is_not_done) == [(0, 15)]   # nothing blocked: unchanged


def test_heading_comparing_with_the_plan_is_about_results():
    assert section_kind("2. Progress against planned outputs") != "not_done"
    assert section_kind("C. Realisasi terhadap Rencana") != "not_done"
    assert section_kind("4. Plans for the next period") == "not_done"


def test_people_lists_and_label_blocks_are_not_activity():
    report = """MONITORING NOTE

Prepared by: Field Officer
Visit dates: 4-5 June 2025
Distribution: Programme team

People met
- Mr. Hendra Wijaya, Head of the Fisheries Office
- Dr. Maria Lestari, M.Sc., lecturer, Faculty of Marine Science

1. Kerja sama dengan Koperasi Nelayan Sejahtera (cold storage)
   a. Cold storage di dermaga telah beroperasi sejak 2 Mei 2025.
"""
    got = texts(report)
    assert any(t.startswith("Cold storage di dermaga telah beroperasi") for t in got)
    assert not any("Prepared by" in t or "Hendra" in t or "Maria" in t for t in got)
    # a person doing something is an activity
    assert "Mr. Hendra Wijaya opened the landing site." in texts("Mr. Hendra Wijaya opened the landing site.\n")


def test_photo_caption_reports_what_it_shows_unless_it_waits():
    report = ("Foto 1: Petugas memeriksa jaring milik nelayan di dermaga, 3 Juni 2025.\n\n"
              "Photo 2: Nets awaiting distribution in the village hall.\n")
    got = texts(report)
    assert any(t.startswith("Foto 1: Petugas memeriksa jaring") for t in got)
    assert not any("awaiting" in t for t in got)


def test_minutes_say_the_meeting_on_their_subject_was_held():
    minutes = """NOTULEN RAPAT
Evaluasi Bersama Program Beasiswa Nelayan

Hari/Tanggal : Senin, 7 Juli 2025
Tempat : Aula Kantor Camat

Pokok Bahasan:
1. Universitas menyampaikan data 30 penerima beasiswa.
"""
    acts = extract_activities(doc(minutes))
    assert acts[0].text == "Evaluasi Bersama Program Beasiswa Nelayan" and acts[0].date == "2025-07-07"
    agenda = "MINUTES OF THE MEETING\n\nDate: 2 June 2025\nAgenda: joint review of the fisheries training\n"
    assert any(a.text == "joint review of the fisheries training" for a in extract_activities(doc(agenda)))
    planned = "NOTULEN RAPAT\nRencana Kunjungan Lapangan ke Pulau Tiga\n\nHari/Tanggal : Senin, 7 Juli 2025\n"
    assert not any("Rencana Kunjungan" in a.text for a in extract_activities(doc(planned)))


def test_action_items_with_person_in_charge_and_deadline_are_plans():
    report = ("1. Tim desa telah memetakan 14 sumur bor pada 3 Juni 2025.\n"
              "2. Menyusun jadwal pengurasan sumur (PIC: Tim desa; tenggat: 30 Juni 2025).\n"
              "3. Send the well list to the district - responsible: DLH, deadline: 15 July 2025.\n")
    got = texts(report)
    assert any("memetakan 14 sumur" in t for t in got)
    assert not any("jadwal pengurasan" in t or "well list" in t for t in got)


def test_a_letter_or_reminder_asking_someone_to_do_it_is_not_the_thing_done():
    report = """NOTULEN RAPAT

Pembahasan:
1. Dinas Pariwisata telah mencetak 500 brosur wisata desa.
2. Sekretariat menyurati PT Cahaya Laut untuk mengirimkan jadwal pelayaran paling lambat 10 Mei 2025.
3. The liaison office wrote to the contractor asking it to submit the safety plan by June.
"""
    got = texts(report)
    assert any("500 brosur" in t for t in got)
    assert not any("jadwal pelayaran" in t or "safety plan" in t for t in got)


def test_a_study_only_at_its_first_stage_is_not_done():
    assert is_not_done("Perwakilan kampus menyampaikan bahwa kajian pasar ikan baru pada tahap penyusunan proposal.")
    assert is_not_done("The baseline survey is only at the proposal stage.")
    assert not is_not_done("Kajian pasar ikan telah selesai dan diserahkan kepada Bupati.")


def test_a_plan_to_use_what_someone_already_provided_reports_the_provision():
    report = """Peserta magang akan menempati asrama yang telah disediakan Pemerintah Desa Sukamaju.
The interns will use the laptops that were supplied by the company last week.
Relawan akan tinggal di balai desa yang belum disiapkan panitia.
Peserta akan menerima modul yang telah direncanakan tim.
"""
    got = texts(report)
    assert any("asrama yang telah disediakan" in t for t in got)
    assert any("laptops that were supplied" in t for t in got)
    assert not any("balai desa" in t for t in got)        # negated: nothing provided
    assert not any("modul" in t for t in got)              # planned, not provided
