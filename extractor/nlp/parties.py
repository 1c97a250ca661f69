"""`janji_parties`: the organisations bound by the agreement (not every organisation mentioned).

Evidence, strongest first:
1. the title block of an agreement: "PERJANJIAN ... ANTARA X DENGAN Y", "MOU BETWEEN X AND Y";
2. party definitions: "..., selanjutnya disebut PIHAK PERTAMA", "(hereinafter "ULS")";
3. in releases: two organisations joined in a sentence about the agreement ("X dan Y teken
   MoU", "X melakukan penandatanganan ... dengan Y", "kerja sama antara X dan Y", the headline
   "X Gandeng Y"); later pairs that include a party add their partner; a list of three or more
   organisations named as taking part ("... turut terlibat, di antaranya A, B, C") adds them all.
Each party is one record with the canonical name, aliases (other spellings, abbreviations,
"Pemkab X" for "Pemerintah Kabupaten X"), a role and every mention as evidence.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp.lexicon import fold, lexicon, tokenize
from extractor.nlp.orgs import (
    DIRECTIONS,
    GENERIC,
    GOV_NAMES,
    Entity,
    Mention,
    abbreviates,
    find_mentions,
    group,
    headline_end,
    is_country,
    known_places,
    link_acronyms,
)
from extractor.nlp.title_block import separators_masked
from extractor.orgs import signature
from extractor.types import Evidence, Party

CUE = re.compile(
    r"\b(mou|memorandum|nota\s+kesepa(?:kat|ham)an|kesepakatan|perjanjian|pks|kerja\s*sama|kerjasama|"
    r"teken|meneken|diteken|tanda\s*tangan|menandatangani|ditandatangani|penandatanganan|sepakat|bersepakat|"
    r"menjalin|jalin|gandeng|menggandeng|kemitraan|bermitra|agreement|signed|sign|cooperation|"
    r"understanding|terikat|berkolaborasi|kolaborasi)\b", re.IGNORECASE)
CONNECTOR_END = re.compile(r"(?:^|\s|,)(dan|dengan|dgn|bersama|and|with|serta|&)\s*$", re.IGNORECASE)
PARTICIPATION = re.compile(r"\b(terlibat|bergabung|ikut|turut|berpartisipasi|menandatangani|meneken|teken|"
                           r"participat\w*|join\w*|sign\w*)\b", re.IGNORECASE)
LIST_INTRO = re.compile(r"\b(di\s+antaranya|diantaranya|antara\s+lain|yaitu|yakni|meliputi|termasuk|"
                        r"including|namely|among\s+them)\b", re.IGNORECASE)
ROLE_DEF = re.compile(r"(?:selanjutnya\s+(?:disebut|dinamakan)(?:\s+sebagai)?|hereinafter\s+(?:referred\s+to\s+as|"
                      r"called)?)\s*[\"“]?\s*(PIHAK\s+(?:KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA)|(?:the\s+)?(?:First|Second|Third|"
                      r"Fourth)\s+Party)", re.IGNORECASE)
_ROLE = r"PIHAK\s+(?:KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA)|(?:the\s+)?(?:First|Second|Third|Fourth)\s+Party"
RESPECTIVELY = re.compile(
    rf"(?:hereinafter\s+(?:referred\s+to\s+as|called)|selanjutnya\s+(?:masing-masing\s+)?(?:disebut|dinamakan)"
    rf"(?:\s+sebagai)?)\s*[\"“]?\s*({_ROLE})\s*[\"”]?\s*(?:,|and|dan)\s*[\"“]?\s*({_ROLE})\s*[\"”]?\s*,?\s*"
    rf"(?:respectively|secara\s+berurutan|berturut-turut)", re.IGNORECASE)
ON_BEHALF = re.compile(r"\b(?:atas\s+nama|mewakili|for\s+and\s+on\s+behalf\s+of|on\s+behalf\s+of)\s*$", re.IGNORECASE)
ALIAS_DEF = re.compile(r"\(\s*(?:selanjutnya\s+(?:disebut|dinamakan)(?:\s+sebagai)?|hereinafter(?:\s+referred\s+to\s+as"
                       r"|\s+called)?)\s*(?P<the>the\s+)?[\"“]([^\"”]{2,40})[\"”]\s*\)", re.IGNORECASE)
NOT_ALIASES = {"perjanjian", "agreement", "mou", "memorandum", "para pihak", "the parties", "pihak", "a party",
               "kesepakatan", "nota kesepahaman", "pekerjaan", "surat kesepakatan", "pengguna jasa"}
TITLE_BETWEEN = re.compile(
    r"(?:\b(?:ANTARA|BETWEEN)\b|\b(?:antara|between)\s*(?=[:\n]))\s*:?\s*(?P<a>.+?)\s*(?:\n\s*(?i:dengan|dan|and)\s*\n|\s(?:DENGAN|DAN|AND|dengan|and)\s(?=\s*\S))"
    r"\s*(?P<b>.+?)\s*(?=\n\s*(?i:tentang|mengenai|on|in\s+the\s+field|concerning|regarding|nomor|no\.)\b|\n\s*\n|$"
    r"|[ \t](?:TENTANG|MENGENAI|ON|CONCERNING|REGARDING|tentang|mengenai|concerning|regarding)[ \t\n])",
    re.DOTALL)

# "BETWEEN\n\nTHE X AND Y OFFICE OF Z\n\nand\n\nTHE W SCHOOL": a connector on a line of its own separates the
# parties, however many "AND"s their names hold (the first party may take up to four lines)
TITLE_BETWEEN_LINES = re.compile(
    r"(?:\b(?:ANTARA|BETWEEN)\b|\b(?:antara|between)\s*(?=[:\n]))\s*:?\s*"
    r"(?P<a>[^\n]+(?:\n+(?![ \t]*(?i:tentang|mengenai|on|concerning|regarding|nomor|no\.)\b)[^\n]+){0,3}?)"
    r"\n[ \t]*\n?[ \t]*(?i:dengan|dan|and)[ \t]*\n"
    r"\s*(?P<b>.+?)\s*(?=\n\s*(?i:tentang|mengenai|on|in\s+the\s+field|concerning|regarding|nomor|no\.)\b|\n\s*\n|$)",
    re.DOTALL)


RIGHT_COLUMN = re.compile(r"[ \t]\|{1,2}(?:[ \t][^\n]*)?$", re.MULTILINE)   # "left column | right column"


def _left_column(text: str) -> tuple[str, list[int]]:
    """The text with the right column of each "left | right" line blanked (offsets kept), and
    where each blank starts: a bilingual title set side by side names each party once per column."""
    gaps = [x.start() for x in RIGHT_COLUMN.finditer(text)]
    return RIGHT_COLUMN.sub(lambda x: " " * len(x.group()), text), gaps


# "1.", "a)", "(2)", and the roman numbers of a party clause list ("I.   Nama : Jabatan ...", "II. ..."; OCR
# reads a roman one as "L" or "l" and may drop its dot: "L Dra. Nama")
ITEM_START = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)|(?:I{1,3}|IV|VI{0,3})\.|[lL|]\.?(?=[ \t]+[A-Z]))[ \t]",
                        re.MULTILINE)


def _mentions_in(spans: list[tuple[int, int, Entity]], start: int, end: int) -> list[tuple[int, int, Entity]]:
    return [s for s in spans if s[0] >= start and s[1] <= end]


def analyse(doc: Doc) -> dict:
    """Organisation analysis shared with the officials component (cached on the Doc)."""
    cached = doc.user_data.get("janji_orgs")
    if cached is not None:
        return cached
    text = doc.text
    toks = tokenize(text)
    places = known_places(text, toks)
    mentions = find_mentions(text, toks, places)
    entities = group(mentions)
    link_acronyms(text, toks, entities)
    spans = sorted(((s, e, ent) for ent in entities for s, e in ent.spans()), key=lambda x: x[0])
    out = {"toks": toks, "places": places, "mentions": mentions, "entities": entities, "spans": spans}
    doc.user_data["janji_orgs"] = out
    return out


LINE_SEPARATOR = re.compile(r"\n[ \t]*(?i:dengan|dan|and)[ \t]*\n")
INLINE_SEPARATOR = re.compile(r"\s(?:DENGAN|DAN|AND|dengan|and)\s(?=\s*\S)")
LINE_END_COMMA = re.compile(r",[ \t]*\n")


def _title_segments(text: str, spans, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split the party block of a title ("ANTARA A DENGAN B") into (start, end, laid_out) per party.
    A separator on a line of its own wins over one inside a line, and an inline "dan" inside an
    organisation name ("Dinas Kependudukan dan Pencatatan Sipil") never separates; a line ending in
    a comma ends a party too ("A,\nB\nDAN\nC" names three)."""
    seps = []
    for x in LINE_SEPARATOR.finditer(text, start, end):
        if seps and text.count("\n", seps[-1][1], x.start()) > 2:
            break       # the title block ended in the segment before: this "AND" is in the body
        seps.append((x.start(), x.end()))
    laid_out = bool(seps)
    if not seps:
        inline = next((x for x in INLINE_SEPARATOR.finditer(text, start, end)
                       if not any(a < x.start() + 1 and x.end() - 1 < b for a, b, _ in spans)), None)
        if inline is None:
            return []
        seps = [(inline.start(), inline.end())]
    bounds = [start] + [v for a, b in seps for v in (a, b)] + [end]
    out: list[tuple[int, int, bool]] = []
    pairs = list(zip(bounds[::2], bounds[1::2]))
    for k, (s, e) in enumerate(pairs):
        last = k == len(pairs) - 1      # runs on into the body: only its first line is the party
        listed = not last and text.count("\n", s, e) <= 3   # "A,\nB" above the separator: a short list
        cuts = [s] + ([x.end() for x in LINE_END_COMMA.finditer(text, s, e)] if listed else []) + [e]
        for a, b in zip(cuts, cuts[1:]):
            while a < b and text[a].isspace():
                a += 1
            out.append((a, b, laid_out or "\n" in text[max(0, a - 2):a]))
    return out


