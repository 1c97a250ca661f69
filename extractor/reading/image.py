"""PNG/JPEG/TIFF scans -> DocumentText through OCR (one page per TIFF frame).

Boxes are in points when the image says its resolution (72 / dpi per pixel), else in pixels.
An image whose pixel count is beyond what PIL considers safe is refused as `capacity`
(decompression bomb) before it is decoded.
"""
from __future__ import annotations

import io
import warnings

from PIL import Image, ImageSequence

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.reading import ocr
from extractor.reading.textbuild import TextBuilder
from extractor.types import DocumentText, Warning

MAX_PIXELS = 120_000_000  # about an A0 page at 300 dpi


def read_image(data: bytes, media_type: str, limits: Limits, tesseract: str | None) -> DocumentText:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = [image] if getattr(image, "n_frames", 1) == 1 else None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise IngestError("capacity", "the image is too large to decode safely") from exc
    except Exception as exc:
        raise IngestError("unsupported_type", "the image is damaged and cannot be read") from exc
    count = getattr(image, "n_frames", 1)
    if count > limits.max_pages:
        raise IngestError("too_many_pages", f"the image has {count:,} pages; at most "
                          f"{limits.max_pages:,} are allowed")
    if image.width * image.height > MAX_PIXELS:
        raise IngestError("capacity", "the image is too large to decode safely")
    dpi = image.info.get("dpi", (72, 72))[0] or 72
    scale = 72.0 / float(dpi)
    width, height = image.width * scale, image.height * scale
    builder = TextBuilder()
    if tesseract is None:
        for number in range(1, count + 1):
            builder.add_page(number, "", width=width, height=height, source="ocr")
        builder.warnings.append(Warning("no_text_layer", "the image needs OCR and tesseract is not "
                                        "available; it needs review"))
        return builder.build(media_type=media_type, max_chars=limits.max_chars)
    frames = frames or ImageSequence.Iterator(image)
    try:
        pages = list(ocr.ocr_images(((frame.copy(), scale) for frame in frames),
                                    languages=limits.ocr_languages, workers=limits.ocr_workers,
                                    tesseract=tesseract, timeout=limits.seconds))
    except OSError as exc:  # truncated image data
        raise IngestError("unsupported_type", f"the image is damaged: {exc}") from exc
    for number, page in enumerate(pages, 1):
        builder.add_page(number, page.text, page.boxes, width=width, height=height, source="ocr")
        if not page.text.strip():
            builder.warnings.append(Warning("no_text", "OCR found no text on this page", number))
    return builder.build(media_type=media_type, max_chars=limits.max_chars)
