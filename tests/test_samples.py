"""sample_docs/ must stay what scripts/make_samples.py makes from sample_docs/src/ (no silent drift)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pdfplumber
import pytest

from scripts import make_samples

SAMPLES = make_samples.SAMPLE_DIR
SOURCES = make_samples.sources()


def normalise(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path, *, half: str | None = None) -> str:
    with pdfplumber.open(path) as pdf:
        parts = []
        for page in pdf.pages:
            if half:
                middle = page.width / 2
                page = page.crop((0, 0, middle, page.height) if half == "left" else (middle, 0, page.width, page.height))
            parts.append(page.extract_text() or "")
    return normalise("\n".join(parts))


def pdf_words(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [w["text"] for page in pdf.pages for w in page.extract_words()]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    make_samples.generate(out, scans=False)
    return out


def test_at_least_eight_sources_with_every_format_committed() -> None:
    assert len(SOURCES) >= 8
    for source in SOURCES:
        assert (SAMPLES / f"{source.stem}.pdf").is_file(), source.stem
        assert (SAMPLES / f"{source.stem}.scan.pdf").is_file(), source.stem
    assert (SAMPLES / f"{make_samples.DOCX_SOURCE}.docx").is_file()
    assert (SAMPLES / f"{make_samples.HTML_SOURCE}.html").is_file()
    assert (SAMPLES / "README.md").read_text(encoding="utf-8").count("### ") >= len(SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_regenerated_born_digital_pdf_is_identical(source: Path, regenerated: Path) -> None:
    committed = (SAMPLES / f"{source.stem}.pdf").read_bytes()
    assert (regenerated / f"{source.stem}.pdf").read_bytes() == committed, "run `make samples` and commit"


@pytest.mark.parametrize("name", [f"{make_samples.DOCX_SOURCE}.docx", f"{make_samples.HTML_SOURCE}.html"])
def test_regenerated_docx_and_html_are_identical(name: str, regenerated: Path) -> None:
    assert (regenerated / name).read_bytes() == (SAMPLES / name).read_bytes(), "run `make samples` and commit"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_born_digital_text_holds_every_source_line(source: Path) -> None:
    doc = make_samples.parse_source(source)
    pdf = SAMPLES / f"{source.stem}.pdf"
    words = pdf_words(pdf)
    if doc.columns:
        columns = [pdf_text(pdf, half="left"), pdf_text(pdf, half="right")]
    else:
        columns = [pdf_text(pdf)]
    for block in doc.blocks:
        lines = make_samples.block_lines(block)
        if block.kind in ("sig", "table"):
            for cell in lines:  # cells wrap inside narrow columns: check the words, in any order
                for word in cell.split():
                    assert word in words, (source.stem, cell)
            continue
        for column, line in zip(columns if doc.columns else columns * len(lines), lines):
            assert normalise(line) in column, (source.stem, line[:80])
    first_page_header = doc.meta["header"]
    assert pdf_text(pdf).count(first_page_header) == len(pdfplumber.open(pdf).pages)


def test_bilingual_sample_really_has_two_columns() -> None:
    pdf = SAMPLES / "04_mou_bilingual.pdf"
    left, right = pdf_text(pdf, half="left"), pdf_text(pdf, half="right")
    assert "Nota Kesepahaman ini berlaku selama 3 (tiga) tahun" in left
    assert "shall be valid for three (3) years" in right
    assert "shall be valid" not in left and "berlaku selama" not in right


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_footer_counts_pages(source: Path) -> None:
    pdf = SAMPLES / f"{source.stem}.pdf"
    with pdfplumber.open(pdf) as opened:
        total = len(opened.pages)
        for number, page in enumerate(opened.pages, start=1):
            text = page.extract_text() or ""
            assert re.search(rf"(Halaman|Page) {number} (dari|of) {total}", text), (source.stem, number)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_scan_is_image_only_with_same_page_count(source: Path) -> None:
    with pdfplumber.open(SAMPLES / f"{source.stem}.pdf") as digital, \
            pdfplumber.open(SAMPLES / f"{source.stem}.scan.pdf") as scan:
        assert len(scan.pages) == len(digital.pages)
        for page in scan.pages:
            assert not page.chars
            assert len(page.images) == 1
            image = page.images[0]
            dpi = image["srcsize"][0] / (float(page.width) / 72)
            assert 190 <= dpi <= 310
    assert (SAMPLES / f"{source.stem}.scan.pdf").stat().st_size < 400_000


@pytest.mark.slow
def test_regenerated_scans_are_identical(tmp_path: Path) -> None:
    make_samples.generate(tmp_path, scans=True)
    for source in SOURCES:
        name = f"{source.stem}.scan.pdf"
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


def test_docx_has_paragraphs_and_a_table() -> None:
    document = docx.Document(str(SAMPLES / f"{make_samples.DOCX_SOURCE}.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Nomor 119/45/NK/2024" in text
    assert document.tables, "the DOCX sample must contain a table"
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["No.", "Kegiatan", "Dasar", "Waktu", "Status"]


def test_html_page_has_furniture_around_the_article() -> None:
    page = (SAMPLES / f"{make_samples.HTML_SOURCE}.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "Sukamaju, Senin (29/7/2024)" in article
    outside = page.replace(article, "")
    for furniture in ("Berita Terkait", "IKLAN", "<nav", "<footer", "Beranda"):
        assert furniture in outside
