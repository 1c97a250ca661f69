"""A party named by its kind words alone ("Kantor Imigrasi", in a headline) is the party of that
kind the body names with its place, not a third party. Invented text only."""
from __future__ import annotations

from extractor.extract import extract
from extractor.nlp.parties import merge_prefix_parties
from extractor.types import DocumentText, Evidence, PageSpan, Party

RELEASE = """Tertibkan Aset, Pemkot Tanjung Karang Gandeng Kantor Imigrasi Awasi Tenaga Asing
Bagian Humas Setdako Tanjung Karang

TANJUNG KARANG - Pemerintah Kota Tanjung Karang dan Kantor Imigrasi Kota Tanjung Karang menandatangani Nota \
Kesepakatan tentang Pengawasan Orang Asing di Balai Kota, Senin (3/2/2025). Nota Kesepakatan ditandatangani Wali \
Kota Tanjung Karang Budi Santoso dan Kepala Kantor Imigrasi Kota Tanjung Karang, Rina Marlina.

Melalui kesepakatan ini, Kantor Imigrasi akan melatih petugas kelurahan mengenali izin tinggal orang asing selama \
tahun 2025. Pemkot siap menyediakan data usaha yang mempekerjakan tenaga asing setiap bulan.
"""


def _party(name: str, start: int) -> Party:
    return Party(name, (), None, (Evidence(0, start, start + len(name), name),), 0.75)


def test_release_headline_kind_words_join_the_office_named_with_its_place():
    doc = DocumentText(text=RELEASE, pages=(PageSpan(1, 0, len(RELEASE)),))
    parties = extract(doc, source="release.txt", sha256="0").parties
    assert [p.name for p in parties] == ["Pemerintah Kota Tanjung Karang", "Kantor Imigrasi Kota Tanjung Karang"]
    office = parties[1]
    # the headline's mention is kept as its evidence, not as a name of it
    assert any(e.text == "Kantor Imigrasi" and e.start < RELEASE.index("\n") for e in office.evidence)
    assert "Kantor Imigrasi" not in office.aliases


def test_kind_words_stay_a_party_when_no_single_office_with_a_place_extends_them():
    bare = _party("Kantor Imigrasi", 0)
    two = [bare, _party("Kantor Imigrasi Kota Tanjung Karang", 50), _party("Kantor Imigrasi Kabupaten Bukit Asri", 90)]
    assert [p.name for p in merge_prefix_parties(two)] == [p.name for p in two]  # which of the two?
    other = [bare, _party("Kantor Imigrasi Khusus Bandara Tanjung Karang", 50)]  # no region follows
    assert len(merge_prefix_parties(other)) == 2
    one_word = [_party("Pemerintah", 0), _party("Pemerintah Kota Tanjung Karang", 20)]
    assert len(merge_prefix_parties(one_word)) == 2
    folded = merge_prefix_parties([bare, _party("Kantor Imigrasi Kota Tanjung Karang", 50)])
    assert [p.name for p in folded] == ["Kantor Imigrasi Kota Tanjung Karang"] and len(folded[0].evidence) == 2
