"""Synthetic scans: typed text drawn into an image, optionally rotated and noisy."""
from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

LINES = [
    "NOTA KESEPAHAMAN ANTARA PEMERINTAH KABUPATEN",
    "Para pihak sepakat melaksanakan pelatihan aparatur",
    "paling lambat tanggal 12 Maret 2025 di Kota Malang.",
]


def page_image(lines=LINES, *, size=(1700, 700), font_px=38, rotate=0.0, noise=0.0, seed=1,
               origin=(80, 80), leading=70) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_px)
    for i, line in enumerate(lines):
        draw.text((origin[0], origin[1] + i * leading), line, fill=0, font=font)
    if rotate:
        image = image.rotate(rotate, resample=Image.BILINEAR, fillcolor=255)
    if noise:
        rng = np.random.default_rng(seed)
        arr = np.asarray(image, dtype=np.int16)
        arr = arr + rng.normal(0, noise, arr.shape)
        speckles = rng.random(arr.shape) < 0.002
        arr[speckles] = 0
        image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return image


def encode(image: Image.Image, fmt: str = "PNG", dpi: int = 300, **kw) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, dpi=(dpi, dpi), **kw)
    return buf.getvalue()
