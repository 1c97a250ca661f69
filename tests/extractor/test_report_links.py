"""Linking a report to the agreement it is about when it does not write the parties' full names:
acronyms, short names, the other language, offices of a party, positions, a kind word alone, or
no name at all (content). Invented text only; each class with its trap."""
from __future__ import annotations

import pytest

from extractor.linking import LinkConfig, link_by_content, link_one_party, link_report
from extractor.matching import match_report
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.party_refs import acronym_named, core_named, kind_of, referred_by_kind
from extractor.report_parties import party_named

PEMKAB = PartyRef("Pemerintah Kabupaten Rawa Teduh", ("Pemkab Rawa Teduh",))
PEMKOT = PartyRef("Pemerintah Kota Bayu Lestari", ("Pemkot Bayu Lestari",))
UNIV = PartyRef("Universitas Bahari Selatan")
POLTEK = PartyRef("Politeknik Pariwisata Ombak Biru")
UTD = PartyRef("Unit Transfusi Darah Palang Merah Indonesia Kota Bayu Lestari")
RS = PartyRef("Rumah Sakit Umum Daerah dr. Kenanga Putih")
PT = PartyRef("PT Sagara Pangan Mandiri")

WITH_UNIV = AgreementRef(1, (PEMKAB, UNIV))
WITH_PT = AgreementRef(2, (PEMKAB, PT))
UTD_CITY = AgreementRef(3, (PEMKOT, UTD))
POLTEK_CITY = AgreementRef(4, (PEMKOT, POLTEK))
RS_REGENCY = AgreementRef(5, (PEMKAB, RS))


def _named(text: str, party: PartyRef, agreement: AgreementRef) -> bool:
    return party_named(text, party, agreement.parties)


def test_acronym_in_capitals_also_split_and_with_the_place_elsewhere():
    assert acronym_named("Mahasiswa UBS tiba di desa.", UNIV.name)
    assert acronym_named("Petugas UTD PMI Kota Bayu Lestari mengambil darah.", UTD.name)
    assert acronym_named("Petugas UTD PMI mengambil darah warga Kota Bayu Lestari.", UTD.name)
    # another city's unit, or the place not written at all
    assert not acronym_named("Petugas UTD PMI Kota Karang mengambil darah.", UTD.name)
    assert not acronym_named("Petugas UTD PMI mengambil darah.", UTD.name)


def test_syllable_short_form_needs_the_rest_of_the_name_and_is_no_ordinary_word():
    assert acronym_named("Dosen Poltekpar Ombak Biru melatih pemandu.", POLTEK.name)
    assert not acronym_named("Dosen Poltekpar Gunung Sari melatih pemandu.", POLTEK.name)
    # a capitalised word at a sentence's start is no short form ("Untuk" spells Universitas Terbuka)
    assert not acronym_named("Untuk itu, tim bekerja.", "Universitas Terbuka")


def test_core_name_with_a_word_of_its_kind_or_a_company_without_pt():
    assert core_named("Dokter RSUD Kenanga Putih hadir.", RS.name)
    assert core_named("Doctors of Kenanga Putih Hospital came.", RS.name)
    assert not core_named("Warga Kenanga Putih berkumpul.", RS.name)  # a place, maybe
    assert core_named("Sagara Pangan Mandiri bought the fish.", PT.name)
    assert not core_named("Rawa Teduh held a festival.", PEMKAB.name)  # a government's core is its place


def test_other_language_office_and_position_name_the_government():
    assert _named("the Rawa Teduh Regency Government opened it", PEMKAB, WITH_UNIV)
    assert _named("the Tourism Office of Rawa Teduh Regency hosted", PEMKAB, WITH_UNIV)
    assert _named("Dinas Kesehatan Kabupaten Rawa Teduh mendampingi", PEMKAB, WITH_UNIV)
    assert _named("Bupati Rawa Teduh membuka acara", PEMKAB, WITH_UNIV)
    assert _named("Fakultas Teknik Universitas Bahari Selatan", UNIV, WITH_UNIV)
    assert not _named("Kabupaten Rawa Jauh Regency Government", PEMKAB, WITH_UNIV)


