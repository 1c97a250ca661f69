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
    guess = best.encoding if best is not None else None
    # Indonesian and English text is mostly ASCII, so detectors can hardly tell the Western
    # code pages apart; cp1252 is by far the most common of them, so it wins within the family.
    if (guess is None or guess in _WESTERN) and _cp1252_ok(data):
        return data.decode("cp1252")
    if guess:
        try:
            return data.decode(guess, errors="replace")
        except LookupError:
            pass
    return data.decode("latin-1")


_WESTERN = frozenset({"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3",
                      "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
                      "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland",
                      "mac_turkish", "cp437", "cp850", "cp858", "ascii"})


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_plain(data: bytes, limits: Limits) -> DocumentText:
    builder = TextBuilder(with_boxes=False)
    builder.add_page(1, decode(data), source="plain")
    return builder.build(media_type=TEXT, max_chars=limits.max_chars)
