"""Organisation mentions and their grouping into entities (one per real organisation).

A mention starts at an organisation head from `patterns/org_heads.jsonl` ("Pemerintah
Kabupaten", "Pemkab", "Universitas", "PT", "the Ministry of", ...) and extends over capitalised
words, parenthesised abbreviations, "(Persero)", "Tbk." and joining words ("dan" for heads that
take it, "of"/"the" in English). It stops at lower-case words, headline verbs, position words,
and right after a province or a place named elsewhere in the document when what follows is not
institutional (that is where a person's name usually starts: "... Provinsi Bali Umar ...").

Entities: regional governments are keyed by (level, place) so "Pemkab X", "Pemerintah Kabupaten
(Pemkab) X" and "Kabupaten X" are one; other organisations are grouped when one mention is an
abbreviation of the other ("UTM" ~ "Universitas Trunojoyo Madura", "Ombudsman RI" ~ "Ombudsman
Republik Indonesia").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from extractor.nlp.lexicon import Head, Tok, fold, joined, lexicon, tokenize
from extractor.nlp.org_lists import affairs_list_follows
from extractor.nlp.short_forms import syllable_short_form

GOV_NAMES = {"kab": "Pemerintah Kabupaten", "kota": "Pemerintah Kota", "prov": "Pemerintah Provinsi",
             "pemda": "Pemerintah Daerah"}
STANDALONE_HEADS = {"ombudsman", "bpjs"}
DIRECTIONS = {"utara", "selatan", "barat", "timur", "tengah", "tenggara", "barat daya", "laut", "raya"}
LEGAL_FORMS = {"persero", "tbk", "perseroda", "perum"}
GENERIC = {"pemerintah", "kabupaten", "kota", "provinsi", "propinsi", "perwakilan", "kantor", "cabang",
           "pusat", "republik", "indonesia", "ri", "the", "of", "dan", "and", "persero", "tbk", "dinas",
           "wilayah", "daerah", "pt", "cv", "perseroda",   # legal forms: "Bank X" abbreviates "PT Bank X (Perseroda)"
           "air", "minum"}   # "Perumda Tirta X" abbreviates "Perumda Air Minum Tirta X"


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country names, folded ("viet nam", "jepang"): `patterns/countries.txt`."""
    path = Path(__file__).with_name("patterns") / "countries.txt"
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_country(words: str) -> bool:
    return " ".join(words.lower().split()) in countries()


@dataclass
class Mention:
    start: int                 # char offsets in the text
    end: int
    text: str
    type: str                  # kab | kota | prov | pemda | org
    head: str                  # head words as written
    name_words: list[str]      # words after the head (parentheses excluded)
    parens: list[str] = field(default_factory=list)
    expanded: bool = False     # head was an abbreviation (Pemkab...)
    extension: bool = False    # a longer form of another mention (place or name appended)
    headline: bool = False     # on the first line of the text, where words are all capitalised
    parent_at: int = -1        # "Fakultas X Universitas Y": where the body it is a unit of is named
    parent: str = ""           # ... and that body's name ("Universitas Y")
    after_position: bool = False  # right after a position phrase ("Rektor Universitas X ...")

    @property
    def place(self) -> str:
        return " ".join(self.name_words)


def _match_head(toks: list[Tok], i: int) -> tuple[Head, int] | None:
    lx = lexicon()
    w0 = fold(toks[i].text)
    if w0 not in lx.head_first:
        return None
    for head in lx.heads:
        j = i
        ok = True
        for w in head.words:
            while j < len(toks) and toks[j].text == ".":
                j += 1
            if j >= len(toks) or fold(toks[j].text) != w:
                ok = False
                break
            j += 1
        if ok:
            # capitalised in running text ("the Government of" keeps its lower-case article)
            first_content = next(t for t in toks[i:j] if fold(t.text) not in ("the", "of"))
            if not first_content.cap:
                continue
            if j < len(toks) and toks[j].text == "." and (head.words[-1] in ("kab", "pt", "cv") or head.legal_form
                                                          and toks[j].start == toks[j - 1].end):
                j += 1   # "Kab.", "PT.", "X B.V.", "X Inc."
            return head, j
    return None


def _after_position(toks: list[Tok], i: int) -> bool:
    """Do the (up to three) words before token i end a position phrase ("Ketua", "Kepala Kantor")?"""
    lx = lexicon()
    before = [fold(t.text) for t in toks[max(0, i - 3):i]]
    return any(tuple(before[k:]) in lx.positions for k in range(len(before)))


def _inside_position(toks: list[Tok], i: int) -> bool:
    """"Kota" in "Wali Kota": the head word ends a position name, it does not start an organisation."""
    return i > 0 and (fold(toks[i - 1].text), fold(toks[i].text)) in lexicon().positions


