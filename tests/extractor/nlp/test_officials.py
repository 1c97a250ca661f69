"""Officials: general forms met on unseen documents (tests/holdout/FINDINGS.md findings 1-5, 10).
Every text here is invented for the test; each test fails without the rule it names."""
from __future__ import annotations

from extractor.nlp.lexicon import is_degree_suffix


def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


def test_degrees_not_in_the_list_are_recognised_by_their_shape():
    for degree in ("S.SiT", "S.I.K", "A.Md.Kep", "Sp.KK", "M.Kes"):
        assert is_degree_suffix(degree), degree
    for word in ("Sukamaju", "Andi", "M", "Jl.Merdeka"):
        assert not is_degree_suffix(word), word


def test_police_rank_is_an_honorific_and_an_unlisted_degree_ends_the_name(nlp_id):
    text = ("Pada hari ini telah ditandatangani nota kesepahaman antara:\n\n"
            "1. Kepolisian Resor Lembah Sunyi, dalam hal ini diwakili oleh AKBP Gunawan Prasetyo, S.I.K., "
            "selaku Kepala Kepolisian Resor Lembah Sunyi, selanjutnya disebut PIHAK PERTAMA;\n\n"
            "2. Kantor Arsip Kabupaten Lembah Sunyi, dalam hal ini diwakili oleh Melati Kusuma, S.SiT., M.H., "
            "selaku Kepala Kantor Arsip Kabupaten Lembah Sunyi, selanjutnya disebut PIHAK KEDUA.\n")
    got = officials(nlp_id, text)
    assert got["Gunawan Prasetyo"].honorifics[0] == "AKBP"
    assert got["Gunawan Prasetyo"].position == "Kepala Kepolisian Resor Lembah Sunyi"
    assert got["Melati Kusuma"].position == "Kepala Kantor Arsip Kabupaten Lembah Sunyi"
    assert "S.SiT." in got["Melati Kusuma"].honorifics


def test_position_then_name_before_degrees_that_end_the_sentence(nlp_id):
    text = ("Pemerintah Kota Sukamaju dan Kejaksaan Negeri (Kejari) Sukamaju menandatangani nota kesepakatan "
            "tentang bantuan hukum.\n\nNota itu diteken Wali Kota Sukamaju, Drs. Hendra Gunadi, M.Si., dan Kepala "
            "Kejaksaan Negeri Sukamaju Bambang Hartono, S.H., M.H. Kegiatan itu disaksikan para camat.\n")
    got = officials(nlp_id, text)
    assert got["Bambang Hartono"].position == "Kepala Kejaksaan Negeri Sukamaju"


def test_honorific_after_an_unknown_qualifier_starts_the_name(nlp_id):
    text = "Kesepakatan diteken Bupati Lembah Hijau Ir. Sutrisno dan Rektor Universitas Tanjung Biru Prof. Dr. Agus Salim, M.Si.\n"
    got = officials(nlp_id, text)
    assert got["Sutrisno"].position == "Bupati Lembah Hijau"
    assert got["Agus Salim"].position == "Rektor Universitas Tanjung Biru"


def test_unclassified_qualifier_words_then_comma_and_name(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau menandatangani nota kesepakatan dengan Universitas Tanjung Biru.\n\n"
            "Turut hadir Asisten Perekonomian dan Kesejahteraan Rakyat Setdakab Lembah Hijau, Joko Susilo, serta "
            "Kepala Bidang Pengolahan Limbah Dinas Lingkungan Hidup, Ir. Wulan Sari.\n")
    got = officials(nlp_id, text)
    assert set(got) == {"Joko Susilo", "Wulan Sari"}
    assert got["Joko Susilo"].position == "Asisten Perekonomian dan Kesejahteraan Rakyat Setdakab Lembah Hijau"
    assert got["Wulan Sari"].position == "Kepala Bidang Pengolahan Limbah Dinas Lingkungan Hidup"