# A party's line in a title block followed by a line that is only its name in brackets:
# "THE X FOREST MANAGEMENT UNIT\n(KESATUAN PENGELOLAAN HUTAN X)" (the other language's name).
OTHER_NAME_LINE = re.compile(r"[ \t]*\n[ \t]*\(([A-Za-z][^()\n]{2,150})\)[ \t]*(?=\n|$)")


# (", RUAKOWHAI UNIVERSITY" after a school's name is the body it belongs to, no place)
_TRAILING_PLACE = re.compile(r",\s*(?![A-Za-z ]*\b(?i:universit(?:y|ies|as)|institut[ea]?|college|polytechnic|politeknik)\b)"
                             r"[A-Z][A-Za-z ]+$")


_TRAILING_BRACKETS = re.compile(r"\s*\(\s*([^()]+?)\s*\)$")


def _without_trailing_places(name: str, strip: str) -> str:
    """The name without the places after it ("X, SCOTLAND, UNITED KINGDOM" -> "X", "X (VIET NAM)" -> "X"),
    each cut followed by stripping `strip` from the right."""
    while True:
        country = _TRAILING_BRACKETS.search(name)
        if country and is_country(country.group(1)):
            name = name[:country.start()].rstrip(strip)
        elif _TRAILING_PLACE.search(name):
            name = _TRAILING_PLACE.sub("", name).rstrip(strip)
        else:
            return name


# a title block naming the parties on the lines around a connector line, without "BETWEEN" above them:
# "MEMORANDUM OF UNDERSTANDING\n\nTHE X GOVERNMENT\nand\nPT Y\n\non ..."
TITLE_PAIR_LINES = re.compile(r"^[ \t]*(?P<a>[A-Z][^\n]{2,150}?)[ \t]*\n[ \t]*(?i:dan|dengan|and)[ \t]*\n"
                              r"[ \t]*(?P<b>[A-Z][^\n]{2,150}?)[ \t]*$", re.MULTILINE)


def _title_pair_lines(head: str) -> re.Match | None:
    m = TITLE_PAIR_LINES.search(head)
    if not m or m.start() > 600 or any(CUE.search(m.group(x)) or m.group(x).endswith(".") for x in "ab"):
        return None    # a line of the document's title or of a sentence is no party line
    return m


_DEFINED_AT_END = re.compile(r"[ \t]*\([ \t]*[\"“]([^\"“”()\n]{2,40})[\"”][ \t]*\)[ \t]*$")
_DESCRIBED_AT_END = re.compile(r",[ \t]+(?:a|an)[ \t]+[a-z][^,()\n]{3,80}$")


def _title_parties(full_text: str, spans, entities: list[Entity]) -> list[Entity]:
    left, gaps = _left_column(full_text[:1500])
    text = left + full_text[1500:]
    head = text[:1500]
    masked = separators_masked(head)
    m = TITLE_BETWEEN_LINES.search(masked)
    if not m or m.start() > 600:
        m = TITLE_BETWEEN.search(masked)
    if not m or m.start() > 600:
        m = _title_pair_lines(separators_masked(head))
    if not m:
        return []
    found: list[Entity] = []
    a_start = m.start("a")
    segments = _title_segments(text, spans, a_start, m.end("b")) or [(*m.span("a"), False), (*m.span("b"), False)]
    for k, (s, e, laid_out) in enumerate(segments):
        other_name = None
        before = text[m.start():a_start] if k == 0 else text[segments[k - 1][1]:s]
        e = next((g for g in gaps if s < g < e), e)   # the other column is another text
        if laid_out or "\n" in before:
            nl = text.find("\n", s, e)
            if nl > 0 and text.count("(", s, nl) > text.count(")", s, nl):
                nl = text.find("\n", nl + 1, e)  # "PT X (RUMAH SAKIT\nY)" continues on the next line
            unit = next((mm for x in spans if x[0] == s for mm in x[2].mentions
                         if mm.start == s and nl < mm.parent_at <= e and not text[nl:mm.parent_at].strip()), None)
            if unit is not None:
                e = unit.end   # "LEMBAGA X\nUNIVERSITAS Y": a unit and, on the next line, its university
            else:
                other_name = OTHER_NAME_LINE.match(text, nl, e) if nl > 0 else None
                e = nl if nl > 0 else e  # laid out one party per line: the party is that line
        # 'X REGENCY ("the Agency")', 'Y LTD, a charity registered in Singapore ("the Foundation")': the defined
        # name and the description after the name are no part of it
        defined = _DEFINED_AT_END.search(text, s, e)
        if defined:
            e = defined.start()
        described = _DESCRIBED_AT_END.search(text, s, e)
        if described:
            e = described.start()
        inside = _mentions_in(spans, s, e)
        raw_len = len(re.sub(r"\s*\([^)]*\)?$|,\s*[A-Z][A-Za-z ]+$", "", text[s:e].strip()))
        if inside and max(x[1] - x[0] for x in inside) < 0.8 * raw_len:
            inside = []  # the line names more than the organisation found in it ("KOPERASI MAJU BERSAMA")
        if inside:
            ent = max(inside, key=lambda x: x[1] - x[0])[2]
        else:
            raw = _without_trailing_places(re.sub(r"\s+", " ", text[s:e]).strip(" ,;"), "")  # ", SCOTLAND, UK"
            if not raw or len(raw) > 150:
                continue
            # the mention ends before the country too
            written = _without_trailing_places(text[s:e].rstrip(" \t\n,;"), " \t\n,;")
            ment = Mention(s, s + len(written), re.sub(r"\s+", " ", written), "org", raw.split()[0], raw.split()[1:])
            ent = Entity("org", mentions=[ment])
            # the same name later in ordinary case ("NORTHFIELD UNIVERSITY" ... "Northfield University")
            for later in re.finditer(re.escape(raw).replace(r"\ ", r"\s+"), full_text[m.end():], re.IGNORECASE):
                a, b = m.end() + later.start(), m.end() + later.end()
                ent.mentions.append(Mention(a, b, re.sub(r"\s+", " ", later.group()), "org", raw.split()[0],
                                            raw.split()[1:]))
            entities.append(ent)
        if defined and defined.group(1) not in ent.extra_aliases:
            ent.extra_aliases.append(defined.group(1))
        if other_name and len(other_name.group(1).split()) >= 2 and other_name.group(1) not in ent.extra_aliases:
            ent.extra_aliases.append(other_name.group(1))   # its name in the other language
        if ent not in found:
            found.append(ent)
    return found if len(found) >= 2 else []


def _is_party(ent: Entity, parties: list[Entity]) -> bool:
    """A party, or a unit of one ("Fakultas X Universitas Y" when "Universitas Y" is a party)."""
    if ent in parties:
        return True
    parents = {fold(n) for n in ent.parent_names()}
    return bool(parents) and any(fold(re.sub(r"\s+", " ", f)) in parents
                                 for p in parties for f in [p.canonical, *p.surface_forms()])


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in doc.sents]


# "and the Public Works Office of X Regency (": a partner named in English before its own name in brackets
NAMED_THEN_BRACKETED = re.compile(r"(?:and|dan|with|dengan)\s+((?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:of|the|for|and|&|"
                                  r"[A-Z][\w'&-]*)){1,10})\s*\(")
# "A, one of the country's largest firms, and B": a description of A between the two
# (a PDF text layer may wrap the description onto the next line)
APPOSITIVE = re.compile(r",\s*[a-z](?:[^,()\n]|\n(?!\s*\n)){2,100},\s*(?:and|dan|with|dengan|serta)(?:\s+the)?")
# between a unit and the body it belongs to: "... (DX) of the Indonesian Ministry of Y and Z signed":
# the unit, not its ministry, signs with Z
BELONGS_TO = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}")
CONNECTOR_START = re.compile(r"^(dan|dengan|bersama|and|with|serta|&)\b", re.IGNORECASE)
PLAIN_JOIN = re.compile(r"^(dengan|bersama|with)$", re.IGNORECASE)


def _pairs(text: str, sents, spans) -> list[tuple[Entity, Entity, int]]:
    """(left, right, cue) for organisations joined in a sentence: cue is True when the sentence
    is about the agreement, False for a plain "X bersama Y" elsewhere."""
    out = []
    for si, (s, e) in enumerate(sents):
        sent = text[s:e]
        cue = bool(CUE.search(sent))
        # a name may run past a layout sentence break ("Kejaksaan Negeri (Kejari)\nKota X ...")
        inside = [x for x in spans if s <= x[0] < e]
        unit_of: dict[int, Entity] = {}
        for (a0, a1, ea), (b0, b1, eb) in zip(inside, inside[1:]):
            if ea is eb:
                continue
            between = text[a1:b0]
            if cue and BELONGS_TO.fullmatch(between):
                unit_of[id(eb)] = unit_of.get(id(ea), ea)   # "Directorate X (DX) of the Ministry of Y"
                continue
            ea = unit_of.get(id(ea), ea)
            if len(between) > 160 or "\n\n" in between:
                continue
            bt = between.strip()
            if not cue:
                if PLAIN_JOIN.match(bt):
                    out.append((ea, eb, False))
                continue
            other_name = NAMED_THEN_BRACKETED.fullmatch(bt)
            if other_name:   # "A and the X Office of Y (Dinas X Kabupaten Y)": B in its own language
                english = re.sub(r"\s+", " ", other_name.group(1))
                if english not in eb.extra_aliases:
                    eb.extra_aliases.append(english)
                out.append((ea, eb, True))
                continue
            joined = bool(CONNECTOR_END.search(" " + bt)) and (len(bt.split()) <= 2 or CUE.search(bt))
            joined = joined or (bool(CONNECTOR_START.match(bt)) and len(bt.split()) <= 3)
            joined = joined or bool(APPOSITIVE.fullmatch(bt))
            # a line break is allowed where a text layer wraps a sentence ("... Kabupaten X\nmenggandeng
            # PT Y"), not after a headline line
            wrapped = between.count("\n") == 1 and bt[:1].islower()
            headline_verb = 0 < len(bt.split()) <= 3 and CUE.search(bt) and ("\n" not in between or wrapped)
            if joined or headline_verb:
                out.append((ea, eb, True))
    return out


