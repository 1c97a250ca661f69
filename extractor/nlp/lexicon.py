"""Rule vocabularies loaded once from `patterns/*.jsonl` (data, not code), plus a small word
tokenizer with character offsets shared by the parties and officials components."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).with_name("patterns")


def _jsonl(name: str) -> list[dict]:
    path = PATTERNS / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(json.loads(line))
    return rows


def fold(word: str) -> str:
    return word.replace("\u00ad", "").lower().rstrip(".")


@dataclass(frozen=True)
class Head:
    words: tuple[str, ...]        # folded words
    type: str                     # kab | kota | prov | pemda | org
    expand: str | None
    region: bool
    joins_dan: bool
    names_left: bool = False      # English "Westmere University": the name stands before the head
    campus: bool = False          # a university-like body whose units ("Fakultas X Universitas Y") name it
    unit: bool = False            # a unit of such a body ("Fakultas", "Lembaga"), often named with it
    numbered: bool = False        # a military unit named by its number ("Korem 152/Tanah Lintang")
    legal_form: bool = False      # a company's legal form after its name ("X B.V.", "X GmbH"): the name ends there


@dataclass(frozen=True)
class Lexicon:
    heads: tuple[Head, ...]
    head_first: frozenset[str]
    positions: dict[tuple[str, ...], str | None]   # folded words -> gov type
    position_orgs: dict[tuple[str, ...], str]       # folded words of an abbreviated head -> its organisation
    functional: frozenset[tuple[str, ...]]          # jobs ("Dosen", "Ahli Gizi"), also common nouns
    position_first: frozenset[str]
    position_prefixes: frozenset[str]
    degree_prefix: frozenset[str]
    degree_suffix: frozenset[str]
    degree_shapes: tuple[re.Pattern, ...]   # suffix degrees not listed, recognised by their shape
    name_abbrevs: frozenset[str]              # "Moh." / "Abd.": abbreviated parts of a name
    provinces: dict[str, str]       # folded alias or name -> canonical province name
    title_stop: frozenset[str]
    institution: frozenset[str]
    not_name: frozenset[str]                 # unit/programme words never in a person's name
    not_name_shapes: tuple[re.Pattern, ...]  # abstract-noun shapes never in a person's name
    shaped_names: frozenset[str]  # family names that happen to have such a shape ("Nasution")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    heads = tuple(Head(tuple(fold(w) for w in r["pattern"].split()), r["type"], r.get("expand"),
                       bool(r.get("region")), bool(r.get("joins_dan") or r.get("joins_and")),
                       bool(r.get("names_left")), bool(r.get("campus")),
                       bool(r.get("unit")), bool(r.get("numbered")), bool(r.get("legal_form")))
                  for r in _jsonl("org_heads.jsonl"))
    heads = tuple(sorted(heads, key=lambda h: -len(h.words)))
    positions = {tuple(fold(w) for w in re.split(r"[\s]+", r["pattern"])): r.get("gov")
                 for r in _jsonl("positions.jsonl")}
    degrees = _jsonl("degrees.jsonl")
    provinces: dict[str, str] = {}
    for r in _jsonl("places.jsonl"):
        provinces[r["name"].lower()] = r["name"]
        for a in r.get("aliases", []):
            provinces[a.lower()] = r["name"]
    stop = set()
    for r in _jsonl("title_stopwords.jsonl"):
        stop.update(w.lower() for w in r["words"])
    not_name: set[str] = set()
    not_name_shapes: list[re.Pattern] = []
    shaped_names: set[str] = set()
    for r in _jsonl("not_name_words.jsonl"):
        not_name.update(w.lower() for w in r.get("words", []))
        shaped_names.update(w.lower() for w in r.get("name_words", []))
        not_name_shapes += [re.compile(x) for x in r.get("shapes", [])]
    inst = set()
    for r in _jsonl("institution_words.jsonl"):
        inst.update(w.lower() for w in r["words"])
    return Lexicon(
        heads=heads, head_first=frozenset(h.words[0] for h in heads),
        positions=positions, position_first=frozenset(k[0] for k in positions),
        position_orgs={tuple(fold(w) for w in r["pattern"].split()): r["org"]
                       for r in _jsonl("positions.jsonl") if r.get("org")},
        functional=frozenset(tuple(fold(w) for w in r["pattern"].split())
                             for r in _jsonl("positions.jsonl") if r.get("functional")),
        position_prefixes=frozenset(fold(r["pattern"]) for r in _jsonl("position_prefixes.jsonl")),
        degree_prefix=frozenset(fold(r["pattern"]) for r in degrees if r["kind"] == "prefix"),
        degree_suffix=frozenset(_degree_key(r["pattern"]) for r in degrees if r["kind"] == "suffix"),
        degree_shapes=tuple(re.compile(r["pattern"]) for r in degrees if r["kind"] == "shape"),
        name_abbrevs=frozenset(w.lower() for r in degrees if r["kind"] == "name_abbrev" for w in r["words"]),
        provinces=provinces, title_stop=frozenset(stop), institution=frozenset(inst),
        not_name=frozenset(not_name), not_name_shapes=tuple(not_name_shapes),
        shaped_names=frozenset(shaped_names),
    )


def _degree_key(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


_CONSULTANT = re.compile(r"(Sp\.[A-Za-z.]+)-K[A-Z]{1,6}\.?")


def is_degree_suffix(s: str) -> bool:
    lx = lexicon()
    consultant = _CONSULTANT.fullmatch(s)
    if consultant:  # a specialist's consultant grade: "Sp.PD-KGEH", "Sp.B-KBD"
        s = consultant.group(1)
    key = _degree_key(s)
    return bool(key) and (key in lx.degree_suffix or any(p.match(s) for p in lx.degree_shapes))


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def cap(self) -> bool:
        """Starts with a capital letter (Title, CAPS or CamelCase)."""
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


# words (with inner hyphens, apostrophes, dots of abbreviations like S.Pd or Sp.JP), then any
# other non-space character on its own
_TOKEN = re.compile(r"[^\W_](?:[\w'’\u00ad]|[.\-/](?=[^\W_]))*|[^\w\s\u00ad]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


WRAP_MIN_LINE = 45  # a line at least this long that ends mid-phrase was wrapped by the layout


def joined(text: str, a_end: int, b_start: int) -> bool:
    """Do two neighbouring tokens belong to the same line of prose? True on the same line, and
    across a single line break when the first line is a long wrapped line of running text (PDF
    text layers break paragraphs into lines); never across a blank line or a column gap."""
    gap = text[a_end:b_start]
    if "\n" not in gap:
        return "   " not in gap
    if gap.count("\n") > 1:
        return False
    line_start = text.rfind("\n", 0, a_end) + 1
    if not text[:line_start].strip():
        return False  # the first line (a headline) is never a wrapped line
    line = text[line_start:a_end]
    return len(line) >= WRAP_MIN_LINE and "   " not in line.strip()