def test_name_with_degrees_then_position_anywhere_in_a_sentence(nlp_id):
    text = ("Survei dilakukan oleh tim Universitas Tanjung Biru yang dipimpin Dr. Hendrik Manuputty, S.Kom., M.T., "
            "Kepala Pusat Kajian Data Spasial, pada bulan Mei.\n")
    got = officials(nlp_id, text)
    assert list(got) == ["Hendrik Manuputty"]  # never "Kajian Data Spasial"
    assert got["Hendrik Manuputty"].position == "Kepala Pusat Kajian Data Spasial"


ENGLISH_MOU = (
    "MEMORANDUM OF UNDERSTANDING\nbetween\nHARBOURSIDE BOROUGH COUNCIL\nand\nTHE REGENCY GOVERNMENT OF SUNGAI LEBAR\n\n"
    "This Memorandum of Understanding is made between Harbourside Borough Council (\"the First Party\") and the "
    "Regency Government of Sungai Lebar (\"the Second Party\").\n\nArticle 1\nThe Parties shall exchange staff for "
    "training.\n\nSigned at Harbourside on 2 May 2024.\n\n"
    "For Harbourside Borough Council\nCouncillor Margaret O'Donnell\nLord Mayor of Harbourside\n\n"
    "For the Regency Government of Sungai Lebar\nDr. Bambang Wicaksono, M.Si.\nRegent of Sungai Lebar\n\n"
    "Witnessed by\nPeter Lawson, Chief Executive, Harbourside Borough Council\n"
    "Dewi Kartika, S.E., Head of the Partnership Section, Sungai Lebar Regional Secretariat\n")


def test_for_org_blocks_with_councillor_and_a_title_line(nlp_en):
    got = officials(nlp_en, ENGLISH_MOU)
    margaret = got["Margaret O'Donnell"]
    assert margaret.honorifics == ("Councillor",)
    assert margaret.position == "Lord Mayor of Harbourside"
    assert margaret.organization == "Harbourside Borough Council"
    assert margaret.role == "signatory"
    assert got["Bambang Wicaksono"].position == "Regent of Sungai Lebar"


def test_witness_lines_are_separate_entries_and_unit_words_are_no_names(nlp_en):
    got = officials(nlp_en, ENGLISH_MOU)
    assert got["Peter Lawson"].position == "Chief Executive, Harbourside Borough Council"
    assert not any(w in name for name in got for w in ("Section", "Secretariat"))


def test_for_line_names_a_party_whose_header_adds_the_country(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nbetween\nNORTHMERE DISTRICT COUNCIL, WALES, UNITED KINGDOM\nand\n"
            "THE CITY GOVERNMENT OF BATU RAJA\n\nArticle 1\nThe Parties shall exchange staff.\n\n"
            "For Northmere District Council\nCouncillor Owen Pritchard\nLeader of the Council\n")
    got = officials(nlp_en, text)
    assert got["Owen Pritchard"].role == "signatory"
    assert "Northmere District Council" in (got["Owen Pritchard"].organization or "").title()


def test_report_closing_block_without_ttd_two_line_position_rank_and_nip(nlp_id):
    text = ("LAPORAN PELAKSANAAN KERJA SAMA\nPemerintah Kabupaten Lembah Hijau dan Universitas Tanjung Biru\n\n"
            "Dinas Pertanian Kabupaten Lembah Hijau telah membagikan 300 paket benih kepada kelompok tani.\n\n"
            "Demikian laporan ini disampaikan.\n\n"
            "Kepala Dinas Pertanian dan Ketahanan Pangan\nKabupaten Lembah Hijau,\nHalaman 1 dari 2\n\n"
            "BUDI HARTONO, S.P., M.P.\nPembina Utama Muda (IV/c)\nNIP. 19700101 199503 1 001\n")
    got = officials(nlp_id, text)
    budi = got["Budi Hartono"]
    assert budi.position == "Kepala Dinas Pertanian dan Ketahanan Pangan Kabupaten Lembah Hijau"
    assert budi.organization == "Pemerintah Kabupaten Lembah Hijau"
    assert budi.role == "signatory"
    assert not any("Pembina" in name for name in got)


