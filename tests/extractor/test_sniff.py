"""Magic-byte sniffing, hashing and display-name sanitising."""
import io
import zipfile

import pytest
from PIL import Image

from extractor import sniff as s


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (4, 4), 255).save(buf, "PNG")
    return buf.getvalue()


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in names:
            zf.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("data, expected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", s.PDF),
    (b"\r\n  %PDF-1.4 garbage before the header is tolerated", s.PDF),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", s.JPEG),
    (b"II*\x00\x08\x00\x00\x00", s.TIFF),
    (b"MM\x00*\x00\x00\x00\x08", s.TIFF),
    (b"<!DOCTYPE html><html><body>x</body></html>", s.HTML),
    (b"  <!-- c --> <html lang=id>", s.HTML),
    ("\ufeff<html><p>Berita</p></html>".encode("utf-8"), s.HTML),
    (b"Nota Kesepahaman antara Pemerintah Kabupaten", s.TEXT),
    ("Perjanjian kerja sama".encode("utf-16"), s.TEXT),
    ("Perjanjian".encode("utf-16-le"), s.TEXT),
    ("Caf\u00e9 na\u00efve".encode("cp1252"), s.TEXT),
    (b"\x00\x01\x02\x03\x04\x05binary\x06\x07", s.OCTET),
    (b"GIF89a\x01\x00", "image/gif"),
])
def test_sniff_by_magic_bytes(data, expected):
    assert s.sniff(data) == expected


def test_png_docx_and_plain_zip():
    assert s.sniff(_png()) == s.PNG
    assert s.sniff(_zip(["[Content_Types].xml", "word/document.xml"])) == s.DOCX
    assert s.sniff(_zip(["a.txt"])) == s.ZIP
    assert s.sniff(b"PK\x03\x04 not really a zip") == s.ZIP


def test_sha256_is_hex_of_the_bytes():
    assert s.sha256(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize("raw, expected", [
    ("../../x.pdf", "x.pdf"),
    ("C:\\Users\\a\\mou.pdf", "mou.pdf"),
    ("a.pdf\x00.exe", "a.pdf"),
    ("invoice\u202egpj.exe", "invoicegpj.exe"),
    ("  nota\tkesepahaman\n.pdf  ", "nota kesepahaman .pdf"),
    ("", "document"),
    ("../..", "document"),
    ("\x07\x1b[31m", "[31m"),
])
def test_safe_display_name(raw, expected):
    assert s.safe_display_name(raw) == expected


def test_long_display_name_is_capped_and_keeps_extension():
    name = s.safe_display_name("a" * 5000 + ".pdf")
    assert len(name) == 120 and name.endswith(".pdf")
    assert len(s.safe_display_name("b" * 5000)) == 120
