"""Activity reports: the done activities, reported as commitments too.

The scoring convention of the corpus lists what a report says was *done* ("tim X memulai
pemetaan ...", "pelatihan operator diikuti 44 operator") among its commitments, so an activity
report's extraction carries each done statement as a commitment as well as an activity. These
commitments describe the report itself: they are never obligations (the matching service only
tracks commitments of agreements and releases, see `api/services/matching.py`).

Only statements that read as an action become commitments: a verb in lower case (me-/di-/ber-/
-kan forms, "telah"/"sudah", English past tense), not direct speech (inside
quotes or ending in a speech verb), not a sentence about the report itself, not a thanks or an
explanation someone gave, not a line of a "Ringkasan"/"Rekapitulasi"/"Summary" section (it restates
what the other sections report). A pipe table of activities gives one commitment per row marked done ("Terlaksana"), and the
items under a plan heading are reported as planned commitments.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from extractor.activities import is_not_done, section_kind
from extractor.activity_cues import is_partial, tells_an_event
from extractor.nlp.doc_fields import is_task_board
from extractor.report_boards import (
    CARD_NOTES,
    DONE_COLUMN,
    PROGRESS,
    card_titles,
    column_of,
    end_of_card,
    end_of_value,
    lone_card_title,
    run_on_card_titles,
    topic_title,
)
from extractor.report_layouts import (
    answer_of,
    form_prompts,
    heading_spans,
    is_run_in_heading,
    prompt_at,
    without_form_prompts,
)
from extractor.report_tables import find_pipe_tables, is_plan_table
from extractor.types import ActivityStatement, Commitment, Evidence

_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
# ter- forms are left out: they state a result ("terkumpul", "terbentuk"), not what someone did
_ID_VERB = re.compile(r"^(?:me[mnl]?|meng|meny|di|ber)[a-z]{3,}$|^[a-z]{4,}kan$")
_NOT_VERB = frozenset([
    "bersama", "tersebut", "terkait", "terhadap", "tertentu", "terpadu", "terdiri", "mereka", "dinas",
    "dimana", "diri", "dia", "dirinya", "beberapa", "berbagai", "bersangkutan", "terakhir", "terutama",
    "termasuk", "terbaik", "tertinggi", "terbesar", "tertulis", "depan", "sedangkan", "setempat", "melalui",
    "menurut", "mengenai", "merupakan", "menjadi", "sebagai", "digital", "diskusi", "disabilitas", "diploma",
    "direktur", "direksi", "distrik", "dialog", "dinamika", "media", "metode", "menteri", "menit", "merek",
    "merah", "medis", "mekanisme", "berita", "bersih", "terminal", "ternak"
])
_DONE_WORDS = frozenset([
    "telah", "sudah", "has", "have", "had", "was", "were", "held", "met", "gave", "built", "took", "began",
    "made", "sent", "led", "ran", "signed", "set", "spent", "won", "paid", "brought", "taught"
])
_EN_PAST = re.compile(r"^[a-z]{3,}ed$")
_SPEECH_TAIL = re.compile(r"[\"”’']\s*,?\s*(?:\w+\s+){0,1}(?:ujar|kata|tutur|jelas|papar|ungkap|terang|tegas|"
                          r"sebut|imbuh|tambah|lanjut|pungkas)\w*\b|[\"”’']\s*,?\s*(?:said|says|explained|added)\b",
                          re.IGNORECASE)
_SELF = re.compile(r"^\s*(?:laporan|this\s+report|the\s+report)\b(?:\s+\w+){0,2}\s+(?:ini|disusun|is|was)\b|"
                   # "This note summarises what ...", "Catatan ini merangkum ...": the report says what it covers
                   r"^\W*(?:this|the\s+present)\s+(?:note|memo|letter|update|report|document|paper|(?:photo\s+)?log|album)\s+"
                   r"(?:summari[sz]es|describes|covers|presents|sets\s+out|outlines|reports\s+on|"
                   # "This log collects captioned photos from the field under the MoU ...": what the log is
                   r"collects|gathers|compiles|records|documents)\b|"
                   r"^\W*(?:catatan|nota|surat|dokumen)\s+ini\s+(?:merangkum|menguraikan|menyajikan|memuat|berisi)\b",
                   re.IGNORECASE)
# "... but it is a separate activity outside the MoU", "kegiatan itu bukan bagian dari kerja sama ini": work
# the report itself places outside the agreement it reports on
_OUTSIDE_AGREEMENT = re.compile(r"\b(?:outside|not\s+(?:a\s+)?part\s+of|not\s+covered\s+by|separate\s+from)\s+(?:the|this|our)\s+"
                                r"(?:mou|agreement|memorandum|partnership|cooperation)\b|"
                                # "... is not an activity under this MoU", "reported here for information only"
                                r"\bnot\s+(?:an?\s+)?(?:activity|activities|work|item)\s+(?:under|of)\s+(?:the|this|our)\s+"
                                r"(?:mou|agreement|memorandum|partnership|cooperation)\b|\bfor\s+(?:information|reference)\s+only\b|"
                                # a board's column "NOT IN THIS MOU"
                                r"\bnot\s+(?:in|under)\s+(?:the|this|our)\s+(?:mou|agreement|memorandum|partnership)\b|"
                                r"\bbukan\s+(?:merupakan\s+)?kegiatan\s+(?:dalam|di\s+bawah)\s+(?:kerja\s*sama|perjanjian|pks|mou)\b|"
                                r"\bsebagai\s+informasi\s+saja\b|"
                                r"\b(?:bukan\s+(?:bagian\s+dari|termasuk)|di\s+luar)\s+(?:kerja\s*sama|perjanjian|pks|mou|"
                                r"kesepakatan)\b", re.IGNORECASE)
_SPEECH_ACT = re.compile(r"\b(?:menyampaikan\s+(?:terima\s+kasih|apresiasi|penghargaan)|memberikan\s+penjelasan|"
                         r"mengucapkan\s+terima\s+kasih|mengatakan|menjelaskan|menuturkan|mengungkapkan|"
                         r"expressed\s+(?:thanks|gratitude|appreciation)|thanked)\b", re.IGNORECASE)


# the clause's first predicate says where/what the event was, not what someone did:
# "Acara berlangsung di aula ...", "Kegiatan ini merupakan tindak lanjut ..."
_STATE_PREDICATE = frozenset(["berlangsung", "merupakan", "bertempat", "adalah", "yakni", "yaitu"])
# a section announcing what comes next ("Rencana Kegiatan", "Rencana Tindak Lanjut", "Next Steps")
_PLAN_HEADING = re.compile(r"\b(?:rencana|direncanakan|planned|plans?|next\s+steps?|upcoming|"
                           # "4. Next quarter", "Triwulan Berikutnya": what comes in the next period
                           r"(?:next|coming|following)\s+(?:quarter|month|semester|period|phase|year|reporting\s+period)|"
                           r"(?:triwulan|bulan|semester|tahun|periode|tahap|termin)\s+(?:berikutnya|mendatang|depan|"
                           r"selanjutnya))\b", re.IGNORECASE)
_NOT_PLAN_HEADING = re.compile(r"\b(?:belum|kendala|hambatan|masalah|permasalahan|ditunda|tertunda|batal|dibatalkan|"
                               r"not\s+yet|postponed|cancell?ed|constraints?|challenges?)\b", re.IGNORECASE)
# "Contact: ...", "Catatan: ...": a label line under a list is no wrapped part of its last item
_LABEL_LINE = re.compile(r"[ \t]*[A-Z][\w/&-]*(?:[ \t][\w/&-]+){0,2}[ \t]*:[ \t]+\S")
# a header field at a line start: "Mission dates: ...", "Prepared by: ...", "Tempat :"
_LABEL_START = re.compile(r"(?:^|(?<=\n))[ \t]*[A-Z][\w/&-]*(?:[ \t][\w/&-]+){0,2}[ \t]*:[ \t]+\S")
_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)|[-•–])[ \t]+(?=\S)")


def states_the_event(sentence: str) -> bool:
    """The first verb-like word of the sentence is a state predicate ("berlangsung", "merupakan")."""
    for w in _WORD.findall(sentence):
        if not w.islower():
            continue
        if w in _STATE_PREDICATE:
            return True
        if w in _DONE_WORDS or (w not in _NOT_VERB and (_ID_VERB.match(w) or _EN_PAST.match(w))):
            return False
    return False


# "Honesty canteens ... are running in 30 schools": something in operation ("being" and "going to" are no such)
_EN_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:now\s+|already\s+|still\s+)?(?!being\b|going\b)[a-z]{3,}ing\b")


def reads_as_action(sentence: str) -> bool:
    """A lower-case verb form somewhere in the sentence (headings, titles, signature lines and
    legal-basis references have none)."""
    if _EN_PROGRESSIVE.search(sentence):
        return True
    for w in _WORD.findall(sentence):
        if not w.islower():
            continue
        if w in _DONE_WORDS or (w not in _NOT_VERB and (_ID_VERB.match(w) or _EN_PAST.match(w))):
            return True
    return False


def inside_quote(text: str, start: int) -> bool:
    """The sentence at `start` continues a quotation opened earlier in its paragraph."""
    para = text.rfind("\n\n", 0, start)
    before = text[para + 1 if para >= 0 else 0:start]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    return straight or curly


# the running of the meeting itself: "Rapat dibuka oleh Kepala Dinas", "The meeting was chaired by ..."
_PROCEDURE = re.compile(r"^\W*(?:(?:rapat|pertemuan|sidang|acara|diskusi)(?:\s+\w+)?\s+(?:dibuka|ditutup|dipimpin|"
                        r"dimoderatori|diakhiri)|(?:the\s+)?(?:meeting|session|discussion)\s+(?:was\s+)?(?:opened|"
                        r"closed|chaired|moderated|adjourned)|"
                        # "Pimpinan rapat membuka rapat dan ...", "The chair opened the meeting"
                        r"(?:(?:pimpinan|pemimpin|ketua|moderator)\s+(?:rapat|pertemuan|sidang|acara)|(?:the\s+)?"
                        r"(?:chair(?:person|man|woman)?|moderator))\s+(?:membuka|menutup|opened|closed)\b)\b",
                        re.IGNORECASE)
# "Partnership: Memorandum of Agreement between ...", "Dasar: PKS Nomor ...": the agreement the report
# rests on, written as a label line, is no activity
_AGREEMENT_LABEL = re.compile(r"^(?:[^:\n]{0,40}\s)?[A-Z][\w/&-]*(?:\s[\w/&-]+){0,3}:\s*(?:the\s+)?(?i:memorandum|"
                              r"agreement|perjanjian|nota\s+kesep|mou\b|pks\b|kesepakatan|naskah)")


# a photo caption shows the work, the text around it reports it
_CAPTION = re.compile(r"^\W*(?:foto|gambar|dokumentasi|photo|picture|figure|fig\.)\s*\d{0,2}\s*[:.]", re.IGNORECASE)
# "This visit checked ...", "Kunjungan ini meninjau ...": what the report's own visit covered
_SELF_VISIT = re.compile(r"^\W*(?:(?:this|the\s+present)\s+(?:monitoring\s+|field\s+)?(?:visit|mission|update|review)|"
                         r"(?:kunjungan|monitoring|pemantauan|peninjauan)(?:\s+lapangan)?\s+ini)\b", re.IGNORECASE)

# a mission report's own mission ("The mission visited six schools ...", "It was led by ..."): how the
# review was made, not work done under the agreement (the report's heading names the mission)
_MISSION_ITSELF = re.compile(r"^\W*(?:the|this|our)\s+(?:(?:joint|review|monitoring|supervision|evaluation|field)\s+)*"
                             r"mission\b(?!\s+(?:statement|of)\b)", re.IGNORECASE)
_MISSION_HEADING = re.compile(r"\bmission\b|\baide[\s-]*m[eé]moire\b", re.IGNORECASE)
_LED_BY = re.compile(r"^\W*(?:it|they|the\s+(?:\w+\s+)?(?:mission|visit|team|review|delegation))\s+(?:was|were)\s+"
                     r"(?:led|headed|chaired|accompanied)\s+by\b", re.IGNORECASE)

# an official record's opening "Pada hari ini Kamis tanggal ..., tim pemeriksa ... telah memeriksa pelaksanaan ...",
# "On this day ... the team inspected ...": the record's own inspection, whose findings follow item by item
_RECORD_OPENING = re.compile(r"^\W*(?:pada\s+hari\s+ini|on\s+this\s+day)\b[^.;]*?\b(?:memeriksa|meninjau|memantau|"
                             r"mengevaluasi|melakukan\s+(?:pemeriksaan|peninjauan|pemantauan|evaluasi)|inspected|"
                             r"checked|reviewed|examined)\b", re.IGNORECASE)

# "Done, as promised in the MoU.", "Selesai sesuai rencana.": a status remark on the sentence before, no activity
_STATUS_REMARK = re.compile(r"^\W*(?:done|completed|finished|achieved|selesai|tuntas|terlaksana|tercapai)\b"
                            r"(?:[\s,]+(?:as|sesuai|seperti)\b[^.;]{0,50})?\W*$", re.IGNORECASE)


# "Kegiatan dilaksanakan pada periode 2-15 Mei oleh personel ...": when and by whom the reported work as
# a whole ran; what was done is told item by item below
_GENERIC_EVENT = re.compile(r"^\W*(?:kegiatan|acara|the\s+activit(?:y|ies)|the\s+event)(?:\s+(?:ini|tersebut|this))?\s+"
                            r"(?:dilaksanakan|diselenggarakan|digelar|diadakan|berlangsung|(?:was|were)\s+(?:held|"
                            r"carried\s+out|conducted|implemented)|took\s+place)\s+(?:pada|di|selama|mulai|sejak|"
                            r"on|in|at|from|during|between)\b", re.IGNORECASE)


# "Sebanyak 36 kelompok sudah memiliki kebun bibit", "9 sampel melebihi batas residu": a count of things
# that have or exceed something is a finding, not something someone did
# ("Sebanyak 17 peserta dinyatakan lulus": a result declared, not an action)
_COUNT_HAS = re.compile(r"^\W*(?:sebanyak\s+)?\d[\d.,]*\s+(?:[\w()-]+\s+){1,6}?(?:(?:sudah|telah|masih|kini)\s+)?"
                        r"(?:memiliki|mempunyai|melebihi|melampaui|berada|tergolong|termasuk|berstatus|dinyatakan)\b",
                        re.IGNORECASE)
# "Jumlah tamu yang menginap selama semester I sebanyak 436 orang", "The number of visitors was 436": a
# figure the report gives, not something someone did
_COUNT_OF = re.compile(r"^\W*(?:jumlah|total|the\s+(?:total\s+)?number\s+of)\s+[^.;]{0,80}?\b(?:sebanyak|mencapai|sebesar|"
                       r"berjumlah|adalah|ialah|was|were|is|are|reached|totall?ed)\s+(?:sekitar\s+|about\s+|around\s+)?\d|"
                       # with no verb, an amount closing the sentence: "Total nilai pembelian periode ini sekitar
                       # Rp2,1 miliar", "Total value of the grants about IDR 300 million"
                       r"^\W*(?:jumlah|total|nilai\s+total|the\s+total)\s+[^.;]{0,80}?\s(?:sekitar\s+|kurang\s+lebih\s+|"
                       r"about\s+|around\s+|±\s*)?(?:rp\.?|idr|usd|us\$|eur)\s*\d[\d.,]*\s*(?:ribu|juta|miliar|milyar|"
                       r"triliun|thousand|million|billion|m|bn)?\W*$",
                       re.IGNORECASE)
# a letter's cover sentence handing over the report itself ("Bersama ini kami sampaikan laporan pelaksanaan
# ... sebagai berikut", "Please find below our update for May"): no activity of the period reported
_COVER_SENTENCE = re.compile(r"^\W*(?:(?:bersama|dengan)\s+(?:surat\s+)?ini\s+(?:kami\s+)?(?:sampaikan|laporkan|kirimkan|"
                             r"menyampaikan|melaporkan|mengirimkan)\s+(?:laporan|perkembangan|kemajuan|progres|hasil)\b|"
                             r"please\s+find\s+(?:below|attached|enclosed|herewith)\b|"
                             # "As agreed at our last call, here is the October update on our work ..."
                             r"(?:[^.;\n]{0,60},\s*)?here\s+(?:is|are)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:update|report|summary|overview|progress\s+note)s?\b|"
                             r"(?:[^.;\n]{0,60},\s*)?berikut\s+(?:ini\s+)?(?:kami\s+)?(?:sampaikan\s+)?(?:laporan|"
                             r"perkembangan|kemajuan|progres|rekap\w*)\b)", re.IGNORECASE)
# a request to the reader of a letter or email ("Please note that the list must ...", "Mohon arahan ..."):
# neither something the report says was done nor a plan of its writer
_REQUEST_TO_READER = re.compile(r"^\W*(?:please|kindly|mohon|harap|"
                                # a speaker's turn in a meeting: "Silakan Kepala Dinas menyampaikan ...", "Izin
                                # menambahkan, Pak Ketua", "Saya laporkan singkat saja": asked or announced, not done
                                r"silakan|silahkan|permisi|(?:izin|ijin)\s+(?:menambahkan|menyampaikan|melaporkan|bertanya|menanggapi)|(?:saya|kami)\s+(?:laporkan|sampaikan)\s+"
                                r"(?:secara\s+)?singkat)\b", re.IGNORECASE)
# a note on the file itself ("Exported from the shared mailbox of ...", "Diekspor dari aplikasi ...")
_EXPORT_NOTE = re.compile(r"(?:^|\n)[ \t]*(?:exported|printed|downloaded|diekspor|dicetak|diunduh)\s+(?:from|dari)\b",
                          re.IGNORECASE)


def is_done_commitment(sentence: str, text: str, start: int) -> bool:
    if not reads_as_action(sentence) or _SELF.match(sentence) or _SPEECH_ACT.search(sentence):
        return False
    if _PROCEDURE.match(sentence) or _AGREEMENT_LABEL.match(sentence) or _CAPTION.match(sentence):
        return False
    if _LED_BY.match(sentence) or (_MISSION_ITSELF.match(sentence) and _MISSION_HEADING.search(text[:300])):
        return False
    if _SELF_VISIT.match(sentence) or _RECORD_OPENING.match(sentence) or _GENERIC_EVENT.match(sentence) \
            or _COUNT_HAS.match(sentence) or _STATUS_REMARK.match(sentence):
        return False
    if _COUNT_OF.match(sentence) or _COVER_SENTENCE.match(sentence) or _REQUEST_TO_READER.match(sentence):
        return False
    if _EXPORT_NOTE.search(text, start, start + len(sentence) + 8):
        return False
    if states_the_event(sentence) or _OUTSIDE_AGREEMENT.search(sentence) or _heading_alone(text, start, sentence):
        return False
    return not (_SPEECH_TAIL.search(sentence) or inside_quote(text, start))


def _heading_alone(text: str, start: int, sentence: str) -> bool:
    """The sentence is a whole heading line ("What has been done", "Who we worked with")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return " ".join(line.split()).rstrip(" .;") == sentence and _heading_line(text, line_start)


