"""`janji_officials`: people acting for the organisations, with name (degrees and honorifics kept
apart), position as written, organisation and role (signatory / attendee / speaker).

Forms recognised (all driven by `patterns/positions.jsonl`, `degrees.jsonl`,
`institution_words.jsonl` and the organisation analysis of the parties component):
- position first: "Penjabat Bupati X Drs. Nama", "Kepala Dinas X, Nama", "Ketua Lembaga X Nama"
  — the qualifier ends where the words stop being institutional (organisation heads, unit words,
  provinces and places named elsewhere in the document, abbreviations in capitals);
- name first in party clauses: "1. dr. Nama, Sp.JP, Direktur ...", "diwakili oleh Nama, M.M.,
  Direktur", "represented by Prof. Dr. Nama, Rector of Y", "Nama dalam jabatannya sebagai ...";
- signature blocks: "(ttd.)" / "(signed)" followed by a name line and a position line, in one or
  several columns, with the organisation taken from the header above ("PIHAK PERTAMA, X",
  "FOR THE GOVERNMENT OF ..."); "Witnessed by:" blocks give attendees.
The same person named twice (full name, then surname or honorific + name) is one official with
several evidence spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp.lexicon import Tok, fold, is_degree_suffix, joined, lexicon
from extractor.nlp.orgs import GOV_NAMES, Entity, place_key
from extractor.nlp.parties import analyse
from extractor.types import Evidence, Official

PARTICLES = {"bin", "binti", "van", "de", "al", "el", "da", "di", "boru"}
DOTTED_PARTICLES = {"br"}
ROMAN = {"i", "ii", "iii", "iv", "v"}
NAME_FIRST_CONTEXT = re.compile(r"(?:\boleh|\bby|\bhadapan|^\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\bdan|\band)\s*\Z",
                                re.IGNORECASE | re.MULTILINE)
SIGN_VERBS = re.compile(r"\b(menandatangani|ditandatangani|meneken|diteken|teken|tanda\s*tangan|penandatanganan\s+dilakukan|"
                        r"signed|membubuhkan)\b", re.IGNORECASE)
ATTEND = re.compile(r"\b(?:hadir|dihadiri|didampingi|mendampingi|disaksikan|menyaksikan|turut|tampak|witness\w*|"
                    r"attended|accompanied)\b", re.IGNORECASE)
SPEECH_AFTER = r"(?:(?:ujar|kata|tutur|jelas|papar|tegas|ungkap|terang|imbuh|tutup|sebut|lanjut)(?:nya)?|said|says|added)"
SPEECH_BEFORE = r"(?:menjelaskan|mengatakan|menegaskan|menambahkan|menyampaikan|mengungkapkan|menuturkan|said|says|stated)"
SIGN_MARK = re.compile(r"^[ \t]*(?:\(?\s*(?:ttd|TTD|Ttd|signed|Signed|SIGNED|tanda\s+tangan)\.?\s*\)?[ \t]*)+$", re.MULTILINE)
WITNESS = re.compile(r"^[ \t]*(?:witnessed\s+by|disaksikan\s+oleh|saksi(?:-saksi)?)\s*:?\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass
class Found:
    name: str
    honorifics: list[str]
    position: str | None
    organization: str | None
    role: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.7


class Ctx:
    def __init__(self, doc: Doc):
        info = analyse(doc)
        self.text: str = doc.text
        self.toks: list[Tok] = info["toks"]
        self.places: set[str] = info["places"]
        self.entities: list[Entity] = info["entities"]
        self.parties: list[Entity] = doc.user_data.get("janji_party_entities") or []
        self.party_records = list(doc._.janji_parties or [])
        self.party_names = {id(e): p.name for e, p in zip(self.parties, self.party_records)}
        spans = info.get("party_spans") or info["spans"]
        self.org_spans = spans
        self.inst_tok: set[int] = set()
        starts = {t.start: i for i, t in enumerate(self.toks)}
        for s, e, _ in spans:
            i = starts.get(s)
            while i is not None and i < len(self.toks) and self.toks[i].start < e:
                self.inst_tok.add(i)
                i += 1
        self.tok_at = starts
        self.lx = lexicon()
        self.folded = [fold(t.text) for t in self.toks]
        # words of organisation names and abbreviations found in this document ("Kejari")
        self.org_words: set[str] = set()
        self.person_words: set[str] = set()
        for e in self.entities:
            for m in e.mentions:
                words = re.findall(r"[\w\u00ad-]+", self.text[m.start:m.end].split("\n")[0])
                if not m.extension and len(words) <= 12:
                    # only the first line of a mention of organisation size: a capitals signature block
                    # read as one organisation ("KEPALA KANTOR X / NAMA ORANG") or a whole clause read
                    # as one must not make a person's name an organisation word
                    self.org_words.update(fold(w) for w in words)
                    self.org_words.update(fold(p) for p in m.parens)
        self.positions_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in self.lx.positions:
            self.positions_by_first.setdefault(words[0], []).append(words)

    # -- token predicates -------------------------------------------------------------------
    def place_len(self, j: int) -> int:
        for n in (3, 2, 1):
            if j + n <= len(self.toks) and all(t.cap for t in self.toks[j:j + n]):
                if " ".join(t.text for t in self.toks[j:j + n]).lower() in self.places:
                    return n
        return 0

    def institutional(self, j: int) -> bool:
        t = self.toks[j]
        low = fold(t.text)
        if j in self.inst_tok or low in self.lx.institution or low in self.lx.head_first or low in self.org_words:
            return True
        if low in self.lx.position_first or self.place_len(j):
            return True
        if t.upper and len(t.text) >= 2 and t.text.isalpha() and not self._caps_context(j):
            return True
        return False

    def _caps_context(self, j: int) -> bool:
        """Inside a line written in capitals (signature blocks, titles)."""
        ls = self.text.rfind("\n", 0, self.toks[j].start) + 1
        le = self.text.find("\n", self.toks[j].end)
        line = self.text[ls:le if le >= 0 else len(self.text)]
        rel = self.toks[j].start - ls
        for col in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)", line):  # the column holding the token
            if col.start() <= rel < col.end():
                line = col.group()
                break
        letters = [c for c in line if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > 0.7 * len(letters)

    def name_tok(self, j: int, caps_ok: bool = False) -> bool:
        """Can token j be part of a person's name? `caps_ok`: a name in capitals inside running text
        is allowed (party clauses: "1. Drs. NAMA ORANG, M.Si. : Bupati X")."""
        t = self.toks[j]
        low = fold(t.text)
        if not t.is_word or not t.cap:
            return False
        if low in self.lx.title_stop or low in self.lx.institution or low in self.lx.head_first:
            return False
        if low in self.lx.not_name or low not in self.lx.shaped_names and any(p.match(low) for p in self.lx.not_name_shapes):
            return False
        if low in self.org_words and not self._caps_context(j) and low not in self.person_words:
            return False
        if low in self.lx.position_first or low in self.lx.position_prefixes or low in self.lx.degree_prefix:
            return False
        if t.upper and len(t.text) > 1 and not self._caps_context(j) and not is_degree_suffix(t.text) and not (
                caps_ok and len(t.text) >= 3 and re.search(r"[AEIOU]", t.text)):
            return False
        return not is_degree_suffix(t.text) or len(t.text) > 4 and not t.upper and "." not in t.text

    def same_line(self, a: int, b: int) -> bool:
        return joined(self.text, self.toks[a].end, self.toks[b].start)

    def strict_line(self, a: int, b: int) -> bool:
        return "\n" not in self.text[self.toks[a].end:self.toks[b].start]


def parse_name(ctx: Ctx, j: int, limit: int | None = None, one_line: bool = False,
               caps_ok: bool = False) -> tuple[str, list[str], int, int, int] | None:
    """(name, honorifics, first char, end char of the name, next token index) at token j."""
    toks, lx = ctx.toks, ctx.lx
    n = len(toks) if limit is None else limit
    hon: list[str] = []
    k = j
    while k < n:
        t = toks[k]
        low = fold(t.text)
        two = f"{low} {fold(toks[k + 1].text)}" if k + 1 < n else ""
        if two in lx.degree_prefix:
            dotted = k + 2 < n and toks[k + 2].text == "." and toks[k + 2].start == toks[k + 1].end
            hon.append(f"{t.text} {toks[k + 1].text}" + ("." if dotted else ""))
            k += 3 if dotted else 2
        elif "." in t.text and t.text[:1].isupper() and all(x in lx.degree_prefix for x in low.split(".")):
            # "Prof.Dr." written without a space
            dotted = k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == t.end
            hon.extend(x + "." for x in t.text.split("."))
            k += 2 if dotted else 1
        elif low in lx.degree_prefix and (t.text[:1].isupper() or low in ("dr", "drg", "apt")):
            dotted = k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == t.end
            hon.append(t.text + ("." if dotted else ""))
            k += 2 if dotted else 1
        else:
            break
        if k < n and toks[k].text == "," and k + 1 < n and fold(toks[k + 1].text) in lx.degree_prefix:
            k += 1
    start_k = k
    words: list[str] = []
    while k < n and len(words) < 6:
        if words and (not (ctx.strict_line if one_line else ctx.same_line)(k - 1, k)
                      or "  " in ctx.text[toks[k - 1].end:toks[k].start]):
            break
        t = toks[k]
        low = fold(t.text)
        if low in PARTICLES and words and k + 1 < n and toks[k + 1].cap:
            words.append(t.text)
            k += 1
            continue
        if low in DOTTED_PARTICLES and words and k + 2 < n and toks[k + 1].text == "." \
                and toks[k + 1].start == t.end and ctx.same_line(k + 1, k + 2) and toks[k + 2].cap:
            words.append(t.text + ".")  # Batak "br." (boru) inside a woman's name: "Nama br. Marga"
            k += 2
            continue
        if len(t.text) == 1 and t.text.isupper() and k + 1 < n and (toks[k + 1].cap or toks[k + 1].text == "."):
            # initial: "M. Faisal", "Wempi W Mawa", "I Nengah"
            if k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == t.end:
                words.append(t.text + ".")
                k += 2
            else:
                words.append(t.text)
                k += 1
            continue
        if low in lx.name_abbrevs and t.cap and k + 2 < n and toks[k + 1].text == "." \
                and toks[k + 1].start == t.end and ctx.same_line(k + 1, k + 2) and ctx.name_tok(k + 2, caps_ok):
            words.append(t.text + ".")  # abbreviated name part: "Moh. Nama", "Muh. Nama", "Abd. Nama"
            k += 2
            continue
        if ctx.name_tok(k, caps_ok):
            words.append(t.text)
            k += 1
            continue
        break
    if caps_ok and len(words) < 2 and any(w.isupper() and len(w) > 1 for w in words):
        return None  # one word in capitals is an acronym more often than a name
    while words and fold(words[-1]) in PARTICLES:
        words.pop()
        k -= 1
    if not words or all(len(w.rstrip(".")) == 1 for w in words):
        return None
    first = toks[start_k].start if hon == [] else toks[j].start
    name_end = toks[start_k + len(words) - 1].end if start_k + len(words) - 1 < len(toks) else toks[-1].end
    # recompute end from the consumed tokens (initials may span two tokens)
    name_end = toks[k - 1].end
    # suffix degrees: ", SE., MH" / " SH. M.Hum" / ", Sp.JP"
    while k < n:
        if toks[k].text == "," and k + 1 < n and is_degree_suffix(toks[k + 1].text) and ctx.same_line(k, k + 1):
            k += 1
            continue
        if is_degree_suffix(toks[k].text) and ctx.same_line(k - 1, k) and (
                toks[k - 1].text in (",", ".") or is_degree_suffix(toks[k - 1].text.rstrip("."))):
            d = toks[k].text
            if k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == toks[k].end:
                d += "."
                k += 1
            hon.append(d)
            k += 1
            continue
        if toks[k].text == "." and k > 0 and is_degree_suffix(toks[k - 1].text):
            k += 1
            continue
        break
    return " ".join(words), hon, first, name_end, k


def _match_position(ctx: Ctx, i: int) -> int:
    """Index after a position phrase (with prefixes such as Wakil / Pj.) starting at i, or i."""
    toks, lx, folded = ctx.toks, ctx.lx, ctx.folded
    if i < 0 or i >= len(toks):
        return i
    k = i
    while k < len(toks) and folded[k] in lx.position_prefixes:
        k += 1
        if k < len(toks) and toks[k].text == "." and toks[k].start == toks[k - 1].end:
            k += 1
    if k >= len(toks) or folded[k] not in lx.position_first:
        return i
    best = 0
    for words in ctx.positions_by_first[folded[k]]:
        if k + len(words) <= len(toks) and all(folded[k + x] == w for x, w in enumerate(words)):
            best = max(best, len(words))
    if not best:
        return i
    # "Wakil Rektor" is a position, "Wakil" alone is not
    return k + best


def _gov_org(ctx: Ctx, position_words: str, qualifier: str) -> str | None:
    """The organisation a position names: a party mentioned or whose place is mentioned in the
    qualifier, an organisation mentioned there, or the regional government of a head of region."""
    q = qualifier.lower()
    if not q.strip():
        return None
    # the party named by the longest form: "Kepala BPJS Cabang X" is the BPJS branch, not the Pemkab X
    named = [(len(f), i, e) for i, e in enumerate(ctx.parties) for f in e.key_names() if f and f.lower() in q]
    if named:
        e = max(named, key=lambda x: (x[0], -x[1]))[2]
        return ctx.party_names.get(id(e), e.canonical)
    # "Kapolres X" heads the party "Kepolisian Resor X", not the government of X
    expansion = ctx.lx.position_orgs.get(tuple(fold(position_words).split()[-1:]))
    if expansion:
        for e in ctx.parties:
            name = ctx.party_names.get(id(e), e.canonical).lower()
            if name.startswith(expansion.lower()) and (not e.place or e.place in q or q in name):
                return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.parties:
        if e.place and (f" {e.place} " in f" {q} " or f" {e.place}" == q[-len(e.place) - 1:]):
            return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.entities:
        if e.type in GOV_NAMES and e.place and f" {e.place} " in f" {q} ":
            return e.canonical
    gov = None
    for words, g in ctx.lx.positions.items():
        if " ".join(words) in fold(position_words):
            gov = g or gov
    if gov in GOV_NAMES:
        place = qualifier.strip(" ,")
        place = re.sub(r"^(?:Kabupaten|Kota|Provinsi|Propinsi)\s+", "", place)
        full = ctx.lx.provinces.get(place.lower(), place)
        for e in ctx.entities:
            if e.type == gov and e.place == place_key(place):
                return e.canonical
        return f"{GOV_NAMES[gov]} {full}" if full else None
    for e in ctx.entities:
        if any(f.lower() in q for f in e.surface_forms() if len(f) > 3):
            return e.canonical
    return None


def _context_org(ctx: Ctx, at: int, position_words: str) -> str | None:
    """Organisation of a position that names none ("Sekretaris Daerah", "pembantu rektor"): the
    party named last before it in the same paragraph, else the only regional government party."""
    para = max(ctx.text.rfind("\n\n", 0, at), 0)
    before = [x for x in ctx.org_spans if para <= x[0] < at and x[2] in ctx.parties]
    if before:
        e = before[-1][2]
        return ctx.party_names.get(id(e), e.canonical)
    govs = [e for e in ctx.parties if e.type in GOV_NAMES]
    is_gov_pos = any(g == "ctx" for w, g in ctx.lx.positions.items() if " ".join(w) in fold(position_words))
    if is_gov_pos and len(govs) == 1:
        return ctx.party_names.get(id(govs[0]), govs[0].canonical)
    return None


def position_first(ctx: Ctx) -> list[Found]:
    toks = ctx.toks
    out: list[Found] = []
    i = 0
    n = len(toks)
    while i < n:
        j = _match_position(ctx, i)
        if j == i:
            i += 1
            continue
        k = j
        qual_end = j
        found = None
        # walk comma-separated parts: institutional parts extend the position, the first part
        # ending in a person's name gives the name
        while k < n and k - j < 30:
            if not ctx.same_line(k - 1, k) or not ctx.strict_line(k - 1, k) and LABEL_START.match(ctx.text, toks[k].start):
                break  # "Jabatan : Kepala Dinas X" then "Alamat : ..." on the next line
            if toks[k].text == ",":
                k += 1
                continue
            if toks[k].text == "(":
                close = next((c for c in range(k, min(k + 10, n)) if toks[c].text == ")"), None)
                if close is None:
                    break
                k = close + 1
                qual_end = k
                continue
            low = fold(toks[k].text)
            after_comma = toks[k - 1].text == "," and qual_end == k - 1
            if low in ("dan", "kepada", "pada", "of", "the", "and", "for", "bagi") and (qual_end == k or after_comma) and \
                    k + 1 < n and toks[k + 1].cap and not ctx.name_tok(k + 1) \
                    and fold(toks[k + 1].text) not in ctx.lx.degree_prefix or (
                    low in ("dan", "of", "and") and (qual_end == k or after_comma) and k + 1 < n
                    and ctx.institutional(k + 1)):
                k += 1
                qual_end = k
                continue
            if low in ROMAN and toks[k].text.isupper() and (k + 1 >= n or not ctx.name_tok(k + 1)
                                                            or toks[k + 1].text == ","):
                k += 1
                qual_end = k
                continue
            if low in ctx.lx.degree_prefix or (ctx.name_tok(k) and not ctx.place_len(k) and k not in ctx.inst_tok):
                parsed = parse_name(ctx, k)
                if parsed:
                    found = parsed
                break
            pl = ctx.place_len(k)
            if pl:
                k += pl
                qual_end = k
                continue
            if toks[k].is_word and toks[k].cap and ctx.institutional(k):
                k += 1
                qual_end = k
                continue
            break
        ok = False
        if found:
            name, hon, first, name_end, nxt = found
            # the token after the name must be a boundary, not more capitalised words; a name whose
            # degrees end in a dot may end the sentence ("..., S.H., M.H. Kegiatan itu ...")
            ok = nxt >= n or not toks[nxt].cap or toks[nxt].text in (",", ".") or not ctx.same_line(nxt - 1, nxt) \
                or (bool(hon) and toks[nxt - 1].text == "." and nxt - 1 > ctx.tok_at.get(first, nxt))
            ok = ok and not name.isupper()
        if not ok or (nxt < n and fold(toks[nxt].text) in QUALIFIER_LINKS):
            # "Asisten Perekonomian dan Kesejahteraan Rakyat Setdakab X, Nama": words the walk could not
            # classify, then a comma and a person's name
            late = _comma_name(ctx, j)
            if late:
                found, qual_end = late
                name, hon, first, name_end, nxt = found
                ok = True
        if found and ok:
            pos_start = toks[i].start
            pos_end = toks[qual_end - 1].end if qual_end > i else toks[j - 1].end
            position = ctx.text[pos_start:pos_end].strip(" ,")
            position = re.sub(r"\s+", " ", position)
            qualifier = ctx.text[toks[j - 1].end:pos_end].strip(" ,") if qual_end > j else ""
            org = _gov_org(ctx, ctx.text[pos_start:toks[j - 1].end], qualifier) or _context_org(
                ctx, pos_start, ctx.text[pos_start:toks[j - 1].end])
            role = None
            if REPRESENTED.search(ctx.text, max(0, pos_start - 40), pos_start):
                # "X, represented by its Rector, Prof. Nama" / "diwakili oleh Kepala Dinas Y, Nama"
                role = "signatory"
                org = _party_in(ctx, position) or _item_party(ctx, first) or org
            out.append(Found(name, hon, position, org, role, [(first, name_end), (pos_start, pos_end)]))
            i = nxt
            continue
        i = max(j, i + 1)
    return out


REPRESENTED = re.compile(r"\b(?:represented\s+by|diwakili\s+oleh)\s+(?:its\s+|the\s+|their\s+)?\Z", re.IGNORECASE)
QUALIFIER_LINKS = {"dan", "and", "of", "the", "for", "bagi", "&"}


def _comma_name(ctx: Ctx, j: int) -> tuple[tuple[str, list[str], int, int, int], int] | None:
    """After a position head at token j: capitalised qualifier words (no other position) up to a
    comma or an honorific on the same line, then a person's name ending at a boundary.
    Returns (parsed name, index where the qualifier ends)."""
    toks, n = ctx.toks, len(ctx.toks)
    k = j
    while k < n and k - j < 25:
        if k > 0 and not ctx.same_line(k - 1, k):
            return None
        t = toks[k]
        if t.text == ",":
            break
        if t.text == "(":
            close = next((c for c in range(k, min(k + 10, n)) if toks[c].text == ")"), None)
            if close is None:
                return None
            k = close + 1
            continue
        low = fold(t.text)
        if low in ctx.lx.degree_prefix:
            if k > j and t.cap:
                break  # "Bupati Lembah Hijau Ir. Nama": an honorific starts the name
            return None
        if t.is_word and (t.cap or t.text[:1].isdigit()) and _match_position(ctx, k) == k \
                or low in QUALIFIER_LINKS and (k > j or low in ("of", "for")):
            k += 1
            continue
        return None
    if k == j or k + 1 >= n or fold(toks[k - 1].text) in QUALIFIER_LINKS:
        return None
    if toks[k].text == ",":
        if not ctx.same_line(k, k + 1):
            return None
        parsed = parse_name(ctx, k + 1)
    else:
        parsed = parse_name(ctx, k)
    if not parsed or parsed[0].isupper():
        return None
    nxt = parsed[4]
    if nxt < n and toks[nxt].cap and toks[nxt].text not in (",", ".") and ctx.same_line(nxt - 1, nxt) \
            and toks[nxt - 1].text != ".":
        return None
    return parsed, k


def _entry_starts(ctx: Ctx, k: int) -> bool:
    """Does a "Name, degree" or "Name, Position" entry start at token k?"""
    parsed = parse_name(ctx, k, one_line=True)
    if not parsed:
        return False
    nk = parsed[4]
    if parsed[1] and is_degree_suffix(parsed[1][-1]):
        return True
    return nk + 1 < len(ctx.toks) and ctx.toks[nk].text == "," and _match_position(ctx, nk + 1) != nk + 1


def _position_after(ctx: Ctx, k: int) -> tuple[str, int, int] | None:
    """A position phrase starting at token k (after "," / "selaku" / "sebagai"), as written."""
    toks = ctx.toks
    j = _match_position(ctx, k)
    if j == k:
        return None
    e = j
    while e < len(toks) and ctx.same_line(e - 1, e):
        if not ctx.strict_line(e - 1, e) and (_entry_starts(ctx, e) or LABEL_START.match(ctx.text, toks[e].start)):
            break  # the next line of a list of people ("Nama, S.E., Head of ...", "Sekretaris: Nama")
        t = toks[e]
        low = fold(t.text)
        if t.text == "(" or t.text == "," and e + 1 < len(toks) and toks[e + 1].cap and ctx.institutional(e + 1) \
                and fold(toks[e + 1].text) not in ("yang",):
            if t.text == "(":
                break
            e += 1
            continue
        if t.is_word and (t.cap or low in ("dan", "of", "the", "and", "kepada", "for")):
            if low in ("dan", "and") and not (e + 1 < len(toks) and ctx.institutional(e + 1)):
                break
            e += 1
            continue
        if t.text == "." and e > 0 and fold(toks[e - 1].text) in ("tbk",):
            e += 1
            continue
        break
    while e > j and fold(toks[e - 1].text) in ("dan", "of", "the", "and", "kepada", "for", ","):
        e -= 1
    start, end = toks[k].start, toks[e - 1].end
    return re.sub(r"\s+", " ", ctx.text[start:end]), start, end


LABEL_START = re.compile(r"[^\n:,.]{1,40}:\s")
CLAUSE_START = re.compile(r"(?:^|[.!?\"”]\s+|\n\s*(?:[-•*▪]\s+)?)$")
WITNESSED_BY = re.compile(r"\b(?:witnessed|disaksikan)\s+(?:by|oleh)\s*:?\s*\Z", re.IGNORECASE)
SPOKEN_BEFORE = re.compile(rf"\b(?:{SPEECH_AFTER}|said|says|according\s+to|menurut)\s*\Z", re.IGNORECASE)
DEGREES_AHEAD = re.compile(r"[^,\n]{2,60},\s*(?:[A-Z][A-Za-z]{0,3}\.\s?[A-Za-z]|Ph\.?D|[A-Z]{2,4}\b)")
LINK_WORD = re.compile(r"\s*,?\s*(?:dalam\s+(?:jabatannya|kapasitasnya)\s+)?(?:selaku|sebagai)\s+|\s+as\s+(?:the\s+)?|\s*,\s*(?:the\s+)?|\s*:\s*")


def name_first(ctx: Ctx) -> list[Found]:
    toks, text = ctx.toks, ctx.text
    out: list[Found] = []
    for i, t in enumerate(toks):
        if not (t.cap or fold(t.text) in ctx.lx.degree_prefix):
            continue
        before = text[max(0, t.start - 40):t.start]
        in_context = bool(NAME_FIRST_CONTEXT.search(before))
        first_word = not (i > 0 and (toks[i - 1].cap and (ctx.strict_line(i - 1, i) or ctx.same_line(i - 1, i)
                                                          and ctx.name_tok(i - 1))
                                     or toks[i - 1].text == "." and i > 1 and fold(toks[i - 2].text) in ctx.lx.degree_prefix))
        # "Nama selaku Jabatan" at a clause start, or "Ny. Nama selaku Jabatan" anywhere
        selaku = re.search(r"\b(?:selaku|sebagai)\b", text[t.start:t.start + 120]) and first_word and (
            CLAUSE_START.search(before) or fold(t.text) in ctx.lx.degree_prefix and t.text[:1].isupper())
        # "Dr. Nama, S.Kom., M.T., Kepala Pusat ...": degrees after the name, then a position;
        # "Nama, Kepala Dinas X, mengatakan" / "kata Nama, Dekan ...": a clause start or a speech verb
        degreed = not in_context and not selaku and first_word and DEGREES_AHEAD.match(text, t.start)
        spoken = not (in_context or selaku or degreed) and first_word and (
            CLAUSE_START.search(before) or SPOKEN_BEFORE.search(before)) and "," in text[t.end:t.end + 60]
        if not (in_context or selaku or degreed or spoken):
            continue
        if (degreed or spoken) and _position_before(ctx, i):
            continue  # "Sekda X, Ir. Nama, M.T., Kepala Bappeda X, Nama2": the name closes the position before it
        parsed = parse_name(ctx, i, caps_ok=bool(in_context))
        if not parsed:
            continue
        name, hon, first, name_end, k = parsed
        if name.isupper():
            name = " ".join(w if len(w) <= 2 else w.capitalize() for w in name.split())
        if degreed and not any(is_degree_suffix(h) for h in hon):
            continue
        if spoken and len(name.split()) < 2 and not hon:
            continue  # "Sebelumnya, Bupati X ...": a lone word before a comma is no name
        # link word: "," | "selaku" | "sebagai" | "dalam jabatannya sebagai" ("selaku" alone is enough
        # to read the words before it as a name: "Ahmad Fauzan selaku Kepala Bagian ... menjelaskan")
        m = LINK_WORD.match(text[toks[k - 1].end:toks[k - 1].end + 40]) if k < len(toks) else None
        linked = "selaku" in m.group() or "sebagai" in m.group() and (len(name.split()) >= 2 or bool(hon)) if m else False
        if not m or not (in_context or linked or (degreed or spoken) and "," in m.group()):
            continue
        pos_char = toks[k - 1].end + m.end()
        pk = ctx.tok_at.get(pos_char)
        if pk is None:
            continue
        pos = _position_after(ctx, pk)
        if not pos:
            continue
        position, ps, pe = pos
        if in_context:
            org = _party_in(ctx, position) or _item_party(ctx, first) or _gov_org(ctx, position.split()[0], position)
        else:  # not a party clause: the position itself names the organisation
            org = _party_in(ctx, position) or _gov_org(ctx, position.split()[0], position) or _item_party(ctx, first)
        role = "signatory" if in_context else None  # outside a party clause the sentence decides the role
        if WITNESSED_BY.search(before):
            role = "attendee"
        out.append(Found(name, hon, position, org, role, [(first, name_end), (ps, pe)], 0.8))
    return out


ITEM_BREAK = re.compile(r"\n\s*\n|\n[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\))[ \t]|^", re.MULTILINE)


def _position_before(ctx: Ctx, i: int) -> bool:
    """Is token i preceded by "Position qualifier," on the same line (position-first form)?"""
    toks = ctx.toks
    k = i - 1
    if k < 1 or toks[k].text != "," or not ctx.same_line(k, i):
        return False
    k -= 1
    for _ in range(15):
        if k < 0 or not ctx.same_line(k, k + 1):
            return False
        t = toks[k]
        if _match_position(ctx, k) != k:
            return True
        if not (t.is_word and t.cap or fold(t.text) in QUALIFIER_LINKS or t.text in "()"):
            return False
        k -= 1
    return False


def _party_in(ctx: Ctx, position: str) -> str | None:
    """The party a position names; the longest form wins ("Direktur Politeknik Negeri X" names the
    polytechnic, not the government of X)."""
    low = position.lower()
    named = [(len(f), -i, e) for i, e in enumerate(ctx.parties) for f in e.key_names() if len(f) > 3 and f.lower() in low]
    if not named:
        return None
    e = max(named, key=lambda x: x[:2])[2]
    return ctx.party_names.get(id(e), e.canonical)


def _item_party(ctx: Ctx, at: int) -> str | None:
    """The party that the clause around `at` (an enumerated item or paragraph) is about: the one
    named after "mewakili"/"on behalf of", else the first party named in the clause."""
    starts = [m.start() for m in ITEM_BREAK.finditer(ctx.text, 0, at + 1)]
    s = starts[-1] if starts else 0
    nxt = ITEM_BREAK.search(ctx.text, at + 1)
    e = nxt.start() if nxt else len(ctx.text)
    inside = [x for x in ctx.org_spans if s <= x[0] < e and x[2] in ctx.parties]
    if not inside and not ctx.parties:  # no party found: any organisation named in the clause
        inside = [x for x in ctx.org_spans if s <= x[0] < e and len(x[2].canonical.split()) <= 12]
    if not inside:
        return None
    rep = re.search(r"\b(?:mewakili|atas\s+nama|on\s+behalf\s+of)\s+", ctx.text[at:e])
    after = [x for x in inside if rep and x[0] >= at + rep.end()]
    before = [x for x in inside if x[0] < at]
    ent = (after or before[-1:] or inside)[0][2]
    return ctx.party_names.get(id(ent), ent.canonical)


def _columns(line: str, base: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the columns of a line, columns separated by 2+ spaces."""
    out = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)", line):
        out.append((base + m.start(), base + m.end(), m.group()))
    return out


