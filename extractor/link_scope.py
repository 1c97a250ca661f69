"""Passages of a report (sentences, list items, table rows) and the ones that speak of a party.

Linking asks whether the report names another organisation of a partner's kind: a report that
names it in the sentence where it names the party ("X signed a scheme with the Government of Y")
is about that other work; one naming it only in a sentence about something else ("PTSL was also
completed in the neighbouring Z Regency") still speaks of the party's agreement, and that sentence
is left out statement by statement (matching.statement_allowed)."""
from __future__ import annotations

import re
from collections.abc import Callable

# a line that opens a list item or a table row, or a numbered paragraph ("17. Registration ...")
_ITEM_START = re.compile(r"^\s*(?:[-•*▪◦|]|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
# a full stop that ends an abbreviation, an initial or a legal form, not a sentence
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Jl|Kav|No|Dr|Drs|Dra|Ir|Prof|Hj|St|Pj|Plt|Kab|Prov|Kec|Kel|Rp|"
                           r"Tbk|Pte|Ltd|Inc|Co|Corp|Bhd|Sdn|Mr|Mrs|Ms|dr|dkk|vs|etc|Art|Ref|Jend|Sp|MM|MH|SH|SE)"
                           r")\.$")


def _blocks(text: str) -> list[str]:
    """Paragraphs, list items and table rows: a line joins the one before unless that one is blank
    or ends a sentence or a label, or it opens an item (a wrapped line of PDF text continues it)."""
    blocks: list[list[str]] = []
    previous = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            previous = ""
            continue
        starts = (not previous or previous.endswith((".", "!", "?", ":", ";", "|"))
                  or bool(_ITEM_START.match(line)))
        if starts or not blocks:
            blocks.append([stripped])
        else:
            blocks[-1].append(stripped)
        previous = stripped
    return [" ".join(lines) for lines in blocks]


def passages(text: str) -> list[str]:
    """The text's sentences, each within one paragraph, list item or table row."""
    out = []
    for block in _blocks(text):
        start = 0
        for m in _SENTENCE_END.finditer(block):
            if _ABBREVIATION.search(block[max(start, m.start() - 12):m.start() + 1]) \
                    or block[start:m.start()].strip().isdigit():  # "17. Registration ...": an item's number
                continue
            out.append(block[start:m.start() + 1])
            start = m.end()
        if block[start:].strip():
            out.append(block[start:])
    return out


def passages_where(text: str, speaks_of: Callable[[str], bool]) -> list[str]:
    """The passages for which `speaks_of` holds; the whole text when none does (the report speaks
    of the party only across passages: an official's name here, its place there)."""
    found = [p for p in passages(text) if speaks_of(p)]
    return found or [text]