def test_name_line_then_title_line_at_the_end_of_a_report(nlp_id):
    text = ("LAPORAN KEGIATAN\nYayasan Hutan Lestari Nusantara bersama Pemerintah Kabupaten Lembah Hijau menanam "
            "5.000 bibit mangrove.\n\nLembah Hijau, 3 Februari 2025\n\nAndreas Wowor\n"
            "Direktur Program Yayasan Hutan Lestari Nusantara\n")
    got = officials(nlp_id, text)
    assert got["Andreas Wowor"].position == "Direktur Program Yayasan Hutan Lestari Nusantara"
    assert got["Andreas Wowor"].organization == "Yayasan Hutan Lestari Nusantara"


def test_two_column_capitals_signature_block_without_ttd(nlp_id):
    text = ("NOTA KESEPAHAMAN\nantara\nPEMERINTAH KABUPATEN LEMBAH HIJAU\ndan\nUNIVERSITAS TANJUNG BIRU\n\n"
            "Pemerintah Kabupaten Lembah Hijau, selanjutnya disebut PIHAK PERTAMA, dan Universitas Tanjung Biru, "
            "selanjutnya disebut PIHAK KEDUA, sepakat bekerja sama.\n\nPIHAK PERTAMA akan menyediakan lahan praktik.\n\n"
            "PIHAK PERTAMA                              PIHAK KEDUA\n"
            "BUPATI LEMBAH HIJAU,                       REKTOR UNIVERSITAS TANJUNG BIRU,\n\n"
            "IR. SUTRISNO, M.M.                         PROF. DR. AGUS SALIM, M.SI.\n")
    got = officials(nlp_id, text)
    assert got["Sutrisno"].position == "BUPATI LEMBAH HIJAU"
    assert got["Sutrisno"].organization == "Pemerintah Kabupaten Lembah Hijau"
    assert got["Agus Salim"].organization == "Universitas Tanjung Biru"


def test_signed_for_and_on_behalf_of_org_by(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nbetween\nthe University of Eastvale\nand\nPoliteknik Negeri Tanjung Biru\n\n"
            "The Parties shall exchange lecturers.\n\n"
            "Signed for and on behalf of the University of Eastvale by:\n\nProfessor Alan Whitcombe\n"
            "Deputy Vice-Chancellor (Global Engagement)\n\n"
            "Signed for and on behalf of Politeknik Negeri Tanjung Biru by:\n\nDr. Ratna Dewi, M.T.\nDirector\n")
    got = officials(nlp_en, text)
    assert got["Alan Whitcombe"].position == "Deputy Vice-Chancellor (Global Engagement)"
    assert got["Alan Whitcombe"].organization == "the University of Eastvale"
    assert got["Ratna Dewi"].organization == "Politeknik Negeri Tanjung Biru"


def test_a_position_naming_a_party_branch_belongs_to_the_branch(nlp_id):
    text = ("LEMBAH HIJAU - Pemerintah Kabupaten Lembah Hijau dan Bank Tani Cabang Lembah Hijau menandatangani "
            "perjanjian kerja sama.\n\n"
            "Perjanjian ditandatangani Bupati Lembah Hijau, Ir. Sutrisno, dan Kepala Bank Tani Cabang Lembah Hijau, "
            "Rina Wulandari.\n")
    got = officials(nlp_id, text)
    assert got["Rina Wulandari"].organization == "Bank Tani Cabang Lembah Hijau"


def test_witnesses_named_after_witnessed_by_are_attendees(nlp_en):
    got = officials(nlp_en, ENGLISH_MOU)
    assert got["Peter Lawson"].role == "attendee"


def test_name_comma_position_at_a_clause_start_or_after_a_speech_verb(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau menggandeng Universitas Tanjung Biru.\n\n"
            "Rudi Hartono, Kepala Dinas Pendidikan Kabupaten Lembah Hijau, mengatakan program dimulai Maret. "
            "\"Kami siap,\" kata Siti Rahma, Dekan Fakultas Teknik Universitas Tanjung Biru.\n")
    got = officials(nlp_id, text)
    assert got["Rudi Hartono"].position == "Kepala Dinas Pendidikan Kabupaten Lembah Hijau"
    assert got["Rudi Hartono"].organization == "Pemerintah Kabupaten Lembah Hijau"
    assert got["Rudi Hartono"].role == "speaker"
    assert got["Siti Rahma"].position == "Dekan Fakultas Teknik Universitas Tanjung Biru"


