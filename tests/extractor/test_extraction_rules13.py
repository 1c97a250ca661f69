"""Extraction rules of session 13 (blind set 18 opened), on invented text."""
from __future__ import annotations

from benchmarks.eval_matching import plain_doc
from extractor.extract import extract
from extractor.nlp.doc_fields import location_of, numbers_of


def _run(text: str, name: str = "doc.txt"):
    return extract(plain_doc(text), source=name, sha256="0")


# ---------------------------------------------------------------- an English MoU titled "A / and / B"

PAIR_TITLE = ("MEMORANDUM OF UNDERSTANDING\n\n"
              "THE REGENCY GOVERNMENT OF MOUNT EXAMPLE\n"
              "and\n"
              "PT BATU CONTOH LESTARI\n\n"
              "on Restoring a Former Quarry\n\n"
              "Regency No.: 660/41/MOU-ME/2031\n"
              "Company No.: BCL-LG-2031-007\n\n"
              "Made on Monday, 3 March 2031 at Example Town, between the Regent of Mount Example, "
              "Drs. Hadi Prasetyo, M.Si. (the \"Regency\"), and the President Director of PT Batu Contoh Lestari, "
              "Rina Kusuma (the \"Company\").\n\n"
              "Section 1. Works\n"
              "1.1 The Company shall replant 20 hectares of the former quarry by 30 June 2031.\n\n"
              "Section 2. The Regency\n"
              "2.1 The Regency shall issue a land-use decree within 30 days of signing.\n\n"
              "For the Regency,                 For the Company,\n"
              "Drs. Hadi Prasetyo, M.Si.        Rina Kusuma\n")


def test_a_title_naming_the_parties_around_a_connector_line_gives_both_parties():
    ex = _run(PAIR_TITLE)
    names = [p.name.lower() for p in ex.parties]
    assert len(names) == 2
    assert "regency government of mount example" in names[0]
    assert "batu contoh lestari" in names[1]


def test_a_region_heads_quoted_short_name_is_an_alias_of_that_regions_government():
    ex = _run(PAIR_TITLE)
    regency = next(p for p in ex.parties if "mount example" in p.name.lower())
    assert "the Regency" in regency.aliases
    regency_duty = next(c for c in ex.commitments if c.text.startswith("The Regency shall"))
    assert regency_duty.parties and regency_duty.parties[0] == regency.name


def test_a_made_on_opening_dates_the_signing_and_names_its_place():
    ex = _run(PAIR_TITLE)
    signing = [d for d in ex.dates if d.role == "signing"]
    assert signing and str(signing[0].date) == "2031-03-03"
    assert location_of(PAIR_TITLE) == "Example Town"
    # trap: money "made on" a date inside an article is no signing
    assert location_of("Payments made on 3 March 2031 at the bank.\n") is None


def test_reference_lines_labelled_by_a_party_name_are_the_documents_numbers():
    assert numbers_of(PAIR_TITLE) == "660/41/MOU-ME/2031; BCL-LG-2031-007"
    assert numbers_of("FIELD LOG\nLog ref.: ABC-XY/LOG/2031-02\n\nWe met.\n") == "ABC-XY/LOG/2031-02"
    # trap: a phone line in the opening is no number
    assert numbers_of("LETTER\nPhone No.: 0812-555-0199\n\nDear sir,\n") is None


# ---------------------------------------------------------------- an English release "A today signed ... with B"

def test_a_release_saying_a_today_signed_an_agreement_with_b_names_both_parties():
    text = ("NEWS\n\nRiver group and village agree on a fish sanctuary\n\n"
            "PORT EXAMPLE, 2 May 2031 - The Lembah Contoh River Society today signed a river protection agreement "
            "with the Village Government of Kampung Sungai Contoh, Example District. The society will stock "
            "10,000 fingerlings by the end of 2031.\n")
    names = [p.name.lower() for p in _run(text).parties]
    assert any("lembah contoh river society" in n for n in names)
    assert any("kampung sungai contoh" in n for n in names)


# ---------------------------------------------------------------- a field-inspection record ("Berita Acara")

