"""Text analysis for lexical matching: tokens -> stems -> shared Indonesian/English terms.

Indonesian words are stemmed with PySastrawi, English words with a light suffix stemmer; a small
bilingual glossary (matching_data/glossary_id_en.tsv) maps Indonesian stems (and two-word
phrases) onto English stems, so an Indonesian report can match an English commitment.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "matching_data"

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# "sampai" (until) and "tetap" (still, remain) alone are function words; their derived verbs
# ("menyampaikan" = deliver, "menetapkan" = set) stem to them and keep their meaning. "dapat" (can,
# get) shares its stem with "pendapat" (opinion): the modal and its "get" verbs are no terms.
# "melakukan" (do, carry out) is a light verb: "melakukan uji kualitas air" is about the test.
STOP_ID = frozenset("""
ada adalah agar akan antara atas atau bagi bahwa baik beberapa belum berbagai bersama-sama
dalam dan dari daripada dengan di demikian dia hal harus hingga ia ini itu jika juga kami
karena ke kepada kita lalu lebih maka masih masing-masing mereka namun nya oleh pada para pihak
sebagai sebelum secara sedangkan sejak selain seluruh serta setelah setiap suatu sudah tanpa
telah tentang tersebut terhadap tidak untuk yaitu yakni yang kesatu pertama kedua ketiga keempat kelima
antaranya sebuah se sini sana begitu bila saat ketika dimana mana kata ujar ujarnya katanya
mengatakan menyebut menjelaskan tersebut nomor tanggal tgl hari ini lain lainnya pun lah
sampai tetap
dapat mendapat mendapatkan didapat didapatkan terdapat
melakukan dilakukan lakukan
""".split())

STOP_EN = frozenset("""
a an the of and or to in on at by for with from as is are was were be been being this that these
those it its their his her our we they he she which who whom whose shall will would should may
might can could must has have had do does did not no nor into onto under over between within
each other any all both such than then there here also only upon about after before during
party parties first second third hereinafter referred said says per via so if while
""".split())

_EN_SUFFIXES = ("ational", "ations", "ation", "ating", "ated", "ates", "ate", "ments", "ment", "ances", "ance", "ences", "ence", "ants", "ant",
                "ings", "ing", "ities", "ity", "ies", "ied", "ed", "es", "s", "ly", "al")


# Irregular past forms reports use for what agreements promise in the present ("met" / "meet").
_EN_IRREGULAR = {"met": "meet", "held": "hold", "built": "build", "taught": "teach", "brought": "bring",
                 "began": "begin", "begun": "begin", "sent": "send", "spent": "spend", "paid": "pay",
                 "led": "lead", "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
                 "wrote": "write", "written": "write", "drew": "draw", "drawn": "draw", "sold": "sell",
                 "bought": "buy", "chose": "choose", "chosen": "choose", "grew": "grow", "grown": "grow",
                 "undertook": "undertake", "undertaken": "undertake", "withdrew": "withdraw", "went": "go"}


# English words reports use for what agreements name otherwise: an intensive course is training,
# selling is marketing, a cohort or batch of trainees is a run of a course. Mapped onto the
# agreement's word, so they add no term to any commitment.
_EN_SYNONYMS = {"bootcamp": "train", "bootcamps": "train", "sell": "market", "sells": "market",
                "selling": "market", "sold": "market", "cohort": "course", "cohorts": "course"}


@lru_cache(maxsize=100_000)
def stem_en(word: str) -> str:
    word = _EN_SYNONYMS.get(word, word)
    word = _EN_IRREGULAR.get(word, word)
    for suffix in _EN_SUFFIXES:
        # "family", "supply", "assembly" are not adverbs: keep their "ly" (as in "families")
        if suffix == "ly" and word[-3:-2] in tuple("aeiouypb"):
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied", "ities", "ity") and not word.endswith("y"):
                word += "y" if suffix in ("ies", "ied") else ""
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


_sastrawi = None


def _sastrawi_stemmer():
    global _sastrawi
    if _sastrawi is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        _sastrawi = StemmerFactory().create_stemmer()
    return _sastrawi


@lru_cache(maxsize=200_000)
def stem_id(word: str) -> str:
    stem = _sastrawi_stemmer().stem(word) or word
    # Sastrawi reads a root ending in "-lah" as the particle "-lah" ("memilah" -> "mem", "pemilah" ->
    # "mi"); with a possessive behind it, it takes off only that and finds the root ("pilah").
    if len(stem) <= 3 and len(word) >= 6 and word.endswith(("lah", "kah", "tah", "pun")):
        retry = _sastrawi_stemmer().stem(word + "nya")
        if len(retry) > len(stem):
            return retry
    return stem


def detect_language(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    en = sum(w in _EN_MARKERS for w in words)
    idn = sum(w in _ID_MARKERS for w in words)
    return "en" if en > idn else "id"


_EN_MARKERS = frozenset("the of and to in on for with was were is are by from that this its their shall will".split())
_ID_MARKERS = frozenset("yang dan di ke dari dengan pada untuk dalam ini itu oleh telah akan tersebut".split())


# Entries after a "#@ bm25-only" line (up to a "#@ all" line) translate for BM25 but are left out of
# `gloss`: common verbs and nouns swapped into an Indonesian sentence make the English sentence model
# read it worse, while BM25 gains the shared term.
_BM25_ONLY, _ALL = "#@ bm25-only", "#@ all"


def _glossary_lines(for_embedding: bool = False) -> list[tuple[str, str]]:
    out = []
    bm25_only = False
    for line in (DATA_DIR / "glossary_id_en.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#@"):
            bm25_only = line.strip() == _BM25_ONLY
        elif line.strip() and not line.startswith("#") and not (for_embedding and bm25_only):
            source, target = line.split("\t", 1)
            out.append((source.lower(), target.lower()))
    return out


@lru_cache(maxsize=1)
def _gloss_words() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Indonesian stem (or two-stem phrase) -> English words, unstemmed (for embedding input)."""
    words: dict[str, str] = {}
    phrases: dict[tuple[str, str], str] = {}
    for source, target in _glossary_lines(for_embedding=True):
        keys = tuple(stem_id(w) for w in source.split())
        if len(keys) == 1:
            words.setdefault(keys[0], target)
        elif len(keys) == 2:
            phrases.setdefault((keys[0], keys[1]), target)
    return words, phrases


