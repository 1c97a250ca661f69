"""Numbered witnesses whose columns a PDF text layer ran together with single spaces:

    Saksi-saksi :
    1. Drs. Nama Satu, M.A.P. 2. Nama Dua, S.IP.
    Kepala Bidang X Kepala Lembaga Y
    (the rest of the second position on the next line)

The name line splits at each list number; the position line below splits where each position word
opens a part, and the parts pair up with the names in order (only when the counts agree)."""
from __future__ import annotations

import re

from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.labelled import LABEL_WITNESS
from extractor.nlp.officials.layout import text_lines
from extractor.nlp.officials.names import display_name, lone_name
from extractor.nlp.officials.org_links import party_in
from extractor.nlp.officials.positions import QUALIFIER_LINKS, match_position, position_line

ENTRY = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)][ \t]+")


def numbered_witness_runs(ctx: Ctx) -> list[Found]:
    lines = text_lines(ctx.text)
    out: list[Found] = []
    for x, (ls, line) in enumerate(lines[:-2]):
        if not LABEL_WITNESS.match(line):
            continue
        ns, names_line = lines[x + 1]
        ps, pos_line = lines[x + 2]
        entries = _entries(ns, names_line)
        if len(entries) < 2:
            continue
        parsed = [lone_name(ctx, e) for e in entries]
        if not all(p and p[1] for p in parsed):
            continue      # every entry a name with a title or degree, and nothing else
        parts = _position_parts(ctx, ps, pos_line.rstrip())
        if len(parts) != len(entries):
            continue
        for p, (a, b, position) in zip(parsed, parts, strict=True):
            name, hon, first, name_end, _ = p
            out.append(Found(display_name(name), hon, position, party_in(ctx, position), "attendee",
                             [(first, name_end), (a, b)], 0.75))
    return out


def _entries(base: int, line: str) -> list[tuple[int, int, str]]:
    """The numbered entries 1., 2., ... of a line, in order (numbers counting up from 1)."""
    marks = list(ENTRY.finditer(line))
    if not marks or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    out = []
    for m, nxt in zip(marks, marks[1:] + [None]):
        end = nxt.start() if nxt else len(line)
        text = line[m.end():end].rstrip()
        out.append((base + m.end(), base + m.end() + len(text), text))
    return out


def _position_parts(ctx: Ctx, base: int, line: str) -> list[tuple[int, int, str]]:
    """A line of positions run together, cut before each position word that follows a capitalised word
    ("Kepala Bidang X Kepala Lembaga Y"; not after "dan"/"of")."""
    k = ctx.tok_at.get(base + len(line) - len(line.lstrip()))
    if k is None or not position_line(ctx, (ctx.toks[k].start, base + len(line), line.strip())):
        return []
    end = base + len(line)
    cuts = [k]
    j = max(match_position(ctx, k), k + 1)
    while j < len(ctx.toks) and ctx.toks[j].start < end:
        prev = ctx.toks[j - 1]
        if prev.is_word and prev.cap and prev.text.lower() not in QUALIFIER_LINKS and match_position(ctx, j) != j:
            cuts.append(j)
            j = match_position(ctx, j)
            continue
        j += 1
    out = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        s = ctx.toks[a].start
        e = ctx.toks[b - 1].end if b is not None else end
        out.append((s, e, re.sub(r"\s+", " ", ctx.text[s:e]).strip(" ,")))
    return out
