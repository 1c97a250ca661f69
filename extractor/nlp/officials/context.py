"""What every officials rule works on: the `Found` record and `Ctx`, the document's tokens with
the organisation analysis of the parties component and the token predicates built on them
(institutional word, name word, capitals context)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.nlp.lexicon import Tok, fold, is_degree_suffix, joined, lexicon
from extractor.nlp.orgs import Entity
from extractor.nlp.parties import analyse


@dataclass
class Found:
    name: str
    honorifics: list[str]
    position: str | None
    organization: str | None
    role: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.7
    acknowledging: bool = False   # signs under "Mengetahui": an attendee unless a signatory elsewhere


class Ctx:
    def __init__(self, doc: Doc):
        info = analyse(doc)
        self.text: str = doc.text
        self.lang: str = doc.lang_
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
                outside = {fold(w) for w in re.findall(r"[\w-]+", re.sub(r"\([^)]*\)", " ", self.text[m.start:m.end]))}
                for p in m.parens:
                    if self._person_like(p) and not outside & {fold(w) for w in p.split()}:
                        # "PT X (Nama Orang):" a speaker named after the body; a short form shares words
                        # with the name it shortens ("Politeknik Negeri Hijau (Polinema Hijau)")
                        self.person_words.update(fold(w) for w in p.split())
        self.positions_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in self.lx.positions:
            self.positions_by_first.setdefault(words[0], []).append(words)

    def _person_like(self, words: str) -> bool:
        """Two to four words in title case none of which is a word of organisations, positions or places:
        a person's name in brackets after a body, no short form of it."""
        parts = words.split()
        lx = self.lx
        return 2 <= len(parts) <= 4 and all(
            re.fullmatch(r"[A-Z][a-z\u00c0-\u024f'-]+", w) and w.lower() not in self.places and not any(
                fold(w) in kind for kind in (lx.institution, lx.head_first, lx.not_name, lx.position_first, lx.title_stop))
            for w in parts)

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

    def name_tok(self, j: int, caps_ok: bool = False, org_word_ok: bool = False) -> bool:
        """Can token j be part of a person's name? `caps_ok`: a name in capitals inside running text
        is allowed (party clauses: "1. Drs. NAMA ORANG, M.Si. : Bupati X"). `org_word_ok`: a word of
        an organisation or place name of the document is allowed (a surname that is also a place word)."""
        t = self.toks[j]
        low = fold(t.text)
        if not t.is_word or not t.cap:
            return False
        if low in self.lx.title_stop or low in self.lx.institution or low in self.lx.head_first:
            return False
        if low in self.lx.not_name or low not in self.lx.shaped_names and any(p.match(low) for p in self.lx.not_name_shapes):
            return False
        if low in self.org_words and not org_word_ok and not self._caps_context(j) and low not in self.person_words:
            return False
        if low in self.lx.position_first or low in self.lx.position_prefixes or low in self.lx.degree_prefix:
            return False
        if t.upper and len(t.text) > 1 and not self._caps_context(j) and not is_degree_suffix(t.text) and not (
                caps_ok and len(t.text) >= 3 and re.search(r"[AEIOU]", t.text)):
            return False
        if low in self.lx.name_abbrevs and not t.upper and j + 1 < len(self.toks) and self.toks[j + 1].text == "." \
                and self.toks[j + 1].start == t.end:
            return True  # "Ma. Nama" (Maria): an abbreviated first name spelt like a degree
        return not is_degree_suffix(t.text) or len(t.text) > 4 and not t.upper and "." not in t.text

    def same_line(self, a: int, b: int) -> bool:
        return joined(self.text, self.toks[a].end, self.toks[b].start)

    def strict_line(self, a: int, b: int) -> bool:
        return "\n" not in self.text[self.toks[a].end:self.toks[b].start]