def gloss(text: str) -> str:
    """Indonesian text with every glossary word replaced by its English words (others kept), so an
    English-only sentence model sees English; English text is returned unchanged."""
    if detect_language(text) == "en":
        return text
    words, phrases = _gloss_words()
    toks = _WORD.findall(text)
    stems = [stem_id(t.lower()) for t in toks]
    out: list[str] = []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks) and (stems[i], stems[i + 1]) in phrases:
            out.append(phrases[(stems[i], stems[i + 1])])
            i += 2
            continue
        out.append(words.get(stems[i], toks[i]))
        i += 1
    return " ".join(out)


@lru_cache(maxsize=1)
def _glossary() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[str, ...]]]:
    words: dict[str, tuple[str, ...]] = {}
    phrases: dict[tuple[str, str], tuple[str, ...]] = {}
    for source, target in _glossary_lines():
        targets = tuple(_EN_SAME.get(stem_en(t), stem_en(t)) for t in target.split())
        keys = tuple(stem_id(w) for w in source.split())
        table = words if len(keys) == 1 else phrases
        key = keys[0] if len(keys) == 1 else (keys[0], keys[1])
        if len(keys) <= 2:  # words sharing a stem (usaha, perusahaan) merge their translations
            table[key] = tuple(dict.fromkeys(table.get(key, ()) + targets))
    return words, phrases


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _title_case(tokens: list[str]) -> bool:
    """A headline in Title Case ("Sixty Micro-Entrepreneurs Learn to Sell Online"): its capitals
    mark no names."""
    content = [t for t in tokens if len(t) >= 4 and t.lower() not in STOP_EN]
    return len(content) >= 3 and sum(t[0].isupper() for t in content) >= 0.8 * len(content)


