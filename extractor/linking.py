"""Linking: which agreements a report is about, and which of its statements may count for each.

An agreement is linked when the report names at least two of its parties (all of them if it has
one), or its number (link_report). A report naming only one party (and no other organisation of
the partner's kind, and no other agreement of that party) counts for that party's own commitments,
on strong matches only (link_one_party). A report naming each party only by a proper word of its
name ("Pemda Muara Jelita", "the Lage Velden team") links as two names do (link_by_soft_names). A
report naming no party may be linked by what its statements say (link_by_content). A statement that names a party of another agreement, or an
organisation of the same kind as one of the agreement's parties in another place, and none of the
agreement's own parties, does not count for that agreement (statement_allowed).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from extractor.link_scope import passages, passages_where
from extractor.matching_scores import name_term_filter, score_pairs
from extractor.matching_types import (
    AgreementLink,
    AgreementRef,
    CommitmentRef,
    MatchConfig,
    PartyRef,
    StatementRef,
)
from extractor.name_words import SoftNameIndex, distinctive_words, names_party_softly, party_place, proper_words
from extractor.orgs import (
    OrgSignature,
    agency_by_field,
    as_government,
    fold,
    mentions,
    other_language_names,
    other_of_type,
    signature,
    typed_conflict,
)
from extractor.party_refs import (
    acronym_named,
    core_named,
    core_words,
    kind_of,
    others_of_kind,
    person_named,
    referred_by_kind,
)


def report_link_text(*, title: str | None, statements: Sequence[str], party_names: Sequence[str] = (),
                     organisations: Sequence[str] = ()) -> str:
    """What a report says about who was involved: its title, statements, parties, officials' bodies."""
    return "\n".join([title or "", *statements, *party_names, *organisations])


def _number_in(number: str, folded_text: str) -> bool:
    folded = fold(number)
    return len(folded.strip()) >= 6 and folded in folded_text


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
    ("Dinas Perpustakaan Kabupaten Y"): that is another organisation of the kind, not this one."""
    first = fold(sig.name).split()[:1]
    if not first or f" {first[0]} " not in sig.literals:
        return sig
    word = "|".join(map(re.escape, (first[0], first[0].capitalize(), first[0].upper())))
    if re.search(rf"\b(?:{word})\b(?![ \t]+[A-Z])", text):
        return sig
    return replace(sig, literals=tuple(lit for lit in sig.literals if lit != f" {first[0]} "))


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
    return [*sig.literals, *(f" {place} " for _, place in sig.typed),
            *(" " + " ".join(core_words(n)) + " " for n in (party.name, *party.aliases) if core_words(n))]


def party_referred(text: str, party: PartyRef, agreement: AgreementRef, named: Sequence[PartyRef]) -> str | None:
    """The phrase by which the text refers to `party` by its kind alone ("the University", "Pemkab",
    "the Rector"), when it is the agreement's only party of that kind and the text names no other
    organisation of that kind by name; None otherwise."""
    kind = kind_of(party.name)
    if kind is None and _DINAS_NAME.match(party.name):
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


# "penyelam dari lembaga konservasi asal Australia yang sejak Mei bekerja sama dengan Dinas X": an
# organisation left unnamed, described as the one working with the named party
_UNNAMED_ORG = re.compile(r"\b(?:lembaga|organisasi|yayasan|perusahaan|LSM|NGO|organi[sz]ation|foundation|company|"
                          r"firm|charity|association)\b(?P<desc>[^.;:]{0,60})$", re.IGNORECASE)


def partner_by_relation(text: str, agreement: AgreementRef, named: Sequence[PartyRef]) -> str | None:
    """The phrase describing the agreement's one unnamed party as the organisation working with the
    named one ("lembaga konservasi asal Australia yang bekerja sama dengan Dinas X"), or None."""
    if len(agreement.parties) != 2 or len(named) != 1:
        return None
    for m in _PARTNERSHIP_WITH.finditer(text):
        org = _PARTNER_END.split(m["org"], maxsplit=1)[0]
        if _not_a_party(org, agreement) and not party_named(org, named[0], agreement.parties):
            continue
        before = re.sub(r"\s+yang(?:\s+(?:sejak|since)\s+\w+(?:\s+\d{4})?)?(?:\s+(?:telah|sudah))?\s*$", "",
                        text[max(0, m.start() - 80):m.start()].rstrip())
        unnamed = _UNNAMED_ORG.search(before)
        # unnamed: no capitalised word but the place it comes from ("asal Belanda", "based in Perth")
        desc = re.sub(r"\b(?:asal|dari|from|based\s+in)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", "", unnamed["desc"]) \
            if unnamed else ""
        if unnamed and not re.search(r"\b[A-Z]", desc):
            return unnamed.group(0).strip()
    return None


_PARTNER_END = re.compile(r"\s+(?:setempat|local)\b|,")


_DINAS_NAME = re.compile(r"(?i)dinas\s+(?P<field>.+?)\s+(?:kabupaten|kab\.?|kota|provinsi)\s")
_BARE_DINAS = re.compile(r"\b[Dd]inas\b(?![ \t]+[A-Z])")
_NAMED_DINAS = re.compile(r"\bDinas[ \t]+(?P<field>[A-Z][\w]*(?:[ \t]+(?:dan[ \t]+)?[A-Z][\w]*)*)")


def _office_referred(text: str, party: PartyRef, agreement: AgreementRef) -> str | None:
    """"surat tugas dari dinas belum turun": a local office referred to by the bare word "dinas", when it
    is the agreement's only office and the text names no office of another field."""
    if sum(bool(_DINAS_NAME.match(p.name)) for p in agreement.parties) != 1 or not _BARE_DINAS.search(text):
        return None
    field = fold(_DINAS_NAME.match(party.name)["field"]).strip()
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


