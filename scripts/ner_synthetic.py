"""Synthetic training sentences in the layout of agreements and news releases about signings.

The public NER sets are general news: they rarely show "Bupati <Place> <Name>", degrees after a name,
"diwakili oleh", capitalised signature blocks or "signed by X, Rector of Y". These templates, filled with
PER / ORG / LOC strings drawn from the same training splits (never from documents we evaluate on), teach the
model where a bare name starts and ends in that layout. Positions, honorifics and degrees stay outside the
PER span, as in the datasets' own convention.
"""

from __future__ import annotations

import random

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

SYNTHETIC_SENTENCES = 2000

POSITIONS_OF_PLACE = (
    "Bupati", "Wakil Bupati", "Penjabat Bupati", "Pj. Bupati", "Plt. Bupati", "Wali Kota", "Wakil Wali Kota",
    "Penjabat Wali Kota", "Gubernur", "Wakil Gubernur", "Sekretaris Daerah", "Sekda", "Camat", "Kapolres",
    "Kepala Bappeda", "Kepala Inspektorat", "Kepala Dinas Kesehatan", "Kepala Dinas Pendidikan",
    "Kepala Dinas Kominfo", "Ketua DPRD", "Kepala BPKAD", "Asisten I Setda", "Kepala Kantor Pertanahan",
)
POSITIONS_OF_ORG = (
    "Rektor", "Wakil Rektor", "Direktur", "Direktur Utama", "Ketua", "Kepala", "Dekan", "Sekretaris Jenderal",
    "Direktur Jenderal", "Ketua Umum", "Presiden Direktur", "Kepala Perwakilan", "Plt. Kepala", "Pimpinan",
)
POSITIONS_EN = ("Rector", "Vice-Chancellor", "President", "Director", "Dean", "Chairman", "Managing Director",
                "Mayor", "Regent", "Governor", "Head")
HONORIFICS = ("", "", "", "Drs. ", "Dr. ", "H. ", "Hj. ", "Ir. ", "Prof. ", "Prof. Dr. ", "dr. ", "Drs. H. ",
              "Dr. Ir. ", "Dr. H. ", "Brigjen Pol ")
DEGREES = ("", "", "", ", S.H.", ", S.H., M.H.", ", S.E.", ", S.E., M.M.", ", M.Si.", ", S.Pd.", ", M.Pd.",
           ", S.T., M.T.", ", S.Sos.", ", M.Kes.", ", Sp.OG", ", Ph.D.", ", S.IP", ", M.A.P.", ", SH, MH",
           ", SE", ", S.Kom.", ", M.Sc.")
ORG_FORMS = (
    "Pemerintah Kabupaten {p}", "Pemerintah Kota {p}", "Pemerintah Provinsi {p}", "Pemkab {p}", "Pemkot {p}",
    "Pemprov {p}", "Dinas Kesehatan Kabupaten {p}", "Dinas Pendidikan Kota {p}", "Universitas {p}",
    "Politeknik Negeri {p}", "Kejaksaan Negeri {p}", "DPRD Kabupaten {p}", "Rumah Sakit Umum Daerah {p}",
    "Bappeda Kabupaten {p}", "Kantor Pertanahan Kota {p}",
)
ACTS = (
    "menandatangani nota kesepakatan tersebut", "mengatakan kerja sama ini sangat penting",
    "menyampaikan terima kasih atas dukungan semua pihak", "hadir dalam acara penandatanganan itu",
    "berharap kesepakatan ini segera ditindaklanjuti", "menegaskan komitmennya", "meninjau lokasi kegiatan",
)