def _col_for(cols: list[tuple[int, int, str]], start: int, line_start: int, other_line_start: int):
    """The column of `cols` nearest (by indentation) to a column beginning at `start`."""
    indent = start - other_line_start
    return min(cols, key=lambda c: abs((c[0] - line_start) - indent), default=None)


def _lines(text: str, pos: int, count: int, forward: bool = True) -> list[tuple[int, str]]:
    """The next `count` non-empty lines after (or before) offset pos, with their start offsets."""
    out = []
    if forward:
        p = text.find("\n", pos)
        while p >= 0 and len(out) < count:
            q = text.find("\n", p + 1)
            line = text[p + 1:q if q >= 0 else len(text)]
            if line.strip():
                out.append((p + 1, line))
            p = q
    else:
        p = text.rfind("\n", 0, pos)
        blanks = 0
        while p > 0 and len(out) < count:
            q = text.rfind("\n", 0, p)
            line = text[q + 1:p]
            if line.strip():
                out.append((q + 1, line))
                blanks = 0
            else:
                blanks += 1
                if out and blanks >= 1:
                    break
            p = q
        out.reverse()
    return out


HEADER_STRIP = re.compile(r"^(?:PIHAK\s+(?:PERTAMA|KEDUA|KETIGA)\s*,?|for\s+and\s+on\s+behalf\s+of|for|untuk\s+dan\s+atas\s+nama|"
                          r"atas\s+nama)\s*,?\s*", re.IGNORECASE)