def _english_terms(text: str) -> list[str]:
    out = []
    for sentence in re.split(r"[.!?;:\n]\s+", text):
        tokens = _WORD.findall(sentence)
        title = _title_case(tokens)
        for i, tok in enumerate(tokens):
            low = tok.lower()
            if low in STOP_EN or len(low) < 2 or stem_en(low) in _TIME_UNITS or low in _SCHEDULE_WORDS \
                    or low in _NUMBER_WORDS:
                continue
            low = _joined_prefix(low)
            # A capitalised word inside a sentence is a name (Kuching, Sarawak): keep it whole.
            proper = i > 0 and tok[0].isupper() and not tok.isupper() and not title
            if "-" in low and not proper:  # "water-level" is the words "water" and "level"
                out.extend(stem_en(part) for part in low.split("-") if part not in STOP_EN and len(part) > 1
                           and part not in _NUMBER_WORDS)
                continue
            out.append(low if proper else _EN_SAME.get(stem_en(low), stem_en(low)))
    return out


# English words for one concept the glossary translates once ("siswa" -> student; a report writes "pupils";
# "sebelum keberangkatan" -> departure; a report writes "pre-departure")
_EN_SAME = {"pupil": "student", "schoolchild": "student", "acros": "cross", "predepartur": "departur",
            "protectiv": "protect", "counsellor": "counsel", "counselor": "counsel", "counsell": "counsel",
            "together": "joint", "rubbish": "wast", "garbag": "wast", "trash": "wast", "litter": "wast"}


# Letter phrases: "bersama ini kami sampaikan" is "herewith we submit", not a joint activity.
_HEREWITH = re.compile(r"\b(?:bersama|dengan)\s+ini\b(?=\s+(?:kami|kita|saya|disampaikan|dilaporkan|diserahkan|"
                       r"dikirimkan|terlampir)\b)", re.IGNORECASE)


# Units of a schedule ("once a year", "setiap 3 bulan", "per tahun") say when, not what: a report
# sentence measuring something "per year" does not carry out a yearly meeting.
_TIME_UNITS = frozenset("tahun bulan minggu year month week day".split())
# A deadline or a minimum ("paling lambat bulan Juni 2025", "no later than 31 March", "at least
# four times") says by when and how much, not what: its words would only make a commitment with a
# deadline harder to match than one without.
_SCHEDULE_WORDS = _TIME_UNITS | frozenset("""
januari februari maret april mei juni juli agustus september oktober november desember
january february march june july august october december
paling lambat selambat-lambatnya sekurang-kurangnya sedikit latest later least
sehari seminggu sebulan setahun sekali once twice
""".split())


# Numbers written as words ("50 (lima puluh) unit", "two (2) doctors") say how many, not what; a
# report writes the digits, which are no terms either.
_NUMBER_WORDS = frozenset("""
satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas puluh belas ratus ribu juta
seratus seribu one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
""".split())
# A bound prefix joined by a hyphen makes one word ("tele-consults" = "teleconsults", "e-logbook").
_HYPHEN_PREFIX = re.compile(r"^(?:[a-z]|tele|co|re|pre|non|multi|inter|sub|anti|semi|micro|mini|eco|agro|bio|"
                            r"cyber)-(?=[^\W\d_]{3})")


def _joined_prefix(word: str) -> str:
    return _HYPHEN_PREFIX.sub(lambda m: m.group(0)[:-1], word)


# Indonesian spellings of English loanwords, onto the English word's ending, so both stem alike:
# "resusitasi" ~ "resuscitation", "sosialisasi" ~ "socialization", "komunitas" ~ "community",
# "diskusi" ~ "discussion"; words ending in -e / -al / -ing are stemmed as English ("neonatal",
# "storage", "training" inside an Indonesian sentence). Spelling differences (c/k, doubled letters)
# are settled by match_key.
_LOAN_ENDINGS = (("isasi", "ization"), ("asi", "ation"), ("itas", "ity"), ("si", "sion"))


def loan_stem(stem: str) -> str:
    for ending, english in _LOAN_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 4:
            return stem_en(stem[:-len(ending)] + english)
    if stem.endswith(("e", "al", "ing")) and "-" not in stem:
        return stem_en(stem)
    # "-is" adjectives are English "-ic(al)": "kritis" ~ "critical", "ekonomis" ~ "economical"
    if stem.endswith("is") and len(stem) >= 6:
        return stem[:-1] + "c"
    return stem


_KEY_RULES = ((re.compile(r"sc(?=[eiy])"), "s"), (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"[cq]"), "k"),
              (re.compile(r"ph"), "f"), (re.compile(r"th"), "t"), (re.compile(r"x"), "ks"), (re.compile(r"v"), "f"),
              (re.compile(r"z"), "s"), (re.compile(r"y"), "i"), (re.compile(r"([a-z])\1+"), r"\1"),
              (re.compile(r"(?<=[a-z]{3})tr$"), "ter"),  # "kilometre" / "kilometer", "centre" / "center"
              (re.compile(r"(?<=[a-z]{3})kt$"), "k"))  # "cataract" / "katarak", "product" / "produk"