def _list_parties(text: str, sents, spans) -> list[Entity]:
    """Three or more organisations listed as taking part."""
    out: list[Entity] = []
    for s, e in sents:
        sent = text[s:e]
        intro = LIST_INTRO.search(sent)
        if not intro or not PARTICIPATION.search(sent[:intro.start()]):
            continue
        inside = _mentions_in(spans, s + intro.end(), e)
        if len(inside) >= 3:
            for _, _, ent in inside:
                if ent not in out:
                    out.append(ent)
            # items without an organisation head in the same list ("..., Udinus, ...")
            last = inside[-1][1]
            covered = [(a, b) for a, b, _ in inside]
            for item in re.finditer(r"(?:(?<=,)|(?<=serta)|(?<=dan))\s*([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})(?=\s*(?:,|serta|dan|\.|$))",
                                    text[s + intro.end():min(e, last + 200)]):
                a = s + intro.end() + item.start(1)
                b = s + intro.end() + item.end(1)
                if any(x <= a < y for x, y in covered):
                    continue
                words = item.group(1).split()
                if any(fold(w) in lexicon().title_stop for w in words):
                    continue
                ent = Entity("org", mentions=[Mention(a, b, item.group(1), "org", words[0], words[1:])])
                out.append(ent)
    return out


# "Turut menandatangani sebagai pihak pelaksana, Kepala Kantor X ...", "Also signing were the Head of X ...":
# the sentence names further signers, each for an organisation of its own
CO_SIGNERS = re.compile(r"\b(?:(?:turut|ikut)\s+(?:menandatangani|meneken|membubuhkan\s+tanda\s+tangan)|"
                        r"(?:also|co-?)\s*sign(?:ed|ing)\b|countersign(?:ed|ing)\b)", re.IGNORECASE)


_LIST_COMMA = re.compile(r",\s*(?:the\s+)?", re.IGNORECASE)
_LIST_LAST = re.compile(r",?\s*(?:and|dan|serta)\s+(?:the\s+)?", re.IGNORECASE)
# what follows the last name of the list: at most two words ("yesterday", "have", "resmi"), then the signing
_LIST_SIGNS = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:signed|sign|menandatangani|meneken|teken)\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")


def _signing_list(text: str, sents, spans) -> list[Entity]:
    """"A (A's other name, "AA"), the B (...) and the C yesterday signed ...": three or more
    organisations listed as the subject of the signing, each maybe followed by its other name in
    brackets, are the parties."""
    for s, e in sents:
        top = [x for x in _mentions_in(spans, s, e) if "(" not in _BRACKETS.sub("", text[s:x[0]])]
        run: list[tuple[int, int, Entity]] = []
        for x in top:
            if run:
                gap = _BRACKETS.sub("", text[run[-1][1]:x[0]]).strip()
                gap = re.sub(r"\s+", " ", gap) + " "
                if x[2] is run[-1][2] or not (_LIST_COMMA.fullmatch(gap) or _LIST_LAST.fullmatch(gap)):
                    run = []
                elif _LIST_LAST.fullmatch(gap):
                    run.append(x)
                    tail = _BRACKETS.sub(lambda b: " " * len(b.group()), text[x[1]:e])
                    if len(run) >= 3 and _LIST_SIGNS.match(tail):
                        return [r[2] for r in run]
                    run = []
                    continue
            run = run or [x]
            if run[-1] is not x:
                run.append(x)
    return []


_BETWEEN = re.compile(r"\b(?:antara|between)\s+(?:the\s+)?$", re.IGNORECASE)


def _between_list(text: str, sents, spans) -> list[Entity]:
    """"kerja sama tiga pihak antara A, B dan C", "an agreement between A, B and C": three or more
    organisations listed right after "antara"/"between" in a sentence about the agreement are the parties."""
    for s, e in sents:
        if not CUE.search(text, s, e):
            continue
        inside = _mentions_in(spans, s, e)
        for k, first in enumerate(inside):
            if not _BETWEEN.search(text[max(s, first[0] - 40):first[0]]):
                continue
            run = [first]
            for x in inside[k + 1:]:
                gap = re.sub(r"\s+", " ", _BRACKETS.sub("", text[run[-1][1]:x[0]]).strip()) + " "
                if x[2] is run[-1][2] or not (_LIST_COMMA.fullmatch(gap) or _LIST_LAST.fullmatch(gap)):
                    break
                run.append(x)
                if _LIST_LAST.fullmatch(gap):
                    break
            names = list(dict.fromkeys(r[2] for r in run))
            if len(names) >= 3 and _LIST_LAST.fullmatch(
                    re.sub(r"\s+", " ", _BRACKETS.sub("", text[run[-2][1]:run[-1][0]]).strip()) + " "):
                return names
    return []


def _co_signer_parties(text: str, sents, spans) -> list[Entity]:
    """The organisations named in a sentence about further signers."""
    out: list[Entity] = []
    for s, e in sents:
        if CO_SIGNERS.search(text, s, e):
            out.extend(ent for _, _, ent in _mentions_in(spans, s, e) if ent not in out)
    return out


_NAME_RUN = r"[A-Z][\w'&.-]*(?:\s+(?:of|the|for|and|&|[A-Z][\w'&.-]*)){0,12}"
# An English release: "A has signed a Memorandum of Understanding with B", "A signed an agreement with B".
# a name's own short or other-language form in brackets right after it: "Kestrel Aid (KA)"
_OTHER_NAME = r"(?:\s*\([^()\n]{1,90}\))?"
SIGNED_WITH = re.compile(
    rf"(?P<a>{_NAME_RUN})(?P<a_other>{_OTHER_NAME})"
    # "The X Alliance, a non-profit network of ..., today signed": a description of A between commas
    r"(?:,\s+(?:a|an|the)\s+[a-z](?:[^,;.\n\"“”]|\n(?![ \t]*\n)){2,120},)?"
    rf"\s+(?:has\s+|have\s+)?(?:today\s+|yesterday\s+)?(?:formally\s+|officially\s+)?"
    rf"sign(?:ed|s)\s+(?:a|an|the)\s+"
    rf"(?:[\w-]+\s+){{0,4}}?(?i:memorandum\s+of\s+understanding|mou|agreement|memorandum|partnership|arrangement)"
    rf"(?:\s+\([^)]{{1,12}}\))?\s+with\s+(?:the\s+)?(?P<b>{_NAME_RUN})")
_NAME_RUN_NO_AND = r"[A-Z][\w'&.-]*(?:\s+(?:of|the|for|[A-Z][\w'&.-]*)){0,12}"
# "A and B (have) signed a Memorandum of Understanding ..."
BOTH_SIGNED = re.compile(
    rf"(?P<a>{_NAME_RUN_NO_AND})(?P<a_other>{_OTHER_NAME})\s+and\s+(?:the\s+)?(?P<b>{_NAME_RUN_NO_AND})(?P<b_other>{_OTHER_NAME})"
    rf"\s+(?:have\s+|today\s+)?"
    rf"(?:formally\s+|officially\s+)?sign(?:ed|s)?\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,4}}?"
    rf"(?i:memorandum\s+of\s+understanding|mou|agreement|memorandum|partnership|arrangement)\b")


def _side_entity(text: str, spans, entities: list[Entity], s: int, e: int) -> Entity | None:
    """The organisation named by text[s:e]: a found mention covering most of it, else a new one."""
    # "Today the X College ...": a name starts after a "the" that follows no connector
    restart = [x.end() for x in re.finditer(r"(?<![Oo]f)(?<![Ff]or)(?<![Aa]nd)\s+the\s+", text[s:e])]
    s += restart[-1] if restart else re.match(r"(?i:the\s+)?", text[s:e]).end()
    trailing = re.search(r"(?:\s+(?:of|the|for|and|&))+$", text[s:e], re.IGNORECASE)
    e = s + trailing.start() if trailing else e
    raw = re.sub(r"\s+", " ", text[s:e]).strip()
    if not raw:
        return None
    inside = _mentions_in(spans, s, e + 1)
    if inside:
        best = max(inside, key=lambda x: x[1] - x[0])
        if best[1] - best[0] >= 0.8 * len(raw):
            return best[2]
    words = raw.split()
    if len(words) < 2 or fold(words[0]) in lexicon().title_stop:
        return None
    ent = Entity("org", mentions=[Mention(s, e, raw, "org", words[0], words[1:])])
    for later in re.finditer(re.escape(raw).replace(r"\ ", r"\s+"), text[e:]):
        ent.mentions.append(Mention(e + later.start(), e + later.end(), re.sub(r"\s+", " ", later.group()),
                                    "org", words[0], words[1:]))
    entities.append(ent)
    return ent


