"""Plain text in any encoding -> DocumentText (one page, no boxes).

Decoding: a BOM decides (UTF-8/16/32, and the BOM itself is not part of the text); otherwise
strict UTF-8; otherwise charset-normalizer's best guess (cp1252, latin-1, ...); latin-1 as the
last resort (it decodes every byte). `\\r` becomes a space (length-preserving, see textbuild).
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from extractor.limits import Limits
from extractor.reading.textbuild import TextBuilder
from extractor.sniff import TEXT
from extractor.types import DocumentText

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace") if _cp1252_ok(data) else data.decode("latin-1")


def _cp1252_ok(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def read_plain(data: bytes, limits: Limits) -> DocumentText:
    builder = TextBuilder(with_boxes=False)
    builder.add_page(1, decode(data), source="plain")
    return builder.build(media_type=TEXT, max_chars=limits.max_chars)
