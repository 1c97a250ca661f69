"""LinkIndex / ContentIndex (extractor/link_index.py): linking over the candidates the index gives is
linking over every agreement, for each way a report names a party (invented text), among hundreds of
synthetic agreements; on every scenario available (slow) with 400 synthetic agreements mixed in."""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.synthetic_agreements import synthetic_agreements, synthetic_report
from extractor.link_index import ContentIndex, LinkIndex, content_index_for, name_indexes_for
from extractor.linking import (
    content_ranking,
    link_by_content,
    link_by_soft_names,
    link_one_party,
    link_report,
)
from extractor.matching_types import AgreementRef, CommitmentRef, PartyRef, StatementRef
from extractor.name_words import SoftNameIndex
from extractor.report_linking import link_stored_report

ROOT = Path(__file__).resolve().parents[2]

PEMKAB = PartyRef("Pemerintah Kabupaten Rawa Teduh", ("Pemkab Rawa Teduh",), ("Ir. Bayu Sasongko, M.T.",))
PEMKOT = PartyRef("Pemerintah Kota Bayu Lestari", ("Pemkot Bayu Lestari",))
UNIV = PartyRef("Universitas Bahari Selatan", (), ("Prof. Dr. Hendra Wiratmaja, M.Sc.",))
POLTEK = PartyRef("Politeknik Pariwisata Ombak Biru")
UTD = PartyRef("Unit Transfusi Darah Palang Merah Indonesia Kota Bayu Lestari")
RS = PartyRef("Rumah Sakit Umum Daerah dr. Kenanga Putih")
PT = PartyRef("PT Sagara Pangan Mandiri")
DINAS = PartyRef("Dinas Kesehatan Kota Bayu Lestari")
STIKES = PartyRef("Sekolah Tinggi Ilmu Kesehatan Cendana Wangi")
YAYASAN = PartyRef("Yayasan Nordwald Lestari")
HALL = PartyRef("Dewan Bandaraya Kuching Utara")
OWN = [
    AgreementRef(1, (PEMKAB, UNIV), "045/PKS/UBS/XII/2024"),
    AgreementRef(2, (PEMKAB, PT)),
    AgreementRef(3, (PEMKOT, UTD)),
    AgreementRef(4, (PEMKOT, POLTEK)),
    AgreementRef(5, (PEMKAB, RS)),
    AgreementRef(6, (DINAS, STIKES)),
    AgreementRef(7, (YAYASAN, HALL)),
]
# each names parties in another form: acronym, syllable short form, core with a kind word, an
# official, the number, a typed government, the other language, compass words, kind references
TEXTS = [
    "Mahasiswa UBS tiba di desa bersama Pemkab Rawa Teduh.",
    "Petugas UTD PMI mengambil darah warga Kota Bayu Lestari; Wali Kota Bayu Lestari hadir.",
    "Dosen Poltekpar Ombak Biru melatih pemandu bersama Pemkot Bayu Lestari.",
    "Dokter RSUD Kenanga Putih dan Bupati Rawa Teduh meninjau posyandu.",
    "Rektor Hendra Wiratmaja membuka pelatihan; Kepala Dinas Bayu Sasongko hadir.",
    "Sesuai perjanjian nomor 045/PKS/UBS/XII/2024, tim menyerahkan data.",
    "Sagara Pangan Mandiri menyalurkan beras ke Kabupaten Rawa Teduh.",
    "STIKes Cendana Wangi dan Dinkes Bayu Lestari menggelar posyandu.",
    "The Bayu Lestari City Health Office and Cendana Wangi college screened 300 pupils.",
    "Nordwald Lestari Foundation volunteers cleaned the river with Kuching North City Hall.",
    "The University sent lecturers; Pemkab Rawa Teduh provided the venue.",
    "Untuk itu, Universitas Terbuka tidak terlibat; tim Pemkab Rawa Teduh bekerja sendiri.",
    "Pemkab Rawa Teduh menandatangani kerja sama dengan Pemerintah Kabupaten Karang Indah.",
    "Laporan ini tidak menyebut pihak mana pun.",
]


