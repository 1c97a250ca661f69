"""PDF reader (runs inside the sandboxed child): text layer per page, OCR where there is none.

Order of work, cheapest first: pdfium opens the document (password check, page count — the
only thing read before `too_many_pages`), then pdfplumber reads each page's text layer; pages
without a usable text layer are rendered by pdfium and OCR'd in parallel.

Per-page decision: a page is OCR'd when it has fewer than `_MIN_TEXT_CHARS` visible text
characters and shows an image or vector drawing, when images cover half of it and it has fewer
than `_FEW_TEXT_CHARS` characters (a scan with a typed stamp or header), or when its text is
mostly unmapped `(cid:N)` glyphs. A scan with a full invisible OCR layer keeps that layer. A typed MoU with a scanned signature page therefore mixes `text` and `ocr` pages.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.reading import layout, ocr
from extractor.reading.plumber_page import CharPage
from extractor.reading.textbuild import TextBuilder
from extractor.sniff import PDF
from extractor.types import DocumentText, Warning

_MIN_TEXT_CHARS = 20
_FEW_TEXT_CHARS = 200
_CID = re.compile(r"\(cid:\d+\)")


def read_pdf(data: bytes, limits: Limits, tesseract: str | None) -> DocumentText:
    document = _open_pdfium(data)
    count = len(document)
    if count == 0:
        raise IngestError("empty_document")
    if count > limits.max_pages:
        raise IngestError("too_many_pages", f"the document has {count:,} pages; at most "
                          f"{limits.max_pages:,} are allowed")
    builder = TextBuilder()
    if pdfium_raw.FPDF_GetSecurityHandlerRevision(document) != -1:
        builder.warnings.append(Warning("copy_restricted", "the PDF is encrypted with an owner "
                                        "password (copying/printing restricted); it was read anyway"))
    pages: dict[int, tuple] = {}          # page number -> (PageText | OcrPage, width, height, source)
    to_ocr: list[int] = []
    for number, result in _text_layers(data, count, builder):
        if result is None:
            to_ocr.append(number)
        else:
            pages[number] = result
    if to_ocr:
        _ocr_pages(document, to_ocr, pages, builder, limits, tesseract)
    if not pages:
        raise IngestError("malformed_pdf", "no page of the PDF could be read")
    _assemble(builder, pages, count)
    return builder.build(media_type=PDF, max_chars=limits.max_chars)


def _open_pdfium(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_raw.FPDF_ERR_PASSWORD, pdfium_raw.FPDF_ERR_SECURITY):
            raise IngestError("encrypted_pdf") from exc
        if _pdfminer_page_count(data) == 0:   # pdfium refuses page-less documents outright
            raise IngestError("empty_document") from exc
        raise IngestError("malformed_pdf", "the PDF is damaged and cannot be opened") from exc


def _pdfminer_page_count(data: bytes) -> int | None:
    try:
        with pdfplumber.open(io.BytesIO(data)) as plumber:
            return len(plumber.pages)
    except Exception:  # noqa: BLE001 - only a second opinion
        return None


def _text_layers(data: bytes, count: int, builder: TextBuilder) -> Iterator[tuple[int, tuple | None]]:
    """(page number, (PageText, width, height, "text")) or (page number, None) for OCR."""
    try:
        plumber = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = _unwrap(exc)
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError("encrypted_pdf") from exc
        if isinstance(cause, MemoryError):
            raise MemoryError from exc  # noqa: TRY004 - the sandbox maps it to `capacity`
        # pdfium opened it; pdfminer cannot: OCR every page rather than fail.
        builder.warnings.append(Warning("text_layer_unreadable", "the text layer could not be "
                                        "parsed; pages were read by OCR"))
        for number in range(1, count + 1):
            yield number, None
        return
    with plumber:
        try:
            plumber_pages = list(plumber.pages)
        except Exception as exc:
            if isinstance(_unwrap(exc), MemoryError):
                raise MemoryError from exc  # noqa: TRY004
            plumber_pages = []
            builder.warnings.append(Warning("text_layer_unreadable", f"page tree: {type(exc).__name__}"))
        for number in range(1, count + 1):
            if number > len(plumber_pages):
                yield number, None
                continue
            page = plumber_pages[number - 1]
            page.__class__ = CharPage   # same char objects, built faster (see plumber_page)
            try:
                if _needs_ocr(page):
                    yield number, None
                else:
                    yield number, (layout.page_text(page), float(page.width), float(page.height), "text")
            except Exception as exc:
                cause = _unwrap(exc)
                if isinstance(cause, MemoryError):  # the sandbox reports it as `capacity`
                    raise MemoryError from exc  # noqa: TRY004
                if isinstance(cause, RecursionError):
                    message = "the page's objects refer to themselves (recursive content)"
                else:
                    message = f"{type(cause).__name__}: {str(cause)[:160]}"
                builder.page_errors.append(Warning("malformed_pdf", message, number))
            finally:
                page.close()


def _image_share(page) -> float:
    """Share of the page area covered by images (overlaps counted once per image)."""
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for image in page.images:
        x0, x1 = max(image["x0"], 0), min(image["x1"], page.width)
        top, bottom = max(image["top"], 0), min(image["bottom"], page.height)
        covered += max(x1 - x0, 0) * max(bottom - top, 0)
    return min(covered / area, 1.0)


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps whatever pdfminer raised (even MemoryError) in PdfminerException."""
    while isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    return exc


