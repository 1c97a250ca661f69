"""OCR through the `tesseract` CLI: page images -> page text with a box per character.

Tesseract runs as a subprocess per page (TSV output gives word boxes); pages run in parallel
on a small thread pool (the threads only wait on subprocesses), each tesseract limited to one
OpenMP thread so that N pages use N cores without oversubscription. A character's box is its
share of the word box (the word box cut into equal slices), converted from pixels to points.

Deskew: tesseract's own layout analysis copes with the small rotations of office scans; when a
page is rotated more than `_DESKEW_MIN_DEGREES` (estimated by a projection profile), the image is
rotated back before OCR and boxes are mapped back to the original page.
"""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from PIL import Image

from extractor.errors import IngestError
from extractor.types import BBox

_DESKEW_MIN_DEGREES = 0.6
_DESKEW_MAX_DEGREES = 5.0


@dataclass(frozen=True)
class OcrPage:
    text: str
    boxes: list[BBox | None]
    confidence: float  # mean word confidence 0..100, -1 when no words


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def ocr_images(images: Iterable[tuple[Image.Image, float]], *, languages: str, workers: int,
               tesseract: str, timeout: float) -> Iterator[OcrPage]:
    """OCR each (image, points_per_pixel) in order, `workers` pages at a time."""
    workers = max(1, workers or (os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="janji-ocr-") as tmp, \
            ThreadPoolExecutor(max_workers=workers) as pool:
        pending: list[Future[OcrPage]] = []
        for n, (image, scale) in enumerate(images):
            path = os.path.join(tmp, f"p{n}.pgm")
            gray = image.convert("L")
            angle = -estimate_skew(gray)          # the rotation that undoes the skew
            if abs(angle) >= _DESKEW_MIN_DEGREES:
                gray = gray.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=255)
            else:
                angle = 0.0
            gray.save(path)
            size = gray.size
            del gray, image
            pending.append(pool.submit(_ocr_file, path, size, scale, angle, languages, tesseract,
                                       timeout))
            # Keep at most 2 pages per worker waiting, so a long document does not pile up images.
            while len(pending) > 2 * workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _ocr_file(path: str, size: tuple[int, int], scale: float, angle: float, languages: str,
              tesseract: str, timeout: float) -> OcrPage:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run([tesseract, path, "stdout", "-l", languages, "tsv"], env=env,
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise IngestError("timeout", "OCR of a page took longer than allowed") from exc
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["failed"]
        raise IngestError("no_text", f"tesseract: {message[0][:200]}")
    return parse_tsv(proc.stdout.decode("utf-8", "replace"), size=size, scale=scale, angle=angle)


def parse_tsv(tsv: str, *, size: tuple[int, int], scale: float, angle: float = 0.0) -> OcrPage:
    """Tesseract TSV -> text ("\\n" between lines, " " between words) and a box per char."""
    out: list[str] = []
    boxes: list[BBox | None] = []
    confidences: list[float] = []
    last_line = None
    rotate = _box_rotator(size, angle)
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        line_key = (cols[1], cols[2], cols[3], cols[4])
        if out:
            out.append("\n" if line_key != last_line else " ")
            boxes.append(None)
        last_line = line_key
        left, top, width, height = (int(v) for v in cols[6:10])
        confidences.append(float(cols[10]))
        step = width / len(word)
        for k, ch in enumerate(word):
            x0, x1 = left + k * step, left + (k + 1) * step
            b = rotate(x0, top, x1, top + height)
            out.append(ch)
            boxes.append((round(b[0] * scale, 2), round(b[1] * scale, 2),
                          round(b[2] * scale, 2), round(b[3] * scale, 2)))
    confidence = sum(confidences) / len(confidences) if confidences else -1.0
    return OcrPage("".join(out), boxes, confidence)


def _box_rotator(size: tuple[int, int], angle: float):
    """Map a box on the deskewed image back to the original image (axis-aligned hull)."""
    if not angle:
        return lambda x0, y0, x1, y1: (x0, y0, x1, y1)
    cx, cy = size[0] / 2, size[1] / 2
    # PIL turned the image by `angle` degrees counter-clockwise about its centre; turn the
    # corners back (y grows downwards, hence the signs).
    rad = math.radians(angle)
    cos, sin = math.cos(rad), math.sin(rad)

    def back(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - cx, y - cy
        return cx + dx * cos - dy * sin, cy + dx * sin + dy * cos

    def rotate(x0: float, y0: float, x1: float, y1: float) -> BBox:
        pts = [back(x0, y0), back(x1, y0), back(x0, y1), back(x1, y1)]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        return (max(min(xs), 0.0), max(min(ys), 0.0), min(max(xs), size[0]), min(max(ys), size[1]))

    return rotate


def estimate_skew(gray: Image.Image) -> float:
    """How far the text lines are turned (degrees, counter-clockwise positive as in PIL).

    Projection profile on a small binarised copy: the angle whose row sums vary most."""
    small = gray.copy()
    small.thumbnail((800, 800))
    arr = np.asarray(small, dtype=np.uint8)
    ink = arr < 128
    if ink.mean() < 0.005:
        return 0.0
    ys, xs = np.nonzero(ink)
    if len(xs) > 60000:
        pick = np.random.default_rng(0).choice(len(xs), 60000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs - arr.shape[1] / 2

    def score(deg: float) -> float:
        # Row of each ink pixel after rotating the page by `deg`.
        rows = np.round(ys + xs * math.tan(math.radians(deg))).astype(np.int64)
        rows -= rows.min()
        hist = np.bincount(rows)
        return float((hist.astype(np.float64) ** 2).sum())

    coarse = np.arange(-_DESKEW_MAX_DEGREES, _DESKEW_MAX_DEGREES + 0.01, 0.5)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    best = max(fine, key=score)
    return float(round(best, 2))
