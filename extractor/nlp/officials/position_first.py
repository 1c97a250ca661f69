"""Position first in running text or party clauses: "Penjabat Bupati X Drs. Nama", "Kepala Dinas
X, Nama", "Ketua Lembaga X Nama" — the qualifier ends where the words stop being institutional
(organisation heads, unit words, places of the document, abbreviations in capitals)."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold
from extractor.nlp.orgs import DIRECTIONS
from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.names import lone_name, parse_name
from extractor.nlp.officials.org_links import context_org, gov_org, item_party, party_in
from extractor.nlp.officials.positions import LABEL_START, QUALIFIER_LINKS, match_position

ROMAN = {"i", "ii", "iii", "iv", "v"}
PREMISES = {"kantor", "rumah", "gedung", "pendopo", "aula", "ruang"}   # "di Kantor Kepala Desa X": a place
LEVEL_WORDS = {"provincial", "municipal", "regional", "district", "county", "city"}   # of English titles
REGION_WORDS = {"wilayah", "kawasan", "regional", "region", "area"}   # "Manajer PT X wilayah Timur, Nama"
OWNER_POSSESSIVE = re.compile(r"(?:regency|city|province|district|municipality|village|government|ministry|company|"
                              r"university|foundation|agency|council|court|office)['’]s")
REPRESENTED = re.compile(r"\b(?:represented\s+by|diwakili\s+oleh)\s+(?:its\s+|the\s+|their\s+)?\Z", re.IGNORECASE)


def position_first(ctx: Ctx) -> list[Found]:
    toks = ctx.toks
    out: list[Found] = []
    i = 0
    n = len(toks)
    while i < n:
        j = match_position(ctx, i)
        if j == i or i > 0 and ctx.folded[i - 1] in PREMISES:
            i = max(j, i + 1)
            continue
        k = j
        qual_end = j
        found = None
        # walk comma-separated parts: institutional parts extend the position, the first part
        # ending in a person's name gives the name
        while k < n and k - j < 30:
            if not ctx.same_line(k - 1, k) or not ctx.strict_line(k - 1, k) and LABEL_START.match(ctx.text, toks[k].start):
                break  # "Jabatan : Kepala Dinas X" then "Alamat : ..." on the next line
            if toks[k].text == ",":
                k += 1
                continue
            if toks[k].text == "(":
                close = next((c for c in range(k, min(k + 10, n)) if toks[c].text == ")"), None)
                if close is None:
                    break
                k = close + 1
                qual_end = k
                continue
            low = fold(toks[k].text)
            after_comma = toks[k - 1].text == "," and qual_end == k - 1
            if low in ("dan", "kepada", "pada", "of", "the", "and", "for", "bagi", "untuk", "to") and (
                    qual_end == k or after_comma) and \
                    k + 1 < n and toks[k + 1].cap and not ctx.name_tok(k + 1) \
                    and fold(toks[k + 1].text) not in ctx.lx.degree_prefix or (
                    low in ("dan", "of", "and") and (qual_end == k or after_comma) and k + 1 < n
                    and ctx.institutional(k + 1)):
                k += 1
                qual_end = k
                continue
            if low in ROMAN and toks[k].text.isupper() and (k + 1 >= n or not ctx.name_tok(k + 1)
                                                            or toks[k + 1].text == ","):
                k += 1
                qual_end = k
                continue
            # "Kepala Cabang Kawasan Timur, Nama", "Manajer Area Barat": a region of the body, not a name
            if low in REGION_WORDS and k + 1 < n and fold(toks[k + 1].text) in DIRECTIONS:
                k += 2
                qual_end = k
                continue
            if low in DIRECTIONS and k > j and fold(toks[k - 1].text) in REGION_WORDS:
                k += 1
                qual_end = k
                continue
            if low in ctx.lx.degree_prefix or (ctx.name_tok(k) and not ctx.place_len(k) and k not in ctx.inst_tok):
                parsed = parse_name(ctx, k)
                if parsed and after_comma and _unit_list_item(ctx, parsed):
                    k = qual_end = parsed[4] + 2  # "Dinas A, B dan C Provinsi X": B and C name units
                    continue
                if parsed:
                    found = parsed
                break
            pl = ctx.place_len(k)
            if pl:
                k += pl
                qual_end = k
                continue
            if toks[k].text in ('"', "“", "”") and k in ctx.inst_tok:   # Direktur BUMDes "Maju Jaya" Desa X
                k += 1
                qual_end = k
                continue
            if toks[k].is_word and toks[k].cap and ctx.institutional(k):
                k += 1
                qual_end = k
                continue
            break
        ok = False
        if found:
            name, hon, first, name_end, nxt = found
            # the token after the name must be a boundary, not more capitalised words; a name whose
            # degrees end in a dot may end the sentence ("..., S.H., M.H. Kegiatan itu ...")
            ok = nxt >= n or not toks[nxt].cap or toks[nxt].text in (",", ".") or not ctx.same_line(nxt - 1, nxt) \
                or (bool(hon) and toks[nxt - 1].text == "." and nxt - 1 > ctx.tok_at.get(first, nxt))
            ok = ok and not name.isupper()
            # "Pimpinan Rapat : Nama": one bare word before a label's colon is the label's last word
            ok = ok and not (nxt < n and toks[nxt].text == ":" and not hon and len(name.split()) == 1)
            # "Director of Regional / Programmes\nReference:": a name run over a line break into the
            # label of the next line is the end of the position and that label
            ok = ok and not (nxt < n and toks[nxt].text == ":" and not hon and "\n" in ctx.text[first:name_end])
        if ok and _territory_of_local_head(ctx, j, found):
            ok = False  # "Camat Padang Rimbo", "Pak Kades Sumber Rejo": the office's territory, no person
        if ok and _acronym_before_name(ctx, found):
            ok = False  # "Ketua Bawaslu, Nama Lengkap, berharap": the lone word names the body
        if not ok or (nxt < n and fold(toks[nxt].text) in QUALIFIER_LINKS):
            # "Asisten Perekonomian dan Kesejahteraan Rakyat Setdakab X, Nama": words the walk could not
            # classify, then a comma and a person's name
            late = _comma_name(ctx, j)
            if late:
                found, qual_end = late
                name, hon, first, name_end, nxt = found
                ok = True
        if found and ok and not found[1] and tuple(ctx.folded[i:j]) in ctx.lx.functional:
            ok = False   # "Dosen Pembimbing Lapangan": a job named in a clause, no person
        if found and ok and _block_lines(ctx, i, found[2]):
            ok = False
        if found and ok:
            pos_start = toks[_modifiers_left(ctx, i)].start
            pos_end = toks[qual_end - 1].end if qual_end > i else toks[j - 1].end
            position = ctx.text[pos_start:pos_end].strip(" ,")
            position = re.sub(r"\s+", " ", position)
            qualifier = ctx.text[toks[j - 1].end:pos_end].strip(" ,") if qual_end > j else ""
            org = gov_org(ctx, ctx.text[pos_start:toks[j - 1].end], qualifier) or context_org(
                ctx, pos_start, ctx.text[pos_start:toks[j - 1].end])
            owner = _owner_before(ctx, pos_start) if not party_in(ctx, position) else None
            org = owner or org
            role = None
            if REPRESENTED.search(ctx.text, max(0, pos_start - 40), pos_start):
                # "X, represented by its Rector, Prof. Nama" / "diwakili oleh Kepala Dinas Y, Nama"
                role = "signatory"
                org = party_in(ctx, position) or item_party(ctx, first) or org
            out.append(Found(name, hon, position, org, role, [(first, name_end), (pos_start, pos_end)]))
            i = nxt
            continue
        i = max(j, i + 1)
    return out


# the last word of the title of a village or district head (or secretary): "Camat", "Lurah", "Kepala Desa",
# "Kades", "Kepala Dusun", "Wali Nagari"
LOCAL_HEADS = {"camat", "lurah", "kades", "kadus", "desa", "dusun", "nagari", "kampung", "keuchik", "geuchik",
               "perbekel", "sekdes", "sekcam"}


def _territory_of_local_head(ctx: Ctx, j: int, found: tuple[str, list[str], int, int, int]) -> bool:
    """Capitalised words right after a village or district head's title, with no honorific or degree
    and no comma, name the territory ("Camat Padang Rimbo", "Pak Kades Mekar Sari"): such a head is
    called by the office; the person comes after a comma or an honorific ("Camat X, Nama", "Lurah X
    Ibu Nama")."""
    nk = ctx.tok_at.get(found[2])
    if ctx.folded[j - 1] not in LOCAL_HEADS or found[1] or nk is None:
        return False
    # words walked as institutional before the name go with it ("Kepala Desa Sumber Rejo"), a known
    # place or a comma ends the territory ("Camat Padang Rimbo Budi Santoso" with "Kecamatan Padang Rimbo")
    return all(ctx.toks[x].text != "," and not ctx.place_len(x) for x in range(j, nk))


POSSESSIVE = re.compile(r"\b(?:its|their)\s+\Z", re.IGNORECASE)


def _owner_before(ctx: Ctx, pos_start: int) -> str | None:
    """"the City Health Office of X through its Head, dr. Nama": the organisation named last before "its"
    in the same sentence owns the position."""
    if not POSSESSIVE.search(ctx.text, max(0, pos_start - 10), pos_start):
        return None
    start = max(ctx.text.rfind(". ", 0, pos_start), ctx.text.rfind("\n", 0, pos_start)) + 1
    before = [x for x in ctx.org_spans if start <= x[0] and x[1] <= pos_start]
    if not before:
        return None
    ent = before[-1][2]
    return ctx.party_names.get(id(ent), ent.canonical)


def _block_lines(ctx: Ctx, i: int, first: int) -> bool:
    """A position line alone and, on the next line, a name line alone: a signature block (name and
    position lines pair up there, the position line may belong to the name above it), not prose."""
    text = ctx.text
    line_start = text.rfind("\n", 0, ctx.toks[i].start) + 1
    name_line = text.rfind("\n", 0, first)
    if name_line < ctx.toks[i].start or text[line_start:ctx.toks[i].start].strip():
        return False
    line_end = text.find("\n", first)
    line = text[name_line + 1:len(text) if line_end < 0 else line_end]
    return lone_name(ctx, (name_line + 1, name_line + 1 + len(line.rstrip()), line.rstrip())) is not None


def _modifiers_left(ctx: Ctx, i: int) -> int:
    """English puts a position's field before it ("its Human Resources Manager, Nama", "Finance Director
    Nama"): up to three capitalised words on the same line that name no person, organisation or place."""
    if ctx.lang != "en":
        return i
    k = i
    while k > 0 and i - k < 3 and ctx.strict_line(k - 1, k):
        t = ctx.toks[k - 1]
        low = fold(t.text)
        if t.is_word and t.upper and len(t.text) >= 2 and (k - 1 in ctx.inst_tok or low in ctx.org_words):
            k -= 1  # "and NIMS President Prof. Nama": the acronym of the body opens the position
            break
        if re.search(r"['’]s$", t.text):
            break  # "the Trust's Field Coordinator": the owner is no part of the position
        if not (t.is_word and t.cap) or t.upper or low in ctx.lx.title_stop or low in ctx.lx.degree_prefix \
                or k - 1 in ctx.inst_tok or ctx.place_len(k - 1) or match_position(ctx, k - 1) != k - 1:
            break
        k -= 1
    before = ctx.text[ctx.text.rfind("\n", 0, ctx.toks[k].start) + 1:ctx.toks[k].start]
    if k < i and all(ctx.folded[x] in LEVEL_WORDS for x in range(k, i)):
        return k  # "Provincial Administrator Atty. Nama" opening a sentence: the level is part of the title
    return k if k == i or re.search(r"[a-z]\s*$", before) else i  # not at a sentence or line start


def _comma_name(ctx: Ctx, j: int) -> tuple[tuple[str, list[str], int, int, int], int] | None:
    """After a position head at token j: capitalised qualifier words (no other position) up to a
    comma or an honorific on the same line, then a person's name ending at a boundary.
    Returns (parsed name, index where the qualifier ends)."""
    toks, n = ctx.toks, len(ctx.toks)
    k = j
    honorific_needed = False
    while k < n and k - j < 25:
        if k > 0 and not ctx.same_line(k - 1, k):
            return None
        t = toks[k]
        if t.text == ",":
            break
        if t.text == "(":
            close = next((c for c in range(k, min(k + 10, n)) if toks[c].text == ")"), None)
            if close is None:
                return None
            k = close + 1
            continue
        low = fold(t.text)
        if low in ctx.lx.degree_prefix:
            if k > j and t.cap:
                break  # "Bupati Lembah Hijau Ir. Nama": an honorific starts the name
            return None
        if t.is_word and (t.cap or t.text[:1].isdigit()) and match_position(ctx, k) == k \
                or (low in QUALIFIER_LINKS or low in ("untuk", "to")) and (k > j or low in ("of", "for")) \
                or low in ("in", "at") and k > j and k + 1 < n and (toks[k + 1].cap or toks[k + 1].text == "the") \
                or low in REGION_WORDS and k > j and k + 1 < n and toks[k + 1].cap \
                or k > j and OWNER_POSSESSIVE.fullmatch(t.text):
            # "Consul of X in Y, Nama", "Consul for Trade at the X Embassy, Nama", "Manajer PT X wilayah Y, Nama",
            # "head of the regency's Cooperatives Office, Nama" (the body owning the unit)
            k += 1
            continue
        unit = _lowercase_unit(ctx, k)
        if unit > k and k > j and fold(toks[k - 1].text) in QUALIFIER_LINKS:
            k = unit   # "the head of the disease control division, Nama, S.KM."
            honorific_needed = True
            continue
        return None
    if k == j or k + 1 >= n or fold(toks[k - 1].text) in QUALIFIER_LINKS:
        return None
    if toks[k].text == ",":
        if not ctx.same_line(k, k + 1):
            return None
        parsed = parse_name(ctx, k + 1)
    else:
        parsed = parse_name(ctx, k)
    if not parsed or parsed[0].isupper() or _unit_list_item(ctx, parsed) or honorific_needed and not parsed[1]:
        return None
    nxt = parsed[4]
    # more capitalised words after the name: not a name; a line break after an honorific name is a
    # boundary (a scanned footer run onto the wrapped line: "..., Mrs. Nama / Page 2012")
    if nxt < n and toks[nxt].cap and toks[nxt].text not in (",", ".") and ctx.same_line(nxt - 1, nxt) \
            and toks[nxt - 1].text != "." and (ctx.strict_line(nxt - 1, nxt) or not parsed[1]):
        return None
    return parsed, k


# the unit an English position in lower case heads: "head of the disease control division"
UNIT_NOUNS = {"division", "section", "unit", "department", "bureau", "directorate", "branch", "programme", "program",
              "team", "office", "subdivision", "service"}


def _lowercase_unit(ctx: Ctx, k: int) -> int:
    """Index after up to five lower-case words ending in a unit noun right before a comma (English only),
    or k: "disease control division" in "the head of the disease control division, Nama, S.KM."."""
    toks, n = ctx.toks, len(ctx.toks)
    if ctx.lang != "en":
        return k
    m = k
    # (a body owning the unit may stand in between: "regency disaster management agency's prevention unit")
    while m < n and m - k < 8 and toks[m].is_word and (toks[m].text.isalpha() or _POSSESSIVE.fullmatch(toks[m].text)) \
            and toks[m].text.islower() and ctx.same_line(m - 1, m):
        m += 1
        if toks[m - 1].text in UNIT_NOUNS and m < n and toks[m].text == ",":
            return m
    return k


_POSSESSIVE = re.compile(r"[a-z]+['’]s")


LIST_AND = {"dan", "serta", "and", "&"}


def _unit_list_item(ctx: Ctx, parsed: tuple[str, list[str], int, int, int]) -> bool:
    """Is a name-shaped word after a comma in a position's qualifier one item of a list of unit names
    ("Kepala Dinas Komunikasi, Statistik dan Persandian Kabupaten X")? No honorific, then "dan" and
    capitalised words opening no position, among them an institutional word or a place, or ending at
    a comma before a fuller name."""
    toks, nxt = ctx.toks, parsed[4]
    if parsed[1] or nxt + 1 >= len(toks) or fold(toks[nxt].text) not in LIST_AND:
        return False
    k = nxt + 1
    if not (ctx.strict_line(nxt, k) and toks[k].cap) or fold(toks[k].text) in ctx.lx.degree_prefix \
            or match_position(ctx, k) != k:
        return False
    while k < len(toks) and k - nxt <= 8 and ctx.strict_line(k - 1, k) and toks[k].is_word and toks[k].cap:
        if ctx.institutional(k) or ctx.place_len(k):
            return True
        k += 1
    # "Divisi Perencanaan, Data dan Informasi, Nama Lengkap": the list ends at a comma before a fuller name
    if k + 1 < len(toks) and toks[k].text == "," and ctx.strict_line(k, k + 1):
        after = parse_name(ctx, k + 1, one_line=True)
        return bool(after) and (len(after[0].split()) >= 2 or bool(after[1]))
    return False


def _acronym_before_name(ctx: Ctx, parsed: tuple[str, list[str], int, int, int]) -> bool:
    """Is a one-word "name" without honorific, right after a position, followed by a comma and a fuller
    name (two words or an honorific)? Then the word is the body the position heads."""
    name, hon, _, _, nxt = parsed
    toks = ctx.toks
    if nxt < len(toks) and toks[nxt].text == "(":  # "... Sumber Daya Manusia (BKD), Nama Lengkap"
        nxt = next((c + 1 for c in range(nxt, min(nxt + 8, len(toks))) if toks[c].text == ")"), nxt)
    if hon or nxt + 1 >= len(toks) or toks[nxt].text != "," or not ctx.strict_line(nxt, nxt + 1):
        return False
    after = parse_name(ctx, nxt + 1, one_line=True)
    if len(name.split()) != 1:
        # "Head of DPPKB Sawah Lebar, Nama, S.Sos.": bare words after a body's acronym are its place, the
        # person is the name with degrees after the comma
        k = ctx.tok_at.get(parsed[2])
        acronym = k is not None and k > 0 and toks[k - 1].is_word and toks[k - 1].text.isupper() \
            and len(toks[k - 1].text) >= 3 and ctx.same_line(k - 1, k)
        return acronym and bool(after) and bool(after[1])
    return bool(after) and (len(after[0].split()) >= 2 or bool(after[1]))