def _org_from_header(ctx: Ctx, header: str, raw: bool = True) -> str | None:
    h = HEADER_STRIP.sub("", re.sub(r"\s+", " ", header)).strip(" ,:")
    if not h:
        return None
    low = h.lower()
    for e in ctx.parties:
        if any(f.lower() == low or (len(f) > 4 and f.lower() in low) for f in e.key_names()):
            return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.parties:  # "For Kelvindale City Council" under a party "KELVINDALE CITY COUNCIL, SCOTLAND"
        if len(low) > 8 and any(re.search(rf"(?:^|\W){re.escape(low)}(?:\W|$)", f.lower()) for f in e.key_names()):
            return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.entities:
        if any(f.lower() == low for f in e.surface_forms()):
            return e.canonical
    return h if raw and len(h) <= 80 and not re.search(r"[.;:/]", h) else None


def signature_blocks(ctx: Ctx) -> list[Found]:
    text = ctx.text
    out: list[Found] = []
    marks = list(SIGN_MARK.finditer(text))
    for mk in marks:
        mark_line_start = mk.start()
        nxt = _lines(text, mk.end() - 1 if text[mk.end() - 1:mk.end()] == "\n" else mk.end(), 2)
        if not nxt:
            continue
        (name_ls, name_line), *rest = nxt
        pos_line = rest[0] if rest else None
        header = _lines(text, mark_line_start, 4, forward=False)
        marks = len(re.findall(r"ttd|signed|tanda\s+tangan", mk.group(), re.IGNORECASE))
        name_cols = _columns(name_line, name_ls)
        if marks > 1 and len(name_cols) < marks:
            # the text layer lost the column gaps: split the lines by names and position words
            names = _split_names(ctx, name_ls, name_ls + len(name_line), marks)
            positions = _split_positions(ctx, pos_line, marks) if pos_line else []
            head_text = " ".join(line for _, line in header)
            order = [re.sub(r"\s+", " ", r).upper() for r in re.findall(r"PIHAK\s+(?:PERTAMA|KEDUA|KETIGA)", head_text)]
            by_role = {(p.role or "").upper(): e for e, p in zip(ctx.parties, doc_parties(ctx))}
            for i, col in enumerate(names):
                org = None
                e = by_role.get(order[i]) if len(order) == marks else (
                    ctx.parties[i] if len(ctx.parties) == marks else None)
                if e is not None:
                    org = ctx.party_names.get(id(e), e.canonical)
                found = _block_person(ctx, col, name_ls, None, [], "signatory",
                                      positions[i] if i < len(positions) else None, org)
                if found:
                    out.append(found)
            continue
        for col in name_cols:
            found = _block_person(ctx, col, name_ls, pos_line, header, "signatory")
            if found:
                out.append(found)
    for w in WITNESS.finditer(text):
        pos = w.end()
        for _ in range(4):
            lines = _lines(text, pos, 2)
            if not lines:
                break
            (ls, line), *rest = lines
            for col in _columns(line, ls):
                found = _block_person(ctx, col, ls, rest[0] if rest else None, [], "attendee")
                if found:
                    out.append(found)
            pos = (rest[0][0] + len(rest[0][1])) if rest else ls + len(line)
            if text[pos:pos + 3].strip() == "" and not text[pos:pos + 200].strip():
                break
    return out


