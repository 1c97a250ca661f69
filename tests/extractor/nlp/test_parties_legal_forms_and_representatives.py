"""Parties: a company named with its legal form after the name ("X B.V.", "X GmbH", "X Pty Ltd") is an
organisation; in a title block the office that represents a party ("represented by the X Office (Dinas
X)") is no party of its own, and a connector inside brackets separates no parties. Invented text."""
from __future__ import annotations


def names(doc) -> list[str]:
    return [p.name for p in doc._.janji_parties]


def entity_names(doc) -> set[str]:
    return {e.canonical for e in doc.user_data["janji_orgs"]["entities"]}


def test_a_company_with_a_foreign_legal_form_is_an_organisation(nlp_en):
    doc = nlp_en("The Tanjung Ara Regency Government signed a cocoa sourcing agreement with Groenveld Trading "
                 "B.V. on 3 March 2031. Observers from Lindqvist Maskin AB, Hartmann Agrar GmbH, Wattle Grove "
                 "Seeds Pty Ltd and Cedar Ridge Analytics Inc. attended.")
    assert names(doc) == ["Tanjung Ara Regency Government", "Groenveld Trading B.V."]
    assert {"Lindqvist Maskin AB", "Hartmann Agrar GmbH", "Wattle Grove Seeds Pty Ltd",
            "Cedar Ridge Analytics Inc."} <= entity_names(doc)


def test_a_legal_form_ends_the_name_and_keeps_its_short_form(nlp_en):
    doc = nlp_en("Groenveld Trading B.V. (GTB) Director Anna Visser opened the meeting.")
    ent = next(e for e in doc.user_data["janji_orgs"]["entities"] if e.canonical.startswith("Groenveld"))
    assert ent.canonical == "Groenveld Trading B.V."


TITLE = ("MEMORANDUM OF UNDERSTANDING\n\nbetween\n\n"
         "THE GOVERNMENT OF TANJUNG ARA REGENCY\n"
         "represented by the Fisheries and Marine Office (Dinas Perikanan dan Kelautan)\n\n"
         "and\n\n"
         "NOORDZEE AQUA B.V.\n\n"
         "on\n\nShrimp Hatchery Development\n\n"
         "This Memorandum is signed in Tanjung Ara on 2 May 2031 between the Government of Tanjung Ara Regency "
         "and Noordzee Aqua B.V.\n\n"
         "1. Noordzee Aqua B.V. shall build one shrimp hatchery by 31 December 2031.\n"
         "2. The Government of Tanjung Ara Regency shall provide the land for the hatchery.\n")


def test_the_office_representing_a_party_in_the_title_is_no_party(nlp_en):
    got = names(nlp_en(TITLE))
    assert got == ["the Government of Tanjung Ara Regency", "Noordzee Aqua B.V."]
