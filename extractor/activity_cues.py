"""Sentence-level cues of activity reports beyond the plan words of `activities.is_not_done`:
quotations running over several sentences, requests recorded in minutes, the heading line of a
numbered item, and a done clause joined to a plan clause in one sentence.

`done_parts` takes the plan test as an argument (no import of `activities`, which imports this).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from extractor.dates import EN_WORDS_RE, ID_WORDS_RE, parse_number_words

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Someone is asked / asks that something be done: minutes record the request, not the thing done
# ("Bagian Hukum diminta menyelesaikan …", "Dinas meminta agar … dapat dimulai", "was asked to").
_REQUEST = re.compile(
    r"\b(?:diminta|dimohon|diusulkan|disarankan|direkomendasikan|"
    r"(?:meminta|memohon|mengusulkan|menyarankan|mendorong|merekomendasikan|mengharapkan|menghimbau|"
    r"mengimbau)\s+(?:agar|supaya)|"
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:requested|asked|urged|advised|encouraged)\s+to|"
    r"(?:requested|asked|urged|recommended|proposed|suggested)\s+that|"
    # a letter or reminder to someone to do it ("menyurati X untuk menyampaikan …", "wrote to X asking
    # it to …"): the thing asked for is not done
    r"(?:menyurati|menegur|mengingatkan|meminta|mendesak)\s+(?:[^\s,;.]+\s+){1,4}?(?:untuk|agar|supaya)|"
    r"(?:wrote\s+to|reminded|asked|urged|requested)\s+(?:[^\s,;.]+\s+){1,4}?(?:asking\s+\w+\s+)?to|"
    # asking someone for something, or asking about it ("meminta penyedia membuka kanal", "menanyakan
    # laptop yang dijanjikan", "asked about the promised laptops"): the thing is not done
    r"(?:meminta|memohon|menanyakan|mempertanyakan)\s+\w+|(?:asked|inquired|enquired)\s+(?:about|after|when|whether))\b",
    re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:yang|that|which|who)\s*$", re.IGNORECASE)


# A thing still being discussed / processed is not done ("Instrumen masih dalam pembahasan",
# "the permit is still under review").
_STILL_PENDING = re.compile(
    r"\b(?:masih|tengah|sedang)\s+(?:dalam\s+)?(?:pembahasan|proses|tahap|penyusunan|pengkajian|kajian|"
    r"diproses|dibahas|dikaji|direview|ditinjau|menunggu)\b|\b(?:still|remains?)\s+(?:under|being|pending|"
    r"awaiting|in\s+(?:discussion|preparation|process))\b|\b(?:awaiting|waiting\s+for|still\s+to\s+be)\b",
    re.IGNORECASE)
# A plan word after "against / terhadap / vs" compares results with the plan ("Progress against
# planned outputs", "Realisasi terhadap Rencana"): the heading is about results, not plans.
_AGAINST_PLAN = re.compile(r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|terhadap|dibandingkan(?:\s+dengan)?)"
                           r"\s+(?:the\s+)?(?:planned|plans?|rencana|target)\b", re.IGNORECASE)


# An action item of minutes: who is in charge and by when ("Menyusun SOP (PIC: Dinas; tenggat:
# 30 Juni)", "Send the list - responsible: DLH, deadline: 15 May").
_IN_CHARGE = re.compile(r"\b(?:PIC|penanggung\s*jawab|person\s+in\s+charge|responsible)\b\s*[:=]", re.IGNORECASE)
_BY_WHEN = re.compile(r"\b(?:tenggat(?:\s+waktu)?|batas\s+waktu|target\s+waktu|deadline|due(?:\s+date)?|by\s+when)"
                      r"\b\s*[:=]", re.IGNORECASE)


# Work said to start in a later year than the report's ("yang ditargetkan mulai dikerjakan pada tahun
# 2027", "construction is to begin in 2027"): funds set aside or a target, not the work done.
_STARTS_IN_YEAR = re.compile(r"\b(?:mulai|dimulai|memulai|start(?:s|ed|ing)?|begin(?:s|ning)?|commenc\w*)\b"
                             r"[^.;]{0,40}?\b((?:19|20)\d\d)\b", re.IGNORECASE)


# Work done under another contract or programme than the one reported on ("... under a separate contract
# with that city", "di luar kerja sama ini", "melalui kontrak terpisah"): done, but no evidence for this
# report's agreements.
_AGREEMENT_WORDS = r"(?:contract|agreement|arrangement|programme|program|project|mou|grant|partnership|cooperation)"
_OTHER_AGREEMENT = re.compile(
    # "under a separate commercial contract", "under our separate agreement with that province"
    r"\b(?:under|through|via|as\s+part\s+of|within)\s+(?:a|an|our|their|its|the)\s+"
    r"(?:separate|different|other|another)\s+(?:[a-z-]+\s+){0,2}?" + _AGREEMENT_WORDS + r"\b|"
    # "is separate from the hospital arrangement", "not part of the MoU", "unrelated to the programme"
    r"\b(?:separate\s+from|not\s+part\s+of|unrelated\s+to|not\s+(?:related|linked|connected)\s+to)\s+"
    r"(?:the|this|our|that|its|their)\s+(?:[\w-]+\s+){0,3}?" + _AGREEMENT_WORDS + r"\b|"
    # "bukan bagian dari MoU"; "kegiatan itu tidak terkait dengan bantuan daerah X" (the work just told)
    r"\b(?:bukan\s+(?:bagian\s+(?:dari\s+)?|dari\s+)|di\s+luar\s+)(?:mou|nota\s+kesepahaman|pks)\b|"
    r"\b(?:kegiatan|pekerjaan|program|bantuan)\s+(?:itu|ini|tersebut)\s+(?:tidak|tak|bukan)\s+(?:terkait|berkaitan|"
    r"berhubungan|bagian)\b|"
    r"\bunder\s+another\s+(?:contract|agreement|programme|program|project)\b|"
    r"\b(?:di\s+luar|bukan\s+(?:bagian\s+)?dari)\s+(?:kerja\s*sama|perjanjian|kesepakatan|program|kontrak)\s+"
    r"(?:ini|tersebut|kami)\b|"
    r"\b(?:melalui|dengan|dalam)\s+(?:kontrak|perjanjian|kerja\s*sama|program|proyek)\s+(?:lain|terpisah)\b|"
    # done for someone or something else: "surveyed visitors ... for a separate research project",
    # "for another client", "untuk penelitian lain"
    # ("for the other project villages" is the same project's other villages)
    r"\bfor\s+(?:(?:(?:a|an|our|their|its)\s+)?(?:separate|different|unrelated)|another|other)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:project|programme|program|study|survey|research|contract|client|customer|grant)s?\b|"
    r"\buntuk\s+(?:proyek|program|penelitian|kajian|studi|survei|klien|kontrak|pelanggan)\s+(?:lain|terpisah)\b",
    re.IGNORECASE)


def under_other_agreement(sentence: str) -> bool:
    return bool(_OTHER_AGREEMENT.search(sentence))


# Work told of another place ("Elsewhere in X district, ...", "Di tempat terpisah, ...", "Di kecamatan lain,
# PT X ...", "In a neighbouring regency ..."): done, but not where the report's agreements are carried out.
# A village ("di desa lain") is left out: an agreement often covers many villages of one regency.
_ELSEWHERE = re.compile(
    r"^\W*(?:elsewhere|di\s+tempat\s+(?:lain|terpisah)|"
    r"di\s+(?:kecamatan|kabupaten|kota|provinsi|daerah|wilayah|negara|pulau|lokasi)\s+(?:lain|tetangga|berbeda)|"
    r"in\s+(?:another|a\s+different|an?\s+neighbou?ring|the\s+neighbou?ring|other)\s+"
    r"(?:district|province|regency|city|town|country|region|island)s?)\b", re.IGNORECASE)
# a sentence going on about the actor of the one before ("Perusahaan itu juga ...", "The same company ...")
_SAME_ACTOR = re.compile(
    r"^\W*(?:(?:perusahaan|lembaga|yayasan|organisasi|koperasi|instansi|badan|tim|kelompok|mereka)\s+"
    r"(?:itu|tersebut|yang\s+sama)|pihak\s+yang\s+sama|(?:the\s+same|that)\s+(?:company|firm|organi[sz]ation|"
    r"foundation|agency|group|team|cooperative|institute|charity|ngo)|they|it)\b", re.IGNORECASE)


def told_of_elsewhere(sentence: str) -> bool:
    return bool(_ELSEWHERE.match(sentence))


def same_actor(sentence: str) -> bool:
    return bool(_SAME_ACTOR.match(sentence))


# A sentence opening with a pointer back ("That work is funded by the Trust and is separate from …",
# "Kegiatan tersebut bukan bagian dari MoU"): what it says is said of the sentence before it.
_POINTS_BACK = re.compile(r"^\W*(?:(?:that|this|these|those|the)\s+(?:work|activity|activities|training|project|"
                          r"programme|program|effort|service|visit)|(?:it|this|that|these|those)\s+(?:is|was|are|were)|"
                          r"(?:kegiatan|pekerjaan|program|pelatihan|layanan|bantuan)\s+(?:itu|ini|tersebut))\b",
                          re.IGNORECASE)


def points_back(sentence: str) -> bool:
    return bool(_POINTS_BACK.match(sentence))


# "Sisanya 114 rumah belum", "Sisa bibit tidak akan disalurkan tahun ini", "The remaining two villages will not get one this year": the rest of what
# the sentence before says was done is not done, so that sentence reports only a part
_FEW = r"(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|two|three|four|five|six|seven|eight|nine|ten)"
_THE_REST = re.compile(r"^\W*(?:sisanya|sisa(?:nya)?\s+(?:\d+|[^\W\d]+)|selebihnya|kekurangannya|the\s+(?:rest|remaining|other\s+\d+)|"
                       r"(?:the\s+)?remaining\s+\d+|"
                       # "Lima titik lainnya tidak dapat dibangun", "The other five points were not built"
                       r"" + _FEW + r"\s+[^\W\d]+\s+(?:lainnya|sisanya|lagi)|the\s+other\s+" + _FEW + r")\b",
                       re.IGNORECASE)


_NEGATION = re.compile(r"\b(?:belum|tidak|tak|not|never)\b|n't\b", re.IGNORECASE)


# "Titik jemput yang dijanjikan berjumlah dua belas", "The agreement promised twelve pick-up points": what
# was promised, said again, not something done
_THE_PROMISE = re.compile(r"\byang\s+(?:dijanjikan|disepakati|diperjanjikan|ditargetkan|direncanakan)\s+"
                          r"(?:berjumlah|sebanyak|adalah|yaitu|ialah)\b|"
                          r"\b(?:the\s+)?(?:agreement|mou|pks|memorandum|contract)\s+(?:promised|promises|requires|"
                          r"required|calls\s+for|called\s+for)\b", re.IGNORECASE)


def restates_the_promise(sentence: str) -> bool:
    return bool(_THE_PROMISE.search(sentence))


def rest_left_undone(sentence: str, not_done: Callable[[str], bool]) -> bool:
    """Only a plan for the rest ("the remaining farms will be mapped in October") leaves the part done
    standing as work under way."""
    return bool(_THE_REST.match(sentence)) and bool(_NEGATION.search(sentence)) and not_done(sentence)


_MONTH_WORDS = (r"januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
                r"january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|"
                r"agu|sep|sept|oct|okt|nov|dec|des")
# Moved to a later time or budget ("pushed to our next financial year", "moved to April 2027", "dialihkan
# ke APBD Perubahan 2027", "digeser ke tahun depan"): postponed, not done. The target must be a time or a
# budget, so "moved to the new building" stays an activity.
_POSTPONED = re.compile(
    r"\b(?:pushed|moved|shifted|deferred|postponed|put\s+off|carried\s+over|rolled\s+over|bumped|slipped)\s+"
    r"(?:back\s+)?(?:to|until|till|into)\s+(?:the\s+|our\s+|its\s+|their\s+)?"
    r"(?:next|following|later|early|mid|late|end|coming|(?:first|second|third|fourth|last)\s+(?:quarter|half|week|month)|"
    r"(?:19|20)\d\d|q[1-4]\b|(?:" + _MONTH_WORDS + r")\b)|"
    r"\b(?:dialihkan|digeser|dipindahkan|diundur|dimundurkan|ditangguhkan|ditunda|dijadwal\s+ulang)\s+"
    r"(?:ke|hingga|sampai|pada|menjadi)\s+(?:bulan\s+|tahun\s+|minggu\s+|pekan\s+|triwulan\s+|semester\s+)?"
    r"(?:depan|berikut(?:nya)?|apbd|anggaran|(?:19|20)\d\d|(?:" + _MONTH_WORDS + r")\b)",
    re.IGNORECASE)


def is_postponed(sentence: str) -> bool:
    return bool(_POSTPONED.search(sentence))


# Ordered from a supplier ("the press has been ordered", "mesin sudah dipesan"): a step before the thing is
# delivered, not its delivery; unless the same sentence says it arrived.
_ORDERED = re.compile(r"\b(?:(?:has|have|had)\s+been|was|were|is|are)\s+(?:already\s+)?ordered\b|"
                      r"\bplaced\s+(?:an?\s+|the\s+)?orders?\b|\b(?:dipesan|dipesankan|memesan|memesankan)\b",
                      re.IGNORECASE)
_ARRIVED = re.compile(r"\b(?:delivered|arrived|received|installed|handed\s+over|diterima|tiba|datang|dikirim|"
                      r"terpasang|dipasang|diserahkan)\b", re.IGNORECASE)


# "Sejak Maret perusahaan memesan nasi bungkus dari warung warga": ordering again and again is buying, done
_STANDING = re.compile(r"\b(?:sejak|since|setiap|tiap|rutin|secara\s+rutin|regularly|every)\b", re.IGNORECASE)


def only_ordered(sentence: str) -> bool:
    return bool(_ORDERED.search(sentence)) and not _ARRIVED.search(sentence) and not _STANDING.search(sentence)


# Only part of it done ("baru 41 dari 60 sekolah", "only 12 of the 30 wells", "hanya diterima untuk bulan
# Juli", "only for July", "baru sebagian", "only partly"): a commitment carried out for the whole is not
# evidenced by a part. "tidak hanya / not only" adds, it does not restrict.
_ONLY = r"(?<!tidak\s)(?<!bukan\s)(?<!not\s)\b(?:baru|hanya|cuma|only|just)\b"
# the count may come a few words after "only" ("baru dapat memeriksa murid di 18 dari 40 SD", "were only
# able to screen pupils at 12 of the 30 schools")
_PART_COUNT = re.compile(_ONLY + r"(?:\s+[^\W\d]+){0,5}?\s+(?:sekitar\s+|about\s+|around\s+)?\d[\d.,]*",
                         re.IGNORECASE)
_OF_TOTAL = re.compile(r"\b(?:dari|of|out\s+of)\s+(?:total\s+|the\s+|all\s+|seluruh\s+|a\s+total\s+of\s+)?"
                       r"(?:\d|target|rencana|pagu|the\s+target|the\s+planned)",
                       re.IGNORECASE)
_PART_PERIOD = re.compile(_ONLY + r"(?:\s+[\w-]+){0,3}?\s+(?:untuk|for|pada|in|during|covering)\s+"
                          r"(?:bulan\s+|the\s+month\s+of\s+|the\s+first\s+|the\s+)?(?:(?:" + _MONTH_WORDS
                          + r")\b|(?:triwulan|semester|quarter|tahap|phase|batch)\s+(?:I|1|pertama|one|first)\b)",
                          re.IGNORECASE)
_PART_WORD = re.compile(r"(?:" + _ONLY + r"\s+(?:sebagian|separuh|setengah|partly|partially|part\s+of|half\s+of|some\s+of)"
                        r"|\b(?:only\s+)?partially\s+(?:done|completed|delivered|installed|paid|met|fulfilled)|"
                        r"\bbaru\s+terealisasi\s+sebagian)\b", re.IGNORECASE)


# "Four of the ten grants were paid out", "38 dari 60 lampu sudah terpasang": a share done with a done verb
# ("12 of the 30 participants were women" tells who took part, it has no done verb)
_NUMBER = rf"(?:\d[\d.,]*|{EN_WORDS_RE}|{ID_WORDS_RE})"
_DONE_EN = (r"(?:(?:have|has)\s+(?:now\s+)?been|were|was)\s+(?:[a-z]+ed|paid|built|given|held|made|set|done|sent|sold|"
            r"bought|taken|written|shown|put|run|begun|grown|laid|brought|kept|met|spent|taught|dug|lit|cut|handed)\b")
_DONE_ID = r"(?:(?:sudah|telah)\s+\w+|(?:di|ter)[a-z]{3,}\b)"
_SHARE_DONE = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?:of|out\s+of|dari)\s+(?:the\s+|all\s+|total\s+)?(?P<m>{_NUMBER})\b(?:\s+[^\W\d][\w-]*){{0,4}}?\s+"
    rf"(?:{_DONE_EN}|{_DONE_ID})|"
    # "Of the sixty lights promised, thirty-eight have been installed", "Dari 60 lampu ..., 38 unit sudah terpasang"
    rf"\b(?:of|dari)\s+(?:the\s+)?(?P<m2>{_NUMBER})\s+[^,.;]{{1,50}},\s*(?P<n2>{_NUMBER})\s+(?:[^\W\d]+\s+){{0,2}}?"
    rf"(?:{_DONE_EN}|{_DONE_ID})", re.IGNORECASE)


_REST_NAMED = re.compile(r"\b(?:the\s+(?:other|remaining|rest)|sisanya|selebihnya|lainnya)\b", re.IGNORECASE)


def _number(text: str) -> int | None:
    digits = re.sub(r"[.,]", "", text)
    return int(digits) if digits.isdigit() else parse_number_words(text)


def shares_done(sentence: str) -> bool:
    """Only N of M done (N < M), said without "only"; not where the sentence says the rest was done too
    ("15 of the 20 villages in May and the other five in June")."""
    if _REST_NAMED.search(sentence) and not _NEGATION.search(sentence):
        return False
    for m in _SHARE_DONE.finditer(sentence):
        n, total = _number(m["n"] or m["n2"]), _number(m["m"] or m["m2"])
        if n is not None and total is not None and n < total:
            return True
    return False


# "23 dari target 40 orang", "reached 23, short of the target of 40", "against a target of forty": a count
# measured against a larger target
_AGAINST_TARGET = re.compile(
    rf"\b(?P<n>{_NUMBER})\b[^.;\d]{{0,40}}?\b(?:dari\s+target(?:\s+sebanyak)?|short\s+of\s+(?:the\s+|its\s+|a\s+)?target\s+of|"
    rf"(?:against|below)\s+(?:the\s+|its\s+|a\s+)?target\s+of)\s+(?P<m>{_NUMBER})\b", re.IGNORECASE)
# "Work is 60% complete", "progres fisik 75%", "pemasangan baru mencapai 60 persen": progress short of the whole
_PART_PERCENT = re.compile(
    r"\b(?:progres|progress|realisasi\s+fisik|physical\s+progress)\b[^.;]{0,30}?\b(?:\d{1,2}(?:[.,]\d+)?)\s*(?:%|persen|percent)|"
    r"\b(?:\d{1,2}(?:[.,]\d+)?)\s*(?:%|persen|percent)\s+(?:complete|completed|done|finished|selesai|rampung)\b|"
    + _ONLY + r"\s+(?:mencapai|reached|at)\s+(?:\d{1,2}(?:[.,]\d+)?)\s*(?:%|persen|percent)", re.IGNORECASE)


def _short_of_target(sentence: str) -> bool:
    for m in _AGAINST_TARGET.finditer(sentence):
        n, total = _number(m["n"]), _number(m["m"])
        if n is not None and total is not None and n < total:
            return True
    return False


def is_partial(sentence: str) -> bool:
    """Does the sentence say only part of the thing was done?"""
    return bool((_PART_COUNT.search(sentence) and _OF_TOTAL.search(sentence)) or _PART_PERIOD.search(sentence)
                or _PART_WORD.search(sentence) or _PART_PERCENT.search(sentence)) or shares_done(sentence) \
        or _short_of_target(sentence)


# A course or programme run in stages ("gelombang 1", "batch 2", "the second intake"): when the report
# says a later stage was called off, the first stage's report is only part of the thing.
_STAGE = r"(gelombang|angkatan|tahap|tahapan|termin|putaran|batch|phase|stage|intake|cohort|round)"
_STAGE_FIRST = re.compile(r"\b" + _STAGE + r"\s+(?:ke-?\s*)?(?:1|i|satu|pertama)\b|\b(?:first|1st)\s+" + _STAGE + r"\b",
                          re.IGNORECASE)
_STAGE_LATER = re.compile(r"\b" + _STAGE + r"\s+(?:ke-?\s*)?(?:[2-9]|ii|iii|iv|dua|tiga|kedua|ketiga|berikut(?:nya)?)\b|"
                          r"\b(?:second|third|2nd|3rd|next|following|remaining)\s+" + _STAGE + r"\b", re.IGNORECASE)
_CALLED_OFF = re.compile(r"\b(?:batal|dibatalkan|ditunda|tertunda|diundur|tidak\s+(?:jadi|dilaksanakan|terlaksana)|"
                         r"cancell?ed|postponed|called\s+off|dropped|deferred|will\s+not|won't)\b", re.IGNORECASE)


def stages_called_off(text: str) -> frozenset[str]:
    """The stage words of a later stage the text says was called off ("gelombang 2 batal tahun ini")."""
    out = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if _CALLED_OFF.search(sentence):
            out.update((m.group(1) or m.group(2)).lower() for m in _STAGE_LATER.finditer(sentence))
    return frozenset(out)


def first_stage_only(sentence: str, called_off: frozenset[str]) -> bool:
    """The sentence reports the first stage of something whose later stage was called off."""
    return any((m.group(1) or m.group(2)).lower() in called_off for m in _STAGE_FIRST.finditer(sentence))


def starts_later(sentence: str, report_year: int | None) -> bool:
    """Does the sentence say the work starts in a year after `report_year`?"""
    return report_year is not None and any(int(m.group(1)) > report_year
                                           for m in _STARTS_IN_YEAR.finditer(sentence))


def is_action_item(sentence: str) -> bool:
    return bool(_IN_CHARGE.search(sentence)) and bool(_BY_WHEN.search(sentence))


def without_plan_comparison(heading: str) -> str:
    """The heading with its comparison to the plan left out."""
    return _AGAINST_PLAN.sub(" ", heading)


def is_still_pending(sentence: str) -> bool:
    return bool(_STILL_PENDING.search(sentence))


def is_request(sentence: str) -> bool:
    """A request or recommendation ("X diminta menyelesaikan", "meminta agar"), not said of a noun
    ("usulan yang diusulkan desa telah …" qualifies the noun)."""
    return any(not _RELATIVE_BEFORE.search(sentence[:m.start()]) for m in _REQUEST.finditer(sentence))


def continues_quote(text: str, block_start: int, start: int) -> bool:
    """The sentence at `start` is inside a quotation opened earlier in its paragraph."""
    before = text[block_start:start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_HEADING_END_WORDS = frozenset(["dan", "dengan", "di", "ke", "dari", "untuk", "yang", "pada", "oleh", "atau",
                                "serta", "dalam", "bagi", "tentang", "and", "of", "the", "to", "for", "in",
                                "on", "with", "by", "from", "a", "an", "at", "or"])


def body_after_heading(sentence: str) -> str | None:
    """The text after the first line when that line is the item's heading ("Kajian literasi siswa" /
    "Belum dimulai."): short, no closing punctuation, and the body starts a new capitalised line."""
    first, sep, rest = sentence.partition("\n")
    first, rest = first.strip(), rest.strip()
    if not sep or not rest or first[-1:] in ".!?;:,":
        return None
    words = _WORD.findall(first)
    if not words or len(words) > 8 or words[-1].lower() in _HEADING_END_WORDS or not rest[:1].isupper():
        return None
    return rest


# Where a sentence joins a done clause to a plan clause: ";", ", namun / but / while …", and
# "dan / and" right before a plan word ("dinyatakan lulus dan akan memulai kuliah", "was completed
# in April and will be repeated").
_PLAN_AHEAD = (r"(?=(?:(?!(?:dan|and|serta)\b)[^\s,;]+\s+){0,3}(?:akan|will|belum|not\s+yet|baru\s+akan|direncanakan|dijadwalkan|"
               r"meminta|memohon|menanyakan|diminta|dimohon|diimbau|asked|urged|requested|"
               r"ditunda|masih|sedang|tengah|still|is\s+(?:planned|scheduled|expected)|are\s+(?:planned|scheduled|expected)|"
               r"has\s+(?:not|been\s+postponed)|have\s+not|was\s+postponed|were\s+postponed)\b)")
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|\s*[,–—-]\s*(?:namun|tetapi|akan\s+tetapi|sedangkan|sementara(?:\s+itu)?|but|while|whereas|"
    r"although|however|yet)\b[,\s]*|,?\s+(?:dan|serta|and|tetapi|namun|but)\s+" + _PLAN_AHEAD, re.IGNORECASE)
# A clause saying something was only prepared or proposed does not report the thing itself done.
_PREPARED = re.compile(r"\b(?:dirancang|merancang|disusun|menyusun|disiapkan|menyiapkan|dipersiapkan|"
                       r"mempersiapkan|diajukan|mengajukan|diusulkan|mengusulkan|prepared|preparing|designed|"
                       r"drafted|drafting|drafts?|draf|rancangan|konsep|proposed|submitted\s+for\s+approval|"
                       # "baru menyelesaikan kajian awal" / "has only finished the design": a first step
                       r"baru\s+(?:saja\s+)?(?:me|di|ber|ter|se)[a-z]+|only\s+(?:just\s+)?[a-z]+ed)\b", re.IGNORECASE)
_DONE_MARK = re.compile(r"\b(?:telah|sudah|was|were|has\s+been|have\s+been|completed|selesai|"
                        r"dilaksanakan|terlaksana)\b", re.IGNORECASE)


# Something happened: a done word, an Indonesian verb form (me-/di-/ber-/ter-, -kan) or an English
# past / perfect / passive form. A clause without one states a condition ("the other 30 are in the
# store"), not an activity.
_ID_VERB = re.compile(r"^(?:me|di|ber|ter)[a-z]{3,}$|^[a-z]{3,}kan$")
_EN_EVENT = re.compile(r"^(?:[a-z]{3,}ed|was|were|has|have|had|held|ran|met|built|made|gave|took|set|put|"
                       r"paid|sent|sold|began|won|led|brought|taught|bought|spent|got|went|came|did|"
                       r"trained|done|begun|given|taken|run|shown|seen|saw|found|heard|told|kept|wrote|written|spoke|"
                       r"drove|flew|chose|fed|dug|broke|rode|wore|caught|fought|stood|left|drew|grew|threw|hung)$")


# nouns that only look like me-/di-/ber-/ter- verbs
_NOT_ID_VERB = re.compile(r"^(?:di[a-z]*si|dinas|direktu?r\w*|digital|diploma|diri|dini|dialog|disabilitas|disiplin|"
                          r"media|meja|menteri|menara|medis|metode|mesin|merek|meter|menu|mekanisme|memori|mental|"
                          r"berita|berkas|beras|berat|terminal|teritori\w*|teknis|tertib)$")


def _any_event_form(clause: str) -> bool:
    """tells_an_event, with capitalised words too (a title-case headline)."""
    return tells_an_event(clause.lower())


def is_figures_headline(line: str) -> bool:
    """"Six months in Kota X: 120 teachers, 19,000 learners", "Setahun di Desa Y: 40 sumur, 900 keluarga":
    a headline line whose part after the colon only lists figures, no verb - a teaser, not an activity."""
    line = line.strip()
    head, sep, tail = line.partition(": ")
    if re.match(r"(?:[-•*–]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)])\s", line):
        return False  # a list item "- Vaccination: 10,470 dogs" reports a figure of work done
    if not sep or "\n" in line or line[-1:] in ".!?;:" or len(_WORD.findall(line)) > 14:
        return False
    return bool(re.search(r"\d", tail)) and not _any_event_form(tail) and not _any_event_form(head)


def tells_an_event(clause: str) -> bool:
    words = _WORD.findall(clause)
    return any(w.islower() and ((_ID_VERB.match(w) and not _NOT_ID_VERB.match(w)) or _EN_EVENT.match(w))
               for w in words) \
        or bool(_DONE_MARK.search(clause))


# A figure that went up or down ("Angka kematian bayi turun dari 19 menjadi 14", "attendance rose from
# 40 to 65 per cent"): an outcome or indicator, not an activity, unless the sentence also tells what
# was done ("… naik setelah perusahaan mulai membeli …").
_CHANGE = re.compile(r"\b(?:turun|naik|meningkat|menurun|berkurang|bertambah|rose|fell|increased|decreased|"
                     r"dropped|declined|grew|went\s+(?:up|down))\b[^.;]{0,60}?\b(?:dari|from)\b", re.IGNORECASE)
_CHANGE_TO = re.compile(r"\b(?:dari|from)\b[^.;]{1,40}?\b(?:menjadi|ke|to)\b", re.IGNORECASE)
_NOT_AN_EVENT = frozenset([
    "turun", "naik", "meningkat", "menurun", "berkurang", "bertambah", "menjadi", "dibandingkan", "dibanding",
    "berbanding", "terhadap", "tersebut", "sebesar", "berdasarkan", "selama", "rose", "fell", "increased",
    "decreased", "dropped", "declined", "grew", "compared"])


def is_outcome(sentence: str) -> bool:
    """A sentence that only reports a figure going up or down."""
    if not (_CHANGE.search(sentence) and _CHANGE_TO.search(sentence)):
        return False
    rest = " ".join(w for w in _WORD.findall(sentence) if w.lower() not in _NOT_AN_EVENT)
    return not tells_an_event(rest)


# A list item naming a person ("Mr. X, Head of Y", "Dr. X, M.Si., Ketua Z") without any event: a
# list of people met or present, not an activity.
_PERSON_ENTRY = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Ir|Drs|Dra|Bapak|Ibu|Bpk|Sdr|Sdri|Yth)\.?\s+|"
                           r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,4},\s*(?:[A-Za-z][a-zA-Z]{0,4}\.){1,3})")
# A block of "Label: value" lines ("Prepared by: …", "Visit dates: …", "Distribution: …").
_LABEL_LINE = re.compile(r"^\s*[A-Z][\w /&().-]{0,30}:\s+\S")


# a letter's place-and-date line among its labels ("Nomor: …" / "Tanjung Ara, 3 Mei 2031" / "Perihal: …")
# (also the report's own dateline: "Teluk Damai, Senin, 15 Januari 2025", "Tanggal: 3 Mei 2031")
DATELINE = re.compile(r"^\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}\s*,\s*|(?:date(?:\s+of\s+report)?|"
                      r"tanggal|tgl\.?)\s*:\s*)?(?:[A-Za-z]+,?\s+)?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}\s*$",
                      re.IGNORECASE)
# who attended a meeting ("Hadir: Ketua dan anggota Komisi; …", "Present: the Head of …"): a list of
# people, not an activity (the meeting itself is the minutes' subject)
_ATTENDANCE = re.compile(r"^\s*(?:(?:yang\s+|turut\s+|tidak\s+)?hadir|present|absent|attendees|in\s+attendance|"
                         r"attendance|apologies)\s*:", re.IGNORECASE)


def is_label_block(sentence: str) -> bool:
    lines = [line for line in sentence.splitlines() if line.strip()]
    if len(lines) == 1:
        return bool(_ATTENDANCE.match(lines[0])) and not tells_an_event(lines[0].split(":", 1)[1])
    return len(lines) >= 2 and all(_LABEL_LINE.match(line) or DATELINE.match(line) for line in lines) \
        and any(_LABEL_LINE.match(line) for line in lines)


def is_person_entry(sentence: str) -> bool:
    return bool(_PERSON_ENTRY.match(sentence.lstrip())) and not tells_an_event(sentence)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,;":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;":
        end -= 1
    return start, end


# A state that still holds ("data masih tersimpan di server luar negeri", "the platform still runs on
# our servers overseas"), joined in one sentence to something not done or asked for: it is the part not
# done yet, not an activity. A thing's state or place only ("masih tersimpan", "masih berada di", "still
# runs on", "still sit"), not people still at work ("seluruh perawat masih bertugas; dua meminta pindah").
_STILL_STATE = re.compile(r"\bmasih\s+(?:(?:di|ter)[a-z]{3,}|berada|ada|di)\b|\bstill\s+(?:is|are|was|were|runs?|running|"
                          r"sits?|sitting|stays?|lies|resides?|hosted|stored|kept|located|held|on|in|at)\b|"
                          r"\bremains?\s+(?:on|in|at|with|stored|hosted|located)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:telah|sudah|has\s+been|have\s+been)\b", re.IGNORECASE)


# What a project set out to do ("When we signed …, the goal was simple: get every student …", "Tujuan
# program ini adalah …", "Our aim is to …"): a goal, not an activity. "The target was met" reports it done.
_GOAL = re.compile(
    r"\b(?:the|our|its|their|his|her|this|that)\s+(?:main\s+|overall\s+|first\s+|only\s+|original\s+|stated\s+)?"
    r"(?:goal|aim|objective|purpose|ambition|target|vision|mission|idea|intention)s?\s+(?:was|is|were|are|remains?|had\s+been)"
    r"\s+(?!met\b|achieved\b|reached\b|exceeded\b|surpassed\b|fulfilled\b|attained\b|accomplished\b)|"
    r"\b(?:tujuan|target|sasaran|cita-cita|harapan|maksud)(?:nya|\s+(?:kami|kita|utama|awal|program|kegiatan|kerja\s*sama)"
    r"(?:\s+(?:ini|tersebut))?)?\s+(?:adalah|ialah|yaitu|yakni|sederhana|sangat\s+sederhana)\b",
    re.IGNORECASE)


def states_a_goal(sentence: str) -> bool:
    return bool(_GOAL.search(sentence))


def is_still_state(clause: str) -> bool:
    return bool(_STILL_STATE.search(clause)) and not _PERFECT.search(clause)


# A lead-in label of what comes next ("What's next: …", "What's next? …", "Next steps: …", "Langkah selanjutnya: …"):
# the sentence and the rest of its paragraph tell what is still to be done.
_AHEAD_LABEL = re.compile(r"^\W*(?:what(?:'|’)?s\s+next|what\s+comes\s+next|next\s+steps?|looking\s+ahead|"
                          r"coming\s+up|still\s+to\s+(?:do|come)|outstanding|selanjutnya|langkah\s+(?:selanjutnya|"
                          r"berikutnya)|ke\s+depan|rencana\s+(?:selanjutnya|berikutnya|ke\s+depan)|tindak\s+lanjut)"
                          r"\s*[:?]", re.IGNORECASE)


def opens_what_is_ahead(sentence: str) -> bool:
    return bool(_AHEAD_LABEL.match(sentence))


def done_clauses(text: str, start: int, end: int, blocked: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The done clauses of a sentence that also plans, postpones or says something is not done: the
    clauses before the first blocked one ("… selesai pada April; putaran kedua belum dimulai" keeps
    the first). A done clause after a blocked one is most often a step towards the thing not done
    ("rancangan masih menunggu …, sementara X telah mengirimkan nama"), so it is left out."""
    cuts = [start] + [p for m in _CLAUSE_BREAK.finditer(text, start, end) for p in (m.start(), m.end())] + [end]
    parts = [_trimmed(text, cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    parts = [(s, e) for s, e in parts if e > s]
    if len(parts) < 2:
        return []
    kept: list[tuple[int, int]] = []
    seen_blocked = explained_away = False
    for s, e in parts:
        clause = text[s:e]
        if blocked(clause) or _PREPARED.search(clause) or is_still_state(clause):
            explained_away = explained_away or not is_request(clause)
            # "GPS units are fitted on all buses but the cameras have not arrived", "rambu sudah ada, namun
            # bangunannya belum dibangun": set against what is not done, the done part is a part of one
            # job still unfinished, not evidence that it was carried out
            # "... the remaining lamps will not be installed", "sedangkan 5 kecamatan lainnya belum": the rest
            # left undone makes the clause before a part
            if kept and kept[-1][1] <= s and (_CONTRAST.match(text, kept[-1][1], s)
                                                 or (_THE_REST.match(clause) and _NEGATION.search(clause))):
                kept.pop()
            seen_blocked = True
            continue
        if len(_WORD.findall(clause)) < 3 or not tells_an_event(clause):
            continue
        if seen_blocked:
            break
        kept.append((s, e))
    if explained_away:
        # "RCI explained that the trainers are busy until March; the course will be held in April": what
        # someone explained next to what is not done is the reason it is not done (next to a request to
        # others, "... and residents were asked to report", it is what was done)
        kept = [(s, e) for s, e in kept if not _EXPLAINS.search(text, s, e)]
    return kept if kept != [(start, end)] else []


_EXPLAINS = re.compile(r"\b(?:explained|said|stated|noted|told\s+(?:us|me|the\s+\w+))\s+that\b|"
                       r"\b(?:menjelaskan|mengatakan|menyatakan|menyebutkan|beralasan)\s+bahwa\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\s*[,;–—-]?\s*(?:namun|tetapi|tapi|akan\s+tetapi|but|however|although|yet)\b", re.IGNORECASE)


def done_parts(text: str, block_start: int, start: int, end: int,
               not_done: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of the sentence text[start:end] that report something done: the whole sentence,
    some of its clauses, or nothing (inside a quotation, a request, an item whose body under its
    heading line says it is not done, or a plan)."""
    sentence = text[start:end]
    if continues_quote(text, block_start, start) or is_label_block(sentence) or is_person_entry(sentence):
        return []

    def blocked(s: str) -> bool:
        return not_done(s) or is_request(s) or is_still_pending(s) or is_action_item(s)

    body = body_after_heading(sentence)
    if body is not None and blocked(body):
        body_start = start + sentence.index(body, sentence.index("\n"))
        return done_clauses(text, body_start, end, blocked)
    if not blocked(sentence):
        return [(start, end)]
    parts = done_clauses(text, start, end, blocked)
    if not parts and uses_what_was_provided(sentence) and not (
            is_request(sentence) or is_still_pending(sentence) or is_action_item(sentence)):
        return [(start, end)]
    return parts


# "Mahasiswa akan tinggal di rumah warga yang telah disiapkan pemerintah desa", "the trainees will
# use the laptops that were supplied by the company": the plan is to use a thing someone has
# already provided, and that provision is done. Not when anything in the sentence is negated,
# cancelled or postponed.
_PROVIDED = re.compile(
    r"\b(?:yang|which|that)\s+(?:telah|sudah|(?:has|have)\s+(?:already\s+)?been|were|was|are|is)\s+(?:already\s+)?"
    r"(?:disiapkan|disediakan|dibangun|diserahkan|diberikan|dibagikan|disalurkan|dipasang|dibeli|"
    r"dihibahkan|provided|prepared|built|supplied|handed\s+over|donated|installed|delivered)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:belum|tidak|tak|batal|dibatalkan|ditunda|tertunda|diundur|not|cancell?ed|"
                      r"postponed|delayed)\b", re.IGNORECASE)


def uses_what_was_provided(sentence: str) -> bool:
    return bool(_PROVIDED.search(sentence)) and not _NEGATED.search(sentence)


# "NOTULEN RAPAT <subject>" / "NOTULEN RAPAT" + a subject line / "MINUTES OF THE <subject> MEETING":
# minutes record a meeting that took place, on that subject.
_MINUTES_TITLE = re.compile(r"^[ \t]*(?:notulen|notula|notulensi|risalah|minutes)(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
                            r"(?:rapat|meeting|pertemuan))?\b[ \t]*[:–—-]?[ \t]*", re.IGNORECASE)
# "KELURAHAN SAWAH LEBAR, KECAMATAN X" under "NOTULEN RAPAT WARGA": where the meeting was, not its subject
_PLACE_LINE = re.compile(r"^[ \t]*(?:kelurahan|desa|kecamatan|kabupaten|kota|provinsi|dusun|nagari|gampong|rt|rw|"
                         r"village|district|regency|city|province)\b", re.IGNORECASE)
_SUBJECT_LABEL = re.compile(r"^[ \t]*(?:agenda|acara|perihal|pokok\s+bahasan|topik|subject|topic)[ \t]*:[ \t]*",
                            re.IGNORECASE)
_HEAD_LINES = 12


def minutes_subject(text: str, not_done: Callable[[str], bool]) -> tuple[int, int] | None:
    """(start, end) of the subject of the meeting whose minutes `text` is: the rest of the title line
    and the title lines right under it (not "Hari/Tanggal : …" labels), else an "Agenda :" line.
    None when the subject is itself a plan ("Rencana …")."""
    lines = text.splitlines(keepends=True)
    offset = 0
    for i, line in enumerate(lines[:_HEAD_LINES]):
        m = _MINUTES_TITLE.match(line)
        if not m:
            offset += len(line)
            continue
        start, end = offset + m.end(), offset + len(line.rstrip())
        nxt = offset + len(line)
        for following in lines[i + 1:i + 3]:
            if not following.strip() or _LABEL_LINE.match(following) or ":" in following \
                    or _PLACE_LINE.match(following):
                break
            if start >= end:
                start = nxt + len(following) - len(following.lstrip())
            end = nxt + len(following.rstrip())
            nxt += len(following)
        if len(_WORD.findall(text[start:end])) >= 2:
            return None if not_done(text[start:end]) else (start, end)
        agenda_at = offset + len(line)
        for following in lines[i + 1:_HEAD_LINES + 8]:
            a = _SUBJECT_LABEL.match(following)
            if a:
                span = agenda_at + a.end(), agenda_at + len(following.rstrip())
                return None if not_done(text[span[0]:span[1]]) else span
            agenda_at += len(following)
        return None
    return None


# "B. Kerja sama dengan Kizuna", "2. Work with the Delta Foundation": a section heading saying whose
# partnership the items under it belong to.
_PARTNER_HEADING = re.compile(
    r"^(?:(?:pelaksanaan|realisasi|capaian|progress\s+of|progress\s+on)\s+)?"
    r"(?:kerja\s*sama|kemitraan|kolaborasi|kegiatan\s+bersama|program\s+bersama|cooperation|partnership|"
    r"collaboration|joint\s+work|work)\s+(?:dengan|bersama|with)\s+\S", re.IGNORECASE)


def names_partner_section(heading: str) -> bool:
    """Is this heading (without its item mark) the title of a section on the work with one partner?"""
    return bool(_PARTNER_HEADING.match(heading.strip()))


# "Since April the X Foundation has been working with the regency health office on child nutrition",
# "Sejak April YBGK bekerja sama dengan Dinas Kesehatan dalam perbaikan gizi": that a partnership goes
# on, not a piece of work done (what was done is told in sentences of its own)
_ONGOING_PARTNERSHIP = re.compile(
    r"\b(?:has|have)\s+been\s+(?:working|partnering|collaborating|cooperating)\s+(?:closely\s+|together\s+)?with\b"
    r"|^\s*sejak\b[^.;]{0,60}?\b(?:bekerja\s*sama|bermitra)\s+dengan\b", re.IGNORECASE)


def only_says_partnership(sentence: str) -> bool:
    m = _ONGOING_PARTNERSHIP.search(sentence)
    if not m:
        return False
    rest = sentence[:m.start()] + " " + sentence[m.end():]
    # "… working with the office to repair nine wells": the work it was for is told
    return not tells_an_event(rest) and not re.search(r"\b(?:to|untuk|guna)\s+[a-z]", rest)


# "B. Kizuna Community Health Association", "A. YAYASAN BINA GIZI (YBG)", "2. Dinas Kesehatan": a section
# heading that is an organisation's name (a kind or legal-form word among capitalised words)
_ORG_HEAD_WORDS = frozenset("""yayasan pt cv perkumpulan koperasi perseroan persero perseroda tbk foundation inc ltd
    llc asosiasi association universitas university institut institute politeknik polytechnic akademi academy
    dinas badan pemerintah lembaga kementerian bank network agency council ngo
    cooperative perumda perum""".split())
_NAME_FUNCTION = frozenset("dan of and the for untuk".split())


def names_organisation_section(heading: str) -> bool:
    """Is this heading (without its item mark) only an organisation's name?"""
    words = _WORD.findall(heading)
    if not 2 <= len(words) <= 8 or heading.strip()[-1:] in ".!?;:,":
        return False
    if any(w.islower() and w not in _NAME_FUNCTION for w in words):
        return False
    return any(w.lower() in _ORG_HEAD_WORDS for w in words)
