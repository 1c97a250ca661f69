"""Where in a report another organisation of a partner's kind counts against a link: in the
sentence (list item, table row) that refers to the party or names its partner, not in a sentence
about other work, which is then left out statement by statement. Invented text only."""
from __future__ import annotations

from extractor.link_scope import passages
from extractor.linking import link_one_party, link_report
from extractor.matching import match_report
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.report_parties import party_referred
from extractor.statement_scope import statement_allowed

PEMKAB = PartyRef("Pemerintah Kabupaten Rawa Teduh", ("Pemkab Rawa Teduh",))
LAND = PartyRef("Kantor Pertanahan Kabupaten Rawa Teduh")
UNIV = PartyRef("Universitas Bahari Selatan")
LAND_DEAL = AgreementRef(1, (PEMKAB, LAND))
WITH_UNIV = AgreementRef(2, (PEMKAB, UNIV))


def test_passages_split_sentences_items_and_rows_but_not_abbreviations_or_wrapped_lines():
    text = ("Annex 2: Progress\n\n4. Titling. The office issued 80 certificates to\nRawa Teduh "
            "Pte. Ltd. in May. Dr. Sari opened it.\n- first item\n- second item\n| a | b |\n| c | d |")
    assert passages(text) == ["Annex 2: Progress", "4. Titling.",
                              "The office issued 80 certificates to Rawa Teduh Pte. Ltd. in May.",
                              "Dr. Sari opened it.", "- first item", "- second item", "| a | b |", "| c | d |"]


def test_sibling_regency_in_a_sentence_about_other_work_leaves_the_kind_reference():
    text = ("The team visited the Rawa Teduh Land Office, which has titled most land held by the regency "
            "government this year. Systematic registration was also completed in 6 villages of the "
            "neighbouring Gunung Sepi Regency.")
    links = link_report(text, [LAND_DEAL])
    assert [link.agreement_id for link in links] == [1]
    assert "referred to by kind" in links[0].reasons[0]
    # the sentence about the other regency's work does not count for the agreement
    assert not statement_allowed("Systematic registration was also completed in 6 villages of the neighbouring "
                                 "Gunung Sepi Regency.", LAND_DEAL, [])[0]


def test_other_regency_in_the_sentence_of_the_party_or_the_reference_still_refuses():
    # the named party works with another regency: not this agreement
    with_other = ("The Rawa Teduh Land Office signed a titling scheme with the Gunung Sepi Regency Government. "
                  "The regency government paid for the surveys.")
    assert link_report(with_other, [LAND_DEAL]) == []
    # the kind reference sits next to another regency's name: it may be that one
    near_ref = ("The Rawa Teduh Land Office issued certificates. Gunung Sepi Regency and the regency government "
                "shared the survey costs.")
    assert party_referred(near_ref, PEMKAB, LAND_DEAL, [LAND]) is None
    assert link_report(near_ref, [LAND_DEAL]) == []


def test_one_party_link_ignores_another_regency_named_only_in_its_own_sentence():
    text = ("Dosen Universitas Bahari Selatan melatih 30 nelayan mengolah rumput laut. "
            "Pemerintah Kabupaten Gunung Sepi menggelar pelatihan serupa bulan lalu.")
    assert link_one_party(text, [WITH_UNIV]) == {2: UNIV.name}
    # named with the other regency in one sentence: the university works with that one
    trap = "Dosen Universitas Bahari Selatan bersama Pemerintah Kabupaten Gunung Sepi melatih 30 nelayan."
    assert link_one_party(trap, [WITH_UNIV]) == {}


