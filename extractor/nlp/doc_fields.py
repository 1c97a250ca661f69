"""`janji_doc_fields`: document kind, number(s), title and place of signing.

- kind: `agreement` when the document opens like one (PERJANJIAN, NOTA KESEPAKATAN/KESEPAHAMAN,
  KESEPAKATAN BERSAMA, MEMORANDUM OF UNDERSTANDING, PKS, AGREEMENT) or is built of Pasal/Article
  sections with PIHAK PERTAMA / "the Parties"; `activity_report` for reports of work done
  (laporan kegiatan, tindak lanjut, pelaksanaan ... of an earlier agreement); `news_release` for
  press-style text (a dateline, quotations, reported speech); otherwise `other`.
- number: every "Nomor: X" / "No. X" line of the opening block holding a reference with / or -,
  joined with "; ".
- title: the opening block of an agreement in one line; the headline of a release.
- location: "bertempat di X", "Done ... at X on", "signed in X", "penandatanganan ... di X".
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp.segmenter import CHAT_STAMP

AGREEMENT_OPENING = re.compile(
    r"^\W*(?:perjanjian|nota\s+kesepa(?:kat|ham)an|kesepakatan\s+bersama|memorandum\s+of\s+understanding|"
    r"memorandum\s+of\s+agreement|perjanjian\s+kerja\s*sama|pks\b|agreement|cooperation\s+agreement|"
    r"kontrak|addendum|adendum|mou\b)", re.IGNORECASE)
STRUCTURE = re.compile(r"^\s*(?:pasal|article)\s+(?:(?:1|I)\b|\|[ \t]*$)", re.IGNORECASE | re.MULTILINE)  # OCR: "Pasal |"
PARTIES_DEF = re.compile(r"PIHAK\s+PERTAMA|the\s+Parties|para\s+pihak", re.IGNORECASE)
REPORT = re.compile(r"\b(?:laporan\s+(?:kegiatan|pelaksanaan|hasil|perkembangan|akhir)|activity\s+report|progress\s+report|"
                    r"tindak\s*lanjut\w*|menindaklanjuti|implementasi|realisasi|workshop|lokakarya|pemetaan|"
                    r"pelatihan\s+telah|telah\s+dilaksanakan|kegiatan\s+ini)\b", re.IGNORECASE)
_EN_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
REPORT_HEADING = re.compile(r"^[ \t]*(?:laporan\s+(?:kegiatan|pelaksanaan|hasil|perkembangan|akhir|kemajuan|triwulan|"
                            # "Laporan Realisasi Triwulan III", "Laporan Capaian Kinerja": what was achieved
                            r"realisasi|capaian|progres|semester|bulanan|tahunan|monitoring|monev|pemantauan|perjalanan|kunjungan)|(?:activity|progress)\s+report|"
                            # what an officer saw and did on a mission: "Back-to-Office Report", "Mission Report"
                            r"back[\s-]+to[\s-]+office\s+report|(?:mission|trip|travel)\s+report|"
                            # minutes of a meeting and monitoring visit reports report what was done too
                            r"notulen|notula|notulensi|risalah\s+rapat|minutes\s+of\b|"
                            # a meeting's recording written out: "Transkrip Rekaman Rapat ...", "Transcript of the hearing"
                            r"transkrip(?:\s+rekaman)?\s+(?:rapat|sidang|audiensi|dengar\s+pendapat)|"
                            r"transcript\s+of\s+(?:the\s+)?(?:meeting|hearing|session)|(?:meeting|hearing)\s+transcript|"
                            # a log or diary of work kept in the field ("FIELD LOG - ...", "Catatan Harian Kegiatan")
                            r"(?:field|activity|project|daily|site|work)\s+(?:log|diary|journal|notes)|log\s*book|"
                            # captioned photos of the work done: "FIELD PHOTO LOG", "Photo report", "Dokumentasi Foto Kegiatan"
                            r"(?:(?:field|activity|project|site)\s+)?photo\s+(?:log|report|record|diary)|"
                            r"dokumentasi\s+(?:foto\s+)?kegiatan|"
                            r"catatan\s+(?:harian|lapangan)|jurnal\s+(?:harian|kegiatan)|buku\s+harian|"
                            # an official record of an inspection, a handover or an activity ("Berita Acara Pemeriksaan
                            # Lapangan", "Berita Acara Serah Terima"): what was found done
                            r"berita\s+acara\s+(?:hasil\s+)?(?:pemeriksaan|serah\s+terima|kegiatan|rapat|monitoring|"
                            r"pemantauan|peninjauan|evaluasi|kemajuan|uji)|"
                            r"(?:field\s+)?(?:monitoring\s+)?visit\s+report|monitoring\s+report|"
                            r"(?:semi-annual|six-monthly|six-month|half-yearly|quarterly|monthly|annual)\s+"
                            r"(?:progress\s+|field\s+)?(?:report|note)|"
                            # "Progress Note" of a grantee to its donor, "Catatan Kemajuan"
                            r"progress\s+note|catatan\s+(?:kemajuan|perkembangan)|"
                            # a review mission's aide-memoire; a monitoring form filled in by a partner ("Formulir
                            # Pemantauan Triwulanan PKS ...", "Monitoring form"): what was found done
                            r"aide[\s-]*m[eé]moire|formulir\s+(?:pemantauan|monitoring|monev|laporan|evaluasi)|"
                            r"(?:monitoring|reporting|progress)\s+form|"
                            # "Quarterly Update", "Partnerships Office — Progress Update": a periodic update
                            r"(?:[^\n]{0,60}?[–—-]\s*)?(?:(?:semi-annual|six-monthly|quarterly|monthly)(?:\s+progress)?|progress|status|"
                            # "RESULTS FRAMEWORK UPDATE - Q3", "Logframe update": the results reached so far
                            r"results?(?:\s+framework)?|log-?frame|"
                            # "Vaccination under the MoU - October update": the month's work reported
                            rf"{_EN_MONTHS}(?:\s+\d{{4}})?(?:\s+progress)?)\s+update|"
                            # a spreadsheet's recap of progress: "REKAP PROGRES PELAKSANAAN PKS", "Rekapitulasi Realisasi"
                            r"rekap(?:itulasi)?\s+(?:progres|realisasi|capaian|pelaksanaan|kegiatan|kemajuan|perkembangan))\b"
                            r"(?:[^\n.]|\b(?:No|Nr|Nomor)\.)*$",
                            re.IGNORECASE | re.MULTILINE)
# a letter's subject line naming a report of work: "Perihal : Laporan Pelaksanaan PKS", "Hal: Laporan Kegiatan",
# "Subject: Progress report"
LETTER_SUBJECT_REPORT = re.compile(r"^[ \t]*(?:perihal|hal|subject|re)[ \t]*:[ \t]*(?:laporan\s+(?:kegiatan|pelaksanaan|hasil|"
                                   r"perkembangan|kemajuan|realisasi|capaian|progres|akhir|monitoring)|"
                                   # a memo on how an agreement is being carried out: "Perihal : Pelaksanaan PKS ..."
                                   r"(?:pelaksanaan|realisasi|perkembangan|kemajuan|progres|capaian)\s+(?:pks|perjanjian|"
                                   r"kerja\s*sama|nota\s+kesepa(?:kat|ham)an|kesepakatan\s+bersama|mou)\b|"
                                   r"(?:activity|progress|implementation)\s+report)\b", re.IGNORECASE | re.MULTILINE)
SIGNING_NEWS = re.compile(r"\b(?:teken|meneken|diteken|tandatangan\w*|ditandatangani|penandatanganan|menandatangani|sepakat|"
                          r"jalin|menjalin|gandeng|signs?|signed|perpanjang)\b", re.IGNORECASE)
NEWS = re.compile(r"(?:[\"“][^\"”]{20,}[\"”]\s*,?\s*(?:ujar|kata|tutur|jelas|papar|tegas|said)|"
                  r"^[A-Z][A-Za-z .]+(?:,\s*[A-Za-z.]+)?\s*[–—-]\s|\b(?:ujarnya|katanya|kata\s+[A-Z]|said\s+[A-Z]))",
                  re.MULTILINE)
# a release that says so on its first line ("PRESS RELEASE", "Siaran Pers", "Rilis Media")
PRESS_HEADING = re.compile(r"\W*(?:press|media|news)\s+release\b|\W*(?:siaran|rilis)\s+(?:pers|media)\b", re.IGNORECASE)
# "Nomor : 12/PKS/2026", and a party's own number line "Nomor Dinas Kesehatan : 440/..." (its name, in
# capitalised words, between the label and the colon)
NUMBER = re.compile(r"^[ \t]*(?:nomor|no\.?|number)(?:[ \t]+(?!(?:induk|pokok|akta|rekening|telepon|telp|hp|identitas|ktp|"
                    r"npwp|nib|nip|nik|izin|ijin|registrasi|sertifikat|account|phone|tax|registration|id)\b)(?-i:[A-Z])[\w.&'-]*(?:[ \t]+(?-i:[A-Z])[\w.&'-]*){0,5}"
                    r"[ \t]*(?=:))?\s*:?\s*([A-Za-z0-9][\w./\-]*[/\-][\w./\-]*\w)", re.IGNORECASE | re.MULTILINE)
VENUE = r"(?:ruang|gedung|aula|kantor|pendopo|pendapa|balai|hotel|auditorium|gedung|wisma|rumah\s+dinas)"
DAYS = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
LOCATION = [
    re.compile(r"\bbertempat\s+di\s+([A-Z][\w.\- ]{1,60}?)(?=\s*[,.;(]|\s+kami\b|\s+yang\b)"),
    re.compile(r"\bat\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}(?:,\s*[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?),?\s+on\s+\d"),
    # "Made on Thursday, 28 May 2026 at X, between ...", "signed on 3 March 2026 at X."
    re.compile(r"\b(?:[Mm]ade|signed|[Dd]one|executed)\s+on\s+(?:[A-Z][a-z]+,?\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+at\s+"
               r"((?:the\s+)?[A-Z][\w\-']+(?:\s+[A-Z][\w\-']+){0,3})(?=\s*[,.;]|\s+between\b)"),
]
SIGNING_EVENT = re.compile(r"\b(?:penandatanganan|ditandatangani|diteken|seremoni|prosesi|terjalin|menandatangani|"
                           r"meneken|teken|digelar|berlangsung|signed|signing)\b", re.IGNORECASE)
VENUE_AT = re.compile(rf"\s(?:di|in)\s+((?:(?i:{VENUE})\b|[A-Z])[^\n]*?)(?=,\s*(?:{DAYS}|pada|yang|pukul|sebagai|bertepatan)\b|"
                      rf"\s+(?:pada|dan|yang|untuk|oleh|bersama|sebagai)\s|\s*\(|(?<!\bKav)(?<!\bJl)(?<!\bNo)[.;](?:\s|$)|$)")


# a status checklist: items ticked as done or not ("[x] A1. ...", "[ ] ...", "[~] ...", "☑ ..."), its legend or items
# saying what a tick means (done, partly done, selesai, terlaksana)
TICKED_ITEM = re.compile(r"^[ \t]*(?:\[[ \txX~✓✔/-]?\]|\[n/?a\]|[☐☑☒✓✔])[ \t]*\S", re.IGNORECASE | re.MULTILINE)
TICK_MEANS_DONE = re.compile(r"\b(?:done|completed?|selesai|terlaksana|sudah|belum)\b", re.IGNORECASE)


# a log whose entries carry a status tag ("2026-06-08 [DONE] ...", "[PART]", "[SELESAI]"): what was done, one entry a line
STATUS_TAG = re.compile(r"^[^\n\[]{0,40}\[(?:done|completed?|finished|part|partly|partial|hold|on\s+hold|postponed|drop|dropped|"
                        r"cancell?ed|selesai|sebagian|tunda|ditunda|batal|dibatalkan)\][ \t]*\S", re.IGNORECASE | re.MULTILINE)
# a task board exported column by column ("==== COLUMN: DONE (5) ====", "KOLOM: SEDANG BERJALAN", "## In progress"):
# its cards under a done column are work done
BOARD_COLUMN = re.compile(r"^[ \t]*[=#*\-\[]*[ \t]*(?:(?:kolom|column|lajur|list)[ \t]*:[ \t]*)?"
                          r"(?P<status>selesai|done|completed|sedang\s+(?:berjalan|dikerjakan)|in\s+progress|ongoing|"
                          r"ditunda|on\s+hold|postponed|dibatalkan|cancell?ed|rencana|planned|to\s*do|backlog)"
                          r"[ \t]*(?:\(\d+\))?[ \t]*[=#*\-\]]*[ \t]*$", re.IGNORECASE | re.MULTILINE)


def is_task_board(text: str) -> bool:
    columns = {re.sub(r"\s+", " ", m.group("status").lower()) for m in BOARD_COLUMN.finditer(text)}
    return len(columns) >= 2 and bool(columns & {"selesai", "done", "completed"})


def _status_checklist(text: str) -> bool:
    if len(STATUS_TAG.findall(text)) >= 3 or is_task_board(text):
        return True
    return len(TICKED_ITEM.findall(text)) >= 3 and bool(TICK_MEANS_DONE.search(text))


# a message of an exported chat: "[15/12/26 07.41] Name: ...", "15/12/2026, 07:41 - Name: ..."
CHAT_MESSAGE = re.compile(r"^" + CHAT_STAMP + r"(?P<sender>[^:\n]{1,80}):[ \t]", re.MULTILINE)


# a letter-style date line above the title ("Serambi Laut, Rabu 10 Juni 2026", "Jakarta, 3 March 2026")
DATE_LINE_FIRST = re.compile(r"\s*[A-Z][\w.' -]{1,40},[ \t]*(?:[A-Z][a-z']+,?[ \t]+)?\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}"
                             r"[ \t]*\n")
# "Kami yang bertanda tangan di bawah ini: NAME, ..., untuk selanjutnya disebut X": signatories introduced and
# defined, as an agreement does even when its terms are set out under plain headings instead of Pasal
SIGNATORIES_DEFINED = re.compile(r"\b(?:yang\s+bertanda\s*tangan\s+di\s*bawah\s+ini|the\s+undersigned)\b[\s\S]{0,1500}?"
                                 r"\b(?:selanjutnya\s+(?:disebut|dinamakan)|hereinafter\s+(?:referred\s+to\s+as|called))\b",
                                 re.IGNORECASE)
# numbered sections of an agreement by another name ("Section 1 — Purpose", "Clause 1")
SECTION_ONE = re.compile(r"^\s*(?:section|clause)\s+(?:1|I|one)\b", re.IGNORECASE | re.MULTILINE)


def kind_of(text: str) -> str:
    head = text.lstrip()[:400]
    dated = DATE_LINE_FIRST.match(head)
    if dated:
        head = text.lstrip()[dated.end():][:400]   # the title stands under the date line
    structured = bool(STRUCTURE.search(text)) or bool(re.search(r"\b(?:antara|between)\b", head, re.IGNORECASE)) \
        or bool(SECTION_ONE.search(text))
    if (AGREEMENT_OPENING.match(head) and (structured or SIGNATORIES_DEFINED.search(text[:3000]))) \
            or (STRUCTURE.search(text) and PARTIES_DEF.search(text)):
        return "agreement"
    if len(CHAT_MESSAGE.findall(text[:5000])) >= 3:
        return "activity_report"   # a group chat exported: members telling each other what was done
    first_line = head.split("\n", 1)[0]
    if REPORT.search(first_line) and not SIGNING_NEWS.search(first_line.replace("MoU", "")):
        return "activity_report"
    if re.search(r"\blaporan\s+kegiatan\b|\bactivity\s+report\b", text[:600], re.IGNORECASE):
        return "activity_report"
    if REPORT_HEADING.search(text[:600]):
        return "activity_report"   # the report's title under a letterhead (name and address lines)
    if LETTER_SUBJECT_REPORT.search(text[:1200]):
        return "activity_report"   # a letter whose subject line is a report ("Perihal : Laporan Pelaksanaan ...")
    if _status_checklist(text):
        return "activity_report"   # a checklist ticking off what was done
    if NEWS.search(text) or SIGNING_NEWS.search(first_line) or PRESS_HEADING.match(head):
        return "news_release"
    return "other"


# an English party's own reference line: "Regency No.: 180/...", "Company Reference: AB-12/...", "Ref. No.: ...",
# "Log ref.: ..." (a label of capitalised words before the colon; not a phone, account or tax number)
NAMED_REFERENCE = re.compile(
    r"^[ \t]*(?!(?i:phone|tel|telp|fax|account|tax|npwp|nib|nip|nik|ktp|hp|id|isbn|issn)\b)"
    r"(?:[A-Z][\w&'-]*\.?[ \t]+){0,3}(?i:no\.?|number|ref\.?|reference)(?:[ \t]+(?i:no\.?))?[ \t]*:[ \t]*"
    r"([A-Za-z0-9][\w./\-]*[/\-][\w./\-]*\w)", re.MULTILINE)


def numbers_of(text: str) -> str | None:
    opening = text[:3000]
    body = re.search(r"^\s*(?:pasal|article)\s+(?:1|I)\b", opening, re.IGNORECASE | re.MULTILINE)
    if body:
        opening = opening[:body.start()]
    found = []
    matches = sorted([*NUMBER.finditer(opening), *NAMED_REFERENCE.finditer(opening)], key=lambda m: m.start())
    for m in matches:
        num = m.group(1).rstrip(".")
        if num not in found:
            found.append(num)
    return "; ".join(found) or None


def title_of(text: str, kind: str) -> str | None:
    stripped = text.lstrip()
    if kind == "agreement":
        block = re.split(r"\n\s*\n\s*(?=[^\n]*[a-z][^\n]*[a-z])", stripped, maxsplit=1)[0]
        lines = [ln.strip() for ln in block.split("\n") if ln.strip() and not NUMBER.match(ln)]
        title = re.sub(r"\s+", " ", " ".join(lines)).strip()
        return title[:300] or None
    first = stripped.split("\n", 1)[0].strip()
    if 0 < len(first) <= 200 and not first.endswith("."):
        return first
    return None


def _clean(loc: str) -> str:
    loc = re.sub(r"\s+", " ", loc).strip(" ,")
    return re.sub(rf"(?:,\s*|\s+)(?:pada|{DAYS})\b.*$", "", loc).strip(" ,")


def location_of(text: str) -> str | None:
    for rx in LOCATION:
        m = rx.search(text)
        if m and _clean(m.group(1)):
            return _clean(m.group(1))
    # releases: the first place after " di " in a sentence about the signing
    for sent in re.split(r"(?<=[a-z)]{3}[.!?])\s+(?=[A-Z\"“])|\n\s*\n", text[:4000]):
        sent = re.sub(r"\s*\n\s*", " ", sent)  # a place wrapped over two lines
        cue = SIGNING_EVENT.search(sent)
        if not cue:
            continue
        for m in VENUE_AT.finditer(sent, cue.start()):
            loc = _clean(m.group(1))
            if loc and len(loc) <= 120 and not re.match(r"(?i)(?:bidang|sela|antara|hadapan|bawah)\b", loc):
                return loc
    return None


def doc_fields(doc: Doc) -> Doc:
    text = doc.text
    kind = kind_of(text)
    doc._.janji_kind = kind
    doc._.janji_number = numbers_of(text)
    doc._.janji_title = title_of(text, kind)
    doc._.janji_location = location_of(text)
    return doc


@Language.factory("janji_doc_fields")
def make_doc_fields(nlp: Language, name: str):
    return doc_fields
