"""Activity reports -> activity statements (sentences or list items saying something WAS done).

A statement that only plans, postpones, cancels or has not happened yet ("akan", "direncanakan",
"ditunda", "batal", "belum", "will", "planned", "postponed", "cancelled") is not activity.
Direct speech, headings and key/value lines are not statements either.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.types import ActivityStatement, DateMention, DocumentText, Party

# Single words and word sequences marking "not done (yet)". Matched on lower-cased word tokens.
NOT_DONE_ID = (
    "akan", "bakal", "direncanakan", "rencana", "rencananya", "berencana", "merencanakan",
    "ditunda", "tertunda", "menunda", "diundur", "batal", "dibatalkan", "membatalkan", "belum",
    "dijadwalkan", "hendak", "siap", "perlu", "diharapkan", "sebaiknya", "menunggu", "gagal",
    "tidak jadi", "tidak dapat", "tidak bisa", "tidak terlaksana", "tahun depan", "ke depan",
    "mendatang",
)
NOT_DONE_EN = (
    "will", "shall", "plan", "plans", "planned", "planning", "postponed", "postpone", "delayed",
    "cancelled", "canceled", "cancel", "scheduled", "rescheduled", "intends", "intend", "upcoming",
    "not yet", "yet to", "has not", "have not", "had not", "did not", "was not", "were not",
    "could not", "cannot", "look forward", "looks forward", "next year", "to be held", "expected to",
)
# A cue right after "yang" / "that" qualifies a noun ("perusahaan yang belum mendaftar"), not the
# statement's own verb, so it does not make the statement a plan.
_RELATIVE = {"yang", "that", "which", "who"}

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ITEM = re.compile(r"^\s*(?:[-•*–]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\([0-9a-zA-Z]{1,3}\)|[ivxIVX]{1,4}[.)])\s+", re.MULTILINE)
_KEY_VALUE = re.compile(r"^\s*[\w ./]{1,25}\s:\s")
_QUOTE_START = re.compile(r'^\s*["“”\']')
_SENT_END = re.compile(r"[.!?](?=[\"”’)]?\s+[\"“(]?[A-Z0-9])")
_ABBREV = frozenset("dr drs dra ir prof no nomor yth jl jln st kec kab kel tgl hj h kh sdr bpk ny mr mrs ms "
                    "vs etc inc ltd co corp dept govt pt cv tbk a.n u.p s.d".split())


def _cues(tokens: list[str], cues: Sequence[str]) -> bool:
    words = [t.lower() for t in tokens]
    for cue in cues:
        parts = cue.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i:i + n] != parts or (i > 0 and words[i - 1] in _RELATIVE):
                continue
            # Capitalised inside a sentence it is part of a name ("Rencana Pembangunan Jangka
            # Menengah Desa", a planning document), not the statement's own verb.
            if i > 0 and tokens[i][:1].isupper() and not tokens[i].isupper():
                continue
            return True
    return False


def is_not_done(text: str) -> bool:
    """True when the statement only plans, postpones, cancels or says it has not happened."""
    tokens = _WORD.findall(text)
    return _cues(tokens, NOT_DONE_ID) or _cues(tokens, NOT_DONE_EN)


def _blocks(text: str) -> list[tuple[int, int]]:
    """List items (with their indented continuation lines) and paragraphs, as (start, end)."""
    blocks: list[tuple[int, int]] = []
    start = end = None
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        line_start, line_end = offset, offset + len(body)
        offset += len(line)
        if not body.strip():
            if start is not None:
                blocks.append((start, end))
            start = end = None
            continue
        is_item = bool(_ITEM.match(body))
        heading_like = body.strip().isupper() or len(_WORD.findall(body)) <= 3
        if start is None or is_item or heading_like or _prev_heading(text, start, end):
            if start is not None:
                blocks.append((start, end))
            start = line_start
        end = line_end
    if start is not None:
        blocks.append((start, end))
    return blocks


def _prev_heading(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return "\n" not in chunk and (chunk.strip().isupper() or len(_WORD.findall(chunk)) <= 3
                                  or chunk.rstrip().endswith(":"))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _SENT_END.finditer(text, start, end):
        before = text[cursor:m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if re.fullmatch(r"(?:[a-z]{1,3}\.)*[a-z]{1,2}", last) and last.count(".") >= 1 or last in _ABBREV \
                or re.fullmatch(r"[a-z]", last):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _ITEM.match(text, start, end) if start < end else None
    if m and m.start() == start:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_statement(s: str) -> bool:
    words = _WORD.findall(s)
    alpha = [w for w in words if w.isalpha()]
    if len(alpha) < 4 or s.isupper() or s.rstrip().endswith((":", ",")):
        return False
    if len(alpha) < 7 and not any(w.islower() and len(w) >= 2 for w in alpha):  # names, signatures
        return False
    if _KEY_VALUE.match(s) or _QUOTE_START.match(s):
        return False
    low = s.lower()
    return not (low.startswith(("ttd", "demikian", "tembusan", "signed")))


_MONTHS = {m: i + 1 for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember".split())}
_MONTHS.update({m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())})
_MONTHS.update({"agu": 8, "okt": 10, "des": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
                "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12})
_DATE_WORDS = re.compile(r"\b(\d{1,2})(?:\s*[–-]\s*\d{1,2})?\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def find_dates(text: str) -> list[tuple[int, str]]:
    """(offset, YYYY-MM-DD) of plain day-month-year dates; a fallback when extraction gave none."""
    found = []
    for m in _DATE_WORDS.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        if month and 1 <= int(m.group(1)) <= 31:
            found.append((m.start(), f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"))
    for m in _DATE_NUM.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((m.start(), f"{int(m.group(3)):04d}-{month:02d}-{day:02d}"))
    return sorted(found)


def _date_points(doc: DocumentText, dates: Sequence[DateMention]) -> list[tuple[int, str]]:
    points = [(e.start, d.date) for d in dates if d.date for e in d.evidence[:1]]
    return sorted(points) if points else find_dates(doc.text)


def report_date(doc: DocumentText, dates: Sequence[DateMention] = ()) -> str | None:
    """The date a report was issued: the first date in its first ~15 lines, else the latest date."""
    points = _date_points(doc, dates)
    if not points:
        return None
    head_end = sum(len(line) + 1 for line in doc.text.splitlines()[:15])
    head = [d for off, d in points if off < head_end]
    return head[0] if head else max(d for _, d in points)


def mentioned_parties(text: str, parties: Sequence[Party]) -> tuple[str, ...]:
    low = text.lower()
    found = []
    for party in parties:
        names = (party.name, *party.aliases)
        if any(n and re.search(r"\b" + re.escape(n.lower()) + r"\b", low) for n in names):
            found.append(party.name)
    return tuple(dict.fromkeys(found))


_YEAR = re.compile(r"\b(19|20)\d\d\b")


def letterhead(text: str, max_lines: int = 4) -> tuple[str, ...]:
    """The reporting organisation: short lines of the first block that are not dates or titles
    ("PEMERINTAH KOTA X", "DINAS Y", "BPJS Ketenagakerjaan Kantor Cabang Z")."""
    out: list[str] = []
    for line in text.lstrip().splitlines():
        line = line.strip()
        if not line:
            break
        words = _WORD.findall(line)
        if len(out) >= max_lines or not words or len(words) > 12 or _YEAR.search(line) \
                or line.endswith((".", ":")):
            continue
        if line.isupper() or not out:
            out.append(line)
    return tuple(out)


def extract_activities(doc: DocumentText, *, dates: Sequence[DateMention] = (),
                       parties: Sequence[Party] = ()) -> tuple[ActivityStatement, ...]:
    """Statements of something done, each with its date (its own, else the report's), the parties
    it names plus the reporting organisation (letterhead), and its evidence."""
    text = doc.text
    reporter = letterhead(text)
    points = _date_points(doc, dates)
    default_date = report_date(doc, dates)
    out: list[ActivityStatement] = []
    for b_start, b_end in _blocks(text):
        for s_start, s_end in _sentences(text, b_start, b_end):
            start, end = _trim(text, s_start, s_end)
            sentence = text[start:end]
            if not _is_statement(sentence) or is_not_done(sentence):
                continue
            inside = [d for off, d in points if start <= off < end]
            out.append(ActivityStatement(
                text=sentence, date=inside[0] if inside else default_date,
                parties=tuple(dict.fromkeys(mentioned_parties(sentence, parties) + reporter)),
                evidence=(doc.evidence(start, end),)))
    return tuple(out)
