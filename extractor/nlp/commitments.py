"""spaCy component "janji_commitments": who must do what, by when.

Agreements: the document is split into sections (Pasal/Article) and enumerated items
(`structure.parse`). A section's title decides how its clauses are read (`section_*` cues of
`patterns/deontic_*.jsonl`): scope sections give one commitment per item, obligation sections
give the obligations and not the rights, operational sections give every clause that is not a
permission, definitions/purpose/term/dispute/closing sections give none, and unknown sections
give clauses with a deontic cue (wajib, berkewajiban, shall, agree to, ...). A list intro
("PIHAK PERTAMA berkewajiban:") hands its obliged party to each item; a nested item is reported
as "Parent: child".

News releases and reports: a sentence is a commitment when it carries a plan or joint cue
(akan, sepakat untuk, berkomitmen, will), a scope cue (meliputi, antara lain, mencakup), names
the subject of the agreement (MoU tentang ...), or states its purpose; hopes (semoga, berharap)
are skipped unless the sentence lists the scope. Lists introduced by such a sentence give one
commitment per item.

Every commitment carries the obliged parties (canonical names from `doc._.janji_parties`; PIHAK
PERTAMA -> that party; PARA PIHAK / each Party -> all), an action phrase, a due date (a deadline
date of `doc._.janji_dates` inside the clause, computed ones included), a confidence, and its
evidence. Repeats are merged into one commitment with several evidence spans. Nothing is dropped
for low confidence: it is marked `needs_review`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp.duty_tables import TABLE_POINTER, duty_rows
from extractor.nlp.structure import Block, Structure, parse
from extractor.types import Commitment, DateMention, Evidence, Party

PATTERNS = Path(__file__).with_name("patterns")
MAX_WORDS = 120   # a "sentence" longer than this is layout debris, not a clause


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    """Label -> one compiled alternation over the Indonesian and English cue files."""
    by_label: dict[str, list[str]] = {}
    for name in ("deontic_id.jsonl", "deontic_en.jsonl"):
        for line in (PATTERNS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                by_label.setdefault(row["label"], []).append(row["pattern"])
    # hope words are also names ("Politeknik Harapan"): matched in lower case only
    return {k: re.compile("|".join(f"(?:{p})" for p in v), 0 if k in _CASE_SENSITIVE else re.IGNORECASE)
            for k, v in by_label.items()}


_CASE_SENSITIVE = {"hope"}


def _has(label: str, text: str) -> bool:
    return bool(cues()[label].search(text))


# ---------------------------------------------------------------------------------------------
# Parties
# ---------------------------------------------------------------------------------------------

_COLLECTIVE = re.compile(r"\b(?:para\s+pihak|kedua\s+belah\s+pihak|kedua\s+pihak|masing-masing\s+pihak|"
                         r"setiap\s+pihak|the\s+(?:two\s+)?parties|both\s+parties|each\s+party|either\s+party|"
                         # an MoU that calls its signers "Participants" (it binds no one in law)
                         r"neither\s+party|the\s+(?:two\s+)?participants|both\s+participants|each\s+participant)\b",
                         re.IGNORECASE)
_ORDINAL_ROLE = {"pertama": "pertama", "kesatu": "pertama", "first": "pertama", "kedua": "kedua", "second": "kedua",
                 "ketiga": "ketiga", "third": "ketiga", "keempat": "keempat", "fourth": "keempat"}
_ROLE_DEF = re.compile(r"(?:disebut|dinamakan)\s+(?:sebagai\s+)?[\"“]?pihak\s+(pertama|kesatu|kedua|ketiga|keempat)\b|"
                       r"hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?[\"“]?(first|second|third|fourth)\s+party\b",
                       re.IGNORECASE)
_ROLE_MENTION = re.compile(r"\bpihak\s+(pertama|kesatu|kedua|ketiga|keempat)\b|\b(first|second|third|fourth)\s+party\b", re.IGNORECASE)


@dataclass
class PartyIndex:
    names: list[str]
    patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)   # "pertama" -> canonical name

    @classmethod
    def build(cls, parties: list[Party], text: str = "") -> PartyIndex:
        idx = cls([p.name for p in parties])
        for p in parties:
            for form in sorted({p.name, *p.aliases}, key=len, reverse=True):
                form = form.strip()
                if len(form) >= 3 and not _ROLE_MENTION.fullmatch(form):
                    idx.patterns.append((re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", re.IGNORECASE), p.name))
            for label in (p.role or "", *p.aliases):
                m = re.search(r"pertama|kesatu|kedua|ketiga|keempat|first|second|third|fourth", label, re.IGNORECASE)
                if m and (label == p.role or _ROLE_MENTION.fullmatch(label.strip())):
                    idx.roles.setdefault(_ORDINAL_ROLE[m.group(0).lower()], p.name)
        if text:
            idx._roles_from_text(text)
        return idx

    def _roles_from_text(self, text: str) -> None:
        """"..., mewakili Klinik X, selanjutnya disebut PIHAK PERTAMA": the party named first
        in the entry that ends with the role definition takes the role (when no role was given)."""
        prev_end = 0
        for m in _ROLE_DEF.finditer(text):
            word = (m.group(1) or m.group(2)).lower()
            window_start = max(prev_end, m.start() - 700)
            prev_end = m.end()
            role = _ORDINAL_ROLE[word]
            if role in self.roles:
                continue
            named = [(off, n) for off, n in self._named(text[window_start:m.start()])]
            if named:
                self.roles[role] = named[0][1]

    def _named(self, text: str) -> list[tuple[int, str]]:
        out = []
        for rx, name in self.patterns:
            out += [(m.start(), name) for m in rx.finditer(text)]
        return sorted(out)

    def mentions(self, text: str) -> list[tuple[int, str]]:
        """(offset, canonical name) of every party mention, collective ones expanded, in text
        order (the parties' own order within one collective mention)."""
        out: list[tuple[int, int, str]] = []
        order = {n: i for i, n in enumerate(self.names)}
        for m in _ROLE_MENTION.finditer(text):
            if _COLLECTIVE.match(text, max(0, m.start() - 5)):
                continue
            word = (m.group(1) or m.group(2)).lower()
            name = self.roles.get(_ORDINAL_ROLE[word])
            if name:
                out.append((m.start(), order[name], name))
        for m in _COLLECTIVE.finditer(text):
            out += [(m.start(), order[n], n) for n in self.names]
        taken: list[tuple[int, int]] = []
        for rx, name in self.patterns:
            for m in rx.finditer(text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append((m.start(), order[name], name))
        return [(off, name) for off, _, name in sorted(out)]

    def obliged(self, text: str) -> tuple[str, ...]:
        """The subject: parties named before the first deontic cue; else the agent of a passive
        ("dibayar oleh X", "borne by X"); else a party opening the clause. () when the clause
        names no party in those places (the caller marks it for review)."""
        ms = self.mentions(text)
        if not ms:
            return ()
        cue = None
        for label in ("obligation", "joint", "future"):
            m = cues()[label].search(text)
            if m and (cue is None or m.start() < cue):
                cue = m.start()
        if cue is not None:
            before = [n for off, n in ms if off < cue and not _PREP_BEFORE.search(text[max(0, off - 12):off])]
            if before:
                return tuple(dict.fromkeys(before))
        for agent in re.finditer(r"\b(?:oleh|by)\s+", text, re.IGNORECASE):
            after = [n for off, n in ms if agent.end() <= off <= agent.end() + 4]
            if after:
                return tuple(dict.fromkeys(after))
        head = len(text) - len(text.lstrip(" \"“(")) + 0
        opening = [n for off, n in ms if off <= head + 20 and not _PREP_BEFORE.search(text[max(0, off - 12):off])]
        return tuple(dict.fromkeys(opening))


_PREP_BEFORE = re.compile(r"\b(?:kepada|dari|dengan|bagi|untuk|ke|pada|antara|milik|rekening|karyawan|to|from|with|"
                          r"for|of|than|between)\s+(?:the\s+)?$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------

_TRAIL = re.compile(r"(?:[\s;,.:]+(?:dan|atau|and|or|serta))?[\s;,.:]*$", re.IGNORECASE)
_INTRO_TAIL = re.compile(r"[\s,]*(?:yang\s+)?(?:terdiri\s+(?:atas|dari)|meliputi|mencakup|antara\s+lain|"
                         r"sebagai\s+berikut|berikut|yaitu|yakni|as\s+follows|including|include|consisting\s+of)?"
                         r"\s*:?\s*$", re.IGNORECASE)
_ABBREV_END = re.compile(r"(?:\b[A-Z]|\b(?:Jl|Kav|No|Dr|Drs|Dra|Ir|Prof|H|Hj|St|Pj|Plt|Kab|Prov|Kec|Kel|Rp|"
                         r"Tbk|Mr|Mrs|Ms|Sp|dr|dkk|a\.n|u\.p|s\.d|Bpk|Sdr|vs|etc|e\.g|i\.e|Art|Ref|Kep|Jend|"
                         r"Brig|Kol|Let|Mayjen|Kompol|AKBP|Sekda|Setda|Bupati|M|S|Hum|Sos|Pd|Si|Kes|Kom|Ag|MM|MH|SH|SE))\.$")


def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = text.strip("\"“”'")
    return _TRAIL.sub("", text).strip()


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end): split after . ! ? followed by a capital, digit or quote,
    except after an abbreviation or initial ("Drs.", "Kav.", "H.")."""
    out = []
    s = start
    for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])", text[start:end]):
        stop = start + m.start() + 1
        head = text[max(s, stop - 12):stop]
        if _ABBREV_END.search(head):
            continue
        out.append((s, start + m.end()))
        s = start + m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in out) if b > a]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------------------------

@dataclass
class Candidate:
    text: str
    action: str
    spans: list[tuple[int, int]]
    confidence: float
    parties: tuple[str, ...] = ()
    source: str = ""


def section_class(title: str) -> str:
    for label in ("section_scope", "section_obligation", "section_skip", "section_operational"):
        if _has(label, title):
            return label.removeprefix("section_")
    return "unknown"


def _action(text: str) -> str:
    """The verb phrase: what follows the first deontic cue, or the clause itself."""
    best = None
    for label in ("obligation", "joint", "future"):
        m = cues()[label].search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is not None:
        rest = re.sub(r"^\s*(?:untuk|to|:)\s+", "", text[best.end():], flags=re.IGNORECASE).strip(" ,:")
        if len(rest.split()) >= 2:
            return clean(rest)
    # "menandatangani MoU tentang X", "The cooperation covers X": the subject matter
    topic = _TOPIC_TAIL.search(text)
    if topic and len(text[topic.end():].split()) >= 2:
        return clean(text[topic.end():])
    return clean(text)


_TOPIC_TAIL = re.compile(r"\b(?:tentang|mengenai|di\s+bidang|berkaitan\s+dengan|meliputi|mencakup|antara\s+lain|"
                         r"covers?|includes?|concerning|regarding|on\s+the\s+field\s+of)\b\s*:?\s*", re.IGNORECASE)


_STRONG_DUTY = re.compile(r"\b(?:wajib|berkewajiban|diwajibkan|must|obliged|undertakes?)\b", re.IGNORECASE)


# "portal ... yang dapat diakses PIHAK KEDUA", "a database that may be consulted by": "dapat" / "may" in a
# relative clause describes a thing provided, it permits nobody anything
_RELATIVE_MODAL = re.compile(r"\b(?:(?:yang|agar|supaya|sehingga)\s+(?:dapat|bisa)|(?:which|that|so\s+that)\s+(?:may|can|could))\s+\w+",
                             re.IGNORECASE)


# "shall not copy, retain or transfer ...": a right's word under a negated modal is a prohibition, a duty
_PROHIBITED = re.compile(r"\b(?:shall|will|must|may)\s+not\b|\bcannot\b", re.IGNORECASE)


def _is_right(text: str) -> bool:
    """A right or a permission, not a duty: "berhak", "shall have the right to", "may"."""
    right = cues()["right"].search(text)
    if right:
        return not (_STRONG_DUTY.search(text) or _PROHIBITED.search(text, 0, right.start()))
    return _has("permission", _RELATIVE_MODAL.sub(" ", text)) and not _has("obligation", text)


class _Collector:
    def __init__(self, text: str, parties: PartyIndex):
        self.text = text
        self.parties = parties
        self.items: list[Candidate] = []

    def add(self, spans: list[tuple[int, int]], display: str, confidence: float, *,
            parties: tuple[str, ...] | None = None, source: str = "") -> None:
        if len(spans) == 1 and display == self.text[spans[0][0]:spans[0][1]]:
            # a text layer without blank lines runs the headline into the first sentence: "PRESS RELEASE\n
            # Headline\nCITY, 7 October 2026 – A and B signed ...": the content starts after the dateline
            dateline = _last_dateline(display)
            if dateline is not None:
                display = display[dateline.end():]
                spans = [(spans[0][0] + dateline.end(), spans[0][1])]
        kicker = _KICKER.match(display)
        if kicker and len(spans) == 1 and display == self.text[spans[0][0]:spans[0][1]]:
            display = display[kicker.end():]          # "SUKAMAJU, 5 Mei 2024 – " is not content
            spans = [(spans[0][0] + kicker.end(), spans[0][1])]
        display = clean(display)
        if len(words(display)) < 1 or len(display.split()) > MAX_WORDS:
            return
        if (_is_condition(display) or _is_quoted_reason(display) or _NO_DUTY.search(display)
                or _PRECEDENCE.search(display) or _signature_label(display)):
            return
        who = parties if parties is not None else self.parties.obliged(display)
        self.items.append(Candidate(display, _action(display), spans, confidence, who, source))


# "PIHAK KEDUA: Direktur PT X, NAME": a signature line labelled with a role, no duty (no verb)
_ROLE_LABEL = re.compile(r"^\W*(?:PIHAK\s+(?:PERTAMA|KESATU|KEDUA|KETIGA|KEEMPAT)|PARA\s+PIHAK|(?:the\s+)?(?:First|Second|"
                         r"Third)\s+Party)\s*:\s*(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
_VERB_LIKE = re.compile(r"\b(?:(?:me|ber)[a-z]{4,}|akan|wajib|harus|will|shall|must|agrees?|[a-z]{4,}(?:ed|ing))\b")


def _signature_label(display: str) -> bool:
    m = _ROLE_LABEL.match(display)
    return bool(m) and not _VERB_LIKE.search(m["rest"].lower())


# a quotation closed by a speech verb: "…," ujarnya / katanya / he said
_SPEECH_CLOSE = re.compile(r"[\"”’']\s*,?\s*(?:\w+\s+)?(?:ujar|kata|tutur|jelas|papar|ungkap|terang|imbuh|tambah|"
                           r"pungkas|said|says|added|explained)\w*\b[^\"“”]{0,60}$", re.IGNORECASE)
_QUOTE_DUTY = re.compile(r"\b(?:akan|wajib|harus|sepakat|bersepakat|berkomitmen|menjamin|berjanji|will|shall|must|agreed?|"
                         r"commit(?:s|ted)?|guarantee(?:s|d)?|promise(?:s|d)?|"
                         r"(?:kami|kita)\s+tanggung|"
                         # a target with a deadline: "Lintasan kami targetkan selesai paling lambat Mei"
                         r"(?:kami|kita)\s+targetkan|menargetkan|paling\s+lambat|selambat-lambatnya|no\s+later\s+than)\b",
                         re.IGNORECASE)
# the clause's predicate is a condition: "X is/are subject to ...", "X tergantung pada ketersediaan anggaran"
_CONDITION = re.compile(r"^[^,;:]{0,80}?\b(?:(?:is|are|shall\s+be|will\s+be|remain|remains)\s+subject\s+to|"
                        r"(?:ter|ber)gantung\s+(?:pada|kepada)|disesuaikan\s+dengan\s+ketersediaan)\b", re.IGNORECASE)
_CONDITION_SUBJECT = re.compile(r"^\s*(?:subject\s+to|(?:ter|ber)gantung\s+(?:pada|kepada))\b[^,]*,?\s*$",
                                re.IGNORECASE)


def _is_quoted_reason(text: str) -> bool:
    """A quoted justification ending in a speech verb is not a commitment unless it promises."""
    return bool(_SPEECH_CLOSE.search(text)) and not (_QUOTE_DUTY.search(text) or _has("joint", text))


# "This MoU does not create any financial obligation", "tidak menimbulkan kewajiban/beban keuangan":
# a clause denying a duty is not one
_NO_DUTY = re.compile(r"\b(?:(?:does|do|shall|will)\s+not\s+(?:create|impose|give\s+rise\s+to|constitute)|"
                      r"(?:tidak|tanpa)\s+(?:menimbulkan|membebani|mengakibatkan|membebankan))\s+(?:\w+\s+){0,3}?"
                      r"(?:obligations?|liabilit(?:y|ies)|commitments?|kewajiban|beban|ikatan)\b", re.IGNORECASE)


# which language version governs ("the Indonesian text shall prevail", "teks bahasa Indonesia yang
# berlaku") says how to read the document, it asks nobody to do anything
_PRECEDENCE = re.compile(r"\b(?:text|version|language|wording)s?\b[^.;]{0,40}?\b(?:shall|will|should|is\s+to)\s+"
                         r"(?:prevail|govern|take\s+precedence)\b|"
                         r"\b(?:teks|naskah|versi)\s+(?:dalam\s+)?(?:bahasa|berbahasa)\s+\w+\s+(?:yang\s+)?"
                         r"(?:berlaku|digunakan|dipakai|menjadi\s+acuan|diutamakan)\b", re.IGNORECASE)


def _is_condition(text: str) -> bool:
    """"Activities are subject to the availability of funds" states a condition, not a duty."""
    return bool(_CONDITION.search(text) or _CONDITION_SUBJECT.match(text))


# a dateline opening a line inside a block: "\nBENER RAYA, 7 October 2026 – "
_DATELINE_LINE = re.compile(r"\n[ \t]*[A-Z][A-Z .'-]{1,40},[ \t]*(?:\w+,?[ \t]+)?(?:\(?\d{1,2}[ /.]\w+[ /.](?:19|20)\d{2}\)?)"
                            r"[ \t]*[–—-][ \t]+(?=\S)")
# a release's opening "CITY, date –" or "MEDIA.COM, CITY –": capitals or a date, then a dash
_KICKER = re.compile(r"(?:[^\n–—]{0,60}?\b(?:19|20)\d{2}|[^a-z\n–—]{2,60}?)\s*[–—-]\s+(?=\S)")


def _last_dateline(text: str) -> re.Match[str] | None:
    """The last dateline in `text` ("CITY, 7 October 2026 –"): the story starts after it."""
    found = list(_DATELINE_LINE.finditer(text))
    return found[-1] if found else None


# "Kewajiban PIHAK KEDUA", "Obligations of the Institute", "Tugas dan Tanggung Jawab DINAS": a section heading
# naming whose duties the section lists
_DUTIES_TITLE = re.compile(r"^\W*(?:\d+[.)]?\s*)?(?:kewajiban|tugas|tanggung\s+jawab|obligations?|duties|"
                           r"responsibilities|undertakings?|commitments?)\b", re.IGNORECASE)


# "PEMKAB MENYANGGUPI", "BALAI BERKEWAJIBAN", "THE SCHOOL UNDERTAKES": a heading of a party's name and a verb of duty
_PARTY_UNDERTAKES = re.compile(r"[\w .&'-]{2,80}?\s+(?:menyanggupi|berkewajiban|bertugas|undertakes?|commits?)\s*:?",
                               re.IGNORECASE)


_SUBJECTLESS = re.compile(r"[^\w\n]*(?:tidak\s+|not\s+)?[a-z][a-z-]+\b")


def _title_party(col: _Collector, title: str) -> tuple[str, ...]:
    named = tuple(dict.fromkeys(n for _, n in col.parties.mentions(title)))
    return named if len(named) == 1 and (_DUTIES_TITLE.match(title) or _named_party_label(col.parties, title)
                                         or _PARTY_UNDERTAKES.fullmatch(title.strip())) else ()


def _agreement_section(col: _Collector, st: Structure, block_ids: list[int], klass: str, title: str = "") -> None:
    text = st.text
    title_party = _title_party(col, title)
    for b in (st.blocks[i] for i in block_ids):
        if b.children:
            continue                     # an intro: its items carry the content
        chain = _ancestors(st, b)
        intro_text = " ".join(st.body(a) for a in chain)
        # rights lists ("PIHAK PERTAMA berhak:") are not commitments
        if any(_is_right(_last_sentence(st.body(a))) for a in chain):
            continue
        intro_parties = ()
        labelled = bool(title_party) and _named_party_label(col.parties, title)
        for a in chain:
            p = col.parties.obliged(_last_sentence(st.body(a)))
            named_label = _named_party_label(col.parties, st.body(a))
            if p and (_duty_intro(st.body(a)) or named_label or (klass == "obligation" and _party_label(st, a))):
                intro_parties, labelled = p, named_label
        titled = _item_title_end(text, b.body_start, b.end) if b.marker is not None else None
        if titled is not None and section_class(text[b.body_start:titled]) == "skip":
            continue                     # "6. Status and Term\n...": a titled section of the kind skipped
        units: list[tuple[int, int]] = (sentences(text, titled, b.end) if titled is not None
                                        else [(b.body_start, b.end)] if b.marker is not None
                                        else sentences(text, b.body_start, b.end))
        for (s, e) in units:
            diktum = _DIKTUM_LABEL.match(text, s, e)
            if diktum:                   # "PERTAMA : PERUSAHAAN memasang ...": the decree-style label is no part of it
                s = diktum.end()
            clause = text[s:e]
            if _defines_party(col, clause):
                continue                 # "NAMA, Direktur PT X, selanjutnya disebut PERUSAHAAN; sepakat ...": who signs
            deontic = (_has("obligation", clause) or _has("joint", clause) or _has("future", clause)
                       or bool(_PARTY_PAYS.search(clause)) or _party_acts(col.parties, clause)
                       or _party_agent(col.parties, clause)
                       or (labelled and bool(_NAMED_ACTS.match(" " + _NEGATION.sub("", clause.lstrip(), count=1)))))
            in_obligation_list = any(_duty_intro(st.body(a)) for a in chain)
            if klass == "skip":
                review = _JOINT_REVIEW.search(clause)
                if review:               # "... berlaku 3 tahun dan dievaluasi bersama ... setiap tahun": a duty
                    col.add([(s + review.start(1), e)], review.group(1), 0.7, source="agreement:review")
                elif ((_MISC_TITLE.search(title) and _party_acts(col.parties, clause))
                      or (_REVIEW_TITLE.search(title) and deontic and col.parties.obliged(clause))):
                    col.add([(s, e)], clause, 0.8, source="agreement:misc")   # "Lain-lain: Kedua pihak melakukan ..."
                continue
            if not deontic and not in_obligation_list and (_has("purpose", clause) or _PURPOSE_HEAD.match(clause)):
                continue                 # "Maksud ... adalah ..." under "MAKSUD, TUJUAN DAN RUANG LINGKUP"
            if not in_obligation_list and _AGREES_AS_FOLLOWS.search(clause):
                continue                 # "... menyepakati hal-hal berikut.": the preamble's close, the terms follow
            if klass == "unknown" and not (deontic or in_obligation_list or (chain and _has("scope", intro_text))
                                           or _COST_CHARGED.search(clause)):
                continue
            if not in_obligation_list and all(_is_right(clause[a - s:b - s]) for a, b in sentences(text, s, e)):
                continue
            display, spans = _with_parent(st, b, chain, s, e)
            conf = 0.85 if (deontic or in_obligation_list) else (0.8 if klass == "scope" else 0.65)
            # an item with no subject ("memetakan kebun anggota LPHD ...") under "Tugas KPH" is KPH's duty, whatever
            # party it names as an object or owner
            subjectless = bool(_SUBJECTLESS.match(display))
            who = intro_parties or (None if not title_party or (col.parties.obliged(display) and not subjectless)
                                    else title_party)
            own = col.parties.obliged(clause) if len(intro_parties) > 1 and not subjectless else ()
            if own and set(own) < set(intro_parties):
                who = own            # "A dan B menyepakati hal-hal berikut: 1. B membentuk ...": the item's own subject
            if klass == "scope" and not col.parties.mentions(clause) and not intro_parties:
                who = tuple(col.parties.names)
            col.add(spans, display, conf, parties=who, source=f"agreement:{klass}")


# a party clause of the preamble defines who the party is; it promises nothing
_PARTY_DEFINED = re.compile(r"\bselanjutnya\s+(?:(?:dalam\s+\w+(?:\s+\w+)?\s+ini\s+)?(?:disebut|dinamakan))\b|\bhereinafter\b",
                            re.IGNORECASE)


def _defines_party(col: _Collector, clause: str) -> bool:
    """The clause gives a party its name ("... selanjutnya disebut PERUSAHAAN"); a defined thing ("equipment,
    hereinafter "the Kit"") is no party."""
    for m in _PARTY_DEFINED.finditer(clause):
        if any(0 <= at - m.end() <= 40 for at, _ in col.parties.mentions(clause)):
            return True
    return False


# a skipped section of miscellaneous provisions may still hold what a party does
_MISC_TITLE = re.compile(r"\b(?:lain-lain|ketentuan\s+lain(?:-lain|nya)?|miscellaneous|other\s+provisions)\b", re.IGNORECASE)
# "REVIEW, TERM AND STATUS": a title joining a review to the term; the parties' own acts in it are duties
_REVIEW_TITLE = re.compile(r"\b(?:review|evaluation|evaluasi|peninjauan|monitoring|pemantauan)\b", re.IGNORECASE)


# the term clause's second half: "... berlaku 3 (tiga) tahun dan dievaluasi bersama oleh X dan Y setiap tahun",
# "... and shall be reviewed jointly by the Parties every year": a joint review, a duty of both
_JOINT_REVIEW = re.compile(r"\s(?:dan|serta|and)\s+((?:(?:akan|wajib|shall|will)\s+(?:be\s+)?)?(?:dievaluasi|ditinjau|dikaji|"
                           r"evaluated|reviewed|assessed)\s+(?:ulang\s+)?(?:bersama|secara\s+bersama|jointly|together)\b"
                           r"[^.;]*?)[.;]?\s*$", re.IGNORECASE)


# "Karena itu X dan Y menyepakati hal-hal berikut.", "The Parties agree as follows:": the close of a preamble
# announcing the terms; no term itself
_AGREES_AS_FOLLOWS = re.compile(
    r"\b(?:menyepakati|sepakat|bersepakat|mengikatkan\s+diri|agree[sd]?)\s+(?:(?:untuk|dengan|pada|atas|dalam|hal-hal|hal|"
    r"ketentuan(?:-ketentuan)?|syarat(?:-syarat)?|yang|diatur|tercantum|mengikatkan|diri|sebagai|on|to|upon|the|terms|and|"
    r"conditions|set\s+out)\s+)*(?:berikut(?:\s+ini)?|di\s+bawah\s+ini|as\s+follows|following)\W*$", re.IGNORECASE)


_TITLE_JOINERS = frozenset({"of", "the", "and", "for", "to", "in", "on", "dan", "dari", "untuk", "atas", "&"})


def _item_title_end(text: str, start: int, end: int) -> int | None:
    """"5. Costs\nEach Party shall ...", "4. Governance\nA Joint Steering Committee ...": a numbered section
    whose first line is a short title in Title Case (no stop, no lower-case content word) and whose text
    goes on below it in a new sentence: where that text starts (the title is no part of a commitment)."""
    nl = text.find("\n", start, end)
    if nl < 0:
        return None
    title = text[start:nl].strip()
    rest = text[nl + 1:end].lstrip()
    words = title.split()
    if not (1 <= len(words) <= 5) or title[-1:] in ".;:,)" or not rest[:1].isupper():
        return None
    if not all(w[:1].isupper() or w.lower() in _TITLE_JOINERS for w in words) or not words[0][:1].isupper():
        return None
    return nl + 1 + (len(text[nl + 1:end]) - len(rest))


# "PIHAK KESATU:" / "The Second Party:" alone over a list, under a heading "Kewajiban PIHAK KESATU"
_PARTY_LABEL = re.compile(r"^\W*(?:PIHAK\s+(?:PERTAMA|KESATU|KEDUA|KETIGA|KEEMPAT)|(?:the\s+)?(?:First|Second|Third|Fourth)"
                          r"\s+Party)\s*:\s*$", re.IGNORECASE)


def _party_label(st: Structure, b: Block) -> bool:
    """A bare party label heading a list; not the wrapped end of the item above it ("b. ... di wilayah\n
    PIHAK PERTAMA;" read by OCR as "PIHAK PERTAMA:")."""
    if not _PARTY_LABEL.match(st.body(b).strip()):
        return False
    i = st.blocks.index(b)
    above = st.blocks[i - 1] if i else None
    return not (above and above.marker is not None and st.body(above).rstrip()[-1:] not in (".", ";", ":"))


# "X bertugas:", "X mempunyai tugas sebagai berikut:", "X is responsible for:": the items are X's tasks
_TASK_INTRO = re.compile(r"\b(?:bertugas|(?:mempunyai|memiliki)\s+tugas|(?:is|are)\s+responsible\s+for)\b[^:;.]{0,40}:\s*$",
                         re.IGNORECASE)


def _duty_intro(intro: str) -> bool:
    """"PIHAK PERTAMA berkewajiban:", "The Parties agree to:", "The Parties will cooperate to:": a list
    intro whose items are things to be done."""
    return (_has("obligation", intro) or _has("joint", intro) or bool(_TASK_INTRO.search(intro))
            or (_has("future", intro) and intro.rstrip().endswith(":")))


# "..., dibayar oleh PIHAK PERTAMA secara bertahap", "payable by the First Party": a party pays
_PARTY_PAYS = re.compile(r"\b(?:dibayar(?:kan)?|dilunasi|paid|payable)\s+(?:\w+\s+){0,2}?(?:oleh|by)\s+(?:pihak\s+"
                         r"(?:pertama|kesatu|kedua|ketiga)|para\s+pihak|the\s+(?:first|second|third)\s+party)\b|"
                         r"\b(?:pihak\s+(?:pertama|kesatu|kedua|ketiga)|(?:first|second|third)\s+party)\s+"
                         r"(?:membayar|melunasi|pays)\b", re.IGNORECASE)


# "PARA PIHAK menyelenggarakan ...", "PIHAK KESATU melalui Dinas X menyediakan ...": in an agreement a
# party role followed by an active verb in the plain present states what that party does under it
# (not "menyatakan", "memiliki", "mewakili", ...: statements and definitions)
# ("PEMKAB tidak memungut ...": a duty not to do something is a duty too)
_ACTS = (r"(?i:\s+melalui\s+[^,;.]{3,80}?)?(?i:\s+(?:secara|bersama-sama|bersama)(?:\s+\w+)?)?(?i:\s+tidak)?\s+"
         r"(?!(?i:menyatakan|memiliki|mempunyai|merupakan|mewakili|menerima|mengetahui|menyetujui|memahami|"
         r"mengakui|menjelaskan|menerangkan|berkedudukan|bertindak|beralamat|"
         # hopes and aspirations: "PARA PIHAK bercita-cita menjadikan ..."
         r"bercita-cita|berharap|berkeinginan|mengharapkan)\b)(?i:me[a-z]{4,}|ber[a-z]{4,})\b")
_PARTY_ACTS = re.compile(r"\s*(?:PARA\s+PIHAK|Para\s+[Pp]ihak|PIHAK\s+(?:PERTAMA|KESATU|KEDUA|KETIGA|KEEMPAT)|KEDUA\s+(?:BELAH\s+)?PIHAK|"
                         r"Kedua\s+(?:belah\s+)?[Pp]ihak)"
                         + _ACTS)
_NAMED_ACTS = re.compile(_ACTS)
# "tidak menolak ...", "not to disclose ...": a duty not to do something is a duty too
_NEGATION = re.compile(r"^(?:tidak|not(?:\s+to)?)\s+(?=\w)", re.IGNORECASE)


# "POLRES melalui Satuan Lalu Lintas:", "PERUSAHAAN:": a party's name or defined name alone (through one of its
# units) over a list; items opening with an active verb are what that party does
_THROUGH_UNIT = re.compile(r"\s+(?:melalui|through)\s+[^,;.:]{3,80}$", re.IGNORECASE)


def _named_party_label(parties: PartyIndex, body: str) -> bool:
    """The label alone, or on the last line under an item heading ("KEDUA\nPOLITEKNIK melalui ...:")."""
    body = body.strip()
    return any(_is_party_label(parties, re.sub(r"\s+", " ", head)) for head in {body, body.rsplit("\n", 1)[-1]})


def _is_party_label(parties: PartyIndex, head: str) -> bool:
    if not head.endswith(":"):
        return False
    head = _THROUGH_UNIT.sub("", head[:-1].rstrip())
    return any((m := rx.match(head)) and m.end() == len(head) for rx, _ in parties.patterns)


# a decree-style item label before the clause: "KETIGA : PEMDA memberikan ...", "KESEMBILAN :"
_DIKTUM_LABEL = re.compile(r"\s*(?:KE(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH|SEBELAS)|PERTAMA)"
                           r"(?:\s+BELAS)?\s*:\s*")
_AND = re.compile(r"\s+(?:dan|serta|and)\s+", re.IGNORECASE)


def _party_acts(parties: PartyIndex, clause: str) -> bool:
    """The clause opens with a party, by its PIHAK role or by its name or defined name ("PESANTREN
    menyediakan ...", "PEMERINTAH DAERAH melalui Dinas X melaksanakan ...", after a decree-style label
    "KETIGA :"), or with two parties ("DINAS dan YAYASAN mengadakan ..."), and an active verb."""
    diktum = _DIKTUM_LABEL.match(clause)
    if diktum:
        clause = clause[diktum.end():]
    if _PARTY_ACTS.match(clause):
        return True
    clause = re.sub(r"\s+", " ", clause)     # a name wrapped over two lines by the text layer
    lead = len(clause) - len(clause.lstrip(" \"“"))
    for rx, _ in parties.patterns:
        named = rx.match(clause, lead)
        if not named:
            continue
        if _NAMED_ACTS.match(clause, named.end()):
            return True
        joined = _AND.match(clause, named.end())
        if joined and any((other := rx2.match(clause, joined.end())) and _NAMED_ACTS.match(clause, other.end())
                          for rx2, _ in parties.patterns):
            return True
    return False


# "... dipasarkan oleh PIHAK KEDUA", "pameran yang diselenggarakan PEMERINTAH DAERAH": a party as the agent
# of a passive verb (Indonesian may leave out "oleh") does something under the agreement; signing,
# naming and representing are formalities, not duties
_AGENT_VERB = re.compile(r"\b(?!(?:ditandatangani|dibuat|disebut|dinamakan|diwakili|disepakati|dimaksud|dimaksudkan|"
                         r"diketahui|disaksikan|diberikan\s+kepada|"
                         # a position or office before the party's name ("Direktur PT X" in a signature row)
                         r"direktur|direksi|dinas)\b)di[a-z]{3,}\s+(?:oleh\s+)?$", re.IGNORECASE)


def _party_agent(parties: PartyIndex, clause: str) -> bool:
    clause = re.sub(r"\s+", " ", clause)     # a name wrapped over two lines by the text layer
    return any(_AGENT_VERB.search(clause[max(0, off - 40):off]) for off, _ in parties.mentions(clause))


# "Segala biaya ... dibebankan pada APBD ...": costs charged to a party or a budget, stated in the passive
# with no deontic word, under a Pasal with no title
_COST_CHARGED = re.compile(r"\bdibebankan\s+(?:kepada|pada|ke|dari)\b|\b(?:biaya|pembiayaan)\b[^.;]{0,120}?"
                           r"\b(?:ditanggung|dibiayai)\b", re.IGNORECASE)


_PAST_COST = re.compile(r"\b(?:telah|sudah|sempat|pernah)\b", re.IGNORECASE)


_PURPOSE_HEAD = re.compile(r"\s*(?:maksud|tujuan|the\s+(?:purpose|objective|aim)s?)\b", re.IGNORECASE)


def _ancestors(st: Structure, b: Block) -> list[Block]:
    chain = []
    p = b.parent
    while p is not None:
        chain.append(st.blocks[p])
        p = st.blocks[p].parent
    return list(reversed(chain))


def _last_sentence(text: str) -> str:
    spans = sentences(text, 0, len(text))
    return text[spans[-1][0]:spans[-1][1]] if spans else text


def _with_parent(st: Structure, b: Block, chain: list[Block], s: int, e: int) -> tuple[str, list[tuple[int, int]]]:
    """"Parent: child" when the item's parent is itself a short item that is not a generic intro
    ("a. Kerjasama Pelayanan Kesehatan Umum, yang terdiri atas:" + "1) MCU bagi Karyawan")."""
    child = st.text[s:e]
    if not chain:
        return child, [(s, e)]
    parent = chain[-1]
    ptext = st.body(parent)
    if child[:1].isupper() and (_has("obligation", child) or _has("future", child)) and len(ptext.split()) <= 6:
        return child, [(s, e)]           # "2. The Foundation's part" / "2.1 The Foundation will ...": a whole clause
    generic = (_has("list_following", ptext) or _duty_intro(ptext) or section_class(ptext) == "obligation"
               or _has("right", ptext) or len(ptext.split()) > 20 or _is_pure_intro(ptext))
    if parent.marker is None or generic:
        return child, [(s, e)]
    head = _INTRO_TAIL.sub("", re.sub(r"\s+", " ", ptext)).strip(" ,")
    return f"{head}: {clean(child)}", [(s, e), (parent.body_start, parent.end)]


_INTRO_WORDS = re.compile(r"\b(?:ruang\s+lingkup|lingkup|kesepakatan(?:\s+bersama)?|perjanjian(?:\s+kerja\s*sama)?|"
                          r"nota\s+kesepahaman|kerja\s*sama|mou|ini|tersebut|adapun|bidang|meliputi|mencakup|"
                          r"terdiri\s+(?:atas|dari)|antara\s+lain|scope|of|the|this|memorandum|understanding|"
                          r"agreement|cooperation|shall|covers?|includes?|are|is|as\s+follows)\b", re.IGNORECASE)


def _is_pure_intro(text: str) -> bool:
    """"Ruang lingkup Kesepakatan ini meliputi:" says nothing beyond "here is the list"."""
    return not words(_INTRO_WORDS.sub(" ", text))


# the end of a release's story: "Notes to editors", "Catatan untuk redaksi", "-ends-", "###"; what follows describes
# the bodies ("About X: founded in ...") and gives contacts
_EDITORS_NOTES = re.compile(r"^[ \t]*(?:notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editors?'?\s+notes?|catatan\s+(?:untuk\s+|bagi\s+)?"
                            r"(?:editor|redaksi|redaktur)|-+\s*ends?\s*-+|#{3}|\*{3})[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)


# the boilerplate closing a release without a "Notes to editors" line: "About the Network: ...", "Tentang PT X: ..."
_ABOUT_BODY = re.compile(r"^[ \t]*(?:About|ABOUT|Tentang|TENTANG)[ \t]+(?:the[ \t]+)?[A-Z][^\n:.]{0,60}:", re.MULTILINE)


def _news(col: _Collector, st: Structure, block_ids: list[int]) -> None:
    text = st.text
    seen_prose = False
    counted_scope = False
    notes = _EDITORS_NOTES.search(text)
    about = _ABOUT_BODY.search(text, len(text) // 2)
    if about is not None and (notes is None or about.start() < notes.start()):
        notes = about
    for i in block_ids:
        b = st.blocks[i]
        if notes is not None and b.start >= notes.start():
            continue
        if b.marker is not None:
            chain = _ancestors(st, b)
            if b.children:
                continue
            if chain and _ATTENDANCE.search(_last_sentence(st.body(chain[0])).split("\n")[-1]):
                continue                 # "Peserta: ..., antara lain:" lists who attended, not what is to be done
            if chain and _is_list_of_commitments(_last_sentence(st.body(chain[0]))):
                display, spans = _with_parent(st, b, chain, b.body_start, b.end)
                col.add(spans, display, 0.7, parties=_joint(col, display), source="news:list")
                continue
            # an item of a list that is not introduced as scope: read it like a sentence
        spans = sentences(text, b.body_start, b.end)
        unpunctuated = b.marker is None and len(spans) == 1 and not re.search(r"[.!?]$", text[b.start:b.end].strip())
        if unpunctuated and not seen_prose:
            continue                     # letterhead, dateline or headline above the first paragraph
        seen_prose = seen_prose or not unpunctuated
        under_agreement = False
        for k, (s, e) in enumerate(spans):
            sent = text[s:e]
            dateline = _last_dateline(sent)
            if dateline is not None:     # a text layer ran the headline into the first sentence: judge
                s += dateline.end()      # what follows the dateline ("agreement on X" of a headline is no scope)
                sent = text[s:e]
            if counted_scope:
                ordinal = _ORDINAL_OPENING.match(sent)
                if ordinal:              # "Pertama, X. Kedua, Y.": the items of the announced scope
                    col.add([(s + ordinal.end(), e)], sent[ordinal.end():], 0.65, parties=_joint(col, sent),
                            source="news:ordinal")
                    continue
                counted_scope = False
            if _COUNTED_SCOPE.search(sent):
                counted_scope = True     # "Kerja sama ini mencakup tiga bidang utama.": only announces them
                continue
            if b.children and k == len(spans) - 1 and sent.rstrip().endswith(":"):
                continue                 # list intro: its items are the commitments
            if _META_LABEL.match(sent):
                continue                 # "Agenda : Evaluasi PKS tentang ...": what a meeting was about
            if sent.rstrip(" \"”’'").endswith("?"):
                continue                 # a question ("Will the town centre get lights too?") promises nothing
            if _AGREEMENT_TITLE.match(_CAPS_LINES.sub("", sent)) and not _QUOTE_DUTY.search(sent):
                continue                 # "B. Perjanjian Kerja Sama dengan X tentang Y": a heading naming an agreement
            items = _inline_items(sent) or _comma_items(sent)
            if items:                    # "meliputi: pertama, X; kedua, Y; dan ketiga, Z."
                for a, z in items:
                    col.add([(s + a, s + z)], sent[a:z], 0.65, parties=_joint(col, sent), source="news:inline-list")
                continue
            conf = _news_confidence(sent)
            if not conf and under_agreement and _party_does(col, sent):
                conf = 0.5               # "Dalam perjanjian itu, X akan …. Y juga menyelenggarakan …"
            if not conf and _UNDER_AGREEMENT.match(sent) and not _PAST_OR_SPEECH.search(sent):
                conf = 0.5               # "Melalui kesepakatan ini, iuran dipotong ...": what the agreement provides
            under_agreement = under_agreement or bool(_UNDER_AGREEMENT.match(sent))
            if conf:
                parts = _duty_parts(sent)
                if len(parts) > 1:       # "X will A, and has agreed to B" / "X akan A dan akan B": two duties
                    first = _joint(col, sent[parts[0][0]:parts[0][1]])
                    for a, z in parts:
                        part = sent[a:z]
                        who = _joint(col, part) if col.parties.obliged(part) else first
                        col.add([(s + a, s + z)], part, conf, parties=who, source="news:sentence-part")
                    continue
                col.add([(s, e)], sent, conf, parties=_joint(col, sent), source="news:sentence")
            elif (subject := _signed_subject(sent)) is not None:
                a, z = subject        # "menandatangani perjanjian kerja sama <subject>"
                col.add([(s + a, s + z)], sent[a:z], 0.5, parties=_joint(col, sent), source="news:subject")


_ORDINALS_WORDS = (r"pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|first(?:ly)?|second(?:ly)?|third(?:ly)?|"
                   r"fourth(?:ly)?|fifth(?:ly)?|sixth(?:ly)?|finally|terakhir")


# "Kerja sama ini mencakup tiga bidang utama.", "The partnership covers three areas:": a scope announced
# by its count, whose items follow as sentences opening with an ordinal ("Pertama, ...", "First, ...")
_COUNTED_SCOPE = re.compile(r"\b(?:meliputi|mencakup|mencakupi|terdiri\s+(?:atas|dari)|covers?|includes?|comprises?|"
                            r"consists?\s+of)\s+(?:\w+\s+)?(?:dua|tiga|empat|lima|enam|tujuh|two|three|four|five|six|"
                            r"seven|\d)\s+(?:[a-z]+\s*){1,3}[.:]?\s*$", re.IGNORECASE)
_ORDINAL_OPENING = re.compile(rf"^\W*(?:{_ORDINALS_WORDS})\s*[,:]\s*", re.IGNORECASE)
# a list of who attended: "Peserta : 23 orang, antara lain:", "Hadir:", "The meeting was attended by:"
_ATTENDANCE = re.compile(r"^\W*(?:peserta(?:\s+rapat)?|(?:yang\s+)?hadir|turut\s+hadir|daftar\s+hadir|undangan|"
                         r"participants?|attendees?|present(?=\s*:)|in\s+attendance)\b[^\n]{0,100}:\s*$|"
                         r"\b(?:dihadiri\s+oleh|attended\s+by)\b[^\n]{0,100}:\s*$", re.IGNORECASE)
# an agreement named by its title, as a report's heading over what was done under it: "B. Perjanjian Kerja
# Sama dengan PT X tentang Pengolahan Y (Nomor ...)", "2. Memorandum of Understanding with X on Joint Research"
_AGREEMENT_TITLE = re.compile(
    r"^\W*(?:(?:[A-Z]|\d{1,2}|[IVX]{1,4})[.)]\s+)?(?:Perjanjian(?:\s+Kerja\s*[Ss]ama)?|Kesepakatan\s+Bersama|"
    r"Nota\s+Kesepa(?:kat|ham)an|Memorandum\s+of\s+Understanding|MoU|PKS|(?:Cooperation\s+|Partnership\s+)?Agreement)"
    r"(?:\s+(?:dengan|antara|with|between)\s+[^\n]{2,150}?)?\s+(?:tentang|mengenai|on|concerning|regarding)\s+"
    r"[A-Z][\w-]*\s+(?:(?:dan|and|of|the|for|pada|bagi|di)\s+)?[A-Z]")
# heading lines in capitals a text layer ran into the sentence below them ("II. PERKEMBANGAN\nA. ...")
_CAPS_LINES = re.compile(r"^(?:[^\na-z]*\n)+")
# the header lines of minutes and letters: "Agenda : …", "Acara: …", "Perihal: …" say what a meeting
# or letter is about; the agreement's terms are never written there
_META_LABEL = re.compile(r"^\W*(?:agenda(?:\s+rapat)?|acara|perihal|hal|subject|re|topik|pokok\s+bahasan)\s*:",
                         re.IGNORECASE)


# "Dalam perjanjian itu, …", "Under the agreement, …": the paragraph goes on telling what the agreement
# provides, so a later sentence of it in which a party does something (in the present, as releases
# write the terms: "Y juga menyelenggarakan uji kompetensi …") is a term too, not a report
_UNDER_AGREEMENT = re.compile(
    r"^\W*(?:(?:dalam|melalui|berdasarkan|sesuai(?:\s+dengan)?|menurut)\s+(?:perjanjian|kesepakatan|"
    r"kerja\s*sama|nota\s+kesepahaman|mou|pks)\b[^,.;]{0,40}?\b(?:itu|ini|tersebut)|(?:under|through|in)\s+"
    r"(?:the|this)\s+(?:agreement|memorandum|mou|partnership|arrangement)\b)", re.IGNORECASE)
_PAST_OR_SPEECH = re.compile(r"(?<!yang )(?<!that )(?<!who )\b(?:telah|sudah|sempat|tadi|kemarin|lalu|ujar\w*|kata\w*|tutur\w*|jelas\w*|"
                             r"has|have|had|was|were|did|said|says|added|yesterday|ago|last)\b|[\"“”]",
                             re.IGNORECASE)


def _party_does(col: _Collector, sent: str) -> bool:
    """The sentence opens with a party (or both) as subject and reports nothing past or said."""
    body = re.sub(r"^\W*(?:selain\s+itu|di\s+samping\s+itu|sementara\s+itu|in\s+addition|besides|also)\W+",
                  "", sent, flags=re.IGNORECASE)
    head = len(sent) - len(body)
    opening = [off for off, _ in col.parties.mentions(sent) if head <= off <= head + 3]
    # "Perusahaan juga memotret ...", "The company will also ...": the one company among the parties
    company = _THE_COMPANY.match(body) and sum(bool(_COMPANY_NAME.search(n)) for n in col.parties.names) == 1
    return bool(opening or company) and not _PAST_OR_SPEECH.search(sent)


_THE_COMPANY = re.compile(r"(?:perusahaan|perseroan|the\s+company|the\s+firm)\b(?!\s+(?:lain|daerah|umum|other))",
                          re.IGNORECASE)
_COMPANY_NAME = re.compile(r"^(?:PT|CV)\b|\b(?:Tbk|Co|Ltd|Inc|LLC|GmbH|B\.?V|Company|Corporation|Pte|Bhd)\b\.?")


# the subject of the agreement written right after the signed document ("menandatangani
# perjanjian kerja sama perlindungan X bagi Y di ..."), or the purpose of a partnering verb
# ("X menggandeng Y untuk mencegah Z")
_SIGNED_SUBJECT = re.compile(
    r"\b(?i:menandatangani|meneken|teken|menyepakati|menjalin|jalin|signed)\s+(?i:(?:nota|naskah)\s+(?:kesepahaman|kesepakatan)|"
    r"perjanjian(?:\s+kerja\s*sama)?|kesepakatan(?:\s+bersama)?|mou|pks|kerja\s*sama|an?\s+(?:mou|agreement|"
    r"memorandum\s+of\s+understanding))\s+(?:(?i:on|for|untuk)\s+)?"
    r"(?P<subj>[a-z][a-z-]*(?:,?\s+[a-z][a-z-]*){1,14})")
# "menandatangani kesepakatan bersama dengan X dan Y tentang <subject>": the subject after the partners
_SIGNED_WITH_SUBJECT = re.compile(
    r"\b(?i:menandatangani|meneken|teken|menjalin|signed)\s+(?i:(?:nota|naskah)\s+(?:kesepahaman|kesepakatan)|"
    r"perjanjian(?:\s+kerja\s*sama)?|kesepakatan(?:\s+bersama)?|mou|pks|kerja\s*sama|an?\s+(?:mou|agreement|"
    r"memorandum\s+of\s+understanding))\s+(?i:dengan|with)\s+[^.;]{2,200}?\s(?i:tentang|mengenai|terkait|"
    r"on|concerning|regarding)\s+(?P<subj>[a-z][a-z-]*(?:,?\s+[a-z][a-z-]*){1,14})")
_PARTNER_PURPOSE = re.compile(
    r"\b(?:menggandeng|bermitra\s+dengan|bekerja\s*sama\s+dengan|berkolaborasi\s+dengan|partner(?:s|ed)?\s+with)"
    r"\s+[^.;]{2,80}?\s(?:untuk|guna|dalam\s+upaya|to)\s+(?P<subj>[a-z][a-z-]*(?:,?\s+[a-z][a-z-]*){1,14})")
_SUBJECT_STOP = frozenset([
    "ini", "itu", "tersebut", "yang", "dengan", "antara", "dan", "di", "pada", "kedua", "para", "sebagai",
    "oleh", "akan", "telah", "this", "that", "the", "with", "between", "and", "by", "at", "on", "in", "of",
    "was", "were", "is",
    "to",      # "signed an MoU to bring X to Y": the partnership's purpose, not the agreement's subject
])
_SUBJECT_TAIL = frozenset([
    "yang", "di", "pada", "dengan", "antara", "dan", "serta", "oleh", "dalam", "sejak", "that", "which", "at",
    "in", "on", "with", "and", "by"
])


def _signed_subject(sent: str) -> tuple[int, int] | None:
    """Offsets of the agreement's subject (or the partnership's purpose) in a signing sentence."""
    for rx in (_SIGNED_SUBJECT, _SIGNED_WITH_SUBJECT, _PARTNER_PURPOSE):
        m = rx.search(sent)
        if not m:
            continue
        words = list(re.finditer(r"[\w-]+", m["subj"]))
        if not words or words[0].group().lower() in _SUBJECT_STOP:
            continue
        if _AGREEMENT_KIND_ONLY.match(m["subj"]) or _KIND_LEFT_OVER.match(m["subj"]):
            continue                     # "perjanjian kerja sama dengan X": the kind, not a subject
        # stop before a relative clause or a place/time phrase ("yang ...", "di Ruang ...")
        keep = words
        for k, w in enumerate(words[1:], 1):
            if w.group().lower() in ("yang", "which", "that"):
                keep = words[:k]
                break
        while len(keep) > 1 and keep[-1].group().lower() in _SUBJECT_TAIL:
            keep = keep[:-1]
        if len(keep) < 2 or _AGREEMENT_KIND_ONLY.match(m["subj"][:keep[-1].end()]):
            continue
        return m.start("subj"), m.start("subj") + keep[-1].end()
    return None


# "perjanjian kerja sama penyelenggaraan Festival X": with one lower-case word after the kind the regex backtracks
# into the kind itself; what is left is no subject
_KIND_LEFT_OVER = re.compile(r"(?:kerja\s*sama|kemitraan)\b", re.IGNORECASE)


# the words of the agreement's kind left over when the regex backtracks ("kerja sama dengan X")
_AGREEMENT_KIND_ONLY = re.compile(r"^(?:(?:sister|twin)[\s-]+(?:city|cities|province|provinces|region|regency)\s+|"
                                  r"twinning\s+|friendship\s+|bilateral\s+)?"   # "sister-province cooperation": a relation
                                  r"(?:kerja\s*sama|kemitraan|partnership|cooperation)(?:\s+(?:dengan|antara|with|"
                                  r"between))?\s*$", re.IGNORECASE)


# "Poin-poin kesepakatan:", "Butir-butir perjanjian:", "Key points of the agreement:": the agreement's terms listed
_TERMS_INTRO = re.compile(r"\b(?:(?:poin|butir|pokok|isi)(?:-(?:poin|butir|pokok))?\s+(?:kesepakatan|perjanjian|kerja\s*sama|"
                          r"mou|nota\s+kesepa\w+)|(?:key|main)\s+(?:points|terms)\s+of\s+the\s+(?:agreement|mou|memorandum|"
                          r"partnership))\b", re.IGNORECASE)


def _is_list_of_commitments(intro: str) -> bool:
    return intro.rstrip().endswith(":") and (_has("scope", intro) or _has("joint", intro)
                                              or _has("future", intro) or _has("obligation", intro)
                                              or _has("topic", intro) or bool(_TERMS_INTRO.search(intro)))


_INLINE_SCOPE = re.compile(r"\b(?:antara\s+lain|di\s+antaranya|meliputi|mencakup|mulai\s+dari|such\s+as|including|"
                           r"covers?|includes?|comprises?)\b"
                           r"(?!\s+(?:karena|disebabkan|oleh|because))\s*:?\s*(?P<rest>[^.]*)", re.IGNORECASE)
# ("Contact: info@x.org" is an address, no list)
_INLINE_COLON = re.compile(r"\w:\s+[a-z][\w-]*(?=[\s,;])")
_NEWS_OBLIGATION = re.compile(r"\b(?:wajib|berkewajiban|bertanggung\s*jawab|diminta|dipercayakan|ditugaskan|bertugas|"
                              # a promise ("berjanji menyiapkan", "pledged to fund") and bearing a cost
                              # ("Pemkab menanggung biaya perkara", "will cover the costs" is "future" already)
                              r"berjanji|(?:promised|pledged|vowed|undertook)\s+to|"
                              # a guarantee in the first person ("Kami juga menjamin perawatan ...")
                              r"(?:kami|kita|pihaknya)\s+(?:juga\s+)?menjamin|we\s+(?:also\s+)?guarantee|menanggung\s+(?:\w+\s+)?(?:biaya|pembiayaan|"
                              r"ongkos|anggaran|honor\w*|iuran|premi)|"
                              # "Bank juga menyanggupi penyediaan ...", "Biaya transaksi ... kami tanggung sampai ..."
                              r"menyanggupi|(?:biaya|ongkos|iuran|premi)\b[^.;\"”]{0,80}?\b(?:kami|kita)\s+tanggung|"
                              r"paling\s+lambat|paling\s+tidak|selambat-lambatnya|shall|must|is\s+required\s+to|"
                              r"(?:is|are)\s+tasked\s+with)\b", re.IGNORECASE)
# "harus" alone is mostly an exhortation in a speech ("pelayanan harus terus ditingkatkan"); keeping
# what is exchanged confidential is a duty of the kind agreements impose
_CONFIDENTIAL = re.compile(r"\b(?:harus|wajib|tetap|perlu)\s+(?:\w+\s+)?(?:dijaga\s+kerahasiaan\w*|dirahasiakan)\b|"
                           r"\b(?:must|shall|will|should)\s+(?:be\s+kept|remain|be\s+treated\s+as)\s+"
                           r"(?:strictly\s+)?confidential\b", re.IGNORECASE)
_PLAN_NOUN = re.compile(r"\bprogram\s+jangka\s+(?:pendek|menengah|panjang)\b|\b(?:short|long)-term\s+programme?s?\b", re.IGNORECASE)


# "Pelatihan kader oleh tim gizi dijadwalkan pada Maret": an activity named with its own content and
# scheduled is a plan; a bare noun before the verb ("Penyuluhan dijadwalkan ...") refers back to a plan
# already stated in the previous sentence
_SCHEDULED = re.compile(r"^\W*(?:adapun\s+|sementara\s+itu,?\s+)?(?:[\w()/-]+,?\s+){2,}(?:dijadwalkan|"
                        r"(?:is|are)\s+scheduled\s+(?:for|to|on|in))\b", re.IGNORECASE)


# "Pemkab siap mendukung penuh": readiness to support with no object names nothing to be done
_BARE_SUPPORT = re.compile(r"\b(?:siap|bersedia)\s+(?:untuk\s+)?(?:mendukung|membantu|men?yukseskan|mensukseskan)"
                           r"(?:\s+(?:penuh|sepenuhnya|sepenuh\s+hati|secara\s+penuh))?\s*"
                           r"(?:[.!,\"”']*\s*$|,\s*(?:tetapi|tapi|namun|meskipun|walaupun)\b)|"
                           r"\bready\s+to\s+(?:fully\s+)?(?:support|help)(?:\s+(?:it|this|fully))?\s*"
                           r"(?:[.!,\"”']*\s*$|,\s*(?:but|although|though)\b)",
                           re.IGNORECASE)
# reported speech: "X said the Ministry would publish ...", the indirect form of "will"
_REPORTED_WOULD = re.compile(r"\b(?:said|says|stated|noted|announced|confirmed|explained|added|pledged|promised|"
                             r"assured|told\s+\w+)\s+(?:that\s+)?[^.;\"“”]{1,80}?\bwould\s+(?!have\b|be\s+able\b|"
                             r"like\b|not\b)[a-z]", re.IGNORECASE)
# ... and with the speaker after it: "The Office would also map every pole on the road map, Mr. X said."
_WOULD_THEN_SAID = re.compile(r"\bwould\s+(?!have\b|be\s+able\b|like\b|not\b)(?:also\s+)?[a-z][^\"“”]{5,200}?,\s+"
                              r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s+"
                              r"(?:said|says|added|stated|noted|explained|confirmed)\W*$")
# "perusahaan telah menyiapkan stok 85 ton pupuk ... hingga akhir 2031": a supply set aside for a period
# that runs on is an undertaking, though written in the perfect
_MONTHS = (r"januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|"
           r"february|march|may|june|july|august|october|december")
_PROVISION_UNTIL = re.compile(
    rf"\b(?:(?:telah|sudah)\s+(?:menyiapkan|menyediakan|mengalokasikan|mencadangkan|menganggarkan)|"
    rf"(?:has|have)\s+(?:already\s+)?(?:prepared|allocated|set\s+aside|reserved|earmarked|stockpiled))\b"
    rf"(?:[^.;]|\.(?=\d)){{3,120}}?\b(?:hingga|sampai(?:\s+dengan)?|until|through|to\s+last\s+until)\s+"
    rf"(?:akhir\s+|the\s+end\s+of\s+|end\s+of\s+)?(?:tahun\s+)?(?:(?:{_MONTHS})\s+)?(?:19|20)\d{{2}}\b",
    re.IGNORECASE)
# "telah mengalokasikan anggaran Rp350 juta dalam APBD 2025 untuk membiayai ...": money set aside for
# the agreed work is an undertaking, though written in the perfect
_FUNDS_FOR = re.compile(
    r"\b(?:(?:telah|sudah)\s+)?(?:mengalokasikan|menganggarkan|mencadangkan|menyiapkan|menyediakan)\s+(?:anggaran|dana|"
    r"biaya)\s+(?:sebesar\s+)?(?:Rp\.?|USD|US\$|IDR)\s?\d[^.;]{0,80}?\b(?:untuk|bagi|guna)\s|"
    r"\b(?:has|have)\s+(?:allocated|earmarked|budgeted|set\s+aside)\s+(?:\w+\s+){0,3}?(?:Rp\.?|USD|US\$|IDR|\$)\s?\d"
    r"[^.;]{0,80}?\b(?:for|to)\s", re.IGNORECASE)
# "PKS berlaku selama 2 tahun dan dievaluasi setiap enam bulan": a periodic joint review
_PERIODIC_REVIEW = re.compile(r"\b(?:dievaluasi|ditinjau(?:\s+(?:ulang|kembali))?|direviu|direview|reviewed|evaluated)"
                              r"\s+(?:bersama\s+|jointly\s+)?(?:setiap|tiap|secara\s+berkala|every|each|periodically|"
                              r"annually)\b", re.IGNORECASE)
# "We will not build and walk away": a short first-person pledge not to do something is a slogan
_SLOGAN = re.compile(r"^\W*(?:we|i|kami|kita|saya)\s+(?:will\s+not|won't|shall\s+not|tidak\s+akan|takkan)\b",
                     re.IGNORECASE)


# "The MoU, filed under No. X, will run for five (5) years.": the term, nothing the parties do
_TERM_ONLY = re.compile(r"^\W*(?:the\s+|this\s+)?(?:mou|memorandum|agreement|pks|perjanjian|nota\s+kesep\w+|kerja\s*sama|"
                        r"kesepakatan)\b[^;]{0,100}?\b(?:will\s+run|runs|(?:is|will\s+be)\s+valid|(?:will\s+)?remains?\s+"
                        r"(?:valid|in\s+force)|(?:akan\s+)?berlaku|berlangsung)\s+(?:for|selama)\s+[^.;]{0,30}?\b"
                        r"(?:years?|months?|tahun|bulan)\b[\s()\w]{0,12}?[\s.]*$", re.IGNORECASE)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|senin|selasa|rabu|kamis|jumat|sabtu|minggu"
# "signed an MoU on sister-province cooperation": a topic that only names the kind of relation is no scope
_KIND_ONLY_TOPIC = re.compile(r"\s*(?:(?:sister|twin)[\s-]+(?:city|cities|province|provinces|region|regency)\s+|"
                              r"twinning\s+|friendship\s+|bilateral\s+)?(?:cooperation|partnership|relations?|"
                              r"collaboration|kerja\s*sama|kemitraan)\b(?!\s+(?:in|for|of|di|dalam|bidang|untuk)\b)"
                              rf"(?!\s+on\s+(?!(?:{_WEEKDAYS})\b|\d))",
                              re.IGNORECASE)


def _kind_only_topic(sent: str) -> bool:
    m = cues()["topic"].search(sent)
    return bool(m and _KIND_ONLY_TOPIC.match(sent, m.end()))


# a fact box's line ("• Masa berlaku: dua tahun", "Location: 8 villages", "Pihak: X dan Y"): a fact, no scope
_FACT_LABEL = re.compile(r"^\W*(?:masa\s+berlaku|jangka\s+waktu|durasi|lokasi|tempat|tanggal|waktu|(?:para\s+)?pihak|nomor|"
                         r"nilai(?:\s+kontrak)?|term|duration|validity|location|venue|date|parties|number|value)\s*:",
                         re.IGNORECASE)


def _news_confidence(sent: str) -> float:
    """0 when the sentence is not a commitment; else how sure we are that it is one."""
    if _TERM_ONLY.match(sent) or _FACT_LABEL.match(sent):
        return 0.0
    scope = _inline_scope(sent) or bool(_INLINE_COLON.search(sent)) or (
        _has("topic", sent) and not _titled_topic(sent) and not _kind_only_topic(sent))
    if scope:
        return 0.65
    opening = sent.lstrip("\"“'( ")
    if _has("hope", opening[:1].lower() + opening[1:]):
        return 0.0
    bare_support = _BARE_SUPPORT.search(sent) and not (_has("future", sent) or _NEWS_OBLIGATION.search(sent))
    if bare_support or (_SLOGAN.match(sent) and len(sent.split()) <= 10):
        return 0.0
    if _REPORTED_WOULD.search(sent) or _WOULD_THEN_SAID.search(sent) or _PROVISION_UNTIL.search(sent) \
            or _FUNDS_FOR.search(sent):
        return 0.55
    if _PERIODIC_REVIEW.search(sent) or (_COST_CHARGED.search(sent) and not _PAST_COST.search(sent)):
        return 0.55              # ("Seluruh biaya renovasi ditanggung perusahaan": who bears the cost)
    assigns = _ASSIGNS.search(sent)
    if assigns and not _PAST_MARK.search(sent, 0, assigns.start()):
        return 0.55
    if _has("joint", sent) or _NEWS_OBLIGATION.search(sent) or _CONFIDENTIAL.search(sent):
        return 0.6
    if _has("future", sent) or _PLAN_NOUN.search(sent) or _SCHEDULED.search(sent) or re.search(r"\bbekerja\s*sama\s+(?:dalam|di\s+bidang|untuk)\b", sent, re.IGNORECASE):
        return 0.55
    if _has("purpose", sent):
        return 0.45
    return 0.0


# "Ia juga menugaskan Dinas X untuk menerbitkan ...", "The Regent instructed the Health Office to ...": a party's
# head sets one of its units a task (an undertaking of that party); not one set in the past ("telah menugaskan")
_ASSIGNS = re.compile(r"\b(?:menugaskan|menginstruksikan|memerintahkan|instructs?|instructed|tasks|tasked|assigns|"
                      r"assigned)\s+(?:the\s+|its\s+)?[A-Z][^.;:\"“”]{2,120}?\s+(?:untuk|agar|supaya|to)\s+[a-z]|"
                      # a request to a government unit is a task set too ("Bupati meminta Dinas X membuka loket
                      # di ...", "The Regent asked the Health Office to ..."), not one to the public
                      r"\b(?:meminta|menugaskan|menginstruksikan|memerintahkan)\s+(?:kepada\s+)?(?:seluruh\s+|para\s+)?"
                      r"(?:Dinas|Badan|Kantor|Bagian|Satuan|Seksi|Bidang|UPTD?|OPD|Sekretariat|Direktorat|Puskesmas|RSUD|"
                      r"Camat|camat|Lurah|lurah|Kepala)\b[^.;:\"“”]{0,100}?\s+(?:(?:untuk|agar|supaya)\s+)?"
                      r"(?:segera\s+)?(?:me[mn]?|meng|meny|ber)[a-z]{3,}|"
                      r"\b(?:asked|requested|urged)\s+(?:the\s+|its\s+)?(?:[A-Z][\w&'-]*\s+){0,6}(?:Office|Agency|"
                      r"Department|Service|Division|Unit|Board)\s+to\s+[a-z]")
_PAST_MARK = re.compile(r"\b(?:telah|sudah|pernah|sempat|had|has|have)\s+(?:\w+\s+)?$", re.IGNORECASE)


_SIGNING_VERB = re.compile(r"\b(?:menandatangani|meneken|teken|diteken|ditandatangani|signed|signs?)\b", re.IGNORECASE)


def _titled_topic(sent: str) -> bool:
    """"menandatangani PKS tentang Layanan Perbankan bagi Personel": the agreement's title in capitals
    names the document; the sentence reports the signing (the terms follow in the text)."""
    m = cues()["topic"].search(sent)
    if not m or not _SIGNING_VERB.search(sent[:m.start()]):
        return False             # ("dituangkan dalam PKS mengenai Pelatihan Teknis ...": what was agreed)
    following = re.findall(r"[^\W\d_][\w-]*", sent[m.end():])[:3]
    return len(following) >= 2 and all(w[:1].isupper() for w in following[:2])


def _inline_scope(sent: str) -> bool:
    m = _INLINE_SCOPE.search(sent)
    if not m:
        return False
    rest = [w for w in re.findall(r"[A-Za-z][\w-]*", m["rest"]) if len(w) > 2]
    if not rest:
        return False
    caps = sum(w[0].isupper() for w in rest) / len(rest)
    return caps <= 0.5          # a list of names ("di antaranya Universitas X, Y") is not a scope


_ORDINALS = (r"pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|"
             r"first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth(?:ly)?")
_INLINE_MARKER = re.compile(rf"\s*(?:(?:dan|serta|and)\s+)?(?:(?:{_ORDINALS})\s*,|\(?\d{{1,2}}\)|\(?[a-h]\))\s*",
                            re.IGNORECASE)


def _inline_items(sent: str) -> list[tuple[int, int]]:
    """Offsets of the items of a scope list written inside one sentence and marked by ordinals or
    numbers: "ruang lingkup meliputi: pertama, X; kedua, Y; dan ketiga, Z" -> [X, Y, Z]. Empty when
    the sentence is not such a list (at least two marked items after a scope cue)."""
    m = _INLINE_SCOPE.search(sent)
    if not m:
        return []
    items: list[tuple[int, int]] = []
    pos = m.start("rest")
    for part in re.finditer(r"[^;]+", sent[pos:]):
        a, z = pos + part.start(), pos + part.end()
        marker = _INLINE_MARKER.match(sent, a)
        if not marker:
            return []                 # every part must be a marked item
        a = marker.end()
        while z > a and sent[z - 1] in " .\n":
            z -= 1
        if z - a >= 3:
            items.append((a, z))
    return items if len(items) >= 2 else []


# "Ruang lingkup kesepakatan meliputi A, B, serta C", "PKS juga mengatur A, serta B", "The cooperation
# covers A, B and C": the agreement (or its scope) is the subject of the listing verb, so the list is
# the scope itself, not examples attached to a noun ("will train rangers, including mapping, ...")
_SCOPE_LIST_HEAD = re.compile(
    r"^[^.;:]{0,80}?\b(?i:ruang\s+lingkup|lingkup|bidang|kesepakatan|perjanjian|kerja\s*sama|nota\s+kesepahaman|"
    r"mou|pks|agreement|memorandum|arrangement|cooperation|partnership|collaboration)\b[^.;:]{0,40}?\s"
    r"(?i:meliputi|mencakup|mencakupi|mengatur(?:\s+(?:tentang|mengenai))?|covers?|includes?|comprises?|"
    r"sets?\s+out|provides?\s+for)\s*:?\s+(?=[a-z])")
_LIST_CONJ = re.compile(r"^(?:dan|serta|maupun|and|as\s+well\s+as)\s+", re.IGNORECASE)
# a part opening with these continues the sentence, it is no list item
_NOT_ITEM_START = frozenset([
    "yang", "sehingga", "agar", "supaya", "karena", "namun", "tetapi", "sedangkan", "sementara", "dengan",
    "which", "that", "so", "but", "because", "while", "with", "who", "where"
])


def _comma_items(sent: str) -> list[tuple[int, int]]:
    """Offsets of the items of a scope list separated by commas after a listing verb whose subject
    is the agreement or its scope. Empty unless there are at least two items, each opening with a
    lower-case word that does not continue the sentence."""
    m = _SCOPE_LIST_HEAD.match(sent)
    if not m:
        return []
    items: list[tuple[int, int]] = []
    depth, a = 0, m.end()
    end = len(sent.rstrip(" .\"”"))
    for k in range(m.end(), end + 1):
        ch = sent[k] if k < end else ","
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch not in ",;" or depth:
            continue
        part = sent[a:k]
        lead = len(part) - len(part.lstrip())
        conj = _LIST_CONJ.match(part.lstrip())
        s0 = a + lead + (conj.end() if conj else 0)
        z = k
        while z > s0 and sent[z - 1] in " .":
            z -= 1
        first = sent[s0:z].split(" ", 1)[0]
        if not first[:1].islower() or first.lower() in _NOT_ITEM_START or len(sent[s0:z].split()) > 25:
            return []
        items.append((s0, z))
        a = k + 1
    return items if len(items) >= 2 else []


# a second duty coordinated in the same sentence: ", and has agreed to ...", " and will ...", ", and the
# College will ...", " dan akan ...", ", sedangkan PIHAK KEDUA akan ..." (a short subject of up to four
# words, no relative clause, may stand between the conjunction and the cue)
_DUTY_CUE = r"(?:will|shall|must|has\s+agreed\s+to|have\s+agreed\s+to|agreed\s+to|akan|wajib|berkewajiban|sepakat\s+untuk)"
_SECOND_DUTY = re.compile(
    rf"(?:,\s*|\s+)(?i:and|dan|serta|sedangkan|while|whereas)\s+(?=(?:(?:(?i:the|its|their|our)\s+|(?=[A-Z]))"
    rf"(?:(?!(?i:that|which|who|yang)\b)[\w'-]+\s+){{1,4}}?)?(?i:also\s+|juga\s+)?(?i:{_DUTY_CUE})\b(?!\s+(?i:be|become)\b))")
# the first duty may be stated as a pledge ("berkomitmen memfasilitasi ...", "commits to ...")
_FIRST_DUTY = re.compile(rf"\b(?:{_DUTY_CUE}|berkomitmen|bersedia|commit(?:s|ted)?\s+to|pledge[sd]?\s+to|"
                         rf"undertakes?\s+to)\b", re.IGNORECASE)


def _duty_parts(sent: str) -> list[tuple[int, int]]:
    """Offsets of the duties a sentence coordinates, each with a cue of its own and four words at least;
    one part when it states one duty (or a quotation: a speaker's words stay whole)."""
    if re.search(r"[\"“”]", sent):
        return [(0, len(sent))]
    cuts = [m for m in _SECOND_DUTY.finditer(sent) if _FIRST_DUTY.search(sent, 0, m.start())]
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in cuts:
        if len(sent[start:m.start()].split()) >= 4 and len(sent[m.end():].split()) >= 4:
            bounds.append((start, m.start()))
            start = m.end()
    bounds.append((start, len(sent.rstrip(" .;"))))
    return bounds


def _joint(col: _Collector, text: str) -> tuple[str, ...]:
    named = col.parties.obliged(text)
    return named or tuple(col.parties.names)


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------

def find_commitments(text: str, *, kind: str | None, parties: list[Party] | None = None,
                     dates: list[DateMention] | None = None) -> list[Commitment]:
    """Pure function behind the component (offsets are into `text`)."""
    st = parse(text, caps_headings=kind == "agreement")
    col = _Collector(text, PartyIndex.build(parties or [], text))
    agreement_mode = kind == "agreement" or len(st.sections) >= 2
    by_section: dict[int | None, list[int]] = {}
    for i, b in enumerate(st.blocks):
        by_section.setdefault(b.section, []).append(i)
    if agreement_mode and st.sections:
        for si, sec in enumerate(st.sections):
            _agreement_section(col, st, by_section.get(si, []), section_class(sec.title), sec.title)
        if kind not in ("agreement",):
            _news(col, st, by_section.get(None, []))
    elif agreement_mode:
        _agreement_section(col, st, by_section.get(None, []), "unknown")
    else:
        _news(col, st, list(range(len(st.blocks))))
    if agreement_mode:
        _duty_table(col, text)
    return _finalise(col.items, text, dates or [])


def _duty_table(col: _Collector, text: str) -> None:
    """One commitment per row of a duty table, obliged on the party of its executor cell; the sentence
    that points at the table, and table rows read whole as text, are no duty."""
    rows = duty_rows(text)
    if rows:
        col.items = [c for c in col.items if not TABLE_POINTER.search(c.text) and not c.text.lstrip().startswith("|")]
    for (s, e), who in rows:
        col.add([(s, e)], text[s:e], 0.8, parties=col.parties.obliged(who) or None, source="duty_table")


def _finalise(items: list[Candidate], text: str, dates: list[DateMention]) -> list[Commitment]:
    merged: list[Candidate] = []
    sets: list[set[str]] = []
    for c in items:
        wc = words(c.text)
        # Jaccard >= 0.85 needs sizes within that ratio: skip the other comparisons
        dup = next((m for m, wm in zip(merged, sets)
                    if 0.85 * len(wm) <= len(wc) <= len(wm) / 0.85 and _near_duplicate(wc, wm)), None)
        if dup is not None:
            dup.spans += [s for s in c.spans if s not in dup.spans]
            dup.confidence = max(dup.confidence, c.confidence)
            dup.parties = dup.parties or c.parties
            continue
        merged.append(c)
        sets.append(wc)
    out = []
    for c in merged:
        due = _due(c.spans, dates)
        conf = c.confidence - (0.25 if not c.parties else 0.0)
        evidence = tuple(Evidence(page=0, start=s, end=e, text=text[s:e], bbox=None) for s, e in c.spans)
        out.append(Commitment(text=c.text, action=c.action, parties=c.parties, due=due,
                              confidence=round(max(conf, 0.05), 2), evidence=evidence,
                              needs_review=conf < 0.5 or not c.parties))
    return out


def _near_duplicate(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.85


def _due(spans: list[tuple[int, int]], dates: list[DateMention]) -> str | None:
    s, e = spans[0]
    for d in dates:
        if d.role != "deadline" or not d.date or not d.evidence:
            continue
        ev = d.evidence[0]
        if s <= ev.start and ev.end <= e + 2:
            return d.date
    return None


@Language.factory("janji_commitments")
def make_commitments_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.janji_commitments = find_commitments(doc.text, kind=doc._.janji_kind,
                                                   parties=list(doc._.janji_parties or []),
                                                   dates=list(doc._.janji_dates or []))
        return doc

    return component
