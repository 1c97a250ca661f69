"""Scoring (statement, commitment) pairs: BM25 over analysed terms (names of the linked parties and
of the agreement's own kind left out), the embeddings' cosine, and their fusion (see fuse)."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from extractor.matching_text import analyze, detect_language, match_key
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, StatementRef


class BM25:
    """BM25 over a fixed set of documents, as a sparse docs x terms weight matrix."""

    def __init__(self, docs: Sequence[list[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        from scipy.sparse import csr_matrix

        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.array([sum(not t.startswith("#") for t in d) for d in docs], dtype=np.float64)
        avgdl = float(lengths.mean()) if len(docs) and lengths.mean() > 0 else 1.0
        df: Counter[str] = Counter()
        for terms in docs:
            df.update(set(terms))
        n = len(docs)
        self.idf = {t: math.log(1.0 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        for i, terms in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[i] / avgdl)
            for term, tf in Counter(terms).items():
                j = self.vocab.setdefault(term, len(self.vocab))
                rows.append(i)
                cols.append(j)
                vals.append(self.idf[term] * tf * (k1 + 1) / (tf + norm))
        self.weights = csr_matrix((vals, (rows, cols)), shape=(n, max(len(self.vocab), 1)), dtype=np.float64)
        self.by_term = self.weights.T.tocsr()  # terms x docs, so a query product needs no conversion
        # a quantity (quantity_terms) adds to a statement's score but neither to a commitment's length
        # nor to the own score it is measured against: a report need not repeat every number
        words = np.array([not t.startswith("#") for t in self.vocab] or [True], dtype=np.float64)
        self.self_scores = np.asarray(self.weights @ words).ravel()

    def sparse_scores(self, queries: Sequence[list[str]]):
        """(len(queries), n_docs) raw BM25 scores as a sparse matrix (each query term counted once)."""
        from scipy.sparse import csr_matrix

        rows, cols = [], []
        for i, terms in enumerate(queries):
            for t in set(terms):
                j = self.vocab.get(t)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        q = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(queries), self.weights.shape[1]))
        return (q @ self.by_term).tocsr()

    def scores(self, queries: Sequence[list[str]]) -> np.ndarray:
        """(len(queries), n_docs) raw BM25 scores, dense."""
        return self.sparse_scores(queries).toarray()

    def scores_by_postings(self, queries: Sequence[list[str]]) -> np.ndarray:
        """`scores` added up along each query term's postings into a zero row: over many documents
        (CommitmentCorpus) about twice as fast as the sparse product and its dense copy. Bit for bit
        the same: the product also adds a query's terms one by one in vocabulary order."""
        by_term = self.by_term
        out = np.zeros((len(queries), by_term.shape[1]))
        for row, terms in zip(out, queries, strict=True):
            for j in sorted({self.vocab[t] for t in terms if t in self.vocab}):
                start, stop = by_term.indptr[j], by_term.indptr[j + 1]
                np.add.at(row, by_term.indices[start:stop], by_term.data[start:stop])
        return out

    def normalised(self, raw: np.ndarray) -> np.ndarray:
        return raw / np.where(self.self_scores > 0, self.self_scores, 1.0)


# ---------------------------------------------------------------- terms and scores

def shared_terms(statement: str, commitment: str) -> list[str]:
    """The statement's terms BM25 found in the commitment, compared by spelling key as BM25 compares
    them ("telekonsultasi" meets "teleconsultation"), shown in the statement's own form."""
    keys = {match_key(t) for t in analyze(commitment)}
    return sorted({t for t in analyze(statement) if match_key(t) in keys})


def party_terms(agreements: Sequence[AgreementRef]) -> frozenset[str]:
    """Terms of party names: every report about an agreement names its parties, so they say
    nothing about WHICH commitment a statement carries out (linking already used them)."""
    terms: set[str] = set()
    for ag in agreements:
        for p in ag.parties:
            for name in (p.name, *p.aliases):
                terms.update(analyze(name, "id"))
                terms.update(analyze(name, "en"))
    generic = set(analyze("pemerintah kabupaten kota provinsi universitas", "id"))
    return frozenset(terms - generic)