_SHORT_NAME = re.compile(r"[A-Z][A-Za-z&-]{1,11}")


def _side_with_other_name(text: str, spans, entities: list[Entity], m: re.Match, side: str) -> Entity | None:
    """One side of a signing sentence, maybe followed by its other name in brackets ("A (AA) and the
    B of X (Dinas B X) signed ..."): a found mention that takes in the brackets, else the name before
    them, which gets a short name in the brackets as an alias."""
    s, e = m.span(side)
    other = (m.groupdict().get(f"{side}_other") or "").strip()
    if other:
        covering = [x for x in _mentions_in(spans, s, m.end(f"{side}_other") + 1) if x[0] <= s + 4 and x[1] >= e]
        if covering:
            return covering[0][2]
    ent = _side_entity(text, spans, entities, s, e)
    inner = other[1:-1].strip()
    if ent is not None and _SHORT_NAME.fullmatch(inner) and inner.upper() == inner \
            and inner not in ent.extra_aliases:
        ent.extra_aliases.append(inner)
        at = m.start(f"{side}_other") + m.group(f"{side}_other").index(inner)
        ent.extra_spans.append((at, at + len(inner)))
    return ent


# "The X Government, chocolate maker [A] and the [B] signed": a first name of the list before A, maybe
# described in a few lower-case words
LIST_HEAD = re.compile(rf"(?P<z>{_NAME_RUN_NO_AND})(?P<z_other>{_OTHER_NAME}),\s+(?:[a-z][\w'-]*\s+){{0,3}}$")


def _signed_with_parties(text: str, spans, entities: list[Entity]) -> list[Entity]:
    """The two organisations of the first "A has signed a Memorandum of Understanding with B" or
    "A and B signed an agreement" (three with "Z, A and B signed")."""
    for m in [*SIGNED_WITH.finditer(text), *BOTH_SIGNED.finditer(text)]:
        a = _side_with_other_name(text, spans, entities, m, "a")
        b = _side_with_other_name(text, spans, entities, m, "b")
        if a is not None and b is not None and a is not b:
            head = None
            if m.re is BOTH_SIGNED:
                line_start = text.rfind("\n", 0, m.start()) + 1
                z = LIST_HEAD.search(text, line_start, m.start("a"))
                head = _side_with_other_name(text, spans, entities, z, "z") if z else None
            return [head, a, b] if head is not None and head is not a and head is not b else [a, b]
    return []


# "Memorandum of Understanding No. X, signed on <date> by NAME, Head of A, and NAME, Director, B": each signer
# stands for his organisation, the last one named in his part of the list
SIGNED_BY = re.compile(r"(?i:\b(?:memorandum|mou|agreement|perjanjian|kesepakatan|nota|pks)\b)[^\n]{0,160}?"
                       r"(?i:\b(?:signed|ditandatangani)\b)[^\n.;]{0,40}?\b(?i:by|oleh)\s+")
_SIGNER_SPLIT = re.compile(r",?\s+(?:and|dan)\s+(?:(?:by|oleh)\s+)?(?=[A-Z])")


def _signed_by_parties(text: str, spans) -> list[Entity]:
    """The organisations of the signers listed after "signed ... by" in a sentence about the agreement
    (a report or release that names the agreement it rests on): two signers at least, each for another one."""
    for m in SIGNED_BY.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        found: list[Entity] = []
        start = m.end()
        for cut in [*_SIGNER_SPLIT.finditer(text, m.end(), line_end), None]:
            end = cut.start() if cut else line_end
            inside = _mentions_in(spans, start, end)
            if inside and inside[-1][2] not in found:
                found.append(inside[-1][2])
            start = cut.end() if cut else end
        if len(found) >= 2:
            return found
    return []


# a report's basis: "Basis: Memorandum of Understanding No. X, signed on <date> with the B (BB)": the partner it
# was signed with; the body writing the report is the other party
BASIS_SIGNED_WITH = re.compile(
    r"(?i:\b(?:memorandum|mou|agreement|perjanjian|kesepakatan|nota|pks)\b)[^\n]{0,200}?(?i:\b(?:signed|ditandatangani)\b)"
    rf"(?:[^\n.;]|\n(?![ \t]*\n)){{0,60}}?\b(?i:with|dengan)\s+(?:the\s+)?(?P<b>{_NAME_RUN_NO_AND})(?P<b_other>{_OTHER_NAME})")


def _report_basis_parties(text: str, spans, entities: list[Entity]) -> list[Entity]:
    """The writer of a report (the first organisation of its letterhead block) and the partner named where
    the report cites the agreement it rests on as signed with that partner."""
    top = text.find("\n\n")
    top = 300 if top < 0 else min(top, 600)
    for m in BASIS_SIGNED_WITH.finditer(text, 0, 3000):
        partner = _side_with_other_name(text, spans, entities, m, "b")
        writer = next((x[2] for x in spans if x[0] < top and x[2] is not partner), None)
        if partner is not None and writer is not None:
            return [writer, partner]
    return []


# ... and a memo's "From: ORG" / "To: Head of ORG" header ("Dari :" / "Kepada :")
ADDRESS_LABEL = re.compile(r"^[ \t]*(?:(?:prepared|submitted|reported|disusun|dilaporkan|disampaikan|ditujukan)"
                           r"(?:[ \t]+(?:by|to|oleh|kepada))?|from|to|dari|kepada)[ \t]*:", re.IGNORECASE | re.MULTILINE)


BRANCH_OFFICE = re.compile(r"(?:[A-Z][\w-]+\s+)?(?:Office|Branch)")
# a report's key-value header: "Organisation: X (XA), United Kingdom", "Partner: Y", "Mitra Kerja: Z"
PARTNER_LABEL = re.compile(r"^[ \t]*(?:(?:partner|implementing|lead)?[ \t]*organi[sz]ation|(?:implementing[ \t]+)?partner"
                           r"(?:[ \t]+organi[sz]ation)?|mitra(?:[ \t]+kerja(?:[ \t]*sama)?)?|lembaga[ \t]+pelaksana)"
                           r"[ \t]*:[ \t]*", re.IGNORECASE | re.MULTILINE)
_LABEL_VALUE_END = re.compile(r"[ \t]*(?:[(,;]|[ \t][–—-][ \t]|$)", re.MULTILINE)


def _addressed_parties(text: str, spans, entities: list[Entity]) -> list[Entity]:
    """A report's "Prepared by: ORG" and "Submitted to: ORG" lines, or its "Organisation: ORG" and
    "Partner: ORG" lines, name the two partners. A partner line names an organisation even when no
    organisation head is in it ("Organisation: Kestrel Volunteers Abroad (KVA)")."""
    found: list[Entity] = []
    for label in ADDRESS_LABEL.finditer(text[:3000]):
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end < 0 else line_end
        inside = _mentions_in(spans, label.end(), line_end)
        # "X (XA), Jakarta Office": the office of the body named before it, in a city
        inside = [x for k, x in enumerate(inside) if k == 0 or not BRANCH_OFFICE.fullmatch(text, x[0], x[1])]
        for _, _, ent in inside[-1:]:
            if ent not in found:
                found.append(ent)
    if len(found) >= 2:
        return found
    found = []
    for label in PARTNER_LABEL.finditer(text[:3000]):
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end < 0 else line_end
        # (a name wrapped onto the next line still starts on the label's line)
        inside = [x for x in spans if label.end() <= x[0] < line_end]
        if inside:
            ent = inside[0][2]
        else:
            end = _LABEL_VALUE_END.search(text, label.end(), line_end + 1)
            stop = end.start() if end else line_end
            named = stop > label.end() and text[label.end()].isupper()   # a name, not a description
            ent = _side_entity(text, spans, entities, label.end(), stop) if named else None
            short = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[stop:line_end])
            if ent is not None and short and short.group(1) not in ent.extra_aliases:
                ent.extra_aliases.append(short.group(1))
                ent.extra_spans.append((stop + short.start(1), stop + short.end(1)))
        if ent is not None and ent not in found:
            found.append(ent)
    if len(found) == 1:
        # one partner line under a letterhead: the body whose letterhead it is writes to its partner
        top = text.find("\n\n")
        letterhead = [x[2] for x in spans if x[0] < (top if top > 0 else 300) and x[2] is not found[0]]
        if letterhead:
            return [letterhead[0], found[0]]
        writer = _letterhead_name(text, spans, entities)
        if writer is not None and writer is not found[0]:
            return [writer, found[0]]
    return found if len(found) >= 2 else []


# a letterhead line's name: capitalised words up to a dash, comma, bar or bracket ("X Youth Health - Country Programme")
LETTERHEAD_NAME = re.compile(r"[ \t]*(?P<name>[A-Z][\w'&.-]*(?:[ \t]+(?:of|for|and|&|[A-Z][\w'&.-]*)){1,7})[ \t]*(?:[–—|(,]|[ \t]-[ \t]|$)")
REPORT_TITLE = re.compile(r"\b(?:reports?|laporan|checklist|daftar\s+periksa|update|minutes|notulen|berita\s+acara|form)\b",
                          re.IGNORECASE)
_LABEL_LINE = re.compile(r"^[ \t]*[\w .]{1,30}:", re.MULTILINE)


