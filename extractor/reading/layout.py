"""Page text from pdfplumber chars: reading order, line-end hyphenation, page furniture.

Reading order. Chars are grouped into rows (same baseline band). A vertical gutter is looked
for in the middle half of the text area: an x range that almost no row covers while both sides
carry text. Without one the page is read as pdfplumber's `extract_text` reads it. With one, the
rows are cut into bands at every row that crosses the gutter (titles, full-width paragraphs);
inside a band the left column is read before the right one.

Hyphenation. No source character is ever deleted (offsets must map back to glyphs). When a
line ends in a hyphen after a letter and the next line of the same block starts with a letter,
the line break (layout whitespace that we insert, not a glyph) is left out:
- "masing-" + "masing" (the same word repeated: Indonesian reduplication) -> "masing-masing";
- "pelak-" + "sanaan" (next line starts lower-case) -> the hyphen becomes U+00AD SOFT HYPHEN,
  giving "pelak\u00adsanaan" (one word; same length; the soft hyphen keeps the hyphen's box).
  Consumers that match words should ignore U+00AD.
Otherwise the line break stays.

Furniture. Lines in the top or bottom 12 % of a page that repeat (digits ignored) on at least
half of the pages, and lone page numbers ("3", "- 3 -", "Halaman 3 dari 5", "Page 3 of 5"), are
reported as furniture spans. They stay in the text, always on lines of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from pdfplumber.utils.text import chars_to_textmap

from extractor.types import BBox

Char = dict  # a pdfplumber char object

SOFT_HYPHEN = "\u00ad"
_HYPHENS = frozenset("-\u00ad\u2010\u2011")
_ROW_TOLERANCE = 3.0
_MIN_GUTTER = 6.0
_FURNITURE_ZONE = 0.12
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:page|halaman|hal\.?)\s*)?#(?:\s*(?:of|dari|/)\s*#)?[-–—\s]*$")


@dataclass
class Line:
    start: int       # offsets into the page text, end exclusive
    end: int
    top: float
    bottom: float


@dataclass
class PageText:
    text: str
    boxes: list[BBox | None]
    lines: list[Line] = field(default_factory=list)


def page_text(page) -> PageText:
    """Text of one pdfplumber page in reading order, with a box per character."""
    chars = page.chars
    if not chars:
        return PageText("", [])
    segments = column_segments(chars)
    if segments is None:
        return _from_tuples([page.get_textmap().tuples])
    return _from_tuples([chars_to_textmap(seg).tuples for seg in segments if seg])


def _from_tuples(blocks: list[list[tuple[str, Char | None]]]) -> PageText:
    out: list[str] = []
    boxes: list[BBox | None] = []
    lines: list[Line] = []
    line_start = 0
    line_top = line_bottom = None
    for block_no, tuples in enumerate(blocks):
        if block_no and out:
            lines.append(Line(line_start, len(out), line_top or 0.0, line_bottom or 0.0))
            out.append("\n")
            boxes.append(None)
            line_start, line_top = len(out), None
        count = len(tuples)
        for i, (ch, obj) in enumerate(tuples):
            if obj is None:
                if ch == "\n":
                    if _joins_hyphenated(out, tuples, i, count):
                        continue
                    lines.append(Line(line_start, len(out), line_top or 0.0, line_bottom or 0.0))
                    line_start, line_top = len(out) + 1, None
                out.append(ch)
                boxes.append(None)
                continue
            box = (obj["x0"], obj["top"], obj["x1"], obj["bottom"])
            if line_top is None:
                line_top, line_bottom = box[1], box[3]
            if len(ch) == 1:
                out.append(ch)
                boxes.append(box)
            else:  # e.g. "(cid:12)": one glyph, several characters, one box each
                out.extend(ch)
                boxes.extend([box] * len(ch))
    if out:
        lines.append(Line(line_start, len(out), line_top or 0.0, line_bottom or 0.0))
    return PageText("".join(out), boxes, lines)


def _joins_hyphenated(out: list[str], tuples: list, i: int, count: int) -> bool:
    """At a line break: drop it (and maybe turn the hyphen soft) if it splits a word."""
    if len(out) < 2 or out[-1] not in _HYPHENS or not out[-2].isalpha() or i + 1 >= count:
        return False
    nxt = tuples[i + 1][0]
    if not nxt[:1].isalpha():
        return False
    before = _word_before(out)
    after = _word_after(tuples, i + 1, count)
    if before and before.lower() == after.lower():
        return True                      # reduplication: keep the hyphen
    if nxt[:1].islower():
        out[-1] = SOFT_HYPHEN            # a word split across lines
        return True
    return False


def _word_before(out: list[str]) -> str:
    j = len(out) - 2
    while j >= 0 and out[j].isalpha():
        j -= 1
    return "".join(out[j + 1:-1])


def _word_after(tuples: list, start: int, count: int) -> str:
    letters = []
    for j in range(start, min(count, start + 40)):
        ch = tuples[j][0]
        if not ch.isalpha():
            break
        letters.append(ch)
    return "".join(letters)


# --- columns -----------------------------------------------------------------------------

def _rows(chars: list[Char]) -> list[list[Char]]:
    rows: list[list[Char]] = []
    current: list[Char] = []
    top = None
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if top is None or c["top"] - top > _ROW_TOLERANCE:
            if current:
                rows.append(current)
            current, top = [], c["top"]
        current.append(c)
    if current:
        rows.append(current)
    return rows


def column_segments(chars: list[Char]) -> list[list[Char]] | None:
    """Chars cut into segments in reading order, or None when the page has one column."""
    if len(chars) < 200 or not _may_have_gutter(chars):
        return None
    visible = [c for c in chars if c["text"].strip() and c.get("upright", True)]
    if len(visible) < 200:
        return None
    x_lo = min(c["x0"] for c in visible)
    x_hi = max(c["x1"] for c in visible)
    span = x_hi - x_lo
    if span < 100:
        return None
    rows = _rows(visible)
    if len(rows) < 6:
        return None
    gutter = _find_gutter(rows, x_lo, span)
    if gutter is None:
        return None
    g_lo, g_hi = gutter
    # Rows again with every char (spaces too: textmap needs them to separate words); a row
    # crosses the gutter when its text runs (word gaps bridged) span most of the gutter.
    segments: list[list[Char]] = []
    left: list[Char] = []
    right: list[Char] = []
    middle = (g_lo + g_hi) / 2
    quarter = (g_hi - g_lo) / 4
    for row in _rows([c for c in chars if c.get("upright", True)]):
        extents = _row_extents([c for c in row if c["text"].strip()], _MIN_GUTTER)
        if any(a <= g_lo + quarter and b >= g_hi - quarter for a, b in extents):
            segments.extend((left, right, row))
            left, right = [], []
            continue
        for c in row:
            (left if (c["x0"] + c["x1"]) / 2 < middle else right).append(c)
    segments.extend((left, right))
    return [s for s in segments if s]


def _may_have_gutter(chars: list[Char]) -> bool:
    """Cheap first test (vectorised, no rows): does the middle of the text area have an x band
    that few glyphs cover? Most single-column pages stop here."""
    n = len(chars)
    x0 = np.fromiter((c["x0"] for c in chars), dtype=np.float64, count=n)
    x1 = np.fromiter((c["x1"] for c in chars), dtype=np.float64, count=n)
    lo = x0.min()
    span = x1.max() - lo
    if span < 100:
        return False
    width = int(span) + 2
    starts = np.bincount((x0 - lo).astype(np.int64), minlength=width)[:width]
    ends = np.bincount(np.minimum((x1 - lo).astype(np.int64) + 1, width - 1), minlength=width)[:width]
    coverage = np.cumsum(starts - ends)
    band = coverage[int(span * 0.25):int(span * 0.75) + 1]
    covered = coverage[coverage > 0]
    return bool(len(band) and len(covered) and band.min() <= 0.15 * np.median(covered))


def _row_extents(row: list[Char], bridge: float) -> list[tuple[float, float]]:
    extents: list[list[float]] = []
    for c in sorted(row, key=lambda c: c["x0"]):
        if extents and c["x0"] - extents[-1][1] < bridge:
            extents[-1][1] = max(extents[-1][1], c["x1"])
        else:
            extents.append([c["x0"], c["x1"]])
    return [(a, b) for a, b in extents]


def _find_gutter(rows: list[list[Char]], x_lo: float, span: float) -> tuple[float, float] | None:
    width = int(span) + 2
    coverage = np.zeros(width, dtype=np.int32)
    for row in rows:
        covered = bytearray(width)
        # Word spaces are bridged (gaps under _MIN_GUTTER), so a row covers its whole extent
        # except real gaps between columns.
        for a, b in _row_extents(row, _MIN_GUTTER):
            a, b = max(int(a - x_lo), 0), min(int(b - x_lo) + 1, width)
            covered[a:b] = b"\x01" * (b - a)
        coverage += np.frombuffer(bytes(covered), dtype=np.uint8)
    lo_bound, hi_bound = int(span * 0.25), int(span * 0.75)
    # Full-width rows (titles) cross the gutter too: allow a few, but take the emptiest band.
    lowest = int(coverage[lo_bound:hi_bound + 1].min())
    if lowest > len(rows) * 0.15:
        return None
    allowed = lowest + 1 + int(len(rows) * 0.02)
    best = None
    run_start = None
    for x in range(lo_bound, hi_bound + 1):
        if coverage[x] <= allowed:
            if run_start is None:
                run_start = x
            if best is None or x - run_start > best[1] - best[0]:
                best = (run_start, x)
        else:
            run_start = None
    if best is None or best[1] - best[0] + 1 < _MIN_GUTTER:
        return None
    g_lo, g_hi = best[0] + x_lo, best[1] + 1 + x_lo
    left_rows = sum(1 for row in rows if any(c["x1"] <= g_lo for c in row))
    right_rows = sum(1 for row in rows if any(c["x0"] >= g_hi for c in row))
    if left_rows < 0.3 * len(rows) or right_rows < 0.3 * len(rows):
        return None
    return g_lo, g_hi


# --- furniture ---------------------------------------------------------------------------

def furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


@dataclass(frozen=True)
class Candidate:
    line: Line
    exact: str           # the line's text, whitespace and case normalised
    pattern: str         # the same with every number replaced by "#"
    numbered: bool       # the line shows its own page number


def furniture_candidates(page: PageText, height: float, number: int) -> list[Candidate]:
    """Lines near the top or bottom edge (among the first/last three lines only)."""
    if not page.lines or height <= 0:
        return []
    chosen = page.lines[:3] + page.lines[-3:] if len(page.lines) > 6 else page.lines
    out = []
    seen = set()
    for line in chosen:
        if id(line) in seen:
            continue
        seen.add(id(line))
        near_top = line.bottom <= height * _FURNITURE_ZONE
        near_bottom = line.top >= height * (1 - _FURNITURE_ZONE)
        text = page.text[line.start:line.end]
        exact = " ".join(text.lower().split())
        if (near_top or near_bottom) and exact:
            numbered = str(number) in re.findall(r"\d+", text)
            out.append(Candidate(line, exact, furniture_key(text), numbered))
    return out


_PAGE_OF = re.compile(r"^[-–—\s]*(?:page|halaman|hal\.?)\s*#\s*(?:of|dari|/)\s*#[-–—\s.]*$")


def text_page_furniture(text: str, number: int) -> list[tuple[int, int]]:
    """Page-number lines of a page without line positions (OCR): among its first and last three
    lines, "Halaman 2 dari 3" / "Page 2 of 3" (any numbers: OCR misreads digits) and a lone
    number equal to the page's own. Spans are relative to `text`."""
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = []
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    chosen = lines[:3] + lines[-3:] if len(lines) > 6 else lines
    for start, end in dict.fromkeys(chosen):
        key = furniture_key(text[start:end])
        if not key.strip():
            continue
        own_number = str(number) in re.findall(r"\d+", text[start:end])
        if _PAGE_OF.match(key) or (own_number and _PAGE_NUMBER.match(key)):
            spans.append((start, end))
    return spans


def find_furniture(candidates: list[list[Candidate]]) -> list[set[int]]:
    """Per page, the indexes (into that page's candidates) of lines that are furniture: the same
    line on at least half of the pages, a line that differs only by its own page number
    ("Halaman 2 dari 3"), or a lone page number."""
    exact_pages: dict[str, int] = {}
    numbered_pages: dict[str, int] = {}
    for page in candidates:
        for key in {c.exact for c in page}:
            exact_pages[key] = exact_pages.get(key, 0) + 1
        for key in {c.pattern for c in page if c.numbered}:
            numbered_pages[key] = numbered_pages.get(key, 0) + 1
    need = max(2, (len(candidates) + 1) // 2)
    result = []
    for page in candidates:
        marked = set()
        for i, c in enumerate(page):
            if (exact_pages[c.exact] >= need
                    or (c.numbered and (numbered_pages[c.pattern] >= need or _PAGE_NUMBER.match(c.pattern)))):
                marked.add(i)
        result.append(marked)
    return result
