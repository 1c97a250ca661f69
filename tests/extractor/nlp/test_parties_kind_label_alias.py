"""An office's kind words without its place ("Pengadilan Negeri" in a number label "Nomor Pengadilan
Negeri : ...") name the same office of every place: they stay evidence of the party, never an alias
(as an alias a sibling regency's court, "Pengadilan Negeri Y", would name this agreement's court).
Invented text (own scenario 8 found it)."""
from __future__ import annotations

from extractor.extract import extract
from extractor.matching_types import PartyRef
from extractor.report_parties import party_named
from extractor.types import DocumentText, PageSpan

AGREEMENT = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KOTA CONTOH JAYA
DENGAN
PENGADILAN NEGERI CONTOH JAYA

Nomor Pemerintah Kota : 180/001/PKS/2031
Nomor Pengadilan Negeri : W1-U1/002/HK/2031

Pemerintah Kota Contoh Jaya, diwakili oleh Wali Kota Contoh Jaya, selanjutnya disebut PIHAK PERTAMA, dan Pengadilan Negeri Contoh Jaya, diwakili oleh Ketua, selanjutnya disebut PIHAK KEDUA, sepakat:
1. PIHAK KEDUA menyelenggarakan sidang keliling di kelurahan;
2. PIHAK PERTAMA menyediakan ruang sidang keliling.
"""


def _parties():
    doc = DocumentText(text=AGREEMENT, pages=(PageSpan(1, 0, len(AGREEMENT)),))
    return extract(doc, source="pks.txt", sha256="0").parties


def test_the_court_keeps_its_place_in_every_alias_and_the_label_as_evidence():
    court = next(p for p in _parties() if p.name.lower().startswith("pengadilan negeri"))
    assert court.name == "Pengadilan Negeri Contoh Jaya"
    assert "Pengadilan Negeri" not in court.aliases
    assert "PENGADILAN NEGERI CONTOH JAYA" in court.aliases   # forms with the place stay
    label = AGREEMENT.index("Nomor Pengadilan Negeri") + len("Nomor ")
    assert any(e.start == label for e in court.evidence)   # the label still points at the court


def test_another_place_court_does_not_name_this_court():
    parties = _parties()
    court = next(p for p in parties if p.name.startswith("Pengadilan Negeri"))
    refs = [PartyRef(p.name, tuple(p.aliases)) for p in parties]
    ref = next(r for r in refs if r.name == court.name)
    assert not party_named("Pengadilan Negeri Lain Raya menggelar sidang keliling di 5 desa.", ref, refs)
    assert party_named("Pengadilan Negeri Contoh Jaya menggelar sidang keliling di 5 kelurahan.", ref, refs)
