"""Generate sample_docs/ from the hand-written sources in sample_docs/src/.

For every source: a born-digital PDF (reportlab, running header and "Halaman n dari N" footer) and a scanned
PDF (pages rasterised with pypdfium2, slightly rotated, blurred and noisy, grayscale JPEG inside an image-only
PDF). Additionally one DOCX (with a table) and one HTML news page with page furniture around the article.
Output is deterministic: fixed seeds, reportlab invariant mode, fixed dates in every container.

    python -m scripts.make_samples               # writes into sample_docs/
    python -m scripts.make_samples --out DIR     # writes elsewhere (the drift test uses this)
"""

from __future__ import annotations

import argparse
import html
import io
import re
import time
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO_ROOT / "sample_docs"
SOURCE_DIR = SAMPLE_DIR / "src"
FIXED_DATE = datetime(2024, 12, 31, 0, 0, 0, tzinfo=UTC)
SCAN_DPI = 200
SCAN_JPEG_QUALITY = 25
PAPER = 232  # grey level of the scanned paper
BACKGROUND_FLOOR = 205  # lighter pixels are levelled to PAPER
DOCX_SOURCE = "07_laporan_kegiatan_sukamaju"
HTML_SOURCE = "05_siaran_pers_nota_kesepakatan"

rl_config.invariant = 1  # no timestamps or random ids in generated PDFs

MARKER = re.compile(r"^(\(\d+\)|\d+\)|\d+\.|[a-z]\.|[a-z]\))\s+")


# ---------------------------------------------------------------- source model

@dataclass(frozen=True)
class Block:
    kind: str  # title | heading | subheading | centered | para | item | sig | table
    text: str = ""
    right: str | None = None  # the English column of a bilingual line
    level: int = 0
    marker: str = ""
    right_marker: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass
class SourceDoc:
    stem: str
    meta: dict[str, str]
    blocks: list[Block] = field(default_factory=list)

    @property
    def columns(self) -> bool:
        return self.meta.get("layout") == "columns"


def parse_source(path: Path) -> SourceDoc:
    lines = path.read_text(encoding="utf-8").splitlines()
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines) and lines[index].strip():
        key, _, value = lines[index].partition(":")
        meta[key.strip()] = value.strip()
        index += 1
    doc = SourceDoc(path.stem, meta)
    rows: list[tuple[str, ...]] = []
    block_kind: str | None = None
    for raw in lines[index:]:
        if block_kind:
            if raw.strip() == "::end":
                doc.blocks.append(Block(block_kind, rows=tuple(rows)))
                block_kind, rows = None, []
            else:
                rows.append(tuple(cell.strip() for cell in raw.split("|")))
            continue
        if raw.strip() in ("::sig", "::table"):
            block_kind = raw.strip()[2:]
            continue
        if not raw.strip():
            continue
        doc.blocks.append(parse_line(raw))
    return doc


def parse_line(raw: str) -> Block:
    indent = len(raw) - len(raw.lstrip(" "))
    left, _, right = raw.strip().partition(" || ")
    right_text: str | None = right or None
    for prefix, kind in (("# ", "title"), ("## ", "heading"), ("### ", "subheading"), ("> ", "centered")):
        if left.startswith(prefix):
            stripped_right = right_text[len(prefix):] if right_text and right_text.startswith(prefix) else right_text
            return Block(kind, left[len(prefix):], stripped_right)
    match = MARKER.match(left)
    if match:
        right_match = MARKER.match(right_text or "")
        return Block("item", left[match.end():], right_text[right_match.end():] if right_match else right_text,
                     level=indent // 2, marker=match.group(1),
                     right_marker=right_match.group(1) if right_match else "")
    return Block("para", left, right_text)


def block_lines(block: Block) -> list[str]:
    """The plain text lines of a block, as a reader of the rendered document should find them."""
    if block.kind in ("sig", "table"):
        return [cell for row in block.rows for cell in row if cell]
    out = [f"{block.marker} {block.text}".strip()]
    if block.right:
        out.append(f"{block.right_marker} {block.right}".strip())
    return out


# ---------------------------------------------------------------- born-digital PDF

