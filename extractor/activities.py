"""Activity reports -> activity statements (sentences or list items saying something WAS done).

A statement that only plans, postpones, cancels or has not happened yet ("akan", "direncanakan",
"ditunda", "batal", "belum", "will", "planned", "postponed", "cancelled") is not activity.
Direct speech, headings and key/value lines are not statements either.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.activity_cues import (
    DATELINE,
    done_parts,
    first_stage_only,
    is_figures_headline,
    is_outcome,
    is_partial,
    is_postponed,
    minutes_subject,
    names_organisation_section,
    names_partner_section,
    only_ordered,
    only_says_partnership,
    opens_what_is_ahead,
    points_back,
    rest_left_undone,
    restates_the_promise,
    same_actor,
    stages_called_off,
    starts_later,
    states_a_goal,
    tells_an_event,
    told_of_elsewhere,
    under_other_agreement,
    without_plan_comparison,
)
from extractor.chat import CHAT_HEADER, message_dates
from extractor.report_tables import blank_tables, find_pipe_tables, missed_measure, table_activities
from extractor.types import ActivityStatement, DateMention, DocumentText, Evidence, Party

# Single words and word sequences marking "not done (yet)". Matched on lower-cased word tokens.
NOT_DONE_ID = (
    "akan", "bakal", "direncanakan", "rencana", "rencananya", "berencana", "merencanakan",
    "ditunda", "tertunda", "menunda", "diundur", "batal", "dibatalkan", "membatalkan", "urung", "belum",
    "segera hadir", "nantikan",   # a teaser: "Segera hadir: ...", "Nantikan ..."
    "blm", "tdk jadi", "tdk dapat", "tdk bisa",   # chat shorthand of "belum", "tidak ..."
    "penundaan", "pembatalan", "dijadwalkan", "hendak", "siap", "perlu", "diharapkan", "sebaiknya", "menunggu", "gagal", "berhalangan",
    "tidak jadi", "tidak dapat", "tidak bisa", "tidak terlaksana", "tahun depan", "ke depan",
    "mendatang", "minggu depan", "pekan depan", "bulan depan", "tahun anggaran berikutnya", "ditangguhkan",
    "penjajakan", "dijajaki", "masih dalam tahap", "masih dalam proses", "masih dibahas",
    "sedang dibahas", "masih disusun", "masih menunggu",
    # talks still going on: what they are about is not done yet
    "masih membahas", "masih dalam pembahasan", "masih berunding", "masih dirundingkan", "masih dinegosiasikan",
    "masih berkoordinasi", "masih dikoordinasikan", "masih dalam pembicaraan", "masih dibicarakan",
    "masih dalam perundingan",
    # what was asked for and not given ("permintaan darah tidak terpenuhi")
    "tidak terpenuhi", "tidak dipenuhi", "tidak terlayani", "tidak tersedia", "tertahan", "tersangkut",
    "dicalonkan", "diusulkan untuk mengikuti", "diusulkan sebagai peserta",
    # a target said to be missed ("target 12 desa tidak tercapai")
    "tidak tercapai",
    # only at a first stage ("kajian baru pada tahap penyusunan proposal"): the thing is not done
    "baru pada tahap", "baru dalam tahap", "baru tahap", "masih pada tahap", "masih tahap",
    # preparing or drafting still in progress: the thing prepared is not done yet
    "sedang menyusun", "tengah menyusun", "sedang disusun", "tengah disusun", "sedang menyiapkan",
    "tengah menyiapkan", "sedang disiapkan", "tengah disiapkan", "sedang mempersiapkan",
    "tengah mempersiapkan", "sedang dipersiapkan", "tengah dipersiapkan",
    # a view or decision the parties share ("sepakat bahwa penempatan kerja masih lemah"), not work done
    "sepakat bahwa", "bersepakat bahwa", "menyepakati bahwa", "disepakati bahwa",
)
NOT_DONE_EN = (
    "will", "shall", "plan", "plans", "planned", "planning", "postponed", "postpone", "delayed",
    "cancelled", "canceled", "cancel", "cancellation", "postponement", "deferred", "deferral", "called off",
    "scheduled", "rescheduled", "intends", "intend", "upcoming",
    # a social post's teaser: "Coming soon: ...", "Stay tuned for ...", "the lamps are on the way"
    "coming soon", "stay tuned", "is on the way", "are on the way", "is on its way", "are on their way",
    "gearing up", "getting ready",
    "not yet", "yet to", "has not", "have not", "had not", "did not", "was not", "were not",
    "could not", "cannot", "unable to", "failed to", "look forward", "looks forward", "next year", "to be held", "expected to",
    "pending", "on hold", "next financial year", "next fiscal year", "next week", "next month", "under discussion", "being discussed", "being explored", "exploratory",
    "still being", "in the pipeline", "being prepared", "being drafted", "in preparation",
    "is preparing", "are preparing", "is drafting", "are drafting",
    "still discussing", "still negotiating", "still in talks", "still in discussion", "still in discussions",
    "still awaiting", "still waiting", "taken place yet", "happened yet", "reached yet",
    "remain in discussion", "remain in discussions", "remains in discussion", "remains in discussions",
    "remain in talks", "remains in talks", "unmet", "unfulfilled", "not met",
    "not fulfilled", "not available",
    "at the proposal stage", "at the planning stage", "at the design stage", "at an early stage",
    # held back on the way: not delivered
    "held up", "stuck at", "stuck in",
    # put forward for a course or post: a step before the thing
    "nominated for", "shortlisted for",
    # a view or decision the parties share ("agreed that placement is the weakest point"), not work done
    "agreed that", "agree that",
)
# A cue right after "yang" / "that" qualifies a noun ("perusahaan yang belum mendaftar"), not the
# statement's own verb, so it does not make the statement a plan.
_RELATIVE = {"yang", "that", "which", "who"}
# A cue after one of these says the thing went as planned ("berjalan sesuai rencana", "went ahead
# as planned", "earlier than scheduled"): the statement reports it done.
_CONFORMING_WORDS = frozenset({"sesuai", "seperti", "sebagaimana", "as", "than"})
_CONFORMING_PAIRS = frozenset({("sesuai", "dengan"), ("according", "to"), ("seperti", "yang"), ("as", "was")})
# A cue right before one of these names a body ("the city planning agency"), not a plan.
_BODY_NOUNS = {"agency", "office", "board", "department", "unit", "division", "committee", "bureau",
               "authority", "ministry", "team", "staff", "officer", "officers"}

# "approved the work plan for 2027", "menyetujui rencana kerja 2027": a plan as the thing made,
# approved or discussed (a document), not the statement's own verb saying it is only planned.
_PLAN_DOCUMENT_BEFORE = frozenset({"the", "a", "an", "its", "their", "our", "this", "that", "work", "action",
                                   "business", "annual", "master", "strategic", "joint", "implementation",
                                   "operational", "management", "development", "spatial", "budget"})
_RENCANA_DOCUMENT_AFTER = frozenset({"kerja", "aksi", "induk", "strategis", "anggaran", "kegiatan",
                                     "pembangunan", "tata", "tindak"})


_PLANNING_DOCUMENT_NAMES = frozenset({"tata", "induk", "detail", "strategis"})
_DRAFT_OF = frozenset({"rancangan", "draf", "draft", "dokumen", "penyusunan"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "this", "that", "his", "her", "your"})
_NOT_MODIFIERS = frozenset({"we", "they", "i", "you", "he", "she", "it", "who", "will", "would", "can", "could",
                            "may", "might", "must", "should", "shall", "to", "not", "also", "still", "now", "then",
                            "and", "or", "which"})


def _plan_after_determiner(words: list[str], i: int, nxt: str) -> bool:
    """"handed over the catchment plan", "a new plan for the river": the noun after a determiner and
    one or two modifiers. A plural word before it is the subject of the verb ("the parties plan a
    visit"), a pronoun too ("this year we plan")."""
    k, skipped = i - 1, 0
    while k > 0 and skipped < 2 and words[k] not in _DETERMINERS:
        w = words[k]
        if not w.isalpha() or w in _NOT_MODIFIERS or (w.endswith("s") and not w.endswith("ss")):
            return False
        k, skipped = k - 1, skipped + 1
    if words[k] not in _DETERMINERS or skipped == 0:
        return False
    # "the plan to line the canals" is an intention, "handed the plan to the district" a document;
    # "prioritise X in the catchment plan": X is put into a plan, it is planned
    after = words[i + 2] if i + 2 < len(words) else ""
    intention = nxt in ("is", "was", "calls") or (nxt == "to" and after not in _DETERMINERS)
    return not intention and (k == 0 or words[k - 1] not in ("in", "into", "under", "within"))


def _names_a_plan_document(words: list[str], i: int, n: int) -> bool:
    nxt = words[i + n] if i + n < len(words) else ""
    after = words[i + n + 1] if i + n + 1 < len(words) else ""
    if n == 1 and words[i] == "plan" and i > 0 and words[i - 1] in _PLAN_DOCUMENT_BEFORE:
        k = i - 1
        while k > 0 and (words[k] in _PLAN_DOCUMENT_BEFORE or words[k].isdigit()):
            k -= 1
        # "prioritise X in the 2026 work plan": X is put into a plan, it is planned
        return nxt not in ("to", "is", "was", "calls") and words[k] not in ("in", "into", "under", "within")
    if n == 1 and words[i] == "plan" and i > 1:
        return _plan_after_determiner(words, i, nxt)
    # "rancangan rencana tata ruang", "dokumen rencana induk": the plan is a planning document by its name
    if n == 1 and words[i] == "rencana" and (nxt in _PLANNING_DOCUMENT_NAMES or (i > 0 and words[i - 1] in _DRAFT_OF)):
        return True
    if n == 1 and words[i] == "rencana" and i > 0 and re.match(r"(?:me|di)\w{4,}", words[i - 1]) \
            and words[i - 1] not in ("dimasukkan", "memasukkan", "dimuat", "dicantumkan", "mencantumkan"):
        return nxt in _RENCANA_DOCUMENT_AFTER and not (nxt == "kerja" and after == "sama")
    return False


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# an item mark, also an emoji opening a line of a message ("✅ Perawat kunjungan rumah …", "⏳ Ambulans: …")
_ITEM = re.compile(r"^\s*(?:[-•*–]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\([0-9a-zA-Z]{1,3}\)|[ivxIVX]{1,4}[.)]|"
                   r"[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]\ufe0f?)\s+", re.MULTILINE)
_KEY_VALUE = re.compile(r"^\s*[\w ./]{1,25}\s:\s")
_QUOTE_START = re.compile(r'^\s*["“”\']')
# A social-media post ends its sentences with emoji instead of full stops ("... rame 😄 Adik-adik ...").
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d"
_SENT_END = re.compile(r"(?:[.!?]|[" + _EMOJI + r"]+)(?=[\"”’)]?\s+[\"“(]?[A-Z0-9])")
_ABBREV = frozenset(["dr", "drs", "dra", "ir", "prof", "no", "nomor", "yth", "jl", "jln", "st", "kec", "kab", "kel", "tgl", "hj", "h", "kh", "sdr", "bpk", "ny", "mr", "mrs", "ms", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "govt", "pt", "cv", "tbk", "a.n", "u.p", "s.d", "pte", "bhd", "sdn"])


_ENDS_SENTENCE_AT_LINE_END = frozenset(["a.m", "p.m", "etc", "dll", "dsb", "dst", "inc", "ltd", "corp", "co", "tbk"])
_NEGATIONS = frozenset({"tidak", "tak", "tiada"})


def _no_longer_needed(words: list[str], i: int, n: int) -> bool:
    """"warga tidak perlu lagi menempuh perjalanan ke kota" (no longer need to): what done work spared
    people, not a need still to be met."""
    return (n == 1 and words[i] == "perlu" and i > 0 and words[i - 1] in _NEGATIONS
            and i + 1 < len(words) and words[i + 1] == "lagi")


def _cues(tokens: list[str], cues: Sequence[str]) -> bool:
    words = [t.lower() for t in tokens]
    # in a line of capitalised words ("Penundaan Pelatihan Pengelola Perpustakaan") a capital names nothing
    title_case = sum(t[:1].isupper() for t in tokens if t.isalpha()) >= 0.7 * max(1, sum(t.isalpha() for t in tokens))
    for cue in cues:
        parts = cue.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i:i + n] != parts or (i > 0 and words[i - 1] in _RELATIVE):
                continue
            if (i > 0 and words[i - 1] in _CONFORMING_WORDS) or tuple(words[max(0, i - 2):i]) in _CONFORMING_PAIRS:
                continue
            # Capitalised inside a sentence it is part of a name ("Rencana Pembangunan Jangka
            # Menengah Desa", a planning document), not the statement's own verb.
            if i > 0 and tokens[i][:1].isupper() and not tokens[i].isupper() and not title_case:
                continue
            if i + n < len(words) and words[i + n] in _BODY_NOUNS:
                continue
            # "agreed the dates of next year's surgical weeks": a possessive names whose noun it is,
            # not when the statement's own act happens
            if i + n < len(words) and words[i + n] == "s":
                continue
            if _names_a_plan_document(words, i, n):
                continue
            if _no_longer_needed(words, i, n):
                continue
            return True
    return False