def test_the_other_regencys_sentence_gives_no_match():
    commitments = [CommitmentRef(1, 1, "The Land Office shall issue certificates for the land assets of the "
                                       "regency government", parties=(LAND.name,)),
                   CommitmentRef(2, 1, "The Land Office shall complete systematic land registration in ten "
                                       "villages", parties=(LAND.name,))]
    first = "The Rawa Teduh Land Office issued certificates for 120 land assets of the regency government."
    second = "Systematic land registration was completed in ten villages of the neighbouring Gunung Sepi Regency."
    statements = [StatementRef(1, first), StatementRef(2, second)]
    links, matches = match_report(statements, f"{first} {second}", [LAND_DEAL], commitments,
                                  config=MatchConfig(method="bm25"))
    assert [link.agreement_id for link in links] == [1]
    assert {(m.statement_id, m.commitment_id) for m in matches} == {(1, 1)}


def test_a_partnership_counts_against_a_link_by_its_partner_not_by_its_sentence():
    # the programme as a whole is a partnership with another regency: not this agreement
    trap = ("Dosen Universitas Bahari Selatan melatih 30 nelayan mengolah rumput laut. "
            "Program ini hasil kerja sama dengan Pemerintah Kabupaten Gunung Sepi.")
    assert link_one_party(trap, [WITH_UNIV]) == {}
    # a drive organised with another body, in a sentence that also names another regency: that
    # sentence is other work, the partner of the drive is of no kind of the agreement's partner
    text = ("- Together with the Bahari Selatan University medical faculty, our team ran blood donor talks "
            "at seven schools.\n- 80 employees gave blood at the plant clinic in Gunung Sepi Regency during a "
            "drive organised with the Gunung Sepi Red Cross unit.")
    assert link_one_party(text, [WITH_UNIV]) == {2: UNIV.name}


def test_a_commitment_without_extracted_parties_is_its_subjects_party():
    from extractor.statement_scope import commitment_obligors, one_party_candidates

    institute = PartyRef("Harbourside Institute of Culinary Arts")
    office = PartyRef("the Fisheries Office of Teluk Awan Regency", ("Dinas Perikanan Kabupaten Teluk Awan",))
    company = PartyRef("Samudra Cold Chain Pte. Ltd.")
    ag = AgreementRef(7, (office, institute))
    with_company = AgreementRef(8, (office, company))
    course = CommitmentRef(1, 7, "The Institute shall run a fish handling course for 40 fishers")
    ice = CommitmentRef(2, 7, "The Fisheries Office will provide ice boxes to the fishing groups")
    joint = CommitmentRef(3, 7, "The Parties will review this MoU every year")
    roled = CommitmentRef(4, 7, "PIHAK KEDUA akan menyusun modul pelatihan")
    assert commitment_obligors(course, ag) == (institute.name,)
    assert commitment_obligors(ice, ag) == (office.name,)
    assert commitment_obligors(joint, ag) == () and commitment_obligors(roled, ag) == ()
    assert commitment_obligors(CommitmentRef(5, 8, "Commitments of the Company: The Company shall build a cold "
                                                   "store"), with_company) == (company.name,)
    # extracted parties stand; a subject two parties share names neither
    assert commitment_obligors(CommitmentRef(6, 7, "The Institute shall train", parties=(office.name,)), ag) \
        == (office.name,)
    two = AgreementRef(9, (institute, PartyRef("Bayside Institute of Tourism")))
    assert commitment_obligors(CommitmentRef(7, 9, "The Institute shall train guides"), two) == ()
    # a report naming the institute alone counts for its own commitments, not the office's
    assert [c.id for c in one_party_candidates([course, ice, joint], {7: institute.name}, [ag])] == [1]
    assert one_party_candidates([course, ice, joint], {7: institute.name}) == []  # no agreement, no subject


def test_a_report_naming_one_party_matches_its_commitment_known_by_subject_only():
    institute = PartyRef("Harbourside Institute of Culinary Arts")
    office = PartyRef("the Fisheries Office of Teluk Awan Regency")
    ag = AgreementRef(7, (office, institute))
    commitments = [CommitmentRef(1, 7, "The Institute shall run a fish handling course for forty fishers"),
                   CommitmentRef(2, 7, "The Fisheries Office will run a fish auction course for forty traders")]
    text = "Harbourside Institute of Culinary Arts ran a fish handling course for forty fishers in May."
    links, matches = match_report([StatementRef(1, text)], text, [ag], commitments, config=MatchConfig(method="bm25"))
    assert "one party named" in links[0].reasons[0]
    assert [m.commitment_id for m in matches] == [1]


