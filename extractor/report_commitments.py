"""Activity reports: the done activities, reported as commitments too.

The scoring convention of the corpus lists what a report says was *done* ("tim X memulai
pemetaan ...", "pelatihan operator diikuti 44 operator") among its commitments, so an activity
report's extraction carries each done statement as a commitment as well as an activity. These
commitments describe the report itself: they are never obligations (the matching service only
tracks commitments of agreements and releases, see `api/services/matching.py`).

Only statements that read as an action become commitments: a verb in lower case (me-/di-/ber-/
-kan forms, "telah"/"sudah", English past tense), not direct speech (inside
quotes or ending in a speech verb), not a sentence about the report itself, not a thanks or an
explanation someone gave.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.types import ActivityStatement, Commitment

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
_SELF = re.compile(r"^\s*(?:laporan|this\s+report|the\s+report)\b(?:\s+\w+){0,2}\s+(?:ini|disusun|is|was)\b",
                   re.IGNORECASE)
_SPEECH_ACT = re.compile(r"\b(?:menyampaikan\s+(?:terima\s+kasih|apresiasi|penghargaan)|memberikan\s+penjelasan|"
                         r"mengucapkan\s+terima\s+kasih|mengatakan|menjelaskan|menuturkan|mengungkapkan|"
                         r"expressed\s+(?:thanks|gratitude|appreciation)|thanked)\b", re.IGNORECASE)


def reads_as_action(sentence: str) -> bool:
    """A lower-case verb form somewhere in the sentence (headings, titles, signature lines and
    legal-basis references have none)."""
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


def is_done_commitment(sentence: str, text: str, start: int) -> bool:
    if not reads_as_action(sentence) or _SELF.match(sentence) or _SPEECH_ACT.search(sentence):
        return False
    return not (_SPEECH_TAIL.search(sentence) or inside_quote(text, start))


def activity_commitments(text: str, activities: Sequence[ActivityStatement],
                         commitments: Sequence[Commitment]) -> list[Commitment]:
    """Commitments for the done statements of a report that no existing commitment already covers
    (offsets are into `text`, the document text the evidence points into)."""
    taken = [(e.start, e.end) for c in commitments for e in c.evidence]
    out: list[Commitment] = []
    for a in activities:
        if not a.evidence:
            continue
        ev = a.evidence[0]
        if any(s < ev.end and ev.start < e for s, e in taken):
            continue
        sentence = " ".join(a.text.split()).rstrip(" .;")
        if not is_done_commitment(sentence, text, ev.start):
            continue
        out.append(Commitment(text=sentence, action=sentence, parties=a.parties, due=None, confidence=0.5,
                              evidence=a.evidence, needs_review=not a.parties))
    return out
