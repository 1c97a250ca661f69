"""Signature blocks flattened onto one line, the header, the mark and the name in a row separated by
commas (a text layer that ran a block's lines together, or a document typed that way):

    PIHAK KEDUA, REKTOR UNIVERSITAS X, ttd. PROF. DR. NAMA, M.T. || PIHAK KESATU, BUPATI Y, ttd. NAMA
    Kepala Desa X, ttd./cap, NAMA
    Mengetahui, Dekan Fakultas Z, ttd. Dr. NAMA, S.T.

Each column (columns joined by a bar) is one block: the person named right after the mark, the
position the last header part that opens with a position word, the organisation the party the header
names. A block that opens with "Mengetahui"/"Menyetujui" (acknowledging, not a party to it), or
stands under such a line, gives an attendee."""
from __future__ import annotations

import re

from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.layout import COLUMN_BAR, text_lines
from extractor.nlp.officials.names import display_name, parse_name
from extractor.nlp.officials.org_links import gov_org, org_from_header, party_in
from extractor.nlp.officials.positions import match_position

# the mark after a comma: "ttd.", "ttd./cap", "ttd. dan cap", "(ttd.)", "(signed)"
INLINE_MARK = re.compile(r",[ \t]*\(?(?:ttd|TTD|Ttd|signed|Signed)\.?\)?(?:[ \t]*/[ \t]*cap|[ \t]+(?:dan|&)[ \t]+cap)?"
                         r"[ \t]*,?[ \t]+(?=\S)")
ACKNOWLEDGING = re.compile(r"^[ \t]*(?:Mengetahui|Menyetujui|MENGETAHUI|MENYETUJUI)[ \t]*[,:]?[ \t]*$")
# what may follow the name and its degrees: a rank and an identity number ("AKBP NRP 83041122")
AFTER_NAME = re.compile(r"[\s,.]*(?:(?:[A-Z][A-Za-z]{1,10}\.?[ \t]+){0,3}(?:NIP|NRP|NIK|NIPP)\.?[ \t]*:?[ \t]*[\d ]+)?[\s,.]*")
PARTY_LABEL = re.compile(r"PIHAK\s+(?:KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT)", re.IGNORECASE)


def inline_signatures(ctx: Ctx, acknowledging_kept: bool = True) -> list[Found]:
    """`acknowledging_kept`: an acknowledging block gives an attendee (agreements; the head who
    acknowledges an activity report signs it off)."""
    out: list[Found] = []
    acknowledging = False
    for ls, line in text_lines(ctx.text):
        if ACKNOWLEDGING.match(line):
            acknowledging = acknowledging_kept
            continue
        segments = _segments(ls, line)
        out += [f for seg_start, seg in segments if (f := _block(ctx, seg_start, seg, acknowledging, acknowledging_kept))]
        # the heading covers the run of blocks right under it
        acknowledging = acknowledging and any(INLINE_MARK.search(seg) for _, seg in segments)
    return out


def _segments(ls: int, line: str) -> list[tuple[int, str]]:
    """The columns of a line joined by bars, with their start offsets (the whole line when it has no bar)."""
    out, start = [], 0
    for m in [*COLUMN_BAR.finditer(line), None]:
        end = m.start() if m else len(line)
        seg = line[start:end]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            out.append((ls + start + lead, seg.strip()))
        start = m.end() if m else len(line)
    return out


def _block(ctx: Ctx, seg_start: int, seg: str, under_acknowledging: bool, acknowledging_kept: bool) -> Found | None:
    mark = INLINE_MARK.search(seg)
    if mark is None:
        return None
    name_start, seg_end = seg_start + mark.end(), seg_start + len(seg)
    k = ctx.tok_at.get(name_start)
    if k is None:
        return None
    limit = next((x for x in range(k, len(ctx.toks)) if ctx.toks[x].start >= seg_end), len(ctx.toks))
    parsed = parse_name(ctx, k, limit=limit, one_line=True, caps_ok=True)   # names in capitals in a mixed line
    if not parsed:
        return None
    name, hon, first, name_end, nk = parsed
    rest = ctx.text[ctx.toks[nk].start:seg_end] if nk < limit else ""
    if not AFTER_NAME.fullmatch(rest) or len(name.split()) < 2 and not hon:
        return None
    parts = [(seg_start + p.start(), p.group().strip()) for p in re.finditer(r"[^,]+", seg[:mark.start()])]
    parts = [(s + len(ctx.text[s:]) - len(ctx.text[s:].lstrip()), t) for s, t in parts if t]
    if not parts:
        return None
    acknowledging = under_acknowledging or acknowledging_kept and bool(ACKNOWLEDGING.match(parts[0][1]))
    if ACKNOWLEDGING.match(parts[0][1]):
        parts = parts[1:]
    spans = [(first, name_end)]
    position = organization = None
    for s, part in reversed(parts):
        k = ctx.tok_at.get(s)
        if k is not None and match_position(ctx, k) != k:
            position = re.sub(r"\s+", " ", part)
            spans.append((s, s + len(part)))
            break
    if position:
        organization = party_in(ctx, position)
    for _, part in parts:
        if organization:
            break
        if part == position:
            continue
        label = PARTY_LABEL.fullmatch(part)
        if label:
            organization = _party_by_role(ctx, part)
        else:
            organization = org_from_header(ctx, part, raw=False)
    if organization is None and position:
        organization = gov_org(ctx, position.split()[0], position)
    if position is None and not organization:
        return None   # no header that says who signs for whom: not a signature block
    return Found(display_name(name), hon, position, organization, "attendee" if acknowledging else "signatory",
                 spans, 0.8, acknowledging=acknowledging)


def _party_by_role(ctx: Ctx, label: str) -> str | None:
    want = re.sub(r"\s+", " ", label).upper()
    for e, p in zip(ctx.parties, ctx.party_records):
        if re.sub(r"\s+", " ", p.role or "").upper() == want:
            return ctx.party_names.get(id(e), e.canonical)
    return None
