"""Indonesian and English dates, terms and relative deadlines: pure parsing, no spaCy.

`find_dates(text, lang=..., reference=...)` finds every date mention with its character span and
a normalised value; `find_terms` finds durations such as "jangka waktu 5 (lima) tahun";
`find_relative` finds "paling lambat 3 (tiga) bulan sejak ditandatangani". Roles (signing,
deadline, ...) are decided by the spaCy component from the context around each span.

Never a silent guess: a numeric date whose day and month can be swapped in an English text, a
year-less date without a reference date, or a weekday that contradicts the date keep their raw
text; the value is None (or the confidence is lowered) instead of a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    # Indonesian, with the abbreviations newsrooms use ("Agt", "Nop", "Peb")
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agt": 8, "agu": 8,
    "ags": 8, "agus": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11,
    "des": 12, "dec": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
}
MONTH_NAMES_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                  "September", "Oktober", "November", "Desember")
MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

_ID_UNITS = {"nol": 0, "kosong": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
             "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9}
_EN_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
             "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
             "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
                "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
                "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                "thirtieth": 30}

_ID_NUMBER_WORD = (r"(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|"
                   r"belas|puluh|ratus|ribu|seratus|seribu|juta|sejuta)")
_EN_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                   r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                   r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and|first|second|"
                   r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                   r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
                   r"nineteenth|twentieth|thirtieth)")
ID_WORDS_RE = rf"{_ID_NUMBER_WORD}\b(?:[\s-]+{_ID_NUMBER_WORD}\b)*"
EN_WORDS_RE = rf"{_EN_NUMBER_WORD}\b(?:[\s-]+{_EN_NUMBER_WORD}\b)*"


def parse_number_words(text: str) -> int | None:
    """Indonesian ("dua ribu dua puluh empat") or English ("twenty-four", "two thousand and
    nineteen", "thirty-first") number words -> int; None when a word is not a number word."""
    toks = [t for t in re.split(r"[\s\-]+", text.lower().strip()) if t and t != "and"]
    if not toks:
        return None
    total = 0     # completed thousands/millions
    current = 0   # below one thousand
    for t in toks:
        if t in _ID_UNITS and t != "se":
            current += _ID_UNITS[t]
        elif t == "sepuluh":
            current += 10
        elif t == "sebelas":
            current += 11
        elif t == "belas":
            # "dua belas" = 12: the unit just added becomes unit + 10
            unit = current % 10
            if unit == 0:
                return None
            current += 10
        elif t == "puluh":
            unit = current % 10
            if unit == 0:
                return None
            current = current - unit + unit * 10
        elif t == "seratus":
            current += 100
        elif t == "ratus":
            unit = current % 10
            if unit == 0:
                return None
            current = current - unit + unit * 100
        elif t in ("seribu", "ribu", "thousand"):
            mult = 1 if t == "seribu" else (current or 0)
            if t != "seribu" and mult == 0:
                return None
            total += (mult if t != "seribu" else 1) * 1000
            current = 0
        elif t in ("sejuta", "juta"):
            total += (1 if t == "sejuta" else current) * 1_000_000
            current = 0
        elif t in _EN_UNITS:
            current += _EN_UNITS[t]
        elif t in _EN_TENS:
            current += _EN_TENS[t]
        elif t in _EN_ORDINALS:
            current += _EN_ORDINALS[t]
        elif t.endswith("ieth") and t[:-4] + "y" in _EN_TENS:
            current += _EN_TENS[t[:-4] + "y"]
        elif t == "hundred":
            current = (current or 1) * 100
        else:
            return None
    return total + current


def number_to_words_id(n: int) -> str:
    """0 <= n < 1_000_000 in Indonesian words: 2024 -> "dua ribu dua puluh empat"."""
    units = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    if n < 10:
        return units[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{units[n - 10]} belas"
    if n < 100:
        return f"{units[n // 10]} puluh" + (f" {units[n % 10]}" if n % 10 else "")
    if n < 1000:
        head = "seratus" if n // 100 == 1 else f"{units[n // 100]} ratus"
        return head + (f" {number_to_words_id(n % 100)}" if n % 100 else "")
    if n < 1_000_000:
        head = "seribu" if n // 1000 == 1 else f"{number_to_words_id(n // 1000)} ribu"
        return head + (f" {number_to_words_id(n % 1000)}" if n % 1000 else "")
    raise ValueError("number too large")


def number_to_words_en(n: int) -> str:
    """0 <= n < 1_000_000 in English words: 2019 -> "two thousand nineteen"."""
    small = {v: k for k, v in _EN_UNITS.items()}
    tens = {v: k for k, v in _EN_TENS.items()}
    if n < 20:
        return small[n]
    if n < 100:
        return tens[n - n % 10] + (f"-{small[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{small[n // 100]} hundred" + (f" {number_to_words_en(n % 100)}" if n % 100 else "")
    if n < 1_000_000:
        return (f"{number_to_words_en(n // 1000)} thousand"
                + (f" {number_to_words_en(n % 1000)}" if n % 1000 else ""))
    raise ValueError("number too large")


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    date: date | None          # None: ambiguous, year-less without reference, or invalid
    form: str                  # named | numeric | iso | notarial | yearless | range_start
    confidence: float = 0.9
    day: int | None = None     # kept for year-less hits so that a caller can resolve them later
    month: int | None = None
    weekday: int | None = None
    range_end: bool = False    # the second date of "1 s.d. 3 Juli 2024"


@dataclass(frozen=True)
class TermHit:
    start: int
    end: int
    text: str
    years: int = 0
    months: int = 0
    days: int = 0


@dataclass(frozen=True)
class RelativeHit:
    """A duration counted from an event: "paling lambat 3 (tiga) bulan sejak ditandatangani"."""
    start: int
    end: int
    text: str
    years: int
    months: int
    days: int
    anchor: str | None         # signing | effective | expiry | None (an event we cannot date)
    sign: int = 1              # -1 for "... sebelum berakhir" / "before"
    working_days: bool = False


# ---------------------------------------------------------------------------------------------
# Date arithmetic
# ---------------------------------------------------------------------------------------------

def add_duration(start: date, *, years: int = 0, months: int = 0, days: int = 0, sign: int = 1) -> date:
    """Calendar arithmetic; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    total = start.year * 12 + (start.month - 1) + sign * (years * 12 + months)
    y, m = divmod(total, 12)
    m += 1
    last = _days_in_month(y, m)
    return date(y, m, min(start.day, last)) + timedelta(days=sign * days)


def _days_in_month(y: int, m: int) -> int:
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year(token: str) -> int | None:
    if token.isdigit():
        y = int(token)
        if len(token) == 2:
            return 2000 + y if y < 70 else 1900 + y
        return y if 1900 <= y <= 2100 else None
    y = parse_number_words(token)
    return y if y is not None and 1900 <= y <= 2100 else None


def resolve_yearless(day: int, month: int, reference: date, weekday: int | None = None) -> date | None:
    """The date of "(22/6)" in a text published on `reference`: the same year, or the year
    before when that would put it more than a week after publication. None if invalid."""
    for year in (reference.year, reference.year - 1):
        d = _safe_date(year, month, day)
        if d is None:
            continue
        if d <= reference + timedelta(days=7):
            return d
    return None


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_RE = rf"(?P<mon>(?:{_MONTH_ALT}))\.?"
_WEEKDAY_ALT = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
# optional weekday before a date: "Rabu, (", "Senin ", "pada hari Jumat, "
# the weekday before a date ("Rabu, (", "Senin ") is looked up behind a match (_WdMatch): an
# optional group in front of every pattern would be tried at every position of the text
_WD_PREFIX = ""
_WD_BEFORE = re.compile(rf"(?P<wd>{_WEEKDAY_ALT})\s*,?\s*(?:\(\s*)?$", re.IGNORECASE)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_NAMED_DMY = re.compile(rf"{_WD_PREFIX}(?<![\d/.]){_DAY}(?:\s+|-)(?:of\s+)?{_MONTH_RE}(?:\s+|,\s*|-){_YEAR}(?!\d)",
                        re.IGNORECASE)
_NAMED_MDY = re.compile(rf"{_WD_PREFIX}\b{_MONTH_RE}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
_NUMERIC = re.compile(rf"{_WD_PREFIX}(?<![\d/.:-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
                      rf"(?P<year>(?:19|20)\d{{2}}|\d{{2}})(?![\d/.-]\d)", re.IGNORECASE)
_ISO = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
# year-less: "(22/06)", "Senin (22/6)", "Kamis, (12/07)"
_YEARLESS = re.compile(r"\(\s*(?P<a>[0-3]?\d)/(?P<b>[01]?\d)\s*\)", re.IGNORECASE)
_YEARLESS_WD = re.compile(rf"(?P<wd>{_WEEKDAY_ALT})\s*,?\s*(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![/\d])", re.IGNORECASE)
# "24 Juni" without a year (only full month names, never "may"/"mar" that are also words)
_NAMED_DM = re.compile(rf"{_WD_PREFIX}(?<![\d/.-])(?P<day>[0-3]?\d)\s+(?P<mon>januari|februari|pebruari|maret|"
                       r"april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|"
                       r"january|february|march|june|july|august|october|december)\b(?!\s*,?\s*(?:19|20)\d{2})",
                       re.IGNORECASE)
# notarial: "pada hari ini Rabu tanggal tiga puluh satu bulan Juli tahun dua ribu dua puluh empat"
# either spelling may come first, the other in brackets: "tanggal tiga (3)" / "tanggal 3 (tiga)"
_NOTARIAL = re.compile(
    rf"(?:(?:pada\s+)?hari\s+ini\s*,?\s*)?(?:(?P<wd>{_WEEKDAY_ALT})\s*,?\s*)?tanggal\s+"
    rf"(?P<day>{ID_WORDS_RE}|\d{{1,2}})(?:\s*\(\s*(?:\d{{1,2}}|{ID_WORDS_RE})\s*\))?\s*,?\s*bulan\s+{_MONTH_RE}"
    rf"(?:\s*\(\s*\d{{1,2}}\s*\))?"
    rf"\s*,?\s*tahun\s+(?P<year>{ID_WORDS_RE}|\d{{4}})(?:\s*\(\s*(?:\d{{4}}|{ID_WORDS_RE})\s*\))?",
    re.IGNORECASE)
# English formal: "this twenty-fourth day of June, two thousand and nineteen" / "24th day of June 2019"
_EN_FORMAL = re.compile(
    rf"(?P<day>{EN_WORDS_RE}|[0-3]?\d(?:st|nd|rd|th)?)\s+day\s+of\s+{_MONTH_RE}\s*,?\s*(?:in\s+the\s+year\s+)?"
    rf"(?P<year>{EN_WORDS_RE}|(?:19|20)\d{{2}})(?!\d)",
    re.IGNORECASE)
# trailing "(31-07-2024)" / "(31/7/2024)" right after words
_PAREN_NUMERIC = re.compile(r"\s*\(\s*(?P<a>[0-3]?\d)[/.-](?P<b>[01]?\d)[/.-](?P<year>(?:19|20)\d{2})\s*\)")
# ranges: "1 s.d. 3 Juli 2024", "1-3 Juli 2024", "24 Juni s.d. 30 Juli 2024", "1 to 3 July 2024"
_RANGE_CONNECTOR = r"\s*(?:s\.?\s?/?d\.?|sampai\s+dengan|sampai|hingga|–|—|-|to|until|through)\s*"
_RANGE_ONLY = re.compile(_RANGE_CONNECTOR, re.IGNORECASE)
_RANGE_HEAD = re.compile(rf"(?<![\d/.-])(?P<day>[0-3]?\d)(?:\s+{_MONTH_RE})?{_RANGE_CONNECTOR}$", re.IGNORECASE)


def _wd(m: re.Match) -> int | None:
    w = m.groupdict().get("wd")
    return WEEKDAYS.get(w.lower()) if w else None


def _check_weekday(d: date | None, weekday: int | None, confidence: float) -> float:
    if d is not None and weekday is not None and d.weekday() != weekday:
        return min(confidence, 0.4)   # the text contradicts itself: keep it, flag it
    return confidence


def _month(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def _day(token: str) -> int | None:
    token = token.strip().lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", token)
    if digits:
        return int(digits.group(1))
    return parse_number_words(token)   # ordinal words keep their ending ("twelfth", "fifth")


def _strip_paren(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace; drop an unbalanced trailing '(' from the span."""
    seg = text[start:end]
    while seg and (seg[-1] in " \t\n,(" or seg[-1].isspace()):
        seg = seg[:-1]
        end -= 1
    if seg.count("(") > seg.count(")"):
        end = start + len(seg) + 1 if text[start + len(seg): start + len(seg) + 1] == ")" else end
    return start, end


# ---------------------------------------------------------------------------------------------
# find_dates
# ---------------------------------------------------------------------------------------------

def _windows(text: str, trigger: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged [start, end) regions around each trigger match: the date patterns are only tried
    there (scanning a long document with every pattern at every position is slow)."""
    out: list[list[int]] = []
    for m in trigger.finditer(text):
        s, e = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


class _WdMatch:
    """A match whose start takes in a weekday written just before it."""

    def __init__(self, text: str, m: re.Match):
        self.m = m
        b = _WD_BEFORE.search(text, max(0, m.start() - 24), m.start()) if "wd" not in m.re.groupindex else None
        self._start = b.start() if b else m.start()
        self.wd = b["wd"] if b else m.groupdict().get("wd")

    def start(self, *group: str) -> int:
        return self.m.start(*group) if group else self._start

    def end(self, *group: str) -> int:
        return self.m.end(*group)

    def group(self, k: int | str = 0) -> str:
        return self.m.group(k) if k else self.m.string[self._start:self.m.end()]

    def __getitem__(self, k: str) -> str | None:
        return self.wd if k == "wd" else self.m[k]

    def groupdict(self) -> dict:
        return {**self.m.groupdict(), "wd": self.wd}


def _scan(rx: re.Pattern, text: str, windows: list[tuple[int, int]]):
    for s, e in windows:
        for m in rx.finditer(text, s, e):
            yield _WdMatch(text, m)


def _lower(text: str) -> str:
    """ASCII lower case: same length as `text`, so offsets stay valid (str.lower may not)."""
    return text.encode("ascii", "replace").lower().decode("ascii")


# triggers run on the ASCII-lowered text without re.I (several times faster)
_DIGIT = re.compile(r"\d+")
_TANGGAL = re.compile(r"tanggal")
_DAY_OF = re.compile(r"\bday\s+of\b")
_MONTH_TRIGGER = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")
_WEEKDAY_TRIGGER = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True)) + r")")


def with_reference(hits: list[DateHit], reference: date) -> list[DateHit]:
    """Resolve the year-less hits of `find_dates` once the publication date is known."""
    out = []
    for h in hits:
        if h.form == "yearless" and h.date is None and h.day and h.month:
            d = resolve_yearless(h.day, h.month, reference, h.weekday)
            conf = _check_weekday(d, h.weekday, 0.75) if d else 0.3
            h = DateHit(h.start, h.end, h.text, d, h.form, conf, day=h.day, month=h.month, weekday=h.weekday)
        out.append(h)
    return out


def find_dates(text: str, *, lang: str = "id", reference: date | None = None) -> list[DateHit]:
    """Every date mention in `text`, in order of position, non-overlapping (longest wins).

    `lang` decides numeric dates: Indonesian is day-first; in English "03/04/2025" is ambiguous
    and gets date=None. `reference` (the publication date) resolves year-less dates."""
    hits: list[DateHit] = []
    low = _lower(text)
    near_digits = _windows(low, _DIGIT, 60, 60)
    near_months = _windows(low, _MONTH_TRIGGER, 40, 40)
    near_weekdays = _windows(low, _WEEKDAY_TRIGGER, 5, 30)

    for m in _scan(_NOTARIAL, text, _windows(low, _TANGGAL, 60, 320)):
        day, mon, year = _day(m["day"]), _month(m["mon"]), _year(m["year"])
        d = _safe_date(year, mon, day) if day and mon and year else None
        end = m.end()
        conf = 0.95 if d else 0.3
        p = _PAREN_NUMERIC.match(text, end)
        if p:
            end = p.end()
            pd = _safe_date(int(p["year"]), int(p["b"]), int(p["a"]))
            if d is None:
                d, conf = pd, 0.8 if pd else conf
            elif pd is not None and pd != d:
                conf = 0.5          # words and digits disagree: the words are the legal text
        hits.append(DateHit(m.start(), end, text[m.start():end], d, "notarial",
                            _check_weekday(d, _wd(m), conf), weekday=_wd(m)))

    for m in _scan(_EN_FORMAL, text, _windows(low, _DAY_OF, 200, 200)):
        day, mon, year = _day(m["day"]), _month(m["mon"]), _year(m["year"])
        d = _safe_date(year, mon, day) if day and mon and year else None
        hits.append(DateHit(m.start(), m.end(), m.group(0), d, "notarial", 0.9 if d else 0.3))

    for rx in (_NAMED_DMY, _NAMED_MDY):
        for m in _scan(rx, text, near_months):
            day, mon, year = int(m["day"]), _month(m["mon"]), int(m["year"])
            d = _safe_date(year, mon, day) if mon else None
            s, e = _strip_paren(text, m.start(), m.end())
            hits.append(DateHit(s, e, text[s:e], d, "named",
                                _check_weekday(d, _wd(m), 0.95 if d else 0.3), weekday=_wd(m)))

    for m in _scan(_ISO, text, near_digits):
        d = _safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
        hits.append(DateHit(m.start(), m.end(), m.group(0), d, "iso", 0.95 if d else 0.3))

    for m in _scan(_NUMERIC, text, near_digits):
        a, b, y = int(m["a"]), int(m["b"]), _year(m["year"])
        d, conf = _numeric_value(a, b, y, lang)
        if len(m["year"]) == 2:
            conf = min(conf, 0.7)
        s, e = _strip_paren(text, m.start(), m.end())
        hits.append(DateHit(s, e, text[s:e], d, "numeric", _check_weekday(d, _wd(m), conf),
                            weekday=_wd(m)))

    for rx, windows in ((_YEARLESS, near_digits), (_YEARLESS_WD, near_weekdays)):
        for m in _scan(rx, text, windows):
            day, mon = int(m["a"]), int(m["b"])
            hits.append(_yearless_hit(text, m, day, mon, reference))

    for m in _scan(_NAMED_DM, text, near_months):
        day, mon = int(m["day"]), _month(m["mon"])
        if mon:
            hits.append(_yearless_hit(text, m, day, mon, reference))

    hits = _non_overlapping(hits)
    return _add_range_starts(text, hits)


def _numeric_value(a: int, b: int, year: int | None, lang: str) -> tuple[date | None, float]:
    if year is None:
        return None, 0.3
    day_first = _safe_date(year, b, a)
    month_first = _safe_date(year, a, b)
    if lang == "en" and day_first and month_first and a != b:
        return None, 0.3                 # "03/04/2025": never guess
    if day_first and (lang != "en" or not month_first):
        return day_first, 0.9
    if month_first:
        return month_first, 0.6          # only the month-first reading is a valid date
    return day_first, 0.9 if day_first else 0.3


def _yearless_hit(text: str, m: re.Match, day: int, mon: int, reference: date | None) -> DateHit:
    wd = _wd(m)
    d = resolve_yearless(day, mon, reference, wd) if reference else None
    conf = _check_weekday(d, wd, 0.75) if d else 0.3
    s, e = _strip_paren(text, m.start(), m.end())
    return DateHit(s, e, text[s:e], d, "yearless", conf, day=day, month=mon, weekday=wd)


def _non_overlapping(hits: list[DateHit]) -> list[DateHit]:
    # longest first, then earliest; drop hits overlapping an accepted one
    chosen: list[DateHit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def _add_range_starts(text: str, hits: list[DateHit]) -> list[DateHit]:
    """"1 s.d. 3 Juli 2024", "24 Juni s.d. 30 Juli 2024": the complete date is the range end; the
    start takes its missing month/year from it."""
    out: list[DateHit] = []
    for h in hits:
        if h.date is None or h.form not in ("named", "notarial"):
            out.append(h)
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev.form == "yearless" and prev.day and prev.month
                and _RANGE_ONLY.fullmatch(text, prev.end, h.start)):
            start = _safe_date(h.date.year, prev.month, prev.day)
            if start is not None and start <= h.date:
                out[-1] = DateHit(prev.start, prev.end, prev.text, start, "range_start", h.confidence,
                                  weekday=prev.weekday)
                out.append(_as_range_end(h))
                continue
        prev_end = prev.end if prev else 0
        m = _RANGE_HEAD.search(text, max(prev_end, h.start - 30), h.start)
        if m:
            mon = _month(m["mon"]) if m["mon"] else h.date.month
            start = _safe_date(h.date.year, mon, int(m["day"])) if mon else None
            if start is not None and start <= h.date:
                end = m.end("mon") if m["mon"] else m.end("day")
                out.append(DateHit(m.start(), end, text[m.start():end], start, "range_start", h.confidence))
                out.append(_as_range_end(h))
                continue
        out.append(h)
    return out


def _as_range_end(h: DateHit) -> DateHit:
    return DateHit(h.start, h.end, h.text, h.date, h.form, h.confidence, weekday=h.weekday, range_end=True)


def parse_date(text: str, *, lang: str = "id", reference: date | None = None) -> date | None:
    """The value of the first date mention in `text` (None when none or ambiguous)."""
    hits = find_dates(text, lang=lang, reference=reference)
    return hits[0].date if hits else None


# ---------------------------------------------------------------------------------------------
# Terms and relative durations
# ---------------------------------------------------------------------------------------------

_UNIT = (r"(?P<unit>tahun|bulan|minggu|pekan|hari(?:\s+kerja|\s+kalender)?|years?|months?|weeks?|"
         r"(?:working\s+|business\s+|calendar\s+)?days?)")
# "5 (lima)", "lima (5)", "five (5)", "(5) five", "5", "lima", "1 x 24 (satu kali dua puluh empat) jam"
_QTY = (rf"(?P<qty>\d{{1,3}}(?:\s*\(\s*(?:{ID_WORDS_RE}|{EN_WORDS_RE})\s*\))?|"
        rf"(?:{ID_WORDS_RE}|{EN_WORDS_RE})(?:\s*\(\s*\d{{1,3}}\s*\))?)")
_TERM_CUE = (r"(?:jangka\s+waktu(?:\s+selama)?|masa\s+berlaku(?:nya)?(?:\s+\w+){0,3}?|berlaku\s+(?:untuk\s+)?selama|"
             r"berlaku\s+untuk(?:\s+jangka\s+waktu)?|for\s+a\s+(?:period|term)\s+of|valid\s+for(?:\s+a\s+period\s+of)?|"
             r"in\s+force\s+for(?:\s+a\s+period\s+of)?|(?:period|term|duration)\s+of)")
_TERM_TRIGGER = re.compile(r"jangka|berlaku|period|valid|in\s+force|term|duration")
_DEADLINE_TRIGGER = re.compile(r"lambat|dalam|paling\s+lama|later\s+than|within|at\s+least")
_TERM = re.compile(rf"{_TERM_CUE}\s+(?:adalah\s+|ialah\s+)?{_QTY}\s+{_UNIT}", re.IGNORECASE)

_DEADLINE_CUE = (r"(?:paling\s+lambat|selambat-lambatnya|dalam\s+(?:jangka\s+)?waktu(?:\s+paling\s+lama)?|"
                 r"paling\s+lama|dalam|no\s+later\s+than|not\s+later\s+than|within|at\s+least)")
_ANCHOR = (r"(?P<rel>sejak|setelah|sesudah|terhitung\s+(?:sejak|mulai)|sebelum|after|from|of|following|before|prior\s+to)"
           r"\s+(?P<anchor>[^.;:\n]{0,60})")
_RELATIVE = re.compile(rf"{_DEADLINE_CUE}\s+{_QTY}\s+{_UNIT}\s*(?:\([^)]{{0,40}}\)\s*)?{_ANCHOR}", re.IGNORECASE)

_SIGNING_ANCHOR = re.compile(r"ditandatangani|penandatanganan|tanda\s+tangan|signature|signing|signed|"
                             r"execution|this\s+(?:agreement|mou|memorandum)\s+is\s+signed", re.IGNORECASE)
_EFFECTIVE_ANCHOR = re.compile(r"berlaku(?!nya\s+berakhir)|effective|entry\s+into\s+force|comes?\s+into\s+force", re.IGNORECASE)
_EXPIRY_ANCHOR = re.compile(r"berakhir|expir|terminat", re.IGNORECASE)


def parse_quantity(text: str) -> int | None:
    """"5 (lima)" -> 5, "lima (5)" -> 5, "three" -> 3; digits win over words when both given."""
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group(0))
    return parse_number_words(re.sub(r"[()]", " ", text))


def _unit_fields(unit: str, qty: int) -> tuple[int, int, int]:
    u = unit.lower()
    if u.startswith(("tahun", "year")):
        return qty, 0, 0
    if u.startswith(("bulan", "month")):
        return 0, qty, 0
    if u.startswith(("minggu", "pekan", "week")):
        return 0, 0, qty * 7
    return 0, 0, qty


def find_terms(text: str) -> list[TermHit]:
    """Durations of the agreement: "jangka waktu 5 (lima) tahun", "for a period of three (3) years",
    "Masa berlaku PKS ini lima tahun"."""
    out = []
    for m in _scan(_TERM, text, _windows(_lower(text), _TERM_TRIGGER, 10, 160)):
        qty = parse_quantity(m["qty"])
        if not qty:
            continue
        y, mo, d = _unit_fields(m["unit"], qty)
        out.append(TermHit(m.start(), m.end(), m.group(0), y, mo, d))
    return out


def find_relative(text: str) -> list[RelativeHit]:
    """Durations counted from an event; the anchor says which event (None: one we cannot date)."""
    out = []
    for m in _scan(_RELATIVE, text, _windows(_lower(text), _DEADLINE_TRIGGER, 10, 260)):
        qty = parse_quantity(m["qty"])
        if not qty:
            continue
        y, mo, d = _unit_fields(m["unit"], qty)
        anchor_text = m["anchor"]
        rel = m["rel"].lower()
        sign = -1 if rel.startswith(("sebelum", "before", "prior")) else 1
        if _EXPIRY_ANCHOR.search(anchor_text):
            anchor = "expiry"
        elif _SIGNING_ANCHOR.search(anchor_text):
            anchor = "signing"
        elif _EFFECTIVE_ANCHOR.search(anchor_text):
            anchor = "effective"
        else:
            anchor = None
        # the span ends after the anchor's first clause word group, not 60 chars later
        anchor_end = m.start("anchor") + _anchor_length(anchor_text)
        working = bool(re.search(r"kerja|working|business", m["unit"], re.IGNORECASE))
        out.append(RelativeHit(m.start(), anchor_end, text[m.start():anchor_end], y, mo, d, anchor,
                               sign, working))
    return out


def _anchor_length(anchor_text: str) -> int:
    cut = re.search(r",|\s(?:dan|and|serta|yang|which)\s", anchor_text)
    return (cut.start() if cut else len(anchor_text.rstrip())) or len(anchor_text)


def add_working_days(start: date, days: int, sign: int = 1) -> date:
    """Monday-Friday days (public holidays are not known here)."""
    d = start
    left = days
    while left > 0:
        d += timedelta(days=sign)
        if d.weekday() < 5:
            left -= 1
    return d


def resolve_relative(hit: RelativeHit, anchors: dict[str, date]) -> date | None:
    """The date a relative duration points to, when its anchor event has a known date."""
    base = anchors.get(hit.anchor or "")
    if base is None:
        return None
    if hit.working_days and not (hit.years or hit.months):
        return add_working_days(base, hit.days, hit.sign)
    return add_duration(base, years=hit.years, months=hit.months, days=hit.days, sign=hit.sign)
