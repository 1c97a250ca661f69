"""The shared corpus metric (../shared/tools/score.py) at the level this extractor reaches.

Born-digital text and PDFs are scored on every run; the scanned variant (OCR of 21 documents)
only when JANJI_SCORE_SCAN=1, as it takes many minutes on two cores.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT / ".." / "shared"
SCORE = SHARED / "tools" / "score.py"

# measured: txt parties 1.00, officials 0.99, positions 1.00; pdf and scan 1.00 / 1.00 / 1.00
NEED = {"parties": 0.95, "officials": 0.95, "positions": 0.95, "signing_date": 0.90}


def _score(variant: str) -> dict[str, float]:
    if not SCORE.exists():
        pytest.skip("../shared/tools/score.py is absent")
    if not (ROOT / ".venv" / "bin" / "janji").exists() and not any(
            (Path(p) / "janji").exists() for p in os.environ.get("PATH", "").split(os.pathsep)):
        pytest.skip("no janji command installed")
    proc = subprocess.run([sys.executable, str(SCORE), "extract", "--variant", variant, "--project", str(ROOT)],
                          check=False, cwd=ROOT, capture_output=True, text=True, timeout=3000)
    last = proc.stdout.strip().splitlines()[-1]
    assert proc.returncode in (0, 1), proc.stdout[-2000:] + proc.stderr[-2000:]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", last.split("|")[-1])}


@pytest.mark.slow
@pytest.mark.parametrize("variant", ["txt", "pdf"])
def test_corpus_scores(variant):
    got = _score(variant)
    for key, need in NEED.items():
        assert got[key] >= need, (variant, key, got)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("JANJI_SCORE_SCAN") != "1", reason="set JANJI_SCORE_SCAN=1 to OCR the scans")
def test_corpus_scores_scan():
    got = _score("scan")
    for key, need in NEED.items():
        assert got[key] >= need - 0.03, ("scan", key, got)
