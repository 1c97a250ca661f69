"""How reports refer to an agreement's party besides its written name (see orgs.mentions).

Two strengths:
- a *name* of the party (strong): its acronym written in capitals or as a syllable short form
  ("UTD PMI" = "Unit Transfusi Darah Palang Merah Indonesia", "UBT" = "Universitas Borneo
  Tarakan", "Poltekpar Lembah" = "Politeknik Pariwisata Lembah"), or its proper-name core next to a
  word of its kind ("RSUD Harapan Kasih" for "Rumah Sakit Umum Daerah dr. Harapan Kasih", "Harapan
  Kasih Hospital", "the Samudra Dingin company");
- a *reference by kind* (weak): "the University", "Pemkab", "the Rector", "Bupati", "Perseroan" -
  it says which party only when the agreement has one party of that kind and the report names no
  other organisation of that kind (the caller checks that).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.common_words import is_common_word, written_as_name
from extractor.dates import MONTH_NAMES_EN, MONTH_NAMES_ID, WEEKDAYS
from extractor.orgs import fold

# Words skipped when spelling a name's initials or finding its proper-name core.
_DETERMINERS = frozenset(("the", "this", "our", "its", "their", "a", "an", "each", "every", "both"))
_LEVELS = frozenset(["kota", "kabupaten", "kab", "provinsi", "city", "regency", "province"])
_SKIP = frozenset(["dan", "and", "of", "the", "&", "untuk", "for", "di", "kepada"])
_HONORIFICS = frozenset(["dr", "drs", "prof", "ir", "h", "hj", "kh", "st"])
# Kind words of a name (never its proper-name core); "daerah"/"umum" are what a short form drops.
_KIND = frozenset(["pemerintah", "kabupaten", "kota", "provinsi", "pemkab", "pemkot", "pemprov", "regency", "city", "province", "provincial", "government", "universitas", "university", "institut", "institute", "politeknik", "polytechnic", "sekolah", "tinggi", "ilmu", "akademi", "academy", "college", "rumah", "sakit", "umum", "daerah", "rsud", "rsu", "rs", "hospital", "regional", "general", "yayasan", "foundation", "pt", "cv", "tbk", "persero", "perseroan", "terbatas", "koperasi", "cooperative", "dinas", "badan", "kantor", "office", "agency", "department", "lembaga", "unit", "balai", "pusat", "centre", "center", "negeri", "state", "swasta", "private", "kesehatan", "keperawatan", "teknologi", "ekonomi", "manajemen", "pariwisata", "tourism", "health", "nursing", "technology", "republik", "indonesia",
                   # legal forms written after a company's name ("Pte. Ltd.", "Sdn. Bhd.", "GmbH")
                   "pte", "ltd", "limited", "inc", "llc", "sdn", "bhd", "gmbh", "plc",
                   # kinds of cooperative ("Koperasi Produsen X" is "X cooperative")
                   "produsen", "konsumen", "simpan", "pinjam", "pemasaran", "serba"])


# kind -> (words in a party's name that make it that kind, words/phrases a report uses for it)
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "university": (("universitas", "university", "institut", "institute", "politeknik", "polytechnic",
                    "sekolah tinggi", "college", "akademi", "academy", "stikes", "stie"),
                   ("universitas", "university", "kampus", "campus", "rektor", "rector", "rektorat",
                    "politeknik", "polytechnic", "poltek", "institut", "institute", "sekolah tinggi",
                    "perguruan tinggi", "college", "akademi", "academy", "direktur politeknik", "dosen",
                    "lecturers", "faculty", "fakultas")),
    "regency_gov": (("pemerintah kabupaten", "pemkab", "regency government", "government of"),
                    ("pemkab", "pemerintah kabupaten", "regency government", "pemda", "pemerintah daerah",
                     "local government", "bupati", "regent", "sekda", "bappeda", "perangkat daerah")),
    "city_gov": (("pemerintah kota", "pemkot", "city government"),
                 ("pemkot", "pemerintah kota", "city government", "pemda", "pemerintah daerah",
                  "local government", "wali kota", "walikota", "mayor", "city administration", "sekda",
                  "bappeda", "perangkat daerah", "city hall")),
    "province_gov": (("pemerintah provinsi", "pemprov", "provincial government"),
                     ("pemprov", "pemerintah provinsi", "provincial government", "gubernur", "governor",
                      "pemda", "pemerintah daerah")),
    "hospital": (("rumah sakit", "rsud", "rsu", "hospital", "rs"),
                 ("rumah sakit", "rsud", "hospital", "direktur rumah sakit", "the hospital")),
    # before "company": "X Foundation Ltd" is a charity registered as a company, a foundation by its head noun
    "foundation": (("yayasan", "foundation"), ("yayasan", "foundation", "ketua yayasan")),
    "company": (("pt", "cv", "tbk", "company", "ltd", "persero", "corporation", "pte", "bhd", "gmbh", "inc", "llc",
                 "limited", "plc"),
                ("perusahaan", "perseroan", "the company", "direktur utama", "manajemen perusahaan",
                 "company", "firm")),
    "cooperative": (("koperasi", "cooperative"), ("koperasi", "cooperative")),
}


@lru_cache(maxsize=4096)
def kind_of(name: str) -> str | None:
    """The kind of organisation a party's name says it is ("university", "regency_gov", ...)."""
    folded = fold(name)
    if re.search(r" dinas | badan | kantor | office | agency ", folded):
        return None  # an office of a government is not the government itself
    # "the City Government of X" is a city's: the bare "government of" only where no level word says which
    for generic in (False, True):
        for kind, (marks, _) in KINDS.items():
            if any(f" {m} " in folded for m in marks if (m == "government of") == generic):
                return kind
    return None