LOCAL_UNITS = {"desa", "kelurahan", "kecamatan", "nagari", "gampong", "dusun"}   # "Kecamatan X": X is a place


def known_places(text: str, toks: list[Tok] | None = None) -> set[str]:
    """Folded place names: provinces and their abbreviations, plus every name written after a
    regional head ("Kabupaten X", "Pemkot X") or a village or district ("Desa X", "Kecamatan X", not
    "Kepala Desa X": a village head's name may follow) in this document."""
    lx = lexicon()
    places = set(lx.provinces)
    toks = toks if toks is not None else tokenize(text)
    candidates: list[list[str]] = []
    for i, t in enumerate(toks):
        hm = _match_head(toks, i)
        unit = t.cap and fold(t.text) in LOCAL_UNITS and not _inside_position(toks, i)
        if not unit and (not hm or hm[0].type == "org" or _inside_position(toks, i)):
            continue
        j = i + 1 if unit else hm[1]
        if j < len(toks) and toks[j].text == "(":       # Pemerintah Kabupaten (Pemkab) X
            k = next((k for k in range(j, min(j + 6, len(toks))) if toks[k].text == ")"), None)
            j = k + 1 if k else j
        words = []
        while j < len(toks) and toks[j].cap and len(words) < 3 and fold(toks[j].text) not in lx.title_stop \
                and fold(toks[j].text) not in lx.position_first and _match_head(toks, j) is None:
            if words and fold(toks[j].text) in LOCAL_UNITS:
                break   # "KABUPATEN X KECAMATAN Y DESA Z": the next level of an address starts
            if words and "\n" in text[toks[j - 1].end:toks[j].start] and (
                    LABEL_LINE.match(text, toks[j].start) or NUMBER_LINE.match(text, toks[j].start)):
                break   # "... in Kota X" then "Partner agreement: ...": a label line starts something else
            words.append(toks[j].text)
            j += 1
        for k in range(len(words), 0, -1):
            if " ".join(words[:k]).lower() in lx.provinces:
                while k < len(words) and words[k].lower() in DIRECTIONS:
                    k += 1
                words = words[:k]
                break
        if words and fold(words[0]) not in lx.institution:
            candidates.append([w.lower() for w in words])
    # "Kota Tanjung Laras Marlina ..." once and "Kota Tanjung Laras." elsewhere: the place is the
    # shorter form; a person's name after the place is not part of it
    for words in candidates:
        for k in range(1, len(words)):
            if any(c == words[:k] for c in candidates) or any(
                    not _tail_of_longer_name(text, m.start()) for m in re.finditer(
                        r"\b" + r"\s+".join(map(re.escape, words[:k])) + r"\b(?!\s+[A-Z])", text, re.IGNORECASE)):
                words = words[:k]
                break
        places.add(" ".join(words))
    return places


def _tail_of_longer_name(text: str, at: int) -> bool:
    """The words at `at` end a longer name ("Semendo" in "Desa Kuala Semendo"): a capitalised word that
    is no head or unit word stands right before them on the same line."""
    before = re.search(r"([A-Za-z][\w'-]*)[ \t]+$", text[max(0, at - 40):at])
    if not before or not before.group(1)[:1].isupper():
        return False
    word = fold(before.group(1))
    return not (word in LOCAL_UNITS or word in GENERIC or any(h.words == (word,) for h in lexicon().heads))


def _name_follows(toks: list[Tok], j: int) -> bool:
    """Do two capitalised non-institutional words (a person's name) start at j?"""
    lx = lexicon()
    two = toks[j:j + 2]
    if len(two) == 2 and two[1].text == "." and fold(two[0].text) in lx.degree_prefix:
        return True
    return len(two) == 2 and all(t.cap and t.is_word and fold(t.text) not in lx.institution
                                 and fold(t.text) not in lx.title_stop for t in two)


def _quoted_name_end(toks: list[Tok], j: int) -> int | None:
    """Index after a closing quote when toks[j] opens a quoted run of one to five capitalised words."""
    if toks[j].text not in ('"', "“") or j + 1 >= len(toks) or toks[j + 1].start != toks[j].end:
        return None
    for c in range(j + 2, min(j + 7, len(toks))):
        if toks[c].text in ('"', "”"):
            inner = toks[j + 1:c]
            return c + 1 if all(x.is_word and x.cap for x in inner) and toks[c].start == inner[-1].end else None
    return None


def _short_form_goes_on(text: str, short: str, word: str) -> bool:
    """"Kepolisian Resor (Polres) Bukit Lantan" when "Polres Bukit Lantan" is written too: the words after
    a parenthesised short form belong to the name (a place), not to a person."""
    return re.search(rf"(?<!\()\b{re.escape(short)}\s+{re.escape(word)}\b", text) is not None


