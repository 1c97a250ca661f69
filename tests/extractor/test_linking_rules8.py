"""Linking and statement rules of session 8 (blind sets 8 and 9 opened), on invented text."""
from extractor.linking import statement_allowed
from extractor.matching_types import AgreementRef, PartyRef

CITY = PartyRef("Pemerintah Kota Sawah Lebar", ("Pemkot Sawah Lebar",))
CAMPUS = PartyRef("Politeknik Kesehatan Sawah Lebar")
HEALTH_OFFICE = PartyRef("Dinas Kesehatan Kota Sawah Lebar", ("Dinkes Kota Sawah Lebar",))
DAIRY = PartyRef("Koperasi Susu Murni Lestari")


def test_the_city_government_is_no_other_body_for_an_agreement_of_its_own_office():
    campus_ag = AgreementRef(1, (CITY, CAMPUS))
    dairy_ag = AgreementRef(2, (HEALTH_OFFICE, DAIRY))
    header = "Field notes: Sawah Lebar City Government stunting support, visit of 2-4 December"
    ok, why = statement_allowed(header, dairy_ag, [campus_ag])
    assert ok, why
    # a party of another agreement that is no government of the office's city still counts
    school = AgreementRef(3, (PartyRef("SMK Negeri 4 Tirta Raya"), DAIRY))
    ok, why = statement_allowed("SMK Negeri 4 Tirta Raya menerima susu.", dairy_ag, [school])
    assert not ok and "another agreement" in why
