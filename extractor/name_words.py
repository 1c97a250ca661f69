"""Soft naming: the parties a report names by the distinctive words of their names.

Reports name bodies in ways no list of name forms keeps up with ("Pemda Nanggala", "the Kalimaya
team", "kampus Wiradarma", an English name of an Indonesian office). What they keep is the proper
words: the place, the proper name of a university or company. A party is softly named when a
report writes one of its own distinctive words as a proper word (capitalised); an agreement, when
two of its parties are (both, of two). linking.link_by_soft_names links a softly named agreement as
two names do, except where the passage holding the words names another body of a party's kind, the
words belong to a body the report names by a name form, or the same words name two agreements.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.matching_types import AgreementRef
from extractor.orgs import (
    AGENCY_FIELD_ID,
    AGENCY_LEVEL_ID,
    COMPASS,
    DINAS_SHORT,
    GENERIC,
    HEAD_SWAP,
    KIND_WORDS,
    LEGAL_FORMS,
    NAME_HEADS,
    ORG_WORDS,
    fold,
)
from extractor.party_refs import core_words

# words of organisation names that name no particular body (kinds, levels, fields, legal forms),
# beyond the kind words party_refs.core_words leaves out already
_BODY_WORDS = frozenset(["bagi", "bank", "besar", "biro", "board", "bureau", "court", "dengan", "desa", "dewan", "himpunan", "ikatan", "kab", "kec", "kecamatan", "kejaksaan", "kel", "kelurahan", "kepolisian", "majelis", "markas", "nasional", "national", "negara", "pelaksana", "pemda", "pengadilan", "police", "polisi", "program", "project", "prov", "proyek", "rakyat", "religious", "resor", "secretariat", "sekretariat", "serta", "teknis", "upt", "uptd", "with"])
_COMMON = frozenset(
    GENERIC | KIND_WORDS | LEGAL_FORMS | NAME_HEADS | set(ORG_WORDS) | set(ORG_WORDS.values())
    | set(HEAD_SWAP) | {w for ids in HEAD_SWAP.values() for i in ids for w in i.split()}
    | set(COMPASS) | set(COMPASS.values()) | set(AGENCY_LEVEL_ID) | set(AGENCY_LEVEL_ID.values())
    | {w for phrase in (*AGENCY_FIELD_ID, *AGENCY_FIELD_ID.values(), *DINAS_SHORT) for w in phrase.split()}
    | _BODY_WORDS)

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def distinctive_words(names: Sequence[str]) -> frozenset[str]:
    """The folded words of an organisation's names that are proper words of it: its core words
    (party_refs.core_words: no kind words, honorifics or numbers) that are no level, field or
    body word either, at least three letters."""
    return frozenset(w for name in names for w in core_words(name) if len(w) >= 3 and w not in _COMMON)


def proper_words(text: str) -> frozenset[str]:
    """Folded words the text writes as proper words (capitalised, or in a line of capitals) and
    never in lower case: "Nanggala", "WIRADARMA"; not "timbang" where the text also writes
    "ditimbang" or "timbang" as a common word."""
    proper, common = set(), set()
    for m in _WORD.finditer(text):
        word = m.group(0)
        for part in fold(word).split():
            (proper if word[0].isupper() else common).add(part)
    return frozenset(proper - common)


@dataclass(frozen=True)
class SoftName:
    """The words by which a report softly names the parties of one agreement."""
    agreement_id: int
    found: tuple[tuple[str, tuple[str, ...]], ...]  # (party name, its words found), each party named

    def words(self) -> frozenset[str]:
        return frozenset(w for _, found in self.found for w in found)

    def reason(self) -> str:
        return "parties named by words of their names: " + "; ".join(
            f"{name} ({', '.join(words)})" for name, words in self.found)


class SoftNameIndex:
    """The distinctive words of every party of a set of agreements (less its partners' words) and
    the agreements each word may name; built once per set of agreements."""

    def __init__(self, agreements: Sequence[AgreementRef]) -> None:
        self.agreements = {ag.id: ag for ag in agreements}
        self.parties: dict[int, list[tuple[str, frozenset[str]]]] = {}
        self.agreements_of: dict[str, set[int]] = {}
        for ag in agreements:
            if len(ag.parties) < 2:
                continue
            words = [(p.name, distinctive_words((p.name, *p.aliases))) for p in ag.parties]
            own = []
            for i, (name, ws) in enumerate(words):
                partners = set().union(*(w for j, (_, w) in enumerate(words) if j != i))
                own.append((name, frozenset(ws - partners)))
                for w in ws - partners:
                    self.agreements_of.setdefault(w, set()).add(ag.id)
            self.parties[ag.id] = own

    def soft_names(self, text: str) -> list[SoftName]:
        """Agreements at least two parties of which the text names by one of their own words (not a
        word of a partner's name too), by agreement id."""
        proper = proper_words(text)
        candidates = set().union(*(self.agreements_of.get(w, set()) for w in proper)) if proper else set()
        out = []
        for ag_id in sorted(candidates):
            found = [(name, tuple(sorted(words & proper))) for name, words in self.parties[ag_id]]
            found = [(name, ws) for name, ws in found if ws]
            if len(found) >= 2:  # as link_report: two parties of an agreement of three or more
                out.append(SoftName(ag_id, tuple(found)))
        return out
