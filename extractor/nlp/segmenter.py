"""`janji_segmenter`: sentence and section boundaries for agreements and news releases.

A new sentence starts
- after a blank line, and after a line ending in . ; : ? ! or a closing quote;
- at a line that opens with an enumerator ("a.", "1)", "(2)", "1.", "4.1", "(a)") or a section
  heading ("Pasal 3", "ARTICLE II"), at any depth of indentation (nested lists);
- at a line in capitals (headings such as "RUANG LINGKUP") and at the line after it, except where a
  long capitals line ends in a connector ("... ANTARA DINAS X DAN") and the next capitals line goes on;
- inside a line, after . ? ! followed by a capital, a digit or a quote (abbreviations such as
  "Drs." are single tokens thanks to the tokenizer exceptions, so they never end a sentence).
Wrapped lines of a PDF (no punctuation at the end, lower-case continuation) stay one sentence.
`doc._.janji_sections` lists (start_char, end_char, heading) for every Pasal/Article section.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor.chat import CHAT_HEADER, CHAT_STAMP  # noqa: F401  (CHAT_STAMP: read from here by other modules)

ENUMERATOR = re.compile(r"[ \t]*(?:\(?[a-zA-Z]\)|\(?[ivx]{2,4}\)|[a-z]\.|\(?\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.?|[ivxIVX]{1,4}\.|[-•*–·])[ \t]+\S")
# a number written as a word: "PASAL SATU", "Pasal Kedua", "Article One"
WORD_NUMBER = (r"(?:ke)?(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)(?:\s+belas)?|pertama|"
               r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
HEADING = re.compile(r"[ \t]*(?:pasal|article|bab|bagian|chapter|section)\s+(?:[\dIVXLC]+|" + WORD_NUMBER + r")\b",
                     re.IGNORECASE)
_LINE_END_BREAK = re.compile(r"[.;:?!\"”’)]\s*$")


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(line.strip()) <= 100


# a long title line in capitals wrapped after a connector ("... ANTARA DINAS X DAN" / "KETAHANAN ... DAN Y"):
# the next line goes on with the same title
_WRAPPED_AFTER = re.compile(r"\s(?:DAN|DENGAN|ANTARA|SERTA|TENTANG|AND|BETWEEN|WITH|OF|ON)\s*$")
_WRAPPED_MIN = 40


def _wraps_on(prev: str) -> bool:
    return len(prev.strip()) >= _WRAPPED_MIN and bool(_WRAPPED_AFTER.search(prev))


def sentence_start_offsets(text: str) -> set[int]:
    """Character offsets (first non-space character of a line) where a sentence must start."""
    starts: set[int] = set()
    lines = text.split("\n")
    pos = 0
    prev = ""
    prev_blank = True
    for line in lines:
        stripped = line.strip()
        if stripped:
            first = pos + len(line) - len(line.lstrip())
            chat = CHAT_HEADER.match(line)
            caps = (_is_caps_line(line) or _is_caps_line(prev)) and not (
                not prev_blank and _is_caps_line(prev) and _is_caps_line(line) and _wraps_on(prev))
            if (prev_blank or _LINE_END_BREAK.search(prev) or ENUMERATOR.match(line) or chat
                    or HEADING.match(line) or caps):
                starts.add(first)
            if chat:
                starts.add(pos + chat.end())
            prev = line
            prev_blank = False
        else:
            prev_blank = True
        pos += len(line) + 1
    return starts


def section_spans(text: str) -> list[tuple[int, int, str]]:
    heads = [m for m in re.finditer(r"(?m)^[ \t]*((?:pasal|article)\s+[\dIVXLC]+\b[^\n]*)", text, re.IGNORECASE)]
    out = []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        # the heading is the "Pasal N" line plus a following title line in capitals, if any
        title = m.group(1).strip()
        rest = text[m.end():m.end() + 120].lstrip("\n").split("\n", 1)[0].strip()
        if rest and _is_caps_line(rest):
            title = f"{title} {rest}"
        out.append((m.start(1), end, title))
    return out


def segment(doc: Doc) -> Doc:
    text = doc.text
    line_starts = sentence_start_offsets(text)
    tokens = list(doc)
    flags = [-1] * len(tokens)  # SENT_START: 1 starts a sentence, -1 does not
    want_next = True
    for i, tok in enumerate(tokens):
        if tok.is_space:
            continue
        start = want_next or tok.idx in line_starts
        flags[i] = 1 if (start or i == 0) else -1
        want_next = False
        prev_tok = tokens[i - 1] if i > 0 else None
        enumerator_dot = (tok.text == "." and prev_tok is not None and flags[i - 1] == 1
                          and len(prev_tok.text) <= 3 and prev_tok.text.isalnum())
        if tok.text in (".", "?", "!", "…") and not enumerator_dot:
            nxt = next((t for t in tokens[i + 1:i + 4] if not t.is_space), None)
            if nxt is not None and (nxt.text[:1].isupper() or nxt.text[:1].isdigit()
                                    or nxt.text[:1] in "\"“'("):
                want_next = True
    if tokens:
        flags[0] = 1
        # one array write instead of per-token assignment (each of which rescans the Doc)
        doc.from_array([SENT_START], numpy.asarray(flags, dtype="int64").astype("uint64").reshape(-1, 1))
    doc._.janji_sections = section_spans(text)
    return doc


@Language.factory("janji_segmenter")
def make_segmenter(nlp: Language, name: str):
    return segment
