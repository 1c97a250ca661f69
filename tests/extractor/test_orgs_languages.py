"""An organisation named in the other language, or by the short forms its staff write (invented names)."""
from __future__ import annotations

from extractor.linking import link_report
from extractor.matching_types import AgreementRef, PartyRef
from extractor.orgs import mentions, signature


def test_a_foundation_or_university_is_named_with_the_kind_word_on_the_other_side():
    foundation = signature("The Osterlund Foundation")
    assert mentions("Yayasan Osterlund menyerahkan bibit kepada kelompok tani.", foundation)
    assert not mentions("Yayasan Lestari Bumi menyerahkan bibit.", foundation)
    yayasan = signature("Yayasan Pelita Rimba")
    assert mentions("The Pelita Rimba Foundation trained 30 rangers.", yayasan)
    university = signature("Universitas Tanjung Karang Raya")
    assert mentions("Lecturers of Tanjung Karang Raya University visited the site.", university)
    assert mentions("Dosen Universitas Westbrook hadir.", signature("University of Westbrook"))
    # a kind word with no proper name is no name
    assert not mentions("Yayasan itu hadir.", signature("The Foundation"))


def test_an_english_local_government_office_is_its_dinas():
    office = signature("Education Office of the Provincial Government of Laut Biru")
    assert mentions("Dinas Pendidikan Provinsi Laut Biru menggelar bimtek guru.", office)
    assert mentions("Kepala Disdik Provinsi Laut Biru membuka acara.", office)
    assert not mentions("Dinas Pendidikan Provinsi Laut Hijau menggelar bimtek guru.", office)
    assert not mentions("Dinas Kesehatan Provinsi Laut Biru menggelar bimtek.", office)
    health = signature("the West Karang Provincial Health Office")
    assert mentions("Dinas Kesehatan Provinsi Karang Barat menerima alat.", health)
    assert mentions("Dinkes Karang Barat menerima alat.", health)
    agency = signature("Regional Disaster Management Agency of Sungai Lebar Regency")
    assert mentions("BPBD Kabupaten Sungai Lebar memasang sirene.", agency)
    assert mentions("Petugas BPBD Sungai Lebar memasang sirene.", agency)
    assert not mentions("BPBD Kabupaten Sungai Kecil memasang sirene.", agency)
    # a field the map does not know is left alone
    assert not any("dinas" in lit for lit in signature("Harbour Pilotage Office of the City Government of X").literals)


def test_a_short_form_of_kind_words_and_a_long_place_as_initials():
    unit = signature("Kesatuan Pengelolaan Hutan Lindung Bukit Batu Hitam")
    assert mentions("Tim KPHL Bukit Batu Hitam berpatroli.", unit)
    assert mentions("(Humas KPHL BBH)", unit)
    assert not mentions("(Humas KPHL BBT)", unit)
    # across a government level the initials are another office's short form
    assert " dkp ntb " not in signature("Dinas Kesehatan Provinsi Nusa Tanah Baru").literals


def test_the_other_language_name_in_brackets_links_a_report():
    ag = AgreementRef(1, (PartyRef("The Bukit Batu Hitam Protection Forest Management Unit",
                                   ("KESATUAN PENGELOLAAN HUTAN LINDUNG BUKIT BATU HITAM",)),
                          PartyRef("The Osterlund Foundation")))
    report = "KPHL Bukit Batu Hitam bersama Yayasan Osterlund membangun 20 sekat kanal."
    assert [link.agreement_id for link in link_report(report, [ag])] == [1]
    assert link_report("KPHL Bukit Batu Hitam membangun 20 sekat kanal bersama Yayasan Pelita.", [ag]) == []


def test_an_office_of_the_same_field_in_a_sibling_province_is_another_organisation():
    from extractor.linking import link_one_party
    from extractor.statement_scope import statement_allowed

    ag = AgreementRef(1, (PartyRef("Westbrook University"),
                          PartyRef("Education Office of the Provincial Government of Laut Biru")))
    elsewhere = "Our team completed a reading survey with the Provincial Education Office of Laut Hijau."
    assert statement_allowed(elsewhere, ag, [])[0] is False
    assert statement_allowed("Westbrook lecturers trained 40 teachers with Disdik Provinsi Laut Biru.", ag, [])[0]
    # a newsletter of one party that also names that other office still reports on this agreement
    newsletter = f"Westbrook University ran the teacher course in Laut Biru. {elsewhere}"
    assert link_one_party(newsletter, [ag]) == {1: "Westbrook University"}