def test_a_statement_naming_another_organisation_of_a_partys_kind_is_not_its_work():
    from extractor.report_parties import short_form_of

    company = PartyRef("Sagara Cold Chain Pte. Ltd.")
    city = PartyRef("Pemerintah Kota Bayu Lestari", ("Pemkot Bayu Lestari",))
    ag = AgreementRef(5, (city, company))
    # another company handed out the gloves: not the party's commitment
    other = "Pekan lalu, PT Embun Segar membagikan sarung tangan dan sepatu bot kepada 80 pemulung."
    ok, why = statement_allowed(other, ag, [])
    assert not ok and "PT Embun" in why
    # the party by a shorter name, or a statement naming no organisation, stays
    assert statement_allowed("PT Sagara membagikan sarung tangan kepada 80 pemulung.", ag, [])[0]
    assert statement_allowed("Sarung tangan dibagikan kepada 80 pemulung.", ag, [])[0]
    assert short_form_of("PT Sagara", "Terima kasih PT Sagara Cold Chain.", company)
    assert not short_form_of("PT Sagara", "PT Sagara Logistik membagikan sarung tangan.", company)
    # a government's kind is left to places: a city's partner named by its office stays
    assert statement_allowed("Dinas Lingkungan Hidup membagikan tempat sampah terpilah ke 42 sekolah.", ag, [])[0]


def test_work_done_with_an_unnamed_partner_is_not_the_agreements():
    from extractor.statement_scope import unnamed_partner

    company = PartyRef("Sagara Cold Chain Pte. Ltd.")
    city = PartyRef("the City Government of Kali Jernih")
    ag = AgreementRef(6, (city, company))
    assert not statement_allowed("Twelve cold boxes were placed in markets of Batu Licin in partnership with a "
                                 "supermarket chain.", ag, [])[0]
    assert not statement_allowed("Kotak pendingin dipasang bekerja sama dengan sebuah perusahaan ritel.", ag, [])[0]
    # the partner referred to as a party, named, or no partnership at all: stays
    assert statement_allowed("Twelve cold boxes were placed in partnership with the City.", ag, [])[0]
    assert statement_allowed("Twelve cold boxes were placed in cooperation with Kali Jernih City Government.", ag, [])[0]
    assert unnamed_partner("A chain of twelve cold boxes was placed in the markets.") is None


def test_a_heads_decree_is_no_other_government_and_a_village_called_kota_is_no_city():
    from extractor.party_refs import others_of_kind
    from extractor.statement_scope import local_places

    own = (" ponto lawas ",)
    assert others_of_kind("Desa sasaran ditetapkan dengan Keputusan Bupati Nomor 690/3/Kep/2026.", "regency_gov", own) == []
    assert others_of_kind("Peraturan Bupati tentang tarif air belum terbit.", "regency_gov", own) == []
    assert others_of_kind("Bupati Ponto Lintang meninjau pompa.", "regency_gov", own) == ["Bupati Ponto"]
    assert local_places("Bak air di Desa Watan Koli, Nuha Tobi, Kota Ubin dan Wai Lanang selesai.") == set()
    assert local_places("Pelatihan digelar di Kota Ubin.") == {"ubin"}
    assert local_places("Watan Koli, Nuha Tobi, Lewo Rubin, Kota Ubin and Wai Lanang were connected.") == set()
    assert local_places("Kabupaten Sawah, Kabupaten Lebar, Kota Ubin and Batu Regency joined.") == {
        "sawah", "lebar", "ubin", "batu"}
    # the first item of a list of zone or village names that goes on after it
    assert local_places("Tiga zona (Kota Ubin, Pasar Lewo, Tanjung Koli) sudah beroperasi.") == set()
    assert local_places("Pelatihan di Kota Ubin, Kota Lewo, dan Kota Koli.") == {"ubin", "lewo", "koli"}