def _letterhead_name(text: str, spans, entities: list[Entity]) -> Entity | None:
    """The body writing a report, named on a line above its first "Label:" line by a name that has no
    organisation head ("Harbour Light Youth Health - Country Programme") and that the report names again
    further down (a sign-off line, "Prepared by: NAME, Coordinator, X")."""
    label = _LABEL_LINE.search(text, 0, 600)
    top = label.start() if label else 0
    pos = 0
    while pos < top:
        line_end = text.find("\n", pos, top)
        line_end = top if line_end < 0 else line_end
        m = LETTERHEAD_NAME.match(text, pos, line_end)
        if m and not _mentions_in(spans, pos, line_end) and not REPORT_TITLE.search(text, pos, line_end):
            name = re.sub(r"\s+", " ", m.group("name"))
            again = re.search(re.escape(name).replace(r"\ ", r"\s+"), text[line_end:])
            if again:
                return _side_entity(text, spans, entities, *m.span("name"))
        pos = line_end + 1
    return None


def _clause_start(text: str, at: int) -> int:
    """Start of the party-definition clause ending at `at`: its list item or paragraph."""
    enum_starts = [x.start() for x in ITEM_START.finditer(text, max(0, at - 1500), at)]
    # the previous definition ends the previous clause (OCR may drop the list markers)
    prev_defs = [x.end() for x in ROLE_DEF.finditer(text, max(0, at - 1500), at)]
    return max([text.rfind("\n\n", 0, at), at - 1500, 0] + enum_starts[-1:] + prev_defs[-1:])


def _role_def_parties(text: str, spans, parties: list[Entity]) -> list[Entity]:
    """Every "selanjutnya disebut PIHAK <ordinal>" clause names a party: when no known party is
    mentioned in the clause, the organisation it names is one (the one after "atas nama" /
    "on behalf of" when there is one, else the first)."""
    out: list[Entity] = []
    for m in ROLE_DEF.finditer(text):
        start = _clause_start(text, m.start())
        inside = [x for x in spans if start <= x[0] and x[1] <= m.start() and not _region_inside_name(text, x)]
        if _behalf_party(text, start, m.start(), parties + out) is not None:
            continue
        if not inside or any(_is_party(x[2], parties + out) for x in inside):
            continue
        behalf = [x for x in inside if ON_BEHALF.search(text[max(start, x[0] - 40):x[0]])]
        ent = (behalf or inside)[0][2]
        if not any(_respelling(ent.canonical, p.canonical) for p in parties + out) \
                and not _short_form_of_known(ent, parties + out):
            out.append(ent)   # (another spelling of a known party is not a new one)
    return out


# "PIHAK PERTAMA, NAMA, Kepala X, bertindak untuk dan atas nama X, selanjutnya disebut X;": a party clause led by
# its role (also "PIHAK I:", "First Party:"), the definition after it a short name, not the role
# ("Party A — X, represented by ...": a lettered role and a dash)
_ROLE_LED = (rf"^[ \t]*(?:\d{{1,2}}[.)][ \t]*)?(?P<role>{_ROLE}|PIHAK[ \t]+(?:I{{1,3}}|IV)|(?-i:Party|PARTY|Pihak)[ \t]+(?-i:[A-D]))"
             r"[ \t]*(?:[:,]|[–—-](?=[ \t]))[ \t]*")
# the clause runs to its closing ";" or "." at a line end (a PDF wraps it), a blank line or the next role
ROLE_LED_CLAUSE = re.compile(rf"(?ims){_ROLE_LED}(?P<rest>.{{1,700}}?)(?:[;.][ \t]*(?=\n|$)|(?=\n[ \t]*\n)|"
                             rf"(?=\n{_ROLE_LED[1:].replace('(?P<role>', '(?:')})|\Z)")
_REPRESENTS = re.compile(r"\b(?:bertindak|atas\s+nama|mewakili|on\s+behalf\s+of|acting\s+for|represent\w*|"
                         r"selanjutnya\s+(?:disebut|dinamakan)|hereinafter)\b", re.IGNORECASE)


def _role_led_parties(text: str, spans, parties: list[Entity]) -> list[Entity]:
    """Each line led by a party's role that says whom its signer acts for names a party: the organisation
    after "atas nama" / "on behalf of" (else the first one on the line), unless a known party is named there."""
    out: list[Entity] = []
    for m in ROLE_LED_CLAUSE.finditer(text):
        rest_start = m.start("rest")
        if not _REPRESENTS.search(m.group("rest")):
            continue
        inside = [x for x in spans if rest_start <= x[0] and x[1] <= m.end("rest") and not _region_inside_name(text, x)]
        if not inside or any(_is_party(x[2], parties + out) for x in inside):
            continue
        behalf = [x for x in inside if ON_BEHALF.search(text[max(rest_start, x[0] - 40):x[0]])]
        ent = (behalf or inside)[0][2]
        if ent not in out and not any(_respelling(ent.canonical, p.canonical) for p in parties + out) \
                and not _short_form_of_known(ent, parties + out):
            out.append(ent)
    return out


def _short_form_of_known(ent: Entity, known: list[Entity]) -> bool:
    """Is `ent` a known party's name written short ("UPTD X" for the title's "UNIT PELAKSANA TEKNIS DAERAH X")?
    Then it is that party's alias, not another party."""
    for p in known:
        if abbreviates(ent.canonical, p.canonical):
            if ent.canonical not in p.extra_aliases:
                p.extra_aliases.append(ent.canonical)
            p.extra_spans.extend(sp for sp in ent.spans() if sp not in p.extra_spans)
            return True
    return False


# "..., bertindak untuk dan atas nama Unit X, selanjutnya ...": the name the signer acts for
BEHALF_NAME = re.compile(r"\b(?:atas\s+nama|mewakili|on\s+behalf\s+of)\s+(?:the\s+)?([A-Z][^,;:\n()]{2,120}?)\s*(?=[,;:(]|\n|$)",
                         re.IGNORECASE)


def _behalf_party(text: str, start: int, end: int, parties: list[Entity]) -> Entity | None:
    """The party a signer acts for, named after "atas nama" / "on behalf of" in another spelling than
    the finder's mentions ("Unit X PMI Kabupaten Y" for the title's "UNIT X PALANG MERAH INDONESIA
    KABUPATEN Y"): that party is the one the clause defines, not a place named inside the signer's title."""
    names = [x.group(1).strip() for x in BEHALF_NAME.finditer(text, start, end)]
    if not names or len(names[-1].split()) < 2:
        return None
    name = fold(re.sub(r"\s+", " ", names[-1]))
    for p in parties:
        forms = [p.canonical, *p.surface_forms()]
        if any(fold(re.sub(r"\s+", " ", f)) == name for f in forms) or abbreviates(names[-1], p.canonical):
            return p
    return None


# "Ketua Palang Merah Indonesia Kabupaten X": a bare regional name closing another body's name
_REGION_HEAD = re.compile(r"(?:kabupaten|kab\.|kota|provinsi|propinsi|regency|city|province)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Z][\w'-]*)[ \t]+$")


def _region_inside_name(text: str, span) -> bool:
    """Is this bare "Kabupaten X" mention the tail of a longer organisation name written before it
    (a capitalised word right before it that ends no position: "Palang Merah Indonesia Kabupaten X")?
    That is no mention of the regional government."""
    s, _, ent = span
    if ent.type not in ("kab", "kota", "prov") or not _REGION_HEAD.match(text, s):
        return False
    before = _WORD_BEFORE.search(text, max(0, s - 60), s)
    if before is None:
        return False
    word = fold(before.group(1))
    return (word,) not in lexicon().positions and word not in lexicon().head_first and word not in (
        "dan", "and", "with", "dengan", "of", "the", "di", "ke", "dari", "in", "at", "for", "untuk")


_GOVERNMENT = re.compile(r"\b(?:pemerintah|government|pemkab|pemkot|pemprov|pemda)\b", re.IGNORECASE)


def _respelling(name: str, known: str) -> bool:
    """"the City Government of X" for "Pemerintah Kota X": both governments (or both not) and
    the distinctive words of one within the other's ("Kantor Pertanahan Kabupaten X" is not the
    government of X)."""
    if bool(_GOVERNMENT.search(name)) != bool(_GOVERNMENT.search(known)):
        return False
    return _distinct_words(name) <= _distinct_words(known)


def _distinct_words(name: str) -> set[str]:
    words = {w for w in re.split(r"[^a-z0-9]+", fold(name)) if w}
    # (a regional company's kind spelt short or long: "Perumda X" is "Perusahaan Umum Daerah X")
    return (words - GENERIC - {"city", "regency", "province", "government", "pemkab", "pemkot", "pemprov",
                               "perumda", "perusahaan", "umum", "pdam"}) or words


def _role_name(raw: str) -> str:
    role = re.sub(r"\s+", " ", raw).strip()
    return role.upper() if role.lower().startswith("pihak") else role.lower().replace(" ", "_").replace("the_", "")


# "PIHAK PERTAMA: Kepala Dinas Pertanian Kabupaten X, NAME": a signature line labelled with the role
ROLE_LABEL_LINE = re.compile(rf"(?im)^[ \t]*({_ROLE})[ \t]*[:,][ \t]*(?P<rest>[^\n]+)$")
_FIRST_TWO = ("PIHAK PERTAMA", "PIHAK KEDUA")