# Negative material (no entity at all): capitalised headings and clause text of agreements, list markers.
HEADINGS = (
    "RUANG LINGKUP", "MAKSUD DAN TUJUAN", "HAK DAN KEWAJIBAN", "JANGKA WAKTU", "PEMBIAYAAN", "PENUTUP",
    "PENYELESAIAN PERSELISIHAN", "KETENTUAN UMUM", "PELAKSANAAN", "MONITORING DAN EVALUASI", "KEADAAN KAHAR",
    "PELAPORAN", "KERAHASIAAN", "ADENDUM", "NOTA KESEPAKATAN", "PERJANJIAN KERJA SAMA", "TENTANG", "ANTARA",
    "DENGAN", "LAMPIRAN", "SCOPE OF COOPERATION", "AMENDMENT AND TERMINATION", "ENTRY INTO FORCE",
    "INTELLECTUAL PROPERTY RIGHTS", "FINANCIAL ARRANGEMENTS", "CONFIDENTIALITY", "SETTLEMENT OF DISPUTES",
    "MEMORANDUM OF UNDERSTANDING", "OBJECTIVE", "RECITALS", "NOW, THEREFORE", "FORCE MAJEURE", "NOTICES",
)
SECTION_WORDS = ("PASAL", "Pasal", "ARTICLE", "Article", "BAB")
LIST_MARKERS = ("a.", "b.", "c.", "d.", "e.", "1)", "2)", "(1)", "(2)", "1.", "2.")
SUBJECTS_EN = ("The Parties", "Both Parties", "Each Party", "Either Party", "The First Party")
SUBJECTS_ID = ("PARA PIHAK", "PIHAK PERTAMA", "PIHAK KEDUA", "Kedua belah pihak")
CLAUSES_EN = ("shall exchange information on activities of mutual interest",
              "will organise joint seminars and workshops once a year",
              "agree to revise or amend this MoU by mutual written consent",
              "may terminate this Memorandum by giving six months written notice",
              "shall bear its own costs unless otherwise agreed", "have agreed as follows")
CLAUSES_ID = ("berkewajiban menyampaikan laporan pelaksanaan kegiatan", "sepakat untuk melakukan evaluasi bersama",
              "akan menyediakan sarana dan prasarana", "berhak memperoleh data dan informasi",
              "wajib menjaga kerahasiaan data", "menyelenggarakan pelatihan teknis bagi petugas")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ADMINISTRATIVE_WORDS = frozenset({"Kabupaten", "Kota", "Provinsi", "Kecamatan", "Desa", "Kelurahan", "Jalan",
                                  "Jl", "Pulau", "Gunung", "Sungai", "Dusun", "Kampung"})


