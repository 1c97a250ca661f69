"""spaCy component "janji_dates": every date of the document with a role, and the term.

Sets `doc._.janji_dates: list[DateMention]` (the primary signing date first among the signing
ones, which is the one callers and the scorer read) and `doc._.janji_term: Term | None`.
Parsing lives in `extractor.dates` (pure); this module only decides roles from the words around
each date, using the cue lists of `patterns/date_roles.json`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractor import dates as D
from extractor.types import DateMention, Evidence, Term

PATTERNS = Path(__file__).with_name("patterns")


@lru_cache(maxsize=1)
def role_cues() -> dict[str, re.Pattern]:
    raw = json.loads((PATTERNS / "date_roles.json").read_text(encoding="utf-8"))
    return {k: re.compile("|".join(v), re.IGNORECASE) for k, v in raw.items() if not k.startswith("_")}


@dataclass
class _Scored:
    hit: D.DateHit
    role: str
    signing_score: int
    confidence: float


_SENT_BREAK = re.compile(r"(?<![A-Z][a-z])(?<![A-Z])[.!?](?=\s+[\"“A-Z(])|\n\s*\n|\n(?=\s*(?:\(?\d{1,2}[.)]|[a-z][.)]|•|-)\s)")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or paragraph line) around [start, end)."""
    s = 0
    for m in _SENT_BREAK.finditer(text, max(0, start - 600), start):
        s = m.end()
    m = _SENT_BREAK.search(text, end)
    e = m.start() + (1 if m and text[m.start()] in ".!?" else 0) if m else len(text)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    # agreements and headers are line-structured: never reach across a line that ends a clause
    if line_start > s and text[line_start - 2:line_start - 1] in (".", ";", ":", ""):
        s = line_start
    if line_end != -1 and line_end < e and text[line_end - 1:line_end] in (".", ";", ":"):
        e = line_end
    return s, e


_TIME_STAMP = re.compile(r"\s*[,|–-]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}\b")
_ENUM_LINE = re.compile(r"\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\d+\.\d+)\s")


def _is_time_stamp(text: str, h: D.DateHit) -> bool:
    """"14 Januari 2021, 17:32 WIB" on a line of its own start: a publication stamp (an event
    "pada 5 Mei 2024 pukul 10.00" inside a sentence is not)."""
    line_start = text.rfind("\n", 0, h.start) + 1
    return not text[line_start:h.start].strip() and bool(_TIME_STAMP.match(text, h.end))


def _is_dateline(text: str, h: D.DateHit) -> bool:
    """"SUKAMAJU, 5 Mei 2024 – ..." opening a release: the publication date, not an event; the place
    may carry its country or province ("NORTHPORT, Philippines, 17 June 2026 – ...")."""
    line_start = text.rfind("\n", 0, h.start) + 1
    head = text[line_start:h.start]
    return bool(re.fullmatch(r"[^\W\d][^\n,.]{0,40},(?:\s*[^\W\d][^\n,.]{0,30},)?\s*", head)) \
        and bool(re.match(r"\s*[–—-]\s", text[h.end:]))


def _is_place_date_line(text: str, h: D.DateHit) -> bool:
    line_start = text.rfind("\n", 0, h.start) + 1
    line_end = text.find("\n", h.end)
    tail = text[h.end: line_end if line_end >= 0 else len(text)]
    return (bool(re.fullmatch(r"\s*(?:[^\W\d][^\n,.]{0,40},\s*)?(?:tanggal\s*:?\s*)?", text[line_start:h.start], re.IGNORECASE))
            and not tail.strip(" .,"))


_SIGNATURE_FIELD = re.compile(r"^\s*(?:name|nama|title|jabatan|position|signature|signed|tanda\s*tangan|ttd|by)\b\s*[:.]",
                              re.IGNORECASE | re.MULTILINE)


def _is_signature_date_field(text: str, h: D.DateHit) -> bool:
    """"Date: 9 May 2025" alone on its line a few lines below "Name:" / "Title:" / "Signature:" fields:
    the day that signatory signed. When the parties signed on different days, every such date is a
    candidate of the same strength and the earliest wins (the agreement was signed from that day; the
    last signature is when it is complete, which its effective-date clause names when it matters)."""
    line_start = text.rfind("\n", 0, h.start) + 1
    line_end = text.find("\n", h.end)
    tail = text[h.end: line_end if line_end >= 0 else len(text)]
    if tail.strip(" .,") or not re.fullmatch(r"\s*(?:date|tanggal|tgl\.?)\s*[:.]?\s*", text[line_start:h.start],
                                              re.IGNORECASE):
        return False
    above = text[max(0, line_start - 400):line_start].splitlines()[-4:]
    return bool(_SIGNATURE_FIELD.search("\n".join(above)))


