"""Exported group chats: "[15/12/26 07.41] Sender: text" or "15/12/2026, 07:41 - Sender: text" lines.

Kept free of spaCy so that activity reading can use it without loading the pipeline."""
from __future__ import annotations

import re

# the stamp opening a message of an exported chat: "[15/12/26 07.41] ", "15/12/2026, 07:41 - "
CHAT_STAMP = (r"[ \t]*\[?\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:[ \t]*[AaPp][Mm])?\]?"
              r"[ \t]*(?:-[ \t]+)?")
# an exported chat message "[15/12/26 07.41] Name: text": the message starts a sentence after its header
CHAT_HEADER = re.compile(CHAT_STAMP + r"[^:\n]{1,80}:[ \t]+(?=\S)")
_STAMP_DATE = re.compile(r"[ \t]*\[?(\d{1,2})/(\d{1,2})/(\d{2,4})")


def _numbers(text: str) -> list[tuple[int, int, int]]:
    out = []
    for line in text.splitlines():
        if CHAT_HEADER.match(line):
            m = _STAMP_DATE.match(line)
            if m:
                out.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return out


def message_dates(text: str) -> dict[int, str]:
    """The date (YYYY-MM-DD) of every chat message, keyed by the offset where its text starts (after
    "Sender: "). Day first, as most locales export it, unless a stamp of the chat has a first number
    over 12 nowhere and a second one over 12 somewhere (a month-first export: "12/15/26")."""
    stamps = _numbers(text)
    month_first = any(b > 12 for _, b, _ in stamps) and not any(a > 12 for a, _, _ in stamps)
    out: dict[int, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        header = CHAT_HEADER.match(line)
        m = _STAMP_DATE.match(line) if header else None
        if header and m:
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            day, month = (b, a) if month_first else (a, b)
            year += 2000 if year < 100 else 0
            if 1 <= day <= 31 and 1 <= month <= 12:
                out[offset + header.end()] = f"{year:04d}-{month:02d}-{day:02d}"
        offset += len(line)
    return out