def _heading_line(text: str, line_start: int) -> bool:
    """A short line opening in a capital without final punctuation that stands alone between blank
    lines, or (a text layer without blank lines) follows a finished sentence and is followed by a line
    opening in a capital: a section heading of a narrative report, not a statement."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if not line[:1].isupper() or line[-1:] in ".;:!?,\"”" or len(line.split()) > 8:
        return False
    above = text[:line_start].rstrip(" \t")
    below = text[line_end:].lstrip(" \t")
    if (not above.strip() or above.endswith("\n\n")) and (not below.strip() or below.startswith("\n\n")):
        return True
    prev = above.rstrip("\n").rsplit("\n", 1)[-1].strip()
    nxt = below.lstrip("\n").split("\n", 1)[0].strip()
    return len(line) < 45 and (not prev or prev[-1:] in ".!?:") and nxt[:1].isupper()


_SUMMARY_HEADING = re.compile(r"^(?:ringkasan(?:\s+eksekutif)?|ikhtisar|rangkuman|rekapitulasi(?:\s+\w+){0,3}|rekap|"
                              r"executive\s+summary|summary|recap(?:itulation)?|overview|highlights|key\s+points|"
                              # a staff study's analysis and conclusion weigh the facts reported above it
                              r"analisis|analisa|kesimpulan|simpulan|conclusions?)\s*:?$",
                              re.IGNORECASE)
# a background section tells how the partnership came about (the agreement signed, who works with
# whom), not what was done in the period reported
_BACKGROUND_HEADING = re.compile(r"^(?:latar\s+belakang|pendahuluan|background|introduction|context|"
                                 # a visit report's aim: what the team set out to see, not what was done
                                 r"maksud(?:\s+dan\s+tujuan)?|tujuan|purpose|objectives?|aims?(?:\s+and\s+objectives)?|"
                                 # what a staff study takes for granted
                                 r"praanggapan|pra-anggapan|asumsi|assumptions?)\s*:?$",
                                 re.IGNORECASE)


def _summary_spans(text: str, heading: re.Pattern[str] = _SUMMARY_HEADING) -> list[tuple[int, int]]:
    """[start, end) of every section headed "Ringkasan" / "Summary" (or `heading`), up to the next
    heading."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    next_number: tuple[str, ...] | None = None
    offset = 0
    lines = text.splitlines(keepends=True)
    for k, line in enumerate(lines):
        is_heading = "|" not in line and (section_kind(line) is not None or _numbered_heading(line, lines[k + 1:]))
        # "1. Summary" ends where "2. Activity status" opens, though that line reads as no heading
        is_heading = is_heading or (open_at is not None and next_number is not None and "|" not in line
                                    and line.lstrip().startswith(next_number) and bool(_NUMBERED.match(line)))
        if is_heading:          # (a table's header row reads like a title: it is no heading)
            if open_at is not None:
                spans.append((open_at, offset))
                open_at = None
            body = _NUMBERED.sub("", line.strip(), count=1).strip()
            if heading.match(body):
                open_at = offset + len(line)
                next_number = _next_number(line)
        offset += len(line)
    if open_at is not None:
        spans.append((open_at, offset))
    return spans


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


