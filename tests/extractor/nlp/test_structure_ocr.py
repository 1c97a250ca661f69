"""structure.parse on OCR text whose list markers were misread or dropped (invented text)."""
from __future__ import annotations

from extractor.nlp.commitments import find_commitments
from extractor.nlp.structure import parse

OCR_TEXT = """Pasal 3
KEWAJIBAN
(1) PIHAK KESATU berkewajiban:

menyediakan ruang kelas bagi peserta magang,
b. membayar honor instruktur setiap bulan,
Cc. menyusun jadwal magang bersama PIHAK KEDUA.
(2 PIHAK KEDUA berkewajiban:
a. menugaskan instruktur bersertifikat,
b, melaporkan kehadiran peserta setiap minggu.
"""


def _items(st):
    return [(b.marker, st.text[b.body_start:b.end].strip()) for b in st.blocks if b.marker]


def test_misread_and_dropped_markers_follow_the_enumeration():
    st = parse(OCR_TEXT, caps_headings=True)
    items = _items(st)
    markers = [m for m, _ in items]
    assert markers == ["(1)", "a.", "b.", "c.", "(2)", "a.", "b."], items
    by_marker = {b.marker: b for b in st.blocks if b.marker in ("(1)", "(2)")}
    first_list = [st.blocks[i].marker for i in by_marker["(1)"].children]
    assert first_list == ["a.", "b.", "c."]
    assert [st.blocks[i].marker for i in by_marker["(2)"].children] == ["a.", "b."]


def test_every_obligation_of_an_ocr_list_is_found():
    texts = [c.text for c in find_commitments(OCR_TEXT, kind="agreement")]
    for needle in ("ruang kelas", "honor instruktur", "jadwal magang", "instruktur bersertifikat",
                   "kehadiran peserta"):
        assert any(needle in t for t in texts), (needle, texts)
    assert not any("Cc." in t for t in texts)


def test_a_capitalised_word_is_not_taken_for_a_marker():
    text = "(1) PIHAK KESATU berkewajiban:\na. menyediakan data;\nb. menyusun kajian bersama\nDr. Rina Lestari sebagai narasumber.\n"
    markers = [m for m, _ in _items(parse(text))]
    assert markers == ["(1)", "a.", "b."]