RECORD = ("BERITA ACARA PEMERIKSAAN LAPANGAN\n"
          "PELAKSANAAN PERJANJIAN KERJA SAMA SUMUR BOR\n"
          "Nomor: 600/BA-3/ESDM-KC/2031\n\n"
          "Pada hari ini Senin tanggal 4 Agustus 2031, tim pemeriksa Dinas Energi dan Sumber Daya Mineral "
          "Kabupaten Contoh Hilir telah memeriksa pelaksanaan Perjanjian Kerja Sama antara Dinas Energi dan "
          "Sumber Daya Mineral Kabupaten Contoh Hilir dan CV Air Bening Lestari, dengan hasil sebagai berikut.\n\n"
          "A. PEKERJAAN YANG TELAH SELESAI\n"
          "1. Empat sumur bor telah dibangun CV Air Bening Lestari di Desa Tanjung Contoh.\n"
          "2. CV Air Bening Lestari telah melatih 10 pengelola air desa.\n\n"
          "B. TINDAK LANJUT\n"
          "3. CV Air Bening Lestari akan memasang dua pompa tambahan paling lambat 30 Oktober 2031.\n")


def test_a_field_inspection_record_is_an_activity_report_of_its_done_items_not_of_its_opening():
    ex = _run(RECORD, "ba.txt")
    assert ex.kind == "activity_report"
    texts = [c.text for c in ex.commitments]
    assert any(t.startswith("Empat sumur bor telah dibangun") for t in texts)
    assert any(t.startswith("CV Air Bening Lestari telah melatih") for t in texts)
    # trap: the record's own opening (the team checked the agreement's implementation) is no activity
    assert not any(t.startswith("Pada hari ini") for t in texts)


def test_an_office_of_energy_and_mineral_resources_keeps_its_whole_name():
    names = [p.name for p in _run(RECORD, "ba.txt").parties]
    assert "Dinas Energi dan Sumber Daya Mineral Kabupaten Contoh Hilir" in names
    assert any("Air Bening Lestari" in n for n in names)


# ---------------------------------------------------------------- word-numbered articles and roman ") " items

WORDED = ("PERJANJIAN KERJA SAMA\nANTARA\nDINAS SOSIAL KABUPATEN CONTOH RAYA\nDENGAN\n"
          "YAYASAN PELITA CONTOH\nTENTANG\nRUMAH SINGGAH\n\n"
          "Pada hari Senin, 3 Maret 2031, para penanda tangan di bawah ini sepakat sebagai berikut:\n\n"
          "Sebelum menyepakati perjanjian ini, kedua pihak menerangkan:\n"
          "- sepanjang tahun 2030 dinas mencatat 80 anak terlantar;\n"
          "- yayasan telah terdaftar sebagai lembaga kesejahteraan sosial.\n\n"
          "PASAL SATU\nTUGAS DINAS\n\n"
          "(a) Dinas menyediakan rumah singgah di dua kecamatan paling lambat 30 Juni 2031;\n"
          "(b) Dinas membayar biaya makan anak setiap bulan;\n"
          "(c) Dinas tidak membuka identitas anak kepada pihak lain.\n\n"
          "PASAL DUA\nMASA BERLAKU\n\n"
          "Perjanjian ini berlaku selama 2 (dua) tahun.\n")


def test_articles_numbered_in_words_hold_the_terms_and_the_preamble_does_not():
    texts = [c.text for c in _run(WORDED, "pks.txt").commitments]
    assert any(t.startswith("Dinas membayar biaya makan anak") for t in texts)
    assert any(t.startswith("Dinas tidak membuka identitas anak") for t in texts)
    # trap: the preamble's facts (a count of cases) are no commitments
    assert not any("80 anak terlantar" in t for t in texts)


ROMAN = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nTHE EXAMPLE RIVER AUTHORITY\nAND\nPT CONTOH TAMBANG RAYA\n\n"
         "ARTICLE I - UNDERTAKINGS OF THE COMPANY\n"
         "i) The Company shall plant 50 hectares of riverbank by 31 May 2031.\n"
         "ii) The Company shall build one water intake for the village.\n"
         "iii) The Company shall not dump tailings into the river.\n\n"
         "ARTICLE II - DURATION\nThis MoU remains in force for two (2) years.\n")