@lru_cache(maxsize=4096)
def _content_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in fold(name).split() if w not in _SKIP and w not in _HONORIFICS)


def _subsequence_from_start(chunk: str, word: str) -> bool:
    if not chunk or chunk[0] != word[0]:
        return False
    i = 0
    for ch in word:
        if i < len(chunk) and ch == chunk[i]:
            i += 1
    return i == len(chunk)


def _spells(token: str, words: list[str], *, initials_only: bool) -> int:
    """How many leading `words` the token spells (each word gives its first letter, or with
    `initials_only` False a short form starting with it: "poltekpar" = politeknik pariwisata); 0 if none."""
    best = 0

    def walk(pos: int, k: int) -> None:
        nonlocal best
        if pos == len(token):
            best = max(best, k)
            return
        if k == len(words):
            return
        word = words[k]
        limits = (1,) if initials_only else range(1, min(len(word), len(token) - pos) + 1)
        for n in limits:
            if _subsequence_from_start(token[pos:pos + n], word):
                walk(pos + n, k + 1)

    walk(0, 0)
    return best


# day and month names are written capitalised anywhere ("hari Kamis" is no "Kabupaten Misata")
_CALENDAR = frozenset({*WEEKDAYS, *(m.lower() for m in (*MONTH_NAMES_ID, *MONTH_NAMES_EN))})
# a token joined to a slash is a segment of a document number ("007/PKS/DIR/2026"), not a short name
_TOKEN = re.compile(r"(?<![\w/-])([A-Z][A-Za-z]{1,11})(?![\w/-])")


@lru_cache(maxsize=64)
def _acronym_runs(text: str) -> tuple[tuple[str, int, bool], ...]:
    """Runs of 1-3 consecutive short-form tokens: (folded letters, end offset, all capitals)."""
    tokens = [(m.group(1), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    runs = []
    for i, (tok, _, end) in enumerate(tokens):
        caps = sum(ch.isupper() for ch in tok) >= 2
        runs.append((tok.lower(), end, caps))
        letters, last = tok.lower(), end
        for tok2, start2, end2 in tokens[i + 1:i + 3]:
            if text[last:start2].strip() or sum(ch.isupper() for ch in tok2) < 2 or not caps:
                break  # only capital acronyms written side by side join ("UTD PMI")
            letters, last = letters + tok2.lower(), end2
            runs.append((letters, end2, True))
    return tuple(runs)


def _rest_follows(rest: list[str], after: str) -> bool:
    """The words of the name the acronym leaves out are written right after it, or none are, and
    no other capitalised name follows it ("Poltekpar Bali" is another polytechnic)."""
    folded_after = fold(after[:80]).split()
    if rest:
        return folded_after[:len(rest)] == rest
    nxt = re.match(r"\s*([A-Z][\w'-]*)", after)
    return not nxt or fold(nxt.group(1)).strip() in _KIND or fold(nxt.group(1)).strip() in _SKIP


@lru_cache(maxsize=4096)
def _sentence_start_words(text: str) -> frozenset[int]:
    return frozenset(m.end() for m in re.finditer(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*\d.)]+\s*)?)", text))