UNIT_NUMBER = re.compile(r"\d{1,4}(?:/[A-Z][\w-]*)?")
BRANCH_SHORT = {"kanwil": "kantor wilayah", "kancab": "kantor cabang", "divre": "divisi regional"}
_BRANCH_AFTER_KANTOR = {"wilayah", "cabang", "perwakilan"}
_BRANCH_TAIL = re.compile(r"\s+(?:kantor\s+(?:wilayah|cabang|perwakilan)|kanwil|kancab|cabang|divre|divisi\s+regional)"
                          r"(?:\s.*)?$")


def _branch_at(toks: list[Tok], j: int) -> bool:
    """"Perum X Kantor Wilayah Y", "Bank X Kantor Cabang Y": a branch office named after its company
    is part of the company's name, not another organisation."""
    low = fold(toks[j].text)
    return low in BRANCH_SHORT or low == "kantor" and j + 1 < len(toks) and fold(toks[j + 1].text) in _BRANCH_AFTER_KANTOR


def _work_in_a_name(toks, j: int, low: str) -> bool:
    """"Kerja" stops a name only as "Kerja Sama" (cooperation); otherwise it is part of the name
    ("Dinas Tenaga Kerja", "Lembaga Pelatihan Kerja", "Balai Latihan Kerja"). "Sumber" (a photo
    credit's "Sumber:") is part of a name as "Sumber Daya" ("Dinas Energi dan Sumber Daya Mineral")."""
    nxt = fold(toks[j + 1].text) if j + 1 < len(toks) else ""
    if low == "sumber":
        return nxt == "daya"
    return low == "kerja" and nxt not in ("sama", "sama-sama")


def _place_len(toks: list[Tok], j: int, places: set[str]) -> int:
    """Number of tokens of the longest known place starting at j (0 if none)."""
    for n in (3, 2, 1):
        if j + n <= len(toks) and all(t.cap for t in toks[j:j + n]) and all(
                toks[k].start - toks[k - 1].end <= 2 for k in range(j + 1, j + n)):
            if " ".join(t.text for t in toks[j:j + n]).lower() in places:
                return n
    return 0


LABEL_LINE = re.compile(r"[A-Z][\w.]*(?:[ \t]+\w+){0,3}[ \t]*:")
NUMBER_LINE = re.compile(r"(?:No|Nomor|Number|Ref)\b\.?[ \t]*\d")   # "... Directorate X\nNo. 12/PR/2026"


def _name_start_left(text: str, toks: list[Tok], i: int) -> int:
    """First token of the capitalised name words before an English head ("Westmere Maritime
    College", "the Estavian Agency for ..."): at most four, on the same line, never a title
    stop word ("The", "And"), a position word or the start of another organisation."""
    lx = lexicon()
    k = i
    joins = 0
    if i > 1 and toks[i - 1].text == "," and toks[i - 1].start == toks[i - 2].end and _match_head(toks, i)[0].legal_form:
        # "X Co., Ltd.", "X, Inc.": a comma before the legal form stays inside the name
        k = i = i - 1
        if i > 1 and toks[i - 1].text == "." and fold(toks[i - 2].text) in ("co", "corp", "pte"):
            k = i = i - 2   # ("Co." counts as one of the name's words)
    while k > 0 and i - k - joins < (6 if joins else 4):
        t = toks[k - 1]
        low = fold(t.text)
        if t.text == "&" and k > 1 and k < i and toks[k - 2].cap and toks[k - 2].is_word:
            k -= 1   # "Bread & Water Foundation": an ampersand between two capitalised words
            continue
        if low == "and" and k < i and fold(toks[i].text) in FIELDS_JOINED_HEADS and _name_word_before_and(text, toks, k - 1):
            k -= 1   # "Marine and Fisheries Office", "Customs and Excise Service Office": an office of two fields
            joins += 1
            continue
        if not (t.is_word and t.cap) or low in ("the", "a", "an") or low in lx.title_stop:
            break
        # a whole position ("Harbour Master …"), or a position word alone before the head ("Reading Circle -
        # Country Office": a unit, where "Regional General Hospital" is a name)
        if low in lx.position_first and (_position_at(toks, k - 1) or (k == i and not (
                k > 1 and toks[k - 2].is_word and toks[k - 2].cap and joined(text, toks[k - 2].end, t.start)))):
            break
        if not joined(text, t.end, toks[k].start):
            break
        if _match_head(toks, k - 1) is not None:
            break
        k -= 1
    return k


def _closing_bersama(toks: list[Tok], j: int, words: list[str]) -> bool:
    """"BUMDes Maju Bersama dengan PT X": a capitalised "Bersama" after name words and before a lower-case
    word ends the name ("Maju Bersama", "Tumbuh Bersama"); before a capitalised one it joins a headline's
    partner ("PT X Bersama Pemkab Y")."""
    t = toks[j]
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return (bool(words) and fold(t.text) == "bersama" and not t.upper and t.text[0].isupper()
            and (nxt is None or not nxt.cap))