_PUBLICATION_LABEL = re.compile(r"[ \t]*(?:diunggah|diterbitkan|dipublikasikan|dipublikasi|diposting|dirilis|diperbarui|"
                                r"terbit|tanggal\s+terbit|published|posted|uploaded|updated|released)"
                                r"(?:[ \t]+(?:pada|on|at|tanggal))?[ \t]*:?[ \t]*(?:[^\W\d][^\n,.:|]{0,20},[ \t]*)?",
                                re.IGNORECASE)


def _is_publication_label(text: str, h: D.DateHit) -> bool:
    """"Diunggah: 20 Mei 2026 | Kategori: ...", "Published on 3 May 2025": the date the page was put
    online. A text layer without blank lines runs that line into the first sentence about the signing,
    whose own date ("..., Selasa (19/5/2026).") must win."""
    line_start = text.rfind("\n", 0, h.start) + 1
    return bool(_PUBLICATION_LABEL.fullmatch(text, line_start, h.start))


# a byline before the date: "Humas Dinas X | Selasa, 14 April 2026", "Admin – 3 May 2025", also after the
# place: "KOTA X – Humas Dinas X | Selasa, 14 April 2026"
_BYLINE = re.compile(r"(?:[^\W\d][^\n|–—]{0,80}\s[|–—]\s*){1,2}")


# credits after the date on its line: "Kota X, 4 Juni 2026 | Penulis: Tim Humas | Foto: Nama"
_CREDITS = re.compile(r"^(?:[ \t]*[|•·][ \t]*[^\W\d][^\n|:]{0,30}:[^\n|]{1,60})+[ \t]*$")


def _is_bare_date_line(text: str, h: D.DateHit) -> bool:
    """"Sabtu, 8 Maret 2025" / "Kota X, 8 Maret 2025" / "Humas X | Sabtu, 8 Maret 2025" alone on its
    line, no closing period (the end of a wrapped sentence, "..., Rabu (9/4).", is not)."""
    line_start = text.rfind("\n", 0, h.start) + 1
    line_end = text.find("\n", h.end)
    tail = text[h.end: line_end if line_end >= 0 else len(text)]
    head = text[line_start:h.start]
    byline = _BYLINE.match(head)
    head = head[byline.end():] if byline else head
    tail = _CREDITS.sub("", tail, count=1)
    return (not tail.strip() and not head[:1].islower()
            and bool(re.fullmatch(r"\s*(?:[^\W\d][^\n,.]{0,40},\s*)?", head)))


def clause_start(text: str, pos: int) -> int:
    """Start of the clause holding `pos`: walk up wrapped lines until a line that follows a
    blank line or a line ending in . ; : or that opens with an enumerator (at most 8 lines)."""
    start = text.rfind("\n", 0, pos) + 1
    for _ in range(8):
        if start == 0 or _ENUM_LINE.match(text, start):
            return start
        prev_end = start - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        prev = text[prev_start:prev_end].rstrip()
        if not prev or prev[-1] in ".;:!?":
            return start
        start = prev_start
    return start


def _paragraph(text: str, pos: int) -> str:
    s = text.rfind("\n\n", 0, pos)
    e = text.find("\n\n", pos)
    return text[s + 1 if s >= 0 else 0: e if e >= 0 else len(text)]


def publication_date(text: str, hits: list[D.DateHit]) -> date | None:
    """The dateline: a complete date in the first lines, or one stamped with a time ("08:20 WIB")."""
    for h in hits:
        if h.date is None or h.form in ("yearless", "range_start"):
            continue
        after = text[h.end:h.end + 20]
        if h.start < 600 or re.match(r"\s*[,|]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}", after):
            return h.date
    return None


# an agreement's clause opening with the day it is made: "Pada hari Selasa, 21 April 2026, di ..."
# (the date read with its weekday leaves "Pada hari " before it)
_DAY_OPENING = re.compile(r"(?:^|\n)[ \t]*pada\s+hari\s+(?:ini\s*,?\s*)?(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|"
                          r"minggu)\s*,?\s*)?(?:tanggal\s*)?$", re.IGNORECASE)


