"""Frozen records that flow one way: DocumentText -> Extraction (and ActivityStatement for reports).

Offsets are always into `DocumentText.text`; `text[e.start:e.end] == e.text` holds for every
Evidence. `to_dict()` gives the JSON schema (version 1) of DESIGN.md.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import cached_property

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (72 per inch), page origin top-left


@dataclass(frozen=True)
class PageSpan:
    page: int            # 1-based
    start: int           # offsets into DocumentText.text, end exclusive
    end: int
    width: float = 0.0   # page size in points, for drawing boxes
    height: float = 0.0
    source: str = "text"  # text | ocr | docx | html | plain


@dataclass(frozen=True)
class Warning:
    code: str
    message: str
    page: int | None = None


@dataclass(frozen=True)
class Evidence:
    page: int
    start: int
    end: int
    text: str
    bbox: BBox | None = None

    def to_dict(self) -> dict:
        return {"page": self.page, "start": self.start, "end": self.end, "text": self.text,
                "bbox": list(self.bbox) if self.bbox else None}


@dataclass(frozen=True)
class DocumentText:
    """One string for the whole document, its pages, and a box for each character (None for
    layout whitespace and for formats without geometry). `furniture` holds spans of repeated
    headers/footers that readers marked so that extraction can skip them."""

    text: str
    pages: tuple[PageSpan, ...]
    char_boxes: tuple[BBox | None, ...] = ()
    furniture: tuple[tuple[int, int], ...] = ()
    warnings: tuple[Warning, ...] = ()
    page_errors: tuple[Warning, ...] = ()
    media_type: str = "text/plain"

    @cached_property
    def _page_starts(self) -> list[int]:
        return [p.start for p in self.pages]

    def page_at(self, offset: int) -> int:
        i = bisect_right(self._page_starts, offset) - 1
        return self.pages[max(i, 0)].page if self.pages else 1

    def bbox(self, start: int, end: int) -> BBox | None:
        """Union of the character boxes in [start, end) that lie on the page of `start`."""
        if not self.char_boxes:
            return None
        page = self.page_at(start)
        # page_at is constant between two page starts: test each stretch once, not each char
        cuts = [s for s in self._page_starts[1:] if start < s < end]
        boxes = [b for a, z in zip([start, *cuts], [*cuts, end]) if self.page_at(a) == page
                 for b in self.char_boxes[a:z] if b is not None]
        if not boxes:
            return None
        x0s, tops, x1s, bottoms = zip(*boxes)
        return (min(x0s), min(tops), max(x1s), max(bottoms))

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(page=self.page_at(start), start=start, end=end,
                        text=self.text[start:end], bbox=self.bbox(start, end))


@dataclass(frozen=True)
class Party:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None            # e.g. "PIHAK PERTAMA", "first_party"
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class Official:
    name: str
    honorifics: tuple[str, ...] = ()
    position: str | None = None
    organization: str | None = None
    role: str | None = None            # signatory | attendee | speaker | None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class DateMention:
    date: str | None                   # YYYY-MM-DD, or None when ambiguous (raw text kept)
    role: str                          # signing | effective | expiry | deadline | mentioned
    text: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class Term:
    years: int = 0
    months: int = 0
    days: int = 0
    text: str = ""


@dataclass(frozen=True)
class Commitment:
    text: str
    action: str
    parties: tuple[str, ...] = ()
    due: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    needs_review: bool = False


@dataclass(frozen=True)
class ActivityStatement:
    """A sentence or list item of an activity report saying something was done."""
    text: str
    date: str | None = None
    parties: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Extraction:
    source: str
    sha256: str
    kind: str = "other"               # agreement | news_release | activity_report | other
    language: str = "id"
    title: str | None = None
    number: str | None = None
    pages: int = 0
    location: str | None = None
    term: Term | None = None
    parties: tuple[Party, ...] = ()
    officials: tuple[Official, ...] = ()
    dates: tuple[DateMention, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    activities: tuple[ActivityStatement, ...] = ()
    warnings: tuple[Warning, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The extraction JSON of DESIGN.md (schema version 1)."""
        def ev(items):
            return [e.to_dict() for e in items]

        return {
            "schema": 1,
            "source": self.source,
            "sha256": self.sha256,
            "kind": self.kind,
            "language": self.language,
            "title": self.title,
            "number": self.number,
            "pages": self.pages,
            "location": self.location,
            "term": ({"years": self.term.years, "months": self.term.months, "days": self.term.days,
                      "text": self.term.text} if self.term else None),
            "parties": [{"name": p.name, "aliases": list(p.aliases), "role": p.role,
                         "confidence": p.confidence, "evidence": ev(p.evidence)} for p in self.parties],
            "officials": [{"name": o.name, "honorifics": list(o.honorifics), "position": o.position,
                           "organization": o.organization, "role": o.role,
                           "confidence": o.confidence, "evidence": ev(o.evidence)} for o in self.officials],
            "dates": [{"date": d.date, "role": d.role, "text": d.text, "confidence": d.confidence,
                       "evidence": ev(d.evidence)} for d in self.dates],
            "commitments": [{"text": c.text, "action": c.action, "parties": list(c.parties), "due": c.due,
                             "confidence": c.confidence, "needs_review": c.needs_review,
                             "evidence": ev(c.evidence)} for c in self.commitments],
            "activities": [{"text": a.text, "date": a.date, "parties": list(a.parties),
                            "evidence": ev(a.evidence)} for a in self.activities],
            "warnings": [asdict(w) for w in self.warnings],
        }
