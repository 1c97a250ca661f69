"""Which of an agreement's parties a report's text names, and how: by a name or alias, a short form or
acronym, an official's name, its kind alone ("the University", "Pemkab", the bare word "dinas"), and
which organisation of a party's kind it names that is none of them."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractor.link_scope import passages_where
from extractor.matching_types import (
    AgreementRef,
    PartyRef,
)
from extractor.name_words import (
    distinctive_words,
)
from extractor.orgs import (
    OrgSignature,
    agency_by_field,
    fold,
    mentions,
    signature,
)
from extractor.party_refs import (
    KINDS,
    acronym_named,
    core_named,
    core_words,
    kind_of,
    others_of_kind,
    person_named,
    referred_by_kind,
)


def party_named(text: str, party: PartyRef, partners: Sequence[PartyRef], *, folded: str | None = None) -> bool:
    """Does the text name `party`? A name or place of it written only inside a partner's longer name
    does not count: the city's bare place "Teluk Damar" inside "Politeknik Negeri Teluk Damar", or
    "Kabupaten X" inside "Kantor Pertanahan Kabupaten X", names the partner, not the government."""
    folded = folded if folded is not None else fold(text)
    sig = _without_bare_kind(text, signature(party.name, party.aliases))
    own_forms = {*sig.literals, *(f" {place} " for _, place in sig.typed)}
    longer = sorted({lit for p in partners if p.name != party.name
                     for lit in signature(p.name, p.aliases).literals
                     if lit not in sig.literals and any(own != lit and own in lit for own in own_forms)},
                    key=len, reverse=True)
    for lit in longer:
        folded = folded.replace(lit, " ")
    if mentions(text, sig, folded=folded) or agency_by_field(text, party.name, folded=folded):
        return True
    # an acronym or syllable short form ("UTD PMI", "Poltekpar X"), the proper-name core with a word
    # of its kind ("RSUD Harapan Kasih" for "... Daerah dr. Harapan Kasih"); see party_refs
    if any(acronym_named(text, n) or core_named(text, n, folded=folded) for n in (party.name, *party.aliases)):
        return True
    # its signatory or another of its officials in the agreement, by name ("Rektor Hendra Wiratama")
    return any(person_named(text, person, folded=folded) for person in party.people)


def _without_bare_kind(text: str, sig: OrgSignature) -> OrgSignature:
    """`sig` without a defined short name that is the name's own kind word ("DINAS" for "Dinas
    Perpustakaan ... Kabupaten X") where the text writes that word only at the head of a name
    ("Dinas Perpustakaan Kabupaten Y"): that is another organisation of the kind, not this one. Nor
    where the text names another organisation of the kind ("Koperasi Tani Dolok ... koperasi tersebut"):
    the bare word may be that one."""
    first = fold(sig.name).split()[:1]
    if not first or f" {first[0]} " not in sig.literals:
        return sig
    word = "|".join(map(re.escape, (first[0], first[0].capitalize(), first[0].upper())))
    if re.search(rf"\b(?:{word})\b(?![ \t]+[A-Z])", text) and not _another_of_kind(text, word, sig.name):
        return sig
    return replace(sig, literals=tuple(lit for lit in sig.literals if lit != f" {first[0]} "))


def _another_of_kind(text: str, kind_word: str, own_name: str) -> bool:
    """A name the text writes after the kind word with a word of its own that is no acronym: "Koperasi Tani
    Dolok" is another cooperative; "Dinas PUPR Kabupaten X" may be this office by its field's acronym."""
    own = distinctive_words((own_name,))
    for m in re.finditer(rf"\b(?:{kind_word})(?:[ \t]+[A-Z][\w'-]*)+", text):
        if any(w not in own and not re.search(rf"\b{w.upper()}\b", m.group(0))
               for w in distinctive_words((m.group(0),))):
            return True
    return False


def with_people(parties: Sequence[PartyRef], officials: Sequence[tuple[str, str | None]]) -> tuple[PartyRef, ...]:
    """The parties with the names of the agreement's officials (name, organisation) of each: an
    official belongs to the one party its organisation names."""
    out = []
    for party in parties:
        sig = signature(party.name, party.aliases)
        people = [name for name, org in officials if org and mentions(org, sig)
                  and sum(mentions(org, signature(p.name, p.aliases)) for p in parties) == 1]
        out.append(replace(party, people=tuple(dict.fromkeys((*party.people, *people)))))
    return tuple(out)


def party_forms(party: PartyRef) -> list[str]:
    """The folded forms in which a name is the party's own (party_refs.others_of_kind leaves such
    names out): its signature's literals, its places (" place ") and the proper-name cores of its
    names (" core words ")."""
    sig = signature(party.name, party.aliases)
    # a defined short name that is a bare kind word ("KOPERASI", "DINAS") would make every name of the kind its own
    return [*(lit for lit in sig.literals if lit.strip() not in _KIND_WORDS), *(f" {place} " for _, place in sig.typed),
            *(" " + " ".join(core_words(n)) + " " for n in (party.name, *party.aliases) if core_words(n))]