def acronym_named(text: str, name: str) -> bool:
    """The party's name is written as an acronym or syllable short form of its leading words, the
    rest of the name (if any) right after it: "UBT", "UTD PMI Kota Lembah", "Poltekpar Lembah"."""
    return any(_acronym_of(text, list(words)) for words in spelled_names(name))


def spelled_names(name: str) -> tuple[tuple[str, ...], ...]:
    """The word lists an acronym of the name may spell: its content words, and for a company or a
    foundation without its leading kind word ("APJR" for "PT Asuransi Perlindungan Jalan Raya", "PCN
    Foundation" for "Yayasan Pustaka Cahaya Nusantara")."""
    words = _content_words(name)
    if words[:1] in (("pt",), ("cv",), ("yayasan",), ("koperasi",), ("perkumpulan",)) and len(words) >= 3:
        return words, words[1:]
    return (words,)


def _acronym_of(text: str, words: list[str]) -> bool:
    if len(words) < 2:
        return False
    starts = _sentence_start_words(text)
    for letters, end, caps in _acronym_runs(text):
        if letters[0] != words[0][0] or len(letters) < 3 or letters == "".join(words):
            continue
        covered = _spells(letters, words, initials_only=caps and len(letters) <= len(words))
        if not caps:
            # a Title-case word ("Untuk") is a short form only off a sentence's start, in syllables of
            # two or more letters for at least two words ("Poltek|par", "Un|has")
            start = end - len(letters)
            if start in starts or covered < 2 or len(letters) < 5 or letters in _CALENDAR:
                continue
        if covered < 2:
            continue
        rest = words[covered:]
        if rest and all(w in _KIND for w in rest):
            rest = []
        if _rest_follows(rest, text[end:]):
            return True
        # "UDD PMI Teluk X" / "UDD PMI Kab. Teluk X" for the one of "Kabupaten Teluk X": the place right
        # after, without its level word or with another spelling of it
        if len(rest) >= 2 and rest[0] in _LEVELS:
            level = re.match(r"\s*(\w+)\.?", text[end:])
            after = text[end + level.end():] if level and fold(level.group(1)).strip() in _LEVELS else text[end:]
            if _rest_follows(rest[1:], after):
                return True
        # "UTD PMI" for the one of Kota X, the place written elsewhere in the report
        if rest and rest[0] in _LEVELS and _rest_follows([], text[end:]) \
                and f" {' '.join(rest[1:])} " in fold(text):
            return True
    return False


def core_words(name: str) -> list[str]:
    """The proper-name words of a party's name: "Rumah Sakit Umum Daerah dr. Harapan Kasih" ->
    ["harapan", "kasih"], "PT Samudra Dingin Nusantara" -> ["samudra", "dingin", "nusantara"]."""
    return [w for w in _content_words(name) if w not in _KIND and not w.isdigit()]


def core_forms(name: str) -> list[tuple[str, ...]]:
    """The proper-name cores by which a report may write the party: its core words, and for a name
    ending in a level word and a place the core before them ("Rumah Sakit Umum Daerah Datu Lestari
    Kabupaten X" -> ("datu", "lestari", "x"), ("datu", "lestari"))."""
    core = tuple(core_words(name))
    forms = [core] if core else []
    placeless = place_of(name)
    if placeless:
        head = tuple(w for w in placeless[0] if w not in _KIND and not w.isdigit())
        if head and head != core:
            forms.append(head)
    return forms


def place_of(name: str) -> tuple[list[str], str, list[str]] | None:
    """(words before the level word, level word, place words) of a name ending in "Kabupaten X" /
    "Kota X" / "Provinsi X"; None when it has no level word followed by a place."""
    words = list(_content_words(name))
    for i, w in enumerate(words[1:], start=1):
        if w in _LEVELS and i + 1 < len(words):
            return words[:i], w, words[i + 1:]
    return None


def _other_place_follows(after: list[str], place: list[str]) -> bool:
    """The words after a core are a level word and a place other than the party's own."""
    return bool(after) and after[0] in _LEVELS and after[1:1 + len(place)] != place


# Words a company name often starts with that say nothing about which company it is.
_COMMON_FIRST = frozenset("""bank mitra karya jaya sinar cahaya indo indonesia nusantara global mega
sumber bumi tirta graha citra prima mandiri abadi sentosa makmur utama bina""".split())


