"""Linking, party awareness, BM25 normalisation, determinism of extractor.matching (no model)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from extractor.embedders import HashEmbedder
from extractor.linking import link_one_party, link_report
from extractor.matching import match_report
from extractor.matching_embeddings import Centering, embedding_input
from extractor.matching_scores import BM25, agreement_kind_terms, statement_parts
from extractor.matching_text import analyze, gloss, without_teaching_topic
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.orgs import mentions, signature, typed_conflict
from extractor.statement_scope import other_partnership, statement_allowed

KOTA = PartyRef("Pemerintah Kota Pontianak", ("Pemkot Pontianak",))
DBKU = PartyRef("Dewan Bandaraya Kuching Utara (Kuching North City Hall)", ("DBKU",))
PEMKAB = PartyRef("Pemerintah Kabupaten Lampung Tengah")
KEJARI = PartyRef("Kejaksaan Negeri Lampung Tengah")
BPJS = PartyRef("Badan Penyelenggara Jaminan Sosial Ketenagakerjaan Kantor Cabang Metro")


def test_org_mentions_types_places_acronyms():
    assert mentions("Petugas DLH Kota Pontianak ikut pelatihan", signature(KOTA.name))
    assert mentions("the Mayor of Pontianak said", signature(KOTA.name))
    assert mentions("a troupe from Kuching North City Hall", signature(DBKU.name, DBKU.aliases))
    assert not mentions("Majlis Bandaraya Kuching Selatan (MBKS)", signature(DBKU.name, DBKU.aliases))
    assert typed_conflict("pelatihan oleh Majlis Bandaraya Kuching Selatan", signature(DBKU.name))
    assert mentions("BPJS Ketenagakerjaan Kantor Cabang Metro mencatat", signature(BPJS.name))
    assert mentions("Bupati Lampung Tengah menerima", signature(PEMKAB.name))
    # a place is not its government
    assert not mentions("19 perusahaan di Kabupaten Lampung Tengah", signature(PEMKAB.name))


def test_org_named_without_legal_form_or_by_kind_acronym():
    foundation = signature("Yayasan Sungai Lestari Nusantara", ("YAYASAN SUNGAI LESTARI NUSANTARA",))
    assert mentions("Sungai Lestari Nusantara - Field Note No. 2", foundation)
    company = signature("PT Kabut Pagi Tbk")
    assert mentions("tim Kabut Pagi memasang pompa", company)
    # a legal form alone with one generic word left names nothing
    assert signature("Yayasan Indonesia").literals == (" yayasan indonesia ",)
    college = signature("Sekolah Tinggi Ilmu Ekonomi Tanjung Serai Mandiri")
    assert mentions("mahasiswa STIE Tanjung Serai Mandiri tiba", college)
    assert not mentions("warga Tanjung Serai Mandiri berkumpul", college)
    # a government's place is never its body
    assert not mentions("di Kabupaten Lampung Tengah", signature(PEMKAB.name))


def test_report_links_only_agreements_whose_parties_it_names():
    a = AgreementRef(1, (PEMKAB, KEJARI))
    b = AgreementRef(2, (KEJARI, BPJS))
    links = link_report("Jaksa Pengacara Negara Kejaksaan Negeri Lampung Tengah mewakili Pemerintah Kabupaten "
                        "Lampung Tengah di pengadilan.", [a, b])
    assert [link.agreement_id for link in links] == [1]
    assert link_report("Kejaksaan Negeri Lampung Tengah menetapkan tersangka.", [a, b]) == []
    numbered = AgreementRef(3, (PEMKAB, KEJARI), number="180/04/D.a.III.03/2024")
    assert [x.agreement_id for x in link_report("sesuai nota 180/04/D.a.III.03/2024", [numbered])] == [3]


def test_activity_with_another_party_does_not_count():
    a = AgreementRef(1, (PEMKAB, KEJARI))
    b = AgreementRef(2, (KEJARI, BPJS))
    ok, why = statement_allowed("BPJS Ketenagakerjaan Kantor Cabang Metro menyerahkan data iuran.", a, [b])
    assert not ok and "another agreement" in why
    assert statement_allowed("Data aset diserahkan kepada Kejaksaan Negeri Lampung Tengah.", a, [b])[0]
    c = AgreementRef(3, (KOTA, DBKU))
    assert not statement_allowed("Pelatihan kompos oleh Majlis Bandaraya Kuching Selatan.", c, [])[0]


def test_activity_of_a_party_with_another_local_government_does_not_count():
    city = PartyRef("Pemerintah Kota Sukamaju")
    college = PartyRef("Politeknik Negeri Sukamaju")
    ag = AgreementRef(5, (city, college))
    with_regency = ("Dosen Politeknik Negeri Sukamaju bersama Dinas Perhubungan Kabupaten Rawa Indah "
                    "menyelesaikan kajian lalu lintas.")
    ok, why = statement_allowed(with_regency, ag, [])
    assert not ok and "Kabupaten Rawa Indah" in why
    assert not statement_allowed("Politeknik Negeri Sukamaju dan Pemerintah Provinsi Gunung Hijau menggelar "
                                 "pelatihan.", ag, [])[0]
    with_own_agency = "Dosen Politeknik Negeri Sukamaju bersama Dinas Perhubungan Kota Sukamaju menyelesaikan kajian."
    assert statement_allowed(with_own_agency, ag, [])[0]


def test_bm25_self_score_normalises_to_one():
    docs = [analyze("pelatihan pemandu wisata bagi pemuda desa"), analyze("penyerahan data aset daerah")]
    bm25 = BM25(docs)
    norm = bm25.normalised(bm25.scores([docs[0], analyze("rapat koordinasi")]))
    assert norm[0, 0] == pytest.approx(1.0) and norm[0, 1] == 0.0 and norm[1].max() == 0.0


def test_bm25_scores_by_postings_are_the_sparse_scores_bit_for_bit():
    rng = random.Random(4)
    words = [f"kata{i}" for i in range(40)] + ["#120", "#35"]
    docs = [[rng.choice(words) for _ in range(rng.randint(0, 30))] for _ in range(200)]
    bm25 = BM25(docs)
    queries = [[rng.choice([*words, "asing"]) for _ in range(rng.randint(0, 25))] for _ in range(30)]
    assert np.array_equal(bm25.scores_by_postings(queries), bm25.scores(queries))  # many terms per doc: order counts
    assert bm25.scores_by_postings([]).shape == (0, 200)


def test_cross_language_terms_meet():
    en = set(analyze("the Second Party shall provide training on composting for officers"))
    idn = set(analyze("Petugas mengikuti pelatihan pengomposan"))
    assert {"train", "officer"} <= en & idn
    assert "training" in gloss("pelatihan pemandu wisata").split()


def _world():
    agreement = AgreementRef(1, (KOTA, DBKU))
    commitments = [CommitmentRef(i, 1, text) for i, text in [
        (11, "the Second Party shall provide training on composting for officers of the Environment Agency"),
        (12, "exchange of cultural performances during the anniversary celebrations of each city"),
        (13, "joint tourism promotion through official media channels"),
    ]]
    statements = [StatementRef(1, "A cultural troupe from Kuching North City Hall performed at Pontianak's "
                                  "anniversary celebration."),
                  StatementRef(2, "Officers of Pontianak City attended composting training given by DBKU.")]
    text = "Pemerintah Kota Pontianak and Dewan Bandaraya Kuching Utara report.\n" + \
        "\n".join(s.text for s in statements)
    return agreement, commitments, statements, text


def _vectors(embedder, items):
    return embedder.embed([embedding_input(x.text) for x in items])


@pytest.mark.parametrize("method", ["hybrid", "bm25", "embedding"])
def test_matches_explained_and_order_independent(method):
    agreement, commitments, statements, text = _world()
    emb = HashEmbedder(128)
    config = MatchConfig(method=method, embedding_threshold=0.2)
    centering = Centering.fit(emb)
    _, first = match_report(statements, text, [agreement], commitments, statement_vectors=_vectors(emb, statements),
                            commitment_vectors=_vectors(emb, commitments), config=config, centering=centering)
    assert first, method
    for m in first:
        assert {"bm25", "cosine", "fused", "statement", "commitment", "agreement_link", "party_check"} \
            <= set(m.explanation)
    shuffled = commitments[:]
    random.Random(4).shuffle(shuffled)
    _, again = match_report(statements, text, [agreement], shuffled, statement_vectors=_vectors(emb, statements),
                            commitment_vectors=_vectors(emb, shuffled), config=config, centering=centering)
    assert [(m.statement_id, m.commitment_id, m.fused) for m in again] == \
        [(m.statement_id, m.commitment_id, m.fused) for m in first]


def test_hybrid_pairs_the_right_commitments():
    agreement, commitments, statements, text = _world()
    _, matches = match_report(statements, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    pairs = {(m.statement_id, m.commitment_id) for m in matches if m.rank == 1}
    assert pairs == {(1, 12), (2, 11)}


def test_ties_broken_by_commitment_id():
    agreement = AgreementRef(1, (KOTA, DBKU))
    same = "training on composting for officers"
    commitments = [CommitmentRef(9, 1, same), CommitmentRef(3, 1, same)]
    st = [StatementRef(1, "Pemerintah Kota Pontianak officers received training on composting from DBKU")]
    _, matches = match_report(st, st[0].text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert [m.commitment_id for m in matches] == [3, 9]


def test_unknown_method_refused():
    with pytest.raises(ValueError):
        MatchConfig(method="magic")


def test_hash_embedder_is_deterministic_and_unit_length():
    emb = HashEmbedder(64)
    a = emb.embed(["pelatihan kompos", "pelatihan kompos", ""])
    assert np.allclose(a[0], a[1]) and np.isclose(np.linalg.norm(a[0]), 1.0) and not a[2].any()


def test_indonesian_training_synonyms_meet_on_one_concept():
    """'sekolah lapang', 'bimtek', 'lokakarya', 'diklat' are trainings: the glossary gives them the
    term a 'pelatihan' commitment has, so BM25 sees the paraphrase."""
    commitment = set(analyze("PIHAK KEDUA menyelenggarakan pelatihan budidaya jagung bagi 150 petani"))
    for report in ("Sekolah lapang budidaya jagung diikuti 160 petani di dua kecamatan.",
                   "Bimtek budidaya jagung diikuti 160 petani.",
                   "Lokakarya budidaya jagung untuk kelompok tani telah digelar.",
                   "Diklat budidaya jagung bagi petani telah dilaksanakan."):
        assert "train" in commitment & set(analyze(report)), report


def test_english_report_meets_indonesian_commitment_through_the_glossary():
    idn = set(analyze("PIHAK KEDUA melakukan pemeriksaan kesehatan dan imunisasi balita di 8 kelurahan"))
    en = set(analyze("Medical students examined and immunised 900 children in eight urban villages."))
    assert {"children", "urban", "villag"} <= idn & en
    assert "children" in gloss("pemeriksaan balita di kelurahan").split()


def test_a_secondary_match_needs_a_share_of_the_best_score():
    """A statement that clearly does one commitment does not also count for a neighbour sharing a
    couple of words; with the share at 0 it would."""
    agreement = AgreementRef(1, (KOTA, DBKU))
    commitments = [CommitmentRef(1, 1, "the Second Party shall train cadres of integrated health posts on "
                                        "complementary feeding for infants"),
                   CommitmentRef(2, 1, "the Parties shall publish a recipe book of nutritious local food")]
    st = [StatementRef(1, "Lecturers trained 150 cadres of integrated health posts in complementary feeding "
                          "for infants, cooking nutritious porridge from local food.")]
    text = "Pemerintah Kota Pontianak and DBKU.\n" + st[0].text
    _, strict = match_report(st, text, [agreement], commitments,
                             config=MatchConfig(method="bm25", bm25_threshold=0.15))
    _, loose = match_report(st, text, [agreement], commitments,
                            config=MatchConfig(method="bm25", secondary_ratio=0.0, bm25_threshold=0.15))
    assert [m.commitment_id for m in strict] == [1]
    assert [m.commitment_id for m in loose] == [1, 2]


def test_activity_of_a_party_with_another_organisation_of_the_other_partys_kind():
    """A statement naming party A together with a C of the same kind as party B (another regency,
    another university) is A's work with C, not with B; the next sentence naming nobody continues it."""
    pemkab = PartyRef("Pemerintah Kabupaten Padang Ilalang", ("Pemkab Padang Ilalang",))
    univ = PartyRef("Universitas Bina Samudra", ("Bina Samudra University",))
    agreement = AgreementRef(1, (pemkab, univ))
    commitments = [CommitmentRef(1, 1, "PARA PIHAK melakukan penelitian bersama tentang air bersih di desa pesisir")]
    statements = [
        StatementRef(1, "Researchers of Bina Samudra University and the Karang Indah Regency Government completed "
                        "a joint study on clean water in coastal villages."),
        StatementRef(2, "The team tested clean water from 180 wells in nine coastal villages."),
    ]
    text = "Bina Samudra University works with Padang Ilalang Regency Government.\n" + \
        "\n".join(s.text for s in statements)
    ok, why = statement_allowed(statements[0].text, agreement, [])
    assert not ok and "Karang Indah Regency Government" in why
    assert statement_allowed("Bupati Padang Ilalang dan Rektor Universitas Bina Samudra meninjau sumur.",
                             agreement, [])[0]
    _, matches = match_report(statements, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert matches == []
    # the same two sentences about the agreement's own partner do count
    own = [StatementRef(1, statements[0].text.replace("Karang Indah", "Padang Ilalang")), statements[1]]
    _, matches = match_report(own, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert {m.statement_id for m in matches} == {1, 2}


def test_another_party_of_the_agreement_is_not_another_organisation():
    # "Kuching North City Hall" ends in "City" but is the agreement's other party, not another city
    assert statement_allowed("A troupe from Kuching North City Hall performed at Pontianak's anniversary.",
                             AgreementRef(1, (KOTA, DBKU)), [])[0]


def test_english_stems_agree_for_plural_and_singular():
    from extractor.matching_text import stem_en

    assert stem_en("families") == stem_en("family") and stem_en("supplies") == stem_en("supply")
    assert stem_en("monthly") == stem_en("month")


def test_agency_named_in_english_word_order():
    sig = signature("Dinas Pendidikan Kabupaten Bukit Asri")
    assert mentions("Teachers trained by the Bukit Asri Regency Education Office received certificates.", sig)
    assert not mentions("Teachers trained by the Bukit Asri Regency Health Office received certificates.", sig)


def test_agency_named_by_its_field_links_a_report_when_its_place_occurs():
    dinas = PartyRef("Dinas Kesehatan Kota Bukit Asri")
    univ = PartyRef("Universitas Cendana Raya", ("Cendana Raya University",))
    agreement = AgreementRef(1, (dinas, univ))
    report = ("Cendana Raya University - Faculty of Public Health\n"
              "Nutrition students weighed 2,000 children under five in ten urban villages of Bukit Asri. "
              "The data were shared with the City Health Office.")
    assert [link.agreement_id for link in link_report(report, [agreement])] == [1]
    assert link_report(report.replace("Bukit Asri", "Laut Biru"), [agreement]) == []
    assert link_report(report.replace("Health Office", "Education Office"), [agreement]) == []


def test_english_hyphenated_compound_meets_indonesian_words():
    commitment = set(analyze("memasang alat ukur muka air di tiga bendungan"))
    report = set(analyze("The crew installed two new water-level gauges at the weir and the dam."))
    assert {"install", "water", "level", "gaug"} <= commitment & report


def test_inundation_map_and_assessment_synonyms_meet():
    assert {"inund", "map"} <= set(analyze("menyusun peta genangan di kecamatan pesisir")) & set(
        analyze("The inundation map of the coastal districts was printed and shared with the villages."))
    assert "evalu" in set(analyze("tim gabungan menilai kinerja kader posyandu")) & set(
        analyze("PARA PIHAK melakukan evaluasi kader posyandu setiap tahun"))


def test_master_plan_and_agro_tourism_meet_across_word_forms():
    shared = set(analyze("PIHAK KEDUA menyusun rencana induk kawasan agrowisata pesisir")) & set(
        analyze("Tim menyerahkan masterplan kawasan wisata agro pesisir kepada bupati"))
    assert {"masterplan", "agro", "tourism"} <= shared


def test_editing_the_glossary_changes_the_stored_vectors_preparation_id(tmp_path, monkeypatch):
    import shutil

    from extractor import matching_embeddings as matching_module

    for source in matching_module.DATA_DIR.iterdir():
        shutil.copy(source, tmp_path / source.name)
    monkeypatch.setattr(matching_module, "DATA_DIR", tmp_path)
    unchanged = matching_module._preparation_id()
    with (tmp_path / "glossary_id_en.tsv").open("a", encoding="utf-8") as glossary:
        glossary.write("lumbung\tgranary\n")
    assert unchanged == matching_module.EMBEDDING_PREP
    assert matching_module._preparation_id() != unchanged


def test_an_institute_is_named_without_its_field_tail():
    institute = signature("the Corvane Institute for Delta Studies")
    assert mentions("Tim Corvane Institute meninjau tanggul bersama Pemerintah Kota Muara Sepi.", institute)
    assert not mentions("Tim Institute meninjau tanggul.", institute)
    assert not mentions("The University of Corvane visited.", signature("the University of Westmere"))


def _padang_world():
    pemkab = PartyRef("Pemerintah Kabupaten Padang Ilalang", ("Pemkab Padang Ilalang",))
    univ = PartyRef("Universitas Bina Samudra")
    commitments = [
        CommitmentRef(1, 1, "PIHAK KEDUA menugaskan relawan mahasiswa untuk mendata rumah tangga miskin di seluruh desa"),
        CommitmentRef(2, 1, "PIHAK KEDUA menyusun peta rawan longsor dan menyerahkannya kepada PIHAK PERTAMA"),
        CommitmentRef(3, 1, "PARA PIHAK melakukan evaluasi bersama atas pelaksanaan Perjanjian Kerja Sama ini "
                            "setiap semester")]
    return AgreementRef(1, (pemkab, univ)), commitments


def test_a_sentence_reporting_two_activities_counts_for_each():
    """"A was done, serta B": the part after the joint carries out another commitment, even when the
    whole sentence's score for it is below the share a secondary match needs."""
    agreement, commitments = _padang_world()
    head = "Relawan mahasiswa Universitas Bina Samudra telah mendata 4.200 rumah tangga miskin di seluruh desa"
    config = MatchConfig(method="bm25", secondary_ratio=0.9)
    for joint, expected in ((", serta peta longsor diserahkan.", [1, 2]), (" dan peta longsor diserahkan.", [1])):
        st = [StatementRef(1, head + joint)]
        _, matches = match_report(st, "Pemkab Padang Ilalang\n" + st[0].text, [agreement], commitments,
                                  config=config)
        assert [m.commitment_id for m in matches] == expected, joint
        assert matches[0].explanation.get("statement_part") is None
    _, matches = match_report([StatementRef(1, head + ", serta peta longsor diserahkan.")], "Pemkab Padang Ilalang " + head, [agreement],
                              commitments, config=config)
    assert matches[1].explanation["statement_part"] == "peta longsor diserahkan."
    assert statement_parts(head + ", serta peta longsor diserahkan.")[1] == "peta longsor diserahkan."
    assert statement_parts("Pelatihan, serta sertifikat.") == []  # a part needs three terms


def test_citing_the_agreement_does_not_count_for_a_commitment_that_names_it():
    agreement, commitments = _padang_world()
    st = [StatementRef(1, "Kegiatan ini merupakan pelaksanaan perjanjian kerja sama antara Pemkab Padang "
                          "Ilalang dan Universitas Bina Samudra.")]
    _, matches = match_report(st, st[0].text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert matches == []
    assert {"janji", "cooper", "memorandum"} <= agreement_kind_terms()


def test_herewith_in_a_cover_letter_is_not_a_joint_activity():
    assert "joint" not in analyze("Bersama ini kami sampaikan laporan pelaksanaan kegiatan triwulan II.")
    assert "joint" in analyze("Evaluasi bersama atas pelaksanaan kegiatan telah dilakukan.")
    assert "joint" in analyze("Evaluasi kegiatan bersama ini berjalan lancar.")


def test_workspace_transport_and_early_warning_meet_across_languages():
    idn = set(analyze("Tim lapangan menempati ruang kerja dan memakai kendaraan milik dinas."))
    en = set(analyze("The City shall provide office space and transport for the field team."))
    assert {"offic", "spac", "transport", "field", "team"} <= idn & en
    idn = set(analyze("Petugas dilatih mengoperasikan sistem peringatan dini banjir rob dan membaca data pasang surut."))
    en = set(analyze("training in the operation of a tidal flood early warning system and reading tide data"))
    assert {"system", "ear", "warn", "tid", "flood", "tide"} <= idn & en


def test_a_report_naming_one_party_counts_for_its_own_commitments_only_on_a_strong_match():
    """An institute's newsletter about its interns names only the institute: it may count for the
    institute's own commitments (strong matches), never for the partner's, for a joint one only as
    the statement's best match, nor when it names another organisation of the partner's kind, nor when
    that party has two such agreements."""
    pemkab = PartyRef("Pemerintah Kabupaten Padang Ilalang", ("Pemkab Padang Ilalang",))
    univ = PartyRef("Universitas Bina Samudra")
    agreement = AgreementRef(1, (pemkab, univ))
    commitments = [
        CommitmentRef(1, 1, "PIHAK KEDUA menugaskan mahasiswa magang untuk membuat foto produk dan konten media "
                            "sosial UMKM", parties=(univ.name,)),
        CommitmentRef(2, 1, "PIHAK PERTAMA menyediakan foto produk dan konten media sosial UMKM di laman dinas",
                      parties=(pemkab.name,)),
        CommitmentRef(3, 1, "PARA PIHAK membuat konten media sosial bersama", parties=(pemkab.name, univ.name))]
    text = ("UNIVERSITAS BINA SAMUDRA\nBerita Kegiatan\n"
            "Mahasiswa magang telah membuat foto produk dan konten media sosial bagi 40 UMKM.")
    st = [StatementRef(1, text.splitlines()[-1])]
    assert link_report(text, [agreement]) == []
    assert link_one_party(text, [agreement]) == {1: univ.name}
    links, matches = match_report(st, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert [m.commitment_id for m in matches] == [1]
    assert "one party named" in matches[0].explanation["agreement_link"][0]
    weak = MatchConfig(method="bm25", one_party_factor=10.0)  # no match is strong enough
    assert match_report(st, text, [agreement], commitments, config=weak)[1] == []
    other = text + " Program ini hasil kerja sama dengan Pemerintah Kabupaten Padang Lestari."
    assert link_one_party(other, [agreement]) == {}
    second = AgreementRef(2, (PartyRef("Pemerintah Kota Teluk Awan"), univ))
    assert link_one_party(text, [agreement, second]) == {}


def test_schedule_units_are_not_matching_terms():
    assert not {"year", "tahun", "month", "bulan"} & set(analyze("The Parties shall meet once a year and report "
                                                                  "every three months."))
    assert not {"year", "tahun"} & set(analyze("Permukaan tanah turun 5 sentimeter per tahun selama dua tahun."))
    assert "meet" in analyze("The Parties shall meet once a year.")


def test_central_government_offices_are_named_by_their_short_forms():
    from extractor.orgs import mentions, signature

    immigration = signature("Kantor Imigrasi Kelas II TPI Karang Pandan")
    assert mentions("Kepala Kanim Karang Pandan meninjau desa binaan.", immigration)
    assert mentions("The Karang Pandan Immigration Office opened a passport desk.", immigration)
    assert not mentions("Kanim Teluk Sari membuka layanan paspor.", immigration)
    assert mentions("Lapas Bukit Damai menggelar pelatihan.", signature("Lembaga Pemasyarakatan Kelas IIB Bukit Damai"))
    land = signature("Kantor Pertanahan Kabupaten Rawa Indah")
    assert mentions("Kantah Rawa Indah menyerahkan 40 sertifikat.", land)


def test_embassies_by_country_in_either_language_and_english_government_names():
    from extractor.orgs import mentions, signature

    embassy = signature("The Embassy of the Kingdom of Norway in Jakarta")
    assert mentions("Kedubes Norwegia menyerahkan hibah pompa.", embassy)
    assert mentions("Perwakilan Kedutaan Besar Kerajaan Norwegia hadir.", embassy)
    assert mentions("the Embassy of the Kingdom of Norway, Jakarta", embassy)
    assert not mentions("Kedubes Swedia menyerahkan hibah pompa.", embassy)
    regency = signature("The Government of Rawa Indah Regency")
    assert mentions("Bupati Rawa Indah meresmikan instalasi.", regency)
    assert mentions("Pemkab Rawa Indah menyediakan lahan.", regency)


def test_yearly_words_and_irregular_past_forms_meet_their_commitment_terms():
    commitment = set(analyze("The Parties will hold an annual joint review meeting"))
    assert {"annu", "review", "meet", "joint"} <= set(analyze("Rapat evaluasi tahunan bersama telah digelar."))
    assert {"annu", "review", "meet"} <= commitment & set(analyze("Pertemuan evaluasi tahunan telah digelar."))
    assert {"meet", "review"} <= commitment & set(analyze("The Parties met in October to review the year."))
    assert "annu" not in analyze("Muka tanah turun 4 cm per tahun.")  # the schedule word alone is not a term


def test_a_report_naming_one_party_counts_for_a_joint_commitment_it_carries_out_best():
    """The office reports its share of a scope item both parties carry out (the mobile service),
    naming only itself; the joint item counts when it is the statement's best match."""
    pemkab = PartyRef("Pemerintah Kabupaten Lembah Sunyi", ("Pemkab Lembah Sunyi",))
    office = PartyRef("Kantor Pertanahan Kabupaten Lembah Sunyi", ("Kantah Lembah Sunyi",))
    agreement = AgreementRef(1, (pemkab, office))
    commitments = [
        CommitmentRef(1, 1, "pelayanan sertifikat tanah keliling di desa terpencil paling sedikit dua kali setahun",
                      parties=(pemkab.name, office.name)),
        CommitmentRef(2, 1, "PIHAK KESATU menyediakan data aset tanah milik daerah", parties=(pemkab.name,))]
    text = ("KANTOR PERTANAHAN KABUPATEN LEMBAH SUNYI\nSiaran Pers\n"
            "Kantah Lembah Sunyi kembali menggelar pelayanan sertifikat tanah keliling di Desa Batu Ampar.")
    st = [StatementRef(1, text.splitlines()[-1])]
    assert link_report(text, [agreement]) == []
    assert link_one_party(text, [agreement]) == {1: office.name}
    _, matches = match_report(st, text, [agreement], commitments, config=MatchConfig(method="bm25"))
    assert [m.commitment_id for m in matches] == [1]


def test_a_bare_place_inside_the_partners_name_does_not_name_the_local_government():
    city = PartyRef("Pemerintah Kota Tanjung Jernih", ("Pemkot Tanjung Jernih", "TANJUNG JERNIH"))
    college = PartyRef("Politeknik Negeri Tanjung Jernih", ("Poltek Tanjung Jernih",))
    agreement = AgreementRef(1, (city, college))
    inside = ("Tim Politeknik Negeri Tanjung Jernih bersama Dinas Pekerjaan Umum Kabupaten Sawah Luas "
              "menyelesaikan kajian drainase.")
    assert link_report(inside, [agreement]) == []
    assert link_one_party(inside, [agreement]) == {}  # with another local government's agency
    ok, _ = statement_allowed(inside, agreement, [])
    assert not ok
    alone = "Mahasiswa Politeknik Negeri Tanjung Jernih magang di kantor-kantor Tanjung Jernih."
    assert [link.agreement_id for link in link_report(alone, [agreement])] == [1]


def test_the_topic_of_an_outreach_session_is_taught_not_done():
    """Officers explaining to villagers how to work abroad legally do not exchange data on citizens
    working abroad; the outreach commitment itself still matches, topic words included."""
    ag = AgreementRef(1, (PartyRef("Pemerintah Kabupaten Bukit Sepi"), PartyRef("Balai Karantina Bukit Sepi")))
    commitments = [
        CommitmentRef(1, 1, "penyuluhan bahaya penyelundupan satwa liar kepada nelayan dan pedagang pasar"),
        CommitmentRef(2, 1, "pertukaran data pedagang satwa liar yang berjualan di pasar secara ilegal setiap bulan")]
    text = ("Petugas Balai Karantina Bukit Sepi memberikan penyuluhan kepada nelayan di Pemerintah Kabupaten "
            "Bukit Sepi tentang cara pedagang satwa liar berjualan di pasar secara ilegal serta bahaya "
            "penyelundupan satwa.")
    _, matches = match_report([StatementRef(1, text)], text, [ag], commitments, config=MatchConfig(method="bm25"))
    assert [m.commitment_id for m in matches] == [1]
    assert without_teaching_topic("The team ran a workshop on data sharing for clerks.") == "The team ran a workshop"
    assert without_teaching_topic("Data pedagang telah dipertukarkan.") == "Data pedagang telah dipertukarkan."


def test_confirming_a_designated_village_establishes_it():
    assert {"establish"} <= set(analyze("Bupati mengukuhkan tiga desa sebagai Desa Tangguh Bencana")) \
        & set(analyze("pembentukan Desa Tangguh Bencana di tiga desa"))
    # a date after "on" is no topic; a clause going on to another act ends the topic
    held = "The office held a workshop on 12 May 2031 and handed over 20 laptops."
    assert without_teaching_topic(held) == held
    assert without_teaching_topic("Tim memberikan pelatihan tentang kompos, kemudian menyerahkan 20 bibit.") \
        == "Tim memberikan pelatihan, kemudian menyerahkan 20 bibit."


def test_a_title_case_headline_and_english_words_for_training_and_selling_meet_the_commitment():
    headline = set(analyze("Forty Fish-Farmers Learn to Sell Online at Harbour Bootcamp"))
    commitment = set(analyze("PIHAK KEDUA menyelenggarakan pelatihan pemasaran digital bagi pembudidaya ikan"))
    assert {"train", "market", "onlin"} <= headline & commitment
    assert {"fish", "farmer"} <= headline  # Title Case marks no names: the compound is split and stemmed
    # the English words map onto the agreement's concept without adding terms to commitments
    assert set(analyze("pelatihan", "id")) == {"train"} and set(analyze("pemasaran", "id")) == {"market"}


def test_an_activity_the_next_statement_places_in_another_governments_partnership_does_not_count():
    """The institute's test counts for none of its agreement's commitments when the next statement
    says the candidates came from its class with another regency; with the agreement's own partner
    it counts."""
    dinas = PartyRef("Dinas Perikanan", ("Diskan",))
    school = PartyRef("Lembaga Kursus Bahari Nusantara", ("LKBN",))
    ag = AgreementRef(1, (dinas, school))
    commitments = [CommitmentRef(1, 1, "LKBN juga menyelenggarakan uji kompetensi selam bagi peserta pelatihan",
                                 parties=(school.name,))]
    done = "Sebanyak 20 lulusan pelatihan selam LKBN mengikuti uji kompetensi selam, Senin (3/3/2031)."
    other = "Peserta uji kali ini merupakan lulusan kelas kerja sama dengan Pemerintah Kabupaten Karang Jauh."
    text = "LKBN\nKabar Lembaga\n" + done + " " + other
    st = [StatementRef(1, done), StatementRef(2, other)]
    assert other_partnership(other, ag) == "Pemerintah Kabupaten Karang Jauh"
    cfg = MatchConfig(method="bm25", one_party_factor=1.0)
    assert match_report(st, text, [ag], commitments, config=cfg)[1] == []
    alone = [StatementRef(1, done)]
    assert [m.commitment_id for m in match_report(alone, text.replace(other, ""), [ag], commitments,
                                                  config=cfg)[1]] == [1]
    own = AgreementRef(2, (PartyRef("Pemerintah Kabupaten Karang Jauh"), school))
    assert other_partnership(other, own) is None


def test_deadline_and_minimum_words_are_not_matching_terms():
    """"paling lambat bulan Juni 2031" / "no later than 31 March" say by when, not what: a commitment
    with a deadline is as easy to match as one without."""
    with_deadline = analyze("pembentukan Desa Siaga di lima desa paling lambat bulan Juni 2031")
    assert with_deadline == analyze("pembentukan Desa Siaga di lima desa")
    assert analyze("The Regency shall appoint liaison officers no later than 31 March 2031") \
        == analyze("The Regency shall appoint liaison officers")
    assert "sedikit" not in analyze("penyuluhan paling sedikit empat kali setahun")


def test_broadcast_words_are_shared_across_languages():
    # an Indonesian contract with a radio station, the station's English airtime report
    shared = set(analyze("menayangkan iklan layanan masyarakat tentang pajak 3 kali sehari")) & set(
        analyze("PSAs on tax payment were aired three times a day"))
    assert {"psa", "air"} <= shared
    # "meliputi" (includes) stems like "peliputan" (news coverage): no coverage word for that stem
    assert "cover" not in analyze("Ruang lingkup kerja sama ini meliputi pelatihan guru")


def test_melakukan_is_a_light_verb_not_a_term():
    from extractor.matching_scores import match_terms

    assert "laku" not in match_terms("PIHAK KEDUA melakukan uji kualitas air setiap enam bulan")
    assert "laku" not in match_terms("Survei jalur pipa dilakukan bersama tim desa.")