def test_kind_reference_completes_a_named_party_only_when_unambiguous():
    text = "Mahasiswa UBS tiba di desa. Pelepasan dilakukan di kantor Pemkab."
    links = link_report(text, [WITH_UNIV, WITH_PT])
    assert [link.agreement_id for link in links] == [1]
    assert "referred to by kind" in links[0].reasons[0] and "'Pemkab'" in links[0].reasons[0]
    # English kind word, English report
    assert [x.agreement_id for x in link_report("Rawa Teduh Regency Government staff met the University team.",
                                                [WITH_UNIV])] == [1]
    # another university named by name: "the University" may be that one
    assert link_report("Rawa Teduh Regency Government met Universitas Tanjung Elok; the University sent staff.",
                       [WITH_UNIV]) == []
    # the named party has agreements with two universities: the kind word says neither
    other = AgreementRef(6, (PEMKAB, PartyRef("Universitas Lembah Jati")))
    assert link_report("Rawa Teduh Regency Government met the University team.", [WITH_UNIV, other]) == []


def test_kind_of_and_kind_words():
    assert kind_of(UNIV.name) == "university" and kind_of(POLTEK.name) == "university"
    assert kind_of(PEMKAB.name) == "regency_gov" and kind_of(PT.name) == "company"
    assert kind_of("Dinas Pariwisata Kabupaten Rawa Teduh") is None  # an office, not the government
    assert referred_by_kind("The Rector opened it.", UNIV.name) == "Rector"
    assert referred_by_kind("Universitas Lain sent students.", UNIV.name) is None


COMMITMENTS = [
    CommitmentRef(1, 1, "PIHAK KEDUA menerjunkan mahasiswa kuliah kerja nyata ke desa pesisir", parties=(UNIV.name,)),
    CommitmentRef(2, 1, "PIHAK KEDUA melakukan pemetaan potensi ekonomi kawasan pantai", parties=(UNIV.name,)),
    CommitmentRef(3, 2, "PIHAK KEDUA melatih kelompok pengolah ikan membuat ikan asap dan abon ikan",
                  parties=(PT.name,)),
    CommitmentRef(4, 2, "PIHAK PERTAMA membangun rumah produksi bersama di desa", parties=(PEMKAB.name,)),
]


def _st(*texts: str) -> list[StatementRef]:
    return [StatementRef(i, t) for i, t in enumerate(texts, start=1)]


def test_content_link_for_a_report_naming_no_party():
    st = _st("Dua puluh anggota kelompok pengolah ikan dilatih membuat ikan asap dan abon ikan pada Juli 2024.")
    text = "LAPORAN KEGIATAN\nPelatihan Pengolahan Ikan\n" + st[0].text
    link = link_by_content(st, text, [WITH_UNIV, WITH_PT], COMMITMENTS)
    assert link is not None and link.agreement_id == 2 and link.reasons[0].startswith("content:")
    links, matches = match_report(st, text, [WITH_UNIV, WITH_PT], COMMITMENTS, config=MatchConfig(method="bm25"))
    assert [x.agreement_id for x in links] == [2]
    assert [m.commitment_id for m in matches] == [3]
    assert matches[0].explanation["agreement_link"][0].startswith("content:")
    # a content link asks a stronger match than a named one
    strict = LinkConfig(content_factor=10.0)
    assert match_report(st, text, [WITH_UNIV, WITH_PT], COMMITMENTS, config=MatchConfig(method="bm25"),
                        link_config=strict)[1] == []


def test_no_content_link_when_unclear_or_another_organisation_is_named():
    st = _st("Dua puluh anggota kelompok pengolah ikan dilatih membuat ikan asap dan abon ikan.")
    text = st[0].text
    # a statement matching both agreements alike: no clear winner
    close = _st("Mahasiswa kuliah kerja nyata melatih kelompok pengolah ikan membuat abon ikan di desa pesisir.")
    assert link_by_content(close, close[0].text, [WITH_UNIV, WITH_PT], COMMITMENTS,
                           link_config=LinkConfig(content_margin=3.0)) is None
    # another company of the partner's kind did the work ("activity of A with C")
    other_company = text + " Pelatihan diberikan oleh PT Bumi Segara Abadi."
    assert link_by_content(st, other_company, [WITH_UNIV, WITH_PT], COMMITMENTS) is None
    # another regency's government
    other_regency = text + " Kegiatan diselenggarakan Pemerintah Kabupaten Gunung Sepi."
    assert link_by_content(st, other_regency, [WITH_UNIV, WITH_PT], COMMITMENTS) is None
    # a party of another agreement only
    assert link_by_content(st, text + " Mahasiswa UBS ikut membantu.", [WITH_UNIV, WITH_PT], COMMITMENTS) is None
    # too weak a match
    weak = _st("Warga desa berkumpul di balai desa.")
    assert link_by_content(weak, weak[0].text, [WITH_UNIV, WITH_PT], COMMITMENTS) is None


