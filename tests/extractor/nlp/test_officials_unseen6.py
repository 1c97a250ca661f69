"""Officials: failure classes met on the sixth blind set (tests/holdout_blind6), each fixed by a
general rule. Every text here is invented for the test; each test has a trap where the rule must
not fire."""
from __future__ import annotations


def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


# -- officials ---------------------------------------------------------------------------------------

WITNESS_BLOCK = (
    "Demikian Perjanjian ini dibuat dalam rangkap 2 (dua).\n\n"
    "PIHAK KEDUA,                                    PIHAK PERTAMA,\n"
    "REKTOR UNIVERSITAS KENARI                       KEPALA DINAS PERTANIAN,\n\n"
    "Prof. Dr. HENDRA WIJAYA, M.Si.                  Ir. RATNA KUSUMA, M.P.\n\n"
    "                 Saksi-saksi :\n"
    "1. Drs. Bambang Sulistyo, M.A.P.              2. Maria Goreti Wele, S.IP.\n"
    "   Kepala Bidang Tanaman Pangan                  Kepala Pusat Studi Pangan dan Gizi\n"
    "                                                 Universitas Kenari\n")


def test_numbered_witnesses_set_side_by_side_with_positions_below(nlp_id):
    got = officials(nlp_id, WITNESS_BLOCK)
    assert got["Bambang Sulistyo"].position == "Kepala Bidang Tanaman Pangan"
    assert got["Maria Goreti Wele"].position == "Kepala Pusat Studi Pangan dan Gizi"
    assert got["Bambang Sulistyo"].role == got["Maria Goreti Wele"].role == "attendee"
    # trap: numbered agenda items in columns are no people
    agenda = ("Susunan Acara :\n1. Sambutan Pembuka                 2. Penandatanganan Naskah\n"
              "   Kepala Dinas Pertanian                Bupati Lembah Teduh\n")
    assert "Sambutan Pembuka" not in officials(nlp_id, agenda)


def test_position_goes_on_after_dan_to_the_unit_it_names(nlp_id):
    text = ("Pada hari ini kami yang bertanda tangan di bawah ini:\n"
            "II. Dr. LINDA PERMATASARI, M.Sc. : Wakil Rektor Bidang Perencanaan dan Sistem Data Universitas "
            "Kenari, dalam hal ini bertindak atas nama Rektor, selanjutnya disebut PIHAK KEDUA.\n")
    got = officials(nlp_id, text)
    assert got["Linda Permatasari"].position == (
        "Wakil Rektor Bidang Perencanaan dan Sistem Data Universitas Kenari")
    # trap: "dan" followed by another person ends the position
    text = ("Naskah ditandatangani oleh Rina Sari, Kepala Bagian Umum dan Ahmad Fauzi, Sekretaris Camat "
            "Lembah Teduh.\n")
    got = officials(nlp_id, text)
    assert got["Rina Sari"].position == "Kepala Bagian Umum"


def test_english_position_goes_on_after_and_to_its_division(nlp_en):
    text = ("2. Persons met\n"
            "- drh. Nyoman Ariasa, M.Si., Head of the Plant Quarantine and Food Safety Division, Dinas Pertanian\n"
            "- Wayan Sudira, Head of Finance and Deputy Director Lisa Brown\n")
    got = officials(nlp_en, text)
    assert got["Nyoman Ariasa"].position.startswith("Head of the Plant Quarantine and Food Safety Division")
    # trap: a position word after "and" starts another person
    assert got["Wayan Sudira"].position == "Head of Finance"


def test_name_run_into_the_label_of_the_next_line_is_no_official(nlp_en):
    text = ("FIELD VISIT REPORT\nPrepared by: Dr. Anna Kowalczyk, BVSc, PhD, Programme Lead (Dairy)\n"
            "Approved by: Prof. Samuel Okafor, Director of Regional\nProgrammes\n"
            "Reference: Memorandum of Understanding signed 2 May 2025\n")
    got = officials(nlp_en, text)
    assert "Programmes Reference" not in got
    assert got["Samuel Okafor"].position.startswith("Director of Regional")
    assert got["Anna Kowalczyk"].position == "Programme Lead"
    assert "BVSc" in got["Anna Kowalczyk"].honorifics
    # trap: "Lead" alone is no position
    assert not officials(nlp_en, "The Lead Partner Harrowfield College, Anna Kowalczyk, met the team.\n").get(
        "Anna Kowalczyk") or officials(nlp_en, "The Lead Partner Harrowfield College met the team.\n") == {}


def test_diplomatic_counsellor_under_a_witness_label(nlp_en):
    text = ("Witnessed by:\n"
            "Drs. Yohanes Kewa, M.Si. | Mr. Lars Eriksen\n"
            "Head of the Fisheries Office of Lembah Teduh Province | Commercial Counsellor, Embassy of Norway\n")
    got = officials(nlp_en, text)
    assert got["Lars Eriksen"].position.startswith("Commercial Counsellor")
    assert got["Yohanes Kewa"].position.startswith("Head of the Fisheries Office")


def test_numbered_witnesses_run_together_by_a_text_layer(nlp_id):
    from extractor.nlp.officials.context import Ctx
    from extractor.nlp.officials.witness_runs import numbered_witness_runs
    text = ("Demikian Perjanjian ini dibuat dalam rangkap 2 (dua).\n"
            "Saksi-saksi :\n"
            "1. Drs. Bambang Sulistyo, M.A.P. 2. Maria Goreti Wele, S.IP.\n"
            "Kepala Bidang Tanaman Pangan Wakil Dekan Fakultas Pertanian\n"
            "Universitas Kenari\n")
    got = officials(nlp_id, text)
    assert got["Bambang Sulistyo"].position == "Kepala Bidang Tanaman Pangan"
    assert got["Maria Goreti Wele"].position == "Wakil Dekan Fakultas Pertanian"
    assert got["Maria Goreti Wele"].role == "attendee"
    # traps: one position for two names cannot be shared out; entries that are no titled names are no people
    one = text.replace("Kepala Bidang Tanaman Pangan Wakil Dekan", "Wakil Dekan")
    assert numbered_witness_runs(Ctx(nlp_id(one))) == []
    agenda = text.replace("Drs. Bambang Sulistyo, M.A.P.", "Sambutan Pembuka").replace(
        "Maria Goreti Wele, S.IP.", "Penandatanganan Naskah")
    assert numbered_witness_runs(Ctx(nlp_id(agenda))) == []