_INDEX_CELL = re.compile(r"[ \t]*\|?[ \t]*(?:\d{1,2}(?:\.\d{1,2})?|[lI])[.)]?[ \t]*\|")   # "| 3 |", "| 3.2 |"


def _row_line_starts(text: str, tables: Sequence) -> set[int]:
    """Offsets of the lines that open a data row (a PDF text layer wraps a row over lines: the
    lines that go on are no row): with a number column, the lines opening with a number; with a
    header opening with "|", the lines opening with "|"; else every line."""
    out: set[int] = set()
    for t in tables:
        header_end = text.find("\n", t.start)
        header_end = t.end if header_end < 0 or header_end > t.end else header_end
        indexed = bool(t.roles) and t.roles[0] == "index"
        barred = text[t.start:header_end].lstrip().startswith("|")
        pos = header_end + 1
        while pos < t.end:
            nl = text.find("\n", pos)
            nl = t.end if nl < 0 or nl > t.end else nl
            line = text[pos:nl]
            if indexed:
                opens = bool(_INDEX_CELL.match(line))
            else:
                opens = line.lstrip().startswith("|") if barred else True
            if opens:
                out.add(pos)
            pos = nl + 1
    return out


def without_summaries(text: str, commitments: Sequence[Commitment]) -> list[Commitment]:
    """`commitments` less those read in a "Ringkasan" / "Summary" section (it restates what the
    sections below report, in other words) or a "Latar Belakang" / "Background" section (the
    agreement the report follows up, not a promise of the report), those in a counterparts section
    ("Who we worked with"), the report's sentence about itself ("This note summarises ...") and its
    header fields run together."""
    summaries = _summary_spans(text) + _summary_spans(text, _BACKGROUND_HEADING) + _counterpart_spans(text) \
        + heading_spans(text, _BACKGROUND_HEADING)
    commitments = without_form_prompts(text, commitments)
    return [c for c in commitments          # (a block read with its heading line starts before the span)
            if not (c.evidence and any(c.evidence[0].start < e and s < c.evidence[0].end for s, e in summaries))
            and not _SELF.match(c.text) and not _REQUEST_TO_READER.match(c.text)
            # the report's header fields run together by a text layer ("Cc: ... Date: ... Subject: ...")
            and not (c.evidence and len(_LABEL_START.findall(text, c.evidence[0].start, c.evidence[0].end)) >= 2)]


