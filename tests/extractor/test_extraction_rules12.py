"""Extraction rules of session 12 (blind set 15 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract
from extractor.nlp.doc_fields import kind_of
from extractor.report_tables import delimited_as_pipes


def _texts(text: str, name: str = "doc.txt") -> list[str]:
    return [c.text for c in extract(plain_doc(text), source=name, sha256="0").commitments]


def _has(texts: list[str], start: str) -> bool:
    return any(t.startswith(start) or start in t for t in texts)


# ---------------------------------------------------------------- report kinds

def test_a_month_update_and_a_progress_recap_are_activity_reports():
    mail = ("MAIL EXPORT: Mangrove nursery under the partnership - March update\n"
            "From: Ana Lopez <ana@example.org>\nTo: Budi <budi@example.org>\n\n"
            "Dear Budi,\n\nIn March we planted 4,000 seedlings along the river mouth.\n")
    recap = ("REKAPITULASI CAPAIAN KERJA SAMA PENGOLAHAN SAMPAH PASAR\n"
             "Periode: Januari s.d. Juni 2031\n\nKompos yang diproduksi mencapai 12 ton.\n")
    assert kind_of(mail) == "activity_report"
    assert kind_of(recap) == "activity_report"
    # trap: a headline with a month is still no report
    assert kind_of("Harbour city signs water deal in March\n\nThe city and the utility signed ...") != "activity_report"


# ---------------------------------------------------------------- spreadsheet exported as text

SHEET = ("REKAP PROGRES KEMITRAAN BENIH JAGUNG (EKSPOR LEMBAR KERJA)\n"
         "Nomor Dokumen: 12/REK/DP-CT/2031\n"
         "Dasar: PKS Dinas Pertanian Kabupaten Contoh Tengah dengan CV Benih Unggul Nomor 5/PKS/2031\n\n"
         "No;Kegiatan;Pelaksana;Target;Realisasi;Status;Keterangan\n"
         "1;Penyaluran benih jagung hibrida;CV Benih Unggul;20;22;Selesai;diterima 14 kelompok tani di Kecamatan Wanajaya\n"
         "2;Demplot pemupukan berimbang;Dinas Pertanian;3;0;Ditunda;lahan tergenang, dipindah ke musim tanam berikutnya\n"
         "3;Pendampingan penyuluh lapangan;Dinas Pertanian;12;7;Sebagian;tujuh kunjungan lapang sudah dilakukan\n"
         "4;Bantuan traktor tangan dari Kementerian;Kementerian Pertanian;-;2;Di luar PKS;untuk informasi\n\n"
         "Rencana bulan depan:\n"
         "- CV Benih Unggul akan menyalurkan sisa benih ke Kecamatan Sukalaras.\n")


def test_semicolon_rows_of_an_exported_sheet_become_pipes_of_the_same_length():
    piped = delimited_as_pipes(SHEET)
    assert len(piped) == len(SHEET)
    assert "1|Penyaluran benih jagung hibrida|CV Benih Unggul|20|22|Selesai|" in piped
    # trap: prose with semicolons is no table
    prose = "Kami menanam bibit; menyiram kebun; dan memanen sayur.\nLalu kami pulang; makan; tidur.\n"
    assert delimited_as_pipes(prose) == prose


def test_done_rows_of_an_exported_sheet_are_reported_and_postponed_rows_are_not():
    texts = _texts(SHEET, "rekap.txt")
    assert _has(texts, "Penyaluran benih jagung hibrida")
    assert _has(texts, "Pendampingan penyuluh lapangan")
    assert not _has(texts, "Demplot pemupukan berimbang")
    assert not _has(texts, "Bantuan traktor tangan")      # a row the sheet itself places outside the agreement
    assert _has(texts, "CV Benih Unggul akan menyalurkan sisa benih")
    ext = extract(plain_doc(SHEET), source="rekap.txt", sha256="0")
    row = next(c for c in ext.commitments if c.text.startswith("Penyaluran benih"))
    assert ";" in row.evidence[0].text and "|" not in row.evidence[0].text   # evidence quotes the file


# the same sheet as a PDF text layer wraps it: a row broken inside a cell, a last cell run on over a line
WRAPPED = ("REKAP PROGRES KEMITRAAN BENIH JAGUNG\n"
           "No;Kegiatan;Pelaksana;Target;Realisasi;Status;Keterangan\n"
           "1;Penyaluran benih jagung hibrida;CV Benih Unggul;20;22;Selesai;diterima 14 kelompok tani di\n"
           "Kecamatan Wanajaya\n"
           "2;Demplot pemupukan berimbang;Dinas\nPertanian;3;0;Ditunda;lahan tergenang\n"
           "3;Pendampingan penyuluh lapangan;Dinas Pertanian;12;7;Sebagian;tujuh kunjungan lapang\n"
           "sudah dilakukan\n"
           "Catatan:\n- Harga benih naik pada bulan Mei.\n")


def test_rows_of_an_exported_sheet_wrapped_by_a_pdf_text_layer_are_joined():
    piped = delimited_as_pipes(WRAPPED)
    assert len(piped) == len(WRAPPED)
    assert "Selesai|diterima 14 kelompok tani di Kecamatan Wanajaya\n2|" in piped
    assert "|Dinas Pertanian|3|0|Ditunda|" in piped
    assert "|tujuh kunjungan lapang sudah dilakukan\nCatatan:" in piped   # the note below is no cell


# ---------------------------------------------------------------- an email update

MAIL = ("MAIL EXPORT: School gardens under the MoU - May update\n"
        "Exported from the archived mailbox of the Education Office, Kabupaten Contoh Hilir\n\n"
        "-----\nFrom: Rosa Tan <rosa@greenhands.example>\nTo: Pak Darman <darman@disdik.example>\n"
        "Date: Monday, 2 June 2031, 08:00\nSubject: School gardens under the MoU - May update\n\n"
        "Dear Pak Darman,\n\n"
        "As promised on the phone, here is the May update on the gardens we run with your office.\n\n"
        "What we did in May:\n"
        "- We built raised vegetable beds in six primary schools of Kecamatan Lembah Hijau.\n"
        "- Forty teachers completed the two-day composting course.\n\n"
        "Next month:\n- We will hand over watering pumps to the six schools.\n\n"
        "Best regards,\nRosa Tan\n\n-----\nFrom: Pak Darman <darman@disdik.example>\nTo: Rosa Tan <rosa@greenhands.example>\n"
        "Date: Tuesday, 3 June 2031, 10:00\nSubject: RE: School gardens under the MoU - May update\n\n"
        "Thank you. Please remember that every pump invoice must carry the school stamp.\n")


def test_an_email_update_reports_its_done_items_but_not_its_title_cover_line_or_requests():
    texts = _texts(MAIL, "mail.txt")
    assert _has(texts, "We built raised vegetable beds")
    assert _has(texts, "Forty teachers completed")
    assert _has(texts, "We will hand over watering pumps")
    assert not _has(texts, "Exported from the archived mailbox")
    assert not _has(texts, "here is the May update")
    assert not _has(texts, "Please remember that every pump invoice")


def test_a_total_amount_in_a_report_note_is_no_activity():
    report = ("LAPORAN KEGIATAN PENDAMPINGAN UMKM\n\n"
              "1. Tim pendamping telah melatih 25 pelaku usaha tentang pembukuan sederhana.\n"
              "2. Total nilai pinjaman yang disalurkan koperasi pada periode ini sekitar Rp1,2 miliar.\n")
    texts = _texts(report, "lap.txt")
    assert _has(texts, "Tim pendamping telah melatih 25 pelaku usaha")
    assert not _has(texts, "Total nilai pinjaman")


# ---------------------------------------------------------------- release undertakings

RILIS = ("SIARAN PERS DINAS SOSIAL KABUPATEN CONTOH BARAT\n\n"
         "CONTOH BARAT, Kamis (4/6/2031) — Pemerintah Kabupaten Contoh Barat dan Yayasan Pangan Lestari "
         "menandatangani nota kesepahaman tentang dapur umum bagi lansia.\n\n"
         "Bupati Rahmat meminta Dinas Sosial menyiapkan data lansia di setiap desa. "
         "Yayasan akan memasak 300 porsi makanan setiap hari.\n\n"
         "Bupati juga meminta masyarakat menjaga kebersihan lingkungan.\n")

RELEASE = ("PRESS STATEMENT\nHarbour town and water utility sign deal on clean taps\n\n"
           "PORT CONTOH, 3 March 2031 — The Town of Port Contoh and Clearflow Utilities today signed an agreement "
           "on drinking water for the old quarter.\n\n"
           "Clearflow will lay 12 kilometres of new pipes by the end of 2031. "
           "The Mayor asked the Public Works Office to clear the road verges before the works start. "
           "Clearflow further undertook to publish a quarterly water-quality bulletin.\n")


def test_a_request_to_a_government_unit_in_a_release_is_a_commitment():
    texts = _texts(RILIS, "rilis.txt")
    assert _has(texts, "meminta Dinas Sosial menyiapkan data lansia")
    assert _has(texts, "Yayasan akan memasak 300 porsi")
    # trap: a request to the public is no task of a party
    assert not _has(texts, "meminta masyarakat menjaga kebersihan")
    assert _has(_texts(RELEASE, "release.txt"), "asked the Public Works Office to clear the road verges")


def test_a_reported_undertaking_in_the_past_tense_is_a_commitment():
    texts = _texts(RELEASE, "release.txt")
    assert _has(texts, "further undertook to publish a quarterly water-quality bulletin")
    assert _has(texts, "Clearflow will lay 12 kilometres")


# a PDF text layer without blank lines: the headline runs into the dateline and the first sentence
LAYER = ("PRESS STATEMENT\nHarbour town and water utility sign agreement on clean taps for the old\nquarter\n"
         "PORT CONTOH, 3 March 2031 — The Town of Port Contoh and Clearflow Utilities today signed an agreement\n"
         "to bring piped water to the old quarter, where families now buy water from carts.\n"
         "Clearflow will lay 12 kilometres of new pipes by the end of 2031.\n")


def test_a_headline_run_into_the_first_sentence_does_not_make_it_a_scope_statement():
    texts = _texts(LAYER, "layer.txt")
    assert _has(texts, "Clearflow will lay 12 kilometres")
    assert not any("today signed an agreement" in t for t in texts)


# the same sheet read by OCR from a scan: ";" misread as ":" in some rows, a stray "|" for "I"
SCANNED = ("REKAP PROGRES KEMITRAAN BENIH JAGUNG\n"
           "No;Kegiatan;Pelaksana;Target;Realisasi;Status;Keterangan\n"
           "1;Penyaluran benih jagung hibrida:CV Benih Unggul;20;22;Selesai;diterima kelompok tani\n"
           "2;Demplot pemupukan berimbang;Dinas Pertanian;3;0;Ditunda;dipindah ke triwulan | 2032\n"
           "3:Pendampingan penyuluh lapangan;Dinas Pertanian;12;7;Sebagian;kunjungan lapang: tujuh kali\n")


def test_colons_misread_for_semicolons_by_ocr_still_separate_the_cells_of_a_short_row():
    piped = delimited_as_pipes(SCANNED)
    assert "1|Penyaluran benih jagung hibrida|CV Benih Unggul|20|" in piped
    assert "3|Pendampingan penyuluh lapangan|" in piped            # a row after one with a stray "|"
    assert "kunjungan lapang: tujuh kali" in piped                  # a colon with a space is the text's own
    texts = _texts(SCANNED, "scan.txt")
    assert _has(texts, "Pendampingan penyuluh lapangan")
