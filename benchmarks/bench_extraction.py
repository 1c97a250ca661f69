"""Extraction benchmark: full extraction (read + extract) of born-digital pages against plain
`pdfplumber` `page.extract_text()` on the same files, in the same process.

Each file is timed REPEATS times, interleaved with the baseline, fastest run kept (the machine is
shared). The spaCy pipelines are loaded once before timing, as in a worker process. Rows: one per
file plus a total; `ratio` = (read + extract) / pdfplumber, target <= 1.5.
"""
from __future__ import annotations

import time
from pathlib import Path

import pdfplumber

from extractor.extract import extract
from extractor.limits import Limits
from extractor.reading import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "pdf"
SAMPLES = ROOT / "sample_docs"
REPEATS = 3


def files() -> list[Path]:
    out = sorted(p for p in SAMPLES.glob("*.pdf") if not p.name.endswith(".scan.pdf"))
    if CORPUS.is_dir():
        out += sorted(p for p in CORPUS.glob("*.pdf") if not p.name.endswith(".scan.pdf"))
    return out


def plain(path: Path) -> float:
    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
    return time.perf_counter() - start


def full(path: Path) -> tuple[float, float, int]:
    data = path.read_bytes()
    start = time.perf_counter()
    doc = read_document(data, name=path.name, limits=Limits())
    mid = time.perf_counter()
    extract(doc, source=path.name, sha256="0")
    end = time.perf_counter()
    return end - start, end - mid, len(doc.pages)


def run() -> list[dict]:
    paths = files()
    if paths:  # warm up: pipelines, reader workers
        full(paths[0])
        plain(paths[0])
    rows = []
    tot_base = tot_full = tot_nlp = 0.0
    tot_pages = 0
    for path in paths:
        base = min(plain(path) for _ in range(REPEATS))
        runs = [full(path) for _ in range(REPEATS)]
        best = min(runs)
        pages = best[2]
        tot_base += base
        tot_full += best[0]
        tot_nlp += best[1]
        tot_pages += pages
        rows.append({"file": path.name, "pages": pages, "pdfplumber s/page": base / pages,
                     "read+extract s/page": best[0] / pages, "extract s/page": best[1] / pages,
                     "ratio": best[0] / base})
    if tot_pages:
        rows.append({"file": "TOTAL", "pages": tot_pages, "pdfplumber s/page": tot_base / tot_pages,
                     "read+extract s/page": tot_full / tot_pages, "extract s/page": tot_nlp / tot_pages,
                     "ratio": tot_full / tot_base})
    return rows
