"""A person's name at a token: honorifics and ranks before it ("Prof. Dr.", "Kompol"), name
particles and initials, degrees after it (", S.H., M.H."); a line or column that is a name alone."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold, is_degree_suffix
from extractor.nlp.officials.context import Ctx

# "del", "dela", "delos", "de la" (Philippine and Spanish names), "von", "van der" (Dutch and German)
PARTICLES = {"bin", "binti", "van", "de", "al", "el", "da", "di", "boru", "br", "del", "dela", "delos", "la", "los",
             "von", "der", "den"}
DOTTED_PARTICLES = {"br"}
# degrees written in lower case before the name: physician, dentist, pharmacist, veterinarian
LOWERCASE_PREFIXES = {"dr", "drg", "apt", "drh"}
# Indonesian military corps and branches written after a rank ("Kolonel Czi", "Kapten Laut (P)",
# "Mayor Pnb"); a rank that is also an English position ("Mayor") is a rank only with one of them
CORPS = {"inf", "kav", "art", "arh", "arm", "czi", "cpm", "chb", "ckm", "cku", "caj", "cba", "ctp", "cpl",
         "cpn", "pnb", "nav", "tek", "kes", "adm", "sus", "lek", "pas", "pom", "mar", "laut", "udara", "tni"}
RANKS_BEFORE_CORPS = {"mayor", "kapten", "serda", "serma", "serka", "sertu", "praka", "pratu", "prada",
                      "kopda", "koptu", "kopka", "letnan", "lettu", "letda", "kolonel", "letkol", "pelda", "peltu"}


# honorifics that are also words of names ("Markus Ratu Dewa", "Ayu Raden Sari"); ranks are not
NAME_WORD_HONORIFICS = {"ratu", "raden", "datuk", "dato"}


def rank_len(ctx: Ctx, k: int) -> int:
    """Tokens of a military rank with its corps at token k ("Mayor Laut (P)", "Letkol Czi"), or 0."""
    toks = ctx.toks
    if k + 1 >= len(toks) or fold(toks[k].text) not in RANKS_BEFORE_CORPS | ctx.lx.degree_prefix \
            or not toks[k].cap or fold(toks[k + 1].text) not in CORPS or not ctx.strict_line(k, k + 1):
        return 0
    m = k + 2
    if m < len(toks) and toks[m].text == "." and toks[m].start == toks[m - 1].end:
        m += 1
    if m + 2 < len(toks) and toks[m].text == "(" and toks[m + 2].text == ")" \
            and re.fullmatch(r"[A-Z]{1,3}", toks[m + 1].text) and ctx.strict_line(m - 1, m):
        m += 3  # "(P)": the branch of a naval officer
    return m - k


def parse_name(ctx: Ctx, j: int, limit: int | None = None, one_line: bool = False,
               caps_ok: bool = False) -> tuple[str, list[str], int, int, int] | None:
    """(name, honorifics, first char, end char of the name, next token index) at token j."""
    toks, lx = ctx.toks, ctx.lx
    n = len(toks) if limit is None else limit
    hon: list[str] = []
    k = j
    while k < n:
        t = toks[k]
        low = fold(t.text)
        two = f"{low} {fold(toks[k + 1].text)}" if k + 1 < n else ""
        ranked = rank_len(ctx, k)
        compound = _compound_degree_len(ctx, k, n, hon)
        if compound:
            degree = ctx.text[t.start:toks[k + compound - 1].end]
            if t.text[:1].islower() or t.text in _CAPITAL_FIELDS:  # "Dr." + "rer. nat.": one degree
                hon[-1] = f"{hon[-1]} {degree}"
            else:
                hon.append(degree)
            k += compound
        elif ranked and k + ranked <= n:
            hon.append(ctx.text[t.start:toks[k + ranked - 1].end])
            k += ranked
        elif two in lx.degree_prefix:
            dotted = k + 2 < n and toks[k + 2].text == "." and toks[k + 2].start == toks[k + 1].end
            hon.append(f"{t.text} {toks[k + 1].text}" + ("." if dotted else ""))
            k += 3 if dotted else 2
        elif "." in t.text and t.text[:1].isupper() and all(x in lx.degree_prefix for x in low.split(".")):
            # "Prof.Dr." written without a space
            dotted = k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == t.end
            hon.extend(x + "." for x in t.text.split("."))
            k += 2 if dotted else 1
        elif low in lx.degree_prefix and (t.text[:1].isupper() or low in LOWERCASE_PREFIXES):
            dotted = k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == t.end
            hon.append(t.text + ("." if dotted else ""))
            k += 2 if dotted else 1
        else:
            break
        if k < n and toks[k].text == "," and k + 1 < n and fold(toks[k + 1].text) in lx.degree_prefix:
            k += 1
    start_k = k
    words: list[str] = []
    while k < n and len(words) < 6:
        if words and (not (ctx.strict_line if one_line else ctx.same_line)(k - 1, k)
                      or "  " in ctx.text[toks[k - 1].end:toks[k].start]):
            break
        t = toks[k]
        low = fold(t.text)
        if low in PARTICLES and words and k + 1 < n and (toks[k + 1].cap or k + 2 < n and toks[k + 2].cap
                                                         and fold(toks[k + 1].text) in PARTICLES
                                                         and ctx.strict_line(k, k + 2)):
            words.append(t.text)
            k += 1
            continue
        if low in DOTTED_PARTICLES and words and k + 2 < n and toks[k + 1].text == "." \
                and toks[k + 1].start == t.end and ctx.same_line(k + 1, k + 2) and toks[k + 2].cap:
            words.append(t.text + ".")  # Batak "br." (boru) inside a woman's name: "Nama br. Marga"
            k += 2
            continue
        if len(t.text) == 1 and t.text.isupper() and k + 1 < n and (toks[k + 1].cap or toks[k + 1].text == "."):
            # initial: "M. Faisal", "Wempi W Mawa", "I Nengah"
            if k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == t.end:
                words.append(t.text + ".")
                k += 2
            else:
                words.append(t.text)
                k += 1
            continue
        if low in lx.name_abbrevs and t.cap and k + 2 < n and toks[k + 1].text == "." \
                and toks[k + 1].start == t.end and ctx.same_line(k + 1, k + 2) and ctx.name_tok(k + 2, caps_ok):
            words.append(t.text + ".")  # abbreviated name part: "Moh. Nama", "Muh. Nama", "Abd. Nama"
            k += 2
            continue
        if ctx.name_tok(k, caps_ok):
            words.append(t.text)
            k += 1
            continue
        if words and _honorific_inside_name(ctx, k, n, caps_ok):
            words.append(t.text)  # "Markus Ratu Dewa": a word that is an honorific before a name
            k += 1
            continue
        if words and k not in ctx.inst_tok and _name_ends_after(ctx, k, n) and ctx.name_tok(k, caps_ok, org_word_ok=True):
            # the last word of a name that is also a word of a place or organisation named elsewhere in the
            # document (surname "Tanjung" next to "Kabupaten Lubuk Tanjung"): taken when the name ends there
            words.append(t.text)
            k += 1
            continue
        break
    if caps_ok and len(words) < 2 and any(w.isupper() and len(w) > 1 for w in words):
        return None  # one word in capitals is an acronym more often than a name
    while words and fold(words[-1]) in PARTICLES:
        words.pop()
        k -= 1
    if not words or all(len(w.rstrip(".")) == 1 for w in words):
        return None
    first = toks[start_k].start if hon == [] else toks[j].start
    name_end = toks[start_k + len(words) - 1].end if start_k + len(words) - 1 < len(toks) else toks[-1].end
    # recompute end from the consumed tokens (initials may span two tokens)
    name_end = toks[k - 1].end
    # suffix degrees: ", SE., MH" / " SH. M.Hum" / ", Sp.JP"
    while k < n:
        if toks[k].text == "," and k + 1 < n and is_degree_suffix(toks[k + 1].text) and ctx.same_line(k, k + 1):
            k += 1
            continue
        if is_degree_suffix(toks[k].text) and ctx.same_line(k - 1, k) and (
                toks[k - 1].text in (",", ".") or is_degree_suffix(toks[k - 1].text.rstrip("."))
                or toks[k].upper and ctx.strict_line(k - 1, k)):   # "Nama OBE", "Nama SH": no comma
            d = toks[k].text
            if k + 1 < n and toks[k + 1].text == "." and toks[k + 1].start == toks[k].end:
                d += "."
                k += 1
            hon.append(d)
            k += 1
            continue
        if toks[k].text == "." and k > 0 and is_degree_suffix(toks[k - 1].text):
            k += 1
            continue
        break
    return " ".join(words), hon, first, name_end, k


_HYPHENED_DEGREE = re.compile(r"[A-Z][a-z]{1,5}\.-[A-Z][a-z]{1,10}\.")  # "Dipl.-Ing.", "Dr.-Ing."
_DOCTOR_TITLES = {"dr", "prof", "mag"}
# faculty abbreviations written capitalised after a doctor's title: "Dr. Eng." (Japan), "Dr. Sc.", "Dr. Techn."
_CAPITAL_FIELDS = {"Eng", "Sc", "Techn"}


def _compound_degree_len(ctx: Ctx, k: int, n: int, hon: list[str]) -> int:
    """Tokens of a German-style degree at token k, or 0: a hyphened one ("Dipl.-Ing.", "Dr.-Ing.") or
    the faculty abbreviations after a doctor's title ("Dr. rer. nat.", "Dr. med. vet.", "Dr. Eng.")."""
    toks = ctx.toks
    shaped = _HYPHENED_DEGREE.match(ctx.text, toks[k].start)
    if shaped:
        m = k
        while m < n and toks[m].end <= shaped.end():
            m += 1
        return m - k
    if not hon or fold(hon[-1].split()[0]).rstrip(".") not in _DOCTOR_TITLES:
        return 0
    m = k
    while m + 1 < n and (re.fullmatch(r"[a-z]{1,5}(?:\.[a-z])?", toks[m].text) or toks[m].text in _CAPITAL_FIELDS) \
            and toks[m + 1].text == "." \
            and toks[m + 1].start == toks[m].end and ctx.strict_line(m - 1, m):
        m += 2
    return m - k