def assign_roles(text: str, hits: list[D.DateHit], *, kind: str | None,
                 signed_days: frozenset[date] = frozenset()) -> list[_Scored]:
    """`signed_days`: days a sentence about the signing names only by its weekday ("meneken ... Kamis
    siang") whose date the dateline writes out: there the dateline dates the signing too."""
    cues = role_cues()
    out: list[_Scored] = []
    for h in hits:
        s, e = sentence_bounds(text, h.start, h.end)
        before = text[max(s, h.start - 90):h.start]
        near_before = text[max(s, h.start - 40):h.start]
        sentence = text[s:e]
        clause_head = text[clause_start(text, h.start):h.start][:60]
        role = "mentioned"
        score = 0
        if cues["recital"].match(clause_head.strip()) or cues["past"].search(text[h.end:min(e, h.end + 25)]):
            out.append(_Scored(h, "mentioned", 0, h.confidence))
            continue
        if cues["deadline"].search(near_before):
            role = "deadline"
        elif h.range_end or cues["expiry"].search(near_before):
            role = "expiry"
        elif cues["effective"].search(before):
            role = "effective"
        else:
            if h.form == "notarial" and re.search(r"hari\s+ini|this\b", h.text, re.IGNORECASE):
                score = 5
            elif h.form == "notarial" or cues["signing_near"].search(before):
                score = 4
            elif kind == "agreement" and (_is_place_date_line(text, h) or _is_signature_date_field(text, h)
                                          or _DAY_OPENING.search(before)):
                score = 3      # "Jakarta, 5 Mei 2024" above the signatures, "Date: 9 May 2025" in one,
                # "Pada hari Selasa, 21 April 2026, di Aula X, para pihak ... bersepakat": the day it is made
            elif cues["signing_verb"].search(sentence):
                score = 3
            elif cues["agreement_noun"].search(sentence) or cues["agreement_noun"].search(_paragraph(text, h.start)):
                score = 2
            elif h.start < 300:
                score = 1      # a dateline: publication date of a release
            elif kind in ("news_release", None) and h.date is not None:
                score = 1      # a release about a signing with one bare date: weak, but a reading
            # a date line of its own at the top of a release ("Sabtu, 8 Maret 2025") is its
            # publication date, whatever sentence the layout runs it into
            top_date_line = kind != "agreement" and h.start < 600 and _is_bare_date_line(text, h)
            if h.date is None or _is_time_stamp(text, h) or _is_dateline(text, h) or top_date_line \
                    or _is_publication_label(text, h):
                score = min(score, 1)   # no value, or a publication stamp ("14 Januari 2021, 17:32 WIB")
            if h.date in signed_days and _is_dateline(text, h):
                score = 3
        out.append(_Scored(h, role, score, h.confidence))
    # the primary signing date: best score, then earliest
    candidates = [x for x in out if x.role == "mentioned" and x.signing_score > 0 and x.hit.date is not None]
    if candidates:
        best = max(candidates, key=lambda x: (x.signing_score, -x.hit.start))
        # an activity report dates the activity, not the signing: it needs a signing verb; a bare
        # dateline counts only in a text that speaks of signing at all
        if kind == "activity_report":
            threshold = 3
        elif kind == "agreement" or not cues["signing_verb"].search(text):
            threshold = 2
        else:
            threshold = 1
        if best.signing_score >= threshold:
            best.role = "signing"
            best.confidence = round(best.hit.confidence * (0.6 + 0.08 * best.signing_score), 3)
            for x in candidates:
                if x is not best and x.hit.date == best.hit.date and x.signing_score >= 2:
                    x.role = "signing"
    return out


_WEEKDAY_WORDS = "|".join(sorted(D.WEEKDAYS, key=len, reverse=True))
# "yesterday signed", "signed on Tuesday", "diteken Senin lalu", "pada hari Kamis": a day named relative
# to the release's dateline
_RELATIVE_DAY = re.compile(
    rf"\b(?:(?P<yest>yesterday|kemarin)\b|(?:(?:on|pada)\s+(?:hari\s+)?|hari\s+)?(?P<wd>{_WEEKDAY_WORDS})\b"
    rf"(?:\s+(?:lalu|kemarin|last|this\s+week))?)", re.IGNORECASE)
_DATE_FOLLOWS = re.compile(r"\s*[,(]?\s*(?:tanggal\s+)?\d")


def relative_days(text: str, hits: list[D.DateHit], ref: date) -> list[D.DateHit]:
    """Days named only relative to the dateline in a sentence about the signing ("... yesterday signed
    an agreement", "was signed on Tuesday", "diteken Senin lalu"): yesterday is the day before the
    dateline, a weekday the last such day on or before it. A weekday written with its date is that
    date's hit already."""
    from datetime import timedelta
    out: list[D.DateHit] = []
    cues = role_cues()
    for m in _RELATIVE_DAY.finditer(text):
        if any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in hits) \
                or _DATE_FOLLOWS.match(text, m.end()):
            continue
        s, e = sentence_bounds(text, m.start(), m.end())
        if not cues["signing_verb"].search(text[s:e]):
            continue
        if m.group("yest"):
            day = ref - timedelta(days=1)
        else:
            day = ref - timedelta(days=(ref.weekday() - D.WEEKDAYS[m.group("wd").lower()]) % 7)
        if any(h.date == day for h in hits):
            continue   # the day is written out elsewhere ("Senin (29/7/2024)" ... "Senin siang"): that hit says it
        out.append(D.DateHit(m.start(), m.end(), m.group(), day, "relative_day", 0.6))
    return out