# "Who we worked with", "Counterparts", "Mitra Kerja": a narrative report's section naming the people
# the work went through, not work done
_COUNTERPARTS_HEADING = re.compile(r"^(?:who\s+we\s+(?:have\s+)?work(?:ed)?\s+with|(?:our\s+)?counterparts?|contact\s+persons?|"
                                   r"key\s+contacts|(?:people|persons?)\s+(?:met|involved)|mitra\s+kerja|narahubung|"
                                   r"pihak\s+yang\s+terlibat)\s*:?$", re.IGNORECASE)


def _counterpart_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every section under a counterparts heading standing alone on its line, up to
    the next such heading line."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body and _heading_line(text, offset):
            if open_at is not None:
                spans.append((open_at, offset))
                open_at = None
            if _COUNTERPARTS_HEADING.match(body):
                open_at = offset     # with the heading: a text layer runs it into the first sentence
        offset += len(line)
    if open_at is not None:
        spans.append((open_at, offset))
    return spans


def _next_number(line: str) -> tuple[str, ...] | None:
    """"2." after a heading numbered "1." ("II." after "I.", "B." after "A."); None when unnumbered."""
    m = re.match(r"\s*(\d{1,2}|[IVX]{1,4}|[A-Z])[.)]\s", line)
    if not m:
        return None
    value = m.group(1)
    if value.isdigit():
        return (f"{int(value) + 1}.", f"{int(value) + 1})")
    out = [f"{chr(ord(value[0]) + 1)}."] if len(value) == 1 and value < "Z" else []
    if value in _ROMAN[:-1]:
        out.append(f"{_ROMAN[_ROMAN.index(value) + 1]}.")
    return tuple(out) or None


