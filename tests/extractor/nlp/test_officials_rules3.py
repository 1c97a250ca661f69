"""Officials: forms met on blind set 3 (tests/holdout_blind3), each tested on invented text (never
that set's sentences); each test fails without the rule it names."""
from __future__ import annotations


def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


def test_professional_title_and_british_honour_after_the_name(nlp_id, nlp_en):
    text = ("2. Nama      : Hj. Rina Marlina, S.Psi., M.Psi., Psikolog\n"
            "   Jabatan   : Ketua Yayasan Cahaya Ananda\n")
    found = officials(nlp_id, text)
    assert set(found) == {"Rina Marlina"}, found
    assert "Psikolog" in found["Rina Marlina"].honorifics
    found = officials(nlp_en, "The agreement was signed by Professor Alan Whitby OBE, Chief Executive "
                              "of the Harbour Trust, on Monday.\n")
    assert "Alan Whitby" in found, found


def test_ambassador_of_a_kingdom_to_a_republic(nlp_id):
    text = ("Penandatanganan disaksikan oleh Duta Besar Kerajaan Belanda untuk Republik Indonesia, "
            "H.E. Pieter van Damme, dan pejabat lainnya.\n")
    found = officials(nlp_id, text)
    assert found["Pieter van Damme"].position == "Duta Besar Kerajaan Belanda untuk Republik Indonesia", found


def test_deputy_is_a_position_prefix(nlp_id):
    text = "Hadir pula Deputi Direktur Perizinan, Maya Sari, dari kantor regional.\n"
    assert officials(nlp_id, text)["Maya Sari"].position == "Deputi Direktur Perizinan"


def test_consul_for_a_field_at_an_embassy(nlp_en):
    text = ("It was witnessed by the Consul for Culture and Science at the Canadian Embassy in Jakarta, "
            "Mr. Owen Hartley, and other guests.\n")
    found = officials(nlp_en, text)
    assert found["Owen Hartley"].position == ("Consul for Culture and Science at the Canadian Embassy in "
                                             "Jakarta"), found


def test_english_position_keeps_its_field_words_before_it(nlp_en):
    text = ("PT Sinar Laut will take interns, according to its Chief Marketing Manager, Rudi Santoso, "
            "who attended the ceremony.\n")
    assert officials(nlp_en, text)["Rudi Santoso"].position == "Chief Marketing Manager"


def test_witness_list_with_a_job_title_after_the_degrees(nlp_id):
    text = ("Saksi-saksi:\n"
            "1. dr. Nanda Putri, Sp.A., Dokter Spesialis Anak RSUD Kota Padang Rimbun      (ttd)\n"
            "2. Fajar Hidayat, S.Gz., Ahli Gizi Puskesmas Air Tenang                       (ttd)\n")
    found = officials(nlp_id, text)
    assert found["Nanda Putri"].position == "Dokter Spesialis Anak RSUD Kota Padang Rimbun", found
    assert found["Fajar Hidayat"].position == "Ahli Gizi Puskesmas Air Tenang", found


def test_a_job_named_in_a_clause_is_no_person(nlp_id):
    text = ("PIHAK KEDUA menugaskan 1 (satu) orang Dosen Pembimbing Lapangan (DPL) yang berkunjung paling "
            "sedikit dua kali.\n")
    assert officials(nlp_id, text) == {}


SIDE_BY_SIDE_WITNESSES = """For Lembaga Hijau Lestari                      For Ocean Care Foundation

(signed)                                       (signed)

Dr. Rina Wulandari, M.Sc.                      Mr. Thomas Albright
Chair of the Board                             Chief Executive Officer

Witnessed by:

Ir. Bayu Saputra, M.Si.                        Ms. Helen Marsh
Head of the Marine Affairs Office,             Country Director, Southeast Asia
Teluk Damar Regency                            Ocean Care Foundation
"""