def test_nama_jabatan_fields_and_parenthesised_signature_names(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\n\nYang bertanda tangan di bawah ini:\n\n"
            "1. Nama      : Drs. Andi Wijaya, M.Si.\n   Jabatan   : Kepala Dinas Kesehatan Kabupaten Lembah Hijau\n"
            "   dalam hal ini bertindak untuk dan atas nama Dinas Kesehatan Kabupaten Lembah Hijau, selanjutnya "
            "disebut PIHAK PERTAMA.\n\n"
            "2. Nama      : Prof.Dr. Maria Ulfa, S.Kep., M.Kes.\n   Jabatan   : Direktur Politeknik Kesehatan Tanjung Biru\n"
            "   dalam hal ini bertindak untuk dan atas nama Politeknik Kesehatan Tanjung Biru, selanjutnya disebut "
            "PIHAK KEDUA.\n")
    got = officials(nlp_id, text)
    assert got["Andi Wijaya"].position == "Kepala Dinas Kesehatan Kabupaten Lembah Hijau"
    assert got["Maria Ulfa"].honorifics == ("Prof.", "Dr.", "S.Kep.", "M.Kes.")
    assert got["Maria Ulfa"].organization == "Politeknik Kesehatan Tanjung Biru"


def test_parenthesised_name_under_a_position_line(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau dan Universitas Tanjung Biru sepakat bekerja sama.\n\n"
            "BUPATI LEMBAH HIJAU,\n\n( Ir. SUTRISNO, M.M. )\n")
    got = officials(nlp_id, text)
    assert got["Sutrisno"].position == "BUPATI LEMBAH HIJAU"


def test_connector_before_an_honorific_is_not_part_of_the_position(nlp_en):
    text = ("The agreement was signed by Jane Porter, Vice-Chancellor of the University of Eastvale, and "
            "H.E. Ahmad Rizal, Ambassador of Indonesia.\n")
    got = officials(nlp_en, text)
    assert got["Jane Porter"].position == "Vice-Chancellor of the University of Eastvale"
    assert got["Ahmad Rizal"].position == "Ambassador of Indonesia"
    assert got["Ahmad Rizal"].honorifics == ("H.E.",)


def test_attendee_named_with_selaku_after_hadir_pula(nlp_id):
    text = ("Nota kesepakatan diteken Bupati Lembah Hijau, Ir. Sutrisno. Hadir pula Ny. Kartini Wulan selaku "
            "Ketua Tim Penggerak PKK Kabupaten Lembah Hijau.\n")
    got = officials(nlp_id, text)
    assert got["Kartini Wulan"].role == "attendee"
    assert got["Kartini Wulan"].honorifics == ("Ny.",)


def test_two_column_block_with_stamp_and_underscore_lines_between_position_and_name(nlp_id):
    text = ("Pemerintah Kota Batu Raja dan Politeknik Negeri Batu Raja sepakat bekerja sama.\n\n"
            "Batu Raja, 4 Maret 2025\n\n"
            "WALI KOTA BATU RAJA,                       DIREKTUR POLITEKNIK NEGERI BATU RAJA,\n\n"
            "Materai 10000\n"
            "_______________________                    _______________________\n"
            "dr. HENDRA SUSANTO, M.Kes.                 Dr. Ir. LINDA MARPAUNG, M.T.\n")
    got = officials(nlp_id, text)
    assert got["Hendra Susanto"].position == "WALI KOTA BATU RAJA"
    assert got["Hendra Susanto"].honorifics == ("dr.", "M.Kes.")
    assert got["Linda Marpaung"].organization == "Politeknik Negeri Batu Raja"


def test_name_and_title_labels_of_an_english_signature_table(nlp_en):
    text = ("The Parties shall cooperate in research.\n\nSignature: ______________________\n"
            "Name: Dr. Helen Carter\nTitle: Principal, Eastvale College\nDate: 4 March 2025\n")
    got = officials(nlp_en, text)
    assert got["Helen Carter"].position == "Principal, Eastvale College"
    assert got["Helen Carter"].role == "signatory"