def _label_line_roles(text: str, parties: list[Entity], spans, roles: dict[int, str]) -> None:
    """Roles no clause defines, from the lines labelled with them (the one party named on the line);
    of two parties, the other takes the other role."""
    for m in ROLE_LABEL_LINE.finditer(text):
        on_line = list({id(x[2]): x[2] for x in spans if m.start("rest") <= x[0] < m.end() and x[2] in parties}.values())
        role = _role_name(m.group(1))
        if len(on_line) == 1 and id(on_line[0]) not in roles and role not in roles.values():
            roles[id(on_line[0])] = role
    known = set(roles.values())
    if len(parties) == 2 and len(roles) == 1 and known <= {*_FIRST_TWO, "PIHAK KESATU"}:
        first = "PIHAK KESATU" if re.search(r"PIHAK\s+KESATU", text) else "PIHAK PERTAMA"
        other = next(p for p in parties if id(p) not in roles)
        roles[id(other)] = "PIHAK KEDUA" if known & {"PIHAK PERTAMA", "PIHAK KESATU"} else first


def _role_and_aliases(text: str, parties: list[Entity], spans) -> dict[int, str]:
    roles: dict[int, str] = {}
    for m in RESPECTIVELY.finditer(text):
        # "X and Y, hereinafter "the First Party" and "the Second Party" respectively": in order
        start = _clause_start(text, m.start())
        named: list[Entity] = []
        for x in spans:
            if start <= x[0] < m.start() and x[2] in parties and x[2] not in named:
                named.append(x[2])
        if len(named) == 2:
            for ent, raw in zip(named, (m.group(1), m.group(2)), strict=True):
                roles.setdefault(id(ent), _role_name(raw))
    for m in ROLE_DEF.finditer(text):
        # the organisation of the clause: the last party mentioned before the definition, within its item
        item_start = _clause_start(text, m.start())
        before = [x for x in spans if item_start <= x[0] < m.start() and x[2] in parties
                  and not _region_inside_name(text, x)]
        behalf = _behalf_party(text, item_start, m.start(), parties)
        if behalf is not None:
            before = [(item_start, item_start, behalf)]
        if not before:
            # the clause names the party in another spelling than its title ("Perumda X" for "PERUSAHAAN
            # UMUM DAERAH X KOTA Y"): the party it respells
            before = [(x[0], x[1], p) for x in spans if item_start <= x[0] < m.start()
                      for p in parties if _respelling(x[2].canonical, p.canonical)][:1]
        if not before:
            continue
        # the first party named in the clause is the one it defines
        ent = before[0][2]
        if id(ent) not in roles:
            roles[id(ent)] = _role_name(m.group(1))
    _label_line_roles(text, parties, spans, roles)
    for m in ALIAS_DEF.finditer(text):
        alias = m.group(2).strip()
        if alias.lower() in NOT_ALIASES:
            continue
        # '(hereinafter the "Regency")' defines "the Regency": a kind word alone is no name, with its article it is
        alias = f"the {alias}" if m.group("the") else alias
        before = [x for x in spans if m.start() - 400 <= x[0] < m.start() and x[2] in parties]
        if before:
            ent = before[-1][2]
            ent.extra_aliases.append(alias)
            ent.extra_spans.append((m.start("the") if m.group("the") else m.start(2), m.end(2)))
    _defined_names(text, parties, spans)
    _table_aliases(text, parties, spans)
    _quoted_and_former_names(text, parties, spans)
    for ent in parties:
        for m in list(ent.mentions):
            short = QUOTED_SHORT_NAME.match(text, m.end)
            if short and short.group(1) not in ent.extra_aliases and short.group(1).lower() not in NOT_ALIASES:
                ent.extra_aliases.append(short.group(1))
                ent.extra_spans.append(short.span(1))
    return roles


# a party table ("| Pihak | Diwakili oleh | Jabatan | Sebutan |"): the column of the name each party goes by
ALIAS_COLUMN = re.compile(r"(?i)(?:sebutan|disebut|selanjutnya\s+disebut|singkatan|nama\s+singkat|alias|short\s+name|"
                          r"referred\s+to\s+as|designation|defined\s+(?:as|name))")
TABLE_ROW = re.compile(r"^[ \t]*\|(?P<cells>[^\n]*\|[^\n]*)\|?[ \t]*$", re.MULTILINE)
_SHORT_ALIAS = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}")


def _table_aliases(text: str, parties: list[Entity], spans) -> None:
    """Each row of a party table gives its party (the first one named in the row) the short name in the
    table's designation column."""
    column = None
    prev_end = -2
    for row in TABLE_ROW.finditer(text):
        if row.start() != prev_end + 1:
            column = None                       # another table
        prev_end = row.end()
        cells = [c.strip() for c in row.group("cells").split("|")]
        heading = [i for i, c in enumerate(cells) if ALIAS_COLUMN.fullmatch(c)]
        if heading:
            column = heading[0]
            continue
        if column is None or column >= len(cells) or not _SHORT_ALIAS.fullmatch(cells[column]):
            continue
        alias = cells[column]
        inside = [x for x in spans if row.start() <= x[0] < row.end() and x[2] in parties]
        if inside and alias.lower() not in NOT_ALIASES and alias not in inside[0][2].extra_aliases:
            at = row.start() + row.group().rindex(alias)
            inside[0][2].extra_aliases.append(alias)
            inside[0][2].extra_spans.append((at, at + len(alias)))


# "..., untuk selanjutnya disebut PEMERINTAH DAERAH;", 'hereinafter referred to as "the Institute"': a party's
# own defined name instead of a PIHAK role (a name in capitals, or any name in quotes)
DEFINED_NAME = re.compile(
    # ("selanjutnya dalam naskah ini dipanggil "DP3A"": the same definition in other words)
    # ("yang dalam nota ini disingkat KANKEMENAG": a short name given in the document's own words)
    r"(?i:(?:selanjutnya|yang(?=\s+dalam))\s+(?:dalam\s+(?:naskah|perjanjian|kesepakatan|nota)(?:\s+\w+){0,2}?\s+ini\s+)?"
    r"(?:masing-masing\s+)?(?:disebut|dinamakan|dipanggil|disingkat)(?:\s+sebagai)?|hereinafter(?:\s+(?:referred\s+to\s+as|called))?)"
    # "selanjutnya disebut PIHAK KESATU atau DISDIK": the role, then the party's own name
    r"(?:\s*(?i:PIHAK\s+(?:KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT)|(?:the\s+)?(?:First|Second|Third|Fourth)\s+Party)\s+(?i:atau|or))?"
    r"\s*(?:(?:[\"“](?P<quoted>(?:[Tt]he\s+)?[A-Z][^\"”\n]{1,40})[\"”])|(?P<caps>[A-Z][A-Z&'-]+(?:[ \t]+[A-Z][A-Z&'-]+){0,3})"
    r"(?=\s*[;,.:)]|\s*\n|\s*$))")


def _defined_names(text: str, parties: list[Entity], spans) -> None:
    """A party defined by a name of its own ("selanjutnya disebut PESANTREN") gets it as an alias: the
    first party named in the clause that ends with the definition is the one it defines."""
    prev_end = 0
    for m in DEFINED_NAME.finditer(text):
        alias = re.sub(r"\s+", " ", m.group("quoted") or m.group("caps")).strip()
        start = max(_clause_start(text, m.start()), prev_end)
        prev_end = m.end()
        if alias.lower() in NOT_ALIASES or re.search(r"\b(?:pihak|party|parties)\b", alias, re.IGNORECASE):
            continue
        before = [x for x in spans if start <= x[0] < m.start() and x[2] in parties]
        if not before:
            # the clause names the party without its place ("Kepala Dinas X, selanjutnya disebut DINAS" for
            # the title's "DINAS X KABUPATEN Y"): the party whose name it begins
            before = [(x[0], x[1], p) for x in spans if start <= x[0] < m.start() for p in parties
                      if len(x[2].canonical.split()) >= 2
                      and fold(p.canonical).startswith(fold(x[2].canonical) + " ")][:1]
        if not before:
            continue
        ent = before[0][2]
        if alias not in ent.extra_aliases and fold(alias) != fold(ent.canonical):
            ent.extra_aliases.append(alias)
            at = m.start("quoted") if m.group("quoted") else m.start("caps")
            ent.extra_spans.append((at, at + len(alias)))


# '("the City")', '(“the Water Board”)': a short name given in quotes and brackets after a party's name or
# after a description of it (", a regional water authority under Dutch law")
QUOTED_ALIAS = re.compile(r"\(\s*(?P<the>the\s+)?[\"“]((?:[Tt]he\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})[\"”]\s*\)")
_DESCRIPTION_GAP = re.compile(r"\s*(?:,\s*[^()\n.;:\"“”]{1,120}?)?\s*")
# "X (Dinas Y), a body of Z, represented by NAME, Head of X (the "Office")": the short name after the
# representative is the represented party's
_REPRESENTED_GAP = re.compile(r"\s*(?:\([^()\n]{1,80}\))?(?:\s*,\s*[^,()\n;\"“”]{1,100}){0,2}\s*,?\s*"
                              # (", and the B of Y (the "B")": the next party's own short name)
                              r"(?:represented\s+by|diwakili\s+oleh)\b(?:(?!,?\s+(?:and|dan)\s+(?:the\s+)?[A-Z])"
                              r"[^()\"“”\n;]){1,200}?\s*")
# "PT X (dahulu PT Y)", "(d/h Y)", "(sebelumnya bernama Y)", "(formerly Y)": the party's former name
FORMER_NAME = re.compile(r"\s*\(\s*(?:dahulu|dulu|d/h|sebelumnya(?:\s+bernama)?|semula(?:\s+bernama)?|formerly|previously)"
                         r"(?:\s+(?:known\s+as|named|called))?\s*:?\s*([A-Z][^()\n]{2,80}?)\s*\)", re.IGNORECASE)