BEHALF = re.compile(r"^[ \t]*(?:signed\s+)?(?:for\s+and\s+on\s+behalf\s+of|on\s+behalf\s+of|untuk\s+dan\s+atas\s+nama)\b"
                    r"[ \t]*:?[ \t]*(?P<org>[^\n]*?)(?:[ \t]+by)?[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
FOR_ORG = re.compile(r"^[ \t]*For\s+(?!and\s+on\s+behalf)(?P<org>[^\n]{3,100}?)[ \t]*,?[ \t]*$", re.MULTILINE)
PLACEHOLDER = re.compile(r"[\s_.()\-]*(?:ttd|signed|tanda\s+tangan|signature)?[\s_.():\-]*", re.IGNORECASE)


def behalf_blocks(ctx: Ctx) -> list[Found]:
    """"For and on behalf of / ORG / (signature) / Name / Title" blocks without a "ttd" mark."""
    out: list[Found] = []
    text = ctx.text
    heads = [(m, None) for m in BEHALF.finditer(text)]
    # "For Kelvindale City Council," alone on a line: only when it names a known organisation
    heads += [(m, org) for m in FOR_ORG.finditer(text)
              if (org := _org_from_header(ctx, m["org"].strip(" ,:"), raw=False))]
    for m, known_org in heads:
        lines = [(ls, line) for ls, line in _lines(text, m.end(), 6) if not PLACEHOLDER.fullmatch(line)]
        org_text = m["org"].strip(" ,:")
        if not org_text and lines:
            org_text = lines.pop(0)[1].strip(" ,:")
        if not lines:
            continue
        (name_ls, name_line), *rest = lines
        line_start = text.rfind("\n", 0, m.start()) + 1
        col = _col_for(_columns(name_line, name_ls), m.start(), name_ls, line_start)
        if col is None:
            continue
        found = _block_person(ctx, col, name_ls, rest[0] if rest else None, [], "signatory",
                              org_override=known_org or _org_from_header(ctx, org_text), loose_title=True)
        if found:
            out.append(found)
    return out


FOOTER_LINE = re.compile(r"^\s*(?:Halaman|Hal\.|Page)\s+\d+\s*(?:dari|of|/)\s*\d+\s*$", re.IGNORECASE)
ID_LINE = re.compile(r"^\s*(?:NIP|NRP|NIK|NIDN|NIPPPK|NIY|NPP)\b\.?\s*:?\s*\d", re.IGNORECASE)
RANK_LINE = re.compile(r"^\s*(?:(?:Pembina|Penata|Pengatur|Juru)(?:\s+(?:Utama|Muda|Madya|Tingkat|Tk\.?|I{1,3}|IV))*\s*,?\s*"
                       r"(?:\(\s*[IV]{1,3}\s*/\s*[a-e]\s*\))?|\(\s*[IV]{1,3}\s*/\s*[a-e]\s*\))\s*$", re.IGNORECASE)
STAMP_LINE = re.compile(r"^\s*(?:materai|meterai|cap\s+(?:dan|&)|stempel|seal\b|l\.s\.|\[?\s*stamp)", re.IGNORECASE)
POSITION_LINKS = {"dan", "and", "of", "the", "for", "&", "serta"}


def _text_lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line) of the non-empty lines that are not page footers."""
    out = []
    pos = 0
    for line in text.split("\n"):
        # lines without a letter or digit (rules, OCR'd page separators "——") are skipped too
        if re.search(r"[^\W_]", line) and not FOOTER_LINE.match(line) and not PLACEHOLDER.fullmatch(line) \
                and not STAMP_LINE.match(line):
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _position_line(ctx: Ctx, col: tuple[int, int, str]) -> bool:
    """A short line that opens with a position and holds only capitalised words, connectors,
    commas and brackets ("Kepala Dinas Komunikasi dan Informatika", "Direktur Eksekutif X")."""
    start, end, text = col
    if len(text) > 100 or text.rstrip().endswith(".") and not text.rstrip().endswith("Tbk."):
        return False
    k = ctx.tok_at.get(start)
    if k is None or _match_position(ctx, k) == k:
        return False
    return _capital_words(ctx, k, end)


def _capital_words(ctx: Ctx, k: int, end: int) -> bool:
    while k < len(ctx.toks) and ctx.toks[k].start < end:
        t = ctx.toks[k]
        if t.is_word and not t.cap and fold(t.text) not in POSITION_LINKS and not t.text.isdigit():
            return False
        k += 1
    return True


def _name_on_line(ctx: Ctx, start: int, end: int):
    """parse_name over the tokens of one line span: (parsed, index of the first token past the span)."""
    k = ctx.tok_at.get(start)
    if k is None:
        return None
    limit = next((x for x in range(k, len(ctx.toks)) if ctx.toks[x].start >= end), len(ctx.toks))
    parsed = parse_name(ctx, k, limit=limit, one_line=True)
    return (parsed, limit) if parsed else None


def _lone_name(ctx: Ctx, col: tuple[int, int, str]) -> tuple[str, list[str], int, int, int] | None:
    """A line (column) that is a person's name and nothing else, degrees and honorifics allowed."""
    start, end, text = col
    inner = re.fullmatch(r"\(\s*(.+?)\s*\)", text)
    if inner:  # "( Drs. NAMA, M.Si. )" under a signature
        start, end, text = start + inner.start(1), start + inner.end(1), inner.group(1)
    if len(text) > 70 or not (text[:1].isupper() or fold(text.split()[0]) in ctx.lx.degree_prefix):
        return None
    found = _name_on_line(ctx, start, end)
    if found is None:
        return None
    parsed, limit = found
    if any(t.text not in (",", ".") for t in ctx.toks[parsed[4]:limit]):
        return None
    words = parsed[0].split()
    if len(words) < 2 and not parsed[1]:
        return None  # a lone capitalised word is too weak without an honorific or a degree
    return parsed