def test_a_sentence_adverb_before_a_comma_is_not_a_name(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau menggandeng Universitas Tanjung Biru.\n\n"
            "Sebelumnya, Bupati Lembah Hijau Ir. Sutrisno menyampaikan apresiasi. Terpisah, Rektor Universitas "
            "Tanjung Biru, Agus Salim, mengatakan kampus siap.\n")
    got = officials(nlp_id, text)
    assert set(got) == {"Sutrisno", "Agus Salim"}


def test_english_position_of_a_field_then_honorific_and_name(nlp_en):
    text = "Eastvale College signed an agreement. Separately, Dean of Engineering Professor Tom Baker welcomed the plan.\n"
    got = officials(nlp_en, text)
    assert got["Tom Baker"].position == "Dean of Engineering"
    assert got["Tom Baker"].honorifics == ("Professor",)


def test_position_name_list_is_not_read_as_name_degrees_position(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau menggandeng Universitas Tanjung Biru.\n\n"
            "Penandatanganan disaksikan Sekretaris Daerah Kabupaten Lembah Hijau, Ir. Maya Sari, M.T., Kepala Bappeda "
            "Lembah Hijau, Tigor Siregar, serta para camat.\n")
    got = officials(nlp_id, text)
    assert got["Maya Sari"].position == "Sekretaris Daerah Kabupaten Lembah Hijau"
    assert got["Tigor Siregar"].position == "Kepala Bappeda Lembah Hijau"
    assert not any("Kepala Bappeda" in e.text for e in got["Maya Sari"].evidence)


def test_ocr_page_separator_between_position_lines_is_skipped(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau melaporkan kegiatan.\n\nDemikian laporan ini disampaikan.\n"
            "Kepala Dinas Pertanian dan Ketahanan Pangan\nHalaman 1 dari 2\n\n——\nKabupaten Lembah Hijau,\n"
            "BUDI HARTONO, S.P., M.P.\nNIP. 19700101 199503 1 001\n")
    got = officials(nlp_id, text)
    assert got["Budi Hartono"].position == "Kepala Dinas Pertanian dan Ketahanan Pangan Kabupaten Lembah Hijau"


def test_ranks_with_corps_abbreviated_heads_and_appositive_speech(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau dan Kepolisian Resor Lembah Hijau menandatangani nota kesepakatan.\n\n"
            "Kapolres Lembah Hijau AKBP Gunawan Prasetyo, S.I.K., mengatakan patroli ditambah. Hadir pula Dandim "
            "1234/Lembah Hijau Letkol Inf. Budi Santoso.\n")
    got = officials(nlp_id, text)
    assert got["Gunawan Prasetyo"].organization == "Kepolisian Resor Lembah Hijau"
    assert got["Gunawan Prasetyo"].role == "speaker"
    assert got["Budi Santoso"].honorifics == ("Letkol Inf.",)
    assert got["Budi Santoso"].position == "Dandim 1234/Lembah Hijau"
    assert got["Budi Santoso"].role == "attendee"


def test_represented_by_its_position_comma_name_in_a_party_clause(nlp_en):
    text = ("This Memorandum of Understanding is made between:\n\n1. The University of Eastvale, a body corporate "
            "established under the laws of England, represented by its Vice-Chancellor, Professor Jane Doe "
            "(hereinafter referred to as \"the University\"); and\n\n2. PT Maju Jaya Sentosa, in this matter "
            "represented by Andi Wijaya, President Director (hereinafter referred to as \"the Company\").\n")
    got = officials(nlp_en, text)
    assert got["Jane Doe"].role == "signatory"
    assert got["Jane Doe"].organization == "The University of Eastvale"
    assert got["Andi Wijaya"].position == "President Director"


def test_nama_lengkap_labels_with_roman_item_markers(nlp_id):
    text = ("Kami yang bertanda tangan di bawah ini:\n\n"
            "I.   Nama Lengkap : Ir. Bambang Sudarsono, M.Eng.\n     Jabatan      : Kepala Balai Besar Wilayah Sungai "
            "Lembah Hijau\n     Alamat       : Jalan Veteran 10\n\n"
            "II.  Nama Lengkap : Dra. Retno Wulandari, M.Pd.\n     Jabatan      : Ketua Sekolah Tinggi Keguruan Lembah Hijau\n")
    got = officials(nlp_id, text)
    assert got["Bambang Sudarsono"].position == "Kepala Balai Besar Wilayah Sungai Lembah Hijau"
    assert got["Retno Wulandari"].honorifics == ("Dra.", "M.Pd.")