def _quoted_and_former_names(text: str, parties: list[Entity], spans) -> None:
    """Aliases given right after a party's name: a quoted short name in brackets (also after a short
    description of the party, with no other organisation between) and a former name."""
    for ent in parties:
        for _, b in ent.spans():
            former = FORMER_NAME.match(text, b)
            if former and former.group(1)[:1].isupper() and former.group(1) not in ent.extra_aliases:
                ent.extra_aliases.append(former.group(1))
                ent.extra_spans.append(former.span(1))
    for m in QUOTED_ALIAS.finditer(text):
        # '(the "Institute")' defines "the Institute": a kind word alone is no name, with its article it is
        alias = f"the {m.group(2)}" if m.group("the") else m.group(2)
        if alias.lower() in NOT_ALIASES or re.search(r"\b(?:party|pihak)\b", alias, re.IGNORECASE):
            continue
        before = [x for x in spans if m.start() - 160 <= x[1] <= m.start()]
        last = max(before, key=lambda x: x[1]) if before else None
        if last is None or last[2] not in parties or not _DESCRIPTION_GAP.fullmatch(text, last[1], m.start()):
            last = next((x for x in sorted(spans, key=lambda x: -x[1]) if m.start() - 320 <= x[1] <= m.start()
                         and x[2] in parties and _REPRESENTED_GAP.fullmatch(text, x[1], m.start())), None)
            if last is None:
                headed = _region_headed_party(text, m.start(), parties, spans)
                last = (m.start(), m.start(), headed) if headed is not None else None
            if last is None:
                # '(the "Museum")' far from the name: the one party whose name holds that kind word
                kind = [p for p in parties if fold(m.group(2)) in _name_words(p.canonical)]
                last = (m.start(), m.start(), kind[0]) if len(kind) == 1 and " " not in m.group(2) else None
            if last is None:
                continue
        if alias not in last[2].extra_aliases:
            last[2].extra_aliases.append(alias)
            last[2].extra_spans.append((m.start("the") if m.group("the") else m.start(2), m.end(2)))


# 'the Regent of X, NAME (the "Regency")': a region's head named with the short name of its government
REGION_HEAD_NAMED = re.compile(r"\b(?:Regent|Mayor|Governor|Bupati|Wali\s*[Kk]ota|Gubernur)\s+(?:of\s+)?"
                               r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s*,\s*[^()\n\"“”;]{3,80}?\s*$")


def _region_headed_party(text: str, at: int, parties: list[Entity], spans) -> Entity | None:
    """The party of the region whose head is named right before `at`, no other organisation between."""
    m = REGION_HEAD_NAMED.search(text, max(0, at - 160), at)
    if not m or any(m.end("place") < x[0] < at for x in spans):
        return None
    place = fold(m.group("place"))
    return next((p for p in parties if any(re.search(rf"\b{re.escape(place)}\b", fold(f)) for f in p.surface_forms())),
                None)


# "(Dinas X Kabupaten Y, "DX")": the short name a party is given in quotes inside its brackets
QUOTED_SHORT_NAME = re.compile(r"\s*[,;]\s*[\"“]([A-Z][\w&.-]{1,15}(?:\s[A-Z][\w&.-]{1,15})?)[\"”]\s*\)")


def _also_mentions(text: str, ent: Entity) -> None:
    """Add later bare mentions of a party's aliases defined by "hereinafter" ("ULS", "WIKA")."""
    for alias in list(ent.extra_aliases):
        if len(alias) < 2:
            continue
        inside = [(x.start, x.end) for x in ent.mentions]
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            if not any(a <= m.start() < b for a, b in inside):   # not again inside a full mention
                ent.extra_spans.append((m.start(), m.end()))


# a report's heading per agreement it covers: "B. Perjanjian Kerja Sama dengan X tentang Y (Nomor ...)",
# "2. Memorandum of Understanding with X on Y"
AGREEMENT_HEADING = re.compile(
    r"^[ \t]*(?:[A-Z]|\d{1,2}|[IVX]{1,4})[.)][ \t]+(?i:perjanjian(?:\s+kerja\s*sama)?|kesepakatan\s+bersama|"
    r"nota\s+kesepa(?:kat|ham)an|memorandum\s+of\s+understanding|mou|pks|(?:cooperation\s+|partnership\s+)?agreement)"
    r"[ \t]+(?i:dengan|with)[ \t]+(?:the[ \t]+)?(?P<org>[A-Z][^\n]{2,150}?)[ \t]+(?i:tentang|mengenai|on|concerning|regarding)\b",
    re.MULTILINE)


def _report_agreements_parties(text: str, spans, entities: list[Entity]) -> list[Entity]:
    """A report on several agreements, one heading each ("A. Perjanjian Kerja Sama dengan X tentang ...",
    "B. Kesepakatan Bersama dengan Y tentang ..."): the body that writes it (the first organisation of its
    letterhead) and each partner named in a heading are the parties. Two headings at least: one agreement
    is left to the other rules."""
    heads = list(AGREEMENT_HEADING.finditer(text))
    if len(heads) < 2:
        return []
    found: list[Entity] = []
    head_end = min(heads[0].start(), 400)
    letterhead = [x for x in spans if x[0] < head_end and "\n\n" not in text[:x[0]].strip()]
    for _, _, ent in letterhead[:1]:
        found.append(ent)
    for m in heads:
        ent = _side_entity(text, spans, entities, *m.span("org"))
        if ent is not None and ent not in found:
            found.append(ent)
    return found if len(found) >= 3 else []


def select(doc: Doc) -> list[Entity]:
    info = analyse(doc)
    text = doc.text
    entities: list[Entity] = info["entities"]
    spans = info["spans"]
    sents = _sentences(doc)
    parties = _title_parties(text, spans, entities)
    info["from_title"] = bool(parties)
    if parties:
        spans = sorted(spans + [(s, e, ent) for ent in parties for s, e in ent.spans()
                                if (s, e, ent) not in spans], key=lambda x: x[0])
    if not parties and doc._.janji_kind == "activity_report":
        parties = _report_agreements_parties(text, spans, entities)
        info["from_title"] = bool(parties)     # listed in the report's order: keep it
        if parties:
            spans = sorted(spans + [(s, e, ent) for ent in parties for s, e in ent.spans()
                                    if (s, e, ent) not in spans], key=lambda x: x[0])
    pairs = [] if parties else _pairs(text, sents, spans)  # an agreement's title block is final
    cue_pairs = [p for p in pairs if p[2]]
    if not parties:
        parties = _signing_list(text, sents, spans) or _between_list(text, sents, spans)
    if not parties and cue_pairs:
        a, b, _ = cue_pairs[0]
        parties = [a, b]
    if not parties:
        parties = _signed_with_parties(text, spans, entities)
        if parties:
            spans = sorted(spans + [(s, e, ent) for ent in parties for s, e in ent.spans()
                                    if (s, e, ent) not in spans], key=lambda x: x[0])
    if not parties:
        parties = _signed_by_parties(text, spans)
    if not parties and doc._.janji_kind == "activity_report":
        parties = _report_basis_parties(text, spans, entities)
    if not parties and sents:
        # a headline naming one organisation and the agreement: that organisation is a party
        t0, t1 = sents[0]
        in_title = {x[2] for x in _mentions_in(spans, t0, t1)}
        if len(in_title) == 1 and CUE.search(text[t0:t1]):
            parties = list(in_title)
    if not parties:
        parties = _addressed_parties(text, spans, entities)
    if parties:
        for a, b, _ in pairs:
            if _is_party(a, parties) and not _is_party(b, parties):
                parties.append(b)
            elif _is_party(b, parties) and not _is_party(a, parties):
                parties.append(a)
    for ent in ([] if len(parties) == 2 and not pairs else _list_parties(text, sents, spans)):
        if ent not in parties:
            parties.append(ent)
    parties += _role_def_parties(text, spans, parties)
    parties += _role_led_parties(text, spans, parties)
    if parties:
        parties += [ent for ent in _co_signer_parties(text, sents, spans) if not _is_party(ent, parties)]
    parties = _without_headline_only(parties)
    _unit_mentions_name_parents(entities, parties)
    _bracketed_other_names(text, spans, parties)
    _short_names(text, parties)
    info["party_spans"] = spans
    return parties


def _without_headline_only(parties: list[Entity]) -> list[Entity]:
    """A headline describes a partner in a few words ("Lembaga Riset Norwegia") that the body then names
    properly: an organisation named only in the headline is not a party when two others are named in
    the body."""
    def headline_only(ent: Entity) -> bool:
        end = max((m.end for m in ent.mentions if m.headline), default=-1)
        return bool(ent.mentions) and all(m.headline for m in ent.mentions) and all(s < end for s, _ in ent.spans())
    body = [p for p in parties if not headline_only(p)]
    return body if len(body) >= 2 else parties


def _unit_mentions_name_parents(entities: list[Entity], parties: list[Entity]) -> None:
    """"Fakultas X Universitas Y" also mentions the party "Universitas Y": that part is its evidence."""
    for ent in entities:
        if ent in parties:
            continue
        for m in ent.mentions:
            if not m.parent:
                continue
            for p in parties:
                if fold(m.parent) in {fold(re.sub(r"\s+", " ", f)) for f in [p.canonical, *p.surface_forms()]}:
                    if (m.parent_at, m.end) not in p.extra_spans:
                        p.extra_spans.append((m.parent_at, m.end))
                    break


_GENERIC_EN_HEADS = frozenset({"office", "government"})
_ENGLISH_NAME = re.compile(r"\b(?:Office|Government|Agency|Foundation|University|Institute|College|Council|Company|"
                           r"Department|Ministry|Authority)\b")
# "X Company (PT X Indonesia, XI)": a name in brackets right after a party's name is its other name
BRACKET_OPEN = re.compile(r"\s*\(")


def _bracketed_other_names(text: str, spans, parties: list[Entity]) -> None:
    """"the Y Producers' Cooperative (Koperasi Produsen Y, KPY)": the organisation named first in
    the brackets after a party's mention is the same body in the other language; its names (and
    the acronym found for it) are aliases of the party."""
    for k, ent in enumerate(list(parties)):
        for m in list(ent.mentions):
            opened = BRACKET_OPEN.match(text, m.end)
            if not opened:
                continue
            close = text.find(")", opened.end())
            inside = [x for x in spans if x[0] == opened.end() and 0 < close and x[1] <= close]
            for _, _, other in inside[:1]:
                if other is ent or other in parties:
                    continue
                if fold(m.head) in _GENERIC_EN_HEADS and not _ENGLISH_NAME.search(other.canonical):
                    # "the Health Office of X Regency (Dinas Kesehatan Kabupaten X)": a generic English
                    # description of a body whose own name follows; the party goes by that name
                    english = text[m.start:m.end]
                    the = re.search(r"\bthe\s+$", text[max(0, m.start - 4):m.start], re.IGNORECASE)
                    english = re.sub(r"\s+", " ", f"{the.group().strip()} {english}" if the else english)
                    if english not in other.extra_aliases:
                        other.extra_aliases.append(english)
                    other.extra_spans.extend(sp for sp in ent.spans() if sp not in other.extra_spans)
                    parties[k] = other
                    break
                for form in other.surface_forms():
                    if form not in ent.extra_aliases and form not in ent.surface_forms():
                        ent.extra_aliases.append(form)
                ent.extra_spans.extend(sp for sp in other.spans() if sp not in ent.extra_spans)
            if parties[k] is not ent:
                break


PLACE_KINDS = frozenset({"city", "regency", "council", "municipality", "municipal", "province", "provincial",
                         "county", "district", "state", "kota", "kabupaten", "provinsi", "kecamatan", "desa"})


def _short_names(text: str, parties: list[Entity]) -> None:
    """"Altura Coffee Company ... Altura will buy ...": the first word of a party's name written on
    its own (not followed by another capitalised word) twice or more is the party's short name.
    Kind words, places and the first word of another party's name are not."""
    lx = lexicon()
    firsts = [fold((p.canonical.split() or [""])[0]) for p in parties]
    for ent, first in zip(parties, firsts, strict=True):
        words = ent.canonical.split()
        if len(words) < 2 or len(first) < 4 or not words[0][:1].isupper() or firsts.count(first) > 1:
            continue
        if (first in lx.head_first or first in lx.title_stop or first in lx.provinces or first in GENERIC
                or first in lx.institution or any(fold(w) in PLACE_KINDS for w in words)):
            continue   # "Kelvindale City Council": the first word is the place
        own = ent.spans()
        alone = [x for x in re.finditer(rf"\b{re.escape(words[0])}\b(?!\s+[A-Z0-9(])", text)
                 if not any(a <= x.start() < b for a, b in own)]
        if len(alone) >= 2 and words[0] not in ent.extra_aliases:
            ent.extra_aliases.append(words[0])


def _aliases(ent: Entity, name: str) -> list[str]:
    lx = lexicon()
    forms = []
    if ent.type in GOV_NAMES and ent.place:
        short = {"kab": "Pemkab", "kota": "Pemkot", "prov": "Pemprov", "pemda": "Pemda"}[ent.type]
        place = name.split(" ", 2)[-1]
        forms.append(f"{short} {place}")
    # an office's kind words without its place ("Pengadilan Negeri" in a label "Nomor Pengadilan
    # Negeri :") name the same office of every place: evidence of the party, not an alias
    kind_only = {" ".join(_name_words(name)[:-len(place.split())]) for _, place in signature(name, ()).typed
                 if place and _name_words(name)[-len(place.split()):] == place.split()}
    for f in ent.surface_forms():
        f = re.sub(r"\s+", " ", f).strip()
        # a head word alone ("Koperasi") names no party, unless the document defines it as the party's
        # name ("selanjutnya disebut KOPERASI")
        defined = f in ent.extra_aliases and f.isupper()
        if " ".join(_name_words(f)) in kind_only and not defined:
            continue
        if f.lower() == name.lower() or (fold(f) in lx.head_first and not defined) or len(f) < 2:
            if f != name and f.upper() == f and f.lower() == name.lower():
                forms.append(f)  # keep the CAPS spelling of the title as an alias
            continue
        forms.append(f)
    seen: set[str] = set()
    out = []
    for f in forms:
        if f not in seen and f != name:
            seen.add(f)
            out.append(f)
    return out


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", fold(re.sub(r"\([^)]*\)", " ", name))) if w]


