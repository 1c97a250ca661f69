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
from functools import lru_cache

from extractor.common_words import capitalised_by_position, is_common_word
from extractor.matching_text import detect_language
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
from extractor.party_refs import core_words, place_of

# words of organisation names that name no particular body (kinds, levels, fields, legal forms),
# beyond the kind words party_refs.core_words leaves out already
_BODY_WORDS = frozenset(["sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "slb", "mts", "mtsn", "man", "min", "paud",  # school kinds
                         "bagi", "bank", "besar", "biro", "board", "bureau", "court", "dengan", "desa", "dewan", "himpunan", "ikatan", "kab", "kec", "kecamatan", "kejaksaan", "kel", "kelurahan", "kepolisian", "majelis", "markas", "nasional", "national", "negara", "pelaksana", "pemda", "pengadilan", "police", "polisi", "program", "project", "prov", "proyek", "rakyat", "religious", "resor", "secretariat", "sekretariat", "serta", "teknis", "upt", "uptd", "with"])
_COMMON = frozenset(
    GENERIC | KIND_WORDS | LEGAL_FORMS | NAME_HEADS | set(ORG_WORDS) | set(ORG_WORDS.values())
    | set(HEAD_SWAP) | {w for ids in HEAD_SWAP.values() for i in ids for w in i.split()}
    | set(COMPASS) | set(COMPASS.values()) | set(AGENCY_LEVEL_ID) | set(AGENCY_LEVEL_ID.values())
    | {w for phrase in (*AGENCY_FIELD_ID, *AGENCY_FIELD_ID.values(), *DINAS_SHORT) for w in phrase.split()}
    | {w for shorts in DINAS_SHORT.values() for short in shorts for w in short.split()}  # "Dinsos": any regency's
    | _BODY_WORDS)

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")


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
    lang = detect_language(text)
    for m in _WORD.finditer(text):
        word = m.group(0)
        for part in fold(word).split():
            if not word[0].isupper():
                common.add(part)
            elif not (is_common_word(part, lang) and capitalised_by_position(text, m.start())
                      and _LOWER_NEXT.match(text, m.end())):
                # a dictionary word capitalised only as a sentence's first word, a lower-case word after it
                # ("Benih dibagikan ..."), is no name; "Kupang, 3 Mei" and "Tanjung Wangi" may be
                proper.add(part)
    return frozenset(proper - common)


_LEVEL_EN = {"regency": "kabupaten", "city": "kota", "province": "provinsi"}
_LEVEL_FORMS = {"kabupaten": ("kabupaten {}", "kab {}", "pemkab {}", "{} regency"),
                "kota": ("kota {}", "pemkot {}", "{} city", "city of {}"),
                "provinsi": ("provinsi {}", "pemprov {}", "{} province", "province of {}")}


@lru_cache(maxsize=8192)
def party_place(name: str) -> tuple[str, str] | None:
    """(level, place) of a body of one regency, city or province by its name: ("kabupaten", "sapta
    rawa") of "Dinas Sosial Kabupaten Sapta Rawa" and of "the Social Affairs Office of Sapta Rawa
    Regency"."""
    found = place_of(name)
    if found:
        return {"kab": "kabupaten", **_LEVEL_EN}.get(found[1], found[1]), " ".join(found[2])
    words = fold(name).split()
    for i, w in enumerate(words):
        if w in _LEVEL_EN and i:
            place = []
            for before in reversed(words[max(0, i - 3):i]):
                if before in _COMMON or before in ("of", "the"):
                    break
                place.insert(0, before)
            return (_LEVEL_EN[w], " ".join(place)) if place else None
    return None


def place_named(text: str, level: str, place: str) -> bool:
    """The text names the regency, city or province by its level and place ("Kabupaten Sapta Rawa",
    "Pemkab Sapta Rawa", "Sapta Rawa Regency")."""
    folded = f" {fold(text)} "
    return any(f" {form.format(place)} " in folded for form in _LEVEL_FORMS.get(level, ()))


@dataclass(frozen=True)
class SoftName:
    """The words by which a report softly names the parties of one agreement."""
    agreement_id: int
    found: tuple[tuple[str, tuple[str, ...]], ...]  # (party name, its words found), each party named
    # parties with no word of their own (a regency's office whose partner is of the same regency),
    # found by their regency, city or province named with its level word
    by_place: tuple[str, ...] = ()

    def words(self) -> frozenset[str]:
        return frozenset(w for _, found in self.found for w in found)

    def reason(self) -> str:
        return "parties named by words of their names: " + "; ".join(
            f"{name} ({', '.join(words)})" for name, words in self.found)


@lru_cache(maxsize=4096)
def own_words(agreement: AgreementRef) -> tuple[tuple[str, frozenset[str]], ...]:
    """(party name, its distinctive words that are no word of a partner's names) per party."""
    words = [(p.name, distinctive_words((p.name, *p.aliases))) for p in agreement.parties]
    return tuple((name, ws - set().union(*(w for j, (_, w) in enumerate(words) if j != i)))
                 for i, (name, ws) in enumerate(words))


def names_party_softly(org: str, agreement: AgreementRef) -> str | None:
    """The party an organisation's name names by words of that party's own ("Kantor Pos" of "PT Pos
    Indonesia (Persero) Kantor Cabang X", "RS Kasih Ibu" of "Rumah Sakit Umum Kasih Ibu X"): every
    distinctive word of the name is one of the party's own words; None otherwise."""
    words = distinctive_words((org,))
    found = [name for name, own in own_words(agreement) if words and words <= own]
    return found[0] if len(found) == 1 else None


class SoftNameIndex:
    """The distinctive words of every party of a set of agreements (less its partners' words) and
    the agreements each word may name; built once per set of agreements."""

    def __init__(self, agreements: Sequence[AgreementRef]) -> None:
        self.agreements = {ag.id: ag for ag in agreements}
        self.parties: dict[int, list[tuple[str, frozenset[str]]]] = {}
        self.places: dict[str, tuple[str, str] | None] = {}
        self.agreements_of: dict[str, set[int]] = {}
        for ag in agreements:
            if len(ag.parties) < 2:
                continue
            self.parties[ag.id] = list(own_words(ag))
            for name, own in self.parties[ag.id]:
                if not own:
                    self.places[name] = party_place(name)
                for w in own:
                    self.agreements_of.setdefault(w, set()).add(ag.id)

    def soft_names(self, text: str) -> list[SoftName]:
        """Agreements at least two parties of which the text names by one of their own words (not a
        word of a partner's name too), by agreement id. A party with no word of its own counts when
        the text names its regency, city or province and another party is named by its own words
        ("RS Kasih Sehat" and "Kabupaten Lima Puluh" for the regency's civil registry office and
        the hospital Kasih Sehat Lima Puluh)."""
        proper = proper_words(text)
        candidates = set().union(*(self.agreements_of.get(w, set()) for w in proper)) if proper else set()
        out = []
        for ag_id in sorted(candidates):
            found = [(name, tuple(sorted(words & proper))) for name, words in self.parties[ag_id]]
            found = [(name, ws) for name, ws in found if ws]
            by_place = []
            if found:
                for name, words in self.parties[ag_id]:
                    place = self.places.get(name) if not words else None
                    if place and set(place[1].split()) <= proper and place_named(text, *place):
                        found.append((name, tuple(place[1].split())))
                        by_place.append(name)
            if len(found) >= 2:  # as link_report: two parties of an agreement of three or more
                out.append(SoftName(ag_id, tuple(found), tuple(by_place)))
        return out
