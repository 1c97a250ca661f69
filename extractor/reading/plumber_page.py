"""A pdfplumber page that builds its char objects faster, with exactly the same content.

pdfplumber's `Page.process_object` turns every pdfminer layout object into a dict. For a char it
runs, per attribute, a nested function and the recursive `resolve_all` (three isinstance tests
even for a float), decodes the colour-space name character by character, and reads the `height`
property twice: about a third of reading a born-digital page. `CharPage` does the same for
`LTChar` objects with a direct path for plain values (which `resolve_all` returns unchanged) and
a cache of decoded colour-space names; every other object goes to pdfplumber's own method. The
dicts are equal to pdfplumber's, keys in the same order (tests/extractor/reading/test_plumber_page.py
compares them on real PDFs, so a pdfplumber upgrade that changes the method is caught).
"""
from __future__ import annotations

from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS, Page, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode

_PLAIN = frozenset({float, int, str, bool, bytes, type(None)})
_DECODED: dict[str, Any] = {}


def _resolved(value: Any) -> Any:
    """`resolve_all(value)`, without the recursion for a scalar or a tuple of scalars (a char's
    matrix), which it returns unchanged (an equal tuple)."""
    kind = type(value)
    if kind in _PLAIN or kind is tuple and all(type(v) in _PLAIN for v in value):
        return value
    return resolve_all(value)


def _decoded_name(name: Any) -> Any:
    if type(name) is not str:
        return resolve_and_decode(name)
    try:
        return _DECODED[name]
    except KeyError:
        if len(_DECODED) > 1000:
            _DECODED.clear()
        value = _DECODED[name] = resolve_and_decode(name)
        return value


class CharPage(Page):
    """Use by switching a pdfplumber page's class before its objects are read:
    `page.__class__ = CharPage` (pdfplumber builds its pages itself)."""

    def process_object(self, obj: Any) -> dict:
        if type(obj) is not LTChar:
            return Page.process_object(self, obj)
        # The steps and their order are those of pdfplumber 0.11 Page.process_object for a char.
        attr = {k: _resolved(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = _decoded_name(getattr(obj, cs).name)
        text = obj.get_text()
        norm = self.pdf.unicode_norm
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        mb_x0, mb_top = self.mediabox[:2]
        if "y0" in attr:
            height = self.height
            attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr
