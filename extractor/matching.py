"""Activity statements x commitments -> matches, with scores and an explanation.

1. Linking: which agreements a report is about. An agreement is linked when the report names at
   least two of its parties (all of them if it has one), or its number. A statement that names a
   party of another agreement, or an organisation of the same kind as one of the agreement's
   parties in another place (Majlis Bandaraya Kuching Selatan vs Dewan Bandaraya Kuching Utara),
   and none of the agreement's own parties, does not count for that agreement. A report naming
   only one party (and no other organisation of the partner's kind, and no other agreement of that
   party) counts for that party's own commitments, on strong matches only (link_one_party).
2. Scoring each (statement, commitment of a linked agreement):
   - BM25 over analysed terms (PySastrawi / English stems, id->en glossary), normalised by the
     commitment's BM25 score against itself, so 1.0 means "every term of the commitment occurs";
     terms of the linked parties' names and of the agreement's own kind ("perjanjian kerja sama",
     "memorandum") are left out: every report about the agreement has them;
   - cosine of embeddings (the caller's Embedder; vectors of one model only);
   - fused = w * bm25_norm + (1 - w) * cosine_term (fuse): w is lower between an English and an
     Indonesian text, and a commitment's cosine loses its gap to the statement's best cosine.
3. A statement matches the commitments whose score reaches the method's threshold (at most
   `max_per_statement`, best first, ties broken by commitment id); a second or third match must
   also reach `secondary_ratio` of the statement's best score. A sentence joining two activities
   ("A …, serta B …", "A …, as well as B") also counts for the best commitment of each part.
Thresholds and the weight were calibrated on scenarios (see benchmarks/eval_matching.py).
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from extractor.link_scope import passages_where
from extractor.matching_text import (
    DATA_DIR,
    analyze,
    detect_language,
    gloss,
    match_key,
    teaches,
    teaching_topic,
    without_teaching_topic,
)
from extractor.orgs import (
    agency_by_field,
    fold,
    mentions,
    other_of_type,
    signature,
    typed_conflict,
    without_agency_types,
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

METHODS = ("hybrid", "bm25", "embedding")


@dataclass(frozen=True)
class MatchConfig:
    method: str = "hybrid"
    # Hybrid (see fuse): w * bm25_norm + (1 - w) * cosine_term, w = bm25_weight within a language,
    # bm25_weight_across_languages between an English and an Indonesian text (BM25 sees only the
    # glossary's words there); cosine_term = the cosine minus cosine_gap_weight times its gap to the
    # statement's best cosine (the small model puts every same-topic commitment at 0.4-0.5).
    # Calibrated by cross-validation on the 27 scenarios of the 8 roots (dev, tests/scenarios,
    # tests/holdout, tests/holdout_blind .. _blind5), whole report text for linking, as the service:
    #   python -m benchmarks.eval_matching --full-text --loo -v <the 8 roots>
    # grids each method (threshold; hybrid: both weights and the gap weight), picks the best flag F1 +
    # link accuracy (inside of a plateau on ties) and scores it held out: leave one scenario out and
    # leave one root out. Held out at d2e9164 (27 scenarios), flag F1 / link, one scenario out | one
    # root out: hybrid 0.95 / 0.96 | 0.93 / 0.93, BM25 alone 0.92 / 0.92 | 0.91 / 0.93, embeddings
    # alone 0.75 / 0.90 | 0.76 / 0.90; the linear fusion of before (one weight 0.5-0.9, no gap)
    # 0.90 / 0.92 | 0.90 / 0.93 on the same data (at 14ce9a8 this fusion 0.94 / 0.96 | 0.92 / 0.93).
    # Within a language the words decide (w 0.9; the gap keeps a same-topic neighbour out); across
    # languages the cosine weighs 0.4 (English reports of Indonesian commitments, blind set 4).
    # Chosen in 32 of 35 folds: w 0.9, across 0.6, gap 1.0, threshold 0.225 (gap 2.0 / 0.2 in 2,
    # across 0.8 without blind set 4).
    bm25_weight: float = 0.9
    bm25_weight_across_languages: float = 0.6
    cosine_gap_weight: float = 1.0
    hybrid_threshold: float = 0.225
    bm25_threshold: float = 0.225  # chosen in 33 of 35 folds (0.2 in 2; was 0.2)
    embedding_threshold: float = 0.225  # chosen in 27 of 35 folds (0.275-0.3 in 8; was 0.25)
    # A report naming only one party of an agreement counts for that party's own commitments only
    # when a statement scores at least this multiple of the method's threshold (see link_one_party).
    one_party_factor: float = 1.6
    max_per_statement: int = 3
    # A statement's second and third matches must score at least this share of its best one: a
    # statement that clearly carries out one commitment does not also count for a neighbour that
    # merely shares a few words (training on complementary food vs. a recipe book).
    secondary_ratio: float = 0.75
    k1: float = 1.2
    b: float = 0.75

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"matching method must be one of {', '.join(METHODS)}, not {self.method!r}")

    @property
    def threshold(self) -> float:
        return {"hybrid": self.hybrid_threshold, "bm25": self.bm25_threshold,
                "embedding": self.embedding_threshold}[self.method]


@dataclass(frozen=True)
class PartyRef:
    name: str
    aliases: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # names of its officials in the agreement (its signatory, ...)


@dataclass(frozen=True)
class AgreementRef:
    id: int
    parties: tuple[PartyRef, ...] = ()
    number: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class CommitmentRef:
    id: int
    agreement_id: int
    text: str
    due: str | None = None
    parties: tuple[str, ...] = ()  # who must do it (names as in AgreementRef.parties)


@dataclass(frozen=True)
class StatementRef:
    id: int
    text: str
    date: str | None = None


@dataclass(frozen=True)
class AgreementLink:
    agreement_id: int
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    statement_id: int
    commitment_id: int
    agreement_id: int
    bm25: float
    bm25_norm: float
    cosine: float
    fused: float
    rank: int
    explanation: dict = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------- embeddings

def _preparation_id() -> str:
    """Version of the stored vectors' preparation, part of their model id: "g" + a digest of the
    glossary and background files (the input is glossed with that glossary and centred with that
    background), "c" = stored centred. Editing either data file changes the id, so vectors made
    from an older glossary are embedded again instead of being compared with new ones."""
    digest = hashlib.sha256()
    for name in ("glossary_id_en.tsv", "background_id.txt", "background_en.txt"):
        digest.update((DATA_DIR / name).read_bytes())
    return f"g{digest.hexdigest()[:8]}c"


EMBEDDING_PREP = _preparation_id()


def embedding_input(text: str) -> str:
    """What the sentence model is given: Indonesian glossed into English words (see matching_text)."""
    return gloss(text)


def stored_model_id(model_id: str) -> str:
    """Model id under which vectors are stored: the model plus the input preparation version, so
    vectors made with another model or another preparation are never compared."""
    return f"{model_id}#{EMBEDDING_PREP}"


class Centering:
    """Per-language mean vectors of a fixed background set, subtracted before cosine.

    Small English models put all Indonesian sentences close together (cosine 0.5-0.8 for
    unrelated ones); removing each language's mean direction makes cosines comparable across
    languages. Stored vectors stay raw model output; centering happens at match time.
    """

    def __init__(self, means: dict[str, np.ndarray], model_id: str) -> None:
        self.means = means
        self.model_id = model_id

    @classmethod
    def fit(cls, embedder) -> Centering:
        means = {}
        for lang in ("id", "en"):
            lines = [line.strip() for line in (DATA_DIR / f"background_{lang}.txt").read_text(
                encoding="utf-8").splitlines() if line.strip()]
            vectors = embedder.embed([embedding_input(line) for line in lines])
            means[lang] = np.asarray(vectors, dtype=np.float32).mean(axis=0)
        return cls(means, embedder.model_id)

    def apply(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.asarray(vectors, dtype=np.float32)
        shift = np.stack([self.means[detect_language(t)] for t in texts])
        out = np.asarray(vectors, dtype=np.float32) - shift
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


# ---------------------------------------------------------------- linking

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
    sig = signature(party.name, party.aliases)
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


def party_referred(text: str, party: PartyRef, agreement: AgreementRef, named: Sequence[PartyRef]) -> str | None:
    """The phrase by which the text refers to `party` by its kind alone ("the University", "Pemkab",
    "the Rector"), when it is the agreement's only party of that kind and the text names no other
    organisation of that kind by name; None otherwise."""
    kind = kind_of(party.name)
    if kind is None or sum(kind_of(p.name) == kind for p in agreement.parties) != 1:
        return None
    ref = referred_by_kind(text, party.name)
    if ref is None:
        return None
    forms = []
    for p in (party, *named):
        sig = signature(p.name, p.aliases)
        forms += [*sig.literals, *(f" {place} " for _, place in sig.typed)]
        forms += [" " + " ".join(core_words(n)) + " " for n in (p.name, *p.aliases) if core_words(n)]
    # another organisation of the kind counts where the report speaks of this agreement: in a
    # sentence that refers to the party or names its partner ("X met Universitas Y; the University
    # ..."); one named in a sentence about other work is left out statement by statement
    # (or the organisation a sentence says the work is a partnership with)
    scope = passages_where(text, lambda s: referred_by_kind(s, party.name) is not None
                           or any(party_named(s, p, agreement.parties) for p in named)) + partners_of_work(text)
    if any(others_of_kind(s, kind, tuple(forms)) for s in scope):
        return None
    return ref


_LEGAL_WORDS = frozenset(("pt", "cv", "tbk", "pte", "ltd", "inc", "co", "corp", "bhd", "sdn", "persero"))


def short_form_of(found: str, text: str, party: PartyRef) -> bool:
    """Is `found` (an organisation of the party's kind named in `text`, "PT Reclaim") the party itself
    by a shorter name: every proper word of the whole capitalised name around it is a word of the
    party's name ("PT Reclaim" for "Reclaim Polymers Pte. Ltd.", not "PT Reclaim Logistik")?"""
    m = re.search(re.escape(found) + r"(?:[ \t]+[A-Z][\w'-]*)*", text)
    words = set(fold(m.group(0) if m else found).split()) - _LEGAL_WORDS
    own = {w for n in (party.name, *party.aliases) for w in fold(n).split()}
    return bool(words) and words <= own


def other_of_kind(text: str, party: PartyRef, parties: Sequence[PartyRef]) -> str | None:
    """An organisation of `party`'s kind the text names by a name that is none of `parties` (nor a
    short form of `party`): "PT Segar Abadi" next to a company party, "Universitas Lain" next to a
    university; None when the kind is not one, or several parties are of it."""
    kind = kind_of(party.name)
    if kind is None or sum(kind_of(p.name) == kind for p in parties) != 1:
        return None
    forms = []
    for p in parties:
        sig = signature(p.name, p.aliases)
        forms += [*sig.literals, *(f" {place} " for _, place in sig.typed)]
        forms += [" " + " ".join(core_words(n)) + " " for n in (p.name, *p.aliases) if core_words(n)]
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
                        for ref in [party_referred(text, p, ag, named_refs)] if ref]
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
               for partner in [without_agency_types(signature(p.name, p.aliases))] for s in scope):
            continue
        out[ag.id] = named[0].name
    # the one party named in several such agreements: the report does not say which it is about
    count: dict[str, int] = {}
    for name in out.values():
        count[name] = count.get(name, 0) + 1
    return {ag_id: name for ag_id, name in out.items() if count[name] == 1}


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
    government, another university, another company), or None."""
    folded = fold(text)
    sig = signature(party.name, party.aliases)
    named_sigs = tuple(signature(p.name, p.aliases) for p in named)
    if typed_conflict(text, sig, folded=folded):
        return f"another organisation of the kind of {party.name}"
    other = other_of_type(text, without_agency_types(sig), named_sigs)
    # "Bupati Menyapa", "Wali Kota Serahkan Beasiswa": a head's title before a Title Case headline
    # is no other government unless its place is written again
    head = re.match(r"(?i)(?:bupati|wakil bupati|wali\s?kota|gubernur|regent of|mayor of|governor of)\s+(\S+)",
                    other or "")
    if other and not (head and folded.count(f" {fold(head.group(1)).strip()} ") < 2):
        return other.strip()
    kind = kind_of(party.name)
    if kind:
        forms = [*sig.literals, *(f" {place} " for _, place in sig.typed)]
        forms += [" " + " ".join(core_words(n)) + " " for n in (party.name, *party.aliases) if core_words(n)]
        for p in named:
            forms += list(signature(p.name, p.aliases).literals)
        found = others_of_kind(text, kind, tuple(forms))
        if found:
            return found[0].strip()
    return None


def content_ranking(statements: Sequence[StatementRef], agreements: Sequence[AgreementRef],
                    commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig(),
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
                    commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig(),
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


def local_places(text: str) -> set[str]:
    """Folded places of the regencies and cities the text names."""
    return {fold(m["place"] or m["place_en"]).strip() for m in _LOCAL_PLACE.finditer(text)}


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


def _not_a_party(org: str, agreement: AgreementRef) -> bool:
    # the party itself, perhaps without its place ("Dinas Kelautan dan Perikanan"), is no other body
    own = any(fold(org) in fold(name) for p in agreement.parties for name in (p.name, *p.aliases))
    return not own and not any(party_named(org, p, agreement.parties) for p in agreement.parties)


def done_with_other(text: str, agreement: AgreementRef) -> str | None:
    """The organisation the statement says the activity was done with, when it is none of the
    agreement's parties and the statement names not every party ("a joint study with Y Hospital"
    for a hospital's agreement with a university)."""
    for m in _WITH_ORG.finditer(text):
        org = m["org"].strip(" .,;")
        if _INSTRUMENT_HEAD.match(org):
            continue   # "ditetapkan dengan Keputusan Kepala Dinas Nomor …": by a decree, not with a body
        if _not_a_party(org, agreement):
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
    for other in others:
        for p in other.parties:
            if p.name not in own_names and mentions(text, signature(p.name, p.aliases), folded=folded):
                return False, f"names {p.name}, a party of another agreement, and none of this one"
    for sig in own:
        if typed_conflict(text, sig, folded=folded):
            return False, f"names another organisation of the same kind as {sig.name}"
    return True, "no party named; inherits the report's link"