def plain_signature_blocks(ctx: Ctx) -> list[Found]:
    """Signature blocks without a "ttd"/"signed" mark: a line holding only a person's name, with a
    position line (or two, the second continuing the first) just above it or just below it, or an
    NIP/NRP or civil-service rank line just below it ("Pembina Tingkat I (IV/b)")."""
    lines = _text_lines(ctx.text)
    out: list[Found] = []
    for x, (ls, line) in enumerate(lines):
        if SIGN_MARK.match(line) or len(line) > 200:
            continue
        for col in _columns(line, ls):
            parsed = _lone_name(ctx, col)
            if not parsed:
                continue
            below = [_col_for(_columns(bl, bs), col[0], bs, ls) for bs, bl in lines[x + 1:x + 3]]
            below = [c for c in below if c]
            if _continues_position(ctx, lines, x, col, below):
                continue
            marked = any(ID_LINE.match(c[2]) or RANK_LINE.match(c[2]) for c in below)
            next_line = x + 1 < len(lines) and lines[x + 1][0] == ls + len(line) + 1
            if below and (_position_line(ctx, below[0]) or next_line and below[0][0] < lines[x + 1][0] + len(lines[x + 1][1])
                          and _title_line(ctx, below[0])):
                # name, then title: "Nama / Direktur Eksekutif X", "Nama / Regional Secretary of X" right under it
                pos_cols = [below[0]]
            else:
                pos_cols = _position_above(ctx, lines, x, col)
            if not (marked or pos_cols):
                continue
            name, hon, first, name_end, _ = parsed
            if name.isupper():
                name = " ".join(w if len(w) <= 2 else w.capitalize() for w in name.split())
            spans = [(first, name_end)]
            position = org = None
            if pos_cols:
                position = re.sub(r"\s+", " ", " ".join(c[2] for c in pos_cols)).strip(" ,")
                spans += [(c[0], c[1]) for c in pos_cols]
                k = ctx.tok_at[pos_cols[0][0]]
                j = _match_position(ctx, k)
                head = ctx.text[ctx.toks[k].start:ctx.toks[j - 1].end]
                org = _party_in(ctx, position) or _gov_org(ctx, head, position[len(head):].strip(" ,"))
            if position and not org:  # "Regional Secretary of X" under a party "... Government of X"
                tail = re.search(r"(?:\bof\b|,)\s*(.+)$", position)
                org = _org_from_header(ctx, tail.group(1), raw=False) if tail else None
            org = org or _header_party(ctx, lines, x, col)
            role = "attendee" if _witness_above(lines, x, col) else "signatory"
            out.append(Found(name, hon, position, org, role, spans, 0.8))
    return out


