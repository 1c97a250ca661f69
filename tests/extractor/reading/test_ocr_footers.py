"""Page-number footers of OCR pages are furniture, as on born-digital pages (invented text)."""
from __future__ import annotations

import shutil

import pytest

from extractor.reading import read_document
from extractor.reading.layout import text_page_furniture
from tests.extractor.reading import pdfs, scans


def test_page_of_lines_among_the_first_and_last_lines_are_furniture():
    page = "PERJANJIAN KERJA SAMA\nPasal 1\nisi pasal satu;\nisi pasal dua;\nisi pasal tiga;\nisi empat;\nHalaman 1 dari 3"
    spans = text_page_furniture(page, 1)
    assert [page[a:b] for a, b in spans] == ["Halaman 1 dari 3"]
    english = "Page 7 of 9\nArticle 2\nThe Parties shall meet."
    assert [english[a:b] for a, b in text_page_furniture(english, 2)] == ["Page 7 of 9"]
    # a lone number is furniture only when it is the page's own
    assert text_page_furniture("Pasal 2\nisi\n2", 2) and not text_page_furniture("Pasal 2\nisi\n5", 2)
    # a sentence that mentions a page is not
    assert not text_page_furniture("lihat halaman 3 dari lampiran ini untuk rinciannya", 1)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_scanned_page_footer_is_blanked_from_extraction():
    lines = ["PIHAK KEDUA berkewajiban menyusun laporan.", "", "", "", "", "", "", "", "", "",
             "Halaman 1 dari 2"]
    scan = scans.encode(scans.page_image(lines, size=(2480, 1400), font_px=60, leading=110))
    doc = read_document(pdfs.image_pdf([scan]))
    assert doc.pages[0].source == "ocr"
    furniture = [doc.text[a:b] for a, b in doc.furniture]
    assert any("Halaman 1 dari 2" in f for f in furniture), (doc.text, furniture)
