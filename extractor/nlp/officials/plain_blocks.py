"""Signature blocks without a mark: a line that is a name alone, with its position line above or
below it, or an NIP/NRP or civil-service rank line under it."""
from __future__ import annotations

import re

from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.labelled import LABEL_WITNESS
from extractor.nlp.officials.layout import Column, column_for, line_columns, text_lines
from extractor.nlp.officials.names import display_name, lone_name, parse_name
from extractor.nlp.officials.org_links import gov_org, org_from_header, party_in
from extractor.nlp.officials.positions import capital_words, match_position, position_line, title_line
from extractor.nlp.officials.signature_blocks import SIGN_MARK

ID_LINE = re.compile(r"^\s*(?:NIP|NRP|NIK|NIDN|NIPPPK|NIY|NPP)\b\.?\s*:?\s*\d", re.IGNORECASE)
RANK_LINE = re.compile(r"^\s*(?:(?:Pembina|Penata|Pengatur|Juru)(?:\s+(?:Utama|Muda|Madya|Tingkat|Tk\.?|I{1,3}|IV))*\s*,?\s*"
                       r"(?:\(\s*[IV]{1,3}\s*/\s*[a-e]\s*\))?|\(\s*[IV]{1,3}\s*/\s*[a-e]\s*\))\s*$", re.IGNORECASE)


def plain_signature_blocks(ctx: Ctx) -> list[Found]:
    """Signature blocks without a "ttd"/"signed" mark: a line holding only a person's name, with a
    position line (or two, the second continuing the first) just above it or just below it, or an
    NIP/NRP or civil-service rank line just below it ("Pembina Tingkat I (IV/b)")."""
    lines = text_lines(ctx.text)
    out: list[Found] = []
    for x, (ls, line) in enumerate(lines):
        if SIGN_MARK.match(line) or len(line) > 200:
            continue
        for col in line_columns(line, ls):
            bare = _without_list_number(col)
            parsed = lone_name(ctx, bare)
            if bare is not col and parsed and not parsed[1] and not _witness_above(lines, x, bare):
                continue   # a numbered entry is a person with a title or degree, or under a witness label
            col = bare
            if not parsed:
                continue
            below = [column_for(line_columns(bl, bs), col, bs, ls) for bs, bl in lines[x + 1:x + 3]]
            below = [c for c in below if c]
            if _continues_position(ctx, lines, x, col, below) or _headline_tail(ctx, lines, x):
                continue
            marked = any(ID_LINE.match(c[2]) or RANK_LINE.match(c[2]) for c in below)
            next_line = x + 1 < len(lines) and lines[x + 1][0] == ls + len(line) + 1
            if below and (position_line(ctx, below[0]) or next_line and below[0][0] < lines[x + 1][0] + len(lines[x + 1][1])
                          and title_line(ctx, below[0])):
                # name, then title: "Nama / Direktur Eksekutif X", "Nama / Regional Secretary of X" right under it
                pos_cols = [below[0]]
            else:
                pos_cols = _position_above(ctx, lines, x, col)
            if not (marked or pos_cols):
                continue
            name, hon, first, name_end, _ = parsed
            name = display_name(name)
            spans = [(first, name_end)]
            position = org = None
            if pos_cols:
                position = re.sub(r"\s+", " ", " ".join(c[2] for c in pos_cols)).strip(" ,")
                spans += [(c[0], c[1]) for c in pos_cols]
                k = ctx.tok_at[pos_cols[0][0]]
                j = match_position(ctx, k)
                head = ctx.text[ctx.toks[k].start:ctx.toks[j - 1].end]
                org = party_in(ctx, position) or gov_org(ctx, head, position[len(head):].strip(" ,"))
            if position and not org:  # "Regional Secretary of X" under a party "... Government of X"
                tail = re.search(r"(?:\bof\b|,)\s*(.+)$", position)
                org = org_from_header(ctx, tail.group(1), raw=False) if tail else None
            org = org or _header_party(ctx, lines, x, col)
            role = "attendee" if _witness_above(lines, x, col) else "signatory"
            out.append(Found(name, hon, position, org, role, spans, 0.8))
    return out


LIST_NUMBER = re.compile(r"(?:\d{1,2}|[a-z])[.)][ \t]+(?=\S)")


def _without_list_number(col):
    """A numbered entry of a list set in columns ("1. Nama, S.H.     2. Nama Lain") without its number."""
    m = LIST_NUMBER.match(col[2])
    if not m:
        return col
    out = Column((col[0] + m.end(), col[1], col[2][m.end():]))
    out.index = getattr(col, "index", None)
    return out