@pytest.fixture(scope="module")
def pool() -> tuple[list[AgreementRef], list[CommitmentRef]]:
    syn = synthetic_agreements(300, seed=5)
    own_commitments = [CommitmentRef(90_000 + i, ag.id, text) for i, (ag, text) in enumerate(
        (ag, text) for ag in OWN for text in ("Pihak pertama menyelenggarakan pelatihan kader posyandu.",
                                              "Pihak kedua menyediakan data penduduk desa."))]
    return [*OWN, *syn.agreements], [*own_commitments, *syn.commitments]


def _same_links(text: str, agreements: list[AgreementRef], index: LinkIndex) -> list[AgreementRef]:
    cands = index.candidates(text)
    links = link_report(text, agreements)
    assert link_report(text, cands) == links, text
    assert link_one_party(text, cands, links) == link_one_party(text, agreements, links), text
    return cands


def test_linking_over_candidates_is_linking_over_all(pool):
    agreements, _ = pool
    index = LinkIndex(agreements)
    linked_any = 0
    for text in TEXTS:
        cands = _same_links(text, agreements, index)
        assert len(cands) < len(agreements) // 10, (text, len(cands))
        linked_any += bool(link_report(text, agreements) or link_one_party(text, agreements))
    assert linked_any >= 10  # the texts do name parties in these forms (else the test says nothing)


def test_each_form_keeps_its_agreement_a_candidate(pool):
    agreements, _ = pool
    ids = LinkIndex(agreements).candidate_ids
    assert {1} <= ids("Mahasiswa UBS bersama Pemkab Rawa Teduh.")
    assert {3} <= ids("Petugas UTD PMI mengambil darah warga Kota Bayu Lestari.")
    assert {4} <= ids("Dosen Poltekpar Ombak Biru melatih pemandu.")
    assert {5} <= ids("Dokter RSUD Kenanga Putih hadir.")
    assert {1} <= ids("Rektor Hendra Wiratmaja membuka acara.")
    assert {1} <= ids("Nomor 045/PKS/UBS/XII/2024.")
    assert {6} <= ids("Bayu Lestari City Health Office")
    assert {7} <= ids("Kuching North City Hall")
    assert not ids("Laporan ini tidak menyebut pihak mana pun.") & {1, 2, 3, 4, 5, 6, 7}


def test_synthetic_reports_link_the_same_over_candidates(pool):
    agreements, _ = pool
    index = LinkIndex(agreements)
    syn = synthetic_agreements(300, seed=5)
    rng = random.Random(2)
    linked = 0
    for _ in range(25):
        text, _ = synthetic_report(syn, rng, n_statements=5)
        _same_links(text, agreements, index)
        linked += bool(link_report(text, agreements))
    assert linked >= 10


def test_content_index_ranks_as_link_by_content(pool):
    agreements, commitments = pool
    index = ContentIndex(agreements, commitments)
    statements = [StatementRef(1, "Pelatihan kader posyandu diikuti 40 kader."),
                  StatementRef(2, "Data penduduk desa diserahkan kepada tim."),
                  StatementRef(3, "Officers attended a two-day training on waste management.")]
    assert index.ranking(statements) == content_ranking(statements, agreements, commitments)
    # one agreement with a commitment of its own: a report naming no party links to it by content,
    # one naming another agreement's party does not - over the indexes as over everything
    commitments = [*commitments, CommitmentRef(99_999, 3, "Pihak kedua menyelenggarakan donor darah keliling "
                                                          "setiap bulan di kelurahan.")]
    index = ContentIndex(agreements, commitments)
    statements = [StatementRef(4, "Donor darah keliling di kelurahan diikuti 120 warga.")]
    outcomes = []
    for text in (statements[0].text, TEXTS[0], TEXTS[-1]):
        plain = link_by_content(statements, text, agreements, commitments)
        fast = link_by_content(statements, text, agreements, commitments, ranking=index.ranking,
                               named_among=LinkIndex(agreements).candidates(text))
        assert fast == plain
        outcomes.append(plain.agreement_id if plain else None)
    assert outcomes == [3, None, 3]