def _position_at(toks: list[Tok], j: int) -> bool:
    """A whole position starts at token j: "Harbour" of "Harbour Master" is one, of "Grey Harbour Alliance" none."""
    words = [fold(t.text) for t in toks[j:j + 6]]
    return any(key[0] == words[0] and tuple(words[:len(key)]) == key for key in lexicon().positions)


# English heads of public offices named by their fields, which may be joined by "and"
FIELDS_JOINED_HEADS = {"office", "agency", "service", "department", "ministry", "directorate", "bureau", "board"}


def _name_word_before_and(text: str, toks: list[Tok], a: int) -> bool:
    """The capitalised word before "and" (at token a) goes on the name: joined on one line, not a title
    stop word, a position or the head of another organisation."""
    if a < 1:
        return False
    t = toks[a - 1]
    low = fold(t.text)
    return (t.is_word and t.cap and low not in ("the", "a", "an") and low not in lexicon().title_stop
            and low not in lexicon().position_first and joined(text, t.end, toks[a].start)
            and joined(text, toks[a].end, toks[a + 1].start) and _match_head(toks, a - 1) is None)


# a headline verb ("Amankan", "Siapkan"): -kan without the pe-/ke- of a noun ("Pendidikan")
HEADLINE_VERB = re.compile(r"^(?!pe|ke)[a-z]{4,}kan$")


