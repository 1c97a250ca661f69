"""Position phrases from `patterns/positions.jsonl` (with prefixes such as Wakil / Pj.), the
position as written after a name, and the line shapes of positions in signature blocks."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold, is_degree_suffix
from extractor.nlp.officials.context import Ctx
from extractor.nlp.officials.names import parse_name, rank_len

QUALIFIER_LINKS = {"dan", "and", "of", "the", "for", "bagi", "&"}
POSITION_LINKS = {"dan", "and", "of", "the", "for", "&", "serta"}
DETERMINERS = {"its", "their", "his", "her", "our", "the", "a", "an", "this", "that"}
LABEL_START = re.compile(r"[^\n:,.]{1,40}\.?:\s")   # "Alamat :", "Ref.: X"


def match_position(ctx: Ctx, i: int) -> int:
    """Index after a position phrase (with prefixes such as Wakil / Pj.) starting at i, or i."""
    toks, lx, folded = ctx.toks, ctx.lx, ctx.folded
    if i < 0 or i >= len(toks) or rank_len(ctx, i):
        return i   # "Mayor Laut (P) Nama": a rank, not the English position
    k = i
    while k < len(toks) and folded[k] in lx.position_prefixes:
        k += 1
        if k < len(toks) and toks[k].text == "." and toks[k].start == toks[k - 1].end:
            k += 1
    if k >= len(toks) or folded[k] not in lx.position_first:
        return i
    best = 0
    for words in ctx.positions_by_first[folded[k]]:
        if k + len(words) <= len(toks) and all(folded[k + x] == w for x, w in enumerate(words)):
            best = max(best, len(words))
    if not best:
        return i
    # "Wakil Rektor" is a position, "Wakil" alone is not
    return k + best


def _entry_starts(ctx: Ctx, k: int) -> bool:
    """Does a "Name, degree" or "Name, Position" entry start at token k?"""
    parsed = parse_name(ctx, k, one_line=True)
    if not parsed:
        return False
    nk = parsed[4]
    if parsed[1] and is_degree_suffix(parsed[1][-1]):
        return True
    return nk + 1 < len(ctx.toks) and ctx.toks[nk].text == "," and match_position(ctx, nk + 1) != nk + 1


def position_after(ctx: Ctx, k: int) -> tuple[str, int, int] | None:
    """A position phrase starting at token k (after "," / "selaku" / "sebagai"), as written."""
    toks = ctx.toks
    j = match_position(ctx, k)
    if j == k:
        j = _position_ahead(ctx, k)
    if j == k:
        return None
    e = j
    while e < len(toks) and ctx.same_line(e - 1, e):
        if not ctx.strict_line(e - 1, e) and (_entry_starts(ctx, e) or LABEL_START.match(ctx.text, toks[e].start)):
            break  # the next line of a list of people ("Nama, S.E., Head of ...", "Sekretaris: Nama")
        t = toks[e]
        low = fold(t.text)
        if t.cap and low in ctx.lx.degree_prefix and e not in ctx.inst_tok:
            break   # "Kabag Ops Kompol Nama": a rank or honorific starts the next person
        if t.text == "(" or t.text == "," and e + 1 < len(toks) and toks[e + 1].cap and ctx.institutional(e + 1) \
                and fold(toks[e + 1].text) not in ("yang",):
            if t.text == "(":
                break
            e += 1
            continue
        if t.is_word and (t.cap or low in ("dan", "of", "the", "and", "kepada", "for")
                          or low == "to" and e + 1 < len(toks) and toks[e + 1].cap):  # "Ambassador of X to Y"
            if low in ("dan", "and") and (not (e + 1 < len(toks) and ctx.institutional(e + 1))
                                          and not _and_goes_on(ctx, e) or _next_person(ctx, e + 1)):
                break
            e += 1
            continue
        if _OWNER.fullmatch(t.text) and fold(toks[e - 1].text) == "the" and e + 1 < len(toks) and toks[e + 1].cap \
                and ctx.strict_line(e, e + 1):
            e += 1   # "Head of the city's Regional Disaster Management Agency": the body's owner, then its name
            continue
        if re.fullmatch(r"\d{1,4}(?:/[A-Z][\w-]*)?", t.text) and toks[e - 1].cap and ("/" in t.text or (
                e + 1 < len(toks) and toks[e + 1].cap and ctx.strict_line(e, e + 1))):
            e += 1   # "SMK Negeri 2 Lembah", "Kodim 0417/Kerinci": a numbered unit inside the organisation's name
            continue
        if t.text == "." and e > 0 and fold(toks[e - 1].text) in ("tbk",):
            e += 1
            continue
        if t.text in ('"', "“", "”") and e in ctx.inst_tok:   # a quoted name inside an organisation's name
            e += 1
            continue
        break
    while e > j and fold(toks[e - 1].text) in ("dan", "of", "the", "and", "kepada", "for", ","):
        e -= 1
    start, end = toks[k].start, toks[e - 1].end
    return re.sub(r"\s+", " ", ctx.text[start:end]), start, end


_OWNER = re.compile(r"[a-z]+['’]s")


def _next_person(ctx: Ctx, k: int) -> bool:
    """Does another person's position start at token k ("Head of Finance and Deputy Director Nama")? A
    position word there followed, on the same line, by a name."""
    j = match_position(ctx, k)
    if j == k or j >= len(ctx.toks) or not ctx.strict_line(j - 1, j):
        return False
    return bool(parse_name(ctx, j, one_line=True))


def _and_goes_on(ctx: Ctx, e: int) -> bool:
    """Does the unit a position names go on after "dan"/"and" at token e? Up to five capitalised words
    that reach an institutional word ("Bidang Perencanaan dan Sistem Data Universitas X", "Head of
    the Plant Quarantine and Food Safety Division"); a position word or an honorific there
    starts another person ("Kepala Dinas X dan Wakil Bupati"), a name reaches no such word."""
    toks = ctx.toks
    k = e + 1
    while k < len(toks) and k - e <= 5 and ctx.same_line(k - 1, k):
        t = toks[k]
        low = fold(t.text)
        if not (t.is_word and t.cap) or low in ctx.lx.degree_prefix or low in ctx.lx.position_prefixes \
                or match_position(ctx, k) != k:
            return False
        if ctx.institutional(k):
            return True
        k += 1
    return False


def _position_ahead(ctx: Ctx, k: int) -> int:
    """Index after a position phrase opened by up to three field words ("Chief Human Capital Officer",
    "Human Resources Manager"; in English also lower case: "village midwife"), or k."""
    toks = ctx.toks
    for x in range(k, min(k + 3, len(toks) - 1)):
        t = toks[x]
        low = fold(t.text)
        if not (t.text.isalpha() and (t.cap or ctx.lang == "en")) or low in ctx.lx.title_stop \
                or low in ctx.lx.degree_prefix or low in POSITION_LINKS or low in DETERMINERS \
                or not ctx.strict_line(x, x + 1):
            return k
        end = match_position(ctx, x + 1)
        if end != x + 1:
            return end
    return k


def position_line(ctx: Ctx, col: tuple[int, int, str]) -> bool:
    """A short line that opens with a position and holds only capitalised words, connectors,
    commas and brackets ("Kepala Dinas Komunikasi dan Informatika", "Direktur Eksekutif X")."""
    start, end, text = col
    if len(text) > 100 or text.rstrip().endswith(".") and not text.rstrip().endswith("Tbk."):
        return False
    k = ctx.tok_at.get(start)
    if k is None or match_position(ctx, k) == k:
        return False
    return capital_words(ctx, k, end)


def capital_words(ctx: Ctx, k: int, end: int) -> bool:
    while k < len(ctx.toks) and ctx.toks[k].start < end:
        t = ctx.toks[k]
        if t.is_word and not t.cap and fold(t.text) not in POSITION_LINKS and not t.text.isdigit():
            return False
        k += 1
    return True


def title_line(ctx: Ctx, col: tuple[int, int, str]) -> bool:
    """A short line under a signatory's name that holds a position word among its first words
    ("Lord Mayor of X", "Senior Vice President", "Pro Vice-Chancellor (Research)")."""
    start, end, text = col
    if len(text) > 90 or not text[:1].isupper() or re.search(r"\d{3}", text) or len(text.split()) > 12:
        return False
    k = ctx.tok_at.get(start)
    if k is None:
        return False
    for x in range(k, min(k + 4, len(ctx.toks))):
        if ctx.toks[x].start >= end or not ctx.toks[x].cap:
            return False
        if match_position(ctx, x) != x:
            return True
    return False
