"""PDF text layer: offsets and boxes, reading order, furniture, hyphenation, odd characters."""
import re
from pathlib import Path

import pdfplumber
import pytest

from extractor.reading import read_document
from extractor.reading.layout import SOFT_HYPHEN
from tests.extractor.reading import pdfs

WORDS_LEFT = ("kiri pertama kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan " * 12).split()
WORDS_RIGHT = ("kanan alfa beta gamma delta epsilon zeta eta theta iota kappa " * 12).split()


def check_offsets(doc):
    """Every invariant a consumer of DocumentText relies on."""
    assert len(doc.char_boxes) in (0, len(doc.text))
    previous_end = 0
    for span in doc.pages:
        assert previous_end <= span.start <= span.end <= len(doc.text)
        previous_end = span.end
    for a, b in zip(doc.pages, doc.pages[1:]):
        assert doc.text[a.end:b.start] == "\n\n"
    for start, end in doc.furniture:
        assert 0 <= start < end <= len(doc.text)
        assert "\n" not in doc.text[start:end]
    for m in re.finditer(r"\S+", doc.text):
        ev = doc.evidence(m.start(), m.end())
        assert doc.text[ev.start:ev.end] == ev.text == m.group()
    if doc.char_boxes:
        for span in doc.pages:
            for i in range(span.start, span.end):
                box = doc.char_boxes[i]
                if box is not None:
                    assert -1 <= box[0] <= box[2] <= span.width + 1
                    assert -1 <= box[1] <= box[3] <= span.height + 1


def test_single_column_text_boxes_and_pages():
    data = pdfs.pdf_from_lines([
        [(72, 80, "NOTA KESEPAHAMAN"), (72, 100, "Pihak Pertama dan Pihak Kedua sepakat.")],
        [(72, 80, "Pasal 2"), (72, 100, "Kerja sama berlaku lima tahun.")],
    ])
    doc = read_document(data)
    check_offsets(doc)
    assert doc.text == ("NOTA KESEPAHAMAN\nPihak Pertama dan Pihak Kedua sepakat.\n\n"
                        "Pasal 2\nKerja sama berlaku lima tahun.")
    assert [p.page for p in doc.pages] == [1, 2] and {p.source for p in doc.pages} == {"text"}
    assert doc.media_type == "application/pdf"
    start = doc.text.index("Kerja")
    ev = doc.evidence(start, start + len("Kerja"))
    assert ev.page == 2
    with pdfplumber.open(__import__("io").BytesIO(data)) as pdf:
        word = next(w for w in pdf.pages[1].extract_words() if w["text"] == "Kerja")
    assert ev.bbox == pytest.approx((word["x0"], word["top"], word["x1"], word["bottom"]), abs=0.01)
    assert doc.char_boxes[doc.text.index("\n")] is None  # inserted whitespace has no box


def test_two_columns_are_read_left_then_right_between_full_width_rows():
    title = [(150, 50, "MEMORANDUM OF UNDERSTANDING / NOTA KESEPAHAMAN BERSAMA")]
    left = pdfs.paragraph_lines(WORDS_LEFT, x=50, top=90, width_chars=42)
    right = pdfs.paragraph_lines(WORDS_RIGHT, x=320, top=90, width_chars=42)
    bottom_top = 90 + 13 * max(len(left), len(right)) + 30
    footer_para = [(50, bottom_top, ("Penutup: naskah ini ditandatangani dalam dua bahasa yang sama sahnya "
                                     "oleh kedua belah pihak."))]
    doc = read_document(pdfs.pdf_from_lines([title + left + right + footer_para], size=9))
    check_offsets(doc)
    text = doc.text
    assert text.startswith("MEMORANDUM OF UNDERSTANDING")
    last_left = text.rindex("kiri")
    first_right = text.index("kanan")
    assert last_left < first_right, "left column must be read completely before the right one"
    assert text.index("Penutup") > text.rindex("kanan")
    # Each column line is whole (no interleaving of the two columns within a line).
    for line in text.splitlines():
        assert not ("kiri" in line and "kanan" in line)


def test_signature_block_on_a_full_text_page_stays_row_by_row():
    body = pdfs.paragraph_lines(("pihak pertama dan pihak kedua sepakat melaksanakan kegiatan bersama " * 20).split(),
                                x=50, top=80, width_chars=95)
    sig_top = 80 + 13 * len(body) + 40
    sig = [(60, sig_top, "PIHAK PERTAMA"), (360, sig_top, "PIHAK KEDUA"),
           (60, sig_top + 60, "Budi Santoso"), (360, sig_top + 60, "Siti Aminah")]
    doc = read_document(pdfs.pdf_from_lines([body + sig]))
    check_offsets(doc)
    assert "PIHAK PERTAMA PIHAK KEDUA" in doc.text
    assert "Budi Santoso Siti Aminah" in doc.text


