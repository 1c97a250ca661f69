"""Evaluate matching on scenario folders directly (no database): BM25, embeddings, hybrid.

A scenario folder holds agreement and report texts and gold.json:
  {"as_of", "agreements": [...], "reports": [...],
   "commitments": [{"agreement", "text", "evidence": [report files]}],
   "parties": {"agreement file": [[name, [aliases], [officials' names]?], ...]}   (optional)}
Commitments and parties come from `extractor.extract`; when extraction finds none for an
agreement, the gold commitment texts (and gold parties) stand in, so matching can be calibrated
before/independently of extraction. Scoring follows ../shared/tools/score.py `match`.

  python -m benchmarks.eval_matching [SCENARIO_ROOT...] [--grid] [--extra-parties FILE]
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from extractor.activities import extract_activities
from extractor.embedders import Embedder, make_embedder
from extractor.linking import report_link_text
from extractor.matching import match_report
from extractor.matching_embeddings import Centering, embedding_input
from extractor.matching_types import METHODS, AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.report_parties import with_people
from extractor.types import DocumentText, PageSpan

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCENARIOS = ROOT / ".." / "shared" / "corpus" / "scenarios"
OWN_SCENARIOS = ROOT / "tests" / "scenarios"


def _fold_words(s: str) -> set[str]:
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return {t for t in re.sub(r"[^a-z0-9 ]+", " ", s.lower().replace(".", " ").replace(",", " ")).split()
            if len(t) > 2}


def same_commitment(pred: str, gold: str) -> bool:
    """As ../shared/tools/score.py: word overlap."""
    wp, wg = _fold_words(pred), _fold_words(gold)
    if not wp or not wg:
        return False
    inter = len(wp & wg)
    return inter / len(wg) >= 0.5 and inter / len(wp) >= 0.3


def plain_doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


@dataclass
class Scenario:
    name: str
    as_of: str
    agreements: list[AgreementRef]
    commitments: list[CommitmentRef]
    reports: list[tuple[str, str, list[StatementRef]]]  # (file, link text, statements)
    gold: list[dict]
    commitment_source: str
    agreement_files: dict[int, str]
    key: str = ""  # the folder's path: roots may hold folders of the same name (ns1 in two blind sets)

    def __post_init__(self) -> None:
        self.key = self.key or self.name


def load_scenario(folder: Path, extra_parties: dict | None = None, use_extraction: bool = True,
                  use_full_text: bool = False, gold_commitments: bool = False) -> Scenario:
    """`use_extraction`: parties (and, unless `gold_commitments`, commitments) come from
    `extractor.extract`; gold.json "parties" / `extra_parties` stand in where it finds none."""
    from extractor.extract import extract

    gold = json.loads((folder / "gold.json").read_text())
    extra = (extra_parties or {}).get(folder.name, {})
    agreements, commitments, sources = [], [], set()
    next_id = 1
    for a_idx, name in enumerate(gold["agreements"], start=1):
        text = (folder / name).read_text(encoding="utf-8")
        ext = extract(plain_doc(text), source=name, sha256="0") if use_extraction else None
        parties = tuple(PartyRef(p.name, tuple(p.aliases)) for p in ext.parties) if ext else ()
        given = gold.get("parties", {}).get(name) or extra.get(name, {}).get("parties")
        if not parties and given:
            # [name, aliases] or [name, aliases, officials' names]
            parties = tuple(PartyRef(g[0], tuple(g[1]), tuple(g[2]) if len(g) > 2 else ()) for g in given)
        number = (ext.number if ext else None) or extra.get(name, {}).get("number")
        if ext:  # the agreement's officials name their party in reports ("Rektor Hendra Wiratama")
            parties = with_people(parties, [(o.name, o.organization) for o in ext.officials])
        agreements.append(AgreementRef(a_idx, parties, number, ext.title if ext else None))
        texts = [(c.text, c.due, tuple(c.parties)) for c in ext.commitments] if ext and not gold_commitments else []
        if texts:
            sources.add("extraction")
        else:
            sources.add("gold")
            texts = [(g["text"], None, ()) for g in gold["commitments"] if g["agreement"] == name]
        for text_, due, obligors in texts:
            commitments.append(CommitmentRef(next_id, a_idx, text_, due, obligors))
            next_id += 1
    reports = []
    sid = 1
    for name in gold["reports"]:
        text = (folder / name).read_text(encoding="utf-8")
        acts = extract_activities(plain_doc(text))
        stmts = []
        for act in acts:
            stmts.append(StatementRef(sid, act.text, act.date))
            sid += 1
        # the service links with the whole report text when the caller passes it (see
        # api/services/matching.process_report); statements + parties otherwise
        link_text = text if use_full_text else report_link_text(
            title=None, statements=[a.text for a in acts], party_names=[p for a in acts for p in a.parties])
        reports.append((name, link_text, stmts))
    return Scenario(folder.name, gold["as_of"], agreements, commitments, reports, gold["commitments"],
                    "+".join(sorted(sources)), {i: n for i, n in enumerate(gold["agreements"], start=1)},
                    str(folder))


class DiskCachedEmbedder:
    """An embedder whose vectors are kept in `.janji/eval_vectors/<model>.npz`, keyed by the sha1 of
    the exact model input, so repeated evaluator runs (grids, cross-validation) embed only new
    texts. A changed glossary changes the input text, hence the key; a changed model, the file."""

    def __init__(self, embedder: Embedder, folder: Path = ROOT / ".janji" / "eval_vectors") -> None:
        self.inner = embedder
        self.model_id = embedder.model_id
        self.path = folder / (re.sub(r"[^\w.-]+", "_", embedder.model_id) + ".npz")
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.is_file():
            with np.load(self.path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    @property
    def dim(self) -> int:
        if self.vectors:
            return len(next(iter(self.vectors.values())))
        return self.inner.dim

    def warm_up(self) -> None:
        self.inner.warm_up()

    def embed(self, texts: list[str]) -> np.ndarray:
        import hashlib

        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self.vectors))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            for k, v in zip(missing, self.inner.embed([text_of[k] for k in missing]), strict=True):
                self.vectors[k] = np.asarray(v, dtype=np.float32)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp.npz")
            np.savez(tmp, keys=np.array(list(self.vectors)), vectors=np.stack(list(self.vectors.values())))
            tmp.replace(self.path)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vectors[k] for k in keys])


class VectorCache:
    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.cache: dict[str, np.ndarray] = {}
        self.centering = Centering.fit(embedder)

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for t, v in zip(missing, self.embedder.embed([embedding_input(m) for m in missing]), strict=True):
                self.cache[t] = v
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])


def run_scenario(sc: Scenario, vectors: VectorCache, config: MatchConfig) -> dict:
    c_vecs = vectors([c.text for c in sc.commitments])
    evidence: dict[int, set[str]] = {c.id: set() for c in sc.commitments}
    details = []
    for name, text, stmts in sc.reports:
        stmts = [s for s in stmts if not s.date or s.date <= sc.as_of]
        s_vecs = vectors([s.text for s in stmts])
        _, matches = match_report(stmts, text, sc.agreements, sc.commitments, statement_vectors=s_vecs,
                                  commitment_vectors=c_vecs, config=config, centering=vectors.centering)
        for m in matches:
            evidence[m.commitment_id].add(name)
            details.append((name, m))
    tp = fp = fn = link_ok = link_n = 0
    for g in sc.gold:
        row = next((c for c in sc.commitments if sc.agreement_files[c.agreement_id] == g["agreement"]
                    and same_commitment(c.text, g["text"])), None)
        want_flag = not g.get("evidence")
        got_flag = row is not None and not evidence[row.id]
        tp += want_flag and got_flag
        fp += got_flag and not want_flag
        fn += want_flag and not got_flag
        if g.get("evidence"):
            link_n += 1
            link_ok += row is not None and bool(evidence[row.id] & set(g["evidence"]))
    return {"tp": tp, "fp": fp, "fn": fn, "link_ok": link_ok, "link_n": link_n, "details": details}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(scenarios: list[Scenario], vectors: VectorCache, config: MatchConfig) -> dict:
    tot = {"tp": 0, "fp": 0, "fn": 0, "link_ok": 0, "link_n": 0}
    per = {}
    for sc in scenarios:
        res = run_scenario(sc, vectors, config)
        per[sc.key] = res
        for k in tot:
            tot[k] += res[k]
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    return {"method": config.method, "precision": p, "recall": r, "f1": f,
            "links": tot["link_ok"] / tot["link_n"] if tot["link_n"] else 0.0, "per": per, **tot}


def scenario_folders(roots: list[Path]) -> list[Path]:
    out = []
    for root in roots:
        if root.is_dir():
            out.extend(sorted(p for p in root.iterdir() if (p / "gold.json").is_file()))
    return out


def grid(scenarios: list[Scenario], vectors: VectorCache, base: MatchConfig) -> list[tuple]:
    rows = []
    for method in METHODS:
        weights = [0.3, 0.4, 0.5, 0.6, 0.7] if method == "hybrid" else [base.bm25_weight]
        for w in weights:
            for t in np.arange(0.15, 0.75, 0.025):
                cfg = replace(base, method=method, bm25_weight=w, hybrid_threshold=t, bm25_threshold=t,
                              embedding_threshold=t)
                res = evaluate(scenarios, vectors, cfg)
                rows.append((method, w, round(float(t), 3), res["f1"], res["links"]))
    return rows


COUNT_KEYS = ("tp", "fp", "fn", "link_ok", "link_n")
CV_THRESHOLDS = tuple(round(0.1 + 0.025 * k, 3) for k in range(13))  # 0.10 .. 0.40
# The hybrid's other constants (see extractor.matching.fuse): the BM25 weight within a language and
# across languages, and the weight of a cosine's gap to the statement's best. Weight across = weight
# within and gap 0 is the plain linear fusion w * bm25 + (1 - w) * cosine.
CV_HYBRID = {"bm25_weight": (0.7, 0.8, 0.9, 1.0), "bm25_weight_across_languages": (0.4, 0.6, 0.8),
             "cosine_gap_weight": (0.0, 1.0, 2.0)}


def candidate_configs(method: str, base: MatchConfig | None = None) -> list[MatchConfig]:
    """The settings cross-validation chooses from, a grid: the threshold (bm25, embedding: one
    parameter) and, for the hybrid, the constants of CV_HYBRID too (four parameters)."""
    base = base or MatchConfig()
    grid = CV_HYBRID if method == "hybrid" else {}
    out = []
    for values in itertools.product(*grid.values()):
        for t in CV_THRESHOLDS:
            out.append(replace(base, method=method, **dict(zip(grid, values, strict=True)), hybrid_threshold=t,
                               bm25_threshold=t, embedding_threshold=t))
    return out


def _grid_position(config: MatchConfig) -> tuple[int, ...]:
    grid = CV_HYBRID if config.method == "hybrid" else {}
    return (*(values.index(getattr(config, name)) for name, values in grid.items()),
            CV_THRESHOLDS.index(config.threshold))


def _neighbours(configs: list[MatchConfig]) -> list[list[int]]:
    """Grid neighbours of each setting: one step of one constant (or of the threshold)."""
    pos = {_grid_position(c): k for k, c in enumerate(configs)}
    out = []
    for at in pos:
        steps = [tuple(v + (d if n == axis else 0) for n, v in enumerate(at)) for axis in range(len(at)) for d in (1, -1)]
        out.append([pos[s] for s in steps if s in pos])
    return out


def choose(scores: list[float], neighbours: list[list[int]]) -> int:
    """The best setting; among equally good ones, the one whose grid neighbours score best (the
    inside of a plateau rather than its edge), then the middle one."""
    top = max(scores)
    winners = [k for k, v in enumerate(scores) if v >= top - 1e-9]
    around = [sum(scores[n] for n in neighbours[k]) / max(len(neighbours[k]), 1) for k in winners]
    inner = [k for k, a in zip(winners, around, strict=True) if a >= max(around) - 1e-9]
    return inner[len(inner) // 2]


def _pooled(per: dict[str, dict], names) -> dict:
    return {k: sum(per[n][k] for n in names) for k in COUNT_KEYS}


def _objective(t: dict) -> float:
    return prf(t["tp"], t["fp"], t["fn"])[2] + (t["link_ok"] / t["link_n"] if t["link_n"] else 0.0)


def cross_validate(scenarios: list[Scenario], groups: dict[str, str], per: list[dict[str, dict]],
                   configs: list[MatchConfig]) -> tuple[dict, list[tuple[str, MatchConfig, dict]]]:
    """Held-out counts summed over folds: for each group (a scenario, or a scenario set), the setting
    with the best flag F1 + link accuracy pooled over the other groups' scenarios (the middle one of
    equally good settings) scores that group. `per[k]` = evaluate(configs[k])["per"]."""
    tot = dict.fromkeys(COUNT_KEYS, 0)
    chosen = []
    for group in dict.fromkeys(groups.values()):
        train = [sc.key for sc in scenarios if groups[sc.key] != group]
        test = [sc.key for sc in scenarios if groups[sc.key] == group]
        k = choose([_objective(_pooled(p, train)) for p in per], _neighbours(configs))
        held_out = _pooled(per[k], test)
        chosen.append((group, configs[k], held_out))
        for key, value in held_out.items():
            tot[key] += value
    return tot, chosen


def _summary(t: dict) -> str:
    p, r, f = prf(t["tp"], t["fp"], t["fn"])
    return f"P={p:.2f} R={r:.2f} F1={f:.2f} links={t['link_ok'] / max(t['link_n'], 1):.2f}"


def run_cv(scenarios: list[Scenario], vectors: VectorCache, set_of: dict[str, str],
           verbose: bool = False) -> list[dict]:
    """Per method: leave-one-scenario-out and leave-one-set-out figures, and the setting chosen on
    all scenarios (by the same rule: what the defaults in MatchConfig should be)."""
    rows = []
    for method in METHODS:
        configs = candidate_configs(method)
        per = [evaluate(scenarios, vectors, cfg)["per"] for cfg in configs]
        loso, chosen_s = cross_validate(scenarios, {sc.key: sc.key for sc in scenarios}, per, configs)
        loset, chosen_g = cross_validate(scenarios, set_of, per, configs)
        every = [sc.key for sc in scenarios]
        best = choose([_objective(_pooled(p, every)) for p in per], _neighbours(configs))
        rows.append({"method": method, "loso": loso, "loset": loset, "best": configs[best],
                     "best_counts": _pooled(per[best], every), "chosen": chosen_s + chosen_g})
        print(f"{method:10} leave-one-scenario-out {_summary(loso)} | leave-one-set-out {_summary(loset)} | "
              f"all: {_summary(rows[-1]['best_counts'])} at {_setting(configs[best])}", flush=True)
        if verbose:
            for group, cfg, held_out in rows[-1]["chosen"]:
                print(f"    fold {group}: {_setting(cfg)} -> tp{held_out['tp']}/fp{held_out['fp']}/fn{held_out['fn']}"
                      f"/l{held_out['link_ok']}of{held_out['link_n']}")
    return rows


def _setting(cfg: MatchConfig) -> str:
    if cfg.method == "hybrid":
        return (f"w={cfg.bm25_weight:.2f} across={cfg.bm25_weight_across_languages:.2f} "
                f"gap={cfg.cosine_gap_weight:.1f} t={cfg.threshold:.3f}")
    return f"t={cfg.threshold:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="*", type=Path)
    ap.add_argument("--model", default="default")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--loo", action="store_true", help="cross-validated calibration per method: leave one scenario / one scenario root out")
    ap.add_argument("--extra-parties", type=Path)
    ap.add_argument("--no-extraction", action="store_true", help="no extract(): gold commitments and parties")
    ap.add_argument("--gold-commitments", action="store_true", help="extracted parties, gold commitment texts")
    ap.add_argument("--full-text", action="store_true",
                    help="link with the whole report text, as the service does (default: statements + parties)")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--by-root", action="store_true", help="a table of the three methods per scenario root")
    ap.add_argument("--no-cache", action="store_true", help="embed everything again (no .janji/eval_vectors)")
    ap.add_argument("--weight", type=float)
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--ratio", type=float, help="secondary_ratio (second/third match vs. the best)")
    ap.add_argument("--ratios", action="store_true", help="score secondary_ratio 0.0-0.9 per method")
    args = ap.parse_args(argv)
    roots = args.roots or [SHARED_SCENARIOS, OWN_SCENARIOS]
    extra = json.loads(args.extra_parties.read_text()) if args.extra_parties else None
    scenarios = [load_scenario(f, extra, not args.no_extraction, use_full_text=args.full_text,
                               gold_commitments=args.gold_commitments)
                 for f in scenario_folders(roots)]
    embedder = make_embedder(args.model)
    vectors = VectorCache(embedder if args.no_cache else DiskCachedEmbedder(embedder))
    if args.loo:
        folders = scenario_folders(roots)
        run_cv(scenarios, vectors, {str(f): str(f.parent) for f in folders}, verbose=args.verbose)
        return 0
    if args.ratios:
        for method in METHODS:
            for ratio in (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9):
                res = evaluate(scenarios, vectors, MatchConfig(method=method, secondary_ratio=ratio))
                print(f"{method:10} ratio={ratio:.2f} F1={res['f1']:.3f} links={res['links']:.3f}")
        return 0
    if args.by_root:
        folders = {str(f): f.parent for f in scenario_folders(roots)}
        print("| set | " + " | ".join(f"{m}: flag P / R / F1, link" for m in METHODS) + " |")
        results = {m: evaluate(scenarios, vectors, MatchConfig(method=m)) for m in METHODS}
        for root in [*dict.fromkeys(folders.values()), None]:
            cells = []
            for m in METHODS:
                per = [r for n, r in results[m]["per"].items() if root is None or folders[n] == root]
                t = {k: sum(r[k] for r in per) for k in ("tp", "fp", "fn", "link_ok", "link_n")}
                p, r, f = prf(t["tp"], t["fp"], t["fn"])
                cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}, {t['link_ok'] / max(t['link_n'], 1):.2f}")
            label = "all" if root is None else str(root.relative_to(ROOT) if root.is_relative_to(ROOT) else root)
            print(f"| {label} | " + " | ".join(cells) + " |")
        return 0
    if args.grid:
        rows = grid(scenarios, vectors, MatchConfig())
        for method in METHODS:
            best = sorted((r for r in rows if r[0] == method), key=lambda r: (-(r[3] + r[4]), r[2]))[:8]
            for r in best:
                print(method, "w=%.2f t=%.3f F1=%.3f links=%.3f" % r[1:])
        return 0
    for method in METHODS:
        cfg = MatchConfig(method=method)
        if args.weight is not None:
            cfg = replace(cfg, bm25_weight=args.weight)
        if args.ratio is not None:
            cfg = replace(cfg, secondary_ratio=args.ratio)
        if args.threshold is not None:
            cfg = replace(cfg, hybrid_threshold=args.threshold, bm25_threshold=args.threshold,
                          embedding_threshold=args.threshold)
        res = evaluate(scenarios, vectors, cfg)
        print(f"{method:10} P={res['precision']:.2f} R={res['recall']:.2f} F1={res['f1']:.2f} "
              f"links={res['links']:.2f}  " + " ".join(
                  f"{n}:tp{r['tp']}/fp{r['fp']}/fn{r['fn']}/l{r['link_ok']}of{r['link_n']}"
                  for n, r in res["per"].items()))
        if args.verbose:
            for name, r in res["per"].items():
                for rep, m in r["details"]:
                    e = m.explanation
                    print(f"   {name}/{rep} c{m.commitment_id} f={m.fused:.2f} b={m.bm25_norm:.2f} "
                          f"cos={m.cosine:.2f} | {e['statement'][:70]!r} -> {e['commitment'][:60]!r}")
    print("commitments from:", {sc.name: sc.commitment_source for sc in scenarios})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
