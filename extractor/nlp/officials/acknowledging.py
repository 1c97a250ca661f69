"""Signers under "Mengetahui," / "Menyetujui," (acknowledging or approving an agreement they are no
party to: a Camat, a Dean, the chair of a village council): attendees, not signatories.

    Mengetahui,                              (alone, or the first column of its line)
    Camat Padang Hilir,
    ttd.
    NAMA ORANG, S.STP.                       <- the first line after the heading that names a person

A person also named elsewhere as a signatory (a party's signer in the opening clauses) stays one."""
from __future__ import annotations

import re

from extractor.nlp.officials.context import Found
from extractor.nlp.officials.layout import column_for, line_columns, text_lines

HEADING = re.compile(r"(?:Mengetahui|Menyetujui|MENGETAHUI|MENYETUJUI)[ \t]*[,:]?")
NAME_WITHIN = 5   # non-empty lines after the heading: position (1-3 lines), mark, name


def mark_acknowledging(text: str, found: list[Found]) -> None:
    lines = text_lines(text)
    starts = [(f.spans[0][0], f) for f in found if f.spans]
    for x, (ls, line) in enumerate(lines):
        cols = line_columns(line, ls)
        head = next((c for c in cols if HEADING.fullmatch(c[2])), None)
        if head is None:
            continue
        for ns, nline in lines[x + 1:x + 1 + NAME_WITHIN]:
            on_line = [f for s, f in starts if ns <= s < ns + len(nline)]
            if not on_line:
                continue
            name_cols = line_columns(nline, ns)
            for f in on_line:
                col = next((c for c in name_cols if c[0] <= f.spans[0][0] < c[1]), None)
                if len(cols) > 1 and col is not None and column_for(cols, col, ls, ns) is not head:
                    continue   # under another heading of the same line ("Yang melaporkan,")
                f.acknowledging = True
                f.role = "attendee"
            break


def settle_acknowledging(officials: list[Found], found: list[Found], spans_before: dict[int, set]) -> None:
    """After roles were decided: an official all of whose signing mentions are acknowledging ones is an
    attendee (the sentence cues may have made it a signatory)."""
    for o in officials:
        mine = spans_before.get(id(o), set())
        members = [f for f in found if f.spans and f.spans[0] in mine]
        if any(f.acknowledging for f in members) and not any(
                f.role == "signatory" and not f.acknowledging for f in members):
            o.role = "attendee"
