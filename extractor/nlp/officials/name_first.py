"""Name first: party clauses ("1. dr. Nama, Sp.JP, Direktur ...", "diwakili oleh Nama, M.M.,
Direktur", "represented by Prof. Dr. Nama, Rector of Y"), "Nama selaku/sebagai Jabatan", and
"Nama, Jabatan," at a clause start or after a speech verb in releases."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold, is_degree_suffix
from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.names import display_name, parse_name
from extractor.nlp.officials.org_links import gov_org, item_party, party_in
from extractor.nlp.officials.positions import QUALIFIER_LINKS, match_position, position_after
from extractor.nlp.officials.roles import SPEECH_AFTER

# "Il." is how OCR reads the roman item number "II."
NAME_FIRST_CONTEXT = re.compile(r"(?:(?:\boleh|\bby)\s*:|\boleh|\bby|\bhadapan|^\s*(?:\d{1,2}|[a-z]|[ivx]{1,4}|il)[.)]|"
                                r"^\s*[l|](?=\s)|\bdan|\band|"
                                # a party clause led by its role: "PIHAK KEDUA, Nama, Ketua X, bertindak ..."
                                r"^[ \t]*(?:pihak\s+(?:kesatu|pertama|kedua|ketiga|keempat|i{1,3}|iv)|"
                                r"(?:the\s+)?(?:first|second|third|fourth)\s+party)\s*[,:]|"
                                # or by its ordinal alone: "KEDUA : Capt. Nama, Direktur Utama PT X, ..."
                                r"^[ \t]*(?:pertama|kesatu|kedua|ketiga|keempat)[ \t]*:)\s*\Z",
                                re.IGNORECASE | re.MULTILINE)
CLAUSE_START = re.compile(r"(?:^|[.!?\"”]\s+|\n\s*(?:[-•*▪]\s+)?)$")
ACTING_FOR = re.compile(r"\bbertindak\s+(?:untuk|atas|dalam|selaku)|\b(?:selanjutnya|hereinafter)\b|\bdisingkat\b|"
                        r"\bacting\s+(?:for|on\s+behalf)", re.IGNORECASE)
WITNESSED_BY = re.compile(r"\b(?:witnessed|disaksikan)\s+(?:by|oleh)\s*:?\s*\Z", re.IGNORECASE)
SPOKEN_BEFORE = re.compile(rf"\b(?:{SPEECH_AFTER}|said|says|according\s+to|menurut)\s*\Z", re.IGNORECASE)
DEGREES_AHEAD = re.compile(r"[^,\n]{2,60},\s*(?:[A-Z][A-Za-z]{0,3}\.\s?[A-Za-z]|Ph\.?D|[A-Z]{2,4}\b)")
LINK_WORD = re.compile(r"\s*,?\s*(?:who|yang)\s+(?:(?:has|had)\s+(?:been\s+)?|is\s+|was\s+|kini\s+|saat\s+ini\s+)?"
                       r"(?:serves|served|serving|acts|acted|acting|menjabat|bertugas)\s+(?:as\s+(?:the\s+)?|sebagai\s+)?|"
                       r"\s*,?\s*(?:dalam\s+(?:jabatannya|kapasitasnya)\s+)?(?:selaku|sebagai)\s+|\s+as\s+(?:the\s+)?|\s*,\s*(?:the\s+)?|\s*:\s*|\s*[\u2014\u2013]\s*|\s+-{1,2}\s+|\s*\(\s*(?=[A-Z])")


def name_first(ctx: Ctx) -> list[Found]:
    toks, text = ctx.toks, ctx.text
    out: list[Found] = []
    for i, t in enumerate(toks):
        if not (t.cap or fold(t.text) in ctx.lx.degree_prefix):
            continue
        before = text[max(0, t.start - 40):t.start]
        in_context = bool(NAME_FIRST_CONTEXT.search(before))
        first_word = not (i > 0 and (toks[i - 1].cap and (ctx.strict_line(i - 1, i) or ctx.same_line(i - 1, i)
                                                          and ctx.name_tok(i - 1))
                                     or toks[i - 1].text == "." and i > 1 and fold(toks[i - 2].text) in ctx.lx.degree_prefix
                                     # a rank at the end of a wrapped line: the name starts there
                                     or toks[i - 1].cap and fold(toks[i - 1].text) in ctx.lx.degree_prefix
                                     and ctx.same_line(i - 1, i)))
        # "Nama selaku Jabatan" at a clause start, or "Ny. Nama selaku Jabatan" anywhere
        selaku = re.search(r"\b(?:selaku|sebagai)\b", text[t.start:t.start + 120]) and first_word and (
            CLAUSE_START.search(before) or fold(t.text) in ctx.lx.degree_prefix and t.text[:1].isupper())
        # "Dr. Nama, S.Kom., M.T., Kepala Pusat ...": degrees after the name, then a position;
        # "Nama, Kepala Dinas X, mengatakan" / "kata Nama, Dekan ...": a clause start or a speech verb
        degreed = not in_context and not selaku and first_word and DEGREES_AHEAD.match(text, t.start)
        spoken = not (in_context or selaku or degreed) and first_word and (
            CLAUSE_START.search(before) or SPOKEN_BEFORE.search(before)) and "," in text[t.end:t.end + 60]
        if not (in_context or selaku or degreed or spoken):
            continue
        if (degreed or spoken) and _position_before(ctx, i):
            continue  # "Sekda X, Ir. Nama, M.T., Kepala Bappeda X, Nama2": the name closes the position before it
        # ("Drs. H. NAMA, M.Pd.I., Kepala ...": a name in capitals between a title and degrees)
        parsed = parse_name(ctx, i, caps_ok=bool(in_context or degreed and fold(t.text) in ctx.lx.degree_prefix))
        if not parsed:
            continue
        name, hon, first, name_end, k = parsed
        name = display_name(name)
        if degreed and not any(is_degree_suffix(h) for h in hon):
            continue
        if spoken and len(name.split()) < 2 and not hon:
            continue  # "Sebelumnya, Bupati X ...": a lone word before a comma is no name
        # link word: "," | "selaku" | "sebagai" | "dalam jabatannya sebagai" ("selaku" alone is enough
        # to read the words before it as a name: "Ahmad Fauzan selaku Kepala Bagian ... menjelaskan")
        m = LINK_WORD.match(text[toks[k - 1].end:toks[k - 1].end + 40]) if k < len(toks) else None
        linked = "selaku" in m.group() or "sebagai" in m.group() and (len(name.split()) >= 2 or bool(hon)) if m else False
        if not m or not (in_context or linked or (degreed or spoken) and "," in m.group()):
            continue
        pos_char = toks[k - 1].end + m.end()
        pk = ctx.tok_at.get(pos_char)
        if pk is None:
            continue
        pos = position_after(ctx, pk)
        if not pos:
            continue
        position, ps, pe = pos
        if in_context:
            org = party_in(ctx, position) or item_party(ctx, first) or gov_org(ctx, position.split()[0], position)
        else:  # not a party clause: the position itself names the organisation
            org = party_in(ctx, position) or gov_org(ctx, position.split()[0], position) or item_party(ctx, first)
        # outside a party clause the sentence decides the role; a paragraph opening with the name that says
        # for whom the person acts ("Drs. NAMA, M.Pd., Kepala X, bertindak untuk ...") is a party clause
        para_end = text.find("\n\n", t.start)
        acting = degreed and ACTING_FOR.search(text, t.start, len(text) if para_end < 0 else para_end)
        role = "signatory" if in_context or acting else None
        if WITNESSED_BY.search(before) or _under_witness_label(text, first):
            role = "attendee"
        out.append(Found(name, hon, position, org, role, [(first, name_end), (ps, pe)], 0.8))
    return out


WITNESS_LABEL = re.compile(r"^[ \t]*(?:saksi(?:-saksi)?|witness(?:es)?|witnessed\s+by|disaksikan\s+oleh)[ \t]*:?[ \t]*$",
                           re.IGNORECASE | re.MULTILINE)


def _under_witness_label(text: str, at: int) -> bool:
    """Is `at` in a list under a "Saksi-saksi:" / "Witnesses:" label line (same paragraph)?"""
    start = max(text.rfind("\n\n", 0, at), at - 600, 0)   # a text layer may have no blank lines at all
    return bool(WITNESS_LABEL.search(text, start, text.rfind("\n", 0, at) + 1))


def _position_before(ctx: Ctx, i: int) -> bool:
    """Is token i preceded by "Position qualifier," on the same line (position-first form)?"""
    toks = ctx.toks
    k = i - 1
    if k < 1 or toks[k].text != "," or not ctx.same_line(k, i):
        return False
    k -= 1
    for _ in range(15):
        if k < 0 or not ctx.same_line(k, k + 1):
            return False
        t = toks[k]
        if match_position(ctx, k) != k:
            return True
        if not (t.is_word and t.cap or fold(t.text) in QUALIFIER_LINKS or t.text in "()"):
            return False
        k -= 1
    return False
