"""Text the databases refuse: NUL characters (PostgreSQL) and lone surrogates (any UTF-8 codec).

Extracted text is made storable without changing its length (NUL -> space, lone surrogate ->
U+FFFD), so evidence offsets stay valid; reviewer input containing them is refused instead."""
from __future__ import annotations

import re
from typing import Any

_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def is_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def safe_text(text: str) -> str:
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: " " if m.group() == "\x00" else "\ufffd", text)


def deep_safe(value: Any) -> Any:
    """The same structure with every string made storable."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_text(k) if isinstance(k, str) else k: deep_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [deep_safe(v) for v in value]
    return value