def test_indexes_are_cached_until_the_agreements_change(pool):
    agreements, commitments = pool
    first = name_indexes_for(agreements)
    assert name_indexes_for(list(agreements)) is first
    changed = [replace(agreements[0], number="099/PKS/2025"), *agreements[1:]]
    assert name_indexes_for(changed) is not first
    assert 1 in name_indexes_for(changed)[0].candidate_ids("Nomor 099/PKS/2025.")
    content = content_index_for(agreements, commitments)
    assert content_index_for(agreements, list(commitments)) is content
    edited = [replace(commitments[0], text="Pihak pertama membangun sumur bor."), *commitments[1:]]
    assert content_index_for(agreements, edited) is not content


def _scenario_folders() -> list[Path]:
    from benchmarks.eval_matching import scenario_folders

    roots = [ROOT / ".." / "shared" / "corpus" / "scenarios", ROOT / "tests" / "scenarios",
             *sorted((ROOT / "tests").glob("holdout*/scenarios"))]
    return scenario_folders(roots)


@pytest.mark.slow
@pytest.mark.timeout(1800)  # ~5 min on a loaded machine: linking over all ~440 agreements per report
def test_every_scenario_links_the_same_with_synthetic_agreements_mixed_in():
    """All scenario agreements in one pool with 400 synthetic ones (the benchmark measures 10,000): every report's links, one-party
    links and content link over the index equal those over all agreements (run over blind set 6 too;
    nobody reads its text here)."""
    from benchmarks.eval_matching import load_scenario

    folders = _scenario_folders()
    if not folders:
        pytest.skip("no scenarios")
    syn = synthetic_agreements(400, seed=7)
    agreements, commitments, reports = [*syn.agreements], [*syn.commitments], []
    for k, folder in enumerate(folders):
        sc = load_scenario(folder, use_full_text=True)
        offset = 1000 * (k + 1)
        ids = {a.id: a.id + offset for a in sc.agreements}
        agreements += [replace(a, id=ids[a.id]) for a in sc.agreements]
        commitments += [replace(c, id=c.id + offset, agreement_id=ids[c.agreement_id]) for c in sc.commitments]
        reports += [(f"{folder.name}/{name}", text, stmts) for name, text, stmts in sc.reports]
    index = LinkIndex(agreements)
    content = ContentIndex(agreements, commitments)
    soft = SoftNameIndex(agreements)
    small = [a for a in agreements if a.id < syn.agreements[0].id + 200]
    small_ids = {a.id for a in small}
    small_commitments = [c for c in commitments if c.agreement_id in small_ids]
    small_content = ContentIndex(small, small_commitments)
    sizes, linked = [], 0
    for name, text, stmts in reports:
        cands = index.candidates(text)
        sizes.append(len(cands))
        links = link_report(text, agreements)
        assert link_report(text, cands) == links, name
        one_party = link_one_party(text, agreements, links)
        assert link_one_party(text, cands, links) == one_party, name
        linked += bool(links or one_party)
        # the service's pipeline gives what linking over all agreements gives, soft names included
        links, one_party = link_by_soft_names(text, links, one_party, soft)
        stored = link_stored_report(text, stmts, agreements, commitments)
        assert (stored.links, stored.one_party) == (links, one_party), name
        if not links and not one_party:  # as the service: the content link over every commitment
            assert stored.content == link_by_content(stmts, text, agreements, commitments), name
            assert link_by_content(stmts, text, agreements, commitments, ranking=content.ranking,
                                   named_among=cands) == link_by_content(stmts, text, agreements, commitments), name
        # the ranking itself on every report (over 200 of the synthetic agreements: the full one
        # takes seconds per report)
        if stmts:
            assert small_content.ranking(stmts) == content_ranking(stmts, small, small_commitments), name
    assert linked >= len(reports) // 2
    assert max(sizes) < len(agreements) // 5, max(sizes)
