"""Matching service on a real (SQLite) database: statements, matches, statuses, reviewer decisions,
persistence across processes and re-extraction, embeddings per model, and `janji flags`.

The hash embedder is used: these tests are about storage and status rules, not embedding quality
(tests/extractor/test_matching_scenarios.py uses the real model)."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from api.services import matching
from api.settings import Settings
from extractor.activities import extract_activities
from extractor.matching_embeddings import EMBEDDING_PREP
from extractor.types import DocumentText, Extraction, PageSpan
from tests.models.factories import ev

ROOT = Path(__file__).resolve().parents[2]

AGREEMENT = {
    "schema": 1, "source": "pks.pdf", "sha256": "1" * 64, "kind": "agreement", "language": "id",
    "title": "Perjanjian Kerja Sama Pengembangan Desa Wisata", "number": "556/212/2024", "pages": 1,
    "location": None, "term": None,
    "parties": [
        {"name": "Pemerintah Kabupaten Semarang", "aliases": ["Pemkab Semarang"], "role": "PIHAK PERTAMA",
         "confidence": 0.9, "evidence": [ev(10, "Pemerintah Kabupaten Semarang")]},
        {"name": "Universitas Kristen Satya Wacana", "aliases": ["UKSW"], "role": "PIHAK KEDUA",
         "confidence": 0.9, "evidence": [ev(60, "Universitas Kristen Satya Wacana")]},
    ],
    "officials": [], "dates": [],
    "commitments": [
        {"text": "PIHAK KEDUA menyelenggarakan pelatihan pemandu wisata bagi pemuda desa wisata",
         "action": "menyelenggarakan pelatihan", "parties": ["Universitas Kristen Satya Wacana"], "due": None,
         "confidence": 0.8, "needs_review": False, "evidence": [ev(200, "menyelenggarakan pelatihan")]},
        {"text": "PIHAK PERTAMA menyediakan data potensi desa wisata kepada PIHAK KEDUA",
         "action": "menyediakan data", "parties": ["Pemerintah Kabupaten Semarang"], "due": "2024-06-30",
         "confidence": 0.8, "needs_review": False, "evidence": [ev(300, "menyediakan data")]},
        {"text": "PARA PIHAK melakukan kajian pengelolaan sampah di desa wisata", "action": "melakukan kajian",
         "parties": [], "due": None, "confidence": 0.8, "needs_review": False,
         "evidence": [ev(400, "melakukan kajian")]},
    ],
    "activities": [], "warnings": [],
}

REPORT = """Universitas Kristen Satya Wacana
Kabar Kampus — 3 Juni 2024

Dua puluh lima pemuda desa wisata Kabupaten Semarang mengikuti pelatihan pemandu wisata yang diselenggarakan UKSW bersama Pemerintah Kabupaten Semarang pada 27 Mei 2024.

