"""The organisation an official acts for: a party named in the position, the party of the clause
or paragraph, a signature header ("PIHAK KEDUA", "For and on behalf of X"), or the regional
government a head of region leads."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold
from extractor.nlp.officials.context import Ctx
from extractor.nlp.orgs import GOV_NAMES, Entity, place_key

ITEM_BREAK = re.compile(r"\n\s*\n|\n[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\))[ \t]|^", re.MULTILINE)
HEADER_STRIP = re.compile(r"^(?:PIHAK\s+(?:PERTAMA|KEDUA|KETIGA)\s*,?|for\s+and\s+on\s+behalf\s+of|for|untuk\s+dan\s+atas\s+nama|"
                          r"atas\s+nama)\s*,?\s*", re.IGNORECASE)


def gov_org(ctx: Ctx, position_words: str, qualifier: str) -> str | None:
    """The organisation a position names: a party mentioned or whose place is mentioned in the
    qualifier, an organisation mentioned there, or the regional government of a head of region."""
    q = qualifier.lower()
    if not q.strip():
        return None
    # the party named by the longest form: "Kepala BPJS Cabang X" is the BPJS branch, not the Pemkab X
    named = [(len(f), i, e) for i, e in enumerate(ctx.parties) for f in e.key_names() if f and f.lower() in q]
    if named:
        e = max(named, key=lambda x: (x[0], -x[1]))[2]
        return ctx.party_names.get(id(e), e.canonical)
    # "Kapolres X" heads the party "Kepolisian Resor X", not the government of X
    expansion = ctx.lx.position_orgs.get(tuple(fold(position_words).split()[-1:]))
    if expansion:
        for e in ctx.parties:
            name = ctx.party_names.get(id(e), e.canonical).lower()
            if name.startswith(expansion.lower()) and (not e.place or e.place in q or q in name):
                return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.parties:
        if e.place and (f" {e.place} " in f" {q} " or f" {e.place}" == q[-len(e.place) - 1:]) \
                and not _other_level(e, q):
            return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.entities:
        if e.type in GOV_NAMES and e.place and f" {e.place} " in f" {q} " and not _other_level(e, q):
            return e.canonical
    # "Kepala Desa X" heads the party "Pemerintah Desa X" (a village government carries no place of its own)
    full = " " + " ".join(f"{fold(position_words)} {q}".replace(",", " ").split()) + " "
    for e in ctx.parties:
        name = ctx.party_names.get(id(e), e.canonical)
        level = re.match(r"(?i)pemerintah\s+((?:desa|kelurahan|nagari|gampong)\s+.+?)(?:,?\s+(?:kecamatan|kabupaten|kota)\b.*)?$",
                         name)   # "Pemerintah Desa X Kecamatan Y": the district is the village's address
        if level and " " + " ".join(level.group(1).lower().split()) + " " in full:
            return name
    gov = None
    for words, g in ctx.lx.positions.items():
        if " ".join(words) in fold(position_words):
            gov = g or gov
    if gov in GOV_NAMES:
        place = qualifier.strip(" ,")
        place = re.sub(r"^(?:Kabupaten|Kota|Provinsi|Propinsi)\s+", "", place)
        full = ctx.lx.provinces.get(place.lower(), place)
        for e in ctx.entities:
            if e.type == gov and e.place == place_key(place):
                return e.canonical
        return f"{GOV_NAMES[gov]} {full}" if full else None
    for e in ctx.entities:
        if any(f.lower() in q for f in e.surface_forms() if len(f) > 3):
            return e.canonical
    return None


LEVEL_WORDS = {"provinsi": "prov", "propinsi": "prov", "province": "prov", "kabupaten": "kab", "regency": "kab",
               "kota": "kota", "city": "kota"}


def _other_level(e: Entity, q: str) -> bool:
    """Does the qualifier put the entity's place under another level of government ("Dinas X Provinsi
    Y" against the city government of Y)?"""
    if e.type not in ("kab", "kota", "prov"):
        return False
    m = re.search(rf"\b(\w+)\s+{re.escape(e.place)}\b", q)
    level = LEVEL_WORDS.get(m.group(1)) if m else None
    return level is not None and level != e.type


def context_org(ctx: Ctx, at: int, position_words: str) -> str | None:
    """Organisation of a position that names none ("Sekretaris Daerah", "pembantu rektor"): the
    party named last before it in the same paragraph, else the only regional government party."""
    para = max(ctx.text.rfind("\n\n", 0, at), 0)
    before = [x for x in ctx.org_spans if para <= x[0] < at and x[2] in ctx.parties]
    if before:
        e = before[-1][2]
        return ctx.party_names.get(id(e), e.canonical)
    govs = [e for e in ctx.parties if e.type in GOV_NAMES]
    is_gov_pos = any(g == "ctx" for w, g in ctx.lx.positions.items() if " ".join(w) in fold(position_words))
    if is_gov_pos and len(govs) == 1:
        return ctx.party_names.get(id(govs[0]), govs[0].canonical)
    return None


def party_in(ctx: Ctx, position: str) -> str | None:
    """The party a position names; the longest form wins ("Direktur Politeknik Negeri X" names the
    polytechnic, not the government of X)."""
    low = position.lower()
    named = [(len(f), -i, e) for i, e in enumerate(ctx.parties) for f in e.key_names() if len(f) > 3 and f.lower() in low]
    if not named:
        return None
    e = max(named, key=lambda x: x[:2])[2]
    return ctx.party_names.get(id(e), e.canonical)


def item_party(ctx: Ctx, at: int) -> str | None:
    """The party that the clause around `at` (an enumerated item or paragraph) is about: the one
    named after "mewakili"/"on behalf of", else the first party named in the clause."""
    starts = [m.start() for m in ITEM_BREAK.finditer(ctx.text, 0, at + 1)]
    s = starts[-1] if starts else 0
    nxt = ITEM_BREAK.search(ctx.text, at + 1)
    e = nxt.start() if nxt else len(ctx.text)
    inside = [x for x in ctx.org_spans if s <= x[0] < e and x[2] in ctx.parties]
    if not inside and not ctx.parties:  # no party found: any organisation named in the clause
        inside = [x for x in ctx.org_spans if s <= x[0] < e and len(x[2].canonical.split()) <= 12]
    if not inside:
        return None
    rep = re.search(r"\b(?:mewakili|atas\s+nama|on\s+behalf\s+of)\s+", ctx.text[at:e])
    after = [x for x in inside if rep and x[0] >= at + rep.end()]
    before = [x for x in inside if x[0] < at]
    ent = (after or before[-1:] or inside)[0][2]
    return ctx.party_names.get(id(ent), ent.canonical)


def org_from_header(ctx: Ctx, header: str, raw: bool = True) -> str | None:
    h = HEADER_STRIP.sub("", re.sub(r"\s+", " ", header)).strip(" ,:")
    if not h:
        return None
    low = h.lower()
    for e in ctx.parties:
        if any(f.lower() == low or (len(f) > 4 and f.lower() in low) for f in e.key_names()):
            return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.parties:  # "For Kelvindale City Council" under a party "KELVINDALE CITY COUNCIL, SCOTLAND"
        if len(low) > 8 and any(re.search(rf"(?:^|\W){re.escape(low)}(?:\W|$)", f.lower()) for f in e.key_names()):
            return ctx.party_names.get(id(e), e.canonical)
    for e in ctx.entities:
        if any(f.lower() == low for f in e.surface_forms()):
            return e.canonical
    return h if raw and len(h) <= 80 and not re.search(r"[.;:/]", h) else None
