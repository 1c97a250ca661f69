"""Per-field differences between `janji extract` output and the held-out gold, using the shared
scorer's own comparison functions (loaded by path from ../shared/tools/score.py, never vendored).

    .venv/bin/python tests/holdout/field_report.py [txt|pdf|scan] [--root tests/holdout_blind]
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

HOLDOUT = Path(__file__).resolve().parent
REPO_ROOT = HOLDOUT.parents[1]
SCORER = REPO_ROOT / ".." / "shared" / "tools" / "score.py"
JANJI = REPO_ROOT / ".venv" / "bin" / "janji"


def load_scorer() -> ModuleType | None:
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("janji_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def variant_path(gold: dict, variant: str, root: Path = HOLDOUT) -> Path:
    stem = Path(gold["file"]).stem
    return {"txt": root / "docs" / gold["file"], "pdf": root / "pdf" / f"{stem}.pdf",
            "scan": root / "pdf" / f"{stem}.scan.pdf"}[variant]


def golds(root: Path = HOLDOUT) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "gold").glob("*.json"))]


def extract_all(variant: str, timeout: int = 1800, root: Path = HOLDOUT) -> dict[str, dict]:
    """Run the CLI once over every document of an evaluation set; outputs keyed by document stem."""
    paths = [str(variant_path(g, variant, root)) for g in golds(root)]
    proc = subprocess.run([str(JANJI), "extract", *paths], capture_output=True, text=True,
                          timeout=timeout, check=False, cwd=REPO_ROOT)
    outs: dict[str, dict] = {}
    for line in proc.stdout.splitlines():
        if line.strip().startswith("{"):
            out = json.loads(line)
            outs[Path(out.get("source", "")).name.split(".")[0]] = out
    return outs


def summary(scorer: ModuleType, outs: dict[str, dict], root: Path = HOLDOUT) -> dict[str, float]:
    """The same figures as `score.py extract` prints on its last line."""
    totals: dict[str, list[int]] = {}
    for gold in golds(root):
        out = outs.get(Path(gold["file"]).stem) or {}
        if "error" in out:
            out = {}
        for key, value in scorer.score_document(out, gold).items():
            total = totals.setdefault(key, [0, 0, 0])
            for i, x in enumerate(value):
                total[i] += x
    figures = {k: scorer.prf(*totals.get(k, [0, 0, 0]))[2] for k in ("parties", "officials", "commitments")}
    for key in ("positions", "signing_date"):
        ok, n = totals.get(key, [0, 0])[:2]
        figures[key] = ok / n if n else 0.0
    return figures


def document_diff(scorer: ModuleType, out: dict, gold: dict) -> list[str]:
    """Human-readable misses and false hits of one document."""
    lines: list[str] = []
    pred_parties = [[p.get("name", "")] + list(p.get("aliases") or []) for p in out.get("parties") or []]
    gold_parties = [[g["name"]] + g.get("aliases", []) for g in gold.get("parties", [])]
    optional_parties = [[g["name"]] + g.get("aliases", []) for g in gold.get("parties_optional", [])]
    # one-to-one, as the scorer counts: a duplicate or a party matched by another gold party's tokens shows here
    _, _, _, pairs = scorer.match_sets(pred_parties, gold_parties, optional_parties, scorer.same_org)
    for g in gold_parties:
        if not any(pair_gold is g for _, pair_gold in pairs):
            lines.append(f"party missed: {g[0]}")
    for p in pred_parties:
        if not any(pair_pred is p for pair_pred, _ in pairs) and not any(
                scorer.same_org(p, o) for o in optional_parties):
            lines.append(f"party false: {p[0]} (aliases {p[1:]})")
    officials = out.get("officials") or []
    for g in gold.get("officials", []):
        hit = next((p for p in officials if scorer.same_person(p.get("name", ""), g["name"])), None)
        if hit is None:
            lines.append(f"official missed: {g['name']} ({g['position']})")
            continue
        have = scorer.org_tokens(" ".join(filter(None, [hit.get("position"), hit.get("organization")])))
        want = scorer.org_tokens(g.get("position", ""))
        if not want or len(have & want) / len(want) < 0.6:
            lines.append(f"position wrong: {g['name']}: got {hit.get('position')!r} / {hit.get('organization')!r},"
                         f" want {g['position']!r}")
    for p in officials:
        known = gold.get("officials", []) + gold.get("officials_optional", [])
        if not any(scorer.same_person(p.get("name", ""), g["name"]) for g in known):
            lines.append(f"official false: {p.get('name')!r} ({p.get('position')!r})")
    if gold.get("signing_date"):
        got = [d.get("date") for d in out.get("dates") or [] if d.get("role") == "signing"]
        if gold["signing_date"] not in got[:1]:
            lines.append(f"signing date: got {got[:1]}, want {gold['signing_date']}")
    predicted = [c.get("text", "") for c in out.get("commitments") or []]
    required = [c["text"] for c in gold.get("commitments", []) if c.get("required", True)]
    optional = [c["text"] for c in gold.get("commitments", []) if not c.get("required", True)]
    for g in required:
        covered: set[str] = set()
        for p in predicted:
            if scorer.part_of(p, g):
                covered |= scorer.words(p) & scorer.words(g)
        if len(covered) / max(len(scorer.words(g)), 1) < 0.5:
            lines.append(f"commitment missed: {g}")
    for p in predicted:
        if not any(scorer.part_of(p, g) for g in required + optional):
            lines.append(f"commitment false: {p[:160]}")
    return lines


def report(scorer: ModuleType, outs: dict[str, dict], root: Path = HOLDOUT) -> str:
    blocks = []
    for gold in golds(root):
        out = outs.get(Path(gold["file"]).stem)
        if out is None or "error" in out:
            blocks.append(f"{gold['file']}: no extraction ({(out or {}).get('error')})")
            continue
        diff = document_diff(scorer, out, gold)
        blocks.append(f"{gold['file']}:" + "".join(f"\n  {line}" for line in diff) if diff else f"{gold['file']}: ok")
    return "\n".join(blocks)


def main(argv: list[str]) -> int:
    scorer = load_scorer()
    if scorer is None:
        print("../shared/tools/score.py is not available")
        return 2
    root = HOLDOUT
    if "--root" in argv:
        at = argv.index("--root")
        root = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2:]
    variant = argv[0] if argv else "txt"
    outs = extract_all(variant, root=root)
    print(report(scorer, outs, root))
    print(" ".join(f"{k}={v:.2f}" for k, v in summary(scorer, outs, root).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