def link_report(text: str, agreements: Sequence[AgreementRef]) -> list[AgreementLink]:
    """Agreements the report is about, best first (ties by id): two parties named (one of them may be
    referred to by its kind alone, "the University", when nothing else of that kind is named), or the
    agreement's number cited."""
    folded = fold(text)
    links = []
    for ag in agreements:
        named_refs = [p for p in ag.parties if party_named(text, p, ag.parties, folded=folded)]
        named = [p.name for p in named_refs]
        numbers = [n for n in (ag.number or "").split(";") if n.strip() and _number_in(n, folded)]
        need = min(2, len(ag.parties))
        referred: list[str] = []
        if named and len(named) < need:
            referred = [f"{p.name} as '{ref}'" for p in ag.parties if p not in named_refs
                        for ref in [party_referred(text, p, ag, named_refs) or partner_by_relation(text, ag, named_refs)]
                        if ref]
        reasons = []
        if ag.parties and len(named) >= need:
            reasons.append("parties named: " + ", ".join(named))
        elif ag.parties and named and len(named) + len(referred) >= need:
            reasons.append("parties named: " + ", ".join(named) + "; referred to by kind: " + ", ".join(referred))
        if numbers:
            reasons.append("agreement number cited: " + ", ".join(numbers))
        if reasons:
            share = (len(named) + 0.5 * len(referred)) / max(len(ag.parties), 1)
            links.append(AgreementLink(ag.id, round(share + (0.5 if numbers else 0.0), 4), tuple(reasons)))
    # a party referred to by kind completes one agreement only: the named party's other agreement
    # with a partner of the same kind makes the reference ambiguous
    by_kind = [link for link in links if "referred to by kind" in link.reasons[0]]
    ambiguous = {link.agreement_id for link in by_kind
                 if sum(link.reasons[0].split(";")[0] == other.reasons[0].split(";")[0] for other in by_kind) > 1}
    links = [link for link in links if link.agreement_id not in ambiguous or len(link.reasons) > 1]
    return sorted(links, key=lambda link: (-link.score, link.agreement_id))


