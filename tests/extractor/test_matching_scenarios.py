"""Matching quality on our own scenarios (tests/scenarios: paraphrases, English reports for
Indonesian commitments, planned-not-done traps, activities with another party or of the other
agreement) with the real default model: this is about embedding quality, so no fake embedder.

Commitment texts and parties come from each scenario's gold.json, so the figures measure
matching alone; ../shared/tools/score.py measures the whole pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import eval_matching as ev
from extractor.matching_types import MatchConfig

ROOT = Path(__file__).resolve().parents[2]
OWN = ROOT / "tests" / "scenarios"
SHARED = ROOT / ".." / "shared" / "corpus" / "scenarios"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def vectors():
    from extractor.embedders import SentenceTransformerEmbedder

    return ev.VectorCache(SentenceTransformerEmbedder())


def _scenarios(root: Path) -> list[ev.Scenario]:
    return [ev.load_scenario(f, None, use_extraction=False) for f in ev.scenario_folders([root])]


def test_own_scenarios_hybrid_beats_or_equals_each_method(vectors):
    scenarios = _scenarios(OWN)
    assert len(scenarios) >= 3
    results = {m: ev.evaluate(scenarios, vectors, MatchConfig(method=m)) for m in ("hybrid", "bm25", "embedding")}
    hybrid = results["hybrid"]
    # measured 0.97 / 0.94 with own1..own10 (session 7; BM25 0.97 / 0.89, embeddings 0.81 / 0.89) in
    # this mode, where a report's link text is its statements and party names, not its whole text as
    # in the service (own10 alone 1.00 / 1.00 with the whole text)
    assert hybrid["f1"] >= 0.9 and hybrid["links"] >= 0.9, hybrid
    for other in ("bm25", "embedding"):
        assert hybrid["f1"] + hybrid["links"] >= results[other]["f1"] + results[other]["links"], other


def test_traps_are_not_matched(vectors):
    """Planned/postponed activities and the other party's activities leave their commitments flagged.
    Read as the service reads them (commitments and their obliged parties from extraction, the whole
    report text for linking): who must do a commitment decides whether a statement done by the other
    party can count for it."""
    scenarios = {s.name: s for s in (ev.load_scenario(f, use_full_text=True) for f in ev.scenario_folders([OWN]))}
    for name, sc in scenarios.items():
        res = ev.run_scenario(sc, vectors, MatchConfig())
        matched = {m.commitment_id for _, m in res["details"]}
        for g in sc.gold:
            row = next(c for c in sc.commitments if ev.same_commitment(c.text, g["text"])
                       and sc.agreement_files[c.agreement_id] == g["agreement"])
            if not g["evidence"]:
                assert row.id not in matched, (name, g["text"])


def test_dev_scenarios_when_present(vectors):
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus/scenarios not present")
    # parties from extraction (the dev gold has none), commitments from gold: matching alone
    scenarios = [ev.load_scenario(f, None, True, gold_commitments=True) for f in ev.scenario_folders([SHARED])]
    res = ev.evaluate(scenarios, vectors, MatchConfig())
    assert res["f1"] >= 0.85 and res["links"] >= 0.8, res


@pytest.mark.parametrize("folder, min_f1, min_links, whole_text", [
    ("holdout_blind3", 0.80, 0.75, False),   # measured 0.82 / 0.77 at the end of session 4
    ("holdout_blind4", 0.80, 0.80, False),   # measured 0.71 / 0.65 in session 4, 0.86 / 0.85 in session 6
    ("holdout_blind5", 0.85, 0.90, False),   # measured 0.94 / 1.00 in session 5 (0.68 / 0.52 end to end before)
    ("holdout_blind6", 0.75, 0.65, False),   # measured 0.80 / 0.71 in session 6 (0.62 / 0.26 end to end before)
    # its reports name the parties in letterheads and headings that are no statements: guarded as the
    # service links, with the whole report text (measured 0.72 / 0.62 in session 7; 0.65 / 0.42 with
    # statements only)
    ("holdout_blind7", 0.68, 0.55, True),
    # opened in session 8 (measured 0.59 / 0.84 and 0.45 / 0.68 in this mode after its rules; 0.76 / 0.84
    # and 0.86 / 0.88 in session 10)
    ("holdout_blind8", 0.70, 0.80, True),
    ("holdout_blind9", 0.78, 0.80, True),
    # opened in sessions 9 and 10 (measured 0.84 / 0.92 and 0.83 / 0.92 in this mode in session 10)
    ("holdout_blind10", 0.75, 0.85, True),
    ("holdout_blind11", 0.75, 0.85, True),
    # opened in session 11 (measured 0.92 / 1.00 in this mode)
    ("holdout_blind13", 0.85, 0.90, True),
    # opened in session 12 (each measured 1.00 / 1.00 in this mode)
    ("holdout_blind15", 0.85, 0.90, True),
    ("holdout_blind16", 0.85, 0.90, True),
    # opened in session 13: 19 measured 1.00 / 1.00 in this mode, 17 and 18 (still below the bar) 0.67 / 0.71
    # and 0.75 / 0.73
    ("holdout_blind17", 0.60, 0.65, True),
    ("holdout_blind18", 0.70, 0.70, True),
    ("holdout_blind19", 0.85, 0.90, True),
    # opened in session 14: 22 measured 0.92 / 0.93 in this mode, 20 (still below the bar) 0.67 / 0.87
    ("holdout_blind20", 0.60, 0.80, True),
    ("holdout_blind22", 0.85, 0.90, True),
    # opened in session 15: 21 measured 0.80 / 0.80 in this mode, 24 (still below the bar) 0.57 / 0.75
    ("holdout_blind21", 0.75, 0.75, True),
    ("holdout_blind24", 0.50, 0.70, True),
])
def test_opened_blind_sets_keep_their_level(vectors, folder, min_f1, min_links, whole_text):
    """Blind sets 3 to 11, 13, 15 to 22 and 24 were opened and rules were written on them: guard those rules (matching
    alone: parties from extraction, gold commitment texts). Not the issue's bar - their README says
    how far below it unseen scenarios still are."""
    scenarios = [ev.load_scenario(f, None, True, gold_commitments=True, use_full_text=whole_text)
                 for f in ev.scenario_folders([ROOT / "tests" / folder / "scenarios"])]
    res = ev.evaluate(scenarios, vectors, MatchConfig())
    assert res["f1"] >= min_f1 and res["links"] >= min_links, res