def activity_commitments(text: str, activities: Sequence[ActivityStatement],
                         commitments: Sequence[Commitment]) -> list[Commitment]:
    """Commitments for the done statements of a report that no existing commitment already covers
    (offsets are into `text`, the document text the evidence points into)."""
    taken = [(e.start, e.end) for c in commitments for e in c.evidence]
    summaries = _summary_spans(text) + _summary_spans(text, _BACKGROUND_HEADING) + _counterpart_spans(text) \
        + heading_spans(text, _BACKGROUND_HEADING)
    prompts = form_prompts(text)
    tables = [(t.start, t.end) for t in find_pipe_tables(text)]
    row_lines = _row_line_starts(text, find_pipe_tables(text))
    board = is_task_board(text)
    out: list[Commitment] = []
    noted: list[tuple[int, int, Commitment]] = []   # cards given with their notes: the notes' statements are in them
    for a in activities:
        if not a.evidence:
            continue
        ev = a.evidence[0]
        if any(s < ev.end and ev.start < e for s, e in taken):
            continue
        if any(s <= ev.start < e for s, e in summaries):
            continue                 # the summary restates what the sections below report (the
            # background, what came before)
        sentence = " ".join(a.text.split()).rstrip(" .;")
        prompt = prompt_at(prompts, ev.start)
        if prompt is not None:       # a form's question run into its answer: the answer alone
            if ev.end <= prompt.answer_start:
                continue
            ev = replace(ev, start=prompt.answer_start, text=text[prompt.answer_start:ev.end])
            a = replace(a, evidence=(ev,) + tuple(a.evidence[1:]))
            sentence = " ".join(ev.text.split()).rstrip(" .;")
        owner = answer_of(prompts, ev.start)
        if owner is not None and section_kind(owner.question) == "basis":
            continue                 # the answer to "Dasar kerja sama": the agreement reported on, no activity
        if is_run_in_heading(text, ev.start, sentence):
            continue                 # "3. Findings on completed work. ...": the paragraph's heading
        titles = card_titles(text, ev.start, ev.end, board) or lone_card_title(text, ev.start, ev.end, board)
        run_on = not titles and bool(titles := run_on_card_titles(text, ev.start, ev.end, board))
        for k, (ts, te) in enumerate(titles):
            title = " ".join(text[ts:te].split()).rstrip(" .;")
            card_end = titles[k + 1][0] if k + 1 < len(titles) else end_of_card(text, te)
            notes = CARD_NOTES.search(text, te, card_end)
            if _OUTSIDE_AGREEMENT.search(title) or (notes and _OUTSIDE_AGREEMENT.search(notes.group("v"))) \
                    or (board and _OUTSIDE_AGREEMENT.search(column_of(text, ts))):
                continue
            evidence = a.evidence if len(titles) == 1 and not run_on else (replace(ev, start=ts, end=te,
                                                                                    text=text[ts:te]),)
            # (in a column not done, a title that says nothing of progress names the work; the notes say how far it got)
            topic = bool(notes) and (topic_title(title) or (board and not DONE_COLUMN.search(column_of(text, ts))
                                                             and not PROGRESS.search(title)))
            if topic:
                # "Safe school zones" / "Notes: Zebra crossings painted ...": a title of a few words names a topic;
                # the card's notes say what was done
                value_end = end_of_value(text, notes.end("v"), card_end)
                title = f"{title}: {' '.join(text[notes.start('v'):value_end].split()).rstrip(' .;')}"
            out.append(Commitment(text=title, action=title, parties=a.parties, due=None, confidence=0.5,
                                  evidence=evidence, needs_review=not a.parties))
            if topic:
                noted.append((ts, value_end, out[-1]))
        if titles:
            continue                 # (a card is done by its column or its "Selesai:" label, verb or not)
        line_start = text.rfind("\n", 0, ev.start) + 1
        in_table = any(s <= ev.start < e for s, e in tables) and line_start in row_lines
        if len(_LABEL_START.findall(text, ev.start, ev.end)) >= 2:
            continue                 # the report's header run together ("Mission dates: ...", "Prepared by: ...")
        if "|" in sentence and _NOT_DONE_STATUS.search(sentence):
            continue                 # pieces of a table the reader could not split, one not done
        if not in_table and not is_done_commitment(sentence, text, ev.start):
            continue                 # (a table row is done by its status cell, verb or not)
        out.append(Commitment(text=sentence, action=sentence, parties=a.parties, due=None, confidence=0.5,
                              evidence=a.evidence, needs_review=not a.parties))
    return [c for c in out if not (c.evidence and any(s <= c.evidence[0].start and c.evidence[0].end <= e
                                                         and c is not card for s, e, card in noted))]


