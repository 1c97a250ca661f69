"""An English-named city government ("the City Government of X", own scenario 9's MoU) is a city's,
not a regency's: the bare 'government of' decides only where no level word says which. A report
naming the company and the city only as 'Wali Kota' / 'Pemkot' links (invented text)."""
from __future__ import annotations

from extractor.linking import link_report
from extractor.matching_types import AgreementRef, PartyRef
from extractor.party_refs import kind_of

CITY = PartyRef("the City Government of Contoh Raya", ("Pemerintah Kota Contoh Raya", "the City"))
FIRM = PartyRef("Brightfield Power Pte. Ltd.", ("Brightfield",))
AGREEMENT = AgreementRef(1, (CITY, FIRM))


def test_level_words_decide_the_kind_of_an_english_government_name():
    assert kind_of("the City Government of Contoh Raya") == "city_gov"
    assert kind_of("the Provincial Government of Contoh") == "province_gov"
    assert kind_of("The Government of Contoh Hulu") == "regency_gov"   # no level word: as before
    assert kind_of("Pemerintah Kabupaten Contoh") == "regency_gov"


def test_the_mayor_by_title_completes_the_link_with_the_named_company():
    report = ("CONTOH RAYA - Sebanyak 80 lampu jalan tenaga surya yang dipasang PT Brightfield rampung. "
              "Wali Kota meresmikan lampu tersebut pada Jumat (6/6/2031).")
    links = link_report(report, [AGREEMENT])
    assert links and links[0].agreement_id == 1 and "referred to by kind" in links[0].reasons[0]


def test_a_regent_or_another_city_mayor_does_not_stand_for_the_city():
    assert not link_report("PT Brightfield memasang 80 lampu jalan. Bupati meresmikan lampu tersebut.", [AGREEMENT])
    assert not link_report("PT Brightfield memasang 80 lampu jalan. Wali Kota Lain Jaya meresmikan lampu "
                           "tersebut bersama Wali Kota.", [AGREEMENT])
