"""CharPage builds exactly pdfplumber's objects: every char dict equal to Page.process_object's,
keys in the same order, on our sample PDFs (typed, bilingual two-column, scans with an image),
a TrueType-font PDF and a page whose MediaBox does not start at the origin."""
from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.page import Page

from extractor.reading.plumber_page import CharPage
from tests.extractor.reading import pdfs

SAMPLES = Path(__file__).resolve().parents[3] / "sample_docs"


def _objects(data: bytes, fast: bool) -> list[list[tuple[str, list[tuple[str, object]]]]]:
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            if fast:
                page.__class__ = CharPage
            out.append([(kind, list(obj.items())) for kind, objs in page.objects.items() for obj in objs])
    return out


def _same_objects(data: bytes) -> int:
    """Compare both ways of reading; returns how many chars were compared."""
    slow, fast = _objects(data, False), _objects(data, True)
    assert len(slow) == len(fast)
    chars = 0
    for page_slow, page_fast in zip(slow, fast):
        assert [k for k, _ in page_slow] == [k for k, _ in page_fast]
        for (kind, items_slow), (_, items_fast) in zip(page_slow, page_fast):
            if kind == "char":
                assert items_fast == items_slow
                chars += 1
            else:  # other objects hold PDF streams, equal only by their printed form
                assert repr(items_fast) == repr(items_slow)
    return chars


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_sample_pdfs_give_pdfplumbers_objects(name: str) -> None:
    chars = _same_objects((SAMPLES / name).read_bytes())
    if not name.endswith(".scan.pdf"):
        assert chars > 500


def test_truetype_font_and_shifted_mediabox_give_pdfplumbers_objects() -> None:
    data = pdfs.pdf_from_lines([[(72, 72, "Naskah Kerja Sama – ÄÖÜ ñ “kutip”"), (300, 90, "kolom kanan")]],
                               font="DejaVu")
    assert _same_objects(data) > 30
    box = b"/MediaBox [ 0 0 595.2756 841.8898 ]"
    assert box in data
    shifted = data.replace(box, b"/MediaBox [ 9 8 595.2756 841.8898 ]")   # same length: xref stays valid
    with pdfplumber.open(io.BytesIO(shifted)) as pdf:
        assert pdf.pages[0].mediabox[0] == 9
    assert _same_objects(shifted) > 30


def test_charpage_only_overrides_char_objects() -> None:
    assert CharPage.__mro__[1] is Page
    assert set(vars(CharPage)) - {"__module__", "__doc__", "__qualname__"} == {"process_object"}
