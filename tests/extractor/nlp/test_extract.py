"""extract(): furniture, languages, chunking and evidence anchoring on hand-built DocumentTexts."""
from __future__ import annotations

import extractor.extract as extract_mod
from extractor.extract import blank_furniture, chunk_bounds, extract
from extractor.nlp.language import detect, sections
from extractor.types import DocumentText, PageSpan

ID_TEXT = ("Pemkab Sukamaju Teken MoU dengan Universitas Lembah Hijau\n\n"
           "SUKAMAJU - Pemerintah Kabupaten (Pemkab) Sukamaju dan Universitas Lembah Hijau resmi "
           "menandatangani nota kesepakatan kerja sama di bidang pendidikan. Penandatanganan dilakukan oleh "
           "Bupati Sukamaju Drs. Arief Wibowo dan Rektor Universitas Lembah Hijau, Dr. Ratna Sari, M.Si.\n\n"
           "\"Kerja sama ini akan kami jalankan dengan sungguh-sungguh,\" ujar Arief.\n")
EN_TEXT = ("The Parties shall exchange students and staff in accordance with the laws of each country. "
           "Each Party shall bear its own costs, and the Parties will meet once a year to review the "
           "programme of activities under this Memorandum of Understanding.\n")


def _doc(text: str, pages: int = 1, boxes: bool = False, furniture=()) -> DocumentText:
    size = len(text) // pages
    spans = tuple(PageSpan(i + 1, i * size, len(text) if i == pages - 1 else (i + 1) * size)
                  for i in range(pages))
    char_boxes = tuple((float(i % 80), float(i // 80), float(i % 80 + 1), float(i // 80 + 1))
                       if not c.isspace() else None for i, c in enumerate(text)) if boxes else ()
    return DocumentText(text=text, pages=spans, char_boxes=char_boxes, furniture=tuple(furniture))


def _all_evidence(x):
    for group in (x.parties, x.officials, x.dates, x.commitments):
        for item in group:
            yield from item.evidence


def test_language_detection():
    assert detect(ID_TEXT) == "id"
    assert detect(EN_TEXT) == "en"
    assert detect("Der Vertrag wird zwischen den Parteien geschlossen und gilt fünf Jahre lang ab heute "
                  "für beide Seiten gleichermaßen verbindlich.") == "other"
    assert detect("terlalu pendek") is None


def test_mixed_document_is_processed_per_section():
    text = ID_TEXT + "\n" + (EN_TEXT * 5)
    _lang, secs = sections(text)
    assert [s.lang for s in secs] == ["id", "en"]
    assert secs[0].start == 0 and secs[-1].end == len(text)
    x = extract(_doc(text), source="mixed.txt", sha256="0")
    assert any(w.code == "mixed_language" for w in x.warnings)
    assert {p.name for p in x.parties} == {"Pemerintah Kabupaten Sukamaju", "Universitas Lembah Hijau"}


def test_other_language_warns_and_does_not_crash():
    text = ("Der Vertrag wird zwischen den Parteien geschlossen und gilt fünf Jahre lang ab heute für beide "
            "Seiten gleichermaßen verbindlich. Die Universität Nord und die Stadt Süd arbeiten zusammen.\n")
    x = extract(_doc(text), source="de.txt", sha256="0")
    assert any(w.code == "unsupported_language" for w in x.warnings)
    assert x.language in ("id", "en")


def test_evidence_is_anchored_with_page_and_box():
    text = ID_TEXT * 2
    x = extract(_doc(text, pages=2, boxes=True), source="a.pdf", sha256="0")
    evidence = list(_all_evidence(x))
    assert evidence
    for e in evidence:
        assert text[e.start:e.end] == e.text
        assert e.page == (1 if e.start < len(text) // 2 else 2)
        assert e.bbox is not None
    najmi = next(o for o in x.officials if o.name == "Arief Wibowo")
    assert najmi.role == "signatory" and najmi.honorifics == ("Drs.",)
    assert len(najmi.evidence) >= 3  # both full mentions and the surname in the quote


def test_furniture_is_blanked_but_evidence_keeps_the_document_text():
    header = "HALAMAN KOP SURAT PEMERINTAH KABUPATEN CONTOH\n"
    text = header + ID_TEXT
    assert blank_furniture(text, [(0, len(header) - 1)]).startswith(" " * (len(header) - 1) + "\n")
    x = extract(_doc(text, furniture=[(0, len(header) - 1)]), source="f.pdf", sha256="0")
    assert all(p.name != "Pemerintah Kabupaten Contoh" for p in x.parties)
    for e in _all_evidence(x):
        assert e.start >= len(header) and text[e.start:e.end] == e.text


def test_long_text_is_chunked_with_shifted_offsets(monkeypatch):
    text = (ID_TEXT + "\n") * 6
    assert chunk_bounds(text, 0, len(text), limit=len(ID_TEXT) + 50)[0][1] <= len(ID_TEXT) + 50
    monkeypatch.setattr(extract_mod, "MAX_CHUNK", len(ID_TEXT) + 50)
    x = extract(_doc(text), source="long.txt", sha256="0")
    starts = {e.start for p in x.parties for e in p.evidence}
    assert max(starts) > len(text) // 2  # mentions found in later chunks, at their document offsets
    assert len(x.parties) == 2  # merged across chunks
    for e in _all_evidence(x):
        assert text[e.start:e.end] == e.text


def test_kind_hint_wins():
    x = extract(_doc(ID_TEXT), source="r.txt", sha256="0", kind_hint="report")
    assert x.kind == "activity_report"