def link_one_party(text: str, agreements: Sequence[AgreementRef],
                   linked: Sequence[AgreementLink] = ()) -> dict[int, str]:
    """Agreements (not linked already) of which the report names exactly one party: {agreement id:
    that party's name}. A party reporting its own obligation often leaves the partner unnamed (an
    institute's newsletter about its interns); such a report may count for that party's own
    commitments, and only for a strong content match (MatchConfig.one_party_factor)."""
    folded = fold(text)
    done = {link.agreement_id for link in linked}
    # a party of an agreement the report is about works under that agreement, not under this one
    busy = {p.name for ag in agreements if ag.id in done for p in ag.parties}
    out = {}
    for ag in agreements:
        if ag.id in done or len(ag.parties) < 2:
            continue
        named = [p for p in ag.parties if party_named(text, p, ag.parties, folded=folded)]
        if len(named) != 1 or named[0].name in busy:
            continue
        sig = signature(named[0].name, named[0].aliases)
        # "X signed a scheme with the Government of East Nusa Tenggara": the named party works with
        # another organisation of the partner's kind, which is not this agreement. Only where the
        # report names the party or as the one the work is a partnership with ("Program ini hasil
        # kerja sama dengan Pemerintah Kabupaten Y"): another regency's work in a sentence of its
        # own is left out statement by statement, as is an office of the partner's field elsewhere,
        # one more partner of a newsletter's many (statement_allowed).
        scope = passages_where(text, lambda s, one=named[0], parties=ag.parties: party_named(s, one, parties)) \
            + partners_of_work(text)
        if any(typed_conflict(s, partner) or other_of_type(s, partner, (sig,))
               for p in ag.parties if p is not named[0]
               for partner in [as_government(signature(p.name, p.aliases))] for s in scope):
            continue
        out[ag.id] = named[0].name
    # the one party named in several such agreements: the report does not say which it is about
    count: dict[str, int] = {}
    for name in out.values():
        count[name] = count.get(name, 0) + 1
    return {ag_id: name for ag_id, name in out.items() if count[name] == 1}


def link_by_soft_names(text: str, links: Sequence[AgreementLink], one_party: dict[int, str],
                       index: SoftNameIndex) -> tuple[list[AgreementLink], dict[int, str]]:
    """`links` and `one_party` with the agreements the report names softly added (name_words: each
    party by a proper word of its own name, "Pemda Muara Jelita" and "tim Lage Velden"): a full
    link, as two names are; a one-party link becomes one. Not where a passage holding those words
    names another organisation of a party's kind ("Kuching Selatan" for "Kuching Utara"), nor where
    a party's words are those of another body the report names by a name form (`links`), nor where
    the same words name two agreements. A party of a softly linked agreement is busy there, as in
    link_one_party."""
    by_id = index.agreements
    named = [(p.name, distinctive_words((p.name, *p.aliases)))
             for link in links if link.agreement_id in by_id for p in by_id[link.agreement_id].parties]
    softs = index.soft_names(text)
    # the same words naming the parties of two agreements ("Jawa" of a province and of its office,
    # both with one university) do not say which of them the report is about
    by_words = Counter(soft.words() for soft in softs)
    text_passages = [(x, proper_words(x)) for x in passages(text)] if softs else []
    done = {link.agreement_id for link in links}
    out, one = list(links), dict(one_party)
    for soft in softs:
        ag = by_id[soft.agreement_id]
        if ag.id in done or by_words[soft.words()] > 1:
            continue
        # "UGM and the Central Java Provincial Government" names that government: its words do not
        # also softly name the Central Java Education Office of another agreement with UGM
        if any(other != name and set(found) <= words for name, found in soft.found if name not in soft.by_place
               for other, words in named):
            continue
        scope = [x for x, proper in text_passages if proper & soft.words()]
        if any(_partner_conflict(x, party, []) for party in ag.parties for x in scope):
            continue
        one.pop(ag.id, None)
        done.add(ag.id)
        out.append(AgreementLink(ag.id, 0.5, (soft.reason(),)))
    busy = {p.name for link in out[len(links):] for p in by_id[link.agreement_id].parties}
    return out, {ag_id: name for ag_id, name in one.items() if name not in busy}


# "The Institute shall …", "Commitments of the Company: The Company will …", "PIHAK KEDUA akan …":
# the subject of a commitment ends at its first modal verb
_MODAL = re.compile(r"\b(?:shall|will|must|agrees?\s+to|has\s+agreed\s+to|undertakes?\s+to|akan|wajib|harus|"
                    r"bersedia|berkewajiban|siap)\b", re.IGNORECASE)
