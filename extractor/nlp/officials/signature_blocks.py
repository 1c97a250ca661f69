"""Marked signature blocks: "(ttd.)" / "(signed)" then a name line and a position line, in one or
several columns (also run together by a PDF text layer), the organisation from the header above;
"Witnessed by:" blocks (attendees); "For and on behalf of / ORG / Name / Title" blocks."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold
from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.layout import PLACEHOLDER, column_for, line_columns, nearby_lines
from extractor.nlp.officials.names import display_name, lone_name, name_on_line, parse_name
from extractor.nlp.officials.org_links import gov_org, org_from_header, party_in
from extractor.nlp.officials.positions import capital_words, match_position, title_line

# one mark per column; bilingual columns set side by side may be joined by a bar ("ttd. || signed")
# ("(tanda tangan dan cap)", "(signed and sealed)": the stamp beside the signature)
SIGN_MARK = re.compile(r"^[ \t]*(?:\(?\s*(?:ttd|TTD|Ttd|signed|Signed|SIGNED|tanda\s+tangan)\.?"
                       r"(?:(?<=n)[ \t]+dan[ \t]+(?:cap|stempel)|(?<=d)[ \t]+and[ \t]+(?:sealed|stamped))?"
                       r"\s*\)?[ \t]*(?:\|{1,2}[ \t]*)?)+$",
                       re.MULTILINE)
WITNESS = re.compile(r"^[ \t]*(?:witnessed\s+by|disaksikan\s+oleh|saksi(?:-saksi)?)\s*:?\s*$", re.IGNORECASE | re.MULTILINE)
BEHALF = re.compile(r"^[ \t]*(?:signed\s+)?(?:for\s+and\s+on\s+behalf\s+of|on\s+behalf\s+of|untuk\s+dan\s+atas\s+nama)\b"
                    r"[ \t]*:?[ \t]*(?P<org>[^\n]*?)(?:[ \t]+by)?[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
FOR_ORG = re.compile(r"^[ \t]*For\s+(?!and\s+on\s+behalf)(?P<org>[^\n]{3,100}?)[ \t]*,?[ \t]*$", re.MULTILINE)


def signature_blocks(ctx: Ctx) -> list[Found]:
    text = ctx.text
    out: list[Found] = []
    marks = list(SIGN_MARK.finditer(text))
    for mk in marks:
        mark_line_start = mk.start()
        nxt = nearby_lines(text, mk.end() - 1 if text[mk.end() - 1:mk.end()] == "\n" else mk.end(), 2)
        if not nxt:
            continue
        (name_ls, name_line), *rest = nxt
        pos_line = rest[0] if rest else None
        header = nearby_lines(text, mark_line_start, 4, forward=False)
        marks = len(re.findall(r"ttd|signed|tanda\s+tangan", mk.group(), re.IGNORECASE))
        name_cols = line_columns(name_line, name_ls)
        if marks > 1 and len(name_cols) < marks:
            # the text layer lost the column gaps: split the lines by names and position words
            names = _split_names(ctx, name_ls, name_ls + len(name_line), marks)
            positions = _split_positions(ctx, pos_line, marks) if pos_line else []
            head_text = " ".join(line for _, line in header)
            order = [re.sub(r"\s+", " ", r).upper() for r in re.findall(r"PIHAK\s+(?:PERTAMA|KEDUA|KETIGA)", head_text)]
            by_role = {(p.role or "").upper(): e for e, p in zip(ctx.parties, ctx.party_records)}
            for i, col in enumerate(names):
                org = None
                e = by_role.get(order[i]) if len(order) == marks else (
                    ctx.parties[i] if len(ctx.parties) == marks else None)
                if e is not None:
                    org = ctx.party_names.get(id(e), e.canonical)
                found = block_person(ctx, col, name_ls, None, [], "signatory",
                                      positions[i] if i < len(positions) else None, org)
                if found:
                    out.append(found)
            continue
        for col in name_cols:
            witnessed = _witness_heading(header, col, name_ls)
            found = block_person(ctx, col, name_ls, pos_line, [] if witnessed else header,
                                 "attendee" if witnessed else "signatory")
            if found:
                out.append(found)
    for w in WITNESS.finditer(text):
        pos = w.end()
        for _ in range(4):
            lines = nearby_lines(text, pos, 2)
            if not lines:
                break
            (ls, line), *rest = lines
            if _carries_on_above(text, ls, line):
                pos = ls + len(line)   # "First Secretary, Embassy of New" / "Zealand": not a witness's name
                continue
            pair = _two_names_run_together(ctx, ls, line)
            positions = _split_positions(ctx, rest[0], 2) if pair and rest else []
            if positions:
                positions = _carried_on(ctx, rest[0], positions)
            for i, col in enumerate(pair or line_columns(line, ls)):
                found = block_person(ctx, col, ls, None if pair else rest[0] if rest else None, [], "attendee",
                                      positions[i] if i < len(positions) else None)
                if found:
                    out.append(found)
            pos = (rest[0][0] + len(rest[0][1])) if rest else ls + len(line)
            if text[pos:pos + 3].strip() == "" and not text[pos:pos + 200].strip():
                break
    return out


def _witness_heading(header: list[tuple[int, str]], col, line_start: int) -> bool:
    """Is the last header line's column over a signature column a witness label ("Witnessed by: |
    Witnessed by:", "Saksi-saksi:" set over each column)? Its people are witnesses, the label no organisation."""
    if not header:
        return False
    hs, hl = header[-1]
    over = column_for(line_columns(hl, hs), col, hs, line_start)
    return over is not None and bool(WITNESS.fullmatch(over[2]))


