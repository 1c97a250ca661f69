"""Activity statements, session 7 rules (blind set 7), on invented text."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def texts_of(text: str) -> list[str]:
    return [a.text for a in extract_activities(doc(text))]


def test_a_percent_column_heads_a_table_whose_zero_rows_are_not_done():
    report = ("B. Realisasi Anggaran\n"
              "| Kegiatan | Pagu (Rp) | Realisasi | % |\n"
              "| Perawatan jaringan irigasi | 900.000.000 | 450.000.000 | 50 |\n"
              "| Pembelian alat ukur debit | 300.000.000 | 0 | 0 |\n")
    texts = texts_of(report)
    assert texts == ["Perawatan jaringan irigasi — 450.000.000; 50"]
    # a row of figures is still no header
    assert texts_of("| 12 | 40 % |\n| 3 | 5 % |\n") == []


def test_a_heading_saying_a_plan_was_delivered_is_no_plans_section():
    from extractor.activities import section_kind

    assert section_kind("Harbour district: master plan delivered") == "done"
    assert section_kind("Rencana induk diserahkan") == "done"
    # plans still to be delivered, a plans section, a document not yet signed
    assert section_kind("Plans to be delivered") == "not_done"
    assert section_kind("Rencana Kegiatan") == "not_done"
    assert section_kind("Dokumen belum ditandatangani") == "not_done"
    newsletter = ("ORCHARD WATER TRUST - AUTUMN BULLETIN\n\n"
                  "Kembang Sari: master plan delivered\n"
                  "Our engineers handed over the irrigation plan to the district in early May.\n\n"
                  "Field school\n"
                  "Twenty farmers finished the first field school in June.\n\n"
                  "Exchange visit\n"
                  "The exchange visit is now planned for March.\n")
    texts = texts_of(newsletter)
    assert any("Twenty farmers finished" in t for t in texts)
    assert not any("exchange visit" in t for t in texts)


def test_a_plan_after_a_determiner_and_a_modifier_is_the_document():
    from extractor.activities import is_not_done

    assert not is_not_done("Our engineers handed over the irrigation plan to the district in early May.")
    assert not is_not_done("The board adopted a new plan for the river basin.")
    # the verb "plan" after a plural subject or a pronoun; the plan as an intention; put into a plan
    assert is_not_done("The two agencies plan a joint survey.")
    assert is_not_done("This year we plan a joint survey.")
    assert is_not_done("The irrigation plan is to line the canals next year.")
    assert is_not_done("The survey was included in the irrigation plan for the district.")


def test_a_label_listing_what_the_activity_covered_is_read_with_it():
    report = ("Laporan Kader Posyandu\n\n"
              "Penyuluhan gizi balita diikuti 35 ibu di balai dusun. Materi: menu seimbang, cuci tangan dan "
              "pemantauan berat badan.\n\n"
              "Pelatihan kader dilaksanakan pada 3 Mei 2031.\n"
              "Peserta: 20 kader dari lima dusun.\n")
    texts = texts_of(report)
    assert any(t.startswith("Penyuluhan gizi balita") and t.endswith("pemantauan berat badan.") for t in texts)
    # a label on a line of its own is not joined; a label telling an event is a statement of its own
    assert "Pelatihan kader dilaksanakan pada 3 Mei 2031." in texts
    report2 = "Sosialisasi banjir diikuti 30 warga desa. Hasil: warga telah membentuk tim siaga.\n"
    assert texts_of(report2) == ["Sosialisasi banjir diikuti 30 warga desa.", "Hasil: warga telah membentuk tim siaga."]


def test_emoji_end_the_sentences_of_a_post():
    post = ("Karang Taruna Desa Lamban - Instagram\n2 Mei 2031\n\n"
            "Minggu lalu pemuda desa membersihkan saluran irigasi sepanjang dua kilometer 💪🌾 "
            "Hari Sabtu ada kelas menjahit dari dinas koperasi buat ibu-ibu se-desa 🧵 "
            "Terima kasih semua 🙏 mari lanjut 😊 semangat\n")
    texts = texts_of(post)
    assert "Minggu lalu pemuda desa membersihkan saluran irigasi sepanjang dua kilometer 💪🌾" in texts
    assert "Hari Sabtu ada kelas menjahit dari dinas koperasi buat ibu-ibu se-desa 🧵" in texts
    # an emoji before a lower-case word ends no sentence
    assert texts_of("Warga menanam 500 bibit bakau 🌱 bersama siswa SD di pantai timur.\n") == [
        "Warga menanam 500 bibit bakau 🌱 bersama siswa SD di pantai timur."]


def test_an_unnumbered_caption_over_a_list_is_no_statement():
    report = ("RIVERLINE HEALTH - HALF-YEAR UPDATE\n"
              "Clinics site Tanjung Ara - status at 30 June 2031\n\n"
              "1. Two mobile clinics visited the river villages every week.\n\n"
              "Remote clinics programme, Tanjung Ara\n\n"
              "- Nurses trained: 14 village nurses finished the course in May.\n\n"
              "Vaccination was carried out in three villages\n"
              "- Desa Hulu\n- Desa Hilir\n")
    texts = texts_of(report)
    assert not any("status at" in t or t.startswith("Remote clinics programme") for t in texts)
    assert any(t.startswith("Two mobile clinics") for t in texts)
    assert any(t.startswith("Nurses trained") for t in texts)
    # a line over a list that tells an event reports it
    assert "Vaccination was carried out in three villages" in texts


def test_a_letter_head_of_labels_and_a_place_date_line_is_no_statement():
    letter = ("PEMERINTAH KABUPATEN TANJUNG ARA\nKECAMATAN HULU BARAT\n\n"
              "Nomor: 410/77/Kec-HB/V/2031\nHulu Barat, 3 Mei 2031\nPerihal: Laporan kegiatan posyandu\n\n"
              "1. Posyandu balita dibuka kembali di tiga desa sejak April 2031.\n")
    texts = texts_of(letter)
    assert texts == ["Posyandu balita dibuka kembali di tiga desa sejak April 2031."]
    # two place-and-date lines without a label are no label block (nothing to drop here either way)
    from extractor.activity_cues import is_label_block

    assert not is_label_block("Hulu Barat, 3 Mei 2031\nTanjung Ara, 4 Mei 2031")
    assert not is_label_block("Kegiatan posyandu berjalan baik.\nPerihal: laporan")


def test_the_attendance_line_of_minutes_is_no_statement():
    minutes = ("NOTULEN RAPAT KOORDINASI AIR BERSIH\n\n"
               "Hadir: Kepala Dinas dan dua kepala bidang; perwakilan desa; konsultan.\n\n"
               "1. Dinas melaporkan bahwa 12 sambungan rumah sudah terpasang di Desa Lamban.\n")
    texts = texts_of(minutes)
    assert not any(t.startswith("Hadir") for t in texts)
    assert any("12 sambungan rumah sudah terpasang" in t for t in texts)
    # an attendance label followed by what was done is kept; other labels are not touched
    assert texts_of("Present: the clinic staff, who vaccinated 40 children that morning.\n")
    assert texts_of("Peserta: 24 kader posyandu dari lima desa mengikuti pelatihan.\n")


def test_asking_for_or_about_something_is_no_activity():
    from extractor.activity_cues import is_request

    assert is_request("Para kepala desa menanyakan traktor yang dijanjikan.")
    assert is_request("Anggota dewan meminta dinas membuka posko pengaduan.")
    assert is_request("The principals asked about the promised tablets.")
    # an adjective, a relative clause, and what was given on request are no requests
    assert not is_request("Air bersih menjadi kebutuhan mendesak warga.")
    assert not is_request("Dinas menyerahkan 20 traktor yang diminta kelompok tani.")
    minutes = ("Tim inspeksi menemukan tiga pintu air di Desa Lamban rusak dan meminta perbaikan sebelum musim hujan.\n")
    assert texts_of(minutes) == ["Tim inspeksi menemukan tiga pintu air di Desa Lamban rusak"]


def test_a_row_still_waiting_is_not_done():
    table = ("| No | Uraian | Capaian | Keterangan |\n"
             "| 1 | Pemasangan pipa induk | 2 km | Masih berjalan di Desa Lamban |\n"
             "| 2 | Uji kualitas air | 4 sampel | Masih menunggu hasil laboratorium provinsi |\n")
    texts = texts_of(table)
    assert any(t.startswith("Pemasangan pipa induk") for t in texts)
    assert not any(t.startswith("Uji kualitas air") for t in texts)


def test_a_draft_as_the_realisation_is_not_the_thing_done():
    table = ("| No | Kegiatan | Capaian | Keterangan |\n"
             "| 1 | Standar pelayanan puskesmas | Draf | dibahas bersama mitra |\n"
             "| 2 | Pedoman rujukan | Rancangan telah ditetapkan Kepala Dinas | - |\n"
             "| 3 | Pelatihan bidan desa | 24 orang | - |\n")
    texts = texts_of(table)
    assert not any(t.startswith("Standar pelayanan") for t in texts)
    assert any(t.startswith("Pedoman rujukan") for t in texts)
    assert any(t.startswith("Pelatihan bidan desa") for t in texts)


def test_people_unable_to_come_did_nothing():
    from extractor.activities import is_not_done

    assert is_not_done("Three invited farmers were unable to attend.")
    assert is_not_done("The contractor failed to deliver the second pump.")
    assert is_not_done("Dua kader berhalangan hadir.")
    assert not is_not_done("Forty farmers were able to attend the field day.")


def test_the_informal_thanks_of_a_post_is_no_statement():
    post = ("Sanggar Tari Desa Lamban - Facebook\n3 Mei 2031\n\n"
            "Kemarin 30 anak menampilkan tari daerah di pendopo kecamatan 💃 "
            "Pelatih dari dinas dan kakak-kakak relawan, makasih banyak ya! 🙏\n")
    texts = texts_of(post)
    assert texts == ["Kemarin 30 anak menampilkan tari daerah di pendopo kecamatan 💃"]
    # "thanks to" tells why something happened
    assert texts_of("Thanks to the new pump, forty households now receive clean water every day.\n")


def test_work_under_another_contract_is_no_evidence_for_this_one():
    report = ("ORCHARD WATER TRUST - AUTUMN BULLETIN\n\n"
              "Our engineers repaired four irrigation gates in Kembang Sari in October. "
              "Our team also surveyed two dams in Lembah Hijau under a separate contract with that regency.\n\n"
              "Tim kami juga memperbaiki sumur bor di Desa Lamban melalui kontrak terpisah dengan dinas.\n")
    texts = texts_of(report)
    assert texts == ["Our engineers repaired four irrigation gates in Kembang Sari in October."]
    # "separate" of something else is no other contract
    assert texts_of("The volunteers cleaned the separate storage rooms of the two clinics.\n")
