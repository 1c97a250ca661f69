"""Synthetic stored agreements for linking at scale (bench_matching link rows, the LinkIndex
equivalence test): invented places and names, parties of the kinds reports name in many forms
(governments with "Pemkab X" aliases, universities and their acronyms, regional hospitals,
companies, foundations, local-government offices, colleges of health), officials with degrees,
agreement numbers, ten commitments each; and reports that name them by those forms.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from extractor.matching_types import AgreementRef, CommitmentRef, PartyRef, StatementRef

_ONSETS = ["b", "d", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ng", "nd", "mb", "h"]
_VOWELS = ["a", "a", "i", "u", "e", "o"]
_PLACE_HEADS = ["Karang", "Teluk", "Sungai", "Tanjung", "Bukit", "Muara", "Batu", "Pulau", "Gunung", "Rawa",
                "Lembah", "Padang", "Kuala", "Sei", "Tanah", "Danau"]
_FIRST = ["Ahmad", "Budi", "Siti", "Dewi", "Hendra", "Rina", "Agus", "Yusuf", "Made", "Wayan", "Nur", "Rahmat",
          "Fitri", "Bambang", "Sri", "Joko", "Indah", "Andi", "Maria", "Yohanes", "Teguh", "Eko", "Putu", "Ketut",
          "Hasan", "Ilham", "Rudi", "Yanti", "Wulan", "Dian", "Fajar", "Galih", "Hadi", "Imam", "Kartika", "Lukman",
          "Mega", "Nanda", "Oktavia", "Purnama", "Ratna", "Surya", "Tri", "Umar", "Vina", "Wahyu", "Yudi", "Zainal"]
_LAST = ["Susanto", "Wiratama", "Hidayat", "Saputra", "Nugroho", "Siregar", "Pratama", "Wibowo", "Kurniawan",
         "Harahap", "Simanjuntak", "Setiawan", "Gunawan", "Sembiring", "Manurung", "Rahayu", "Hutapea", "Lubis",
         "Nasution", "Pane", "Tambunan", "Situmorang", "Wijaya", "Halim", "Santoso", "Purba", "Ginting", "Tarigan",
         "Sinaga", "Panjaitan", "Firmansyah", "Ramadhan", "Maulana", "Permana", "Suryadi", "Hakim", "Syahputra",
         "Anggraini", "Utami", "Handoko", "Sulistyo", "Prasetyo", "Kusuma", "Hartono", "Wahyudi", "Iskandar"]
_DEGREES = ["Dr.", "Prof. Dr.", "Ir.", "drg.", "H.", ""]
_SUFFIXES = [", M.Si.", ", S.H., M.H.", ", M.Sc.", ", S.E.", ", M.Kes.", ""]
ACTIONS = ["menyelenggarakan pelatihan", "menyediakan data", "melaksanakan sosialisasi", "membangun",
           "melakukan pendampingan", "menyerahkan laporan", "mengirimkan tim teknis", "memberikan beasiswa",
           "melakukan penelitian bersama", "mengadakan rapat evaluasi", "shall provide training on",
           "shall send a delegation to study", "shall promote", "shall exchange", "shall establish"]
OBJECTS = ["pengelolaan sampah", "pemandu wisata", "keuangan desa", "peta rawan bencana", "budidaya rumput laut",
           "ketahanan pangan", "digitalisasi UMKM", "air minum", "jalan desa", "kesehatan ibu dan anak",
           "waste management", "riverfront management", "tourism promotion", "youth exchange", "legal aid",
           "irigasi pertanian", "perizinan usaha", "pajak daerah", "cultural performances", "fisheries"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)).capitalize()


def _place(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return f"{rng.choice(_PLACE_HEADS)} {_word(rng, 2)}"
    return _word(rng, rng.choice((2, 3, 3)))


def _person(rng: random.Random) -> str:
    """Two or three words (~100,000 names): officials of different bodies rarely share a full name."""
    degree = rng.choice(_DEGREES)
    middle = f" {rng.choice(_FIRST + _LAST)}" if rng.random() < 0.5 else ""
    return f"{degree + ' ' if degree else ''}{rng.choice(_FIRST)}{middle} {rng.choice(_LAST)}{rng.choice(_SUFFIXES)}"


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words).upper()


def _party(rng: random.Random, kind: str, place: str) -> tuple[PartyRef, str]:
    """A party of `kind` and the head's position (for its official)."""
    name2 = f"{_word(rng, 2)} {_word(rng, 2)}"
    person = (_person(rng),)
    if kind == "regency":
        return PartyRef(f"Pemerintah Kabupaten {place}", (f"Pemkab {place}", f"Kabupaten {place}"), person), "Bupati"
    if kind == "city":
        return PartyRef(f"Pemerintah Kota {place}", (f"Pemkot {place}",), person), "Wali Kota"
    if kind == "province":
        return PartyRef(f"Pemerintah Provinsi {place}", (f"Pemprov {place}",), person), "Gubernur"
    if kind == "university":
        words = ["Universitas", *name2.split()]
        return PartyRef(" ".join(words), (_initials(words),), person), "Rektor"
    if kind == "polytechnic":
        return PartyRef(f"Politeknik Negeri {place}", (), person), "Direktur"
    if kind == "hospital":
        return PartyRef(f"Rumah Sakit Umum Daerah dr. {name2}", (f"RSUD {name2}",), person), "Direktur"
    if kind == "company":
        words = ["PT", *name2.split(), _word(rng, 3)]
        return PartyRef(" ".join(words) + rng.choice(("", " Tbk")), (), person), "Direktur Utama"
    if kind == "foundation":
        return PartyRef(f"Yayasan {name2}", (), person), "Ketua"
    if kind == "office":
        field = rng.choice(("Kesehatan", "Pendidikan", "Pariwisata", "Perikanan", "Sosial"))
        return PartyRef(f"Dinas {field} Kabupaten {place}", (), person), "Kepala Dinas"
    words = ["Sekolah", "Tinggi", "Ilmu", "Kesehatan", *name2.split()]
    return PartyRef(" ".join(words), (f"STIKes {name2}",), person), "Ketua"