def test_party_clause_name_in_capitals_colon_position_and_roman_markers(nlp_id):
    text = ("PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN LEMBAH HIJAU DAN UNIVERSITAS TANJUNG BIRU\n\n"
            "Yang bertanda tangan di bawah ini:\n\n"
            "I.  Drs. ANDI WIJAYA, M.Si. : Bupati Lembah Hijau, dalam hal ini bertindak untuk dan atas nama Pemerintah "
            "Kabupaten Lembah Hijau, selanjutnya disebut PIHAK PERTAMA;\n\n"
            "II. Prof. Dr. Retno Wulandari, M.Pd. : Rektor Universitas Tanjung Biru, dalam hal ini bertindak untuk dan "
            "atas nama Universitas Tanjung Biru, selanjutnya disebut PIHAK KEDUA.\n")
    got = officials(nlp_id, text)
    assert got["Andi Wijaya"].position == "Bupati Lembah Hijau"
    assert got["Andi Wijaya"].honorifics == ("Drs.", "M.Si.")
    assert got["Retno Wulandari"].position == "Rektor Universitas Tanjung Biru"


def test_abbreviated_first_names_are_part_of_the_name(nlp_id):
    text = ("Pemerintah Kota Lembah Hijau menggandeng Universitas Tanjung Biru. Nota kesepakatan ditandatangani Wali "
            "Kota Lembah Hijau Moh. Ramdhan Saleh dan Rektor Universitas Tanjung Biru Prof. Dr. Muh. Arif Hidayat, "
            "M.Si. Turut hadir Kepala Dinas Pendidikan, Abd. Rahman Lubis.\n")
    got = officials(nlp_id, text)
    assert set(got) == {"Moh. Ramdhan Saleh", "Muh. Arif Hidayat", "Abd. Rahman Lubis"}
    assert got["Muh. Arif Hidayat"].role == "signatory"
    assert got["Abd. Rahman Lubis"].role == "attendee"


def test_name_comma_the_position_in_english_prose(nlp_en):
    text = ("Eastvale University and Harbourside Borough Council signed an agreement on Monday.\n\n"
            "Professor Jane Doe, the Vice-Chancellor of Eastvale University, said the partnership would begin in May.\n")
    got = officials(nlp_en, text)
    assert got["Jane Doe"].position == "Vice-Chancellor of Eastvale University"
    assert got["Jane Doe"].role == "speaker"


def test_name_sebagai_position_and_bulleted_attendee_lines(nlp_id):
    text = ("Pemerintah Kabupaten Lembah Hijau menggandeng Universitas Tanjung Biru dalam program beasiswa.\n\n"
            "Andi Wijaya sebagai Kepala Dinas Pendidikan Kabupaten Lembah Hijau mengatakan program dimulai Juli. "
            "Pemerintah Kabupaten Lembah Hijau sebagai pihak pertama menyediakan dana.\n\n"
            "Hadir dalam acara tersebut:\n- Rudi Hartono, Camat Lembah Utara\n- Ir. Maya Sari, Kepala Bappeda Lembah Hijau\n")
    got = officials(nlp_id, text)
    assert set(got) == {"Andi Wijaya", "Rudi Hartono", "Maya Sari"}
    assert got["Andi Wijaya"].role == "speaker"
    assert got["Rudi Hartono"].position == "Camat Lembah Utara"
    assert got["Rudi Hartono"].role == "attendee"


