"""Test data shaped like the extractor's output (`Extraction.to_dict()`)."""
from __future__ import annotations


def ev(start: int, text: str, page: int = 1) -> dict:
    return {"page": page, "start": start, "end": start + len(text), "text": text, "bbox": [10.0, 20.0, 30.0, 40.0]}


def sample_extraction(**overrides) -> dict:
    """An extraction dict shaped like `Extraction.to_dict()` (schema 1)."""
    data = {
        "schema": 1, "source": "mou.pdf", "sha256": "0" * 64, "kind": "agreement", "language": "id",
        "title": "Nota Kesepahaman tentang Pengembangan Desa Wisata", "number": "119/NK/2025", "pages": 3,
        "location": "Bandung", "term": {"years": 5, "months": 0, "days": 0, "text": "5 (lima) tahun"},
        "parties": [
            {"name": "Pemerintah Kabupaten Bandung", "aliases": ["Pemkab Bandung"], "role": "PIHAK PERTAMA",
             "confidence": 0.9, "evidence": [ev(10, "Pemerintah Kabupaten Bandung")]},
            {"name": "Universitas Padjadjaran", "aliases": [], "role": "PIHAK KEDUA", "confidence": 0.9,
             "evidence": [ev(60, "Universitas Padjadjaran")]},
        ],
        "officials": [
            {"name": "Dadang Supriatna", "honorifics": ["H."], "position": "Bupati Bandung",
             "organization": "Pemerintah Kabupaten Bandung", "role": "signatory", "confidence": 0.8,
             "evidence": [ev(100, "Dadang Supriatna")]},
        ],
        "dates": [
            {"date": "2025-03-14", "role": "signing", "text": "14 Maret 2025", "confidence": 0.9,
             "evidence": [ev(140, "14 Maret 2025")]},
        ],
        "commitments": [
            {"text": "PIHAK PERTAMA menyediakan lahan untuk pusat pelatihan", "action": "menyediakan lahan",
             "parties": ["Pemerintah Kabupaten Bandung"], "due": "2025-12-31", "confidence": 0.7,
             "needs_review": False, "evidence": [ev(200, "menyediakan lahan", page=2)]},
            {"text": "PIHAK KEDUA melaksanakan pelatihan pemandu wisata", "action": "melaksanakan pelatihan",
             "parties": ["Universitas Padjadjaran"], "due": None, "confidence": 0.7, "needs_review": False,
             "evidence": [ev(300, "melaksanakan pelatihan", page=2)]},
        ],
        "activities": [],
        "warnings": [],
    }
    data.update(overrides)
    return data


def new_document(session, sha: str = "a" * 64, **kw) -> int:
    from models import repository as repo
    return repo.get_or_create_document(session, sha256=sha, display_name=kw.get("name", "mou.pdf"),
                                       media_type="application/pdf", size=1234, blob_key=sha,
                                       kind_hint=kw.get("kind_hint"))["id"]