def test_roman_items_closed_by_a_bracket_are_separate_commitments():
    texts = [c.text for c in _run(ROMAN, "mou.txt").commitments]
    assert any(t.startswith("The Company shall build one water intake") and "tailings" not in t for t in texts)
    assert any(t.startswith("The Company shall not dump tailings") for t in texts)


# ---------------------------------------------------------------- duties without a modal: diktum labels, two subjects

DIKTUM = ("KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH KABUPATEN CONTOH JAYA\nDAN\nKOPERASI TANI MAJU CONTOH\n"
          "TENTANG\nPUPUK ORGANIK\n\n"
          "Pada hari ini Senin tanggal 3 Maret 2031, yang bertanda tangan di bawah ini:\n\n"
          "Yang pertama, Ir. Budi Santoso, selaku Bupati Contoh Jaya, bertindak untuk dan atas nama Pemerintah "
          "Kabupaten Contoh Jaya, yang selanjutnya disebut PEMDA.\n\n"
          "Yang kedua, Siti Rahayu, selaku Ketua Koperasi Tani Maju Contoh, yang selanjutnya disebut KOPERASI.\n\n"
          "PEMDA dan KOPERASI menyepakati hal-hal sebagai berikut:\n\n"
          "KESATU : Kesepakatan Bersama ini bertujuan meningkatkan hasil panen petani.\n\n"
          "KEDUA : PEMDA memberikan pelatihan pembuatan kompos kepada 40 petani anggota KOPERASI.\n\n"
          "KETIGA : KOPERASI mengolah jerami petani menjadi pupuk organik untuk dijual kepada anggota.\n\n"
          "KEEMPAT : PEMDA dan KOPERASI melakukan pemantauan bersama atas kebun percontohan setiap enam bulan.\n\n"
          "KELIMA : Kesepakatan Bersama ini berlaku untuk jangka waktu 2 (dua) tahun.\n")


def test_decree_style_items_and_two_party_subjects_state_duties_without_a_modal():
    texts = [c.text for c in _run(DIKTUM, "kb.txt").commitments]
    assert any("PEMDA memberikan pelatihan pembuatan kompos" in t for t in texts)
    assert any("KOPERASI mengolah jerami petani" in t for t in texts)
    assert any("PEMDA dan KOPERASI melakukan pemantauan bersama" in t for t in texts)
    # trap: the aim of the agreement is no duty
    assert not any("bertujuan meningkatkan hasil panen" in t for t in texts)


def test_a_name_given_as_dipanggil_is_the_partys_alias():
    text = WORDED.replace(
        "Pada hari Senin, 3 Maret 2031, para penanda tangan di bawah ini sepakat sebagai berikut:\n\n",
        "Pada hari Senin, 3 Maret 2031, para penanda tangan di bawah ini sepakat sebagai berikut:\n\n"
        "PERTAMA. Rina Wati, Kepala Dinas Sosial Kabupaten Contoh Raya, selanjutnya dalam naskah ini dipanggil "
        "\"DINSOS\".\n\nKEDUA. Agus Salim, Ketua Yayasan Pelita Contoh, selanjutnya dalam naskah ini dipanggil "
        "\"YPC\".\n\n")
    parties = {p.name: p.aliases for p in _run(text, "pks.txt").parties}
    assert any("DINSOS" in aliases for aliases in parties.values())
    assert any("YPC" in aliases for aliases in parties.values())



def test_hereinafter_the_quoted_name_is_an_alias_and_names_the_party_of_its_duties():
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nTHE GOVERNMENT OF EXAMPLE REGENCY\nAND\nPT CONTOH RAYA\n\n"
            "This MoU is signed on 3 March 2031 by:\n"
            "1. Ana Putri, Head of the Regency Forestry Office, on behalf of the Government of Example Regency "
            "(hereinafter the \"Regency\"); and\n"
            "2. Budi Hartono, President Director of PT Contoh Raya (hereinafter \"CR\").\n\n"
            "ARTICLE I - UNDERTAKINGS\n"
            "1. The Regency shall assign two forest rangers to the project area.\n"
            "2. CR shall plant 10,000 seedlings by 31 December 2031.\n")
    ex = _run(text, "mou.txt")
    regency = next(p for p in ex.parties if "example regency" in p.name.lower())
    assert "the Regency" in regency.aliases
    duty = next(c for c in ex.commitments if c.text.startswith("The Regency shall assign"))
    assert duty.parties == (regency.name,) or list(duty.parties) == [regency.name]