def company_first_word_named(text: str, name: str) -> bool:
    """A company written as "PT" / "CV" and the first distinctive word of its name, and no other
    capitalised word after it but the name's own second word: "PT Reclaimo" for "Reclaimo Plastics
    Pte. Ltd." or "PT Reclaimo Daur Ulang" - not "PT Reclaimo Kemas", another company."""
    core = core_words(name)
    if kind_of(name) != "company" or len(core) < 2:
        return False
    first = core[0]
    if len(first) < 4 or first in _COMMON_FIRST or first in _SKIP:
        return False
    for m in re.finditer(rf"\b(?:PT|CV)\.?\s+({re.escape(first)})\b", text, flags=re.IGNORECASE):
        if not m.group(0)[:2].isupper() or not m.group(1)[0].isupper():
            continue
        # the capitalised words after it go on with the name's own words, or stop
        following = re.match(r"(?:\s+[A-Z][\w'-]*)*", text[m.end():]).group(0).split()
        rest = iter(core[1:])
        if all(fold(w).strip() in _KIND or fold(w).strip() == next(rest, None) for w in following):
            return True
    return False


def core_requirements(name: str) -> list[tuple[str, ...]]:
    """Word sets one of which a report must contain all of for core_named to find the name (for an
    index of candidates, link_index): each core form, and a company's first word."""
    out = list(core_forms(name))
    if kind_of(name) == "company" and len(core_words(name)) >= 2:
        out.append((core_words(name)[0],))
    if kind_of(name) in ("cooperative", "foundation") and len(core_words(name)) >= 4:
        out.append(tuple(core_words(name)[-2:]))  # trailing_name_named
    return out


def core_named(text: str, name: str, *, folded: str | None = None) -> bool:
    """The party's proper-name core written with a word of its kind within three words ("RSUD
    Harapan Kasih", "Harapan Kasih Hospital", "Samudra Dingin company"), or alone when it has two or
    more words and is not the whole of the name (a company or foundation without "PT"/"Yayasan").
    A name ending in a place may be written without it ("RSUD Harapan Kasih" for "... Harapan Kasih
    Kabupaten X"), unless another place's level word follows; a company by its first word after
    "PT" (company_first_word_named)."""
    kind = kind_of(name)
    if kind in ("regency_gov", "city_gov", "province_gov"):
        return False  # a government's core is a place, which a report names for many reasons
    folded_text = folded if folded is not None else fold(text)
    located = place_of(name)
    place = located[2] if located else []
    for core in core_forms(name):
        placeless = core != tuple(core_words(name))
        phrase = " " + " ".join(core) + " "
        if phrase not in folded_text:
            continue
        hits = [m for m in re.finditer(re.escape(phrase.strip()), folded_text)
                if not (placeless and _other_place_follows(folded_text[m.end():].split()[:4], place))]
        if not hits:
            continue
        if all(is_common_word(w) for w in core) and not written_as_name(text, core):
            continue  # "benih unggul" (superior seed) in a report on seeds is no name of "PT Benih Unggul"
        if len(core) >= 2 and kind in ("company", "foundation", "cooperative"):
            return True
        if kind is None:
            continue
        marks = {w for m in (*KINDS[kind][0], *KINDS[kind][1]) for w in m.split()} | {"rs", "rsu", "rsud", "univ"}
        for m in hits:
            around = folded_text[:m.start()].split()[-3:] + folded_text[m.end():].split()[:3]
            if marks & set(around):
                return True
    return trailing_name_named(folded_text, name) or company_first_word_named(text, name)


def trailing_name_named(folded_text: str, name: str) -> bool:
    """A cooperative or foundation written as its kind word and the last two words of a long name,
    leaving out what its members do ("Koperasi Tirta Jaya" for "Koperasi Nelayan Pantai Tirta
    Jaya", "Yayasan Al Ikhlas" for "Yayasan Pendidikan Islam Al Ikhlas")."""
    kind = kind_of(name)
    core = core_words(name)
    if kind not in ("cooperative", "foundation") or len(core) < 4:
        return False
    tail = f"{core[-2]} {core[-1]}"
    return any(f" {mark} {tail} " in folded_text or f" {tail} {mark} " in folded_text for mark in KINDS[kind][0])