def test_plain_signature_columns_take_the_party_of_their_header(nlp_en, nlp_id):
    text = ("MEMORANDUM OF UNDERSTANDING between the University of Eastvale and Politeknik Negeri Batu Raja.\n\n"
            "Article 1\nThe Parties shall exchange lecturers.\n\n"
            "Signed by                                  Signed by\n"
            "for and on behalf of the                   for and on behalf of\n"
            "UNIVERSITY OF EASTVALE                     POLITEKNIK NEGERI BATU RAJA\n\n"
            "______________________                     ______________________\n"
            "Professor Jane Doe                         Dr. Ratna Dewi, M.T.\n"
            "Vice-Chancellor                            Director\n")
    got = officials(nlp_en, text)
    assert got["Jane Doe"].organization == "the University of Eastvale"
    assert got["Ratna Dewi"].organization == "Politeknik Negeri Batu Raja"
    text_id = ("Dinas Pertanian Kabupaten Lembah Hijau, selanjutnya disebut PIHAK PERTAMA, dan Koperasi Tani Makmur, "
               "selanjutnya disebut PIHAK KEDUA, sepakat bekerja sama.\n\n"
               "PIHAK KEDUA,\nKetua\n\nYOSEPH MANDALA\nNIK. 7301010101800001\n")
    got = officials(nlp_id, text_id)
    assert got["Yoseph Mandala"].organization == "Koperasi Tani Makmur"


# -- blind set 1 (tests/holdout_blind/FINDINGS_officials.md); invented texts -----------------------

def test_captain_title_is_an_honorific_before_a_name(nlp_id):
    text = ("Yang bertanda tangan di bawah ini:\n\n"
            "1. Capt. RUDI HARTAWAN, M.Mar. : Kepala Akademi Pelayaran Teluk Jernih, dalam hal ini bertindak untuk "
            "dan atas nama Akademi Pelayaran Teluk Jernih, selanjutnya disebut PIHAK PERTAMA.\n")
    got = officials(nlp_id, text)
    assert list(got) == ["Rudi Hartawan"]
    assert got["Rudi Hartawan"].honorifics[0] == "Capt."


def test_second_line_of_a_signature_position_is_not_a_name(nlp_id):
    text = ("Nota Kesepakatan antara Pemerintah Kabupaten Bukit Landai dan Akademi Komunitas Teluk Jernih.\n\n"
            "PIHAK PERTAMA                                PIHAK KEDUA\n"
            "BUPATI BUKIT LANDAI,                         DIREKTUR AKADEMI KOMUNITAS\n"
            "                                             TELUK JERNIH,\n\n\n"
            "Drs. HASAN BASRI, M.Si.                      Dr. WINARTI SULISTYO, M.Pd.\n")
    got = officials(nlp_id, text)
    assert "Teluk Jernih" not in got
    assert "Winarti Sulistyo" in got
    assert got["Winarti Sulistyo"].position.upper().endswith("TELUK JERNIH")


def test_family_name_shaped_like_an_abstract_noun_is_kept(nlp_id):
    text = ("Yang bertanda tangan di bawah ini:\n\n"
            "I. H. AHMAD RIZAL NASUTION, Ketua Koperasi Nelayan Pantai Indah, dalam hal ini bertindak untuk dan atas "
            "nama Koperasi Nelayan Pantai Indah, selanjutnya disebut PIHAK PERTAMA.\n")
    got = officials(nlp_id, text)
    assert list(got) == ["Ahmad Rizal Nasution"]
    assert got["Ahmad Rizal Nasution"].position == "Ketua Koperasi Nelayan Pantai Indah"


def test_deputy_police_chief_abbreviation_is_a_position(nlp_id):
    text = ("Pemerintah Kota Sukamaju dan Kepolisian Resor Sukamaju menandatangani nota kesepakatan.\n\n"
            "Turut hadir Wakapolres Sukamaju Kompol Darma Wijaya, S.H., dan para camat.\n")
    got = officials(nlp_id, text)
    assert got["Darma Wijaya"].position == "Wakapolres Sukamaju"


def test_name_label_holding_name_and_position_under_a_witness_label(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING between Westbrook College and Harbourside Borough Council.\n\n"
            "Signed for and on behalf of\nWESTBROOK COLLEGE\n\nSignature: (signed)\nName: Dr Peter Langley\n"
            "Title: Principal\n\nWitness:\nName: Olivia Grant, Head of International Affairs, WBC\n")
    got = officials(nlp_en, text)
    assert got["Olivia Grant"].position.startswith("Head of International Affairs")
    assert got["Olivia Grant"].role == "attendee"


