"""An activity report's extraction lists its done activities among its commitments (the scoring
convention), but only agreements and releases create obligations: nothing a report says is ever
flagged, matched against, or counted as a commitment with no activity.

Real extraction (`extractor.extract.extract`) of invented documents, a real SQLite database, the
real matching service with the hash embedder (this is about what is tracked, not match quality)."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from api.services import matching
from api.settings import Settings
from extractor.extract import extract
from extractor.types import DocumentText, PageSpan

AGREEMENT = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN LEMBAH ARUNA
DAN
POLITEKNIK PANGAN SERAYU

Pasal 1
Kewajiban

(1) PIHAK PERTAMA berkewajiban menyediakan lahan percobaan seluas dua hektare.
(2) PIHAK KEDUA berkewajiban menyelenggarakan pelatihan pengolahan ubi bagi 40 kelompok tani.
"""

REPORT = """LAPORAN KEGIATAN
Kerja Sama Pengolahan Pangan Lokal

Kegiatan yang Telah Dilaksanakan
1. Politeknik Pangan Serayu telah menyelenggarakan pelatihan pengolahan ubi bagi 40 kelompok tani pada 3 Februari 2025.
2. Tim dosen memasang enam mesin pengering di balai desa Sukarasa pada 10 Februari 2025.
3. Dinas Pertanian membagikan bibit ubi unggul kepada 300 petani pada 20 Februari 2025.

Lembah Aruna, 1 Maret 2025
"""


def _doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def env(tmp_path):
    url = f"sqlite:///{tmp_path / 'janji.db'}"
    settings = Settings(data_dir=tmp_path, database_url=url, embedding_model="hash-128")
    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade

    upgrade(url)
    return settings, make_session_factory(make_engine(url))


def _store(factory, text: str, name: str, kind_hint: str | None):
    from models import repository as repo

    extraction = extract(_doc(text), source=name, sha256=_sha(text), kind_hint=kind_hint)
    with factory() as session:
        doc_id = repo.get_or_create_document(session, sha256=_sha(text), display_name=name, media_type="text/plain",
                                             size=len(text), blob_key=_sha(text), kind_hint=kind_hint)["id"]
        repo.save_extraction(session, document_id=doc_id, extraction=extraction.to_dict(), run_status="succeeded")
    return doc_id, extraction


def test_report_done_statements_are_commitments_in_the_extraction():
    out = extract(_doc(REPORT), source="laporan.txt", sha256=_sha(REPORT), kind_hint="activity_report")
    texts = [c.text for c in out.commitments]
    assert any("mesin pengering" in t for t in texts)
    assert any("bibit ubi unggul" in t for t in texts)
    assert not any("Kegiatan yang Telah" in t for t in texts)     # a heading is not an action


def test_report_statements_never_become_flagged_obligations(env):
    settings, factory = env
    _store(factory, AGREEMENT, "pks.txt", "agreement")
    report_id, report = _store(factory, REPORT, "laporan.txt", "activity_report")
    assert len(report.commitments) >= 3                       # stored with the report ...
    with factory() as session:
        matching.process_report(session, report_id, report, settings=settings)
        rows = matching.flags(session, as_of=dt.date(2025, 12, 31))
    texts = [r["text"] for r in rows]
    # ... but only the agreement's two obligations are tracked
    assert len(rows) == 2, texts
    assert all("pengering" not in t and "bibit" not in t and "Politeknik Pangan Serayu telah" not in t
               for t in texts)
    assert all("Laporan" not in r["agreement"] and "laporan" not in r["agreement"] for r in rows)
    flagged = [r["text"] for r in rows if r["status"] in ("no_activity", "overdue")]
    assert any("lahan percobaan" in t for t in flagged)       # nothing done for it: flagged