_OPEN_END = re.compile(r"(?:\b(?:of|the|and|dan|for|untuk|New)|[&,])[ \t]*$")


def _carries_on_above(text: str, ls: int, line: str) -> bool:
    """A single word alone on its line under a line that cannot end there ("... Embassy of New" then
    "Zealand"): the rest of the line above, wrapped."""
    if ls == 0 or len(line.split()) != 1:
        return False
    above = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1]
    return bool(_OPEN_END.search(above))


def behalf_blocks(ctx: Ctx) -> list[Found]:
    """"For and on behalf of / ORG / (signature) / Name / Title" blocks without a "ttd" mark."""
    out: list[Found] = []
    text = ctx.text
    heads = [(m, None) for m in BEHALF.finditer(text)]
    # "For Kelvindale City Council," alone on a line: only when it names a known organisation
    heads += [(m, org) for m in FOR_ORG.finditer(text)
              if (org := org_from_header(ctx, m["org"].strip(" ,:"), raw=False))]
    for m, known_org in heads:
        lines = [(ls, line) for ls, line in nearby_lines(text, m.end(), 6) if not PLACEHOLDER.fullmatch(line)]
        org_text = m["org"].strip(" ,:")
        if not org_text and lines:
            org_text = lines.pop(0)[1].strip(" ,:")
        if not lines:
            continue
        (name_ls, name_line), *rest = lines
        line_start = text.rfind("\n", 0, m.start()) + 1
        col = column_for(line_columns(name_line, name_ls), m.start(), name_ls, line_start)
        if col is None:
            continue
        found = block_person(ctx, col, name_ls, rest[0] if rest else None, [], "signatory",
                              org_override=known_org or org_from_header(ctx, org_text), loose_title=True)
        if found:
            out.append(found)
    return out


def _split_names(ctx: Ctx, start: int, end: int, count: int) -> list[tuple[int, int, str]]:
    k = ctx.tok_at.get(start)
    cols: list[tuple[int, int, str]] = []
    toks = ctx.toks
    while k is not None and k < len(toks) and toks[k].start < end and len(cols) < count:
        parsed = parse_name(ctx, k, one_line=True)
        if not parsed:
            break
        nk = parsed[4]
        while nk < len(toks) and toks[nk].text == "," and toks[nk].start < end:
            nk += 1
        last = nk - 1
        cols.append((toks[k].start, toks[last].end, ctx.text[toks[k].start:toks[last].end]))
        k = nk
    if len(cols) == 1 and count == 2:
        words = list(re.finditer(r"\S+", cols[0][2]))
        named = len(parse_name(ctx, ctx.tok_at[cols[0][0]], one_line=True)[0].split())
        half = _split_point(ctx.text, cols[0][2], [w.end() for w in words[:named]])
        if half:
            a0 = cols[0][0]
            cols = [(a0, a0 + words[half - 1].end(), ""), (a0 + words[half].start(), a0 + words[-1].end(), "")]
    return cols