def referred_by_kind(text: str, name: str) -> str | None:
    """The phrase by which the text refers to the party by its kind only ("the University",
    "Pemkab", "the Rector"), or None. Weak: the caller checks that nothing else of the kind is named."""
    kind = kind_of(name)
    if kind is None:
        return None
    for ref in sorted(KINDS[kind][1], key=len, reverse=True):
        for m in re.finditer(rf"(?i)\b{re.escape(ref)}\b", text):
            # "Universitas Y" / "PT Z" names an organisation; a kind word alone refers to one
            nxt = re.match(r"\s+([A-Z][\w'-]*)", text[m.end():])
            if nxt and fold(nxt.group(1)).strip() not in _KIND | _SKIP | {"telah", "has", "have", "was"}:
                continue
            return m.group(0)
    return None


# words after a head's title that cite an instrument, not a place ("Peraturan Bupati Nomor 3")
_CITATION = frozenset({"nomor", "nomer", "no", "tentang", "number", "on"})
_NAMED_OF_KIND = {
    "university": re.compile(r"\b(?:Universitas|Politeknik|Institut|Sekolah Tinggi|Akademi|STIKes|Poltek)\s+"
                             r"[A-Z][\w'-]*|\b[A-Z][\w'-]*\s+(?:University|Polytechnic|Institute|College)\b"),
    "hospital": re.compile(r"\b(?:Rumah Sakit|RSUD|RSU|RS)\s+(?:Umum\s+)?(?:Daerah\s+)?(?:dr\.?\s+)?[A-Z][\w'-]*"
                           r"|\b[A-Z][\w'-]*\s+Hospital\b"),
    "company": re.compile(r"\b(?:PT|CV)\.?\s+[A-Z][\w'-]*|\b[A-Z][\w'-]*\s+(?:Company|Ltd|Corporation)\b"),
    "foundation": re.compile(r"\bYayasan\s+[A-Z][\w'-]*|\b[A-Z][\w'-]*\s+Foundation\b"),
    "cooperative": re.compile(r"\bKoperasi\s+[A-Z][\w'-]*|\b[A-Z][\w'-]*\s+Cooperative\b"),
    "regency_gov": re.compile(r"\b(?:Pemerintah Kabupaten|Pemkab|Kabupaten|Bupati)\s+[A-Z][\w'-]*"
                              r"|\b[A-Z][\w'-]*\s+Regency\b"),
    "city_gov": re.compile(r"\b(?:Pemerintah Kota|Pemkot|Kota|Wali\s?[Kk]ota)\s+[A-Z][\w'-]*"
                           r"|\b[A-Z][\w'-]*\s+City\b"),
    "province_gov": re.compile(r"\b(?:Pemerintah Provinsi|Pemprov|Provinsi|Gubernur)\s+[A-Z][\w'-]*"
                               r"|\b[A-Z][\w'-]*\s+Province\b"),
}


def others_of_kind(text: str, kind: str, own_forms: tuple[str, ...]) -> list[str]:
    """Organisations of `kind` the text names by a name, other than those whose folded name
    contains one of `own_forms` (a party's literals, " x y " padded)."""
    pattern = _NAMED_OF_KIND.get(kind)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        if set(fold(m.group(0)).split()) & _DETERMINERS:
            continue  # "The Regency", "Our University": a reference, not a name
        if fold(m.group(0)).split()[-1] in _CITATION:
            continue  # "Keputusan Bupati Nomor 690/...": the head's decree, not another regency
        # the whole capitalised name around the match ("Fakultas Teknik Universitas X Raya")
        before = re.search(r"(?:[A-Z][\w'.-]*\s+){0,4}$", text[max(0, m.start() - 60):m.start()])
        after = re.match(r"(?:\s+(?:[A-Z][\w'.-]*|dr\.?))*", text[m.end():m.end() + 60])
        name = fold((before.group(0) if before else "") + m.group(0) + (after.group(0) if after else ""))
        if not any(form in name for form in own_forms):
            out.append(m.group(0))
    return out


def person_named(text: str, person: str, *, folded: str | None = None) -> bool:
    """A party's official (its signatory, say) named in the text by full name, degrees and titles
    aside: "Prof. Dr. Hendra Wiratama, M.Sc." in "Rektor Hendra Wiratama membuka acara". A name of
    one word is too common to say who it is."""
    words = [w for w in fold(re.sub(r",.*$", "", person)).split() if w not in _HONORIFICS and len(w) > 1]
    if len(words) < 2:
        return False
    folded_text = folded if folded is not None else fold(text)
    return f" {' '.join(words)} " in folded_text