def name_term_filter(agreements: Sequence[AgreementRef], commitments: Sequence[CommitmentRef]
                     ) -> tuple[frozenset[str], frozenset[str]]:
    """(terms left out everywhere, terms left out only where written capitalised, inside a name).
    A word of a party's name that the commitments also write as a common word is what they are
    about ("darah" of "Unit Donor Darah" in "menyediakan darah"): it counts in "kantong darah
    diterima", not in "Unit Donor Darah menerima". The same word, not a word of the same stem:
    "petani" (farmers) says nothing of the "Institut Pertanian"."""
    names = party_terms(agreements)
    lower = {w for c in commitments for w in _LOWER_WORD.findall(c.text)}
    shared = " ".join(w for ag in agreements for p in ag.parties for n in (p.name, *p.aliases)
                      for w in re.findall(r"[\w-]+", n.lower()) if w in lower)
    common = (frozenset(analyze(shared, "id")) | frozenset(analyze(shared, "en"))) & names if shared else frozenset()
    return (names - common) | agreement_kind_terms(), common


_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z-]*\b")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w-]*")


# "petugas Bidang Pelayanan Pendaftaran Penduduk dan petugas Kantor Cabang PT X": the name of a unit
# inside a sentence says who worked, not what was done ("Penduduk", "Kantor Cabang" are no work)
_UNIT_NAME = re.compile(r"(?<=[a-z,]\s)(?:Bidang|Subbidang|Seksi|Bagian|Subbagian|Divisi|Kantor\s+Cabang|Cabang)"
                        r"(?:\s+(?:dan\s+)?[A-Z][\w-]*)+")


def without_name_words(text: str, name_terms: frozenset[str]) -> str:
    """The text with the names of units inside it and the capitalised words whose terms are all name
    terms blanked out (a sentence's or list item's first word is capitalised anyway and stays)."""
    text = _UNIT_NAME.sub(" ", text)
    if not name_terms:
        return text

    def blank(m: re.Match[str]) -> str:
        before = text[:m.start()].rstrip()
        if not before or before[-1] in ".!?:;|\u2013\u2014-(\"'":
            return m.group(0)
        terms = analyze(m.group(0))
        return " " if terms and set(terms) <= name_terms else m.group(0)

    return _CAPITALISED_WORD.sub(blank, text)


# Names of the agreement itself: a report sentence citing "the cooperation agreement" is about the
# agreement as a whole, not about the one commitment that happens to mention it ("joint evaluation
# of the implementation of this agreement").
AGREEMENT_KIND_PHRASES = ("perjanjian kerja sama", "nota kesepahaman", "nota kesepakatan", "kesepakatan", "mou",
                          "pks", "moa")
AGREEMENT_KIND_PHRASES_EN = ("memorandum", "cooperation agreement", "mou")


@lru_cache(maxsize=1)
def agreement_kind_terms() -> frozenset[str]:
    terms = {t for phrase in AGREEMENT_KIND_PHRASES for t in analyze(phrase, "id")}
    terms |= {t for phrase in AGREEMENT_KIND_PHRASES_EN for t in analyze(phrase, "en")}
    return frozenset(terms)


def match_terms(text: str, ignore_terms: frozenset[str] = frozenset(),
                name_terms: frozenset[str] = frozenset()) -> list[str]:
    """BM25 terms of a text in the form they are compared in (matching_text.match_key), without
    `ignore_terms`, and without `name_terms` where written capitalised (name_term_filter)."""
    return [*(match_key(t) for t in analyze(without_name_words(text, name_terms)) if t not in ignore_terms),
            *quantity_terms(text)]


# "1.800 sasaran", "12,000 doses", "300 tablets": a quantity both texts write in digits is shared
# evidence in any language; small numbers (days, months, counts up to 31), years and parts of
# document numbers or times ("06.30", "400.9/112") say nothing
_QUANTITY = re.compile(r"(?<![\d.,/:])(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d/:]|[.,]\d)")


# a small count says something only with what it counts ("30 puskesmas", "20 (dua puluh) SMP" /
# "30 island health centres"), not as a day, a month's day, a duration or a share
_COUNTED = re.compile(r"\s*(?:\([^()\d]{2,40}\)\s*)?(?P<word>[A-Za-z][A-Za-z-]{2,})")
_NOT_COUNTED = frozenset(("""hari days day bulan months month tahun years year minggu weeks week pekan jam hours hour
    menit minutes kali times persen percent januari februari maret april mei juni juli agustus september oktober
    november desember january february march may june july august october december jan feb mar apr jun jul agu
    aug sep sept okt oct nov des dec tanggal parties pihak""").split())