def _split_point(text: str, line: str, ends: list[int]) -> int | None:
    """Where two names run together on one line part ("NAMA SATU NAMA DUA, S.E."): where the document
    names each part elsewhere with other words around it ("Nama : NAMA SATU" / "Jabatan"), else in the
    middle of an even number of name words (degrees after the last name do not count)."""
    flat = re.sub(r"\s+", " ", text)
    words = [line[(ends[x - 1] if x else 0):e].strip(" ,") for x, e in enumerate(ends)]
    for i in range(2, len(words) - 1):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        alone = rf"(?<!\w){re.escape(first)}(?! {re.escape(words[i])}\b)(?!\w)"
        after = rf"(?<!{re.escape(words[i - 1])} )(?<!\w){re.escape(second)}(?!\w)"
        if re.search(alone, flat, re.IGNORECASE) and re.search(after, flat, re.IGNORECASE):
            return i
    return len(ends) // 2 if len(ends) >= 4 and len(ends) % 2 == 0 else None


def _two_names_run_together(ctx: Ctx, ls: int, line: str) -> list[tuple[int, int, str]] | None:
    """Two witnesses side by side whose column gap a PDF text layer lost ("Ir. Nama, M.Si. Mr. Nama"): one
    column, two names one after the other up to the end of the line, at least one with an honorific."""
    cols = line_columns(line, ls)
    if len(cols) != 1:
        return None
    names = _split_names(ctx, cols[0][0], cols[0][1], 2)
    if len(names) != 2 or names[1][1] != cols[0][1]:
        return None
    parsed = [parse_name(ctx, ctx.tok_at[c[0]], one_line=True) for c in names if c[0] in ctx.tok_at]
    return names if len(parsed) == 2 and all(parsed) and any(p[1] for p in parsed) else None


def _carried_on(ctx: Ctx, pos_line: tuple[int, str], positions: list) -> list:
    """Two positions run together, and on the next line their two continuations run together too
    ("Kantor Wilayah X Y Foundation"): split that line where a known organisation ends it, and add
    each part to its position."""
    pls, pl = pos_line
    end = pls + len(pl)
    nxt_end = ctx.text.find("\n", end + 1)
    nxt_end = len(ctx.text) if nxt_end < 0 else nxt_end
    line = ctx.text[end + 1:nxt_end].strip()
    k = ctx.tok_at.get(end + 1)
    if ctx.text[end:end + 1] != "\n" or not line or k is None or not capital_words(ctx, k, nxt_end) \
            or match_position(ctx, k) != k:
        return positions
    names = {re.sub(r"\s*\([^)]*\)", "", n).strip().lower() for p in ctx.party_records for n in (p.name, *p.aliases)}
    tail = max((n for n in names if len(n) > 3 and line.lower().endswith(" " + n)), key=len, default=None)
    if tail is None:
        return positions
    parts = [line[:-len(tail)].strip(), line[-len(tail):]]
    return [(c[0], c[1], f"{c[2]} {part}") for c, part in zip(positions, parts, strict=True)]


def _split_positions(ctx: Ctx, pos_line, count: int) -> list[tuple[int, int, str]]:
    pls, pl = pos_line
    k = ctx.tok_at.get(pls)
    end = pls + len(pl)
    starts = []
    toks = ctx.toks
    while k is not None and k < len(toks) and toks[k].start < end:
        j = match_position(ctx, k)
        if j != k:
            starts.append(k)
            k = j
        else:
            k += 1
    if len(starts) != count:
        return []
    cols = []
    for i, k in enumerate(starts):
        last = (starts[i + 1] - 1) if i + 1 < len(starts) else max(x for x in range(k, len(toks)) if toks[x].start < end)
        cols.append((toks[k].start, toks[last].end, ctx.text[toks[k].start:toks[last].end]))
    return cols


NOT_TITLE_LINE = re.compile(r"^\s*(?:NIP|NRP|NIK|Pangkat|Rank|\d)", re.IGNORECASE)


def _position_goes_on(ctx: Ctx, line_end: int, pcol, pls: int):
    """The column, on the very next line, under a signature block's position line when it carries on the
    position (an organisation or a place: capitalised words, no name, no NIP or rank, no new position)."""
    text = ctx.text
    if text[line_end:line_end + 1] != "\n" or text[pls:line_end].rstrip().endswith("|"):
        return None  # after a closing bar the next line is the next column, wrapped
    if "|" in text[pls:line_end] and _OPEN_END.search(text[pls:line_end]) and not _OPEN_END.search(pcol[2]):
        return None  # "A | B, Embassy of New" then "Zealand": the last column's words, wrapped, whatever the indent
    nxt_end = text.find("\n", line_end + 1)
    nxt_end = len(text) if nxt_end < 0 else nxt_end
    line = text[line_end + 1:nxt_end]
    col = column_for(line_columns(line, line_end + 1), pcol, line_end + 1, pls) if line.strip() else None
    if col is None or abs((col[0] - line_end - 1) - (pcol[0] - pls)) > 2 or NOT_TITLE_LINE.match(col[2]):
        return None
    k = ctx.tok_at.get(col[0])
    if k is None or match_position(ctx, k) != k or lone_name(ctx, col) or not col[2][:1].isupper() \
            or not capital_words(ctx, k, col[1]) or col[2].rstrip().endswith("."):
        return None
    return col