def styles(doc: SourceDoc) -> dict[str, ParagraphStyle]:
    serif = doc.meta.get("style", "legal") == "legal"
    body_font, bold_font = ("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold")
    size = 9.5 if doc.columns else 11
    base = ParagraphStyle("body", fontName=body_font, fontSize=size, leading=size * 1.35,
                          alignment=TA_JUSTIFY, spaceAfter=4)
    return {
        "para": base,
        "title": ParagraphStyle("title", parent=base, fontName=bold_font, fontSize=size + 3,
                                leading=(size + 3) * 1.3, alignment=TA_CENTER, spaceAfter=1),
        "heading": ParagraphStyle("heading", parent=base, fontName=bold_font, alignment=TA_CENTER,
                                  spaceBefore=4, spaceAfter=1, keepWithNext=1),
        "subheading": ParagraphStyle("subheading", parent=base, fontName=bold_font, spaceBefore=8, keepWithNext=1,
                                     alignment=0),
        "centered": ParagraphStyle("centered", parent=base, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=base, fontSize=size - 1.5, leading=(size - 1.5) * 1.3,
                               alignment=0, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=bold_font, fontSize=size - 1.5,
                                    leading=(size - 1.5) * 1.3, alignment=0, spaceAfter=0),
        "sig": ParagraphStyle("sig", parent=base, alignment=TA_CENTER, spaceAfter=0),
        "sig_name": ParagraphStyle("sig_name", parent=base, fontName=bold_font, alignment=TA_CENTER,
                                   spaceAfter=0),
    }


def para(text: str, style: ParagraphStyle, block: Block | None = None, marker: str = "") -> Paragraph:
    escaped = html.escape(text, quote=False)
    if block is not None and block.kind == "item":
        indent = 22 * (block.level + 1)
        item_style = ParagraphStyle(f"item{block.level}", parent=style, leftIndent=indent,
                                    bulletIndent=indent - 20, bulletFontName=style.fontName,
                                    bulletFontSize=style.fontSize)
        return Paragraph(escaped, item_style, bulletText=marker)
    return Paragraph(escaped, style)


def signature_table(block: Block, st: dict[str, ParagraphStyle], width: float) -> Table:
    """Two signature columns; the row after 'ttd'/'signed' holds the names (bold), with room to sign."""
    rows = []
    signature_rows: list[int] = []
    previous_was_signature = False
    for index, row in enumerate(block.rows):
        is_signature = any(cell in ("ttd", "signed") for cell in row)
        if is_signature:
            signature_rows.append(index)
            cells = [Paragraph(f"<i>{cell}</i>", st["sig"]) if cell else Paragraph("", st["sig"]) for cell in row]
        else:
            style = st["sig_name"] if previous_was_signature else st["sig"]
            cells = [Paragraph(html.escape(cell, quote=False), style) for cell in row]
        previous_was_signature = is_signature
        rows.append(cells)
    table = Table(rows, colWidths=[width / 2, width / 2])
    padding = [(edge, (0, i), (-1, i), 20) for i in signature_rows for edge in ("TOPPADDING", "BOTTOMPADDING")]
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *padding]))
    return table