def test_a_witness_position_carried_on_to_the_next_line(nlp_en):
    found = officials(nlp_en, SIDE_BY_SIDE_WITNESSES)
    assert found["Bayu Saputra"].position == "Head of the Marine Affairs Office, Teluk Damar Regency", found
    assert found["Helen Marsh"].position == "Country Director, Southeast Asia Ocean Care Foundation", found
    assert found["Rina Wulandari"].position == "Chair of the Board"   # a name line below is not carried on


def test_two_witnesses_whose_column_gap_was_lost(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nLEMBAGA HIJAU LESTARI\nAND\nOCEAN CARE FOUNDATION\n"
            "ON\nMANGROVE RESTORATION\n\n"
            "Witnessed by:\n"
            "Ir. Bayu Saputra, M.Si. Ms. Helen Marsh\n"
            "Head of the Marine Affairs Office, Country Director, Southeast Asia\n"
            "Teluk Damar Regency Ocean Care Foundation\n")
    found = officials(nlp_en, text)
    assert found["Bayu Saputra"].position == "Head of the Marine Affairs Office, Teluk Damar Regency", found
    assert found["Helen Marsh"].position == "Country Director, Southeast Asia Ocean Care Foundation", found
    assert all(o.role == "attendee" for o in found.values())


def test_a_rank_at_the_end_of_a_wrapped_line_starts_the_name(nlp_id):
    # a PDF text layer wraps the paragraph between the rank and the name
    text = ("Polres dan Bank Teken PKS\n\n"
            "Penandatanganan itu disaksikan para pejabat utama. Hadir pula Wakapolres Kompol\n"
            "Budi Hartono, S.H., Kasat Lantas AKP Rina Kusuma, S.I.K., dan perwakilan bank.\n")
    found = officials(nlp_id, text)
    assert found["Budi Hartono"].position == "Wakapolres", found
    assert found["Rina Kusuma"].position == "Kasat Lantas", found


def test_board_words_are_no_names_and_a_saksi_list_gives_attendees(nlp_id):
    text = ("PIHAK KEDUA,\nKetua Pengurus a.n. Kepala Dinas Sosial\n\n"
            "Saksi-saksi:\n1. Dewi Anggraini, S.Gz., Ahli Gizi Puskesmas Air Tenang\n")
    found = officials(nlp_id, text)
    assert "Pengurus" not in found, found
    assert found["Dewi Anggraini"].role == "attendee", found


def test_people_in_apposition_to_a_plural_job(nlp_en, nlp_id):
    text = ("Three ORCA lecturers, Dr. Anna Berg, Mr. Tom Reyes and Ms. Lia Hart, joined the faculty in May. "
            "Several items, such as boats and nets, were bought.\n")
    found = officials(nlp_en, text)
    assert set(found) == {"Anna Berg", "Tom Reyes", "Lia Hart"}, found
    assert {o.position for o in found.values()} == {"ORCA lecturer"}
    found = officials(nlp_id, "Selain itu, dua peneliti BRIN, Dr. Sari Dewi dan Ir. Hadi Pranoto, mendampingi tim.\n")
    assert {o.position for o in found.values()} == {"peneliti BRIN"}, found
    assert set(found) == {"Sari Dewi", "Hadi Pranoto"}


def test_name_and_position_lines_without_blank_lines_pair_downwards(nlp_en):
    # a text layer without blank lines: the long position line under the first name is not the
    # position of the name on the line after it
    text = ("Progress Report of the Reef Cooperation\n\nThe work went on as planned.\n\n"
            "Approved by:\n"
            "Dr. Andi Wijaya, S.Pi., M.Si.\n"
            "Head of Balai Riset Perikanan Laut Tanjung Karang Selatan\n"
            "Dr. Helen Marsh\n"
            "Programme Director, Ocean Care Foundation\n")
    found = officials(nlp_en, text)
    assert found["Andi Wijaya"].position == "Head of Balai Riset Perikanan Laut Tanjung Karang Selatan", found
    assert found["Helen Marsh"].position == "Programme Director, Ocean Care Foundation", found