Kajian pengelolaan sampah desa wisata direncanakan pada tahun 2025.
"""


@pytest.fixture
def env(tmp_path):
    url = f"sqlite:///{tmp_path / 'janji.db'}"
    settings = Settings(data_dir=tmp_path, database_url=url, embedding_model="hash-128")
    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade

    upgrade(url)
    factory = make_session_factory(make_engine(url))
    return settings, factory, tmp_path


def _store(factory, sha: str, name: str, extraction: dict, kind_hint: str | None = None) -> int:
    from models import repository as repo

    with factory() as session:
        doc_id = repo.get_or_create_document(session, sha256=sha, display_name=name, media_type="text/plain",
                                             size=10, blob_key=sha, kind_hint=kind_hint)["id"]
        repo.save_extraction(session, document_id=doc_id, extraction=extraction, run_status="succeeded")
    return doc_id


def _report_extraction(text: str = REPORT) -> Extraction:
    doc = DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))
    return Extraction(source="kabar.txt", sha256="2" * 64, kind="activity_report",
                      activities=extract_activities(doc))


def _ingest_report(settings, factory, extraction: Extraction | None = None) -> int:
    extraction = extraction or _report_extraction()
    data = extraction.to_dict()
    doc_id = _store(factory, "2" * 64, "kabar-kampus.txt", data, kind_hint="activity_report")
    with factory() as session:
        matching.process_report(session, doc_id, extraction, settings=settings)
    return doc_id


def _by_text(rows, needle):
    return next(r for r in rows if needle in r["text"])


def test_report_matched_flags_and_statuses(env):
    settings, factory, _ = env
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    _ingest_report(settings, factory)
    with factory() as session:
        rows = matching.flags(session, as_of=dt.date(2024, 9, 30))
    assert all(set(r) == {"commitment_id", "text", "agreement", "parties", "status", "due", "evidence"}
               for r in rows)
    training = _by_text(rows, "pemandu wisata")
    assert training["status"] == "has_activity"
    assert training["evidence"][0]["report"] == "kabar-kampus.txt"
    assert set(training["evidence"][0]) == {"report", "text", "score"}
    assert _by_text(rows, "menyediakan data")["status"] == "overdue"      # due 2024-06-30, nothing done
    assert _by_text(rows, "kajian")["status"] == "no_activity"           # only planned
    with factory() as session:  # before the activity happened
        early = matching.flags(session, as_of=dt.date(2024, 5, 1))
        flagged = matching.flags(session, as_of=dt.date(2024, 9, 30), only_flagged=True)
    assert _by_text(early, "pemandu wisata")["status"] == "no_activity"
    assert all(r["status"] != "has_activity" for r in flagged) and len(flagged) == 2


def test_decisions_survive_rematching_reextraction_and_restart(env):
    settings, factory, tmp = env
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    report_id = _ingest_report(settings, factory)
    from models import repository as repo

    with factory() as session:
        training = _by_text(matching.commitment_statuses(session, as_of=dt.date(2024, 9, 30)), "pemandu")
        match_id = training["evidence"][0]["match_id"]
        matching.reject_match(session, match_id=match_id, reviewer="tester", reason="another training")
        data = _by_text(matching.commitment_statuses(session, as_of=dt.date(2024, 9, 30)), "menyediakan data")
    # a rejected match never counts again, even when the report is matched again
    _ingest_report(settings, factory)
    with factory() as session:
        assert repo.get_match(session, match_id=match_id)["status"] == "rejected"
        rows = matching.commitment_statuses(session, as_of=dt.date(2024, 9, 30))
    assert all(e["match_id"] != match_id for e in _by_text(rows, "pemandu")["evidence"])
    # confirm a match by hand (a reviewer links the data commitment to the training statement)
    with factory() as session:
        statement_id = repo.list_statements(session, document_id=report_id)[0]["id"]
        manual = repo.upsert_match(session, commitment_id=data["commitment_id"], statement_id=statement_id,
                                   score=0.1, explanation={"by": "reviewer"})
        matching.confirm_match(session, match_id=manual, reviewer="tester")
    # re-extraction of the agreement and the report keeps ids, and so the decisions
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    _ingest_report(settings, factory)
    with factory() as session:
        assert repo.get_match(session, match_id=manual)["status"] == "confirmed"
        assert repo.get_match(session, match_id=match_id)["status"] == "rejected"
    # another process (a restart) sees the same statuses through `janji flags`
    envvars = {k: v for k, v in os.environ.items() if not k.startswith("JANJI_")}
    envvars.update({"JANJI_DATA_DIR": str(tmp), "JANJI_DATABASE_URL": settings.database_url,
                    "JANJI_EMBEDDING_MODEL": "hash-128"})
    proc = subprocess.run([sys.executable, "-m", "api.cli", "flags", "--all", "--json", "--as-of", "2024-09-30"],
                          cwd=ROOT, env=envvars, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert _by_text(rows, "menyediakan data")["status"] == "has_activity"   # confirmed always counts
    table = subprocess.run([sys.executable, "-m", "api.cli", "flags", "--as-of", "2024-09-30"], cwd=ROOT,
                           env=envvars, capture_output=True, text=True, timeout=300)
    assert table.returncode == 0 and "flagged" in table.stdout and "kajian" in table.stdout
    bad = subprocess.run([sys.executable, "-m", "api.cli", "flags", "--as-of", "30/09/2024"], cwd=ROOT,
                         env=envvars, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_activity_of_another_party_is_not_matched(env):
    settings, factory, _ = env
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    other = REPORT.replace("Pemerintah Kabupaten Semarang", "Pemerintah Kabupaten Boyolali") \
                  .replace("desa wisata Kabupaten Semarang", "desa wisata Kabupaten Boyolali")
    _ingest_report(settings, factory, _report_extraction(other))
    with factory() as session:
        rows = matching.flags(session, as_of=dt.date(2024, 9, 30))
    assert _by_text(rows, "pemandu wisata")["status"] == "no_activity"


def test_embeddings_stored_per_model_and_never_mixed(env):
    settings, factory, _ = env
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    _ingest_report(settings, factory)
    from sqlalchemy import select

    from models.tables import Embedding

    other = Settings(data_dir=settings.data_dir, database_url=settings.database_url, embedding_model="hash-64")
    _ingest_report(other, factory)
    with factory() as session:
        rows = session.execute(select(Embedding.model_id, Embedding.dim)).all()
        statuses = matching.flags(session, as_of=dt.date(2024, 9, 30))
    assert {(m, d) for m, d in rows} == {(f"hash-128#{EMBEDDING_PREP}", 128), (f"hash-64#{EMBEDDING_PREP}", 64)}
    assert _by_text(statuses, "pemandu wisata")["status"] == "has_activity"


def test_report_without_statements_or_commitments(env):
    settings, factory, _ = env
    doc_id = _ingest_report(settings, factory, _report_extraction("LAPORAN\n\nNomor : 1/2024\n"))
    with factory() as session:
        assert matching.flags(session, as_of=dt.date(2024, 9, 30)) == []
        assert matching.process_report(session, doc_id, _report_extraction(), settings=settings)["matches"] == 0


def test_reports_ingested_before_their_agreement_are_matched_by_rematch(env):
    settings, factory, _ = env
    _ingest_report(settings, factory)                      # no agreement yet: nothing to match
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    with factory() as session:
        assert _by_text(matching.flags(session, as_of=dt.date(2024, 9, 30)), "pemandu")["status"] == "no_activity"
        results = matching.rematch_reports(session, settings=settings)
        assert results and results[0]["matches"] >= 1
        assert _by_text(matching.flags(session, as_of=dt.date(2024, 9, 30)), "pemandu")["status"] == "has_activity"


def test_matching_searches_through_the_vector_index(env):
    """Cosines come from models/vector_index.py (the index chosen for this database), searched among
    the linked agreement's commitments only; /healthz names that index."""
    import numpy as np

    from models.db import make_engine
    from models.vector_index import NumpyVectorIndex

    settings, factory, _ = env
    _store(factory, "1" * 64, "pks-desa-wisata.pdf", AGREEMENT)
    db_engine = make_engine(settings.resolved_database_url)
    calls = []

    class Recording(NumpyVectorIndex):
        def search_many(self, vectors, model_id, k, filter_owner_ids=None):
            calls.append((model_id, k, sorted(filter_owner_ids or [])))
            return super().search_many(vectors, model_id, k, filter_owner_ids)

    from models.db import make_session_factory

    key = (db_engine.url.render_as_string(hide_password=False), "commitment")
    matching._indexes[key] = Recording(make_session_factory(db_engine))
    try:
        _ingest_report(settings, factory)
        assert matching.vector_index_name(db_engine, settings) == "numpy"
    finally:
        matching._indexes.pop(key, None)
    with factory() as session:
        from models import repository as repo

        commitment_ids = sorted(c["id"] for c in repo.open_commitments(session))
        rows = matching.flags(session, as_of=dt.date(2024, 9, 30))
    assert calls and calls[0][0] == f"hash-128#{EMBEDDING_PREP}" and calls[0][2] == commitment_ids
    assert _by_text(rows, "pemandu wisata")["status"] == "has_activity"
    stored = matching.vector_index(db_engine).fetch(commitment_ids, f"hash-128#{EMBEDDING_PREP}")
    assert sorted(stored) == commitment_ids
    assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-5 for v in stored.values())
