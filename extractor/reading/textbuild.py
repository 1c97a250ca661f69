"""Assemble one document text page by page, keeping a box per character.

Conventions every reader follows (callers rely on them):
- Pages are joined by PAGE_SEPARATOR ("\\n\\n"); the separator belongs to no page span and has
  no boxes. A page's span is [start, end) in the document text.
- Every normalisation is length-preserving and applied through `clean()`: NUL and other C0/C1
  control characters (except tab and newline) become a space, a lone surrogate becomes U+FFFD
  (so the text can always be encoded as UTF-8). BOM, soft hyphens and ligatures are kept as
  they are (ligature characters may be expanded by the PDF reader, and then every expanded
  letter carries the box of the ligature glyph).
"""
from __future__ import annotations

import math
import re
from array import array

from extractor.types import BBox, DocumentText, PageSpan, Warning

PAGE_SEPARATOR = "\n\n"

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]|[\ud800-\udfff]")


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else " "


def clean(text: str) -> str:
    """Length-preserving normalisation (see module docstring)."""
    return _UNSAFE.sub(_replacement, text)


class TextBuilder:
    """Collects pages of (text, boxes); `build()` returns the DocumentText."""

    def __init__(self, *, with_boxes: bool = True) -> None:
        self._parts: list[str] = []
        self._boxes: list[BBox | None] = []
        self._with_boxes = with_boxes
        self._length = 0
        self._pages: list[PageSpan] = []
        self.furniture: list[tuple[int, int]] = []
        self.warnings: list[Warning] = []
        self.page_errors: list[Warning] = []

    @property
    def length(self) -> int:
        return self._length

    def add_page(self, number: int, text: str, boxes: list[BBox | None] | None = None, *,
                 width: float = 0.0, height: float = 0.0, source: str = "text",
                 furniture: list[tuple[int, int]] = ()) -> PageSpan:
        """Append one page; `furniture` spans are relative to the page text."""
        text = clean(text)
        if self._pages:
            self._append(PAGE_SEPARATOR, None)
        start = self._length
        if self._with_boxes:
            if boxes is None:
                boxes = [None] * len(text)
            if len(boxes) != len(text):
                raise ValueError(f"page {number}: {len(text)} characters but {len(boxes)} boxes")
        self._append(text, boxes)
        span = PageSpan(page=number, start=start, end=self._length, width=width, height=height,
                        source=source)
        self._pages.append(span)
        self.furniture.extend((start + a, start + b) for a, b in furniture)
        return span

    def _append(self, text: str, boxes: list[BBox | None] | None) -> None:
        self._parts.append(text)
        if self._with_boxes:
            self._boxes.extend(boxes if boxes is not None else [None] * len(text))
        self._length += len(text)

    def build(self, *, media_type: str, max_chars: int | None = None) -> DocumentText:
        text = "".join(self._parts)
        boxes = self._boxes
        pages = self._pages
        furniture = self.furniture
        warnings = list(self.warnings)
        if max_chars is not None and len(text) > max_chars:
            # Truncate (documented choice): the reviewer still gets the first max_chars
            # characters, every offset stays valid, and the warning says what was cut.
            warnings.append(Warning("truncated", f"the text was cut at {max_chars:,} of "
                                    f"{len(text):,} characters"))
            text = text[:max_chars]
            boxes = boxes[:max_chars]
            pages = [PageSpan(p.page, p.start, min(p.end, max_chars), p.width, p.height, p.source)
                     for p in pages if p.start < max_chars or p.start == 0]
            furniture = [(a, min(b, max_chars)) for a, b in furniture if a < max_chars]
        return DocumentText(text=text, pages=tuple(pages),
                            char_boxes=tuple(boxes) if self._with_boxes else (),
                            furniture=tuple(furniture), warnings=tuple(warnings),
                            page_errors=tuple(self.page_errors), media_type=media_type)


def pack(doc: DocumentText) -> tuple:
    """A compact picklable form of `doc` for the trip out of the sandbox: the boxes as one flat
    float array (NaN for None) instead of thousands of small tuples, which pickle slowly."""
    flat = array("d")
    nan4 = (math.nan,) * 4
    for box in doc.char_boxes:
        flat.extend(box if box is not None else nan4)
    return (doc.text, doc.pages, flat.tobytes(), bool(doc.char_boxes), doc.furniture, doc.warnings,
            doc.page_errors, doc.media_type)


def unpack(packed: tuple) -> DocumentText:
    text, pages, flat_bytes, has_boxes, furniture, warnings, page_errors, media_type = packed
    boxes: tuple = ()
    if has_boxes:
        flat = array("d")
        flat.frombytes(flat_bytes)
        values = iter(flat.tolist())
        boxes = tuple(None if b[0] != b[0] else b for b in zip(values, values, values, values))
    return DocumentText(text=text, pages=pages, char_boxes=boxes, furniture=furniture,
                        warnings=warnings, page_errors=page_errors, media_type=media_type)