def party_referred(text: str, party: PartyRef, agreement: AgreementRef, named: Sequence[PartyRef]) -> str | None:
    """The phrase by which the text refers to `party` by its kind alone ("the University", "Pemkab",
    "the Rector"), when it is the agreement's only party of that kind and the text names no other
    organisation of that kind by name; None otherwise."""
    kind = kind_of(party.name)
    if kind is None and DINAS_NAME.match(party.name):
        return _office_referred(text, party, agreement)
    if kind is None or sum(kind_of(p.name) == kind for p in agreement.parties) != 1:
        return None
    ref = referred_by_kind(text, party.name)
    if ref is None:
        return None
    forms = [form for p in (party, *named) for form in party_forms(p)]
    # another organisation of the kind counts where the report speaks of this agreement: in a
    # sentence that refers to the party or names its partner ("X met Universitas Y; the University
    # ..."); one named in a sentence about other work is left out statement by statement
    # (or the organisation a sentence says the work is a partnership with)
    scope = passages_where(text, lambda s: referred_by_kind(s, party.name) is not None
                           or any(party_named(s, p, agreement.parties) for p in named)) + partners_of_work(text)
    if any(others_of_kind(s, kind, tuple(forms)) for s in scope):
        return None
    return ref


_KIND_WORDS = frozenset(mark for marks, _ in KINDS.values() for mark in marks)
DINAS_NAME = re.compile(r"(?i)dinas\s+(?P<field>.+?)\s+(?:kabupaten|kab\.?|kota|provinsi)\s")
BARE_DINAS = re.compile(r"\b[Dd]inas\b(?![ \t]+[A-Z])")
_NAMED_DINAS = re.compile(r"\bDinas[ \t]+(?P<field>[A-Z][\w]*(?:[ \t]+(?:dan[ \t]+)?[A-Z][\w]*)*)")


def _office_referred(text: str, party: PartyRef, agreement: AgreementRef) -> str | None:
    """"surat tugas dari dinas belum turun": a local office referred to by the bare word "dinas", when it
    is the agreement's only office and the text names no office of another field."""
    if sum(bool(DINAS_NAME.match(p.name)) for p in agreement.parties) != 1 or not BARE_DINAS.search(text):
        return None
    field = fold(DINAS_NAME.match(party.name)["field"]).strip()
    if any(not fold(m["field"]).strip().startswith(field) for m in _NAMED_DINAS.finditer(text)):
        return None
    return "dinas"


_LEGAL_WORDS = frozenset(("pt", "cv", "tbk", "pte", "ltd", "inc", "co", "corp", "bhd", "sdn", "persero"))


def short_form_of(found: str, text: str, party: PartyRef) -> bool:
    """Is `found` (an organisation of the party's kind named in `text`, "PT Reclaim") the party itself
    by a shorter name: every distinctive word of the whole capitalised name around it is one of the
    party's ("PT Reclaim" for "Reclaim Polymers Pte. Ltd.", "RS Kasih Ibu" for "Rumah Sakit Umum
    Kasih Ibu X"; not "PT Reclaim Logistik")?"""
    words = distinctive_words((_whole_name(text, found),))
    return bool(words) and words <= distinctive_words((party.name, *party.aliases))


def _whole_name(text: str, found: str) -> str:
    """`found` with the capitalised words that follow it in `text` ("RS Kasih" -> "RS Kasih Ibu")."""
    at = text.find(found)
    rest = re.match(r"(?:[ \t]+[A-Z][\w'-]*)*", text[at + len(found):]) if at >= 0 else None
    return found + (rest.group(0) if rest else "")


def other_of_kind(text: str, party: PartyRef, parties: Sequence[PartyRef]) -> str | None:
    """An organisation of `party`'s kind the text names by a name that is none of `parties` (nor a
    short form of `party`): "PT Segar Abadi" next to a company party, "Universitas Lain" next to a
    university; None when the kind is not one, or several parties are of it."""
    kind = kind_of(party.name)
    if kind is None or sum(kind_of(p.name) == kind for p in parties) != 1:
        return None
    forms = [form for p in parties for form in party_forms(p)]
    return next((found.strip() for found in others_of_kind(text, kind, tuple(forms))
                 if not short_form_of(found, text, party)), None)


# "kelas kerja sama dengan Pemerintah Kabupaten Y", "in partnership with the X City Government":
# the work named is that partnership's
PARTNERSHIP_WITH = re.compile(
    r"\b(?:(?:hasil\s+)?(?:be)?kerja\s*sama\s+dengan|bermitra\s+dengan|in\s+(?:cooperation|partnership|"
    r"collaboration)\s+with|(?:run|organi[sz]ed|funded)\s+(?:jointly\s+)?with)\s+(?P<org>[^.;]{3,160})",
    re.IGNORECASE)


def partners_of_work(text: str) -> list[str]:
    """The organisations the text says its work was done in partnership with ("hasil kerja sama
    dengan Pemerintah Kabupaten Y", "a drive organised with the Y Red Cross unit")."""
    return [m["org"] for m in PARTNERSHIP_WITH.finditer(text)]


# "… dan tidak melibatkan perguruan tinggi", "the drive did not involve the company", "without the
# foundation": the work left the named one out
_NOT_INVOLVING = re.compile(
    r"\b(?:(?:tidak|tanpa|bukan)\s+(?:melibatkan|mengikutsertakan|dengan|bersama)|(?:did|does|do)\s+not\s+"
    r"(?:involve|include)|didn['’]t\s+(?:involve|include)|without(?:\s+involving)?)\s+(?:pihak\s+|the\s+|any\s+)?"
    r"(?P<what>[^.;]{2,60})", re.IGNORECASE)


def says_not_involved(text: str, party: PartyRef, partners: Sequence[PartyRef]) -> bool:
    """Does the text say the work did not involve `party` (by a name, or a word for its kind)?"""
    kind = kind_of(party.name)
    words = KINDS[kind][1] if kind else ()
    for m in _NOT_INVOLVING.finditer(text):
        what = m["what"]
        folded = f" {fold(what)} "
        if any(f" {w} " in folded for w in words) or party_named(what, party, partners):
            return True
    return False