def test_repeated_headers_footers_and_page_numbers_are_furniture():
    pages = []
    for n in range(1, 4):
        body = pdfs.paragraph_lines((f"isi halaman {n} menjelaskan kegiatan pelatihan aparatur desa " * 6).split(),
                                    x=72, top=120, width_chars=80)
        pages.append([(72, 40, "LAPORAN KEGIATAN DINAS KOMINFO"), *body, (270, 800, f"Halaman {n} dari 3")])
    doc = read_document(pdfs.pdf_from_lines(pages))
    check_offsets(doc)
    marked = sorted(doc.text[a:b] for a, b in doc.furniture)
    assert marked == sorted(["LAPORAN KEGIATAN DINAS KOMINFO"] * 3
                            + [f"Halaman {n} dari 3" for n in range(1, 4)])
    # Furniture stays in the text on its own lines; body text is never marked.
    for a, b in doc.furniture:
        assert doc.text[a - 1] == "\n" if a else True
        assert b == len(doc.text) or doc.text[b] == "\n"
    assert not any("isi halaman" in doc.text[a:b] for a, b in doc.furniture)


def test_line_end_hyphenation_is_length_preserving():
    lines = [(72, 80, "Para pihak sepakat untuk melak-"), (72, 94, "sanakan program secara masing-"),
             (72, 108, "masing dan Undang-"), (72, 122, "Undang yang berlaku serta -"),
             (72, 136, "Bagian berikut.")]
    doc = read_document(pdfs.pdf_from_lines([lines]))
    check_offsets(doc)
    assert f"melak{SOFT_HYPHEN}sanakan" in doc.text
    assert "masing-masing" in doc.text
    assert "Undang-Undang" in doc.text
    assert "-\nBagian" in doc.text  # a dash after a space is not a split word
    # No glyph was dropped: every non-space character of the page is in the text.
    glyphs = sum(1 for _, _, t in lines for ch in t if not ch.isspace())
    assert sum(1 for ch in doc.text if not ch.isspace()) == glyphs
    i = doc.text.index(SOFT_HYPHEN)
    assert doc.char_boxes[i] is not None


def test_ligatures_are_expanded_with_the_glyph_box():
    doc = read_document(pdfs.pdf_from_lines([[(72, 80, "e\ufb03siensi dan \ufb01nal")]], font="DejaVu"))
    check_offsets(doc)
    assert doc.text == "effisiensi dan final"
    i = doc.text.index("final")
    assert doc.char_boxes[i] == doc.char_boxes[i + 1]  # f and i share the ligature's box
    assert doc.char_boxes[1] == doc.char_boxes[2] == doc.char_boxes[3]


def test_nul_lone_surrogate_bom_and_soft_hyphen_keep_offsets():
    data = pdfs.tounicode_pdf({0x41: "A", 0x42: "\x00", 0x43: "\ud800", 0x44: "\ufeff", 0x45: "\u00ad",
                               0x46: "B"}, b"ABCDEF")
    doc = read_document(data)
    check_offsets(doc)
    assert doc.text.startswith("A") and doc.text.endswith("B")
    assert "\x00" not in doc.text
    assert not any("\ud800" <= ch <= "\udfff" for ch in doc.text)
    doc.text.encode("utf-8")  # always storable
    assert len(doc.text) == len(doc.char_boxes)


def test_numbered_headings_at_page_tops_are_not_furniture():
    pages = []
    for n in range(1, 4):
        body = pdfs.paragraph_lines((f"ketentuan pasal ini mengatur kewajiban para pihak bagian {n} " * 6).split(),
                                    x=72, top=75, width_chars=80)
        pages.append([(72, 40, "PERJANJIAN KERJA SAMA"), (72, 58, f"Pasal {n + 2}"), *body,
                      (270, 800, f"- {n} -")])
    doc = read_document(pdfs.pdf_from_lines(pages))
    marked = [doc.text[a:b] for a, b in doc.furniture]
    assert marked.count("PERJANJIAN KERJA SAMA") == 3
    assert sorted(m for m in marked if m.startswith("-")) == ["- 1 -", "- 2 -", "- 3 -"]
    assert not any(m.startswith("Pasal") for m in marked)


SAMPLES = Path(__file__).resolve().parents[3] / "sample_docs"


@pytest.mark.skipif(not (SAMPLES / "04_mou_bilingual.pdf").exists(), reason="sample_docs not generated")
def test_bilingual_sample_reads_indonesian_column_before_english():
    doc = read_document((SAMPLES / "04_mou_bilingual.pdf").read_bytes())
    check_offsets(doc)
    page1 = doc.text[doc.pages[0].start:doc.pages[0].end]
    assert page1.index("PIHAK PERTAMA") < page1.index("MEMORANDUM OF")
    assert page1.index("Pasal 2") < page1.index("Article 1")
    assert any("Halaman 1 dari 2" in doc.text[a:b] for a, b in doc.furniture)
