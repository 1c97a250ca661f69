"""RELIABILITY.md, "PDF and image reading": every row, with the hostile file built here."""
import struct
import time
import zlib

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.reading import read_document
from tests.extractor.reading import pdfs
from tests.extractor.reading.test_formats import NEWS_HTML
from tests.extractor.reading.test_pdf_text import check_offsets


def three_page_pdf(**kw) -> bytes:
    return pdfs.pdf_from_lines([[(72, 80 + 14 * i, f"Halaman {n} baris {i} kewajiban para pihak")
                                 for i in range(30)] for n in (1, 2, 3)], **kw)


def read_or_error(data: bytes, **limits):
    try:
        return read_document(data, name="x.pdf", limits=Limits(**limits)), None
    except IngestError as exc:
        return None, exc


# --- not a PDF at all --------------------------------------------------------------------

def test_html_named_pdf_goes_to_the_html_reader():
    doc = read_document(NEWS_HTML.encode(), name="mou.pdf")
    assert doc.media_type == "text/html" and "nota kesepakatan" in doc.text


@pytest.mark.parametrize("data", [b"%PDF-1.7\nthis is not really a pdf\n%%EOF", b"%PDF-"])
def test_pdf_header_with_garbage_is_malformed(data):
    _, err = read_or_error(data)
    assert err is not None and err.code == "malformed_pdf"


# --- truncated -----------------------------------------------------------------------------

@pytest.mark.parametrize("fraction", [0.10, 0.50, 0.99])
def test_truncated_pdf_is_malformed_or_partial(fraction):
    data = three_page_pdf()
    doc, err = read_or_error(data[: int(len(data) * fraction)])
    if err is not None:
        assert err.code == "malformed_pdf"
    else:
        check_offsets(doc)
        assert doc.page_errors or len(doc.pages) < 3 or "Halaman 3" in doc.text


# --- encryption ------------------------------------------------------------------------------

def test_user_password_is_encrypted_pdf():
    data = three_page_pdf(encrypt=StandardEncryption("rahasia", ownerPassword="pemilik"))
    _, err = read_or_error(data)
    assert err is not None and err.code == "encrypted_pdf"
    assert "password-protected" in err.message


def test_owner_password_only_reads_with_a_warning():
    data = three_page_pdf(encrypt=StandardEncryption("", ownerPassword="pemilik", canPrint=0, canCopy=0))
    doc, err = read_or_error(data)
    assert err is None
    assert "Halaman 2 baris 5 kewajiban" in doc.text
    assert "copy_restricted" in [w.code for w in doc.warnings]


# --- structure loops and endless pages --------------------------------------------------------

def test_circular_xobject_finishes_cleanly_within_the_limit():
    form = pdfs.stream(b"/X1 Do", extra=b"/Type /XObject /Subtype /Form /BBox [0 0 100 100] "
                       b"/Resources << /XObject << /X1 6 0 R >> >>")
    data = pdfs.simple_page_pdf(pdfs.text_content(["Halaman dengan objek melingkar"]) + b"\n/X1 Do",
                                extra_objects={6: form},
                                resources=b"/Font << /F1 3 0 R >> /XObject << /X1 6 0 R >>")
    start = time.monotonic()
    doc, err = read_or_error(data, seconds=20)
    assert time.monotonic() - start < 20
    if err is not None:
        assert err.code in ("malformed_pdf", "timeout")
    else:
        assert "objek melingkar" in doc.text


def test_recursive_page_tree_is_partial_with_the_bad_page_recorded():
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>",
        3: pdfs._FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
           b"/Contents 5 0 R >>",
        5: pdfs.stream(pdfs.text_content(["Halaman satu yang sah"])),
    }
    start = time.monotonic()
    doc, err = read_or_error(pdfs.raw_pdf(objects), seconds=20)
    assert time.monotonic() - start < 20
    if err is not None:
        assert err.code == "malformed_pdf"
    else:
        check_offsets(doc)
        assert "Halaman satu yang sah" in doc.text


def exponential_xobjects(levels: int = 32) -> bytes:
    """Each form draws the next one twice: 2**levels draws, a page that never finishes."""
    objects = {}
    for i in range(levels):
        extra = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]"
        if i == levels - 1:
            objects[10 + i] = pdfs.stream(b"q Q", extra=extra)
        else:
            objects[10 + i] = pdfs.stream(b"/X Do /X Do", extra=extra + b" /Resources << /XObject << /X %d 0 R >> >>"
                                          % (11 + i))
    return pdfs.simple_page_pdf(pdfs.text_content(["Halaman yang tidak pernah selesai"]) + b"\n/X Do",
                                extra_objects=objects, resources=b"/Font << /F1 3 0 R >> /XObject << /X 10 0 R >>")


