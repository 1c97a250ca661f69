"""What the bytes are (by magic bytes only), their sha256, and a display name safe to show.

The declared name and content type of an upload are never trusted: a PNG named `x.pdf` is a PNG.
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP = "application/zip"
HTML = "text/html"
TEXT = "text/plain"
OCTET = "application/octet-stream"

IMAGE_TYPES = frozenset({PNG, JPEG, TIFF})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"PK\x03\x04", ZIP),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # old .doc/.xls
    (b"\x1f\x8b", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!", "application/vnd.rar"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
# Bytes that never occur in text in any common 8-bit or UTF encoding (NUL aside, checked apart).
_BINARY_CONTROLS = frozenset(range(9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff(data: bytes) -> str:
    """The media type of `data`, decided by its first bytes (and, for ZIP, its member names)."""
    head = data[:1024]
    # PDF readers accept the header anywhere in the first 1024 bytes; so do we.
    if b"%PDF-" in head:
        return PDF
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            if media_type == ZIP:
                return _zip_kind(data)
            return media_type
    text_head = head
    for bom in _BOMS:
        if head.startswith(bom):
            return HTML if _looks_like_html(_decode_head(head)) else TEXT
    if _HTML_START.match(text_head) or _looks_like_html(_decode_head(head)):
        return HTML
    if _is_text(data[:8192]):
        return TEXT
    return OCTET


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ZIP
    if "word/document.xml" in names:
        return DOCX
    return ZIP


def _decode_head(head: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16"):
        try:
            return head.decode(enc)
        except UnicodeDecodeError:
            continue
    return head.decode("latin-1")


def _looks_like_html(head: str) -> bool:
    return bool(_HTML_START.match(head.lstrip("\ufeff").encode("utf-8", "replace")))


def _is_text(sample: bytes) -> bool:
    if not sample:
        return False
    if sample.startswith(_BOMS):
        return True
    zeros = sample.count(b"\x00")
    if zeros * 2 >= len(sample) * 0.8:
        # UTF-16 without BOM: every other byte is NUL for Latin text.
        return _utf16_decodes(sample)
    # A stray NUL or control character does not make a text binary; many of them do.
    bad = sum(1 for b in sample if b in _BINARY_CONTROLS)
    return bad <= max(1, len(sample) * 0.01)


def _utf16_decodes(sample: bytes) -> bool:
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample[: len(sample) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if sum(ch.isprintable() or ch in "\r\n\t" for ch in text) >= len(text) * 0.95:
            return True
    return False


_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def safe_display_name(name: str, max_len: int = 120) -> str:
    """A name fit to show and log, never to use as a path: no directories, no control or
    bidi-override characters, no NUL (and nothing after it), at most `max_len` characters
    (the extension kept when the stem is cut)."""
    name = name.split("\x00", 1)[0]
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"[\t\n\r\v\f]", " ", name)
    name = "".join(ch for ch in unicodedata.normalize("NFC", name)
                   if unicodedata.category(ch) not in _UNSAFE_CATEGORIES)
    name = " ".join(name.split()).strip(" .")
    if not name:
        return "document"
    if len(name) > max_len:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: max_len - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            name = name[:max_len]
    return name
