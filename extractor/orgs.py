"""Is organisation X mentioned in a text? Party-aware linking for activity reports.

An organisation name becomes a set of signatures:
- literal variants: the name, its aliases, acronym forms ("Badan Penyelenggara Jaminan Sosial
  Ketenagakerjaan" -> "BPJS Ketenagakerjaan"), the name without its branch office part;
- a typed signature (institution type, place): "Pemerintah Kabupaten Lampung Tengah" ->
  (regency_gov, "lampung tengah"), matched by any word for that type next to the place
  ("Pemkab Lampung Tengah", "Bupati Lampung Tengah", "Lampung Tengah Regency Government").
Place words are compared after translating compass words (North -> Utara), so "Kuching North
City Hall" and "Dewan Bandaraya Kuching Utara" are one organisation, and "Majlis Bandaraya
Kuching Selatan" is a different one.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor.common_words import is_common_word, written_as_name

# institution type -> words naming the institution or its head, before (prefix) or after the place.
ORG_TYPES: dict[str, dict[str, tuple[str, ...]]] = {
    # English also calls a regency a district, a city a municipality; "Pemda X" is X's local government
    "regency_gov": {"prefix": ("pemerintah kabupaten", "pemkab", "pemda kabupaten", "bupati", "wakil bupati",
                               "sekretariat daerah kabupaten", "regent of", "regency of", "district government of",
                               "regency government of", "regency administration of", "pemda"),
                    "suffix": ("regency government", "regency administration", "district government", "regency",
                               "regent", "local government")},
    "city_gov": {"prefix": ("pemerintah kota", "pemkot", "wali kota", "walikota", "wakil wali kota",
                            "mayor of", "city of", "city government of", "municipality of", "municipal government of",
                            "pemda kota", "pemda"),
                 "suffix": ("city government", "city administration", "municipal government", "municipality",
                            "municipal administration", "mayor", "city", "local government")},
    "province_gov": {"prefix": ("pemerintah provinsi", "pemprov", "gubernur", "governor of", "province of",
                                "provincial government of", "provincial administration of", "pemda provinsi"),
                     "suffix": ("provincial government", "province government", "provincial administration",
                                "province", "governor")},
    "district_attorney": {"prefix": ("kejaksaan negeri", "kejari", "kajari", "kepala kejaksaan negeri",
                                     "district attorney of", "district prosecutor of"),
                          "suffix": ("district attorney", "district prosecutor office", "district prosecutor s office",
                                     "public prosecutor s office", "prosecutor s office", "district attorney s office")},
    "high_attorney": {"prefix": ("kejaksaan tinggi", "kejati", "kajati"), "suffix": ("high prosecutor office",)},
    "city_council": {"prefix": ("dewan bandaraya", "majlis bandaraya", "majlis perbandaran", "datuk bandar of",
                                "datuk bandar", "city hall of", "city council of"),
                     "suffix": ("city hall", "city council", "municipal council")},
    "university": {"prefix": ("universitas", "university of", "institut", "politeknik"),
                   "suffix": ("university",)},
    "court": {"prefix": ("pengadilan negeri", "district court of"), "suffix": ("district court",)},
    "police": {"prefix": ("kepolisian resor", "polres", "kapolres"), "suffix": ("police",)},
    # offices of central government in a place, and the short forms their staff write
    "religious_court": {"prefix": ("pengadilan agama", "ketua pengadilan agama", "religious court of"),
                        "suffix": ("religious court",)},
    "immigration": {"prefix": ("kantor imigrasi", "kanim", "kepala kantor imigrasi", "kakanim",
                               "immigration office of", "imigrasi"), "suffix": ("immigration office",)},
    "land_office": {"prefix": ("kantor pertanahan", "kantah", "kepala kantor pertanahan", "land office of",
                               "kantor atr bpn", "atr bpn", "kantor bpn", "bpn"),
                    "suffix": ("land office",)},
    "religious_affairs": {"prefix": ("kantor kementerian agama", "kemenag", "kankemenag", "kakankemenag"),
                          "suffix": ("religious affairs office",)},
    "military_district": {"prefix": ("komando distrik militer", "kodim", "dandim"), "suffix": ("military district",)},
    "prison": {"prefix": ("lembaga pemasyarakatan", "lapas", "kalapas", "rumah tahanan negara", "rutan"),
               "suffix": ("prison",)},
    "regional_hospital": {"prefix": ("rumah sakit umum daerah", "rsud", "direktur rsud"),
                          "suffix": ("regional hospital", "district hospital")},
    # a foreign embassy, by its country ("Kedubes Norwegia" for "Royal Norwegian Embassy" is not caught)
    "embassy": {"prefix": ("kedutaan besar kerajaan", "kedutaan besar republik", "kedutaan besar", "kedubes",
                           "kedutaan", "embassy of the kingdom of", "embassy of the republic of", "embassy of the",
                           "embassy of", "duta besar", "ambassador of"),
                "suffix": ("embassy",)},
    # state schools are numbered within their place ("SMK Negeri 2 Padang Tinggi", "SMAN 1 X")
    "state_school": {"prefix": ("smk negeri", "sma negeri", "smp negeri", "sd negeri", "smkn", "sman", "smpn", "sdn"),
                     "suffix": ("state vocational school", "state senior high school", "state junior high school")},
    "tax_office": {"prefix": ("kantor pelayanan pajak pratama", "kantor pelayanan pajak", "kpp pratama", "kpp"),
                   "suffix": ("tax office",)},
}
# Words that make a bare "Kota X" / "Kabupaten X" an agency of that government rather than a place.
_BARE_PREFIX = {"regency_gov": ("kabupaten", "kab"), "city_gov": ("kota",), "province_gov": ("provinsi", "prov")}
_LOCATIVE = {"di", "ke", "dari", "asal", "se", "in", "at", "from", "to", "of", "seluruh", "wilayah"}
COMPASS = {"north": "utara", "south": "selatan", "east": "timur", "west": "barat", "central": "tengah",
           "northern": "utara", "southern": "selatan", "eastern": "timur", "western": "barat"}
GENERIC = frozenset("""the of and dan republic republik indonesia malaysia kantor cabang wilayah perwakilan
office branch pt persero tbk cv pihak party first second pertama kedua daerah regional
kelas ii iii ia ib iia iib iiia iiib tpi non pratama madya""".split())
# Legal forms a company or foundation is often named without ("Waterlink Indonesia" for
# "Yayasan Waterlink Indonesia"), and kind words an acronym may stand for ("STIKes X" for
# "Sekolah Tinggi Ilmu Kesehatan X").
LEGAL_FORMS = frozenset("""yayasan pt cv perkumpulan koperasi perseroan terbatas persero perseroda tbk
foundation inc ltd llc""".split())
KIND_WORDS = frozenset("""sekolah tinggi ilmu akademi institut universitas politeknik lembaga pusat balai
kesehatan keperawatan kebidanan teknologi ekonomi manajemen agama islam kristen katolik negeri""".split())
_BRANCH = re.compile(r"\b(kantor cabang|kantor wilayah|kantor perwakilan|cabang|branch office|regional office)\b")


# Organisation words across languages, for names written in the other language in any order
# ("Universitas Kristen Satya Wacana" = "Satya Wacana Christian University").
ORG_WORDS = {"universitas": "university", "kristen": "christian", "islam": "islamic", "katolik": "catholic",
             "negeri": "state", "institut": "institute", "politeknik": "polytechnic", "teknologi": "technology",
             "pemerintah": "government", "kota": "city", "kabupaten": "regency", "provinsi": "province",
             "kementerian": "ministry", "badan": "agency", "dinas": "office", "rumah": "house", "sakit": "hospital",
             # the field of an agency ("Dinas Kesehatan Kota X" = "X City Health Office")
             "kesehatan": "health", "pendidikan": "education", "pertanian": "agriculture",
             "perikanan": "fisheries", "kelautan": "marine", "pariwisata": "tourism", "sosial": "social",
             "perhubungan": "transportation", "lingkungan": "environment", "hidup": "environment",
             "komunikasi": "communication", "informatika": "informatics", "perdagangan": "trade",
             "perindustrian": "industry", "kebudayaan": "culture", "penelitian": "research",
             "pengabdian": "service", "fakultas": "faculty", "kedokteran": "medicine", "hukum": "law",
             "perpustakaan": "library", "kearsipan": "archives", "peternakan": "livestock",
             "perkebunan": "plantation", "kehutanan": "forestry", "perumahan": "housing", "koperasi": "cooperatives",
             "pangan": "food", "olahraga": "sports", "kepemudaan": "youth"}
_BARE_ALIAS = re.compile(r"^ (kabupaten|kab|kota|provinsi|prov|regency|city|province) ")

# Kind words English writes after the name and Indonesian before it ("Nordwald Foundation" =
# "Yayasan Nordwald", "Universitas Harbourview" = "Harbourview University").
HEAD_SWAP = {"foundation": ("yayasan",), "university": ("universitas",), "institute": ("institut",),
             "polytechnic": ("politeknik",), "academy": ("akademi",), "association": ("asosiasi", "perkumpulan"),
             "hospital": ("rumah sakit",), "school": ("sekolah",), "cooperative": ("koperasi",)}
HEAD_SWAP_ID = {i: en for en, ids in HEAD_SWAP.items() for i in ids}

# A local-government agency named in English, and the Indonesian words for its name: "the Education
# Office of the Provincial Government of X" = "X Provincial Education Office" = "Dinas Pendidikan
# Provinsi X". Fields are phrases, longest first; a field with a word not listed is not translated.
AGENCY_KIND_ID = {"office": "dinas", "department": "dinas", "service": "dinas", "agency": "badan", "board": "badan"}
AGENCY_LEVEL_ID = {"provincial": "provinsi", "province": "provinsi", "regency": "kabupaten", "district": "kabupaten",
                   "city": "kota", "municipal": "kota"}
AGENCY_FIELD_ID = {"population and civil registration": "kependudukan dan pencatatan sipil",
                   "library and archives": "perpustakaan dan kearsipan", "marine and fisheries": "kelautan dan perikanan",
                   "industry and trade": "perindustrian dan perdagangan", "culture and tourism": "kebudayaan dan pariwisata",
                   "tourism and culture": "pariwisata dan kebudayaan",
                   "communication and informatics": "komunikasi dan informatika",
                   "disaster management": "penanggulangan bencana", "public works": "pekerjaan umum",
                   "food security": "ketahanan pangan", "youth and sports": "pemuda dan olahraga",
                   "education and culture": "pendidikan dan kebudayaan", "manpower": "tenaga kerja",
                   "labour": "tenaga kerja", "labor": "tenaga kerja", "education": "pendidikan", "health": "kesehatan",
                   "agriculture": "pertanian", "fisheries": "perikanan", "marine": "kelautan", "tourism": "pariwisata",
                   "social affairs": "sosial", "social": "sosial", "transportation": "perhubungan",
                   "transport": "perhubungan", "environment": "lingkungan hidup", "environmental": "lingkungan hidup",
                   "trade": "perdagangan", "industry": "perindustrian", "culture": "kebudayaan",
                   "forestry": "kehutanan", "cooperatives": "koperasi", "library": "perpustakaan", "archives": "kearsipan",
                   "livestock": "peternakan", "plantation": "perkebunan", "housing": "perumahan",
                   "fire and rescue": "pemadam kebakaran dan penyelamatan", "fire": "pemadam kebakaran",
                   "village community empowerment": "pemberdayaan masyarakat dan desa",
                   "community and village empowerment": "pemberdayaan masyarakat dan desa",
                   "population control and family planning": "pengendalian penduduk dan keluarga berencana",
                   "and": "dan"}
# The short forms local governments write for their offices ("Disdik Provinsi X", "Dinkes X").
DINAS_SHORT = {"pendidikan": ("disdik",), "pendidikan dan kebudayaan": ("disdikbud",), "kesehatan": ("dinkes",),
               "perhubungan": ("dishub",), "pariwisata": ("dispar",), "sosial": ("dinsos",),
               "komunikasi dan informatika": ("diskominfo", "dinas kominfo"), "lingkungan hidup": ("dlh", "dinas lh"),
               "pertanian": ("distan",), "kehutanan": ("dishut",), "pekerjaan umum": ("dpu", "dinas pu"),
               "tenaga kerja": ("disnaker",), "kependudukan dan pencatatan sipil": ("disdukcapil", "dukcapil"),
               "perikanan": ("diskan",), "perdagangan": ("disdag",),
               "pemadam kebakaran": ("damkar", "disdamkar"),
               "pemadam kebakaran dan penyelamatan": ("damkar", "damkarmat", "disdamkarmat"),
               "pemuda dan olahraga": ("dispora",), "perpustakaan dan kearsipan": ("dispusip", "dispursip"),
               "koperasi dan usaha mikro": ("diskop", "diskopum"), "perindustrian dan perdagangan": ("disperindag",),
               "pemberdayaan masyarakat dan desa": ("dpmd", "dinas pmd"),
               "pengendalian penduduk dan keluarga berencana": ("dppkb",)}


# Bodies whose Indonesian name English writes in words of its own ("Palang Merah Indonesia" = "the
# Indonesian Red Cross", "Unit Donor Darah" = "blood unit"): a name made only of these, perhaps a
# level word and a place, is also named in English ("the X Red Cross blood unit").
_BLOOD_UNIT = ("blood donor unit", "blood donation unit", "blood unit")
_HEALTH_CENTRE = ("community health centre", "community health center", "health centre", "health center")
_STATE_ASSETS = ("state asset and auction office", "state assets and auction office",
                 "state asset and auction service office", "state assets and auctions office")
_FINANCE_ASSETS = ("finance and asset agency", "finance and assets agency", "regional finance and asset agency")
_DISASTER = ("regional disaster management agency", "disaster management agency", "disaster mitigation agency")
_PLANNING = ("regional development planning agency", "development planning agency", "development planning board")
_COUNCIL = ("regional house of representatives", "regional parliament", "local parliament",
            "regional legislative council", "regional legislature")
_FOOD_DRUG = ("food and drug monitoring agency", "food and drug supervisory agency", "food and drug control agency",
              "drug and food control agency")
BODY_NAMES_EN: dict[str, tuple[str, ...]] = {
    "palang merah indonesia": ("indonesian red cross", "red cross"), "pmi": ("indonesian red cross", "red cross"),
    "palang merah": ("red cross",),
    "unit donor darah": _BLOOD_UNIT, "udd": _BLOOD_UNIT,
    "unit transfusi darah": ("blood transfusion unit", "blood unit"), "utd": ("blood transfusion unit", "blood unit"),
    "pusat kesehatan masyarakat": _HEALTH_CENTRE, "puskesmas": _HEALTH_CENTRE,
    "badan pusat statistik": ("statistics office", "bureau of statistics", "statistics bureau"),
    "kantor pelayanan kekayaan negara dan lelang": _STATE_ASSETS, "kpknl": _STATE_ASSETS,
    "badan keuangan dan aset daerah": _FINANCE_ASSETS, "bkad": _FINANCE_ASSETS,
    "badan pertanahan nasional": ("national land agency",),
    "komisi pemilihan umum": ("general elections commission", "election commission"),
    "badan penanggulangan bencana daerah": _DISASTER, "bpbd": _DISASTER,
    "badan perencanaan pembangunan daerah": _PLANNING, "bappeda": _PLANNING,
    "badan pendapatan daerah": ("regional revenue agency", "revenue agency"),
    "bapenda": ("regional revenue agency", "revenue agency"),
    "dewan perwakilan rakyat daerah": _COUNCIL, "dprd": _COUNCIL,
    "badan narkotika nasional": ("national narcotics agency", "narcotics agency"),
    "bnn": ("national narcotics agency", "narcotics agency"),
    "kantor kesehatan pelabuhan": ("port health office",),
    "balai besar pengawas obat dan makanan": _FOOD_DRUG, "balai pengawas obat dan makanan": _FOOD_DRUG,
    "bbpom": _FOOD_DRUG, "bpom": _FOOD_DRUG,
    "kantor pengawasan dan pelayanan bea dan cukai": ("customs and excise office", "customs office"),
    "kantor bea dan cukai": ("customs and excise office", "customs office"),
}
# Kind phrases reports write by a short form that is no acronym of them ("Poltekkes Kemenkes X",
# "BUMDes X", "PDAM X" for "Perusahaan Umum Daerah Air Minum X Kabupaten Y").
_PARENT_UNIVERSITY = re.compile(r"\b((?:Universitas|Institut|Politeknik|University\s+of|Institute\s+of)\s+\S.*)$",
                                re.IGNORECASE)
_UNIT_PREFIX = re.compile(r"^\s*(?:UPTD|UPT|Unit Pelaksana Teknis(?: Daerah)?)\b\.?\s+", re.IGNORECASE)
SHORT_FORMS_ID: dict[str, tuple[str, ...]] = {
    "pusat kesehatan masyarakat": ("puskesmas",),
    "politeknik kesehatan kementerian kesehatan": ("poltekkes kemenkes", "poltekkes"),
    "politeknik kesehatan": ("poltekkes",),
    "badan usaha milik desa": ("bumdes", "bum desa"),
    "badan usaha milik daerah": ("bumd",),
    "perusahaan umum daerah air minum": ("perumda air minum", "perumda", "pdam"),
    "perusahaan daerah air minum": ("pdam", "perumda air minum"),
    "koperasi simpan pinjam": ("ksp", "koperasi"),
    "koperasi serba usaha": ("ksu", "koperasi"),
    "koperasi produsen": ("koperasi",),
    "koperasi konsumen": ("koperasi",),
    "bank pembangunan daerah": ("bpd", "bank"),
}

def _agency_types() -> dict[str, dict[str, tuple[str, ...]]]:
    """A local-government office of one field at one level is an institution type of its own, named
    in either language ("Dinas Pendidikan Provinsi X", "Disdik Provinsi X", "X Provincial Education
    Office", "the Provincial Education Office of X"): an office of that field in a sibling place is
    another organisation of the same kind."""
    english: dict[str, list[str]] = {}
    for en, idn in AGENCY_FIELD_ID.items():
        if idn != "dan" and idn != "penanggulangan bencana":   # BPBD is a badan "... Daerah"
            english.setdefault(idn, []).append(en)
    levels = {"provinsi": ("provincial",), "kabupaten": ("regency", "district"), "kota": ("city", "municipal")}
    out = {}
    for idn, ens in english.items():
        for level, adjs in levels.items():
            prefix = [f"dinas {idn} {level}", *(f"{short} {level}" for short in DINAS_SHORT.get(idn, ()))]
            suffix = []
            for en in ens:
                for kind in ("office", "department", "service"):
                    for adj in adjs:
                        prefix += [f"{en} {kind} of the {adj} government of", f"{adj} {en} {kind} of"]
                        suffix.append(f"{adj} {en} {kind}")
            out[f"agency {idn} {level}"] = {"prefix": tuple(prefix), "suffix": tuple(suffix)}
    return out


_PLACE_EN = r"((?:\w+ ){0,2}\w+)"
_KIND_EN = "|".join(AGENCY_KIND_ID)
_LEVEL_EN = "|".join(AGENCY_LEVEL_ID)
_AGENCY_NAMES_EN = (  # (pattern, groups in the order field, kind, level, place)
    (re.compile(rf"^ (?:the )?(.+?) ({_KIND_EN}) of (?:the )?({_LEVEL_EN}) government of {_PLACE_EN} $"),
     (1, 2, 3, 4)),
    (re.compile(rf"^ (?:the )?(.+?) ({_KIND_EN}) of {_PLACE_EN} ({_LEVEL_EN}) $"), (1, 2, 4, 3)),
    (re.compile(rf"^ (?:the )?{_PLACE_EN} ({_LEVEL_EN}) (.+?) ({_KIND_EN}) $"), (3, 4, 2, 1)),
    (re.compile(rf"^ (?:the )?({_LEVEL_EN}) (.+?) ({_KIND_EN}) of {_PLACE_EN} $"), (2, 3, 1, 4)),
)


ORG_TYPES.update(_agency_types())


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces (offsets are not kept)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    return f" {text.strip()} "


def _place(words: list[str]) -> str:
    return " ".join(COMPASS.get(w, w) for w in words if w not in GENERIC)


@dataclass(frozen=True)
class OrgSignature:
    name: str
    literals: tuple[str, ...]            # folded phrases, each " x y " padded
    typed: tuple[tuple[str, str], ...]   # (type, folded place)
    # (initials of leading kind words, folded proper-name tail): "STIKes Cendana Husada"
    acronym_tails: tuple[tuple[str, str], ...] = ()


_LEVEL_WORDS = frozenset({"provinsi", "prov", "kabupaten", "kab", "kota"})


def _acronym_forms(words: list[str]) -> list[str]:
    """"badan penyelenggara jaminan sosial ketenagakerjaan" -> "bpjs ketenagakerjaan", ..."""
    forms = []
    content = [w for w in words if w not in ("dan", "and", "of", "the", "kepada")]  # LPPM: "... pengabdian kepada masyarakat"
    for k in range(3, min(6, len(content))):
        forms.append(" ".join(["".join(w[0] for w in content[:k]), *content[k:]]))
    if len(content) >= 4:  # short acronyms (PLT, PK) collide with ordinary abbreviations
        forms.append("".join(w[0] for w in content))
    # kind words and a place of three or more words, both as initials ("kphp rgt"); not across a
    # government level ("dkp ntb" is also another office's short form)
    if not any(w in _LEVEL_WORDS for w in content):
        for k in range(3, min(6, len(content) - 2)):
            forms.append("".join(w[0] for w in content[:k]) + " " + "".join(w[0] for w in content[k:]))
    # a proper name before English kind words ending in an institution head keeps the name and
    # abbreviates the kind words ("rijnstad university medical centre" -> "rijnstad umc")
    heads = NAME_HEADS | {"hospital"}
    k = next((i for i, w in enumerate(content) if w in heads or w in HEAD_SWAP), 0)
    if k and len(content) - k >= 2 and content[-1] in heads and all(_is_name_word(w) for w in content[:k]):
        forms.append(" ".join(content[:k]) + " " + "".join(w[0] for w in content[k:]))
    # a company's legal form and the initials of its name ("pt samudra dingin nusantara" -> "pt sdn")
    if len(content) >= 3 and content[0] in ("pt", "cv"):
        forms.append(content[0] + " " + "".join(w[0] for w in content[1:]))
    # "bpbd kabupaten x" is written "bpbd x" too
    forms += [f"{f.split()[0]} {' '.join(f.split()[2:])}" for f in list(forms)
              if len(f.split()) >= 3 and f.split()[1] in _LEVEL_WORDS and len(f.split()[0]) >= 3]
    return forms


def _field_id(field: str) -> str | None:
    """"disaster management" -> "penanggulangan bencana"; None when a word has no translation."""
    words, out, i = field.split(), [], 0
    while i < len(words):
        for n in range(min(4, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in AGENCY_FIELD_ID:
                out.append(AGENCY_FIELD_ID[phrase])
                i += n
                break
        else:
            return None
    return " ".join(out) if out and out != ["dan"] else None


def _indonesian_place(place: str) -> str:
    """"west nusa tenggara" -> "nusa tenggara barat" (Indonesian puts the compass word last)."""
    words = [COMPASS.get(w, w) for w in place.split()]
    if len(words) > 1 and words[0] in COMPASS.values():
        words = [*words[1:], words[0]]
    return " ".join(words)


def other_language_names(folded: str) -> list[str]:
    """The name as the other language writes it: the kind word moved ("nordwald foundation" <->
    "yayasan nordwald"), an English local-government agency in Indonesian ("education office of
    the provincial government of x" -> "dinas pendidikan provinsi x")."""
    words = folded.split()
    if words and words[0] == "the":
        words = words[1:]
    out = []
    if len(words) >= 2 and words[-1] in HEAD_SWAP and any(_is_name_word(w) for w in words[:-1]):
        out += [" ".join([idn, *words[:-1]]) for idn in HEAD_SWAP[words[-1]]]
    if len(words) >= 3 and words[0] == "university" and words[1] == "of" and any(_is_name_word(w) for w in words[2:]):
        out.append(" ".join(["universitas", *words[2:]]))
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in HEAD_SWAP_ID and any(_is_name_word(w) for w in words[n:]):
            out.append(" ".join([*words[n:], HEAD_SWAP_ID[head]]))
            break
    out += _body_names_en(words) + _body_names_id(words)
    for pattern, order in _AGENCY_NAMES_EN:
        m = pattern.match(folded)
        if not m:
            continue
        field, kind, level, place = (m.group(k) for k in order)
        regional = field.startswith("regional ")   # "Regional Disaster Management Agency" = "Badan ... Daerah"
        field_id = _field_id(field.removeprefix("regional "))
        if field_id and place.split()[0] not in ("the", "of", "and"):
            daerah = " daerah" if regional else ""
            out.append(f"{AGENCY_KIND_ID[kind]} {field_id}{daerah} {AGENCY_LEVEL_ID[level]} {_indonesian_place(place)}")
            break
    return out


def _body_names_en(words: list[str]) -> list[str]:
    """"unit donor darah palang merah indonesia kabupaten x" -> "x red cross blood unit", ...: a name
    made of BODY_NAMES_EN phrases, then perhaps a level word and a place of name words. Without a
    place, one body is named in English only by a phrase of three or more words."""
    i, bodies = 0, []
    while i < len(words):
        for n in range(min(6, len(words) - i), 0, -1):
            if " ".join(words[i:i + n]) in BODY_NAMES_EN:
                bodies.append(BODY_NAMES_EN[" ".join(words[i:i + n])])
                i += n
                break
        else:
            break
    rest = words[i:]
    if rest and rest[0] in _LEVEL_WORDS:
        rest = rest[1:]
    if not bodies or not all(_is_name_word(w) for w in rest):
        return []
    if not rest and len(bodies) == 1:
        bodies = [tuple(en for en in bodies[0] if len(en.split()) >= 3)]
    out = [""]
    for alternatives in reversed(bodies):  # English puts the qualifying body first
        out = [f"{head} {en}".strip() for head in out for en in alternatives]
    return [" ".join([*rest, name]) for name in out[:12]]

_BODY_ID = {en: tuple(sorted((idn for idn, ens in BODY_NAMES_EN.items() if en in ens), key=len, reverse=True))
            for ens in BODY_NAMES_EN.values() for en in ens}
_LEVEL_EN_ID = {"regency": "kabupaten", "district": "kabupaten", "city": "kota", "municipality": "kota",
                "province": "provinsi"}


def _body_names_id(words: list[str]) -> list[str]:
    """"the blood donor unit of the indonesian red cross of x regency" -> "unit donor darah palang merah
    indonesia kabupaten x", "udd pmi kabupaten x", "udd pmi x": an English name made only of
    BODY_NAMES_EN bodies, "of"/"the", a level word and a place, in Indonesian (head body first)."""
    bodies: list[tuple[tuple[str, ...], bool]] = []  # (Indonesian names, written after "of")
    place: list[str] = []
    level, after_of, i = "", False, 0
    while i < len(words):
        for n in range(min(7, len(words) - i), 1, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in _BODY_ID:
                bodies.append((_BODY_ID[phrase], after_of))
                i += n
                break
        else:
            word = words[i]
            if word in ("of", "the", "in"):
                after_of = after_of or word == "of"
            elif word in _LEVEL_EN_ID and place:
                level = _LEVEL_EN_ID[word]
            elif _is_name_word(word) and (not place or words[i - 1] == place[-1]):
                place.append(word)
            else:
                return []
            i += 1
    if not bodies or not place:
        return []
    # "blood unit of the red cross" keeps the order; "red cross blood unit" puts the head last
    ordered = [b for b, _ in bodies] if any(of for _, of in bodies[1:]) else [b for b, _ in reversed(bodies)]
    full = " ".join(names[0] for names in ordered)
    short = [n for names in ordered for n in names if " " not in n]
    out = [f"{full} {level} {' '.join(place)}".replace("  ", " ")]
    if len(short) == len(ordered):
        out += [f"{' '.join(short)} {level} {' '.join(place)}".replace("  ", " "), f"{' '.join(short)} {' '.join(place)}"]
    return list(dict.fromkeys(out))


def _body_spellings(words: list[str]) -> list[str]:
    """"unit donor darah palang merah indonesia kabupaten x" -> "unit donor darah pmi kabupaten x",
    "udd palang merah indonesia x", ...: a name of two or more BODY_NAMES_EN bodies with each body in
    full or by its short form, with or without the level word."""
    bodies, i = [], 0
    while i < len(words):
        for n in range(min(6, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            if key in BODY_NAMES_EN:
                same = [k for k, v in BODY_NAMES_EN.items() if v == BODY_NAMES_EN[key]]
                bodies.append([k for k in same if " " in k][:1] + [k for k in same if " " not in k][:1])
                i += n
                break
        else:
            break
    rest = words[i:]
    if len(bodies) < 2 or not all(_is_name_word(w) or w in _LEVEL_WORDS for w in rest):
        return []
    out = [""]
    for forms in bodies:
        out = [f"{head} {form}".strip() for head in out for form in forms]
    tails = [" ".join(rest), " ".join(w for w in rest if w not in _LEVEL_WORDS)]
    return list(dict.fromkeys(f"{head} {tail}".strip() for head in out for tail in tails))[:16]


def _short_spellings(words: list[str]) -> list[str]:
    """"perusahaan umum daerah air minum tirta x kabupaten y" -> "pdam tirta x kabupaten y", "pdam tirta
    x y", "pdam tirta x": the kind phrase by its short form (SHORT_FORMS_ID), with the rest, without
    its level word, or without its place when a proper name comes before it."""
    for n in range(min(6, len(words)), 1, -1):
        kind = " ".join(words[:n])
        if kind in SHORT_FORMS_ID:
            rest = words[n:]
            break
    else:
        return []
    if not rest or not any(_is_name_word(w) for w in rest):
        return []
    tails = [" ".join(rest), " ".join(w for w in rest if w not in _LEVEL_WORDS)]
    level = next((i for i, w in enumerate(rest) if w in _LEVEL_WORDS), None)
    if level:  # a proper name before the place: "tirta x"
        tails.append(" ".join(rest[:level]))
    return list(dict.fromkeys(f"{short} {tail}" for short in SHORT_FORMS_ID[kind] for tail in tails
                              if len(f"{short} {tail}".split()) >= 2))


def _is_name_word(word: str) -> bool:
    return (word not in GENERIC and word not in ORG_WORDS and word not in KIND_WORDS and word not in NAME_HEADS
            and word not in HEAD_SWAP and word not in ORG_WORDS.values() and not word.isdigit())


_DINAS = re.compile(r"^ dinas (.+?) (provinsi|prov|kabupaten|kab|kota) (.+) $")


def _dinas_short_forms(folded: str) -> list[str]:
    """"dinas pendidikan provinsi x" -> "disdik provinsi x", "disdik x"."""
    m = _DINAS.match(folded)
    if not m or m.group(1) not in DINAS_SHORT:
        return []
    field, level, place = m.groups()
    return [form for short in DINAS_SHORT[field] for form in (f"{short} {level} {place}", f"{short} {place}")]


def _without_legal_form(words: list[str]) -> str | None:
    """"yayasan waterlink indonesia" -> "waterlink indonesia": the name without its legal form,
    kept only when two or more words remain and one of them is not a generic word."""
    rest = list(words)
    stripped = False
    while rest and rest[0] in LEGAL_FORMS:
        rest, stripped = rest[1:], True
    while rest and rest[-1] in LEGAL_FORMS:
        rest, stripped = rest[:-1], True
    if stripped and len(rest) >= 2 and any(w not in GENERIC and w not in ORG_WORDS for w in rest):
        return " ".join(rest)
    return None


NAME_HEADS = frozenset("""institute institut university college agency foundation centre center council
commission academy school""".split())


def _without_field_tail(words: list[str]) -> str | None:
    """"the maren institute for coastal studies" -> "maren institute": an English head word after a
    proper name is the short name when a "for/of ..." field follows it."""
    for i in range(2, len(words) - 1):
        if words[i] in ("for", "of") and words[i - 1] in NAME_HEADS:
            name = [w for w in words[:i] if w != "the"]
            if len(name) >= 2 and any(w not in GENERIC and w not in ORG_WORDS and w not in NAME_HEADS
                                      for w in name[:-1]):
                return " ".join(name)
    return None


def _acronym_tail(words: list[str]) -> tuple[str, str] | None:
    """"sekolah tinggi ilmu kesehatan cendana husada" -> ("stik", "cendana husada"): two or more
    leading kind words and a proper-name tail of two or more words."""
    k = 0
    while k < len(words) and (words[k] in KIND_WORDS or words[k] in LEGAL_FORMS):
        k += 1
    tail = words[k:]
    if k >= 2 and len(tail) >= 2 and all(w not in GENERIC and w not in ORG_WORDS for w in tail):
        return "".join(w[0] for w in words[:k]), " ".join(tail)
    return None


@lru_cache(maxsize=65536)  # signature() asks it of one name several times; callers copy the list
def _typed(folded: str) -> list[tuple[str, str]]:
    """(type, place) from the longest type phrase before or after the place."""
    best: tuple[int, str, str] | None = None
    for org_type, words in ORG_TYPES.items():
        for pre in words["prefix"]:
            if f" {pre} " not in folded:
                continue
            m = re.match(rf" (?:the )?{pre} (.+) $", folded)
            place = _place(m.group(1).split()) if m else ""
            if org_type == "embassy":  # "the kingdom of denmark in jakarta" -> "denmark"
                place = " ".join(w for w in place.split(" in ")[0].split() if w not in ("kingdom", "royal"))
            if org_type not in _BARE_PREFIX:  # "Kantor Pertanahan Kabupaten X" is X's land office
                place = re.sub(r"^(?:kabupaten|kab|kota|provinsi|prov) (?=\w)", "", place)
                place = re.sub(r"(?<=\w) (?:regency|city|province)$", "", place)  # "land office of x regency"
            if place and (best is None or len(pre) > best[0]):
                best = (len(pre), org_type, place)
        for suf in words["suffix"]:
            if not folded.endswith(f" {suf} "):
                continue
            m = re.match(rf" (?:the )?(?:government of )?(.+?) {suf} $", folded)
            place = _place(m.group(1).split()) if m else ""
            if place and len(place.split()) <= 3 and (best is None or len(suf) > best[0]):
                best = (len(suf), org_type, place)
    return [(best[1], best[2])] if best else []


@lru_cache(maxsize=4096)
def signature(name: str, aliases: tuple[str, ...] = ()) -> OrgSignature:
    literals: list[str] = []
    typed: list[tuple[str, str]] = []
    tails: list[tuple[str, str]] = []
    # "Dewan Bandaraya Kuching Utara (Kuching North City Hall)": each part is a name of its own.
    parts = [name, *aliases]
    # a technical unit is named without "UPTD" ("UPTD Puskesmas X" is "Puskesmas X")
    parts += [rest for n in (name, *aliases) for rest in [_UNIT_PREFIX.sub("", n)] if rest != n and len(rest.split()) >= 2]
    # a university's institute or faculty acts for it: "LPPM Universitas X" is named by "Universitas X"
    parts += [m.group(1) for n in (name, *aliases) for m in [_PARENT_UNIVERSITY.search(n)] if m and m.start() > 0]
    parts += [p for n in (name, *aliases) for p in re.findall(r"\(([^)]+)\)", n)]
    parts += [re.sub(r"\([^)]*\)", " ", n) for n in (name, *aliases)]
    parts += [n.split(",")[0] for n in parts]  # "X, Sarawak, Malaysia" -> "X"
    translated = {fold(other) for n in parts for other in other_language_names(fold(n))}
    # a body's name in full or by its short form ("Unit Donor Darah PMI X"), no acronyms made of these
    translated |= {fold(other) for n in [*parts, *translated] for other in _body_spellings(fold(n).split())}
    translated |= {fold(other) for n in parts for other in _short_spellings(fold(n).split())}
    translated -= {fold(n) for n in parts}
    parts += sorted(translated)
    for part in parts:
        folded = fold(part)
        words = folded.split()
        if not words:
            continue
        if _BARE_ALIAS.match(folded):  # "Kabupaten Sigi" is a place; its government is typed below
            typed.extend(_typed(fold("pemerintah " + part)))
            continue
        literals.append(folded)
        literals.append(fold(" ".join(COMPASS.get(w, w) for w in words)))
        branchless = _BRANCH.split(folded)[0]
        if branchless.strip() and branchless.strip() != folded.strip():
            literals.append(fold(branchless))
        # initials of an English name made from an Indonesian one are not written anywhere
        english = folded in translated and not folded.startswith((" dinas ", " badan "))
        for form in [] if english else _acronym_forms(fold(branchless).split() if branchless.strip() else words):
            literals.append(fold(form))
        literals += [fold(form) for form in _dinas_short_forms(folded)]
        if "(" not in part:
            typed.extend(_typed(fold(part.split(",")[0])))
        if not _typed(folded):  # a government's name without its kind is a place, not the body
            for core in (_without_legal_form(words), _without_field_tail(words)):
                if core:
                    literals.append(fold(core))
            tail = _acronym_tail(words)
            if tail:
                tails.append(tail)
    # literal phrases of generic words only ("pihak pertama") would match anything
    literals = [lit for lit in dict.fromkeys(literals)
                if any(w not in GENERIC for w in lit.split()) and len(lit.strip()) >= 3]
    return OrgSignature(name=name, literals=tuple(literals), typed=tuple(dict.fromkeys(typed)),
                        acronym_tails=tuple(dict.fromkeys(tails)))


def without_agency_types(sig: OrgSignature) -> OrgSignature:
    """`sig` typed only as a government or central office, not as a local office of one field."""
    return replace(sig, typed=tuple(t for t in sig.typed if not t[0].startswith("agency ")))


_GOVERNMENT_OF_LEVEL = {"kabupaten": "regency_gov", "kota": "city_gov", "provinsi": "province_gov"}


def as_government(sig: OrgSignature) -> OrgSignature:
    """`sig` with a local office's types turned into its government's ("Dinas Lingkungan Hidup
    Kabupaten X" -> the government of regency X): which government a partner belongs to."""
    typed = [(_GOVERNMENT_OF_LEVEL.get(t.split()[-1], t), place) if t.startswith("agency ") else (t, place)
             for t, place in sig.typed]
    return replace(sig, typed=tuple(t for t in dict.fromkeys(typed) if t[0] in ORG_TYPES))


def _typed_in(folded_text: str, org_type: str, place: str) -> bool:
    words = ORG_TYPES[org_type]
    place_variants = _place_variants(place)
    for pre in words["prefix"]:
        for pv in place_variants:
            if f" {pre} {pv} " in folded_text:
                return True
    local = org_type in LOCAL_GOVERNMENTS
    for suf in words["suffix"]:
        for pv in place_variants:
            for phrase in {f" {pv} {suf} ", f" {_english_place(pv)} {suf} "}:
                start = folded_text.find(phrase)
                while start >= 0:
                    # "X Regency Land Office", "the Land Office of X Regency" is central government's
                    if not (local and _central_office_around(folded_text, start, start + len(phrase))):
                        return True
                    start = folded_text.find(phrase, start + 1)
    for bare in _BARE_PREFIX.get(org_type, ()):
        for pv in place_variants:
            for m in re.finditer(rf" (\w+) {bare} {re.escape(pv)} ", folded_text):
                if m.group(1) not in _LOCATIVE and not _central_office_around(folded_text, m.end(1), m.end()):
                    return True
    return False


@lru_cache(maxsize=1)
def _central_office_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a central office's kind word(s) ending right before a place, right after one)."""
    before = {w for t in _PLACELESS_TYPES for w in ORG_TYPES[t]["prefix"]}
    before |= {f"{w} of" for t in _PLACELESS_TYPES for w in ORG_TYPES[t]["suffix"]}
    before |= {f"{w} the" for w in set(before) if w.endswith(" of")}
    after = {w for t in _PLACELESS_TYPES for w in ORG_TYPES[t]["suffix"]}
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    return re.compile(rf" (?:{alt(before)})$"), re.compile(rf"^ ?(?:{alt(after)}) ")


def _central_office_around(folded_text: str, start: int, end: int) -> bool:
    """The words around folded_text[start:end] (a place with a level word) make it the place of an
    office of central government ("Kantah Kabupaten X", "X Regency Land Office"), not a government."""
    before, after = _central_office_words()
    return bool(before.search(folded_text[max(0, start - 60):start + 1].rstrip()) or after.match(folded_text[end - 1:]))


def _english_place(place: str) -> str:
    """"nusa tenggara barat" -> "west nusa tenggara" (English puts the compass word first)."""
    back = {v: k for k, v in COMPASS.items() if not k.endswith("ern")}
    words = place.split()
    if len(words) > 1 and words[-1] in back:
        return " ".join([back[words[-1]], *words[:-1]])
    return " ".join(back.get(w, w) for w in words)


# Countries whose Indonesian name differs from the English one (an embassy is named by its country).
COUNTRIES_ID = {"norway": "norwegia", "netherlands": "belanda", "germany": "jerman", "japan": "jepang",
                "united kingdom": "inggris", "britain": "inggris", "new zealand": "selandia baru",
                "sweden": "swedia", "finland": "finlandia", "france": "prancis", "united states": "amerika serikat",
                "south korea": "korea selatan", "korea": "korea selatan", "china": "tiongkok", "egypt": "mesir",
                "switzerland": "swiss", "belgium": "belgia", "italy": "italia", "spain": "spanyol",
                "turkey": "turki", "saudi arabia": "arab saudi", "czech republic": "ceko", "poland": "polandia",
                "hungary": "hongaria", "philippines": "filipina"}


def _place_variants(place: str) -> set[str]:
    words = place.split()
    out = {place}
    if place in COUNTRIES_ID:
        out.add(COUNTRIES_ID[place])
    out |= {en for en, idn in COUNTRIES_ID.items() if idn == place}
    if len(words) > 1 and words[0] in COMPASS.values():  # "barat nusa tenggara" (from "West Nusa Tenggara")
        out.add(" ".join([*words[1:], words[0]]))
    if len(words) > 1 and words[-1] in COMPASS.values():
        out.add(" ".join([words[-1], *words[:-1]]))
    return out


def _translated(words: list[str]) -> list[str]:
    return [ORG_WORDS.get(w, w) for w in words]


def _in_window(needle: list[str], hay: list[str]) -> bool:
    """All words of `needle` within a window of len(needle) + 1 words of `hay`, in any order."""
    want = set(needle)
    width = len(needle) + 1
    for i, word in enumerate(hay):
        if word == needle[-1] or word == needle[0]:
            lo = max(0, i - width + 1)
            if want <= set(hay[lo:i + width]) and any(
                    want <= set(hay[j:j + width]) for j in range(lo, i + 1)):
                return True
    return False


# A sentence's end: not after a short form that takes a full stop ("Kab. X", "Dr. Y").
_SENTENCE_END = re.compile(r"(?<!\bKab)(?<!\bKec)(?<!\bKel)(?<!\bProv)(?<!\bDr)(?<!\bdr)(?<!\bJl)(?<!\bNo)(?<!\bSt)"
                           r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\b[A-Z])[.!?;]\s+(?=[A-Z\"'(])")


def _in_one_sentence(needle: list[str], text: str) -> bool:
    """_in_window within one sentence: "... Bupati X visited. Kantor Pertanahan Kabupaten Y helped"
    does not write "Kantor Pertanahan Kabupaten X" in another order."""
    return any(_in_window(needle, _translated(fold(" ".join(COMPASS.get(w, w) for w in fold(piece).split())).split()))
               for piece in _SENTENCE_END.split(text))


def _common_bare_name(text: str, sig: OrgSignature, lit: str) -> bool:
    """Is `lit` the name without its legal form ("benih unggul" of "PT Benih Unggul", "air bersih" of
    "Yayasan Air Bersih") made of dictionary words only, which the text does not write as a name? Then
    it is the words' own sense ("membagikan benih unggul" = handed out superior seed), not the body."""
    words = lit.split()
    if not set(fold(sig.name).split()) & LEGAL_FORMS or set(words) & LEGAL_FORMS:
        return False
    return all(is_common_word(w) for w in words) and not written_as_name(text, words)


def mentions(text: str, sig: OrgSignature, *, folded: str | None = None) -> bool:
    folded_text = folded if folded is not None else fold(text)
    compass_text = fold(" ".join(COMPASS.get(w, w) for w in folded_text.split()))
    for lit in sig.literals:
        if (lit in folded_text or lit in compass_text) and not _common_bare_name(text, sig, lit):
            return True
    hay = _translated(compass_text.split())
    for lit in sig.literals:
        needle = _translated(lit.split())
        if len(needle) >= 3 and _in_window(needle, hay) and _in_one_sentence(needle, text):
            return True
    for initials, tail in sig.acronym_tails:
        # the acronym spells the kind words' initials, perhaps with a syllable more ("stikes")
        if re.search(rf" {initials}[a-z]{{0,3}} {re.escape(tail)} ", folded_text):
            return True
    return any(_typed_in(folded_text, t, p) or _typed_in(compass_text, t, p) for t, p in sig.typed)


def typed_conflict(text: str, sig: OrgSignature, *, folded: str | None = None) -> bool:
    """The text names an organisation of the same type as `sig` in a sibling place: same first
    place word, different rest (Kuching Selatan vs Kuching Utara, NTT vs NTB)."""
    folded_text = folded if folded is not None else fold(text)
    compass_text = fold(" ".join(COMPASS.get(w, w) for w in folded_text.split()))
    compass_words = set(COMPASS.values())
    for org_type, place in sig.typed:
        own = place.split()
        for pre in ORG_TYPES[org_type]["prefix"]:
            for m in re.finditer(rf" {pre} ((?:\w+ ){{1,3}})", compass_text):
                other = m.group(1).split()[:len(own)]
                if other[0] == own[0] and other != own:
                    return True
        for suf in ORG_TYPES[org_type]["suffix"]:
            for m in re.finditer(rf" ((?:\w+ ){{1,3}}){suf} ", compass_text):
                other = m.group(1).split()
                if other[0] in compass_words:  # "east nusa tenggara" -> "nusa tenggara east"
                    other = [*other[1:], other[0]]
                other = other[-len(own):]
                if own[0] in other and other != own:
                    return True
    return False


_CAP_WORDS = r"((?:\d{1,2}\s+)?(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)"  # a number first: "SMK Negeri 2 X"


@lru_cache(maxsize=256)
def _type_patterns(org_type: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = ORG_TYPES[org_type]
    prefix = "|".join(sorted((re.escape(p) for p in words["prefix"]), key=len, reverse=True))
    suffix = "|".join(sorted((re.escape(s) for s in words["suffix"]), key=len, reverse=True))
    return (re.compile(rf"\b(?i:{prefix})\s+{_CAP_WORDS}"),
            re.compile(rf"{_CAP_WORDS}\s+(?i:{suffix})\b"))


LOCAL_GOVERNMENTS = ("regency_gov", "city_gov", "province_gov")
# An agency of a local government, named with its place ("Dinas Pekerjaan Umum Kabupaten X").
_LOCAL_AGENCY = re.compile(rf"\b(?:Dinas|Badan|Kantor|Bappeda|BPBD|Sekretariat Daerah)\b[^.;,()]{{0,80}}?"
                           rf"\b(?i:kabupaten|kota|provinsi)\s+{_CAP_WORDS}")


def _kin_patterns(org_type: str) -> list[re.Pattern[str]]:
    """Patterns naming an organisation of `org_type`'s kind: for a local government, any local
    government or one of its agencies (a regency is the same kind of partner as a city)."""
    if org_type not in LOCAL_GOVERNMENTS:
        return [_type_patterns(org_type)[0]]
    return [*(_type_patterns(t)[0] for t in LOCAL_GOVERNMENTS), _LOCAL_AGENCY]


def other_of_type(text: str, sig: OrgSignature, exclude: tuple[OrgSignature, ...] = ()) -> str | None:
    """A capitalised name of the same institution type as `sig` in another place or with another
    name ("Karang Indah Regency Government", "Universitas Mandala Timur" for a polytechnic's
    agreement), or None. A name that is one of `exclude` ("Kuching North City Hall", another party
    of the agreement) is not another organisation."""
    def excluded(m: re.Match[str]) -> bool:
        window = text[m.start():m.end() + 25]
        return any(mentions(window, other) for other in exclude)

    for org_type, place in sig.typed:
        own = place.split()
        variants = {tuple(v.split()) for v in _place_variants(place)}
        suffix_re = _type_patterns(org_type)[1]
        for prefix_re in _kin_patterns(org_type):
            for m in prefix_re.finditer(text):
                words = _place(fold(m.group(1)).split()).split()
                if org_type in LOCAL_GOVERNMENTS and len(words) > 1 and words[0] in _LEVEL_WORDS:
                    words = words[1:]  # "Pemda Kota X" is X's
                if words and words[0] != own[0] and tuple(words[:len(own)]) not in variants and not excluded(m):
                    return m.group(0)
        for m in suffix_re.finditer(text):
            words = _place(fold(m.group(1)).split()).split()
            if words and not set(own) & set(words) and not set(own) & {COMPASS.get(w, w) for w in words} \
                    and not excluded(m):
                return m.group(0)
    return None


_AGENCY = re.compile(r"^ (dinas|badan|kantor) (.+?) (kota|kabupaten|kab|provinsi|prov) (.+) $")
_AGENCY_EN = {"dinas": ("office", "department", "agency", "service"), "badan": ("agency", "board"),
              "kantor": ("office",)}


def _possessive_office(text: str, fields_en: list[str], kind: str, own: str) -> bool:
    """"the regency's tourism office": the place may stand only inside a partner's name ("ABC Tour X"),
    which the caller blanked out of its folded text; the possessive refers to it."""
    return own in fold(text) and any(
        re.search(rf"\b(?:regency|city|province|municipality)['’]s\s+{re.escape(f)}\s+{w}\b", text, re.I)
        for f in fields_en for w in _AGENCY_EN[kind])


def agency_by_field(text: str, name: str, *, folded: str | None = None) -> bool:
    """A local-government agency named by its field and kind, its place anywhere in the report:
    "Dinas Kesehatan Kota X" in "… villages of X … shared with the City Health Office" (a name in
    English too: "the Health Office of X City"); or an office of central government by its kind
    alone (office_by_kind)."""
    folded_text = folded if folded is not None else fold(text)
    if office_by_kind(text, name, folded=folded_text) or government_by_agency(text, name, folded=folded_text):
        return True
    m = next((m for n in (fold(name), *map(fold, other_language_names(fold(name)))) for m in [_AGENCY.match(n)] if m),
             None)
    if not m:
        return False
    kind, field, _, place = m.groups()
    field_en = " ".join({"dan": "and"}.get(w, ORG_WORDS.get(w, w)) for w in field.split())
    # a joint field ("Dinas Kelautan dan Perikanan") is also named by one of its fields ("fisheries office")
    fields_en = [field_en, *(f for f in field_en.split(" and ") if " and " in field_en)]
    # or by the short form every regency writes for it ("Disdik", "Dinkes")
    forms = [f"{kind} {field}", *(DINAS_SHORT.get(field, ()) if kind == "dinas" else ())]
    named = any(f" {form} " in folded_text for form in forms) or any(f" {f} {w} " in folded_text
                                                                    for f in fields_en for w in _AGENCY_EN[kind])
    own = f" {_place(place.split())} "
    if not named or (own not in folded_text and not _possessive_office(text, fields_en, kind, own)):
        return False
    # the same office of another place written out ("Dinas Pariwisata Kabupaten Y"): the kind and field
    # elsewhere in the report may be that one
    for form in forms:
        for m in re.finditer(rf" {form} (?:kabupaten|kab|kota|provinsi|prov) ((?:\w+ ){{1,3}})", folded_text):
            if not f" {_place(m.group(1).split())} ".startswith(own):
                return False
    return not any(_office_elsewhere(text, t, p) for t, p in signature(name).typed)


# Offices of central government, one in each place, that a report of that place may name by their
# kind alone ("Kantah", "the Land Office"); not governments, whose kind word alone is a reference.
_PLACELESS_TYPES = ("district_attorney", "high_attorney", "court", "police", "religious_court", "immigration",
                    "land_office", "religious_affairs", "military_district", "prison", "tax_office")
_LEVEL_ANY = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov", "regency", "city", "province", "district"})


def office_by_kind(text: str, name: str, *, folded: str | None = None) -> bool:
    """An office of central government in a place ("Kantor Pertanahan Kabupaten X") named by its kind
    without the place ("Kepala Kantah", "the Land Office") in a report that writes the place
    elsewhere and names no office of that kind in another place."""
    folded_text = folded if folded is not None else fold(text)
    for org_type, place in signature(name).typed:
        if org_type not in _PLACELESS_TYPES or not any(f" {pv} " in folded_text for pv in _place_variants(place)):
            continue
        words = ORG_TYPES[org_type]
        kinds = [w for w in (*words["prefix"], *words["suffix"]) if not w.endswith(" of")]
        if any(f" {w} " in folded_text for w in kinds) and not _office_elsewhere(text, org_type, place):
            return True
    return False


def _office_elsewhere(text: str, org_type: str, place: str) -> bool:
    """The text names an office of `org_type` with a place other than `place` ("Kantah Bukit Duri")."""
    variants = {tuple(v.split()) for v in _place_variants(place)}
    prefix_re, suffix_re = _type_patterns(org_type)
    for m in (*prefix_re.finditer(text), *suffix_re.finditer(text)):
        words = [w for w in _place(fold(m.group(1)).split()).split() if w not in _LEVEL_ANY]
        if words and not any(tuple(words[:len(v)]) == v or tuple(words[-len(v):]) == v for v in variants):
            return True
    return False


# Agencies of a local government written without their place ("Kepala Dinas Lingkungan Hidup", "DLH",
# "BKAD", "the Environment Office"): the agency carries out its government's agreements.
_AGENCY_SHORT = frozenset({short for shorts in DINAS_SHORT.values() for short in shorts if " " not in short}
                          | {"bkad", "bpkad", "bapenda", "bappeda", "bpbd", "bkpsdm", "dpmptsp", "setda", "setdakab",
                             "setdako"})
_AGENCY_WORD = re.compile(r"\b(?:Dinas|DINAS|Badan|BADAN)\s+(?!Usaha\b|Hukum\b)[A-Z][a-z]+|\b(?:"
                          + "|".join(sorted((re.escape(f.title()) for f in AGENCY_FIELD_ID if f != "and"), key=len,
                                            reverse=True))
                          + r")\s+(?:Office|Agency|Department)\b")


def government_by_agency(text: str, name: str, *, folded: str | None = None) -> bool:
    """A local government ("Pemerintah Kota X") named by one of its agencies written without a place
    ("Kepala Dinas Lingkungan Hidup", "DLH", "BKAD", "the Environment Office") in a report that
    writes X and names no local government or agency of another place."""
    sig = signature(name)
    govs = [(t, place) for t, place in sig.typed if t in LOCAL_GOVERNMENTS]
    if not govs:
        return False
    folded_text = folded if folded is not None else fold(text)
    if not any(f" {pv} " in folded_text for _, place in govs for pv in _place_variants(place)):
        return False
    if not (_AGENCY_WORD.search(text) or any(f" {short} " in folded_text for short in _AGENCY_SHORT)):
        return False
    # the government of X at another level ("Pemkot X" for a regency X) may be the agency's
    if any(_typed_in(folded_text, other, place) for t, place in govs for other in LOCAL_GOVERNMENTS if other != t):
        return False
    return other_of_type(text, without_agency_types(sig)) is None and not typed_conflict(text, sig, folded=folded_text)