_SUBJECT_SKIP = frozenset(("the", "this", "its", "their", "each", "both", "a", "an"))


def commitment_obligors(commitment: CommitmentRef, agreement: AgreementRef | None) -> tuple[str, ...]:
    """Who must carry out the commitment: its parties as extracted, or, where extraction found none,
    the one party of the agreement its subject names by a short name ("The Institute shall …" of
    "Lakeshore Institute of …", "The City will …" of "the City Government of X") or by its kind ("The
    Company will …" of "X Pte. Ltd.")."""
    if commitment.parties or agreement is None:
        return commitment.parties
    m = _MODAL.search(commitment.text)
    if m is None:
        return ()
    subject = commitment.text[:m.start()].split(":")[-1]
    words = set(fold(subject).split()) - _SUBJECT_SKIP
    if not words or len(words) > 4:
        return ()
    found = [p for p in agreement.parties
             if any(words <= set(fold(n).split()) for n in (p.name, *p.aliases))
             or referred_by_kind(subject, p.name) is not None]
    return (found[0].name,) if len(found) == 1 else ()


_RECIPIENT = re.compile(r"\s(?:kepada|ke|untuk|bagi|pada|di|dengan|dari|to|for|at|in|on|with|from)\s", re.IGNORECASE)
_AGENT = re.compile(r"\b(?:oleh|by)\s+(?:the\s+|pihak\s+)?(?P<who>[^,;.()]{2,60})")


def statement_agent(text: str, agreement: AgreementRef) -> str | None:
    """The one party of the agreement a passive statement names as the doer ("... sudah diberikan oleh
    dinas kepada PT X", "was installed by the Company"), or None."""
    for m in _AGENT.finditer(text):
        who = _RECIPIENT.split(m["who"], maxsplit=1)[0]   # "oleh dinas | kepada PT X": the doer only
        found = [p.name for p in agreement.parties if party_named(who, p, agreement.parties)
                 or (_DINAS_NAME.match(p.name) and _BARE_DINAS.match(who))
                 or referred_by_kind(who, p.name) is not None]
        if len(found) == 1:
            return found[0]
    return None


_SUPPLIES = re.compile(r"\b(?:supply|supplies|provide|provides|deliver|delivers|donate|donates|hand\s+over|hands\s+over|"
                       r"menyediakan|menyerahkan|memberikan|mengirimkan|mengirim|menghibahkan|menyalurkan)\b",
                       re.IGNORECASE)
_RECEIVED = re.compile(r"\b(?:diterima|menerima|telah\s+tiba|sudah\s+tiba|received|arrived|were\s+delivered|"
                       r"was\s+delivered|(?:diserahkan|disampaikan|dikirimkan|dikirim)\s+(?:ke|kepada)|"
                       r"(?:handed(?:\s+over)?|submitted|sent)\s+to)\b", re.IGNORECASE)


def supplied_to(commitment: CommitmentRef, agreement: AgreementRef | None, receiver: str) -> bool:
    """Is the commitment the partner's duty to supply something (to `receiver`, the one party a report
    names)? Such a report may say it received it ("alat … telah diterima di gudang kami")."""
    obligors = commitment_obligors(commitment, agreement)
    return bool(obligors) and receiver not in obligors and bool(_SUPPLIES.search(commitment.text))


def says_received(text: str) -> bool:
    return bool(_RECEIVED.search(text))


def one_party_candidates(commitments: Sequence[CommitmentRef], one_party: dict[int, str],
                         agreements: Sequence[AgreementRef] = ()) -> list[CommitmentRef]:
    """Commitments of agreements linked through one named party that this party must carry out,
    alone or jointly ("PARA PIHAK melaksanakan …", a scope item both carry out): the party reporting
    its share of joint work ("the immigration office held the mobile passport service") leaves the
    partner unnamed as often as for its own duties. A joint one counts only as a statement's best
    match (match_report). `agreements`: where a commitment's parties were not extracted, its subject
    says whose it is (commitment_obligors)."""
    by_id = {a.id: a for a in agreements}
    return [c for c in commitments if c.agreement_id in one_party
            and one_party[c.agreement_id] in commitment_obligors(c, by_id.get(c.agreement_id))]