# "Sisa 22 lampu tidak dipasang", "tak disalurkan": a negated passive says the thing was not done, as
# "were not installed" does. Not where the negation is the promise kept or the finding ("tidak dipungut
# biaya", "data tidak dipublikasikan", "tidak ditemukan kerusakan"), nor in a clause of result or purpose
# ("diangkut ke TPA sehingga tidak dikembalikan hujan ke parit").
_NEGATED_PASSIVE = re.compile(
    r"(?<!yang )(?<!sehingga )(?<!agar )(?<!supaya )(?<!hingga )(?<!biar )\b(?:tidak|tak|tdk)\s+(?:lagi\s+)?"
    r"di(?!(?:pungut|tarik|kenai|kenakan|bebankan|publikasikan|sebarluaskan|bocorkan|tahan|temukan|perlukan|"
    r"ketahui|rasakan|izinkan|perbolehkan)\b)[a-z]{3,}", re.IGNORECASE)


# "were never installed", "tidak pernah diadakan", "tak kunjung dilaksanakan", "No training was held",
# "None of the caretakers has been trained", "Tak satu pun lampu dipasang", "was scrapped": it did not
# happen. Not a promise kept ("never charged a fee", "never missed a session").
_NEVER_DONE = re.compile(
    r"\bnever\s+(?:been\s+)?(?!(?:charged|asked|published|disclosed|shared|withheld|found|missed|failed|late)\b)[a-z]+|"
    r"\b(?:tidak|tak)\s+(?:pernah|kunjung)\s+(?!(?:dipungut|ditarik|dikenai|dikenakan|terlambat|absen|bolos)\b)[a-z]+|"
    r"\b(?:tidak|tak)\s+satu\s*pun\b|"
    r"\b(?:none\s+of|no)\s+(?:[a-z0-9-]+\s+){1,4}(?:was|were|has\s+been|have\s+been|has|have)\s+(?:been\s+)?"
    r"(?:held|conducted|carried\s+out|organi[sz]ed|delivered|installed|built|provided|trained|paid|issued|opened|run|"
    r"given|handed\s+over|set\s+up|certified|placed|visited|supplied|repaired|planted|distributed)\b|"
    r"\bneither\s+[^.;]{1,60}\bnor\s+[^.;]{1,60}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?!(?:reported|recorded|found|observed|received|noted|seen|injured|harmed|affected|hurt)\b)[a-z]+(?:ed|t|n)\b|"
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:scrapped|shelved|abandoned|dropped(?!\s+off))\b|"
    r"\b(?:dihentikan|dihapus\s+dari)\b", re.IGNORECASE)