# a clause of a line: up to ";", "!", "?" or a full stop before a space (not the dot inside "1.240" or "S.Pi.,")
_CLAUSE = re.compile(r"[^;!?\n]+?(?:[;!?]|\.(?=\s|$)|$)", re.MULTILINE)


def partial_commitments(text: str, evidence: Callable[[int, int], Evidence],
                        commitments: Sequence[Commitment]) -> list[Commitment]:
    """A report's partly done items ("Timbangan yang dijanjikan baru tiba 1 dari 3 unit; dua unit lagi belum
    dikirim", "only 12 of the 30 wells were drilled"): no activity for the whole commitment (matching), but the
    report says part of the work was done, so the clause saying what was done is a commitment of the report."""
    taken = [(e.start, e.end) for c in commitments for e in c.evidence]
    prompts = form_prompts(text)
    out: list[Commitment] = []
    clauses = list(_CLAUSE.finditer(text))
    for k, m in enumerate(clauses):
        start, end = m.start(), m.end()
        prompt = prompt_at(prompts, start)
        if prompt is not None:       # a form's question is no statement; its answer (after the label) may be
            if end <= prompt.answer_start:
                continue
            start = prompt.answer_start
        item = _ITEM.match(text, start, end) or _NUMBERED.match(text, start, end)
        start = item.end() if item else start
        clause = text[start:end].strip().rstrip(" .;!?")
        # the first clause answering a form's question on work partly done ("[6] Kegiatan yang baru sebagian
        # berjalan / Jawaban: Pelatihan agen untuk 6 orang dari 10 ...") names that work, verb or not
        answer = answer_of(prompts, start)
        answers_partly = bool(clause) and answer is not None and start == answer.answer_start \
            and is_partial(answer.question) and not is_not_done(answer.question)
        # "Kalibrasi dilakukan di 64 posyandu; sisanya dijadwalkan ulang": the rest left undone makes it a part
        rest = clauses[k + 1].group(0) if m.group(0).endswith(";") and k + 1 < len(clauses) else ""
        partial = is_partial(clause) or bool(_REST_UNDONE.match(rest)) and is_not_done(rest)
        if not answers_partly and (not clause or not partial or is_not_done(clause) or not tells_an_event(clause)):
            continue
        start = text.index(clause, start)
        end = start + len(clause)
        if any(s < end and start < e for s, e in taken) or not (answers_partly
                                                                or is_done_commitment(clause, text, start)):
            continue
        out.append(Commitment(text=clause, action=clause, parties=(), due=None, confidence=0.5,
                              evidence=(evidence(start, end),), needs_review=True))
    return out


