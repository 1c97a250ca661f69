"""Render one page of a stored document as PNG, optionally with evidence boxes drawn on it.

pdfium is C code fed with untrusted bytes, so rendering runs in the same sandboxed child
(`extractor.sandbox.run_sandboxed`: memory limit + wall-clock kill) as reading does.
Boxes are in PDF points (72 per inch), origin top-left, like `Evidence.bbox`.
"""
from __future__ import annotations

import io

from extractor.errors import IngestError
from extractor.sandbox import run_sandboxed
from extractor.sniff import IMAGE_TYPES, PDF

BBox = tuple[float, float, float, float]
HIGHLIGHT_FILL = (255, 213, 0, 90)
HIGHLIGHT_LINE = (214, 40, 40, 255)


def can_render(media_type: str) -> bool:
    return media_type == PDF or media_type in IMAGE_TYPES


def render_page(data: bytes, *, media_type: str, page: int, dpi: int, boxes: list[BBox],
                seconds: float, memory_bytes: int, image_dpi: int = 300) -> bytes:
    """PNG bytes of `page` (1-based). Raises IngestError (not_found for a page out of range)."""
    return run_sandboxed(_render, data, media_type, page, dpi, boxes, image_dpi,
                         seconds=seconds, memory_bytes=memory_bytes, crash_code="malformed_pdf")


def _render(data: bytes, media_type: str, page: int, dpi: int, boxes: list[BBox], image_dpi: int) -> bytes:
    from PIL import Image, ImageDraw

    if media_type == PDF:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            if not 1 <= page <= len(pdf):
                raise IngestError("not_found", f"the document has {len(pdf)} page(s)")
            image = pdf[page - 1].render(scale=dpi / 72).to_pil().convert("RGBA")
        finally:
            pdf.close()
        points_to_px = dpi / 72
    else:
        src = Image.open(io.BytesIO(data))
        frames = getattr(src, "n_frames", 1)
        if not 1 <= page <= frames:
            raise IngestError("not_found", f"the document has {frames} page(s)")
        src.seek(page - 1)
        src_dpi = float((src.info.get("dpi") or (72, 72))[0] or 72)  # as extractor.reading.image
        scale = dpi / src_dpi
        image = src.convert("RGBA").resize((max(1, int(src.width * scale)), max(1, int(src.height * scale))))
        points_to_px = dpi / 72
    if boxes:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for x0, top, x1, bottom in boxes:
            rect = [x0 * points_to_px - 2, top * points_to_px - 2, x1 * points_to_px + 2, bottom * points_to_px + 2]
            draw.rectangle(rect, fill=HIGHLIGHT_FILL, outline=HIGHLIGHT_LINE, width=2)
        image = Image.alpha_composite(image, overlay)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=False)
    return out.getvalue()
