"""Builders for the PDFs the reading tests need: well-formed ones (reportlab) and hostile ones
(raw bytes written by hand, so each defect is exactly the one under test)."""
from __future__ import annotations

import io
import zlib

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

Line = tuple[float, float, str]  # x, y (from the top, points), text


def pdf_from_lines(pages: list[list[Line]], *, font: str = "Helvetica", size: float = 10,
                   encrypt: object = None) -> bytes:
    """One PDF page per list of (x, top, text) lines."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt, invariant=1)
    if font == "DejaVu":
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    for lines in pages:
        c.setFont(font, size)
        for x, top, text in lines:
            c.drawString(x, A4[1] - top, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def paragraph_lines(words: list[str], *, x: float, top: float, width_chars: int,
                    leading: float = 13) -> list[Line]:
    lines, current = [], ""
    for w in words:
        if current and len(current) + 1 + len(w) > width_chars:
            lines.append(current)
            current = w
        else:
            current = f"{current} {w}".strip()
    if current:
        lines.append(current)
    return [(x, top + i * leading, text) for i, text in enumerate(lines)]


def image_pdf(images_png: list[bytes], *, typed_pages: dict[int, list[Line]] | None = None,
              stamps: dict[int, list[Line]] | None = None) -> bytes:
    """PDF whose pages show the given PNG images full page (scans); `typed_pages` maps a page
    index to typed lines drawn instead of an image, `stamps` to typed lines drawn over it."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    typed_pages = typed_pages or {}
    for i in range(len(images_png)):
        if i in typed_pages:
            c.setFont("Helvetica", 11)
            for x, top, text in typed_pages[i]:
                c.drawString(x, A4[1] - top, text)
        else:
            c.drawImage(ImageReader(io.BytesIO(images_png[i])), 0, 0, width=A4[0], height=A4[1])
            c.setFont("Helvetica", 9)
            for x, top, text in (stamps or {}).get(i, []):
                c.drawString(x, A4[1] - top, text)
        c.showPage()
    c.save()
    return buf.getvalue()


# --- raw PDFs -----------------------------------------------------------------------------

def raw_pdf(objects: dict[int, bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """Serialise numbered objects with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for num in range(1, size):
        if num in offsets:
            out.write(b"%010d 00000 n \n" % offsets[num])
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (size, root, trailer_extra, xref))
    return out.getvalue()


def stream(content: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        content = zlib.compress(content, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def simple_page_pdf(content: bytes, *, extra_objects: dict[int, bytes] | None = None,
                    resources: bytes = b"/Font << /F1 3 0 R >>", compress: bool = False) -> bytes:
    """One page (object 4) with the given content stream (object 5) and Helvetica as /F1."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: _FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> "
           b"/Contents 5 0 R >>" % resources,
        5: stream(content, compress=compress),
    }
    objects.update(extra_objects or {})
    return raw_pdf(objects)


def text_content(lines: list[str], *, top: float = 60) -> bytes:
    parts = [b"BT /F1 11 Tf"]
    for i, line in enumerate(lines):
        parts.append(b"1 0 0 1 72 %.1f Tm (%s) Tj" % (842 - top - 14 * i, line.encode("latin-1")))
    parts.append(b"ET")
    return b"\n".join(parts)


def tounicode_pdf(mapping: dict[int, str], shown: bytes) -> bytes:
    """Helvetica with a ToUnicode CMap mapping byte codes to chosen UTF-16 code units (which may
    be NUL, a lone surrogate, a BOM, a soft hyphen or a ligature)."""
    entries = b"\n".join(b"<%02X> <%s>" % (code, text.encode("utf-16-be", "surrogatepass").hex().upper().encode())
                         for code, text in mapping.items())
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Test def 1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"%d beginbfchar\n%s\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
            % (len(mapping), entries))
    content = b"BT /F1 14 Tf 1 0 0 1 72 700 Tm <" + shown.hex().encode() + b"> Tj ET"
    return simple_page_pdf(content, extra_objects={
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        6: stream(cmap),
    })