def _witness_above(lines: list[tuple[int, str]], x: int, col) -> bool:
    """Is the name line headed by "WITNESSED BY:" / "Saksi:" in its column, one or two lines up?"""
    for bs, bl in lines[max(0, x - 2):x]:
        c = _col_for(_columns(bl, bs), col[0], bs, lines[x][0])
        if c and LABEL_WITNESS.match(c[2]):
            return True
    return False


def _continues_position(ctx: Ctx, lines: list[tuple[int, str]], x: int, col, below) -> bool:
    """Is a name-shaped line the second line of the position above it? ("DIREKTUR POLITEKNIK /
    TANJUNG BIRU," over the signatory's name): the two lines together name an organisation of the
    document that the first alone does not, or the line ends in a comma with a name line under it."""
    if x == 0:
        return False
    bs, bl = lines[x - 1]
    up = _col_for(_columns(bl, bs), col[0], bs, lines[x][0])
    if up is None or not _position_line(ctx, up):
        return False
    if col[2].rstrip().endswith(",") and any(_name_opens(ctx, c) for c in below[:1]):
        return True  # "NAMA ORG," then the signatory's name line (columns may be run together in a PDF)
    if up[2].rstrip().endswith((",", ".")):
        return False
    both = re.sub(r"\s+", " ", f"{up[2]} {col[2]}").strip(" ,").lower()
    alone = up[2].strip(" ,").lower()
    forms = {f.lower() for e in ctx.parties for f in e.key_names() if len(f) > 3}
    forms |= {f.lower() for e in ctx.entities for f in e.surface_forms() if len(f) > 3}
    return any(f in both and f not in alone and both.endswith(f) for f in forms)


def _name_opens(ctx: Ctx, col) -> bool:
    """Does a line (column) open with a person's name carrying an honorific or a degree?"""
    k = ctx.tok_at.get(col[0])
    parsed = parse_name(ctx, k, one_line=True, caps_ok=True) if k is not None else None
    return bool(parsed and parsed[1])


