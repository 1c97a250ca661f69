"""Linking and statement rules of session 8 (blind sets 8 and 9 opened), on invented text."""
from extractor.matching_types import AgreementRef, PartyRef
from extractor.statement_scope import statement_allowed

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


def test_quantities_written_in_digits_are_shared_terms_in_any_language():
    from extractor.matching_scores import BM25, match_terms, quantity_terms

    assert quantity_terms("1.800 sasaran selama 90 hari; 12,000 doses; 300 tablets") == ["#1800", "#90", "#12000", "#300"]
    # days, years, times, decimals and parts of document numbers are no quantity (small counts: session 9)
    assert quantity_terms("pukul 06.30 pada 14 Juli 2026, 2,5 ton, Nomor 400.9/112/DINSOS") == []
    assert "#12000" in set(match_terms("menyediakan 12.000 dosis vaksin")) & set(match_terms("12,000 doses arrived"))
    # a commitment's own numbers do not raise the bar a statement must reach without them
    plain, numbered = BM25([["vaksin", "dosis"], ["vaksin", "dosis", "#12000"]]).self_scores
    assert abs(plain - numbered) < 1e-9
