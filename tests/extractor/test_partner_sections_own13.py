"""A monitoring report of one office over its agreements with two partners, one section each
("A. Kerja sama dengan <partner 1>", "B. Kerja sama dengan <partner 2>"); invented text."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.matching import match_report
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.types import DocumentText, PageSpan

OFFICE = PartyRef("Dinas Pertanian Kabupaten Bukit Sirih", ("Distan Bukit Sirih",))
FOUNDATION = PartyRef("Yayasan Tani Makmur Lestari", ("YTML",))
VOLUNTEERS = PartyRef("Hanami Agro Volunteer Network")
SEEDS = AgreementRef(1, (OFFICE, FOUNDATION))
PUMPS = AgreementRef(2, (OFFICE, VOLUNTEERS))
COMMITMENTS = [
    CommitmentRef(1, 1, "PIHAK KEDUA membagikan benih padi unggul kepada 40 kelompok tani", parties=(FOUNDATION.name,)),
    CommitmentRef(2, 2, "PIHAK KEDUA memasang 12 pompa air tenaga surya di lahan sawah tadah hujan",
                  parties=(VOLUNTEERS.name,)),
    CommitmentRef(3, 2, "PIHAK KEDUA melatih 30 petugas penyuluh dalam perawatan pompa air tenaga surya",
                  parties=(VOLUNTEERS.name,)),
]
REPORT = """DINAS PERTANIAN KABUPATEN BUKIT SIRIH

LAPORAN PEMANTAUAN KERJA SAMA
Tahun 2026

A. Kerja sama dengan YTML
1. YTML membagikan benih padi unggul kepada 40 kelompok tani pada bulan Maret 2026.
2. Penanaman perdana dihadiri Kepala Dinas pada 2 April 2026.

B. Kerja sama dengan Hanami
1. Tim Hanami memasang 12 pompa air tenaga surya di sawah tadah hujan pada Juni 2026.
2. Pelatihan perawatan pompa air tenaga surya bagi 30 penyuluh dilaksanakan pada Juli 2026.

Bukit Sirih, 5 Januari 2027
"""


def _statements(text: str) -> list[StatementRef]:
    acts = extract_activities(DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),)))
    return [StatementRef(i, a.text, a.date) for i, a in enumerate(acts, start=1)]


def test_a_heading_naming_a_partnership_is_kept_and_other_list_headings_are_not():
    texts = [s.text for s in _statements(REPORT)]
    assert "Kerja sama dengan YTML" in texts and "Kerja sama dengan Hanami" in texts
    english = "PROGRESS NOTE\n\n2. People we met\n- Ana Lopes, field officer\n\n3. Work with the Delta Foundation\n" \
              "- We repaired nine wells in May 2026.\n"
    texts = [s.text for s in _statements(english)]
    assert "Work with the Delta Foundation" in texts and not any("People we met" in t for t in texts)


def test_the_items_of_the_second_partners_section_do_not_continue_the_first_section():
    statements = _statements(REPORT)
    _, matches = match_report(statements, REPORT, [SEEDS, PUMPS], COMMITMENTS, config=MatchConfig(method="bm25"))
    assert {m.commitment_id for m in matches} == {1, 2, 3}
    # the headings themselves match nothing
    headings = {s.id for s in statements if s.text.startswith("Kerja sama")}
    assert not any(m.statement_id in headings for m in matches)


PROSE_REPORT = """DINAS PERTANIAN KABUPATEN BUKIT SIRIH

LAPORAN PEMANTAUAN KERJA SAMA

A. KERJA SAMA DENGAN YTML

YTML membagikan benih padi unggul kepada 40 kelompok tani pada bulan Maret 2026. Penanaman perdana dihadiri Kepala Dinas pada 2 April 2026.

B. Kerja sama dengan Hanami
Pada Juni 2026 dipasang 12 pompa air tenaga surya di sawah tadah hujan. Pelatihan perawatan pompa air tenaga surya bagi 30 penyuluh dilaksanakan pada Juli 2026.

Bukit Sirih, 5 Januari 2027
"""


def test_a_partnership_heading_over_prose_naming_nobody_starts_that_partners_section():
    statements = _statements(PROSE_REPORT)
    texts = [s.text for s in statements]
    assert "KERJA SAMA DENGAN YTML" in texts and "Kerja sama dengan Hanami" in texts
    assert any(t.startswith("Pada Juni 2026 dipasang 12 pompa") for t in texts)  # the heading is not glued on
    _, matches = match_report(statements, PROSE_REPORT, [SEEDS, PUMPS], COMMITMENTS,
                              config=MatchConfig(method="bm25"))
    assert {m.commitment_id for m in matches} == {1, 2, 3}


NAMED_SECTIONS = """DINAS PERTANIAN KABUPATEN BUKIT SIRIH

LAPORAN PEMANTAUAN KERJA SAMA

A. Yayasan Tani Makmur Lestari (YTML)
1. YTML membagikan benih padi unggul kepada 40 kelompok tani pada bulan Maret 2026.
2. Penanaman perdana dihadiri Kepala Dinas pada 2 April 2026.

B. Hanami Agro Volunteer Network
1. Telah dipasang 12 pompa air tenaga surya di sawah tadah hujan pada Juni 2026.
2. Pelatihan perawatan pompa air tenaga surya bagi 30 penyuluh dilaksanakan pada Juli 2026.

C. Puskesmas Sirih Hulu
Pompa air tenaga surya juga dipasang di puskesmas pada Agustus 2026.

Bukit Sirih, 5 Januari 2027
"""


def test_a_section_headed_by_the_partners_name_is_that_partners_section():
    statements = _statements(NAMED_SECTIONS)
    texts = [s.text for s in statements]
    assert "Hanami Agro Volunteer Network" in texts and "Yayasan Tani Makmur Lestari (YTML)" in texts
    assert "Puskesmas Sirih Hulu" not in texts  # a site, not a partner: it stays with its first sentence
    _, matches = match_report(statements, NAMED_SECTIONS, [SEEDS, PUMPS], COMMITMENTS,
                              config=MatchConfig(method="bm25"))
    assert {(m.commitment_id) for m in matches if m.statement_id in (5, 6)} == {2, 3}
    assert {m.commitment_id for m in matches} >= {1, 2, 3}
