"""The fusion of BM25 and cosine scores, and the cross-validated choice of its constants, on
invented numbers."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from benchmarks import eval_matching as ev
from extractor.matching import CommitmentCorpus, match_report
from extractor.matching_scores import fuse, languages_differ, match_terms, shared_terms
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef


def test_each_method_scores_with_its_own_evidence():
    b, c = np.array([[0.4, 0.1]]), np.array([[0.2, 0.7]])
    assert fuse(b, c, MatchConfig(method="bm25")).tolist() == [[0.4, 0.1]]
    assert fuse(b, c, MatchConfig(method="embedding")).tolist() == [[0.2, 0.7]]
    # no gap weight: the plain linear fusion
    linear = MatchConfig(method="hybrid", bm25_weight=0.75, cosine_gap_weight=0.0)
    assert np.allclose(fuse(b, c, linear), [[0.75 * 0.4 + 0.25 * 0.2, 0.75 * 0.1 + 0.25 * 0.7]])


def test_a_negative_cosine_does_not_pull_the_words_down():
    config = MatchConfig(method="hybrid", bm25_weight=0.6)
    assert fuse(0.5, -0.3, config) == pytest.approx(0.6 * 0.5)


def test_a_commitment_trailing_the_statements_best_cosine_loses_its_gap():
    config = MatchConfig(method="hybrid", bm25_weight=0.8, cosine_gap_weight=1.0)
    # one statement against three commitments of its topic: the model reads the second closest
    b, c = np.array([[0.2, 0.2, 0.2]]), np.array([[0.45, 0.55, 0.25]])
    fused = fuse(b, c, config)
    assert fused[0, 1] == pytest.approx(0.8 * 0.2 + 0.2 * 0.55)  # the best keeps its cosine
    assert fused[0, 0] == pytest.approx(0.8 * 0.2 + 0.2 * (0.45 - 0.10))  # 0.10 behind: loses 0.10
    assert fused[0, 2] == pytest.approx(0.8 * 0.2)  # far behind: the cosine adds nothing
    # each statement has its own best: rows are scored independently
    two = fuse(np.vstack([b, b]), np.vstack([c, c[:, ::-1]]), config)
    assert np.allclose(two[0], fused[0]) and np.allclose(two[1], fused[0][::-1])


def test_across_languages_the_cosine_weighs_more():
    config = MatchConfig(method="hybrid", bm25_weight=0.8, bm25_weight_across_languages=0.6)
    # an English sentence for an Indonesian commitment: BM25 sees only the glossary's few words
    assert fuse(0.1, 0.45, config, across=True) == pytest.approx(0.6 * 0.1 + 0.4 * 0.45)
    assert fuse(0.1, 0.45, config, across=False) == pytest.approx(0.8 * 0.1 + 0.2 * 0.45)
    mixed = fuse(np.array([[0.1, 0.1]]), np.array([[0.45, 0.45]]), config, across=np.array([[True, False]]))
    assert mixed[0, 0] > mixed[0, 1]


def test_languages_differ_per_pair():
    statements = [StatementRef(1, "The training of village midwives was held in the district hall."),
                  StatementRef(2, "Pelatihan bidan desa telah dilaksanakan di aula kecamatan.")]
    commitments = [CommitmentRef(1, 1, "menyelenggarakan pelatihan bidan desa di setiap kecamatan"),
                   CommitmentRef(2, 1, "The Parties shall train village midwives in every district.")]
    assert languages_differ(statements, commitments).tolist() == [[True, False], [False, True]]


def test_default_hybrid_needs_words_and_meaning_together():
    config = MatchConfig()
    t = config.threshold
    # same topic, few of the commitment's words, and the model reads another commitment closer
    # (a coffee-farming sentence vs. a coffee-plot promise, next to the coffee-training promise)
    assert fuse(np.array([[0.17, 0.6]]), np.array([[0.42, 0.52]]), config)[0, 0] < t
    # a few words but an unrelated meaning (a course for disaster staff vs. a study visit abroad)
    assert fuse(0.2, 0.1, config) < t
    # the same few words with the same meaning: a paraphrase of the commitment
    assert fuse(0.24, 0.56, config) >= t
    # most of the commitment's words, whatever the small model thinks
    assert fuse(0.35, 0.0, config) >= t
    # an English report of an Indonesian commitment: few shared words, the model's closest reading
    assert fuse(0.1, 0.45, config, across=True) >= t
    # the same scores within one language: too few words
    assert fuse(0.1, 0.45, config, across=False) < t


def test_large_scale_retrieval_fuses_like_the_per_report_matcher():
    commitments = [CommitmentRef(1, 1, "menyelenggarakan pelatihan guru matematika"),
                   CommitmentRef(2, 1, "menyediakan lahan percontohan kopi"),
                   CommitmentRef(3, 2, "The Parties shall train mathematics teachers")]
    config = MatchConfig()
    corpus = CommitmentCorpus(commitments, config)
    st = [StatementRef(1, "pelatihan guru matematika telah diselenggarakan")]
    vector_hits = [[(1, 0.6), (2, 0.1), (3, 0.55)]]
    (hits,) = corpus.retrieve(st, np.zeros((1, 4)), vector_hits, vector_of=lambda ids: np.zeros((len(ids), 4)))
    by_id = {cid: (fused, b, c) for cid, fused, b, c in hits}
    assert 1 in by_id
    # the candidates' row as the per-report matcher fuses it (commitment 3 is English: across languages)
    b_row = np.clip(corpus.bm25.normalised(corpus.bm25.scores([match_terms(st[0].text)])), 0.0, 1.0)
    expected = fuse(b_row, np.array([[0.6, 0.1, 0.55]]), config, np.array([[False, False, True]]))
    for k, cid in enumerate((1, 2, 3)):
        if cid in by_id:
            assert by_id[cid][0] == pytest.approx(float(expected[0, k]), abs=1e-6)
        else:  # below the threshold, or below the secondary ratio of the statement's best
            assert expected[0, k] < max(config.threshold, config.secondary_ratio * max(f for f, _, _ in by_id.values()))


def test_a_match_explains_its_fusion():
    agreement = AgreementRef(1, (PartyRef("Pemerintah Kabupaten Sukamaju"), PartyRef("Universitas Lembah Hijau")))
    commitments = [CommitmentRef(1, 1, "menyelenggarakan pelatihan bidan desa di setiap kecamatan"),
                   CommitmentRef(2, 1, "menyediakan lahan percontohan kopi seluas dua hektare")]
    statements = [StatementRef(1, "Universitas Lembah Hijau and the Sukamaju Regency Government trained "
                                  "40 village midwives in every district.")]
    report = "Pemerintah Kabupaten Sukamaju dan Universitas Lembah Hijau. " + statements[0].text
    _, matches = match_report(statements, report, [agreement], commitments, cosine=np.array([[0.55, 0.20]]))
    (m,) = [m for m in matches if m.commitment_id == 1]
    e = m.explanation
    assert e["languages"] == "en/id" and e["bm25_weight"] == MatchConfig().bm25_weight_across_languages
    assert m.fused == pytest.approx(e["bm25_weight"] * m.bm25_norm + (1 - e["bm25_weight"]) * e["cosine_term"],
                                    abs=1e-3)
    assert e["cosine_term"] == pytest.approx(0.55, abs=1e-3)  # the statement's best cosine: no gap


def test_shared_terms_are_the_terms_bm25_compared():
    statement = "Layanan telekonsultasi dokter spesialis sudah berjalan di tiga puskesmas"
    commitment = "provide teleconsultation with specialist doctors for community health centres"
    shown = shared_terms(statement, commitment)
    keys = set(match_terms(commitment))
    assert shown and all(k in keys for k in match_terms(" ".join(shown)))
    assert len(shown) == len(set(match_terms(statement)) & keys)


def test_choose_prefers_the_inside_of_a_plateau():
    configs = ev.candidate_configs("bm25")
    scores = [0.0] * len(configs)
    # equally best at the 3rd, 4th, 5th and 9th thresholds; the 4th has the best neighbours
    for k in (2, 3, 4, 8):
        scores[k] = 1.0
    scores[1] = 0.9
    assert ev.choose(scores, ev._neighbours(configs)) == 3


def _counts(tp=0, fp=0, fn=0, link_ok=0, link_n=0) -> dict:
    return {"tp": tp, "fp": fp, "fn": fn, "link_ok": link_ok, "link_n": link_n}


def test_cross_validation_scores_each_fold_with_the_setting_chosen_without_it():
    configs = ev.candidate_configs("bm25")[:2]
    scenarios = [ev.Scenario(n, "2026-01-01", [], [], [], [], "gold", {}) for n in ("a", "b", "c")]
    # setting 0 is perfect on a and b but wrong on c; setting 1 is perfect on c only
    per = [{"a": _counts(tp=2), "b": _counts(tp=2), "c": _counts(fp=1)},
           {"a": _counts(fn=2), "b": _counts(fn=2), "c": _counts(tp=1)}]
    tot, chosen = ev.cross_validate(scenarios, {"a": "a", "b": "b", "c": "c"}, per, configs)
    assert [c for _, c, _ in chosen] == [configs[0], configs[0], configs[0]]
    # c is scored with setting 0, chosen on a and b: its false flag counts
    assert tot == _counts(tp=4, fp=1)
    # leaving a whole set out: c's set {b, c} is scored with what a alone prefers
    tot, _ = ev.cross_validate(scenarios, {"a": "x", "b": "y", "c": "y"}, per, configs)
    assert tot["fp"] == 1


def test_candidate_grid_holds_the_calibrated_defaults():
    default = MatchConfig()
    hybrid = ev.candidate_configs("hybrid")
    assert replace(default, bm25_threshold=default.hybrid_threshold,
                   embedding_threshold=default.hybrid_threshold) in hybrid
    assert all(c.method == "hybrid" for c in hybrid)
    assert len(ev.candidate_configs("embedding")) == len(ev.CV_THRESHOLDS)
    # the plain linear fusion of before is one of the hybrid's candidates
    assert any(c.cosine_gap_weight == 0 and c.bm25_weight_across_languages == c.bm25_weight for c in hybrid)


def test_grid_neighbours_step_one_constant_at_a_time():
    configs = ev.candidate_configs("hybrid")
    neighbours = ev._neighbours(configs)
    k = configs.index(replace(MatchConfig(), bm25_threshold=0.225, embedding_threshold=0.225))
    differing = [{f for f in ("bm25_weight", "bm25_weight_across_languages", "cosine_gap_weight", "hybrid_threshold")
                  if getattr(configs[n], f) != getattr(configs[k], f)} for n in neighbours[k]]
    assert all(len(d) == 1 for d in differing) and len(differing) == 8


def test_a_party_name_word_the_commitments_use_counts_outside_the_name():
    from extractor.matching_scores import name_term_filter, without_name_words
    agreement = AgreementRef(1, (PartyRef("Unit Donor Darah Kabupaten Sukamaju"),
                                 PartyRef("Institut Pertanian Lembah Hijau")))
    commitments = [CommitmentRef(1, 1, "menyediakan darah sesuai permintaan rumah sakit"),
                   CommitmentRef(2, 1, "melatih petani kopi di tiga desa")]
    ignore, names = name_term_filter([agreement], commitments)
    # "darah" is written as a common word by a commitment; "Pertanian" is not ("petani" only shares its stem)
    assert set(match_terms("darah")) <= set(match_terms("kantong darah", ignore, names))
    assert not set(match_terms("Pertanian")) & set(match_terms("Institut Pertanian", ignore, names))
    assert "Donor" not in without_name_words("diterima dari Unit Donor Darah", names | ignore)
    assert not set(match_terms("Darah")) & set(match_terms("diterima dari Unit Donor Darah", ignore, names))
