"""Activity statements x commitments -> matches, with scores and an explanation.

1. Linking: which agreements a report is about. An agreement is linked when the report names at
   least two of its parties (all of them if it has one), or its number. A statement that names a
   party of another agreement, or an organisation of the same kind as one of the agreement's
   parties in another place (Majlis Bandaraya Kuching Selatan vs Dewan Bandaraya Kuching Utara),
   and none of the agreement's own parties, does not count for that agreement. A report naming
   only one party (and no other organisation of the partner's kind, and no other agreement of that
   party) counts for that party's own commitments, on strong matches only (link_one_party). A
   report naming each party by a proper word of its name ("Pemda Muara Jelita", "the Lage Velden
   team") links as two names do (link_by_soft_names, extractor/name_words.py).
   (extractor/linking.py)
2. Scoring each (statement, commitment of a linked agreement):
   - BM25 over analysed terms (PySastrawi / English stems, id->en glossary), normalised by the
     commitment's BM25 score against itself, so 1.0 means "every term of the commitment occurs";
     terms of the linked parties' names and of the agreement's own kind ("perjanjian kerja sama",
     "memorandum") are left out: every report about the agreement has them;
   - cosine of embeddings (the caller's Embedder; vectors of one model only);
   - fused = w * bm25_norm + (1 - w) * cosine_term (fuse): w is lower between an English and an
     Indonesian text, and a commitment's cosine loses its gap to the statement's best cosine.
   (extractor/matching_scores.py; the embeddings' input and centring: matching_embeddings.py)
3. A statement matches the commitments whose score reaches the method's threshold (at most
   `max_per_statement`, best first, ties broken by commitment id); a second or third match must
   also reach `secondary_ratio` of the statement's best score. A sentence joining two activities
   ("A …, serta B …", "A …, as well as B") also counts for the best commitment of each part.
Thresholds and the weight were calibrated on scenarios (see benchmarks/eval_matching.py); the
records and MatchConfig are in extractor/matching_types.py.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from extractor.activity_cues import names_partner_section
from extractor.linking import LinkConfig
from extractor.matching_embeddings import Centering
from extractor.matching_scores import (
    BM25,
    bm25_weight,
    fuse,
    match_terms,
    name_term_filter,
    score_pairs,
    shared_terms,
    statement_parts,
)
from extractor.matching_text import detect_language, teaches, teaching_topic, without_teaching_topic
from extractor.matching_types import (
    AgreementLink,
    AgreementRef,
    CommitmentRef,
    Match,
    MatchConfig,
    StatementRef,
)
from extractor.report_linking import ReportLinks, link_stored_report
from extractor.report_parties import party_named
from extractor.statement_scope import (
    commitment_obligors,
    one_party_candidates,
    other_partnership,
    received_supplies,
    says_received,
    statement_agent,
    statement_allowed,
)


def match_report(statements: Sequence[StatementRef], report_text: str, agreements: Sequence[AgreementRef],
                 commitments: Sequence[CommitmentRef], *, statement_vectors: np.ndarray | None = None,
                 commitment_vectors: np.ndarray | None = None, config: MatchConfig = MatchConfig(),  # noqa: B008 (frozen)
                 centering: Centering | None = None, cosine: np.ndarray | None = None,
                 link_config: LinkConfig = LinkConfig(), linking: ReportLinks | None = None,  # noqa: B008 (frozen)
                 ) -> tuple[list[AgreementLink], list[Match]]:
    """Links and matches for one report. `statement_vectors[i]` embeds `statements[i]`,
    `commitment_vectors[j]` embeds `commitments[j]` (same model, L2-normalised); or `cosine[i, j]`
    is given directly (a vector index's search, statements x `commitments`). `linking`: how the
    report links to every stored agreement (report_linking.link_stored_report over all agreements
    and open commitments), when the caller passes only the linked agreements' commitments; linked
    here over `agreements` and `commitments` otherwise."""
    if centering is not None and statement_vectors is not None and commitment_vectors is not None:
        statement_vectors = centering.apply(statement_vectors, [s.text for s in statements])
        commitment_vectors = centering.apply(commitment_vectors, [c.text for c in commitments])
    if linking is None:
        linking = link_stored_report(report_text, statements, agreements, commitments, config, link_config)
    links, one_party, content = list(linking.links), dict(linking.one_party), linking.content
    linked = {link.agreement_id: link for link in links}
    own = {c.id for c in one_party_candidates(commitments, one_party, agreements)}
    by_id = {a.id: a for a in agreements}
    # a party's own report saying it received what the partner must supply counts for that supply
    received = {c.id for c in received_supplies(commitments, one_party, agreements)}
    for ag_id, name in one_party.items():
        if any(c.agreement_id == ag_id and c.id in own | received for c in commitments):
            linked[ag_id] = AgreementLink(ag_id, 0.0, ((f"one party named: {name}; only its own commitments "
                                                        f"(a joint one as a statement's best match), strong "
                                                        f"matches only"),))
            links = [*links, linked[ag_id]]
    # a report linked by no name: the one agreement its statements are clearly about, if any (not
    # over a party named alone: its newsletter's words also fit the partner's commitments)
    if content is not None:
        linked[content.agreement_id] = content
        links = [content]
    strict = {content.agreement_id: link_config.content_factor} if content is not None else {}
    strict.update({ag_id: config.one_party_factor for ag_id in one_party})
    order = sorted(range(len(commitments)), key=lambda j: commitments[j].id)
    cands = [j for j in order if commitments[j].agreement_id in linked
             and (commitments[j].agreement_id not in one_party or commitments[j].id in own | received)]
    if not statements or not cands:
        return links, []
    cand_commitments = [commitments[j] for j in cands]
    # who must carry out each candidate, read once (asked for every statement below)
    obligors = {c.id: commitment_obligors(c, by_id[c.agreement_id]) for c in cand_commitments}
    cand_vectors = commitment_vectors[cands] if commitment_vectors is not None else None
    cand_cosine = np.asarray(cosine)[:, cands] if cosine is not None else None
    ignore, names = name_term_filter([by_id[a] for a in linked], cand_commitments)
    raw, norm, cosine, fused = score_pairs(statements, cand_commitments, statement_vectors=statement_vectors,
                                           commitment_vectors=cand_vectors, config=config, ignore_terms=ignore,
                                           cosine=cand_cosine, name_terms=names)
    _score_without_teaching_topics(statements, cand_commitments, (raw, norm, cosine, fused), config, ignore, names)
    matches: list[Match] = []
    term_sets = _TermSets(ignore, names, cand_commitments)
    verdicts = _verdicts(statements, [by_id[a] for a in linked], [a for a in agreements if a.id in linked],
                         report_text)
    agents = [{ag_id: statement_agent(st.text, by_id[ag_id]) for ag_id in linked} for st in statements]
    for i, st in enumerate(statements):
        if _short_line(st.text, 16) and names_partner_section(st.text):
            continue  # "B. Kerja sama dengan PT X (lampu jalan)": whose section follows, nothing done
        allowed = verdicts[i]
        ranked = sorted(range(len(cand_commitments)),
                        key=lambda j: (-round(float(fused[i, j]), 9), cand_commitments[j].id))
        rank = 0
        best = 0.0
        for j in ranked:
            if fused[i, j] < config.threshold or rank >= config.max_per_statement:
                break
            com = cand_commitments[j]
            ok, why = allowed[com.agreement_id]
            if com.id in received:
                if rank or not ok or fused[i, j] < config.threshold or not says_received(st.text):
                    continue
            elif not ok or fused[i, j] < config.threshold * strict.get(com.agreement_id, 1.0):
                continue
            # "... diberikan oleh dinas kepada PT X": done by the one party, not the other's duty
            doer = agents[i].get(com.agreement_id)
            if doer and obligors[com.id] and doer not in obligors[com.id]:
                continue
            if rank and com.agreement_id in one_party and com.id not in received \
                    and obligors[com.id] != (one_party[com.agreement_id],):
                continue  # through one named party, a joint commitment counts only as the best match
            if rank and fused[i, j] < config.secondary_ratio * best:
                break
            if rank and config.method != "embedding" and not _own_terms(st, com, matches[-rank], term_sets):
                continue
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
                        and obligors[com.id] != (one_party[com.agreement_id],):
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


_HEADING_WORD = re.compile(r"[^\W_]+")


def _verdicts(statements: Sequence[StatementRef], linked: Sequence[AgreementRef],
              others: Sequence[AgreementRef], report_text: str = "") -> list[dict[int, tuple[bool, str]]]:
    """Per statement, per linked agreement: may it count for that agreement, and why."""
    # "3. Supervisi ke panti telah kami lakukan …" after "2. Dengan Fakultas X: …": a numbered item
    # starts afresh, it does not continue the item before it
    numbered = {i for i, st in enumerate(statements) if _opens_numbered_item(report_text, st.text)}
    previous: dict[int, tuple[bool, str]] = {}
    partner_of = [{ag.id: other_partnership(st.text, ag) for ag in linked} for st in statements]
    out = []
    for i, st in enumerate(statements):
        allowed = {}
        for ag in linked:
            ok, why = statement_allowed(st.text, ag, [o for o in others if o.id != ag.id])
            # "The team tested 180 wells": a statement naming no party continues the one before it (a
            # section heading starts afresh: "B. Layanan adminduk di RS X" after a section on other work)
            if ok and why.startswith("no party named") and not previous.get(ag.id, (True, ""))[0] \
                    and not _section_heading(st.text) and i not in numbered:
                ok, why = False, "continues a statement about another party: " + previous[ag.id][1]
            # "… held the test. The participants were trainees of the class run with Regency Y.": the
            # next statement, naming none of the parties, says whose work the activity was
            own = partner_of[i][ag.id]
            nxt = partner_of[i + 1][ag.id] if i + 1 < len(statements) else None
            if ok and (own or (nxt and not any(party_named(statements[i + 1].text, p, ag.parties)
                                               for p in ag.parties))):
                ok, why = False, f"done in partnership with {own or nxt}, not a party of the agreement"
            allowed[ag.id] = (ok, why)
        previous = allowed
        out.append(allowed)
    # a news item's headline says in short what its lead says: it counts only where the lead does
    for i in range(len(statements) - 1):
        if not (_headline(statements[i].text) and _NEWS_LEAD.match(statements[i + 1].text)):
            continue
        for ag_id, (ok, why) in out[i].items():
            lead_ok, lead_why = out[i + 1][ag_id]
            if ok and why.startswith("no party named") and not lead_ok:
                out[i][ag_id] = (False, "the headline of a lead that does not count: " + lead_why)
    return out


_NUMBER_MARK = re.compile(r"(?:^|\n)[ \t]?\d{1,2}[.)][ \t]+$")


def _opens_numbered_item(report_text: str, text: str) -> bool:
    at = report_text.find(text)
    return at > 0 and bool(_NUMBER_MARK.search(report_text, max(0, at - 8), at))


def _headline(text: str) -> bool:
    return _short_line(text, 20)


def _short_line(text: str, max_words: int) -> bool:
    """One line of at most `max_words` words with no closing punctuation."""
    text = text.strip()
    return "\n" not in text and text[-1:] not in ".!?;:" and len(_HEADING_WORD.findall(text)) <= max_words


# a news item's lead opens with its dateline in capitals ("SERDANG HILIR — …", "KUALA BARU, 3/5 – …")
_NEWS_LEAD = re.compile(r"\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,4}\s*(?:,[^\n—–]{0,40}?)?\s*(?:—|–|--?)\s")


class _TermSets:
    """BM25 terms of statements and commitments, each text read once."""

    def __init__(self, ignore: frozenset[str], names: frozenset[str], commitments: Sequence[CommitmentRef]) -> None:
        self.ignore, self.names = ignore, names
        self.commitments = {c.id: c for c in commitments}
        self.cache: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> frozenset[str]:
        if text not in self.cache:
            self.cache[text] = frozenset(match_terms(text, self.ignore, self.names))
        return self.cache[text]


def _own_terms(st: StatementRef, com: CommitmentRef, best: Match, terms: _TermSets) -> bool:
    """A second match needs a term of its own: one the statement shares with it and not with the best
    match ("tersusun peta jalur evakuasi" shares only 'susun' with the procedure it does not draft up),
    unless the two commitments are written alike."""
    best_terms, own = terms(terms.commitments[best.commitment_id].text), terms(com.text)
    return bool((terms(st.text) & own) - best_terms) or own == best_terms


def _section_heading(text: str) -> bool:
    """A short line with no closing punctuation and no table cells: a section's heading."""
    return _short_line(text, 10) and " — " not in text and "|" not in text


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
    """BM25 over a large set of commitments, built once (the benchmark's 100,000); queried along the
    postings of the statements' terms (BM25.scores_by_postings), so a 20-statement report costs
    milliseconds."""

    def __init__(self, commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig()) -> None:  # noqa: B008 (frozen)
        self.ids = np.array([c.id for c in commitments], dtype=np.int64)
        self.bm25 = BM25([match_terms(c.text) for c in commitments], k1=config.k1, b=config.b)
        self.config = config
        self.position = {int(cid): j for j, cid in enumerate(self.ids)}
        self.english = np.array([detect_language(c.text) == "en" for c in commitments], dtype=bool)
        self.denominator = np.where(self.bm25.self_scores > 0, self.bm25.self_scores, 1.0)  # BM25.normalised's

    def retrieve(self, statements: Sequence[StatementRef], statement_vectors: np.ndarray | None,
                 vector_hits: Sequence[Sequence[tuple[int, float]]] | None, vector_of, k: int = 20,
                 ) -> list[list[tuple[int, float, float, float]]]:
        """Per statement: (commitment id, fused, bm25_norm, cosine) of the union of the BM25 top-k
        and the vector-index top-k, best first (ties by id), at or above the method's threshold.
        `vector_of(ids) -> (len(ids), dim)` gives stored commitment vectors for the BM25-only hits."""
        config = self.config
        norm = self.bm25.scores_by_postings([match_terms(s.text) for s in statements])
        norm /= self.denominator  # BM25.normalised in place (0 / d stays 0)
        threshold = config.threshold
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
                      for cid, f, b, c in zip(ids, fused, bm25_cand, cos_cand, strict=True) if f >= threshold]
            scored.sort(key=lambda t: (-t[1], t[0]))
            out.append([t for t in scored if t[1] >= config.secondary_ratio * scored[0][1]])
        return out