@dataclass(frozen=True)
class LinkConfig:
    """Linking by content: a report naming no agreement's parties in a form we read (or naming one
    party that has several agreements) may still be clearly about one agreement by what it says.
    An agreement's best statement-commitment BM25 (normalised) must reach `content_min` and be
    `content_margin` times the best of any other agreement; its matches then need `content_factor`
    times the method's threshold, as a one-party link's do. Chosen on 25 open scenarios (dev, own1-5,
    holdout, blind 1-5) with every party name blanked out of their reports (content alone):
    min 0.4 / 0.35 / 0.3 / 0.25 (margin 1.5) link 46 / 52 / 56 / 59 of 86 report-agreement pairs,
    always the same 4 extra (trap reports); margin 1.2 / 2.0 at 0.3: 57 / 54, extra 5 / 4."""
    content_min: float = 0.3
    content_margin: float = 1.5
    content_factor: float = 1.6


def _partner_conflict(text: str, party: PartyRef, named: Sequence[PartyRef]) -> str | None:
    """An organisation of `party`'s kind the text names that is not `party` (another regency's
    government, another university, another company; not a short name of `party`), or None."""
    folded = fold(text)
    sig = signature(party.name, party.aliases)
    named_sigs = tuple(signature(p.name, p.aliases) for p in named)
    if typed_conflict(text, sig, folded=folded):
        return f"another organisation of the kind of {party.name}"
    other = other_of_type(text, as_government(sig), named_sigs)
    # "Bupati Menyapa", "Wali Kota Serahkan Beasiswa": a head's title before a Title Case headline
    # is no other government unless its place is written again
    head = re.match(r"(?i)(?:bupati|wakil bupati|wali\s?kota|gubernur|regent of|mayor of|governor of)\s+(\S+)",
                    other or "")
    if other and not (head and folded.count(f" {fold(head.group(1)).strip()} ") < 2):
        return other.strip()
    kind = kind_of(party.name)
    if kind:
        forms = party_forms(party)
        for p in named:
            forms += list(signature(p.name, p.aliases).literals)
        found = [f for f in others_of_kind(text, kind, tuple(forms)) if not short_form_of(f, text, party)]
        if found:
            return found[0].strip()
    return None


def content_ranking(statements: Sequence[StatementRef], agreements: Sequence[AgreementRef],
                    commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig(),  # noqa: B008 (frozen)
                    ) -> list[tuple[int, tuple[float, int]]]:
    """[(agreement id, (its best normalised BM25 of a statement against one of its commitments, that
    commitment's position))], best first (ties by id), agreements scoring 0 left out."""
    # names and places say nothing here: the report names none of the parties, or one of several
    ignore, names = name_term_filter(agreements, commitments)
    _, norm, _, _ = score_pairs(statements, commitments,
                                statement_vectors=None, commitment_vectors=None,
                                config=replace(config, method="bm25"), ignore_terms=ignore, name_terms=names)
    best: dict[int, tuple[float, int]] = {}
    for j, com in enumerate(commitments):
        i = int(np.argmax(norm[:, j]))
        if float(norm[i, j]) > best.get(com.agreement_id, (0.0, -1))[0]:
            best[com.agreement_id] = (float(norm[i, j]), j)
    return sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))


