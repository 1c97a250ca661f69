"""Render the held-out documents (tests/holdout/docs/*.txt) to PDF, born-digital and scanned.

Reuses the sample_docs renderer (scripts/make_samples.py): reportlab with a running footer for the
born-digital PDF, pypdfium2 at 200 dpi + slight rotation, blur and noise into an image-only PDF with
grayscale JPEG pages for the scan. Deterministic (fixed seeds, reportlab invariant mode).

    .venv/bin/python tests/holdout/make_pdfs.py          # writes tests/holdout/pdf/<stem>.pdf and .scan.pdf
    .venv/bin/python tests/holdout/make_pdfs.py --root tests/holdout_blind   # another set, same layout
"""
from __future__ import annotations

import sys
from pathlib import Path

HOLDOUT = Path(__file__).resolve().parent
REPO_ROOT = HOLDOUT.parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from scripts.make_samples import Block, SourceDoc, build_pdf, build_scan, parse_line

SEED_BASE = 1000  # scan noise seeds differ from sample_docs' seeds


def source_from_text(path: Path) -> SourceDoc:
    """A plain-text document as renderer blocks: the first line is the title, numbered or lettered lines
    become list items, every other line a paragraph. English texts get the sans-serif 'letter' style."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    english = any(word in lines[0].upper() for word in ("MEMORANDUM", "AGREEMENT"))
    doc = SourceDoc(path.stem, {"style": "letter" if english else "legal", "header": "",
                                "title": lines[0].strip(),
                                "footer": "Page {page} of {pages}" if english else "Halaman {page} dari {pages}"})
    doc.blocks.append(Block("title", lines[0].strip()))
    for raw in lines[1:]:
        doc.blocks.append(parse_line(raw.replace(" || ", " | ")))
    return doc


def generate(docs_dir: Path = HOLDOUT / "docs", out_dir: Path = HOLDOUT / "pdf", *, scans: bool = True) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for offset, path in enumerate(sorted(docs_dir.glob("*.txt"))):
        pdf = build_pdf(source_from_text(path))
        outputs = {out_dir / f"{path.stem}.pdf": pdf}
        if scans:
            outputs[out_dir / f"{path.stem}.scan.pdf"] = build_scan(pdf, SEED_BASE + offset)
        for target, data in outputs.items():
            target.write_bytes(data)
            written.append(target)
    return written


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Render <root>/docs/*.txt to <root>/pdf/<stem>.pdf and .scan.pdf")
    parser.add_argument("--root", type=Path, default=HOLDOUT, help="evaluation set folder (default: tests/holdout)")
    root = parser.parse_args().root.resolve()
    for written in generate(root / "docs", root / "pdf"):
        print(f"{written}  {written.stat().st_size // 1024} KB")