def test_content_decides_between_agreements_of_a_party_named_alone():
    """Pemkab named, with two agreements: one party alone says neither; the content says which."""
    st = _st("Pemkab Rawa Teduh melatih kelompok pengolah ikan membuat ikan asap dan abon ikan.")
    assert link_report(st[0].text, [WITH_UNIV, WITH_PT]) == []
    assert link_one_party(st[0].text, [WITH_UNIV, WITH_PT]) == {}
    link = link_by_content(st, st[0].text, [WITH_UNIV, WITH_PT], COMMITMENTS)
    assert link is not None and link.agreement_id == 2


def test_activity_with_another_region_or_party_stays_unlinked():
    """The university's mapping done with another regency is not its work under this agreement."""
    text = ("Tim dosen UBS bersama Pemerintah Kabupaten Gunung Sepi melakukan pemetaan potensi ekonomi kawasan "
            "pantai di Kabupaten Gunung Sepi.")
    st = _st(text)
    assert link_report(text, [WITH_UNIV, WITH_PT]) == []
    assert link_one_party(text, [WITH_UNIV, WITH_PT]) == {}
    assert link_by_content(st, text, [WITH_UNIV, WITH_PT], COMMITMENTS) is None
    assert match_report(st, text, [WITH_UNIV, WITH_PT], COMMITMENTS, config=MatchConfig(method="bm25"))[1] == []


def test_an_official_of_the_agreement_names_its_party():
    """"Rektor Hendra Wiratama" is the university that signed; a one-word name or an official of an
    organisation that is no party names nobody."""
    from extractor.party_refs import person_named
    from extractor.report_parties import with_people

    parties = with_people(WITH_UNIV.parties, [("Hendra Wiratama", "Universitas Bahari Selatan"),
                                              ("Sri Lestari Handayani", "Pemerintah Kabupaten Rawa Teduh"),
                                              ("Budi", "Universitas Bahari Selatan"),
                                              ("Agus Salim Ritonga", "Kantor Notaris Ritonga")])
    assert parties[1].people == ("Hendra Wiratama", "Budi") and parties[0].people == ("Sri Lestari Handayani",)
    agreement = AgreementRef(1, parties)
    text = "Rektor Hendra Wiratama dan Bupati Sri Lestari Handayani meresmikan pos pelayanan terpadu."
    assert [link.agreement_id for link in link_report(text, [agreement])] == [1]
    assert link_report(text, [WITH_UNIV]) == []  # without the officials: neither party is named
    assert not person_named("Budi datang.", "Budi")
    assert person_named("Prof. Hendra Wiratama membuka acara.", "Prof. Dr. Hendra Wiratama, M.Sc.")


@pytest.mark.slow
def test_own_scenarios_of_unwritten_names_link_every_report_and_keep_their_traps():
    """tests/scenarios own6/own7 (acronyms, short names, the other language, offices, kind words,
    signatories, no name; traps of another party and another region), BM25 alone so no model is
    needed: every gold link found, every trap commitment left flagged, parties read by extraction
    and from gold.json alike."""
    from pathlib import Path

    from benchmarks import eval_matching as ev
    from extractor.embedders import HashEmbedder

    root = Path(__file__).resolve().parents[1] / "scenarios"
    vectors = ev.VectorCache(HashEmbedder())
    for name in ("own6_acronyms_short_names", "own7_other_language_offices"):
        for use_extraction in (True, False):
            sc = ev.load_scenario(root / name, None, use_extraction=use_extraction)
            res = ev.run_scenario(sc, vectors, MatchConfig(method="bm25"))
            assert res["link_ok"] == res["link_n"] and res["fp"] == res["fn"] == 0, (name, use_extraction, res)
