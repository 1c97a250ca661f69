"""DOCX, HTML and plain-text readers, routing by magic bytes, size and length limits."""
import io
import zipfile

import pytest
from docx import Document

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.reading import read_document
from tests.extractor.reading import pdfs
from tests.extractor.reading.test_pdf_text import check_offsets


def make_docx() -> bytes:
    document = Document()
    document.add_heading("LAPORAN PELAKSANAAN KERJA SAMA", level=1)
    document.add_paragraph("Kegiatan pertama telah dilaksanakan pada bulan Juli.")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("No", "Kegiatan", "Status"), ("1", "Pelatihan aparatur", "Selesai")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("Penutup laporan ini disusun oleh Bappeda.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_document_order():
    doc = read_document(make_docx(), name="laporan.docx")
    check_offsets(doc)
    assert doc.media_type.endswith("wordprocessingml.document")
    assert [p.source for p in doc.pages] == ["docx"]
    assert doc.text == ("LAPORAN PELAKSANAAN KERJA SAMA\n"
                        "Kegiatan pertama telah dilaksanakan pada bulan Juli.\n"
                        "No | Kegiatan | Status\n1 | Pelatihan aparatur | Selesai\n"
                        "Penutup laporan ini disusun oleh Bappeda.")


NEWS_HTML = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Pemkab Sukamaju Teken Nota Kesepakatan - Portal Berita</title></head><body>
<header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/olahraga">Olahraga</a></li><li><a href="/indeks">Indeks Berita</a></li></ul></nav></header>
<div class="ads">IKLAN: Promo pulsa murah hanya hari ini</div>
<main><article><h1>Pemkab Sukamaju Teken Nota Kesepakatan dengan Universitas</h1>
<p>Sukamaju, Senin (29/7/2024) - Pemerintah Kabupaten Sukamaju dan Universitas Lembah Hijau
menandatangani nota kesepakatan tentang pengembangan sumber daya manusia di pendopo kabupaten.</p>
<p>Penjabat Bupati mengatakan kerja sama ini mencakup pelatihan aparatur, penelitian bersama,
dan penempatan mahasiswa kuliah kerja nyata tematik di desa-desa selama lima tahun ke depan.</p>
<p>Rektor universitas menyatakan pihaknya akan menyerahkan hasil kajian paling lambat akhir
Desember 2024 kepada pemerintah kabupaten sebagai bahan penyusunan kebijakan daerah.</p>
</article>
<aside class="related"><h3>Berita Terkait</h3><ul>
<li><a href="/a">Harga cabai naik menjelang lebaran di pasar induk</a></li>
<li><a href="/b">Tim sepak bola daerah juara turnamen antar kabupaten</a></li></ul></aside></main>
<footer>Hak cipta 2024 Portal Berita. Kontak redaksi. Pedoman media siber.</footer></body></html>"""


def test_html_news_page_keeps_the_article_only():
    doc = read_document(NEWS_HTML.encode("utf-8"), name="berita.html")
    check_offsets(doc)
    assert doc.media_type == "text/html" and [p.source for p in doc.pages] == ["html"]
    text = doc.text
    assert "menandatangani nota kesepakatan" in text
    assert "paling lambat akhir" in text
    for junk in ("Beranda", "Olahraga", "Promo pulsa", "Harga cabai", "Hak cipta", "Berita Terkait"):
        assert junk not in text, junk


def test_html_saved_as_pdf_is_routed_by_its_bytes():
    doc = read_document(NEWS_HTML.encode("utf-8"), name="berita.pdf")
    assert doc.media_type == "text/html"
    assert "nota kesepakatan" in doc.text


@pytest.mark.parametrize("encoded", [
    b"Perjanjian kerja sama tentang pelatihan aparatur desa.",
    "\ufeffPerjanjian kerja sama tentang pelatihan aparatur desa.".encode("utf-8"),
    "Perjanjian kerja sama tentang pelatihan aparatur desa.".encode("utf-16"),
    "Perjanjian kerja sama tentang pelatihan aparatur desa.".encode("utf-32"),
])
def test_plain_text_in_unicode_encodings(encoded):
    doc = read_document(encoded)
    assert doc.text == "Perjanjian kerja sama tentang pelatihan aparatur desa."
    assert [p.source for p in doc.pages] == ["plain"] and doc.media_type == "text/plain"


def test_plain_text_in_legacy_encodings():
    text = ("Pembukaan caf\u00e9 \u201cSehat\u201d \u2013 kerja sama dengan na\u00efve partner; "
            "biaya \u20ac 500 dibayar oleh pihak kedua sebelum tanggal jatuh tempo.\n") * 3
    assert read_document(text.encode("cp1252")).text == text
    latin = "Se\u00f1or Mu\u00f1oz firm\u00f3 el acuerdo en Bogot\u00e1 con el se\u00f1or Pe\u00f1a.\n" * 3
    assert read_document(latin.encode("latin-1")).text == latin


def test_plain_text_nul_cr_and_invalid_utf8_are_length_preserving():
    doc = read_document(b"Pasal 1\r\nPihak\x00Pertama \xed\xa0\x80 wajib")
    check_offsets(doc)
    assert "\x00" not in doc.text and "\r" not in doc.text
    assert doc.text.startswith("Pasal 1 \nPihak Pertama")
    doc.text.encode("utf-8")


def test_long_text_is_truncated_with_a_warning():
    doc = read_document(("kata " * 1000).encode(), limits=Limits(max_chars=1200))
    assert len(doc.text) == 1200 and doc.pages[-1].end == 1200
    assert [w.code for w in doc.warnings] == ["truncated"]
    data = pdfs.pdf_from_lines([[(72, 80 + 14 * i, f"baris teks yang cukup panjang nomor {i}")
                                 for i in range(40)]] * 3)
    doc = read_document(data, limits=Limits(max_chars=500))
    check_offsets(doc)
    assert len(doc.text) == len(doc.char_boxes) == 500
    assert "truncated" in [w.code for w in doc.warnings]


@pytest.mark.parametrize("data, code", [
    (b"", "empty_file"),
    (b"GIF89a" + b"\x00" * 40, "unsupported_type"),
    (b"\x00\x01\x02\x03\x04\x05\x06\x07" * 10, "unsupported_type"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported_type"),
])
def test_unsupported_and_empty_inputs(data, code):
    with pytest.raises(IngestError) as err:
        read_document(data, name="x.pdf")
    assert err.value.code == code


def test_zip_that_is_not_docx_and_broken_docx_are_unsupported():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(IngestError) as err:
        read_document(buf.getvalue(), name="mou.pdf")
    assert err.value.code == "unsupported_type"
    broken = make_docx()[:400]
    with pytest.raises(IngestError) as err:
        read_document(broken, name="laporan.docx")
    assert err.value.code == "unsupported_type"


def test_file_over_the_byte_limit_is_refused_before_reading():
    with pytest.raises(IngestError) as err:
        read_document(b"x" * 2000, limits=Limits(max_bytes=1000))
    assert err.value.code == "too_large"
