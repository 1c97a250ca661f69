"""The fusion of BM25 and cosine scores, and the cross-validated choice of its constants, on
invented numbers."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from benchmarks import eval_matching as ev
from extractor.matching import CommitmentCorpus, CommitmentRef, MatchConfig, StatementRef, fuse


def test_each_method_scores_with_its_own_evidence():
    b, c = np.array([[0.4, 0.1]]), np.array([[0.2, 0.7]])
    assert fuse(b, c, MatchConfig(method="bm25")).tolist() == [[0.4, 0.1]]
    assert fuse(b, c, MatchConfig(method="embedding")).tolist() == [[0.2, 0.7]]
    hybrid = MatchConfig(method="hybrid", bm25_weight=0.75)
    assert np.allclose(fuse(b, c, hybrid), [[0.75 * 0.4 + 0.25 * 0.2, 0.75 * 0.1 + 0.25 * 0.7]])


def test_a_negative_cosine_does_not_pull_the_words_down():
    config = MatchConfig(method="hybrid", bm25_weight=0.6)
    assert fuse(0.5, -0.3, config) == pytest.approx(0.6 * 0.5)


def test_default_hybrid_needs_words_and_meaning_together():
    config = MatchConfig()
    t = config.threshold
    # same topic, few of the commitment's words (a coffee-farming sentence vs. a coffee-plot promise)
    assert fuse(0.17, 0.50, config) < t
    # some words but an unrelated meaning (a course for disaster staff vs. a study visit abroad)
    assert fuse(0.24, 0.11, config) < t
    # the same few words with the same meaning: a paraphrase of the commitment
    assert fuse(0.24, 0.56, config) >= t
    # most of the commitment's words, whatever the small model thinks
    assert fuse(0.35, 0.0, config) >= t


def test_large_scale_retrieval_fuses_like_the_per_report_matcher():
    commitments = [CommitmentRef(1, 1, "menyelenggarakan pelatihan guru matematika"),
                   CommitmentRef(2, 1, "menyediakan lahan percontohan kopi")]
    corpus = CommitmentCorpus(commitments, MatchConfig())
    st = [StatementRef(1, "pelatihan guru matematika telah diselenggarakan")]
    vector_hits = [[(1, 0.6), (2, 0.1)]]
    (hits,) = corpus.retrieve(st, np.zeros((1, 4)), vector_hits, vector_of=lambda ids: np.zeros((len(ids), 4)))
    cid, fused, b, c = hits[0]
    assert cid == 1 and fused == pytest.approx(float(fuse(b, c, MatchConfig())), abs=1e-6)


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