def test_witness_block_with_a_title_right_under_the_name(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING between Harbourside Borough Council and Westbrook College.\n\n"
            "FOR HARBOURSIDE BOROUGH COUNCIL               FOR WESTBROOK COLLEGE\n\n"
            "[signed]                                      [signed]\n\n"
            "MR ALAN FORSYTHE                              DR PETER LANGLEY\n"
            "Chief Executive                               Principal\n\n"
            "WITNESSED BY:                                 WITNESSED BY:\n\n"
            "Ms Helen Marsh                                Mr Tomas Reyes\n"
            "Borough Secretary of Harbourside              Regional Programme Manager, WBC\n")
    got = officials(nlp_en, text)
    assert got["Helen Marsh"].position == "Borough Secretary of Harbourside"
    assert got["Helen Marsh"].role == "attendee"
    assert got["Tomas Reyes"].position == "Regional Programme Manager, WBC"
    assert got["Tomas Reyes"].role == "attendee"


def test_batak_boru_particle_inside_a_name(nlp_id):
    text = ("Yang bertanda tangan di bawah ini:\n\n1. Nama      : RITA BR. GINTING, S.E.\n"
            "   Jabatan   : Kepala Kantor Perpustakaan Kota Sukamaju\n"
            "dalam hal ini bertindak untuk dan atas nama Kantor Perpustakaan Kota Sukamaju, selanjutnya disebut PIHAK PERTAMA.\n")
    got = officials(nlp_id, text)
    assert list(got) == ["Rita Br. Ginting"]
    assert got["Rita Br. Ginting"].position == "Kepala Kantor Perpustakaan Kota Sukamaju"


def test_bank_division_head_and_a_position_that_stops_before_a_label_line(nlp_id):
    text = ("II. SUSUNAN TIM\nKetua: Agus Salim, S.E., Kepala Dinas Koperasi\n"
            "Anggota dari Bank: Wina Lestari, S.E., Pemimpin Cabang PT Bank Sejahtera Makmur\n")
    got = officials(nlp_id, text)
    assert got["Agus Salim"].position == "Kepala Dinas Koperasi"
    assert got["Wina Lestari"].position == "Pemimpin Cabang PT Bank Sejahtera Makmur"


def test_label_line_after_a_wrapped_position_is_not_a_name(nlp_id):
    text = ("Yang bertanda tangan di bawah ini:\n1. Nama : Drs. HENDRA GUNADI, M.Si.\n"
            "Jabatan : Kepala Dinas Perhubungan Kota Sukamaju\nAlamat : Jalan Merak Nomor 9, Kota Sukamaju\n"
            "dalam hal ini bertindak untuk dan atas nama Dinas Perhubungan Kota Sukamaju.\n")
    got = officials(nlp_id, text)
    assert list(got) == ["Hendra Gunadi"]


def test_position_heading_wrapped_in_run_together_pdf_columns(nlp_id):
    text = ("Nota Kesepakatan antara Pemerintah Kabupaten Bukit Landai dan Akademi Komunitas Teluk Jernih.\n\n"
            "PIHAK KEDUA PIHAK PERTAMA\nDIREKTUR AKADEMI KOMUNITAS BUPATI BUKIT LANDAI,\nTELUK JERNIH,\n"
            "Dr. WINARTI SULISTYO, M.Pd. Drs. HASAN BASRI, M.Si.\n")
    got = officials(nlp_id, text)
    assert "Teluk Jernih" not in got


def test_signature_title_naming_a_place_takes_the_party_of_that_place(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING between THE REGENCY GOVERNMENT OF BUKIT LANDAI and WESTBROOK COLLEGE.\n\n"
            "FOR THE REGENCY GOVERNMENT OF BUKIT LANDAI     FOR WESTBROOK COLLEGE\n\n"
            "[signed]                                      [signed]\n\n"
            "DRS. HASAN BASRI                              DR PETER LANGLEY\n"
            "Regent of Bukit Landai                        Principal\n\n"
            "WITNESSED BY:\n\n"
            "Ms Rina Kartika\n"
            "Regional Secretary of Bukit Landai\n")
    got = officials(nlp_en, text)
    assert got["Rina Kartika"].organization is not None
    assert "BUKIT LANDAI" in got["Rina Kartika"].organization.upper()