def _needs_ocr(page) -> bool:
    chars = page.chars
    visible = sum(1 for c in chars if not c["text"].isspace())
    if _MIN_TEXT_CHARS <= visible < _FEW_TEXT_CHARS and _image_share(page) >= 0.5:
        return True                      # a scanned page with a typed stamp or header on it
    if visible >= _MIN_TEXT_CHARS:
        sample = "".join(c["text"] for c in chars[:2000])
        # Mostly unmapped "(cid:N)" glyphs: the text layer is garbage, read the page by OCR.
        return len(_CID.findall(sample)) * 6 >= len(sample) / 2
    if page.images:
        return True                      # a scan, perhaps with a few typed characters
    return visible == 0 and bool(page.curves or page.rects)  # text drawn as vector outlines


def _ocr_pages(document: pdfium.PdfDocument, numbers: list[int], pages: dict, builder: TextBuilder,
               limits: Limits, tesseract: str | None) -> None:
    if tesseract is None:
        for number in numbers:
            try:
                width, height = document[number - 1].get_size()
            except pdfium.PdfiumError:
                width = height = 0.0
            pages[number] = (ocr.OcrPage("", [], -1.0), width, height, "ocr")
            builder.warnings.append(Warning("no_text_layer", "the page has no text layer and OCR "
                                            "(tesseract) is not available; it needs review", number))
        return
    scale = 72.0 / limits.ocr_dpi
    sizes: dict[int, tuple[float, float]] = {}

    rendered: list[int] = []   # pages in the order their images went to OCR

    def images() -> Iterator[tuple[Image.Image, float]]:
        for number in numbers:
            try:
                page = document[number - 1]
                sizes[number] = page.get_size()
                image = page.render(scale=limits.ocr_dpi / 72.0, grayscale=True).to_pil()
                page.close()
            except pdfium.PdfiumError as exc:
                builder.page_errors.append(Warning("malformed_pdf", f"the page cannot be "
                                                   f"rendered: {exc}", number))
                continue
            rendered.append(number)
            yield image, scale

    results = ocr.ocr_images(images(), languages=limits.ocr_languages, workers=limits.ocr_workers,
                             tesseract=tesseract, timeout=limits.seconds)
    for index, result in enumerate(results):
        number = rendered[index]
        width, height = sizes[number]
        pages[number] = (result, width, height, "ocr")
        if not result.text.strip():
            builder.warnings.append(Warning("no_text", "OCR found no text on this page", number))


def _assemble(builder: TextBuilder, pages: dict, count: int) -> None:
    """Add pages in order; mark furniture found across the text-layer pages."""
    numbers = sorted(pages)
    text_pages = [n for n in numbers if pages[n][3] == "text"]
    candidates = [layout.furniture_candidates(pages[n][0], pages[n][2], n) for n in text_pages]
    marked = dict(zip(text_pages, layout.find_furniture(candidates)))
    cand_by_page = dict(zip(text_pages, candidates))
    for number in range(1, count + 1):
        if number not in pages:   # unreadable page (recorded in page_errors): an empty span
            builder.add_page(number, "", [], source="text")
            continue
        content, width, height, source = pages[number]
        furniture = [(c.line.start, c.line.end) for i, c in enumerate(cand_by_page.get(number, []))
                     if i in marked.get(number, ())]
        if source == "ocr":   # no line positions: page-number footers by their wording
            furniture = layout.text_page_furniture(content.text, number)
        builder.add_page(number, content.text, content.boxes, width=width, height=height,
                         source=source, furniture=sorted(furniture))
