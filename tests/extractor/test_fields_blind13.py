"""Document kind, parties and officials: failure classes met on the thirteenth blind set
(tests/holdout_blind13), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations

from extractor.nlp.doc_fields import kind_of

# -- kind: a letter whose subject line is a report; a monthly progress update --------------------------


def test_a_letter_whose_subject_line_is_a_report_is_an_activity_report():
    for subject in ("Perihal : Laporan Pelaksanaan Kerja Sama Triwulan II", "Hal: Laporan Kegiatan Bulan Mei 2031",
                    "Subject: Progress report on the seedling programme"):
        text = ("KOPERASI TANI MAJU BERSAMA\nDesa Contoh, Kecamatan Sampel\n\nDesa Contoh, 4 Juni 2031\n\n"
                f"Nomor : 12/KTMB/VI/2031\nLampiran : -\n{subject}\n\nYth. Kepala Dinas Pertanian\ndi Tempat\n\n"
                "Dengan hormat,\n1. Kami telah menanam 400 bibit kopi.\n")
        assert kind_of(text) == "activity_report", subject
    # trap: a letter inviting to a signing is no report
    invite = ("KOPERASI TANI MAJU BERSAMA\n\nNomor : 13/KTMB/VI/2031\nPerihal : Undangan Penandatanganan Perjanjian\n\n"
              "Yth. Kepala Dinas Pertanian\n\nDengan hormat, kami mengundang Bapak hadir.\n")
    assert kind_of(invite) != "activity_report"


def test_a_monthly_progress_update_is_an_activity_report():
    for title in ("MONTHLY PROGRESS UPDATE - MAY 2031", "Quarterly Progress Update (Q2 2031)"):
        text = (f"{title}\n\nFrom: PT Contoh Abadi\nTo: Head of the Sample Regency Agriculture Office\n\n"
                "What we did in May\n- We planted 400 coffee seedlings.\n")
        assert kind_of(text) == "activity_report", title
    # trap: a release with a dated dateline is still a release
    release = ("SAMPLE CITY - The Sample Regency signed an agreement with PT Contoh Abadi on Monday. "
               "\"We will plant trees,\" said the regent.\n")
    assert kind_of(release) == "news_release"


# -- parties: a report's memo header "From: ORG" / "To: Head of ORG" ----------------------------------

def parties(nlp, text: str) -> list[str]:
    return [p.name for p in nlp(text)._.janji_parties]


def test_the_from_and_to_lines_of_a_report_header_name_the_two_partners(nlp_en):
    text = ("MONTHLY PROGRESS UPDATE - MAY 2031\n\nFrom: PT Sinar Padi Makmur (SPM), Contoh rice mill\n"
            "To: Head of the Agriculture Office of Sample Regency\nDate: 2 June 2031\n\n"
            "What we did in May\n- We dried 40 tonnes of paddy for the farmer groups.\n")
    got = parties(nlp_en, text)
    assert len(got) == 2 and got[0] == "PT Sinar Padi Makmur" and "Agriculture Office of Sample Regency" in got[1]
    # trap: a "To:" line alone (no sender) names no pair of partners
    trap = ("MONTHLY PROGRESS UPDATE - MAY 2031\n\nTo: Head of the Agriculture Office of Sample Regency\n\n"
            "What we did in May\n- We dried 40 tonnes of paddy for the farmer groups.\n")
    assert len(parties(nlp_en, trap)) < 2


# -- officials: "head of the regency's X Office, Name" -----------------------------------------------

def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


def test_a_position_naming_the_body_that_owns_the_office_by_a_possessive_gives_the_person(nlp_en):
    text = ("The agreement was signed on Monday. The head of the city's Parks and Gardens Office, Maria Lestari "
            "Simanjuntak, S.T., attended as a witness.\n")
    got = officials(nlp_en, text)
    assert "Maria Lestari Simanjuntak" in got, got
    assert "Parks and Gardens Office" in (got["Maria Lestari Simanjuntak"].position or "")
    # trap: a possessive of a household is no body owning an office
    trap = "The head of the family's Parks Office, Budi Santoso, attended.\n"
    assert "Budi Santoso" not in officials(nlp_en, trap)


# -- organisations: an English office named by two fields joined by "and" -------------------------------

def test_an_office_named_by_two_fields_joined_by_and_is_one_name(nlp_en):
    text = ("Fisheries deal signed\n\nSAMPLE CITY, 3 May 2031 – The Forestry and Plantation Office of Sample "
            "Regency and PT Kayu Lestari Abadi signed a cooperation agreement on seedlings on Monday.\n")
    assert "Forestry and Plantation Office of Sample Regency" in parties(nlp_en, text)
    # trap: two organisations joined by "and" stay two
    trap = ("Deal signed\n\nSAMPLE CITY, 3 May 2031 – Northfield College and Sample Regency Agriculture Office "
            "signed a cooperation agreement on Monday.\n")
    got = parties(nlp_en, trap)
    assert "Northfield College" in got and not any(p.startswith("Northfield College and") for p in got), got


def test_a_label_ending_in_a_dot_before_its_colon_is_no_persons_name(nlp_en):
    text = ("MONTHLY PROGRESS UPDATE - MAY 2031\n\nFrom: PT Sinar Padi Makmur (SPM)\n"
            "To: Head of the Forestry and Plantation Office of Sample Regency\nRef.: SPM/05/2031\n\n"
            "What we did in May\n- We planted 400 seedlings.\n")
    assert "Ref" not in officials(nlp_en, text)


# -- places: a place name is not shortened to the tail of another place's name ---------------------------

def test_a_place_is_not_cut_to_a_word_that_ends_another_places_name(nlp_id):
    from extractor.nlp.orgs import known_places
    text = ("Alamat : Dusun Kopi, Desa Teluk Sampel, Kecamatan Sampel Lestari.\n\n"
            "Perselisihan diselesaikan secara musyawarah dengan difasilitasi Camat Sampel Lestari, dan apabila "
            "tidak tercapai mufakat diselesaikan melalui pengadilan.\n")
    assert "sampel lestari" in known_places(text)
    assert "Lestari" not in officials(nlp_id, text)
    # trap: a place written alone elsewhere ("Kota Sampel.") is still the short form
    trap = "Kantor di Kota Sampel Lestari Budi Santoso.\nKota Sampel. Dibuat di Kota Sampel.\n"
    assert "sampel" in known_places(trap)