def bio_entities(tokens: tuple[str, ...], tags: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    entities: list[tuple[str, list[str]]] = []
    for token, tag in zip(tokens, tags):
        if tag.startswith("B-"):
            entities.append((tag[2:], [token]))
        elif tag.startswith("I-") and entities:
            entities[-1][1].append(token)
    return entities


def entity_pool(sentences: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> dict[str, list[str]]:
    """Distinct entity strings per label. Lower-cased data (NERP) gives title-cased person names only."""
    pool: dict[str, set[str]] = {"PER": set(), "ORG": set(), "LOC": set()}
    for tokens, tags in sentences:
        for label, words in bio_entities(tokens, tags):
            if not 1 <= len(words) <= 5 or not all(word[:1].isalpha() for word in words):
                continue
            text = " ".join(words)
            if label != "PER" and not all(word[:1].isupper() for word in words):
                continue  # "dusun Pasar empat": keep place and organisation strings that look like names
            if text.islower():
                if label != "PER":
                    continue
                text = text.title()
            pool[label].add(text)
    result = {label: sorted(values) for label, values in pool.items()}
    result["PLACE_NAME"] = [place for place in result["LOC"] if place.split()[0] not in ADMINISTRATIVE_WORDS]
    return result


class _Builder:
    """Accumulates text and entity character spans."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []

    def add(self, piece: str, label: str | None = None) -> _Builder:
        start = len(self.text)
        self.text += piece
        if label:
            self.spans.append((start, len(self.text), label))
        return self


def _person(b: _Builder, rng: random.Random, names: list[str], upper: bool = False) -> None:
    name = rng.choice(names)
    honorific, degree = rng.choice(HONORIFICS), rng.choice(DEGREES)
    if upper:
        name = name.upper()
    b.add(honorific).add(name, "PER").add(degree)


def _end(b: _Builder) -> None:
    b.add("" if b.text.endswith(".") else ".")


def _place_position(b: _Builder, rng: random.Random, places: list[str]) -> None:
    b.add(rng.choice(POSITIONS_OF_PLACE) + " ").add(rng.choice(places), "LOC")


def _org_position(b: _Builder, rng: random.Random, pool: dict[str, list[str]]) -> None:
    b.add(rng.choice(POSITIONS_OF_ORG) + " ")
    _org(b, rng, pool)


def _org(b: _Builder, rng: random.Random, pool: dict[str, list[str]], upper: bool = False) -> None:
    if rng.random() < 0.5:
        org = rng.choice(ORG_FORMS).format(p=rng.choice(pool["PLACE_NAME"]))
    else:
        org = rng.choice(pool["ORG"])
    b.add(org.upper() if upper else org, "ORG")


def _sentence(rng: random.Random, pool: dict[str, list[str]]) -> _Builder:
    names, places = pool["PER"], pool["LOC"]
    b = _Builder()
    form = rng.randrange(11)
    if form == 0:  # Bupati Jembrana I Nengah Tamba menandatangani ...
        _place_position(b, rng, places)
        b.add(" ")
        _person(b, rng, names)
        b.add(" " + rng.choice(ACTS) + ".")
    elif form == 1:  # Kepala Dinas X Kabupaten Y, Nama, mengatakan ...
        _org_position(b, rng, pool)
        b.add(", ")
        _person(b, rng, names)
        b.add(", " + rng.choice(ACTS) + ".")
    elif form == 2:  # Rektor Universitas X Nama menandatangani ...
        _org_position(b, rng, pool)
        b.add(" ")
        _person(b, rng, names)
        b.add(" " + rng.choice(ACTS) + ".")
    elif form == 3:  # ditandatangani oleh A dan B
        b.add("Nota kesepakatan ditandatangani oleh ")
        _place_position(b, rng, places)
        b.add(", ")
        _person(b, rng, names)
        b.add(", dan ")
        _org_position(b, rng, pool)
        b.add(" ")
        _person(b, rng, names)
        _end(b)
    elif form == 4:  # ..., dalam hal ini diwakili oleh Nama selaku Kepala ...
        _org(b, rng, pool)
        b.add(", dalam hal ini diwakili oleh ")
        _person(b, rng, names)
        b.add(" selaku " + rng.choice(POSITIONS_OF_ORG) + ", selanjutnya disebut PIHAK KEDUA.")
    elif form == 5:  # capitalised signature block
        b.add(rng.choice(("PIHAK PERTAMA,", "PIHAK KEDUA,")) + "\n" + rng.choice(POSITIONS_OF_ORG).upper() + " ")
        _org(b, rng, pool, upper=True)
        b.add(",\nttd\n")
        _person(b, rng, names, upper=rng.random() < 0.8)
    elif form == 6:  # English: signed by X, Rector of Y
        b.add(rng.choice(("This Memorandum was signed by ", "The agreement is represented by ",
                          "Signed on behalf of the University by ")))
        b.add(rng.choice(("", "Professor ", "Dr. ", "Mr. ", "Ms. ")))
        b.add(rng.choice(names), "PER")
        b.add(", " + rng.choice(POSITIONS_EN) + " of ")
        _org(b, rng, pool)
        b.add(".")
    elif form == 8:  # capitalised headings: never a name
        number = rng.choice(ROMAN) if rng.random() < 0.4 else str(rng.randint(1, 15))
        b.add(f"{rng.choice(SECTION_WORDS)} {number}\n{rng.choice(HEADINGS)}")
        if rng.random() < 0.5:
            b.add("\n" + rng.choice(HEADINGS))
    elif form == 9:  # clause text with list markers: no entity
        subjects, clauses = (SUBJECTS_EN, CLAUSES_EN) if rng.random() < 0.5 else (SUBJECTS_ID, CLAUSES_ID)
        b.add(f"{rng.choice(LIST_MARKERS)} {rng.choice(subjects)} {rng.choice(clauses)}")
        b.add(rng.choice((";", ".", "; and" if subjects is SUBJECTS_EN else "; dan")))
    else:  # Hadir pula ... list of attendees
        b.add("Hadir pula ")
        _place_position(b, rng, places)
        b.add(" ")
        _person(b, rng, names)
        b.add(" dan ")
        _org_position(b, rng, pool)
        b.add(", ")
        _person(b, rng, names)
        _end(b)
    return b


def synthetic_examples(nlp: Language, sentences: list[tuple[tuple[str, ...], tuple[str, ...]]], *,
                       count: int, seed: int) -> list[Example]:
    rng = random.Random(seed)
    pool = entity_pool(sentences)
    examples: list[Example] = []
    while len(examples) < count:
        built = _sentence(rng, pool)
        reference: Doc = nlp.make_doc(built.text)
        spans = [reference.char_span(s, e, label=label) for s, e, label in built.spans]
        if any(span is None for span in spans):
            continue  # the tokenizer splits inside an entity string: skip rather than train a wrong boundary
        reference.ents = spans
        examples.append(Example(nlp.make_doc(built.text), reference))
    return examples
