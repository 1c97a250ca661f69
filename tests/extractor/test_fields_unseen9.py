"""Officials, signing date and commitments: failure classes met on the ninth blind set
(tests/holdout_blind9), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations


def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


# -- officials: name forms -------------------------------------------------------------------------

def test_german_compound_degrees_and_philippine_titles_are_no_part_of_the_name(nlp_en):
    text = ("For the City of Eastbrook | For Nordlicht Stiftung für Bildung\n\n(signed) | (signed)\n\n"
            "Drs. PETER HALIM, M.Si. | Dipl.-Ing. ANNELIESE BRÄUNIG\n"
            "Head of the Education Office | Managing Director\n\n"
            "The annex was signed by Dr. rer. pol. Jonas Kühlmann, Director of the Nordlicht Academy, in Bremen. "
            "Provincial Administrator Atty. Ramon T. Bautista and Engr. Paolo de la Cruz, Head of the Port "
            "Office, attended. Governor Ma. Luisa delos Reyes-Tan signed for her province.\n")
    got = officials(nlp_en, text)
    assert got["Anneliese Bräunig"].honorifics == ("Dipl.-Ing.",)
    assert got["Anneliese Bräunig"].position == "Managing Director"
    assert got["Jonas Kühlmann"].honorifics == ("Dr. rer. pol.",)
    assert got["Ramon T. Bautista"].honorifics == ("Atty.",)
    assert got["Ramon T. Bautista"].position == "Provincial Administrator"
    assert got["Paolo de la Cruz"].position == "Head of the Port Office"
    assert got["Ma. Luisa delos Reyes-Tan"].position == "Governor"
    # trap: a name ending in a particle keeps no dangling particle, a degree after a name stays a degree
    trap = officials(nlp_en, "The report was presented by Dr. Sinta Wulandari, MA. Director of the Lake Institute, "
                             "on Monday.\n")
    assert all("MA" not in name.split() for name in trap)


# -- officials: signature layouts ------------------------------------------------------------------

def test_witness_labels_set_over_each_signature_column_make_witnesses_not_an_organisation(nlp_en):
    text = ("For the Regency of Lembah Tinggi | For Harbour Skills Trust\n\n(signed) | (signed)\n\n"
            "YOSEF LAMURU, S.T. | HELEN MARSH\nHead of the Manpower Office | Chief Executive\n\n"
            "Witnessed by: | Witnessed by:\n\n(signed) | (signed)\n\n"
            "DANIEL OKOYE | RATNA SARI BUNGA, S.H.\nProgramme Director | Head of the Legal Section\n")
    got = officials(nlp_en, text)
    assert got["Daniel Okoye"].role == got["Ratna Sari Bunga"].role == "attendee"
    assert got["Daniel Okoye"].organization != "Witnessed by"
    assert got["Ratna Sari Bunga"].position == "Head of the Legal Section"
    # trap: the signatories above keep their role and their header's organisation
    assert got["Yosef Lamuru"].role == got["Helen Marsh"].role == "signatory"
    assert got["Helen Marsh"].organization == "Harbour Skills Trust"


def test_two_signers_of_one_party_run_together_on_one_line_are_split_where_the_text_names_them(nlp_id):
    text = ("Yang bertanda tangan di bawah ini:\n"
            "Nama : AMOS TALLO\nJabatan : Ketua Koperasi Tenun Ikat Sehati\n"
            "Nama : YOHANA BAY NUBATONIS, S.E.\nJabatan : Bendahara Koperasi Tenun Ikat Sehati\n"
            "bersama-sama bertindak untuk dan atas nama Koperasi Tenun Ikat Sehati, selanjutnya disebut PIHAK KEDUA.\n\n"
            "PIHAK KEDUA,\nKOPERASI TENUN IKAT SEHATI\n\nKetua, Bendahara,\n\nttd. ttd.\n\n"
            "AMOS TALLO YOHANA BAY NUBATONIS, S.E.\n")
    got = officials(nlp_id, text)
    assert set(got) == {"Yohana Bay Nubatonis", "Amos Tallo"}
    assert got["Yohana Bay Nubatonis"].position == "Bendahara Koperasi Tenun Ikat Sehati"
    # trap: one long name under one mark is not cut in two
    one = officials(nlp_id, "PIHAK PERTAMA,\n\nttd.\n\nYOHANES BAPTISTA NONG LEWAR\n")
    assert list(one) == ["Yohanes Baptista Nong Lewar"]


# -- officials: minutes and lists of participants --------------------------------------------------

def test_meeting_roles_in_the_header_of_minutes_give_the_person_a_position(nlp_id):
    text = ("NOTULA RAPAT KOORDINASI\n\nHari/Tanggal : Rabu, 2 September 2026\n"
            "Pimpinan Rapat : Drs. Yohanes Kelen, M.M., Kepala Dinas Perikanan\n"
            "Notulis : Sinta Maharani, S.E.\n"
            "Peserta : 1. Sekretaris Dinas\n"
            "2. Area Manager PT Samudra Pakan Lestari wilayah Sulawesi Selatan, Bernadus Tolo, S.Pi., beserta staf\n"
            "3. Ketua Kelompok Nelayan Bintang Laut\n\n"
            "Kepala Bidang Sarana dan Prasarana melaporkan kemajuan pembangunan dermaga.\n"
            "Rapat dibuka oleh pimpinan rapat.\n")
    got = officials(nlp_id, text)
    assert got["Sinta Maharani"].position == "Notulis"
    assert got["Yohanes Kelen"].position == "Kepala Dinas Perikanan"
    assert got["Bernadus Tolo"].organization == "PT Samudra Pakan Lestari"
    # traps: unit words of a field or a group and the word "rapat" are no names
    assert set(got) == {"Sinta Maharani", "Yohanes Kelen", "Bernadus Tolo"}


def test_a_person_named_in_brackets_after_a_company_is_still_a_person(nlp_id):
    text = ("1. Paparan PT Benih Tanah Subur (Maria Ana Gole):\n"
            "a. Perusahaan telah menyalurkan benih.\n\n"
            "Peserta rapat: Manajer Wilayah PT Benih Tanah Subur, Maria Ana Gole, S.P., beserta staf.\n")
    got = officials(nlp_id, text)
    assert got["Maria Ana Gole"].organization == "PT Benih Tanah Subur"
    # trap: a short form in brackets sharing words with the name it shortens stays an organisation word
    short = ("Politeknik Negeri Bukit Awan (Polnes Awan) dan Dinas Tenaga Kerja menandatangani nota. "
             "Direktur Polnes Awan, Dr. Ir. Hasan Basri, M.T., hadir.\n")
    assert "Polnes Awan" not in officials(nlp_id, short)


def test_who_has_served_as_links_a_name_to_its_position(nlp_en):
    text = ("Our contact in the Health Office has been Hj. Nurlaela Daeng Sompa, S.KM., M.Kes., who has served as "
            "Plt. Head of the Health Office since May while the Head is on leave.\n")
    got = officials(nlp_en, text)
    assert got["Nurlaela Daeng Sompa"].position == "Plt. Head of the Health Office"
    # trap: a relative clause that names no position gives none
    other = officials(nlp_en, "We thank Hj. Nurlaela Daeng Sompa, S.KM., M.Kes., who has served the villages for years.\n")
    assert not any(o.position for o in other.values())


# -- signing date ------------------------------------------------------------------------------------

def test_a_dateline_with_its_country_is_the_publication_date_not_the_signing_day():
    from extractor.nlp.dates_component import date_mentions
    text = ("PRESS RELEASE\nFriendship pact for two coastal towns\n\n"
            "NORTHPORT, Philippines, 9 March 2026 – The Town of Northport and the Town of Seabridge signed a Memorandum "
            "of Understanding on coastal tourism and small-scale fisheries on Sunday, 8 March 2026, at the town hall.\n")
    dates, _ = date_mentions(text, lang="en", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-03-08"]
    # trap: with no other date the dateline is still read as the signing day
    only = ("PRESS RELEASE\nFriendship pact for two coastal towns\n\n"
            "NORTHPORT, Philippines, 9 March 2026 – The Town of Northport and the Town of Seabridge signed a Memorandum "
            "of Understanding at the town hall.\n")
    dates, _ = date_mentions(only, lang="en", kind="news_release")
    assert [d.date for d in dates if d.role == "signing"][:1] == ["2026-03-09"]


# -- commitments: narrative reports and minutes ------------------------------------------------------

def _extract(text: str):
    from extractor.extract import extract
    from extractor.types import DocumentText, PageSpan
    return extract(DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),)), source="note.txt", sha256="0")


def test_a_progress_note_reports_work_done_without_its_headings_contacts_or_outside_work():
    text = ("QUARTERLY PROGRESS NOTE\n\nFrom: Field Office, Yayasan Pantai Biru\nTo: Programme Team, Northern Lights Fund\n"
            "Date: 4 March 2026\n\nDear colleagues,\n\n"
            "This note summarises what Yayasan Pantai Biru and the Environment Office of Teluk Rawa Regency have carried "
            "out under the MoU signed on 5 January 2026.\n\n"
            "Who we worked with\n\n"
            "Our main contact has been Ir. Daniel Kore, M.Si., Head of the Waste Division. Field work was coordinated "
            "with the village heads of Ujung and Batu Merah.\n\n"
            "What has been done\n\n"
            "The Foundation built three waste banks in Ujung, Batu Merah and Lembo. The Environment Office issued a "
            "circular on plastic bags in February.\n\n"
            "We also joined a beach clean-up run by the provincial office, but it is a separate activity outside the MoU.\n\n"
            "Next steps\n\nIn April 2026 the Foundation will train 40 waste bank staff.\n")
    out = _extract(text)
    assert out.kind == "activity_report"
    texts = [c.text for c in out.commitments]
    assert any(t.startswith("The Foundation built three waste banks") for t in texts)
    assert any(t.startswith("The Environment Office issued a circular") for t in texts)
    for wrong in ("This note", "Who we worked", "What has been done", "Our main contact", "Field work was",
                  "We also joined"):
        assert not any(t.startswith(wrong) for t in texts), wrong
    # a text layer without blank lines: the headings are known by the finished sentence before them
    texts = [c.text for c in _extract(text.replace("\n\n", "\n")).commitments]
    assert any("built three waste banks" in t for t in texts)
    for wrong in ("This note", "Who we worked", "Our main contact", "Field work was", "We also joined"):
        assert not any(t.startswith(wrong) for t in texts), wrong


def test_the_chair_opening_a_meeting_is_no_activity_of_the_minutes():
    text = ("NOTULA RAPAT\nEVALUASI KERJA SAMA DINAS PERIKANAN DENGAN PT LAUT BIRU\n\n"
            "Hari/Tanggal : Kamis, 5 Maret 2026\nNotulis : Sinta Maharani, S.E.\n\nI. PEMBUKAAN\n\n"
            "Pimpinan rapat membuka rapat dan mengingatkan bahwa kerja sama telah berjalan tiga bulan.\n\n"
            "II. PEMBAHASAN\n\n1. PT Laut Biru telah menyerahkan 4 unit mesin es kepada kelompok nelayan.\n")
    texts = [c.text for c in _extract(text).commitments]
    assert not any(t.startswith("Pimpinan rapat membuka") for t in texts)
    # trap: the work reported in the same minutes stays
    assert any("menyerahkan 4 unit mesin es" in t for t in texts)


# -- commitments: releases ------------------------------------------------------------------------

def test_a_release_keeps_undertakings_but_not_the_term_or_a_relation_named_as_topic():
    from extractor.nlp.commitments import find_commitments
    en = ("NORTHPORT, 9 March 2026 – The City of Northport and the Province of Isla Verde signed a Memorandum of "
          "Understanding on sister-city cooperation on Sunday, 8 March 2026.\n\n"
          "The MoU, registered under No. 12/KSDN/2026, will run for five (5) years.\n\n"
          "The two sides also signed an agreement on cooperation in fisheries training.\n\n"
          "The fisheries agreement will run for three years and will be reviewed every year.\n")
    got = [c.text for c in find_commitments(en, kind="news_release")]
    assert not any("sister-city" in t for t in got)
    assert not any(t.startswith("The MoU, registered") for t in got)
    # traps: a topic naming a field and a term sentence that also promises a review stay
    assert any("fisheries training" in t for t in got)
    assert any("reviewed every year" in t for t in got)
    id_text = ("PANTAI RAWA – Pemerintah Kota Pantai Rawa dan Bank Mutiara Timur menandatangani perjanjian kerja sama, "
               "Senin (2/3/2026).\n\nBank Mutiara Timur juga menyanggupi penyediaan 5 unit mobil kas keliling bagi pasar desa.\n\n"
               "\"Biaya kartu bagi pedagang kami tanggung sampai akhir 2026, jadi pedagang tidak membayar apa pun,\" kata Rina.\n\n"
               "\"Kami senang sekali bisa hadir di sini,\" kata Rina.\n")
    got = [c.text for c in find_commitments(id_text, kind="news_release")]
    assert any("menyanggupi penyediaan 5 unit mobil kas" in t for t in got)
    assert any("kami tanggung sampai akhir 2026" in t for t in got)
    # trap: a quote that promises nothing stays out
    assert not any("senang sekali" in t for t in got)