def is_not_done(text: str) -> bool:
    """True when the statement only plans, postpones, cancels or says it has not happened."""
    tokens = _WORD.findall(text)
    return _cues(tokens, NOT_DONE_ID) or _cues(tokens, NOT_DONE_EN) or is_postponed(text) \
        or bool(_NEGATED_PASSIVE.search(text)) or bool(_NEVER_DONE.search(text))


# "… belum dapat disediakan. Ruangnya masih digunakan kantor lain.": after a statement that something
# is not done, a sentence saying a state still holds gives the reason it is not done (the obstacle
# persists), not a second activity. After a done statement "still" is kept ("masih digunakan
# dengan baik" reports the delivered thing in use).
_STILL = re.compile(r"\b(?:masih|still|remains?|remained)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:telah|sudah|has\s+been|have\s+been)\b", re.IGNORECASE)


def is_lasting_obstacle(sentence: str, previous_not_done: bool) -> bool:
    """A "still …" sentence right after a not-done one in the same paragraph: the reason, not an activity."""
    return previous_not_done and bool(_STILL.search(sentence)) and not _PERFECT.search(sentence)


def _blocks(text: str) -> list[tuple[int, int]]:
    """List items (with their indented continuation lines) and paragraphs, as (start, end)."""
    blocks: list[tuple[int, int]] = []
    start = end = None
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        line_start, line_end = offset, offset + len(body)
        offset += len(line)
        if not body.strip():
            if start is not None:
                blocks.append((start, end))
            start = end = None
            continue
        chat = CHAT_HEADER.match(body)
        if chat:  # a chat message: a block of its own, without its "[stamp] Sender:" header
            if start is not None:
                blocks.append((start, end))
            start, end = line_start + chat.end(), line_end
            continue
        is_item = bool(_ITEM.match(body))
        heading_like = body.strip().isupper() or len(_WORD.findall(body)) <= 3
        if start is None or is_item or heading_like or _prev_heading(text, start, end):
            if start is not None:
                blocks.append((start, end))
            start = line_start
        end = line_end
    if start is not None:
        blocks.append((start, end))
    return blocks


_SUB_ITEM = re.compile(r"[ \t]*(?:[-•*–]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\d{1,2}\.\d{1,2}\.?)[ \t]+")


_LINE_BREAKS = re.compile(r"\n(?:[ \t]*\n)*")


def _opens_list(text: str, end: int) -> bool:
    """The next non-blank line after `end` is a list item."""
    nxt = _LINE_BREAKS.match(text, end)
    return bool(nxt) and bool(_SUB_ITEM.match(text, nxt.end()))


def _list_heading(text: str, start: int, end: int) -> bool:
    """"2. People we worked with" over a list ("- Name, position", "2.1 ..."): a numbered line of a few
    words with no closing stop that opens the list under it is a section heading, not a statement."""
    chunk = text[start:end].strip()
    mark = _HEADING_MARK.match(chunk)
    if not mark or "\n" in chunk or chunk[-1:] in ".!?;" or len(_WORD.findall(chunk[mark.end():])) > 6:
        return False
    return _opens_list(text, end)


def _caption_over_list(text: str, start: int, end: int) -> bool:
    """"Remote clinics programme, Tanjung Ara" / "Site X – status at 30 June 2031" over a list: an
    unnumbered line of a few words with no closing stop and no event (no verb form, no done word)
    that opens the list under it captions the list, it reports nothing itself."""
    chunk = text[start:end].strip()
    if not chunk or "\n" in chunk or _ITEM.match(chunk) or chunk[-1:] in ".!?;:" or len(_WORD.findall(chunk)) > 10:
        return False
    return _opens_list(text, end) and not tells_an_event(chunk)