def _acronyms(p: Party) -> set[str]:
    return {a for a in p.aliases if re.fullmatch(r"[A-Z][A-Za-z]{1,9}", a) and sum(c.isupper() for c in a) >= 2}


def _same_party(short: Party, long_: Party) -> bool:
    """A layout wrap cut one mention short ("Politeknik X" vs "Politeknik X (PX) Kota"): the
    shorter name is a word prefix of the longer (the rest not a compass direction, which names
    another region), or both carry the same acronym."""
    a, b = _name_words(short.name), _name_words(long_.name)
    if _acronyms(short) & _acronyms(long_):
        return True
    if len(a) < 3 or len(a) >= len(b) or b[:len(a)] != a:
        return False
    return b[len(a)] not in DIRECTIONS


_LEVEL_WORDS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov"})


def _place_of(short: Party, parties: list[Party]) -> Party | None:
    """The one other party whose name is `short`'s followed by a region ("Kantor Pertanahan" and
    "Kantor Pertanahan Kabupaten X": a headline's "Pemkab X Gandeng Kantor Pertanahan" names the
    office of X the body names in full), or None."""
    a = _name_words(short.name)
    if len(a) < 2:
        return None
    longer = [q for q in parties if q is not short
              and (b := _name_words(q.name))[:len(a)] == a and len(b) > len(a) + 1 and b[len(a)] in _LEVEL_WORDS]
    return longer[0] if len(longer) == 1 else None


def _fold_placeless(parties: list[Party]) -> list[Party]:
    """A party named by its kind words without a place joins the one party of that kind with a place:
    its evidence, not its name (as an alias it would name the same office of every other place)."""
    out = list(parties)
    for p in parties:
        q = _place_of(p, out) if p in out else None
        if q is None:
            continue
        k = out.index(q)
        out[k] = Party(q.name, q.aliases, q.role or p.role,
                       tuple(sorted(set(q.evidence + p.evidence), key=lambda e: e.start)),
                       max(p.confidence, q.confidence))
        out.remove(p)
    return out


def merge_prefix_parties(parties: list[Party]) -> list[Party]:
    parties = _fold_placeless(parties)
    out: list[Party] = []
    for p in parties:
        for k, q in enumerate(out):
            short, long_ = (p, q) if len(p.name) <= len(q.name) else (q, p)
            if _same_party(short, long_):
                aliases = tuple(dict.fromkeys(a for a in (*long_.aliases, short.name, *short.aliases)
                                              if a != long_.name))
                out[k] = Party(long_.name, aliases, q.role or p.role,
                               tuple(sorted(set(q.evidence + p.evidence), key=lambda e: e.start)),
                               max(p.confidence, q.confidence))
                break
        else:
            out.append(p)
    return out


def parties_component(doc: Doc) -> Doc:
    parties = select(doc)
    text = doc.text
    roles = _role_and_aliases(text, parties, doc.user_data["janji_orgs"]["party_spans"])
    out: list[Party] = []
    english = doc.lang_ == "en"
    for i, ent in enumerate(parties):
        _also_mentions(text, ent)
        name = ent.canonical
        role = roles.get(id(ent))
        if role is None and len(parties) == 2 and roles:
            role = None
        evidence = tuple(Evidence(0, s, e, text[s:e]) for s, e in ent.spans())
        conf = 0.9 if role else 0.75 if i < 2 else 0.6
        out.append(Party(name=name, aliases=tuple(_aliases(ent, name)), role=role, evidence=evidence,
                         confidence=conf))
    out = merge_prefix_parties(out)
    if len(out) >= 3 and not doc.user_data["janji_orgs"].get("from_title"):
        # a release names three partners in its body in the order they sign; pairs are found in another
        body = headline_end(text)
        out.sort(key=lambda p: min((e.start for e in p.evidence if e.start >= body),
                                   default=min((e.start for e in p.evidence), default=len(text))))
    if english and len(out) == 2 and not any(p.role for p in out):
        out = [Party(p.name, p.aliases, r, p.evidence, p.confidence)
               for p, r in zip(out, ("first_party", "second_party"))]
    doc._.janji_parties = out
    doc.user_data["janji_party_entities"] = _aligned(parties, out)
    return doc


def _aligned(entities: list[Entity], records: list[Party]) -> list[Entity]:
    """The party entities in the order of the records (record i is entity i: readers zip the two), the
    entities merged into another record after them. The records may have been merged and re-sorted."""
    by_name: dict[str, Entity] = {}
    for ent in entities:
        by_name.setdefault(ent.canonical, ent)
    out: list[Entity] = []
    for rec in records:
        ent = next((by_name[n] for n in (rec.name, *rec.aliases) if n in by_name and by_name[n] not in out), None)
        if ent is None:
            return entities     # cannot align: keep the order found (never drop an entity)
        out.append(ent)
    return out + [e for e in entities if e not in out]


@Language.factory("janji_parties")
def make_parties(nlp: Language, name: str):
    return parties_component