_REST_UNDONE = re.compile(r"\s*(?:sisanya|selebihnya|the\s+rest|the\s+remaining)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"[ \t]*(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)][ \t]+(?=[A-Z])")


def _marker_class(line: str) -> str | None:
    m = _ITEM.match(line) or _NUMBERED.match(line)
    if not m:
        return None
    mark = m.group(0).strip()
    return "digit" if mark[:1].isdigit() else ("bullet" if mark[:1] in "-•–" else "letter")


def _numbered_heading(line: str, following: Sequence[str]) -> bool:
    """"5. Plans for next quarter (April to June 2026)" followed by "- ..." bullets or prose: a short
    numbered line without final punctuation naming a plan (or read as a section heading), whose next
    line is not another item of the same numbering."""
    m = _NUMBERED.match(line)
    body = line[m.end():].strip() if m else ""
    if not body or body[-1] in ".;,:!?" or len(body.split()) > 10:
        return False
    if not (_PLAN_HEADING.search(body) or section_kind(line) is not None):
        return False
    nxt = next((x for x in following if x.strip()), "")
    if nxt.strip()[:1].islower():
        return False                 # "1. Pelatihan Kader Posyandu" wrapped onto "dijadwalkan ...": an item
    return _marker_class(nxt) != _marker_class(line)


def planned_commitments(text: str, evidence: Callable[[int, int], Evidence],
                        commitments: Sequence[Commitment]) -> list[Commitment]:
    """The items listed under a plan heading of a report ("V. RENCANA KEGIATAN ...", "5. Plans for next
    quarter": "1. Pemasangan 7 unit ... pada Agustus 2025."): plans the report announces, not yet done. Items under a
    "belum terlaksana" / "kendala" heading are not plans; the list ends at the next heading."""
    taken = [(e.start, e.end) for c in commitments for e in c.evidence]
    out: list[Commitment] = []
    in_plan = False
    offset = 0
    lines = text.splitlines(keepends=True)
    for k, line in enumerate(lines):
        start = offset
        offset += len(line)
        item = _ITEM.match(line)
        if item and _numbered_heading(line, lines[k + 1:]):
            item = None              # "5. Plans for next quarter": a heading numbered like an item
        if not item:
            if section_kind(line) is not None or _numbered_heading(line, lines[k + 1:]):
                in_plan = bool(_PLAN_HEADING.search(line)) and not _NOT_PLAN_HEADING.search(line)
            continue
        if not in_plan:
            continue
        s, e = start + item.end(), start + len(line.rstrip())
        nxt_start = offset
        for nxt in lines[k + 1:]:   # a wrapped item goes on over lines that open no item or heading
            if not nxt.strip() or _ITEM.match(nxt) or section_kind(nxt) is not None or _LABEL_LINE.match(nxt):
                break
            e = nxt_start + len(nxt.rstrip())
            nxt_start += len(nxt)
        if any(a < e and s < b for a, b in taken):
            continue
        sentence = " ".join(text[s:e].split()).rstrip(" .;")
        if len(sentence.split()) < 3:
            continue
        out.append(Commitment(text=sentence, action=sentence, parties=(), due=None, confidence=0.5,
                              evidence=(evidence(s, e),), needs_review=True))
    return out


# a row of a pipe table ("1 | Pelatihan ... | 8-10 Juli | 35 peserta | Terlaksana. ...") and its status
# (OCR reads a row number "1" as "|", "l" or "I"; inside a table that still opens a row)
_ROW_START = re.compile(r"[ \t]*(?:\d{1,2}|[a-z]|[|lI])[.)]?[ \t]*\|")
_DONE_STATUS = re.compile(r"^\W*(?:(?:sudah|telah)\s+)?(?:terlaksana|dilaksanakan|selesai|tercapai|done|completed?|"
                          r"achieved|implemented|held)\b[\s.,;:-]*", re.IGNORECASE)
_NOT_DONE_STATUS = re.compile(r"\b(?:belum|ditunda|tertunda|batal|dibatalkan|diundur|postponed|cancell?ed|not\s+yet|"
                              r"delayed|on\s+hold|pending)\b", re.IGNORECASE)


def _table_rows(text: str) -> list[tuple[int, int]]:
    """[start, end) of every data row of a pipe table (a row may wrap over lines in a PDF text layer:
    it goes on until a blank line, the next row or a heading)."""
    rows: list[tuple[int, int]] = []
    offset = 0
    current: list[int] | None = None
    in_table = False
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        stripped = line.strip()
        if _ROW_START.match(line) and stripped.count("|") >= 2 and in_table:
            if current:
                rows.append((current[0], current[1]))
            current = [start, start + len(line.rstrip())]
            continue
        if current and stripped and section_kind(line) is None and not _NUMBERED.match(line):
            current[1] = start + len(line.rstrip())
            continue
        if stripped.count("|") >= 2 and not _ROW_START.match(line):
            in_table = True          # the header row: "No | Kegiatan | Waktu | Hasil"
            continue
        if current:
            rows.append((current[0], current[1]))
        current = None
        in_table = in_table and bool(stripped) and section_kind(line) is None
    if current:
        rows.append((current[0], current[1]))
    return rows