def _prev_heading(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return "\n" not in chunk and (chunk.strip().isupper() or len(_WORD.findall(chunk)) <= 3
                                  or chunk.rstrip().endswith(":"))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _SENT_END.finditer(text, start, end):
        before = text[cursor:m.start()].split()
        last = before[-1].lower().rstrip(".").lstrip("([\"'“‘") if before else ""  # "(No. 524/…" is no end
        if last in _ENDS_SENTENCE_AT_LINE_END and "\n" in text[m.end():m.end() + 3]:
            last = ""   # "... at 6.45 a.m." closing its line: the next line is a new sentence
        if re.fullmatch(r"(?:[a-z]{1,3}\.)*[a-z]{1,2}", last) and last.count(".") >= 1 or last in _ABBREV \
                or re.fullmatch(r"[a-z]", last):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


def _without_heading_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """The document's first sentence without the Title Case lines of the document's title ("Field
    Note\nVisit to X Regency, 14 July 2026\nDuring the visit we ..."): a title is no part of what was
    done. A section heading over an item stays: it may name the thing done ("Surat Tanda Daftar
    Budidaya\nDiterbitkan 1.088 ...")."""
    if text[:start].strip():
        return start, end
    while (nl := text.find("\n", start, end)) >= 0:
        line = text[start:nl].rstrip()
        if not line or line[-1] in ".!?;:," or any(w.islower() and len(w) >= 3 and w not in _FUNCTION
                                                    for w in _WORD.findall(line)):
            break
        start = nl + 1
        while start < end and text[start].isspace():
            start += 1
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _ITEM.match(text, start, end) if start < end else None
    if m and m.start() == start:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Words that stay lower-case inside a title ("Kegiatan yang Belum Terlaksana", "Plot in Muara").
_FUNCTION = frozenset(["kepada", "terhadap", "atas", "melalui", "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "atau", "oleh", "dalam", "bagi", "serta", "tentang", "antara", "of", "and", "the", "to", "for", "in", "on", "at", "with", "by", "from", "a", "an"])
# First words of a document or section title ("Laporan Kegiatan …", "Quarterly Activity Note").
_TITLE_HEADS = frozenset(["laporan", "report", "catatan", "note", "notulen", "notula", "minutes", "rekapitulasi", "ringkasan", "summary", "berita", "siaran", "press", "nota", "memo", "lampiran", "annex", "progress", "quarterly", "monthly", "annual"])
# A legal-basis item cites an instrument by number or date ("Surat Tugas … Nomor 800/…/2025").
_INSTRUMENT = re.compile(
    r"^(?:surat|keputusan|peraturan|undang-undang|instruksi|kesepakatan\s+bersama|perjanjian|nota\s+kesepahaman|"
    r"nota\s+dinas|memorandum|mou|pks|permendagri|permen|perpres|perda|perbup|perwali|pergub|sk|letter|decree|"
    r"regulation|agreement|the\s+(?:memorandum|agreement|letter|decree|regulation))\b", re.IGNORECASE)
_CITATION = re.compile(r"\b(?:nomor|no\.|number|tanggal|tgl\.?|dated)\s*:?\s*\S", re.IGNORECASE)
_DONE_MARK = re.compile(r"\b(?:telah|sudah|was|were|has\s+been|have\s+been)\b", re.IGNORECASE)
# Courtesy formulas closing a letter ("Atas perhatian … kami ucapkan terima kasih").
# Also the informal thanks of a post, before its closing emoji ("Makasih adik-adik! 🙏", "Thanks, team 👏").
_THANKS = r"(?:terima\s+kasih|makasih|thank\s+you|thanks(?!\s+to\b)|arigato|arigatou(?:\s+gozaimasu)?|matur\s+nuwun)"
_COURTESY = re.compile(r"^(?:atas\s+(?:perhatian|kerja\s*sama|bantuan|dukungan)|" + _THANKS + r"|"
                       r"we\s+thank|thanking\s+you)\b|\b" + _THANKS + r"\b[^.]{0,40}[.!]?[\s" + _EMOJI + r"]*$",
                       re.IGNORECASE)
# "Thank you again for the room on the second floor and for letting our surveyors consult the land
# records": thanks for a thing given tell that it was given; thanks for attention, cooperation, support
# or attendance are courtesy
_THANKS_FOR_GIVEN = re.compile(
    r"^" + _THANKS + r"(?:\s+(?:again|sekali\s+lagi|banyak|very\s+much|so\s+much))?\s+"
    r"(?:for\s+(?:the\s+|an?\s+|(?=(?:letting|lending|providing|hosting|supplying|giving|sharing)\b))|atas\s+)"
    r"(?!(?:perhatian|kerja\s*sama|bantuan|dukungan|partisipasi|kehadiran|attention|co-?operation|support|"
    r"participation|attendance|time|patience|help|kind)\w*\b)(?:[^\W\d_]+\W+){6}", re.IGNORECASE)
# "Terima kasih juga, ayah saya kemarin menerima KK baru diantar kurir ke rumah.": thanks opening a
# sentence whose clause after the comma tells what was received; the clause is the statement
_THANKS_LEAD = re.compile(_THANKS + r"(?:\s+(?:juga|also|again|ya|banyak|sekali))*\s*,\s*"
                          r"(?!(?:atas|for|kepada|to|semoga|hope|and|dan)\b|(?:pak|bu|bapak|ibu|sir|madam|all|semua)\b[^\w\s])"
                          r"(?=(?:\w+\W+){6})", re.IGNORECASE)
# A cover sentence handing over the report itself ("bersama ini kami sampaikan laporan pelaksanaan
# kegiatan triwulan …", "we hereby submit the quarterly progress report"): submitting the report is
# itself the activity of a reporting obligation.
_SUBMITS_REPORT = re.compile(
    r"\b(?:bersama|dengan)\s+ini\s+(?:kami\s+)?(?:sampaikan|serahkan|kirimkan|menyampaikan|menyerahkan|"
    r"mengirimkan)\s+laporan\b|\b(?:we\s+(?:hereby\s+)?|hereby\s+)(?:submit|present|transmit|send)\s+"
    r"(?:the|our|this)?\s*(?:[\w-]+\s+){0,4}report\b|\bplease\s+find\s+(?:attached|enclosed)\s+(?:the|our)\s+"
    r"(?:[\w-]+\s+){0,4}report\b", re.IGNORECASE)
_AS_FOLLOWS = re.compile(r"\s*(?:,?\s*(?:sebagai\s+berikut|as\s+follows))?\s*:\s*$", re.IGNORECASE)
# Sentences about the report itself, not about an activity.
_META = re.compile(r"^(?:laporan\s+(?:ini|tersebut)|this\s+report|the\s+present\s+report|"
                   r"(?:bersama|dengan)\s+ini\s+kami\s+(?:laporkan|sampaikan)|"
                   # a chat message announcing the news that follows ("Sy sampaikan perkembangan kerja sama ...")
                   r"(?:saya|sy|kami|aku)\s+(?:sampaikan|laporkan|informasikan)\s+(?:perkembangan|laporan|informasi|kerja\s*sama|"
                   r"kabar|update)|(?:i|we)\s+(?:would\s+like\s+to\s+|want\s+to\s+)?(?:share|give|post)\s+"
                   r"(?:an?\s+|the\s+|some\s+)?(?:update|progress|news)\b)\b", re.IGNORECASE)
# A greeting opening a message or letter, with at most a few words of address ("Assalamualaikum bapak ibu
# warga.", "Selamat pagi semua 🙏", "Good morning, team!")
_GREETING = re.compile(r"^\W*(?:assalamu['’]?alaikum|salam\s+sejahtera|selamat\s+(?:pagi|siang|sore|malam)|"
                       r"halo|hai|good\s+(?:morning|afternoon|evening)|hello|hi)\b[^.!?\n]{0,40}[.!?]*[\s"
                       + _EMOJI + r"]*$", re.IGNORECASE)


def _lines_words(s: str) -> list[list[str]]:
    return [_WORD.findall(line) for line in s.splitlines() if line.strip()]


def is_title_like(s: str) -> bool:
    """A heading, title, name or signature block: no lower-case content word and short lines, or a
    document-type title without a full stop ("Laporan Kegiatan Sekolah Lapang", "Kepala Dinas X",
    "NAMA, S.T., M.Si. / Pembina Tingkat I")."""
    lines = _lines_words(s)
    if not lines:
        return True
    words = [w for line in lines for w in line]
    content = [w for w in words if w.isalpha() and w.lower() not in _FUNCTION]
    # no lower-case content word, and short lines or a list of names ("Dinas Kesehatan Kota X dan
    # RSU Y"); a longer line with "di/at/in" is a news headline, which says what was done
    if not any(w.islower() and len(w) >= 3 for w in content) and (
            all(len(line) <= 8 for line in lines)
            or all(w.lower() in ("dan", "and", "serta") for w in words if w.islower())):
        return True
    ends = s.rstrip()[-1:] in ".!?"
    return not ends and bool(words) and words[0].lower() in _TITLE_HEADS


# "Peraturan Desa Nomor 3 … ditetapkan tanggal 24 Juni": a regulation or decree the report says was
# enacted is something done (an agreement "yang ditandatangani" on a date is still the basis)
_ENACTED = re.compile(r"(?<!yang )\b(?:ditetapkan|diterbitkan|disahkan|diundangkan|dikeluarkan|"
                      r"(?:was|were|has\s+been)\s+(?:issued|enacted|adopted|passed))\b", re.IGNORECASE)
_AGREEMENT_INSTRUMENT = re.compile(r"^(?:kesepakatan|perjanjian|nota|memorandum|mou|pks|agreement|the\s+agreement|"
                                   r"the\s+memorandum)\b", re.IGNORECASE)


def is_legal_basis(s: str) -> bool:
    """An item citing the instrument the report rests on ("Surat Tugas Kepala Dinas … Nomor …",
    "Nota Kesepahaman antara A dan B tanggal …"), not something done."""
    head = s.lstrip()
    if _ENACTED.search(head) and not _AGREEMENT_INSTRUMENT.match(head):
        return False
    return bool(_INSTRUMENT.match(head)) and bool(_CITATION.search(s)) and not _DONE_MARK.search(s)


def _is_statement(s: str) -> bool:
    words = _WORD.findall(s)
    alpha = [w for w in words if w.isalpha()]
    if len(alpha) < 4 or s.isupper() or s.rstrip().endswith((":", ",", "?")):  # a question tells nothing done
        return False
    if len(alpha) < 7 and not any(w.islower() and len(w) >= 2 for w in alpha):  # names, signatures
        return False
    if _KEY_VALUE.match(s) or _QUOTE_START.match(s):
        return False
    if "\n" not in s.strip() and ":" in s and len(words) <= 8 and s.rstrip()[-1:] not in ".!?":
        return False  # "Date of report: 15 December 2024"
    if is_title_like(s) or is_legal_basis(s) or _META.match(s.lstrip()) \
            or (_COURTESY.search(s.strip()) and not _THANKS_FOR_GIVEN.match(s.strip())) \
            or _GREETING.match(s):
        return False
    low = s.lower()
    return not (low.startswith(("ttd", "demikian", "tembusan", "signed")))


# ---- sections: statements under "Kegiatan yang Belum Terlaksana", "Kendala", "Dasar" … ------------

# ... and a done participle ("Master plan delivered", "Rencana induk diserahkan": the plan is the
# document handed over, the section reports it done)
_SECTION_DONE = re.compile(r"\b(?:telah|sudah|capaian|realisasi|hasil|terlaksana(?!\w)|completed|achievements?|"
                           r"results?|accomplish\w*|done|carried\s+out|selesai|rampung|tuntas|diserahkan|"
                           r"diresmikan|ditandatangani|diluncurkan|delivered|handed\s+over|submitted|signed|"
                           r"launched|inaugurated|finished)\b", re.IGNORECASE)
_SECTION_NOT_DONE = re.compile(
    r"\b(?:belum|rencana|direncanakan|tertunda|ditunda|batal|dibatalkan|kendala|hambatan|permasalahan|masalah|"
    r"tindak\s+lanjut|saran|rekomendasi|agenda|planned|plans?|next\s+steps?|upcoming|pending|outstanding|"
    r"challenges?|constraints?|obstacles?|issues|follow[- ]up|recommendations?|not\s+yet|postponed|"
    r"cancell?ed|delayed)\b", re.IGNORECASE)
_SECTION_BASIS = re.compile(r"\b(?:dasar(?:\s+hukum)?|landasan|rujukan|referensi|acuan|menimbang|mengingat|"
                            r"legal\s+basis|references?|basis)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:belum|tidak|not(?:\s+yet)?|yet\s+to\s+be|(?:akan|will|to)(?:\s+be)?)\s+\w+",
                      re.IGNORECASE)
_HEADING_MARK = re.compile(r"^\s*(?:[A-Z]|[IVX]{1,4}|[0-9]{1,2})[.)]\s+")


def section_kind(line: str) -> str | None:
    """`not_done` | `basis` | `done` | `other` when the line is a section heading, else None.
    A "belum/kendala" heading wins over a "telah/hasil" word only when it has none of them."""
    body = line.strip()
    if not body or body[0] in "-•*–" or body[-1] in ".;,!?":
        return None
    body = without_plan_comparison(_HEADING_MARK.sub("", body).rstrip(":").strip())
    words = _WORD.findall(body)
    if not words or len(words) > 8:
        return None
    has_kind = _SECTION_DONE.search(body) or _SECTION_NOT_DONE.search(body) or _SECTION_BASIS.search(body)
    if not (is_title_like(body) or (has_kind and len(words) <= 6)):
        return None
    affirmed = _NEGATED.sub(" ", body)  # "Belum Terlaksana": the done word is negated
    if _SECTION_NOT_DONE.search(body) and not _SECTION_DONE.search(affirmed):
        return "not_done"
    if _SECTION_DONE.search(affirmed):
        return "done"
    if _SECTION_BASIS.search(body) and len(words) <= 3:
        return "basis"
    return "other"


def _sections(text: str) -> list[tuple[int, str]]:
    """(offset of the heading line, kind) for every heading, in order."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        # a table's header row is no heading ("| Kegiatan | Sumber | Pagu |" under "Rencana …")
        kind = section_kind(line) if "|" not in line else None
        if kind is not None:
            out.append((offset, kind))
        offset += len(line)
    return out


def _section_at(sections: list[tuple[int, str]], offset: int) -> str:
    kind = "other"
    for start, k in sections:
        if start > offset:
            break
        kind = k
    return kind


_MONTHS = {m: i + 1 for i, m in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"])}
_MONTHS.update({m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])})
_MONTHS.update({"agu": 8, "okt": 10, "des": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
                "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12})
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_RANGE_JOIN = r"\s*(?:[–-]|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|to|until|and|dan)\s*"
# "4 sampai 28 November 2024", "14 October and 29 November 2024": the range starts on the first day
_DATE_RANGE = re.compile(r"\b(\d{1,2})\s+(" + _MONTH_NAMES + r")\.?" + _RANGE_JOIN
                         + r"\d{1,2}\s+(?:" + _MONTH_NAMES + r")\.?\s+(\d{4})\b", re.IGNORECASE)
_DATE_WORDS = re.compile(r"\b(\d{1,2})(?:" + _RANGE_JOIN + r"\d{1,2})?\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
# "Agustus 2024", "Oktober sampai Desember 2024", "In September 2024": the month's first day
_MONTH_YEAR = re.compile(r"(?<![\w/])(" + _MONTH_NAMES + r")\.?(?:" + _RANGE_JOIN + r"(?:" + _MONTH_NAMES
                         + r")\.?)?\s+(\d{4})\b", re.IGNORECASE)
# A date the agreement was signed on, cited in a report, is not the date of an activity.
_SIGNED_BEFORE = re.compile(
    r"\b(?:kesepahaman|perjanjian|kesepakatan|memorandum|mou|pks|agreement|kerja\s*sama|cooperation)\b[^.\n]{0,100}?"
    r"\b(?:ditandatangani|ditandatanganinya|penandatanganan|menandatangani|diteken|signed|signing|tanggal|tgl|"
    r"dated)\b[^.\n]{0,30}$", re.IGNORECASE)


def find_dates(text: str) -> list[tuple[int, str]]:
    """(offset, YYYY-MM-DD) of plain day-month-year dates; a fallback when extraction gave none."""
    found = []
    taken: set[int] = set()
    for m in _DATE_RANGE.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        if month and 1 <= int(m.group(1)) <= 31:
            found.append((m.start(), f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"))
            taken.update(range(m.start(), m.end()))
    for m in _DATE_WORDS.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        if month and 1 <= int(m.group(1)) <= 31 and m.start() not in taken:
            found.append((m.start(), f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"))
    for m in _DATE_NUM.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((m.start(), f"{int(m.group(3)):04d}-{month:02d}-{day:02d}"))
    return sorted(found)


def find_month_years(text: str) -> list[tuple[int, str]]:
    """(offset, YYYY-MM-01) of month-year mentions without a day."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if re.search(r"\d\s*$", before):
            continue  # part of a full date
        month = _MONTHS.get(m.group(1).lower())
        if month and len(m.group(1)) >= 3:
            out.append((m.start(), f"{int(m.group(2)):04d}-{month:02d}-01"))
    return out


def is_agreement_date(text: str, offset: int) -> bool:
    """Is the date at `offset` the agreement's signing date ("… yang ditandatangani pada 2 Juli 2024")?"""
    line_start = text.rfind("\n", 0, offset) + 1
    return bool(_SIGNED_BEFORE.search(text[max(line_start, offset - 120):offset]))


def _date_points(doc: DocumentText, dates: Sequence[DateMention]) -> list[tuple[int, str]]:
    points = [(e.start, d.date) for d in dates if d.date for e in d.evidence[:1]]
    points = sorted(set(points) | set(find_dates(doc.text)))
    return [(off, d) for off, d in points if not is_agreement_date(doc.text, off)]


def _head_dateline(text: str, points: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """(offset, date) of a dateline among the first ~15 lines ("Rabu, 25 November 2026", "Kota X, 3 Mei
    2026"): the day the report was written, when it says so before what it tells."""
    offset = 0
    for line in text.splitlines(keepends=True)[:15]:
        if DATELINE.match(line.rstrip("\r\n")):
            found = [(off, d) for off, d in points if offset <= off < offset + len(line)]
            if found:
                return found[0]
        offset += len(line)
    return None


def report_date(doc: DocumentText, dates: Sequence[DateMention] = ()) -> str | None:
    """The date a report was issued: its dateline ("Teluk Damai, 15 Januari 2025", "Tanggal: …"),
    the first one in the head, else the last one; without a dateline the first date in the first
    ~15 lines, else the latest date. Dates the agreement was signed on never count."""
    points = _date_points(doc, dates)
    if not points:
        return None
    lines = doc.text.splitlines(keepends=True)
    head_end = sum(len(line) for line in lines[:15])
    offset, datelines = 0, []
    for line in lines:
        if DATELINE.match(line.rstrip("\r\n")):
            datelines += [(off, d) for off, d in points if offset <= off < offset + len(line)]
        offset += len(line)
    if datelines:
        head_lines = [d for off, d in datelines if off < head_end]
        return head_lines[0] if head_lines else datelines[-1][1]
    head = [d for off, d in points if off < head_end]
    return head[0] if head else max(d for _, d in points)


def statement_date(text: str, start: int, end: int, points: Sequence[tuple[int, str]]) -> str | None:
    """The statement's own date: its first full date, else its first month-year ("Agustus 2024"),
    never the agreement's signing date."""
    inside = [d for off, d in points if start <= off < end]
    if inside:
        return inside[0]
    months = [(start + off, d) for off, d in find_month_years(text[start:end])]
    months = [d for off, d in months if not is_agreement_date(text, off)]
    return months[0] if months else None


def mentioned_parties(text: str, parties: Sequence[Party]) -> tuple[str, ...]:
    low = text.lower()
    found = []
    for party in parties:
        names = (party.name, *party.aliases)
        if any(n and re.search(r"\b" + re.escape(n.lower()) + r"\b", low) for n in names):
            found.append(party.name)
    return tuple(dict.fromkeys(found))


_YEAR = re.compile(r"\b(19|20)\d\d\b")


def letterhead(text: str, max_lines: int = 4) -> tuple[str, ...]:
    """The reporting organisation: short lines of the first block that are not dates or titles
    ("PEMERINTAH KOTA X", "DINAS Y", "BPJS Ketenagakerjaan Kantor Cabang Z"). An exported group chat has
    none: its first line names the group ('Grup WA "Info Desa X"'), its senders speak for themselves."""
    if len(message_dates(text[:5000])) >= 3:
        return ()
    out: list[str] = []
    for line in text.lstrip().splitlines():
        line = line.strip()
        if not line:
            break
        words = _WORD.findall(line)
        if len(out) >= max_lines or not words or len(words) > 12 or _YEAR.search(line) \
                or line.endswith((".", ":")):
            continue
        if line.isupper() or not out:
            out.append(line)
    return tuple(out)


# "LAPORAN SINGKAT KEGIATAN" / "Laporan Pelaksanaan Kegiatan: X" / "Activity Report – X"
_ACTIVITY_REPORT_TITLE = re.compile(
    r"^\s*(?:(?:laporan|report)(?:\s+(?:singkat|pelaksanaan|hasil|brief|short))*\s+(?:kegiatan|on\s+the\s+activity|"
    r"of\s+the\s+activity)|(?:brief\s+|short\s+)?activity\s+report)\b\s*[:–—-]?\s*", re.IGNORECASE)
# A subject that is a period or the agreement itself names no activity ("Triwulan III Tahun 2024",
# "Pelaksanaan Nota Kesepahaman dengan X").
_NOT_AN_ACTIVITY = re.compile(
    r"\b(?:triwulan|semester|bulan|tahun|periode|quarter|quarterly|month|monthly|annual|year|period|"
    r"kerja\s*sama|nota|kesepahaman|kesepakatan|perjanjian|memorandum|mou|pks|cooperation|agreement|"
    r"rencana|plan|planned)\b|^\W*\d", re.IGNORECASE)
_HEAD_LINES = 12


def report_subject(text: str) -> tuple[int, int] | None:
    """(start, end) of the activity an activity report is titled with: the words after "Laporan
    (Singkat) Kegiatan" on its line, else the next line ("LAPORAN SINGKAT KEGIATAN" / "Bimbingan
    Teknis X"). A report written about one activity says that activity took place. None when the
    subject is a period, the agreement itself, a plan, or a label line ("Nomor: …")."""
    offset = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[:_HEAD_LINES]):
        m = _ACTIVITY_REPORT_TITLE.match(line)
        if m:
            start, end = offset + m.end(), offset + len(line.rstrip("\r\n"))
            if start >= end:  # the subject is on the next non-empty line
                nxt = offset + len(line)
                for following in lines[i + 1:i + 3]:
                    if following.strip():
                        start = nxt + len(following) - len(following.lstrip())
                        end = nxt + len(following.rstrip())
                        break
                    nxt += len(following)
            subject = text[start:end]
            words = _WORD.findall(subject)
            if (2 <= len(words) <= 16 and ":" not in subject and not _NOT_AN_ACTIVITY.search(subject)
                    and not is_not_done(text[offset:end]) and not _YEAR.search(subject)):
                return start, end
            return None
        offset += len(line)
    return None


# "Materi: …", "Topics: …", "Materinya: …": a label and a list, no verb
_LABEL_LEAD = re.compile(r"[A-Z][\w-]*(?:[ \t]+[\w-]+){0,2}:[ \t]+(?=\S)")


_COVERED_LEAD = re.compile(r"(?:materi|materinya|topik|pokok\s+bahasan|the\s+(?:topics|curriculum|syllabus|"
                           r"course|training|session|workshop)s?|topics)(?:\s+(?:pelatihan|kegiatan|penyuluhan|"
                           r"sosialisasi|bimtek|yang\s+disampaikan|covered))?\s+(?:mencakup|meliputi|terdiri\s+(?:atas|dari)|"
                           r"berupa|antara\s+lain|covered|included|includes|were|ranged)\b", re.IGNORECASE)


# "Kegiatan diikuti 40 kader", "The session was attended by ...": who took part in what was just told
_ATTENDED_LEAD = re.compile(r"(?:kegiatan|acara|pelatihan|pertemuan|rapat|sosialisasi|penyuluhan)(?:\s+(?:ini|tersebut|itu))?"
                            r"\s+diikuti\b|(?:the\s+)?(?:event|activity|session|training|workshop|meeting)\s+was\s+"
                            r"attended\s+by\b", re.IGNORECASE)


def elaborates(text: str, previous: Evidence, block_start: int, start: int) -> bool:
    """The sentence at `start` lists what the statement just before it on the same line covered
    ("Pelatihan pengelolaan sampah diikuti 40 kader. Materi: pemilahan, kompos dan bank sampah."), or
    says who attended it (also on the next line): read with that statement, not apart from it."""
    if _ATTENDED_LEAD.match(text, start):
        return block_start <= previous.start and previous.end <= start and not text[previous.end:start].strip()
    if _COVERED_LEAD.match(text, start):
        # "Materi pelatihan mencakup A, B dan C", "Topics covered included ...": what it covered
        return (block_start <= previous.start and previous.end <= start
                and "\n" not in text[previous.end:start].strip(" \t"))
    m = _LABEL_LEAD.match(text, start)
    if not m or not (block_start <= previous.start and previous.end <= start) or "\n" in text[previous.end:start]:
        return False
    rest_end = text.find("\n", start)
    rest = text[m.end():rest_end if rest_end >= 0 else len(text)]
    first = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    # "Waste pickers: we are still negotiating ...": something not done stays apart (and out)
    return not tells_an_event(first) and not is_not_done(first)


def extract_activities(doc: DocumentText, *, dates: Sequence[DateMention] = (),
                       parties: Sequence[Party] = ()) -> tuple[ActivityStatement, ...]:
    """Statements of something done, each with its date (its own, else the report's), the parties
    it names plus the reporting organisation (letterhead), and its evidence."""
    text = doc.text
    reporter = letterhead(text)
    points = _date_points(doc, dates)
    default_date = report_date(doc, dates)
    report_year = int(default_date[:4]) if default_date else None
    written = _head_dateline(text, points)
    called_off = stages_called_off(text)

    def not_done(sentence: str) -> bool:
        return (is_not_done(sentence) or starts_later(sentence, report_year) or is_outcome(sentence)
                or under_other_agreement(sentence) or is_partial(sentence) or states_a_goal(sentence)
                or only_says_partnership(sentence) or only_ordered(sentence)
                or first_stage_only(sentence, called_off) or restates_the_promise(sentence))

    sections = _sections(text)
    out: list[ActivityStatement] = []
    tables = find_pipe_tables(text)
    for table in tables:  # rows whose status / realisation says done or under way
        if _section_at(sections, table.start) in ("not_done", "basis"):
            continue
        missed = missed_measure(text, table.end)
        for row in table_activities(text, table, is_not_done):
            if missed and re.search(r"\d[\d.,]*\s*" + re.escape(missed) + r"\b", row.text.lower()):
                continue  # the note under the table says this measure ("16 hari kerja") missed its limit
            date = next((d for s, e in row.cells if (d := statement_date(text, s, e, points))), None)
            out.append(ActivityStatement(
                text=row.text, date=date or default_date,
                parties=tuple(dict.fromkeys(mentioned_parties(row.text, parties) + reporter)),
                evidence=(doc.evidence(row.start, row.end),)))
    chat_dates = message_dates(text)  # a chat message's stamp dates what it tells
    for b_start, b_end in _blocks(blank_tables(text, tables)):
        day = chat_dates.get(b_start, default_date)
        heading = _partner_heading(text, b_start, b_end)
        if heading and _section_at(sections, b_start) not in ("not_done", "basis"):
            h_start, h_end = heading
            out.append(ActivityStatement(
                text=text[h_start:h_end], date=day,
                parties=tuple(dict.fromkeys(mentioned_parties(text[h_start:h_end], parties) + reporter)),
                evidence=(doc.evidence(h_start, h_end),)))
            b_start = _trim(text, h_end, b_end)[0]  # the section's first lines, when no blank line follows
            if b_start >= b_end:
                continue
        if _section_at(sections, b_start) in ("not_done", "basis") or _list_heading(text, b_start, b_end) \
                or _caption_over_list(text, b_start, b_end) or is_figures_headline(text[b_start:b_end]):
            continue  # under "Kegiatan yang Belum Terlaksana", "Kendala", "Rencana …", "Dasar"
        previous_not_done = ahead = other_work = False
        for s_start, s_end in _sentences(text, b_start, b_end):
            start, end = _without_heading_lines(text, *_trim(text, s_start, s_end))
            if thanks := _THANKS_LEAD.match(text, start, end):
                start = thanks.end()
            sentence = text[start:end]
            ahead = ahead or opens_what_is_ahead(sentence)
            if ahead:  # "What's next: …" and the rest of its paragraph
                previous_not_done = True
                continue
            lasting = is_lasting_obstacle(sentence, previous_not_done)
            previous_not_done = is_not_done(sentence) or lasting
            if rest_left_undone(sentence, is_not_done) and out and b_start <= out[-1].evidence[0].start < start:
                out.pop()   # the statement before reports only a part of the job
            if lasting:
                continue
            # work told of another place, and what the next sentence says its actor also did
            if told_of_elsewhere(sentence) or (other_work and same_actor(sentence)):
                other_work = True
                continue
            other_work = under_other_agreement(sentence)
            if other_work:
                # the whole sentence, not only its clauses before the cue ("X also delivered food aid,
                # but that work is not linked to ..."); "That work is separate from …" takes the
                # statement just before it in the paragraph along
                if points_back(sentence) and out and b_start <= out[-1].evidence[0].start < start:
                    out.pop()
                continue
            if _SUBMITS_REPORT.search(sentence) and not is_not_done(sentence):
                end = start + len(_AS_FOLLOWS.sub("", sentence))
                out.append(ActivityStatement(
                    text=text[start:end], date=day,  # handed over on the report's date
                    parties=tuple(dict.fromkeys(mentioned_parties(sentence, parties) + reporter)),
                    evidence=(doc.evidence(start, end),)))
                continue
            if out and elaborates(text, out[-1].evidence[0], b_start, start):
                prev = out[-1]  # "Materi: A, B, C" after the activity: what it covered
                p_start = prev.evidence[0].start
                out[-1] = ActivityStatement(
                    text=text[p_start:end], date=prev.date,
                    parties=tuple(dict.fromkeys(prev.parties + mentioned_parties(sentence, parties))),
                    evidence=(doc.evidence(p_start, end),))
                continue
            # the whole sentence, its done clauses, or nothing (quotation, request, plan)
            for c_start, c_end in done_parts(text, b_start, start, end, not_done):
                clause = text[c_start:c_end]  # a clause cut from a sentence is read as a sentence
                if not _is_statement(clause if (c_start, c_end) == (start, end) else clause + "."):
                    continue
                own_date = statement_date(text, c_start, c_end, points)
                if written and written[0] < c_start and own_date and own_date > written[1] \
                        and not _PERFECT.search(clause):
                    continue  # "Natal bersama: Sabtu, 19 Desember" in a message of 25 November: an announcement
                out.append(ActivityStatement(
                    text=clause, date=own_date or day,
                    parties=tuple(dict.fromkeys(mentioned_parties(clause, parties) + reporter)),
                    evidence=(doc.evidence(c_start, c_end),)))
    out.sort(key=lambda a: a.evidence[0].start)
    if len(out) > 1 and _headline_restated(text, out[0], out[1]):
        out.pop(0)  # the lead says it again, with who did it and where
    subject = report_subject(text) or minutes_subject(text, is_not_done)  # minutes: the meeting was held
    if subject and not _said_in_body(text[subject[0]:subject[1]], [a.text for a in out]):
        start, end = subject
        out.insert(0, ActivityStatement(
            text=text[start:end], date=default_date,
            parties=tuple(dict.fromkeys(mentioned_parties(text[start:end], parties) + reporter)),
            evidence=(doc.evidence(start, end),)))
    return tuple(out)


def _partner_heading(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"B. Kerja sama dengan Kizuna" / "B. KERJA SAMA DENGAN KIZUNA" heading a block (its first line, no
    closing stop, a few words): the span of the heading without its mark. Kept as a statement so that
    matching reads what follows as that partner's section, not as continuing the section on another
    partner before it; a heading shares no work term with a commitment."""
    nl = text.find("\n", start, end)
    line = text[start:nl if nl >= 0 else end]
    mark = _HEADING_MARK.match(line)
    heading = line[mark.end() if mark else 0:].strip()
    if not heading or heading[-1] in ".!?;:," or len(_WORD.findall(heading)) > 10 \
            or not (names_partner_section(heading) or (mark and names_organisation_section(heading))):
        return None
    h_start = text.index(heading, start)
    return h_start, h_start + len(heading)


def _headline_restated(text: str, first: ActivityStatement, second: ActivityStatement) -> bool:
    """Is `first` the document's headline (its whole first line, no full stop) and does the lead
    sentence below it (`second`, a paragraph of its own) carry nearly all of its terms? A headline
    squeezes the lead into a few words and drops what tells whose work it was ("Kampus Pasang Lima
    Alat Ukur" over "Stasiun X bersama Universitas Y memasang lima alat ..."), so it is read in the
    lead, not apart from it."""
    from extractor.matching_text import analyze

    h_start, h_end = first.evidence[0].start, first.evidence[0].end
    line_end = text.find("\n", h_start)
    if text[:h_start].strip() or text[h_start:line_end if line_end >= 0 else len(text)].strip() != first.text.strip():
        return False
    if first.text.rstrip()[-1:] in ".!?:" or "\n\n" not in text[h_end:second.evidence[0].start].replace("\r", ""):
        return False
    head = set(analyze(first.text))
    return len(head) >= 4 and len(head & set(analyze(second.text))) >= 0.75 * len(head)


def _said_in_body(subject: str, statements: Sequence[str]) -> bool:
    """Does one statement already name the titled activity (all its terms but one)? Then the bare
    title adds nothing but a short, vague text that resembles many commitments."""
    from extractor.matching_text import analyze

    want = set(analyze(subject))
    return any(len(want - set(analyze(s))) <= 1 for s in statements)
