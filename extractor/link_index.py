"""Linking a report against many stored agreements: which agreements COULD it link to, found
through an index instead of asking every party of every agreement (matching.party_named), and the
content link's BM25 over all open commitments built once.

1. LinkIndex (candidate prefilter). `party_named(text, party, ...)` is true only through one of
   these, each of which needs certain words in the report's folded text:
   - a literal of the party's signature (orgs.mentions: as written, with compass words translated,
     or its words within a window after ORG_WORDS translation): every word of the literal;
   - an acronym-and-tail form ("stikes cendana husada"): every word of the tail;
   - a typed signature (type, place): every word of one variant of the place;
   - an agency named by its field (orgs.agency_by_field): the place's words (the field's, when the
     place is all generic words);
   - the proper-name core with a word of its kind, or a company's first word after "PT"
     (party_refs.core_named): every word of one of party_refs.core_requirements;
   - an official's name (party_refs.person_named): every word of the name;
   - an acronym or syllable short form (party_refs.acronym_named): a capitalised token run that
     spells two or more leading words of the name, and the rest of the name (unless it is only
     kind words) after it or, for a level word ("Kota"), its place elsewhere; with nothing left, no
     other capitalised name right after it - found by walking a trie of the names' words with the
     report's token runs (the same spelling rule as party_refs._spells).
   An agreement's number is cited only when every word of it is in the text.
   Words are compared in one normal form (compass words to Indonesian, organisation words to
   English: orgs.COMPASS, orgs.ORG_WORDS) so that translated and compass-text matches are kept.
   An agreement is a candidate when every word of one of these requirements is in the report (or
   a short-form path may name it); agreements whose requirement has no word are always candidates.
   Every link of link_report and link_one_party needs a named party or a cited number, and their
   rules across agreements (a party referred to by kind completing two agreements; one party named
   in several agreements; a partner busy in a linked agreement) look only at agreements with a
   named party, so both give the same result over the candidates as over all agreements.
2. ContentIndex: link_by_content's BM25 over every open commitment, party names of every agreement
   left out, built once per set of open commitments; per report a sparse product gives each
   agreement's best statement-commitment score - exactly the ranking link_by_content computes
   (same terms, same BM25 matrix), over all commitments, without rebuilding it.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from extractor.matching_scores import BM25, commitment_terms, name_term_filter, statement_terms
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.name_words import SoftNameIndex
from extractor.orgs import (
    _AGENCY,
    COMPASS,
    LOCAL_GOVERNMENTS,
    ORG_WORDS,
    _place,
    _place_variants,
    fold,
    other_language_names,
    signature,
)
from extractor.party_refs import (
    _HONORIFICS,
    _KIND,
    _LEVELS,
    _acronym_runs,
    _rest_follows,
    core_requirements,
    kind_of,
    spelled_names,
)


def norm_word(word: str) -> str:
    """One form for a word and its translations: compass words in Indonesian, organisation words in
    English ("north" -> "utara", "universitas" -> "university")."""
    word = COMPASS.get(word, word)
    return ORG_WORDS.get(word, word)


def text_keys(text: str) -> frozenset[str]:
    return frozenset(norm_word(w) for w in fold(text).split())


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(norm_word(w) for w in fold(phrase).split()))


@lru_cache(maxsize=262_144)  # an index over the same parties plus a new agreement is rebuilt quickly
def party_requirements(party: PartyRef) -> tuple[tuple[str, ...], ...]:
    """Word sets (normal forms) one of which the report must contain all of for party_named to be
    true other than by a short form; an empty set means "always possible"."""
    sig = signature(party.name, party.aliases)
    out: list[tuple[str, ...]] = [_words(lit) for lit in sig.literals]
    out += [_words(tail) for _, tail in sig.acronym_tails]
    for _, place in sig.typed:
        out += [_words(v) for v in _place_variants(place)]
    for name in (party.name, *party.aliases):
        # an agency by its field, its name perhaps in the other language (orgs.agency_by_field)
        for m in filter(None, (_AGENCY.match(n) for n in (fold(name), *map(fold, other_language_names(fold(name)))))):
            kind, fld, _, place = m.groups()
            words = _place(place.split())
            if words.strip():
                out.append(_words(words))
            else:  # no place word: named by its field and kind alone
                out += [_words(w) for w in (kind, *fld.split())]
        if kind_of(name) not in (None, *LOCAL_GOVERNMENTS):  # core_named: never for these kinds
            out += [_words(" ".join(words)) for words in core_requirements(name)]
    for person in party.people:
        words = [w for w in fold(re.sub(r",.*$", "", person)).split() if w not in _HONORIFICS and len(w) > 1]
        if len(words) >= 2:
            out.append(_words(" ".join(words)))
    return tuple(out)


def number_requirements(number: str | None) -> list[tuple[str, ...]]:
    return [_words(n) for n in (number or "").split(";") if n.strip() and len(fold(n).strip()) >= 6]


def _rest_requirement(rest: Sequence[str]) -> tuple[str, ...] | None:
    """What acronym_named needs of the words a short form leaves out: None when nothing (none left,
    or kind words only), else words the report must contain (all of them right after the short
    form, or a level word's place anywhere)."""
    if not rest or all(w in _KIND for w in rest):
        return None
    need = rest[1:] if rest[0] in _LEVELS and len(rest) > 1 else rest
    return tuple(dict.fromkeys(norm_word(w) for w in need))


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    by_letter: dict[str, list[tuple[str, _Node]]] = field(default_factory=dict)
    free: set[int] = field(default_factory=set)  # agreements named by a short form ending here alone
    # rarest word of the rest -> [(the rest's words, agreement)]: named by a short form ending here
    # when the report has these words
    needs: dict[str, list[tuple[frozenset[str], int]]] = field(default_factory=dict)


def _max_chunk(letters: str, pos: int, word: str) -> int:
    """The longest n such that letters[pos:pos + n] is a subsequence of `word` starting with its first
    letter (party_refs._subsequence_from_start; shorter chunks then are too)."""
    if pos >= len(letters) or letters[pos] != word[0]:
        return 0
    i = pos
    for ch in word:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i - pos


class LinkIndex:
    """Agreements a report could link to (a superset of link_report's and link_one_party's)."""

    def __init__(self, agreements: Sequence[AgreementRef]) -> None:
        self.agreements = list(agreements)
        self.always: set[int] = set()
        reqs: list[tuple[int, tuple[str, ...]]] = []
        for ag in self.agreements:
            for party in ag.parties:
                reqs += [(ag.id, r) for r in party_requirements(party)]
            reqs += [(ag.id, r) for r in number_requirements(ag.number)]
        names = [(ag.id, words) for ag in self.agreements for p in ag.parties
                 for n in (p.name, *p.aliases) for words in spelled_names(n)]
        df: dict[str, int] = {}
        for _, words in reqs:
            for w in words:
                df[w] = df.get(w, 0) + 1
        for _, words in names:
            for w in words:
                df[norm_word(w)] = df.get(norm_word(w), 0) + 1
        self._df = df
        # word -> [(all words needed, agreement id)], posted under the requirement's rarest word
        self.postings: dict[str, list[tuple[frozenset[str], int]]] = {}
        for ag_id, words in reqs:
            if not words:
                self.always.add(ag_id)
                continue
            self._post(words, ag_id)
        self.root = _Node()
        for ag_id, words in names:
            if len(words) >= 2:
                self._insert(words, ag_id)

    def _post(self, words: tuple[str, ...], ag_id: int) -> None:
        key = min(words, key=lambda w: (self._df.get(w, 0), w))
        self.postings.setdefault(key, []).append((frozenset(words), ag_id))

    def _insert(self, words: tuple[str, ...], ag_id: int) -> None:
        node = self.root
        for depth, word in enumerate(words, start=1):
            child = node.children.get(word)
            if child is None:
                child = node.children[word] = _Node()
                node.by_letter.setdefault(word[0], []).append((word, child))
            node = child
            if depth >= 2:
                need = _rest_requirement(words[depth:])
                if need is None:
                    node.free.add(ag_id)
                else:
                    key = min(need, key=lambda w: (self._df.get(w, 0), w))
                    node.needs.setdefault(key, []).append((frozenset(need), ag_id))

    def _spelled(self, letters: str) -> list[_Node]:
        """Trie nodes at depth >= 2 whose words `letters` spells completely (party_refs._spells)."""
        out: list[_Node] = []
        seen: set[tuple[int, int]] = set()
        stack = [(self.root, 0, 0)]
        while stack:
            node, pos, depth = stack.pop()
            if pos == len(letters):
                if depth >= 2:
                    out.append(node)
                continue
            for word, child in node.by_letter.get(letters[pos], ()):
                for n in range(1, _max_chunk(letters, pos, word) + 1):
                    state = (id(child), pos + n)
                    if state not in seen:
                        seen.add(state)
                        stack.append((child, pos + n, depth + 1))
        return out

    def candidate_ids(self, text: str) -> set[int]:
        keys = text_keys(text)
        found = set(self.always)
        for key in keys:
            for words, ag_id in self.postings.get(key, ()):
                if ag_id not in found and words <= keys:
                    found.add(ag_id)
        done: set[tuple[str, bool]] = set()
        for letters, end, _ in _acronym_runs(text):
            # a short form of the whole name (or all but kind words) needs no other capitalised name
            # right after it (party_refs._rest_follows with nothing left)
            whole = _rest_follows([], text[end:])
            if len(letters) < 3 or (letters, whole) in done:
                continue
            done.add((letters, whole))
            for node in self._spelled(letters):
                if whole:
                    found |= node.free
                hits = keys.intersection(node.needs) if len(node.needs) > len(keys) else \
                    [k for k in node.needs if k in keys]
                for key in hits:
                    found.update(ag_id for need, ag_id in node.needs[key] if need <= keys)
        return found

    def candidates(self, text: str) -> list[AgreementRef]:
        """The agreements the report could link to, in the order they were given."""
        ids = self.candidate_ids(text)
        return [a for a in self.agreements if a.id in ids]


class ContentIndex:
    """link_by_content's BM25 (commitments' terms, every agreement's party-name terms and the
    agreement-kind terms left out), built once for a set of open commitments."""

    def __init__(self, agreements: Sequence[AgreementRef], commitments: Sequence[CommitmentRef],
                 config: MatchConfig = MatchConfig()) -> None:  # noqa: B008 (frozen)
        with_commitments = {c.agreement_id for c in commitments}
        agreements = [ag for ag in agreements if ag.id in with_commitments]
        self.ignore, self.names = name_term_filter(agreements, commitments)
        c_terms, self.vocab, self.left_out = commitment_terms(commitments, self.ignore, self.names)
        self.bm25 = BM25(c_terms, k1=config.k1, b=config.b)
        self.agreement_of = np.array([c.agreement_id for c in commitments], dtype=np.int64)
        self.size = len(commitments)

    def ranking(self, statements: Sequence[StatementRef]) -> list[tuple[int, tuple[float, int]]]:
        """[(agreement id, (its best normalised BM25 over statements x its commitments, position of
        that commitment))], best first (ties by id), agreements scoring 0 left out - as
        link_by_content ranks them."""
        if not self.size or not statements:
            return []
        s_terms = statement_terms(statements, self.ignore, self.names, self.vocab, self.left_out)
        norm = np.clip(self.bm25.normalised(self.bm25.scores(s_terms)), 0.0, 1.0)
        best = norm.max(axis=0)
        cols = np.nonzero(best > 0)[0]
        if not len(cols):
            return []
        ags = self.agreement_of[cols]
        # per agreement, its first commitment with the highest score (link_by_content keeps the first)
        order = np.lexsort((cols, -best[cols], ags))
        first = np.ones(len(order), dtype=bool)
        first[1:] = ags[order][1:] != ags[order][:-1]
        picked = order[first]
        ranked = [(int(ags[k]), (float(best[cols[k]]), int(cols[k]))) for k in picked]
        return sorted(ranked, key=lambda kv: (-kv[1][0], kv[0]))


# ---- caches keyed by what the indexes are built from ----------------------------------------------

# Keys of the caches: Python's 64-bit hash of the frozen refs (their every field) and their count,
# computed in ~0.1 s for 100,000 commitments (a cryptographic digest of the texts took 0.4-0.8 s per
# report); a false hit would need a 64-bit collision between two states of the store.
def agreements_key(agreements: Sequence[AgreementRef]) -> tuple[int, int]:
    return len(agreements), hash(tuple(agreements))


def commitments_key(agreements: Sequence[AgreementRef], commitments: Sequence[CommitmentRef],
                    config: MatchConfig) -> tuple:
    return config.k1, config.b, agreements_key(agreements), len(commitments), hash(tuple(commitments))


class _Cache:
    def __init__(self, size: int = 2) -> None:
        self.size = size
        self.items: dict[tuple, object] = {}
        self.lock = threading.Lock()

    def get(self, key: tuple, build):
        with self.lock:
            if key in self.items:
                self.items[key] = self.items.pop(key)  # most recent last
                return self.items[key]
        value = build()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.pop(next(iter(self.items)))
        return value


_name_indexes = _Cache()
_content_indexes = _Cache()


def name_indexes_for(agreements: Sequence[AgreementRef]) -> tuple[LinkIndex, SoftNameIndex]:
    """The LinkIndex and the SoftNameIndex of these agreements, built once while they stay the same
    (one cache key for both: hashing 10,000 agreements takes ~25 ms)."""
    return _name_indexes.get(agreements_key(agreements), lambda: (LinkIndex(agreements), SoftNameIndex(agreements)))


def content_index_for(agreements: Sequence[AgreementRef], commitments: Sequence[CommitmentRef],
                      config: MatchConfig = MatchConfig()) -> ContentIndex:  # noqa: B008
    """The ContentIndex of these open commitments, built once while they stay the same."""
    return _content_indexes.get(commitments_key(agreements, commitments, config),
                                lambda: ContentIndex(agreements, commitments, config))