def with_table_rows(text: str, evidence: Callable[[int, int], Evidence],
                    commitments: Sequence[Commitment]) -> list[Commitment]:
    """`commitments` plus one per done table row. A commitment read from a piece of a row whose
    status is stated (a sentence of its result cell) gives way to the row: to the whole row when
    done, to nothing when postponed or not yet done."""
    rows = table_row_commitments(text, evidence)
    spans = [(s, e) for s, e, status, _ in _row_statuses(text) if status is not None]
    kept = [c for c in commitments
            if not (c.evidence and any(s <= c.evidence[0].start < e for s, e in spans))]
    return kept + rows


def _row_statuses(text: str) -> list[tuple[int, int, str | None, list[str]]]:
    """(start, end, "done" | "not_done" | None, cells without the row number) of every table row
    outside a recap section."""
    summaries = _summary_spans(text)
    out: list[tuple[int, int, str | None, list[str]]] = []
    for s, e in _table_rows(text):
        if any(a <= s < b for a, b in summaries):
            continue                 # a recap table restates the activities reported above
        cells = [" ".join(c.split()) for c in text[s:e].split("|")]
        cells = cells[1:] if re.fullmatch(r"(?:\d{1,2}|[a-z]|[lI])?[.)]?", cells[0]) else cells
        if any(_NOT_DONE_STATUS.search(c) for c in cells):
            status: str | None = "not_done"
        elif any(_DONE_STATUS.match(c) for c in cells):
            status = "done"
        else:
            status = None
        out.append((s, e, status, cells))
    return out


def table_row_commitments(text: str, evidence: Callable[[int, int], Evidence]) -> list[Commitment]:
    """One commitment per row of a report's pipe table whose status cell says it was done
    ("Terlaksana", "Selesai", "Completed"): the activity with its time, place, participants and
    result, the status word left out. Postponed or not-yet-done rows give none."""
    out: list[Commitment] = []
    for s, e, status, cells in _row_statuses(text):
        if status != "done":
            continue
        done = next(k for k, c in enumerate(cells) if _DONE_STATUS.match(c))
        cells[done] = _DONE_STATUS.sub("", cells[done], count=1)
        parts = [c.rstrip(" .;") for c in cells if c.strip(" -–.")]
        if not parts:
            continue
        out.append(Commitment(text="; ".join(parts), action=parts[0], parties=(), due=None, confidence=0.5,
                              evidence=(evidence(s, e),), needs_review=True))
    return out


# header cells that say who and by when, not what: the follow-up itself is in another column
_PLAN_META = re.compile(r"^\W*(?:no|nomor|#|pic|pj|penanggung\s*jawab|pelaksana|person\s+in\s+charge|"
                        r"responsib\w*|lead|batas\s+waktu|tenggat(?:\s+waktu)?|waktu|jadwal|target\s+waktu|"
                        r"deadline|due(?:\s+date)?|timeline|time\s*frame|by\s+when|when|status|keterangan|"
                        r"remarks?|notes?|catatan)\W*$", re.IGNORECASE)


def plan_table_commitments(text: str, evidence: Callable[[int, int], Evidence],
                           commitments: Sequence[Commitment]) -> list[Commitment]:
    """One planned commitment per row of a follow-up table ("No | Tindak Lanjut | Penanggung Jawab |
    Batas Waktu", "Action | PIC | Deadline"): the follow-up cell, the action the report plans."""
    taken = [(e.start, e.end) for c in commitments for e in c.evidence]
    out: list[Commitment] = []
    for table in find_pipe_tables(text):
        if not is_plan_table(table):
            continue
        header_end = text.find("\n", table.start)
        headers = [h.strip() for h in text[table.start:header_end if header_end >= 0 else table.end]
                   .strip().strip("|").split("|")]
        action = next((i for i, h in enumerate(headers) if h and not _PLAN_META.match(h)), None)
        if action is None:
            continue
        starts = _row_line_starts(text, [table])
        for row in table.rows:
            if action >= len(row) or not row[action].text:
                continue
            cell = row[action]
            if text.rfind("\n", 0, cell.start) + 1 not in starts:
                continue             # the wrapped rest of a row: its cells are not the row's columns
            if any(a < cell.end and cell.start < b for a, b in taken):
                continue
            end = _wrapped_cell_end(text, cell.end, table.end, starts)
            cell_text = text[cell.start:end]
            sentence = " ".join(cell_text.split()).rstrip(" .;")
            if len(sentence.split()) < 2:
                continue
            out.append(Commitment(text=sentence, action=sentence, parties=(), due=None, confidence=0.5,
                                  evidence=(evidence(cell.start, end),), needs_review=True))
    return out


def _wrapped_cell_end(text: str, end: int, table_end: int, row_starts: set[int]) -> int:
    """Where a cell ends when its row wraps: a cell that reaches the end of its line goes on over the
    next line (not a new row) up to that line's first "|"."""
    nl = text.find("\n", end)
    if nl < 0 or nl >= table_end or text[end:nl].strip():
        return end               # the cell is closed by "|" on its own line
    nxt = nl + 1
    if nxt in row_starts:
        return end
    bar = text.find("|", nxt)
    line_end = text.find("\n", nxt)
    line_end = len(text) if line_end < 0 else line_end
    return (bar if 0 <= bar < line_end else line_end) if text[nxt:line_end].strip() else end