def headline_end(text: str) -> int:
    """End of the text's first line when it is a headline (short, no full stop), else 0."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    line = text[:end].strip()
    return end if line and len(line) <= 200 and not line.endswith(".") and text[:1].strip() else 0


def _unit_then_campus_line(text: str, toks: list[Tok], j: int, head: Head, words: list[str]) -> bool:
    """"FAKULTAS TEKNIK\nUNIVERSITAS X": a unit's line followed by its university's line is one name."""
    if not (head.unit and words) or text[toks[j - 1].end:toks[j].start].strip(" \t") != "\n":
        return False
    nxt = _match_head(toks, j)
    return nxt is not None and nxt[0].campus


def find_mentions(text: str, toks: list[Tok], places: set[str]) -> list[Mention]:
    lx = lexicon()
    out: list[Mention] = []
    in_headline = headline_end(text)
    i = 0
    n = len(toks)
    while i < n:
        hm = _match_head(toks, i)
        if hm is None or _inside_position(toks, i):
            i += 1
            continue
        head, j = hm
        head_text = text[toks[i].start:toks[j - 1].end]
        first = _name_start_left(text, toks, i) if head.names_left else i
        start = toks[first].start
        expanded = head.expand is not None
        parens: list[str] = []
        words: list[str] = [t.text for t in toks[first:i]]
        after_place = False
        after_short_form = False   # "Dinas X (DX)": a person's name may follow
        max_words = 10
        parent_at = -1
        # "Pemerintah Kabupaten atau Pemkab X": skip the repeated short form
        if j + 1 < n and toks[j].text.lower() == "atau":
            hm2 = _match_head(toks, j + 1)
            if hm2 and hm2[0].type == head.type:
                j = hm2[1]
        while j < n and len(words) < max_words:
            t = toks[j]
            low = fold(t.text)
            if head.legal_form and t.text != "(":
                break   # "X B.V." ends the name; only its short form in brackets may follow
            if not (joined(text, toks[j - 1].end, t.start) or _unit_then_campus_line(text, toks, j, head, words)) or (
                    "\n" in text[toks[j - 1].end:t.start] and (LABEL_LINE.match(text, t.start)
                                                               or NUMBER_LINE.match(text, t.start))):
                break  # "... Universitas X\nPeriode: Juli": a label line starts something else
            if low in lx.degree_prefix and (words or parens) and j + 1 < n and toks[j + 1].cap or (
                    low in lx.degree_prefix and j + 1 < n and toks[j + 1].text == "."):
                break
            quoted = _quoted_name_end(toks, j) if head.type == "org" else None
            if quoted:   # BUMDes "Sepakat Maju", Koperasi “Tani Makmur”: a name in quotes after the head
                words.extend(x.text for x in toks[j + 1:quoted - 1])
                j = quoted
                continue
            if t.text == "(":
                k = next((k for k in range(j + 1, min(j + 8, n)) if toks[k].text == ")"), None)
                inner = toks[j + 1:k] if k else []
                if k and inner and all(x.cap or not x.is_word for x in inner) and inner[0].cap:
                    if head.type == "org" or not words:
                        parens.append(text[inner[0].start:inner[-1].end])
                    # "Kepala Dinas X (DX) Nama Orang": after a position, a person's name may follow
                    after_short_form = head.type == "org" and bool(words) and _after_position(toks, first)
                    j = k + 1
                    continue
                break
            if t.text == "." and words and fold(words[-1]) == "tbk":
                j += 1
                continue
            if t.text in ("-", "–") and j + 1 < n and t.end == toks[j + 1].start and toks[j - 1].end == t.start:
                words[-1:] = [words[-1] + "-" + toks[j + 1].text] if words else []
                j += 2
                continue
            if t.text == "," and head.joins_dan and words and not parens \
                    and affairs_list_follows(text, toks, j, places):
                max_words = 16
                j += 1
                continue
            if not t.is_word:
                break
            if head.numbered and not words and UNIT_NUMBER.fullmatch(t.text):
                words.append(t.text)   # "Korem 152/Tanah Lintang", "Kodim 1627"
                j += 1
                continue
            if t.cap:
                if low in lx.title_stop and not (t.upper and low in ("dan", "and")) \
                        and not _work_in_a_name(toks, j, low) and not _closing_bersama(toks, j, words):
                    break
                pl = _place_len(toks, j, places)
                if after_place and not pl and not t.upper and "\n" in text[toks[j - 1].end:t.start]:
                    break  # "... Kabupaten X" then a new title-case line ("Program ...") starts something else
                if pl and low not in ("dan", "and"):
                    words.extend(x.text for x in toks[j:j + pl])
                    j += pl
                    after_place = True
                    continue
                if (after_place or after_short_form and not _short_form_goes_on(text, parens[-1], t.text)) \
                        and low not in lx.institution and not t.upper and _name_follows(toks, j):
                    break
                if t.start < in_headline and words and HEADLINE_VERB.match(low) and low not in lx.institution:
                    break  # "PT X Amankan Pasokan ...": the headline's verb ends the name
                if low in ("dan", "and"):
                    pass  # capitalised connector in a title: handled below
                else:
                    if low in lx.position_first and words and low not in lx.institution:
                        break
                    if _match_head(toks, j) is not None and words and head.type != "org":
                        break
                    inner_head = _match_head(toks, j)
                    if inner_head is not None and inner_head[0].legal_form and head.names_left and words:
                        words.extend(x.text for x in toks[j:inner_head[1]])   # "X Network Ltd": its legal form
                        j = inner_head[1]
                        break
                    if inner_head is not None and words and not head.joins_dan and not (
                            inner_head[0].region and _place_len(toks, inner_head[1], places)) \
                            and not _branch_at(toks, j):
                        break
                    if inner_head is not None and words and inner_head[0].campus and parent_at < 0:
                        parent_at = t.start
                    words.append(t.text)
                    j += 1
                    continue
            # lower-case (or capitalised) connector words
            nxt_at = j + 1
            nxt = toks[j + 1] if j + 1 < n else None
            if nxt is not None and low == "of" and fold(nxt.text) == "the" and j + 2 < n:
                nxt_at = j + 2
                nxt = toks[j + 2]
            if nxt is None or not nxt.cap or (fold(nxt.text) in lx.title_stop
                                              and not _work_in_a_name(toks, nxt_at, fold(nxt.text))):
                break
            if low in ("dan", "and", "&"):
                if not head.joins_dan or _match_head(toks, j + 1) is not None or after_place:
                    break
                words.append(t.text)
                j += 1
                continue
            if low == "of" and parens and toks[j - 1].text == ")":
                break   # "Directorate X (DX) of the Ministry of Y": the body it belongs to follows
            if low in ("of", "the", "for") and head.type == "org" and (words or fold(head.words[-1]) in ("of",)):
                words.append(t.text)
                j += 1
                continue
            if low in ("kepada", "pada", "untuk", "bagi") and head.joins_dan and words:
                words.append(t.text)
                j += 1
                continue
            break
        # trailing connectors are not part of the name
        while words and fold(words[-1]) in ("dan", "and", "of", "the", "for", "kepada", "pada", "untuk", "bagi"):
            words.pop()
        if not words and not parens and fold(head.words[0]) not in STANDALONE_HEADS:
            i = max(i + 1, j)
            continue
        # end offset: last consumed token
        end_tok = j - 1
        while end_tok > i and toks[end_tok].text in ("dan", "and", "of", "the", "for", ","):
            end_tok -= 1
        end = toks[end_tok].end
        # drop name words beyond the kept end (connector popped)
        out.append(Mention(start, end, re.sub(r"\s+", " ", text[start:end]), head.type,
                           re.sub(r"\s+", " ", head_text), words, parens, expanded,
                           headline=end <= in_headline, parent_at=parent_at if parent_at < end else -1,
                           parent=re.sub(r"\s+", " ", text[parent_at:end]) if 0 <= parent_at < end else "",
                           after_position=_after_position(toks, first)))
        i = j if j > i else i + 1
    return out


_ABBR_CACHE: dict[tuple[str, str], bool] = {}


def _words(s: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", re.sub(r"\([^)]*\)", " ", s)) if w and w not in ("(", ")")]


def abbreviates(short: str, long: str) -> bool:
    """Can the words of `short` be read, in order, from the words of `long`, each being equal
    to a word or the initials of a run of words ("UIN SMH Banten" ~ "Universitas Islam Negeri
    Sultan Maulana Hasanudin Banten")? Generic words of `long` may be skipped."""
    key = (short, long)
    if key in _ABBR_CACHE:
        return _ABBR_CACHE[key]
    lx = lexicon()
    sw = [fold(w) for w in _words(short) if fold(w) not in ("the",)]
    lw = [fold(w) for w in _words(long) if fold(w) not in ("the",)]
    lw = [w for w in lw if w not in ("dan", "of", "and", "&")]
    expanded: list[str] = []
    for w in sw:
        prov = lx.provinces.get(w)
        expanded.extend(prov.lower().split() if prov and prov.lower() != w else [w])
    sw = [w for w in expanded if w not in ("dan", "of", "and", "&")]
    camel = {fold(w): [c.lower() for c in re.findall(r"[A-Z][a-z]*", w)] for w in _words(short)
             if re.fullmatch(r"(?:[A-Z][a-z]*){3,}", w) and re.search(r"[a-z]", w)}


    @functools.cache
    def go(a: int, b: int) -> bool:
        if a == len(sw):
            return all(w in GENERIC for w in lw[b:])
        if b == len(lw):
            return False
        w = sw[a]
        if w == lw[b] and go(a + 1, b + 1):
            return True
        # initials of a run
        for k in range(2, min(len(w), len(lw) - b) + 1):
            if "".join(x[0] for x in lw[b:b + k]) == w and go(a + 1, b + k):
                return True
        pieces = camel.get(w)   # "BUMDes": B-U-M-Des(a), each capital starting one word
        if pieces and all(x.startswith(p) for x, p in zip(lw[b:], pieces)) and len(lw) - b >= len(pieces) \
                and go(a + 1, b + len(pieces)):
            return True
        return lw[b] in GENERIC and go(a, b + 1)

    ok = bool(sw) and go(0, 0)
    _ABBR_CACHE[key] = ok
    return ok


@dataclass(eq=False)
class Entity:
    type: str
    place: str | None = None             # for regional governments
    mentions: list[Mention] = field(default_factory=list)
    extra_aliases: list[str] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)

    def surface_forms(self) -> list[str]:
        forms = [m.text for m in self.mentions] + self.extra_aliases
        lx = lexicon()
        for m in self.mentions:
            for p in m.parens:
                if fold(p) in LEGAL_FORMS or is_country(p):
                    continue         # "(Persero)", "(Japan)": a legal form or the country, no name
                after = m.text[m.text.rfind(")") + 1:].strip() if p == m.parens[-1] else ""
                forms.append(f"{p} {after or m.place}" if fold(p) in lx.head_first and m.place else p)
            if m.parens:
                forms.append(re.sub(r"\s*\([^)]*\)", "", m.text))
        return list(dict.fromkeys(f.strip() for f in forms if f.strip()))

    @property
    def canonical(self) -> str:
        if self.type in GOV_NAMES and self.place:
            default = lexicon().provinces.get(self.place, self.place)
            place = max((m.place for m in self.mentions if m.place.lower() == self.place), key=_case_score,
                        default=default)
            return f"{GOV_NAMES[self.type]} {place}"
        full = [m for m in self.mentions if not m.expanded and not m.extension]
        # "Kantor Dinas X" (the building) names the same body as "Dinas X": prefer the latter
        # ... but "Kantor Kementerian X Kabupaten Y" is the official name of a ministry's regional office
        full = [m for m in full if fold(m.head.split()[0]) not in ("kantor", "gedung")
                or m.name_words[:1] and fold(m.name_words[0]) in ("kementerian", "kementrian")] or full
        best = max(full or self.mentions, key=lambda m: (bool(m.parens), len(m.name_words), _case_score(m.text)))
        return re.sub(r"\s*\((?!Persero)[^)]*\)", "", best.text) if best.parens else best.text

    def parent_names(self) -> list[str]:
        """Names of the bodies this one is a unit of ("Universitas Y" for "Fakultas X Universitas Y")."""
        return list(dict.fromkeys(m.parent for m in self.mentions if m.parent))

    def key_names(self) -> list[str]:
        return [self.canonical] + self.surface_forms()

    def spans(self) -> list[tuple[int, int]]:
        return sorted({(m.start, m.end) for m in self.mentions} | set(self.extra_spans))