def _inside_brackets(text: str, at: int) -> bool:
    return text.rfind("(", max(0, at - 40), at) > text.rfind(")", max(0, at - 40), at)


# "Pasal 3", "tahap 2", "Kelas 5", "RT 04": a number naming an item, not counting
_NUMBERED = re.compile(r"(?i)\b(?:pasal|article|ayat|huruf|nomor|no|tahap|phase|stage|kelas|class|grade|rt|rw|lantai|"
                       r"floor|km|jalan|jl|blok|block|termin|angkatan|batch|putaran|round|ke)\.?\s*$")


# counts written in words ("fifteen buses", "three sets", "lima trayek", "dua puluh lima sekolah"), outside
# the brackets that spell out a number in digits ("15 (lima belas) unit" counts once)
_EN_UNITS = dict(zip("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                     "seventeen eighteen nineteen".split(), range(2, 20), strict=True))
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_ID_UNITS = dict(zip("satu dua tiga empat lima enam tujuh delapan sembilan".split(), range(1, 10), strict=True))
_NUMBER_WORDS = re.compile(
    r"(?i)(?<![(\w-])(?:(?P<en_tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?P<en_unit>one|two|three|"
    r"four|five|six|seven|eight|nine))?|(?P<en>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?P<id_tens>dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
    r"\s+puluh(?:\s+(?P<id_tens_unit>satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?|(?P<id_teen>satu|dua|tiga|"
    r"empat|lima|enam|tujuh|delapan|sembilan)\s+belas|(?P<id_ten>sepuluh|sebelas)|(?P<id>dua|tiga|empat|lima|enam|"
    r"tujuh|delapan|sembilan))\b")


def _word_number(m: re.Match[str]) -> int:
    g = {k: (v.lower() if v else v) for k, v in m.groupdict().items()}
    if g["en_tens"]:
        return _EN_TENS[g["en_tens"]] + ({"one": 1, **_EN_UNITS}[g["en_unit"]] if g["en_unit"] else 0)
    if g["en"]:
        return _EN_UNITS[g["en"]]
    if g["id_tens"]:
        return 10 * _ID_UNITS[g["id_tens"]] + (_ID_UNITS[g["id_tens_unit"]] if g["id_tens_unit"] else 0)
    if g["id_teen"]:
        return 10 + _ID_UNITS[g["id_teen"]]
    if g["id_ten"]:
        return 10 if g["id_ten"] == "sepuluh" else 11
    return _ID_UNITS[g["id"]]


# "three thousand books", "dua ratus peserta": a counted word multiplied; "one hundred and fifty",
# "seratus lima puluh": the rest added
_MULTIPLIER = re.compile(r"(?i)\s+(hundred|thousand|ratus|ribu)\b")
_MULTIPLIERS = {"hundred": 100, "ratus": 100, "thousand": 1000, "ribu": 1000}
_ONE_TIMES = re.compile(r"(?i)(?<![(\w-])(?:(?:one|a)\s+(?P<en>hundred|thousand)|se(?P<id>ratus|ribu))\b")
_REST = re.compile(r"(?i)\s+(?:and\s+)?(?=\w)")


def _with_rest(text: str, value: int, end: int) -> tuple[int, int]:
    """A count's value and end with the smaller groups written after it ("... thousand two hundred and five")."""
    while gap := _REST.match(text, end):
        one = _ONE_TIMES.match(text, gap.end())
        rest = one or _NUMBER_WORDS.match(text, gap.end())
        if not rest:
            break
        times = None if one else _MULTIPLIER.match(text, rest.end())
        part = _MULTIPLIERS[(one["en"] or one["id"]).lower()] if one else _word_number(rest) * (
            _MULTIPLIERS[times.group(1).lower()] if times else 1)
        if part >= value or (value % 1000 and part >= 100):
            break
        value, end = value + part, (times or rest).end()
    return value, end


def _multiplied(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of counts written with hundred / thousand / ratus / ribu, outside brackets."""
    out: list[tuple[int, int, int]] = []
    for m in sorted([*_ONE_TIMES.finditer(text), *_NUMBER_WORDS.finditer(text)], key=lambda m: m.start()):
        if out and m.start() < out[-1][1]:
            continue
        if m.re is _ONE_TIMES:
            value, end = _MULTIPLIERS[(m["en"] or m["id"]).lower()], m.end()
        elif times := _MULTIPLIER.match(text, m.end()):
            value, end = _word_number(m) * _MULTIPLIERS[times.group(1).lower()], times.end()
        else:
            continue
        if _inside_brackets(text, m.start()):
            continue
        value, end = _with_rest(text, value, end)
        out.append((m.start(), end, value))
    return out


def quantity_terms(text: str) -> list[str]:
    multiplied = _multiplied(text)
    out = [f"#{value}" for _, _, value in multiplied]
    for m in _NUMBER_WORDS.finditer(text):
        n = _word_number(m)
        if any(start <= m.start() < end for start, end, _ in multiplied):
            continue
        if 2 <= n < 100 and (w := _COUNTED.match(text, m.end())) and w["word"].lower() not in _NOT_COUNTED \
                and not _NUMBERED.search(text, max(0, m.start() - 12), m.start()) and not _inside_brackets(text, m.start()):
            out.append(f"#{n}")
    for m in _QUANTITY.finditer(text):
        n = int(re.sub(r"[.,]", "", m.group(1)))
        if n >= 32 and not 1900 <= n <= 2100:
            out.append(f"#{n}")
        elif 2 <= n < 32 and (w := _COUNTED.match(text, m.end())) and w["word"].lower() not in _NOT_COUNTED \
                and not _NUMBERED.search(text, max(0, m.start() - 12), m.start()):
            out.append(f"#{n}")
    return out


def with_compounds(terms: list[str], vocab: set[str]) -> list[str]:
    """A statement's terms with compounds written the other way than in the commitments: "coolbox"
    for "cool box" is split, "tele consult" for "teleconsultation" is joined (when the other form
    is a commitment term and this one is not)."""
    out: list[str] = []
    for t in terms:
        split = next(((t[:k], t[k:]) for k in range(3, len(t) - 2) if t not in vocab
                      and t[:k] in vocab and t[k:] in vocab), None)
        out.extend(split or (t,))
    joined = [a + b for a, b in zip(terms, terms[1:], strict=False)
              if a + b in vocab and a not in vocab and a + b not in terms]
    return out + joined


def _count(term: str) -> bool:
    return term.startswith("#") and term[1:].isdigit()


def with_targets_reached(terms: list[str], vocab: set[str]) -> list[str]:
    """A statement's terms plus the commitment counts its own counts reach: "512 patients" meets a target
    of "500 patients", "thirty-one elders" one of "at least 30". A count a little above a target (up to a
    fifth more) is that target met; further above it is most often a count of something else."""
    targets = [int(t[1:]) for t in vocab if t.startswith("#") and t[1:].isdigit() and int(t[1:]) >= 10]
    counts = [int(t[1:]) for t, after in zip(terms, [*terms[1:], ""], strict=False) if _count(t)
              and not (_count(after) and int(after[1:]) > int(t[1:]))]  # "57 of 139 workers" is a share
    reached = {f"#{n}" for c in counts for n in targets if n < c <= n * 6 // 5}
    return terms + sorted(reached - set(terms))


def commitment_terms(commitments: Sequence[CommitmentRef], ignore_terms: frozenset[str],
                     name_terms: frozenset[str]) -> tuple[list[list[str]], set[str], set[str]]:
    """(each commitment's BM25 terms (match_terms), their vocabulary, the left-out terms that are no
    commitment term): what statement_terms needs to put statements into the same terms."""
    c_terms = [match_terms(c.text, ignore_terms, name_terms) for c in commitments]
    vocab = {t for terms in c_terms for t in terms}
    # a compound may join a left-out word (a party's name word) to a commitment term
    left_out = {match_key(t) for t in ignore_terms} - vocab
    return c_terms, vocab, left_out


def statement_terms(statements: Sequence[StatementRef], ignore_terms: frozenset[str], name_terms: frozenset[str],
                    vocab: set[str], left_out: set[str]) -> list[list[str]]:
    """Each statement's BM25 terms against commitments of `vocab` (see commitment_terms): compounds
    written the other way joined or split (with_compounds), left-out terms dropped."""
    known = vocab | left_out
    return [with_targets_reached([t for t in with_compounds(match_terms(s.text, ignore_terms, name_terms), known)
                                  if t not in left_out], vocab)
            for s in statements]


def score_pairs(statements: Sequence[StatementRef], commitments: Sequence[CommitmentRef], *,
                statement_vectors: np.ndarray | None, commitment_vectors: np.ndarray | None,
                config: MatchConfig, ignore_terms: frozenset[str] = frozenset(),
                cosine: np.ndarray | None = None, name_terms: frozenset[str] = frozenset(),
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(bm25 raw, bm25 normalised, cosine, fused), each (statements x commitments); terms as
    match_terms leaves them."""
    c_terms, vocab, left_out = commitment_terms(commitments, ignore_terms, name_terms)
    s_terms = statement_terms(statements, ignore_terms, name_terms, vocab, left_out)
    bm25 = BM25(c_terms, k1=config.k1, b=config.b)
    raw = bm25.scores(s_terms) if commitments else np.zeros((len(statements), 0))
    norm = np.clip(bm25.normalised(raw), 0.0, 1.0) if commitments else raw
    if cosine is not None and config.method != "bm25":
        cosine = np.asarray(cosine, dtype=np.float64).reshape(norm.shape)
    elif config.method != "bm25" and statement_vectors is not None and commitment_vectors is not None \
            and len(statements) and len(commitments):
        cosine = np.asarray(statement_vectors, dtype=np.float64) @ np.asarray(commitment_vectors, dtype=np.float64).T
    else:
        cosine = np.zeros_like(norm)
    across = languages_differ(statements, commitments) if config.method == "hybrid" else None
    return raw, norm, cosine, fuse(norm, cosine, config, across)


def fuse(bm25_norm: np.ndarray | float, cosine: np.ndarray | float, config: MatchConfig,
         across: np.ndarray | bool | None = None) -> np.ndarray:
    """The method's score of (statement, commitment) pairs from normalised BM25 and cosine; a row
    (the last axis) holds one statement's scores against the commitments it is compared with.

    Hybrid: w * bm25 + (1 - w) * cosine_term, where
    - w is `bm25_weight` for a statement and commitment written in the same language and
      `bm25_weight_across_languages` where `across` says they are not: across languages BM25 sees
      only the glossary's words, names and numbers, so the sentence model's reading counts more;
    - cosine_term = max(cosine - g * (best - cosine), 0), best = the statement's highest cosine in
      its row, g = `cosine_gap_weight`. The small sentence model puts every commitment of the
      statement's topic at 0.4-0.5; its cosine speaks for the one it reads closest, and a
      commitment trailing that one by d loses g * d. (A single pair, or a row of one: no gap.)"""
    b = np.asarray(bm25_norm, dtype=np.float64)
    c = np.asarray(cosine, dtype=np.float64)
    if config.method == "bm25":
        return b
    if config.method == "embedding":
        return c
    best = c.max(axis=-1, keepdims=True) if c.ndim and c.shape[-1] else c
    term = np.clip(c - config.cosine_gap_weight * (best - c), 0.0, None)
    w = bm25_weight(config, across if across is not None else False)
    return w * b + (1 - w) * term


def bm25_weight(config: MatchConfig, across: np.ndarray | bool) -> np.ndarray:
    """The hybrid's BM25 weight of pairs in the same language (False) or across languages (True)."""
    return np.where(across, config.bm25_weight_across_languages, config.bm25_weight)


def languages_differ(statements: Sequence[StatementRef], commitments: Sequence[CommitmentRef]) -> np.ndarray:
    """(statements x commitments): True where one is written in English and the other in Indonesian."""
    s_en = np.array([detect_language(s.text) == "en" for s in statements], dtype=bool)
    c_en = np.array([detect_language(c.text) == "en" for c in commitments], dtype=bool)
    return s_en[:, None] != c_en[None, :]


# Joints between two reported activities in one sentence ("A was done, as well as B"; "A …,
# sementara tim lain menyerahkan B"). Plain "dan"/"and" mostly joins nouns, so it is not one.
_PART_JOINT = re.compile(r"\s*;\s*|,?\s+(?:serta|sekaligus|sementara(?:\s+itu)?|sedangkan|dan\s+juga|"
                         r"as\s+well\s+as|while|whereas|and\s+also)\s+", re.IGNORECASE)


def statement_parts(text: str, min_terms: int = 3) -> list[str]:
    """The activities a sentence joins, when it joins two or more of at least `min_terms` terms each;
    else []."""
    parts = [p.strip() for p in _PART_JOINT.split(text) if p and p.strip()]
    if len(parts) < 2 or any(len(analyze(p)) < min_terms for p in parts):
        return []
    return parts