def _wrapped_column(ctx: Ctx, pls: int, pl: str, col):
    """The last column of a bar-joined line wrapped onto the next line ("Head of X, Ministry Y |" then
    "Crewing Director, Z" alone): the next line, when it has no bar, is the column after that bar."""
    rank = getattr(col, "index", None)
    if rank is None or not pl.rstrip().endswith("|") or rank != len(line_columns(pl, pls)):
        return None
    start = pls + len(pl) + 1
    if ctx.text[start - 1:start] != "\n":
        return None
    end = ctx.text.find("\n", start)
    line = ctx.text[start:len(ctx.text) if end < 0 else end]
    cols = line_columns(line, start)
    return cols[0] if len(cols) == 1 and "|" not in line else None


def block_person(ctx: Ctx, col, line_start: int, pos_line, header, role: str,
                  pos_col=None, org_override: str | None = None, loose_title: bool = False) -> Found | None:
    start, end, _ = col
    found = name_on_line(ctx, start, end)
    if found is None:
        return None
    parsed, _ = found
    name, hon, first, name_end, nk = parsed
    if nk < len(ctx.toks) and ctx.toks[nk].start < end and ctx.toks[nk].text not in (",", "."):
        return None  # more words on the name line: not a plain name
    if not hon and " " not in name and (len(name) <= 2 or fold(name) in ctx.org_words):
        return None  # "AS" / "Tbk" wrapped from an organisation's name onto its own line
    name = display_name(name)
    position = None
    spans = [(first, name_end)]
    organization = None
    if pos_line:
        pls, pl = pos_line
        pcol = column_for(line_columns(pl, pls), col, pls, line_start)
        wrapped = None if pcol else _wrapped_column(ctx, pls, pl, col)
        pcol = pcol or wrapped
        if pcol and (match_position(ctx, ctx.tok_at.get(pcol[0], -1)) != ctx.tok_at.get(pcol[0], -1)
                     or (loose_title or wrapped) and title_line(ctx, pcol)):
            position = pcol[2]
            spans.append((pcol[0], pcol[1]))
            more = _position_goes_on(ctx, pls + len(pl), pcol, pls)
            if more:   # "Head of the Fisheries Office," / "Lembah Regency" on the line below
                position = f"{position} {more[2]}"
                spans.append((more[0], more[1]))
            m = re.search(r"(?:\bof\b|,)\s*(.+)$", position)
            if m:
                organization = org_from_header(ctx, m.group(1), raw=False)
            if organization is None:
                organization = gov_org(ctx, position.split()[0], position)
    if pos_col is not None:
        position = pos_col[2]
        spans.append((pos_col[0], pos_col[1]))
        m = re.search(r"(?:\bof\b|,)\s*(.+)$", position)
        organization = org_from_header(ctx, m.group(1), raw=False) if m else None
    if org_override:
        organization = org_override
    named = party_in(ctx, position) if position else None
    if named:
        return Found(name, hon, position, named, role, spans, 0.85)
    if header:
        cols: list[tuple[int, str]] = []
        for hs, hl in header:
            hc = column_for(line_columns(hl, hs), col, hs, line_start)
            if hc:
                cols.append((hc[0], hc[2]))
        # the position starts at the first header line that opens with a position word
        for x, (cs, _) in enumerate(cols):
            k0 = ctx.tok_at.get(cs)
            if k0 is not None and match_position(ctx, k0) != k0:
                cols = cols[x:]
                break
        if cols:
            head_text = re.sub(r"\s+", " ", " ".join(c for _, c in cols)).strip(" ,")
            hk = ctx.tok_at.get(cols[0][0])
            if position is None and hk is not None and match_position(ctx, hk) != hk:
                position = head_text  # "Kepala Dinas X," written above the signature
                spans.append((cols[0][0], cols[-1][0] + len(cols[-1][1])))
                organization = party_in(ctx, position) or gov_org(ctx, position.split()[0], position)
            else:
                org = org_from_header(ctx, head_text)
                organization = org or organization
    return Found(name, hon, position, organization, role, spans, 0.85)