def grid_table(block: Block, st: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Paragraph(html.escape(c, quote=False), st["cell_bold" if i == 0 else "cell"]) for c in row]
            for i, row in enumerate(block.rows)]
    n = len(block.rows[0])
    first = 0.07 * width if block.rows[0][0].lower().startswith("no") else width / n
    rest = (width - first) / (n - 1)
    table = Table(rows, colWidths=[first] + [rest] * (n - 1), repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def flowables(doc: SourceDoc, width: float) -> list[Flowable]:
    st = styles(doc)
    story: list[Flowable] = []
    column_rows: list[list[Paragraph]] = []

    def flush_columns() -> None:
        if column_rows:
            table = Table(list(column_rows), colWidths=[width / 2, width / 2])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LINEAFTER", (0, 0), (0, -1), 0.4, colors.grey),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 6),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
            story.append(table)
            column_rows.clear()

    for block in doc.blocks:
        if block.kind in ("sig", "table"):
            flush_columns()
            story.append(Spacer(1, 10))
            builder = signature_table if block.kind == "sig" else grid_table
            story.append(builder(block, st, width))
            story.append(Spacer(1, 6))
            continue
        style = st[block.kind if block.kind != "item" else "para"]
        if doc.columns:
            item = block if block.kind == "item" else None
            column_rows.append([para(block.text, style, item, block.marker),
                                para(block.right or "", style, item, block.right_marker)])
        else:
            story.append(para(block.text, style, block, block.marker))
    flush_columns()
    return story


def footer_template(doc: SourceDoc) -> str:
    return doc.meta.get("footer", "Halaman {page} dari {pages}")


def render_pdf(doc: SourceDoc, total_pages: int | None) -> tuple[bytes, int]:
    """Render once; returns the PDF and its page count. The footer shows `total_pages` (or '?')."""
    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.2 * cm,
                                 topMargin=2.4 * cm, bottomMargin=2.2 * cm, invariant=1,
                                 title=doc.meta.get("title", doc.stem), author="Janji sample_docs",
                                 creator="scripts/make_samples.py", subject=doc.meta.get("header", ""))
    seen: list[int] = []

    def decorate(canvas, document) -> None:
        page = canvas.getPageNumber()
        seen.append(page)
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        top = A4[1] - 1.4 * cm
        canvas.drawString(2.5 * cm, top, doc.meta.get("header", ""))
        canvas.setStrokeColor(colors.HexColor("#888888"))
        canvas.line(2.5 * cm, top - 4, A4[0] - 2.2 * cm, top - 4)
        footer = footer_template(doc).format(page=page, pages=total_pages or "?")
        canvas.drawRightString(A4[0] - 2.2 * cm, 1.2 * cm, footer)
        canvas.restoreState()

    template.build(flowables(doc, template.width), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue(), max(seen)


def build_pdf(doc: SourceDoc) -> bytes:
    """Two passes: the first counts pages so that the footer can say 'Halaman n dari N'."""
    _, pages = render_pdf(doc, None)
    data, final_pages = render_pdf(doc, pages)
    assert final_pages == pages, "the page count must not change once the footer knows it"
    return data


# ---------------------------------------------------------------- scanned PDF

def scan_page(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Rotate slightly, grey the paper, add sensor noise and dust, blur, then flatten the background the way a
    scanner's auto-levels does (which also keeps the JPEG small)."""
    angle = float(rng.uniform(0.3, 1.5)) * (1 if rng.random() < 0.5 else -1)
    gray = image.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(gray, dtype=np.float32)
    pixels = 18 + pixels * (PAPER - 18) / 255  # paper is never pure white, toner never pure black
    pixels += rng.normal(0.0, 9.0, pixels.shape)
    dust = rng.random(pixels.shape) < 0.0004
    pixels[dust] = rng.uniform(40, 140, int(dust.sum()))
    blurred = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L").filter(
        ImageFilter.GaussianBlur(radius=1.0))
    levelled = np.asarray(blurred).copy()
    levelled[levelled > BACKGROUND_FLOOR] = PAPER
    return Image.fromarray(levelled, mode="L")


def build_scan(pdf_bytes: bytes, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        pages = [scan_page(pdf[i].render(scale=SCAN_DPI / 72, grayscale=True).to_pil(), rng)
                 for i in range(len(pdf))]
    finally:
        pdf.close()
    out = io.BytesIO()
    fixed = time.gmtime(FIXED_DATE.timestamp())
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=float(SCAN_DPI),
                  quality=SCAN_JPEG_QUALITY, optimize=True, title="scan", creator="scripts/make_samples.py",
                  creationDate=fixed, modDate=fixed)
    return out.getvalue()


# ---------------------------------------------------------------- DOCX and HTML

def build_docx(doc: SourceDoc) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.title = doc.meta.get("title", "")
    props.author = "Janji sample_docs"
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    for block in doc.blocks:
        if block.kind == "title":
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(block.text)
            run.bold, run.font.size = True, Pt(13)
        elif block.kind == "centered":
            document.add_paragraph(block.text).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind in ("heading", "subheading"):
            document.add_heading(block.text, level=2)
        elif block.kind == "item":
            document.add_paragraph(f"{block.marker} {block.text}", style="List Paragraph")
        elif block.kind == "para":
            document.add_paragraph(block.text)
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif block.kind == "sig":
            for row in block.rows:
                text = " ".join(cell for cell in row if cell)
                document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """python-docx stamps zip entries with the current time; rewrite them with a fixed one."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 31, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


HTML_PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{title} | Portal Berita Kabupaten Sukamaju</title>
<meta name="description" content="{lead}">
<style>
body {{ font-family: Arial, sans-serif; margin: 0; }}
header, nav, footer, aside {{ background: #f2f2f2; padding: 8px 16px; }}
nav a {{ margin-right: 12px; }}
main {{ display: flex; gap: 24px; padding: 16px; }}
article {{ flex: 3; }}
aside {{ flex: 1; }}
.iklan {{ border: 1px dashed #999; padding: 12px; margin: 12px 0; text-align: center; }}
</style>
</head>
<body>
<header>
  <div class="logo">Portal Berita Kabupaten Sukamaju</div>
  <form class="cari" action="/cari"><input name="q" placeholder="Cari berita..."><button>Cari</button></form>
</header>
<nav class="menu-utama">
  <a href="/">Beranda</a><a href="/pemerintahan">Pemerintahan</a><a href="/ekonomi">Ekonomi</a>
  <a href="/pendidikan">Pendidikan</a><a href="/kesehatan">Kesehatan</a><a href="/olahraga">Olahraga</a>
  <a href="/galeri">Galeri</a><a href="/kontak">Kontak</a>
</nav>
<div class="iklan iklan-atas">IKLAN — Bayar Pajak Bumi dan Bangunan Tepat Waktu, Bebas Denda!</div>
<main>
<article class="berita">
<h1>{title}</h1>
<p class="meta">Oleh Tim Prokopim &middot; <time datetime="2024-07-29T14:30:00+07:00">Senin, 29 Juli 2024 14:30 WIB</time></p>
{body}
<div class="iklan iklan-tengah">IKLAN — Festival Kuliner Sukamaju 2024, 10–12 Agustus di Alun-alun</div>
<p class="tags">Tag: <a href="/tag/kerja-sama">kerja sama</a>, <a href="/tag/pendidikan">pendidikan</a></p>
<section class="bagikan">Bagikan: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></section>
</article>
<aside>
  <h3>Berita Terkait</h3>
  <ul class="berita-terkait">
    <li><a href="/berita/1">Bupati Resmikan Jembatan Gantung Desa Wanasari</a></li>
    <li><a href="/berita/2">Seratus Guru Honorer Ikuti Seleksi PPPK Tahap Kedua</a></li>
    <li><a href="/berita/3">Pasar Murah Digelar di Lima Kecamatan Jelang Idul Adha</a></li>
    <li><a href="/berita/4">Sukamaju Raih Penghargaan Kabupaten Layak Anak</a></li>
  </ul>
  <h3>Terpopuler</h3>
  <ol>
    <li><a href="/berita/5">Jadwal Pemadaman Listrik Pekan Ini</a></li>
    <li><a href="/berita/6">Pendaftaran Beasiswa Daerah Dibuka hingga Agustus</a></li>
  </ol>
  <div class="iklan iklan-samping">IKLAN — Rumah Makan Sederhana Jaya, Jl. Merdeka 17</div>
</aside>
</main>
<footer>
  <p>&copy; 2024 Dinas Komunikasi dan Informatika Kabupaten Sukamaju. Hak cipta dilindungi.</p>
  <p><a href="/redaksi">Redaksi</a> | <a href="/pedoman">Pedoman Media Siber</a> | <a href="/privasi">Kebijakan Privasi</a></p>
</footer>
</body>
</html>
"""


def build_html(doc: SourceDoc) -> bytes:
    body_parts = []
    lead = ""
    for block in doc.blocks:
        if block.kind == "title":
            continue
        text = html.escape(block.text, quote=False)
        if block.kind in ("heading", "subheading"):
            body_parts.append(f"<h2>{text}</h2>")
        elif block.kind == "centered":
            body_parts.append(f'<p class="nomor">{text}</p>')
        else:
            lead = lead or block.text
            body_parts.append(f"<p>{text}</p>")
    title = html.escape(doc.meta.get("title", ""), quote=False)
    page = HTML_PAGE.format(title=title, lead=html.escape(lead[:150]), body="\n".join(body_parts))
    return page.encode("utf-8")


# ---------------------------------------------------------------- driver

def sources(source_dir: Path = SOURCE_DIR) -> list[Path]:
    return sorted(source_dir.glob("*.txt"))


def generate(out_dir: Path, source_dir: Path = SOURCE_DIR, *, scans: bool = True) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for seed, path in enumerate(sources(source_dir), start=1):
        doc = parse_source(path)
        pdf = build_pdf(doc)
        outputs = {out_dir / f"{doc.stem}.pdf": pdf}
        if scans:
            outputs[out_dir / f"{doc.stem}.scan.pdf"] = build_scan(pdf, seed)
        if doc.stem == DOCX_SOURCE:
            outputs[out_dir / f"{doc.stem}.docx"] = build_docx(doc)
        if doc.stem == HTML_SOURCE:
            outputs[out_dir / f"{doc.stem}.html"] = build_html(doc)
        for target, data in outputs.items():
            target.write_bytes(data)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR)
    parser.add_argument("--no-scans", action="store_true", help="skip the (slower) scanned PDFs")
    args = parser.parse_args(argv)
    for path in generate(args.out, scans=not args.no_scans):
        print(f"{path.stat().st_size:>9,d}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