@lru_cache(maxsize=200_000)
def match_key(term: str) -> str:
    """The form a term is compared in: spelling that differs between an English word and its
    Indonesian loan settled ("accommod" / "akomod", "teleconsult" / "telekonsult", "registry" /
    "registri", "method" / "metod")."""
    for pattern, repl in _KEY_RULES:
        term = pattern.sub(repl, term)
    return term


def analyze(text: str, language: str | None = None) -> list[str]:
    """Terms of `text` for BM25: stopwords dropped, stems, Indonesian mapped onto English."""
    lang = language or detect_language(text)
    toks = words(text)
    if lang == "en":
        return _english_terms(text)
    gloss, phrases = _glossary()
    if _HEREWITH.search(text):
        toks = words(_HEREWITH.sub(" ", text))
    # the schedule word itself, not its derivations ("tahunan" = annual stems to "tahun")
    stems = [stem_id(_joined_prefix(t)) for t in toks if t not in STOP_ID and t not in STOP_EN and len(t) > 1
             and t not in _SCHEDULE_WORDS and t not in _NUMBER_WORDS]
    out: list[str] = []
    i = 0
    while i < len(stems):
        if i + 1 < len(stems) and (stems[i], stems[i + 1]) in phrases:
            out.extend(phrases[(stems[i], stems[i + 1])])
            i += 2
            continue
        # Words an English text could also contain (names, loanwords) keep their stem, as English.
        out.extend(gloss.get(stems[i], (loan_stem(stems[i]),)))
        i += 1
    return out


# Teaching, outreach and advice: what such an activity is ABOUT ("penyuluhan tentang cara bekerja
# ke luar negeri", "a workshop on data sharing") is its topic, not something the statement reports
# done. The topic's words are evidence only for a commitment to teach or advise.
_TEACHING = (r"penyuluhan|menyuluh\w*|sosialisasi|menyosialisasikan|pelatihan|melatih|edukasi|mengedukasi|"
             r"bimbingan|bimtek|membimbing|pendampingan|mendampingi|seminar|lokakarya|workshop|webinar|"
             r"diskusi|kampanye|kursus|ceramah|arahan|pembekalan|konsultasi|training|trained|trains?|"
             r"outreach|awareness|briefings?|courses?|lectures?|talks?|coaching|mentoring|campaigns?|"
             r"teach\w*|taught|educat\w*|advice|advis\w*|seminars?|workshops?|webinars?")
_TEACHING_WORD = re.compile(rf"\b(?:{_TEACHING})\b", re.IGNORECASE)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# the topic runs to the end of the sentence or a clause that goes on to another act
_TOPIC = re.compile(rf"\b(?:{_TEACHING})\b[^.;:]{{0,80}}?\b(?P<topic>(?:tentang|mengenai|seputar|perihal|terkait|"
                    rf"about|regarding|concerning|on(?!\s+(?:\d|the\s+\d|(?:{_WEEKDAYS})\b)))\b.*?)"
                    r"(?=;|,?\s+(?:lalu|kemudian|sedangkan|sementara\s+itu|and\s+then|then|while|whereas)\s|$)",
                    re.IGNORECASE | re.DOTALL)


def teaches(text: str) -> bool:
    """Does the text name a teaching, outreach or advisory activity?"""
    return bool(_TEACHING_WORD.search(text))


def teaching_topic(text: str) -> tuple[int, int] | None:
    """(start, end) of the topic of a teaching or outreach activity the text names, or None."""
    m = _TOPIC.search(text)
    return (m.start("topic"), m.end("topic")) if m and m.end("topic") > m.start("topic") else None


def without_teaching_topic(text: str) -> str:
    """The text without the topic of a teaching or outreach activity it names ("… memberikan
    penyuluhan kepada warga tentang X" -> "… memberikan penyuluhan kepada warga"); unchanged when
    it names none."""
    span = teaching_topic(text)
    return text[:span[0]].rstrip(" ,") + text[span[1]:] if span else text
