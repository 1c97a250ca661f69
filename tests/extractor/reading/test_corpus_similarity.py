"""Acceptance: the document text of the shared corpus PDFs matches the source texts.

Born-digital PDFs must reach a whitespace-normalised difflib ratio >= 0.98 and scans >= 0.95.
All born-digital files are checked; OCR is slow, so a few scans are checked here and
`make bench` (benchmarks/bench_reading.py) measures every scan.
"""
import difflib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.reading import read_document

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / ".." / "shared" / "corpus"
SCANS_CHECKED = ("d08", "d12", "d17")

needs_corpus = pytest.mark.skipif(not (CORPUS / "pdf").is_dir(), reason="../shared/corpus is absent")


def normalised(text: str) -> str:
    return " ".join(text.split())


def similarity(text: str, reference: str) -> float:
    return difflib.SequenceMatcher(None, normalised(text), normalised(reference), autojunk=False).ratio()


def born_digital() -> list[Path]:
    return sorted(p for p in (CORPUS / "pdf").glob("*.pdf") if not p.name.endswith(".scan.pdf"))


def reference(pdf: Path) -> str:
    return (CORPUS / "docs" / (pdf.name.split(".")[0] + ".txt")).read_text(encoding="utf-8")


@needs_corpus
def test_every_born_digital_pdf_reads_like_its_source_text():
    files = born_digital()
    assert files
    scores = {}
    for pdf in files:
        doc = read_document(pdf.read_bytes(), name=pdf.name)
        assert {p.source for p in doc.pages} == {"text"}
        scores[pdf.name] = similarity(doc.text, reference(pdf))
    low = {name: round(s, 4) for name, s in scores.items() if s < 0.98}
    assert not low, f"below 0.98: {low}"


@needs_corpus
@pytest.mark.slow
@pytest.mark.parametrize("stem", SCANS_CHECKED)
def test_scans_read_like_their_source_text(stem):
    pdf = CORPUS / "pdf" / f"{stem}.scan.pdf"
    doc = read_document(pdf.read_bytes(), name=pdf.name)
    assert {p.source for p in doc.pages} == {"ocr"}
    assert len(doc.char_boxes) == len(doc.text)
    score = similarity(doc.text, reference(pdf))
    assert score >= 0.95, f"{pdf.name}: {score:.4f}"


@needs_corpus
@pytest.mark.slow
def test_cli_text_is_the_document_text_and_every_evidence_maps():
    pdf = CORPUS / "pdf" / "d13.pdf"
    proc = subprocess.run([sys.executable, "-m", "api.cli", "extract", "--text", str(pdf)],
                          cwd=REPO, capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[0])
    text = out["text"]
    assert text == read_document(pdf.read_bytes()).text
    assert similarity(text, reference(pdf)) >= 0.98

    def evidences(node):
        if isinstance(node, dict):
            if {"start", "end", "text", "page"} <= node.keys():
                yield node
            for value in node.values():
                yield from evidences(value)
        elif isinstance(node, list):
            for value in node:
                yield from evidences(value)

    for ev in evidences({k: v for k, v in out.items() if k != "text"}):
        assert text[ev["start"]:ev["end"]] == ev["text"]
