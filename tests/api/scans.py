"""Scanned documents we make ourselves: text rendered into a 300 dpi multi-page TIFF (OCR input)."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def scanned_tiff(pages: int = 1, lines: int = 40, tag: str = "") -> bytes:
    try:
        font = ImageFont.truetype(FONT, 36)
    except OSError:
        font = ImageFont.load_default(size=36)
    frames = []
    for page in range(1, pages + 1):
        img = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(img)
        for i in range(lines):
            draw.text((150, 150 + 75 * i), f"Pasal {i + 1}. PIHAK KEDUA wajib menyediakan tenaga pengajar "
                                           f"{tag} halaman {page} baris {i + 1}.", font=font, fill=0)
        frames.append(img)
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:], dpi=(300, 300),
                   compression="tiff_deflate")
    return out.getvalue()
