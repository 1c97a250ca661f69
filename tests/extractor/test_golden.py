"""Golden files: the whole extraction (Extraction.to_dict()) of every file in sample_docs/ is pinned
as JSON under tests/golden/. Regenerate after an intended change with

    JANJI_REGEN_GOLDEN=1 .venv/bin/pytest tests/extractor/test_golden.py

and review the diff of tests/golden/ like code. Scans go through OCR and are marked slow.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from extractor.extract import extract
from extractor.limits import Limits
from extractor.reading import read_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_docs"
GOLDEN = ROOT / "tests" / "golden"
REGEN = os.environ.get("JANJI_REGEN_GOLDEN") == "1"

FILES = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".pdf", ".html", ".docx"))


def _params():
    for p in FILES:
        marks = [pytest.mark.slow] if p.name.endswith(".scan.pdf") else []
        yield pytest.param(p, id=p.name, marks=marks)


def extraction_of(path: Path) -> dict:
    data = path.read_bytes()
    doc = read_document(data, name=path.name, limits=Limits())
    out = extract(doc, source=path.name, sha256=hashlib.sha256(data).hexdigest()).to_dict()
    for group in ("parties", "officials", "dates", "commitments", "activities"):
        for item in out[group]:
            for e in item["evidence"]:
                assert doc.text[e["start"]:e["end"]] == e["text"]
    # JSON round trip so tuples and lists compare alike
    return json.loads(json.dumps(out, ensure_ascii=False))


def test_every_sample_has_a_golden_file():
    if REGEN:
        pytest.skip("regenerating")
    assert FILES, "sample_docs/ is empty"
    missing = [p.name for p in FILES if not (GOLDEN / f"{p.name}.json").exists()]
    assert not missing, f"no golden file for {missing}; run with JANJI_REGEN_GOLDEN=1"


@pytest.mark.parametrize("path", list(_params()))
def test_golden_extraction(path: Path):
    got = extraction_of(path)
    golden = GOLDEN / f"{path.name}.json"
    if REGEN:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    if not golden.exists():
        pytest.fail(f"{golden.name} missing; run with JANJI_REGEN_GOLDEN=1")
    want = json.loads(golden.read_text(encoding="utf-8"))
    for key in sorted(set(want) | set(got)):
        assert got.get(key) == want.get(key), f"{path.name}: field {key!r} differs from {golden.name}"
