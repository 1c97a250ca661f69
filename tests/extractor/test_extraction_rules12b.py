"""Extraction rules of session 12 (blind set 16 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract
from extractor.nlp.doc_fields import kind_of


def _run(text: str, name: str = "doc.txt"):
    return extract(plain_doc(text), source=name, sha256="0")


def _party_names(text: str) -> list[str]:
    return [p.name for p in _run(text).parties]


# ---------------------------------------------------------------- parties

THREE_PARTY = (
    "PERJANJIAN KERJA SAMA TIGA PIHAK\n"
    "TENTANG\n"
    "PENGELOLAAN MATA AIR DI DESA WATU ANYAR\n"
    "Nomor UPTD: 12/UPTD-SW/IV/2031\n"
    "Nomor Kelompok: 3/KPA/IV/2031\n"
    "Pada hari ini Senin tanggal 7 April 2031 kami yang bertanda tangan di bawah ini:\n"
    "PIHAK PERTAMA, Rahmat Hidayat, S.T., Kepala UPTD Pengelolaan Irigasi Wilayah Timur, bertindak untuk "
    "dan atas nama UPTD Pengelolaan Irigasi Wilayah Timur pada Dinas Pekerjaan Umum Provinsi Contoh Raya, "
    "selanjutnya disebut UPTD;\n"
    "PIHAK KEDUA, Sarijo, Ketua Kelompok Tani Tirta Makmur, bertindak untuk dan atas nama Kelompok Tani Tirta "
    "Makmur, selanjutnya disebut KELOMPOK;\n"
    "PIHAK KETIGA, Dewi Anggraini, Direktur PT Bening Tirta Abadi, bertindak untuk dan atas nama PT Bening "
    "Tirta Abadi, selanjutnya disebut PERUSAHAAN.\n"
    "Pasal 1\nTugas UPTD\n"
    "a) memeriksa debit mata air setiap bulan;\n"
    "b) melatih anggota KELOMPOK merawat saluran.\n"
    "Pasal 2\nHal Lain\n"
    "Perjanjian ini dibuat dalam 3 (tiga) rangkap.\n"
    "PIHAK PERTAMA || PIHAK KEDUA || PIHAK KETIGA\n"
    "Kepala UPTD PI Wilayah Timur || Ketua Kelompok Tani Tirta Makmur || Direktur PT Bening Tirta Abadi\n"
    "Rahmat Hidayat, S.T. || Sarijo || Dewi Anggraini\n")


def test_party_clauses_led_by_their_role_name_three_parties_without_a_title_between():
    ex = _run(THREE_PARTY)
    names = [p.name for p in ex.parties]
    assert "UPTD Pengelolaan Irigasi Wilayah Timur" in names
    assert "Kelompok Tani Tirta Makmur" in names
    assert "PT Bening Tirta Abadi" in names
    # trap: the office the unit belongs to is named in the clause but acts for nobody
    assert not any(n.startswith("Dinas Pekerjaan Umum") for n in names)
    roles = {p.name: p.role for p in ex.parties}
    assert roles["PT Bening Tirta Abadi"] == "PIHAK KETIGA"


def test_a_one_word_name_after_a_role_label_is_the_signer():
    officials = {o.name: o.position for o in _run(THREE_PARTY).officials}
    assert "Sarijo" in officials
    assert officials["Sarijo"].startswith("Ketua Kelompok Tani")


def test_a_signature_row_naming_a_director_of_a_party_is_no_commitment():
    texts = [c.text for c in _run(THREE_PARTY).commitments]
    assert any(t.startswith("memeriksa debit mata air") for t in texts)
    assert not any("PIHAK PERTAMA ||" in t or "Direktur PT Bening" in t for t in texts)


def test_a_hospital_for_mothers_and_children_is_one_body():
    release = ("Dinkes dan RSIA Kasih Bunda Teken Kerja Sama\n"
               "KOTA CONTOH - Dinas Kesehatan Kota Contoh menjalin kerja sama dengan Rumah Sakit Ibu dan Anak "
               "(RSIA) Kasih Bunda untuk pemeriksaan ibu hamil. Perjanjian itu diteken Kepala Dinas Kesehatan, "
               "dr. Budi Santoso, dan Direktur RSIA Kasih Bunda, dr. Lestari Wulandari, Sp.OG., di Balai Kota.\n"
               "RSIA Kasih Bunda akan mengirim bidan ke 10 posyandu setiap bulan.\n")
    ex = _run(release)
    names = [p.name for p in ex.parties]
    assert any(n.startswith("Rumah Sakit Ibu dan Anak") and "Kasih Bunda" in n for n in names)
    assert not any(n == "Rumah Sakit Ibu" for n in names)
    people = [o.name for o in ex.officials]
    assert "Lestari Wulandari" in people
    assert "Kasih Bunda" not in people


CHECKLIST = (
    "HALF-YEAR PARTNERSHIP CHECKLIST\n"
    "Open Pages Reading Circle - Country Office\n"
    "Form ref.: BWS/HY/2031-01\n"
    "Partner: Education Office of Contoh Regency (Disdik Contoh)\n"
    "Filled in by: Mira Jensen, Programme Officer, Open Pages Reading Circle\n"
    "Legend: [x] done | [~] partly done | [ ] not done\n"
    "[x] B1. Hand-washing stations installed in twelve primary schools.\n"
    "[~] B2. Teachers of six schools trained in hygiene lessons; the other six wait for the new term.\n"
    "[ ] B3. The school toilets survey did not start.\n"
    "Next half-year\n"
    "We will train the teachers of the remaining six schools by 30 June 2031.\n")


def test_a_ticked_status_checklist_is_an_activity_report():
    assert kind_of(CHECKLIST) == "activity_report"
    # trap: a ticked list of documents to bring, nothing done or not done
    docs = "Bring to the interview:\n[ ] passport\n[ ] two photographs\n[ ] the invitation letter\n"
    assert kind_of(docs) != "activity_report"


def test_the_writer_named_on_a_letterhead_line_without_an_organisation_head_is_a_party():
    names = _party_names(CHECKLIST)
    assert "Open Pages Reading Circle" in names
    assert any(n.startswith("Education Office of Contoh Regency") for n in names)
    # trap: a name on the letterhead that the report never names again is not taken
    once = CHECKLIST.replace("Programme Officer, Open Pages Reading Circle", "Programme Officer")
    assert "Open Pages Reading Circle" not in _party_names(once)


def test_a_short_form_of_the_titled_party_is_its_alias_not_another_party():
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nUNIT PELAKSANA TEKNIS DAERAH BALAI BENIH IKAN SUNGAI RANTAU\n"
            "DENGAN\nKOPERASI PEMBUDIDAYA IKAN MINA SEJAHTERA\nTENTANG\nPENYEDIAAN BENIH IKAN\n\n"
            "1. Nama : Agus Salim, S.Pi.\nJabatan : Kepala UPTD Balai Benih Ikan Sungai Rantau\n"
            "bertindak untuk dan atas nama UPTD Balai Benih Ikan Sungai Rantau pada Dinas Perikanan Kabupaten "
            "Rantau Jaya, selanjutnya disebut PIHAK KESATU.\n"
            "2. Nama : Siti Rahma\nJabatan : Ketua Koperasi Pembudidaya Ikan Mina Sejahtera\n"
            "bertindak untuk dan atas nama Koperasi Pembudidaya Ikan Mina Sejahtera, selanjutnya disebut PIHAK KEDUA.\n\n"
            "Pasal 1\nRUANG LINGKUP\nPIHAK KESATU menyediakan 10.000 benih ikan nila setiap bulan.\n")
    parties = _run(text).parties
    assert len(parties) == 2
    first = next(p for p in parties if p.role == "PIHAK KESATU")
    assert first.name.upper().startswith("UNIT PELAKSANA TEKNIS DAERAH")
    assert "UPTD Balai Benih Ikan Sungai Rantau" in first.aliases


# ---------------------------------------------------------------- officials

def test_a_bodys_acronym_and_place_before_a_comma_and_a_degreed_name_name_no_person():
    text = ("FIELD NOTE\nThe new clinic was opened on 3 May 2031 by the Head of DINKES Kali Biru, "
            "Rosalind Manuhutu, S.K.M., M.Kes., together with our director.\n")
    people = {o.name: o.position for o in _run(text).officials}
    assert "Rosalind Manuhutu" in people
    assert people["Rosalind Manuhutu"].startswith("Head of DINKES")
    assert "Kali Biru" not in people


def test_an_english_office_of_two_fields_stays_whole_in_a_witness_position():
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nCOASTAL STATE POLYTECHNIC\nAND\nNORDSTRAND MARINE A/S\n\n"
            "Article I\nThe Parties shall run a boat-engine course.\n\n"
            "Witnessed by:\nIr. Johanna Pattiasina, M.Si., Head of the Maritime Affairs and Fisheries Service of "
            "Kepulauan Timur Province\n")
    people = {o.name: o.position for o in _run(text).officials}
    assert "Fisheries Service" in (people.get("Johanna Pattiasina") or "")


# ---------------------------------------------------------------- commitments

def _commitments(text: str) -> list[str]:
    return [c.text for c in _run(text).commitments]


DICTA = (
    "NOTA KESEPAKATAN\nANTARA\nDINAS ARSIP KABUPATEN LEMBAH HIJAU\nDAN\nPT MEDIA WARTA HIJAU\nTENTANG\n"
    "DIGITALISASI ARSIP\n"
    "Yang membuat nota kesepakatan ini:\n"
    "Drs. Yosef Bata, Kepala Dinas Arsip Kabupaten Lembah Hijau, untuk selanjutnya disebut DINAS;\n"
    "Maria Ulfa, Direktur PT Media Warta Hijau, untuk selanjutnya disebut WARTA.\n"
    "Arsip koran daerah mulai rusak. Karena itu DINAS dan WARTA menyepakati hal-hal berikut.\n"
    "KESATU : Kesepakatan ini bertujuan menyelamatkan arsip koran daerah.\n"
    "KEDUA : DINAS bertugas:\n"
    "a. menyediakan 3 (tiga) unit pemindai dokumen beserta operatornya;\n"
    "b. membuka hasil pindaian untuk umum tanpa biaya.\n"
    "KETIGA : WARTA bertugas:\n"
    "a. meminjamkan koleksi koran cetak untuk dipindai;\n"
    "b. memuat rubrik arsip lama sekali sebulan.\n")


def test_the_items_of_a_task_list_intro_are_commitments():
    texts = _commitments(DICTA)
    assert any(t.startswith("menyediakan 3 (tiga) unit pemindai") for t in texts)
    assert any(t.startswith("meminjamkan koleksi koran cetak") for t in texts)


def test_the_preamble_close_agreeing_to_what_follows_is_no_commitment():
    texts = _commitments(DICTA)
    assert not any("menyepakati hal-hal berikut" in t for t in texts)
    # trap: agreeing to do something named is a commitment
    other = DICTA.replace("menyepakati hal-hal berikut.", "sepakat menerbitkan katalog arsip bersama.")
    assert any("menerbitkan katalog arsip" in t for t in _commitments(other))


def test_the_notes_to_editors_of_a_release_hold_no_commitment():
    release = ("MEDIA RELEASE\nGreen Lanes Trust and Kota Ardi sign cycle-path agreement\n"
               "KOTA ARDI - The Green Lanes Trust and the City Government of Kota Ardi signed an agreement on "
               "Monday. The Trust will paint 20 km of cycle lanes by 31 March 2032.\n"
               "Notes to editors\n"
               "About the Green Lanes Trust: founded in 2011, the Trust is a charity funded by donors: members, "
               "companies and cycling clubs.\n"
               "Media contact: Ana Putri, press@example.org\n")
    texts = _commitments(release)
    assert any(t.startswith("The Trust will paint 20 km") for t in texts)
    assert not any("founded in 2011" in t for t in texts)


def test_work_reported_for_information_only_is_no_activity_of_the_agreement():
    report = ("QUARTERLY CHECKLIST\nLegend: [x] done | [ ] not done\n"
              "[x] C1. Twelve water filters installed in the village school.\n"
              "[x] C2. Nurses trained 40 mothers on safe water.\n"
              "[n/a] C3. Our staff also helped a flood clean-up in the next district. It is reported here for "
              "information only and is not an activity under this MoU.\n")
    texts = _commitments(report)
    assert any(t.startswith("Twelve water filters installed") for t in texts)
    assert not any("for information only" in t for t in texts)


def test_the_aim_of_a_visit_report_is_no_done_item():
    report = ("LAPORAN PERJALANAN DINAS\nDINAS PERTANIAN KABUPATEN BUKIT HIJAU\n"
              "I. DASAR\n1. Surat Tugas Kepala Dinas Nomor 800/12/2031.\n"
              "II. MAKSUD DAN TUJUAN\n"
              "Melihat langsung sejauh mana bantuan bibit sudah disalurkan kepada kelompok tani mitra.\n"
              "III. HASIL\n"
              "1. PT Agro Lestari sudah menyalurkan 5.000 bibit kopi kepada 12 kelompok tani.\n"
              "2. Dinas telah melatih 40 petani tentang pemangkasan.\n")
    texts = _commitments(report)
    assert any(t.startswith("PT Agro Lestari sudah menyalurkan") for t in texts)
    assert not any(t.startswith("Melihat langsung") for t in texts)


def test_a_partly_delivered_item_of_a_report_is_a_commitment_of_the_report():
    report = ("LAPORAN PEMANTAUAN\nDINAS PERTANIAN KABUPATEN BUKIT HIJAU\n"
              "HASIL PEMANTAUAN\n"
              "1. Dinas telah melatih 40 petani tentang pemangkasan.\n"
              "2. Mesin pengering yang dijanjikan PT Agro Lestari baru tiba 2 dari 5 unit; tiga unit lagi belum dikirim.\n")
    assert kind_of(report) == "activity_report"      # "Laporan Pemantauan": a monitoring report
    texts = _commitments(report)
    assert "Mesin pengering yang dijanjikan PT Agro Lestari baru tiba 2 dari 5 unit" in texts
    assert not any("belum dikirim" in t for t in texts)
    # trap: nothing arrived yet is no part done
    none = report.replace("baru tiba 2 dari 5 unit; tiga unit lagi belum dikirim", "belum tiba sama sekali")
    assert not any(t.startswith("Mesin pengering") for t in _commitments(none))


def test_a_subjectless_item_under_a_partys_duties_heading_is_that_partys_even_naming_another():
    ex = _run(THREE_PARTY.replace("b) melatih anggota KELOMPOK merawat saluran.",
                                  "b) memetakan saluran anggota KELOMPOK paling lambat 30 Juni 2031."))
    duty = next(c for c in ex.commitments if c.text.startswith("memetakan saluran"))
    assert duty.parties == ("UPTD Pengelolaan Irigasi Wilayah Timur",)
