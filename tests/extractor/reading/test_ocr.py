"""Scans through tesseract: images, image-only PDF pages, deskew, boxes, missing tesseract."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.reading import read_document
from extractor.reading.ocr import estimate_skew, parse_tsv
from tests.extractor.reading import pdfs, scans
from tests.extractor.reading.test_pdf_text import check_offsets

REPO = Path(__file__).resolve().parents[3]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


EXPECTED = words(" ".join(scans.LINES))


def test_parse_tsv_spreads_word_boxes_over_characters():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t100\t50\t40\t20\t96.0\tAbcd\n"
           "5\t1\t1\t1\t1\t2\t150\t50\t20\t20\t90.0\tok\n"
           "5\t1\t1\t1\t2\t1\t100\t90\t30\t20\t80.0\tdua\n"
           "4\t1\t1\t1\t2\t0\t100\t90\t30\t20\t-1\t\n")
    page = parse_tsv(tsv, size=(1000, 1000), scale=0.5)
    assert page.text == "Abcd ok\ndua"
    assert len(page.boxes) == len(page.text)
    assert page.boxes[0] == (50.0, 25.0, 55.0, 35.0)
    assert page.boxes[3] == (65.0, 25.0, 70.0, 35.0)
    assert page.boxes[4] is None and page.boxes[7] is None
    assert page.confidence == pytest.approx((96 + 90 + 80) / 3)


@pytest.mark.parametrize("angle", [0.0, 1.5, -2.5])
def test_skew_estimate_finds_the_rotation(angle):
    image = scans.page_image(scans.LINES * 4, size=(1700, 1400), rotate=angle)
    assert estimate_skew(image) == pytest.approx(angle, abs=0.3)


@needs_tesseract
@pytest.mark.slow
def test_png_scan_is_read_with_boxes_in_points():
    image = scans.page_image()
    doc = read_document(scans.encode(image, dpi=300))
    check_offsets(doc)
    assert doc.media_type == "image/png"
    assert [p.source for p in doc.pages] == ["ocr"]
    assert EXPECTED <= words(doc.text)
    span = doc.pages[0]
    assert span.width == pytest.approx(1700 * 72 / 300, abs=0.5)
    assert span.height == pytest.approx(700 * 72 / 300, abs=0.5)
    start = doc.text.index("NOTA")
    ev = doc.evidence(start, start + 4)
    # Drawn at pixel (80, 80) with a 38 px font -> about (19.2, 19.2) pt at 300 dpi.
    assert ev.bbox[0] == pytest.approx(80 * 72 / 300, abs=3)
    assert ev.bbox[1] == pytest.approx(88 * 72 / 300, abs=4)


@needs_tesseract
@pytest.mark.slow
def test_rotated_noisy_jpeg_scan_is_deskewed_and_boxes_stay_on_the_page():
    image = scans.page_image(rotate=2.0, noise=25)
    doc = read_document(scans.encode(image, "JPEG", quality=70))
    check_offsets(doc)
    assert doc.media_type == "image/jpeg"
    found = words(doc.text)
    assert len(EXPECTED & found) >= 0.9 * len(EXPECTED), found


@needs_tesseract
@pytest.mark.slow
def test_multipage_tiff_gives_one_page_per_frame():
    first = scans.page_image(["Halaman pertama laporan kegiatan"], size=(1400, 300))
    second = scans.page_image(["Halaman kedua laporan kegiatan"], size=(1400, 300))
    data = scans.encode(first, "TIFF", save_all=True, append_images=[second])
    doc = read_document(data, name="scan.pdf")  # the name lies; the bytes decide
    assert doc.media_type == "image/tiff"
    assert [p.page for p in doc.pages] == [1, 2]
    assert "pertama" in doc.text[doc.pages[0].start:doc.pages[0].end]
    assert "kedua" in doc.text[doc.pages[1].start:doc.pages[1].end]


@needs_tesseract
@pytest.mark.slow
def test_typed_pdf_with_a_scanned_signature_page_mixes_text_and_ocr():
    scan = scans.encode(scans.page_image(["PIHAK PERTAMA dan PIHAK KEDUA",
                                          "menandatangani kesepakatan ini"], size=(2480, 3508), font_px=60))
    typed = {0: [(72, 80, "NOTA KESEPAHAMAN TENTANG PELATIHAN APARATUR DESA"),
                 (72, 100, "Pasal 1 Para pihak sepakat bekerja sama dalam pelatihan.")]}
    doc = read_document(pdfs.image_pdf([b"", scan], typed_pages=typed))
    check_offsets(doc)
    assert [p.source for p in doc.pages] == ["text", "ocr"]
    page2 = doc.text[doc.pages[1].start:doc.pages[1].end]
    assert {"pihak", "pertama", "kedua", "menandatangani"} <= words(page2)
    box = doc.char_boxes[doc.pages[1].start]
    assert box is not None and 0 <= box[0] < 595 and 0 <= box[1] < 842


def test_without_tesseract_a_scan_succeeds_with_no_text_layer_warning(tmp_path):
    """Run in a child interpreter whose PATH has no tesseract."""
    scan = scans.encode(scans.page_image(["Halaman tanpa lapisan teks"], size=(1000, 300)))
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(pdfs.image_pdf([scan]))
    png = tmp_path / "scan.png"
    png.write_bytes(scan)
    code = ("import sys, json\nfrom extractor.reading import read_document\n"
            "for f in sys.argv[1:]:\n"
            "    d = read_document(open(f, 'rb').read())\n"
            "    print(json.dumps([len(d.pages), d.text, [w.code for w in d.warnings]]))\n")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))
    assert shutil.which("tesseract", path=env["PATH"]) is None
    proc = subprocess.run([sys.executable, "-c", code, str(pdf), str(png)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        pages, text, warnings = __import__("json").loads(line)
        assert pages == 1 and text == "" and warnings == ["no_text_layer"]


@needs_tesseract
@pytest.mark.slow
def test_scan_with_a_typed_stamp_is_still_ocred():
    scan = scans.encode(scans.page_image(["PIHAK PERTAMA dan PIHAK KEDUA",
                                          "menandatangani kesepakatan ini"], size=(2480, 3508), font_px=60))
    stamp = [(400, 30, "SALINAN SESUAI DENGAN ASLINYA"), (400, 42, "Arsip Bagian Kerja Sama")]
    doc = read_document(pdfs.image_pdf([scan], stamps={0: stamp}))
    assert [p.source for p in doc.pages] == ["ocr"]
    assert {"pihak", "pertama", "menandatangani"} <= words(doc.text)