# ---------------------------------------------------------------- BM25

class BM25:
    """BM25 over a fixed set of documents, as a sparse docs x terms weight matrix."""

    def __init__(self, docs: Sequence[list[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        from scipy.sparse import csr_matrix

        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
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
        self.self_scores = np.asarray(self.weights.sum(axis=1)).ravel()

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

    def normalised(self, raw: np.ndarray) -> np.ndarray:
        return raw / np.where(self.self_scores > 0, self.self_scores, 1.0)


# ---------------------------------------------------------------- matching

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


def without_name_words(text: str, name_terms: frozenset[str]) -> str:
    """The text with the capitalised words whose terms are all name terms blanked out (a sentence's
    or list item's first word is capitalised anyway and stays)."""
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
    return [match_key(t) for t in analyze(without_name_words(text, name_terms)) if t not in ignore_terms]


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


def score_pairs(statements: Sequence[StatementRef], commitments: Sequence[CommitmentRef], *,
                statement_vectors: np.ndarray | None, commitment_vectors: np.ndarray | None,
                config: MatchConfig, ignore_terms: frozenset[str] = frozenset(),
                cosine: np.ndarray | None = None, name_terms: frozenset[str] = frozenset(),
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(bm25 raw, bm25 normalised, cosine, fused), each (statements x commitments); terms as
    match_terms leaves them."""
    c_terms = [match_terms(c.text, ignore_terms, name_terms) for c in commitments]
    vocab = {t for terms in c_terms for t in terms}
    # a compound may join a left-out word (a party's name word) to a commitment term
    left_out = {match_key(t) for t in ignore_terms} - vocab
    s_terms = [[t for t in with_compounds(match_terms(s.text, ignore_terms, name_terms), vocab | left_out)
                if t not in left_out]
               for s in statements]
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


def match_report(statements: Sequence[StatementRef], report_text: str, agreements: Sequence[AgreementRef],
                 commitments: Sequence[CommitmentRef], *, statement_vectors: np.ndarray | None = None,
                 commitment_vectors: np.ndarray | None = None, config: MatchConfig = MatchConfig(),
                 centering: Centering | None = None, cosine: np.ndarray | None = None,
                 link_config: LinkConfig = LinkConfig(), content_link: AgreementLink | None = None,
                 content_decided: bool = False,
                 name_links: tuple[list[AgreementLink], dict[int, str]] | None = None,
                 ) -> tuple[list[AgreementLink], list[Match]]:
    """Links and matches for one report. `statement_vectors[i]` embeds `statements[i]`,
    `commitment_vectors[j]` embeds `commitments[j]` (same model, L2-normalised); or `cosine[i, j]`
    is given directly (a vector index's search, statements x `commitments`). With
    `content_decided`, `content_link` is the caller's link_by_content over every commitment (or None),
    when it passes only the linked ones. `name_links`: the caller's link_report and link_one_party of
    this text over these agreements (computed already; see link_index)."""
    if centering is not None and statement_vectors is not None and commitment_vectors is not None:
        statement_vectors = centering.apply(statement_vectors, [s.text for s in statements])
        commitment_vectors = centering.apply(commitment_vectors, [c.text for c in commitments])
    links = link_report(report_text, agreements) if name_links is None else list(name_links[0])
    linked = {link.agreement_id: link for link in links}
    one_party = link_one_party(report_text, agreements, links) if name_links is None else dict(name_links[1])
    own = {c.id for c in one_party_candidates(commitments, one_party, agreements)}
    for ag_id, name in one_party.items():
        if any(c.agreement_id == ag_id and c.id in own for c in commitments):
            linked[ag_id] = AgreementLink(ag_id, 0.0, (f"one party named: {name}; only its own commitments "
                                                       f"(a joint one as a statement's best match), strong "
                                                       f"matches only",))
            links = [*links, linked[ag_id]]
    # a report linked by no name: the one agreement its statements are clearly about, if any. (Not
    # over a party named alone: its newsletter's words also fit the partner's commitments.)
    content = content_link if content_decided else None
    if not links and not one_party and not content_decided:
        content = link_by_content(statements, report_text, agreements, commitments, config, link_config)
    if content is not None:
        linked[content.agreement_id] = content
        links = [content]
    strict = {content.agreement_id: link_config.content_factor} if content is not None else {}
    strict.update({ag_id: config.one_party_factor for ag_id in one_party})
    by_id = {a.id: a for a in agreements}
    order = sorted(range(len(commitments)), key=lambda j: commitments[j].id)
    cands = [j for j in order if commitments[j].agreement_id in linked
             and (commitments[j].agreement_id not in one_party or commitments[j].id in own)]
    if not statements or not cands:
        return links, []
    cand_commitments = [commitments[j] for j in cands]
    cand_vectors = commitment_vectors[cands] if commitment_vectors is not None else None
    cand_cosine = np.asarray(cosine)[:, cands] if cosine is not None else None
    ignore, names = name_term_filter([by_id[a] for a in linked], cand_commitments)
    raw, norm, cosine, fused = score_pairs(statements, cand_commitments, statement_vectors=statement_vectors,
                                           commitment_vectors=cand_vectors, config=config, ignore_terms=ignore,
                                           cosine=cand_cosine, name_terms=names)
    _score_without_teaching_topics(statements, cand_commitments, (raw, norm, cosine, fused), config, ignore, names)
    matches: list[Match] = []
    others = [a for a in agreements if a.id in linked]
    previous: dict[int, tuple[bool, str]] = {}
    partner_of = [{ag_id: other_partnership(st.text, by_id[ag_id]) for ag_id in linked} for st in statements]
    for i, st in enumerate(statements):
        allowed = {}
        for ag_id in linked:
            ok, why = statement_allowed(st.text, by_id[ag_id], [o for o in others if o.id != ag_id])
            # "The team tested 180 wells": a statement naming no party continues the one before it
            if ok and why.startswith("no party named") and not previous.get(ag_id, (True, ""))[0]:
                ok, why = False, "continues a statement about another party: " + previous[ag_id][1]
            # "… held the test. The participants were trainees of the class run with Regency Y.": the
            # next statement, naming none of the parties, says whose work the activity was
            own = partner_of[i][ag_id]
            nxt = partner_of[i + 1][ag_id] if i + 1 < len(statements) else None
            if ok and (own or (nxt and not any(party_named(statements[i + 1].text, p, by_id[ag_id].parties)
                                               for p in by_id[ag_id].parties))):
                ok, why = False, f"done in partnership with {own or nxt}, not a party of the agreement"
            allowed[ag_id] = (ok, why)
        previous = allowed
        ranked = sorted(range(len(cand_commitments)),
                        key=lambda j: (-round(float(fused[i, j]), 9), cand_commitments[j].id))
        rank = 0
        best = 0.0
        for j in ranked:
            if fused[i, j] < config.threshold or rank >= config.max_per_statement:
                break
            com = cand_commitments[j]
            ok, why = allowed[com.agreement_id]
            if not ok or fused[i, j] < config.threshold * strict.get(com.agreement_id, 1.0):
                continue
            if rank and com.agreement_id in one_party \
                    and commitment_obligors(com, by_id[com.agreement_id]) != (one_party[com.agreement_id],):
                continue  # through one named party, a joint commitment counts only as the best match
            if rank and fused[i, j] < config.secondary_ratio * best:
                break
            best = max(best, float(fused[i, j]))
            rank += 1
            matches.append(_match(st, com, rank, (raw[i, j], norm[i, j], cosine[i, j], fused[i, j]), config,
                                  linked[com.agreement_id].reasons, why))
        # "The interns made product photos, as well as handing over the study": a part of the
        # sentence whose best commitment is another one carries out that commitment too, even
        # when the whole sentence's score for it falls below the secondary ratio.
        parts = statement_parts(st.text) if config.method != "embedding" else []
        if parts:
            p_raw, p_norm, p_cos, p_fused = score_pairs(
                [StatementRef(st.id, part) for part in parts], cand_commitments, statement_vectors=None,
                commitment_vectors=None, config=config, ignore_terms=ignore, name_terms=names,
                cosine=np.repeat(np.asarray(cosine)[i:i + 1, :], len(parts), axis=0))
            taken = {m.commitment_id for m in matches if m.statement_id == st.id}
            for k, part in enumerate(parts):
                j = min(range(len(cand_commitments)),
                        key=lambda j: (-round(float(p_fused[k, j]), 9), cand_commitments[j].id))
                com = cand_commitments[j]
                ok, why = allowed[com.agreement_id]
                need = config.threshold * strict.get(com.agreement_id, 1.0)
                if p_fused[k, j] < need or com.id in taken or not ok:
                    continue
                if com.agreement_id in one_party \
                        and commitment_obligors(com, by_id[com.agreement_id]) != (one_party[com.agreement_id],):
                    continue
                # a part inside the topic of the statement's teaching activity is taught, not done
                topic = teaching_topic(st.text)
                at = st.text.find(part)
                if topic and not teaches(com.text) and at < topic[1] and at + len(part) > topic[0]:
                    continue
                taken.add(com.id)
                rank += 1
                matches.append(_match(st, com, rank, (p_raw[k, j], p_norm[k, j], p_cos[k, j], p_fused[k, j]),
                                      config, linked[com.agreement_id].reasons, why, part=part))
    return links, matches


def _score_without_teaching_topics(statements: Sequence[StatementRef], commitments: Sequence[CommitmentRef],
                                   scores: tuple[np.ndarray, ...], config: MatchConfig,
                                   ignore: frozenset[str], names: frozenset[str]) -> None:
    """"Penyuluhan kepada warga tentang cara bekerja ke luar negeri" does not exchange data on
    citizens working abroad: against a commitment that teaches nothing, a statement of teaching or
    outreach is scored without its topic (in place, in the score arrays)."""
    if config.method == "embedding":
        return
    plain = [j for j, c in enumerate(commitments) if not teaches(c.text)]
    rows = [(i, without_teaching_topic(st.text)) for i, st in enumerate(statements)]
    rows = [(i, t) for i, t in rows if t != statements[i].text]
    if not plain or not rows:
        return
    raw, norm, cosine, fused = scores
    t_raw, t_norm, _, t_fused = score_pairs(
        [StatementRef(statements[i].id, t) for i, t in rows], commitments, statement_vectors=None,
        commitment_vectors=None, config=config, ignore_terms=ignore, name_terms=names,
        cosine=np.asarray(cosine)[[i for i, _ in rows], :])
    for k, (i, _) in enumerate(rows):
        for j in plain:
            raw[i, j], norm[i, j], fused[i, j] = t_raw[k, j], t_norm[k, j], t_fused[k, j]


def _match(st: StatementRef, com: CommitmentRef, rank: int, scores: tuple, config: MatchConfig,
           link_reasons: Sequence[str], why: str, part: str | None = None) -> Match:
    raw, norm, cos, fused = (round(float(v), 4) for v in scores)
    explanation = {
        "method": config.method, "threshold": config.threshold, "bm25": raw, "bm25_norm": norm,
        "cosine": cos, "fused": fused, "statement": st.text, "commitment": com.text,
        "shared_terms": shared_terms(part or st.text, com.text),
        "agreement_link": list(link_reasons), "party_check": why,
    }
    if part is not None:
        explanation["statement_part"] = part
    if config.method == "hybrid":
        # fused = w * bm25_norm + (1 - w) * cosine_term (see fuse): the weight this pair got and the
        # cosine after its gap to the statement's best cosine
        languages = (detect_language(part or st.text), detect_language(com.text))
        w = float(bm25_weight(config, languages[0] != languages[1]))
        explanation.update({"languages": "/".join(languages), "bm25_weight": w, "cosine_term": round(
            (float(scores[3]) - w * float(scores[1])) / (1 - w), 4) if w < 1 else 0.0})
    return Match(statement_id=st.id, commitment_id=com.id, agreement_id=com.agreement_id, bm25=raw,
                 bm25_norm=norm, cosine=cos, fused=fused, rank=rank, explanation=explanation)


# ---------------------------------------------------------------- retrieval at scale

class CommitmentCorpus:
    """BM25 over a large set of commitments, built once (the benchmark's 100,000); queried with a
    sparse product, so a 20-statement report costs milliseconds."""

    def __init__(self, commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig()) -> None:
        self.ids = np.array([c.id for c in commitments], dtype=np.int64)
        self.bm25 = BM25([match_terms(c.text) for c in commitments], k1=config.k1, b=config.b)
        self.config = config
        self.position = {int(cid): j for j, cid in enumerate(self.ids)}
        self.english = np.array([detect_language(c.text) == "en" for c in commitments], dtype=bool)

    def retrieve(self, statements: Sequence[StatementRef], statement_vectors: np.ndarray | None,
                 vector_hits: Sequence[Sequence[tuple[int, float]]] | None, vector_of, k: int = 20,
                 ) -> list[list[tuple[int, float, float, float]]]:
        """Per statement: (commitment id, fused, bm25_norm, cosine) of the union of the BM25 top-k
        and the vector-index top-k, best first (ties by id), at or above the method's threshold.
        `vector_of(ids) -> (len(ids), dim)` gives stored commitment vectors for the BM25-only hits."""
        config = self.config
        norm = self.bm25.normalised(self.bm25.scores([match_terms(s.text) for s in statements]))
        position = self.position
        s_english = [detect_language(s.text) == "en" for s in statements]
        out = []
        for i in range(len(statements)):
            row = norm[i]
            top = np.argpartition(-row, min(k, len(row) - 1))[:k] if len(row) else np.array([], dtype=int)
            cand = {int(self.ids[j]) for j in top if row[j] > 0}
            cos: dict[int, float] = {}
            if config.method != "bm25" and vector_hits is not None:
                cos.update({int(cid): float(c) for cid, c in vector_hits[i]})
                cand |= set(cos)
                missing = sorted(c for c in cand if c not in cos)
                if missing and statement_vectors is not None:
                    sims = np.asarray(vector_of(missing)) @ np.asarray(statement_vectors[i])
                    cos.update({cid: float(v) for cid, v in zip(missing, sims, strict=True)})
            ids = sorted(cand)
            rows = [position[cid] for cid in ids]
            bm25_cand = row[rows] if ids else np.zeros(0)
            cos_cand = np.array([cos.get(cid, 0.0) for cid in ids], dtype=np.float64)
            fused = fuse(bm25_cand, cos_cand, config, self.english[rows] != s_english[i])
            scored = [(cid, round(float(f), 6), round(float(b), 6), round(float(c), 6))
                      for cid, f, b, c in zip(ids, fused, bm25_cand, cos_cand, strict=True) if f >= config.threshold]
            scored.sort(key=lambda t: (-t[1], t[0]))
            out.append([t for t in scored if t[1] >= config.secondary_ratio * scored[0][1]])
        return out