def link_by_content(statements: Sequence[StatementRef], text: str, agreements: Sequence[AgreementRef],
                    commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig(),  # noqa: B008 (frozen)
                    link_config: LinkConfig = LinkConfig(), *, ranking=None,
                    named_among: Sequence[AgreementRef] | None = None) -> AgreementLink | None:
    """The one agreement a report is about by what its statements say, when it is not linked by
    names: its commitments score clearly best (LinkConfig), every party the report names is one of
    its parties, and the report names no other organisation of a partner's kind. A weaker link than
    a named one: its matches need a stronger score (match_report)."""
    with_commitments = {c.agreement_id for c in commitments}
    agreements = [ag for ag in agreements if ag.id in with_commitments]
    if not statements or not agreements:
        return None
    # `ranking(statements)`: the same ranking from an index built once over these commitments
    # (link_index.ContentIndex); `named_among`: the agreements that may have a party named in the
    # text (link_index.LinkIndex), all others naming none
    ranked = ranking(statements) if ranking is not None else \
        content_ranking(statements, agreements, commitments, config)
    if not ranked:
        return None
    winner, (score, j) = ranked[0]
    second = ranked[1][1][0] if len(ranked) > 1 else 0.0
    if score < link_config.content_min or score < link_config.content_margin * second:
        return None
    ag = next(a for a in agreements if a.id == winner)
    folded = fold(text)
    own_names = {p.name for p in ag.parties}
    for other in agreements if named_among is None else [a for a in named_among if a.id in with_commitments]:
        for p in other.parties:
            if p.name not in own_names and party_named(text, p, other.parties, folded=folded):
                return None  # the report names someone else's partner: not clearly this agreement
    named = [p for p in ag.parties if party_named(text, p, ag.parties, folded=folded)]
    for p in ag.parties:
        if p not in named and _partner_conflict(text, p, named):
            return None
    reason = (f"content: statements match its commitments best (BM25 {score:.2f}, next agreement "
              f"{second:.2f}; commitment '{commitments[j].text[:80]}'); parties not named, strong matches only")
    return AgreementLink(winner, round(score, 4), (reason,))


# "kelas kerja sama dengan Pemerintah Kabupaten Y", "in partnership with the X City Government":
# the work named is that partnership's
_PARTNERSHIP_WITH = re.compile(
    r"\b(?:(?:hasil\s+)?(?:be)?kerja\s*sama\s+dengan|bermitra\s+dengan|in\s+(?:cooperation|partnership|"
    r"collaboration)\s+with|(?:run|organi[sz]ed|funded)\s+(?:jointly\s+)?with)\s+(?P<org>[^.;]{3,160})",
    re.IGNORECASE)
_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:Pemerintah\s+(?:Kabupaten|Kota|Provinsi)|Pemkab|Pemkot|Pemprov|Kabupaten|Kota|Provinsi)\s+"
    r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})|\b(?:the\s+)?(?P<place_en>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"\s+(?:Regency|City|Provincial)\s+Government\b")


def partners_of_work(text: str) -> list[str]:
    """The organisations the text says its work was done in partnership with ("hasil kerja sama
    dengan Pemerintah Kabupaten Y", "a drive organised with the Y Red Cross unit")."""
    return [m["org"] for m in _PARTNERSHIP_WITH.finditer(text)]


# "in partnership with a retail group", "bekerja sama dengan sebuah perusahaan swasta": a partner the
# statement does not name, so none of the agreement's (they are named, or "the City", "Pemkab")
_UNNAMED_PARTNER = re.compile(
    r"^(?:(?:a|an|another|one)\s+(?:[\w-]+\s+){0,3}(?:group|company|firm|chain|operator|retailer|developer|"
    r"partner|organi[sz]ation|association|foundation|charity|NGO|bank)|(?:sebuah|salah\s+satu|seorang)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:perusahaan|grup|jaringan|lembaga|yayasan|organisasi|bank|mitra))\b", re.IGNORECASE)


def unnamed_partner(text: str) -> str | None:
    """The partner a statement says the work was done with when it is an organisation it does not
    name ("installed in malls in partnership with a retail group"), or None."""
    for m in _PARTNERSHIP_WITH.finditer(text):
        org = m["org"].strip()
        if _UNNAMED_PARTNER.match(org):
            return org
    return None


def other_partnership(text: str, agreement: AgreementRef) -> str | None:
    """The local government the statement says the work was done in partnership with, when it is
    none of the agreement's parties ("lulusan kelas kerja sama dengan Pemerintah Kabupaten Y")."""
    for m in _PARTNERSHIP_WITH.finditer(text):
        for g in _LOCAL_GOVERNMENT.finditer(m["org"]):
            if not any(party_named(g.group(0), p, ()) for p in agreement.parties):
                return g.group(0).strip()
    return None