def test_page_that_never_finishes_is_killed_at_the_time_limit():
    start = time.monotonic()
    _, err = read_or_error(exponential_xobjects(), seconds=3)
    elapsed = time.monotonic() - start
    assert err is not None and err.code == "timeout"
    assert 3 <= elapsed < 8


# --- resource exhaustion -------------------------------------------------------------------------

def flate_bomb(inflated_bytes: int) -> bytes:
    """A zlib stream of spaces (valid content) that inflates to `inflated_bytes`.

    Built fast: after a full flush, deflate output for identical 1 MiB chunks is identical, so
    one compressed chunk is repeated; the Adler-32 trailer is computed over the real data."""
    chunk = b" " * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    repeat = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()
    count = inflated_bytes >> 20
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + first + repeat * (count - 1) + end + struct.pack(">I", checksum)


def test_flate_bomb_is_what_it_claims():
    bomb = flate_bomb(8 << 20)
    assert zlib.decompress(bomb) == b" " * (8 << 20)


@pytest.mark.slow
def test_decompression_bomb_hits_the_memory_limit_as_capacity():
    bomb = flate_bomb(1 << 30)          # 1 GiB of spaces in about 1 MB
    assert len(bomb) < 2 * 1024 * 1024
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: pdfs._FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
           b"/Contents 5 0 R >>",
        5: content,
    }
    _, err = read_or_error(pdfs.raw_pdf(objects), memory_bytes=768 * 1024**2, seconds=60)
    assert err is not None and err.code == "capacity"


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))


def test_image_decompression_bomb_is_capacity():
    _, err = read_or_error(png_claiming(60_000, 60_000))
    assert err is not None and err.code == "capacity"


def test_ten_thousand_pages_rejected_from_the_page_count():
    count = 10_000
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(count))
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        3: pdfs._FONT,
        5: pdfs.stream(pdfs.text_content(["satu halaman dari banyak"])),
    }
    for i in range(count):
        objects[10 + i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                           b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>")
    start = time.monotonic()
    _, err = read_or_error(pdfs.raw_pdf(objects), seconds=60)
    assert err is not None and err.code == "too_many_pages"
    assert "10,000" in err.message
    assert time.monotonic() - start < 10


def test_zero_pages_is_empty_document():
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [] /Count 0 >>"}
    _, err = read_or_error(pdfs.raw_pdf(objects))
    assert err is not None and err.code == "empty_document"


# --- odd characters and bad pages --------------------------------------------------------------

def test_nul_surrogate_bom_soft_hyphen_and_ligature_glyphs_keep_offsets():
    data = pdfs.tounicode_pdf({0x41: "Pihak", 0x42: "\x00", 0x43: "\udc00", 0x44: "\ufeff",
                               0x45: "\u00ad", 0x46: "\ufb01", 0x47: "nal"}, b"ABCDEFG")
    doc = read_document(data)
    check_offsets(doc)
    assert doc.text.startswith("Pihak") and "nal" in doc.text
    assert "\x00" not in doc.text and "\udc00" not in doc.text
    assert len(doc.text) == len(doc.char_boxes)
    doc.text.encode("utf-8")


def test_one_bad_page_among_good_ones_is_partial():
    good = pdfs.stream(pdfs.text_content(["Halaman baik pertama"]))
    # Page 2's content is a stream whose filter data is not zlib at all, and whose font is missing.
    bad = b"<< /Length 20 /Filter /FlateDecode >>\nstream\nthis is not deflate\nendstream"
    good3 = pdfs.stream(pdfs.text_content(["Halaman baik ketiga"]))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 3 >>",
        3: pdfs._FONT,
        4: page % 5, 5: good,
        6: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R "
           b"/Resources << /XObject << /Im0 99 0 R >> >> >>", 7: bad,
        8: page % 9, 9: good3,
    }
    doc, err = read_or_error(pdfs.raw_pdf(objects), seconds=30)
    assert err is None
    check_offsets(doc)
    assert [p.page for p in doc.pages] == [1, 2, 3]
    assert "Halaman baik pertama" in doc.text and "Halaman baik ketiga" in doc.text
    page2 = doc.text[doc.pages[1].start:doc.pages[1].end]
    assert page2.strip() == "" or doc.page_errors