def _case_score(s: str) -> int:
    """Prefer 'Title Case' forms over CAPS ones for display."""
    return sum(1 for c in s if c.islower())


def place_key(place: str) -> str:
    lx = lexicon()
    p = place.lower()
    return lx.provinces.get(p, place).lower()


def _short_places(mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """(type, place) of a short form defined in parentheses -> the full place:
    "Pemerintah Provinsi Sulawesi Barat Laut (Pemprov Sulbarla)" makes "Pemprov Sulbarla" the same."""
    short_heads = {h.words[0]: h.type for h in lexicon().heads if h.expand and len(h.words) == 1}
    out: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.type not in GOV_NAMES or not m.name_words:
            continue
        for p in re.findall(r"\(([^()]+)\)", m.text):
            words = p.split()
            if len(words) > 1 and short_heads.get(fold(words[0])) == m.type:
                out[(m.type, place_key(" ".join(words[1:])))] = place_key(m.place)
    return out


def group(mentions: list[Mention]) -> list[Entity]:
    entities: list[Entity] = []
    ordered = sorted(mentions, key=lambda m: -(len(m.name_words) + len(m.parens)))
    short_places = _short_places(mentions)
    for m in ordered:
        ent = None
        if m.type in GOV_NAMES and m.name_words:
            pk = place_key(m.place)
            pk = short_places.get((m.type, pk), pk)
            ent = next((e for e in entities if e.type == m.type and e.place == pk), None)
            if ent is None:
                ent = Entity(m.type, pk)
                entities.append(ent)
        else:
            for e in entities:
                if e.type in GOV_NAMES:
                    continue
                if any(_same_org(m, o) for o in e.mentions):
                    ent = e
                    break
            if ent is None:
                ent = Entity(m.type)
                entities.append(ent)
        ent.mentions.append(m)
    return _merge_extensions(entities)


def _bare(m: Mention) -> str:
    """The mention without a trailing parenthesis ("PT X (Persero)" -> "PT X")."""
    return re.sub(r"\s*\([^()]*\)$", "", m.text)


def _extends(long: Mention, short: Mention) -> bool:
    """`long` is `short` followed by place or person words only ("Ombudsman RI Jakarta",
    "Universitas Pamulang Dayat Hidayat")."""
    lt, st = long.text, _bare(short)
    if not short.name_words:
        return False
    if len(lt) <= len(st) or not lt.lower().startswith(st.lower()) or lt[len(st)] != " ":
        return False
    rest = lt[len(st):].split()
    lx = lexicon()
    if long.headline and fold(rest[0]) not in lx.institution and all(w[:1].isupper() for w in rest):
        return True   # a Title Case headline runs on past the name written elsewhere in the text
    return all(fold(w) not in lx.institution and w[:1].isupper() for w in rest) and len(rest) <= 4


def _merge_extensions(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in sorted(entities, key=lambda e: min((len(m.text) for m in e.mentions if m.name_words), default=0)):
        target = None
        if e.type not in GOV_NAMES:
            longer = [m for m in e.mentions if m.name_words]
            target = next((o for o in out if o.type not in GOV_NAMES and longer and all(
                any(_extends(m, s) for s in o.mentions) for m in longer)), None)
        if target is None:
            out.append(e)
            continue
        named_alone = _rest_names_the_body(longer)
        for m in e.mentions:
            if not m.name_words:
                target.mentions.append(m)
                continue
            s = max((s for s in target.mentions if _extends(m, s)), key=lambda s: len(_bare(s)))
            bare = _bare(s)
            rest = m.text[len(bare):].split()
            if named_alone:
                target.mentions.append(m)   # the fuller name of the body, not a person after it
                continue
            if all(" ".join(rest).lower() not in lexicon().provinces for _ in [0]):
                # a person's name follows: cut the mention back to the organisation
                m = Mention(m.start, m.start + len(bare), bare, m.type, m.head,
                            m.name_words[:len(s.name_words)], m.parens, m.expanded)
            m.extension = True
            target.mentions.append(m)
    return out


def _rest_names_the_body(longer: list[Mention]) -> bool:
    """"Pengadilan Agama Muara Merawan" written twice, once with no position before it: the words after
    the short form ("Pengadilan Agama" in a headline) are the place in the body's name; a person's
    name after an organisation comes after a position ("Rektor Universitas X Nama Orang")."""
    return len(longer) >= 2 and len({_bare(m).lower() for m in longer}) == 1 and any(
        not m.after_position for m in longer)


def _short_form_texts(m: Mention) -> set[str]:
    """"Kepolisian Resor (Polres) Bukit Lantan" -> "polres bukit lantan": the short form for the words
    before it; "Kantor Pencarian dan Pertolongan (SAR) Nusa Lontar" -> "kantor sar nusa lontar" and
    "kantor sar": the short form for the words after the head, the head kept."""
    x = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)(?:\s+([^()]+))?", m.text)
    if not x:
        return set()
    short, rest = x.group(2), x.group(3) or ""
    out = {f"{short} {rest}".lower()} if rest else set()
    if m.name_words and m.text.startswith(m.head) and len(x.group(1)) > len(m.head):
        out |= {f"{m.head} {short} {rest}".strip().lower(), f"{m.head} {short}".lower()}
    return out


_REGION_TAIL = re.compile(r"\s+(?:kota|kabupaten|kab\.?|provinsi)\s+\S.*$")


def _branch_spelled_out(name: str) -> str:
    """"perum x kanwil y" -> "perum x kantor wilayah y"."""
    return " ".join(BRANCH_SHORT.get(w, w) for w in name.split())


_OF_NAME = re.compile(r"(?:the\s+)?(?P<kind>[a-z][a-z ]*?)\s+of\s+(?:the\s+)?(?P<rest>\S.*)")


def _of_inverted(name: str) -> str | None:
    """"the provincial government of x" -> "x provincial government": the English name in the other
    word order (lower case)."""
    m = _OF_NAME.fullmatch(re.sub(r"\s+", " ", name))
    return f"{m['rest']} {m['kind']}" if m else None


def _same_org(a: Mention, b: Mention) -> bool:
    ta = _branch_spelled_out(re.sub(r"\s*\([^)]*\)", "", a.text).lower())
    tb = _branch_spelled_out(re.sub(r"\s*\([^)]*\)", "", b.text).lower())
    if ta == tb or tb in _short_form_texts(a) or ta in _short_form_texts(b):
        return True
    # "Perumda X" for "Perusahaan Umum Daerah (Perumda) X Kota Y": the short form without its place
    if tb in {_REGION_TAIL.sub("", f) for f in _short_form_texts(a)} or \
            ta in {_REGION_TAIL.sub("", f) for f in _short_form_texts(b)}:
        return True
    if _BRANCH_TAIL.sub("", ta) == tb or _BRANCH_TAIL.sub("", tb) == ta:   # "Perum X" ~ "Perum X Kanwil Y"
        return True
    if not a.name_words and fold(a.head.split()[0]) == fold(b.head.split()[0]):
        return True  # bare "Ombudsman" ~ "Ombudsman RI"
    if _of_inverted(ta) == tb or _of_inverted(tb) == ta:
        return True  # "the Provincial Government of X" ~ "X Provincial Government"
    full_b = b.text
    return abbreviates(a.text, full_b) or abbreviates(b.text, a.text) or any(
        p.lower() == ta for p in b.parens) or any(p.lower() == tb for p in a.parens)


def link_acronyms(text: str, toks: list[Tok], entities: list[Entity]) -> None:
    """Record bare abbreviations ("UTM", "ITN Malang", "Kemenkominfo") as extra spans of the entity
    they abbreviate."""
    covered = sorted((m.start, m.end) for e in entities for m in e.mentions)
    starts = [c[0] for c in covered]
    from bisect import bisect_right
    for i, t in enumerate(toks):
        if not (t.upper and 2 <= len(t.text) <= 10 and t.text.isalpha()) or fold(t.text) in lexicon().title_stop:
            _link_short_form(t, covered, entities)
            continue
        k = bisect_right(starts, t.start) - 1
        if k >= 0 and covered[k][0] <= t.start < covered[k][1]:
            continue
        span_end = t.end
        phrase = t.text
        if i + 1 < len(toks) and toks[i + 1].cap and toks[i + 1].is_word and toks[i + 1].start == t.end + 1:
            phrase2 = f"{t.text} {toks[i + 1].text}"
        else:
            phrase2 = None
        for e in entities:
            if any(m.start <= t.start < m.end for m in e.mentions):
                break
            names = e.surface_forms()
            if phrase2 and any(abbreviates(phrase2, n) for n in names if len(n) > len(phrase2)):
                e.extra_spans.append((t.start, toks[i + 1].end))
                e.extra_aliases.append(phrase2)
                break
            if any(n == phrase for n in names) or any(
                    abbreviates(phrase, n) for n in names if len(_words(n)) >= len(phrase) and len(n) > len(phrase)):
                e.extra_spans.append((t.start, span_end))
                e.extra_aliases.append(phrase)
                break


def _link_short_form(t: Tok, covered: list[tuple[int, int]], entities: list[Entity]) -> None:
    """A capitalised word outside every mention that is the syllable short form of one organisation's
    name ("Kemenag" for "Kantor Kementerian Agama Kabupaten X") is a mention of it."""
    if not t.cap or t.upper or any(a <= t.start < b for a, b in covered) or fold(t.text) in lexicon().title_stop:
        return
    hits = [e for e in entities if any(syllable_short_form(t.text, n) for n in e.surface_forms())]
    if len(hits) == 1:
        hits[0].extra_spans.append((t.start, t.end))
        if t.text not in hits[0].extra_aliases:
            hits[0].extra_aliases.append(t.text)