def _witness_above(lines: list[tuple[int, str]], x: int, col) -> bool:
    """Is the name line headed by "WITNESSED BY:" / "Saksi:" in its column, one or two lines up?"""
    for bs, bl in lines[max(0, x - 2):x]:
        c = column_for(line_columns(bl, bs), col, bs, lines[x][0])
        if c and LABEL_WITNESS.match(c[2]):
            return True
    return False


def _continues_position(ctx: Ctx, lines: list[tuple[int, str]], x: int, col, below) -> bool:
    """Is a name-shaped line the second line of the position above it? ("DIREKTUR POLITEKNIK /
    TANJUNG BIRU," over the signatory's name): the two lines together name an organisation of the
    document that the first alone does not, or the line ends in a comma with a name line under it."""
    if x == 0:
        return False
    bs, bl = lines[x - 1]
    up = column_for(line_columns(bl, bs), col, bs, lines[x][0])
    if up is None or not position_line(ctx, up):
        return False
    if col[2].rstrip().endswith(",") and any(_name_opens(ctx, c) for c in below[:1]):
        return True  # "NAMA ORG," then the signatory's name line (columns may be run together in a PDF)
    if up[2].rstrip().endswith((",", ".")):
        return False
    both = re.sub(r"\s+", " ", f"{up[2]} {col[2]}").strip(" ,").lower()
    alone = up[2].strip(" ,").lower()
    forms = {f.lower() for e in ctx.parties for f in e.key_names() if len(f) > 3}
    forms |= {f.lower() for e in ctx.entities for f in e.surface_forms() if len(f) > 3}
    return any(f in both and f not in alone and both.endswith(f) for f in forms)


def _headline_tail(ctx: Ctx, lines: list[tuple[int, str]], x: int) -> bool:
    """Is a name-shaped line the wrapped end of the document's headline ("... Sepakat Jaga Stok Beras" /
    "Jelang Lebaran")? Only text lines of four words or more without a closing stop stand above it."""
    if not 1 <= x <= 2 or ctx.text[:lines[0][0]].strip():
        return False
    return all(len(line.split()) >= 4 and not line.rstrip().endswith((".", ",", ":", ";"))
               and not position_line(ctx, (ls, ls + len(line.rstrip()), line.rstrip())) for ls, line in lines[:x])


def _name_opens(ctx: Ctx, col) -> bool:
    """Does a line (column) open with a person's name carrying an honorific or a degree?"""
    k = ctx.tok_at.get(col[0])
    parsed = parse_name(ctx, k, one_line=True, caps_ok=True) if k is not None else None
    return bool(parsed and parsed[1])


def _header_party(ctx: Ctx, lines: list[tuple[int, str]], x: int, col) -> str | None:
    """The party a signature column is headed by, within the five lines above the name:
    "PIHAK KEDUA," (the party defined with that role) or "for and on behalf of / ORG"."""
    above = []
    for bs, bl in lines[max(0, x - 5):x]:
        c = column_for(line_columns(bl, bs), col, bs, lines[x][0])
        if c:
            above.append(c[2])
    roles = {re.sub(r"\s+", " ", (p.role or "")).upper(): p.name for p in ctx.party_records}
    for y in range(len(above) - 1, -1, -1):
        m = re.match(r"\s*(PIHAK\s+(?:PERTAMA|KESATU|KEDUA|KETIGA|KEEMPAT))\b", above[y], re.IGNORECASE)
        if m:
            return roles.get(re.sub(r"\s+", " ", m.group(1)).upper())
        b = re.match(r"\s*(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\b\s*(.*)$|\s*untuk\s+dan\s+atas\s+nama\b\s*(.*)$",
                     above[y], re.IGNORECASE)
        if b:
            rest = " ".join([(b.group(1) or b.group(2) or "")] + above[y + 1:y + 3])
            return org_from_header(ctx, rest, raw=False)
    return None


def _position_above(ctx: Ctx, lines: list[tuple[int, str]], x: int, col) -> list[tuple[int, int, str]]:
    """The position written just above a name line: one line opening with a position, or that line
    and the next one when the second continues it (capitalised words, often ending in a comma)."""
    above = []
    for bs, bl in reversed(lines[max(0, x - 3):x]):
        c = column_for(line_columns(bl, bs), col, bs, lines[x][0])
        if c is None:
            break
        above.insert(0, c)
    if not above:
        return []
    if position_line(ctx, above[-1]):
        return [above[-1]]
    if len(above) >= 2 and position_line(ctx, above[-2]) and not above[-2][2].rstrip().endswith((",", ".")):
        k = ctx.tok_at.get(above[-1][0])
        if k is not None and ctx.toks[k].cap and len(above[-1][2]) <= 70 and capital_words(ctx, k, above[-1][1]) \
                and not above[-1][2].rstrip().endswith(":") and not re.match(r"(?:for|untuk|atas\s+nama|pihak)\b", above[-1][2], re.IGNORECASE):
            return above[-2:]
    return []