_GOVS = ("regency", "city", "province", "office")
_OTHERS = ("university", "polytechnic", "hospital", "company", "foundation", "college")


@dataclass
class SyntheticSet:
    agreements: list[AgreementRef]
    commitments: list[CommitmentRef]
    positions: dict[int, tuple[str, str]]  # agreement id -> head positions of its two parties


def synthetic_agreements(n: int, *, first_id: int = 100_000, first_commitment_id: int = 1_000_000,
                         per_agreement: int = 10, seed: int = 11) -> SyntheticSet:
    """`n` agreements between a government (or its office) and another body; a government signs
    several (a place has on average ~2 agreements), so one party is often named in several."""
    rng = random.Random(seed)
    places = sorted({_place(rng) for _ in range(max(8, n // 2))})
    gov_of: dict[tuple[str, str], tuple[PartyRef, str]] = {}
    agreements, commitments, positions = [], [], {}
    cid = first_commitment_id
    for k in range(n):
        ag_id = first_id + k
        place = rng.choice(places)
        gkind = rng.choice(_GOVS)
        if (gkind, place) not in gov_of:
            gov_of[(gkind, place)] = _party(rng, gkind, place)
        gov, gpos = gov_of[(gkind, place)]
        other, opos = _party(rng, rng.choice(_OTHERS), rng.choice(places))
        acr = "".join(w[0] for w in other.name.split()[:3]).upper()
        number = f"{rng.randint(1, 999):03d}/PKS/{acr}/{rng.choice(range(2019, 2026))}"
        agreements.append(AgreementRef(ag_id, (gov, other), number, f"Perjanjian Kerja Sama {gov.name}"))
        positions[ag_id] = (gpos, opos)
        for _ in range(per_agreement):
            text = f"{rng.choice(('PIHAK PERTAMA', 'PIHAK KEDUA', 'PARA PIHAK'))} {rng.choice(ACTIONS)} " \
                   f"{rng.choice(OBJECTS)} di {place}"
            commitments.append(CommitmentRef(cid, ag_id, text))
            cid += 1
    return SyntheticSet(agreements, commitments, positions)


def _bare(person: str) -> str:
    words = [w for w in person.split(",")[0].split() if not w.endswith(".")]
    return " ".join(words)


def synthetic_report(data: SyntheticSet, rng: random.Random, n_statements: int = 20) -> tuple[str, list[StatementRef]]:
    """A report about one synthetic agreement naming its parties by a short form, an alias, an
    official or by kind, with `n_statements` activity statements; its link text and statements."""
    ag = rng.choice(data.agreements)
    gov, other = ag.parties
    gpos, opos = data.positions[ag.id]
    forms_gov = [gov.name, *gov.aliases, f"{gpos} {_bare(gov.people[0])}"]
    forms_other = [other.name, *other.aliases, f"{opos} {_bare(other.people[0])}", f"the {opos.lower()}"]
    head = f"Laporan kegiatan kerja sama {rng.choice(forms_gov)} dan {rng.choice(forms_other)}."
    statements = []
    for i in range(n_statements):
        obj = rng.choice(OBJECTS)
        text = rng.choice((f"Pelatihan {obj} bagi 25 peserta telah dilaksanakan pada {i + 1} Mei 2025.",
                           f"Tim teknis menyerahkan laporan {obj} kepada {rng.choice(forms_gov)}.",
                           f"Officers attended a two-day training on {obj}.",
                           f"Sosialisasi {obj} diikuti 80 warga di aula kecamatan."))
        statements.append(StatementRef(i + 1, text))
    if rng.random() < 0.3:
        head += f" Nomor {ag.number}."
    return "\n".join([head, *(s.text for s in statements)]), statements