# "Kabupaten X", "Kota X", "X Regency", "X City": a regency or city named by its place
_LOCAL_PLACE = re.compile(
    r"\b(?:Kabupaten|Kab\.|Kota|KABUPATEN|KOTA)\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"|\b(?P<place_en>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?:Regency|City)\b(?!\s+(?:Government|Council))")


# "di Desa A, B, Kota Ubin dan C", "A, B, C, Kota Ubin and D were connected": inside a list of
# villages, or of places none of which is a regency or city, "Kota X" is a village's name
_VILLAGE_LIST = re.compile(r"\b(?:[Dd]esa|[Kk]elurahan|[Dd]usun|[Kk]ampung|villages?\s+of)\s+[A-Z][^.;:\n]*,\s*$")
_PLACE_LIST = re.compile(r"(?:^|(?<=[\s(]))(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2},\s+){2,}$")
_LEVEL = re.compile(r"\b(?:Kabupaten|Kab|Kota|Provinsi|Regency|City|Province|KABUPATEN|KOTA)\b")


# "(Kota Lama, Pasar Baru, Sungai Kecil)": the list going on after it, of names none of which is a
# regency or city
_PLACE_LIST_AFTER = re.compile(r"^(?:\s*,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}){2,}")


def _in_village_list(before: str, after: str = "") -> bool:
    if _VILLAGE_LIST.search(before):
        return True
    items = _PLACE_LIST.search(before) or _PLACE_LIST_AFTER.search(after)
    return bool(items) and not _LEVEL.search(items.group(0))


def local_places(text: str) -> set[str]:
    """Folded places of the regencies and cities the text names."""
    return {fold(m["place"] or m["place_en"]).strip() for m in _LOCAL_PLACE.finditer(text)
            if not _in_village_list(text[max(0, m.start() - 200):m.start()], text[m.end():m.end() + 200])}


def other_place(text: str, agreement: AgreementRef) -> str | None:
    """The regency or city the statement says the work was done in, when the agreement's parties
    are of one other regency or city and the statement names neither that place nor a party of
    it ("the app was rolled out in Y Regency" for a Dinas of Regency X)."""
    own = {p for party in agreement.parties for name in (party.name, *party.aliases) for p in local_places(name)}
    if not own:
        return None
    folded = f" {fold(text)} "
    if any(f" {p} " in folded for p in own):
        return None
    for place in sorted(local_places(text)):
        if not any(place in p or p in place for p in own):
            return place
    return None


# "pelatihan … yang digelar Kantor Pencarian dan Pertolongan", "a clinic run by the X Foundation": the
# organisation that held the activity, named by a kind word of organisations
_ORG_HEAD = (r"(?:Kantor|Badan|Balai|Dinas|Lembaga|Yayasan|Perkumpulan|Koperasi|PT|CV|Universitas|Politeknik|"
             r"Institut|Sekolah|Rumah\s+Sakit|RSUD|Kementerian|Palang\s+Merah|Pemerintah|Office|Agency|Foundation|"
             r"University|Institute|Hospital|Ministry|Company|Association|Red\s+Cross|Government)")
_HELD_BY = re.compile(
    r"\b(?:(?:di|ter)(?:gelar|selenggarakan|adakan|laksanakan)|dilaksanakan|diadakan)\s+(?:oleh\s+)?"
    r"(?P<org>" + _ORG_HEAD + r"(?:\s+(?:dan\s+|&\s+)?[A-Z][\w'.-]*){1,5})"
    r"|\b(?:organi[sz]ed|held|run|hosted|conducted|delivered)\s+by\s+(?:the\s+)?"
    r"(?P<org_en>(?:[A-Z][\w'.-]*\s+(?:(?:of|for|and|&)\s+)?){0,4}" + _ORG_HEAD + r"(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3})")


# "… bersama Yayasan X", "our joint study with Y University Hospital": the partner of the activity
_WITH_ORG = re.compile(
    r"\b(?:bersama(?:\s+dengan)?|dengan|(?:together|jointly)\s+with|with)\s+(?:the\s+)?"
    r"(?P<org>" + _ORG_HEAD + r"(?:\s+(?:dan\s+|&\s+)?[A-Z][\w'.-]*){1,5}"
    r"|(?:[A-Z][\w'.-]*\s+(?:(?:of|for|and|&)\s+)?){1,4}" + _ORG_HEAD + r"(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3})")


_INSTRUMENT_HEAD = re.compile(r"(?:Keputusan|Surat|Peraturan|Instruksi|Nota|SK|Perda|Perbup|Perwali|Pergub|Decree|"
                              r"Letter|Regulation|Resolution|Circular)\b")


def _not_a_party(org: str, agreement: AgreementRef, after: str = "") -> bool:
    # the party itself, perhaps without its place ("Dinas Kelautan dan Perikanan"), is no other body;
    # `after`: the words right after the capitalised name, up to a comma ("the X Red Cross *blood unit*")
    own = any(fold(org) in form for p in agreement.parties for name in (p.name, *p.aliases)
              for form in (fold(name), *map(fold, other_language_names(fold(name)))))
    whole = org + re.split(r"[,;.:()]", after, maxsplit=1)[0]
    return not own and not any(party_named(whole, p, agreement.parties) for p in agreement.parties) \
        and not names_party_softly(org, agreement)


def done_with_other(text: str, agreement: AgreementRef) -> str | None:
    """The organisation the statement says the activity was done with, when it is none of the
    agreement's parties and the statement names not every party ("a joint study with Y Hospital"
    for a hospital's agreement with a university)."""
    for m in _WITH_ORG.finditer(text):
        org = m["org"].strip(" .,;")
        if _INSTRUMENT_HEAD.match(org):
            continue   # "ditetapkan dengan Keputusan Kepala Dinas Nomor …": by a decree, not with a body
        if _not_a_party(org, agreement, text[m.start("org") + len(m["org"].rstrip(" .,;")):][:40]):
            return org
    return None


def held_by_other(text: str, agreement: AgreementRef) -> str | None:
    """The organisation the statement says held the activity, when it is none of the agreement's
    parties (a safety training held by the search-and-rescue office next to the partner's post)."""
    for m in _HELD_BY.finditer(text):
        org = (m["org"] or m["org_en"]).strip(" .,;")
        if _not_a_party(org, agreement):
            return org
    return None


def statement_allowed(text: str, agreement: AgreementRef, others: Sequence[AgreementRef]) -> tuple[bool, str]:
    """May this statement count for `agreement`? (an activity of A with C is not A's work with B)."""
    folded = fold(text)
    own = [signature(p.name, p.aliases) for p in agreement.parties]
    named = [party_named(text, p, agreement.parties, folded=folded) for p in agreement.parties]
    elsewhere = other_place(text, agreement)
    if elsewhere:
        return False, f"done in {elsewhere}, not the place of the agreement's parties"
    partner = None if all(named) else done_with_other(text, agreement) or unnamed_partner(text)
    if partner:
        return False, f"done with {partner}, not a party of the agreement"
    if any(named):
        # "A with C": A is a party, C is of the same kind as the party B the statement leaves out
        for sig, is_named in zip(own, named, strict=True):
            other = None if is_named else other_of_type(text, sig, tuple(o for o in own if o is not sig))
            if other:
                return False, f"names {other.strip()}, not {sig.name}"
        return True, "names a party of the agreement"
    organiser = held_by_other(text, agreement)
    if organiser:
        return False, f"held by {organiser}, not a party of the agreement"
    # "PT Segar Abadi also handed out gloves to 80 pickers": another company did it, not the party.
    # (Another government is a place: other_place; "Bupati Menyapa" is a programme's name.)
    for party in agreement.parties:
        if (kind_of(party.name) or "").endswith("_gov"):
            continue
        other = other_of_kind(text, party, agreement.parties)
        if other:
            return False, f"names {other}, another organisation of the kind of {party.name}"
    own_names = {p.name for p in agreement.parties}
    # the government of a regency or city is no other body where a party is one of its offices
    own_places = {party_place(p.name) for p in agreement.parties} - {None}
    for other in others:
        for p in other.parties:
            if p.name in own_names or ((kind_of(p.name) or "").endswith("_gov") and party_place(p.name) in own_places):
                continue
            if mentions(text, signature(p.name, p.aliases), folded=folded):
                return False, f"names {p.name}, a party of another agreement, and none of this one"
    for sig in own:
        if typed_conflict(text, sig, folded=folded):
            return False, f"names another organisation of the same kind as {sig.name}"
    return True, "no party named; inherits the report's link"