def _honorific_inside_name(ctx: Ctx, k: int, n: int, caps_ok: bool) -> bool:
    """Is token k, a word honorific ("Ratu", "Raden") written without a dot, a middle part of the name
    begun before it (a name word follows on the same line)?"""
    t = ctx.toks[k]
    return (fold(t.text) in NAME_WORD_HONORIFICS and t.cap
            and k + 1 < n and ctx.strict_line(k, k + 1) and ctx.toks[k + 1].start > t.end
            and ctx.name_tok(k + 1, caps_ok) and (not t.upper or ctx.toks[k + 1].upper))


def _name_ends_after(ctx: Ctx, k: int, n: int) -> bool:
    """Does a name end right after token k (punctuation or the end of the line follows)?"""
    return k + 1 >= n or ctx.toks[k + 1].text in (",", ".", ";", ")") or not ctx.strict_line(k, k + 1)


def name_on_line(ctx: Ctx, start: int, end: int):
    """parse_name over the tokens of one line span: (parsed, index of the first token past the span)."""
    k = ctx.tok_at.get(start)
    if k is None:
        return None
    limit = next((x for x in range(k, len(ctx.toks)) if ctx.toks[x].start >= end), len(ctx.toks))
    parsed = parse_name(ctx, k, limit=limit, one_line=True)
    return (parsed, limit) if parsed else None


def lone_name(ctx: Ctx, col: tuple[int, int, str]) -> tuple[str, list[str], int, int, int] | None:
    """A line (column) that is a person's name and nothing else, degrees and honorifics allowed."""
    start, end, text = col
    inner = re.fullmatch(r"\(\s*(.+?)\s*\)", text)
    if inner:  # "( Drs. NAMA, M.Si. )" under a signature
        start, end, text = start + inner.start(1), start + inner.end(1), inner.group(1)
    if len(text) > 70 or not (text[:1].isupper() or fold(text.split()[0]) in ctx.lx.degree_prefix):
        return None
    found = name_on_line(ctx, start, end)
    if found is None:
        return None
    parsed, limit = found
    if any(t.text not in (",", ".") for t in ctx.toks[parsed[4]:limit]):
        return None
    words = parsed[0].split()
    if len(words) < 2 and not parsed[1]:
        return None  # a lone capitalised word is too weak without an honorific or a degree
    return parsed


def display_name(name: str) -> str:
    """A name written in capitals in title case ("BUDI SANTOSO" -> "Budi Santoso"); short words kept."""
    if not name.isupper():
        return name
    return " ".join(w if len(w) <= 2 else w.capitalize() for w in name.split())