def _header_party(ctx: Ctx, lines: list[tuple[int, str]], x: int, col) -> str | None:
    """The party a signature column is headed by, within the five lines above the name:
    "PIHAK KEDUA," (the party defined with that role) or "for and on behalf of / ORG"."""
    above = []
    for bs, bl in lines[max(0, x - 5):x]:
        c = _col_for(_columns(bl, bs), col[0], bs, lines[x][0])
        if c:
            above.append(c[2])
    roles = {re.sub(r"\s+", " ", (p.role or "")).upper(): p.name for p in ctx.party_records}
    for y in range(len(above) - 1, -1, -1):
        m = re.match(r"\s*(PIHAK\s+(?:PERTAMA|KESATU|KEDUA|KETIGA|KEEMPAT))\b", above[y], re.IGNORECASE)
        if m:
            return roles.get(re.sub(r"\s+", " ", m.group(1)).upper())
        b = re.match(r"\s*(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\b\s*(.*)$|\s*untuk\s+dan\s+atas\s+nama\b\s*(.*)$",
                     above[y], re.IGNORECASE)
        if b:
            rest = " ".join([(b.group(1) or b.group(2) or "")] + above[y + 1:y + 3])
            return _org_from_header(ctx, rest, raw=False)
    return None


def _position_above(ctx: Ctx, lines: list[tuple[int, str]], x: int, col) -> list[tuple[int, int, str]]:
    """The position written just above a name line: one line opening with a position, or that line
    and the next one when the second continues it (capitalised words, often ending in a comma)."""
    above = []
    for bs, bl in reversed(lines[max(0, x - 3):x]):
        c = _col_for(_columns(bl, bs), col[0], bs, lines[x][0])
        if c is None:
            break
        above.insert(0, c)
    if not above:
        return []
    if _position_line(ctx, above[-1]):
        return [above[-1]]
    if len(above) >= 2 and _position_line(ctx, above[-2]) and not above[-2][2].rstrip().endswith((",", ".")):
        k = ctx.tok_at.get(above[-1][0])
        if k is not None and ctx.toks[k].cap and len(above[-1][2]) <= 70 and _capital_words(ctx, k, above[-1][1]) \
                and not above[-1][2].rstrip().endswith(":") and not re.match(r"(?:for|untuk|atas\s+nama|pihak)\b", above[-1][2], re.IGNORECASE):
            return above[-2:]
    return []


LABEL_NAME = re.compile(r"^[ \t]*(?:(?:\d{1,2}|[a-z]|[IVX]{1,4})[.)][ \t]*)?(?:Nama(?:[ \t]+Lengkap)?|(?:Full[ \t]+)?Name)[ \t]*:[ \t]*(?P<v>\S[^\n]*?)[ \t]*$",
                        re.MULTILINE | re.IGNORECASE)
LABEL_POSITION = re.compile(r"^[ \t]*(?:Jabatan|Position|Title|Designation)[ \t]*:[ \t]*(?P<v>\S[^\n]*?)[ \t,;.]*$",
                            re.IGNORECASE)


def labelled_fields(ctx: Ctx) -> list[Found]:
    """"Nama : Drs. Nama, M.Si." followed within three lines by "Jabatan : Kepala Dinas X" (also
    "Name: / Title:" in English signature blocks)."""
    out: list[Found] = []
    for m in LABEL_NAME.finditer(ctx.text):
        k = ctx.tok_at.get(m.start("v"))
        if k is None:
            continue
        limit = next((x for x in range(k, len(ctx.toks)) if ctx.toks[x].start >= m.end("v")), len(ctx.toks))
        parsed = parse_name(ctx, k, limit=limit, one_line=True)
        if not parsed:
            continue
        name, hon, first, name_end, nk = parsed
        rest = [t for t in ctx.toks[nk:limit] if t.text not in (",", ".")]
        inline = None
        if rest:
            # "Name: Nama, Director of X, ABC": the position follows the name on the label line
            pk = nk + 1 if nk < limit and ctx.toks[nk].text == "," else None
            inline = _position_after(ctx, pk) if pk is not None and pk < limit else None
            if not inline:
                continue
        if name.isupper():
            name = " ".join(w if len(w) <= 2 else w.capitalize() for w in name.split())
        above = ctx.text[max(0, m.start() - 300):m.start()].rstrip().split("\n")
        role = "attendee" if any(LABEL_WITNESS.match(x) for x in above[-2:]) else "signatory"
        behalf = _behalf_above(ctx, above[-6:])
        places = [(inline[0], inline[1], inline[2])] if inline else []
        for ls, line in _lines(ctx.text, m.end(), 3):
            if places:
                break
            pm = LABEL_POSITION.match(line)
            if pm:
                places.append((pm.group("v"), ls + pm.start("v"), ls + pm.end("v")))
        for position, ps, pe in places:
            org = _party_in(ctx, position) or behalf or _item_party(ctx, first) or _gov_org(
                ctx, position.split()[0], position)
            out.append(Found(name, hon, position, org, role, [(first, name_end), (ps, pe)], 0.85))
    return out


LABEL_WITNESS = re.compile(r"^[ \t]*(?:witness(?:es)?|witnessed\s+by|saksi(?:-saksi)?|disaksikan\s+oleh)\s*:?\s*$", re.IGNORECASE)


def _behalf_above(ctx: Ctx, above: list[str]) -> str | None:
    """The organisation of a "Signed for and on behalf of / ORG" header a few lines above a label."""
    for y in range(len(above) - 1, -1, -1):
        b = re.match(r"\s*(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\b\s*(.*)$|\s*untuk\s+dan\s+atas\s+nama\b\s*(.*)$",
                     above[y], re.IGNORECASE)
        if b:
            rest = " ".join([(b.group(1) or b.group(2) or "")] + above[y + 1:y + 2])
            return _org_from_header(ctx, rest, raw=False)
    return None


def doc_parties(ctx: Ctx) -> list:
    return ctx.party_records


def _split_names(ctx: Ctx, start: int, end: int, count: int) -> list[tuple[int, int, str]]:
    k = ctx.tok_at.get(start)
    cols: list[tuple[int, int, str]] = []
    toks = ctx.toks
    while k is not None and k < len(toks) and toks[k].start < end and len(cols) < count:
        parsed = parse_name(ctx, k, one_line=True)
        if not parsed:
            break
        nk = parsed[4]
        while nk < len(toks) and toks[nk].text == "," and toks[nk].start < end:
            nk += 1
        last = nk - 1
        cols.append((toks[k].start, toks[last].end, ctx.text[toks[k].start:toks[last].end]))
        k = nk
    if len(cols) == 1 and count == 2:
        words = list(re.finditer(r"\S+", cols[0][2]))
        if len(words) >= 4 and len(words) % 2 == 0:
            half = len(words) // 2
            a0 = cols[0][0]
            cols = [(a0, a0 + words[half - 1].end(), ""), (a0 + words[half].start(), a0 + words[-1].end(), "")]
    return cols


def _split_positions(ctx: Ctx, pos_line, count: int) -> list[tuple[int, int, str]]:
    pls, pl = pos_line
    k = ctx.tok_at.get(pls)
    end = pls + len(pl)
    starts = []
    toks = ctx.toks
    while k is not None and k < len(toks) and toks[k].start < end:
        j = _match_position(ctx, k)
        if j != k:
            starts.append(k)
            k = j
        else:
            k += 1
    if len(starts) != count:
        return []
    cols = []
    for i, k in enumerate(starts):
        last = (starts[i + 1] - 1) if i + 1 < len(starts) else max(x for x in range(k, len(toks)) if toks[x].start < end)
        cols.append((toks[k].start, toks[last].end, ctx.text[toks[k].start:toks[last].end]))
    return cols