def test_a_party_defined_by_its_placeless_name_gets_the_alias_and_each_item_its_own_subject():
    text = ("NOTA KESEPAKATAN\nANTARA\nDINAS SOSIAL KABUPATEN CONTOH TIMUR\nDAN\nPERKUMPULAN NELAYAN CONTOH\n"
            "TENTANG\nBANTUAN PERAHU\n\n"
            "Pada hari ini Senin, 3 Maret 2031, Ani Lestari, Kepala Dinas Sosial, selanjutnya disebut DINAS, dan "
            "Budi Rahman, Ketua Perkumpulan Nelayan Contoh, selanjutnya disebut PERKUMPULAN, menyepakati hal-hal "
            "berikut:\n\n"
            "1. PERKUMPULAN mendata 50 nelayan penerima paling lambat 30 April 2031.\n"
            "2. DINAS menyalurkan 10 perahu kepada nelayan melalui PERKUMPULAN.\n")
    ex = _run(text, "nk.txt")
    dinas = next(p for p in ex.parties if "sosial" in p.name.lower())
    assert "DINAS" in dinas.aliases
    boats = next(c for c in ex.commitments if c.text.startswith("DINAS menyalurkan"))
    assert list(boats.parties) == [dinas.name]
    listing = next(c for c in ex.commitments if c.text.startswith("PERKUMPULAN mendata"))
    assert dinas.name not in listing.parties

RELEASE_POINTS = ("SIARAN PERS\nDinas Pariwisata Kabupaten Contoh Hulu dan PT Jalan Wisata Contoh\n\n"
                  "Wisata Desa Contoh Hulu Dipromosikan Secara Daring\n\n"
                  "CONTOH HULU, Rabu (5/3/2031) - Dinas Pariwisata Kabupaten Contoh Hulu dan PT Jalan Wisata Contoh "
                  "meneken perjanjian kerja sama di Gedung Serbaguna, Rabu pagi. Perjanjian itu ditandatangani "
                  "Kepala Dinas Pariwisata dan direktur perusahaan.\n\n"
                  "Poin-poin kesepakatan:\n"
                  "1. Dinas Pariwisata menyiapkan data 20 desa wisata.\n"
                  "2. Kedua pihak menggelar pelatihan pemandu wisata sebanyak 4 angkatan.\n\n"
                  "\"Kami akan memasang foto desa di aplikasi sampai 31 Desember 2031,\" kata direktur seusai "
                  "penandatanganan.\n")


def test_a_releases_listed_points_of_the_agreement_are_its_commitments():
    texts = [c.text for c in _run(RELEASE_POINTS, "rilis.txt").commitments]
    assert any("menyiapkan data 20 desa wisata" in t for t in texts)
    assert any("menggelar pelatihan pemandu wisata" in t for t in texts)


# ---------------------------------------------------------------- a release dated in its dateline, "signed Wednesday"

def test_a_weekday_of_the_signing_written_only_in_the_dateline_dates_the_signing():
    signing = [d for d in _run(RELEASE_POINTS, "rilis.txt").dates if d.role == "signing"]
    assert signing and str(signing[0].date) == "2031-03-05"      # not the 31 December of the quote


# ---------------------------------------------------------------- a volunteer's field log

FIELD_LOG = ("FIELD LOG - Fishing Net Project\nKampung Contoh Fishers' Group\nKept by: Ana Lopez, volunteer\n\n"
             "Mon 5 May 2031\nRepaired twelve nets with the group's members. Done, as promised in the MoU.\n"
             "Held the first savings meeting for 15 members.\n\n"
             "Next steps\n- We will buy two new boats before 30 June 2031.\n")


def test_a_field_log_is_an_activity_report_and_a_bare_status_remark_is_no_activity():
    ex = _run(FIELD_LOG, "log.txt")
    assert ex.kind == "activity_report"
    texts = [c.text for c in ex.commitments]
    assert any("Repaired twelve nets" in t for t in texts)
    assert any(t.startswith("Held the first savings meeting") for t in texts)
    assert not any(t.startswith("Done") for t in texts)