def signed_weekdays(text: str, hits: list[D.DateHit], ref: date) -> frozenset[date]:
    """The days a sentence about the signing names by a weekday alone that is the dateline's own day or
    an earlier one ("TANAH X, Kamis (11/6/2026) - ... meneken perjanjian ..., Kamis siang")."""
    from datetime import timedelta
    cues = role_cues()
    days = set()
    for m in _RELATIVE_DAY.finditer(text):
        if m.group("yest") or any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in hits) \
                or _DATE_FOLLOWS.match(text, m.end()):
            continue
        s, e = sentence_bounds(text, m.start(), m.end())
        if cues["signing_verb"].search(text[s:e]):
            days.add(ref - timedelta(days=(ref.weekday() - D.WEEKDAYS[m.group("wd").lower()]) % 7))
    return frozenset(days)


def _evidence(text: str, start: int, end: int) -> tuple[Evidence, ...]:
    return (Evidence(page=0, start=start, end=end, text=text[start:end], bbox=None),)


def date_mentions(text: str, *, lang: str, kind: str | None) -> tuple[list[DateMention], Term | None]:
    """Pure entry point used by the component (and by tests without spaCy)."""
    hits = D.find_dates(text, lang=lang)
    ref = publication_date(text, hits)
    signed_days: frozenset[date] = frozenset()
    if ref is not None:
        hits = D.with_reference(hits, ref)
        if kind != "agreement":
            signed_days = signed_weekdays(text, hits, ref)
            hits = sorted(hits + relative_days(text, hits, ref), key=lambda h: h.start)
    scored = assign_roles(text, hits, kind=kind, signed_days=signed_days)
    mentions: list[tuple[int, DateMention]] = []
    for x in scored:
        iso = x.hit.date.isoformat() if x.hit.date else None
        mentions.append((x.hit.start, DateMention(date=iso, role=x.role, text=x.hit.text,
                                                  evidence=_evidence(text, x.hit.start, x.hit.end),
                                                  confidence=round(x.confidence, 3))))
    signing = next((x.hit.date for x in scored if x.role == "signing"), None)
    effective = next((x.hit.date for x in scored if x.role == "effective"), None)
    terms = D.find_terms(text)
    term = None
    if terms:
        t = terms[0]
        term = Term(years=t.years, months=t.months, days=t.days, text=t.text)
        has_expiry = any(x.role == "expiry" and x.hit.date for x in scored)
        base = effective or signing
        if base is not None and not has_expiry:
            exp = D.add_duration(base, years=t.years, months=t.months, days=t.days)
            mentions.append((t.start, DateMention(date=exp.isoformat(), role="expiry", text=t.text,
                                                  evidence=_evidence(text, t.start, t.end),
                                                  confidence=0.6)))
    anchors: dict[str, date] = {}
    if signing:
        anchors["signing"] = signing
    if effective or signing:
        anchors["effective"] = effective or signing
    for exp_m in (m for _, m in mentions if m.role == "expiry" and m.date):
        anchors.setdefault("expiry", date.fromisoformat(exp_m.date))
    for r in D.find_relative(text):
        resolved = D.resolve_relative(r, anchors)
        mentions.append((r.start, DateMention(date=resolved.isoformat() if resolved else None,
                                              role="deadline", text=r.text,
                                              evidence=_evidence(text, r.start, r.end),
                                              confidence=0.6 if resolved else 0.3)))
    mentions.sort(key=lambda p: p[0])
    ordered = [m for _, m in mentions]
    # the primary signing date first among the signing ones (consumers take the first)
    primary = next((m for m in ordered if m.role == "signing" and m.date == (signing.isoformat() if signing else None)), None)
    if primary is not None:
        ordered.remove(primary)
        ordered.insert(0, primary)
    return ordered, term


@Language.factory("janji_dates")
def make_dates_component(nlp: Language, name: str):
    lang = nlp.lang

    def component(doc: Doc) -> Doc:
        mentions, term = date_mentions(doc.text, lang=lang, kind=doc._.janji_kind)
        doc._.janji_dates = mentions
        doc._.janji_term = term
        return doc

    return component