def _title_line(ctx: Ctx, col: tuple[int, int, str]) -> bool:
    """A short line under a signatory's name that holds a position word among its first words
    ("Lord Mayor of X", "Senior Vice President", "Pro Vice-Chancellor (Research)")."""
    start, end, text = col
    if len(text) > 90 or not text[:1].isupper() or re.search(r"\d{3}", text) or len(text.split()) > 12:
        return False
    k = ctx.tok_at.get(start)
    if k is None:
        return False
    for x in range(k, min(k + 4, len(ctx.toks))):
        if ctx.toks[x].start >= end or not ctx.toks[x].cap:
            return False
        if _match_position(ctx, x) != x:
            return True
    return False


def _block_person(ctx: Ctx, col, line_start: int, pos_line, header, role: str,
                  pos_col=None, org_override: str | None = None, loose_title: bool = False) -> Found | None:
    start, end, _ = col
    found = _name_on_line(ctx, start, end)
    if found is None:
        return None
    parsed, _ = found
    name, hon, first, name_end, nk = parsed
    if nk < len(ctx.toks) and ctx.toks[nk].start < end and ctx.toks[nk].text not in (",", "."):
        return None  # more words on the name line: not a plain name
    if name.isupper():
        name = " ".join(w if len(w) <= 2 else w.capitalize() for w in name.split())
    position = None
    spans = [(first, name_end)]
    organization = None
    if pos_line:
        pls, pl = pos_line
        pcol = _col_for(_columns(pl, pls), start, pls, line_start)
        if pcol and (_match_position(ctx, ctx.tok_at.get(pcol[0], -1)) != ctx.tok_at.get(pcol[0], -1)
                     or loose_title and _title_line(ctx, pcol)):
            position = pcol[2]
            spans.append((pcol[0], pcol[1]))
            m = re.search(r"(?:\bof\b|,)\s*(.+)$", position)
            if m:
                organization = _org_from_header(ctx, m.group(1), raw=False)
            if organization is None:
                organization = _gov_org(ctx, position.split()[0], position)
    if pos_col is not None:
        position = pos_col[2]
        spans.append((pos_col[0], pos_col[1]))
        m = re.search(r"(?:\bof\b|,)\s*(.+)$", position)
        organization = _org_from_header(ctx, m.group(1), raw=False) if m else None
    if org_override:
        organization = org_override
    named = _party_in(ctx, position) if position else None
    if named:
        return Found(name, hon, position, named, role, spans, 0.85)
    if header:
        cols: list[tuple[int, str]] = []
        for hs, hl in header:
            hc = _col_for(_columns(hl, hs), start, hs, line_start)
            if hc:
                cols.append((hc[0], hc[2]))
        # the position starts at the first header line that opens with a position word
        for x, (cs, _) in enumerate(cols):
            k0 = ctx.tok_at.get(cs)
            if k0 is not None and _match_position(ctx, k0) != k0:
                cols = cols[x:]
                break
        if cols:
            head_text = re.sub(r"\s+", " ", " ".join(c for _, c in cols)).strip(" ,")
            hk = ctx.tok_at.get(cols[0][0])
            if position is None and hk is not None and _match_position(ctx, hk) != hk:
                position = head_text  # "Kepala Dinas X," written above the signature
                spans.append((cols[0][0], cols[-1][0] + len(cols[-1][1])))
                organization = _party_in(ctx, position) or _gov_org(ctx, position.split()[0], position)
            else:
                org = _org_from_header(ctx, head_text)
                organization = org or organization
    return Found(name, hon, position, organization, role, spans, 0.85)


def _tokens_of(name: str) -> set[str]:
    return {w.lower().rstrip(".") for w in name.split() if len(w.rstrip(".")) > 1}


def merge(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in found:
        tf = _tokens_of(f.name)
        same = next((o for o in out if tf and (tf <= _tokens_of(o.name) or _tokens_of(o.name) <= tf)), None)
        if same is None:
            out.append(f)
            continue
        if len(_tokens_of(f.name)) > len(_tokens_of(same.name)):
            same.name = f.name
        both = list(dict.fromkeys(same.honorifics + f.honorifics))
        # honorifics before the name first, degrees after it
        same.honorifics = sorted(both, key=lambda h: fold(h) not in lexicon().degree_prefix)
        if f.position and (not same.position or len(f.position) > len(same.position)):
            same.position = f.position
        same.organization = same.organization or f.organization
        if f.role == "signatory" or same.role is None:
            same.role = f.role or same.role
        same.spans += f.spans
        same.confidence = max(same.confidence, f.confidence)
    return out


def assign_roles(ctx: Ctx, doc: Doc, officials: list[Found]) -> None:
    text = ctx.text
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    for o in officials:
        surnames = [w for w in o.name.split() if len(w) > 2]
        # more mentions: the surname alone
        for w in surnames[-1:] + surnames[:1]:
            for m in re.finditer(rf"\b{re.escape(w)}\b", text):
                if not any(s <= m.start() < e for s, e in o.spans):
                    o.spans.append((m.start(), m.end()))
        if o.role == "signatory":
            continue
        role = None
        for s, e in sents:
            sent = text[s:e]
            if not any(s <= a < e for a, _ in o.spans):
                continue
            names = "|".join(re.escape(w) for w in surnames) or "$^"
            if re.search(rf"{SPEECH_AFTER}\s+(?:[A-Z][\w.]*\s+){{0,3}}(?:{names})\b", sent) or re.search(
                    rf"\b(?:{names})\b(?:(?!\.\s+[A-Z])[^\n\"“]){{0,140}}?,\s+{SPEECH_BEFORE}", sent) or re.search(
                    rf"\b(?:{names})(?:\s+(?:selaku|sebagai)\s+[^,.\n\"“]{{3,120}}?)?\s+{SPEECH_BEFORE}", sent):
                role = role or "speaker"
            # the nearest cue before the mention decides: "ditandatangani oleh X ... Hadir pula Y"
            for a, _ in o.spans:
                if not s <= a < e:
                    continue
                cues = [(m.start(), "signatory") for m in SIGN_VERBS.finditer(text, s, a)]
                cues += [(m.start(), "attendee") for m in ATTEND.finditer(text, s, a)]
                if cues and max(cues)[1] == "signatory":
                    role = "signatory"
            if role == "signatory":
                break
        o.role = role or "attendee"


def _outside_positions(found: list[Found]) -> list[Found]:
    """Drop a "name" that lies inside the position phrase of another official ("Kepala Pusat Studi
    Sistem Informasi" read as position "Kepala Pusat" + name "Studi Sistem Informasi")."""
    positions = [(f, f.spans[1]) for f in found if f.position and len(f.spans) > 1]
    keep = []
    for f in found:
        ns, ne = f.spans[0]
        if any(g is not f and ps <= ns and ne <= pe and (ps, pe) != (ns, ne) for g, (ps, pe) in positions):
            continue
        keep.append(f)
    return keep


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans without those lying inside another one (a position seen line by line and whole)."""
    uniq = sorted(set(spans))
    return [(s, e) for s, e in uniq if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in uniq)]


def officials_component(doc: Doc) -> Doc:
    ctx = Ctx(doc)
    found = name_first(ctx) + position_first(ctx) + signature_blocks(ctx) + behalf_blocks(ctx)
    found += plain_signature_blocks(ctx) + labelled_fields(ctx)
    officials = merge(_outside_positions(found))
    assign_roles(ctx, doc, officials)
    text = doc.text
    doc._.janji_officials = [
        Official(name=o.name.replace("\u00ad", ""), honorifics=tuple(h.replace("\u00ad", "") for h in o.honorifics),
                 position=o.position.replace("\u00ad", "") if o.position else None, organization=o.organization,
                 role=o.role, confidence=o.confidence,
                 evidence=tuple(Evidence(0, s, e, text[s:e]) for s, e in _outermost(o.spans)))
        for o in officials]
    return doc


@Language.factory("janji_officials")
def make_officials(nlp: Language, name: str):
    return officials_component
