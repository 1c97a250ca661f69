"""Labelled fields: "Nama : ..." then "Jabatan : ..." ("Name: / Title:" in English), optionally
under a Witness label or a "Signed for and on behalf of" header."""
from __future__ import annotations

import re

from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.layout import nearby_lines
from extractor.nlp.officials.names import display_name, parse_name
from extractor.nlp.officials.org_links import gov_org, item_party, org_from_header, party_in
from extractor.nlp.officials.positions import position_after

LABEL_NAME = re.compile(r"^[ \t]*(?:(?:\d{1,2}|[a-z]|[IVX]{1,4})[.)][ \t]*)?(?:Nama(?:[ \t]+(?:Lengkap|Jelas))?|(?:(?:Full|Printed)[ \t]+)?Name)[ \t]*:[ \t]*(?P<v>\S[^\n]*?)[ \t]*$",
                        re.MULTILINE | re.IGNORECASE)
LABEL_POSITION = re.compile(r"^[ \t]*(?:Jabatan|Position|Title|Designation)[ \t]*:[ \t]*(?P<v>\S[^\n]*?)[ \t,;.]*$",
                            re.IGNORECASE)
LABEL_WITNESS = re.compile(r"^[ \t]*(?:witness(?:es)?|witnessed\s+by|saksi(?:-saksi)?|disaksikan\s+oleh)\s*:?\s*$", re.IGNORECASE)
# "Countersigned:" over a block: the person who endorses the agreement (a Regent over the office), no party to it
LABEL_COUNTERSIGNED = re.compile(r"^[ \t]*(?:countersigned|counter-signed)(?:\s+by)?\s*:?\s*$", re.IGNORECASE)


def labelled_fields(ctx: Ctx) -> list[Found]:
    """"Nama : Drs. Nama, M.Si." followed within three lines by "Jabatan : Kepala Dinas X" (also
    "Name: / Title:" in English signature blocks)."""
    out: list[Found] = []
    for m in LABEL_NAME.finditer(ctx.text):
        got = _label_value(ctx, m)
        if got is None:
            continue
        name, hon, first, name_end, inline = got
        name = display_name(name)
        above = ctx.text[max(0, m.start() - 300):m.start()].rstrip().split("\n")
        role = "attendee" if any(LABEL_WITNESS.match(x) for x in above[-2:]) or any(
            LABEL_COUNTERSIGNED.match(x) for x in _block_above(above)) else "signatory"
        behalf = _behalf_above(ctx, above[-6:])
        places = [(inline[0], inline[1], inline[2])] if inline else []
        for ls, line in nearby_lines(ctx.text, m.end(), 3):
            if places:
                break
            pm = LABEL_POSITION.match(line)
            if pm:
                places.append((pm.group("v"), ls + pm.start("v"), ls + pm.end("v")))
        for position, ps, pe in places:
            org = party_in(ctx, position) or behalf or item_party(ctx, first) or gov_org(
                ctx, position.split()[0], position)
            out.append(Found(name, hon, position, org, role, [(first, name_end), (ps, pe)], 0.85))
    return out


# the roles of a meeting named in the header of its minutes; the label is the person's position there
MEETING_ROLE = re.compile(r"^[ \t]*(?P<role>Notulis|Notulen|Pencatat|Sekretaris[ \t]+Rapat|Pimpinan[ \t]+Rapat|Pemimpin[ \t]+Rapat|"
                          r"Ketua[ \t]+Rapat|Moderator|Narasumber|Fasilitator|Chair(?:person)?|Facilitator|Rapporteur|"
                          r"Note[- ]?taker|Minute[- ]?taker)[ \t]*:[ \t]*(?P<v>\S[^\n]*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)


def meeting_roles(ctx: Ctx) -> list[Found]:
    """"Notulis : Nama, S.P." / "Pimpinan Rapat : Nama, M.Si., Kepala Dinas X" in the header of minutes:
    the person with the position written after the name, else with the meeting role as position."""
    out: list[Found] = []
    for m in MEETING_ROLE.finditer(ctx.text):
        got = _label_value(ctx, m)
        if got is None:
            continue   # "Peserta : Kepala Dinas ..." or a name followed by more words: not this form
        name, hon, first, name_end, inline = got
        if inline:
            position, ps, pe = inline
        else:
            position, ps, pe = re.sub(r"\s+", " ", m.group("role")), m.start("role"), m.end("role")
        org = party_in(ctx, position) or gov_org(ctx, position.split()[0], position)
        out.append(Found(display_name(name), hon, position, org, "attendee", [(first, name_end), (ps, pe)], 0.8))
    return out


def _label_value(ctx: Ctx, m: re.Match) -> tuple | None:
    """(name, honorific, its first token, its end, the position written after it on the label line or
    None) of the person a label's value "v" names ("Nama : Nama, M.Si."; "Name: Nama, Director of X");
    None when it names no person, or words after the name are no position."""
    k = ctx.tok_at.get(m.start("v"))
    if k is None:
        return None
    limit = next((x for x in range(k, len(ctx.toks)) if ctx.toks[x].start >= m.end("v")), len(ctx.toks))
    parsed = parse_name(ctx, k, limit=limit, one_line=True, caps_ok=True)   # (a name label: "Ir. NAMA, M.P.")
    if not parsed:
        return None
    name, hon, first, name_end, nk = parsed
    inline = None
    if any(t.text not in (",", ".") for t in ctx.toks[nk:limit]):
        pk = nk + 1 if nk < limit and ctx.toks[nk].text == "," else None
        inline = position_after(ctx, pk) if pk is not None and pk < limit else None
        if not inline:
            return None
    return name, hon, first, name_end, inline


def _block_above(above: list[str]) -> list[str]:
    """The lines of the block above a label, up to the blank line over it."""
    out: list[str] = []
    for line in reversed(above):
        if not line.strip():
            break
        out.append(line)
    return out


# "Signed for the Office by:": the party the block signs for, by its name or its short name
SIGNED_FOR = re.compile(r"\s*signed\s+for\s+(?!and\s+on\s+behalf)(?P<org>.+?)\s+by\s*:?\s*$", re.IGNORECASE)


def _behalf_above(ctx: Ctx, above: list[str]) -> str | None:
    """The organisation of a "Signed for and on behalf of / ORG" (or "Signed for ORG by:") header a few lines
    above a label."""
    for line in _block_above(above):
        f = SIGNED_FOR.match(line)
        if f:
            return org_from_header(ctx, f["org"], raw=False)
    for y in range(len(above) - 1, -1, -1):
        b = re.match(r"\s*(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\b\s*(.*)$|\s*untuk\s+dan\s+atas\s+nama\b\s*(.*)$",
                     above[y], re.IGNORECASE)
        if b:
            rest = " ".join([(b.group(1) or b.group(2) or "")] + above[y + 1:y + 2])
            return org_from_header(ctx, rest, raw=False)
    return None
