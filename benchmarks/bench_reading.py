"""Reading benchmarks: speed against plain pdfplumber / plain tesseract, and text fidelity.

- Born-digital reading, seconds per page: `read_document` (sniffing, sandboxed child, reading
  order, boxes, furniture) against plain `pdfplumber` `page.extract_text()` on the same files;
  each file timed 3 times, interleaved, fastest run kept (the machine is shared).
- OCR, seconds per page: `read_document` on image-only PDFs (rendering, deskew, page-parallel
  tesseract) against the plain `tesseract` CLI run page after page on the same page images
  (rendered beforehand at the same dpi, not timed).
- Text fidelity: whitespace-normalised difflib ratio against the source text, for every corpus
  file (born-digital and scan) and every sample scan.

Files: ../shared/corpus/pdf (when present) and sample_docs/.
"""
from __future__ import annotations

import difflib
import io
import os
import statistics
import subprocess
import tempfile
import time
from functools import partial
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from extractor.limits import Limits
from extractor.reading import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
SAMPLES = ROOT / "sample_docs"
REPEATS = 3
TIMED_SCANS = 6


def similarity(text: str, reference: str) -> float:
    a, b = " ".join(text.split()), " ".join(reference.split())
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def pairs() -> list[tuple[Path, Path | None]]:
    """(pdf, reference or None) for the corpus and the samples. Corpus PDFs are compared with
    their source texts. A sample scan is compared with the born-digital PDF it was rasterised
    from (the sample sources carry markup, so they are no character-level reference)."""
    out: list[tuple[Path, Path | None]] = []
    if (CORPUS / "pdf").is_dir():
        for pdf in sorted((CORPUS / "pdf").glob("*.pdf")):
            out.append((pdf, CORPUS / "docs" / (pdf.name.split(".")[0] + ".txt")))
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        original = pdf.with_name(pdf.name.replace(".scan.pdf", ".pdf"))
        out.append((pdf, original if pdf.name.endswith(".scan.pdf") and original.exists() else None))
    return out


def reference_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return read_document(path.read_bytes()).text
    return path.read_text(encoding="utf-8")


def plain_pdfplumber(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def bench_born_digital(files: list[tuple[Path, Path | None]], limits: Limits) -> tuple[list[dict], list[dict]]:
    ours_total = base_total = 0.0
    pages = 0
    scores: dict[str, float] = {}
    read_document(files[0][0].read_bytes(), limits=limits)  # imports, warm caches
    plain_pdfplumber(files[0][0].read_bytes())
    for pdf, src in files:
        data = pdf.read_bytes()
        ours, base = [], []
        for _ in range(REPEATS):
            t, _ = timed(plain_pdfplumber, data)
            base.append(t)
            t, doc = timed(partial(read_document, data, limits=limits))
            ours.append(t)
        ours_total += min(ours)
        base_total += min(base)
        pages += len(doc.pages)
        if src is not None:
            scores[pdf.name] = similarity(doc.text, reference_text(src))
    summary = [{
        "measure": "born-digital reading, s/page", "files": len(files), "pages": pages,
        "janji": ours_total / pages, "baseline": base_total / pages,
        "baseline is": "pdfplumber extract_text", "ratio": ours_total / base_total, "target": "<= 1.2",
    }]
    return summary, _score_rows("born-digital", scores, 0.98)


def render_pages(data: bytes, dpi: int, folder: Path, stem: str) -> list[Path]:
    document = pdfium.PdfDocument(data)
    paths = []
    for i in range(len(document)):
        path = folder / f"{stem}-{i + 1}.png"
        document[i].render(scale=dpi / 72, grayscale=True).to_pil().save(path)
        paths.append(path)
    return paths


def plain_tesseract(paths: list[Path], languages: str) -> None:
    for path in paths:
        subprocess.run(["tesseract", str(path), "stdout", "-l", languages], check=True,
                       capture_output=True)


def bench_ocr(files: list[tuple[Path, Path | None]], limits: Limits) -> tuple[list[dict], list[dict]]:
    """Every scan is read (for accuracy); the timing against plain tesseract uses an evenly
    spread subset of TIMED_SCANS files (all with JANJI_BENCH_FULL=1), since the baseline alone
    costs several seconds per page."""
    ours_total = base_total = 0.0
    pages = 0
    scores: dict[str, float] = {}
    step = 1 if os.environ.get("JANJI_BENCH_FULL") else max(1, len(files) // TIMED_SCANS)
    timed_files = set(files[::step])
    with tempfile.TemporaryDirectory(prefix="janji-bench-") as tmp:
        for pdf, src in files:
            data = pdf.read_bytes()
            if (pdf, src) in timed_files:
                images = render_pages(data, limits.ocr_dpi, Path(tmp), pdf.stem)
                t, _ = timed(plain_tesseract, images, limits.ocr_languages)
                base_total += t
                t, doc = timed(partial(read_document, data, limits=limits))
                ours_total += t
                pages += len(images)
            else:
                doc = read_document(data, limits=limits)
            if src is not None:
                scores[pdf.name] = similarity(doc.text, reference_text(src))
    summary = [{
        "measure": "OCR, s/page", "files": len(timed_files), "pages": pages,
        "janji": ours_total / pages, "baseline": base_total / pages,
        "baseline is": f"tesseract CLI page by page, same {limits.ocr_dpi} dpi images",
        "ratio": ours_total / base_total, "target": "<= 1.0",
    }]
    return summary, _score_rows("scan", scores, 0.95)


def _score_rows(kind: str, scores: dict[str, float], target: float) -> list[dict]:
    if not scores:
        return []
    corpus = {k: v for k, v in scores.items() if not k[:2].isdigit()}
    samples = {k: v for k, v in scores.items() if k[:2].isdigit()}
    rows = []
    for label, group in (("corpus, vs source text", corpus), ("sample_docs, vs born-digital PDF", samples)):
        if not group:
            continue
        worst = min(group, key=group.get)
        rows.append({
            "measure": f"{kind} text similarity ({label})", "files": len(group),
            "janji": statistics.mean(group.values()), "min": group[worst], "worst file": worst,
            "below target": sum(1 for v in group.values() if v < target), "target": f">= {target}",
        })
    return rows


def run() -> list[dict]:
    limits = Limits()
    files = pairs()
    born = [(p, s) for p, s in files if not p.name.endswith(".scan.pdf")]
    scans = [(p, s) for p, s in files if p.name.endswith(".scan.pdf")]
    rows: list[dict] = []
    score_rows: list[dict] = []
    if born:
        summary, scores = bench_born_digital(born, limits)
        rows += summary
        score_rows += scores
    if scans:
        summary, scores = bench_ocr(scans, limits)
        rows += summary
        score_rows += scores
    return rows + score_rows
