"""Cards of an exported task board read as an activity report's commitments: which lines are card titles, where
a card's "Label: value" lines end, which column a card stands in, and when a title only names a topic that the
card's notes fill in. Text layers of PDFs wrap long values and run cards together; the helpers allow for both."""
from __future__ import annotations

import re

# a card of an exported task board: a title line, then only "Label: value" lines ("Penanggung jawab: X",
# "Selesai: 27 Mei 2026", "Catatan: ...")
_CARD_LABEL = re.compile(r"[ \t]*[A-Z][\w/&-]*(?:[ \t][\w/&-]+){0,2}[ \t]*:[ \t]+\S")


def card_titles(text: str, start: int, end: int, board: bool) -> list[tuple[int, int]]:
    """[start, end) of every card title in the block [start, end) when it is a run of cards: each title (one
    line, or wrapped over more) followed by "Label: value" lines only; [] otherwise. The column or a label
    says a card is done (which made it an activity); its title names the work."""
    lines = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end])
             if text[start + m.start():start + m.end()].strip()]
    if len(lines) < 2 or _CARD_LABEL.match(text, lines[0][0]):
        return []
    titles: list[tuple[int, int]] = []
    prev_label = True
    prev: tuple[int, int] | None = None
    for s, e in lines:
        label = bool(_CARD_LABEL.match(text, s))
        if not label and prev_label and prev is not None and _wraps(text, *prev):
            prev = (s, e)
            continue                             # a label's value wrapped onto the next line by a PDF
        prev = (s, e)
        if not label and prev_label:
            titles.append((s, e))
        elif not label and text[titles[-1][1] - 1:titles[-1][1]] in (".", "!", "?"):
            titles[-1] = (s, e)                  # a finished sentence run on from the card above: the title is below
        elif not label:
            titles[-1] = (titles[-1][0], e)      # a title wrapped onto the next line
        prev_label = label
    if not prev_label or not all(_CARD_LABEL.match(text, e + 1) for _, e in titles):
        return []                                # every title has its labels under it
    if not board and (len(titles) > 1 or text[titles[0][1] + 1:titles[0][1] + 2] not in " \t"):
        return []        # outside a board export, one card with its labels indented under it
    return titles


# a board's column heading: "=== COLUMN: DONE ===", "==== KOLOM: SELESAI (5) ===="
_COLUMN_LINE = re.compile(r"^[ \t]*[=#*]{2,}[^\n]*$", re.MULTILINE)
DONE_COLUMN = re.compile(r"\b(?:done|completed?|selesai|finished)\b", re.IGNORECASE)
# a title that reports progress itself: "..., sudah 5 dari 8 sekolah", "12 of 30 wells drilled"
PROGRESS = re.compile(r"\b(?:sudah|telah|baru|so\s+far|already|done|selesai)\b|\d+\s*(?:dari|of|/)\s*\d+", re.IGNORECASE)


def _wraps(text: str, start: int, end: int) -> bool:
    """A long line that ends mid-sentence: the text layer wrapped it, the next line goes on with it."""
    line = text[start:end].rstrip()
    return len(line) >= 70 and line[-1:] not in ".;:!?"


def end_of_card(text: str, title_end: int) -> int:
    """End of a card's "Label: value" lines (with their wrapped parts) under its title."""
    end = title_end
    while True:
        nl = text.find("\n", end)
        if nl < 0:
            return end
        line_end = text.find("\n", nl + 1)
        line_end = len(text) if line_end < 0 else line_end
        if not text[nl + 1:line_end].strip():
            return end
        if not (_CARD_LABEL.match(text, nl + 1) or (end > title_end and _wraps(text, text.rfind("\n", 0, end) + 1, end))):
            return end
        end = line_end


def end_of_value(text: str, end: int, limit: int) -> int:
    """End of a label's value: its line, and the lines a PDF wrapped it onto."""
    while end < limit and _wraps(text, text.rfind("\n", 0, end) + 1, end):
        nxt = text.find("\n", end + 1)
        nxt = limit if nxt < 0 or nxt > limit else nxt
        if _CARD_LABEL.match(text, end + 1) or nxt <= end + 1:
            break
        end = nxt
    return end


def column_of(text: str, at: int) -> str:
    heads = [m.group() for m in _COLUMN_LINE.finditer(text, 0, at)]
    return heads[-1] if heads else ""


def lone_card_title(text: str, start: int, end: int, board: bool) -> list[tuple[int, int]]:
    """A card title read alone as a statement ("[CARD X-102] Helmets for schoolchildren", its "Label: value" lines
    under it) in a done column of a board export: that card."""
    if not board or "\n" in text[start:end].strip() or not DONE_COLUMN.search(column_of(text, start)):
        return []
    nxt = text.find("\n", end)
    return [(start, end)] if nxt >= 0 and _CARD_LABEL.match(text, nxt + 1) and not _CARD_LABEL.match(text, start) else []


def run_on_card_titles(text: str, start: int, end: int, board: bool) -> list[tuple[int, int]]:
    """Card titles of a done column inside a statement that a text layer without blank lines ran on from the card
    above ("... on school days.\n[CARD X-102] Helmets for schoolchildren"): a line that no wrapped value continues
    and whose next line is a "Label: value" line."""
    if not board:
        return []
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        if s == start or _CARD_LABEL.match(text, s) or _COLUMN_LINE.match(text, s):
            continue
        above = text.rfind("\n", 0, s - 1) + 1
        nxt = text.find("\n", e)
        if _wraps(text, above, s - 1) or nxt < 0 or not _CARD_LABEL.match(text, nxt + 1):
            continue
        if DONE_COLUMN.search(column_of(text, s)):
            out.append((s, e))
    return out


# a card's notes line ("Notes: ...", "Catatan: ...")
CARD_NOTES = re.compile(r"^[ \t]*(?:notes?|catatan|keterangan|remarks?)[ \t]*:[ \t]*(?P<v>[^\n]+)", re.IGNORECASE | re.MULTILINE)
_TITLE_TAG = re.compile(r"^\W*(?:\[[^\]\n]{1,30}\]|#\d+)\s*")
_TITLE_SMALL = frozenset({"and", "for", "the", "with", "dan", "untuk", "yang", "dengan", "bagi"})


def topic_title(title: str) -> bool:
    """A card title of four content words or fewer ("Safe school zones", "Crash data sharing"): a topic."""
    words = [w for w in re.findall(r"[\w-]+", _TITLE_TAG.sub("", title)) if len(w) > 2 and w.lower() not in _TITLE_SMALL]
    return 0 < len(words) <= 4
